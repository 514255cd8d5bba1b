/**
 * Reads an .xlsx into the core's WorkbookGrid: every worksheet's cells as RawCell, its Excel
 * tables, the date system, and which sheets earlier recalculations created (their marker names).
 *
 * Measured on 1,048,575 rows × 11 columns (62 MB .xlsx): ExcelJS's in-memory Workbook took
 * 103 s and 4 GB; its streaming WorkbookReader 42 s and 0.85 GB but loses the text of a formula's
 * cached error (#N/A reads back as NaN). So the cells are streamed here from the zip, part by
 * part, which keeps every error text and needs no second copy of the workbook to write it.
 */
import { Buffer } from "node:buffer";
import { parseRangeAddress } from "../../core/a1";
import { findOwnedSheets, reclaimCandidates, reclaimSheets } from "../../core/markers";
import { tableArea } from "../../core/tables";
import type { OutputSheetKey, SheetGrid, TableArea, WorkbookGrid } from "../../core/types";
import { FileProblem, describeError } from "./errors";
import {
  openPackage,
  partDocument,
  readRelationships,
  type SheetEntry,
  type XlsxPackage,
} from "./package";
import type { RelKind } from "./namespaces";
import { SharedStringsBuilder } from "./shared-strings";
import { SheetRowsBuilder, type SheetReadContext } from "./sheet-reader";
import { XmlSyntaxError } from "./xml-scan";
import { ZipError } from "./zip";
import { dateStyleFlags } from "./styles-read";
import { attr, rootElement } from "./xml-dom";
import { resolvePartPath } from "./xml";

export interface ReadResult {
  readonly grid: WorkbookGrid;
  /** Sheets that carry an output-sheet marker: `ChamberStats_<key>` → `'<sheet>'!$A$1`. */
  readonly ownedSheets: string[];
}

export type ReadProgress = (fraction: number) => void;

/** The part the workbook's first relationship of this kind points at, or null. */
export async function workbookPartOfKind(pkg: XlsxPackage, kind: RelKind): Promise<string | null> {
  const rels = await readRelationships(pkg.parts, pkg.workbookPart, pkg.path);
  const rel = rels.find((r) => r.kind === kind && !r.external);
  return rel ? resolvePartPath(pkg.workbookPart, rel.target) : null;
}

async function readSharedStrings(pkg: XlsxPackage): Promise<string[]> {
  const named = await workbookPartOfKind(pkg, "sharedStrings");
  const part = named === null ? null : pkg.parts.find(named);
  if (part === null) return [];
  const builder = new SharedStringsBuilder();
  await streamPart(pkg, part, (chunk) => builder.feed(chunk));
  try {
    return builder.finish();
  } catch (error) {
    // a shared-string table cut short is a damaged file, not a bug
    if (error instanceof XmlSyntaxError) {
      throw new FileProblem("corrupt", pkg.path, `${part}: ${error.message}`);
    }
    throw error;
  }
}

async function readContext(pkg: XlsxPackage): Promise<SheetReadContext> {
  const stylesPart = await workbookPartOfKind(pkg, "styles");
  const styles = stylesPart ? await partDocument(pkg.parts, stylesPart, pkg.path) : null;
  return {
    sharedStrings: await readSharedStrings(pkg),
    dateStyles: dateStyleFlags(styles, pkg.conformance),
    dateSystem: pkg.dateSystem,
  };
}

/** A whole number attribute, or undefined when it is absent or not a whole number ≥ 0. */
function countAttribute(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return parseInt(value, 10);
}

/** The Excel tables on a sheet, from its table parts; what of each is data is the core's rule. */
export async function readTables(pkg: XlsxPackage, sheetPart: string): Promise<TableArea[]> {
  const tables: TableArea[] = [];
  for (const rel of await readRelationships(pkg.parts, sheetPart, pkg.path)) {
    if (rel.kind !== "table" || rel.external) continue;
    const part = resolvePartPath(sheetPart, rel.target);
    const doc = await partDocument(pkg.parts, part, pkg.path);
    if (!doc) continue;
    const table = rootElement(doc, part);
    if (table.namespaceURI !== pkg.conformance.main || table.localName !== "table") continue;
    const range = parseRangeAddress(attr(table, "ref") ?? "");
    if (!range) continue;
    tables.push(
      tableArea({
        name: attr(table, "displayName") ?? attr(table, "name") ?? "",
        firstRow: range.first.row,
        lastRow: range.last.row,
        firstColumn: range.first.column,
        lastColumn: range.last.column,
        headerRowCount: countAttribute(attr(table, "headerRowCount")),
        totalsRowCount: countAttribute(attr(table, "totalsRowCount")),
      })
    );
  }
  return tables;
}

/**
 * Feeds a part's bytes, inflated chunk by chunk, to `onChunk`. A damaged entry (bad deflate data,
 * a CRC that does not match) and a part that is not well-formed XML are a corrupt file; an
 * exception thrown by `onChunk` otherwise passes through as is.
 */
