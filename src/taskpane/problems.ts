/** Problems as the pane lists them: grouped by code, in the order of the catalogue's counts. */
import type { Problem, ProblemCode, ProblemSummary, Severity } from "../core/types";

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

/** What the pane's filters ask for: a severity, a sheet, and words to find (all optional). */
export interface ProblemFilter {
  readonly severity: Severity | "all";
  /** A sheet's name, "" for problems about the whole workbook, or null for every sheet. */
  readonly sheet: string | null;
  /** Words to find in the message, the cell ("会员!G12"), the value or the code's title. */
  readonly query: string;
}

export const NO_FILTER: ProblemFilter = { severity: "all", sheet: null, query: "" };

export function isFiltering(filter: ProblemFilter): boolean {
  return filter.severity !== "all" || filter.sheet !== null || filter.query.trim() !== "";
}

/**
 * The problems that pass the filter. `text` gives what a problem is searched in (its message in
 * the pane's language, its code's title); the search is case-insensitive, every word must match.
 */
export function filterProblems(
  problems: readonly Problem[],
  filter: ProblemFilter,
  text: (problem: Problem) => string
): Problem[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return problems.filter((p) => {
    if (filter.severity !== "all" && p.severity !== filter.severity) return false;
    if (filter.sheet !== null && p.sheet !== filter.sheet) return false;
    if (words.length === 0) return true;
    const cell = problemCell(p);
    const haystack = [
      text(p),
      cell === null ? p.sheet : `${p.sheet}!${cell}`,
      p.value ?? "",
      p.code,
    ]
      .join("\n")
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** The sheets the problems are about, in order of first appearance ("" is the workbook). */
export function problemSheets(problems: readonly Problem[]): string[] {
  return [...new Set(problems.map((p) => p.sheet))];
}
