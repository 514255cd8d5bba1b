/**
 * Hand-made variants of one Excel-like workbook, written part by part (no library decides
 * anything): each holds scripts/producers/dataset.json and differs from `handmade-excel.xlsx` in
 * one way that real files differ (see VARIANTS). The base mimics what Excel 365 (Chinese locale)
 * saves: shared strings with phonetic properties, date cells as serials with built-in format 14
 * and custom 年月日 formats, markup-compatibility attributes (mc:Ignorable, x14ac:dyDescent),
 * docProps, a frozen header row, column widths.
 *
 * Usage: tsx scripts/producers/handmade.ts OUT_DIR
 */
import { Buffer } from "node:buffer";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { argv, stdout } from "node:process";
import JSZip from "jszip";
import { cellAddress, columnLetters } from "../../src/core/a1";
import {
  dateColumns,
  excelSerial,
  loadDataset,
  type Dataset,
  type DatasetSheet,
  type Value,
} from "./dataset";

export interface Variant {
  readonly file: string;
  readonly about: string;
  /** Strict Open XML: purl.oclc.org namespaces and relationship types, conformance="strict". */
  readonly strict?: boolean;
  /** The SpreadsheetML main namespace bound to the prefix x: in every SpreadsheetML part. */
  readonly prefix?: boolean;
  /** Every string an inline string; no shared-string part. */
  readonly inline?: boolean;
  /** Shared strings as rich text runs with phonetic runs (<rPh>) and phonetic properties. */
  readonly rich?: boolean;
  /** Rows and cells without r attributes (blank cells as empty <c/> to keep positions). */
  readonly noRefs?: boolean;
  /** Single-quoted attributes in every part, the XML declaration, content types and .rels included. */
  readonly singleQuotes?: boolean;
  /** A UTF-8 byte-order mark before every XML part. */
  readonly bom?: boolean;
  /** Every part indented, one element a line (never inside an element holding text). */
  readonly pretty?: boolean;
  /** 实缴金额 as formulas (=C n) with cached values, a 统计 sheet of formulas, and a calcChain part. */
  readonly calcChain?: boolean;
  /** A chart sheet (chartsheet + drawing + bar chart of the 乡镇 sheet). */
  readonly chartSheet?: boolean;
  /** Data validation (a list and a date rule) on the 会员 sheet. */
  readonly validation?: boolean;
  /** Conditional formats with dxf styles on the 会费 sheet. */
  readonly condFormat?: boolean;
  /** Cell comments on the 商会 sheet: a comments part and its legacy VML drawing. */
  readonly comments?: boolean;
  /** An autofilter on 会员 with a filter on 会员类型 (non-matching rows hidden) and _FilterDatabase. */
  readonly autoFilter?: boolean;
  /** A print area, print titles, a workbook-level and a sheet-level name. */
  readonly names?: boolean;
  /** An extra sheet with state="hidden". */
  readonly hiddenSheet?: boolean;
  /** The 会费 rows as an Excel table with a totals row (SUBTOTAL formulas). */
  readonly table?: boolean;
  /** xl/workbook.xml in UTF-16 (little endian, with BOM and encoding="UTF-16"). */
  readonly utf16?: boolean;
  /** An empty <definedNames/> in the workbook part. */
  readonly emptyDefinedNames?: boolean;
  /** No xmlns:r on the workbook root: each <sheet> declares it (as openpyxl writes), with defined names. */
  readonly perSheetRns?: boolean;
  /** A character reference to U+110000 (&#1114112;, no such character) in a cell of 会员. */
  readonly corrupt?: boolean;
}

export const VARIANTS: readonly Variant[] = [
  {
    file: "handmade-excel.xlsx",
    about: "the Excel-like base: shared strings, styles, docProps, mc: attributes",
  },
  {
    file: "handmade-strict.xlsx",
    about: 'Strict Open XML namespaces and conformance="strict"',
    strict: true,
  },
  {
    file: "handmade-prefixed.xlsx",
    about: "SpreadsheetML main namespace as x: everywhere",
    prefix: true,
  },
  {
    file: "handmade-inline-strings.xlsx",
    about: "inline strings, no shared-string part",
    inline: true,
  },
  {
    file: "handmade-rich-phonetic.xlsx",
    about: "rich-text shared strings with <rPh> phonetic runs",
    rich: true,
  },
  { file: "handmade-no-refs.xlsx", about: "rows and cells without r attributes", noRefs: true },
  {
    file: "handmade-single-quotes.xlsx",
    about: "single-quoted attributes in every part",
    singleQuotes: true,
  },
  { file: "handmade-bom.xlsx", about: "a UTF-8 byte-order mark on every XML part", bom: true },
  { file: "handmade-pretty.xlsx", about: "pretty-printed (indented) XML", pretty: true },
  {
    file: "handmade-calcchain.xlsx",
    about: "formulas with cached values and a calcChain part",
    calcChain: true,
  },
  {
    file: "handmade-chartsheet.xlsx",
    about: "a chart sheet between the input sheets",
    chartSheet: true,
  },
  { file: "handmade-validation.xlsx", about: "data validation on 会员", validation: true },
  {
    file: "handmade-condformat.xlsx",
    about: "conditional formats and dxf styles on 会费",
    condFormat: true,
  },
  {
    file: "handmade-comments.xlsx",
    about: "comments with a legacy VML drawing on 商会",
    comments: true,
  },
  {
    file: "handmade-autofilter.xlsx",
    about: "an active autofilter with hidden rows on 会员",
    autoFilter: true,
  },
  {
    file: "handmade-defined-names.xlsx",
    about: "print area, print titles and other defined names",
    names: true,
  },
  { file: "handmade-hidden-sheet.xlsx", about: "a hidden sheet", hiddenSheet: true },
  {
    file: "handmade-table-totals.xlsx",
    about: "会费 as an Excel table with a totals row",
    table: true,
  },
  { file: "handmade-utf16-workbook.xlsx", about: "xl/workbook.xml in UTF-16", utf16: true },
  {
    file: "handmade-empty-defined-names.xlsx",
    about: "an empty <definedNames/>",
    emptyDefinedNames: true,
  },
  {
    file: "handmade-sheet-rns.xlsx",
    about: "xmlns:r declared on each <sheet> (openpyxl-style), defined names present",
    perSheetRns: true,
    names: true,
  },
  {
    file: "corrupt-char-ref.xlsx",
    about: "&#1114112; in a cell of 会员: must exit 2, corrupt",
    corrupt: true,
  },
];

// ---------------------------------------------------------------------------------------------
// Namespaces
// ---------------------------------------------------------------------------------------------

const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
const CORE_PROPS_REL = `${PKG_RELS}/metadata/core-properties`;
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac";
const VML_CT = "application/vnd.openxmlformats-officedocument.vmlDrawing";
const CT = "application/vnd.openxmlformats-officedocument";

