/**
 * A draft report checked against the result (§6) and against itself: every quoted figure with
 * its verdict, and every place where the text's own figures cannot all be true (parts that do
 * not add up, a rate its counts do not give, a share its count and base do not give, one metric
 * quoted with two values).
 *
 * The rules and their limits are in docs/DECISIONS.md, "Checking a draft report".
 */
import type { FiguresJson, Settings } from "../types";
import {
  findFigures,
  inRange,
  normalizeWidth,
  type FigureRange,
  type FigureUnit,
  type Qualifier,
  type QuotedFigure,
} from "./figures";
import { sentenceAt } from "./layout";
import { matchMetric, type MetricMatch } from "./match";

export type Verdict = "agrees" | "contradicts" | "not-checkable";

/** One quoted figure and what the result says of it. */
export interface FigureCheck {
  readonly kind: "figure";
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: number | string;
  readonly unit: FigureUnit;
  readonly qualifier: Qualifier | null;
  readonly verdict: Verdict;
  /** The metric it speaks of; absent when none does. */
  readonly metric?: string;
  /** The metric's value in the result (negated when the words say a fall). */
  readonly computed?: number | string;
  /** The cell of 汇总 that shows the metric, once `locateFigures` has placed it. */
  readonly cell?: { readonly sheet: string; readonly cell: string };
}

export type SelfCheckKind = "parts-sum" | "rate-from-counts" | "share-of-base" | "quoted-twice";

/** Figures of the text that cannot all be true. */
export interface SelfCheck {
  readonly kind: SelfCheckKind;
  /** From the first figure involved to the end of the last. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The figure said (the whole, the rate, the share, the second quote). */
  readonly value: number | string;
  /** Its unit, which `computed` shares. */
  readonly unit: FigureUnit;
  readonly verdict: "contradicts";
  /** What the other figures give (the parts' sum, the rate from the counts, the first quote). */
  readonly computed: number | string;
  readonly metric?: string;
  /** The figures involved, the one said first. */
  readonly positions: readonly (readonly [number, number])[];
}

export type CheckItem = FigureCheck | SelfCheck;

export type ReportCheckSettings = Pick<Settings, "coverageTarget" | "duesIncomeThreshold">;

/** A figure with the metric it speaks of. */
interface Quote {
  readonly figure: QuotedFigure;
  readonly match: MetricMatch | null;
}

/** Every figure of the draft with its verdict, then the text's self-contradictions, by place. */
export function checkReport(
  input: string,
  json: FiguresJson,
  settings: ReportCheckSettings
): CheckItem[] {
  const text = normalizeWidth(input);
  const figures = findFigures(input);
  const quotes: Quote[] = figures.map((figure) => {
    const m = matchMetric(figure, input, { figures, year: json.year, baseYear: json.baseYear });
    return { figure, match: m === "not-checkable" ? null : m };
  });
  const items: CheckItem[] = quotes.map((q) => verdictOf(q, json, settings));
  const self = [
    ...partsSums(text, quotes),
    ...ratesFromCounts(text, quotes),
    ...sharesOfBase(text, quotes),
    ...quotedTwice(quotes),
  ];
  for (const s of self) {
    items.push({ ...s, text: input.slice(s.start, s.end) });
  }
  return items.sort((a, b) => a.start - b.start || rank(a) - rank(b));
}

function rank(item: CheckItem): number {
  return item.kind === "figure" ? 0 : 1;
}

/** The value at a metric's path: the result's, a setting's, or a series year's. */
export function metricValue(
  path: string,
  json: FiguresJson,
  settings: ReportCheckSettings
): number | string | null {
  if (path === "settings.duesIncomeThreshold") return settings.duesIncomeThreshold;
  if (path === "settings.coverageTarget") return settings.coverageTarget;
  const series = /^series\.(\d{4})\.(\w+)$/.exec(path);
  if (series !== null) {
    const entry = json.series?.find((e) => e.year === Number(series[1]));
    const v =
      entry === undefined
        ? undefined
        : (entry as unknown as Record<string, unknown>)[series[2] ?? ""];
    return typeof v === "number" ? v : null;
  }
  let value: unknown = json;
  for (const part of path.split(".")) {
    if (value === null || typeof value !== "object") return null;
    value = (value as Record<string, unknown>)[part];
  }
  return typeof value === "number" || typeof value === "string" ? value : null;
}

