import { Buffer } from "node:buffer";
import { TextDecoder } from "node:util";
import fc from "fast-check";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { describe, expect, it } from "vitest";
import {
  MAX_COLUMN,
  cellAddress,
  columnLetters,
  columnNumber,
  parseCellAddress,
} from "../../src/core/a1";
import type { RawCell } from "../../src/core/types";
import { isoDateTimeToSerial } from "../../src/adapters/xlsx/dates";
import { SharedStringsBuilder } from "../../src/adapters/xlsx/shared-strings";
import { SheetRowsBuilder, type SheetReadContext } from "../../src/adapters/xlsx/sheet-reader";
import { XmlSyntaxError } from "../../src/adapters/xlsx/xml-scan";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const XML_NS = "http://www.w3.org/XML/1998/namespace";

const CONTEXT: SheetReadContext = {
  sharedStrings: ["会员甲", "商会乙", "", "a & b"],
  dateStyles: [false, false, true, true],
  dateSystem: 1900,
};

type Rows = (RawCell[] | undefined)[];

/** An array with the given items at the given 0-based indexes and holes elsewhere, as the reader stores rows. */
function sparse<T>(...entries: [number, T][]): T[] {
  const items: T[] = [];
  for (const [index, item] of entries) items[index] = item;
  return items;
}

function readSheet(xml: string | Buffer, chunkSize = 1 << 20, context = CONTEXT): SheetRowsBuilder {
  const bytes = typeof xml === "string" ? Buffer.from(xml, "utf8") : xml;
  const builder = new SheetRowsBuilder(context);
  for (let at = 0; at < bytes.length; at += chunkSize) {
    builder.feed(bytes.subarray(at, at + chunkSize));
  }
  builder.finish();
  return builder;
}

function sheet(sheetData: string, before = ""): string {
  return `<worksheet xmlns="${MAIN}">${before}<sheetData>${sheetData}</sheetData></worksheet>`;
}

/** The first row's cells of a sheet of one row. */
function cellsOf(rowXml: string): RawCell[] | undefined {
  return readSheet(sheet(`<row r="1">${rowXml}</row>`)).rows[0];
}

describe("SheetRowsBuilder: inline texts with character references, as openpyxl writes them", () => {
  const inline = (ref: string, text: string) =>
    `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

  it("reads a repeated text the same each time, and tells apart texts that differ after a reference", () => {
    const texts = [
      "&#24352;&#19977;",
      "&#24352;&#19977;",
      "&#24352;&#19978;",
      "&#24352;&amp;x_x0041_",
    ];
    const xml = sheet(
      texts
        .map((t, r) => `<row r="${r + 1}">${inline(`A${r + 1}`, t)}${inline(`B${r + 1}`, t)}</row>`)
        .join("")
    );
    // every chunk size, so that a text is cut anywhere between its first reference and its end
    for (const chunk of [1, 3, 7, 1 << 20]) {
      expect(readSheet(xml, chunk).rows.map((row) => row?.[1])).toStrictEqual([
        "张三",
        "张三",
        "张上",
        "张&xA",
      ]);
    }
  });

  it("still refuses a text whose bytes after a reference are not well-formed, after the same text well-formed", () => {
    const good = inline("A1", "&#24352;&#19977;");
    const bad = inline("A2", "&#24352;&#0;");
    expect(() => readSheet(sheet(`<row r="1">${good}</row><row r="2">${bad}</row>`))).toThrow(
      XmlSyntaxError
    );
  });
});

describe("SheetRowsBuilder: what each kind of cell reads as", () => {
  it('reads t="s" as the shared string at the index, and an index out of the table as blank', () => {
    expect(cellsOf('<c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>99</v></c>')).toEqual([
      "商会乙",
    ]);
  });

  it('reads t="str" (a formula\'s text) with OOXML escapes decoded, an empty one as ""', () => {
    expect(
      cellsOf('<c r="A1" t="str"><f>A2</f><v>x_x000D_y</v></c><c r="B1" t="str"><v/></c>')
    ).toStrictEqual(["x\ry", ""]);
  });

  it('reads a t= value that only resembles "str" or "inlineStr" (other case, a letter more or less) as a number cell', () => {
    expect(
      cellsOf(
        '<c t="STR"><v>1</v></c><c t="stri"><v>2</v></c><c t="inlinestr"><v>3</v></c>' +
          '<c t="inlineSts"><v>4</v></c><c t="inlineStr"><is><t>5</t></is></c><c t="str"><v>6</v></c>'
      )
    ).toStrictEqual([1, 2, 3, 4, "5", "6"]);
  });

  it('reads t="b" as true for 1 or true (any case, spaces trimmed), false otherwise', () => {
    expect(
      cellsOf(
        '<c t="b"><v>1</v></c><c t="b"><v>0</v></c><c t="b"><v> TRUE </v></c><c t="b"><v>yes</v></c>'
      )
    ).toStrictEqual([true, false, true, false]);
  });

  it('reads t="e" as an error cell with its text, trimmed', () => {
    expect(
      cellsOf('<c r="A1" t="e"><f>1/0</f><v> #DIV/0! </v></c><c t="e"><v>#N/A</v></c>')
    ).toEqual([
      { kind: "error", error: "#DIV/0!" },
      { kind: "error", error: "#N/A" },
    ]);
  });

  it('reads t="d" as a date serial with its time of day, and unreadable ISO text as the text', () => {
    expect(
      cellsOf('<c t="d"><v>2024-03-01T12:00:00</v></c><c t="d"><v>2024-02-30</v></c>')
    ).toEqual([
      { kind: "date", serial: isoDateTimeToSerial("2024-03-01T12:00:00", 1900) },
      "2024-02-30",
    ]);
    expect(isoDateTimeToSerial("2024-03-01T12:00:00", 1900)).toBe(45352.5);
  });

  it("reads numbers, as dates when their style is a date style, and blanks what is not a number", () => {
    expect(
      cellsOf(
        '<c r="A1"><v>42</v></c><c r="B1" s="2"><v>45000</v></c><c r="C1" t="n"><v>-1.5e3</v></c>' +
          '<c r="D1"><v>abc</v></c><c r="E1"><v/></c><c r="F1"><v> </v></c><c r="G1" s="1"><v>0.1</v></c>' +
          '<c r="H1"><v>Infinity</v></c><c r="I1"><v> 7 </v></c>'
      )
    ).toStrictEqual(
      sparse<RawCell>([0, 42], [1, { kind: "date", serial: 45000 }], [2, -1500], [6, 0.1], [8, 7])
    );
  });

  it("reads every cell of a whole date serial as one shared date cell, and -0 and fractions as their own", () => {
    const rows = readSheet(
      sheet(
        '<row r="1"><c r="A1" s="2"><v>45000</v></c><c r="B1" t="d"><v>2023-03-15</v></c></row>' +
          '<row r="2"><c r="A2" s="3"><v>45000</v></c><c r="B2" s="2"><v>-0</v></c>' +
          '<c r="C2" s="2"><v>45000.25</v></c><c r="D2" s="2"><v>0</v></c></row>'
      )
    ).rows;
    const [first, second] = [rows[0] ?? [], rows[1] ?? []];
    expect(first[0]).toStrictEqual({ kind: "date", serial: 45000 });
    // the same serial from another style and from ISO text: the same object
    expect(second[0]).toBe(first[0]);
    expect(first[1]).toBe(first[0]);
    expect(Object.is((second[1] as { serial: number }).serial, -0)).toBe(true);
    expect(second[2]).toStrictEqual({ kind: "date", serial: 45000.25 });
    expect(second[3]).toStrictEqual({ kind: "date", serial: 0 });
  });

  it("reads exactly what Number() reads for decimals (no rounding of its own)", () => {
    const texts = [
      "0.1",
      "1726.98",
      "-0.000001234",
      "123456789012345",
      "9007199254740993",
      ".5",
      "5.",
      "-0",
    ];
    const row = texts
      .map((t, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${t}</v></c>`)
      .join("");
    expect(cellsOf(row)).toStrictEqual(texts.map((t) => Number(t)));
  });

  it("reads inline strings: runs joined, phonetic runs left out, escapes and line ends decoded", () => {
    const cells = cellsOf(
      '<c r="A1" t="inlineStr"><is><t>plain</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>粗</t></r><r><t xml:space="preserve"> 体 </t></r>' +
        '<rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1"/></is></c>' +
        '<c r="C1" t="inlineStr"><is><t>a_x000D_b&#13;c\r\nd\re</t></is></c>' +
        '<c r="D1" t="inlineStr"><is/></c>' +
        '<c r="E1" t="inlineStr"><v>ignored</v></c>'
    );
    expect(cells).toStrictEqual(["plain", "粗 体 ", "a\rb\rc\nd\ne", ""]);
  });

  it("leaves empty and value-less cells blank and sizes each row to its last value", () => {
    const builder = readSheet(
      sheet(
        '<row r="2"><c r="A2" s="1"/><c r="B2"><v>1</v></c><c r="C2" s="3"/><c r="D2"></c></row>'
      )
    );
    expect(builder.rows).toStrictEqual(sparse([1, sparse([1, 1])]));
    expect(builder.rows[1]).toHaveLength(2);
  });

  it("numbers rows and cells without r= from the one before", () => {
    const builder = readSheet(
      sheet(
        '<row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row>' +
          "<row><c><v>5</v></c></row>"
      )
    );
    expect(builder.rows).toStrictEqual(sparse([0, [1, 2]], [3, sparse([2, 3], [3, 4])], [4, [5]]));
    expect(builder.lastRowSeen).toBe(5);
  });

  it("places a cell whose reference is past the last column (XFD) by its position", () => {
    expect(
      cellsOf('<c r="B1"><v>1</v></c><c r="XFE1"><v>2</v></c><c r="AultRowHe1"><v>3</v></c>')
    ).toStrictEqual(sparse([1, 1], [2, 2], [3, 3]));
    expect(cellsOf('<c r="XFD1"><v>1</v></c>')).toHaveLength(16_384);
  });

  it("places a reference to every column from A to XFD where core/a1.ts numbers it", () => {
    // seven rows, each with every seventh column, so that no cell's place is its position
    const rowsXml = Array.from({ length: 7 }, () => [] as string[]);
    const expected: (number | undefined)[][] = Array.from({ length: 7 }, () => []);
    for (let c = 1; c <= MAX_COLUMN; c++) {
      const k = (c - 1) % 7;
      const letters = columnLetters(c);
      const ref = [
        cellAddress(c, k + 1),
        `$${letters}$${k + 1}`,
        `${letters.toLowerCase()}${k + 1}`,
      ][c % 3]!;
      rowsXml[k]!.push(`<c r="${ref}"><v>${c}</v></c>`);
      expected[k]![parseCellAddress(ref)!.column - 1] = c;
    }
    const xml = rowsXml.map((cells, k) => `<row r="${k + 1}">${cells.join("")}</row>`).join("");
    expect(readSheet(sheet(xml)).rows).toStrictEqual(expected);
  });

  it("takes the declared last row from <dimension> for progress", () => {
    expect(readSheet(sheet("", '<dimension ref="A1:K1000"/>')).declaredLastRow).toBe(1000);
    expect(readSheet(sheet("", '<dimension ref="B7"/>')).declaredLastRow).toBe(7);
    expect(readSheet(sheet("")).declaredLastRow).toBeNull();
  });

  it("reads the Strict namespace and any prefix, and skips elements of other namespaces", () => {
    const xml =
      `<s:worksheet xmlns:s="${STRICT}" xmlns:mc="${MC}" xmlns:x14ac="${X14AC}" mc:Ignorable="x14ac">` +
      '<s:dimension ref="A1:B2"/><s:sheetData>' +
      '<s:row r="1" x14ac:dyDescent="0.25"><s:c r="A1"><s:v>1</s:v></s:c>' +
      '<x14ac:c r="B1"><s:v>2</s:v></x14ac:c></s:row>' +
      '<mc:AlternateContent><mc:Choice Requires="x14ac"><s:row r="2"><s:c><s:v>9</s:v></s:c></s:row></mc:Choice></mc:AlternateContent>' +
      '<row xmlns="urn:not-spreadsheetml" r="2"><c><v>9</v></c></row>' +
      '<s:row r="2"><s:c r="B2" t="inlineStr"><s:is><s:t>a<o:x xmlns:o="urn:o">zz</o:x>b</s:t></s:is></s:c></s:row>' +
      "</s:sheetData></s:worksheet>";
    const builder = readSheet(xml, 7);
    expect(builder.rows).toStrictEqual([[1], sparse([1, "ab"])]);
    expect(builder.declaredLastRow).toBe(2);
  });

  it("reads nothing of a root element that is not SpreadsheetML's", () => {
    const xml =
      '<worksheet xmlns="urn:x"><sheetData><row r="1"><c><v>1</v></c></row></sheetData></worksheet>';
    expect(readSheet(xml).rows).toStrictEqual([]);
  });

  it("reads CDATA, references, comments and processing instructions inside values", () => {
    expect(
      cellsOf(
        '<c><v><![CDATA[1]]><!-- c -->2<?pi x?>&#51;</v></c><c t="str"><v>&lt;<![CDATA[<b>&amp;]]>&gt;</v></c>'
      )
    ).toStrictEqual([123, "<<b>&amp;>"]);
  });

  it("throws XmlSyntaxError for a sheet that is not well-formed", () => {
    expect(() => readSheet(sheet('<row r="1"><c><v>1</c></row>'))).toThrow(XmlSyntaxError);
    expect(() => readSheet(sheet('<row r="1"><c t="s" t="s"><v>1</v></c></row>'))).toThrow(
      XmlSyntaxError
    );
    expect(() => readSheet(sheet("<row><c><v>&nbsp;</v></c></row>"))).toThrow(XmlSyntaxError);
    expect(() => readSheet(sheet("<row>").slice(0, -5))).toThrow(XmlSyntaxError);
  });
});

