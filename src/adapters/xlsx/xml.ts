/**
 * Text for the XML this adapter writes (escaping for content and attributes, OOXML's `_xHHHH_`
 * escapes), sheet names in references, and part paths; cell and range addresses are the core's
 * (core/a1.ts). Nothing here reads XML structure: parts are read by real parsers (xml-dom.ts for
 * the small ones, xml-scan.ts for sheets).
 */

/** Decodes OOXML's `_xHHHH_` escapes (used for control characters such as `_x000D_`). */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_whole, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

/** The characters escapeXml replaces. */
const XML_SPECIAL = '&<>"';

/**
 * The characters a cell's text holds as `_xHHHH_`: the controls but tab and line feed (XML 1.0
 * forbids them, or normalises a carriage return away) and the non-characters U+FFFE and U+FFFF.
 */
const CELL_CONTROLS = "\\u0000-\\u0008\\u000b-\\u001f\\ufffe\\uffff";
const NEEDS_XML_ESCAPE = new RegExp(`[${XML_SPECIAL}]`);
const CELL_CONTROL = new RegExp(`[${CELL_CONTROLS}]`, "g");
/** What escapeCellText changes: XML's special characters, `_` (of `_xHHHH_`), the controls. */
const NEEDS_CELL_ESCAPE = new RegExp(`[${XML_SPECIAL}_${CELL_CONTROLS}]`);

/** Escapes text for a double-quoted attribute or markup content. */
export function escapeXml(text: string): string {
  // most texts have nothing to escape: one scan instead of four replacements
  if (!NEEDS_XML_ESCAPE.test(text)) return text;
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * Escapes cell text: XML escapes, then OOXML's `_xHHHH_` for control characters (and for a
 * literal `_xHHHH_`, so that it reads back as itself).
 */
export function escapeCellText(text: string): string {
  if (!NEEDS_CELL_ESCAPE.test(text)) return text;
  return escapeXml(text)
    .replace(/_(x[0-9a-fA-F]{4}_)/g, "_x005F_$1")
    .replace(
      CELL_CONTROL,
      (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`
    );
}

/** Resolves a relationship target against the folder of the part that owns the relationship. */
export function resolvePartPath(ownerPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = ownerPart.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") base.pop();
    else if (piece !== "." && piece !== "") base.push(piece);
  }
  return base.join("/");
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}