interface Namespaces {
  readonly main: string;
  readonly rel: string;
  readonly relType: (name: string) => string;
  readonly drawing: string;
  readonly chart: string;
  readonly spreadsheetDrawing: string;
  readonly extended: string;
}

const TRANSITIONAL: Namespaces = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  relType: (name) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${name}`,
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/main",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  spreadsheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  extended: "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
};

const STRICT: Namespaces = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  relType: (name) =>
    `http://purl.oclc.org/ooxml/officeDocument/relationships/${
      name === "extended-properties" ? "extendedProperties" : name
    }`,
  drawing: "http://purl.oclc.org/ooxml/drawingml/main",
  chart: "http://purl.oclc.org/ooxml/drawingml/chart",
  spreadsheetDrawing: "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
  extended: "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
};

// ---------------------------------------------------------------------------------------------
// A small XML tree and its serialiser
// ---------------------------------------------------------------------------------------------

type Attrs = Record<string, string | number | undefined>;
type Child = XNode | string;

interface XNode {
  readonly name: string;
  readonly attrs: Attrs;
  readonly children: Child[];
}

function el(name: string, attrs: Attrs = {}, ...children: Array<Child | null | false>): XNode {
  return { name, attrs, children: children.filter((c): c is Child => c !== null && c !== false) };
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

interface Style {
  readonly quote: '"' | "'";
  readonly pretty: boolean;
}

function escapeAttr(value: string, quote: string): string {
  const escaped = escapeText(value).replace(/\n/g, "&#10;");
  return quote === '"' ? escaped.replace(/"/g, "&quot;") : escaped.replace(/'/g, "&apos;");
}

function serialize(node: XNode, style: Style, depth = 0): string {
  const attrs = Object.entries(node.attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}=${style.quote}${escapeAttr(String(v), style.quote)}${style.quote}`)
    .join("");
  if (node.children.length === 0) return `<${node.name}${attrs}/>`;
  const hasText = node.children.some((c) => typeof c === "string");
  const inline: Style = { ...style, pretty: false };
  if (hasText || !style.pretty) {
    const body = node.children
      .map((c) => (typeof c === "string" ? c : serialize(c, inline, depth + 1)))
      .join("");
    return `<${node.name}${attrs}>${body}</${node.name}>`;
  }
  const pad = "  ".repeat(depth + 1);
  const body = node.children
    .map((c) => `\n${pad}${serialize(c as XNode, style, depth + 1)}`)
    .join("");
  return `<${node.name}${attrs}>${body}\n${"  ".repeat(depth)}</${node.name}>`;
}

/** Text content, escaped, as a child of el(). */
function t(text: string): string {
  return escapeText(text);
}

// ---------------------------------------------------------------------------------------------
// The workbook
// ---------------------------------------------------------------------------------------------

const FIXED_TIME = new Date(Date.UTC(2024, 11, 1, 8));

/** Cell style indexes of the styles part (cellXfs). */
const XF = {
  general: 0,
  header: 1,
  date14: 2,
  dateSlash: 3,
  dateChinese: 4,
  dateDash: 5,
  money: 6,
};
/** The date style of each date column. */
const DATE_STYLE: Record<string, number> = {
  成立日期: XF.date14,
  撤销日期: XF.dateChinese,
  入会日期: XF.dateSlash,
  退会日期: XF.dateChinese,
  缴费日期: XF.dateDash,
};
const MONEY_COLUMNS = new Set(["应缴金额", "实缴金额"]);

interface Built {
  readonly parts: Map<string, string | Buffer>;
}

class SharedStrings {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;

  add(text: string): number {
    this.count++;
    const found = this.index.get(text);
    if (found !== undefined) return found;
    this.items.push(text);
    this.index.set(text, this.items.length - 1);
    return this.items.length - 1;
  }
}

/** A cell of the output grid: text, number (with style), a formula with its cached value, or blank. */
type GridCell =
  | { kind: "text"; text: string; style?: number | undefined }
  | { kind: "number"; value: number; style?: number | undefined }
  | { kind: "formula"; formula: string; value: number | string; style?: number | undefined }
  | { kind: "raw"; xml: string }
  | null;

interface SheetPlan {
  readonly name: string;
  readonly grid: GridCell[][];
  readonly state?: "hidden";
  /** Extra worksheet children, in schema order, after sheetData. */
  readonly after: XNode[];
  /** Extra relationships of the sheet part: [type name, target, id]. */
  readonly rels: Array<[string, string, string]>;
  readonly hiddenRows?: Set<number>;
}

class Builder {
  private readonly ns: Namespaces;
  private readonly style: Style;
  private readonly sst = new SharedStrings();
  private readonly parts = new Map<string, string | Buffer>();
  private readonly overrides: Array<[string, string]> = [];
  private readonly defaults: Array<[string, string]> = [
    ["rels", "application/vnd.openxmlformats-package.relationships+xml"],
    ["xml", "application/xml"],
  ];

  constructor(
    private readonly v: Variant,
    private readonly data: Dataset
  ) {
    this.ns = v.strict ? STRICT : TRANSITIONAL;
    this.style = { quote: v.singleQuotes ? "'" : '"', pretty: v.pretty ?? false };
  }

  /** A SpreadsheetML element name, prefixed in the prefixed variant. */
  private m(local: string): string {
    return this.v.prefix ? `x:${local}` : local;
  }

  /** The namespace declaration(s) of a SpreadsheetML root. */
  private mainNs(extra: Attrs = {}): Attrs {
    return {
      ...(this.v.prefix ? { "xmlns:x": this.ns.main } : { xmlns: this.ns.main }),
      ...extra,
    };
  }

  private xml(root: XNode, encoding: "UTF-8" | "UTF-16" = "UTF-8"): string {
    const q = this.style.quote;
    const decl = `<?xml version=${q}1.0${q} encoding=${q}${encoding}${q} standalone=${q}yes${q}?>`;
    return `${this.v.bom ? "\uFEFF" : ""}${decl}\r\n${serialize(root, this.style)}`;
  }

  private put(part: string, root: XNode, contentType: string | null): void {
    this.parts.set(part, this.xml(root));
    if (contentType) this.overrides.push([`/${part}`, contentType]);
  }

  private rels(items: ReadonlyArray<readonly [string, string, string, string?]>): XNode {
    return el(
      "Relationships",
      { xmlns: PKG_RELS },
      ...items.map(([id, type, target, mode]) =>
        el("Relationship", { Id: id, Type: type, Target: target, TargetMode: mode })
      )
    );
  }

  // ---- cells ------------------------------------------------------------------------------

