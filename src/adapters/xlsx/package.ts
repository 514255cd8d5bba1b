/**
 * An .xlsx file opened as its zip of parts: the workbook's sheet list, date system and defined
 * names, ready to be read sheet by sheet and edited part by part. Input sheets are never
 * re-serialised: the writer only adds or replaces the parts of output sheets, so every input
 * sheet leaves the way it came in, byte for byte.
 *
 * The small parts (workbook, relationships, content types) are read with a namespace-aware DOM
 * (xml-dom.ts), so any serialisation of them reads the same: either quote, any prefix, namespace
 * declarations anywhere, UTF-8 or UTF-16, and the strict or transitional conformance class.
 */
import { Buffer } from "node:buffer";
import { readFile, stat } from "node:fs/promises";
import type { DateSystem } from "../../core/types";
import { FileProblem, describeError } from "./errors";
import {
  CONTENT_TYPES_PART,
  PACKAGE_RELS_NS,
  conformanceOfMain,
  relKindOf,
  type Conformance,
  type RelKind,
} from "./namespaces";
import {
  XmlPartError,
  attr,
  attrNS,
  childElements,
  descendants,
  firstChildElement,
  parseXml,
  rootElement,
  type Document,
} from "./xml-dom";
import { PartStore } from "./parts";
import { relsPathOf, resolvePartPath } from "./xml";
import { ZipArchive, ZipError } from "./zip";

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  /** The worksheet part, e.g. "xl/worksheets/sheet1.xml"; null for a chart sheet or dialog sheet. */
  readonly part: string | null;
}

export interface DefinedName {
  readonly name: string;
  readonly localSheetId: number | null;
  readonly formula: string;
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The kind of a known OOXML relationship type (either conformance class); null otherwise. */
  readonly kind: RelKind | null;
  readonly target: string;
  readonly external: boolean;
}

export interface XlsxPackage {
  /** Where it was read from ("" for a buffer). */
  readonly path: string;
  /** The parts: the input's zip entries with what the writer changes laid over them. */
  readonly parts: PartStore;
  readonly workbookPart: string;
  /** Transitional or strict: what the workbook part's namespace says. */
  readonly conformance: Conformance;
  /** The workbook part, parsed; the writer edits it and serialises it back. */
  readonly workbook: Document;
  readonly sheets: SheetEntry[];
  readonly dateSystem: DateSystem;
  readonly definedNames: DefinedName[];
}

const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** True when an OLE2 container holds an `EncryptionInfo` stream: an encrypted Office file. */
function isEncryptedOle2(bytes: Uint8Array): boolean {
  const needle = Buffer.from("EncryptionInfo", "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** Text that a person would call a CSV or text file: no NUL bytes and mostly printable. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  if (sample.length === 0) return true;
  if (sample.includes(0)) return false;
  const text = Buffer.from(sample).toString("utf8");
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  const bad = (text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  return bad / text.length < 0.02;
}

/** Decides what a file that is not a zip is, and throws the matching FileProblem. */
function rejectNonZip(bytes: Uint8Array, path: string): never {
  if (startsWith(bytes, OLE2_SIGNATURE)) {
    if (isEncryptedOle2(bytes)) throw new FileProblem("encrypted", path, "");
    throw new FileProblem("xls", path, "");
  }
  if (/\.(csv|tsv|txt)$/i.test(path) || looksLikeText(bytes)) {
    throw new FileProblem("csv", path, "");
  }
  throw new FileProblem("not-xlsx", path, "");
}

async function readInputBytes(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new FileProblem("directory", path, "");
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new FileProblem("missing", path, "");
    throw new FileProblem("unreadable", path, describeError(error));
  }
  try {
    return await readFile(path);
  } catch (error) {
    throw new FileProblem("unreadable", path, describeError(error));
  }
}

function loadZip(bytes: Uint8Array, path: string): PartStore {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) rejectNonZip(bytes, path);
  try {
    return new PartStore(ZipArchive.open(bytes));
  } catch (error) {
    throw new FileProblem("corrupt", path, describeError(error));
  }
}

/** The bytes of a part, or null when the package has no such part; corrupt when damaged. */
export async function partBytes(parts: PartStore, part: string, path = ""): Promise<Buffer | null> {
  try {
    return await parts.bytes(part);
  } catch (error) {
    if (error instanceof ZipError) throw new FileProblem("corrupt", path, describeError(error));
    throw error;
  }
}

/** A part parsed as XML, or null when the package has no such part; corrupt when it is not XML. */
export async function partDocument(
  parts: PartStore,
  part: string,
  path = ""
): Promise<Document | null> {
  const bytes = await partBytes(parts, part, path);
  if (bytes === null) return null;
  try {
    return parseXml(bytes, part);
  } catch (error) {
    if (error instanceof XmlPartError) throw new FileProblem("corrupt", path, error.message);
    throw error;
  }
}

