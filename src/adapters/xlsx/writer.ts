/**
 * Writes output sheets into an opened package: an output sheet that an earlier recalculation
 * created (found by its ownership marker, as the add-in finds it) is replaced where it stands and
 * renamed when the language changed; a new one is added at the end. Input sheets' parts are not
 * touched, so they keep every value, formula, format and style exactly.
 *
 * The package parts that must change (workbook, its relationships, `[Content_Types].xml`, the
 * styles) are edited as namespace-aware DOM documents (xml-dom.ts) and serialised once; what an
 * edit does not know is kept. Everything added is written in the package's conformance class.
 */

import { rename } from "node:fs/promises";
import type { OutputSheet } from "../../core/types";
import { chartXml, drawingXml } from "./charts";
import { FileProblem, describeError } from "./errors";
import {
  CONTENT_TYPE,
  CONTENT_TYPES_NS,
  CONTENT_TYPES_PART,
  PACKAGE_RELS_NS,
  type RelKind,
} from "./namespaces";
import {
  partDocument,
  readRelationships,
  relationshipsOf,
  type SheetEntry,
  type XlsxPackage,
} from "./package";
import { MARKER_PREFIX, MARKERS_HIDDEN } from "../../core/markers";
import { printTitleRow } from "../../core/report/print";
import { ownedSheetsByKey, ownedSheetsReclaimed, workbookPartOfKind } from "./reader";
import { worksheetXml } from "./sheet-writer";
import { StyleBook, minimalStyles } from "./styles-write";
import type { PartContent, PartStore } from "./parts";
import { PackageInvalid, WrittenPartsChecker, validatePackage } from "./validate";
import { ZipWriter, readZipDirectory } from "./zip";
import {
  attr,
  attrNS,
  childElements,
  createInScope,
  createLike,
  descendants,
  firstChildElement,
  insertInSequence,
  parseXml,
  rootElement,
  serializeXml,
  setAttrInScope,
  type Document,
  type Element,
} from "./xml-dom";
import {
  removeTemporaryFile,
  temporaryFileClosed,
  temporaryFileOpened,
  temporaryPathFor,
} from "./temporary-files";
import { relsPathOf, resolvePartPath } from "./xml";
import { quoteSheetName } from "../../core/a1";

/** The children of `workbook` that CT_Workbook puts after `definedNames`. */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/** The package-relative name of a part as `[Content_Types].xml` writes it: "/xl/a.xml". */
function partNameOf(part: string): string {
  return `/${part}`;
}

function samePartName(a: string, b: string): boolean {
  const norm = (name: string) => {
    const bare = name.startsWith("/") ? name.slice(1) : name;
    try {
      return decodeURIComponent(bare).toLowerCase();
    } catch {
      return bare.toLowerCase();
    }
  };
  return norm(a) === norm(b);
}

/** A relationship target from one part's folder to another part ("worksheets/sheet4.xml"). */
function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up: string[] = from.slice(common).map(() => "..");
  return up.concat(to.slice(common)).join("/");
}

/** A fresh relationships document (for a part we add). */
function newRelationships(
  rels: ReadonlyArray<{ id: string; type: string; target: string }>
): string {
  const doc = parseXml(`<Relationships xmlns="${PACKAGE_RELS_NS}"/>`, "rels");
  const root = rootElement(doc, "rels");
  for (const rel of rels) {
    const element = createLike(root, "Relationship");
    element.setAttribute("Id", rel.id);
    element.setAttribute("Type", rel.type);
    element.setAttribute("Target", rel.target);
    root.appendChild(element);
  }
  return serializeXml(doc);
}

class PackageEditor {
  private contentTypes!: Document;
  private workbookRels!: Document;
  private readonly usedParts = new Set<string>();

  constructor(readonly pkg: XlsxPackage) {}

  get parts(): PartStore {
    return this.pkg.parts;
  }

  async load(): Promise<void> {
    const { parts, path } = this.pkg;
    const contentTypes = await partDocument(parts, CONTENT_TYPES_PART, path);
    if (!contentTypes) throw new FileProblem("not-xlsx", path, `no ${CONTENT_TYPES_PART}`);
    this.contentTypes = contentTypes;
    this.workbookRels =
      (await partDocument(parts, relsPathOf(this.pkg.workbookPart), path)) ??
      parseXml(`<Relationships xmlns="${PACKAGE_RELS_NS}"/>`, "rels");
    for (const name of parts.names()) this.usedParts.add(name.toLowerCase());
  }

