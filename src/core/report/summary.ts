/**
 * 汇总 / Summary: the headline figures of SPEC §4 as labelled rows in four columns — label, value,
 * rate, note — grouped in sections. A figure that cannot be computed shows "—" with a note saying
 * why, never a 0.
 */
import { cellAddress } from "../a1";
import { SHEET_DEFS } from "../schema";
import type {
  ChamberMetrics,
  CoverageMetrics,
  DuesMetrics,
  FoundSheet,
  Lang,
  MemberMetrics,
  OutputCell,
  OutputSheet,
  Problem,
  ProblemCode,
  ProblemSummary,
  RecalcJson,
  SheetKind,
} from "../types";
import { CHAMBER_TYPES, MEMBER_TYPES } from "../types";
import {
  columnWidths,
  count,
  flag as flagCell,
  FMT_DATE,
  header,
  label,
  money,
  note,
  NULL_CELL,
  rate,
  type Row,
  text,
  title,
  year,
} from "./cells";
import { REPORT_LABELS, type ReportLabels } from "./labels";
import { unavailableText } from "./unavailable";

type SummaryLabels = ReportLabels["summary"];

/** The chamber counts that the summary shows with their share of all chambers. */
type ChamberCountKey =
  | "registered"
  | "presidentEntrepreneur"
  | "fixedOffice"
  | "fullTimeStaff"
  | "website"
  | "journal"
  | "fullCollection"
  | "incomeAtLeastThreshold";

interface Ctx {
  readonly threshold: string | null;
  readonly lang: Lang;
  readonly l: ReportLabels;
  readonly s: SummaryLabels;
  readonly json: RecalcJson;
  readonly problems: readonly Problem[];
}

export interface SummaryInput {
  readonly lang: Lang;
  readonly json: RecalcJson;
  readonly problems: readonly Problem[];
  readonly found: readonly FoundSheet[];
  readonly name: string;
  /** The dues income threshold in yuan, shown in its label when given. */
  readonly duesIncomeThreshold?: number | undefined;
}

export function buildSummarySheet(input: SummaryInput): OutputSheet {
  const l = REPORT_LABELS[input.lang];
  const ctx: Ctx = {
    threshold:
      input.duesIncomeThreshold === undefined ? null : moneyText(input.duesIncomeThreshold),
    lang: input.lang,
    l,
    s: l.summary,
    json: input.json,
    problems: input.problems,
  };
  const rows: Row[] = [
    [title(ctx.s.title)],
    [label(ctx.s.asOf), shows({ v: { date: input.json.asOf }, fmt: FMT_DATE }, "asOf")],
    [label(ctx.s.year), year(input.json.year)],
    [label(ctx.s.baseYear), year(input.json.baseYear)],
    ...section(ctx, ctx.s.members, memberRows(ctx, input.json.members)),
    ...section(ctx, ctx.s.chambers, chamberRows(ctx, input.json.chambers), { rate: true }),
    ...section(ctx, ctx.s.coverage, coverageRows(ctx, input.json.coverage)),
    ...section(ctx, ctx.s.dues, duesRows(ctx, input.json.dues)),
    [],
    [header(ctx.s.sources), header(ctx.s.sheet), header(""), header(ctx.s.note)],
    ...sourceRows(ctx, input.found),
    [],
    [header(ctx.s.rows), header(ctx.s.read), header(ctx.s.counted), header(ctx.s.excluded)],
    ...accountRows(ctx),
    ...section(ctx, ctx.s.problems, problemRows(ctx, input.json.problems), {
      value: ctx.s.count,
      code: ctx.s.code,
    }),
  ];
  return {
    key: "summary",
    name: input.name,
    rows,
    columnWidths: columnWidths(rows, { min: 8, max: 50 }),
    freezeRows: 0,
    charts: [],
    figureCells: figureCells(rows),
  };
}

interface SectionHeads {
  /** The value column's header; default 数值 / Value. */
  readonly value?: string;
  /** Whether the section fills the rate column (only the chambers do). */
  readonly rate?: boolean;
  /** A fifth column's header, for the problems' codes. */
  readonly code?: string;
}

/** A blank row, the section's header row, then its rows. */
function section(ctx: Ctx, name: string, rows: Row[], heads: SectionHeads = {}): Row[] {
  const head: Row = [
    header(name),
    header(heads.value ?? ctx.s.value),
    header(heads.rate === true ? ctx.s.rate : ""),
    header(ctx.s.note),
    ...(heads.code === undefined ? [] : [header(heads.code)]),
  ];
  return [[], head, ...rows];
}

