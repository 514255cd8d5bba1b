/** Problems as the pane lists them: grouped by code, in the order of the catalogue's counts. */
import type { Problem, ProblemCode, ProblemSummary } from "../core/types";

export interface ProblemGroup {
  readonly code: ProblemCode;
  /** The uncapped count from the summary. */
  readonly count: number;
  readonly errors: number;
  /** The problems of this code that the result carries (possibly fewer than `count`). */
  readonly items: readonly Problem[];
}

/**
 * Groups problems by code: groups with errors first, then by descending count, then by code.
 * Counts come from `summary.byCode`, which is never capped.
 */
export function groupProblems(
  summary: ProblemSummary,
  problems: readonly Problem[]
): ProblemGroup[] {
  const byCode = new Map<ProblemCode, Problem[]>();
  for (const problem of problems) {
    const list = byCode.get(problem.code);
    if (list) list.push(problem);
    else byCode.set(problem.code, [problem]);
  }
  const codes = new Set<ProblemCode>([
    ...(Object.keys(summary.byCode) as ProblemCode[]),
    ...byCode.keys(),
  ]);
  const groups = [...codes].map((code): ProblemGroup => {
    const items = byCode.get(code) ?? [];
    return {
      code,
      count: summary.byCode[code] ?? items.length,
      errors: items.filter((p) => p.severity === "error").length,
      items,
    };
  });
  return groups.sort(
    (a, b) =>
      Number(b.errors > 0) - Number(a.errors > 0) ||
      b.count - a.count ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/** The cell a problem points at ("C12"), the row's first column when only the row is known. */
export function problemCell(problem: Problem): string | null {
  if (problem.row === null || problem.sheet === "") return null;
  return `${problem.column ?? "A"}${problem.row}`;
}