  /** A part path not yet in the package, e.g. xl/charts/chart3.xml. */
  freshPart(folder: string, stem: string): string {
    for (let n = 1; ; n++) {
      const path = `${folder}/${stem}${n}.xml`;
      if (!this.usedParts.has(path.toLowerCase())) {
        this.usedParts.add(path.toLowerCase());
        return path;
      }
    }
  }

  setPart(path: string, content: string | PartContent, contentType: string | null): void {
    this.parts.set(path, content);
    this.usedParts.add(path.toLowerCase());
    if (contentType) this.setOverride(path, contentType);
  }

  private overrides(): Element[] {
    return childElements(
      rootElement(this.contentTypes, CONTENT_TYPES_PART),
      CONTENT_TYPES_NS,
      "Override"
    );
  }

  private removeOverride(path: string): void {
    for (const override of this.overrides()) {
      if (samePartName(attr(override, "PartName") ?? "", path)) {
        override.parentNode?.removeChild(override);
      }
    }
  }

  private setOverride(path: string, contentType: string): void {
    this.removeOverride(path);
    const root = rootElement(this.contentTypes, CONTENT_TYPES_PART);
    const override = createInScope(root, CONTENT_TYPES_NS, "Override", "ct");
    override.setAttribute("PartName", partNameOf(path));
    override.setAttribute("ContentType", contentType);
    root.appendChild(override);
  }

  /** Makes sure `.rels` parts have their Default content type (every package has it; be sure). */
  ensureRelsDefault(): void {
    const root = rootElement(this.contentTypes, CONTENT_TYPES_PART);
    const defaults = childElements(root, CONTENT_TYPES_NS, "Default");
    if (defaults.some((d) => (attr(d, "Extension") ?? "").toLowerCase() === "rels")) return;
    const element = createInScope(root, CONTENT_TYPES_NS, "Default", "ct");
    element.setAttribute("Extension", "rels");
    element.setAttribute("ContentType", CONTENT_TYPE.relationships);
    root.insertBefore(element, root.firstChild);
  }

  private removeFile(path: string): void {
    this.parts.remove(path);
  }

  /**
   * Removes what hangs off a part we created (its drawing, charts and their relationships parts),
   * keeping the part itself to be rewritten.
   */
  async removeDependents(path: string): Promise<void> {
    const relsPath = relsPathOf(path);
    for (const rel of await readRelationships(this.parts, path, this.pkg.path)) {
      if (rel.external) continue;
      const target = resolvePartPath(path, rel.target);
      if (samePartName(target, path) || !this.parts.has(target)) continue;
      await this.removeDependents(target);
      this.removeFile(target);
      this.removeOverride(target);
    }
    this.removeFile(relsPath);
  }

  private workbookRelElements(): Element[] {
    return childElements(rootElement(this.workbookRels, "rels"), PACKAGE_RELS_NS, "Relationship");
  }

  /** Adds a relationship from the workbook part and returns its id. */
  addWorkbookRel(kind: RelKind, targetPart: string): string {
    const ids = new Set(this.workbookRelElements().map((r) => attr(r, "Id") ?? ""));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const root = rootElement(this.workbookRels, "rels");
    const element = createInScope(root, PACKAGE_RELS_NS, "Relationship", "pr");
    element.setAttribute("Id", id);
    element.setAttribute("Type", this.pkg.conformance.relType(kind));
    element.setAttribute("Target", relativeTarget(this.pkg.workbookPart, targetPart));
    root.appendChild(element);
    return id;
  }

  workbookRelTarget(kind: RelKind): string | null {
    const rel = relationshipsOf(this.workbookRels).find((r) => r.kind === kind && !r.external);
    return rel ? resolvePartPath(this.pkg.workbookPart, rel.target) : null;
  }