// ---------------------------------------------------------------------------------------------
// The property: any serialisation of a grid reads as the grid, and as a reader on saxes reads it.

/** A small deterministic random source for the serialisation choices (the seed comes from fast-check). */
class Rng {
  constructor(private state: number) {}
  next(): number {
    // mulberry32
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
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from nothing");
    return item;
  }
}

type Encoding = "utf8" | "utf8-bom" | "utf16le" | "utf16be";

/** How a document is written: everything XML lets a writer choose. */
interface Style {
  readonly rng: Rng;
  readonly encoding: Encoding;
  readonly declaration: boolean;
  /** Probability of a comment or processing instruction at each place one may go. */
  readonly noise: number;
  readonly cdata: number;
  readonly refs: number;
}

const PREFIXES = ["", "x", "s", "main", "ns0", "表", "_p"];

/** Writes markup with namespace bindings tracked, so that any element can use any valid form. */
class XmlWriter {
  private readonly out: string[] = [];
  private readonly scopes: Map<string, string>[] = [
    new Map([
      ["", ""],
      ["xml", XML_NS],
    ]),
  ];
  private readonly names: string[] = [];

  constructor(readonly style: Style) {}

  private get rng(): Rng {
    return this.style.rng;
  }

  /** Whitespace inside a tag, possibly none (where none is allowed). */
  private space(required: boolean): string {
    const r = this.rng;
    if (!required && r.chance(0.6)) return "";
    return r.pick([" ", "  ", "\n", "\t", "\r\n ", " \r"]);
  }

  /** Whitespace, comments and processing instructions between elements (never inside text). */
  misc(): void {
    const r = this.rng;
    if (r.chance(this.style.noise)) this.out.push(r.pick(["\n  ", " ", "\r\n", "\t"]));
    if (r.chance(this.style.noise)) this.out.push(this.noise());
  }

  private noise(): string {
    return this.rng.pick([
      "<!-- 注释 -->",
      "<!---->",
      "<!-- a - b -->",
      "<?pi?>",
      "<?x-y 数据 ?>",
      "<?target <a> & ]]?>",
    ]);
  }

  raw(text: string): void {
    this.out.push(text);
  }

  /** An attribute value: any quote, references, whitespace that normalises to the same value. */
  private attributeValue(value: string): string {
    const r = this.rng;
    const quote = r.chance(0.5) ? '"' : "'";
    const pieces: string[] = [];
    for (const ch of value) {
      const code = ch.codePointAt(0)!;
      if (ch === quote || ch === "<" || ch === "&" || ch === "\t" || ch === "\n" || ch === "\r") {
        pieces.push(charRef(code, r));
      } else if (ch === " " && r.chance(0.3)) {
        pieces.push(r.pick(["\t", "\n", "\r\n", "\r"]));
      } else if (r.chance(this.style.refs)) {
        pieces.push(
          ch === '"' && r.chance(0.5)
            ? "&quot;"
            : ch === "'" && r.chance(0.5)
              ? "&apos;"
              : charRef(code, r)
        );
      } else {
        pieces.push(ch);
      }
    }
    return quote + joinRaw(pieces) + quote;
  }

