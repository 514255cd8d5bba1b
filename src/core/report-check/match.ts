/**
 * Which metric a quoted figure speaks of, from the words around it: the nearest keyword in its
 * clause, an attribute (登记注册, 网站, 收缴率 …) before an entity (会员, 商会 …), looked for before
 * the number first in Chinese and after it first in English; a year and 年底 pick the year; a
 * share with no word of its own (占85.71%) is the rate of the count just before it. What no rule
 * matches is not checkable: never guessed.
 *
 * The rules and their limits are in docs/DECISIONS.md, "Checking a draft report".
 */
import { findFigures, normalizeWidth, type QuotedFigure } from "./figures";
import { clauseAt, sentenceAt, type Span } from "./layout";

type SeriesField = "members" | "enterprise" | "group" | "individual" | "new" | "left";

interface Concept {
  readonly tier: "attribute" | "entity";
  readonly zh: RegExp | null;
  readonly en: RegExp | null;
  readonly count?: string;
  readonly percent?: string;
  readonly yuan?: string;
  /** Counts chambers: a count of persons (36人) is not one of these. */
  readonly chambers?: boolean;
  /** A member count whose year the words around it may name. */
  readonly series?: SeriesField;
  /** A rate the sentence's years decide (growth), or whose base its words decide (coverage). */
  readonly special?: "growth" | "decline" | "coverage";
}

const chamberAttribute = (zh: RegExp, en: RegExp, name: string): Concept => ({
  tier: "attribute",
  zh,
  en,
  count: `chambers.${name}`,
  percent: `chambers.${name}Rate`,
  chambers: true,
});

