/**
 * One OutputSheet → the XML of its worksheet part. Text is written as inline strings, so a value
 * that begins with =, +, - or @ stays text: the part never holds a formula.
 */
import { Buffer } from "node:buffer";
import { cellAddress, parseCellAddress, quoteSheetName, rangeAddress } from "../../core/a1";
import { dayFromIso, serialOfDay } from "../../core/dates";
import { rowHeight } from "../../core/report/row-heights";
import type { DateSystem, Lang, OutputCell, OutputSheet, PrintSetup } from "../../core/types";
import type { Conformance } from "./namespaces";
import type { StyleBook } from "./styles-write";
import { escapeCellText, escapeXml } from "./xml";
import { FMT_DATE, sheetWidth } from "../../core/report/cells";
import { headerFooterCode, pageBreaksAbove } from "../../core/report/print";

/** Excel's limit on the characters in one cell. */
const MAX_CELL_TEXT = 32_767;

/**
 * Text that needs `xml:space="preserve"` on its `<t>`: whitespace at either end (which Excel
 * trims otherwise), a tab or line break, or a run of spaces. Excel writes it only then too; on
 * every cell it was a sixth of a problems sheet's bytes.
 */
const PRESERVE = /^\s|\s$|[\t\n\r]| {2}/;

function cellXml(
  ref: string,
  cell: OutputCell,
  styles: StyleBook,
  dateSystem: DateSystem,
  lang: Lang | undefined
): string | null {
  const { v } = cell;
  if (v === null) {
    if (!cell.style) return null;
    return `<c r="${ref}" s="${styles.xfFor(cell.style, cell.fmt, false, lang)}"/>`;
  }
  if (typeof v === "object") {
    const day = dayFromIso(v.date);
    if (day === null) throw new Error(`output date is not a calendar day: ${v.date}`);
    const s = styles.xfFor(cell.style, cell.fmt ?? FMT_DATE, cell.link !== undefined, lang);
    return `<c r="${ref}" s="${s}"><v>${serialOfDay(day, dateSystem)}</v></c>`;
  }
  const s = styles.xfFor(cell.style, cell.fmt, cell.link !== undefined, lang);
  if (typeof v === "boolean") return `<c r="${ref}" s="${s}" t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "number") {
    return Number.isFinite(v) ? `<c r="${ref}" s="${s}"><v>${v}</v></c>` : null;
  }
  const text = v.slice(0, MAX_CELL_TEXT);
  const space = PRESERVE.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}" s="${s}" t="inlineStr"><is><t${space}>${escapeCellText(text)}</t></is></c>`;
}

function sheetViewXml(freezeRows: number): string {
  if (freezeRows <= 0) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const topLeft = `A${freezeRows + 1}`;
  return (
    '<sheetViews><sheetView workbookViewId="0">' +
    `<pane ySplit="${freezeRows}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    "</sheetView></sheetViews>"
  );
}

function colsXml(widths: readonly number[]): string {
  const cols = widths
    .map((width, i) =>
      width > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>` : ""
    )
    .join("");
  return cols ? `<cols>${cols}</cols>` : "";
}

function hyperlinkXml(ref: string, link: NonNullable<OutputCell["link"]>): string {
  const target = parseCellAddress(link.cell) ? link.cell.replace(/\$/g, "") : "A1";
  const location = `${quoteSheetName(link.sheet)}!${target}`;
  return `<hyperlink ref="${ref}" location="${escapeXml(location)}" display="${escapeXml(location)}"/>`;
}

/** pageSetup@paperSize: 9 is A4 paper, 210 mm by 297 mm (ECMA-376 Part 1, CT_PageSetup). */
const PAPER_SIZE: Readonly<Record<PrintSetup["paper"], number>> = { A4: 9 };

const DEFAULT_MARGINS =
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

