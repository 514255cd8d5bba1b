/**
 * Adds the output sheets' styles to a workbook's styles part without touching the styles that
 * input sheets use: fonts, fills, borders, number formats and cell formats are only appended.
 */
import type { CellStyle } from "../../core/types";
import { decodeXml, elements, escapeXml, rootPrefix } from "./xml";

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

const COLOURS = {
  error: "FFC00000",
  warning: "FF9C5700",
  note: "FF808080",
  link: "FF0563C1",
  headerFill: "FFDDEBF7",
};

export const MINIMAL_STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
  '<fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

type Section = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs";
const CHILD: Readonly<Record<Section, string>> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellXfs: "xf",
};

function sectionPattern(section: Section): RegExp {
  return new RegExp(`<((?:[\\w.-]+:)?${section})\\b([^>]*?)(?:/>|>([\\s\\S]*?)</\\1\\s*>)`);
}

interface FontSpec {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  sizeDelta?: number;
  colour?: string;
}

function fontSpecOf(style: CellStyle | undefined, link: boolean): FontSpec {
  const spec: FontSpec = {};
  if (style === "title") Object.assign(spec, { bold: true, sizeDelta: 3 });
  if (style === "header" || style === "total") spec.bold = true;
  if (style === "note") Object.assign(spec, { italic: true, colour: COLOURS.note });
  if (style === "error") spec.colour = COLOURS.error;
  if (style === "warning") spec.colour = COLOURS.warning;
  if (link) Object.assign(spec, { underline: true, colour: COLOURS.link });
  return spec;
}