/** The keywords, each with the metrics it names per unit. */
const CONCEPTS: readonly Concept[] = [
  // attributes: what is counted
  chamberAttribute(
    /民政(?:部门)?(?:登记)?(?:注册)?|登记注册|登记|注册/g,
    /\bregistered\b|\bregistration\b/gi,
    "registered"
  ),
  chamberAttribute(/会长/g, /\bpresidents?\b/gi, "presidentEntrepreneur"),
  chamberAttribute(/办公场所|办公用房|办公室/g, /\b(?:fixed )?offices?\b/gi, "fixedOffice"),
  chamberAttribute(/专职(?:工作)?人员|专职/g, /\bfull-time staff\b/gi, "fullTimeStaff"),
  chamberAttribute(/网站/g, /\bwebsites?\b/gi, "website"),
  chamberAttribute(/会刊/g, /\bjournals?\b/gi, "journal"),
  chamberAttribute(
    /全额收缴率?|足额收缴率?|全部收缴/g,
    /\bcollected all (?:of )?their dues\b|\bfull(?:y)? collect\w*/gi,
    "fullCollection"
  ),
  {
    tier: "attribute",
    zh: /会费收入(?:达到|在|超过|不低于)/g,
    en: /\b(?:dues )?income of at least\b/gi,
    count: "chambers.incomeAtLeastThreshold",
    percent: "chambers.incomeAtLeastThresholdRate",
    yuan: "settings.duesIncomeThreshold",
    chambers: true,
  },
  { tier: "attribute", zh: /会费收入/g, en: /\bdues income\b/gi, yuan: "dues.paid" },
  { tier: "attribute", zh: /应收会费|应收|应缴/g, en: /\bwere due\b|\bdue\b/gi, yuan: "dues.due" },
  {
    tier: "attribute",
    zh: /实收会费|实收|实缴|已收/g,
    en: /\bpaid\b|\bcollected\b/gi,
    yuan: "dues.paid",
  },
  {
    tier: "attribute",
    zh: /收缴率/g,
    en: /\bcollection rate\b/gi,
    percent: "dues.collectionRate",
  },
  {
    tier: "attribute",
    zh: /足额缴纳|足额缴费|缴清|全额缴纳/g,
    en: /\bpaid in full\b|\bpaid their dues in full\b/gi,
    count: "dues.membersFullyPaid",
  },
  {
    tier: "attribute",
    zh: /欠缴|欠费|未缴/g,
    en: /\bowe dues\b|\bowing\b|\bin arrears\b/gi,
    count: "dues.membersOwing",
  },
  {
    tier: "attribute",
    zh: /会员覆盖率|入会率/g,
    en: /\bmember coverage\b/gi,
    percent: "coverage.memberCoverage",
  },
  { tier: "attribute", zh: /覆盖率|覆盖面/g, en: /\bcoverage\b/gi, special: "coverage" },
  {
    tier: "attribute",
    zh: /已建(?:立)?(?:乡镇街道|乡镇|街道)?商会的/g,
    en: /\b(?:have|with) a township chamber\b/gi,
    count: "coverage.townshipsWithChamber",
    percent: "coverage.townshipChamberCoverage",
  },
  {
    tier: "attribute",
    zh: /入会企业(?:会员)?|入会的企业/g,
    en: /\bare members\b|\bhave joined\b/gi,
    count: "coverage.enterpriseMembers",
    percent: "coverage.memberCoverage",
  },
  {
    tier: "attribute",
    zh: /非公有制企业|非公企业|民营企业/g,
    en: /\bnon-public enterprises?\b|\bprivate enterprises?\b/gi,
    count: "coverage.nonPublicEnterprises",
  },
  { tier: "attribute", zh: /目标/g, en: /\btarget\b/gi, percent: "coverage.target" },
  {
    tier: "attribute",
    zh: /规模以上(?:企业)?|规上企业/g,
    en: /\babove scale\b/gi,
    count: "members.aboveScale",
  },
  {
    tier: "attribute",
    zh: /新发展(?:会员)?|新入会(?:会员)?|新增会员|发展会员|新会员|入会/g,
    en: /\bjoined\b|\bnew members?\b/gi,
    count: "members.newInYear",
    series: "new",
  },
  {
    tier: "attribute",
    zh: /退会|退出/g,
    en: /\bleft\b/gi,
    count: "members.leftInYear",
    series: "left",
  },
  {
    tier: "attribute",
    zh: /增幅|增长率|增长|增加|递增|提高|上升/g,
    en: /\bgrew by\b|\bgrowth(?: rate)?(?: of)?\b|\bincreased? by\b|\bup by\b|\brose by\b/gi,
    special: "growth",
  },
  {
    tier: "attribute",
    zh: /减幅|减少|下降|降低/g,
    en: /\bfell by\b|\bdecreased? by\b|\bdeclined? by\b|\bdown by\b/gi,
    special: "decline",
  },
  // entities: who is counted
  {
    tier: "entity",
    zh: /企业会员/g,
    en: /\benterprise(?: members?)?\b/gi,
    count: "members.byType.enterprise",
    series: "enterprise",
  },
  {
    tier: "entity",
    zh: /团体会员/g,
    en: /\bgroup(?: members?)?\b/gi,
    count: "members.byType.group",
    series: "group",
  },
  {
    tier: "entity",
    zh: /个人会员/g,
    en: /\bindividual(?: members?)?\b/gi,
    count: "members.byType.individual",
    series: "individual",
  },
  {
    tier: "entity",
    zh: /会员总数|会员/g,
    en: /\bmembers?\b|\bmembership\b/gi,
    count: "members.total",
    series: "members",
  },
  {
    tier: "entity",
    zh: /乡镇街道商会|乡镇商会|街道商会/g,
    en: /\btownship and street\b(?! ?s)|\btownship chambers?\b/gi,
    count: "chambers.byType.township",
    chambers: true,
  },
  {
    tier: "entity",
    zh: /行业商会|同业公会|行业协会/g,
    en: /\bindustry(?: chambers?)?\b|\btrade associations?\b/gi,
    count: "chambers.byType.industry",
    chambers: true,
  },
  {
    tier: "entity",
    zh: /区域性商会|区域商会/g,
    en: /\bregional(?: chambers?)?\b/gi,
    count: "chambers.byType.regional",
    chambers: true,
  },
  {
    tier: "entity",
    zh: /异地商会/g,
    en: /\bout-of-town(?: chambers?)?\b/gi,
    count: "chambers.byType.outOfTown",
    chambers: true,
  },
  {
    tier: "entity",
    zh: /其他商会/g,
    en: /\bother(?: chambers?)?\b/gi,
    count: "chambers.byType.other",
    chambers: true,
  },
  {
    tier: "entity",
    zh: /基层商会|商会/g,
    en: /\b(?:grassroots )?chambers?(?: of commerce)?\b/gi,
    count: "chambers.total",
    chambers: true,
  },
  {
    tier: "entity",
    zh: /乡镇街道(?!商会)|乡镇(?!街道|商会)/g,
    en: /\btownships(?: and streets)?\b/gi,
    count: "coverage.townships",
  },
];