  private cellNode(cell: GridCell, ref: string): XNode | string | null {
    const r = this.v.noRefs ? undefined : ref;
    if (cell === null) return this.v.noRefs ? el(this.m("c")) : null;
    const c = this.m("c");
    const v = (text: string) => el(this.m("v"), {}, t(text));
    switch (cell.kind) {
      case "raw":
        return cell.xml;
      case "number":
        return el(c, { r, s: cell.style || undefined }, v(String(cell.value)));
      case "formula":
        return el(
          c,
          { r, s: cell.style || undefined, t: typeof cell.value === "string" ? "str" : undefined },
          el(this.m("f"), {}, t(cell.formula)),
          v(String(cell.value))
        );
      case "text":
        if (this.v.inline) {
          return el(
            c,
            { r, s: cell.style || undefined, t: "inlineStr" },
            el(this.m("is"), {}, el(this.m("t"), {}, t(cell.text)))
          );
        }
        return el(c, { r, s: cell.style || undefined, t: "s" }, v(String(this.sst.add(cell.text))));
    }
  }

  private gridOf(sheet: DatasetSheet): GridCell[][] {
    const dates = dateColumns(sheet);
    const header: GridCell[] = sheet.columns.map((text) => ({
      kind: "text",
      text,
      style: XF.header,
    }));
    const rows = sheet.rows.map((row): GridCell[] =>
      row.map((value: Value, i): GridCell => {
        if (value === null) return null;
        const column = sheet.columns[i] ?? "";
        if (dates.has(i) && typeof value === "string") {
          return {
            kind: "number",
            value: excelSerial(value),
            style: DATE_STYLE[column] ?? XF.date14,
          };
        }
        if (typeof value === "number") {
          return { kind: "number", value, style: MONEY_COLUMNS.has(column) ? XF.money : undefined };
        }
        return { kind: "text", text: value };
      })
    );
    return [header, ...rows];
  }

  // ---- sheets -------------------------------------------------------------------------------

  private worksheet(plan: SheetPlan, selected: boolean): XNode {
    const width = Math.max(...plan.grid.map((r) => r.length));
    const lastRef = cellAddress(width, plan.grid.length);
    const rows = plan.grid.map((cells, r) => {
      let last = cells.length;
      while (last > 0 && cells[last - 1] === null) last--;
      const children = cells
        .slice(0, last)
        .map((cell, c) => this.cellNode(cell, cellAddress(c + 1, r + 1)))
        .filter((x): x is XNode | string => x !== null);
      return el(
        this.m("row"),
        {
          r: this.v.noRefs ? undefined : r + 1,
          spans: `1:${width}`,
          hidden: plan.hiddenRows?.has(r + 1) ? 1 : undefined,
          "x14ac:dyDescent": "0.2",
        },
        ...children
      );
    });
    return el(
      this.m("worksheet"),
      this.mainNs({
        "xmlns:r": this.ns.rel,
        "xmlns:mc": MC,
        "mc:Ignorable": "x14ac",
        "xmlns:x14ac": X14AC,
      }),
      el(this.m("dimension"), { ref: `A1:${lastRef}` }),
      el(
        this.m("sheetViews"),
        {},
        el(
          this.m("sheetView"),
          { tabSelected: selected ? 1 : undefined, workbookViewId: 0 },
          el(this.m("pane"), {
            ySplit: 1,
            topLeftCell: "A2",
            activePane: "bottomLeft",
            state: "frozen",
          }),
          el(this.m("selection"), { pane: "bottomLeft", activeCell: "A2", sqref: "A2" })
        )
      ),
      el(this.m("sheetFormatPr"), { defaultRowHeight: "14.25", "x14ac:dyDescent": "0.2" }),
      el(
        this.m("cols"),
        {},
        el(this.m("col"), { min: 1, max: width, width: "14.625", customWidth: 1 })
      ),
      el(this.m("sheetData"), {}, ...rows),
      ...plan.after
    );
  }

  private sheetExtras(sheet: DatasetSheet): Pick<SheetPlan, "after" | "rels" | "hiddenRows"> {
    const m = (n: string) => this.m(n);
    const after: XNode[] = [];
    const rels: Array<[string, string, string]> = [];
    const lastRow = sheet.rows.length + 1;
    const lastCol = columnLetters(sheet.columns.length);
    let hiddenRows: Set<number> | undefined;
    if (sheet.name === "会员" && this.v.autoFilter) {
      const typeCol = sheet.columns.indexOf("会员类型");
      after.push(
        el(
          m("autoFilter"),
          { ref: `A1:${lastCol}${lastRow}` },
          el(
            m("filterColumn"),
            { colId: typeCol },
            el(m("filters"), {}, el(m("filter"), { val: "企业会员" }))
          )
        )
      );
      hiddenRows = new Set(
        sheet.rows.flatMap((row, i) => (row[typeCol] === "企业会员" ? [] : [i + 2]))
      );
    }
    const phonetic = el(m("phoneticPr"), { fontId: 2, type: "noConversion" });
    after.push(phonetic);
    if (sheet.name === "会费" && this.v.condFormat) {
      after.push(
        el(
          m("conditionalFormatting"),
          { sqref: `D2:D${lastRow}` },
          el(
            m("cfRule"),
            { type: "expression", dxfId: 0, priority: 2 },
            el(m("formula"), {}, t("D2<C2"))
          )
        ),
        el(
          m("conditionalFormatting"),
          { sqref: `C2:C${lastRow}` },
          el(
            m("cfRule"),
            { type: "cellIs", dxfId: 1, priority: 1, operator: "greaterThanOrEqual" },
            el(m("formula"), {}, t("10000"))
          )
        )
      );
    }
    if (sheet.name === "会员" && this.v.validation) {
      const typeCol = columnLetters(sheet.columns.indexOf("会员类型") + 1);
      after.push(
        el(
          m("dataValidations"),
          { count: 2 },
          el(
            m("dataValidation"),
            {
              type: "list",
              allowBlank: 1,
              showInputMessage: 1,
              showErrorMessage: 1,
              sqref: `${typeCol}2:${typeCol}${lastRow}`,
            },
            el(m("formula1"), {}, t('"企业会员,团体会员,个人会员"'))
          ),
          el(
            m("dataValidation"),
            {
              type: "date",
              operator: "greaterThan",
              allowBlank: 1,
              showErrorMessage: 1,
              errorTitle: "日期",
              error: "请输入 2000 年以后的日期",
              sqref: `H2:I${lastRow}`,
            },
            el(m("formula1"), {}, t("36526"))
          )
        )
      );
    }
    after.push(
      el(m("pageMargins"), {
        left: "0.7",
        right: "0.7",
        top: "0.75",
        bottom: "0.75",
        header: "0.3",
        footer: "0.3",
      })
    );
    if (this.v.names && sheet.name === "会员") {
      after.push(el(m("pageSetup"), { paperSize: 9, orientation: "landscape" }));
    }
    if (sheet.name === "商会" && this.v.comments) {
      rels.push(
        ["comments", "../comments1.xml", "rId2"],
        ["vmlDrawing", "../drawings/vmlDrawing1.vml", "rId1"]
      );
      after.push(el(m("legacyDrawing"), { "r:id": "rId1" }));
    }
    if (sheet.name === "会费" && this.v.table) {
      rels.push(["table", "../tables/table1.xml", "rId1"]);
      after.push(el(m("tableParts"), { count: 1 }, el(m("tablePart"), { "r:id": "rId1" })));
    }
    return { after, rels, ...(hiddenRows ? { hiddenRows } : {}) };
  }

