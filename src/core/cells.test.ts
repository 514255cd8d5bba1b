import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  isBlankCell,
  numberText,
  rawText,
  readBoolean,
  readDate,
  readId,
  readInteger,
  readNumber,
  readPercent,
  readPhone,
  readText,
  readYear,
} from "./cells";
import { dayFromYmd, isoOfDay } from "./dates";
import { stripInvisible } from "./text";
import type { RawCell } from "./types";

const NA: RawCell = { kind: "error", error: "#N/A" };
const date = (serial: number): RawCell => ({ kind: "date", serial });

/** The value of a successful read, or the failure's code (with `impossible` when set). */
function outcome<T>(read: { ok: true; value: T } | { ok: false; code: string; params?: object }) {
  if (read.ok) return read.value;
  return read.params && "impossible" in read.params ? `${read.code} (impossible)` : read.code;
}

const isoRead = (cell: RawCell, system: 1900 | 1904 = 1900): string => {
  const read = readDate(cell, system);
  return read.ok ? isoOfDay(read.value) : String(outcome(read));
};

describe("isBlankCell", () => {
  it.each<[RawCell, boolean]>([
    [null, true],
    [undefined, true],
    ["", true],
    ["   ", true],
    ["\u200B\u3000\u00A0", true],
    [0, false],
    [false, false],
    ["0", false],
    [NA, false],
    [date(41973), false],
  ])("treats %j as blank: %s", (cell, blank) => {
    expect(isBlankCell(cell)).toBe(blank);
  });
});

describe("rawText", () => {
  it("shows strings as they are", () => {
    expect(rawText("  行业商会 ", 1900)).toBe("  行业商会 ");
  });
  it("shows numbers without .0 and never in exponent form", () => {
    expect(rawText(1001, 1900)).toBe("1001");
    expect(rawText(1200.5, 1900)).toBe("1200.5");
    expect(rawText(Number("123456789012345678901"), 1900)).toBe("123456789012345680000");
    expect(rawText(1e21, 1900)).toBe("1000000000000000000000");
    expect(rawText(913501001234567800, 1900)).toBe("913501001234567800");
    expect(rawText(0.0000001, 1900)).toBe("0.0000001");
  });
  it("shows a number with floating error as Excel does, to 15 digits", () => {
    expect(rawText(0.1 + 0.2, 1900)).toBe("0.3");
  });
  it("shows booleans as TRUE and FALSE", () => {
    expect(rawText(true, 1900)).toBe("TRUE");
    expect(rawText(false, 1900)).toBe("FALSE");
  });
  it("shows date cells as ISO dates in the workbook's system", () => {
    expect(rawText(date(41973), 1900)).toBe("2014-11-30");
    expect(rawText(date(40511), 1904)).toBe("2014-11-30");
  });
  it("shows error cells as their error text and blanks as null", () => {
    expect(rawText(NA, 1900)).toBe("#N/A");
    expect(rawText(null, 1900)).toBeNull();
    expect(rawText("  ", 1900)).toBeNull();
  });
  it("writes every safe integer as its plain digits", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(numberText(n)).toBe(BigInt(n).toString());
      })
    );
  });
});

describe("readText and readId", () => {
  it("trims and strips invisible characters but keeps full-width text for names", () => {
    expect(outcome(readText("\u200B 福州市ＡＢＣ商会\u3000"))).toBe("福州市ＡＢＣ商会");
  });
  it("reads numbers as their digits and date cells as ISO dates", () => {
    expect(outcome(readText(1001))).toBe("1001");
    expect(outcome(readText(date(41973)))).toBe("2014-11-30");
  });
  it("folds width in IDs", () => {
    expect(outcome(readId(" Ｍ００１ "))).toBe("M001");
  });
  it("reads a numeric ID as integer text, not 1001.0", () => {
    expect(outcome(readId(1001))).toBe("1001");
    expect(outcome(readId(1001.0))).toBe("1001");
  });
  it("reports an error cell as formula-error", () => {
    expect(outcome(readText(NA))).toBe("formula-error");
    expect(outcome(readId({ kind: "error", error: "#REF!" }))).toBe("formula-error");
  });
});

