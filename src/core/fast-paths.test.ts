/**
 * The fast paths added for columns at a million rows, each held to the full reader it stands in
 * for (as cells.fast.test.ts does for the older ones): where a fast path answers, the full reader
 * gives the same answer.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  plainBoolean,
  plainDate,
  plainDateText,
  plainMoneyText,
  readBoolean,
  readDate,
  readNumber,
} from "./cells";
import { isPhoneNumber } from "./contact";
import { plainMemberType, readMemberType } from "./enums";
import { hashText } from "./key-index";
import { RowReader } from "./read";
import { displayWidth } from "./report/cells";
import { detectOne, grid, readContext } from "../../tests/core/kit/grids";
import type { ProblemDraft, RawCell } from "./types";
import { isPlainUscc, plainUsccHash, USCC_ALPHABET, usccCheckCharacter } from "./uscc";

const digit = fc.constantFrom(..."0123456789");
const digits = (min: number, max: number) =>
  fc.array(digit, { minLength: min, maxLength: max }).map((a) => a.join(""));

/** Texts shaped like dates, and near misses: other separators, widths, spaces, extra characters. */
const dateLike = fc.oneof(
  fc
    .tuple(
      digits(3, 5),
      fc.constantFrom("-", "/", ".", "年", " ", "_", "－"),
      digits(0, 3),
      fc.constantFrom("-", "/", ".", "月", "", " "),
      digits(0, 3),
      fc.constantFrom("", "日", "号", " ", "x", "日日")
    )
    .map((parts) => parts.join("")),
  fc.string({ unit: fc.constantFrom(..."0123456789-/.年月日号 １"), maxLength: 12 })
);

describe("plainDate and plainDateText", () => {
  it("read a date text exactly as readDate does wherever they answer", () => {
    fc.assert(
      fc.property(dateLike, (s) => {
        const fast = plainDateText(s);
        const plain = plainDate(s, 1900);
        expect(plain).toBe(fast);
        if (fast !== null) expect(readDate(s, 1900)).toEqual({ ok: true, value: fast });
      }),
      { numRuns: 5000 }
    );
  });

  it("answers for the common shapes and leaves the rest (and impossible days) to readDate", () => {
    const answered = [
      "2013-05-08",
      "2013/5/8",
      "2013.05.08",
      "2013年5月8日",
      "2013年12月31号",
      "2013年1月2",
    ];
    for (const s of answered) expect(plainDateText(s)).not.toBeNull();
    const left = [
      "2013-05/08",
      "2013.02.30",
      " 2013-05-08",
      "2013-05-08 10:00",
      "２０１３-05-08",
      "20130508",
      "2013-5",
    ];
    for (const s of left) expect(plainDateText(s)).toBeNull();
  });

  it("reads a number as readDate does (a serial, not a year-like 1900–2100) wherever it answers", () => {
    const numbers = fc.oneof(
      fc.integer({ min: -10, max: 3_000_000 }),
      fc.double({ min: -10, max: 3_000_000, noNaN: true }),
      fc.constantFrom(0, 1, 59, 60, 61, 1899, 1900, 2100, 2101, 2958465, 2958466, Number.NaN)
    );
    fc.assert(
      fc.property(numbers, fc.constantFrom(1900 as const, 1904 as const), (n, system) => {
        const fast = plainDate(n, system);
        if (fast !== null) expect(readDate(n, system)).toEqual({ ok: true, value: fast });
        const full = readDate(n, system);
        if (full.ok) expect(fast).toBe(full.value);
      }),
      { numRuns: 3000 }
    );
  });
});

/** Texts shaped like amounts, and near misses: signs, units, spaces, misplaced commas, widths. */
const moneyLike = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("", "", "¥", "￥", "-", "+", " ", "RMB", "¥-"),
      fc.oneof(
        digits(0, 17),
        fc.array(digits(1, 4), { minLength: 1, maxLength: 5 }).map((g) => g.join(","))
      ),
      fc.constantFrom("", "", ".", ".0", ".00", ".5", ".05", ".000", ",", ".0.0"),
      fc.constantFrom("", "", "元", "万", "万元", "亿", " ", "元元", "x")
    )
    .map((parts) => parts.join("")),
  fc.string({ unit: fc.constantFrom(..."0123456789,.¥元万 -１"), maxLength: 14 })
);

describe("plainMoneyText", () => {
  it("reads an amount exactly as readNumber does wherever it answers", () => {
    fc.assert(
      fc.property(moneyLike, (s) => {
        const fast = plainMoneyText(s);
        if (fast !== null) expect(readNumber(s)).toEqual({ ok: true, value: fast });
      }),
      { numRuns: 10000 }
    );
  });

  it("answers for the shapes typed most and leaves the rest to readNumber", () => {
    const answered: Array<[string, number]> = [
      ["1000元", 1000],
      ["¥500.00", 500],
      ["1,000", 1000],
      ["12,345,678", 12345678],
      ["¥1,000元", 1000],
      ["0", 0],
      ["007", 7],
      ["999999999999999", 999999999999999],
    ];
    for (const [s, value] of answered) expect(plainMoneyText(s)).toBe(value);
    const left = [
      "",
      "¥",
      "元",
      "-5",
      "+5",
      " 5",
      "5 ",
      "1.5",
      "5.",
      ".0",
      "1,00",
      "1000,000",
      ",100",
      "1,000,",
      "1.2万",
      "5万元",
      "￥500",
      "１000",
      "RMB500",
      "1000000000000000",
    ];
    for (const s of left) expect(plainMoneyText(s)).toBeNull();
  });
});