  private plans(): SheetPlan[] {
    const plans: SheetPlan[] = [];
    for (const sheet of this.data.sheets) {
      const grid = this.gridOf(sheet);
      if (sheet.name === "会费" && this.v.calcChain) {
        // 实缴金额 equal to 应缴金额 is typed as a formula =C n, its cached value the amount.
        const due = sheet.columns.indexOf("应缴金额");
        const paid = sheet.columns.indexOf("实缴金额");
        grid.forEach((row, r) => {
          const a = row[due];
          const b = row[paid];
          if (
            r > 0 &&
            a?.kind === "number" &&
            b?.kind === "number" &&
            a.value === b.value &&
            a.value > 0
          ) {
            row[paid] = {
              kind: "formula",
              formula: cellAddress(due + 1, r + 1),
              value: b.value,
              style: XF.money,
            };
          }
        });
      }
      if (sheet.name === "会费" && this.v.table) {
        const n = grid.length;
        const sum = (col: number): number =>
          Math.round(
            grid.slice(1).reduce((acc, row) => {
              const cell = row[col];
              return (
                acc +
                (cell && (cell.kind === "number" || cell.kind === "formula")
                  ? Number(cell.value)
                  : 0)
              );
            }, 0) * 100
          ) / 100;
        grid.push([
          { kind: "text", text: "合计" },
          null,
          {
            kind: "formula",
            formula: "SUBTOTAL(109,会费表[应缴金额])",
            value: sum(2),
            style: XF.money,
          },
          {
            kind: "formula",
            formula: "SUBTOTAL(109,会费表[实缴金额])",
            value: sum(3),
            style: XF.money,
          },
          {
            kind: "formula",
            formula: "SUBTOTAL(103,会费表[缴费日期])",
            value: grid.slice(1, n).filter((r) => r[4]).length,
          },
        ]);
      }
      if (sheet.name === "会员" && this.v.corrupt) {
        const row = grid[2];
        if (row)
          row[1] = {
            kind: "raw",
            xml: `<${this.m("c")} r="B3" t="inlineStr"><${this.m("is")}><${this.m("t")}>坏字符&#1114112;</${this.m("t")}></${this.m("is")}></${this.m("c")}>`,
          };
      }
      plans.push({ name: sheet.name, grid, ...this.sheetExtras(sheet) });
    }
    if (this.v.calcChain) {
      plans.push({
        name: "统计",
        grid: [
          [
            { kind: "text", text: "项目", style: XF.header },
            { kind: "text", text: "数值", style: XF.header },
          ],
          [
            { kind: "text", text: "会员行数" },
            { kind: "formula", formula: "COUNTA(会员!A:A)-1", value: this.count("会员") },
          ],
          [
            { kind: "text", text: "商会行数" },
            { kind: "formula", formula: "COUNTA(商会!A:A)-1", value: this.count("商会") },
          ],
          [
            { kind: "text", text: "会费合计" },
            { kind: "formula", formula: "SUM(会费!D:D)", value: this.paidTotal(), style: XF.money },
          ],
          [
            { kind: "text", text: "说明" },
            {
              kind: "formula",
              formula: '"共"&B2&"名会员"',
              value: `共${this.count("会员")}名会员`,
            },
          ],
        ],
        after: [
          el(this.m("pageMargins"), {
            left: "0.7",
            right: "0.7",
            top: "0.75",
            bottom: "0.75",
            header: "0.3",
            footer: "0.3",
          }),
        ],
        rels: [],
      });
    }
    if (this.v.hiddenSheet) {
      plans.push({
        name: "参数",
        state: "hidden",
        grid: [
          [
            { kind: "text", text: "会员类型" },
            { kind: "text", text: "商会类型" },
          ],
          [
            { kind: "text", text: "企业会员" },
            { kind: "text", text: "乡镇街道商会" },
          ],
          [
            { kind: "text", text: "团体会员" },
            { kind: "text", text: "行业商会" },
          ],
          [
            { kind: "text", text: "个人会员" },
            { kind: "text", text: "异地商会" },
          ],
        ],
        after: [],
        rels: [],
      });
    }
    return plans;
  }

  private count(name: string): number {
    return this.data.sheets.find((s) => s.name === name)?.rows.length ?? 0;
  }

  private paidTotal(): number {
    const dues = this.data.sheets.find((s) => s.name === "会费");
    if (!dues) return 0;
    const paid = dues.columns.indexOf("实缴金额");
    return Math.round(dues.rows.reduce((acc, r) => acc + Number(r[paid] ?? 0), 0) * 100) / 100;
  }

  // ---- the other parts ----------------------------------------------------------------------

