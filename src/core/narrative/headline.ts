/**
 * The headline table that goes with the report's paragraphs (in the .docx): the figures a report
 * quotes first, labelled as the 汇总 sheet labels them and written as the paragraphs write them.
 * A figure that is null is left out.
 */
import { REPORT_LABELS } from "../report/labels/index";
import type { FiguresJson, Lang } from "../types";
import { formatCount, formatRate } from "./figures";

export interface HeadlineRow {
  readonly label: string;
  readonly text: string;
  /** The metric's path in the §6 JSON. */
  readonly path: string;
}

export function headlineTable(json: FiguresJson, lang: Lang): HeadlineRow[] {
  const l = REPORT_LABELS[lang].summary;
  const rows: HeadlineRow[] = [];
  const add = (label: string, path: string, value: number | null, kind: "count" | "rate") => {
    if (value === null) return;
    const text = kind === "count" ? formatCount(value) : formatRate(value);
    rows.push({ label, text, path });
  };
  const { chambers: c, members: m, coverage: v, dues: d } = json;
  if (c) add(l.chambersTotal, "chambers.total", c.total, "count");
  if (m) {
    add(l.membersTotal, "members.total", m.total, "count");
    add(l.newInYear, "members.newInYear", m.newInYear, "count");
    add(l.growthRate, "members.growthRate", m.growthRate, "rate");
  }
  add(
    l.townshipChamberCoverage,
    "coverage.townshipChamberCoverage",
    v.townshipChamberCoverage,
    "rate"
  );
  add(l.memberCoverage, "coverage.memberCoverage", v.memberCoverage, "rate");
  if (d) {
    // the labels say the unit (应缴金额（元）), so the amounts are plain yuan here
    add(l.due, "dues.due", d.due, "count");
    add(l.paid, "dues.paid", d.paid, "count");
    add(l.collectionRate, "dues.collectionRate", d.collectionRate, "rate");
  }
  return rows;
}
