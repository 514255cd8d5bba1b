/**
 * Writes output sheets into an opened package: an output sheet that an earlier recalculation
 * created is replaced where it stands; a new one is added at the end. Input sheets' parts are
 * not touched, so they keep every value, formula, format and style exactly.
 */
import process from "node:process";
import { Buffer } from "node:buffer";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { basename, dirname, join } from "node:path";
import type { OutputSheet } from "../../core/types";
import { chartXml, drawingXml } from "./charts";
import { FileProblem, describeError } from "./errors";
import { REL_WORKSHEET, partText, type SheetEntry, type XlsxPackage } from "./package";
import { MARKER_PREFIX, ownedSheetNames } from "./reader";
import { worksheetXml } from "./sheet-writer";
import { MINIMAL_STYLES_XML, StyleBook } from "./styles-write";
import {
  escapeXml,
  parseRelationships,
  quoteSheetName,
  relsPathOf,
  resolvePartPath,
  rootPrefix,
} from "./xml";

const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_STYLES = `${REL_BASE}/styles`;
const REL_DRAWING = `${REL_BASE}/drawing`;
const REL_CHART = `${REL_BASE}/chart`;
const REL_CALC_CHAIN = `${REL_BASE}/calcChain`;
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const CONTENT_TYPES = "[Content_Types].xml";

function relsXml(rels: ReadonlyArray<{ id: string; type: string; target: string }>): string {
  const items = rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}">${items}</Relationships>`;
}

/** Inserts `xml` just before the closing tag of the root element `localName`. */
function insertBeforeClose(text: string, localName: string, xml: string): string {
  const match = new RegExp(
    `</(?:[\\w.-]+:)?${localName}\\s*>(?![\\s\\S]*</(?:[\\w.-]+:)?${localName}\\s*>)`
  ).exec(text);
  if (!match) throw new Error(`no </${localName}> to insert before`);
  return text.slice(0, match.index) + xml + text.slice(match.index);
}

/** The package-relative path of a part ("xl/charts/chart1.xml") from a content-type part name. */
function partNameOf(part: string): string {
  return `/${part}`;
}

class PackageEditor {
  private contentTypes = "";
  private workbookRels = "";
  private readonly usedParts = new Set<string>();

  constructor(private readonly pkg: XlsxPackage) {}

  async load(): Promise<void> {
    this.contentTypes = (await partText(this.pkg.zip, CONTENT_TYPES, this.pkg.path)) ?? "";
    this.workbookRels =
      (await partText(this.pkg.zip, relsPathOf(this.pkg.workbookPart), this.pkg.path)) ?? "";
    this.pkg.zip.forEach((path) => this.usedParts.add(path));
  }

  /** A part path not yet in the package, e.g. xl/charts/chart3.xml. */
  freshPart(folder: string, stem: string): string {
    for (let n = 1; ; n++) {
      const path = `${folder}/${stem}${n}.xml`;
      if (!this.usedParts.has(path)) {
        this.usedParts.add(path);
        return path;
      }
    }
  }

  setPart(path: string, content: string | Buffer, contentType: string | null): void {
    this.pkg.zip.file(path, content);
    this.usedParts.add(path);
    if (contentType) this.setOverride(path, contentType);
  }

  private setOverride(path: string, contentType: string): void {
    const partName = escapeXml(partNameOf(path));
    const existing = new RegExp(
      `<(?:[\\w.-]+:)?Override\\b[^>]*PartName="${partName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`,
      "i"
    );
    this.contentTypes = this.contentTypes.replace(existing, "");
    const prefix = rootPrefix(this.contentTypes, "Types");
    this.contentTypes = insertBeforeClose(
      this.contentTypes,
      "Types",
      `<${prefix}Override PartName="${partName}" ContentType="${contentType}"/>`
    );
  }

