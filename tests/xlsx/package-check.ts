/**
 * Checks of an .xlsx package as a package, independent of the adapter under test: every XML part
 * parses with a namespace-aware parser (saxes, so an undeclared prefix is an error), the
 * relationships, content types and sheet list are consistent, and an output keeps its input's
 * parts and styles. Each check returns a list of sentences (empty = fine), so that a failing test
 * names every problem at once.
 */
import { Buffer } from "node:buffer";
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";

export type Parts = ReadonlyMap<string, Uint8Array>;

/** Every file part of a zip (directory entries left out), decompressed. */
export async function readParts(path: string): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) parts.set(entry.name, await entry.async("uint8array"));
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// XML
// ---------------------------------------------------------------------------------------------

export interface XmlAttribute {
  readonly name: string;
  readonly local: string;
  readonly uri: string;
  readonly value: string;
}

export interface XmlElement {
  readonly name: string;
  readonly local: string;
  readonly uri: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: XmlElement[];
  /** The element's own text (not its descendants'). */
  text: string;
}

/** The text of an XML part: UTF-8 or UTF-16 by its byte-order mark, BOM removed. */
export function decodeXml(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString("utf16le");
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    const swapped = Buffer.from(buffer.subarray(2));
    swapped.swap16();
    return swapped.toString("utf16le");
  }
  const text = buffer.toString("utf8");
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/** Parses XML with namespaces; throws (with saxes' message: line, column, reason) when it is not well-formed. */
export function parseXml(text: string, fileName = ""): XmlElement {
  const parser = new SaxesParser({ xmlns: true, fileName });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let error: Error | null = null;
  parser.on("error", (e) => {
    error ??= e;
  });
  parser.on("opentag", (tag) => {
    const element: XmlElement = {
      name: tag.name,
      local: tag.local,
      uri: tag.uri,
      attributes: Object.values(tag.attributes).map((a) => ({
        name: a.name,
        local: a.local,
        uri: a.uri,
        value: a.value,
      })),
      children: [],
      text: "",
    };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on("text", (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on("cdata", (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(text).close();
  if (error) throw error;
  if (!root) throw new Error(`${fileName}: no root element`);
  return root;
}

export function attr(element: XmlElement, local: string, uri = ""): string | undefined {
  return element.attributes.find((a) => a.local === local && a.uri === uri)?.value;
}

export function childrenNamed(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((c) => c.local === local);
}

export function descendants(element: XmlElement, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.local === local) out.push(c);
      walk(c);
    }
  };
  walk(element);
  return out;
}

/** An element as a string that ignores prefixes, attribute order and whitespace-only text. */
export function canonical(element: XmlElement): string {
  const attrs = element.attributes
    .filter((a) => a.name !== "xmlns" && !a.name.startsWith("xmlns:"))
    .map((a) => `{${a.uri}}${a.local}=${JSON.stringify(a.value)}`)
    .sort()
    .join(" ");
  const text = element.text.trim() === "" ? "" : JSON.stringify(element.text);
  return `<{${element.uri}}${element.local} ${attrs}>${text}${element.children.map(canonical).join("")}</>`;
}

// ---------------------------------------------------------------------------------------------
// Package structure
// ---------------------------------------------------------------------------------------------

const CONTENT_TYPES = "[Content_Types].xml";
const REL_TYPE_BASES = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
  "http://purl.oclc.org/ooxml/officeDocument/relationships/",
];
const REL_NAMESPACES = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
];
const SHEET_REL_TYPES = ["worksheet", "chartsheet", "dialogsheet", "macrosheet", "xlMacrosheet"];

/** The parts whose content is XML: .xml and .rels, and whatever the content types call XML. */
export function isXmlPart(name: string, contentType: string | null): boolean {
  return (
    /\.(xml|rels)$/i.test(name) ||
    (contentType !== null &&
      (/\+xml$/i.test(contentType) || /^(application|text)\/xml$/i.test(contentType)))
  );
}

function isRelationshipType(type: string, name: string): boolean {
  return REL_TYPE_BASES.some((base) => type === base + name);
}

/** The source part of a relationships part ("" for the package's own _rels/.rels). */
export function sourceOfRels(relsPath: string): string | null {
  const match = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsPath);
  if (!match) return null;
  return `${match[1] ?? ""}${match[2] ?? ""}`;
}

