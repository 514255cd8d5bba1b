/** What the demo's sheet view needs from a workbook: names, cell text, active sheet, selection. */
import { parseCellAddress, type CellPosition } from "../core/a1";

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

/** "C12" → { row: 12, column: 3 }; the top-left cell of a range; null when not an A1 address. */
export function parseAddress(address: string): CellPosition | null {
  const local = address.replace(/^.*!/, "");
  return parseCellAddress(local.split(":")[0] ?? "");
}