  /** Removes a part, its relationships part and every part reachable from those relationships. */
  async removePartTree(path: string): Promise<void> {
    const relsPath = relsPathOf(path);
    const rels = await partText(this.pkg.zip, relsPath, this.pkg.path);
    if (rels) {
      for (const rel of parseRelationships(rels)) {
        if (rel.external) continue;
        const target = resolvePartPath(path, rel.target);
        if (target !== path && this.pkg.zip.file(target)) await this.removePartTree(target);
      }
      this.pkg.zip.remove(relsPath);
    }
    this.pkg.zip.remove(path);
    const partName = partNameOf(path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    this.contentTypes = this.contentTypes.replace(
      new RegExp(`<(?:[\\w.-]+:)?Override\\b[^>]*PartName="${partName}"[^>]*/>`, "i"),
      ""
    );
  }

  /** Adds a relationship from the workbook part and returns its id. */
  addWorkbookRel(type: string, targetPart: string): string {
    const ids = new Set(parseRelationships(this.workbookRels).map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const target = relativeTarget(this.pkg.workbookPart, targetPart);
    const prefix = rootPrefix(this.workbookRels, "Relationships");
    this.workbookRels = insertBeforeClose(
      this.workbookRels,
      "Relationships",
      `<${prefix}Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`
    );
    return id;
  }

  /** Drops the calculation chain (Excel rebuilds it) when a replaced sheet might be in it. */
  async dropCalcChain(): Promise<void> {
    const rel = parseRelationships(this.workbookRels).find((r) => r.type === REL_CALC_CHAIN);
    if (!rel) return;
    await this.removePartTree(resolvePartPath(this.pkg.workbookPart, rel.target));
    this.workbookRels = this.workbookRels.replace(
      new RegExp(`<(?:[\\w.-]+:)?Relationship\\b[^>]*Id="${rel.id}"[^>]*/>`),
      ""
    );
  }

  workbookRelTarget(type: string): string | null {
    const rel = parseRelationships(this.workbookRels).find((r) => r.type === type);
    return rel ? resolvePartPath(this.pkg.workbookPart, rel.target) : null;
  }

  save(): void {
    this.pkg.zip.file(CONTENT_TYPES, this.contentTypes);
    this.pkg.zip.file(relsPathOf(this.pkg.workbookPart), this.workbookRels);
    this.pkg.zip.file(this.pkg.workbookPart, this.pkg.workbookXml);
  }
}

/** A relationship target from one part's folder to another part ("worksheets/sheet4.xml"). */
function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

async function loadStyles(editor: PackageEditor, pkg: XlsxPackage) {
  const part = editor.workbookRelTarget(REL_STYLES);
  const xml = part ? await partText(pkg.zip, part, pkg.path) : null;
  if (part && xml) return { part, book: new StyleBook(xml) };
  const fresh = "xl/styles.xml";
  editor.addWorkbookRel(REL_STYLES, fresh);
  return { part: fresh, book: new StyleBook(MINIMAL_STYLES_XML) };
}

/** Adds a sheet's drawing and chart parts; returns the sheet's relationships. */
function addCharts(editor: PackageEditor, sheet: OutputSheet, sheetPart: string) {
  if (sheet.charts.length === 0) return null;
  const drawingPart = editor.freshPart("xl/drawings", "drawing");
  const chartRels = sheet.charts.map((spec, i) => {
    const chartPart = editor.freshPart("xl/charts", "chart");
    editor.setPart(chartPart, chartXml(sheet, spec), CT_CHART);
    return { id: `rId${i + 1}`, type: REL_CHART, target: relativeTarget(drawingPart, chartPart) };
  });
  editor.setPart(drawingPart, drawingXml(sheet.charts), CT_DRAWING);
  editor.setPart(relsPathOf(drawingPart), relsXml(chartRels), null);
  const sheetRel = {
    id: "rId1",
    type: REL_DRAWING,
    target: relativeTarget(sheetPart, drawingPart),
  };
  editor.setPart(relsPathOf(sheetPart), relsXml([sheetRel]), null);
  return sheetRel.id;
}

function addSheetEntry(pkg: XlsxPackage, name: string, relId: string): SheetEntry {
  const sheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId)) + 1;
  const prefix = rootPrefix(pkg.workbookXml, "workbook");
  const rPrefix =
    /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
      pkg.workbookXml
    )?.[1];
  const relAttribute = rPrefix
    ? `${rPrefix}:id="${relId}"`
    : `xmlns:r="${REL_BASE}" r:id="${relId}"`;
  pkg.workbookXml = insertBeforeClose(
    pkg.workbookXml,
    "sheets",
    `<${prefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${relAttribute}/>`
  );
  const entry: SheetEntry = { name, sheetId, relId, part: null };
  pkg.sheets.push(entry);
  return entry;
}

