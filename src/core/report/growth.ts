/**
 * 会员增长 / Growth: `series`, one row a year under a frozen header, and a line chart of the
 * members by type (and in total) over the years, to the right of the table.
 */
import type { ChartSpec, Lang, OutputSheet, Problem, RecalcJson, SeriesEntry } from "../types";
import { cellAddress, columnRange } from "../a1";
import { columnWidths, count, header, note, noteSheet, rate, type Row, year } from "./cells";
import { REPORT_LABELS } from "./labels";
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

export function buildGrowthSheet(input: GrowthInput): OutputSheet {
  const l = REPORT_LABELS[input.lang];
  const series = input.json.series;
  if (series === null) {
    const why = unavailableText("members", l.summary.membersWhat, input.problems, input.lang);
    return noteSheet("growth", input.name, why);
  }
  const rows: Row[] = [l.growth.headers.map(header)];
  for (const e of series) rows.push(seriesRow(e));
  if (series.length === 0) rows.push([note(l.growth.noYears)]);
  const first = series[0];
  const last = series[series.length - 1];
  const charts: ChartSpec[] =
    first === undefined || last === undefined
      ? []
      : [growthChart(l.growth.headers, l.growth.chartTitle(first.year, last.year), series.length)];
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

/** Data rows are worksheet rows 2 … n+1; the chart starts one empty column right of the table. */
function growthChart(headers: readonly string[], title: string, n: number): ChartSpec {
  const lastRow = n + 1;
  const s = (col: number) => ({
    name: headers[col] ?? "",
    values: columnRange(col + 1, 2, lastRow),
  });
  return {
    type: "line",
    title,
    categories: columnRange(COL.year + 1, 2, lastRow),
    series: [s(COL.enterprise), s(COL.group), s(COL.individual), s(COL.members)],
    from: cellAddress(TABLE_COLUMNS + 2, 2),
    to: cellAddress(TABLE_COLUMNS + 10, 20),
    valueFormat: "#,##0",
  };
}