export class StyleBook {
  private readonly prefix: string;
  private readonly counts: Record<Section, number>;
  private readonly added: Record<Section, string[]> = {
    numFmts: [],
    fonts: [],
    fills: [],
    borders: [],
    cellXfs: [],
  };
  private readonly formatIds = new Map<string, number>();
  private nextFormatId: number;
  private readonly baseFont: { size: number; name: string | null; family: string | null };
  private readonly memo = new Map<string, number>();
  private readonly partMemo = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.prefix = rootPrefix(xml, "styleSheet");
    this.counts = {
      numFmts: this.countChildren("numFmts"),
      fonts: this.countChildren("fonts"),
      fills: this.countChildren("fills"),
      borders: this.countChildren("borders"),
      cellXfs: this.countChildren("cellXfs"),
    };
    let maxId = 163;
    for (const element of elements(xml, "numFmt")) {
      const id = parseInt(element.attributes.get("numFmtId") ?? "", 10);
      const code = decodeXml(element.attributes.get("formatCode") ?? "");
      if (!this.formatIds.has(code)) this.formatIds.set(code, id);
      maxId = Math.max(maxId, id);
    }
    this.nextFormatId = maxId + 1;
    const fonts = sectionPattern("fonts").exec(xml)?.[3] ?? "";
    const first = [...elements(fonts, "font")][0]?.inner ?? "";
    const size = parseFloat([...elements(first, "sz")][0]?.attributes.get("val") ?? "11");
    this.baseFont = {
      size: Number.isFinite(size) ? size : 11,
      name: [...elements(first, "name")][0]?.attributes.get("val") ?? null,
      family: [...elements(first, "family")][0]?.attributes.get("val") ?? null,
    };
  }

  private countChildren(section: Section): number {
    const match = sectionPattern(section).exec(this.xml);
    if (!match?.[3]) return 0;
    return [...elements(match[3], CHILD[section])].length;
  }

  private tag(name: string): string {
    return `${this.prefix}${name}`;
  }

  private add(section: Section, xml: string): number {
    const index = this.counts[section] + this.added[section].length;
    this.added[section].push(xml);
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
    this.add(
      "numFmts",
      `<${this.tag("numFmt")} numFmtId="${id}" formatCode="${escapeXml(code)}"/>`
    );
    return id;
  }

  private fontId(spec: FontSpec): number {
    if (Object.keys(spec).length === 0) return 0;
    return this.once(`font:${JSON.stringify(spec)}`, () => {
      const t = (name: string) => this.tag(name);
      const parts = [
        spec.bold ? `<${t("b")}/>` : "",
        spec.italic ? `<${t("i")}/>` : "",
        spec.underline ? `<${t("u")}/>` : "",
        `<${t("sz")} val="${this.baseFont.size + (spec.sizeDelta ?? 0)}"/>`,
        spec.colour ? `<${t("color")} rgb="${spec.colour}"/>` : "",
        this.baseFont.name ? `<${t("name")} val="${escapeXml(this.baseFont.name)}"/>` : "",
        this.baseFont.family ? `<${t("family")} val="${this.baseFont.family}"/>` : "",
      ];
      return this.add("fonts", `<${t("font")}>${parts.join("")}</${t("font")}>`);
    });
  }

  private headerFillId(): number {
    return this.once("fill:header", () => {
      const t = (name: string) => this.tag(name);
      return this.add(
        "fills",
        `<${t("fill")}><${t("patternFill")} patternType="solid"><${t("fgColor")} rgb="${COLOURS.headerFill}"/>` +
          `<${t("bgColor")} indexed="64"/></${t("patternFill")}></${t("fill")}>`
      );
    });
  }

  private borderId(edge: "top" | "bottom"): number {
    return this.once(`border:${edge}`, () => {
      const t = (name: string) => this.tag(name);
      const side = (name: string) =>
        name === edge
          ? `<${t(name)} style="thin"><${t("color")} auto="1"/></${t(name)}>`
          : `<${t(name)}/>`;
      return this.add(
        "borders",
        `<${t("border")}>${["left", "right", "top", "bottom"].map(side).join("")}<${t("diagonal")}/></${t("border")}>`
      );
    });
  }

  /** The cellXfs index for a cell of this style, number format and link-ness. */
  xfFor(style: CellStyle | undefined, format: string | undefined, link = false): number {
    const key = `${style ?? ""}|${format ?? ""}|${link ? 1 : 0}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const numFmtId = this.formatId(format);
    const fontId = this.fontId(fontSpecOf(style, link));
    const fillId = style === "header" ? this.headerFillId() : 0;
    const borderId =
      style === "header" ? this.borderId("bottom") : style === "total" ? this.borderId("top") : 0;
    const index = this.add(
      "cellXfs",
      `<${this.tag("xf")} numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
        ` applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"/>`
    );
    this.memo.set(key, index);
    return index;
  }

  /** The styles part with the added entries appended to their sections and counts updated. */
  toXml(): string {
    let xml = this.xml;
    for (const section of ["numFmts", "fonts", "fills", "borders", "cellXfs"] as const) {
      const added = this.added[section];
      if (added.length === 0) continue;
      const count = this.counts[section] + added.length;
      const pattern = sectionPattern(section);
      const match = pattern.exec(xml);
      if (match) {
        const name = match[1] ?? section;
        const attributes = (match[2] ?? "").replace(/\s*count\s*=\s*["'][^"']*["']/, "");
        const replacement = `<${name}${attributes} count="${count}">${match[3] ?? ""}${added.join("")}</${name}>`;
        xml = xml.slice(0, match.index) + replacement + xml.slice(match.index + match[0].length);
      } else if (section === "numFmts") {
        const root = /<(?:[\w.-]+:)?styleSheet\b[^>]*>/.exec(xml);
        if (!root) throw new Error("styles part has no styleSheet element");
        const at = root.index + root[0].length;
        const block = `<${this.tag("numFmts")} count="${count}">${added.join("")}</${this.tag("numFmts")}>`;
        xml = xml.slice(0, at) + block + xml.slice(at);
      } else {
        throw new Error(`styles part has no ${section} section`);
      }
    }
    return xml;
  }
}
