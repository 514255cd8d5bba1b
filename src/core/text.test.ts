import { describe, expect, it } from "vitest";
import {
  editDistance,
  suggester,
  foldWidth,
  formatMoney,
  memoizeText,
  formatNumber,
  nearest,
  normalizeKey,
  rankCandidates,
  stripInvisible,
} from "./text";

describe("stripInvisible", () => {
  it("removes zero-width spaces, joiners, word joiners and byte-order marks", () => {
    expect(stripInvisible("\uFEFF会\u200B员\u200C编\u200D号\u2060")).toBe("会员编号");
  });
  it("turns no-break and ideographic spaces into plain spaces", () => {
    expect(stripInvisible("a\u00A0b\u3000c")).toBe("a b c");
  });
});

describe("foldWidth", () => {
  it("folds full-width letters, digits and punctuation to ASCII", () => {
    expect(foldWidth("Ｔｙｐｅ１２３（元）％，")).toBe("Type123(元)%,");
  });
  it("folds the ideographic space and the full-width yen sign", () => {
    expect(foldWidth("￥\u30001")).toBe("¥ 1");
  });
  it("leaves Chinese characters alone", () => {
    expect(foldWidth("行业商会")).toBe("行业商会");
  });
});

describe("normalizeKey", () => {
  it.each([
    ["应缴金额（元）", "应缴金额"],
    ["应缴金额(元)", "应缴金额"],
    ["应缴金额 [元]", "应缴金额"],
    ["应缴金额【元】", "应缴金额"],
    [" Member ID ", "memberid"],
    ["Ｔｙｐｅ", "type"],
    ["\u200B会 员\u3000编号\u00A0", "会员编号"],
    ["Amount due (yuan)", "amountdue"],
  ])("normalizes %j to %j", (input, expected) => {
    expect(normalizeKey(input)).toBe(expected);
  });
  it("keeps a text that is only a bracketed word", () => {
    expect(normalizeKey("(元)")).toBe("(元)");
  });
  it("drops only a trailing bracket, not one in the middle", () => {
    expect(normalizeKey("金额(元)合计")).toBe("金额(元)合计");
  });
});

describe("memoizeText", () => {
  it("works each distinct text out once and answers repeats from memory", () => {
    const seen: string[] = [];
    const upper = memoizeText((s: string) => {
      seen.push(s);
      return s.toUpperCase();
    });
    expect(["是", "否", "是", "a", "否"].map(upper)).toEqual(["是", "否", "是", "A", "否"]);
    expect(seen).toEqual(["是", "否", "a"]);
  });
  it("starts afresh when full, so a column of distinct texts cannot grow it without bound", () => {
    const seen: string[] = [];
    const id = memoizeText((s: string) => {
      seen.push(s);
      return s;
    }, 2);
    ["a", "b", "c", "a", "c"].forEach((s) => id(s));
    // a and b fill it; c starts a new memory holding c; a is worked out again, c is remembered.
    expect(seen).toEqual(["a", "b", "c", "a"]);
  });
});

describe("editDistance", () => {
  it("counts substitutions, insertions and swaps", () => {
    expect(editDistance("行业商汇", "行业商会")).toBe(1);
    expect(editDistance("异地", "异地商会")).toBe(2);
    expect(editDistance("Indsutry", "Industry")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });
});

describe("suggester", () => {
  it("gives the same answers as nearest over its list", () => {
    const names = ["城关镇", "东城街道", "西城街道", "临江镇"];
    const suggest = suggester(names);
    for (const value of ["城关", "东城街", "临江真", "xx", "西城街道"]) {
      expect([value, suggest(value)]).toEqual([value, nearest(value, names)]);
    }
  });

  it("reads its candidates only when first asked, so a list still being filled is complete", () => {
    const names = new Map<string, number>();
    const suggest = suggester(names.keys());
    names.set("行业商会", 1);
    expect(suggest("行业商汇")).toBe("行业商会");
  });
});

describe("nearest", () => {
  const chamberWords = ["乡镇街道商会", "行业商会", "区域性商会", "异地商会", "其他商会", "其他"];
  it("answers at once for a 32,767-character value, suggesting nothing that is far in length", () => {
    const names = Array.from({ length: 2000 }, (_, i) => `第${i}号商会`);
    expect(nearest("商".repeat(32767), names)).toBeNull();
  });
  it("still suggests a word that a long value contains", () => {
    expect(nearest(`${"x".repeat(500)}行业商会`, chamberWords)).toBe("行业商会");
  });
  it("suggests 行业商会 for the typo 行业商汇", () => {
    expect(nearest("行业商汇", chamberWords)).toBe("行业商会");
  });
  it("suggests 异地商会 for the prefix 异地", () => {
    expect(nearest("异地", chamberWords)).toBe("异地商会");
  });
  it("compares on normalized forms", () => {
    expect(nearest(" ＩＮＤＵＳＴＲＹ ", ["Township", "Industry"])).toBe("Industry");
  });
  it("finds nothing for unrelated text", () => {
    expect(nearest("xx", chamberWords)).toBeNull();
    expect(nearest("无", chamberWords)).toBeNull();
    expect(nearest("", chamberWords)).toBeNull();
  });
  it("ranks the closer candidate first", () => {
    expect(
      rankCandidates("企业会圆", ["企业", "个人会员", "企业会员"]).map((r) => r.candidate)
    ).toEqual(["企业会员", "企业"]);
  });
});

describe("formatting numbers for messages", () => {
  it("groups thousands and keeps cents only when there are any", () => {
    expect(formatMoney(1200)).toBe("1,200");
    expect(formatMoney(1200.5)).toBe("1,200.50");
    expect(formatMoney(500000)).toBe("500,000");
    expect(formatMoney(-1234567.891)).toBe("-1,234,567.89");
    expect(formatMoney(0)).toBe("0");
  });
  it("formats plain numbers with at most two decimals", () => {
    expect(formatNumber(1234567.5)).toBe("1,234,567.5");
    expect(formatNumber(0.105, 3)).toBe("0.105");
    expect(formatNumber(-0.001)).toBe("0");
  });
});
