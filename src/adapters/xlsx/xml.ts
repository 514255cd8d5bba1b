/**
 * Small helpers for the OOXML parts this adapter reads and edits as text. The parts are
 * regular enough (one element per tag, attributes in double or single quotes) that a few
 * careful regular expressions are faster and lighter than a DOM for sheets of a million rows.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};

/**
 * Decodes XML entities and character references. A raw CR (alone or before a LF) reads as a line
 * feed, as every XML parser and Excel read it; `&#13;` and `_x000D_` stay carriage returns.
 */
export function decodeXml(raw: string): string {
  const text = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith("#x")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return NAMED_ENTITIES[body] ?? whole;
  });
}

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

/** Attributes of one start tag's attribute text (` r="A1" s="3"`), prefixes removed from names. */
export function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const name = match[1] ?? "";
    const value = decodeXml(match[2] ?? match[3] ?? "");
    attributes.set(name, value);
    const colon = name.indexOf(":");
    if (colon >= 0 && name.slice(0, colon) !== "xmlns") {
      const local = name.slice(colon + 1);
      if (!attributes.has(local)) attributes.set(local, value);
    }
  }
  return attributes;
}

/** The namespace prefix ("x:" or "") a part uses for its root element `localName`. */
export function rootPrefix(xml: string, localName: string): string {
  const match = new RegExp(`<([\\w.-]+:)?${localName}[\\s>/]`).exec(xml);
  return match?.[1] ?? "";
}

/** Every element `<prefix?name ...>...</name>` or `<name .../>` in `xml`, with its attributes and inner text. */
export function* elements(
  xml: string,
  localName: string
): Generator<{ attributes: Map<string, string>; inner: string; start: number; end: number }> {
  const pattern = new RegExp(
    `<((?:[\\w.-]+:)?${localName})(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</\\1\\s*>)`,
    "g"
  );
  for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) {
    yield {
      attributes: parseAttributes(match[2] ?? ""),
      inner: match[3] ?? "",
      start: match.index,
      end: match.index + match[0].length,
    };
  }
}

/** The concatenated text of every `<t>` in a string item, leaving out phonetic runs (`<rPh>`). */
export function stringItemText(inner: string): string {
  const withoutPhonetics = inner.replace(/<((?:[\w.-]+:)?rPh)\b[\s\S]*?<\/\1\s*>/g, "");
  let text = "";
  const pattern = /<((?:[\w.-]+:)?t)(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/\1\s*>)/g;
  for (let match = pattern.exec(withoutPhonetics); match; match = pattern.exec(withoutPhonetics)) {
    text += match[2] ?? "";
  }
  return decodeOoxmlEscapes(decodeXml(text));
}

/** Column letters ("A", "AB") → 1-based column number. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
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
  return { column: columnNumber(match[1]), row: parseInt(match[2], 10) };
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

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** Relationships of a .rels part. */
export function parseRelationships(xml: string): Relationship[] {
  const relationships: Relationship[] = [];
  for (const element of elements(xml, "Relationship")) {
    relationships.push({
      id: element.attributes.get("Id") ?? "",
      type: element.attributes.get("Type") ?? "",
      target: element.attributes.get("Target") ?? "",
      external: element.attributes.get("TargetMode") === "External",
    });
  }
  return relationships;
}
