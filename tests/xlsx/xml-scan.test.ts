import { Buffer } from "node:buffer";
import { TextDecoder } from "node:util";
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import {
  ByteSink,
  StringCache,
  TEXT_NOT_ASCII,
  XMLNS_NAMESPACE,
  XmlScanner,
  XmlSyntaxError,
} from "../../src/adapters/xlsx/xml-scan";

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/** What a namespace-aware parser reports: elements as (namespace, local name), attributes sorted. */
type Event = { start: string; attributes: string[] } | { end: string } | { text: string };

function name(uri: string, local: string): string {
  return `{${uri}}${local}`;
}

/** The events XmlScanner reports for a document fed in chunks of the given sizes (cycled). */
function scanEvents(bytes: Buffer, sizes: number[] = []): Event[] {
  const events: Event[] = [];
  const sink = new ByteSink();
  const flush = () => {
    if (sink.length > 0) events.push({ text: sink.text() });
    sink.clear();
  };
  const scanner: XmlScanner = new XmlScanner({
    startElement(ns, local) {
      flush();
      const attributes: string[] = [];
      for (let k = 0; k < scanner.attributeCount; k++) {
        const attributeNs = scanner.attributeNamespace(k);
        if (attributeNs === XMLNS_NAMESPACE) continue;
        const attributeName = name(
          scanner.namespaceUri(attributeNs),
          scanner.localName(scanner.attributeLocal(k))
        );
        attributes.push(`${attributeName}=${JSON.stringify(scanner.attributeValue(k))}`);
      }
      events.push({
        start: name(scanner.namespaceUri(ns), scanner.localName(local)),
        attributes: attributes.sort(),
      });
      scanner.textSink = sink;
    },
    endElement(ns, local) {
      flush();
      events.push({ end: name(scanner.namespaceUri(ns), scanner.localName(local)) });
    },
  });
  for (const chunk of cut(bytes, sizes)) scanner.feed(chunk);
  scanner.finish();
  return events;
}

function cut(bytes: Buffer, sizes: number[]): Buffer[] {
  if (sizes.length === 0) return [bytes];
  const out: Buffer[] = [];
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    out.push(bytes.subarray(at, at + size));
    at += size;
  }
  return out;
}

/** Decodes by the byte order mark (UTF-8 without one), strictly. */
function decode(bytes: Buffer): string {
  const label =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "utf-16le"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "utf-16be"
        : "utf-8";
  return new TextDecoder(label, { fatal: true }).decode(bytes);
}

/** The events saxes (a well-kept, conformant parser) reports for the same document. */
function saxesEvents(xml: string): Event[] {
  const parser = new SaxesParser<{ xmlns: true }>({ xmlns: true });
  const events: Event[] = [];
  let text = "";
  let depth = 0;
  const flush = () => {
    if (text !== "") events.push({ text });
    text = "";
  };
  parser.on("opentag", (tag) => {
    flush();
    depth++;
    const attributes = Object.values(tag.attributes)
      .filter((a) => a.uri !== XMLNS_NS)
      .map((a) => `${name(a.uri, a.local)}=${JSON.stringify(a.value)}`);
    events.push({ start: name(tag.uri, tag.local), attributes: attributes.sort() });
  });
  const onText = (t: string) => {
    if (depth > 0) text += t;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", (tag) => {
    flush();
    depth--;
    events.push({ end: name(tag.uri, tag.local) });
  });
  parser.write(xml).close();
  return events;
}

function utf8(xml: string): Buffer {
  return Buffer.from(xml, "utf8");
}

// ---------------------------------------------------------------------------------------------
// Random documents: an abstract tree, and any way of writing it

interface Element {
  readonly ns: string;
  readonly local: string;
  readonly attributes: readonly { ns: string; local: string; value: string }[];
  readonly children: readonly Node[];
}
type Node =
  | { element: Element }
  | { text: string }
  | { cdata: string }
  | { comment: string }
  | { pi: string };

const NAMESPACES = [
  "urn:a",
  "urn:b",
  "http://example.com/ns",
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "",
];
const LOCALS = ["a", "b", "row", "c", "数据", "x-y.z", "_q", "é1", "A·B"];
const ATTRIBUTE_LOCALS = ["a", "r", "s", "t", "名", "x.y", "space"];
const CHARS = [
  "a",
  "Z",
  "9",
  " ",
  "<",
  ">",
  "&",
  '"',
  "'",
  "]",
  "-",
  "?",
  "中",
  "😀",
  "𠀀",
  "é",
  "\u0085",
  "\t",
  "\n",
  "\r",
  "\uFFFD",
];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 10 }).map((cs) => cs.join(""));

