/**
 * The report section's pure part: the text the copy button copies, a checked draft cut into
 * plain and marked pieces, the verdict counts, and how a value the records give is written.
 */
import { formatCount, formatRate, formatYuan } from "../core/narrative/index";
import type { NarrativeJson } from "../core/narrative/types";
import type { CheckItem, FigureCheck, FigureUnit, SelfCheck } from "../core/report-check/index";
import type { Lang } from "../core/types";

/** The paragraphs as one text, separated by blank lines. */
export function reportText(narrative: NarrativeJson): string {
  return narrative.paragraphs.map((p) => p.text).join("\n\n");
}

export type DraftSegment =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "figure"; readonly text: string; readonly check: FigureCheck };

/**
 * The draft as it reads, cut at every checked figure: plain text between figures, each figure
 * with its check. A figure that overlaps the one before it stays plain (the checks do not
 * produce such figures, so this only keeps every character of the draft shown once).
 */
export function markDraft(draft: string, items: readonly CheckItem[]): DraftSegment[] {
  const figures = items
    .filter((item): item is FigureCheck => item.kind === "figure")
    .slice()
    .sort((a, b) => a.start - b.start);
  const segments: DraftSegment[] = [];
  let at = 0;
  for (const check of figures) {
    if (check.start < at || check.end <= check.start || check.end > draft.length) continue;
    if (check.start > at) segments.push({ kind: "text", text: draft.slice(at, check.start) });
    segments.push({ kind: "figure", text: draft.slice(check.start, check.end), check });
    at = check.end;
  }
  if (at < draft.length) segments.push({ kind: "text", text: draft.slice(at) });
  return segments;
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

export function selfChecks(items: readonly CheckItem[]): SelfCheck[] {
  return items.filter((item): item is SelfCheck => item.kind !== "figure");
}

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