describe("readNumber", () => {
  it.each<[RawCell, number]>([
    [1200, 1200],
    [0, 0],
    [-5.5, -5.5],
    ["1,200", 1200],
    ["1200元", 1200],
    ["¥1,200.50", 1200.5],
    ["￥1,200.50", 1200.5],
    ["1.2万", 12000],
    ["1.2万元", 12000],
    ["0.35万", 3500],
    ["3亿", 300000000],
    ["-5", -5],
    ["¥-5", -5],
    ["１２００", 1200],
    ["  300 ", 300],
    ["1 200", 1200],
    [".5", 0.5],
    ["+12", 12],
    ["１，２００．５０元", 1200.5],
  ])("reads %j as %d", (cell, expected) => {
    expect(outcome(readNumber(cell))).toBe(expected);
  });
  it("reads 1.2万 as exactly 12000, with no floating error", () => {
    const read = readNumber("1.2万");
    expect(read.ok && read.value === 12000).toBe(true);
    expect(outcome(readNumber("1.15万"))).toBe(11500);
    expect(outcome(readNumber("0.07万"))).toBe(700);
  });
  it.each<RawCell>([
    "abc",
    "1,2",
    "12,00",
    "1.2.3",
    "¥",
    "万",
    "--5",
    "-¥-5",
    "10%",
    "1200美元",
    true,
    date(41973),
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ])("does not read %j as a number", (cell) => {
    expect(outcome(readNumber(cell))).toBe("not-a-number");
  });
  it("reports an error cell as formula-error", () => {
    expect(outcome(readNumber({ kind: "error", error: "#DIV/0!" }))).toBe("formula-error");
  });
  it("reads any amount written with thousands separators and 元 back to its value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        (yuan, fen) => {
          const text = `¥${yuan.toLocaleString("en-US")}.${String(fen).padStart(2, "0")}元`;
          expect(outcome(readNumber(text))).toBe(Number(`${yuan}.${String(fen).padStart(2, "0")}`));
        }
      )
    );
  });
});