  /**
   * Drops the calculation chain when it lists a cell of a sheet being replaced: our sheets hold no
   * formulas, and Excel reports a chain entry without a formula as damage (it rebuilds a missing
   * chain silently). A chain that lists none of them is kept byte for byte.
   */
  async dropCalcChainIfItNames(sheetIds: ReadonlySet<number>): Promise<void> {
    if (sheetIds.size === 0) return;
    const part = this.workbookRelTarget("calcChain");
    if (!part || !this.parts.has(part)) return;
    const doc = await partDocument(this.parts, part, this.pkg.path);
    let sheet = 0;
    let names = false;
    for (const c of doc ? descendants(doc, this.pkg.conformance.main, "c") : []) {
      const i = attr(c, "i");
      if (i !== null) sheet = parseInt(i, 10);
      if (sheetIds.has(sheet)) {
        names = true;
        break;
      }
    }
    if (!names) return;
    this.removeFile(part);
    this.removeOverride(part);
    for (const rel of this.workbookRelElements()) {
      const target = resolvePartPath(this.pkg.workbookPart, attr(rel, "Target") ?? "");
      if (samePartName(target, part)) rel.parentNode?.removeChild(rel);
    }
  }

  save(): void {
    this.ensureRelsDefault();
    this.setRaw(CONTENT_TYPES_PART, serializeXml(this.contentTypes));
    this.setRaw(relsPathOf(this.pkg.workbookPart), serializeXml(this.workbookRels));
    this.setRaw(this.pkg.workbookPart, serializeXml(this.pkg.workbook));
  }

  private setRaw(path: string, text: string): void {
    this.parts.set(path, text);
  }
}

async function loadStyles(editor: PackageEditor): Promise<{ part: string; book: StyleBook }> {
  const { pkg } = editor;
  const part = editor.workbookRelTarget("styles");
  const doc = part ? await partDocument(pkg.parts, part, pkg.path) : null;
  if (part && doc) {
    const root = rootElement(doc, part);
    if (root.namespaceURI === pkg.conformance.main && root.localName === "styleSheet") {
      return { part: pkg.parts.find(part) ?? part, book: new StyleBook(doc) };
    }
    throw new FileProblem("corrupt", pkg.path, `${part} is not a SpreadsheetML styles part`);
  }
  // No styles part: add one under a name nothing else uses.
  const fresh = editor.freshPart("xl", "styles");
  editor.addWorkbookRel("styles", fresh);
  return { part: fresh, book: new StyleBook(minimalStyles(pkg.conformance)) };
}

/** Adds a sheet's drawing and chart parts; returns the drawing's relationship id from the sheet. */
function addCharts(editor: PackageEditor, sheet: OutputSheet, sheetPart: string): string | null {
  if (sheet.charts.length === 0) return null;
  const ns = editor.pkg.conformance;
  const drawingPart = editor.freshPart("xl/drawings", "drawing");
  const chartRels = sheet.charts.map((spec, i) => {
    const chartPart = editor.freshPart("xl/charts", "chart");
    editor.setPart(chartPart, chartXml(sheet, spec, ns), CONTENT_TYPE.chart);
    return {
      id: `rId${i + 1}`,
      type: ns.relType("chart"),
      target: relativeTarget(drawingPart, chartPart),
    };
  });
  editor.setPart(drawingPart, drawingXml(sheet.charts, ns), CONTENT_TYPE.drawing);
  editor.setPart(relsPathOf(drawingPart), newRelationships(chartRels), null);
  const sheetRel = {
    id: "rId1",
    type: ns.relType("drawing"),
    target: relativeTarget(sheetPart, drawingPart),
  };
  editor.setPart(relsPathOf(sheetPart), newRelationships([sheetRel]), null);
  return sheetRel.id;
}

function workbookRoot(pkg: XlsxPackage): Element {
  return rootElement(pkg.workbook, pkg.workbookPart);
}

/** The `<sheet>` element of a sheet entry (by its relationship id). */
function sheetElement(pkg: XlsxPackage, entry: SheetEntry): Element | null {
  const { main, officeRel } = pkg.conformance;
  for (const list of childElements(workbookRoot(pkg), main, "sheets")) {
    for (const element of childElements(list, main, "sheet")) {
      if ((attrNS(element, officeRel, "id") ?? "") === entry.relId) return element;
    }
  }
  return null;
}

function addSheetEntry(pkg: XlsxPackage, name: string, relId: string, part: string): SheetEntry {
  const { main, officeRel } = pkg.conformance;
  let sheetId = 0;
  for (const s of pkg.sheets) if (s.sheetId > sheetId) sheetId = s.sheetId;
  sheetId += 1;
  const list = firstChildElement(workbookRoot(pkg), main, "sheets");
  if (!list) throw new FileProblem("not-xlsx", pkg.path, "workbook part has no sheets");
  const element = createInScope(list, main, "sheet", "x");
  element.setAttribute("name", name);
  element.setAttribute("sheetId", String(sheetId));
  setAttrInScope(element, officeRel, "id", relId, "r");
  list.appendChild(element);
  const entry: SheetEntry = { name, sheetId, relId, part };
  pkg.sheets.push(entry);
  return entry;
}

