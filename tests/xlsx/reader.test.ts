/**
 * The reader on workbooks from three producers (ExcelJS, LibreOffice, hand-built OOXML in the
 * way Excel writes it): cells, Excel tables, title rows, 1904 dates and error values.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dayFromSerial, isoOfDay } from "../../src/core/dates";
import { readWorkbookGrid } from "../../src/adapters/xlsx/reader";
import type { RawCell, SheetGrid, WorkbookGrid } from "../../src/core/types";
import { FIXTURES } from "../cli/helpers";

function sheet(grid: WorkbookGrid, name: string): SheetGrid {
  const found = grid.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The cell at a 1-based worksheet row and column, with date cells shown as ISO days. */
function cell(grid: WorkbookGrid, name: string, row: number, column: number): unknown {
  const s = sheet(grid, name);
  const value: RawCell = s.rows[row - (s.firstRow ?? 1)]?.[column - (s.firstColumn ?? 1)];
  if (value && typeof value === "object" && value.kind === "date") {
    const d = dayFromSerial(value.serial, grid.dateSystem ?? 1900);
    const day = d === null ? "(no day)" : isoOfDay(d);
    return value.serial % 1 === 0 ? `date ${day}` : `date ${day} +${value.serial % 1}`;
  }
  return value ?? null;
}

describe.each(["exceljs-table.xlsx", "libreoffice.xlsx"])("reading %s", (file) => {
  const read = readWorkbookGrid(join(FIXTURES, file));

  it("reads every sheet in workbook order, in the 1900 date system", async () => {
    const { grid, ownedSheets } = await read;
    expect(grid.sheets.map((s) => s.name)).toEqual([
      "商会",
      "会员",
      "会费",
      "乡镇",
      "设置",
      "备注",
    ]);
    expect(grid.dateSystem).toBe(1900);
    expect(ownedSheets).toEqual([]);
  });

  it("finds the 会员 table below its title row, starting at column B", async () => {
    const { grid } = await read;
    expect(sheet(grid, "会员").tables).toEqual([
      { name: "会员表", headerRow: 3, firstRow: 4, firstColumn: 2, lastColumn: 8, lastRow: 7 },
    ]);
    expect(cell(grid, "会员", 1, 1)).toBe("2014年会员名册");
    expect([2, 3, 4, 5].map((c) => cell(grid, "会员", 3, c))).toEqual([
      "会员名称",
      "会员编号",
      "入会日期",
      "会员类型",
    ]);
  });

  it("reads a hyperlink as its text, rich text joined, and a cached #N/A as an error cell", async () => {
    const { grid } = await read;
    expect(cell(grid, "会员", 4, 2)).toBe("甲公司");
    expect(cell(grid, "会员", 5, 2)).toBe("乙公司");
    expect(cell(grid, "会员", 6, 6)).toEqual({ kind: "error", error: "#N/A" });
  });

  it("reads date cells as serials of the right calendar day, whatever the format", async () => {
    const { grid } = await read;
    expect(cell(grid, "会员", 4, 4)).toBe("date 2012-03-15");
    expect(cell(grid, "商会", 4, 3)).toBe("date 2010-05-01");
    expect(cell(grid, "会费", 2, 5)).toBe("date 2014-04-01");
    expect(cell(grid, "设置", 1, 2)).toBe("date 2014-11-30");
  });

  it("keeps the merged title in its master cell only, and text that looks like a formula as text", async () => {
    const { grid } = await read;
    expect(cell(grid, "商会", 1, 1)).toBe("2014年基层商会名录");
    expect(cell(grid, "商会", 1, 2)).toBeNull();
    expect(cell(grid, "备注", 4, 1)).toBe("=这不是公式");
    expect(cell(grid, "备注", 3, 1)).toBe(2469);
  });
});

describe("reading a hand-built 1904-date workbook", () => {
  const read = readWorkbookGrid(join(FIXTURES, "handmade-1904.xlsx"));

  it("knows the 1904 date system and converts its serials to the right days", async () => {
    const { grid } = await read;
    expect(grid.dateSystem).toBe(1904);
    expect(cell(grid, "Members", 3, 6)).toBe("date 2012-03-15");
    expect(cell(grid, "Members", 4, 6)).toBe("date 2013-01-10 +0.5");
    expect(cell(grid, "Members", 6, 6)).toBe("date 2014-06-01");
    expect(cell(grid, "Chambers", 3, 5)).toBe("date 2011-07-15");
    expect(cell(grid, "Settings", 1, 2)).toBe("date 2014-11-30");
  });

  it("reads shared strings without their phonetic runs, inline strings and cached string formulas", async () => {
    const { grid } = await read;
    expect(cell(grid, "Members", 3, 3)).toBe("Acme Ltd");
    expect(cell(grid, "Members", 4, 3)).toBe("Li Lei");
    expect(cell(grid, "Members", 6, 3)).toBe("Gamma Group");
  });

  it("reads t=e error cells, booleans and numbers as they are", async () => {
    const { grid } = await read;
    expect(cell(grid, "Members", 5, 6)).toEqual({ kind: "error", error: "#REF!" });
    expect(cell(grid, "Chambers", 3, 6)).toBe(true);
    expect(cell(grid, "Members", 3, 7)).toBe(13800138000);
  });

  it("places cells that carry no r attribute one after another", async () => {
    const { grid } = await read;
    expect([1, 2, 3, 4].map((c) => cell(grid, "Dues", 4, c))).toEqual(["M004", 2014, 800, 900]);
    expect(cell(grid, "Dues", 4, 5)).toBe("date 2014-05-01");
  });

  it("finds the table part's header row under the title row", async () => {
    const { grid } = await read;
    expect(sheet(grid, "Members").tables).toEqual([
      { name: "MemberTable", headerRow: 2, firstRow: 3, firstColumn: 1, lastColumn: 7, lastRow: 6 },
    ]);
  });
});