/** Words that name no metric although they contain a keyword: 增加到 is "to", not a growth. */
const NEUTRAL = /(?:增加|增长|发展|提高|上升|减少|下降)(?:到|至)/g;

/** A count's metric → the rate of the same thing (its share of the base). */
export const RATE_OF: Readonly<Record<string, string>> = {
  "chambers.registered": "chambers.registeredRate",
  "chambers.presidentEntrepreneur": "chambers.presidentEntrepreneurRate",
  "chambers.fixedOffice": "chambers.fixedOfficeRate",
  "chambers.fullTimeStaff": "chambers.fullTimeStaffRate",
  "chambers.website": "chambers.websiteRate",
  "chambers.journal": "chambers.journalRate",
  "chambers.fullCollection": "chambers.fullCollectionRate",
  "chambers.incomeAtLeastThreshold": "chambers.incomeAtLeastThresholdRate",
  "coverage.townshipsWithChamber": "coverage.townshipChamberCoverage",
  "coverage.enterpriseMembers": "coverage.memberCoverage",
};

export interface MetricMatch {
  /** The metric's path in the §6 JSON, "settings.…", or "series.<year>.<field>". */
  readonly path: string;
  /** The words say a fall (减少5.55%): the figure speaks of the metric's negative. */
  readonly negated: boolean;
}

export interface MatchOptions {
  /** The text's figures, when already found (findFigures of the same text). */
  readonly figures?: readonly QuotedFigure[];
  /** The reporting year; by default the latest year the text quotes. */
  readonly year?: number;
  /** The base year; by default the year the text names after 基准年 / "base year". */
  readonly baseYear?: number;
}

interface Occurrence {
  readonly start: number;
  readonly end: number;
  readonly concept: Concept;
}

interface Years {
  readonly year: number | null;
  readonly baseYear: number | null;
}

/** The metric a figure speaks of, or "not-checkable" when no rule says which. */
export function matchMetric(
  figure: QuotedFigure,
  input: string,
  options: MatchOptions = {}
): MetricMatch | "not-checkable" {
  const text = normalizeWidth(input);
  const figures = options.figures ?? findFigures(input);
  const years: Years = {
    year: options.year ?? inferYear(figures),
    baseYear: options.baseYear ?? inferBaseYear(text, figures),
  };
  return match(figure, text, figures, years) ?? "not-checkable";
}