/** Replaces every workbook-level `ChamberStats_*` defined name with markers for the sheets written. */
function setMarkers(pkg: XlsxPackage, written: readonly OutputSheet[]) {
  const { main } = pkg.conformance;
  const root = workbookRoot(pkg);
  let list = firstChildElement(root, main, "definedNames");
  for (const element of list ? childElements(list, main, "definedName") : []) {
    const name = attr(element, "name") ?? "";
    const local = attr(element, "localSheetId");
    if (local === null && name.toLowerCase().startsWith(MARKER_PREFIX.toLowerCase())) {
      list?.removeChild(element);
    }
  }
  if (!list) {
    list = createInScope(root, main, "definedNames", "x");
    insertInSequence(root, list, AFTER_DEFINED_NAMES);
  }
  for (const sheet of written) {
    const element = createInScope(list, main, "definedName", "x");
    element.setAttribute("name", `${MARKER_PREFIX}${sheet.key}`);
    // Hidden, as in the add-in: the markers are ours, not names a user should pick from.
    if (MARKERS_HIDDEN) element.setAttribute("hidden", "1");
    element.appendChild(pkg.workbook.createTextNode(`${quoteSheetName(sheet.name)}!$A$1`));
    list.appendChild(element);
  }
  setPrintTitles(pkg, list, written);
}

const PRINT_TITLES = "_xlnm.Print_Titles";

/**
 * The rows each written sheet repeats on every printed page: the built-in name
 * `_xlnm.Print_Titles`, local to the sheet (localSheetId is its 0-based place in `<sheets>`), as
 * whole rows ('会员增长'!$1:$1). A written sheet's earlier print titles are replaced; other
 * sheets' are kept.
 */
function setPrintTitles(pkg: XlsxPackage, list: Element, written: readonly OutputSheet[]): void {
  const { main } = pkg.conformance;
  const index = new Map(pkg.sheets.map((s, i) => [s.name, i]));
  const ours = new Set<string>();
  for (const sheet of written) {
    const i = index.get(sheet.name);
    if (i !== undefined) ours.add(String(i));
  }
  for (const element of childElements(list, main, "definedName")) {
    const local = attr(element, "localSheetId");
    if (attr(element, "name") === PRINT_TITLES && local !== null && ours.has(local)) {
      list.removeChild(element);
    }
  }
  for (const sheet of written) {
    const i = index.get(sheet.name);
    const row = printTitleRow(sheet);
    if (i === undefined || row === null) continue;
    const element = createInScope(list, main, "definedName", "x");
    element.setAttribute("name", PRINT_TITLES);
    element.setAttribute("localSheetId", String(i));
    element.appendChild(
      pkg.workbook.createTextNode(`${quoteSheetName(sheet.name)}!$${row}:$${row}`)
    );
    list.appendChild(element);
  }
}

/** The hidden name Excel keeps for a sheet's AutoFilter range (ECMA-376 §18.2.6, "_xlnm"). */
const FILTER_DATABASE = "_xlnm._FilterDatabase";

/**
 * Gives each written sheet with an AutoFilter the sheet-local hidden `_xlnm._FilterDatabase`
 * name Excel writes with it ("'校验结果'!$A$1:$F$120"), and drops the one a rewritten sheet had.
 */