  private stylesXml(): XNode {
    const m = (n: string) => this.m(n);
    const font = (attrs: {
      b?: boolean;
      sz: number;
      name: string;
      color?: string;
      charset?: number;
    }) =>
      el(
        m("font"),
        {},
        attrs.b ? el(m("b")) : null,
        el(m("sz"), { val: attrs.sz }),
        attrs.color ? el(m("color"), { rgb: attrs.color }) : el(m("color"), { theme: 1 }),
        el(m("name"), { val: attrs.name }),
        el(m("family"), { val: 3 }),
        el(m("charset"), { val: attrs.charset ?? 134 }),
        el(m("scheme"), { val: "minor" })
      );
    const xf = (
      numFmtId: number,
      fontId: number,
      fillId: number,
      borderId: number,
      apply: Attrs = {}
    ) => el(m("xf"), { numFmtId, fontId, fillId, borderId, xfId: 0, ...apply });
    const side = (name: string, styled: boolean) =>
      styled ? el(m(name), { style: "thin" }, el(m("color"), { indexed: 64 })) : el(m(name));
    return el(
      m("styleSheet"),
      this.mainNs({ "xmlns:mc": MC, "mc:Ignorable": "x14ac", "xmlns:x14ac": X14AC }),
      el(
        m("numFmts"),
        { count: 4 },
        el(m("numFmt"), { numFmtId: 176, formatCode: 'yyyy"年"m"月"d"日";@' }),
        el(m("numFmt"), { numFmtId: 177, formatCode: "yyyy\\-mm\\-dd;@" }),
        el(m("numFmt"), { numFmtId: 178, formatCode: "#,##0.00_ " }),
        el(m("numFmt"), { numFmtId: 179, formatCode: "yyyy/m/d;@" })
      ),
      el(
        m("fonts"),
        { count: 3, "x14ac:knownFonts": 1 },
        font({ sz: 11, name: "等线" }),
        font({ b: true, sz: 11, name: "等线" }),
        font({ sz: 9, name: "等线" })
      ),
      el(
        m("fills"),
        { count: 3 },
        el(m("fill"), {}, el(m("patternFill"), { patternType: "none" })),
        el(m("fill"), {}, el(m("patternFill"), { patternType: "gray125" })),
        el(
          m("fill"),
          {},
          el(
            m("patternFill"),
            { patternType: "solid" },
            el(m("fgColor"), { rgb: "FFDDEBF7" }),
            el(m("bgColor"), { indexed: 64 })
          )
        )
      ),
      el(
        m("borders"),
        { count: 2 },
        el(
          m("border"),
          {},
          side("left", false),
          side("right", false),
          side("top", false),
          side("bottom", false),
          side("diagonal", false)
        ),
        el(
          m("border"),
          {},
          side("left", true),
          side("right", true),
          side("top", true),
          side("bottom", true),
          side("diagonal", false)
        )
      ),
      el(
        m("cellStyleXfs"),
        { count: 1 },
        el(
          m("xf"),
          { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0 },
          el(m("alignment"), { vertical: "center" })
        )
      ),
      el(
        m("cellXfs"),
        { count: 7 },
        el(
          m("xf"),
          { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: 0 },
          el(m("alignment"), { vertical: "center" })
        ),
        el(
          m("xf"),
          {
            numFmtId: 0,
            fontId: 1,
            fillId: 2,
            borderId: 1,
            xfId: 0,
            applyFont: 1,
            applyFill: 1,
            applyBorder: 1,
            applyAlignment: 1,
          },
          el(m("alignment"), { horizontal: "center", vertical: "center" })
        ),
        xf(14, 0, 0, 0, { applyNumberFormat: 1 }),
        xf(179, 0, 0, 0, { applyNumberFormat: 1 }),
        xf(176, 0, 0, 0, { applyNumberFormat: 1 }),
        xf(177, 0, 0, 0, { applyNumberFormat: 1 }),
        xf(178, 0, 0, 0, { applyNumberFormat: 1 })
      ),
      el(
        m("cellStyles"),
        { count: 1 },
        el(m("cellStyle"), { name: "常规", xfId: 0, builtinId: 0 })
      ),
      el(
        m("dxfs"),
        { count: 2 },
        el(
          m("dxf"),
          {},
          el(m("font"), {}, el(m("color"), { rgb: "FF9C0006" })),
          el(m("fill"), {}, el(m("patternFill"), {}, el(m("bgColor"), { rgb: "FFFFC7CE" })))
        ),
        el(m("dxf"), {}, el(m("font"), {}, el(m("b")), el(m("color"), { rgb: "FF006100" })))
      ),
      el(m("tableStyles"), {
        count: 0,
        defaultTableStyle: "TableStyleMedium2",
        defaultPivotStyle: "PivotStyleLight16",
      })
    );
  }

  private sharedStringsXml(): XNode {
    const m = (n: string) => this.m(n);
    const phonetic = el(m("phoneticPr"), { fontId: 2, type: "noConversion" });
    const items = this.sst.items.map((text) => {
      const tNode = el(m("t"), /^\s|\s$/.test(text) ? { "xml:space": "preserve" } : {}, t(text));
      if (!this.v.rich || text.length < 3) return el(m("si"), {}, tNode, phonetic);
      // Two runs (the first bold, in 宋体) and a phonetic run over the first two characters:
      // the cell's text is the runs' text only, never the reading.
      const head = [...text].slice(0, 2).join("");
      const tail = [...text].slice(2).join("");
      return el(
        m("si"),
        {},
        el(
          m("r"),
          {},
          el(
            m("rPr"),
            {},
            el(m("b")),
            el(m("sz"), { val: 11 }),
            el(m("rFont"), { val: "宋体" }),
            el(m("family"), { val: 3 }),
            el(m("charset"), { val: 134 })
          ),
          el(m("t"), {}, t(head))
        ),
        el(m("r"), {}, el(m("t"), {}, t(tail))),
        el(m("rPh"), { sb: 0, eb: 2 }, el(m("t"), {}, t("ピンイン"))),
        phonetic
      );
    });
    return el(
      m("sst"),
      this.mainNs({ count: this.sst.count, uniqueCount: this.sst.items.length }),
      ...items
    );
  }

  private definedNames(plans: readonly SheetPlan[]): XNode | null {
    const m = (n: string) => this.m(n);
    const idx = (name: string) => plans.findIndex((p) => p.name === name);
    const members = this.data.sheets.find((s) => s.name === "会员");
    const lastRow = (members?.rows.length ?? 0) + 1;
    const lastCol = columnLetters(members?.columns.length ?? 1);
    const names: XNode[] = [];
    if (this.v.autoFilter) {
      names.push(
        el(
          m("definedName"),
          { name: "_xlnm._FilterDatabase", localSheetId: idx("会员"), hidden: 1 },
          t(`会员!$A$1:$${lastCol}$${lastRow}`)
        )
      );
    }
    if (this.v.names) {
      names.push(
        el(
          m("definedName"),
          { name: "_xlnm.Print_Area", localSheetId: idx("会员") },
          t(`会员!$A$1:$${lastCol}$${lastRow}`)
        ),
        el(
          m("definedName"),
          { name: "_xlnm.Print_Titles", localSheetId: idx("会员") },
          t("会员!$1:$1")
        ),
        el(
          m("definedName"),
          { name: "本年会费", localSheetId: idx("会费"), comment: "2024 年的会费行" },
          t("会费!$A$2:$E$367")
        ),
        el(m("definedName"), { name: "会员名单" }, t(`会员!$A$2:$${lastCol}$${lastRow}`)),
        el(m("definedName"), { name: "覆盖率目标" }, t("0.1"))
      );
    }
    if (names.length > 0) return el(m("definedNames"), {}, ...names);
    return this.v.emptyDefinedNames ? el(m("definedNames")) : null;
  }