/** The figure at `path` of the §6 JSON is shown in this cell; see `figureCells`. */
const SHOWS = new WeakMap<OutputCell, string>();

/** A copy of the cell, remembered as showing the figure at `path` of the §6 JSON. */
function shows(cell: OutputCell, path: string): OutputCell {
  const copy = { ...cell };
  SHOWS.set(copy, path);
  return copy;
}

/** Where each remembered figure landed: its path → the A1 address of its cell. */
function figureCells(rows: readonly Row[]): Record<string, string> {
  const cells: Record<string, string> = {};
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const path = cell === null ? undefined : SHOWS.get(cell);
      if (path !== undefined) cells[path] = cellAddress(c + 1, r + 1);
    })
  );
  return cells;
}

/** label | value | rate | note. */
function line(
  text_: string,
  value: OutputCell | null,
  rateCell: OutputCell | null = null,
  noteText: string | null = null
): Row {
  return [label(text_), value, rateCell, noteText === null ? null : note(noteText)];
}

function whenNull(v: unknown, why: string, otherwise: string | null = null): string | null {
  return v === null ? why : otherwise;
}

function memberRows(ctx: Ctx, m: MemberMetrics | null): Row[] {
  const { s, json } = ctx;
  if (m === null)
    return [[note(unavailableText("members", s.membersWhat, ctx.problems, ctx.lang))]];
  return [
    line(s.membersTotal, shows(count(m.total), "members.total")),
    ...MEMBER_TYPES.map((t) =>
      line(ctx.l.memberType[t], shows(count(m.byType[t]), `members.byType.${t}`))
    ),
    line(s.newInYear, shows(count(m.newInYear), "members.newInYear")),
    line(s.leftInYear, shows(count(m.leftInYear), "members.leftInYear")),
    line(
      s.previousYearEnd,
      shows(count(m.previousYearEnd), "members.previousYearEnd"),
      null,
      s.yearEnd(json.year - 1)
    ),
    line(
      s.growthRate,
      shows(rate(m.growthRate), "members.growthRate"),
      null,
      whenNull(m.growthRate, s.noPreviousMembers)
    ),
    line(
      s.baseYearEnd(json.baseYear),
      shows(count(m.baseYearEnd), "members.baseYearEnd"),
      null,
      s.yearEnd(json.baseYear)
    ),
    line(
      s.growthSinceBase(json.baseYear),
      shows(rate(m.growthSinceBase), "members.growthSinceBase"),
      null,
      whenNull(m.growthSinceBase, s.noBaseMembers)
    ),
    line(
      s.retentionRate,
      shows(rate(m.retentionRate), "members.retentionRate"),
      null,
      whenNull(m.retentionRate, s.noPreviousMembers, s.retentionNote)
    ),
    line(s.aboveScale, shows(count(m.aboveScale), "members.aboveScale")),
  ];
}

function chamberRows(ctx: Ctx, c: ChamberMetrics | null): Row[] {
  const { s } = ctx;
  if (c === null) {
    return [[note(unavailableText("chambers", s.chambersWhat, ctx.problems, ctx.lang))]];
  }
  /** A count and its rate, marked as chambers.<key> and chambers.<key>Rate. */
  const withRate = (name: string, key: ChamberCountKey): Row => {
    const n = c[key];
    const r = c[`${key}Rate` as const];
    const why = n === null ? s.needsDues : r === null ? s.noActiveChambers : null;
    return line(
      name,
      shows(count(n), `chambers.${key}`),
      shows(rate(r), `chambers.${key}Rate`),
      why
    );
  };
  return [
    line(s.chambersTotal, shows(count(c.total), "chambers.total"), null, s.rateBase),
    ...CHAMBER_TYPES.map((t) =>
      line(ctx.l.chamberTypeCount[t], shows(count(c.byType[t]), `chambers.byType.${t}`))
    ),
    withRate(s.registered, "registered"),
    withRate(s.presidentEntrepreneur, "presidentEntrepreneur"),
    withRate(s.fixedOffice, "fixedOffice"),
    withRate(s.fullTimeStaff, "fullTimeStaff"),
    withRate(s.website, "website"),
    withRate(s.journal, "journal"),
    withRate(s.fullCollection, "fullCollection"),
    withRate(s.incomeAtLeastThreshold(ctx.threshold), "incomeAtLeastThreshold"),
  ];
}

