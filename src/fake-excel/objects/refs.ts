/** What a range proxy points at: a rectangle of one in-memory sheet. */
import type { Rect } from "../address";
import type { FakeSheet } from "../model";

export interface RangeRef {
  readonly sheet: FakeSheet;
  readonly rect: Rect;
}

export function forEachCell(rect: Rect, fn: (row: number, column: number) => void): void {
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
    for (let c = rect.column; c < rect.column + rect.columnCount; c++) fn(r, c);
  }
}