function setFilterNames(pkg: XlsxPackage, sheets: readonly OutputSheet[]): void {
  const { main, officeRel } = pkg.conformance;
  const root = workbookRoot(pkg);
  const order = childElements(root, main, "sheets").flatMap((list) =>
    childElements(list, main, "sheet").map((e) => attrNS(e, officeRel, "id") ?? "")
  );
  const indexOf = (name: string): number => {
    const entry = pkg.sheets.find((s) => s.name === name);
    return entry === undefined ? -1 : order.indexOf(entry.relId);
  };
  const written = new Set(sheets.map((s) => String(indexOf(s.name))));
  let list = firstChildElement(root, main, "definedNames");
  for (const element of list ? childElements(list, main, "definedName") : []) {
    const local = attr(element, "localSheetId");
    if (attr(element, "name") === FILTER_DATABASE && local !== null && written.has(local)) {
      list?.removeChild(element);
    }
  }
  for (const sheet of sheets) {
    const index = indexOf(sheet.name);
    if (sheet.autoFilter === undefined || index < 0) continue;
    if (!list) {
      list = createInScope(root, main, "definedNames", "x");
      insertInSequence(root, list, AFTER_DEFINED_NAMES);
    }
    const absolute = sheet.autoFilter.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    const element = createInScope(list, main, "definedName", "x");
    element.setAttribute("name", FILTER_DATABASE);
    element.setAttribute("localSheetId", String(index));
    element.setAttribute("hidden", "1");
    element.appendChild(pkg.workbook.createTextNode(`${quoteSheetName(sheet.name)}!${absolute}`));
    list.appendChild(element);
  }
}

/**
 * Writes the output sheets into the package. The sheet a marker names for a key is that key's
 * sheet: replaced, and renamed when the core chose another name (another language). A sheet of
 * the same name that no marker names is the user's, and the core never picks its name.
 */
export async function writeOutputSheets(
  pkg: XlsxPackage,
  sheets: readonly OutputSheet[]
): Promise<void> {
  const owned = await ownedSheetsReclaimed(pkg);
  const ownedNames = new Set(owned.values());
  const editor = new PackageEditor(pkg);
  await editor.load();
  const styles = await loadStyles(editor);
  const replacedIds = new Set<number>();
  const lower = (name: string) => name.toLowerCase();
  for (const sheet of sheets) {
    const ownedName = owned.get(sheet.key);
    const current =
      ownedName === undefined ? undefined : pkg.sheets.find((s) => s.name === ownedName);
    const clash = pkg.sheets.find(
      (s) => lower(s.name) === lower(sheet.name) && s !== current && !ownedNames.has(s.name)
    );
    if (clash) throw new Error(`refusing to overwrite the user's sheet "${sheet.name}"`);
    let part: string;
    if (current?.part) {
      part = pkg.parts.find(current.part) ?? current.part;
      await editor.removeDependents(part);
      replacedIds.add(current.sheetId);
      if (current.name !== sheet.name) {
        sheetElement(pkg, current)?.setAttribute("name", sheet.name);
        pkg.sheets[pkg.sheets.indexOf(current)] = { ...current, name: sheet.name };
      }
    } else {
      part = editor.freshPart("xl/worksheets", "sheet");
      const relId = editor.addWorkbookRel("worksheet", part);
      addSheetEntry(pkg, sheet.name, relId, part);
    }
    const drawingRelId = addCharts(editor, sheet, part);
    const xml = worksheetXml(sheet, styles.book, pkg.dateSystem, drawingRelId, pkg.conformance);
    editor.setPart(part, xml, CONTENT_TYPE.worksheet);
  }
  await editor.dropCalcChainIfItNames(replacedIds);
  editor.setPart(styles.part, styles.book.toXml(), CONTENT_TYPE.styles);
  setMarkers(pkg, sheets);
  setFilterNames(pkg, sheets);
  editor.save();
}

/** The file just written reads back as a zip holding every part of the package, in order. */
async function verifyWritten(path: string, pkg: XlsxPackage): Promise<void> {
  let got: string[];
  try {
    got = (await readZipDirectory(path)).map((e) => e.name);
  } catch (error) {
    throw new PackageInvalid([`the written file is not a zip: ${describeError(error)}`]);
  }
  const wanted = pkg.parts.names();
  if (wanted.length !== got.length || wanted.some((name, i) => got[i] !== name)) {
    throw new PackageInvalid([`the written file holds other parts than the package`]);
  }
}

/**
 * Saves the package to `outPath` through a temporary file in the same folder. The package's
 * structure is validated first (validate.ts), every part we wrote is parsed again as it is
 * deflated, and the temporary file replaces `outPath` (with `--in-place`, the user's own
 * workbook) only once it is completely written and reads back as the same package. A failure at
 * any point leaves `outPath` as it was.
 */
export async function savePackage(
  pkg: XlsxPackage,
  outPath: string,
  onProgress: (fraction: number) => void = () => undefined
): Promise<void> {
  const saving = await PackageSaving.begin(pkg, outPath);
  await saving.finish(onProgress);
}