const element: fc.Arbitrary<Element> = fc.letrec<{ element: Element; node: Node }>((tie) => ({
  element: fc.record({
    ns: fc.constantFrom(...NAMESPACES),
    local: fc.constantFrom(...LOCALS),
    attributes: fc.uniqueArray(
      fc.record({
        ns: fc.constantFrom("", "", "urn:a", "urn:c", XML_NS),
        local: fc.constantFrom(...ATTRIBUTE_LOCALS),
        value: text,
      }),
      { maxLength: 4, selector: (a) => `${a.ns} ${a.local}` }
    ),
    children: fc.array(tie("node"), { maxLength: 4, depthIdentifier: "tree" }),
  }),
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true, depthIdentifier: "tree" },
    fc.record({ text }),
    fc.record({ element: tie("element") }),
    fc.record({ cdata: text.map((t) => t.replace(/\r/g, "\n").replace(/]]>/g, "]] >")) }),
    fc.record({ comment: fc.constantFrom(" 注释 ", "", "a-b", " <x> & ") }),
    fc.record({ pi: fc.constantFrom("pi", "x-y data", "t <a> & ]]>", "z ?") })
  ),
})).element;

/** The events a document of this tree means. */
function intendedEvents(root: Element): Event[] {
  const events: Event[] = [];
  let pending = "";
  const flush = () => {
    if (pending !== "") events.push({ text: pending });
    pending = "";
  };
  const walk = (el: Element) => {
    flush();
    events.push({
      start: name(el.ns, el.local),
      attributes: el.attributes
        .map((a) => `${name(a.ns, a.local)}=${JSON.stringify(a.value)}`)
        .sort(),
    });
    for (const child of el.children) {
      if ("element" in child) walk(child.element);
      else if ("text" in child) pending += child.text;
      else if ("cdata" in child) pending += child.cdata;
    }
    flush();
    events.push({ end: name(el.ns, el.local) });
  };
  walk(root);
  return events;
}

class Rng {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

const PREFIXES = ["", "p", "q", "ns0", "表", "_x"];
const NAMED: Readonly<Record<string, string>> = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
};

function ref(code: number, r: Rng): string {
  const zeros = r.chance(0.2) ? "000" : "";
  return r.chance(0.5) ? `&#${zeros}${code};` : `&#x${zeros}${code.toString(16)};`;
}

/** Joins raw pieces so that a CR standing for a line end is never read together with a LF after it. */
function joinRaw(pieces: string[]): string {
  let out = "";
  for (const piece of pieces)
    out += out.endsWith("\r") && piece.startsWith("\n") ? `\n${piece}` : piece;
  return out;
}

function space(r: Rng, required: boolean): string {
  if (!required && r.chance(0.6)) return "";
  return r.pick([" ", "\t", "\n", "\r\n", "  \r"]);
}

function writeAttributeValue(value: string, r: Rng): string {
  const quote = r.chance(0.5) ? '"' : "'";
  const pieces: string[] = [];
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === "<" || ch === "&" || ch === "\t" || ch === "\n" || ch === "\r") {
      pieces.push(NAMED[ch] !== undefined && r.chance(0.5) ? NAMED[ch] : ref(code, r));
    } else if (ch === " " && r.chance(0.4)) {
      pieces.push(r.pick(["\t", "\n", "\r\n", "\r"]));
    } else if (r.chance(0.2)) {
      pieces.push(ref(code, r));
    } else {
      pieces.push(ch);
    }
  }
  return quote + joinRaw(pieces) + quote;
}

function writeText(value: string, r: Rng): string {
  const pieces: string[] = [];
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === "\r" || r.chance(0.25))
      pieces.push(NAMED[ch] !== undefined && r.chance(0.5) ? NAMED[ch] : ref(code, r));
    else if (ch === "<" || ch === "&") pieces.push(NAMED[ch]!);
    else if (ch === ">" && (pieces.length === 0 || pieces[pieces.length - 1]!.endsWith("]")))
      pieces.push("&gt;");
    else if (ch === "\n") pieces.push(r.pick(["\n", "\r\n", "\r"]));
    else pieces.push(ch);
  }
  return joinRaw(pieces);
}

