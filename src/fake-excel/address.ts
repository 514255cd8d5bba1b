/**
 * A1 addresses for the fake Excel: column letters, cell and range references, sheet-qualified
 * references ("'会员'!A1:C5") and Excel's quoting of sheet names, in the fake's 0-based places
 * over the core's A1 rule (core/a1.ts). Pure TypeScript.
 */
import { MAX_COLUMN, MAX_ROW, cellAddress, columnLetters, columnNumber } from "../core/a1";

export const MAX_ROWS = MAX_ROW;
export const MAX_COLUMNS = MAX_COLUMN;

/** A rectangle of a sheet, 0-based. */
export interface Rect {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** Column letters for a 0-based column index: 0 → "A", 26 → "AA" (core/a1.ts counts from 1). */
export function columnName(index: number): string {
  return columnLetters(index + 1);
}

/** 0-based column index of letters: "A" → 0. Returns -1 when the text is not letters. */
export function columnIndex(letters: string): number {
  return (columnNumber(letters) ?? 0) - 1;
}

/** "C12" for 0-based row 11, column 2. */
export function cellName(row: number, column: number): string {
  return cellAddress(column + 1, row + 1);
}

/** "A1:C3" (or "A1" for one cell) for a rectangle. */
export function rectName(rect: Rect): string {
  const first = cellName(rect.row, rect.column);
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  return `${first}:${cellName(rect.row + rect.rowCount - 1, rect.column + rect.columnCount - 1)}`;
}

/** Excel quotes a sheet name in a reference unless it is letters, digits and underscores. */
export function quoteSheetName(name: string): string {
  if (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** Splits "'a''b'!A1:B2" into the sheet name ("a'b") and the local address; sheet is null when absent. */
export function splitSheetReference(reference: string): { sheet: string | null; local: string } {
  const text = reference.startsWith("=") ? reference.slice(1) : reference;
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < text.length) {
      const ch = text[i] as string;
      if (ch === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i += 1;
    }
    const rest = text.slice(i + 1);
    return rest.startsWith("!")
      ? { sheet: name, local: rest.slice(1) }
      : { sheet: null, local: text };
  }
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: text };
  return { sheet: text.slice(0, bang), local: text.slice(bang + 1) };
}

interface Corner {
  row: number | null;
  column: number | null;
}

function parseCorner(text: string): Corner | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(text);
  if (!m || (m[1] === "" && m[2] === "")) return null;
  const column = m[1] ? columnIndex(m[1]) : null;
  const row = m[2] ? Number(m[2]) - 1 : null;
  if (column !== null && (column < 0 || column >= MAX_COLUMNS)) return null;
  if (row !== null && (row < 0 || row >= MAX_ROWS)) return null;
  return { row, column };
}

/** Parses a local A1 address ("B3", "A1:C5", "A:C", "2:4"); null when it is not one. */
export function parseRect(local: string): Rect | null {
  const parts = local.split(":");
  if (parts.length > 2) return null;
  const a = parseCorner(parts[0] ?? "");
  const b = parts.length === 2 ? parseCorner(parts[1] ?? "") : a;
  if (!a || !b) return null;
  const wholeColumns = a.row === null && b.row === null && a.column !== null && b.column !== null;
  const wholeRows = a.column === null && b.column === null && a.row !== null && b.row !== null;
  if (
    !wholeColumns &&
    !wholeRows &&
    (a.row === null || a.column === null || b.row === null || b.column === null)
  ) {
    return null;
  }
  const r0 = wholeColumns ? 0 : Math.min(a.row as number, b.row as number);
  const r1 = wholeColumns ? MAX_ROWS - 1 : Math.max(a.row as number, b.row as number);
  const c0 = wholeRows ? 0 : Math.min(a.column as number, b.column as number);
  const c1 = wholeRows ? MAX_COLUMNS - 1 : Math.max(a.column as number, b.column as number);
  return { row: r0, column: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 };
}

/** Key of a cell in the sparse maps of a sheet. */
export function cellKey(row: number, column: number): number {
  return row * MAX_COLUMNS + column;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLUMNS);
}

export function keyColumn(key: number): number {
  return key % MAX_COLUMNS;
}
