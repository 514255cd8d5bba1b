/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015; SPEC §2.4): 18 characters from
 * a 31-character alphabet, the last a check character over the first 17.
 */
import { isErrorCell } from "./cells";
import { FNV_OFFSET, FNV_PRIME, hashEnd } from "./key-index";
import { foldWidth, stripInvisible } from "./text";
import type { RawCell } from "./types";

/** The code's alphabet: digits and upper-case letters without I, O, Z, S, V. */
export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const USCC_LENGTH = 18;

export type UsccReason = "length" | "character" | "check" | "number";

export type UsccCheck =
  | { readonly ok: true; readonly value: string }
  | {
      readonly ok: false;
      readonly code: "bad-uscc";
      readonly params: { reason: UsccReason; expectedCheck?: string; badCharacter?: string };
    }
  | { readonly ok: false; readonly code: "formula-error" };

/** Called as charCodeAt.call(s, i): see cells.ts (the texts are strings of every kind). */
const charCodeAt = String.prototype.charCodeAt;

/** Each character's value (its place in the alphabet) by char code, -1 when not in it. */
const VALUE_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_ALPHABET.length; i++) VALUE_OF[USCC_ALPHABET.charCodeAt(i)] = i;

/**
 * The alphabet index of the check character over the first 17 characters of `s` (which may be
 * longer), or -1 when they are not 17 characters of the alphabet. No new strings: this runs for
 * every credit code of a sheet.
 */
export function usccCheckIndex(s: string): number {
  if (s.length < WEIGHTS.length) return -1;
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    const code = s.charCodeAt(i);
    const value = code < 128 ? (VALUE_OF[code] ?? -1) : -1;
    if (value < 0) return -1;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return (31 - (sum % 31)) % 31;
}

/** The check character for the first 17 characters, or null when they are not 17 valid ones. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== WEIGHTS.length) return null;
  const index = usccCheckIndex(first17);
  return index < 0 ? null : USCC_ALPHABET.charAt(index);
}

/**
 * For a valid credit code exactly as written (isPlainUscc), its hash as key-index.ts hashText
 * computes it (never 0); else 0. One pass over the text does both, which matters for texts that
 * are not flat in memory (each character access then costs a call).
 */
export function plainUsccHash(s: string): number {
  if (s.length !== USCC_LENGTH) return 0;
  let sum = 0;
  let h = FNV_OFFSET;
  for (let i = 0; i < WEIGHTS.length; i++) {
    const code = charCodeAt.call(s, i);
    const value = code < 128 ? (VALUE_OF[code] ?? -1) : -1;
    if (value < 0) return 0;
    sum += value * (WEIGHTS[i] ?? 0);
    h = Math.imul(h ^ code, FNV_PRIME);
  }
  const last = charCodeAt.call(s, 17);
  if (USCC_ALPHABET.charCodeAt((31 - (sum % 31)) % 31) !== last) return 0;
  return hashEnd(h, last);
}

/**
 * A text that is a valid credit code exactly as written: 18 characters of the alphabet, the last
 * the right check character. (checkUscc also accepts codes that need cleaning first.)
 */
export function isPlainUscc(s: string): boolean {
  if (s.length !== USCC_LENGTH) return false;
  const check = usccCheckIndex(s);
  return check >= 0 && USCC_ALPHABET.charCodeAt(check) === s.charCodeAt(17);
}

/** A text that is a number in exponent form, as a long code typed as a number gets exported. */
const EXPONENT_NUMBER = /^\d(?:\.\d+)?E\+?\d+$/i;

function bad(params: { reason: UsccReason; expectedCheck?: string; badCharacter?: string }) {
  return { ok: false as const, code: "bad-uscc" as const, params };
}

/**
 * Checks a credit code cell. Text is cleaned (invisible characters and spaces removed, width
 * folded, upper-cased) before checking. A number cell (or a date cell, which is a number) is
 * always reason "number": an 18-digit code held as a number has lost digits (Excel keeps 15),
 * and so has a text in exponent form like "9.13501E+17".
 */
export function checkUscc(cell: RawCell): UsccCheck {
  if (isErrorCell(cell)) return { ok: false, code: "formula-error" };
  if (typeof cell === "number" || (typeof cell === "object" && cell !== null)) {
    return bad({ reason: "number" });
  }
  const raw = typeof cell === "boolean" ? String(cell) : typeof cell === "string" ? cell : "";
  const code = foldWidth(stripInvisible(raw)).replace(/\s+/g, "").toUpperCase();
  if (EXPONENT_NUMBER.test(code)) return bad({ reason: "number" });
  const chars = Array.from(code);
  if (chars.length !== USCC_LENGTH) return bad({ reason: "length" });
  const badCharacter = chars.find((ch) => !USCC_ALPHABET.includes(ch));
  if (badCharacter !== undefined) return bad({ reason: "character", badCharacter });
  const expectedCheck = usccCheckCharacter(code.slice(0, 17));
  if (expectedCheck === null || expectedCheck !== code.charAt(17)) {
    return bad({ reason: "check", expectedCheck: expectedCheck ?? "" });
  }
  return { ok: true, value: code };
}