function verdictOf(q: Quote, json: FiguresJson, settings: ReportCheckSettings): FigureCheck {
  const f = q.figure;
  const base = {
    kind: "figure" as const,
    start: f.start,
    end: f.end,
    text: f.text,
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
  };
  if (q.match === null) return { ...base, verdict: "not-checkable" };
  const metric = q.match.path;
  const raw = metricValue(metric, json, settings);
  if (raw === null) return { ...base, verdict: "not-checkable", metric };
  if (typeof raw === "string" || typeof f.value === "string") {
    const agrees = typeof raw === "string" && typeof f.value === "string" && sameDate(raw, f.value);
    return { ...base, verdict: agrees ? "agrees" : "contradicts", metric, computed: raw };
  }
  const computed = q.match.negated ? -raw : raw;
  const agrees = f.range !== null && inRange(computed, f.range);
  return { ...base, verdict: agrees ? "agrees" : "contradicts", metric, computed };
}

/**
 * Whether a date said agrees with a full date: "2014-11-30" with itself, a month "2014-11" with
 * any day of it, "--11-30" (no year) with that day of any year.
 */
function sameDate(full: string, said: string): boolean {
  if (said.startsWith("--")) return full.slice(4) === said.slice(1);
  return full.startsWith(said);
}

/** A closed interval of the true values (open bounds are taken as closed: a lenient check). */
interface Interval {
  readonly lo: number;
  readonly hi: number;
}

function intervalOf(range: FigureRange | null): Interval | null {
  if (range === null) return null;
  return { lo: range.min?.value ?? -Infinity, hi: range.max?.value ?? Infinity };
}

function quoteInterval(q: Quote): Interval | null {
  const i = intervalOf(q.figure.range);
  if (i === null || q.match?.negated !== true) return i;
  return { lo: -i.hi, hi: -i.lo };
}

/** Whether two intervals share a value, up to rounding noise. */
function meets(a: Interval, b: Interval): boolean {
  const sizes = [a.lo, a.hi, b.lo, b.hi].filter(Number.isFinite).map(Math.abs);
  const eps = 1e-9 * Math.max(1, ...sizes);
  return a.lo <= b.hi + eps && b.lo <= a.hi + eps;
}

function mid(i: Interval): number {
  if (!Number.isFinite(i.lo)) return i.hi;
  if (!Number.isFinite(i.hi)) return i.lo;
  return Number(((i.lo + i.hi) / 2).toPrecision(12));
}

function selfItem(
  kind: SelfCheckKind,
  said: Quote,
  computed: number | string,
  involved: readonly Quote[],
  metric?: string
): SelfCheck {
  const positions = involved
    .map((q) => [q.figure.start, q.figure.end] as const)
    .sort((a, b) => a[0] - b[0]);
  const start = Math.min(...positions.map((p) => p[0]));
  const end = Math.max(...positions.map((p) => p[1]));
  return {
    kind,
    start,
    end,
    text: "",
    value: said.figure.value,
    unit: said.figure.unit,
    verdict: "contradicts",
    computed,
    ...(metric === undefined ? {} : { metric }),
    positions,
  };
}

const isMeasure = (q: Quote) => q.figure.unit === "count" || q.figure.unit === "yuan";

