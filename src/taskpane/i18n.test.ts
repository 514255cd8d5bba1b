import { describe, expect, it } from "vitest";
import {
  formatGrowth,
  formatRate,
  formatTarget,
  langFromDisplayLanguage,
  problemTitle,
  translate,
} from "./i18n";

describe("the pane's language", () => {
  it("is Chinese for zh-CN and other Chinese locales, English otherwise", () => {
    expect(["zh-CN", "zh-cn", "zh-TW", "zh"].map(langFromDisplayLanguage)).toEqual([
      "zh",
      "zh",
      "zh",
      "zh",
    ]);
    expect(["en-US", "de-DE", "", undefined, null].map(langFromDisplayLanguage)).toEqual([
      "en",
      "en",
      "en",
      "en",
      "en",
    ]);
  });

  it("fills placeholders in both languages", () => {
    const params = { read: "1,900", counted: "1,889", excluded: "11" };
    expect(translate("en", "rowsLine", params)).toBe(
      "1,900 rows read, 1,889 counted, 11 listed as problems"
    );
    expect(translate("zh", "rowsLine", params)).toBe("读取 1,900 行，计入 1,889 行，11 行列为问题");
  });

  it("names the Recalculate button 重新计算 in Chinese", () => {
    expect(translate("zh", "recalc")).toBe("重新计算");
    expect(translate("en", "recalc")).toBe("Recalculate");
  });

  it("has a title for every problem code in both languages", () => {
    expect(problemTitle("zh", "bad-uscc")).toMatch(/信用代码/);
    expect(problemTitle("en", "bad-uscc")).toMatch(/credit code/i);
  });
});

describe("figures as the pane shows them", () => {
  it("shows rates with two decimals and growth with its sign", () => {
    expect(formatRate(0.7854, "en")).toBe("78.54%");
    expect(formatGrowth(0.7854, "en")).toBe("+78.54%");
    expect(formatGrowth(-0.1, "en")).toBe("−10.00%");
    expect(formatGrowth(null, "zh")).toBe("无");
  });

  it("shows a target without needless decimals", () => {
    expect(formatTarget(0.1)).toBe("10%");
    expect(formatTarget(0.125)).toBe("12.5%");
  });
});
