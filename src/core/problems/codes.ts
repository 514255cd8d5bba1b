/**
 * Every problem code, one entry each: its default severity (SPEC §3's table) and the parameters it
 * carries beside its location. A code's title and message, per language, are its entry in each
 * catalogue of messages/. To add a code: an entry here, then one in messages/zh.ts and en.ts (the
 * catalogues do not compile without it).
 */
import type { FieldKey } from "../schema";
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
  "missing-column": code<{ kind: SheetKind; field: FieldKey }>("error"),
  "duplicate-column": code<{ kind: SheetKind; field: FieldKey; firstColumn: string }>("error"),
  "blank-required": code<{ field: FieldKey; why?: "township-chamber" | "enterprise-member" }>(
    "error"
  ),
  /** The not-a-* codes are warnings in optional columns (the cell is then taken as blank). */
  "not-a-number": code<{ field: FieldKey }>("error"),
  "not-an-integer": code<{ field: FieldKey; min?: number }>("error"),
  "not-a-date": code<{ field: FieldKey; impossible?: boolean }>("error"),
  "not-a-boolean": code<{ field: FieldKey }>("error"),
  "not-a-year": code<{ field: FieldKey; min?: number; max?: number }>("error"),
  "formula-error": code<{ field: FieldKey }>("error"),
  "bad-enum": code<{ field: FieldKey; suggestion: string | null; accepted: readonly string[] }>(
    "error"
  ),
  "duplicate-id": code<{ field: FieldKey; firstRow: number }>("error"),
  "duplicate-uscc": code<{ firstRow: number }>("error"),
  "bad-uscc": code<{
    reason: "length" | "character" | "check" | "number";
    expectedCheck?: string;
    badCharacter?: string;
  }>("error"),
  "unknown-chamber": code<{ suggestion: string | null }>("error"),
  "unknown-member": code("error"),
  /** The 会费 sheet cannot be checked: there is no usable 会员 sheet (one problem, not one a row). */
  "dues-without-members": code<{ rows: number }>("error"),
  "member-excluded": code<{ memberSheet: string; memberRow: number }>("error"),
  "unknown-township": code<{ suggestion: string | null }>("error"),
  /** A warning for 缴费日期 (the reader says so at the call). */
  "date-in-future": code<{ field: FieldKey; today: string }>("error"),
  "date-order": code<{ field: FieldKey; otherField: FieldKey; other: string }>("error"),
  "joined-before-founded": code<{ chamberId: string; founded: string }>("warning"),
  "negative-amount": code<{ field: FieldKey }>("error"),
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
