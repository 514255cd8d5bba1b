/**
 * An .xlsx file opened as its zip of parts: the workbook's sheet list, date system and defined
 * names, ready to be read sheet by sheet and edited part by part. Input sheets are never
 * re-serialised: the writer only adds or replaces the parts of output sheets, so every input
 * sheet leaves the way it came in, byte for byte.
 */
import { Buffer } from "node:buffer";
import { readFile, stat } from "node:fs/promises";
import JSZip from "jszip";
import type { DateSystem } from "../../core/types";
import { FileProblem, describeError } from "./errors";
import {
  decodeXml,
  elements,
  parseAttributes,
  parseRelationships,
  relsPathOf,
  resolvePartPath,
  type Relationship,
} from "./xml";

export const REL_WORKSHEET =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const REL_OFFICE_DOCUMENT =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

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

export interface XlsxPackage {
  /** Where it was read from ("" for a buffer). */
  readonly path: string;
  readonly zip: JSZip;
  readonly workbookPart: string;
  workbookXml: string;
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

async function loadZip(bytes: Uint8Array, path: string): Promise<JSZip> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) rejectNonZip(bytes, path);
  try {
    return await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (error) {
    throw new FileProblem("corrupt", path, describeError(error));
  }
}

/** The text of a part, or null when the package has no such part. */
export async function partText(zip: JSZip, part: string, path = ""): Promise<string | null> {
  const file = zip.file(part);
  if (!file) return null;
  try {
    return await file.async("string");
  } catch (error) {
    throw new FileProblem("corrupt", path, `${part}: ${describeError(error)}`);
  }
}

async function findWorkbookPart(zip: JSZip, path: string): Promise<string> {
  const rootRels = await partText(zip, "_rels/.rels", path);
  const main = rootRels
    ? parseRelationships(rootRels).find((r) => r.type === REL_OFFICE_DOCUMENT)
    : undefined;
  const part = main ? resolvePartPath("", main.target) : "xl/workbook.xml";
  if (zip.file(part)) return part;
  if (zip.file("mimetype") && (await partText(zip, "mimetype", path))?.includes("opendocument")) {
    throw new FileProblem("ods", path, "");
  }
  throw new FileProblem("not-xlsx", path, "no workbook part");
}

function parseSheets(workbookXml: string, rels: readonly Relationship[], workbookPart: string) {
  const sheets: SheetEntry[] = [];
  for (const element of elements(workbookXml, "sheet")) {
    const relId = element.attributes.get("r:id") ?? element.attributes.get("id") ?? "";
    const rel = rels.find((r) => r.id === relId);
    sheets.push({
      name: element.attributes.get("name") ?? "",
      sheetId: parseInt(element.attributes.get("sheetId") ?? "0", 10),
      relId,
      part:
        rel && rel.type === REL_WORKSHEET && !rel.external
          ? resolvePartPath(workbookPart, rel.target)
          : null,
    });
  }
  return sheets;
}

function parseDateSystem(workbookXml: string): DateSystem {
  const pr = /<(?:[\w.-]+:)?workbookPr\b([^>]*)>/.exec(workbookXml);
  const value = pr ? parseAttributes(pr[1] ?? "").get("date1904") : undefined;
  return value === "1" || value === "true" ? 1904 : 1900;
}

function parseDefinedNames(workbookXml: string): DefinedName[] {
  return [...elements(workbookXml, "definedName")].map((element) => {
    const local = element.attributes.get("localSheetId");
    return {
      name: element.attributes.get("name") ?? "",
      localSheetId: local === undefined ? null : parseInt(local, 10),
      formula: decodeXml(element.inner),
    };
  });
}

/** Opens an .xlsx from a path or from its bytes. Throws FileProblem for anything that is not a readable .xlsx. */
export async function openPackage(input: string | Uint8Array): Promise<XlsxPackage> {
  const path = typeof input === "string" ? input : "";
  const bytes = typeof input === "string" ? await readInputBytes(input) : input;
  const zip = await loadZip(bytes, path);
  const workbookPart = await findWorkbookPart(zip, path);
  const workbookXml = (await partText(zip, workbookPart, path)) ?? "";
  const relsText = (await partText(zip, relsPathOf(workbookPart), path)) ?? "";
  const sheets = parseSheets(workbookXml, parseRelationships(relsText), workbookPart);
  if (sheets.length === 0) throw new FileProblem("not-xlsx", path, "no sheets");
  return {
    path,
    zip,
    workbookPart,
    workbookXml,
    sheets,
    dateSystem: parseDateSystem(workbookXml),
    definedNames: parseDefinedNames(workbookXml),
  };
}
