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

/** Escapes text for a double-quoted attribute or markup content. */
export function escapeXml(text: string): string {
  // most texts have nothing to escape: one scan instead of four replacements
  if (!/[&<>"]/.test(text)) return text;
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
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (!/[&<>"_\u0000-\u0008\u000b-\u001f\ufffe\uffff]/.test(text)) return text;
  return escapeXml(text)
    .replace(/_(x[0-9a-fA-F]{4}_)/g, "_x005F_$1")
    .replace(
      // eslint-disable-next-line no-control-regex -- control characters are what this looks for
      /[\u0000-\u0008\u000b-\u000d\u000e-\u001f\ufffe\uffff]/g,
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