describe("readInteger", () => {
  it("reads whole numbers in any accepted form", () => {
    expect(outcome(readInteger(12))).toBe(12);
    expect(outcome(readInteger("1,200"))).toBe(1200);
    expect(outcome(readInteger("1.2万"))).toBe(12000);
    expect(outcome(readInteger(12.0))).toBe(12);
  });
  it("reports a fraction as not-an-integer and words as not-a-number", () => {
    expect(outcome(readInteger(2.5))).toBe("not-an-integer");
    expect(outcome(readInteger("2.5"))).toBe("not-an-integer");
    expect(outcome(readInteger("两个"))).toBe("not-a-number");
  });
  it("reports a whole number too large to be held exactly as not-an-integer", () => {
    // A credit code pasted into a count column: summing such values would depend on row order.
    expect(outcome(readInteger(913501001000100000))).toBe("not-an-integer");
    expect(outcome(readInteger("913501001000100000"))).toBe("not-an-integer");
    expect(outcome(readInteger(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe("readPercent", () => {
  it.each<[RawCell, number]>([
    ["10%", 0.1],
    ["10.5%", 0.105],
    ["１０％", 0.1],
    [" 10 % ", 0.1],
    ["100%", 1],
    [0.1, 0.1],
    [1, 1],
    [10, 0.1],
    [10.5, 0.105],
    [100, 1],
    ["0.1", 0.1],
    ["10", 0.1],
  ])("reads %j as %d", (cell, expected) => {
    expect(outcome(readPercent(cell))).toBe(expected);
  });
  it.each<RawCell>(["abc", "150%", 150, -0.1, "-10%", true, date(41973)])(
    "does not read %j as a percentage",
    (cell) => {
      expect(outcome(readPercent(cell))).toBe("not-a-number");
    }
  );
});

describe("readDate", () => {
  it.each<[RawCell, string]>([
    ["2014-11-30", "2014-11-30"],
    ["2014/11/30", "2014-11-30"],
    ["2014.11.30", "2014-11-30"],
    ["2014年11月30日", "2014-11-30"],
    ["2014年11月30号", "2014-11-30"],
    ["2014年11月30", "2014-11-30"],
    ["20141130", "2014-11-30"],
    ["2014-1-5", "2014-01-05"],
    ["2014/1/5", "2014-01-05"],
    ["2014年1月5日", "2014-01-05"],
    ["2014-11", "2014-11-01"],
    ["2014/11", "2014-11-01"],
    ["2014.11", "2014-11-01"],
    ["2014年11月", "2014-11-01"],
    ["２０１４－１１－３０", "2014-11-30"],
    ["２０１４年１１月３０日", "2014-11-30"],
    ["  2014-11-30  ", "2014-11-30"],
    ["2014 年 11 月 30 日", "2014-11-30"],
    ["2014-11-30 00:00:00", "2014-11-30"],
    ["2014-11-30T08:30", "2014-11-30"],
    ["41973", "2014-11-30"],
    [41973, "2014-11-30"],
    [41973.75, "2014-11-30"],
    [date(41973), "2014-11-30"],
    [date(41973.5), "2014-11-30"],
  ])("reads %j as %s", (cell, expected) => {
    expect(isoRead(cell)).toBe(expected);
  });
  it("reads serials in the 1904 system when the workbook uses it", () => {
    expect(isoRead(date(40511), 1904)).toBe("2014-11-30");
    expect(isoRead(40511, 1904)).toBe("2014-11-30");
  });
  it("flags an impossible day as not-a-date with impossible set", () => {
    expect(isoRead("2014-02-30")).toBe("not-a-date (impossible)");
    expect(isoRead("2013.02.29")).toBe("not-a-date (impossible)");
    expect(isoRead("2014年13月1日")).toBe("not-a-date (impossible)");
    expect(isoRead("20140230")).toBe("not-a-date (impossible)");
    expect(isoRead("2014-13")).toBe("not-a-date (impossible)");
  });
  it.each<RawCell>([
    "abc",
    "去年",
    "30/11/2014",
    "11/30/2014",
    "2014-11/30",
    "2014",
    2014,
    "2014年",
    true,
    0,
    -5,
    60,
    "2014-11-30 abc",
  ])("does not read %j as a date", (cell) => {
    expect(isoRead(cell)).toBe("not-a-date");
  });
  it("reports an error cell as formula-error", () => {
    expect(isoRead({ kind: "error", error: "#VALUE!" })).toBe("formula-error");
  });
  it("reads the ISO text, the slashed text and the Chinese text of any day back to that day", () => {
    const first = dayFromYmd(1000, 1, 1) ?? 0;
    const last = dayFromYmd(9999, 12, 31) ?? 0;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (day) => {
        const text = isoOfDay(day);
        const [y, m, d] = text.split("-").map(Number);
        expect(outcome(readDate(text, 1900))).toBe(day);
        expect(outcome(readDate(`${y}/${m}/${d}`, 1904))).toBe(day);
        expect(outcome(readDate(`${y}年${m}月${d}日`, 1900))).toBe(day);
      }),
      { numRuns: 1000 }
    );
  });
});

describe("readBoolean", () => {
  it.each<[RawCell, boolean]>([
    ["是", true],
    ["否", false],
    ["有", true],
    ["无", false],
    ["Y", true],
    ["n", false],
    ["YES", true],
    ["No", false],
    ["true", true],
    ["FALSE", false],
    ["√", true],
    ["×", false],
    ["✓", true],
    ["✗", false],
    ["1", true],
    ["0", false],
    ["１", true],
    ["Ｙｅｓ", true],
    [" 是 ", true],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
  ])("reads %j as %s", (cell, expected) => {
    expect(outcome(readBoolean(cell))).toBe(expected);
  });
  it.each<RawCell>(["maybe", "是否", 2, "2", date(41973)])(
    "does not read %j as yes or no",
    (cell) => {
      expect(outcome(readBoolean(cell))).toBe("not-a-boolean");
    }
  );
  it("reports an error cell as formula-error", () => {
    expect(outcome(readBoolean(NA))).toBe("formula-error");
  });
});

describe("readYear", () => {
  it.each<[RawCell, number]>([
    [2014, 2014],
    [2014.0, 2014],
    ["2014", 2014],
    ["2014年", 2014],
    ["2014年度", 2014],
    ["２０１４", 2014],
    ["２０１４年", 2014],
    ["2014.0", 2014],
    [" 2014 ", 2014],
  ])("reads %j as %i", (cell, expected) => {
    expect(outcome(readYear(cell))).toBe(expected);
  });
  it.each<RawCell>([2014.5, "二〇一四", "2014-11", "abc", true, date(41973), -1])(
    "does not read %j as a year",
    (cell) => {
      expect(outcome(readYear(cell))).toBe("not-a-year");
    }
  );
});

describe("readPhone", () => {
  it("reads an 11-digit phone held as a number as its digits", () => {
    expect(readPhone(13812345678)).toEqual({ ok: true, value: "13812345678", valid: true });
  });
  it("accepts mobiles and landlines as entered and flags others as invalid", () => {
    expect(readPhone(" 138-1234-5678 ")).toEqual({ ok: true, value: "138-1234-5678", valid: true });
    expect(readPhone("0591-87654321")).toEqual({ ok: true, value: "0591-87654321", valid: true });
    expect(readPhone("12345")).toEqual({ ok: true, value: "12345", valid: false });
    expect(readPhone(59187654321)).toEqual({ ok: true, value: "59187654321", valid: false });
  });
  it("reports an error cell as formula-error", () => {
    expect(readPhone(NA)).toEqual({ ok: false, code: "formula-error" });
  });
});

describe("isBlankCell on any text", () => {
  it("agrees with removing invisible characters and trimming, whatever the first character", () => {
    const odd = fc.constantFrom(
      " ",
      "\t",
      "\n",
      "\u00a0",
      "\u200b",
      "\u3000",
      "\ufeff",
      "\u2028",
      "\u1680",
      "a",
      "会",
      "0"
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(odd, fc.string({ maxLength: 3 })), { maxLength: 6 }),
        (parts) => {
          const text = parts.join("");
          expect(isBlankCell(text)).toBe(stripInvisible(text).trim() === "");
        }
      ),
      { numRuns: 2000 }
    );
  });
});
