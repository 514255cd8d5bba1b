/* global Excel */
/**
 * Writing an output sheet of 300,000 rows through the Office.js adapter against the fake Excel:
 * nothing may spread a sheet's rows into one call (Math.max(...rows), push(...ops)), which
 * overflows the stack beyond about 125,000 rows.
 */
import { afterEach, describe, expect, it } from "vitest";
import { readLayout, readOutline, SyncCounter } from "../../src/adapters/office/read";
import {
  buildOps,
  checkWritable,
  DEFAULT_WRITE_BUDGET,
  planTargets,
  runOps,
} from "../../src/adapters/office/write";
import type { OutputCell, OutputSheet } from "../../src/core/types";
import { installFakeExcel, workbookFromSnapshot, type FakeExcelHandle } from "../../src/fake-excel";

const ROWS = 300_000;

let handle: FakeExcelHandle | null = null;

afterEach(() => {
  handle?.uninstall();
  handle = null;
});

/** A problems-like sheet: a header, then one row per problem: sheet, row, styled code, text. */
function largeSheet(rows: number): OutputSheet {
  const lines: Array<Array<OutputCell | null>> = [
    [
      { v: "工作表", style: "header" },
      { v: "行", style: "header" },
      { v: "代码", style: "header" },
      { v: "说明", style: "header" },
    ],
  ];
  for (let i = 0; i < rows; i++) {
    const row = i + 2;
    // Severity styles change every 1,000 rows and every 1,000th row links to its cell: the point
    // is the number of rows, not the number of style rectangles or links.
    const error = Math.floor(i / 1000) % 2 === 1;
    lines.push([
      i % 1000 === 0 ? { v: "会员", link: { sheet: "会员", cell: `C${row}` } } : { v: "会员" },
      { v: row },
      { v: error ? "missing-value" : "bad-phone", style: error ? "error" : "warning" },
      // Every fifth row leaves its last cell out: rows of different lengths.
      ...(i % 5 === 0 ? [] : [{ v: `第 ${row} 行` }]),
    ]);
  }
  return {
    key: "problems",
    name: "校验结果",
    rows: lines,
    columnWidths: [8, 6, 14, 20],
    freezeRows: 1,
    charts: [],
  };
}

describe("writing a very long output sheet", () => {
  it(`writes ${ROWS.toLocaleString("en")} rows without overflowing the stack`, async () => {
    const out = largeSheet(ROWS);
    handle = installFakeExcel(
      workbookFromSnapshot({ sheets: [{ name: "会员", cells: [["会员编号"]] }] })
    );
    const syncs = await Excel.run(async (context) => {
      const counter = new SyncCounter(context);
      const outline = await readOutline(context, counter);
      const layout = await readLayout(context, counter, outline);
      const targets = planTargets([out], outline);
      checkWritable(targets, outline, layout);
      const ops = buildOps(targets, outline, layout, DEFAULT_WRITE_BUDGET);
      await runOps(context, counter, ops, DEFAULT_WRITE_BUDGET, () => undefined);
      return counter.count;
    });
    const sheet = handle.book.sheet("校验结果");
    expect(sheet).toBeDefined();
    expect(sheet?.usedRect(false)).toEqual({
      row: 0,
      column: 0,
      rowCount: ROWS + 1,
      columnCount: 4,
    });
    expect([sheet?.getValue(ROWS, 1), sheet?.getValue(ROWS, 2), sheet?.getValue(ROWS, 3)]).toEqual([
      ROWS + 1,
      "missing-value",
      `第 ${ROWS + 1} 行`,
    ]);
    expect(handle.stats.maxRequestBytes).toBeLessThanOrEqual(5_000_000);
    expect(syncs).toBeGreaterThan(3);
  }, 60_000);
});