function match(
  f: QuotedFigure,
  text: string,
  figures: readonly QuotedFigure[],
  years: Years
): MetricMatch | null {
  if (f.unit === "year") return null;
  const clause = clauseAt(text, f.start, f.end);
  if (f.unit === "date") {
    const before = text.slice(clause.start, f.start);
    return /(?:截至|截止(?:到)?|as of|as at)\s*$/i.test(before)
      ? { path: "asOf", negated: false }
      : null;
  }
  if (isActivity(f, text, clause)) return null;
  const sentence = sentenceAt(text, f.start, f.end);
  const occurrences = occurrencesIn(text, sentence);
  const measured = (g: QuotedFigure) =>
    g !== f && !g.parenthesized && g.start >= clause.start && g.end <= clause.end;
  let cut = clause.start;
  let next = clause.end;
  for (const g of figures) {
    if (!measured(g)) continue;
    if (g.end <= f.start && (g.unit === "count" || g.unit === "percent"))
      cut = Math.max(cut, g.end);
    if (g.start >= f.end && g.unit !== "year" && g.unit !== "date") next = Math.min(next, g.start);
  }
  const regions = { cut, next, clause };
  const chinese = /[\u4e00-\u9fff]/.test(text.slice(sentence.start, sentence.end));
  const order: readonly (readonly ["attribute" | "entity", "before" | "after"])[] = chinese
    ? [
        ["attribute", "before"],
        ["attribute", "after"],
        ["entity", "before"],
        ["entity", "after"],
      ]
    : [
        ["attribute", "after"],
        ["attribute", "before"],
        ["entity", "after"],
        ["entity", "before"],
      ];
  // a keyword that names nothing of this unit ends the search when it stands before the number
  // (会员增加219个 is no member count) and is passed over when it follows it
  for (const [tier, side] of order) {
    const concept = nearest(occurrences, f, tier, side, regions);
    if (concept === null) continue;
    const path = resolve(concept, f, text, figures, years, regions);
    if (path !== null) return path;
    if (side === "before") break;
  }
  // 会员1,889个，较2013年末的1,670个: the same thing at another year end, named earlier in the
  // sentence or, failing that, in an earlier sentence of the paragraph (……。较基准年2010年末的1,058个)
  if (f.unit === "count" && yearRefs(text, { start: cut, end: f.start }, figures).length > 0) {
    let scope: Span = sentence;
    let found: Occurrence[] = occurrences;
    for (;;) {
      const earlier = nearest(found, f, "entity", "before", {
        ...regions,
        clause: { start: scope.start, end: clause.end },
      });
      if (earlier !== null) {
        const path = resolve(earlier, f, text, figures, years, regions);
        if (path !== null) return path;
        break;
      }
      if (scope.start < 2 || text[scope.start - 1] === "\n") break;
      // in an earlier sentence the subject carried over is the members' total, not a type of them
      scope = sentenceAt(text, scope.start - 2, scope.start - 1);
      found = occurrencesIn(text, scope).filter((o) => o.concept.count === "members.total");
    }
  }
  return f.unit === "percent" ? shareOfPrevious(f, text, figures, years, sentence) : null;
}

/** Units that count events or head counts, which no metric counts (培训300人次, 举办3期). */
const ACTIVITY_UNIT =
  /^\s*(?:人次|场次|场|次|期|批|项)|^\s+(?:sessions?|events?|times|participants)\b/i;
/** Work the records do not hold: training, events, donations, visits. */
const ACTIVITY_WORD =
  /培训|举办|捐赠|捐款|捐资|慰问|走访|调研|\btrain\w*|\bevents?\b|\bdonat\w*|\bvisit\w*/i;

/**
 * Whether a count speaks of an activity (training sessions, events, donations) rather than of
 * the records: such a figure is not checkable, whatever else its clause names (全年培训会员300人次
 * is no member count).
 */
function isActivity(f: QuotedFigure, text: string, clause: Span): boolean {
  if (f.unit !== "count") return false;
  const after = text.slice(f.end, Math.min(clause.end, f.end + 20));
  if (ACTIVITY_UNIT.test(after)) return true;
  return ACTIVITY_WORD.test(text.slice(clause.start, f.start)) || ACTIVITY_WORD.test(after);
}

/** Every keyword of the sentence, a keyword inside a longer one or a neutral word dropped. */
function occurrencesIn(text: string, sentence: Span): Occurrence[] {
  const slice = text.slice(sentence.start, sentence.end);
  const chinese = /[\u4e00-\u9fff]/.test(slice);
  const neutral = [...slice.matchAll(NEUTRAL)].map((m) => [m.index, m.index + m[0].length]);
  const all: Occurrence[] = [];
  for (const concept of CONCEPTS) {
    const re = chinese ? concept.zh : concept.en;
    if (re === null) continue;
    for (const m of slice.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0 || neutral.some(([a = 0, b = 0]) => start < b && a < end)) continue;
      all.push({ start: sentence.start + start, end: sentence.start + end, concept });
    }
  }
  return all.filter(
    (o) =>
      !all.some(
        (p) => p !== o && p.start <= o.start && p.end >= o.end && p.end - p.start > o.end - o.start
      )
  );
}

