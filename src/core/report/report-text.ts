/**
 * 报告文字 / Report text: the work report's paragraphs (the narrative of the result, SPEC §7), one
 * wrapped paragraph a row under the title and where they come from, then the sentences left out
 * and why. Printable as it stands: one wide column.
 */
import { formatDate } from "../narrative/figures";
import type { Lang, OutputSheet, RecalcJson } from "../types";
import { header, note, title, type Row } from "./cells";
import { REPORT_LABELS } from "./labels";

export interface ReportTextInput {
  readonly lang: Lang;
  readonly json: RecalcJson;
  readonly name: string;
}

/** Wide enough for a paragraph to read as one (about 40 Chinese characters a line). */
const WIDTH = 80;

export function buildReportTextSheet(input: ReportTextInput): OutputSheet {
  const l = REPORT_LABELS[input.lang].report;
  const { paragraphs, omitted } = input.json.narrative;
  const rows: Row[] = [
    [title(l.title)],
    [note(l.source(formatDate(input.json.asOf, input.lang)))],
    [],
  ];
  if (paragraphs.length === 0) rows.push([note(l.none)]);
  for (const p of paragraphs) rows.push([{ v: p.text, style: "paragraph" }]);
  if (omitted.length > 0) {
    rows.push([], [header(l.omitted)]);
    for (const o of omitted) rows.push([{ v: o.message, style: "paragraph" }]);
  }
  return {
    key: "report",
    name: input.name,
    rows,
    columnWidths: [WIDTH],
    freezeRows: 0,
    charts: [],
  };
}
