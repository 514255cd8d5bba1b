/**
 * Ownership markers: how both adapters know which sheets an earlier recalculation wrote. Each
 * output sheet carries a workbook-level defined name `ChamberStats_<key>` whose reference points
 * at the sheet (`'汇总'!$A$1`). A marker survives renaming the sheet (Excel rewrites the
 * reference), save and reopen, and moving the cell (inserting rows above A1 moves the reference;
 * the sheet is what counts). Deleting the sheet turns the reference into #REF!.
 */
import { OUTPUT_SHEET_NAMES, REPORT_LABELS } from "./report/labels";
import type { Lang, OutputSheetKey } from "./types";

/** Prefix of every marker name. */
export const MARKER_PREFIX = "ChamberStats_";

/**
 * Markers are hidden from Name Manager, where a user could delete or pick them: `hidden="1"` on
 * the file's definedName, `NamedItem.visible = false` in Excel. Both writers follow this.
 */
export const MARKERS_HIDDEN = true;

/** The output sheets, in the order they are written (and claim sheets). */
export const OUTPUT_KEYS: readonly OutputSheetKey[] = [
  "summary",
  "growth",
  "coverage",
  "chambers",
  "problems",
  "report",
];

/** The marker name of an output sheet: `ChamberStats_summary`, … */
export function markerName(key: OutputSheetKey): string {
  return `${MARKER_PREFIX}${key}`;
}

/** The output key a defined name marks, or null: Excel's names are case-insensitive. */
export function markerKey(definedName: string): OutputSheetKey | null {
  const lower = definedName.toLowerCase();
  const prefix = MARKER_PREFIX.toLowerCase();
  if (!lower.startsWith(prefix)) return null;
  const key = lower.slice(prefix.length);
  return OUTPUT_KEYS.find((k) => k === key) ?? null;
}

/** Characters Excel forbids in a sheet name; a "sheet" holding one is not a sheet of this book. */
const NOT_IN_SHEET_NAMES = /[[\]:*?/\\]/;

/** A cell or a range after the `!`: `$A$1`, `A1`, `$A$1:$C$9`. */
const CELL_OR_RANGE = /^\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;

/**
 * The sheet a reference points at, or null when it points at no sheet of this workbook:
 * `'汇总'!$A$1` and `=Summary!$A$1` (with or without the leading `=`), a quoted name with its
 * quotes doubled (`'Tom''s'!A1` → Tom's). Null for `#REF!` (the sheet was deleted), for anything
 * after the `!` that is not a cell or range, for other workbooks (`[1]Sheet!A1`), 3-D references
 * (`A:C!A1`) and formulas.
 */
