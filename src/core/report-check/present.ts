/**
 * How a checked draft is shown, on every surface (the command line's lines, the task pane's
 * marks): a value the records give, written as the report writes figures; a span of the draft on
 * one line; the verdicts counted.
 */
import { formatCount, formatRate, formatYuan } from "../narrative/figures";
import type { Lang, OutputSheet } from "../types";
import type { CheckItem } from "./check";
import type { FigureUnit } from "./figures";

/** A value as the report writes it: rates as percentages with two decimals, counts grouped. */
export function valueText(value: number | string, unit: FigureUnit, lang: Lang): string {
  if (typeof value === "string") return value;
  if (unit === "percent") return formatRate(value);
  if (unit === "yuan") return formatYuan(value, lang);
  if (unit === "year") return String(value);
  return formatCount(value);
}

/** A span of the draft on one line: white space folded, a long one cut in the middle. */
export function excerpt(text: string, max = 40): string {
  const folded = text.replace(/\s+/g, " ").trim();
  if (folded.length <= max) return folded;
  const half = Math.floor((max - 1) / 2);
  return `${folded.slice(0, half)}…${folded.slice(-half)}`;
}

export interface VerdictCounts {
  /** Figures checked (agrees + contradicts + notCheckable). */
  readonly total: number;
  readonly agrees: number;
  readonly contradicts: number;
  readonly notCheckable: number;
  /** Self-contradictions of the text, counted apart from the figures. */
  readonly selfContradictions: number;
}

export function countVerdicts(items: readonly CheckItem[]): VerdictCounts {
  let agrees = 0;
  let contradicts = 0;
  let notCheckable = 0;
  let selfContradictions = 0;
  for (const item of items) {
    if (item.kind !== "figure") selfContradictions++;
    else if (item.verdict === "agrees") agrees++;
    else if (item.verdict === "contradicts") contradicts++;
    else notCheckable++;
  }
  return {
    total: agrees + contradicts + notCheckable,
    agrees,
    contradicts,
    notCheckable,
    selfContradictions,
  };
}

/** Where a checked figure's metric is shown, as a user reads and types it: "汇总!B24". */
export function cellText(cell: { readonly sheet: string; readonly cell: string }): string {
  return `${cell.sheet}!${cell.cell}`;
}

/**
 * The checked figures, each with the cell of 汇总 that shows its metric (where 汇总 shows it: a
 * year's series entry or a setting is not there). `summary` is the 汇总 sheet as written.
 */
export function locateFigures(
  items: readonly CheckItem[],
  summary: OutputSheet | undefined
): CheckItem[] {
  const cells = summary?.figureCells ?? {};
  return items.map((item) => {
    const cell =
      item.kind === "figure" && item.metric !== undefined ? cells[item.metric] : undefined;
    return cell === undefined || summary === undefined
      ? item
      : { ...item, cell: { sheet: summary.name, cell } };
  });
}