function nearest(
  occurrences: readonly Occurrence[],
  f: QuotedFigure,
  tier: "attribute" | "entity",
  side: "before" | "after",
  regions: { cut: number; next: number; clause: Span }
): Concept | null {
  let best: Occurrence | null = null;
  for (const o of occurrences) {
    if (o.concept.tier !== tier) continue;
    if (side === "before") {
      const from = tier === "attribute" ? regions.cut : regions.clause.start;
      if (o.start < from || o.end > f.start) continue;
      if (best === null || o.end > best.end) best = o;
    } else {
      if (o.start < f.end || o.end > regions.next) continue;
      if (best === null || o.start < best.start) best = o;
    }
  }
  return best?.concept ?? null;
}

/** The metric a concept names for this figure's unit and the years its words name. */
function resolve(
  c: Concept,
  f: QuotedFigure,
  text: string,
  figures: readonly QuotedFigure[],
  years: Years,
  regions: { cut: number; next: number; clause: Span }
): MetricMatch | null {
  const plain = (path: string | null | undefined): MetricMatch | null =>
    path === undefined || path === null ? null : { path, negated: false };
  if (f.unit === "yuan") return plain(c.yuan);
  if (f.unit === "percent") {
    if (c.special === "growth" || c.special === "decline") {
      const path = growthPath(f, text, figures, years);
      return path === null ? null : { path, negated: c.special === "decline" };
    }
    if (c.special === "coverage") {
      const sentence = sentenceAt(text, f.start, f.end);
      const township = /乡镇|街道|township/i.test(text.slice(sentence.start, sentence.end));
      return plain(township ? "coverage.townshipChamberCoverage" : "coverage.memberCoverage");
    }
    return plain(c.percent);
  }
  if (c.count === undefined) return null;
  if (c.chambers === true && /^\s*[人名位]/.test(text.slice(f.end))) return null;
  if (c.series === undefined) return plain(c.count);
  return plain(memberCountPath(c.count, c.series, f, text, figures, years, regions));
}

interface YearRef {
  readonly pos: number;
  readonly year: number | null;
  readonly end: boolean;
  readonly kind: "year" | "base" | "previous";
}