export function sheetOfReference(reference: string): string | null {
  let text = reference.trim();
  if (text.startsWith("=")) text = text.slice(1).trim();
  if (text.toUpperCase().includes("#REF!")) return null;
  let sheet: string;
  let rest: string;
  if (text.startsWith("'")) {
    const m = /^'((?:[^']|'')+)'!(.*)$/.exec(text);
    if (!m) return null;
    sheet = (m[1] as string).replace(/''/g, "'");
    rest = m[2] as string;
  } else {
    const bang = text.indexOf("!");
    if (bang <= 0) return null;
    sheet = text.slice(0, bang);
    rest = text.slice(bang + 1);
    if (/['\s]/.test(sheet)) return null;
  }
  if (NOT_IN_SHEET_NAMES.test(sheet) || !CELL_OR_RANGE.test(rest.trim())) return null;
  return sheet;
}

/** A defined name as an adapter reads it. */
export interface DefinedNameEntry {
  readonly name: string;
  /** Its reference or formula, as stored or as Office.js gives it (`=汇总!$A$1`). */
  readonly reference: string;
  /** True for a sheet-scoped name (localSheetId in the file, `worksheet.names` in Office.js). */
  readonly scoped?: boolean;
}

export interface OwnedSheets {
  /** Output sheets by key: the sheet each valid marker points at, as the workbook spells it. */
  readonly owned: Map<OutputSheetKey, string>;
  /** Names of markers that point nowhere, or at a sheet another marker claimed: to be deleted. */
  readonly stale: string[];
}

/**
 * Which sheets earlier recalculations wrote. Markers are taken in the order given (the
 * workbook's order of names):
 *  - names that are not markers, and sheet-scoped names, are ignored: copying an owned sheet
 *    makes Excel give the copy sheet-scoped copies of its markers, and the copy is the user's;
 *  - a marker pointing at a sheet of the workbook (names compared case-insensitively, as Excel
 *    does) owns it for its key;
 *  - a marker pointing nowhere (#REF!, a missing sheet, not a reference), a second marker of a
 *    key already seen, and a marker pointing at a sheet already claimed by another key (the
 *    first claim wins) are stale.
 */
export function findOwnedSheets(
  markers: ReadonlyArray<DefinedNameEntry>,
  sheetNames: readonly string[]
): OwnedSheets {
  const byFolded = new Map<string, string>();
  for (const name of sheetNames) {
    const folded = name.toLowerCase();
    if (!byFolded.has(folded)) byFolded.set(folded, name);
  }
  const owned = new Map<OutputSheetKey, string>();
  const claimed = new Set<string>();
  const stale: string[] = [];
  for (const marker of markers) {
    if (marker.scoped) continue;
    const key = markerKey(marker.name);
    if (key === null) continue;
    const target = sheetOfReference(marker.reference);
    const sheet = target === null ? undefined : byFolded.get(target.toLowerCase());
    if (sheet === undefined || owned.has(key) || claimed.has(sheet)) {
      stale.push(marker.name);
      continue;
    }
    owned.set(key, sheet);
    claimed.add(sheet);
  }
  return { owned, stale };
}

/**
 * The first row the core writes on each output sheet, in each language: the title of 汇总 and
 * 报告文字, the column headers of the others. Built from the same labels the sheets are (report/
 * labels), so a change of wording changes both.
 */
function firstRows(lang: Lang): Record<OutputSheetKey, readonly string[]> {
  const l = REPORT_LABELS[lang];
  return {
    summary: [l.summary.title],
    growth: l.growth.headers,
    coverage: l.coverage.headers,
    chambers: l.chambersReport.headers,
    problems: l.problems.headers,
    report: [l.report.title],
  };
}

/** A sheet as the reclaiming rule looks at it: its name and its first row's cell values. */
export interface SheetHead {
  readonly name: string;
  readonly firstRow: readonly unknown[];
}

/**
 * Whether a sheet is recognisably the output sheet of `key`: named as it is in either language,
 * and its first row is exactly the first row the core writes there in that language (nothing
 * else in the row). A user's sheet of that name with anything else in its first row stays theirs.
 */
export function isRecognisedOutput(key: OutputSheetKey, head: SheetHead): boolean {
  return (["zh", "en"] as const).some((lang) => {
    if (OUTPUT_SHEET_NAMES[lang][key].toLowerCase() !== head.name.toLowerCase()) return false;
    const wanted = firstRows(lang)[key];
    // Exactly that row: the signature's cells and nothing after them.
    return (
      head.firstRow.every((v, i) =>
        i < wanted.length ? v === wanted[i] : v === "" || v === null || v === undefined
      ) && head.firstRow.length >= wanted.length
    );
  });
}

/**
 * The sheets to look at for keys that lost their marker (a user deleted it in Name Manager): the
 * sheets named as that key's output in either language, not already owned. Each key, with the
 * sheet names to check.
 */
export function reclaimCandidates(
  owned: ReadonlyMap<OutputSheetKey, string>,
  sheetNames: readonly string[]
): Array<{ key: OutputSheetKey; sheet: string }> {
  const claimed = new Set([...owned.values()].map((n) => n.toLowerCase()));
  const out: Array<{ key: OutputSheetKey; sheet: string }> = [];
  for (const key of OUTPUT_KEYS) {
    if (owned.has(key)) continue;
    const names = new Set(
      [OUTPUT_SHEET_NAMES.zh[key], OUTPUT_SHEET_NAMES.en[key]].map((n) => n.toLowerCase())
    );
    const sheet = sheetNames.find(
      (n) => names.has(n.toLowerCase()) && !claimed.has(n.toLowerCase())
    );
    if (sheet !== undefined) {
      out.push({ key, sheet });
      claimed.add(sheet.toLowerCase());
    }
  }
  return out;
}

/**
 * A deleted marker is harmless: an output sheet whose marker is gone but that is recognisably
 * ours (`isRecognisedOutput`: its name and its first row) is owned again, and the run writes a
 * new marker for it, instead of writing the output to "汇总 (2)" beside it. A user's sheet of
 * the same name with other content stays the user's.
 */
export function reclaimSheets(
  owned: ReadonlyMap<OutputSheetKey, string>,
  heads: ReadonlyArray<SheetHead & { readonly key: OutputSheetKey }>
): Map<OutputSheetKey, string> {
  const result = new Map<OutputSheetKey, string>();
  for (const head of heads) {
    if (owned.has(head.key) || result.has(head.key)) continue;
    if (isRecognisedOutput(head.key, head)) result.set(head.key, head.name);
  }
  return result;
}
