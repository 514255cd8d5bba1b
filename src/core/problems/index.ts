/**
 * Building, ordering and summarising problems. Problems are data; their messages are rendered
 * from the catalogues in messages/ and nowhere else.
 */
import type {
  Problem,
  ProblemCode,
  ProblemDraft,
  ProblemParams,
  ProblemSummary,
  Severity,
  SheetKind,
} from "./types";

export interface ProblemPlace<C extends ProblemCode> {
  readonly kind: SheetKind | null;
  readonly sheet: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly params: ProblemParams[C];
}

/**
 * The one place a problem draft is put together. Its properties are written out in the order of
 * every draft literal (and of the JSON): one object shape for every problem, so that code reading
 * problems by the thousand (sorting, messages, the problems sheet) sees one shape, not one a code.
 */
export function problem<C extends ProblemCode>(
  code: C,
  severity: Severity,
  place: ProblemPlace<C>
): ProblemDraft {
  const draft = {
    code,
    severity,
    kind: place.kind,
    sheet: place.sheet,
    row: place.row,
    column: place.column,
    value: place.value,
    params: place.params,
  };
  return draft as ProblemDraft;
}

function columnIndex(column: string | null): number {
  if (column === null) return 0;
  let n = 0;
  for (let i = 0; i < column.length; i++) n = n * 26 + (column.charCodeAt(i) - 64);
  return n;
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
    c: columnIndex(p.column),
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
