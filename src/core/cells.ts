/**
 * Reading one raw cell as a type (SPEC §2). Readers are pure and are only called on non-blank
 * cells; they return the value or a problem code (with the parameters only the reader knows,
 * such as `impossible` for a date). Every reader turns an Excel error value into formula-error.
 */
import { isPhoneNumber } from "./contact";
import { dayFromSerial, dayFromYmd, isoOfDay } from "./dates";
import { foldWidth, memoizeText, stripInvisible } from "./text";
import type { DateCell, DateSystem, Day, ErrorCell, ProblemCode, RawCell } from "./types";

/** Parameters a reader may add to its problem; the caller adds `field` and the rest. */
export interface CellFailureParams {
  readonly impossible?: boolean;
  readonly suggestion?: string | null;
  readonly accepted?: readonly string[];
}

export type CellFailure<C extends ProblemCode = ProblemCode> = {
  readonly ok: false;
  readonly code: C;
  readonly params?: CellFailureParams;
};

export type CellRead<T> = { readonly ok: true; readonly value: T } | CellFailure;

/**
 * String.prototype.charCodeAt, called as charCodeAt.call(s, i) where cells of every kind of string
 * pass (flat, concatenated, sliced, internalised): `s.charCodeAt` looks the method up on each
 * string's own map, which at such a site soon goes megamorphic.
 */
const charCodeAt = String.prototype.charCodeAt;

const FORMULA_ERROR: CellFailure<"formula-error"> = { ok: false, code: "formula-error" };

export function isDateCell(cell: RawCell): cell is DateCell {
  return typeof cell === "object" && cell !== null && cell.kind === "date";
}

export function isErrorCell(cell: RawCell): cell is ErrorCell {
  return typeof cell === "object" && cell !== null && cell.kind === "error";
}

/** Blank: null, undefined, "" or a text of nothing but spaces and invisible characters. */
export function isBlankCell(cell: RawCell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== "string") return false;
  if (cell.length === 0) return true;
  // A first character that is neither a space nor invisible settles it: the common case, and this
  // runs for every cell of every row.
  const c = charCodeAt.call(cell, 0);
  const maybeSpace =
    c <= 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x206f) ||
    c === 0x3000 ||
    c === 0xfeff;
  return maybeSpace && stripInvisible(cell).trim() === "";
}

