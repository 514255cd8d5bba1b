/**
 * The small XML parts of a package (workbook, content types, relationships, styles, tables) as
 * namespace-aware DOM documents: parsed, edited and serialised by real parsers, never by patterns.
 *
 * Two well-kept libraries, each for what it does best (docs/DECISIONS.md has the comparison):
 * `saxes` checks that a part is well-formed and namespace-well-formed XML 1.0 (it rejects what
 * xmldom lets through: character references to non-characters such as `&#1114112;`, control
 * characters, undeclared entities), then `@xmldom/xmldom` builds the DOM that is edited and
 * serialised. Whatever the edit does not touch (unknown elements and attributes, `mc:` markup,
 * `extLst`, comments, prefixes and where namespaces are declared) is serialised as it was read;
 * attribute values are always written in double quotes.
 */
import {
  DOMParser,
  XMLSerializer,
  type Document,
  type Element,
  type Node as XmlNode,
} from "@xmldom/xmldom";
import { Buffer } from "node:buffer";
import { TextDecoder } from "node:util";
import { SaxesParser } from "saxes";

export type { Document, Element };

/** A part that is not well-formed XML, or not in an encoding this reader knows. */
export class XmlPartError extends Error {
  constructor(
    readonly part: string,
    detail: string
  ) {
    super(`${part}: ${detail}`);
    this.name = "XmlPartError";
  }
}

const ELEMENT_NODE = 1;

/** The encoding an XML declaration names (lower case), read by a real parser; null when none. */
function declaredEncoding(bytes: Uint8Array): string | null {
  // The declaration is ASCII in every ASCII-compatible encoding: read the first bytes as latin1.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 512));
  let encoding: string | null = null;
  const parser = new SaxesParser();
  parser.on("xmldecl", (decl) => {
    encoding = decl.encoding?.toLowerCase() ?? null;
  });
  parser.on("error", () => undefined);
  try {
    parser.write(head.toString("latin1"));
  } catch {
    // a truncated head is expected; the declaration, if any, has been seen by now
  }
  return encoding;
}

function decode(bytes: Uint8Array, encoding: string, part: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    const reason = error instanceof RangeError ? `unsupported encoding ${encoding}` : "bad bytes";
    throw new XmlPartError(part, `${reason} for ${encoding}`);
  }
}

/**
 * The text of an XML part from its bytes: UTF-8 (with or without a byte-order mark), UTF-16 with a
 * byte-order mark or detected from `<?` (XML 1.0 Appendix F), or the encoding its declaration names.
 */
export function decodeXmlBytes(bytes: Uint8Array, part: string): string {
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decode(bytes, "utf-8", part);
  if (b0 === 0xff && b1 === 0xfe) return decode(bytes, "utf-16le", part);
  if (b0 === 0xfe && b1 === 0xff) return decode(bytes, "utf-16be", part);
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) {
    return decode(bytes, "utf-16le", part);
  }
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) {
    return decode(bytes, "utf-16be", part);
  }
  const declared = declaredEncoding(bytes);
  return decode(bytes, declared === null || declared === "utf8" ? "utf-8" : declared, part);
}

/** Throws XmlPartError unless `text` is well-formed, namespace-well-formed XML 1.0. */
export function checkWellFormed(text: string, part: string): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let failure: string | null = null;
  parser.on("error", (error) => {
    failure ??= error.message;
  });
  parser.write(text).close();
  if (failure !== null) throw new XmlPartError(part, failure);
}

/** XML 1.0 end-of-line handling only (xmldom's default also folds XML 1.1's NEL and U+2028). */
function xml10LineEnds(source: string): string {
  return source.includes("\r") ? source.replace(/\r\n?/g, "\n") : source;
}