  /**
   * A start tag of an element in `uri` with `attributes` ([namespace or "", local name, value]).
   * The element's prefix is any bound to its namespace, or a new one declared here (maybe the
   * default namespace); attributes come in any order, with declarations among them.
   */
  open(uri: string, local: string, attributes: [string, string, string][], empty = false): void {
    const r = this.rng;
    const outer = this.scopes[this.scopes.length - 1]!;
    const scope = new Map(outer);
    const parts: string[] = [];
    const used = new Set<string>();
    const declare = (prefix: string, ns: string) => {
      scope.set(prefix, ns);
      parts.push(`${prefix === "" ? "xmlns" : `xmlns:${prefix}`}=${this.attributeValue(ns)}`);
      used.add(prefix);
    };
    let prefix: string;
    if (uri === "") {
      prefix = "";
      if (scope.get("") !== "") declare("", "");
    } else {
      const bound = [...scope].filter(([, ns]) => ns === uri).map(([p]) => p);
      if (bound.length > 0 && r.chance(0.75)) {
        prefix = r.pick(bound);
        used.add(prefix);
      } else {
        prefix = r.pick(PREFIXES);
        declare(prefix, uri);
      }
    }
    for (const [ns, name, value] of attributes) {
      let qname = name;
      if (ns !== "") {
        const bound = [...scope].filter(([p, u]) => u === ns && p !== "").map(([p]) => p);
        let p = bound.length > 0 ? r.pick(bound) : null;
        if (p === null) {
          p = r.pick(PREFIXES.filter((x) => x !== "" && !used.has(x)));
          declare(p, ns);
        }
        used.add(p);
        qname = `${p}:${name}`;
      }
      parts.push(`${qname}${this.space(false)}=${this.space(false)}${this.attributeValue(value)}`);
    }
    // a declaration nobody here uses, sometimes shadowing an outer binding
    if (r.chance(0.2)) {
      const free = PREFIXES.filter((x) => x !== "" && !used.has(x));
      if (free.length > 0) declare(r.pick(free), r.pick(["urn:decoy", MAIN, STRICT]));
    }
    shuffle(parts, r);
    const qname = prefix === "" ? local : `${prefix}:${local}`;
    const attrs = parts.map((part) => this.space(true) + part).join("");
    if (empty) {
      this.out.push(`<${qname}${attrs}${this.space(false)}/>`);
      return;
    }
    this.out.push(`<${qname}${attrs}${this.space(false)}>`);
    this.scopes.push(scope);
    this.names.push(qname);
  }

  close(): void {
    this.scopes.pop();
    this.out.push(`</${this.names.pop()}${this.space(false)}>`);
  }

  /** Character data meaning exactly `text`, in any of XML's (and OOXML's) ways of writing it. */
  text(text: string, ooxml: boolean): void {
    const r = this.rng;
    const pieces: string[] = [];
    let cdata: string[] | null = null;
    const endCdata = () => {
      if (cdata) pieces.push(`<![CDATA[${joinRaw(cdata)}]]>`);
      cdata = null;
    };
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      if (r.chance(this.style.noise / 4)) {
        endCdata();
        pieces.push(this.noise());
      }
      const forbidden = code < 0x20 && ch !== "\t" && ch !== "\n" && ch !== "\r";
      if (forbidden || (ch === "\r" && ooxml && r.chance(0.3))) {
        if (!ooxml) throw new Error("not expressible");
        endCdata();
        pieces.push(`_x${code.toString(16).padStart(4, "0").toUpperCase()}_`);
        continue;
      }
      const newline = ch === "\n" ? r.pick(["\n", "\r\n", "\r"]) : null;
      if (ch !== "\r" && r.chance(this.style.cdata)) {
        cdata ??= [];
        // "]]>" may not appear inside a CDATA section: close it between "]]" and ">"
        const tail = cdata.join("");
        if (ch === ">" && tail.endsWith("]]")) {
          endCdata();
          cdata = [ch];
        } else {
          cdata.push(newline ?? ch);
        }
        continue;
      }
      endCdata();
      if (ch === "\r" || r.chance(this.style.refs)) {
        const named = NAMED[ch];
        pieces.push(named !== undefined && r.chance(0.5) ? named : charRef(code, r));
      } else if (ch === "<") {
        pieces.push("&lt;");
      } else if (ch === "&") {
        pieces.push("&amp;");
      } else if (ch === ">" && (pieces[pieces.length - 1] ?? "").endsWith("]")) {
        pieces.push("&gt;");
      } else {
        pieces.push(newline ?? ch);
      }
    }
    endCdata();
    this.out.push(joinRaw(pieces));
  }

  /** The document's bytes in its encoding, with an XML declaration saying so (or none). */
  bytes(): Buffer {
    const { encoding, declaration } = this.style;
    const r = this.rng;
    let head = "";
    if (declaration) {
      const name = encoding.startsWith("utf16")
        ? r.pick(["UTF-16", "utf-16"])
        : r.pick(["UTF-8", "utf-8"]);
      const enc =
        r.chance(0.8) || encoding.startsWith("utf16")
          ? ` encoding=${r.chance(0.5) ? `"${name}"` : `'${name}'`}`
          : "";
      head = `<?xml version="1.0"${enc}${r.chance(0.5) ? ' standalone="yes"' : ""}${this.space(false)}?>`;
    }
    if (r.chance(this.style.noise)) head += r.pick(["\n", "\r\n", "\n<!-- 序 -->\n", "<?app x?>"]);
    if (r.chance(0.1)) head += "<!DOCTYPE worksheet>\n";
    const text = head + this.out.join("") + (r.chance(this.style.noise) ? "\n<!-- end -->\n" : "");
    switch (encoding) {
      case "utf8":
        return Buffer.from(text, "utf8");
      case "utf8-bom":
        return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
      case "utf16le":
        return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
      case "utf16be":
        return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
    }
  }
}

const NAMED: Readonly<Record<string, string>> = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
};

/** A character reference to `code`, decimal or hex, maybe with leading zeros. */
function charRef(code: number, r: Rng): string {
  const zeros = r.chance(0.2) ? "00" : "";
  if (r.chance(0.5)) return `&#${zeros}${code};`;
  const hex = code.toString(16);
  return `&#x${zeros}${r.chance(0.5) ? hex.toUpperCase() : hex};`;
}

/** Joins raw pieces so that a raw CR that stands for a line end is never read together with a LF after it. */
function joinRaw(pieces: string[]): string {
  let out = "";
  for (const piece of pieces) {
    out += out.endsWith("\r") && piece.startsWith("\n") ? `\n${piece}` : piece;
  }
  return out;
}

function shuffle<T>(items: T[], r: Rng): void {
  for (let k = items.length - 1; k > 0; k--) {
    const m = Math.floor(r.next() * (k + 1));
    [items[k], items[m]] = [items[m]!, items[k]!];
  }
}

/** Cuts bytes at random places (sizes 1 to 64, cycled), or not at all. */
function chunks(bytes: Buffer, sizes: number[]): Buffer[] {
  if (sizes.length === 0) return [bytes];
  const out: Buffer[] = [];
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    out.push(bytes.subarray(at, at + size));
    at += size;
  }
  return out;
}

// ---- the grid

type CellSpec =
  | { kind: "shared"; index: number; style: number }
  | { kind: "number"; text: string; style: number; formula: boolean }
  | { kind: "str"; text: string }
  | { kind: "bool"; text: string }
  | { kind: "error"; text: string }
  | { kind: "isoDate"; text: string }
  | { kind: "inline"; runs: string[]; rich: boolean; phonetic: string | null }
  | { kind: "empty"; style: number; form: "self" | "open" | "v" | "sv" };

interface RowSpec {
  gap: number;
  withR: boolean;
  cells: { gap: number; withR: boolean; spec: CellSpec }[];
}

/** Characters of cell text: markup characters, CJK, astral, whitespace, line ends, a control. */
const TEXT_CHARS = [
  "a",
  "Z",
  "0",
  " ",
  "<",
  ">",
  "&",
  '"',
  "'",
  "]",
  "中",
  "文",
  "é",
  "😀",
  "𠀀",
  "\t",
  "\n",
  "\r",
  "\u0001",
];
const cellText = fc
  .array(fc.constantFrom(...TEXT_CHARS), { maxLength: 8 })
  .map((cs) => cs.join(""));