/**
 * The parts a recalculation reads and never writes: the worksheets of the user's sheets (not the
 * output sheets, found by their markers) and the shared strings. They are nearly all of a large
 * workbook's bytes, which is why `PackageSaving.begin` can copy them while the core runs.
 */
export async function partsNeverWritten(pkg: XlsxPackage): Promise<string[]> {
  const owned = new Set(ownedSheetsByKey(pkg).values());
  const parts = pkg.sheets.flatMap((s) => (s.part !== null && !owned.has(s.name) ? [s.part] : []));
  const sharedStrings = await workbookPartOfKind(pkg, "sharedStrings");
  if (sharedStrings !== null) parts.push(sharedStrings);
  return parts;
}

/**
 * A save in two steps (savePackage takes both at once). `begin` creates the temporary file and,
 * given parts nothing will write (partsNeverWritten), copies them into it on the thread pool while
 * the caller goes on (the core runs on this thread meanwhile); `finish` validates the package,
 * writes the rest after them, checks the file and replaces `outPath` with it. Should one of the
 * parts copied ahead be written after all, `finish` starts the file again without them. `abort`
 * removes the temporary file; a failure in `finish` does so itself. Until `finish` has renamed
 * it, `outPath` is as it was.
 */
export class PackageSaving {
  private constructor(
    private readonly pkg: XlsxPackage,
    private readonly outPath: string,
    private readonly temp: string,
    private writer: ZipWriter,
    /** The copy of the parts copied ahead: the error it ended in, or null. */
    private readonly ahead: Promise<unknown>
  ) {}

  static async begin(
    pkg: XlsxPackage,
    outPath: string,
    copyAhead: readonly string[] = []
  ): Promise<PackageSaving> {
    const temp = temporaryPathFor(outPath);
    // listed before it exists: a signal between its creation and the listing would miss it
    temporaryFileOpened(temp);
    let writer: ZipWriter;
    try {
      writer = await createWriter(temp, outPath);
    } catch (error) {
      temporaryFileClosed(temp); // nothing was created
      throw error;
    }
    let ahead: Promise<unknown> = Promise.resolve(null);
    try {
      if (copyAhead.length > 0) {
        ahead = pkg.parts.copyAhead(writer, copyAhead).then(
          () => null,
          (error: unknown) => error ?? new Error("copy failed")
        );
      }
    } catch (error) {
      await writer.abort();
      await removeTemporaryFile(temp);
      throw error;
    }
    return new PackageSaving(pkg, outPath, temp, writer, ahead);
  }

  async finish(onProgress: (fraction: number) => void = () => undefined): Promise<void> {
    const { pkg, temp } = this;
    try {
      await validatePackage(pkg);
      const aheadError = await this.ahead;
      if (aheadError !== null) throw aheadError;
      if (pkg.parts.aheadSpoiled) {
        // a part copied ahead was written after all: the file starts again, in the usual order
        await this.writer.abort();
        pkg.parts.endAhead();
        this.writer = await createWriter(temp, this.outPath);
      }
      const checker = new WrittenPartsChecker();
      await pkg.parts.writeTo(this.writer, (name, chunk) => checker.feed(name, chunk), onProgress);
      checker.finish();
      await this.writer.close();
      await verifyWritten(temp, pkg);
      await rename(temp, this.outPath).catch((error: unknown) => {
        throw new FileProblem("unwritable", this.outPath, describeError(error));
      });
      temporaryFileClosed(temp);
    } catch (error) {
      await this.abort();
      if (isFileSystemError(error)) {
        throw new FileProblem("unwritable", this.outPath, describeError(error));
      }
      throw error;
    } finally {
      pkg.parts.endAhead();
    }
  }

  /** Gives the save up: the temporary file is removed, `outPath` left as it was. */
  async abort(): Promise<void> {
    await this.ahead;
    await this.writer.abort();
    await removeTemporaryFile(this.temp);
    this.pkg.parts.endAhead();
  }
}

async function createWriter(temp: string, outPath: string): Promise<ZipWriter> {
  try {
    return await ZipWriter.create(temp);
  } catch (error) {
    throw new FileProblem("unwritable", outPath, describeError(error));
  }
}

/** An error of the file system (ENOSPC, EACCES, …), as opposed to one of ours. */
function isFileSystemError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^E[A-Z]+$/.test(code);
}
