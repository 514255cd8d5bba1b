/**
 * Building blocks of the output sheets: number formats, shared cells, A1 addresses and column
 * widths. Cells are immutable data, so constants are shared between rows instead of copied: the
 * problems sheet can hold a million rows.
 */
import { formatCount } from "../narrative/figures";
import type { OutputCell, OutputSheet, OutputSheetKey, OutputValue, Rate } from "../types";

export const FMT_PERCENT = "0.00%";
export const FMT_MONEY = "#,##0.00";
export const FMT_COUNT = "#,##0";
export const FMT_DATE = "yyyy-mm-dd";
export const FMT_YEAR = "0";

/** Excel's limit on rows per worksheet. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** What a figure that cannot be computed shows: never a made-up 0. */
export const DASH = "—";
export const NULL_CELL: OutputCell = { v: DASH, style: "note" };
export const NULL_TOTAL_CELL: OutputCell = { v: DASH, style: "total" };

export type Row = (OutputCell | null)[];

export function text(v: string): OutputCell {
  return { v };
}

export function label(v: string): OutputCell {
  return { v, style: "label" };
}

export function header(v: string): OutputCell {
  return { v, style: "header" };
}

export function note(v: string): OutputCell {
  return { v, style: "note" };
}

export function title(v: string): OutputCell {
  return { v, style: "title" };
}

function numberCell(v: number | null, fmt: string, total: boolean): OutputCell {
  if (v === null || !Number.isFinite(v)) return total ? NULL_TOTAL_CELL : NULL_CELL;
  return total ? { v, fmt, style: "total" } : { v, fmt };
}

export function count(v: number | null, total = false): OutputCell {
  return numberCell(v, FMT_COUNT, total);
}

export function money(v: number | null, total = false): OutputCell {
  return numberCell(v, FMT_MONEY, total);
}

export function rate(v: Rate, total = false): OutputCell {
  return numberCell(v, FMT_PERCENT, total);
}

export function year(v: number, total = false): OutputCell {
  return numberCell(v, FMT_YEAR, total);
}

export function totalText(v: string): OutputCell {
  return { v, style: "total" };
}

/** A 是/否 flag: centred, so that it never reads as one with the number beside it. */
export function flag(v: string, total = false): OutputCell {
  return { v, style: total ? "totalFlag" : "flag" };
}

// ---------------------------------------------------------------------------------------------
// Widths
// ---------------------------------------------------------------------------------------------

/** True for characters that take two columns: CJK, Hangul, full-width forms and the like. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

/**
 * Width of a text in character columns, CJK characters counting two: one column a code point
 * (a surrogate pair is one, a lone surrogate one too), two for a wide one. `narrow` and `wide`
 * weigh the two kinds otherwise (row-heights.ts measures against a font's real widths). A loop
 * over char codes rather than the string's iterator: the problems sheet measures thousands of
 * messages.
 */
export function displayWidth(s: string, narrow = 1, wide = 2): number {
  let width = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x1100) {
      width += narrow;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        width += isWide((c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000) ? wide : narrow;
        i++;
        continue;
      }
    }
    width += isWide(c) ? wide : narrow;
  }
  return width;
}

function groupedDigits(n: number, decimals: number): number {
  const digits = Math.abs(n).toFixed(decimals).length;
  const integerDigits = decimals > 0 ? digits - decimals - 1 : digits;
  const commas = Math.max(0, Math.floor((integerDigits - 1) / 3));
  return digits + commas + (n < 0 ? 1 : 0);
}

/** About how many characters a value takes once Excel shows it in its format. */
function valueWidth(v: OutputValue, fmt: string | undefined): number {
  if (v === null) return 0;
  if (typeof v === "string") return displayWidth(v);
  if (typeof v === "boolean") return 5;
  if (typeof v === "object") return 10;
  if (fmt === FMT_PERCENT) return (v * 100).toFixed(2).length + 1;
  if (fmt === FMT_MONEY) return groupedDigits(v, 2);
  if (fmt === FMT_COUNT) return groupedDigits(v, 0);
  return String(v).length;
}

export interface WidthOptions {
  readonly min?: number;
  readonly max?: number;
  /** A narrower widest width for some columns, by their index (0 for column A). */
  readonly columnMax?: Readonly<Record<number, number>>;
  /** Measure only the first rows (the problems sheet can have a million). */
  readonly sampleRows?: number;
}

/**
 * The number of columns an output sheet's rows span (at least 1). A loop, not
 * Math.max(...rows.map(…)): spreading a sheet's rows into one call overflows the stack beyond
 * about 125,000 rows, and the problems sheet can have a million.
 */
export function sheetWidth(rows: ReadonlyArray<ReadonlyArray<unknown>>): number {
  let width = 1;
  for (const row of rows) if (row.length > width) width = row.length;
  return width;
}

/** Padding added to a column's widest value. */
const WIDTH_PADDING = 2;

/**
 * Column widths in characters from the cells' contents, with a little padding. Titles and rows
 * that hold a single note (which Excel lets run over the empty cells to its right) are not
 * measured, so that one long sentence does not widen a column of figures.
 *
 * A column stops being measured once it is as wide as it may be, and a cell is not measured
 * again when the column's last measured cell was the same object (the problems sheet shares its
 * severity, title and code cells). Measuring the problems sheet's 5,000 sampled rows took 8 to
 * 14 ms of a fresh process's recalculation at 100k members before, 6 to 12 ms after (2 to 5 ms
 * once warm): what is left is the cells of its own each row has (the cell, the value).
 */
export function columnWidths(
  rows: ReadonlyArray<ReadonlyArray<OutputCell | null>>,
  options: WidthOptions = {}
): number[] {
  const min = options.min ?? 6;
  const max = options.max ?? 60;
  const columnMax = options.columnMax ?? {};
  const widest = (c: number): number => columnMax[c] ?? max;
  const limit = Math.min(rows.length, options.sampleRows ?? rows.length);
  const widths: number[] = [];
  const last: (OutputCell | undefined)[] = [];
  for (let r = 0; r < limit; r++) {
    const row = rows[r];
    if (row === undefined || isLoneNote(row)) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || cell.style === "title" || cell === last[c]) continue;
      const known = widths[c] ?? 0;
      // at its widest already: no value can widen it
      if (known > 0 && known + WIDTH_PADDING >= widest(c)) continue;
      last[c] = cell;
      const w = valueWidth(cell.v, cell.fmt);
      if (w > known) widths[c] = w;
    }
  }
  const out: number[] = [];
  for (let c = 0; c < widths.length; c++) {
    out.push(Math.min(widest(c), Math.max(min, (widths[c] ?? 0) + WIDTH_PADDING)));
  }
  return out;
}

function isLoneNote(row: ReadonlyArray<OutputCell | null>): boolean {
  let cells = 0;
  let notes = 0;
  for (const cell of row) {
    if (!cell) continue;
    cells++;
    if (cell.style === "note") notes++;
  }
  return cells === 1 && notes === 1;
}

/** A fraction as a short percentage for labels: 0.1 → "10%", 0.125 → "12.5%". */
export function percentText(fraction: number): string {
  const fixed = (fraction * 100).toFixed(2);
  return `${fixed.replace(/\.?0+$/, "")}%`;
}

/** An integer with thousands separators for labels: 1048576 → "1,048,576". */
export function groupedText(n: number): string {
  return formatCount(Math.round(n));
}

/** A sheet that holds only a note saying why its table cannot be shown. */
export function noteSheet(key: OutputSheetKey, name: string, why: string): OutputSheet {
  return { key, name, rows: [[note(why)]], columnWidths: [], freezeRows: 0, charts: [] };
}