async function streamPart(
  pkg: XlsxPackage,
  part: string,
  onChunk: (chunk: Buffer) => void
): Promise<void> {
  try {
    if (!(await pkg.parts.stream(part, onChunk))) {
      throw new FileProblem("corrupt", pkg.path, `missing part ${part}`);
    }
  } catch (error) {
    if (error instanceof ZipError || error instanceof XmlSyntaxError) {
      throw new FileProblem("corrupt", pkg.path, `${part}: ${describeError(error)}`);
    }
    throw error;
  }
}

async function readSheet(
  pkg: XlsxPackage,
  entry: SheetEntry & { part: string },
  context: SheetReadContext,
  onFraction: (fraction: number) => void
): Promise<SheetGrid> {
  const builder = new SheetRowsBuilder(context);
  await streamPart(pkg, entry.part, (chunk) => {
    builder.feed(chunk);
    if (builder.declaredLastRow) onFraction(builder.lastRowSeen / builder.declaredLastRow);
  });
  try {
    builder.finish();
  } catch (error) {
    // a sheet that is not well-formed XML is a damaged file, not a bug
    if (error instanceof XmlSyntaxError) {
      throw new FileProblem("corrupt", pkg.path, `${entry.part}: ${error.message}`);
    }
    throw error;
  }
  const tables = await readTables(pkg, entry.part);
  return {
    name: entry.name,
    rows: builder.rows,
    firstRow: 1,
    firstColumn: 1,
    ...(tables.length > 0 ? { tables } : {}),
  };
}

/** Output sheets reclaimed when the package was read (their marker was gone), by package. */
const reclaimedByPackage = new WeakMap<XlsxPackage, ReadonlyMap<OutputSheetKey, string>>();

/**
 * The sheet each output key's marker names, by the rule the add-in uses (core/markers.ts):
 * workbook-level names only, sheet names compared as Excel compares them, first claim wins;
 * plus, once the package was read, the sheets reclaimed for keys whose marker was deleted.
 */
export function ownedSheetsByKey(pkg: XlsxPackage): Map<OutputSheetKey, string> {
  const markers = pkg.definedNames.map((d) => ({
    name: d.name,
    reference: d.formula,
    scoped: d.localSheetId !== null,
  }));
  const owned = findOwnedSheets(
    markers,
    pkg.sheets.map((s) => s.name)
  ).owned;
  for (const [key, sheet] of reclaimedByPackage.get(pkg) ?? []) {
    if (!owned.has(key)) owned.set(key, sheet);
  }
  return owned;
}

/**
 * A deleted marker is harmless here as in the add-in: a sheet recognisably ours by its name and
 * first row (core/markers.ts `reclaimSheets`) is owned again, replaced and marked again. `rowsOf`
 * gives a candidate sheet's rows (from the grid already read, or read now).
 */
async function reclaim(
  pkg: XlsxPackage,
  rowsOf: (sheet: string) => Promise<SheetGrid["rows"]>
): Promise<void> {
  if (reclaimedByPackage.has(pkg)) return;
  const owned = ownedSheetsByKey(pkg);
  const candidates = reclaimCandidates(
    owned,
    pkg.sheets.map((s) => s.name)
  );
  const heads = [];
  for (const c of candidates) {
    heads.push({ key: c.key, name: c.sheet, firstRow: (await rowsOf(c.sheet))[0] ?? [] });
  }
  reclaimedByPackage.set(pkg, reclaimSheets(owned, heads));
}

/**
 * `ownedSheetsByKey` with the sheets of deleted markers reclaimed, for a package whose cells
 * were not read (the writer opens the file afresh): only the candidate sheets are read.
 */
export async function ownedSheetsReclaimed(pkg: XlsxPackage): Promise<Map<OutputSheetKey, string>> {
  await reclaim(pkg, async (name) => {
    const entry = pkg.sheets.find(
      (s): s is SheetEntry & { part: string } => s.name === name && s.part !== null
    );
    if (!entry) return [];
    return (await readSheet(pkg, entry, await readContext(pkg), () => undefined)).rows;
  });
  return ownedSheetsByKey(pkg);
}

/** Reads every worksheet of an opened package into a grid. */
export async function readPackageGrid(
  pkg: XlsxPackage,
  onProgress: ReadProgress = () => undefined
): Promise<ReadResult> {
  const context = await readContext(pkg);
  const worksheets = pkg.sheets.filter((s): s is SheetEntry & { part: string } => s.part !== null);
  const sheets: SheetGrid[] = [];
  for (const [index, entry] of worksheets.entries()) {
    const sheet = await readSheet(pkg, entry, context, (fraction) =>
      onProgress((index + Math.min(1, fraction)) / worksheets.length)
    );
    sheets.push(sheet);
    onProgress((index + 1) / worksheets.length);
  }
  await reclaim(pkg, async (name) => sheets.find((s) => s.name === name)?.rows ?? []);
  return {
    grid: { sheets, dateSystem: pkg.dateSystem },
    ownedSheets: [...ownedSheetsByKey(pkg).values()],
  };
}

/** Reads an .xlsx (path or bytes) into the core's grid. Throws FileProblem for unreadable files. */
export async function readWorkbookGrid(
  input: string | Uint8Array,
  onProgress?: ReadProgress
): Promise<ReadResult> {
  return readPackageGrid(await openPackage(input), onProgress);
}
