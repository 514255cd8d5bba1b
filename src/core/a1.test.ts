import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MAX_COLUMN,
  MAX_ROW,
  cellAddress,
  columnLetters,
  columnNumber,
  columnRange,
  parseCellAddress,
  parseRangeAddress,
  quoteSheetName,
  rangeAddress,
} from "./a1";
import { sheetOfReference } from "./markers";

const column = fc.integer({ min: 1, max: MAX_COLUMN });
const row = fc.integer({ min: 1, max: MAX_ROW });

describe("columnLetters and columnNumber", () => {
  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [53, "BA"],
    [702, "ZZ"],
    [703, "AAA"],
    [16384, "XFD"],
  ])("column %i is %s", (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
  });

  it("rejects column numbers outside the worksheet", () => {
    for (const n of [0, -1, 16385, 1.5, Number.NaN]) {
      expect(() => columnLetters(n)).toThrow(RangeError);
    }
  });

  it("reads letters in either case and nothing that is not a column", () => {
    expect(columnNumber("xfd")).toBe(16384);
    expect(columnNumber("aB")).toBe(28);
    for (const text of ["", "XFE", "ZZZ", "AAAA", "A1", "@", "[", "`", "{", "Ａ", " A"]) {
      expect(columnNumber(text)).toBeNull();
    }
  });

  it("turns every column number into letters and back", () => {
    fc.assert(
      fc.property(column, (n) => {
        expect(columnNumber(columnLetters(n))).toBe(n);
      })
    );
  });

  it("orders columns the way their numbers are ordered (A < Z < AA)", () => {
    fc.assert(
      fc.property(column, column, (a, b) => {
        const [x, y] = [columnLetters(a), columnLetters(b)];
        const byLength = x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
        expect(Math.sign(byLength)).toBe(Math.sign(a - b));
      })
    );
  });
});

describe("cell and range addresses", () => {
  it("writes a cell, a range and part of a column", () => {
    expect(cellAddress(3, 12)).toBe("C12");
    expect(rangeAddress(1, 1, 11, 20)).toBe("A1:K20");
    expect(rangeAddress(1, 1, 1, 1)).toBe("A1:A1");
    expect(columnRange(4, 2, 14)).toBe("D2:D14");
  });

  it("rejects rows outside the worksheet", () => {
    expect(() => cellAddress(1, 0)).toThrow(RangeError);
    expect(() => cellAddress(1, MAX_ROW + 1)).toThrow(RangeError);
    expect(() => cellAddress(0, 1)).toThrow(RangeError);
  });

  it("reads relative and absolute cell addresses", () => {
    expect(parseCellAddress("C12")).toEqual({ column: 3, row: 12 });
    expect(parseCellAddress("$B$2")).toEqual({ column: 2, row: 2 });
    expect(parseCellAddress("aa$7")).toEqual({ column: 27, row: 7 });
    expect(parseCellAddress("XFD1048576")).toEqual({ column: MAX_COLUMN, row: MAX_ROW });
  });

  it("reads nothing that is not one cell of the worksheet", () => {
    for (const text of [
      "",
      "A",
      "12",
      "A0",
      "XFE1",
      "A1048577",
      " A1",
      "A1 ",
      "A1:B2",
      "会员!A1",
    ]) {
      expect(parseCellAddress(text)).toBeNull();
    }
  });

  it("reads a range's corners, and one cell as a one-cell range", () => {
    expect(parseRangeAddress("A1:K20")).toEqual({
      first: { column: 1, row: 1 },
      last: { column: 11, row: 20 },
    });
    expect(parseRangeAddress("$B$3")).toEqual({
      first: { column: 2, row: 3 },
      last: { column: 2, row: 3 },
    });
    for (const text of ["A:C", "2:4", "A1:", ":A1", "A1:B2:C3", "A1:XFE2"]) {
      expect(parseRangeAddress(text)).toBeNull();
    }
  });

  it("reads back every address it writes, with or without dollar signs", () => {
    fc.assert(
      fc.property(column, row, fc.boolean(), fc.boolean(), (c, r, dollarColumn, dollarRow) => {
        expect(parseCellAddress(cellAddress(c, r))).toEqual({ column: c, row: r });
        const absolute = `${dollarColumn ? "$" : ""}${columnLetters(c)}${dollarRow ? "$" : ""}${r}`;
        expect(parseCellAddress(absolute)).toEqual({ column: c, row: r });
      })
    );
    fc.assert(
      fc.property(column, row, column, row, (c1, r1, c2, r2) => {
        expect(parseRangeAddress(rangeAddress(c1, r1, c2, r2))).toEqual({
          first: { column: c1, row: r1 },
          last: { column: c2, row: r2 },
        });
      })
    );
  });
});

describe("a sheet name in a reference", () => {
  it("is always quoted with its quotes doubled, and reads back as the same name", () => {
    expect(["会员", "Tom's", "汇总 (2)", "''"].map(quoteSheetName)).toEqual([
      "'会员'",
      "'Tom''s'",
      "'汇总 (2)'",
      "''''''",
    ]);
    for (const name of ["会员", "Tom's", "汇总 (2)", "''"]) {
      expect(sheetOfReference(`${quoteSheetName(name)}!$A$1`)).toBe(name);
    }
  });
});
