/* global Excel */
/**
 * Reading through Office.js: the raw cells the core gets (dates from date formats, error values,
 * booleans, text), used-range offsets, Excel tables, the 1904 date system, owned sheets skipped,
 * and row blocks within the response budget.
 */
import { afterEach, describe, expect, it } from "vitest";
import { rawCellOf } from "../../src/adapters/office/cells";
import {
  buildGrid,
  readCells,
  readLayout,
  readOutline,
  SyncCounter,
  type ReadBudget,
} from "../../src/adapters/office/read";
import type { WorkbookGrid } from "../../src/core/types";
import {
  installFakeExcel,
  workbookFromSnapshot,
  type FakeExcelHandle,
  type WorkbookSnapshot,
} from "../../src/fake-excel";
import { generatedDistrict } from "./workbooks";

let handle: FakeExcelHandle | null = null;

afterEach(() => {
  handle?.uninstall();
  handle = null;
});

async function readGrid(
  snapshot: WorkbookSnapshot,
  budget: ReadBudget = { responseBytes: 4_000_000, bytesPerCell: 72 }
): Promise<{ grid: WorkbookGrid; syncs: number }> {
  handle = installFakeExcel(workbookFromSnapshot(snapshot));
  return Excel.run(async (context) => {
    const counter = new SyncCounter(context);
    const outline = await readOutline(context, counter);
    const layout = await readLayout(context, counter, outline);
    const cells = await readCells(context, counter, layout, budget, () => undefined);
    return { grid: buildGrid(outline, layout, cells), syncs: counter.count };
  });
}

