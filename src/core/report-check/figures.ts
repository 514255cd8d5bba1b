/**
 * Every figure quoted in a draft report, Chinese or English: where it is, what it says (value,
 * unit) and how precisely (the range of true values its text and its qualifier allow).
 *
 * The rules and their limits are in docs/DECISIONS.md, "Checking a draft report".
 */

export type FigureUnit = "count" | "percent" | "yuan" | "year" | "date";

/** What the words around a number say about it (超过, 多, "at least" …). */
export type Qualifier =
  "at-least" | "more-than" | "and-more" | "nearly" | "about" | "less-than" | "at-most" | "reaches";

export interface Bound {
  readonly value: number;
  readonly inclusive: boolean;
}

/** The true values a figure's text allows; a missing side is unbounded. */
export interface FigureRange {
  readonly min: Bound | null;
  readonly max: Bound | null;
}

export interface QuotedFigure {
  /** Its place in the text: text.slice(start, end) is the figure (digits, %, 万元, ¥, 年月日). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /**
   * The figure in natural units: a count, yuan, a percentage as a fraction (78.54% → 0.7854), a
   * year; a date as "YYYY-MM-DD" ("YYYY-MM" for a month, "--MM-DD" without a year).
   */
  readonly value: number | string;
  readonly unit: FigureUnit;
  readonly qualifier: Qualifier | null;
  /** The true values it allows (a year's is itself; a date's is null). */
  readonly range: FigureRange | null;
  /** Written in brackets right after something, "12 (85.71%)". */
  readonly parenthesized: boolean;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH_NAMES =
  "January|February|March|April|May|June|July|August|September|October|November|December";

/** Full-width digits and signs as ASCII, one character for one, so places are unchanged. */
export function normalizeWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF05\uFF0E\uFFE5]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
    if (ch === "\uFF05") return "%";
    if (ch === "\uFF0E") return ".";
    return "¥";
  });
}

const ZH_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const ZH_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const ZH_BIG: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