/** Writes a tree with random prefixes, declarations (at the root or deeper), quotes and spacing. */
function writeDocument(root: Element, r: Rng): string {
  const out: string[] = [];
  const walk = (el: Element, outer: Map<string, string>) => {
    const scope = new Map(outer);
    const parts: string[] = [];
    const used = new Set<string>();
    const declare = (prefix: string, uri: string) => {
      scope.set(prefix, uri);
      used.add(prefix);
      parts.push(
        `${prefix === "" ? "xmlns" : `xmlns:${prefix}`}${space(r, false)}=${space(r, false)}${writeAttributeValue(uri, r)}`
      );
    };
    let prefix = "";
    if (el.ns === "") {
      if ((scope.get("") ?? "") !== "") declare("", "");
    } else {
      const bound = [...scope].filter(([, u]) => u === el.ns).map(([p]) => p);
      if (bound.length > 0 && r.chance(0.7)) prefix = r.pick(bound);
      else declare((prefix = r.pick(PREFIXES)), el.ns);
      used.add(prefix);
    }
    for (const a of el.attributes) {
      let qname = a.local;
      if (a.ns === XML_NS) {
        qname = `xml:${a.local}`;
      } else if (a.ns !== "") {
        const bound = [...scope].filter(([p, u]) => u === a.ns && p !== "").map(([p]) => p);
        let p = bound.length > 0 && r.chance(0.7) ? r.pick(bound) : null;
        if (p === null) {
          const free = PREFIXES.filter((x) => x !== "" && !used.has(x));
          p = r.pick(free);
          declare(p, a.ns);
        }
        used.add(p);
        qname = `${p}:${a.local}`;
      }
      parts.push(`${qname}${space(r, false)}=${space(r, false)}${writeAttributeValue(a.value, r)}`);
    }
    if (r.chance(0.2)) {
      const free = PREFIXES.filter((x) => x !== "" && !used.has(x));
      if (free.length > 0) declare(r.pick(free), "urn:unused");
    }
    for (let k = parts.length - 1; k > 0; k--) {
      const m = Math.floor(r.next() * (k + 1));
      [parts[k], parts[m]] = [parts[m]!, parts[k]!];
    }
    const qname = prefix === "" ? el.local : `${prefix}:${el.local}`;
    const attrs = parts.map((p) => space(r, true) + p).join("");
    if (el.children.length === 0 && r.chance(0.5)) {
      out.push(`<${qname}${attrs}${space(r, false)}/>`);
      return;
    }
    out.push(`<${qname}${attrs}${space(r, false)}>`);
    for (const child of el.children) {
      if ("element" in child) walk(child.element, scope);
      else if ("text" in child) out.push(writeText(child.text, r));
      else if ("cdata" in child)
        out.push(
          `<![CDATA[${joinRaw([...child.cdata].map((ch) => (ch === "\n" ? r.pick(["\n", "\r\n", "\r"]) : ch)))}]]>`
        );
      else if ("comment" in child) out.push(`<!--${child.comment}-->`);
      else out.push(`<?${child.pi}?>`);
    }
    out.push(`</${qname}${space(r, false)}>`);
  };
  walk(root, new Map([["xml", XML_NS]]));
  return joinRaw(out);
}

type Form = "utf8" | "utf8-bom" | "utf16le" | "utf16be" | "utf16le-nobom" | "utf16be-nobom";

function encodeDocument(body: string, form: Form, declaration: boolean, r: Rng): Buffer {
  const utf16 = form.startsWith("utf16");
  const nobom = form.endsWith("nobom");
  let head = "";
  if (declaration || nobom) {
    const encoding = utf16 ? r.pick(["UTF-16", "utf-16"]) : r.pick(["UTF-8", "utf8", ""]);
    head = `<?xml version="1.0"${encoding ? ` encoding='${encoding}'` : ""}${r.chance(0.3) ? " standalone='no'" : ""}?>`;
  }
  const misc = () => r.pick(["", "\n", "\r\n", "<!-- c -->", "<?pi?>", " \t"]);
  const xml =
    head +
    misc() +
    (r.chance(0.1) ? '<!DOCTYPE root SYSTEM "r.dtd">' : "") +
    misc() +
    body +
    misc();
  const le = Buffer.from(xml, "utf16le");
  switch (form) {
    case "utf8":
      return utf8(xml);
    case "utf8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(xml)]);
    case "utf16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
    case "utf16be":
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
    case "utf16le-nobom":
      return le;
    case "utf16be-nobom":
      return le.swap16();
  }
}