/** The years a stretch of text names: a year (with 年底/年末 or "end of"), 基准年, 上年末. */
function yearRefs(text: string, span: Span, figures: readonly QuotedFigure[]): YearRef[] {
  const refs: YearRef[] = [];
  for (const g of figures) {
    if (g.unit !== "year" || g.start < span.start || g.end > span.end) continue;
    const year = typeof g.value === "number" ? g.value : null;
    const end =
      /^\s*年年?(?:底|末)/.test(text.slice(g.end)) ||
      /\bend of (?:the )?(?:base )?(?:year )?$/i.test(
        text.slice(Math.max(0, g.start - 40), g.start)
      );
    refs.push({ pos: g.start, year, end, kind: "year" });
  }
  const slice = text.slice(span.start, span.end);
  for (const m of slice.matchAll(/基准年|\bbase year\b/gi)) {
    // 基准年2010年末, "the base year 2010": one reference, to the base year
    const after = span.start + m.index + m[0].length;
    const named = refs.findIndex((r) => r.kind === "year" && r.pos >= after && r.pos <= after + 2);
    const year = named < 0 ? null : (refs[named]?.year ?? null);
    if (named >= 0) refs.splice(named, 1);
    refs.push({ pos: span.start + m.index, year, end: true, kind: "base" });
  }
  for (const m of slice.matchAll(
    /(?:上年|去年|上一年)(?:末|底|度)?|\b(?:the )?(?:previous|last) year(?:'s)?(?: end)?\b/gi
  )) {
    refs.push({ pos: span.start + m.index, year: null, end: true, kind: "previous" });
  }
  return refs.sort((a, b) => a.pos - b.pos);
}

/** A member count's metric: this year's, the previous or base year end's, or a series year's. */
function memberCountPath(
  count: string,
  series: SeriesField,
  f: QuotedFigure,
  text: string,
  figures: readonly QuotedFigure[],
  years: Years,
  regions: { cut: number; next: number; clause: Span }
): string | null {
  const before = yearRefs(text, { start: regions.cut, end: f.start }, figures);
  const after = yearRefs(text, { start: f.end, end: regions.next }, figures);
  // 基准年2010年末: the base year, whichever year it also names
  const ref =
    before.concat(after).find((r) => r.kind === "base") ?? before.at(-1) ?? after[0] ?? null;
  if (ref === null) {
    // "从1,058家增加到……": a count things grew from, with no year to say when
    const lead = text.slice(regions.cut, f.start);
    if (/(?:从|由)[^，。；]*$|\bfrom\b[^,.;]*$/i.test(lead)) return null;
    return count;
  }
  if (ref.kind === "base" && series === "members") return "members.baseYearEnd";
  const year =
    ref.kind === "base"
      ? (years.baseYear ?? before.concat(after).find((r) => r.kind === "year")?.year ?? null)
      : ref.kind === "previous"
        ? years.year === null
          ? null
          : years.year - 1
        : ref.year;
  if (year === null) return null;
  if (year === years.year) return count;
  if (series === "members" && (ref.end || ref.kind !== "year")) {
    if (years.year !== null && year === years.year - 1) return "members.previousYearEnd";
    if (year === years.baseYear) return "members.baseYearEnd";
  }
  return `series.${year}.${series}`;
}

/** A growth rate's metric, from the year its sentence compares with. */
function growthPath(
  f: QuotedFigure,
  text: string,
  figures: readonly QuotedFigure[],
  years: Years
): string | null {
  const sentence = sentenceAt(text, f.start, f.end);
  const refs = yearRefs(text, sentence, figures);
  const before = refs.filter((r) => r.pos < f.start);
  const ref = before.at(-1) ?? refs.find((r) => r.pos > f.start) ?? null;
  if (ref === null) return "members.growthRate";
  if (ref.kind === "base") return "members.growthSinceBase";
  if (ref.kind === "previous") return "members.growthRate";
  const y = ref.year;
  if (y === null) return null;
  if (years.year !== null && (y === years.year || y === years.year - 1)) {
    return y === years.year && ref.end ? null : "members.growthRate";
  }
  if (y === years.baseYear && ref.end) return "members.growthSinceBase";
  return ref.end ? null : `series.${y}.growthRate`;
}

/** 占85.71%: a share with no word of its own is the rate of the count just before it. */
function shareOfPrevious(
  f: QuotedFigure,
  text: string,
  figures: readonly QuotedFigure[],
  years: Years,
  sentence: Span
): MetricMatch | null {
  const previous = figures
    .filter((g) => g.end <= f.start && g.start >= sentence.start && g.unit !== "year")
    .at(-1);
  if (previous?.unit !== "count") return null;
  const m = match(previous, text, figures, years);
  const rate = m === null ? undefined : RATE_OF[m.path];
  return rate === undefined ? null : { path: rate, negated: false };
}

function inferYear(figures: readonly QuotedFigure[]): number | null {
  let year: number | null = null;
  for (const f of figures) {
    const y =
      f.unit === "year" && typeof f.value === "number"
        ? f.value
        : f.unit === "date" && typeof f.value === "string" && /^\d{4}/.test(f.value)
          ? Number(f.value.slice(0, 4))
          : null;
    if (y !== null && (year === null || y > year)) year = y;
  }
  return year;
}

function inferBaseYear(text: string, figures: readonly QuotedFigure[]): number | null {
  for (const f of figures) {
    if (f.unit !== "year" || typeof f.value !== "number") continue;
    if (
      /(?:基准年|base year)\s*(?:的|of)?\s*$/i.test(text.slice(Math.max(0, f.start - 12), f.start))
    ) {
      return f.value;
    }
  }
  return null;
}