/** "14个，其中2个、6个、8个、2个" and "14 chambers: 2 …, 4 … and 6 …": the parts add up to the whole. */
function partsSums(text: string, quotes: readonly Quote[]): SelfCheck[] {
  const out: SelfCheck[] = [];
  const marks = [...text.matchAll(/其中|(?<=[A-Za-z])\s*:/g)];
  for (const mark of marks) {
    const at = mark.index;
    const sentence = sentenceAt(text, at);
    const whole = quotes
      .filter(
        (q) =>
          q.figure.end <= at &&
          q.figure.start >= sentence.start &&
          q.figure.unit !== "year" &&
          q.figure.unit !== "date"
      )
      .at(-1);
    if (whole === undefined || !isMeasure(whole)) continue;
    // in English the whole is the count right before the words that end in the colon
    if (mark[0] !== "其中" && /\d/.test(text.slice(whole.figure.end, at))) continue;
    const wholePath = whole.match?.path ?? null;
    const prefix = wholePath === null ? null : wholePath.replace(/\.total$/, ".byType.");
    const parts = quotes.filter(
      (q) =>
        q.figure.start > at &&
        q.figure.end <= sentence.end &&
        q.figure.unit === whole.figure.unit &&
        !q.figure.parenthesized &&
        (q.match === null || prefix === null || q.match.path.startsWith(prefix))
    );
    if (parts.length < 2) continue;
    const total = intervalOf(whole.figure.range);
    const sum = parts.reduce<Interval | null>(
      (acc, q) => {
        const i = intervalOf(q.figure.range);
        return acc === null || i === null ? null : { lo: acc.lo + i.lo, hi: acc.hi + i.hi };
      },
      { lo: 0, hi: 0 }
    );
    if (total === null || sum === null || meets(total, sum)) continue;
    out.push(selfItem("parts-sum", whole, mid(sum), [whole, ...parts], wholePath ?? undefined));
  }
  return out;
}

const GROWTH = /^members\.(?:growthRate|growthSinceBase)$|^series\.\d{4}\.growthRate$/;

/**
 * A growth rate and the counts it follows from: "从1,058家增加到1,889家，增幅78.54%"; "较2013年末
 * 的1,670个增长13.11%" with the total quoted; and "新发展会员2家，递增16.7%", which no total
 * allows beyond new / (total − new).
 */
function ratesFromCounts(text: string, quotes: readonly Quote[]): SelfCheck[] {
  const out: SelfCheck[] = [];
  const firstTotal = quotes.find((q) => q.match?.path === "members.total");
  for (const rate of quotes) {
    const path = rate.match?.path;
    if (rate.figure.unit !== "percent" || path === undefined || !GROWTH.test(path)) continue;
    const r = quoteInterval(rate);
    if (r === null) continue;
    const sentence = sentenceAt(text, rate.figure.start, rate.figure.end);
    const inSentence = quotes.filter(
      (q) =>
        q.figure.start >= sentence.start &&
        q.figure.end <= sentence.end &&
        q.figure.unit === "count"
    );
    const before = inSentence.filter((q) => q.figure.end <= rate.figure.start);
    // from A to B
    const fromIndex = before.findIndex((q) =>
      /(?:从|由|\bfrom)\s*(?:\d{4}\s*年(?:底|末)的?|the end of \d{4},?\s*)?$/i.test(
        text.slice(Math.max(sentence.start, q.figure.start - 16), q.figure.start)
      )
    );
    const from = fromIndex < 0 ? undefined : before[fromIndex];
    const to = fromIndex < 0 ? undefined : before[fromIndex + 1];
    let pair: readonly [Quote, Quote] | null =
      from !== undefined && to !== undefined ? [from, to] : null;
    if (pair === null) {
      const endPath =
        path === "members.growthSinceBase" ? "members.baseYearEnd" : "members.previousYearEnd";
      const start = inSentence.find((q) => q.match?.path === endPath);
      const total = before.filter((q) => q.match?.path === "members.total").at(-1) ?? firstTotal;
      if (start !== undefined && total !== undefined && path.startsWith("members."))
        pair = [start, total];
    }
    if (pair !== null) {
      const a = intervalOf(pair[0].figure.range);
      const b = intervalOf(pair[1].figure.range);
      if (a === null || b === null || a.lo <= 0) continue;
      const growth = { lo: b.lo / a.hi - 1, hi: b.hi / a.lo - 1 };
      if (!meets(growth, r)) {
        out.push(selfItem("rate-from-counts", rate, mid(growth), [pair[0], pair[1], rate], path));
      }
      continue;
    }
    // new members bound the growth: total − new were members at the previous year end
    const fresh = inSentence.find((q) => q.match?.path === "members.newInYear");
    if (path !== "members.growthRate" || fresh === undefined || firstTotal === undefined) continue;
    const n = intervalOf(fresh.figure.range);
    const t = intervalOf(firstTotal.figure.range);
    if (n === null || t === null || t.lo - n.hi <= 0) continue;
    const most = n.hi / (t.lo - n.hi);
    if (r.lo > most * (1 + 1e-9)) {
      out.push(
        selfItem(
          "rate-from-counts",
          rate,
          Number(most.toPrecision(12)),
          [fresh, firstTotal, rate],
          path
        )
      );
    }
  }
  return out;
}