/** Parses a part (bytes or text) into a DOM document; XmlPartError when it is not well-formed. */
export function parseXml(source: Uint8Array | string, part: string): Document {
  const text = typeof source === "string" ? source : decodeXmlBytes(source, part);
  checkWellFormed(text, part);
  const parser = new DOMParser({
    locator: false,
    normalizeLineEndings: xml10LineEnds,
    onError: (level, message) => {
      if (level !== "warning") throw new XmlPartError(part, message);
    },
  });
  try {
    return parser.parseFromString(text, "application/xml");
  } catch (error) {
    if (error instanceof XmlPartError) throw error;
    throw new XmlPartError(part, error instanceof Error ? error.message : String(error));
  }
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * A document as UTF-8 text with a fresh XML declaration (the part may have been read as UTF-16;
 * it is always written as UTF-8). Namespace declarations the edits need are added by the
 * serialiser where they are not in scope.
 */
export function serializeXml(doc: Document): string {
  for (let node = doc.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 7 && node.nodeName.toLowerCase() === "xml") doc.removeChild(node);
  }
  const body = new XMLSerializer().serializeToString(doc, { requireWellFormed: true });
  return DECLARATION + body;
}

/** The child elements of `parent` with this namespace and local name. */
export function childElements(parent: XmlNode, ns: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    if (element.namespaceURI === ns && element.localName === localName) found.push(element);
  }
  return found;
}

/** The first child element of `parent` with this namespace and local name, or null. */
export function firstChildElement(parent: XmlNode, ns: string, localName: string): Element | null {
  return childElements(parent, ns, localName)[0] ?? null;
}

/** Every descendant element with this namespace and local name, in document order. */
export function descendants(root: XmlNode, ns: string, localName: string): Element[] {
  const found: Element[] = [];
  const walk = (parent: XmlNode): void => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType !== ELEMENT_NODE) continue;
      const element = node as Element;
      if (element.namespaceURI === ns && element.localName === localName) found.push(element);
      walk(element);
    }
  };
  walk(root);
  return found;
}

/** The root element; XmlPartError when the document has none. */
export function rootElement(doc: Document, part: string): Element {
  const root = doc.documentElement;
  if (!root) throw new XmlPartError(part, "no root element");
  return root;
}

/** An attribute without a namespace (`name="…"`), or null when absent. */
export function attr(element: Element, name: string): string | null {
  return element.hasAttribute(name) ? element.getAttribute(name) : null;
}

/** An attribute in a namespace (`r:id`, whatever the prefix), or null when absent. */
export function attrNS(element: Element, ns: string, localName: string): string | null {
  return element.hasAttributeNS(ns, localName) ? element.getAttributeNS(ns, localName) : null;
}

/**
 * A new element in the namespace of `like` (and with its prefix), so that an addition to a part
 * written with `x:` prefixes is written with them too.
 */
export function createLike(like: Element, localName: string): Element {
  const doc = like.ownerDocument as Document;
  const qualified = like.prefix ? `${like.prefix}:${localName}` : localName;
  return doc.createElementNS(like.namespaceURI, qualified);
}

/** A new element in `ns`, with the prefix the parent has in scope for it (or `fallback`). */
export function createInScope(
  parent: Element,
  ns: string,
  localName: string,
  fallback: string
): Element {
  const doc = parent.ownerDocument as Document;
  const defaultNs = parent.lookupNamespaceURI(null);
  if (defaultNs === ns) return doc.createElementNS(ns, localName);
  const prefix = parent.lookupPrefix(ns) ?? fallback;
  return doc.createElementNS(ns, prefix ? `${prefix}:${localName}` : localName);
}

/** Sets an attribute in `ns` with the prefix in scope at `element` for it (or `fallback`). */
export function setAttrInScope(
  element: Element,
  ns: string,
  localName: string,
  value: string,
  fallback: string
): void {
  const prefix = element.lookupPrefix(ns) ?? fallback;
  element.setAttributeNS(ns, `${prefix}:${localName}`, value);
}

/**
 * Inserts `child` into `parent` before the first child element whose local name is one of
 * `before` (the elements a schema sequence puts after it); appends when there is none.
 */
export function insertInSequence(parent: Element, child: Element, before: readonly string[]): void {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    if (element.localName !== null && before.includes(element.localName)) {
      parent.insertBefore(child, element);
      return;
    }
  }
  parent.appendChild(child);
}
