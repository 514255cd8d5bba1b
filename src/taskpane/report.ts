/**
 * The report section's pure part: the text the copy button copies, and a checked draft cut into
 * plain and marked pieces. How values, excerpts and counts are shown is core/report-check/present.ts,
 * which the command line uses too.
 */
import type { NarrativeJson } from "../core/narrative/types";
import type { CheckItem, FigureCheck, SelfCheck } from "../core/report-check/index";

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

export function selfChecks(items: readonly CheckItem[]): SelfCheck[] {
  return items.filter((item): item is SelfCheck => item.kind !== "figure");
}