/**
 * The print elements of CT_Worksheet, each at its place in the sequence: `printOptions`,
 * `pageMargins`, `pageSetup`, `headerFooter` (after `hyperlinks`), then `rowBreaks`. Fitting to
 * pages also needs `sheetPr/pageSetUpPr@fitToPage` (sheetPrXml); fitToHeight="0" is "any number
 * of pages tall".
 */
function printXml(print: PrintSetup | undefined, breaks: readonly number[]): string {
  if (!print) return DEFAULT_MARGINS;
  const m = print.margins;
  const header = headerFooterCode(print.header);
  const footer = headerFooterCode(print.footer);
  let xml =
    (print.centerHorizontally ? '<printOptions horizontalCentered="1"/>' : "") +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="${PAPER_SIZE[print.paper]}" orientation="${print.orientation}" fitToWidth="${print.fitToPagesWide}" fitToHeight="0"/>`;
  if (header || footer) {
    xml +=
      "<headerFooter>" +
      (header ? `<oddHeader>${escapeXml(header)}</oddHeader>` : "") +
      (footer ? `<oddFooter>${escapeXml(footer)}</oddFooter>` : "") +
      "</headerFooter>";
  }
  if (breaks.length > 0) {
    // brk@id is the row above the break (a break above row 20 is id 19); max is the last column.
    const brks = breaks.map((row) => `<brk id="${row - 1}" max="16383" man="1"/>`).join("");
    xml += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${brks}</rowBreaks>`;
  }
  return xml;
}

function sheetPrXml(print: PrintSetup | undefined): string {
  return print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "";
}

/**
 * The worksheet XML of an output sheet, as buffers (a problems sheet can be far larger than one
 * JavaScript string may be). `drawingRelId` adds the `<drawing>` element for its charts.
 */
export function worksheetXml(
  sheet: OutputSheet,
  styles: StyleBook,
  dateSystem: DateSystem,
  drawingRelId: string | null,
  ns: Conformance
): Buffer[] {
  const chunks: Buffer[] = [];
  let text = "";
  const flush = () => {
    chunks.push(Buffer.from(text, "utf8"));
    text = "";
  };
  const lastColumn = Math.max(sheet.columnWidths.length, sheetWidth(sheet.rows));
  const dimension = rangeAddress(1, 1, lastColumn, Math.max(1, sheet.rows.length));
  text +=
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${ns.main}" xmlns:r="${ns.officeRel}">` +
    sheetPrXml(sheet.print) +
    `<dimension ref="${dimension}"/>` +
    sheetViewXml(sheet.freezeRows) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    colsXml(sheet.columnWidths) +
    "<sheetData>";
  const links: string[] = [];
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((cell, c) => {
      if (!cell) return;
      const ref = cellAddress(c + 1, r + 1);
      const xml = cellXml(ref, cell, styles, dateSystem, sheet.lang);
      if (xml) cells.push(xml);
      if (cell.link) links.push(hyperlinkXml(ref, cell.link));
    });
    if (cells.length === 0) return;
    // a height only for text taller than a line (core/report/row-heights.ts): LibreOffice prints
    // a row without one at the default height, whatever it wraps
    const height = rowHeight(row, sheet.columnWidths);
    const ht = height === null ? "" : ` ht="${height}"`;
    text += `<row r="${r + 1}"${ht}>${cells.join("")}</row>`;
    if (text.length > 1_000_000) flush();
  });
  text += "</sheetData>";
  // CT_Worksheet: autoFilter after sheetData (and sheet protection, none here), before hyperlinks
  if (sheet.autoFilter !== undefined) text += `<autoFilter ref="${sheet.autoFilter}"/>`;
  if (links.length > 0) {
    text += "<hyperlinks>";
    for (const link of links) {
      text += link;
      if (text.length > 1_000_000) flush();
    }
    text += "</hyperlinks>";
  }
  text += printXml(sheet.print, pageBreaksAbove(sheet));
  if (drawingRelId) text += `<drawing r:id="${drawingRelId}"/>`;
  text += "</worksheet>";
  flush();
  return chunks;
}
