/** Problems: data, keyed by a stable code; messages come from the catalogues in messages/. */
import type { ProblemCode, ProblemParams } from "../problems/codes";
import type { SheetKind } from "./records";

export type Severity = "error" | "warning";

/** The codes and their parameters: one entry per code in problems/codes.ts. */
export type { ProblemCode, ProblemParams } from "../problems/codes";

/** One problem: a stable code with its parameters, where it happened, and a rendered message. */
export type Problem = {
  [C in ProblemCode]: {
    readonly code: C;
    readonly severity: Severity;
    /** The kind of input sheet the problem is about (null for the workbook or an output sheet). */
    readonly kind: SheetKind | null;
    /** The sheet's name as the user sees it ("" when the problem is about the workbook). */
    readonly sheet: string;
    /** 1-based worksheet row, or null when the problem is about a whole sheet or column. */
    readonly row: number | null;
    /** Column letter as the user sees it ("C"), or null. */
    readonly column: string | null;
    /** The cell's raw text, or null. */
    readonly value: string | null;
    readonly params: ProblemParams[C];
    /** A sentence in the recalculation's language: what is wrong and what would be right. */
    readonly message: string;
  };
}[ProblemCode];

/** A problem before its message is rendered. */
export type ProblemDraft = {
  [C in ProblemCode]: Omit<Extract<Problem, { code: C }>, "message">;
}[ProblemCode];

export interface ProblemSummary {
  errors: number;
  warnings: number;
  byCode: Partial<Record<ProblemCode, number>>;
  /** Sorted by sheet, row, column; capped at `itemCap` (never below 10,000). */
  items: Problem[];
  /** True when items were capped; the counts above never are. */
  truncated: boolean;
}
