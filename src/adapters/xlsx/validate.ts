/**
 * The last check before a package is written anywhere: a workbook we write must always open.
 *
 * - every part this recalculation wrote or edited parses again as namespace-well-formed XML;
 * - the relationships: every internal target of a relationships part we wrote exists, no
 *   relationship anywhere points at a part we removed, and ids are unique in each part;
 * - the content types: every part we wrote has exactly one (an Override, or a Default for its
 *   extension), no two Overrides name the same part, and no Override names a part we removed;
 * - the workbook: sheet names (compared as Excel compares them) and sheet ids unique, every
 *   sheet's relationship present and its part there, defined names unique per scope.
 *
 * A failure is our bug, never the user's: it is thrown as a PackageInvalid error (the command
 * line's internal-error exit), and nothing is written.
 */
import { Buffer } from "node:buffer";
import { StringDecoder } from "node:string_decoder";
import { SaxesParser } from "saxes";
import { CONTENT_TYPES_NS, CONTENT_TYPES_PART } from "./namespaces";
import { partDocument, partFile, relationshipsOf, type XlsxPackage } from "./package";
import { XmlPartError, attr, attrNS, childElements, parseXml, rootElement } from "./xml-dom";
import { relsPathOf, resolvePartPath } from "./xml";

export class PackageInvalid extends Error {
  constructor(readonly failures: readonly string[]) {
    super(`the package we wrote failed validation: ${failures.slice(0, 5).join("; ")}`);
    this.name = "PackageInvalid";
  }
}

/** Re-parses a written part, streaming large ones through the parser in chunks. */
async function checkPartParses(pkg: XlsxPackage, part: string): Promise<string | null> {
  const file = partFile(pkg.zip, part);
  if (!file) return `${part}: missing after writing`;
  const bytes = await file.async("nodebuffer");
  if (bytes.length < 8 << 20) {
    try {
      parseXml(bytes, part);
      return null;
    } catch (error) {
      return error instanceof XmlPartError ? error.message : String(error);
    }
  }
  const parser = new SaxesParser({ xmlns: true });
  let failure: string | null = null;
  parser.on("error", (error) => {
    failure ??= `${part}: ${error.message}`;
  });
  const decoder = new StringDecoder("utf8");
  for (let at = 0; at < bytes.length && failure === null; at += 1 << 20) {
    parser.write(decoder.write(bytes.subarray(at, at + (1 << 20))));
  }
  if (failure === null) parser.write(decoder.end()).close();
  return failure;
}

function normalised(part: string): string {
  const bare = part.startsWith("/") ? part.slice(1) : part;
  try {
    return decodeURIComponent(bare).toLowerCase();
  } catch {
    return bare.toLowerCase();
  }
}

/** The owner part of a relationships part: xl/_rels/workbook.xml.rels → xl/workbook.xml. */
function ownerOfRels(relsPart: string): string {
  const slash = relsPart.lastIndexOf("/_rels/");
  const folder = slash < 0 ? "" : relsPart.slice(0, slash + 1);
  const file = relsPart.slice(slash < 0 ? "_rels/".length : slash + "/_rels/".length);
  return folder + file.replace(/\.rels$/i, "");
}

