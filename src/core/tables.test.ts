import { describe, expect, it } from "vitest";
import { detectSheets } from "./detect";
import { firstDataRow, headerlessTableBelow, tableArea } from "./tables";
import { grid } from "../../tests/core/kit/grids";
import type { RawCell, TableArea } from "./types";

describe("tableArea", () => {
  it("takes the first row as the header and every other row as data by default", () => {
    const t = tableArea({ name: "T", firstRow: 2, lastRow: 10, firstColumn: 2, lastColumn: 5 });
    expect(t).toEqual({
      name: "T",
      headerRow: 2,
      firstRow: 3,
      lastRow: 10,
      firstColumn: 2,
      lastColumn: 5,
    });
    expect(firstDataRow(t)).toBe(3);
  });

  it("leaves the totals row out of the data", () => {
    const t = tableArea({
      name: "T",
      firstRow: 1,
      lastRow: 10,
      firstColumn: 1,
      lastColumn: 3,
      headerRowCount: 1,
      totalsRowCount: 1,
    });
    expect([t.headerRow, firstDataRow(t), t.lastRow]).toEqual([1, 2, 9]);
  });

  it("gives a table without a header row no header: its first row is data", () => {
    const t = tableArea({
      name: "T",
      firstRow: 4,
      lastRow: 10,
      firstColumn: 1,
      lastColumn: 3,
      headerRowCount: 0,
      totalsRowCount: 1,
    });
    expect(t).toEqual({
      name: "T",
      headerRow: null,
      firstRow: 4,
      lastRow: 9,
      firstColumn: 1,
      lastColumn: 3,
    });
    expect(firstDataRow(t)).toBe(4);
  });

  it("reads counts that are not whole numbers ≥ 0 as absent, and never counts more rows than there are", () => {
    const base = { name: "T", firstRow: 1, lastRow: 3, firstColumn: 1, lastColumn: 1 };
    const rows = (t: TableArea) => [t.headerRow, firstDataRow(t), t.lastRow];
    expect(rows(tableArea({ ...base, headerRowCount: Number.NaN, totalsRowCount: -1 }))).toEqual([
      1, 2, 3,
    ]);
    expect(rows(tableArea({ ...base, headerRowCount: undefined, totalsRowCount: 1.5 }))).toEqual([
      1, 2, 3,
    ]);
    // Header and totals only: no data rows.
    expect(rows(tableArea({ ...base, lastRow: 2, totalsRowCount: 1 }))).toEqual([1, 2, 1]);
    expect(rows(tableArea({ ...base, lastRow: 1, totalsRowCount: 5 }))).toEqual([1, 2, 1]);
    // Two header rows (Excel writes at most one): the header is the one right above the data.
    expect(rows(tableArea({ ...base, lastRow: 5, headerRowCount: 2 }))).toEqual([2, 3, 5]);
  });

  it("also accepts a range given bottom-up or right-to-left", () => {
    const t = tableArea({ name: "T", firstRow: 9, lastRow: 3, firstColumn: 4, lastColumn: 2 });
    expect([t.headerRow, t.lastRow, t.firstColumn, t.lastColumn]).toEqual([3, 9, 2, 4]);
  });
});

describe("headerlessTableBelow", () => {
  const headerless = (firstRow: number, lastRow: number, firstColumn = 1, lastColumn = 4) =>
    tableArea({
      name: `T${firstRow}`,
      firstRow,
      lastRow,
      firstColumn,
      lastColumn,
      headerRowCount: 0,
    });

  it("finds the table below the header, or the one the header is a row of", () => {
    expect(headerlessTableBelow([headerless(3, 9)], 2, [1, 2])?.name).toBe("T3");
    expect(headerlessTableBelow([headerless(6, 9)], 2, [1, 2])?.name).toBe("T6");
    expect(headerlessTableBelow([headerless(2, 9)], 2, [1, 2])?.name).toBe("T2");
    expect(headerlessTableBelow([headerless(1, 9)], 2, [1, 2])?.name).toBe("T1");
  });

  it("ignores tables that end at or above the header, beside its columns, and tables with a header row", () => {
    expect(headerlessTableBelow([headerless(1, 2)], 2, [1])).toBeNull();
    expect(headerlessTableBelow([headerless(3, 9, 6, 8)], 2, [1, 2, 3, 4])).toBeNull();
    const withHeader = tableArea({
      name: "H",
      firstRow: 3,
      lastRow: 9,
      firstColumn: 1,
      lastColumn: 4,
    });
    expect(headerlessTableBelow([withHeader], 2, [1])).toBeNull();
  });

  it("takes the top-most, then left-most, table", () => {
    const tables = [headerless(8, 9), headerless(3, 5, 3, 4), headerless(3, 5, 1, 2)];
    const t = headerlessTableBelow(tables, 2, [1, 3]);
    expect([t?.firstRow, t?.firstColumn]).toEqual([3, 1]);
  });
});

