/**
 * Text for the XML this adapter writes (escaping for content and attributes, OOXML's `_xHHHH_`
 * escapes), cell and range references, and part paths. Nothing here reads XML structure: parts
 * are read by real parsers (xml-dom.ts for the small ones, xml-scan.ts for sheets).
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
  return escapeXml(text)
    .replace(/_(x[0-9a-fA-F]{4}_)/g, "_x005F_$1")
    .replace(
      // eslint-disable-next-line no-control-regex -- control characters are what this looks for
      /[\u0000-\u0008\u000b-\u000d\u000e-\u001f\ufffe\uffff]/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`
    );
}

/** 1-based column number → letters. */
export function columnLetters(n: number): string {
  let letters = "";
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** "C12" or "$C$12" → { column: 3, row: 12 }; null when it is not a cell reference. */
export function parseCellRef(ref: string): { column: number; row: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!match?.[1] || !match[2]) return null;
  let column = 0;
  for (const ch of match[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column, row: parseInt(match[2], 10) };
}

/** "A1:K20" → its corners; a single cell is a one-cell range. */
export function parseRangeRef(
  ref: string
): { first: { column: number; row: number }; last: { column: number; row: number } } | null {
  const [a, b] = ref.split(":");
  const first = a === undefined ? null : parseCellRef(a);
  const last = b === undefined ? first : parseCellRef(b);
  return first && last ? { first, last } : null;
}

/** A sheet name as it appears in a formula reference: quoted, with quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
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