export async function validatePackage(
  pkg: XlsxPackage,
  written: ReadonlySet<string>,
  removed: ReadonlySet<string> = new Set()
): Promise<void> {
  const failures: string[] = [];
  const writtenNorm = new Set([...written].map(normalised));
  const removedNorm = new Set([...removed].map(normalised));
  const parts: string[] = [];
  pkg.zip.forEach((name, file) => {
    if (!file.dir) parts.push(name);
  });
  const present = new Set(parts.map(normalised));

  for (const part of written) {
    if (!/\.(xml|rels)$/i.test(part)) continue;
    const failure = await checkPartParses(pkg, part);
    if (failure) failures.push(failure);
  }

  // Relationships.
  for (const relsPart of parts.filter((p) => /(^|\/)_rels\/[^/]*\.rels$/i.test(p))) {
    const doc = await partDocument(pkg.zip, relsPart, pkg.path);
    const owner = ownerOfRels(relsPart);
    const ours = writtenNorm.has(normalised(relsPart));
    const ids = new Set<string>();
    for (const rel of relationshipsOf(doc)) {
      if (ids.has(rel.id)) failures.push(`${relsPart}: relationship id ${rel.id} twice`);
      ids.add(rel.id);
      if (rel.external) continue;
      const target = normalised(resolvePartPath(owner, rel.target));
      if (!present.has(target) && (ours || removedNorm.has(target))) {
        failures.push(`${relsPart}: ${rel.id} points at missing ${rel.target}`);
      }
    }
  }

  // Content types.
  const types = await partDocument(pkg.zip, CONTENT_TYPES_PART, pkg.path);
  const typesRoot = types ? rootElement(types, CONTENT_TYPES_PART) : null;
  const overrides = new Map<string, number>();
  const defaults = new Set<string>();
  if (typesRoot) {
    for (const o of childElements(typesRoot, CONTENT_TYPES_NS, "Override")) {
      const name = normalised(attr(o, "PartName") ?? "");
      overrides.set(name, (overrides.get(name) ?? 0) + 1);
      if (!present.has(name) && removedNorm.has(name)) {
        failures.push(`${CONTENT_TYPES_PART}: Override for removed part /${name}`);
      }
    }
    for (const d of childElements(typesRoot, CONTENT_TYPES_NS, "Default")) {
      defaults.add((attr(d, "Extension") ?? "").toLowerCase());
    }
  } else {
    failures.push(`no ${CONTENT_TYPES_PART}`);
  }
  for (const [name, count] of overrides) {
    if (count > 1 && writtenNorm.has(name)) {
      failures.push(`${CONTENT_TYPES_PART}: ${count} Overrides for /${name}`);
    }
  }
  for (const part of written) {
    if (part === CONTENT_TYPES_PART) continue;
    const name = normalised(part);
    const extension = name.slice(name.lastIndexOf(".") + 1);
    if (!overrides.has(name) && !defaults.has(extension)) {
      failures.push(`${part}: no content type`);
    }
  }

  // The workbook.
  const { main, officeRel } = pkg.conformance;
  const workbook = parseXml(
    Buffer.from((await partFile(pkg.zip, pkg.workbookPart)?.async("nodebuffer")) ?? []),
    pkg.workbookPart
  );
  const rels = relationshipsOf(await partDocument(pkg.zip, relsPathOf(pkg.workbookPart), pkg.path));
  const names = new Set<string>();
  const sheetIds = new Set<string>();
  const root = rootElement(workbook, pkg.workbookPart);
  for (const list of childElements(root, main, "sheets")) {
    for (const sheet of childElements(list, main, "sheet")) {
      const name = (attr(sheet, "name") ?? "").toLowerCase();
      const id = attr(sheet, "sheetId") ?? "";
      if (names.has(name)) failures.push(`workbook: sheet name "${name}" twice`);
      if (sheetIds.has(id)) failures.push(`workbook: sheetId ${id} twice`);
      names.add(name);
      sheetIds.add(id);
      const relId = attrNS(sheet, officeRel, "id");
      const rel = rels.find((r) => r.id === relId);
      if (!rel) {
        failures.push(`workbook: sheet "${name}" has no relationship ${relId ?? "(none)"}`);
      } else if (!rel.external) {
        const target = normalised(resolvePartPath(pkg.workbookPart, rel.target));
        if (!present.has(target)) failures.push(`workbook: part of sheet "${name}" is missing`);
      }
    }
  }
  const definedNames = new Set<string>();
  for (const list of childElements(root, main, "definedNames")) {
    for (const defined of childElements(list, main, "definedName")) {
      const key = `${(attr(defined, "name") ?? "").toLowerCase()}|${attr(defined, "localSheetId") ?? ""}`;
      if (definedNames.has(key)) failures.push(`workbook: defined name ${key} twice`);
      definedNames.add(key);
    }
  }

  if (failures.length > 0) throw new PackageInvalid(failures);
}