/** The value of a run of Chinese numerals ("二十三" 23, "一百零五" 105, "二〇一四" 2014). */
export function parseChineseNumeral(run: string): number | null {
  const chars = [...run];
  if (chars.length === 0) return null;
  if (chars.every((c) => ZH_DIGITS[c] !== undefined)) {
    if (chars.length === 1) return ZH_DIGITS[chars[0] ?? ""] ?? null;
    return Number(chars.map((c) => ZH_DIGITS[c]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of chars) {
    const d = ZH_DIGITS[c];
    const unit = ZH_UNITS[c];
    const big = ZH_BIG[c];
    if (d !== undefined) digit = d;
    else if (unit !== undefined) {
      section += (digit ?? 1) * unit;
      digit = null;
    } else if (big !== undefined) {
      section += digit ?? 0;
      total += (section === 0 ? 1 : section) * big;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

/** Measure words that make a run of Chinese numerals a count (两个, 十四家). */
const MEASURE = "个家名人位所项次件户条篇场期批";

/** A number as read, before its unit and qualifier are decided. */
interface RawNumber {
  start: number;
  end: number;
  value: number;
  /** Half the unit of the last digit written (0 for a whole number). */
  decimals: number;
  /** 10^(trailing zeros) of a whole number: 1,800 → 100. */
  roundUnit: number;
  grouped: boolean;
  chinese: boolean;
}

const QUALIFIERS_BEFORE: readonly (readonly [RegExp, Qualifier])[] = [
  [/(?:超过|多于|逾|高于)$/, "more-than"],
  [/(?:将近|接近|近)$/, "nearly"],
  [/(?:大约|约为|约)$/, "about"],
  [/(?:不足|不到|少于|低于)$/, "less-than"],
  [/(?:至少|不少于|不低于)$/, "at-least"],
  [/(?:不超过|至多|最多)$/, "at-most"],
  [/(?<![未没不])(?:达到|达)$/, "reaches"],
  [/\b(?:more than|over|above|in excess of)\s*$/i, "more-than"],
  [/\b(?:nearly|almost|close to)\s*$/i, "nearly"],
  [/\b(?:about|around|approximately|some|roughly)\s*$/i, "about"],
  [/\b(?:less than|fewer than|under|below)\s*$/i, "less-than"],
  [/\b(?:at least|no fewer than|no less than)\s*$/i, "at-least"],
  [/\b(?:at most|up to|no more than)\s*$/i, "at-most"],
  [/\b(?:reached|reaching|reach)\s*$/i, "reaches"],
];

const QUALIFIERS_AFTER: readonly (readonly [RegExp, Qualifier])[] = [
  [/^(?:以上)/, "at-least"],
  [/^(?:以下)/, "at-most"],
  [/^(?:左右)/, "about"],
  [/^(?:多|余)/, "and-more"],
  [/^\s*(?:or more|and above|and more|\+)/i, "at-least"],
  [/^\s*(?:or less|or fewer|and below)/i, "at-most"],
];

/** Finds every quoted figure, in the order of the text. */
export function findFigures(input: string): QuotedFigure[] {
  const text = normalizeWidth(input);
  const taken: boolean[] = new Array<boolean>(text.length).fill(false);
  const figures: QuotedFigure[] = [];
  const take = (f: QuotedFigure): void => {
    for (let i = f.start; i < f.end; i++) taken[i] = true;
    figures.push(f);
  };
  const free = (start: number, end: number): boolean => {
    for (let i = start; i < end; i++) if (taken[i] === true) return false;
    return true;
  };
  const quoted = (start: number, end: number) => input.slice(start, end);

  // dates first: their digits are not counts
  const dateRules: readonly (readonly [RegExp, (m: RegExpExecArray) => string])[] = [
    [/(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, (m) => iso(m[1], m[2], m[3])],
    [/(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)/g, (m) => iso(m[1], m[2])],
    [/(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, (m) => `--${pad(m[1])}-${pad(m[2])}`],
    [
      new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (${MONTH_NAMES}),? (\\d{4})\\b`, "gi"),
      (m) => iso(m[3], String(monthOf(m[2])), m[1]),
    ],
    [
      new RegExp(`\\b(${MONTH_NAMES}) (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, "gi"),
      (m) => iso(m[3], String(monthOf(m[1])), m[2]),
    ],
    [new RegExp(`\\b(${MONTH_NAMES}) (\\d{4})\\b`, "gi"), (m) => iso(m[2], String(monthOf(m[1])))],
  ];
  for (const [re, value] of dateRules) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      take({
        start,
        end,
        text: quoted(start, end),
        value: value(m as RegExpExecArray),
        unit: "date",
        qualifier: null,
        range: null,
        parenthesized: false,
      });
    }
  }

  // Arabic numbers, then runs of Chinese numerals
  const raws: RawNumber[] = [];
  for (const m of text.matchAll(/(?<![\d.,A-Za-z])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    const whole = (m[1] ?? "").replace(/,/g, "");
    const fraction = m[2] ?? "";
    raws.push({
      start,
      end,
      value: Number(fraction === "" ? whole : `${whole}.${fraction}`),
      decimals: fraction.length,
      roundUnit: fraction === "" ? trailingUnit(whole) : 10 ** -fraction.length,
      grouped: m[1]?.includes(",") === true,
      chinese: false,
    });
  }
  for (const m of text.matchAll(/[零〇一二两三四五六七八九十百千万亿]+/g)) {
    const run = m[0];
    const start = m.index;
    const end = start + run.length;
    if (!free(start, end)) continue;
    const before = text.slice(Math.max(0, start - 3), start);
    const after = text.slice(end, end + 1);
    const percent = before.endsWith("百分之");
    if (!percent && before.endsWith("第")) continue;
    if (!percent && /^[月日时点]/.test(after)) continue;
    const hasDigit = /[一二两三四五六七八九十]/.test(run);
    const measured =
      (after !== "" && MEASURE.includes(after)) || /^[多余元]/.test(after) || after === "年";
    const long = [...run].length >= 2 && /[十百千]/.test(run);
    if (!hasDigit || (!percent && !measured && !long)) continue;
    if (!percent && run === "一") continue;
    const value = parseChineseNumeral(run);
    if (value === null) continue;
    raws.push({
      start,
      end,
      value,
      decimals: 0,
      roundUnit: trailingUnit(String(value)),
      grouped: false,
      chinese: true,
    });
  }
  raws.sort((a, b) => a.start - b.start);

  for (const raw of raws) {
    const f = figureOf(text, raw);
    if (f !== null && free(f.start, f.end)) take({ ...f, text: quoted(f.start, f.end) });
  }
  return figures.sort((a, b) => a.start - b.start);
}

function figureOf(text: string, raw: RawNumber): QuotedFigure | null {
  let { start, end } = raw;
  let value = raw.value;
  let half = raw.decimals > 0 ? 0.5 * 10 ** -raw.decimals : 0;
  let roundUnit = raw.roundUnit;
  let unit: FigureUnit = "count";
  let rest = text.slice(end);
  let qualifier: Qualifier | null = null;

  // a heading's number at the start of a line ("1. Overview", "2、会员发展") is no figure
  const lineStart = start === 0 || text[start - 1] === "\n";
  if (lineStart && !raw.chinese && raw.decimals === 0 && /^[.、．)）]\s*[^\s\d]/.test(rest)) {
    return null;
  }
  // a year: four digits and 年, or in English a bare 19xx/20xx that no word follows or that a
  // preposition of time precedes ("the rate for 2014 was")
  if (!raw.grouped && raw.decimals === 0 && /^\d{4}$/.test(text.slice(start, end))) {
    const timeWord = /\b(?:in|for|since|during|until|till|before|after)\s+$/i.test(
      text.slice(Math.max(0, start - 8), start)
    );
    const english =
      !raw.chinese && (timeWord || /^(?!\s*(?:[A-Za-z%\u4e00-\u9fff]|\.\d))/.test(rest));
    if (/^\s*年/.test(rest) || (english && value >= 1900 && value <= 2099)) {
      return figure(start, end, value, "year", null, { min: at(value), max: at(value) });
    }
  }
  if (raw.chinese && rest.startsWith("年")) {
    return value >= 1900 && value <= 2099
      ? figure(start, end, value, "year", null, { min: at(value), max: at(value) })
      : null;
  }

  const before = text.slice(Math.max(0, start - 20), start);
  // a month, a day, an hour or an ordinal is not a figure
  if (/^\s*(?:月|日|号|时|点)/.test(rest) || before.endsWith("第")) return null;
  if (before.endsWith("百分之")) {
    start -= 3;
    unit = "percent";
  }
  // 多/余 between the number and 万: 100多万元
  const many = /^[多余](?=[万亿])/.exec(rest);
  if (many !== null) {
    qualifier = "and-more";
    rest = rest.slice(1);
    end += 1;
  }
  const multiplier = /^[万亿]/.exec(rest);
  if (multiplier !== null) {
    const factor = multiplier[0] === "万" ? 10_000 : 100_000_000;
    value *= factor;
    half = 0.5 * roundUnitOf(raw) * factor;
    roundUnit *= factor;
    end += 1;
    rest = rest.slice(1);
  }
  if (unit !== "percent") {
    const symbol = /^\s*(%|percent\b|per cent\b)/i.exec(rest);
    const yuan = /^元/.exec(rest);
    if (symbol !== null) {
      unit = "percent";
      if (symbol[1] === "%") end += symbol[0].length;
      rest = rest.slice(symbol[0].length);
    } else if (yuan !== null) {
      unit = "yuan";
      end += 1;
      rest = rest.slice(1);
    } else if (/(?:¥|RMB\s?|CNY\s?)$/.test(before)) {
      unit = "yuan";
      start -= /¥$/.test(before) ? 1 : (/(?:RMB|CNY)\s?$/.exec(before)?.[0].length ?? 0);
    } else if (/^\s*yuan\b/i.test(rest)) {
      unit = "yuan";
    } else if (multiplier !== null && /^元/.test(rest)) {
      unit = "yuan";
    }
  }
  if (unit === "percent") {
    value = Number((value / 100).toPrecision(12));
    if (half === 0) half = 0.005;
    else half /= 100;
    roundUnit /= 100;
  }

  if (qualifier === null) {
    for (const [re, q] of QUALIFIERS_BEFORE) {
      if (re.test(text.slice(Math.max(0, start - 20), start))) {
        qualifier = q;
        break;
      }
    }
  }
  if (qualifier === null) {
    // after the unit, a measure word may stand between: 1,800个以上, 10余个
    const afterUnit = rest.replace(new RegExp(`^[${MEASURE}]`), "");
    for (const [re, q] of QUALIFIERS_AFTER) {
      if (re.test(rest) || (afterUnit !== rest && q !== "and-more" && re.test(afterUnit))) {
        qualifier = q;
        break;
      }
    }
  }
  const range = rangeOf(value, half, roundUnit, qualifier);
  const parenthesized =
    /\(\s*$/.test(text.slice(Math.max(0, start - 2), start)) && /^\s*\)/.test(text.slice(end));
  return { ...figure(start, end, value, unit, qualifier, range), parenthesized };
}

function figure(
  start: number,
  end: number,
  value: number,
  unit: FigureUnit,
  qualifier: Qualifier | null,
  range: FigureRange
): QuotedFigure {
  return { start, end, text: "", value, unit, qualifier, range, parenthesized: false };
}

function at(value: number): Bound {
  return { value, inclusive: true };
}

function roundUnitOf(raw: RawNumber): number {
  return raw.decimals > 0 ? 10 ** -raw.decimals : 1;
}

/** 10^(trailing zeros) of a whole number's digits: "1800" → 100, "14" → 1. */
function trailingUnit(digits: string): number {
  const zeros = /0*$/.exec(digits)?.[0].length ?? 0;
  return zeros >= digits.length ? 1 : 10 ** zeros;
}

/** The true values a figure allows, from the precision of its text and its qualifier. */
export function rangeOf(
  value: number,
  half: number,
  roundUnit: number,
  qualifier: Qualifier | null
): FigureRange {
  const n = (x: number) => Number(x.toPrecision(12));
  switch (qualifier) {
    case null:
      return half === 0
        ? { min: at(value), max: at(value) }
        : { min: at(n(value - half)), max: { value: n(value + half), inclusive: false } };
    case "at-least":
      return { min: at(value), max: null };
    case "more-than":
      return { min: { value, inclusive: false }, max: null };
    case "and-more":
      return { min: at(value), max: { value: n(value + roundUnit), inclusive: false } };
    case "nearly":
      return { min: at(n(value * 0.9)), max: at(value) };
    case "about":
      return { min: at(n(value * 0.95 - half)), max: at(n(value * 1.05 + half)) };
    case "less-than":
      return { min: null, max: { value, inclusive: false } };
    case "at-most":
      return { min: null, max: at(value) };
    case "reaches":
      return { min: at(n(value - half)), max: null };
  }
}

/** Whether a value lies in a range (compared on 12 significant digits). */
export function inRange(x: number, range: FigureRange): boolean {
  const v = Number(x.toPrecision(12));
  const { min, max } = range;
  if (min !== null && (min.inclusive ? v < min.value : v <= min.value)) return false;
  if (max !== null && (max.inclusive ? v > max.value : v >= max.value)) return false;
  return true;
}

function pad(s: string | undefined): string {
  return (s ?? "").padStart(2, "0");
}

function iso(y: string | undefined, m: string | undefined, d?: string): string {
  return d === undefined ? `${y ?? ""}-${pad(m)}` : `${y ?? ""}-${pad(m)}-${pad(d)}`;
}

function monthOf(name: string | undefined): number {
  return MONTHS.indexOf((name ?? "").toLowerCase()) + 1;
}
