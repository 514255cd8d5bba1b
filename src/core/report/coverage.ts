/**
 * 覆盖率 / Coverage: `coverage.byTownship` one row a township, a total row with the overall
 * figures, a note with the target, and under them a chart of member coverage by township against
 * the target.
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
import { columnRange } from "../a1";
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
import { chartBelowTable, sheetOrientation } from "./print";
import { CHART_COLORS } from "./styles";
import { unavailableText } from "./unavailable";

export interface CoverageInput {
  readonly lang: Lang;
  readonly coverage: CoverageMetrics;
  readonly problems: readonly Problem[];
  readonly name: string;
}

const COL = { township: 0, coverage: 3, target: 6 } as const;
const TABLE_COLUMNS = 7;

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
  const rows: Row[] = [];
  const headerRow = rows.push(l.coverage.headers.map(header));
  const charts: ChartSpec[] = [];
  if (towns.length === 0) {
    rows.push([note(l.coverage.noTownships)]);
  } else {
    const flags = flagCells(l);
    const target = rate(c.target);
    for (const t of towns) rows.push(townshipRow(t, flags, target));
    rows.push(totalRow(c, l), [], [note(targetNote(c, l))], [note(l.coverage.chartColors)]);
    charts.push(coverageChart(l, c, towns, headerRow, rows.length));
  }
  return {
    key: "coverage",
    name: input.name,
    rows,
    columnWidths: columnWidths(rows, { min: 8, max: 40 }),
    freezeRows: 1,
    charts,
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

function townshipRow(t: TownshipCoverage, f: Flags, target: OutputCell): Row {
  return [
    text(t.township),
    count(t.nonPublicEnterprises),
    count(t.enterpriseMembers),
    rate(t.coverage),
    flag(t.meetsTarget, f),
    flag(t.hasTownshipChamber, f),
    target,
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
    rate(c.target, true),
  ];
}

function targetNote(c: CoverageMetrics, l: ReportLabels): string {
  const withChamber =
    c.townshipsWithChamber === null || c.townships === null
      ? "—"
      : `${groupedText(c.townshipsWithChamber)}/${groupedText(c.townships)}`;
  return l.coverage.targetNote(percentText(c.target), withChamber);
}

/**
 * A combo chart under the table: a bar for each township's coverage, green where it meets the
 * target and orange where it does not, and the target as a line over them (the table's target
 * column). Taller for many townships, never taller than a page (print.ts). `headerRow` is the
 * table's header row (1-based); the townships follow it.
 */
function coverageChart(
  l: ReportLabels,
  c: CoverageMetrics,
  towns: readonly TownshipCoverage[],
  headerRow: number,
  tableLastRow: number
): ChartSpec {
  const firstRow = headerRow + 1;
  const lastRow = headerRow + towns.length;
  const place = chartBelowTable({
    tableLastRow,
    lastColumn: TABLE_COLUMNS,
    heightRows: Math.max(18, Math.ceil(towns.length * 0.9) + 6),
    orientation: sheetOrientation("coverage"),
  });
  return {
    type: "bar",
    title: l.coverage.chartTitle(percentText(c.target)),
    categories: columnRange(COL.township + 1, firstRow, lastRow),
    series: [
      {
        name: l.coverage.headers[COL.coverage],
        values: columnRange(COL.coverage + 1, firstRow, lastRow),
        pointColors: towns.map((t) =>
          t.meetsTarget === true ? CHART_COLORS.met : CHART_COLORS.notMet
        ),
      },
      {
        name: l.coverage.headers[COL.target],
        values: columnRange(COL.target + 1, firstRow, lastRow),
        type: "line",
        color: CHART_COLORS.target,
        noMarkers: true,
      },
    ],
    ...place,
    valueFormat: "0%",
  };
}
