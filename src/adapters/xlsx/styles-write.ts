/**
 * Adds the output sheets' styles to a workbook's styles part without touching the styles that
 * input sheets use: fonts, fills, borders, number formats and cell formats are only appended, so
 * every `s=` index of an input sheet keeps its meaning. The part is edited as a namespace-aware
 * DOM: whatever it holds that this does not know (dxfs, extLst, mc: markup, comments) stays.
 */
import { cellLook, type CellLook } from "../../core/report/styles";
import type { CellStyle, Lang } from "../../core/types";
import type { Conformance } from "./namespaces";
import {
  attr,
  childElements,
  createLike,
  firstChildElement,
  insertInSequence,
  parseXml,
  rootElement,
  serializeXml,
  type Document,
  type Element,
} from "./xml-dom";

const BUILTIN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

/** A styles part with one default of each kind, for a package that has none. */
export function minimalStyles(ns: Conformance): Document {
  return parseXml(
    `<styleSheet xmlns="${ns.main}">` +
      '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
      '<fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      "</styleSheet>",
    "styles.xml"
  );
}

/** The children of styleSheet in their schema order (CT_Stylesheet). */
const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;

type Section = "numFmts" | "fonts" | "fills" | "borders" | "cellStyleXfs" | "cellXfs";
const CHILD: Readonly<Record<Section, string>> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellStyleXfs: "xf",
  cellXfs: "xf",
};

/** What an empty section must hold at index 0 so that existing references keep their meaning. */
const SECTION_DEFAULTS: Readonly<Record<Section, string[]>> = {
  numFmts: [],
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'],
  fills: [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ],
  borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};

/** The font part of a look (core/report/styles.ts), colours as the styles part writes them. */
interface FontSpec {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  colour?: string;
  /** A typeface of its own instead of the workbook's default font's. */
  face?: { name: string; family: number; charset: number };
}

/** An "RRGGBB" colour of the style table as an opaque ARGB colour. */
function argb(rgb: string): string {
  return `FF${rgb}`;
}

function fontSpecOf(look: CellLook): FontSpec {
  const spec: FontSpec = {};
  if (look.bold) spec.bold = true;
  if (look.italic) spec.italic = true;
  if (look.underline) spec.underline = true;
  if (look.fontSize !== undefined) spec.size = look.fontSize;
  if (look.fontColor !== undefined) spec.colour = argb(look.fontColor);
  if (look.font !== undefined) spec.face = { ...look.font };
  return spec;
}

/** An element written in the styles part's own namespace and prefix, from a markup template. */
interface Spec {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly children?: readonly Spec[];
}

export class StyleBook {
  private readonly root: Element;
  private readonly sections = new Map<Section, Element>();
  private readonly formatIds = new Map<string, number>();
  private nextFormatId: number;
  private readonly baseFont: { size: number; name: string | null; family: string | null };
  /**
   * cellXfs indexes by style, then format, then link and language (xfSlot): a problems sheet asks
   * for one on every cell, and a key string built for each cost 14 ms of 85 at 100k members.
   */
  private readonly memo = new Map<CellStyle | undefined, Map<string | undefined, Int32Array>>();
  private readonly partMemo = new Map<string, number>();

  constructor(private readonly doc: Document) {
    this.root = rootElement(doc, "styles");
    let maxId = 163;
    const numFmts = this.existing("numFmts");
    for (const numFmt of numFmts ? this.children(numFmts, "numFmt") : []) {
      const id = parseInt(attr(numFmt, "numFmtId") ?? "", 10);
      const code = attr(numFmt, "formatCode") ?? "";
      if (!Number.isFinite(id)) continue;
      if (!this.formatIds.has(code)) this.formatIds.set(code, id);
      maxId = Math.max(maxId, id);
    }
    this.nextFormatId = maxId + 1;
    const fonts = this.existing("fonts");
    const first = fonts ? (this.children(fonts, "font")[0] ?? null) : null;
    const val = (name: string): string | null => {
      const element = first ? firstChildElement(first, this.ns, name) : null;
      return element ? attr(element, "val") : null;
    };
    const size = parseFloat(val("sz") ?? "11");
    this.baseFont = {
      size: Number.isFinite(size) ? size : 11,
      name: val("name"),
      family: val("family"),
    };
  }

  private get ns(): string {
    return this.root.namespaceURI ?? "";
  }

  private children(parent: Element, localName: string): Element[] {
    return childElements(parent, this.ns, localName);
  }

  private existing(section: Section): Element | null {
    return firstChildElement(this.root, this.ns, section);
  }

