/** Helpers for the core's tests: small grids and a read context. Not used by production code. */
import { dayFromIso } from "../../../src/core/dates";
import { detectSheets, type DetectedSheet } from "../../../src/core/detect";
import type { SheetReadContext } from "../../../src/core/sheets/context";
import type { ProblemDraft, RawCell, SheetGrid, SheetKind } from "../../../src/core/types";

export const TODAY = "2014-12-15";

export function grid(name: string, rows: RawCell[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name, rows, ...extra };
}

/** A read context for 2014-12-15 that collects problems into `problems`. */
export function readContext(problems: ProblemDraft[] = []): SheetReadContext {
  const today = dayFromIso(TODAY);
  if (today === null) throw new Error("bad TODAY");
  return { system: 1900, today, todayIso: TODAY, todayYear: 2014, problems };
}

/** Detects the sheets of a workbook and returns the one of a kind (failing loudly when absent). */
export function detectOne<K extends SheetKind>(kind: K, sheets: SheetGrid[]): DetectedSheet<K> {
  const found = detectSheets(sheets, new Set()).sheets[kind];
  if (!found) throw new Error(`no ${kind} sheet detected`);
  return found;
}

/** The projection most tests assert on. */
export function where(
  problems: readonly ProblemDraft[]
): Array<[number | null, string | null, string]> {
  return problems.map((p) => [p.row, p.column, p.code]);
}