/** The relationships of a relationships document. */
export function relationshipsOf(doc: Document | null): Relationship[] {
  if (!doc?.documentElement) return [];
  return childElements(doc.documentElement, PACKAGE_RELS_NS, "Relationship").map((element) => {
    const type = attr(element, "Type") ?? "";
    return {
      id: attr(element, "Id") ?? "",
      type,
      kind: relKindOf(type),
      target: attr(element, "Target") ?? "",
      external: attr(element, "TargetMode") === "External",
    };
  });
}

/** The relationships a part has (its `_rels/….rels` part), [] when it has none. */
export async function readRelationships(
  parts: PartStore,
  ownerPart: string,
  path = ""
): Promise<Relationship[]> {
  return relationshipsOf(await partDocument(parts, relsPathOf(ownerPart), path));
}

async function findWorkbookPart(parts: PartStore, path: string): Promise<string> {
  const main = (await readRelationships(parts, "", path)).find(
    (r) => r.kind === "officeDocument" && !r.external
  );
  const part = parts.find(main ? resolvePartPath("", main.target) : "xl/workbook.xml");
  if (part !== null) return part;
  if (parts.has("mimetype")) {
    const mimetype = ((await partBytes(parts, "mimetype", path)) ?? Buffer.alloc(0)).toString();
    if (mimetype.includes("opendocument")) throw new FileProblem("ods", path, "");
  }
  throw new FileProblem("not-xlsx", path, "no workbook part");
}

function parseSheets(
  doc: Document,
  conformance: Conformance,
  rels: readonly Relationship[],
  workbookPart: string
): SheetEntry[] {
  const root = doc.documentElement;
  if (!root) return [];
  const sheets: SheetEntry[] = [];
  for (const list of childElements(root, conformance.main, "sheets")) {
    for (const element of childElements(list, conformance.main, "sheet")) {
      const relId = attrNS(element, conformance.officeRel, "id") ?? "";
      const rel = rels.find((r) => r.id === relId);
      sheets.push({
        name: attr(element, "name") ?? "",
        sheetId: parseInt(attr(element, "sheetId") ?? "0", 10) || 0,
        relId,
        part:
          rel && rel.kind === "worksheet" && !rel.external
            ? resolvePartPath(workbookPart, rel.target)
            : null,
      });
    }
  }
  return sheets;
}

/** The xsd:boolean of an attribute: "1"/"true" (surrounding white space allowed). */
export function isTrue(value: string | null): boolean {
  const v = value?.trim();
  return v === "1" || v === "true";
}

function parseDateSystem(doc: Document, conformance: Conformance): DateSystem {
  const root = doc.documentElement;
  const pr = root ? firstChildElement(root, conformance.main, "workbookPr") : null;
  return pr && isTrue(attr(pr, "date1904")) ? 1904 : 1900;
}

function parseDefinedNames(doc: Document, conformance: Conformance): DefinedName[] {
  return descendants(doc, conformance.main, "definedName").map((element) => {
    const local = attr(element, "localSheetId");
    return {
      name: attr(element, "name") ?? "",
      localSheetId: local === null ? null : parseInt(local, 10),
      formula: element.textContent ?? "",
    };
  });
}

/** The conformance class of a workbook part, from its root element's namespace. */
function workbookConformance(doc: Document, part: string, path: string): Conformance {
  const root = rootElement(doc, part);
  const conformance = conformanceOfMain(root.namespaceURI);
  if (!conformance || root.localName !== "workbook") {
    throw new FileProblem("not-xlsx", path, `${part} is not a SpreadsheetML workbook`);
  }
  return conformance;
}

/** Opens an .xlsx from a path or from its bytes. Throws FileProblem for anything that is not a readable .xlsx. */
export async function openPackage(input: string | Uint8Array): Promise<XlsxPackage> {
  const path = typeof input === "string" ? input : "";
  const bytes = typeof input === "string" ? await readInputBytes(input) : input;
  const parts = loadZip(bytes, path);
  if (!parts.has(CONTENT_TYPES_PART)) {
    throw new FileProblem("not-xlsx", path, `no ${CONTENT_TYPES_PART}`);
  }
  const workbookPart = await findWorkbookPart(parts, path);
  const workbook = await partDocument(parts, workbookPart, path);
  if (!workbook) throw new FileProblem("not-xlsx", path, "no workbook part");
  const conformance = workbookConformance(workbook, workbookPart, path);
  const rels = await readRelationships(parts, workbookPart, path);
  const sheets = parseSheets(workbook, conformance, rels, workbookPart);
  if (sheets.length === 0) throw new FileProblem("not-xlsx", path, "no sheets");
  return {
    path,
    parts,
    workbookPart,
    conformance,
    workbook,
    sheets,
    dateSystem: parseDateSystem(workbook, conformance),
    definedNames: parseDefinedNames(workbook, conformance),
  };
}