describe("plainBoolean and plainMemberType", () => {
  const words = fc.oneof(
    fc.constantFrom(
      "是",
      "否",
      "有",
      "无",
      "Y",
      "n",
      "TRUE",
      " 是 ",
      "\u200b否",
      "１",
      "x",
      "",
      "  ",
      "对的"
    ),
    fc.constantFrom(
      "企业会员",
      "团体会员",
      "个人会员",
      "企业",
      "个人",
      " 企业会员",
      "企 业",
      "民营企业"
    ),
    fc.string({ maxLength: 6 })
  );
  const cells = fc.oneof(words, fc.boolean(), fc.integer({ min: -1, max: 2 }), fc.constant(null));

  it("plainBoolean answers only as readBoolean reads the cell", () => {
    fc.assert(
      fc.property(cells, (cell: RawCell) => {
        const fast = plainBoolean(cell);
        if (fast !== null) expect(readBoolean(cell)).toEqual({ ok: true, value: fast });
      }),
      { numRuns: 3000 }
    );
  });

  it("plainMemberType answers only as readMemberType reads the cell", () => {
    fc.assert(
      fc.property(cells, (cell: RawCell) => {
        const fast = plainMemberType(cell);
        if (fast !== null) expect(readMemberType(cell)).toEqual({ ok: true, value: fast });
      }),
      { numRuns: 3000 }
    );
  });
});

describe("plainUsccHash", () => {
  const validChar = fc.constantFrom(...Array.from(USCC_ALPHABET));
  const code = fc
    .array(validChar, { minLength: 17, maxLength: 17 })
    .map((a) => a.join(""))
    .map((first17) => first17 + (usccCheckCharacter(first17) ?? "0"));
  const texts = fc.oneof(
    code,
    code.map((c) => c.slice(0, 17) + (c.endsWith("0") ? "1" : "0")),
    code.map((c) => c.toLowerCase()),
    code.map((c) => `${c} `),
    fc.string({ minLength: 17, maxLength: 19 })
  );

  it("is the key index's hash of a code isPlainUscc accepts, and 0 for anything else", () => {
    fc.assert(
      fc.property(texts, (s) => {
        const hash = plainUsccHash(s);
        expect(hash !== 0).toBe(isPlainUscc(s));
        if (hash !== 0) expect(hash).toBe(hashText(s));
      }),
      { numRuns: 3000 }
    );
  });
});

describe("isPhoneNumber's plain landline", () => {
  const landline = fc
    .tuple(digits(2, 4), fc.constantFrom("-", "", " "), digits(6, 9))
    .map(([area, sep, local]) => `0${area}${sep}${local}`);

  it("answers for an area code, a hyphen and a local number as the cleaning path does", () => {
    fc.assert(
      fc.property(landline, (s) => {
        // A leading space sends the text through the full path (cleaning, then the rules).
        expect(isPhoneNumber(s)).toBe(isPhoneNumber(` ${s}`));
      }),
      { numRuns: 3000 }
    );
  });
});

describe("RowReader.phoneValue", () => {
  function read(cell: RawCell): {
    value: string | number | null;
    text: string | null;
    codes: string[];
  } {
    const problems: ProblemDraft[] = [];
    const sheet = detectOne("members", [
      grid("会员", [
        ["会员编号", "会员名称", "会员类型", "入会日期", "联系电话"],
        ["M1", "甲", "个人会员", "2012-03-01", cell],
      ]),
    ]);
    const reader = new RowReader(sheet, readContext(problems));
    reader.start(sheet.dataStart);
    const value = reader.phoneValue(reader.field("phone"));
    const text = reader.phone(reader.field("phone"));
    return { value, text, codes: problems.map((p) => p.code) };
  }

  it("keeps a mobile typed as a number as that number, whose digits phone() gives", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 12_999_999_990, max: 20_000_000_010 }), fc.double()),
        (n) => {
          const got = read(n);
          if (typeof got.value === "number") {
            expect(String(got.value)).toBe(got.text);
            expect(got.codes).toEqual([]);
          }
        }
      ),
      { numRuns: 2000 }
    );
  });
});

describe("displayWidth", () => {
  /** The width as the string's iterator counts it: a code point a column, a wide one two. */
  function slowWidth(s: string): number {
    let width = 0;
    for (const ch of s) {
      const cp = ch.codePointAt(0) ?? 0;
      const wide =
        (cp >= 0x1100 && cp <= 0x115f) ||
        (cp >= 0x2e80 && cp <= 0xa4cf) ||
        (cp >= 0xac00 && cp <= 0xd7a3) ||
        (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0xfe30 && cp <= 0xfe4f) ||
        (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0xffe0 && cp <= 0xffe6) ||
        cp >= 0x20000;
      width += wide ? 2 : 1;
    }
    return width;
  }

  it("counts columns exactly as iterating the string's code points does", () => {
    const unit = fc.oneof(
      fc.constantFrom(
        "a",
        " ",
        "会",
        "Ａ",
        "한",
        "\ud83d",
        "\ude00",
        "😀",
        "𠀀",
        "\u1100",
        "\uffe6"
      ),
      fc.string({ unit: "grapheme", maxLength: 3 }),
      fc.string({ unit: "binary", maxLength: 3 })
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (parts) => {
        const s = parts.join("");
        expect(displayWidth(s)).toBe(slowWidth(s));
      }),
      { numRuns: 5000 }
    );
  });
});
