/**
 * 会员增长 / Growth: `series`, one row a year under a frozen header, and a line chart of all
 * members over the years under the table.
 */
import type { ChartSpec, Lang, OutputSheet, Problem, RecalcJson, SeriesEntry } from "../types";
import { columnRange } from "../a1";
import { columnWidths, count, header, note, noteSheet, rate, type Row, year } from "./cells";
import { REPORT_LABELS } from "./labels";
import { chartBelowTable, sheetOrientation, valueAxisMinimum } from "./print";
import { CHART_COLORS } from "./styles";
import { unavailableText } from "./unavailable";

export interface GrowthInput {
  readonly lang: Lang;
  readonly json: RecalcJson;
  readonly problems: readonly Problem[];
  readonly name: string;
}

/** Columns of the table, 0-based. */
const COL = { year: 0, members: 1, enterprise: 2, group: 3, individual: 4 } as const;
const TABLE_COLUMNS = 8;
/** The chart's height in rows. */
const CHART_ROWS = 18;

export function buildGrowthSheet(input: GrowthInput): OutputSheet {
  const l = REPORT_LABELS[input.lang];
  const series = input.json.series;
  if (series === null) {
    const why = unavailableText("members", l.summary.membersWhat, input.problems, input.lang);
    return noteSheet("growth", input.name, why);
  }
  const rows: Row[] = [];
  const headerRow = rows.push(l.growth.headers.map(header));
  for (const e of series) rows.push(seriesRow(e));
  if (series.length === 0) rows.push([note(l.growth.noYears)]);
  const first = series[0];
  const last = series[series.length - 1];
  const title = first && last ? l.growth.chartTitle(first.year, last.year) : "";
  const charts: ChartSpec[] =
    first === undefined ? [] : [growthChart(l.growth.headers, title, series, headerRow)];
  return {
    key: "growth",
    name: input.name,
    rows,
    columnWidths: columnWidths(rows, { min: 8, max: 30 }),
    freezeRows: 1,
    charts,
  };
}

function seriesRow(e: SeriesEntry): Row {
  return [
    year(e.year),
    count(e.members),
    count(e.enterprise),
    count(e.group),
    count(e.individual),
    count(e.new),
    count(e.left),
    rate(e.growthRate),
  ];
}

/**
 * A line of all members over the years, each point labelled with its figure, on a value axis that
 * starts near the data (SPEC §5); the types stay in the table. Under the table, across its
 * columns, so that it prints with it (print.ts). `headerRow` is the table's header row (1-based).
 */
function growthChart(
  headers: readonly string[],
  title: string,
  series: readonly SeriesEntry[],
  headerRow: number
): ChartSpec {
  const firstRow = headerRow + 1;
  const lastRow = headerRow + series.length;
  const place = chartBelowTable({
    tableLastRow: lastRow,
    lastColumn: TABLE_COLUMNS,
    heightRows: CHART_ROWS,
    orientation: sheetOrientation("growth"),
  });
  const valueAxisMin = valueAxisMinimum(series.map((e) => e.members));
  return {
    type: "line",
    title,
    categories: columnRange(COL.year + 1, firstRow, lastRow),
    series: [
      {
        name: headers[COL.members] ?? "",
        values: columnRange(COL.members + 1, firstRow, lastRow),
        color: CHART_COLORS.members,
        dataLabels: true,
      },
    ],
    ...place,
    valueFormat: "#,##0",
    ...(valueAxisMin === undefined ? {} : { valueAxisMin }),
  };
}