function decodeForm(bytes: Buffer, form: Form): string {
  if (form === "utf16le-nobom") return new TextDecoder("utf-16le", { fatal: true }).decode(bytes);
  if (form === "utf16be-nobom") return new TextDecoder("utf-16be", { fatal: true }).decode(bytes);
  return decode(bytes);
}

describe("XmlScanner reads what a conformant parser reads", () => {
  it("reports the same elements, attributes and text as saxes for random documents in every form, in random chunks", () => {
    fc.assert(
      fc.property(
        element,
        fc.integer(),
        fc.constantFrom<Form>(
          "utf8",
          "utf8-bom",
          "utf16le",
          "utf16be",
          "utf16le-nobom",
          "utf16be-nobom"
        ),
        fc.boolean(),
        fc.oneof(
          fc.constant([] as number[]),
          fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 })
        ),
        (root, seed, form, declaration, sizes) => {
          const r = new Rng(seed);
          const bytes = encodeDocument(writeDocument(root, r), form, declaration, r);
          const expected = intendedEvents(root);
          expect(scanEvents(bytes, sizes)).toStrictEqual(expected);
          expect(saxesEvents(decodeForm(bytes, form))).toStrictEqual(expected);
        }
      ),
      { numRuns: 400 }
    );
  });

  it("reads the same whatever the chunk boundaries: inside a character, a tag, a reference or a CDATA end", () => {
    const xml =
      '<?xml version="1.0"?>\r\n<p:a xmlns:p="urn:p" b=\'&#x1F600;&amp;\r\n\'>中文&#20013;&lt;😀' +
      "<![CDATA[x]]]]><![CDATA[>\r\n]]><!-- 注 --><?pi 数?>\r\r\n<p:b/></p:a >\n";
    const bytes = utf8(xml);
    const whole = scanEvents(bytes);
    expect(whole).toStrictEqual(saxesEvents(xml));
    for (let at = 1; at < bytes.length; at++) {
      expect(scanEvents(bytes, [at, bytes.length])).toStrictEqual(whole);
    }
    expect(scanEvents(bytes, [1])).toStrictEqual(whole);
  });

  it("normalises attribute values and line ends as the XML spec says", () => {
    const xml =
      '<a x="1\t2\n3\r\n4\r5" y="&#9;&#10;&#13;&#32;" z="a&lt;&gt;&amp;&quot;&apos;">l1\r\nl2\rl3&#13;<![CDATA[\r\n]]></a>';
    const events = scanEvents(utf8(xml));
    expect(events).toStrictEqual([
      { start: "{}a", attributes: ['{}x="1 2 3 4 5"', '{}y="\\t\\n\\r "', `{}z="a<>&\\"'"`] },
      { text: "l1\nl2\nl3\r\n" },
      { end: "{}a" },
    ]);
    expect(events).toStrictEqual(saxesEvents(xml));
  });

  it("resolves prefixes by scope: declarations on any element, shadowed and undone at its end", () => {
    const xml =
      '<r xmlns="urn:d" xmlns:p="urn:1"><p:a p:x="1" x="2"><p:b xmlns:p="urn:2" xmlns="" p:y="3"><c/></p:b>' +
      '<p:c xml:lang="zh"/></p:a><d/></r>';
    expect(scanEvents(utf8(xml), [3])).toStrictEqual([
      { start: "{urn:d}r", attributes: [] },
      { start: "{urn:1}a", attributes: ['{urn:1}x="1"', '{}x="2"'] },
      { start: "{urn:2}b", attributes: ['{urn:2}y="3"'] },
      { start: "{}c", attributes: [] },
      { end: "{}c" },
      { end: "{urn:2}b" },
      { start: "{urn:1}c", attributes: [`{${XML_NS}}lang="zh"`] },
      { end: "{urn:1}c" },
      { end: "{urn:1}a" },
      { start: "{urn:d}d", attributes: [] },
      { end: "{urn:d}d" },
      { end: "{urn:d}r" },
    ]);
    expect(scanEvents(utf8(xml))).toStrictEqual(saxesEvents(xml));
  });

  it("skips a DOCTYPE without an internal subset, and rejects one with a subset", () => {
    for (const doctype of [
      "<!DOCTYPE a>",
      '<!DOCTYPE a SYSTEM "a.dtd">',
      "<!DOCTYPE a PUBLIC '-//X//DTD x//EN' 'http://x/a.dtd' >",
    ]) {
      const xml = `<?xml version="1.0"?>\n${doctype}\n<a>x</a>`;
      expect(scanEvents(utf8(xml))).toStrictEqual(saxesEvents(xml));
    }
    expect(() => scanEvents(utf8('<!DOCTYPE a [<!ENTITY e "x">]><a/>'))).toThrow(
      /internal subset is not supported/
    );
    expect(() => scanEvents(utf8("<a/><!DOCTYPE a>"))).toThrow(XmlSyntaxError);
  });

  it("reads a long text node, CDATA section and comment fed in small chunks in linear time", () => {
    const long = "中文 & text ".repeat(100_000);
    const xml = `<a><!--${"c".repeat(1_000_000)}-->${long.replace(/&/g, "&amp;")}<![CDATA[${long}]]></a>`;
    const started = Date.now();
    const events = scanEvents(utf8(xml), [997]);
    expect(events).toStrictEqual([
      { start: "{}a", attributes: [] },
      { text: long + long },
      { end: "{}a" },
    ]);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe("XmlScanner reads the encodings XML allows", () => {
  const body = "<a t='é€中😀'>é€中😀</a>";
  const expected: Event[] = [
    { start: "{}a", attributes: ['{}t="é€中😀"'] },
    { text: "é€中😀" },
    { end: "{}a" },
  ];

  it("reads UTF-8 with and without a byte order mark, and UTF-16 LE and BE with one", () => {
    const le = Buffer.from(body, "utf16le");
    for (const bytes of [
      utf8(body),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(body)]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]),
    ]) {
      for (const sizes of [[], [1], [3], [5, 2]])
        expect(scanEvents(bytes, sizes)).toStrictEqual(expected);
    }
  });

  it("reads UTF-16 without a byte order mark when the XML declaration says so, and not otherwise", () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?>${body}`;
    const le = Buffer.from(xml, "utf16le");
    expect(scanEvents(le, [3])).toStrictEqual(expected);
    expect(scanEvents(Buffer.from(le).swap16(), [3])).toStrictEqual(expected);
    const undeclared = Buffer.from(`<?xml version="1.0"?>${body}`, "utf16le");
    expect(() => scanEvents(undeclared)).toThrow(XmlSyntaxError);
  });

  it("reads an encoding the declaration names when Node knows it (GBK, Shift_JIS, ISO-8859-1)", () => {
    const gbk = Buffer.concat([
      utf8('<?xml version="1.0" encoding="GBK"?><a t="'),
      Buffer.from([0xd6, 0xd0, 0xce, 0xc4]),
      utf8('">'),
      Buffer.from([0xc4, 0xe3, 0xba, 0xc3]),
      utf8("</a>"),
    ]);
    expect(scanEvents(gbk, [1])).toStrictEqual([
      { start: "{}a", attributes: ['{}t="中文"'] },
      { text: "你好" },
      { end: "{}a" },
    ]);
    const sjis = Buffer.concat([
      utf8("<?xml version='1.0' encoding='Shift_JIS'?><a>"),
      Buffer.from([0x82, 0xa0]),
      utf8("</a>"),
    ]);
    expect(scanEvents(sjis, [2])).toStrictEqual([
      { start: "{}a", attributes: [] },
      { text: "あ" },
      { end: "{}a" },
    ]);
    const latin1 = Buffer.concat([
      utf8('<?xml version="1.0" encoding="ISO-8859-1"?><a>'),
      Buffer.from([0xe9, 0x80]),
      utf8("</a>"),
    ]);
    expect(scanEvents(latin1)).toStrictEqual([
      { start: "{}a", attributes: [] },
      { text: "é\u0080" },
      { end: "{}a" },
    ]);
  });

  it("rejects an unknown encoding, a declaration that contradicts the bytes, and bytes that are not the encoding", () => {
    const bad = [
      utf8('<?xml version="1.0" encoding="x-no-such"?><a/>'),
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        utf8('<?xml version="1.0" encoding="UTF-16"?><a/>'),
      ]),
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('<?xml version="1.0" encoding="UTF-8"?><a/>', "utf16le"),
      ]),
      utf8('<?xml version="1.0" encoding="UTF-16"?><a/>'),
      Buffer.concat([
        utf8('<?xml version="1.0" encoding="US-ASCII"?><a>'),
        Buffer.from([0xe9]),
        utf8("</a>"),
      ]),
      Buffer.concat([
        utf8('<?xml version="1.0" encoding="GBK"?><a>'),
        Buffer.from([0x81, 0x20]),
        utf8("</a>"),
      ]),
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from("<a>", "utf16le"),
        Buffer.from([0x00, 0xd8]),
        Buffer.from("</a>", "utf16le"),
      ]),
    ];
    for (const bytes of bad) expect(() => scanEvents(bytes, [2])).toThrow(XmlSyntaxError);
  });

  it("rejects bytes that are not UTF-8 (as a strict decoder does)", () => {
    for (const bytes of [
      [0xc0, 0x80], // overlong
      [0xed, 0xa0, 0x80], // an encoded surrogate
      [0x80], // a continuation byte alone
      [0xe4, 0xb8], // cut short
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
      [0xef, 0xbf, 0xbe], // U+FFFE, not an XML character
    ]) {
      const doc = Buffer.concat([utf8("<a>"), Buffer.from(bytes), utf8("</a>")]);
      expect(() => scanEvents(doc)).toThrow(XmlSyntaxError);
      expect(() => saxesEvents(new TextDecoder("utf-8", { fatal: true }).decode(doc))).toThrow();
    }
  });
});

describe("XmlScanner rejects what is not well-formed, as saxes does", () => {
  const malformed: [string, string][] = [
    ["an unclosed element", "<a><b></b>"],
    ["a mismatched end tag", "<a><b></a></b>"],
    ["an end tag without a start tag", "<a></a></b>"],
    ["an unquoted attribute value", "<a b=1/>"],
    ["an attribute without a value", "<a b/>"],
    ["attributes without whitespace between them", "<a b='1'c='2'/>"],
    ["'<' in an attribute value", "<a b='<'/>"],
    ["a duplicate attribute", "<a x='1' x='2'/>"],
    ["a duplicate attribute by namespace", "<a xmlns:p='u' xmlns:q='u' p:x='1' q:x='2'/>"],
    ["an undeclared element prefix", "<p:a/>"],
    ["an undeclared attribute prefix", "<a p:x='1'/>"],
    ["a prefix used outside its declaration's scope", "<a><b xmlns:p='u'/><p:c/></a>"],
    ["an empty prefix declaration", "<a xmlns:p=''/>"],
    ["the xml prefix bound elsewhere", "<a xmlns:xml='urn:x'/>"],
    ["the xmlns prefix declared", "<a xmlns:xmlns='urn:x'/>"],
    ["an element with the xmlns prefix", "<xmlns:a/>"],
    ["a name with two colons", "<a:b:c xmlns:a='u'/>"],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["an entity without ';'", "<a>&amp</a>"],
    ["a character reference beyond U+10FFFF", "<a>&#1114112;</a>"],
    ["a character reference to NUL", "<a>&#0;</a>"],
    ["a character reference to a surrogate", "<a>&#xD800;</a>"],
    ["a character reference to U+FFFE", "<a>&#xFFFE;</a>"],
    ["a character reference in an attribute to U+0001", "<a b='&#1;'/>"],
    ["a control character", "<a>\u0001</a>"],
    ["a control character in an attribute", "<a b='\u0008'/>"],
    ["U+FFFF", "<a>\uFFFF</a>"],
    ["']]>' in text", "<a>]]></a>"],
    ["'--' in a comment", "<a><!-- -- --></a>"],
    ["a comment ending in '-'", "<a><!-- a ---></a>"],
    ["text after the root", "<a/>x"],
    ["text before the root", "x<a/>"],
    ["a second root", "<a/><b/>"],
    ["CDATA outside the root", "<![CDATA[x]]><a/>"],
    ["an XML declaration not at the start", " <?xml version='1.0'?><a/>"],
    ["an XML declaration inside", "<a><?xml version='1.0'?></a>"],
    ["a malformed XML declaration", "<?xml encoding='UTF-8'?><a/>"],
    ["no root element", "<!-- nothing -->"],
    ["an empty document", ""],
    ["whitespace in a start tag's name", "< a/>"],
    ["a name that starts with a digit", "<1a/>"],
    ["input that ends inside a start tag", "<a><b x='1'"],
    ["input that ends inside text", "<a>text"],
    ["input that ends inside a comment", "<a/><!-- x"],
    ["input that ends inside CDATA", "<a><![CDATA[x]]"],
    ["input that ends inside a reference", "<a>&am"],
  ];

  it("rejects a processing instruction whose target runs into '?' (which saxes accepts)", () => {
    // XML 1.0 [16]: PI ::= '<?' PITarget (S (Char* - (Char* '?>' Char*)))? '?>'
    for (const sizes of [[], [1], [2]]) {
      expect(() => scanEvents(utf8("<a><?pi?x?></a>"), sizes)).toThrow(XmlSyntaxError);
      expect(() => scanEvents(utf8("<a><?pi?></a>"), sizes)).not.toThrow();
    }
    expect(() => saxesEvents("<a><?pi?x?></a>")).not.toThrow();
  });

  for (const [what, xml] of malformed) {
    it(`rejects ${what}`, () => {
      for (const sizes of [[], [1], [2]])
        expect(() => scanEvents(utf8(xml), sizes)).toThrow(XmlSyntaxError);
      expect(() => saxesEvents(xml)).toThrow();
    });
  }

  it("says what is wrong and at which byte", () => {
    const error = (() => {
      try {
        scanEvents(utf8("<a>\n  <b>&#0;</b></a>"), [4]);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(XmlSyntaxError);
    expect((error as XmlSyntaxError).offset).toBe(9);
    expect((error as XmlSyntaxError).message).toBe(
      "character reference &#0; is not an XML character (at byte 9)"
    );
    expect(() => scanEvents(utf8("<a><b></c></a>"))).toThrow(
      "</c> where </b> was expected (at byte 6)"
    );
    expect(() => scanEvents(utf8("<a>"))).toThrow("<a> is never closed");
  });
});

describe("StringCache gives each run of bytes the string its decode gives", () => {
  // the value of a run is its bytes' (a hint only says what is known of them)
  const decodeUtf8 = (bytes: Buffer, start: number, end: number): string =>
    bytes.toString("utf8", start, end);

  it("for any sequence of runs (repeated, colliding in a cache of 4 slots, longer than its keys)", () => {
    const run = fc.oneof(
      fc.constantFrom("是", "否", "M0000003", "第1乡镇街道商会", "", "a"),
      fc.string({ unit: "grapheme", maxLength: 30 })
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(run, fc.integer({ min: 0, max: 3 })), { maxLength: 60 }),
        (runs) => {
          let decoded = 0;
          const cache = new StringCache(
            (bytes, start, end) => {
              decoded++;
              return decodeUtf8(bytes, start, end);
            },
            16,
            2
          );
          // each run at an offset of its own in a buffer of all of them, as in a sheet
          const buffer = Buffer.from(runs.map(([text]) => `<${text}>`).join(""), "utf8");
          let at = 0;
          for (const [text, hint] of runs) {
            const start = at + 1;
            const end = start + Buffer.byteLength(text, "utf8");
            at = end + 1;
            expect(cache.of(buffer, start, end, hint & TEXT_NOT_ASCII)).toBe(text);
          }
          expect(decoded + cache.hits).toBe(runs.length);
        }
      )
    );
  });

  it("decodes a run that comes again while its slot holds it once", () => {
    let decoded = 0;
    const cache = new StringCache((bytes, start, end) => {
      decoded++;
      return bytes.toString("latin1", start, end);
    });
    const bytes = Buffer.from("M0000003|M0000003|M0000004|M0000003", "latin1");
    const values = [0, 9, 18, 27].map((start) => cache.of(bytes, start, start + 8, 0));
    expect(values).toEqual(["M0000003", "M0000003", "M0000004", "M0000003"]);
    expect(decoded).toBeLessThanOrEqual(3);
    expect(cache.hits).toBeGreaterThanOrEqual(1);
  });
});