/** A rate → the count it is the share of, and the base it is a share of. */
const SHARES: Readonly<Record<string, readonly [string, string]>> = {
  ...Object.fromEntries(
    [
      "registered",
      "presidentEntrepreneur",
      "fixedOffice",
      "fullTimeStaff",
      "website",
      "journal",
      "fullCollection",
      "incomeAtLeastThreshold",
    ].map((c) => [`chambers.${c}Rate`, [`chambers.${c}`, "chambers.total"] as const])
  ),
  "coverage.townshipChamberCoverage": ["coverage.townshipsWithChamber", "coverage.townships"],
  "coverage.memberCoverage": ["coverage.enterpriseMembers", "coverage.nonPublicEnterprises"],
  "dues.collectionRate": ["dues.paid", "dues.due"],
};

/** Bases that count whole things, so that a share of them is some whole number over them. */
const WHOLE_BASES = new Set([
  "chambers.total",
  "coverage.townships",
  "coverage.nonPublicEnterprises",
]);

/** "14个商会……5个，占36%以上": a share follows from its count and its base. */
function sharesOfBase(_text: string, quotes: readonly Quote[]): SelfCheck[] {
  const out: SelfCheck[] = [];
  quotes.forEach((rate, i) => {
    const path = rate.match?.path;
    const share = path === undefined ? undefined : SHARES[path];
    const r = quoteInterval(rate);
    if (rate.figure.unit !== "percent" || share === undefined || r === null) return;
    const earlier = quotes.slice(0, i);
    const part = earlier.filter((q) => q.match?.path === share[0]).at(-1);
    const base =
      earlier.filter((q) => q.match?.path === share[1]).at(-1) ??
      quotes.find((q) => q.match?.path === share[1]);
    if (base === undefined) return;
    const b = intervalOf(base.figure.range);
    if (b === null || b.lo <= 0) return;
    if (part !== undefined) {
      const p = intervalOf(part.figure.range);
      if (p === null) return;
      const ratio = { lo: p.lo / b.hi, hi: p.hi / b.lo };
      if (!meets(ratio, r))
        out.push(selfItem("share-of-base", rate, mid(ratio), [part, base, rate], path));
      return;
    }
    // no count quoted: some whole number of the base must give the share
    if (!WHOLE_BASES.has(share[1]) || b.lo !== b.hi || !Number.isInteger(b.lo)) return;
    const n = b.lo;
    const lo = Math.max(0, Math.ceil(Math.max(r.lo, 0) * n - 1e-9));
    const hi = Math.min(n, Math.floor(Math.min(r.hi, 1) * n + 1e-9));
    const possible =
      lo <= hi &&
      [lo, hi].some((k) => inRange(k / n, rate.figure.range ?? { min: null, max: null }));
    if (!possible) {
      const nearestK = Math.min(n, Math.max(0, Math.round(mid(r) * n)));
      out.push(
        selfItem("share-of-base", rate, Number((nearestK / n).toPrecision(12)), [base, rate], path)
      );
    }
  });
  return out;
}

/** The same metric quoted twice with values that cannot both be true. */
function quotedTwice(quotes: readonly Quote[]): SelfCheck[] {
  const out: SelfCheck[] = [];
  const first = new Map<string, Quote>();
  for (const q of quotes) {
    if (q.match === null) continue;
    const key = `${q.match.negated ? "-" : ""}${q.match.path}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, q);
      continue;
    }
    const a = earlier.figure;
    const b = q.figure;
    const clash =
      typeof a.value === "string" || typeof b.value === "string"
        ? typeof a.value !== "string" ||
          typeof b.value !== "string" ||
          !(sameDate(a.value, b.value) || sameDate(b.value, a.value))
        : (() => {
            const ia = intervalOf(a.range);
            const ib = intervalOf(b.range);
            return ia !== null && ib !== null && !meets(ia, ib);
          })();
    if (clash) out.push(selfItem("quoted-twice", q, a.value, [earlier, q], q.match.path));
  }
  return out;
}
