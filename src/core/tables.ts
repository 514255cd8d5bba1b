/**
 * Excel tables (ListObjects), one rule for both adapters: what of a table is header, data and
 * totals, and which header-less table holds the data under a header row found by the usual
 * search. The adapters give the table's whole range and its header and totals row counts; the
 * core decides the rest (detect.ts).
 */
import type { TableArea, TableWithoutHeader } from "./types";

/** A table as an adapter reads it. Rows and columns are 1-based worksheet coordinates. */
export interface TableExtent {
  readonly name: string;
  /**
   * The table's whole range, header and totals rows included: the `ref` of the table part in a
   * file, `table.getRange()` in Office.js.
   */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
  /**
   * Header rows at the top: the file's `headerRowCount` (absent means 1, "0" means none), in
   * Office.js `showHeaders ? 1 : 0`. Anything but a whole number ≥ 0 counts as absent.
   */
  readonly headerRowCount?: number | undefined;
  /**
   * Totals rows at the bottom: the file's `totalsRowCount` (absent means 0), in Office.js
   * `showTotals ? 1 : 0`. Anything but a whole number ≥ 0 counts as absent.
   */
  readonly totalsRowCount?: number | undefined;
}

function count(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/**
 * The table's header row, data rows and columns. The header is the last of its header rows (the
 * one right above the data; Excel writes at most one); the totals rows are not data. A table
 * whose range is all header and totals has no data rows (lastRow = firstRow - 1).
 */
export function tableArea(table: TableExtent): TableArea {
  const top = Math.min(table.firstRow, table.lastRow);
  const bottom = Math.max(table.firstRow, table.lastRow);
  const rows = bottom - top + 1;
  const header = Math.min(count(table.headerRowCount, 1), rows);
  const totals = Math.min(count(table.totalsRowCount, 0), rows - header);
  const firstRow = top + header;
  const base = {
    name: table.name,
    firstRow,
    firstColumn: Math.min(table.firstColumn, table.lastColumn),
    lastColumn: Math.max(table.firstColumn, table.lastColumn),
    lastRow: bottom - totals,
  };
  return header > 0 ? { ...base, headerRow: firstRow - 1 } : { ...base, headerRow: null };
}

/** The first data row of a table. */
export function firstDataRow(table: TableArea): number {
  return table.headerRow === null ? table.firstRow : (table.firstRow ?? table.headerRow + 1);
}

/**
 * The header-less table that holds the data under a header row found by the usual search (not a
 * table's own header): the top-most (then left-most) table without a header row whose data reach
 * below the header row and that has a column among the header's recognised columns (worksheet
 * columns), or null. The header may be one of its rows (a header typed into the table) or lie
 * anywhere above it. Its last data row ends the data, so its totals row and what lies below it
 * are not read, as for a table with a header row.
 */
export function headerlessTableBelow(
  tables: readonly TableArea[],
  headerRow: number,
  columns: Iterable<number>
): TableWithoutHeader | null {
  const recognised = [...columns];
  let best: TableWithoutHeader | null = null;
  for (const table of tables) {
    if (table.headerRow !== null || table.lastRow <= headerRow) continue;
    if (!recognised.some((c) => c >= table.firstColumn && c <= table.lastColumn)) continue;
    if (
      !best ||
      table.firstRow < best.firstRow ||
      (table.firstRow === best.firstRow && table.firstColumn < best.firstColumn)
    ) {
      best = table;
    }
  }
  return best;
}