/** Writes the mantissa of an exponent form ("1.5e-7", "1.2e+21") out in plain digits. */
function expandExponent(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
  if (!m) return text;
  const sign = m[1] ?? "";
  const digits = (m[2] ?? "") + (m[3] ?? "");
  const point = (m[2] ?? "").length + Number(m[4]);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`.replace(/\.?0+$/, "");
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A number as a person reads it, never in exponent form: integers as their digits
 * (123456789012345678901 → "123456789012345680000"), other numbers rounded to Excel's 15
 * significant digits (0.1 + 0.2 → "0.3").
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Object.is(n, -0)) return "0";
  const rounded = Number.isInteger(n) ? n : Number(n.toPrecision(15));
  return expandExponent(String(rounded));
}

/** The text a problem shows as its `value`: what the user sees in the cell; null for a blank. */
export function rawText(cell: RawCell, system: DateSystem): string | null {
  if (isBlankCell(cell) || cell === null || cell === undefined) return null;
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return numberText(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (isErrorCell(cell)) return cell.error;
  return dateCellText(cell, system);
}

/** A date cell as its ISO date, or its serial's digits when the serial is no real day. */
function dateCellText(cell: DateCell, system: DateSystem): string {
  const day = dayFromSerial(cell.serial, system);
  return day === null ? numberText(cell.serial) : isoOfDay(day);
}

const ok = <T>(value: T): CellRead<T> => ({ ok: true, value });
const fail = (code: ProblemCode, params?: CellFailureParams): CellFailure =>
  params === undefined ? { ok: false, code } : { ok: false, code, params };

/** Text with invisible characters removed, width folded and trimmed: the form values are parsed in. */
function folded(s: string): string {
  return foldWidth(stripInvisible(s)).trim();
}

/**
 * A text cell for names shown back to users: trimmed, invisible characters removed, not width
 * folded. Numbers as their digits without ".0", booleans as TRUE/FALSE, date cells as ISO dates
 * (in `system`, default 1900).
 */
export function readText(cell: RawCell, system: DateSystem = 1900): CellRead<string> {
  if (isErrorCell(cell)) return FORMULA_ERROR;
  if (typeof cell === "string") return ok(stripInvisible(cell).trim());
  return ok(rawText(cell, system) ?? "");
}

/** An ID or code: like readText, and width folded ("Ａ００１" → "A001", 1001 → "1001"). */
export function readId(cell: RawCell, system: DateSystem = 1900): CellRead<string> {
  const text = readText(cell, system);
  return text.ok ? ok(foldWidth(text.value).trim()) : text;
}

/**
 * Moves the decimal point of a plain decimal text ("1.2", "12", ".5") `shift` places (right when
 * positive) and returns the number, so that "1.2" shifted 4 is exactly 12000 and "10.5" shifted
 * −2 is exactly 0.105.
 */
function shiftDecimal(text: string, shift: number): number {
  const [whole = "", frac = ""] = text.split(".");
  const digits = whole + frac;
  const point = whole.length + shift;
  if (point <= 0) return Number(`0.${"0".repeat(-point)}${digits}`);
  if (point >= digits.length) return Number(digits + "0".repeat(point - digits.length));
  return Number(`${digits.slice(0, point)}.${digits.slice(point)}`);
}

/** Plain digits or digits grouped by commas, with optional decimals: "1200", "1,200.50", ".5". */
const DECIMAL = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
/** Units after a number: 元, 万, 万元, 亿, 亿元 (the multiplier as a power of ten). */
const UNIT_SHIFT: Readonly<Record<string, number>> = {
  "": 0,
  元: 0,
  万: 4,
  万元: 4,
  亿: 8,
  亿元: 8,
};
const MONEY_TEXT = /^([+\-\u2212]?)(?:¥|RMB)?([+\-\u2212]?)([\d,.]+)(万元|亿元|元|万|亿)?$/i;

/** Parses a money-like text; null when it is not one. */
function parseNumberText(s: string): number | null {
  const text = folded(s).replace(/\s+/g, "");
  const m = MONEY_TEXT.exec(text);
  if (!m) return null;
  const [, sign1 = "", sign2 = "", body = "", unit = ""] = m;
  if ((sign1 && sign2) || body === "" || body === "." || !DECIMAL.test(body)) return null;
  const value = shiftDecimal(body.replace(/,/g, ""), UNIT_SHIFT[unit] ?? 0);
  const negative = sign1 === "-" || sign1 === "\u2212" || sign2 === "-" || sign2 === "\u2212";
  return negative && value !== 0 ? -value : value;
}

/**
 * A number or an amount of money: numeric cells, or text like "1,200", "1200元", "¥1,200.50",
 * "￥1,200.50", "1.2万" (= 12000 exactly), "1.2万元", "-5", full-width digits. Booleans and
 * date cells are not numbers.
 */
export function readNumber(cell: RawCell): CellRead<number> {
  if (isErrorCell(cell)) return FORMULA_ERROR;
  if (typeof cell === "number") return Number.isFinite(cell) ? ok(cell) : fail("not-a-number");
  if (typeof cell !== "string") return fail("not-a-number");
  const value = parseNumberText(cell);
  return value === null ? fail("not-a-number") : ok(value);
}

/** Like readNumber; a number with a fraction is not-an-integer. */
export function readInteger(cell: RawCell): CellRead<number> {
  const read = readNumber(cell);
  if (!read.ok) return read;
  // Beyond 2^53 a number is no longer an exact integer (and sums of such depend on their order).
  return Number.isSafeInteger(read.value) ? read : fail("not-an-integer");
}

/**
 * A percentage as a fraction: "10%" → 0.1, "10.5%" → 0.105; a number (or number text) up to 1
 * is already a fraction (0.1), one above 1 and up to 100 is a percentage (10 → 0.1). Negative
 * values and values above 100 are not-a-number.
 */
export function readPercent(cell: RawCell): CellRead<number> {
  if (isErrorCell(cell)) return FORMULA_ERROR;
  if (typeof cell === "string") {
    const text = folded(cell).replace(/\s+/g, "");
    const pct = /^(\d+(?:\.\d+)?|\.\d+)%$/.exec(text);
    if (pct) {
      const value = shiftDecimal(pct[1] ?? "", -2);
      return value <= 1 ? ok(value) : fail("not-a-number");
    }
    if (!/^(\d+(?:\.\d+)?|\.\d+)$/.test(text)) return fail("not-a-number");
    return fractionOf(Number(text), text);
  }
  if (typeof cell === "number" && Number.isFinite(cell)) return fractionOf(cell, numberText(cell));
  return fail("not-a-number");
}

function fractionOf(n: number, digits: string): CellRead<number> {
  if (n < 0 || n > 100) return fail("not-a-number");
  if (n <= 1) return ok(n);
  return ok(/^\d+(\.\d+)?$/.test(digits) ? shiftDecimal(digits, -2) : n / 100);
}

/** Date texts: Y-M-D with - / or . (one kind), 2014年11月30日 (or 号), an optional time after. */
const YMD_SEPARATED =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const YMD_CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const YMD_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YM_SEPARATED = /^(\d{4})[-/.](\d{1,2})$/;
const YM_CHINESE = /^(\d{4})年(\d{1,2})月份?$/;
const SERIAL_TEXT = /^\d+(?:\.\d+)?$/;

/**
 * Numbers that are years, not serials: a plain number 1900–2100 in a date column is far more
 * likely a year typed without month and day than a day of 1905, so it is not-a-date rather than
 * silently read as 1905-03-14 (an explicit date cell is still read as its serial).
 */
const YEAR_LIKE_MIN = 1900;
const YEAR_LIKE_MAX = 2100;

function readSerial(serial: number, system: DateSystem): CellRead<Day> {
  if (Number.isInteger(serial) && serial >= YEAR_LIKE_MIN && serial <= YEAR_LIKE_MAX) {
    return fail("not-a-date");
  }
  const day = dayFromSerial(serial, system);
  return day === null ? fail("not-a-date") : ok(day);
}

function ymdRead(
  y: string | undefined,
  m: string | undefined,
  d: string | undefined
): CellRead<Day> {
  const day = dayFromYmd(Number(y), Number(m), Number(d));
  return day === null ? fail("not-a-date", { impossible: true }) : ok(day);
}

/** A date text to its day (see readDate). */
function parseDateText(s: string, system: DateSystem): CellRead<Day> {
  const text = folded(s).replace(/\s*([-/.年月日号])\s*/g, "$1");
  let m = YMD_SEPARATED.exec(text);
  if (m) return ymdRead(m[1], m[3], m[4]);
  m = YMD_CHINESE.exec(text) ?? YMD_COMPACT.exec(text);
  if (m) return ymdRead(m[1], m[2], m[3]);
  m = YM_SEPARATED.exec(text) ?? YM_CHINESE.exec(text);
  if (m) return ymdRead(m[1], m[2], "1");
  if (SERIAL_TEXT.test(text)) return readSerial(Number(text), system);
  return fail("not-a-date");
}

/**
 * A calendar day: date cells (their serial in the workbook's date system), numbers as serials,
 * and text in the forms 2014-11-30, 2014/11/30, 2014.11.30, 2014年11月30日 (or 号), 20141130,
 * with one-digit months and days, and the year-month forms 2014-11, 2014/11, 2014.11, 2014年11月
 * meaning the first of the month; a number text ("41973") is a serial. An impossible day
 * (2014-02-30) is not-a-date with `impossible: true`.
 */
export function readDate(cell: RawCell, system: DateSystem): CellRead<Day> {
  if (isErrorCell(cell)) return FORMULA_ERROR;
  if (isDateCell(cell)) {
    const day = dayFromSerial(cell.serial, system);
    return day === null ? fail("not-a-date") : ok(day);
  }
  if (typeof cell === "number") return readSerial(cell, system);
  if (typeof cell === "string") return parseDateText(cell, system);
  return fail("not-a-date");
}

const TRUE_WORDS = new Set(["是", "有", "y", "yes", "true", "√", "✓", "✔", "☑", "1", "对"]);
const FALSE_WORDS = new Set(["否", "无", "没有", "n", "no", "false", "×", "✗", "✘", "x", "☐", "0"]);

/**
 * Yes or no: 是/否, 有/无, Y/N, yes/no, true/false, √/×, ✓/✗, 1/0, case-insensitive and
 * width-folded; boolean cells; the numbers 1 and 0.
 */
export function readBoolean(cell: RawCell): CellRead<boolean> {
  if (isErrorCell(cell)) return FORMULA_ERROR;
  if (typeof cell === "boolean") return ok(cell);
  if (typeof cell === "number") {
    if (cell === 1) return ok(true);
    return cell === 0 ? ok(false) : fail("not-a-boolean");
  }
  if (typeof cell !== "string") return fail("not-a-boolean");
  return booleanOfText(cell);
}

/** A column of 是/否 repeats two words: each distinct text is read once. */
const booleanOfText = memoizeText((text: string): CellRead<boolean> => {
  const word = folded(text).replace(/\s+/g, "").toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  return FALSE_WORDS.has(word) ? ok(false) : fail("not-a-boolean");
});

/** A year: 2014, 2014.0, "2014", "2014年", "2014年度", "２０１４". Range checks are the caller's. */
export function readYear(cell: RawCell): CellRead<number> {
  if (isErrorCell(cell)) return FORMULA_ERROR;
  if (typeof cell === "number") {
    return Number.isInteger(cell) && cell >= 0 ? ok(cell) : fail("not-a-year");
  }
  if (typeof cell !== "string") return fail("not-a-year");
  const m = /^(\d{1,5})(?:\.0+)?(?:年度?)?$/.exec(folded(cell).replace(/\s+/g, ""));
  return m ? ok(Number(m[1])) : fail("not-a-year");
}

export type PhoneRead =
  | { readonly ok: true; readonly value: string; readonly valid: boolean }
  | CellFailure<"formula-error">;

/**
 * A phone number: the text as entered (cleaned), and whether it is a mainland mobile or landline
 * (see isPhoneNumber in contact.ts). An 11-digit phone held as a number is read as its digits.
 */
export function readPhone(cell: RawCell, system: DateSystem = 1900): PhoneRead {
  if (isErrorCell(cell)) return FORMULA_ERROR;
  const text = typeof cell === "string" ? folded(cell) : (rawText(cell, system) ?? "");
  return { ok: true, value: text, valid: isPhoneNumber(text) };
}

// ---------------------------------------------------------------------------------------------
// Fast paths for the common cell shapes. The check stage reads every cell of a million-row sheet;
// most cells are plain text or plain numbers that the readers above would return unchanged. These
// recognise exactly such cells and return their value without building a result object; anything
// else returns null (or undefined) and the caller falls back to the full reader, so every edge case
// keeps the full reader's behaviour.
// ---------------------------------------------------------------------------------------------

/**
 * A character that String.prototype.trim or stripInvisible might change at the end of a text: a
 * superset of JavaScript's white space and line terminators and of the invisible characters.
 */
function isSpaceLike(c: number): boolean {
  return (
    c <= 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    c === 0x180e ||
    (c >= 0x2000 && c <= 0x206f) ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Any character stripInvisible would change (kept in step with text.ts). */
const ANY_INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00A0\u2007\u202F\u3000]/;
/** Any character stripInvisible or foldWidth would change (kept in step with text.ts). */
const ANY_INVISIBLE_OR_WIDE =
  /[\u200B-\u200D\u2060\uFEFF\u00A0\u2007\u202F\u3000\uFF01-\uFF5E\uFFE5]/;

/** A non-empty string that starts and ends with a character trimming keeps. */
function hasSolidEnds(s: string): boolean {
  const n = s.length;
  return n > 0 && !isSpaceLike(charCodeAt.call(s, 0)) && !isSpaceLike(charCodeAt.call(s, n - 1));
}

/**
 * The cell itself when it is a string that is not blank and that readText would return
 * unchanged (no invisible characters, nothing to trim); else null.
 */
export function plainText(cell: RawCell): string | null {
  return typeof cell === "string" && hasSolidEnds(cell) && !ANY_INVISIBLE.test(cell) ? cell : null;
}

/**
 * The cell itself when it is a string that is not blank and that readId (and readPhone's
 * cleaning) would return unchanged: as plainText, and nothing to fold to half width; else null.
 */
export function plainId(cell: RawCell): string | null {
  return typeof cell === "string" && hasSolidEnds(cell) && !ANY_INVISIBLE_OR_WIDE.test(cell)
    ? cell
    : null;
}

/** A finite number cell as readNumber reads it, else null. */
export function plainNumber(cell: RawCell): number | null {
  return typeof cell === "number" && Number.isFinite(cell) ? cell : null;
}

/**
 * A date as readDate reads it when it succeeds, else null: a date cell whose serial is a real
 * day, a number that is a serial (not a year-like 1900–2100), and the common date texts
 * (plainDateText).
 */
export function plainDate(cell: RawCell, system: DateSystem): Day | null {
  if (typeof cell === "string") return plainDateText(cell);
  if (typeof cell === "number") {
    if (Number.isInteger(cell) && cell >= YEAR_LIKE_MIN && cell <= YEAR_LIKE_MAX) return null;
    return dayFromSerial(cell, system);
  }
  return isDateCell(cell) ? dayFromSerial(cell.serial, system) : null;
}

const DIGIT_0 = 0x30;
const YEAR_CHAR = 0x5e74; // 年
const MONTH_CHAR = 0x6708; // 月
const DAY_CHAR = 0x65e5; // 日
const DAY_CHAR_ALT = 0x53f7; // 号

/** The value of the ASCII digit at `i`, or -1. */
function digitAt(s: string, i: number): number {
  const d = s.charCodeAt(i) - DIGIT_0;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * The day of a date text in one of the shapes people type most, exactly as parseDateText reads
 * it: 2013-05-08, 2013/5/8, 2013.05.08 (one separator, twice) and 2013年5月8日 (or 号, or no
 * last character), ASCII digits and nothing else; null for any other text and for an impossible
 * day (readDate then reports it).
 */
export function plainDateText(s: string): Day | null {
  const n = s.length;
  if (n < 8 || n > 11) return null;
  const y0 = digitAt(s, 0);
  const y1 = digitAt(s, 1);
  const y2 = digitAt(s, 2);
  const y3 = digitAt(s, 3);
  if (y0 < 0 || y1 < 0 || y2 < 0 || y3 < 0) return null;
  const sep = s.charCodeAt(4);
  const chinese = sep === YEAR_CHAR;
  if (!chinese && sep !== 0x2d && sep !== 0x2f && sep !== 0x2e) return null; // - / .
  // month: one or two digits after the separator
  let i = 5;
  let month = digitAt(s, i++);
  if (month < 0) return null;
  const m2 = digitAt(s, i);
  if (m2 >= 0) {
    month = month * 10 + m2;
    i++;
  }
  if (s.charCodeAt(i++) !== (chinese ? MONTH_CHAR : sep)) return null;
  let day = digitAt(s, i++);
  if (day < 0) return null;
  const d2 = digitAt(s, i);
  if (d2 >= 0) {
    day = day * 10 + d2;
    i++;
  }
  if (chinese && i < n) {
    const last = s.charCodeAt(i);
    if (last === DAY_CHAR || last === DAY_CHAR_ALT) i++;
  }
  if (i !== n) return null;
  return dayFromYmd(y0 * 1000 + y1 * 100 + y2 * 10 + y3, month, day);
}

const YEN_SIGN = 0xa5; // ¥
const YUAN_CHAR = 0x5143; // 元
/** More digits than this and an integer may not be exact in a double: left to readNumber. */
const PLAIN_MONEY_DIGITS = 15;

/**
 * The amount of a money text in the shapes typed most, exactly as readNumber reads it, without
 * regular expressions or new strings: ASCII digits (commas between groups of three allowed), an
 * optional fraction of zeros only ("500.00"), an optional ¥ first and 元 last ("1000元",
 * "¥500.00", "1,000"). Null for any other text (signs, spaces, 万/亿, other decimals, full-width
 * forms, more than 15 digits), which readNumber then reads.
 */
export function plainMoneyText(s: string): number | null {
  let i = 0;
  let end = s.length;
  if (end > 0 && s.charCodeAt(0) === YEN_SIGN) i = 1;
  if (end > i && s.charCodeAt(end - 1) === YUAN_CHAR) end--;
  let value = 0;
  let digits = 0;
  let group = 0;
  let grouped = false;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= DIGIT_0 && c <= DIGIT_0 + 9) {
      value = value * 10 + (c - DIGIT_0);
      digits++;
      group++;
    } else if (c === 0x2c) {
      // The first group has one to three digits, every later one three (readNumber's DECIMAL).
      if (grouped ? group !== 3 : group < 1 || group > 3) return null;
      grouped = true;
      group = 0;
    } else break;
  }
  if ((grouped && group !== 3) || digits === 0 || digits > PLAIN_MONEY_DIGITS) return null;
  if (i === end) return value;
  if (s.charCodeAt(i) !== 0x2e || i + 1 === end) return null;
  for (i++; i < end; i++) if (s.charCodeAt(i) !== DIGIT_0) return null;
  return value;
}

/**
 * A boolean cell, or a text readBoolean reads as yes or no (each distinct text is read once), else
 * null (the caller falls back to readBoolean, which reports the problem).
 */
export function plainBoolean(cell: RawCell): boolean | null {
  if (typeof cell === "boolean") return cell;
  if (typeof cell !== "string") return null;
  const read = booleanOfText(cell);
  return read.ok ? read.value : null;
}
