/** What the per-sheet readers share: the read context, row accounting and a progress hook. */
import type { DetectedSheet } from "../detect";
import { RowReader, type ReadContext } from "../read";
import type { RowAccount, SheetKind } from "../types";

export interface SheetReadContext extends ReadContext {
  /** The year of today, for the "year ≤ current year + 1" rule. */
  readonly todayYear: number;
  /** Called every few thousand rows with the fraction of this sheet done. */
  readonly onRows?: (fraction: number) => void;
}

export const EARLIEST_YEAR = 1949;
const PROGRESS_EVERY = 16384;

/** An empty account, for a sheet that is missing. */
export function noRows(): RowAccount {
  return { read: 0, counted: 0, excluded: 0 };
}

/**
 * Visits every non-empty data row of a sheet with a RowReader; `visit` returns nothing and the
 * reader's error count decides whether the row is counted. Returns the row accounting.
 * A sheet with a missing required column is not read: its non-empty rows are all excluded (the
 * missing-column error names them all).
 */
export function eachRow<Kind extends SheetKind>(
  sheet: DetectedSheet<Kind>,
  ctx: SheetReadContext,
  visit: (reader: RowReader<Kind>) => void
): RowAccount {
  const reader = new RowReader(sheet, ctx);
  const { dataStart, dataEnd } = sheet;
  // The fraction done is `done * scale`: a multiplication by a fraction from the first row on, so
  // that the loop's optimised code never meets a result it did not expect (a division would give
  // 0 on the first call and a fraction later, sending the loop back to the interpreter).
  const scale = 1 / Math.max(1, dataEnd - dataStart);
  const unreadable = sheet.missing.length > 0;
  const onRows = ctx.onRows;
  let read = 0;
  let counted = 0;
  let excluded = 0;
  for (let i = dataStart; i < dataEnd; i++) {
    if (onRows && (i - dataStart) % PROGRESS_EVERY === 0) onRows((i - dataStart) * scale);
    if (!reader.start(i)) continue;
    read++;
    if (unreadable) {
      excluded++;
      continue;
    }
    visit(reader);
    if (reader.errors > 0) excluded++;
    else counted++;
  }
  return { read, counted, excluded };
}

/** A sheet that can be read: found, with every required column. */
export function readable<Kind extends SheetKind>(
  sheet: DetectedSheet<Kind> | undefined
): sheet is DetectedSheet<Kind> {
  return sheet !== undefined && sheet.missing.length === 0;
}