  /** The section element, created (in schema order, with its defaults) when the part lacks it. */
  private section(section: Section): Element {
    const known = this.sections.get(section);
    if (known) return known;
    let element = this.existing(section);
    if (!element) {
      element = createLike(this.root, section);
      const later = STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(section) + 1);
      insertInSequence(this.root, element, later);
      for (const markup of SECTION_DEFAULTS[section]) {
        const template = parseXml(markup, "styles.xml").documentElement;
        if (template) element.appendChild(this.adopt(template));
      }
    }
    this.sections.set(section, element);
    return element;
  }

  /** A copy of a template element in this part's namespace and prefix. */
  private adopt(template: Element): Element {
    const element = createLike(this.root, template.localName ?? template.nodeName);
    for (let i = 0; i < template.attributes.length; i++) {
      const attribute = template.attributes.item(i);
      if (attribute) element.setAttribute(attribute.name, attribute.value);
    }
    for (let node = template.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 1) element.appendChild(this.adopt(node as Element));
    }
    return element;
  }

  private build(spec: Spec): Element {
    const element = createLike(this.root, spec.name);
    for (const [name, value] of Object.entries(spec.attributes ?? {})) {
      element.setAttribute(name, value);
    }
    for (const child of spec.children ?? []) element.appendChild(this.build(child));
    return element;
  }

  private add(section: Section, spec: Spec): number {
    const parent = this.section(section);
    const index = this.children(parent, CHILD[section]).length;
    parent.appendChild(this.build(spec));
    return index;
  }

  private once(key: string, make: () => number): number {
    const known = this.partMemo.get(key);
    if (known !== undefined) return known;
    const index = make();
    this.partMemo.set(key, index);
    return index;
  }

  private formatId(code: string | undefined): number {
    if (code === undefined) return 0;
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const known = this.formatIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.formatIds.set(code, id);
    this.add("numFmts", { name: "numFmt", attributes: { numFmtId: String(id), formatCode: code } });
    return id;
  }

  private fontId(spec: FontSpec): number {
    if (Object.keys(spec).length === 0) return 0;
    return this.once(`font:${JSON.stringify(spec)}`, () => {
      const children: Spec[] = [];
      if (spec.bold) children.push({ name: "b" });
      if (spec.italic) children.push({ name: "i" });
      if (spec.underline) children.push({ name: "u" });
      children.push({
        name: "sz",
        attributes: { val: String(spec.size ?? this.baseFont.size) },
      });
      if (spec.colour) children.push({ name: "color", attributes: { rgb: spec.colour } });
      if (spec.face) {
        // As Excel writes an East Asian font (name, family, charset), but without
        // <scheme val="minor"/>: a scheme font is drawn in the theme's font, whatever its name.
        // https://learn.microsoft.com/dotnet/api/documentformat.openxml.spreadsheet.fontscheme
        children.push(
          { name: "name", attributes: { val: spec.face.name } },
          { name: "family", attributes: { val: String(spec.face.family) } },
          { name: "charset", attributes: { val: String(spec.face.charset) } }
        );
      } else {
        if (this.baseFont.name)
          children.push({ name: "name", attributes: { val: this.baseFont.name } });
        if (this.baseFont.family) {
          children.push({ name: "family", attributes: { val: this.baseFont.family } });
        }
      }
      this.section("fonts");
      return this.add("fonts", { name: "font", children });
    });
  }

  private fillId(rgb: string | undefined): number {
    if (rgb === undefined) return 0;
    return this.once(`fill:${rgb}`, () => {
      this.section("fills");
      return this.add("fills", {
        name: "fill",
        children: [
          {
            name: "patternFill",
            attributes: { patternType: "solid" },
            children: [
              { name: "fgColor", attributes: { rgb: argb(rgb) } },
              { name: "bgColor", attributes: { indexed: "64" } },
            ],
          },
        ],
      });
    });
  }

  private borderId(edge: "top" | "bottom" | undefined): number {
    if (edge === undefined) return 0;
    return this.once(`border:${edge}`, () => {
      const side = (name: string): Spec =>
        name === edge
          ? {
              name,
              attributes: { style: "thin" },
              children: [{ name: "color", attributes: { auto: "1" } }],
            }
          : { name };
      this.section("borders");
      return this.add("borders", {
        name: "border",
        children: [...["left", "right", "top", "bottom"].map(side), { name: "diagonal" }],
      });
    });
  }

  /**
   * The cellXfs index for a cell of this role, number format and link-ness, in a sheet of this
   * language (its font): its look translated.
   */
  xfFor(
    style: CellStyle | undefined,
    format: string | undefined,
    link = false,
    lang?: Lang
  ): number {
    let byFormat = this.memo.get(style);
    if (byFormat === undefined) this.memo.set(style, (byFormat = new Map()));
    let slots = byFormat.get(format);
    if (slots === undefined) byFormat.set(format, (slots = new Int32Array(6).fill(-1)));
    const slot = (link ? 1 : 0) + (lang === "zh" ? 2 : lang === "en" ? 4 : 0);
    const known = slots[slot] ?? -1;
    if (known >= 0) return known;
    const look = cellLook(style, link, lang);
    const numFmtId = this.formatId(format);
    const fontId = this.fontId(fontSpecOf(look));
    const fillId = this.fillId(look.fill);
    const borderId = this.borderId(look.border);
    // wrapped text; the row takes the height row-heights.ts estimates (sheet-writer.ts)
    const alignment =
      look.wrap || look.align
        ? {
            ...(look.align ? { horizontal: look.align } : {}),
            ...(look.wrap ? { wrapText: "1" } : {}),
          }
        : null;
    this.section("cellStyleXfs");
    const index = this.add("cellXfs", {
      name: "xf",
      attributes: {
        numFmtId: String(numFmtId),
        fontId: String(fontId),
        fillId: String(fillId),
        borderId: String(borderId),
        xfId: "0",
        applyNumberFormat: "1",
        applyFont: "1",
        applyFill: "1",
        applyBorder: "1",
        ...(alignment ? { applyAlignment: "1" } : {}),
      },
      children: alignment ? [{ name: "alignment", attributes: alignment }] : [],
    });
    slots[slot] = index;
    return index;
  }

  /** The styles part with the added entries appended to their sections and counts updated. */
  toXml(): string {
    for (const [section, element] of this.sections) {
      element.setAttribute("count", String(this.children(element, CHILD[section]).length));
    }
    return serializeXml(this.doc);
  }
}
