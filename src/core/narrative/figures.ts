/**
 * How a work report writes its figures, and a sentence builder that remembers where each figure
 * sits in the text and which metric it came from.
 *
 * The rules (docs/DECISIONS.md, "The work report's paragraphs"): counts with thousands separators
 * (1,889); rates as percentages with two decimals, rounded half away from zero on the decimal
 * value (78.54%), never with a qualifier such as 以上 that the figure does not support; amounts in
 * yuan, as 万元 with two decimals from 100,000 yuan on in Chinese.
 */
import type { Lang } from "../types";

/** A figure quoted in a sentence: its text, where it is, and the metric it came from. */
export interface NarrativeFigure {
  /**
   * The metric's path in the §6 JSON ("members.total"), "settings.…" for a setting, or
   * "previousYear" for the year before `year` (whose end `members.previousYearEnd` is counted at).
   */
  readonly path: string;
  /** The value the text was written from (a date as YYYY-MM-DD). */
  readonly value: number | string;
  /** The figure as it reads in the text ("1,889", "78.54%", "12.35万元"). */
  readonly text: string;
  /** Its place in the sentence or paragraph: text.slice(start, end) === this.text. */
  readonly start: number;
  readonly end: number;
}

export type FigureKind = "count" | "rate" | "yuan" | "year" | "date";

/** "1,234,567" of a whole number; fractions keep up to two decimals ("1,234.5" → "1,234.50"). */
export function formatCount(value: number): string {
  const negative = value < 0;
  const abs = Math.abs(value);
  const whole = Math.trunc(abs);
  const cents = Math.round((abs - whole) * 100);
  const carry = cents === 100 ? 1 : 0;
  const grouped = groupThousands(String(whole + carry));
  const fraction =
    Number.isInteger(abs) || cents === 100 ? "" : `.${String(cents).padStart(2, "0")}`;
  return `${negative ? "-" : ""}${grouped}${fraction}`;
}

function groupThousands(digits: string): string {
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return out;
}

/**
 * A rate (a fraction) as a percentage with two decimals: 0.785444 → "78.54%", 5/14 → "35.71%".
 * Rounded half away from zero on the decimal digits of the percentage (not on its binary value,
 * which would make 0.00125 read "0.12%").
 */
export function formatRate(rate: number): string {
  return `${fixed2(rate * 100)}%`;
}

/** Two decimals of x, rounding the shortest decimal form of x half away from zero. */
function fixed2(x: number): string {
  const negative = x < 0;
  // shift the decimal point in the text, not by a multiplication (1.005 × 100 is 100.49999…)
  const [mantissa, exponent] = Math.abs(x).toPrecision(15).split("e");
  const hundredths = Math.round(Number(`${mantissa}e${Number(exponent ?? 0) + 2}`));
  const whole = Math.trunc(hundredths / 100);
  const rest = hundredths - whole * 100;
  const text = `${whole}.${String(rest).padStart(2, "0")}`;
  return negative && hundredths !== 0 ? `-${text}` : text;
}

/** An amount of money: "8,500元" / "12.35万元" (from 100,000 yuan on); "¥8,500" in English. */
export function formatYuan(amount: number, lang: Lang): string {
  if (lang === "en") return `¥${formatCount(amount)}`;
  if (Math.abs(amount) >= 100_000) return `${formatCount(Number(fixed2(amount / 10_000)))}万元`;
  return `${formatCount(amount)}元`;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A YYYY-MM-DD date as reports write it: "2014年11月30日", "30 November 2014". */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (lang === "zh") return `${y}年${m}月${d}日`;
  return `${d} ${MONTHS[(m ?? 1) - 1] ?? ""} ${y}`;
}

/** Builds one sentence from literal text and figures, recording each figure's place. */
export class SentenceBuilder {
  private text = "";
  private readonly figures: NarrativeFigure[] = [];

  constructor(private readonly lang: Lang) {}

  /** Literal text. */
  t(text: string): this {
    this.text += text;
    return this;
  }

  /** A count ("1,889"). */
  count(path: string, value: number): this {
    return this.figure(path, value, formatCount(value));
  }

  /** A rate as a percentage ("78.54%"). */
  rate(path: string, value: number): this {
    return this.figure(path, value, formatRate(value));
  }

  /** A change as its size, the words around it saying its direction ("减少5.00%" of -0.05). */
  change(path: string, value: number): this {
    return this.figure(path, value, formatRate(Math.abs(value)));
  }

  /** An amount of money in yuan. */
  yuan(path: string, value: number): this {
    return this.figure(path, value, formatYuan(value, this.lang));
  }

  /** A year as a plain number ("2014"). */
  year(path: string, value: number): this {
    return this.figure(path, value, String(value));
  }

  /** A date ("2014年11月30日"). */
  date(path: string, iso: string): this {
    return this.figure(path, iso, formatDate(iso, this.lang));
  }

  private figure(path: string, value: number | string, text: string): this {
    const start = this.text.length;
    this.text += text;
    this.figures.push({ path, value, text, start, end: this.text.length });
    return this;
  }

  done(): { readonly text: string; readonly figures: readonly NarrativeFigure[] } {
    return { text: this.text, figures: [...this.figures] };
  }
}
