/** What the demo's sheet view needs from a workbook: names, cell text, active sheet, selection. */

export interface GridSheet {
  readonly name: string;
  /** Rows and columns of the used range, counted from A1. */
  readonly rowCount: number;
  readonly columnCount: number;
  /** The cell's text as Excel would show it; row and column are 1-based. */
  text(row: number, column: number): string;
}

export interface GridSelection {
  readonly sheet: string;
  /** "C12", or a range "C12:D14". */
  readonly address: string;
}

export interface GridSource {
  /** Names of the visible sheets, in tab order. */
  sheetNames(): readonly string[];
  /** One sheet's cells; null when there is no such sheet. */
  sheet(name: string): GridSheet | null;
  activeSheet(): string;
  selection(): GridSelection | null;
  activate(name: string): void;
  select(sheet: string, address: string): void;
  /** Calls `listener` after every change to cells, sheets, the active sheet or the selection. */
  subscribe(listener: () => void): () => void;
}

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "C12" → { row: 12, column: 3 }; the top-left cell of a range; null when not an A1 address. */
export function parseAddress(address: string): { row: number; column: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)/i.exec(address.replace(/^.*!/, ""));
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}