const numberText = fc.oneof(
  fc.integer({ min: -2_000_000, max: 2_000_000 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.constantFrom(
    "007",
    "1.50",
    ".5",
    "-.25",
    "1E3",
    " 42 ",
    "0x1F",
    "Infinity",
    "abc",
    "",
    "1726.98"
  )
);

const isoText = fc
  .tuple(
    fc.integer({ min: 1950, max: 2050 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.option(fc.integer({ min: 0, max: 86399 }))
  )
  .map(([y, m, d, s]) => {
    const pad = (n: number) => String(n).padStart(2, "0");
    const day = `${y}-${pad(m)}-${pad(d)}`;
    if (s === null) return day;
    return `${day}T${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
  });

const style = fc.integer({ min: 0, max: 3 });

const cellSpec: fc.Arbitrary<CellSpec> = fc.oneof(
  fc.record({ kind: fc.constant("shared" as const), index: fc.integer({ min: 0, max: 5 }), style }),
  fc.record({
    kind: fc.constant("number" as const),
    text: numberText,
    style,
    formula: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("str" as const), text: cellText }),
  fc.record({
    kind: fc.constant("bool" as const),
    text: fc.constantFrom("0", "1", "true", "TRUE", " 1 ", "false", "yes"),
  }),
  fc.record({
    kind: fc.constant("error" as const),
    text: fc.constantFrom("#N/A", "#REF!", "#DIV/0!", " #VALUE! ", "#NAME?", "#NULL!", "#NUM!"),
  }),
  fc.record({ kind: fc.constant("isoDate" as const), text: isoText }),
  fc.record({
    kind: fc.constant("inline" as const),
    runs: fc.array(cellText, { maxLength: 3 }),
    rich: fc.boolean(),
    phonetic: fc.option(cellText),
  }),
  fc.record({
    kind: fc.constant("empty" as const),
    style,
    form: fc.constantFrom("self" as const, "open" as const, "v" as const, "sv" as const),
  })
);

const rowSpec: fc.Arbitrary<RowSpec> = fc.record({
  gap: fc.integer({ min: 1, max: 3 }),
  withR: fc.boolean(),
  cells: fc.array(
    fc.record({ gap: fc.integer({ min: 1, max: 3 }), withR: fc.boolean(), spec: cellSpec }),
    { maxLength: 6 }
  ),
});

/** What a cell means: the value the spec of reading says it has (undefined: blank). */
function intended(spec: CellSpec, context: SheetReadContext): RawCell {
  switch (spec.kind) {
    case "shared":
      return context.sharedStrings[spec.index];
    case "number": {
      const n = Number(spec.text);
      if (spec.text.trim() === "" || !Number.isFinite(n)) return undefined;
      return context.dateStyles[spec.style] ? { kind: "date", serial: n } : n;
    }
    case "str":
      return spec.text;
    case "bool":
      return spec.text.trim() === "1" || spec.text.trim().toLowerCase() === "true";
    case "error":
      return { kind: "error", error: spec.text.trim() };
    case "isoDate":
      return { kind: "date", serial: isoDateTimeToSerial(spec.text, context.dateSystem)! };
    case "inline":
      return spec.runs.join("");
    case "empty":
      return undefined;
  }
}

/** The intended rows of a grid, sized as the reader sizes them. */
function intendedRows(rows: RowSpec[], context: SheetReadContext): { rows: Rows; lastRow: number } {
  const out: Rows = [];
  let rowNumber = 0;
  for (const row of rows) {
    rowNumber += row.gap;
    let column = 0;
    let cells: RawCell[] | undefined;
    for (const cell of row.cells) {
      column += cell.gap;
      const value = intended(cell.spec, context);
      if (value === undefined || value === null) continue;
      cells ??= [];
      cells[column - 1] = value;
    }
    if (cells) out[rowNumber - 1] = cells;
  }
  return { rows: out, lastRow: rowNumber };
}

/** Writes a worksheet of the grid in the given style. */
function writeSheet(rows: RowSpec[], style: Style, ns: string, dimension: boolean): Buffer {
  const w = new XmlWriter(style);
  const r = style.rng;
  const lastRow = rows.reduce((n, row) => n + row.gap, 0);
  const decoy = () => {
    // elements of other namespaces, with SpreadsheetML-looking content that must not be read
    if (!r.chance(style.noise)) return;
    const which = r.pick(["ext", "default", "mc"]);
    if (which === "ext") {
      w.open("urn:ext", "ext", [["", "uri", "{78C0D931}"]]);
      w.open(ns === MAIN ? "urn:other" : "urn:x", "row", [["", "r", "1"]]);
      w.open(ns, "c", []);
      w.raw("<!-- inside -->");
      w.close();
      w.close();
      w.close();
    } else if (which === "default") {
      w.raw(`<row xmlns="urn:not-sml" r="1"><c t="s"><v>0</v></c></row>`);
    } else {
      w.open(MC, "AlternateContent", []);
      w.open(MC, "Choice", [["", "Requires", "x14"]]);
      w.open("urn:x14", "thing", [], true);
      w.close();
      w.close();
    }
  };
  w.open(ns, "worksheet", r.chance(0.5) ? [[MC, "Ignorable", "x14ac"]] : []);
  w.misc();
  if (dimension) {
    w.open(ns, "dimension", [["", "ref", `A1:K${lastRow}`]], true);
    w.misc();
  }
  decoy();
  w.open(ns, "sheetData", []);
  let rowNumber = 0;
  for (const row of rows) {
    rowNumber += row.gap;
    w.misc();
    decoy();
    const rowAttrs: [string, string, string][] = [];
    if (row.withR || row.gap !== 1) rowAttrs.push(["", "r", String(rowNumber)]);
    if (r.chance(0.3)) rowAttrs.push(["", "spans", "1:11"]);
    if (r.chance(0.3)) rowAttrs.push([X14AC, "dyDescent", "0.25"]);
    if (row.cells.length === 0 && r.chance(0.5)) {
      w.open(ns, "row", rowAttrs, true);
      continue;
    }
    w.open(ns, "row", rowAttrs);
    let column = 0;
    for (const cell of row.cells) {
      column += cell.gap;
      w.misc();
      writeCell(
        w,
        ns,
        cell.spec,
        cell.withR || cell.gap !== 1 ? `${columnLetters(column)}${rowNumber}` : null,
        decoy
      );
    }
    w.misc();
    w.close();
  }
  w.misc();
  w.close();
  decoy();
  w.close();
  return w.bytes();
}

function writeCell(
  w: XmlWriter,
  ns: string,
  spec: CellSpec,
  ref: string | null,
  decoy: () => void
): void {
  const attrs: [string, string, string][] = [];
  if (ref !== null) attrs.push(["", "r", ref]);
  const typed = (t: string | null, s: number) => {
    if (t !== null) attrs.push(["", "t", t]);
    if (s !== 0 || w.style.rng.chance(0.2)) attrs.push(["", "s", String(s)]);
  };
  const value = (text: string, ooxml: boolean) => {
    w.open(ns, "v", []);
    w.text(text, ooxml);
    w.close();
  };
  switch (spec.kind) {
    case "shared":
      typed("s", spec.style);
      w.open(ns, "c", attrs);
      value(String(spec.index), false);
      break;
    case "number":
      typed(w.style.rng.chance(0.3) ? "n" : null, spec.style);
      w.open(ns, "c", attrs);
      if (spec.formula) {
        w.open(ns, "f", []);
        w.text('SUM(A1:B2)&"<x>"', false);
        w.close();
      }
      value(spec.text, false);
      break;
    case "str":
      typed("str", 0);
      w.open(ns, "c", attrs);
      w.open(ns, "f", [], true);
      value(spec.text, true);
      break;
    case "bool":
      typed("b", 0);
      w.open(ns, "c", attrs);
      value(spec.text, false);
      break;
    case "error":
      typed("e", 0);
      w.open(ns, "c", attrs);
      value(spec.text, false);
      break;
    case "isoDate":
      typed("d", 0);
      w.open(ns, "c", attrs);
      value(spec.text, false);
      break;
    case "inline":
      typed("inlineStr", 0);
      w.open(ns, "c", attrs);
      w.open(ns, "is", []);
      writeItem(w, ns, spec, decoy);
      w.close();
      break;
    case "empty":
      typed(spec.form === "sv" ? "s" : null, spec.style);
      if (spec.form === "self") {
        w.open(ns, "c", attrs, true);
        return;
      }
      w.open(ns, "c", attrs);
      if (spec.form !== "open") value("", false);
      break;
  }
  decoy();
  w.close();
}

/** The content of a string item (`<si>` or `<is>`): plain `<t>`, or rich-text runs, and phonetics. */
function writeItem(
  w: XmlWriter,
  ns: string,
  item: { runs: string[]; rich: boolean; phonetic: string | null },
  decoy: () => void
): void {
  const r = w.style.rng;
  const t = (text: string) => {
    const preserve: [string, string, string][] = r.chance(0.3)
      ? [[XML_NS, "space", "preserve"]]
      : [];
    if (text === "" && r.chance(0.5)) {
      w.open(ns, "t", preserve, true);
      return;
    }
    w.open(ns, "t", preserve);
    w.text(text, true);
    w.close();
  };
  if (!item.rich && item.runs.length <= 1) {
    if (item.runs.length === 1) t(item.runs[0]!);
  } else {
    for (const run of item.runs) {
      w.misc();
      w.open(ns, "r", []);
      if (r.chance(0.5)) {
        w.open(ns, "rPr", []);
        w.open(ns, "b", [], true);
        w.close();
      }
      decoy();
      t(run);
      w.close();
    }
  }
  if (item.phonetic !== null) {
    w.open(ns, "rPh", [
      ["", "sb", "0"],
      ["", "eb", "1"],
    ]);
    t(item.phonetic);
    w.close();
    w.open(ns, "phoneticPr", [["", "fontId", "1"]], true);
  }
  w.misc();
}

// ---- the reference reader, on saxes

/** Decodes a document's bytes by their byte order mark (UTF-8 without one), strictly. */
function decodeDocument(bytes: Buffer): string {
  const label =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "utf-16le"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "utf-16be"
        : "utf-8";
  return new TextDecoder(label, { fatal: true }).decode(bytes);
}

function decodeOoxml(text: string): string {
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_w, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

function isMain(tag: SaxesTagNS): boolean {
  return tag.uri === MAIN || tag.uri === STRICT;
}

/** An unprefixed attribute's value. */
function plainAttribute(tag: SaxesTagNS, name: string): string | undefined {
  const attribute = tag.attributes[name];
  return attribute && attribute.uri === "" ? attribute.value : undefined;
}

/**
 * Throws for a tag saxes 6 accepts although Namespaces in XML does not: a qualified name whose
 * local part is no NCName because it starts with a digit, '-', '.' or another character that may
 * only follow the first ("x14ac:1dyDescent", "xml:9pace"). The scanner rejects those.
 */
function rejectWhatSaxesLetsThrough(tag: SaxesTagNS): void {
  // a digit, '-', '.', U+00B7, a combining mark (U+0300–U+036F), U+203F or U+2040
  const notAStart = (name: string): boolean => {
    const c = name.charCodeAt(0);
    return (
      (c >= 0x30 && c <= 0x39) ||
      c === 0x2d ||
      c === 0x2e ||
      c === 0xb7 ||
      (c >= 0x300 && c <= 0x36f) ||
      c === 0x203f ||
      c === 0x2040
    );
  };
  const names = [tag.local, ...Object.values(tag.attributes).map((a) => a.local)];
  const bad = names.find(notAStart);
  if (bad !== undefined) throw new Error(`"${bad}" is no NCName`);
}

/** Reads a worksheet with saxes, by the rules of reading cells, as plainly as they can be written. */
function referenceSheet(
  bytes: Buffer,
  context: SheetReadContext
): { rows: Rows; declaredLastRow: number | null } {
  const parser = new SaxesParser<{ xmlns: true }>({ xmlns: true });
  const rows: Rows = [];
  let declaredLastRow: number | null = null;
  const kinds: string[] = [];
  let rowNumber = 0;
  let column = 0;
  let cells: RawCell[] | undefined;
  let cell: { type: string | undefined; style: number; value: string | null } | null = null;
  parser.on("opentag", (tag) => {
    rejectWhatSaxesLetsThrough(tag);
    const parent = kinds[kinds.length - 1] ?? "document";
    let kind = "other";
    if (parent !== "other" && isMain(tag)) {
      if (parent === "document") kind = "root";
      else if (parent === "root" && tag.local === "sheetData") kind = "sheetData";
      else if (parent === "root" && tag.local === "dimension") {
        const last = /(\d+)$/.exec(plainAttribute(tag, "ref") ?? "");
        declaredLastRow = last ? parseInt(last[1]!, 10) : null;
      } else if (parent === "sheetData" && tag.local === "row") {
        kind = "row";
        const r = parseInt(plainAttribute(tag, "r") ?? "", 10);
        rowNumber = r >= 1 ? r : rowNumber + 1;
        column = 0;
        cells = undefined;
      } else if (parent === "row" && tag.local === "c") {
        kind = "c";
        const letters = /^\$?([A-Za-z]+)/.exec(plainAttribute(tag, "r") ?? "")?.[1];
        // a reference past XFD places the cell by its position, as one without `r`
        const named = letters ? columnNumber(letters) : null;
        column = named ?? column + 1;
        cell = {
          type: plainAttribute(tag, "t"),
          style: parseInt(plainAttribute(tag, "s") ?? "0", 10),
          value: null,
        };
      } else if (parent === "c" && cell && cell.value === null) {
        if (cell.type === "inlineStr" ? tag.local === "is" : tag.local === "v") {
          kind = tag.local;
          cell.value = "";
        }
      } else if ((parent === "is" || parent === "r") && tag.local === "t") {
        kind = "t";
      } else if (parent === "is" && tag.local === "r") {
        kind = "r";
      }
    }
    kinds.push(kind);
  });
  const onText = (text: string) => {
    const kind = kinds[kinds.length - 1];
    if (cell && (kind === "v" || kind === "t")) cell.value += text;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", () => {
    const kind = kinds.pop();
    if (kind === "c" && cell) {
      const value = referenceValue(cell.type, cell.style, cell.value, context);
      if (value !== null && value !== undefined) {
        cells ??= [];
        cells[column - 1] = value;
      }
      cell = null;
    } else if (kind === "row" && cells) {
      rows[rowNumber - 1] = cells;
    }
  });
  parser.write(decodeDocument(bytes)).close();
  return { rows, declaredLastRow };
}

/** The rules of reading a cell from its type, style and text (null: no `<v>` / `<is>`). */
function referenceValue(
  type: string | undefined,
  style: number,
  text: string | null,
  context: SheetReadContext
): RawCell {
  if (text === null) return null;
  switch (type) {
    case "inlineStr":
    case "str":
      return decodeOoxml(text);
    case "s":
      return context.sharedStrings[parseInt(text, 10)] ?? null;
    case "b":
      return text.trim() === "1" || text.trim().toLowerCase() === "true";
    case "e":
      return { kind: "error", error: text.trim() };
    case "d": {
      const serial = isoDateTimeToSerial(text, context.dateSystem);
      return serial === null ? text : { kind: "date", serial };
    }
    default: {
      const number = Number(text);
      if (text.trim() === "" || !Number.isFinite(number)) return null;
      return context.dateStyles[style] === true ? { kind: "date", serial: number } : number;
    }
  }
}

/** Reads a shared-string table with saxes. */
function referenceStrings(bytes: Buffer): string[] {
  const parser = new SaxesParser<{ xmlns: true }>({ xmlns: true });
  const strings: string[] = [];
  const kinds: string[] = [];
  let item = "";
  parser.on("opentag", (tag) => {
    rejectWhatSaxesLetsThrough(tag);
    const parent = kinds[kinds.length - 1] ?? "document";
    let kind = "other";
    if (parent !== "other" && isMain(tag)) {
      if (parent === "document" && tag.local === "sst") kind = "sst";
      else if (parent === "sst" && tag.local === "si") {
        kind = "si";
        item = "";
      } else if ((parent === "si" || parent === "r") && tag.local === "t") kind = "t";
      else if (parent === "si" && tag.local === "r") kind = "r";
    }
    kinds.push(kind);
  });
  const onText = (text: string) => {
    if (kinds[kinds.length - 1] === "t") item += text;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", () => {
    if (kinds.pop() === "si") strings.push(decodeOoxml(item));
  });
  parser.write(decodeDocument(bytes)).close();
  return strings;
}

const styleArb = fc.record({
  seed: fc.integer(),
  encoding: fc.constantFrom<Encoding>("utf8", "utf8-bom", "utf16le", "utf16be"),
  declaration: fc.boolean(),
  noise: fc.constantFrom(0, 0.2, 0.6),
  cdata: fc.constantFrom(0, 0.2, 0.8),
  refs: fc.constantFrom(0, 0.2, 0.8),
});

function makeStyle(s: {
  seed: number;
  encoding: Encoding;
  declaration: boolean;
  noise: number;
  cdata: number;
  refs: number;
}): Style {
  return { ...s, rng: new Rng(s.seed) };
}

const chunkSizes = fc.oneof(
  fc.constant([] as number[]),
  fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 })
);

describe("SheetRowsBuilder reads any serialisation of a sheet as the grid it means", () => {
  it("reads random grids written in every XML form exactly as intended and as a saxes-based reader reads them", () => {
    fc.assert(
      fc.property(
        fc.array(rowSpec, { maxLength: 6 }),
        styleArb,
        fc.constantFrom(MAIN, STRICT),
        fc.boolean(),
        chunkSizes,
        (rows, styleSpec, ns, dimension, sizes) => {
          const bytes = writeSheet(rows, makeStyle(styleSpec), ns, dimension);
          const expected = intendedRows(rows, CONTEXT);
          const builder = new SheetRowsBuilder(CONTEXT);
          for (const chunk of chunks(bytes, sizes)) builder.feed(chunk);
          builder.finish();
          const reference = referenceSheet(bytes, CONTEXT);
          expect(builder.rows).toStrictEqual(expected.rows);
          expect(reference.rows).toStrictEqual(expected.rows);
          expect(builder.declaredLastRow).toBe(dimension ? expected.lastRow : null);
          expect(reference.declaredLastRow).toBe(builder.declaredLastRow);
        }
      ),
      { numRuns: 300 }
    );
  });
});

interface ItemSpec {
  runs: string[];
  rich: boolean;
  phonetic: string | null;
}

const itemSpec: fc.Arbitrary<ItemSpec> = fc.record({
  runs: fc.array(cellText, { maxLength: 3 }),
  rich: fc.boolean(),
  phonetic: fc.option(cellText),
});

function writeSst(items: ItemSpec[], style: Style, ns: string): Buffer {
  const w = new XmlWriter(style);
  const r = style.rng;
  const decoy = () => {
    if (r.chance(style.noise)) w.raw('<x:si xmlns:x="urn:decoy"><x:t>not an item</x:t></x:si>');
  };
  w.open(ns, "sst", [
    ["", "count", String(items.length)],
    ["", "uniqueCount", String(items.length)],
  ]);
  for (const item of items) {
    w.misc();
    decoy();
    if (item.runs.length === 0 && item.phonetic === null && r.chance(0.5)) {
      w.open(ns, "si", [], true);
      continue;
    }
    w.open(ns, "si", []);
    writeItem(w, ns, item, decoy);
    w.close();
  }
  w.misc();
  if (r.chance(style.noise)) {
    w.open(ns, "extLst", []);
    w.open(ns, "ext", [["", "uri", "{x}"]]);
    w.raw('<y:si xmlns:y="urn:y"/>');
    w.close();
    w.close();
  }
  w.close();
  return w.bytes();
}

describe("SharedStringsBuilder reads any serialisation of a table as the strings it means", () => {
  it("reads random tables written in every XML form exactly as intended and as a saxes-based reader reads them", () => {
    fc.assert(
      fc.property(
        fc.array(itemSpec, { maxLength: 8 }),
        styleArb,
        fc.constantFrom(MAIN, STRICT),
        chunkSizes,
        (items, styleSpec, ns, sizes) => {
          const bytes = writeSst(items, makeStyle(styleSpec), ns);
          const builder = new SharedStringsBuilder();
          for (const chunk of chunks(bytes, sizes)) builder.feed(chunk);
          const strings = builder.finish();
          const expected = items.map((item) => item.runs.join(""));
          expect(strings).toStrictEqual(expected);
          expect(referenceStrings(bytes)).toStrictEqual(expected);
        }
      ),
      { numRuns: 300 }
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The fast paths. Sheets and tables written as producers write them (ExcelJS, openpyxl, Excel):
// the shape SheetRowsBuilder and SharedStringsBuilder read straight from the bytes, with rare
// departures from it that the scanner reads instead; then the same documents damaged, which
// must be rejected exactly when saxes rejects them.

type Producer = "exceljs" | "openpyxl" | "prefixed" | "strict";

interface ProducerStyle {
  readonly producer: Producer;
  readonly rng: Rng;
  /** Probability of a departure from the producer's shape at each row and cell. */
  readonly departures: number;
  /** Whether `]` is written as a reference (then every cell of the fast shape is read fast). */
  readonly escapeBracket: boolean;
}

const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Text escaped as producers do; openpyxl also writes every non-ASCII character as `&#N;`. */
function producerText(text: string, style: ProducerStyle): string {
  const r = style.rng;
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === "<") out += "&lt;";
    else if (ch === ">") out += "&gt;";
    else if (ch === "&") out += "&amp;";
    else if (ch === "]" && style.escapeBracket) out += "&#93;";
    else if (ch === "\r") out += r.chance(0.5) ? "&#13;" : "_x000D_";
    else if (code < 0x20 && ch !== "\t" && ch !== "\n")
      out += `_x${code.toString(16).padStart(4, "0").toUpperCase()}_`;
    else if (code >= 0x80 && style.producer === "openpyxl")
      out += r.chance(style.departures) ? `&#x${code.toString(16)};` : `&#${code};`;
    else out += ch;
  }
  return out;
}

/** Attributes as a producer writes them (`name="value"`), or with a departure from that. */
function producerAttributes(pairs: [string, string][], style: ProducerStyle): string {
  const r = style.rng;
  const parts = pairs.map(([name, value]) => `${name}="${value}"`);
  if (r.chance(style.departures)) {
    const k = Math.floor(r.next() * (parts.length + 1));
    const departure = r.pick(["quote", "spaced", "extra", "order", "tab"]);
    if (departure === "extra" || parts.length === 0)
      parts.splice(k, 0, r.pick(['cm="1"', 'ph="1"']));
    else if (departure === "order") shuffle(parts, r);
    else {
      const m = k % parts.length;
      const [name, value] = pairs[m]!;
      parts[m] =
        departure === "quote"
          ? `${name}='${value}'`
          : departure === "spaced"
            ? `${name} = "${value}"`
            : `\t${name}="${value}"\n`;
    }
  }
  return parts.map((p) => ` ${p}`).join("");
}

function producerCell(spec: CellSpec, ref: string | null, style: ProducerStyle, p: string): string {
  const r = style.rng;
  const pairs: [string, string][] = [];
  if (ref !== null) pairs.push(["r", ref]);
  const typed = (t: string | null, s: number) => {
    if (s !== 0) pairs.push(["s", String(s)]);
    if (t !== null) pairs.push(["t", t]);
  };
  const odd = () => r.chance(style.departures);
  const v = (text: string) =>
    text === "" && r.chance(0.3) ? `<${p}v/>` : `<${p}v${odd() ? " " : ""}>${text}</${p}v>`;
  let body: string;
  switch (spec.kind) {
    case "shared":
      typed("s", spec.style);
      body = v(String(spec.index));
      break;
    case "number":
      typed(style.producer === "openpyxl" ? "n" : null, spec.style);
      body = (spec.formula ? `<${p}f>SUM(A1:B2)</${p}f>` : "") + v(spec.text);
      break;
    case "str":
      typed("str", 0);
      body = (odd() ? `<${p}f>A1&amp;"x"</${p}f>` : "") + v(producerText(spec.text, style));
      break;
    case "bool":
      typed("b", 0);
      body = v(spec.text);
      break;
    case "error":
      typed("e", 0);
      body = v(spec.text);
      break;
    case "isoDate":
      typed("d", 0);
      body = v(spec.text);
      break;
    case "inline": {
      typed("inlineStr", 0);
      const t = (text: string) =>
        `<${p}t${/^\s|\s$/.test(text) || r.chance(0.2) ? ' xml:space="preserve"' : ""}>${producerText(text, style)}</${p}t>`;
      let inner: string;
      if (!spec.rich && spec.runs.length <= 1) inner = t(spec.runs[0] ?? "");
      else
        inner = spec.runs
          .map((run) => `<${p}r><${p}rPr><${p}b/></${p}rPr>${t(run)}</${p}r>`)
          .join("");
      if (spec.phonetic !== null) inner += `<${p}rPh sb="0" eb="1">${t(spec.phonetic)}</${p}rPh>`;
      body = `<${p}is>${inner}</${p}is>`;
      break;
    }
    case "empty":
      typed(spec.form === "sv" ? "s" : null, spec.style);
      if (spec.form === "self") return `<${p}c${producerAttributes(pairs, style)}/>`;
      body = spec.form === "open" ? "" : v("");
      break;
  }
  const before = odd() ? r.pick(["<!-- c -->", "\n  ", "<?pi?>"]) : "";
  return `${before}<${p}c${producerAttributes(pairs, style)}>${body}</${p}c${odd() ? " " : ""}>`;
}

/** A worksheet as the producer writes it; `rows` as the property tests above generate them. */
function writeProducerSheet(rows: RowSpec[], style: ProducerStyle): Buffer {
  const r = style.rng;
  const producer = style.producer;
  const ns = producer === "strict" ? STRICT : MAIN;
  const p = producer === "prefixed" ? "x:" : "";
  const lastRow = rows.reduce((n, row) => n + row.gap, 0);
  const out: string[] = [];
  if (producer !== "openpyxl")
    out.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
  out.push(
    producer === "openpyxl"
      ? `<worksheet xmlns="${ns}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/></sheetPr>`
      : `<${p}worksheet xmlns${p === "" ? "" : ":x"}="${ns}" xmlns:r="${RELS}" xmlns:mc="${MC}" mc:Ignorable="x14ac" xmlns:x14ac="${X14AC}">`
  );
  out.push(`<${p}dimension ref="A1:K${lastRow}"/><${p}sheetFormatPr defaultRowHeight="15"/>`);
  out.push(`<${p}sheetData>`);
  let rowNumber = 0;
  for (const row of rows) {
    rowNumber += row.gap;
    const pairs: [string, string][] = [];
    if (row.withR || row.gap !== 1 || producer !== "openpyxl") pairs.push(["r", String(rowNumber)]);
    if (producer === "exceljs" || producer === "strict") {
      pairs.push(["spans", "1:11"], ["x14ac:dyDescent", "0.25"]);
    }
    let attributes = producerAttributes(pairs, style);
    if (r.chance(style.departures)) {
      attributes += r.pick([' ht="20" customHeight="1"', ' xmlns:q="urn:q"', ` xmlns="${ns}"`]);
    }
    if (row.cells.length === 0 && r.chance(0.5)) {
      out.push(`<${p}row${attributes}/>`);
      continue;
    }
    out.push(`<${p}row${attributes}>`);
    let column = 0;
    for (const cell of row.cells) {
      column += cell.gap;
      const ref = cell.withR || cell.gap !== 1 ? `${columnLetters(column)}${rowNumber}` : null;
      out.push(producerCell(cell.spec, ref, style, p));
    }
    out.push(`</${p}row>`);
    if (r.chance(style.departures)) out.push(r.pick(["\n", "<!-- row -->"]));
  }
  out.push(
    `</${p}sheetData><${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>`
  );
  return Buffer.from(out.join(""), "utf8");
}

function writeProducerSst(items: ItemSpec[], style: ProducerStyle): Buffer {
  const r = style.rng;
  const ns = style.producer === "strict" ? STRICT : MAIN;
  const p = style.producer === "prefixed" ? "x:" : "";
  const t = (text: string) =>
    `<${p}t${/^\s|\s$/.test(text) || r.chance(0.1) ? ' xml:space="preserve"' : ""}>${producerText(text, style)}</${p}t>`;
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}sst xmlns${p === "" ? "" : ":x"}="${ns}" count="${items.length}" uniqueCount="${items.length}">`;
  for (const item of items) {
    if (r.chance(style.departures))
      xml += r.pick(["\n", "<!-- si -->", "<x:si xmlns:x='urn:decoy'/>"]);
    let inner: string;
    if (!item.rich && item.runs.length <= 1) inner = t(item.runs[0] ?? "");
    else inner = item.runs.map((run) => `<${p}r>${t(run)}</${p}r>`).join("");
    if (item.phonetic !== null) inner += `<${p}rPh sb="0" eb="1">${t(item.phonetic)}</${p}rPh>`;
    xml += `<${p}si>${inner}</${p}si>`;
  }
  return Buffer.from(`${xml}</${p}sst>`, "utf8");
}

const producer = fc.constantFrom<Producer>("exceljs", "openpyxl", "prefixed", "strict");

/** Cells of the kinds the fast path reads whole (no formula, no rich text). */
const fastCellSpec: fc.Arbitrary<CellSpec> = cellSpec.map((spec) => {
  if (spec.kind === "number") return { ...spec, formula: false };
  if (spec.kind === "inline")
    return { ...spec, rich: false, phonetic: null, runs: spec.runs.slice(0, 1) };
  return spec;
});

function readRows(bytes: Buffer, sizes: number[]): SheetRowsBuilder {
  const builder = new SheetRowsBuilder(CONTEXT);
  for (const chunk of chunks(bytes, sizes)) builder.feed(chunk);
  builder.finish();
  return builder;
}

/** What reading does with a document: its result, or the syntax error. */
function outcome<T>(read: () => T): T | "rejected" {
  try {
    return read();
  } catch (error) {
    if (error instanceof XmlSyntaxError) return "rejected";
    throw error;
  }
}

/**
 * The reference's outcome: saxes rejects it, or it is not UTF-8 at all, or it has what saxes lets
 * through although XML 1.0 does not (see `saxesAcceptsWrongly`).
 */
function referenceOutcome<T>(bytes: Buffer, read: () => T): T | "rejected" {
  if (saxesAcceptsWrongly(bytes)) return "rejected";
  try {
    return read();
  } catch {
    return "rejected";
  }
}

/**
 * Whether a namespace declaration's value starts or ends with white space (`xmlns="\nhttp://…"`):
 * the namespace is then another one (names are compared as strings, after attribute-value
 * normalisation turned the line end into a space) and the scanner skips what is in it, but saxes 6
 * trims the value and reads the elements as SpreadsheetML. Such damaged documents are not compared.
 */
function paddedNamespace(bytes: Buffer): boolean {
  return /\sxmlns(:[^\s=]+)?\s*=\s*("\s|'\s|"[^"]*\s"|'[^']*\s')/.test(bytes.toString("latin1"));
}

/**
 * Whether the document has a processing instruction whose target runs into a `?` that does not
 * end it (`<?pi?x?>`): XML 1.0 (production [16], PI) wants white space or `?>` after the target,
 * and the scanner rejects it, but saxes 6 reads it as the body "?x". Comments and CDATA sections,
 * where such text is only text, are left out of the search.
 */
function saxesAcceptsWrongly(bytes: Buffer): boolean {
  const markup = bytes
    .toString("latin1")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  return /<\?[^\s?>]+\?(?!>)/.test(markup);
}

const MUTATION_BYTES = [..."<>&\"'/= \n\rx:#;]09Atcv_", "\u0001", "中"].map((s) =>
  Buffer.from(s, "utf8")
);

/** The document with one to three random changes after its root's start tag. */
function mutate(bytes: Buffer, seed: number): Buffer {
  const r = new Rng(seed);
  const from = bytes.indexOf(">", bytes.indexOf("<", bytes.indexOf("?>") + 1)) + 1;
  let out = bytes;
  for (let n = 1 + Math.floor(r.next() * 3); n > 0; n--) {
    const at = from + Math.floor(r.next() * (out.length - from));
    const what = r.pick(["delete", "insert", "replace", "copy", "byte"]);
    const piece =
      what === "byte"
        ? Buffer.from([r.pick([0x80, 0xff, 0xc0, 0xe4])])
        : what === "copy"
          ? out.subarray(at, at + 1 + Math.floor(r.next() * 8))
          : r.pick(MUTATION_BYTES);
    const to = from + Math.floor(r.next() * (out.length - from));
    if (what === "delete") out = Buffer.concat([out.subarray(0, at), out.subarray(at + 1)]);
    else if (what === "replace")
      out = Buffer.concat([out.subarray(0, at), piece, out.subarray(at + 1)]);
    else out = Buffer.concat([out.subarray(0, to), piece, out.subarray(to)]);
  }
  return out;
}

describe("the text cache, column by column", () => {
  /** A sheet of `rows` rows: column A a text of each row's own, column B one of three words. */
  function twoColumns(rows: number, a: (r: number) => string): string {
    const words = ["企业会员", "个人会员", "团体会员"];
    let xml = "";
    for (let r = 1; r <= rows; r++) {
      xml +=
        `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${a(r)}</t></is></c>` +
        `<c r="B${r}" t="inlineStr"><is><t>${words[r % 3]}</t></is></c></row>`;
    }
    return sheet(xml);
  }

  // each sheet in one chunk: a cell the fast path gives up on at a chunk's end is counted twice
  it("decodes a column of texts that never repeat without the cache, and reads them the same", () => {
    const rows = 8192;
    const builder = readSheet(
      twoColumns(rows, (r) => `M${String(r).padStart(7, "0")}`),
      1 << 22
    );
    expect(builder.rows.map((row) => row?.[0])).toStrictEqual(
      Array.from({ length: rows }, (_v, i) => `M${String(i + 1).padStart(7, "0")}`)
    );
    expect(builder.rows[8190]?.[1]).toBe("个人会员");
    // column B is looked up every time; column A after its first window only one text in 32
    expect(builder.textReads.uncached).toBe(((rows - 1024) * 31) / 32);
    expect(builder.textReads.looked).toBe(rows + 1024 + (rows - 1024) / 32);
  });

  it("goes back to the cache when a column's texts start repeating", () => {
    const rows = 8192;
    const builder = readSheet(
      twoColumns(rows, (r) => (r <= 2048 ? `ID${r}` : `乙${r % 7}`)),
      1 << 22
    );
    expect(builder.rows.map((row) => row?.[0])).toStrictEqual(
      Array.from({ length: rows }, (_v, i) => (i < 2048 ? `ID${i + 1}` : `乙${(i + 1) % 7}`))
    );
    // the window of rows 1025-2048 went without the cache, 2049-3072 sampled it and found the
    // repeats, and every text after that was looked up
    expect(builder.textReads.uncached).toBe(2 * 1024 * (31 / 32));
  });
});

describe("the fast paths read what producers write, and leave the rest to the scanner", () => {
  it("reads producer-shaped sheets, with departures, exactly as intended and as the saxes-based reader reads them", () => {
    fc.assert(
      fc.property(
        fc.array(rowSpec, { maxLength: 8 }),
        producer,
        fc.integer(),
        fc.constantFrom(0, 0.1, 0.5),
        chunkSizes,
        (rows, which, seed, departures, sizes) => {
          const style = { producer: which, rng: new Rng(seed), departures, escapeBracket: false };
          const bytes = writeProducerSheet(rows, style);
          const expected = intendedRows(rows, CONTEXT);
          const builder = readRows(bytes, sizes);
          expect(builder.rows).toStrictEqual(expected.rows);
          expect(referenceSheet(bytes, CONTEXT).rows).toStrictEqual(expected.rows);
          expect(builder.declaredLastRow).toBe(expected.lastRow);
          expect(builder.lastRowSeen).toBe(expected.lastRow);
        }
      ),
      { numRuns: 400 }
    );
  });

  it("reads every cell but the first and every row but the first of a producer-shaped sheet on the fast path", () => {
    const fastRow = fc.record({
      gap: fc.integer({ min: 1, max: 3 }),
      withR: fc.constant(true),
      cells: fc.array(
        fc.record({ gap: fc.integer({ min: 1, max: 3 }), withR: fc.boolean(), spec: fastCellSpec }),
        { minLength: 1, maxLength: 6 }
      ),
    });
    fc.assert(
      fc.property(
        fc.array(fastRow, { minLength: 1, maxLength: 8 }),
        producer,
        fc.integer(),
        (rows, which, seed) => {
          const style = { producer: which, rng: new Rng(seed), departures: 0, escapeBracket: true };
          const bytes = writeProducerSheet(rows, style);
          const builder = readRows(bytes, []);
          expect(builder.rows).toStrictEqual(intendedRows(rows, CONTEXT).rows);
          const cells = rows.reduce((n, row) => n + row.cells.length, 0);
          expect(builder.fastReads).toStrictEqual({ rows: rows.length - 1, cells: cells - 1 });
        }
      ),
      { numRuns: 200 }
    );
  });

  it("rejects a damaged producer-shaped sheet exactly when saxes does, and otherwise reads it as the saxes-based reader does", () => {
    fc.assert(
      fc.property(
        fc.array(rowSpec, { minLength: 1, maxLength: 6 }),
        producer,
        fc.integer(),
        fc.integer(),
        chunkSizes,
        (rows, which, seed, damage, sizes) => {
          const style = {
            producer: which,
            rng: new Rng(seed),
            departures: 0.1,
            escapeBracket: false,
          };
          const bytes = mutate(writeProducerSheet(rows, style), damage);
          fc.pre(!paddedNamespace(bytes));
          const ours = outcome(() => readRows(bytes, sizes).rows);
          const reference = referenceOutcome(bytes, () => referenceSheet(bytes, CONTEXT).rows);
          expect(ours).toStrictEqual(reference);
        }
      ),
      { numRuns: 1000 }
    );
  });

  it("reads producer-shaped tables as intended, on the fast path, and rejects damaged ones exactly when saxes does", () => {
    fc.assert(
      fc.property(
        fc.array(itemSpec, { minLength: 1, maxLength: 8 }),
        producer,
        fc.integer(),
        fc.constantFrom(0, 0.2),
        fc.integer(),
        chunkSizes,
        (items, which, seed, departures, damage, sizes) => {
          const style = {
            producer: which,
            rng: new Rng(seed),
            departures,
            escapeBracket: departures === 0,
          };
          const bytes = writeProducerSst(items, style);
          const builder = new SharedStringsBuilder();
          for (const chunk of chunks(bytes, sizes)) builder.feed(chunk);
          expect(builder.finish()).toStrictEqual(items.map((item) => item.runs.join("")));
          if (departures === 0 && sizes.length === 0) {
            // the first item teaches the fast path its names; the plain ones after it are read fast
            const plain = (item: ItemSpec) =>
              !item.rich && item.runs.length <= 1 && item.phonetic === null;
            expect(builder.fastReads).toBe(items.slice(1).filter(plain).length);
          }
          const damaged = mutate(bytes, damage);
          fc.pre(!paddedNamespace(damaged));
          const ours = outcome(() => {
            const b = new SharedStringsBuilder();
            for (const chunk of chunks(damaged, sizes)) b.feed(chunk);
            return b.finish();
          });
          expect(ours).toStrictEqual(referenceOutcome(damaged, () => referenceStrings(damaged)));
        }
      ),
      { numRuns: 500 }
    );
  });

  it("rejects what is not well-formed in the fast paths' shape, after the fast path has started", () => {
    const head = `<worksheet xmlns="${MAIN}" xmlns:p="urn:p"><sheetData>`;
    const good =
      '<row r="1" p:a="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row>' +
      '<row r="2" p:a="1"><c r="A2"><v>1</v></c></row>';
    const bad = [
      '<row r="3"><c r="A3" r="B3"><v>1</v></c></row>',
      '<row r="3" r="3"><c r="A3"><v>1</v></c></row>',
      '<row r="3" p:a="1" p:a="2"><c r="A3"><v>1</v></c></row>',
      '<row r="3" q:a="1"><c r="A3"><v>1</v></c></row>',
      '<row r="3"><c r="A3"><v>1</c></v></row>',
      '<row r="3"><c r="A3"><v>1</v></row>',
      '<row r="3"><c r="A3" t="inlineStr"><is><t>&#0;</t></is></c></row>',
      '<row r="3"><c r="A3" t="inlineStr"><is><t>&#1114112;</t></is></c></row>',
      '<row r="3"><c r="A3" t="inlineStr"><is><t>&nbsp;</t></is></c></row>',
      '<row r="3"><c r="A3" t="inlineStr"><is><t>a & b</t></is></c></row>',
      '<row r="3"><c r="A3" t="inlineStr"><is><t>\u0001</t></is></c></row>',
      '<row r="3"><c r="A3" t="s"><v>]]></v></c></row>',
      '<row r="3"><c r="A3" s="<"><v>1</v></c></row>',
      '<row r="3"><c r="A3"s="1"><v>1</v></c></row>',
      '<row r="3"><c r="A3" t="inlineStr"><is><t>x</is></t></c></row>',
    ];
    for (const row of bad) {
      const xml = `${head}${good}${row}</sheetData></worksheet>`;
      for (const sizes of [[], [7], [1]]) {
        expect(() => readRows(Buffer.from(xml, "utf8"), sizes), row).toThrow(XmlSyntaxError);
      }
      expect(() => referenceSheet(Buffer.from(xml, "utf8"), CONTEXT), row).toThrow();
    }
    const badUtf8 = Buffer.concat([
      Buffer.from(`${head}${good}<row r="3"><c r="A3" t="inlineStr"><is><t>`),
      Buffer.from([0xe4, 0xb8]),
      Buffer.from("</t></is></c></row></sheetData></worksheet>"),
    ]);
    expect(() => readRows(badUtf8, [])).toThrow(XmlSyntaxError);
  });
});