function coverageRows(ctx: Ctx, c: CoverageMetrics): Row[] {
  const { s, l } = ctx;
  if (c.unavailableReason !== null || c.byTownship === null) {
    const why = unavailableText(
      "townships",
      s.coverageWhat,
      ctx.problems,
      ctx.lang,
      c.unavailableReason
    );
    return [[note(why)], line(s.target, rate(c.target))];
  }
  const flag = (b: boolean | null) => (b === null ? NULL_CELL : flagCell(b ? l.yes : l.no));
  return [
    line(s.townships, shows(count(c.townships), "coverage.townships")),
    line(
      s.townshipsWithChamber,
      shows(count(c.townshipsWithChamber), "coverage.townshipsWithChamber")
    ),
    line(
      s.townshipChamberCoverage,
      shows(rate(c.townshipChamberCoverage), "coverage.townshipChamberCoverage"),
      null,
      whenNull(c.townshipChamberCoverage, s.noTownships)
    ),
    line(
      s.nonPublicEnterprises(ctx.json.year),
      shows(count(c.nonPublicEnterprises), "coverage.nonPublicEnterprises")
    ),
    line(s.enterpriseMembers, shows(count(c.enterpriseMembers), "coverage.enterpriseMembers")),
    line(
      s.memberCoverage,
      shows(rate(c.memberCoverage), "coverage.memberCoverage"),
      null,
      whenNull(c.memberCoverage, s.noEnterprises)
    ),
    line(s.target, shows(rate(c.target), "coverage.target")),
    line(s.meetsTarget, flag(c.meetsTarget), null, whenNull(c.meetsTarget, s.noEnterprises)),
  ];
}

function duesRows(ctx: Ctx, d: DuesMetrics | null): Row[] {
  const { s } = ctx;
  if (d === null) return [[note(unavailableText("dues", s.duesWhat, ctx.problems, ctx.lang))]];
  return [
    line(s.duesYear, year(d.year)),
    line(s.due, shows(money(d.due), "dues.due")),
    line(s.paid, shows(money(d.paid), "dues.paid")),
    line(
      s.collectionRate,
      shows(rate(d.collectionRate), "dues.collectionRate"),
      null,
      whenNull(d.collectionRate, s.nothingDue)
    ),
    line(s.membersFullyPaid, shows(count(d.membersFullyPaid), "dues.membersFullyPaid")),
    line(s.membersOwing, shows(count(d.membersOwing), "dues.membersOwing")),
  ];
}

const SOURCE_KINDS: readonly SheetKind[] = ["members", "chambers", "dues", "townships", "settings"];

/** One line per input sheet: the worksheet that was used and its header row, or "not found". */
function sourceRows(ctx: Ctx, found: readonly FoundSheet[]): Row[] {
  const { s } = ctx;
  return SOURCE_KINDS.map((kind) => {
    const name = s.sheetOf(SHEET_DEFS[kind].label[ctx.lang]);
    const sheet = found.find((f) => f.kind === kind);
    if (sheet === undefined) {
      return line(name, NULL_CELL, null, kind === "settings" ? s.settingsNotFound : s.notFound);
    }
    return line(name, text(sheet.name), null, s.headerRow(sheet.headerRow));
  });
}

const ACCOUNT_KINDS = ["members", "chambers", "dues", "townships"] as const;

function accountRows(ctx: Ctx): Row[] {
  return ACCOUNT_KINDS.map((kind) => {
    const a = ctx.json.rows[kind];
    return [
      label(ctx.s.sheetOf(SHEET_DEFS[kind].label[ctx.lang])),
      count(a.read),
      count(a.counted),
      count(a.excluded),
    ];
  });
}

/** 500000 → "500,000"; 1234.5 → "1,234.5". */
function moneyText(yuan: number): string {
  const [whole = "0", fraction] = String(yuan).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Errors, warnings, then one row per code, the most frequent first: its title, count and code. */
function problemRows(ctx: Ctx, p: ProblemSummary): Row[] {
  const { s, l } = ctx;
  const codes = (Object.keys(p.byCode) as ProblemCode[])
    .map((code): [ProblemCode, number] => [code, p.byCode[code] ?? 0])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return [
    line(s.errors, count(p.errors), null, s.errorsNote),
    line(s.warnings, count(p.warnings)),
    ...codes.map(([code, n]): Row => [label(l.codeTitle[code]), count(n), null, null, text(code)]),
  ];
}
