/**
 * Why a sheet's figures are null, in words: the sheet is missing, or it lacks columns (named),
 * or it could not be read for another reason. Read from the problems, which say it precisely.
 */
import { fieldLabel, SHEET_DEFS } from "../schema";
import type { Lang, Problem, SheetKind } from "../types";
import { REPORT_LABELS } from "./labels";

export function unavailableText(
  kind: SheetKind,
  what: string,
  problems: readonly Problem[],
  lang: Lang,
  known?: "missing-sheet" | "missing-column" | null
): string {
  const labels = REPORT_LABELS[lang];
  const sheet = SHEET_DEFS[kind].label[lang];
  const columns: string[] = [];
  let missingSheet = known === "missing-sheet";
  for (const p of problems) {
    if (p.code === "missing-sheet" && p.params.kind === kind) missingSheet = true;
    else if (p.code === "missing-column" && p.params.kind === kind) {
      const name = fieldLabel(kind, p.params.field, lang);
      if (!columns.includes(name)) columns.push(name);
    }
  }
  if (missingSheet) return labels.unavailable(sheet, what, "missing-sheet", columns);
  if (columns.length > 0) return labels.unavailable(sheet, what, "missing-column", columns);
  return labels.unavailable(sheet, what, "unreadable", columns);
}