  build(): Built {
    const m = (n: string) => this.m(n);
    const ns = this.ns;
    const plans = this.plans();
    const sheetParts = plans.map((_p, i) => `xl/worksheets/sheet${i + 1}.xml`);
    const sheetEntries: Array<{ name: string; part: string; type: string; state?: string }> =
      plans.map((p, i) => ({
        name: p.name,
        part: `worksheets/sheet${i + 1}.xml`,
        type: "worksheet",
        ...(p.state ? { state: p.state } : {}),
      }));
    plans.forEach((plan, i) => {
      const part = sheetParts[i] ?? "";
      this.put(part, this.worksheet(plan, i === 0), `${CT}.spreadsheetml.worksheet+xml`);
      if (plan.rels.length > 0) {
        this.put(
          part.replace("worksheets/", "worksheets/_rels/") + ".rels",
          this.rels(plan.rels.map(([type, target, id]) => [id, ns.relType(type), target] as const)),
          null
        );
      }
    });
    if (this.v.chartSheet) {
      // After 乡镇: a chart sheet showing each township's non-public enterprises.
      const at = plans.findIndex((p) => p.name === "乡镇") + 1;
      sheetEntries.splice(at, 0, {
        name: "乡镇图表",
        part: "chartsheets/sheet1.xml",
        type: "chartsheet",
      });
      this.chartSheetParts();
    }
    if (this.v.comments) this.commentParts();
    if (this.v.table) this.tablePart();

    const extraRels: Array<[string, string]> = [];
    extraRels.push(["theme", "theme/theme1.xml"], ["styles", "styles.xml"]);
    if (!this.v.inline) extraRels.push(["sharedStrings", "sharedStrings.xml"]);
    if (this.v.calcChain) extraRels.push(["calcChain", "calcChain.xml"]);

    const rId = (i: number) => `rId${i + 1}`;
    const relAttrs = (i: number): Attrs =>
      this.v.perSheetRns ? { "xmlns:r": ns.rel, "r:id": rId(i) } : { "r:id": rId(i) };
    const workbook = el(
      m("workbook"),
      this.mainNs({
        ...(this.v.perSheetRns ? {} : { "xmlns:r": ns.rel }),
        "xmlns:mc": MC,
        "mc:Ignorable": "x15",
        "xmlns:x15": "http://schemas.microsoft.com/office/spreadsheetml/2010/11/main",
        conformance: this.v.strict ? "strict" : undefined,
      }),
      el(m("fileVersion"), { appName: "xl", lastEdited: 7, lowestEdited: 7, rupBuild: 27328 }),
      el(m("workbookPr"), { defaultThemeVersion: 166925 }),
      el(
        m("bookViews"),
        {},
        el(m("workbookView"), {
          xWindow: -120,
          yWindow: -120,
          windowWidth: 29040,
          windowHeight: 15840,
          activeTab: 0,
        })
      ),
      el(
        m("sheets"),
        {},
        ...sheetEntries.map((s, i) =>
          el(m("sheet"), { name: s.name, sheetId: i + 1, state: s.state, ...relAttrs(i) })
        )
      ),
      this.definedNames(plans),
      el(m("calcPr"), { calcId: 191029 })
    );
    if (this.v.utf16) {
      const text = this.xml(workbook, "UTF-16").replace(/^\uFEFF/, "");
      this.parts.set(
        "xl/workbook.xml",
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])
      );
      this.overrides.push(["/xl/workbook.xml", `${CT}.spreadsheetml.sheet.main+xml`]);
    } else {
      this.put("xl/workbook.xml", workbook, `${CT}.spreadsheetml.sheet.main+xml`);
    }
    const workbookRels: Array<readonly [string, string, string]> = sheetEntries.map(
      (s, i) => [rId(i), ns.relType(s.type), s.part] as const
    );
    extraRels.forEach(([type, target], i) =>
      workbookRels.push([rId(sheetEntries.length + i), ns.relType(type), target])
    );
    this.put("xl/_rels/workbook.xml.rels", this.rels(workbookRels), null);
    this.put("xl/styles.xml", this.stylesXml(), `${CT}.spreadsheetml.styles+xml`);
    this.put("xl/theme/theme1.xml", this.themeXml(), `${CT}.theme+xml`);
    if (!this.v.inline) {
      this.put(
        "xl/sharedStrings.xml",
        this.sharedStringsXml(),
        `${CT}.spreadsheetml.sharedStrings+xml`
      );
    }
    if (this.v.calcChain) this.calcChainPart(plans);
    this.docProps(sheetEntries.map((s) => s.name));
    this.put(
      "_rels/.rels",
      this.rels([
        ["rId3", ns.relType("extended-properties"), "docProps/app.xml"],
        ["rId2", CORE_PROPS_REL, "docProps/core.xml"],
        ["rId1", ns.relType("officeDocument"), "xl/workbook.xml"],
      ]),
      null
    );
    const types = el(
      "Types",
      { xmlns: CONTENT_TYPES_NS },
      ...this.defaults.map(([ext, type]) => el("Default", { Extension: ext, ContentType: type })),
      ...this.overrides.map(([part, type]) => el("Override", { PartName: part, ContentType: type }))
    );
    const ordered = new Map<string, string | Buffer>([["[Content_Types].xml", this.xml(types)]]);
    for (const [k, val] of this.parts) ordered.set(k, val);
    return { parts: ordered };
  }

  private themeXml(): XNode {
    // A minimal theme: colour scheme, font scheme (等线 for East Asian text) and format scheme.
    const a = (n: string) => `a:${n}`;
    const sys = (name: string, val: string, last: string) =>
      el(a(name), {}, el(a("sysClr"), { val, lastClr: last }));
    const srgb = (name: string, val: string) => el(a(name), {}, el(a("srgbClr"), { val }));
    const fontSet = (name: string, latin: string) =>
      el(
        a(name),
        {},
        el(a("latin"), { typeface: latin }),
        el(a("ea"), { typeface: "" }),
        el(a("cs"), { typeface: "" }),
        el(a("font"), { script: "Hans", typeface: "等线" })
      );
    const solid = el(a("solidFill"), {}, el(a("schemeClr"), { val: "phClr" }));
    const line = (w: number) =>
      el(
        a("ln"),
        { w, cap: "flat", cmpd: "sng", algn: "ctr" },
        solid,
        el(a("prstDash"), { val: "solid" })
      );
    return el(
      a("theme"),
      { "xmlns:a": this.ns.drawing, name: "Office 主题" },
      el(
        a("themeElements"),
        {},
        el(
          a("clrScheme"),
          { name: "Office" },
          sys("dk1", "windowText", "000000"),
          sys("lt1", "window", "FFFFFF"),
          srgb("dk2", "44546A"),
          srgb("lt2", "E7E6E6"),
          srgb("accent1", "4472C4"),
          srgb("accent2", "ED7D31"),
          srgb("accent3", "A5A5A5"),
          srgb("accent4", "FFC000"),
          srgb("accent5", "5B9BD5"),
          srgb("accent6", "70AD47"),
          srgb("hlink", "0563C1"),
          srgb("folHlink", "954F72")
        ),
        el(
          a("fontScheme"),
          { name: "Office" },
          fontSet("majorFont", "等线 Light"),
          fontSet("minorFont", "等线")
        ),
        el(
          a("fmtScheme"),
          { name: "Office" },
          el(a("fillStyleLst"), {}, solid, solid, solid),
          el(a("lnStyleLst"), {}, line(6350), line(12700), line(19050)),
          el(
            a("effectStyleLst"),
            {},
            el(a("effectStyle"), {}, el(a("effectLst"))),
            el(a("effectStyle"), {}, el(a("effectLst"))),
            el(a("effectStyle"), {}, el(a("effectLst")))
          ),
          el(a("bgFillStyleLst"), {}, solid, solid, solid)
        )
      )
    );
  }

  private docProps(sheetNames: readonly string[]): void {
    this.put(
      "docProps/app.xml",
      el(
        "Properties",
        {
          xmlns: this.ns.extended,
          "xmlns:vt": this.v.strict
            ? "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"
            : "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
        },
        el("Application", {}, t("Microsoft Excel")),
        el("DocSecurity", {}, t("0")),
        el("ScaleCrop", {}, t("false")),
        el(
          "TitlesOfParts",
          {},
          el(
            "vt:vector",
            { size: sheetNames.length, baseType: "lpstr" },
            ...sheetNames.map((n) => el("vt:lpstr", {}, t(n)))
          )
        ),
        el("AppVersion", {}, t("16.0300"))
      ),
      `${CT}.extended-properties+xml`
    );
    const when = FIXED_TIME.toISOString().replace(/\.\d+Z$/, "Z");
    this.put(
      "docProps/core.xml",
      el(
        "cp:coreProperties",
        {
          "xmlns:cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
          "xmlns:dc": "http://purl.org/dc/elements/1.1/",
          "xmlns:dcterms": "http://purl.org/dc/terms/",
          "xmlns:dcmitype": "http://purl.org/dc/dcmitype/",
          "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        },
        el("dc:creator", {}, t("区工商联")),
        el("cp:lastModifiedBy", {}, t("区工商联")),
        el("dcterms:created", { "xsi:type": "dcterms:W3CDTF" }, t(when)),
        el("dcterms:modified", { "xsi:type": "dcterms:W3CDTF" }, t(when))
      ),
      "application/vnd.openxmlformats-package.core-properties+xml"
    );
  }

  private chartSheetParts(): void {
    const ns = this.ns;
    const m = (n: string) => this.m(n);
    const townships = this.data.sheets.find((s) => s.name === "乡镇");
    const n = (townships?.rows.length ?? 0) + 1;
    this.put(
      "xl/chartsheets/sheet1.xml",
      el(
        m("chartsheet"),
        this.mainNs({ "xmlns:r": ns.rel }),
        el(m("sheetPr")),
        el(
          m("sheetViews"),
          {},
          el(m("sheetView"), { zoomScale: 100, workbookViewId: 0, zoomToFit: 1 })
        ),
        el(m("pageMargins"), {
          left: "0.7",
          right: "0.7",
          top: "0.75",
          bottom: "0.75",
          header: "0.3",
          footer: "0.3",
        }),
        el(m("drawing"), { "r:id": "rId1" })
      ),
      `${CT}.spreadsheetml.chartsheet+xml`
    );
    this.put(
      "xl/chartsheets/_rels/sheet1.xml.rels",
      this.rels([["rId1", ns.relType("drawing"), "../drawings/drawing1.xml"]]),
      null
    );
    const xdr = (x: string) => `xdr:${x}`;
    this.put(
      "xl/drawings/drawing1.xml",
      el(
        xdr("wsDr"),
        { "xmlns:xdr": ns.spreadsheetDrawing, "xmlns:a": ns.drawing },
        el(
          xdr("absoluteAnchor"),
          {},
          el(xdr("pos"), { x: 0, y: 0 }),
          el(xdr("ext"), { cx: 9309100, cy: 6072188 }),
          el(
            xdr("graphicFrame"),
            { macro: "" },
            el(
              xdr("nvGraphicFramePr"),
              {},
              el(xdr("cNvPr"), { id: 2, name: "图表 1" }),
              el(xdr("cNvGraphicFramePr"), {}, el("a:graphicFrameLocks", { noGrp: 1 }))
            ),
            el(xdr("xfrm"), {}, el("a:off", { x: 0, y: 0 }), el("a:ext", { cx: 0, cy: 0 })),
            el(
              "a:graphic",
              {},
              el(
                "a:graphicData",
                { uri: ns.chart },
                el("c:chart", { "xmlns:c": ns.chart, "xmlns:r": ns.rel, "r:id": "rId1" })
              )
            )
          ),
          el(xdr("clientData"))
        )
      ),
      `${CT}.drawing+xml`
    );
    this.put(
      "xl/drawings/_rels/drawing1.xml.rels",
      this.rels([["rId1", ns.relType("chart"), "../charts/chart1.xml"]]),
      null
    );
    const c = (x: string) => `c:${x}`;
    this.put(
      "xl/charts/chart1.xml",
      el(
        c("chartSpace"),
        { "xmlns:c": ns.chart, "xmlns:a": ns.drawing, "xmlns:r": ns.rel },
        el(
          c("chart"),
          {},
          el(
            c("title"),
            {},
            el(
              c("tx"),
              {},
              el(
                c("rich"),
                {},
                el("a:bodyPr"),
                el("a:p", {}, el("a:r", {}, el("a:t", {}, t("各乡镇非公企业数"))))
              )
            )
          ),
          el(c("autoTitleDeleted"), { val: 0 }),
          el(
            c("plotArea"),
            {},
            el(c("layout")),
            el(
              c("barChart"),
              {},
              el(c("barDir"), { val: "col" }),
              el(c("grouping"), { val: "clustered" }),
              el(c("varyColors"), { val: 0 }),
              el(
                c("ser"),
                {},
                el(c("idx"), { val: 0 }),
                el(c("order"), { val: 0 }),
                el(c("tx"), {}, el(c("strRef"), {}, el(c("f"), {}, t("乡镇!$C$1")))),
                el(c("cat"), {}, el(c("strRef"), {}, el(c("f"), {}, t(`乡镇!$A$2:$A$${n}`)))),
                el(c("val"), {}, el(c("numRef"), {}, el(c("f"), {}, t(`乡镇!$C$2:$C$${n}`))))
              ),
              el(c("axId"), { val: 1001 }),
              el(c("axId"), { val: 1002 })
            ),
            el(
              c("catAx"),
              {},
              el(c("axId"), { val: 1001 }),
              el(c("scaling"), {}, el(c("orientation"), { val: "minMax" })),
              el(c("delete"), { val: 0 }),
              el(c("axPos"), { val: "b" }),
              el(c("crossAx"), { val: 1002 })
            ),
            el(
              c("valAx"),
              {},
              el(c("axId"), { val: 1002 }),
              el(c("scaling"), {}, el(c("orientation"), { val: "minMax" })),
              el(c("delete"), { val: 0 }),
              el(c("axPos"), { val: "l" }),
              el(c("crossAx"), { val: 1001 })
            )
          ),
          el(c("plotVisOnly"), { val: 1 })
        )
      ),
      `${CT}.drawingml.chart+xml`
    );
  }

  private commentParts(): void {
    const m = (n: string) => this.m(n);
    const comments: Array<[string, string]> = [
      ["B2", "城关镇商会成立于 2012 年"],
      ["G5", "已于 2023 年撤销，登记证已注销"],
      ["N4", "统一社会信用代码以 51 开头：社会组织"],
    ];
    this.put(
      "xl/comments1.xml",
      el(
        m("comments"),
        this.mainNs(),
        el(m("authors"), {}, el(m("author"), {}, t("区工商联"))),
        el(
          m("commentList"),
          {},
          ...comments.map(([ref, text]) =>
            el(
              m("comment"),
              { ref, authorId: 0 },
              el(
                m("text"),
                {},
                el(
                  m("r"),
                  {},
                  el(
                    m("rPr"),
                    {},
                    el(m("b")),
                    el(m("sz"), { val: 9 }),
                    el(m("rFont"), { val: "宋体" })
                  ),
                  el(m("t"), {}, t("区工商联:"))
                ),
                el(
                  m("r"),
                  {},
                  el(m("rPr"), {}, el(m("sz"), { val: 9 }), el(m("rFont"), { val: "宋体" })),
                  el(m("t"), { "xml:space": "preserve" }, t(`\n${text}`))
                )
              )
            )
          )
        )
      ),
      `${CT}.spreadsheetml.comments+xml`
    );
    if (!this.defaults.some(([ext]) => ext === "vml")) this.defaults.push(["vml", VML_CT]);
    const shapes = comments.map(([ref], i) => {
      const col = ref.charCodeAt(0) - 65;
      const row = parseInt(ref.slice(1), 10) - 1;
      return el(
        "v:shape",
        {
          id: `_x0000_s${1025 + i}`,
          type: "#_x0000_t202",
          style:
            "position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden",
          fillcolor: "#ffffe1",
          "o:insetmode": "auto",
        },
        el("v:fill", { color2: "#ffffe1" }),
        el("v:shadow", { on: "t", color: "black", obscured: "t" }),
        el("v:path", { "o:connecttype": "none" }),
        el(
          "v:textbox",
          { style: "mso-direction-alt:auto" },
          el("div", { style: "text-align:left" })
        ),
        el(
          "x:ClientData",
          { ObjectType: "Note" },
          el("x:MoveWithCells"),
          el("x:SizeWithCells"),
          el("x:Anchor", {}, t(`${col + 1}, 15, ${row}, 2, ${col + 3}, 15, ${row + 4}, 16`)),
          el("x:AutoFill", {}, t("False")),
          el("x:Row", {}, t(String(row))),
          el("x:Column", {}, t(String(col)))
        )
      );
    });
    const vml = el(
      "xml",
      {
        "xmlns:v": "urn:schemas-microsoft-com:vml",
        "xmlns:o": "urn:schemas-microsoft-com:office:office",
        "xmlns:x": "urn:schemas-microsoft-com:office:excel",
      },
      el("o:shapelayout", { "v:ext": "edit" }, el("o:idmap", { "v:ext": "edit", data: 1 })),
      el(
        "v:shapetype",
        {
          id: "_x0000_t202",
          coordsize: "21600,21600",
          "o:spt": 202,
          path: "m,l,21600r21600,l21600,xe",
        },
        el("v:stroke", { joinstyle: "miter" }),
        el("v:path", { gradientshapeok: "t", "o:connecttype": "rect" })
      ),
      ...shapes
    );
    // Legacy VML carries no XML declaration in Excel's files.
    this.parts.set(
      "xl/drawings/vmlDrawing1.vml",
      `${this.v.bom ? "\uFEFF" : ""}${serialize(vml, this.style)}`
    );
  }

  private tablePart(): void {
    const m = (n: string) => this.m(n);
    const dues = this.data.sheets.find((s) => s.name === "会费");
    if (!dues) return;
    const last = dues.rows.length + 1;
    const lastCol = columnLetters(dues.columns.length);
    const fn: Record<string, Attrs> = {
      会员编号: { totalsRowLabel: "合计" },
      应缴金额: { totalsRowFunction: "sum" },
      实缴金额: { totalsRowFunction: "sum" },
      缴费日期: { totalsRowFunction: "count" },
    };
    this.put(
      "xl/tables/table1.xml",
      el(
        m("table"),
        this.mainNs({
          id: 1,
          name: "会费表",
          displayName: "会费表",
          ref: `A1:${lastCol}${last + 1}`,
          totalsRowCount: 1,
        }),
        el(m("autoFilter"), { ref: `A1:${lastCol}${last}` }),
        el(
          m("tableColumns"),
          { count: dues.columns.length },
          ...dues.columns.map((name, i) =>
            el(m("tableColumn"), { id: i + 1, name, ...(fn[name] ?? {}) })
          )
        ),
        el(m("tableStyleInfo"), {
          name: "TableStyleMedium2",
          showFirstColumn: 0,
          showLastColumn: 0,
          showRowStripes: 1,
          showColumnStripes: 0,
        })
      ),
      `${CT}.spreadsheetml.table+xml`
    );
  }

  private calcChainPart(plans: readonly SheetPlan[]): void {
    const m = (n: string) => this.m(n);
    // Each <c> names its sheet by sheetId in i, which later cells of the same sheet may omit.
    const cells: XNode[] = [];
    let lastSheet = 0;
    plans.forEach((plan, i) => {
      plan.grid.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell?.kind !== "formula") return;
          const sheetId = i + 1;
          cells.push(
            el(m("c"), {
              r: cellAddress(c + 1, r + 1),
              i: sheetId !== lastSheet ? sheetId : undefined,
            })
          );
          lastSheet = sheetId;
        })
      );
    });
    this.put(
      "xl/calcChain.xml",
      el(m("calcChain"), this.mainNs(), ...cells),
      `${CT}.spreadsheetml.calcChain+xml`
    );
  }
}

export async function writeVariant(v: Variant, data: Dataset, path: string): Promise<void> {
  const { parts } = new Builder(v, data).build();
  const zip = new JSZip();
  for (const [name, content] of parts) zip.file(name, content, { date: FIXED_TIME });
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  writeFileSync(path, bytes);
}

async function main(): Promise<void> {
  const folder = resolve(argv[2] ?? "tests/fixtures/producers");
  mkdirSync(folder, { recursive: true });
  const data = loadDataset();
  for (const v of VARIANTS) await writeVariant(v, data, join(folder, v.file));
  stdout.write(`${VARIANTS.length} hand-made workbooks written to ${folder}\n`);
}

if (argv[1] && /handmade\.ts$/.test(argv[1])) await main();
