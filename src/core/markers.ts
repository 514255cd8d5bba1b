/**
 * Ownership markers: how both adapters know which sheets an earlier recalculation wrote. Each
 * output sheet carries a workbook-level defined name `ChamberStats_<key>` whose reference points
 * at the sheet (`'汇总'!$A$1`). A marker survives renaming the sheet (Excel rewrites the
 * reference), save and reopen, and moving the cell (inserting rows above A1 moves the reference;
 * the sheet is what counts). Deleting the sheet turns the reference into #REF!.
 */
import type { OutputSheetKey } from "./types";

/** Prefix of every marker name. */
export const MARKER_PREFIX = "ChamberStats_";

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