export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part, as a zip entry name. */
export function resolveTarget(source: string, target: string): string {
  const decoded = (() => {
    try {
      return decodeURIComponent(target);
    } catch {
      return target;
    }
  })();
  const base = decoded.startsWith("/") ? [] : source.split("/").slice(0, -1);
  const out = [...base];
  for (const segment of decoded.replace(/^\//, "").split("/")) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/");
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export function relationships(xml: XmlElement): Relationship[] {
  return childrenNamed(xml, "Relationship").map((r) => ({
    id: attr(r, "Id") ?? "",
    type: attr(r, "Type") ?? "",
    target: attr(r, "Target") ?? "",
    external: (attr(r, "TargetMode") ?? "").toLowerCase() === "external",
  }));
}

export interface ContentTypes {
  readonly defaults: Map<string, string>;
  readonly overrides: Array<{ partName: string; contentType: string }>;
}

export function contentTypes(xml: XmlElement): ContentTypes {
  const defaults = new Map<string, string>();
  for (const d of childrenNamed(xml, "Default")) {
    defaults.set((attr(d, "Extension") ?? "").toLowerCase(), attr(d, "ContentType") ?? "");
  }
  const overrides = childrenNamed(xml, "Override").map((o) => ({
    partName: attr(o, "PartName") ?? "",
    contentType: attr(o, "ContentType") ?? "",
  }));
  return { defaults, overrides };
}

export function contentTypeOf(types: ContentTypes, part: string): string | null {
  const override = types.overrides.find(
    (o) => o.partName.toLowerCase() === `/${part}`.toLowerCase()
  );
  if (override) return override.contentType;
  const ext = /\.([^./]+)$/.exec(part)?.[1]?.toLowerCase();
  return ext === undefined ? null : (types.defaults.get(ext) ?? null);
}

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: string;
  readonly relId: string;
  readonly state: string;
  /** The sheet's part, or null when its r:id resolves to nothing. */
  readonly part: string | null;
}

export interface PackageView {
  readonly parts: Parts;
  /** Parsed XML parts; a part that does not parse is in `errors` instead. */
  readonly xml: Map<string, XmlElement>;
  readonly errors: Map<string, string>;
  readonly types: ContentTypes | null;
  readonly workbookPart: string | null;
  readonly sheets: SheetEntry[];
  readonly stylesPart: string | null;
  readonly calcChainPart: string | null;
}

function findPart(parts: Parts, name: string): string | null {
  if (parts.has(name)) return name;
  const lower = name.toLowerCase();
  for (const key of parts.keys()) if (key.toLowerCase() === lower) return key;
  return null;
}

/** Parses every XML part of a package and finds its workbook, sheets, styles and calc chain. */
export function viewPackage(parts: Parts): PackageView {
  const xml = new Map<string, XmlElement>();
  const errors = new Map<string, string>();
  const parse = (name: string) => {
    const bytes = parts.get(name);
    if (!bytes) return;
    try {
      xml.set(name, parseXml(decodeXml(bytes), name));
    } catch (error) {
      errors.set(name, error instanceof Error ? error.message : String(error));
    }
  };
  parse(CONTENT_TYPES);
  const typesXml = xml.get(CONTENT_TYPES);
  const types = typesXml ? contentTypes(typesXml) : null;
  for (const name of parts.keys()) {
    if (name === CONTENT_TYPES) continue;
    if (isXmlPart(name, types ? contentTypeOf(types, name) : null)) parse(name);
  }
  const rootRels = xml.get("_rels/.rels");
  const main = rootRels
    ? relationships(rootRels).find((r) => isRelationshipType(r.type, "officeDocument"))
    : undefined;
  const workbookPart = main ? findPart(parts, resolveTarget("", main.target)) : null;
  const sheets: SheetEntry[] = [];
  let stylesPart: string | null = null;
  let calcChainPart: string | null = null;
  const workbook = workbookPart ? xml.get(workbookPart) : undefined;
  if (workbookPart) {
    const relsXml = xml.get(relsPathOf(workbookPart));
    const rels = relsXml ? relationships(relsXml) : [];
    const target = (rel: Relationship | undefined) =>
      rel && !rel.external ? findPart(parts, resolveTarget(workbookPart, rel.target)) : null;
    stylesPart = target(rels.find((r) => isRelationshipType(r.type, "styles")));
    calcChainPart = target(rels.find((r) => isRelationshipType(r.type, "calcChain")));
    for (const sheet of workbook ? descendants(workbook, "sheet") : []) {
      const relId =
        REL_NAMESPACES.map((ns) => attr(sheet, "id", ns)).find((v) => v !== undefined) ?? "";
      sheets.push({
        name: attr(sheet, "name") ?? "",
        sheetId: attr(sheet, "sheetId") ?? "",
        relId,
        state: attr(sheet, "state") ?? "visible",
        part: target(rels.find((r) => r.id === relId)),
      });
    }
  }
  return { parts, xml, errors, types, workbookPart, sheets, stylesPart, calcChainPart };
}

/**
 * Every way the package is inconsistent: XML that does not parse, relationship targets that do
 * not exist, parts without exactly one content type, repeated relationship Ids, repeated sheet
 * names or sheetIds, a sheet whose r:id resolves to no sheet relationship.
 */
export function packageProblems(view: PackageView): string[] {
  const problems: string[] = [];
  for (const [part, message] of view.errors)
    problems.push(`${part} is not well-formed XML: ${message}`);
  if (!view.types) {
    problems.push(`${CONTENT_TYPES} is missing or unreadable`);
  } else {
    const seen = new Map<string, string>();
    for (const o of view.types.overrides) {
      const key = o.partName.toLowerCase();
      const earlier = seen.get(key);
      if (earlier !== undefined)
        problems.push(`Override ${o.partName} appears twice (also as ${earlier})`);
      seen.set(key, o.partName);
      if (!findPart(view.parts, o.partName.replace(/^\//, ""))) {
        problems.push(`Override ${o.partName} names a part that does not exist`);
      }
    }
    for (const part of view.parts.keys()) {
      if (part === CONTENT_TYPES) continue;
      if (contentTypeOf(view.types, part) === null) problems.push(`${part} has no content type`);
    }
  }
  for (const [part, xml] of view.xml) {
    const source = sourceOfRels(part);
    if (source === null) continue;
    const ids = new Set<string>();
    for (const rel of relationships(xml)) {
      if (ids.has(rel.id)) problems.push(`${part}: relationship Id ${rel.id} is used twice`);
      ids.add(rel.id);
      if (rel.external) continue;
      const target = resolveTarget(source, rel.target);
      if (!findPart(view.parts, target)) {
        problems.push(
          `${part}: ${rel.id} (${rel.type.split("/").at(-1)}) targets ${target}, which does not exist`
        );
      }
    }
  }
  if (!view.workbookPart) problems.push("no workbook part (officeDocument relationship)");
  else if (!view.xml.has(view.workbookPart)) problems.push(`${view.workbookPart} cannot be read`);
  const names = new Set<string>();
  const ids = new Set<string>();
  const workbookRels = view.workbookPart ? view.xml.get(relsPathOf(view.workbookPart)) : undefined;
  const rels = workbookRels ? relationships(workbookRels) : [];
  for (const sheet of view.sheets) {
    const key = sheet.name.toLowerCase();
    if (names.has(key)) problems.push(`sheet name "${sheet.name}" is used twice`);
    names.add(key);
    if (ids.has(sheet.sheetId)) problems.push(`sheetId ${sheet.sheetId} is used twice`);
    ids.add(sheet.sheetId);
    const rel = rels.find((r) => r.id === sheet.relId);
    if (!rel)
      problems.push(`sheet "${sheet.name}": r:id "${sheet.relId}" is not a workbook relationship`);
    else if (!SHEET_REL_TYPES.some((t) => isRelationshipType(rel.type, t))) {
      problems.push(`sheet "${sheet.name}": r:id ${sheet.relId} is a ${rel.type} relationship`);
    } else if (!sheet.part) problems.push(`sheet "${sheet.name}": its part does not exist`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// An output against its input
// ---------------------------------------------------------------------------------------------

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength)
  );
}

/** The parts that the output may change: the workbook part, its .rels, the content types, the styles. */
export function editableParts(input: PackageView): Set<string> {
  const editable = new Set<string>([CONTENT_TYPES]);
  if (input.workbookPart) {
    editable.add(input.workbookPart);
    editable.add(relsPathOf(input.workbookPart));
  }
  if (input.stylesPart) editable.add(input.stylesPart);
  return editable;
}

export interface PreservationResult {
  readonly problems: string[];
  /** True when the input's calcChain part is absent from the output (allowed, reported). */
  readonly droppedCalcChain: boolean;
}

/**
 * Every input part must be in the output byte for byte, except the editable parts (and the calc
 * chain, which may be dropped but not edited); the styles part must keep every original entry.
 */
export function preservationProblems(input: PackageView, output: PackageView): PreservationResult {
  const problems: string[] = [];
  const editable = editableParts(input);
  let droppedCalcChain = false;
  for (const [part, bytes] of input.parts) {
    if (editable.has(part)) continue;
    const after = output.parts.get(part);
    if (!after) {
      if (part === input.calcChainPart) droppedCalcChain = true;
      else problems.push(`input part ${part} is missing from the output`);
      continue;
    }
    if (!sameBytes(bytes, after)) problems.push(`input part ${part} was changed`);
  }
  for (const part of editable) {
    if (!output.parts.has(part)) problems.push(`${part} is missing from the output`);
  }
  problems.push(...stylesProblems(input, output));
  return { problems, droppedCalcChain };
}

/** The collections of a styles part whose entries cells (s=), styles and formats refer to by index. */
const STYLE_COLLECTIONS: ReadonlyArray<readonly [string, string]> = [
  ["fonts", "font"],
  ["fills", "fill"],
  ["borders", "border"],
  ["cellStyleXfs", "xf"],
  ["cellXfs", "xf"],
  ["dxfs", "dxf"],
];

/**
 * Every original cellXfs/xf, cellStyleXfs/xf, font, fill, border and dxf is still there at the same
 * index with the same content, and every original numFmt still has its id and format code: so
 * every s= of an input sheet (and every dxfId of its conditional formats) keeps its meaning.
 */
export function stylesProblems(input: PackageView, output: PackageView): string[] {
  if (!input.stylesPart) return [];
  const before = input.xml.get(input.stylesPart);
  if (!before) return [`input styles part ${input.stylesPart} cannot be read`];
  const afterPart = output.stylesPart;
  const after = afterPart ? output.xml.get(afterPart) : undefined;
  if (!afterPart || !after) return ["the output has no readable styles part"];
  const problems: string[] = [];
  if (after.uri !== before.uri) {
    problems.push(`the styles part's namespace changed from ${before.uri} to ${after.uri}`);
  }
  for (const [collection, item] of STYLE_COLLECTIONS) {
    const was = childrenNamed(before, collection).flatMap((c) => childrenNamed(c, item));
    const now = childrenNamed(after, collection).flatMap((c) => childrenNamed(c, item));
    was.forEach((element, i) => {
      const other = now[i];
      if (!other) problems.push(`styles: ${collection}/${item}[${i}] is gone`);
      else if (canonical(other) !== canonical(element)) {
        problems.push(
          `styles: ${collection}/${item}[${i}] changed: ${canonical(element)} → ${canonical(other)}`
        );
      }
    });
  }
  const formats = (root: XmlElement) =>
    new Map(
      childrenNamed(root, "numFmts")
        .flatMap((c) => childrenNamed(c, "numFmt"))
        .map((f) => [attr(f, "numFmtId") ?? "", attr(f, "formatCode") ?? ""] as const)
    );
  const formatsAfter = formats(after);
  for (const [id, code] of formats(before)) {
    const now = formatsAfter.get(id);
    if (now !== code)
      problems.push(
        `styles: numFmt ${id} "${code}" is ${now === undefined ? "gone" : `now "${now}"`}`
      );
  }
  return problems;
}

/** Namespaces of Transitional OOXML that Strict replaces (package and markup-compatibility ones are shared). */
const TRANSITIONAL_BASES = [
  "http://schemas.openxmlformats.org/spreadsheetml/",
  "http://schemas.openxmlformats.org/officeDocument/",
  "http://schemas.openxmlformats.org/drawingml/",
];

function transitional(uri: string): boolean {
  return TRANSITIONAL_BASES.some((base) => uri.startsWith(base));
}

/** In a Strict package: the parts the output added or changed that use a Transitional namespace or relationship type. */
export function strictProblems(input: PackageView, output: PackageView): string[] {
  const problems: string[] = [];
  for (const [part, xml] of output.xml) {
    const before = input.parts.get(part);
    const after = output.parts.get(part);
    if (before && after && sameBytes(before, after)) continue;
    const uris = new Set<string>();
    const walk = (e: XmlElement) => {
      if (transitional(e.uri)) uris.add(e.uri);
      for (const a of e.attributes) {
        if (transitional(a.uri)) uris.add(a.uri);
        if ((a.name === "xmlns" || a.name.startsWith("xmlns:")) && transitional(a.value))
          uris.add(a.value);
        if (e.local === "Relationship" && a.local === "Type" && transitional(a.value))
          uris.add(a.value);
      }
      e.children.forEach(walk);
    };
    walk(xml);
    if (uris.size > 0)
      problems.push(`${part} (${before ? "edited" : "added"}) uses ${[...uris].join(", ")}`);
  }
  return problems;
}