describe("reading cells", () => {
  it("tells dates, numbers, text, booleans, errors and blanks apart", () => {
    expect(rawCellOf(41973, "Double", "yyyy-mm-dd")).toEqual({ kind: "date", serial: 41973 });
    expect(rawCellOf(41973, "Double", '[$-804]yyyy"年"m"月"d"日"')).toEqual({
      kind: "date",
      serial: 41973,
    });
    expect(rawCellOf(0.1, "Double", "0.00%")).toBe(0.1);
    expect(rawCellOf(1200, "Double", "#,##0")).toBe(1200);
    expect(rawCellOf("2014-11-30", "String", "@")).toBe("2014-11-30");
    expect(rawCellOf(true, "Boolean", "General")).toBe(true);
    expect(rawCellOf("#N/A", "Error", "General")).toEqual({ kind: "error", error: "#N/A" });
    expect(rawCellOf("", "Empty", "General")).toBeNull();
  });

  it("knows date formats from number formats, by the core's rule", () => {
    const isDate = (format: string) => typeof rawCellOf(41973.5, "Double", format) === "object";
    expect(
      [
        "yyyy/m/d",
        "m/d/yyyy",
        "h:mm",
        "[h]:mm:ss",
        "d-mmm-yy",
        "mm:ss.0",
        "[h]:mm:ss.00",
        "yyyy-mm-dd hh:mm:ss.000",
      ].map(isDate)
    ).toEqual([true, true, true, true, true, true, true, true]);
    expect(
      ["General", "0", "0.00%", "#,##0.00", "@", '"年"0', "[Red]0.00", "0.00E+00"].map(isDate)
    ).toEqual([false, false, false, false, false, false, false, false]);
    expect(rawCellOf(41973, "Double", null)).toBe(41973);
  });

  it("hands the core each sheet's used range with its offset, tables and the workbook's date system", async () => {
    const { grid } = await readGrid({
      date1904: true,
      sheets: [
        {
          name: "会员",
          cells: [
            [null, null, null],
            [null, "会员编号", "入会日期", "规上企业", "名称"],
            [null, "M001", 40000, true, "=1+1"],
            [null, "M002", "#N/A", false, null],
          ],
          numberFormats: [[], [], [null, null, "yyyy-mm-dd"], []],
          errors: { C4: "#N/A" },
          tables: [{ name: "会员表", range: "B2:E4" }],
        },
        { name: "空白", cells: [] },
      ],
    });
    expect(grid.dateSystem).toBe(1904);
    const members = grid.sheets[0];
    expect([members?.firstRow, members?.firstColumn]).toEqual([2, 2]);
    expect(members?.rows).toEqual([
      ["会员编号", "入会日期", "规上企业", "名称"],
      ["M001", { kind: "date", serial: 40000 }, true, "=1+1"],
      ["M002", { kind: "error", error: "#N/A" }, false, null],
    ]);
    expect(members?.tables).toEqual([
      { name: "会员表", headerRow: 2, firstRow: 3, firstColumn: 2, lastColumn: 5, lastRow: 4 },
    ]);
    expect(grid.sheets[1]).toEqual({ name: "空白", rows: [], firstRow: 1, firstColumn: 1 });
  });

  it("gives the core each table's header, data and totals rows, from showHeaders and showTotals", async () => {
    const { grid } = await readGrid({
      sheets: [
        {
          name: "会员",
          cells: [
            ["会员编号", "会员名称", "会员类型", "入会日期"],
            ["M1", "甲", "企业会员", "2014-01-01"],
            ["合计", 1, null, null],
            [],
            ["会员编号", "会员名称", "会员类型", "入会日期"],
            ["M2", "乙", "企业会员", "2014-01-01"],
            ["M3", "丙", "个人会员", "2014-01-01"],
            ["合计", 2, null, null],
          ],
          tables: [
            { name: "有表头", range: "A1:D3", showTotals: true },
            { name: "无表头", range: "A6:D8", showHeaders: false, showTotals: true },
          ],
        },
      ],
    });
    expect(grid.sheets[0]?.tables).toEqual([
      { name: "有表头", headerRow: 1, firstRow: 2, lastRow: 2, firstColumn: 1, lastColumn: 4 },
      { name: "无表头", headerRow: null, firstRow: 6, lastRow: 7, firstColumn: 1, lastColumn: 4 },
    ]);
  });

  it("reads the names, tables and their flags in the outline's one sync", async () => {
    handle = installFakeExcel(
      workbookFromSnapshot({
        sheets: [
          {
            name: "会员",
            cells: [["会员编号"], ["M1"]],
            tables: [{ name: "T", range: "A1:A2", showHeaders: false }],
          },
          { name: "Summary", cells: [] },
          { name: "会员增长", cells: [] },
        ],
        names: [
          { name: "CHAMBERSTATS_SUMMARY", formula: "=summary!$A$1" },
          { name: "ChamberStats_growth", formula: "=Summary!$A$1" },
          { name: "ChamberStats_problems", formula: "=#REF!" },
        ],
      })
    );
    const outline = await Excel.run(async (context) => {
      const counter = new SyncCounter(context);
      const read = await readOutline(context, counter);
      expect(counter.count).toBe(1);
      return read;
    });
    expect([...outline.owned]).toEqual([["summary", "Summary"]]);
    expect(outline.staleMarkers).toEqual(["ChamberStats_growth", "ChamberStats_problems"]);
    expect(outline.tables).toEqual([{ name: "T", showHeaders: false, showTotals: false }]);
  });

  it("skips the sheets its markers own", async () => {
    const { grid } = await readGrid({
      sheets: [
        { name: "会员", cells: [["会员编号"]] },
        { name: "汇总", cells: [["商会统计汇总"]] },
      ],
      names: [{ name: "ChamberStats_summary", formula: "=汇总!$A$1" }],
    });
    expect(grid.sheets.map((s) => s.name)).toEqual(["会员"]);
  });

  it("reads every sheet in one sync when the payload allows, and in row blocks within budget otherwise", async () => {
    const snapshot = generatedDistrict(2000, 1);
    const whole = await readGrid(snapshot);
    expect(whole.syncs).toBe(3);
    handle?.uninstall();
    const blocks = await readGrid(snapshot, { responseBytes: 100_000, bytesPerCell: 72 });
    expect(blocks.syncs).toBeGreaterThan(10);
    expect(handle?.stats.maxResponseBytes).toBeLessThanOrEqual(100_000);
    expect(blocks.grid).toEqual(whole.grid);
  });
});
