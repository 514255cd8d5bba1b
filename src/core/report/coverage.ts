/**
 * 覆盖率 / Coverage: `coverage.byTownship` one row a township, a total row with the overall
 * figures, a note with the target, and a bar chart of member coverage by township.
 */
import type {
  ChartSpec,
  CoverageMetrics,
  Lang,
  OutputCell,
  OutputSheet,
  Problem,
  TownshipCoverage,
} from "../types";
import { cellAddress, columnRange } from "../a1";
import {
  columnWidths,
  count,
  groupedText,
  header,
  note,
  NULL_CELL,
  NULL_TOTAL_CELL,
  noteSheet,
  percentText,
  rate,
  type Row,
  flag as flagCell,
  text,
  totalText,
} from "./cells";
import { REPORT_LABELS, type ReportLabels } from "./labels";
import { unavailableText } from "./unavailable";

export interface CoverageInput {
  readonly lang: Lang;
  readonly coverage: CoverageMetrics;
  readonly problems: readonly Problem[];
  readonly name: string;
}

const COL = { township: 0, coverage: 3 } as const;
const TABLE_COLUMNS = 6;

export function buildCoverageSheet(input: CoverageInput): OutputSheet {
  const l = REPORT_LABELS[input.lang];
  const c = input.coverage;
  if (c.unavailableReason !== null || c.byTownship === null) {
    const why = unavailableText(
      "townships",
      l.summary.coverageWhat,
      input.problems,
      input.lang,
      c.unavailableReason
    );
    return noteSheet("coverage", input.name, why);
  }
  const towns = c.byTownship;
  const rows: Row[] = [l.coverage.headers.map(header)];
  if (towns.length === 0) {
    rows.push([note(l.coverage.noTownships)]);
  } else {
    const flags = flagCells(l);
    for (const t of towns) rows.push(townshipRow(t, flags));
    rows.push(totalRow(c, l), [], [note(targetNote(c, l))]);
  }
  return {
    key: "coverage",
    name: input.name,
    rows,
    columnWidths: columnWidths(rows, { min: 8, max: 40 }),
    freezeRows: 1,
    charts: towns.length === 0 ? [] : [coverageChart(l, c.target, towns.length)],
  };
}

interface Flags {
  readonly yes: OutputCell;
  readonly no: OutputCell;
  readonly totalYes: OutputCell;
  readonly totalNo: OutputCell;
}

function flagCells(l: ReportLabels): Flags {
  return {
    yes: flagCell(l.yes),
    no: flagCell(l.no),
    totalYes: flagCell(l.yes, true),
    totalNo: flagCell(l.no, true),
  };
}

function flag(b: boolean | null, f: Flags): OutputCell {
  return b === null ? NULL_CELL : b ? f.yes : f.no;
}

function townshipRow(t: TownshipCoverage, f: Flags): Row {
  return [
    text(t.township),
    count(t.nonPublicEnterprises),
    count(t.enterpriseMembers),
    rate(t.coverage),
    flag(t.meetsTarget, f),
    flag(t.hasTownshipChamber, f),
  ];
}

/**
 * The overall figures. In the "has township chamber" column the total is the township chamber
 * coverage (the share of townships with one), which the note under the table spells out.
 */
function totalRow(c: CoverageMetrics, l: ReportLabels): Row {
  const f = flagCells(l);
  return [
    totalText(l.total),
    count(c.nonPublicEnterprises, true),
    count(c.enterpriseMembers, true),
    rate(c.memberCoverage, true),
    c.meetsTarget === null ? NULL_TOTAL_CELL : c.meetsTarget ? f.totalYes : f.totalNo,
    rate(c.townshipChamberCoverage, true),
  ];
}

function targetNote(c: CoverageMetrics, l: ReportLabels): string {
  const withChamber =
    c.townshipsWithChamber === null || c.townships === null
      ? "—"
      : `${groupedText(c.townshipsWithChamber)}/${groupedText(c.townships)}`;
  return l.coverage.targetNote(percentText(c.target), withChamber);
}

/** Bars for data rows 2 … n+1, to the right of the table, taller for many townships. */
function coverageChart(l: ReportLabels, target: number, n: number): ChartSpec {
  const lastRow = n + 1;
  const height = Math.max(18, Math.ceil(n * 0.9) + 6);
  return {
    type: "bar",
    title: l.coverage.chartTitle(percentText(target)),
    categories: columnRange(COL.township + 1, 2, lastRow),
    series: [
      { name: l.coverage.headers[COL.coverage], values: columnRange(COL.coverage + 1, 2, lastRow) },
    ],
    from: cellAddress(TABLE_COLUMNS + 2, 2),
    to: cellAddress(TABLE_COLUMNS + 10, 2 + height),
    valueFormat: "0%",
  };
}
