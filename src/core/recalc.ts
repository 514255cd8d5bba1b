import type { RecalcOptions, RecalcResult, WorkbookGrid } from "./types";

/**
 * Checks every input row of a workbook and computes the metrics and output sheets of the spec.
 * Pure: grids in, data out.
 */
export function recalculate(grid: WorkbookGrid, options: RecalcOptions): RecalcResult {
  void grid;
  void options;
  throw new Error("recalculate: being written");
}
