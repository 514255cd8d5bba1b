/**
 * Building, ordering and summarising problems. Problems are data: each code's severity and
 * parameters are its entry in codes.ts; its title and message are rendered from the catalogues in
 * messages/ and nowhere else.
 */
import type {
  Problem,
  ProblemCode,
  ProblemDraft,
  ProblemParams,
  ProblemSummary,
  Severity,
  SheetKind,
} from "../types";
import { columnNumber } from "../a1";
import { PROBLEM_CODES } from "./codes";

export { ALL_PROBLEM_CODES, PROBLEM_CODES } from "./codes";

export interface ProblemPlace<C extends ProblemCode> {
  readonly kind: SheetKind | null;
  readonly sheet: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly params: ProblemParams[C];
}

/**
 * The one place a problem draft is put together, with its code's default severity (codes.ts), or
 * with the severity given where SPEC §3 makes it depend on the sheet or the column. Its
 * properties are written out in the order of the JSON: one object shape for every problem, so
 * that code reading problems by the thousand (sorting, messages, the problems sheet) sees one
 * shape, not one a code.
 */
export function problem<C extends ProblemCode>(
  code: C,
  ...at: readonly [place: ProblemPlace<C>] | readonly [severity: Severity, place: ProblemPlace<C>]
): ProblemDraft {
  const place = at.length === 1 ? at[0] : at[1];
  const draft = {
    code,
    severity: at.length === 1 ? PROBLEM_CODES[code].severity : at[0],
    kind: place.kind,
    sheet: place.sheet,
    row: place.row,
    column: place.column,
    value: place.value,
    params: place.params,
  };
  return draft as ProblemDraft;
}

/**
 * Sorts problems by sheet (in the workbook's order; problems about the workbook first), then row,
 * then column (A < B < AA), keeping the order of problems at the same cell.
 */
export function sortProblems<P extends ProblemDraft>(
  problems: readonly P[],
  sheetOrder: readonly string[]
): P[] {
  const order = new Map<string, number>();
  sheetOrder.forEach((name, i) => order.set(name, i + 1));
  const keyed = problems.map((p, i) => ({
    p,
    i,
    s: p.sheet === "" ? 0 : (order.get(p.sheet) ?? sheetOrder.length + 1),
    r: p.row ?? 0,
    c: p.column === null ? 0 : (columnNumber(p.column) ?? 0),
  }));
  keyed.sort((a, b) => a.s - b.s || a.r - b.r || a.c - b.c || a.i - b.i);
  return keyed.map((k) => k.p);
}

/** The §4 problems block: counts never capped, items capped at `cap` (at least 10,000). */
export function summarise(problems: readonly Problem[], cap: number): ProblemSummary {
  let errors = 0;
  let warnings = 0;
  const byCode: Partial<Record<ProblemCode, number>> = {};
  for (const p of problems) {
    if (p.severity === "error") errors++;
    else warnings++;
    byCode[p.code] = (byCode[p.code] ?? 0) + 1;
  }
  const limit = Math.max(10_000, cap);
  return {
    errors,
    warnings,
    byCode,
    items: problems.length > limit ? problems.slice(0, limit) : [...problems],
    truncated: problems.length > limit,
  };
}
