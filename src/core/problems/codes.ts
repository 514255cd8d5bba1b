/**
 * Every problem code, one entry each: its default severity (SPEC §3's table) and the parameters it
 * carries beside its location. A code's title and message, per language, are its entry in each
 * catalogue of messages/. To add a code: an entry here, then one in messages/zh.ts and en.ts (the
 * catalogues do not compile without it).
 */
import type { Severity, SheetKind } from "../types";

/** A code's entry. `params` is never set: it carries the parameters' type into ProblemParams. */
export interface CodeDef<P> {
  readonly severity: Severity;
  readonly params?: P;
}

type NoParams = Record<string, never>;

function code<P = NoParams>(severity: Severity): CodeDef<P> {
  return { severity };
}

/** Every field a message needs is in a code's parameters: a message is rendered from data alone. */
export const PROBLEM_CODES = {
  /** A warning for every sheet but 会员 (detect.ts says so at the call). */
  "missing-sheet": code<{ kind: SheetKind }>("error"),
  "missing-column": code<{ kind: SheetKind; field: string }>("error"),
  "duplicate-column": code<{ kind: SheetKind; field: string; firstColumn: string }>("error"),
  "blank-required": code<{ field: string; why?: "township-chamber" | "enterprise-member" }>(
    "error"
  ),
  /** The not-a-* codes are warnings in optional columns (the cell is then taken as blank). */
  "not-a-number": code<{ field: string }>("error"),
  "not-an-integer": code<{ field: string; min?: number }>("error"),
  "not-a-date": code<{ field: string; impossible?: boolean }>("error"),
  "not-a-boolean": code<{ field: string }>("error"),
  "not-a-year": code<{ field: string; min?: number; max?: number }>("error"),
  "formula-error": code<{ field: string }>("error"),
  "bad-enum": code<{ field: string; suggestion: string | null; accepted: readonly string[] }>(
    "error"
  ),
  "duplicate-id": code<{ field: string; firstRow: number }>("error"),
  "duplicate-uscc": code<{ firstRow: number }>("error"),
  "bad-uscc": code<{
    reason: "length" | "character" | "check" | "number";
    expectedCheck?: string;
    badCharacter?: string;
  }>("error"),
  "unknown-chamber": code<{ suggestion: string | null }>("error"),
  "unknown-member": code("error"),
  "member-excluded": code<{ memberSheet: string; memberRow: number }>("error"),
  "unknown-township": code<{ suggestion: string | null }>("error"),
  /** A warning for 缴费日期 (the reader says so at the call). */
  "date-in-future": code<{ field: string; today: string }>("error"),
  "date-order": code<{ field: string; otherField: string; other: string }>("error"),
  "joined-before-founded": code<{ chamberId: string; founded: string }>("warning"),
  "negative-amount": code<{ field: string }>("error"),
  overpaid: code<{ due: number; paid: number }>("warning"),
  "paid-without-date": code("warning"),
  "duplicate-dues": code<{ memberId: string; year: number; firstRow: number }>("error"),
  "dues-outside-membership": code<{ year: number; joinedYear: number; leftYear: number | null }>(
    "warning"
  ),
  "duplicate-township-year": code<{ township: string; year: number; firstRow: number }>("error"),
  "township-year-missing": code<{ township: string; year: number; usedYear: number | null }>(
    "warning"
  ),
  "bad-phone": code("warning"),
  "bad-url": code("warning"),
  "bad-setting": code<{ setting: string; defaultValue: string }>("warning"),
  /** A sheet the user owns has the name of an output sheet; the output went to `usedName`. */
  "output-sheet-renamed": code<{ wanted: string; usedName: string }>("warning"),
};

export type ProblemCode = keyof typeof PROBLEM_CODES;

type ParamsOf<D> = D extends CodeDef<infer P> ? P : never;

/** What each code carries beside its location. */
export type ProblemParams = { [C in ProblemCode]: ParamsOf<(typeof PROBLEM_CODES)[C]> };

/** Every code, in the order of the table. */
export const ALL_PROBLEM_CODES = Object.keys(PROBLEM_CODES) as readonly ProblemCode[];