/** Replaces every `ChamberStats_*` defined name with markers for the sheets just written. */
function setMarkers(pkg: XlsxPackage, written: readonly OutputSheet[]): void {
  const prefix = rootPrefix(pkg.workbookXml, "workbook");
  let xml = pkg.workbookXml.replace(
    new RegExp(
      `<((?:[\\w.-]+:)?definedName)\\b[^>]*name="${MARKER_PREFIX}[^"]*"[^>]*>[\\s\\S]*?</\\1\\s*>`,
      "gi"
    ),
    ""
  );
  const names = written
    .map(
      (sheet) =>
        `<${prefix}definedName name="${MARKER_PREFIX}${sheet.key}">${escapeXml(`${quoteSheetName(sheet.name)}!$A$1`)}</${prefix}definedName>`
    )
    .join("");
  if (/<(?:[\w.-]+:)?definedNames\b[^>]*>/.test(xml)) {
    xml = insertBeforeClose(xml, "definedNames", names);
  } else {
    const after =
      /<\/(?:[\w.-]+:)?(?:externalReferences|functionGroups|sheets)\s*>|<(?:[\w.-]+:)?functionGroups\b[^>]*\/>/g;
    let at = -1;
    for (let m = after.exec(xml); m; m = after.exec(xml)) at = m.index + m[0].length;
    if (at < 0) throw new Error("workbook part has no </sheets>");
    xml = `${xml.slice(0, at)}<${prefix}definedNames>${names}</${prefix}definedNames>${xml.slice(at)}`;
  }
  xml = xml.replace(/<((?:[\w.-]+:)?definedNames)\b[^>]*>\s*<\/\1\s*>/, "");
  pkg.workbookXml = xml;
}

/**
 * Writes the output sheets into the package. A sheet of the same name must be one an earlier
 * recalculation created (the core renames around users' sheets); anything else is refused.
 */
export async function writeOutputSheets(
  pkg: XlsxPackage,
  sheets: readonly OutputSheet[]
): Promise<void> {
  const owned = new Set(ownedSheetNames(pkg));
  const editor = new PackageEditor(pkg);
  await editor.load();
  const styles = await loadStyles(editor, pkg);
  let replacedAny = false;
  for (const sheet of sheets) {
    let entry = pkg.sheets.find((s) => s.name === sheet.name);
    if (entry && !owned.has(entry.name)) {
      throw new Error(`refusing to overwrite the user's sheet "${sheet.name}"`);
    }
    let part: string;
    if (entry?.part) {
      part = entry.part;
      await editor.removePartTree(part);
      replacedAny = true;
    } else {
      part = editor.freshPart("xl/worksheets", "sheet");
      if (entry) {
        throw new Error(`sheet "${sheet.name}" is not a worksheet and cannot be replaced`);
      }
      const relId = editor.addWorkbookRel(REL_WORKSHEET, part);
      entry = addSheetEntry(pkg, sheet.name, relId);
      const index = pkg.sheets.indexOf(entry);
      pkg.sheets[index] = { ...entry, part };
    }
    const drawingRelId = addCharts(editor, sheet, part);
    const xml = Buffer.concat(worksheetXml(sheet, styles.book, pkg.dateSystem, drawingRelId));
    editor.setPart(part, xml, CT_WORKSHEET);
  }
  if (replacedAny) await editor.dropCalcChain();
  editor.setPart(styles.part, styles.book.toXml(), CT_STYLES);
  setMarkers(pkg, sheets);
  editor.save();
}

/**
 * Saves the package to `outPath` through a temporary file in the same folder, so that a failed
 * write never leaves half a workbook (and `--in-place` never loses the original).
 */
export async function savePackage(
  pkg: XlsxPackage,
  outPath: string,
  onProgress: (fraction: number) => void = () => undefined
): Promise<void> {
  const temp = join(dirname(outPath), `.${basename(outPath)}.${process.pid}.tmp`);
  const unwritable = (error: unknown) =>
    new FileProblem("unwritable", outPath, describeError(error));
  const out = createWriteStream(temp);
  try {
    await once(out, "open");
  } catch (error) {
    throw unwritable(error);
  }
  const zipStream = pkg.zip.generateNodeStream(
    {
      type: "nodebuffer",
      streamFiles: true,
      compression: "DEFLATE",
      compressionOptions: { level: 6 },
    },
    (meta) => onProgress(meta.percent / 100)
  );
  const written = new Promise<void>((resolve, reject) => {
    zipStream.on("error", reject);
    out.on("error", (error) => reject(unwritable(error)));
    out.on("finish", resolve);
  });
  zipStream.pipe(out);
  try {
    await written;
    await rename(temp, outPath).catch((error: unknown) => {
      throw unwritable(error);
    });
  } catch (error) {
    out.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}