describe("detecting a sheet held in an Excel table", () => {
  const header = ["会员编号", "会员名称", "会员类型", "入会日期"];
  const m1 = ["M1", "甲", "企业会员", "2014-01-01"];
  const m2 = ["M2", "乙", "个人会员", "2014-01-01"];
  const totals = ["合计", null, null, 2];
  const detect = (rows: RawCell[][], tables: TableArea[]) =>
    detectSheets([grid("会员", rows, { tables })], new Set()).sheets.members;
  const spans = (m: ReturnType<typeof detect>) => [
    m?.headerIndex,
    m?.dataStart,
    m?.dataEnd,
    m?.columnRange,
  ];

  it("leaves a table's totals row out of the data", () => {
    const rows = [header, m1, m2, totals];
    const t = tableArea({
      name: "T",
      firstRow: 1,
      lastRow: 4,
      firstColumn: 1,
      lastColumn: 4,
      totalsRowCount: 1,
    });
    expect(spans(detect(rows, [t]))).toEqual([0, 1, 3, [0, 4]]);
  });

  it("reads a header-less table under a header typed above it, without its totals row or the notes below", () => {
    const rows = [["会员名册"], header, m1, m2, totals, [], ["制表：张三"]];
    const t = tableArea({
      name: "T",
      firstRow: 3,
      lastRow: 5,
      firstColumn: 1,
      lastColumn: 4,
      headerRowCount: 0,
      totalsRowCount: 1,
    });
    expect(spans(detect(rows, [t]))).toEqual([1, 2, 4, [0, 4]]);
  });

  it("finds the header in a header-less table's first row (a header typed into the table)", () => {
    const rows = [header, m1, m2, totals];
    const t = tableArea({
      name: "T",
      firstRow: 1,
      lastRow: 4,
      firstColumn: 1,
      lastColumn: 4,
      headerRowCount: 0,
      totalsRowCount: 1,
    });
    expect(spans(detect(rows, [t]))).toEqual([0, 1, 3, [0, 4]]);
  });

  it("finds the header above a header-less table that starts below the first 20 rows", () => {
    const notes: RawCell[][] = Array.from({ length: 25 }, (_, i) => [`说明 ${i + 1}`]);
    const rows = [...notes, header, m1, m2, totals];
    const t = tableArea({
      name: "T",
      firstRow: 27,
      lastRow: 29,
      firstColumn: 1,
      lastColumn: 4,
      headerRowCount: 0,
      totalsRowCount: 1,
    });
    expect(spans(detect(rows, [t]))).toEqual([25, 26, 28, [0, 4]]);
    // Without the table, a header below row 20 is not looked for.
    expect(spans(detect(rows, []))).toEqual([-1, 0, 29, [0, 4]]);
  });

  it("reads plain rows between the header and a header-less table, and ends with the table", () => {
    const rows = [header, m1, [], m2, totals, ["制表：张三"]];
    const t = tableArea({
      name: "T",
      firstRow: 4,
      lastRow: 5,
      firstColumn: 1,
      lastColumn: 4,
      headerRowCount: 0,
      totalsRowCount: 1,
    });
    expect(spans(detect(rows, [t]))).toEqual([0, 1, 4, [0, 4]]);
  });

  it("reads every row below the header when the only header-less table is beside its columns", () => {
    const rows = [header, m1, m2, [null, null, null, null, null, "x"]];
    const t = tableArea({
      name: "Side",
      firstRow: 2,
      lastRow: 4,
      firstColumn: 6,
      lastColumn: 6,
      headerRowCount: 0,
      totalsRowCount: 1,
    });
    expect(spans(detect(rows, [t]))).toEqual([0, 1, 4, [0, 6]]);
  });

  it("prefers a table's own header row to a header found by the search", () => {
    const rows = [header, m1, [], header, m2, totals];
    const t = tableArea({
      name: "T",
      firstRow: 4,
      lastRow: 6,
      firstColumn: 1,
      lastColumn: 4,
      totalsRowCount: 1,
    });
    expect(spans(detect(rows, [t]))).toEqual([3, 4, 5, [0, 4]]);
  });
});
