/**
 * A1 addresses: the one home of column letters and of cell and range references. Every layer
 * (the report, the detector, the problem sort, both workbook adapters, the fake Excel, the demo)
 * builds and reads addresses here; none keeps a copy of the arithmetic.
 *
 * One base: columns and rows are numbered from 1, as the A1 text itself numbers them and as
 * Excel's COLUMN() and ROW() do (column A is 1, XFD is 16,384; the first row is 1). A caller
 * that counts from 0 (an array index, Office.js `columnIndex`/`rowIndex`) adds 1 at the call.
 *
 * The byte-level reader of cell references in `adapters/xlsx/sheet-reader.ts`
 * (`columnOfReference`) reads the same letters straight from the bytes for speed; a test holds it
 * to `columnNumber` for every column.
 */

/** The last column of a worksheet, XFD. */
export const MAX_COLUMN = 16_384;
/** The last row of a worksheet. */
export const MAX_ROW = 1_048_576;

/** A cell's place on a sheet, both numbers from 1. */
export interface CellPosition {
  readonly column: number;
  readonly row: number;
}

/** The corners of a rectangular range, as written (first before the colon). */
export interface RangePosition {
  readonly first: CellPosition;
  readonly last: CellPosition;
}

function isColumn(column: number): boolean {
  return Number.isInteger(column) && column >= 1 && column <= MAX_COLUMN;
}

function isRow(row: number): boolean {
  return Number.isInteger(row) && row >= 1 && row <= MAX_ROW;
}

/** The letters of a column number: 1 → "A", 27 → "AA", 16384 → "XFD"; throws outside 1..16384. */
export function columnLetters(column: number): string {
  if (!isColumn(column)) {
    throw new RangeError(`columnLetters: ${column} is not a worksheet column (1..${MAX_COLUMN})`);
  }
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * The number of a column's letters, in either case: "A" → 1, "aa" → 27, "XFD" → 16384. Null for
 * anything else: no letters, a character that is not A–Z, or a column past XFD.
 */
export function columnNumber(letters: string): number | null {
  const n = letters.length;
  if (n < 1 || n > 3) return null;
  let column = 0;
  for (let i = 0; i < n; i++) {
    const c = letters.charCodeAt(i) | 0x20; // folds A–Z onto a–z and nothing else onto them
    if (c < 0x61 || c > 0x7a) return null;
    column = column * 26 + (c - 0x60);
  }
  return column <= MAX_COLUMN ? column : null;
}

/** The address of a cell: (3, 12) → "C12"; throws outside the worksheet. */
export function cellAddress(column: number, row: number): string {
  if (!isRow(row))
    throw new RangeError(`cellAddress: ${row} is not a worksheet row (1..${MAX_ROW})`);
  return `${columnLetters(column)}${row}`;
}

/** The address of a range from its corners: (1, 1, 3, 5) → "A1:C5", always with both corners. */
export function rangeAddress(
  firstColumn: number,
  firstRow: number,
  lastColumn: number,
  lastRow: number
): string {
  return `${cellAddress(firstColumn, firstRow)}:${cellAddress(lastColumn, lastRow)}`;
}

/** The address of part of one column: (4, 2, 14) → "D2:D14". */
export function columnRange(column: number, firstRow: number, lastRow: number): string {
  return rangeAddress(column, firstRow, column, lastRow);
}

/**
 * A sheet name as a formula reference writes it before the "!": always quoted, its quotes doubled
 * (`'会员'`, `'Tom''s'`), which every name allows. core/markers.ts `sheetOfReference` reads it back.
 */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/**
 * A cell address, relative or absolute ("C12", "$C$12", "c$12"), to its place; null for anything
 * else (a sheet name, spaces, a range, a cell outside the worksheet).
 */
export function parseCellAddress(text: string): CellPosition | null {
  const m = CELL.exec(text);
  if (m === null) return null;
  const column = columnNumber(m[1] ?? "");
  const row = Number(m[2]);
  return column !== null && isRow(row) ? { column, row } : null;
}

/**
 * A range address ("A1:K20", "$A$1:$K$20") to its corners; one cell ("B3") is a one-cell range.
 * Null for anything else, whole columns or rows ("A:C", "2:4") included.
 */
export function parseRangeAddress(text: string): RangePosition | null {
  const colon = text.indexOf(":");
  if (colon < 0) {
    const cell = parseCellAddress(text);
    return cell === null ? null : { first: cell, last: cell };
  }
  const first = parseCellAddress(text.slice(0, colon));
  const last = parseCellAddress(text.slice(colon + 1));
  return first !== null && last !== null ? { first, last } : null;
}
