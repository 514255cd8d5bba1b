/* global Excel */
/**
 * Writing the output sheets through Office.js. The work is a list of operations (sheet set-up,
 * blocks of values with their number formats, style rectangles, charts), each with an estimate of
 * its request bytes; they are packed into syncs of at most `requestBytes`, so the number of round
 * trips grows only with the payload. Calculation is suspended in every write sync, screen updating
 * (where ExcelApi 1.9 allows) once per recalculation. A payload error splits the failed operations
 * and retries. Text is written as typed String cells where ExcelApi 1.16 allows, else under "@",
 * and formula-looking text is read back afterwards (`verifyText`).
 *
 * Ownership: an output sheet is one the workbook name `ChamberStats_<key>` points at. It is
 * cleared and reused (renamed when the core chose another name), so formulas elsewhere that refer
 * to it keep working; a sheet the add-in did not create is never touched.
 */
import { columnLetters, quoteSheetName } from "../../core/a1";
import { markerName, MARKERS_HIDDEN } from "../../core/markers";
import type { CellStyle, ChartSpec, DateSystem, OutputCell, OutputSheet } from "../../core/types";
import { headerFooterSectionCode, pageBreaksAbove, printTitleRow } from "../../core/report/print";
import { sheetWidth } from "../../core/report/cells";
import { cellLook, type CellLook } from "../../core/report/styles";
import { cellWrite, columnWidthPoints, payloadBytes, type CellLink } from "./cells";
import { isPayloadError, officeErrorCode } from "./errors";
import { HostError } from "./host";
import { isSetSupported, type SheetLayout, type SyncCounter, type WorkbookOutline } from "./read";

export interface WriteBudget {
  /** Largest estimated request per sync, in bytes (Excel on the web refuses more than 5 MB). */
  readonly requestBytes: number;
}

export const DEFAULT_WRITE_BUDGET: WriteBudget = { requestBytes: 4_000_000 };

/** Estimated request bytes of one action beyond its arguments (object path, method, ids). */
const ACTION_BYTES = 96;

interface Op {
  readonly bytes: number;
  apply(context: Excel.RequestContext): void;
  /** Two halves of this operation, for a retry after a payload error; null when it cannot split. */
  split(): [Op, Op] | null;
}

function simpleOp(bytes: number, apply: (context: Excel.RequestContext) => void): Op {
  return { bytes, apply, split: () => null };
}

interface Target {
  readonly out: OutputSheet;
  /** The sheet's name when the write starts (an owned sheet may be renamed to `finalName`). */
  readonly currentName: string | null;
  readonly finalName: string;
}

/** Picks where each output sheet goes: its owned sheet when there is one, else a new sheet. */
export function planTargets(outputs: readonly OutputSheet[], outline: WorkbookOutline): Target[] {
  const taken = new Set(outline.sheets.map((s) => s.toLowerCase()));
  const targets: Target[] = [];
  for (const out of outputs) {
    const current = outline.owned.get(out.key) ?? null;
    let finalName = out.name;
    const clash = (n: string): boolean =>
      taken.has(n.toLowerCase()) && n.toLowerCase() !== current?.toLowerCase();
    // The core never picks a user's sheet; an owned sheet of another key with this name, or a
    // name taken meanwhile, gets the next free suffix rather than overwriting anything.
    for (let n = 2; clash(finalName); n++) finalName = `${out.name} (${n})`;
    if (current) taken.delete(current.toLowerCase());
    taken.add(finalName.toLowerCase());
    targets.push({ out, currentName: current, finalName });
  }
  return targets;
}

function sheetProxy(context: Excel.RequestContext, name: string): Excel.Worksheet {
  return context.workbook.worksheets.getItem(name);
}

/** Sets up one output sheet: reuse (clear, rename, drop old charts) or create, plus its marker. */
function setupOps(target: Target, outline: WorkbookOutline, layout: SheetLayout): Op[] {
  const { out, currentName, finalName } = target;
  const ops: Op[] = [];
  ops.push(
    simpleOp(ACTION_BYTES * 4 + payloadBytes(finalName) * 2, (context) => {
      const wb = context.workbook;
      let ws: Excel.Worksheet;
      if (currentName) {
        ws = sheetProxy(context, currentName);
        // the last run's AutoFilter goes with its table (the new one, if any, is applied later)
        if (layout.owned.get(currentName)?.filtered) ws.autoFilter.remove();
        ws.getRange().clear("All");
        for (const chart of layout.owned.get(currentName)?.charts ?? []) chart.delete();
        if (currentName !== finalName) ws.name = finalName;
      } else {
        ws = wb.worksheets.add(finalName);
      }
      // Markers are hidden from Name Manager (NamedItem.visible), where a user could delete them;
      // a marker written visible by an older version is hidden now.
      // https://learn.microsoft.com/javascript/api/excel/excel.nameditem#excel-excel-nameditem-visible-member
      if (!outline.owned.has(out.key) || outline.reclaimed.has(out.key)) {
        wb.names.add(
          markerName(out.key),
          ws.getRange("A1"),
          `chamber-stats output sheet (${out.key})`
        ).visible = !MARKERS_HIDDEN;
      } else {
        wb.names.getItem(markerName(out.key)).visible = !MARKERS_HIDDEN;
      }
      if (out.freezeRows > 0) ws.freezePanes.freezeRows(out.freezeRows);
      else ws.freezePanes.unfreeze();
    })
  );
  ops.push(
    simpleOp(ACTION_BYTES * out.columnWidths.length, (context) => {
      const ws = sheetProxy(context, finalName);
      out.columnWidths.forEach((width, i) => {
        const col = columnLetters(i + 1);
        ws.getRange(`${col}:${col}`).format.columnWidth = columnWidthPoints(width);
      });
    })
  );
  return ops;
}

/**
 * Writes a link into one cell. The one place that decides how a link is written: `Range.hyperlink`
 * with a `documentReference` (ExcelApi 1.7), on every platform, because a `=HYPERLINK("#…")`
 * formula is dead in Excel on the web (see `cellLink` in cells.ts).
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-hyperlink-member
 */
export function writeLink(cell: Excel.Range, link: CellLink): void {
  cell.hyperlink = { documentReference: link.documentReference, textToDisplay: link.textToDisplay };
}

/** Text that Excel would take for a formula if it were typed: = + - @ first (see `Range.values`). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/** A cell of text that must read back as that text: where it was written, and the text. */
export interface TextCheck {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly text: string;
}

/** How values are written: `valuesAsJson` typed cells (ExcelApi 1.16) or `values` under "@". */
export type ValueMode = "typed" | "values";

type TypedCell =
  | { type: "String"; basicValue: string }
  | { type: "Double"; basicValue: number }
  | { type: "Boolean"; basicValue: boolean }
  | { type: "Empty"; basicValue: "" };

/**
 * A value as a typed cell (Excel.CellValue, ExcelApi 1.16): a String cell is text by its type, so
 * "=1+1" stays the text "=1+1" whatever the cell's format.
 * https://learn.microsoft.com/javascript/api/excel/excel.stringcellvalue
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-valuesasjson-member
 */
function typedCell(value: string | number | boolean | null): TypedCell {
  if (value === null) return { type: "Empty", basicValue: "" };
  if (typeof value === "string") return { type: "String", basicValue: value };
  if (typeof value === "number") return { type: "Double", basicValue: value };
  return { type: "Boolean", basicValue: value };
}

/** Extra request bytes a typed cell takes over its bare value (`{"type":"String","basicValue":}`). */
const TYPED_CELL_BYTES = 32;

/** A block of rows [from, to) of an output sheet as values and number formats. */
function valuesOp(
  sheet: string,
  rows: OutputSheet["rows"],
  width: number,
  from: number,
  to: number,
  system: DateSystem,
  mode: ValueMode
): Op {
  const values: Array<Array<string | number | boolean | null>> = [];
  const formats: Array<Array<string | null>> = [];
  const links: Array<{ row: number; column: number; link: CellLink }> = [];
  let anyFormat = false;
  for (let r = from; r < to; r++) {
    const line = rows[r] ?? [];
    const vs: Array<string | number | boolean | null> = [];
    const fs: Array<string | null> = [];
    for (let c = 0; c < width; c++) {
      const w = cellWrite((line[c] ?? null) as OutputCell | null, system);
      vs.push(w.value);
      fs.push(w.format);
      if (w.format !== null) anyFormat = true;
      if (w.hyperlink) links.push({ row: r, column: c, link: w.hyperlink });
    }
    values.push(vs);
    formats.push(fs);
  }
  const bytes =
    ACTION_BYTES * (2 + links.length) +
    payloadBytes(values) +
    (mode === "typed" ? TYPED_CELL_BYTES * width * (to - from) : 0) +
    (anyFormat ? payloadBytes(formats) : 0) +
    links.reduce(
      (s, l) => s + payloadBytes(l.link.documentReference) + payloadBytes(l.link.textToDisplay),
      0
    );
  return {
    bytes,
    apply: (context) => {
      const ws = sheetProxy(context, sheet);
      const range = ws.getRangeByIndexes(from, 0, to - from, width);
      if (mode === "typed") {
        // Typed cells first, formats after them: a String cell needs no "@" to stay text, and no
        // page says whether a typed Double keeps a format set before it (DoubleCellValue's own
        // numberFormat needs ExcelApi 1.19), so the formats are set last.
        range.valuesAsJson = values.map((line) => line.map(typedCell)) as Excel.CellValue[][];
        if (anyFormat) range.numberFormat = formats;
      } else {
        // Formats first, in the same batch: text cells are Text ("@") before their values arrive.
        if (anyFormat) range.numberFormat = formats;
        range.values = values;
      }
      for (const l of links) writeLink(ws.getRangeByIndexes(l.row, l.column, 1, 1), l.link);
    },
    split: () => {
      if (to - from < 2) return null;
      const mid = from + Math.floor((to - from) / 2);
      return [
        valuesOp(sheet, rows, width, from, mid, system, mode),
        valuesOp(sheet, rows, width, mid, to, system, mode),
      ];
    },
  };
}

/** Rows of one output sheet cut into blocks of at most `budget` estimated request bytes. */
function valueOps(
  sheet: string,
  out: OutputSheet,
  system: DateSystem,
  budget: number,
  mode: ValueMode
): Op[] {
  const width = sheetWidth(out.rows);
  const ops: Op[] = [];
  let from = 0;
  let bytes = 0;
  for (let r = 0; r < out.rows.length; r++) {
    const line = out.rows[r] ?? [];
    let rowBytes = 4;
    for (let c = 0; c < width; c++) {
      const cell = (line[c] ?? null) as OutputCell | null;
      const w = cellWrite(cell, system);
      rowBytes += payloadBytes(w.value) + payloadBytes(w.format) + 2;
      if (mode === "typed") rowBytes += TYPED_CELL_BYTES;
      if (w.hyperlink) rowBytes += ACTION_BYTES + payloadBytes(w.hyperlink.documentReference) * 2;
    }
    if (bytes + rowBytes > budget && r > from) {
      ops.push(valuesOp(sheet, out.rows, width, from, r, system, mode));
      from = r;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  if (out.rows.length > from)
    ops.push(valuesOp(sheet, out.rows, width, from, out.rows.length, system, mode));
  return ops;
}

/** The cells of an output sheet whose text Excel would take for a formula if typed. */
export function textChecks(sheet: string, out: OutputSheet, system: DateSystem): TextCheck[] {
  const checks: TextCheck[] = [];
  out.rows.forEach((line, r) => {
    line.forEach((cell, c) => {
      const w = cellWrite((cell ?? null) as OutputCell | null, system);
      if (typeof w.value === "string" && looksLikeFormula(w.value)) {
        checks.push({ sheet, row: r, column: c, text: w.value });
      }
    });
  });
  return checks;
}

interface Rect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** Which look a cell takes (its role, and whether it is a link); null for the default look. */
function lookKey(cell: OutputCell | null | undefined): string | null {
  if (!cell || (!cell.style && !cell.link)) return null;
  return `${cell.style ?? ""}|${cell.link ? "link" : ""}`;
}

/**
 * A role's look without the sheet's font: that is set once on the whole sheet (fontOps), so that
 * cells of no role have it too.
 */
function lookOfKey(key: string): CellLook {
  const [style = "", link] = key.split("|");
  return cellLook(style === "" ? undefined : (style as CellStyle), link === "link");
}

/** The sheet's font (report/styles.ts SHEET_FONTS) on every cell it writes, before the roles. */
function fontOps(sheet: string, out: OutputSheet): Op[] {
  const face = cellLook(undefined, false, out.lang).font;
  if (face === undefined) return [];
  const width = sheetWidth(out.rows);
  const rows = Math.max(1, out.rows.length);
  // in blocks of at most FONT_BLOCK_CELLS cells: one request never formats a whole million rows
  const block = Math.max(1, Math.floor(FONT_BLOCK_CELLS / width));
  const ops: Op[] = [];
  for (let from = 0; from < rows; from += block) {
    const count = Math.min(block, rows - from);
    ops.push(
      simpleOp(ACTION_BYTES * 2 + payloadBytes(face.name), (context) => {
        const range = sheetProxy(context, sheet).getRangeByIndexes(from, 0, count, width);
        range.format.font.name = face.name;
      })
    );
  }
  return ops;
}

/** Cells a font-name operation covers at most. */
const FONT_BLOCK_CELLS = 500_000;

/**
 * The header row's AutoFilter (Worksheet.autoFilter, ExcelApi 1.9), where the host has it:
 * https://learn.microsoft.com/javascript/api/excel/excel.autofilter#excel-excel-autofilter-apply-member(1)
 * An owned sheet's earlier filter was removed when the sheet was set up (readLayout knows it).
 */
function filterOps(sheet: string, out: OutputSheet): Op[] {
  const ref = out.autoFilter;
  if (ref === undefined || !isSetSupported("1.9")) return [];
  return [
    simpleOp(ACTION_BYTES * 2, (context) => {
      const ws = sheetProxy(context, sheet);
      ws.autoFilter.apply(ws.getRange(ref));
    }),
  ];
}

/** Cells of each look merged into rectangles: horizontal runs, then identical runs stacked. */
export function styleRects(out: OutputSheet): Map<string, Rect[]> {
  const result = new Map<string, Rect[]>();
  const open = new Map<string, Rect>();
  out.rows.forEach((line, r) => {
    const runs: Array<{ style: string; c0: number; c1: number }> = [];
    line.forEach((cell, c) => {
      const style = lookKey(cell);
      if (style === null) return;
      const last = runs[runs.length - 1];
      if (last && last.style === style && last.c1 === c - 1) last.c1 = c;
      else runs.push({ style, c0: c, c1: c });
    });
    const seen = new Set<string>();
    for (const run of runs) {
      const key = `${run.style}|${run.c0}|${run.c1}`;
      seen.add(key);
      const rect = open.get(key);
      if (rect && rect.row + rect.rowCount === r) rect.rowCount += 1;
      else {
        const fresh = { row: r, column: run.c0, rowCount: 1, columnCount: run.c1 - run.c0 + 1 };
        open.set(key, fresh);
        const list = result.get(run.style) ?? [];
        list.push(fresh);
        result.set(run.style, list);
      }
    }
    for (const key of [...open.keys()]) if (!seen.has(key)) open.delete(key);
  });
  return result;
}

function rowsOf(rect: Rect): Rect[] {
  return Array.from({ length: rect.rowCount }, (_, i) => ({
    ...rect,
    row: rect.row + i,
    rowCount: 1,
  }));
}

/** A look of the style table (core/report/styles.ts) in Office.js's terms. */
function applyStyle(format: Excel.RangeFormat, style: CellLook): void {
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.underline !== undefined) format.font.underline = style.underline ? "Single" : "None";
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor !== undefined) format.font.color = `#${style.fontColor}`;
  if (style.fill !== undefined) format.fill.color = `#${style.fill}`;
  if (style.align === "center") format.horizontalAlignment = "Center";
  if (style.border !== undefined) {
    const edge = format.borders.getItem(style.border === "top" ? "EdgeTop" : "EdgeBottom");
    edge.style = "Continuous";
    edge.weight = "Thin";
  }
  if (style.wrap !== undefined) {
    format.wrapText = style.wrap;
    // Office.js does not resize rows for wrapped text it writes: RangeFormat.autofitRows
    // (ExcelApi 1.2) fits them to the text now in the columns.
    // https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-autofitrows-member(1)
    if (style.wrap) format.autofitRows();
  }
}

function styleActionCount(style: CellLook): number {
  return Object.keys(style).length + (style.border === undefined ? 0 : 2) + (style.wrap ? 1 : 0);
}

/** One operation per rectangle group, packed so that no operation exceeds the budget. */
function styleOps(sheet: string, out: OutputSheet, budget: number): Op[] {
  const ops: Op[] = [];
  for (const [name, stacked] of styleRects(out)) {
    const style = lookOfKey(name);
    // Excel draws an edge's border along the range's edge only: a bordered look goes row by row,
    // so that every cell of it has the line (as in the .xlsx file).
    const rects = style.border === undefined ? stacked : stacked.flatMap(rowsOf);
    const perRect = ACTION_BYTES * (1 + styleActionCount(style));
    const perOp = Math.max(1, Math.floor(budget / perRect));
    for (let i = 0; i < rects.length; i += perOp) {
      ops.push(rectStyleOp(sheet, rects.slice(i, i + perOp), style, perRect));
    }
  }
  return ops;
}

function rectStyleOp(sheet: string, rects: Rect[], style: CellLook, perRect: number): Op {
  return {
    bytes: perRect * rects.length,
    apply: (context) => {
      const ws = sheetProxy(context, sheet);
      for (const r of rects) {
        applyStyle(ws.getRangeByIndexes(r.row, r.column, r.rowCount, r.columnCount).format, style);
      }
    },
    split: () => {
      if (rects.length < 2) return null;
      const mid = Math.floor(rects.length / 2);
      return [
        rectStyleOp(sheet, rects.slice(0, mid), style, perRect),
        rectStyleOp(sheet, rects.slice(mid), style, perRect),
      ];
    },
  };
}

/** Excel's chart types for the core's: vertical bars are Excel's "column" chart. */
const CHART_TYPES: Readonly<Record<ChartSpec["type"], Excel.ChartType>> = {
  line: "Line" as Excel.ChartType,
  bar: "ColumnClustered" as Excel.ChartType,
};

const hex = (color: string): string => `#${color}`;

/** A series' type (in a combo chart), colours, markers and labels, each guarded by its set. */
function styleSeries(
  series: Excel.ChartSeries,
  spec: ChartSpec,
  s: ChartSpec["series"][number]
): void {
  const kind = s.type ?? spec.type;
  // ChartSeries.chartType, markerStyle and hasDataLabels are ExcelApi 1.7, dataLabels 1.8:
  // https://learn.microsoft.com/javascript/api/excel/excel.chartseries
  if (kind !== spec.type && isSetSupported("1.7")) series.chartType = CHART_TYPES[kind];
  if (s.color !== undefined) {
    if (kind === "bar") series.format.fill.setSolidColor(hex(s.color));
    else series.format.line.color = hex(s.color);
  }
  if (s.noMarkers === true && isSetSupported("1.7")) series.markerStyle = "None";
  // ChartSeries.points and ChartPoint.format.fill are ExcelApi 1.1.
  (s.pointColors ?? []).forEach((color, i) => {
    series.points.getItemAt(i).format.fill.setSolidColor(hex(color));
  });
  if (s.dataLabels === true && isSetSupported("1.8")) {
    series.hasDataLabels = true;
    series.dataLabels.showValue = true;
    if (spec.valueFormat) series.dataLabels.numberFormat = spec.valueFormat;
  }
}

function chartOps(sheet: string, out: OutputSheet): Op[] {
  return out.charts.map((spec) =>
    simpleOp(
      ACTION_BYTES * (5 + spec.series.length * 6) +
        spec.series.reduce((n, s) => n + (s.pointColors?.length ?? 0), 0) * ACTION_BYTES +
        payloadBytes(spec.title),
      (context) => {
        const ws = sheetProxy(context, sheet);
        const [first, ...rest] = spec.series;
        if (!first) return;
        const chart = ws.charts.add(CHART_TYPES[spec.type], ws.getRange(first.values), "Columns");
        chart.title.text = spec.title;
        chart.setPosition(spec.from, spec.to);
        const categories = ws.getRange(spec.categories);
        const s0 = chart.series.getItemAt(0);
        s0.name = first.name;
        s0.setXAxisValues(categories);
        styleSeries(s0, spec, first);
        for (const s of rest) {
          const series = chart.series.add(s.name);
          series.setValues(ws.getRange(s.values));
          series.setXAxisValues(categories);
          styleSeries(series, spec, s);
        }
        if (spec.valueFormat && isSetSupported("1.8")) {
          chart.axes.valueAxis.numberFormat = spec.valueFormat;
        }
        // ChartAxis.minimum, ExcelApi 1.1.
        if (spec.valueAxisMin !== undefined) chart.axes.valueAxis.minimum = spec.valueAxisMin;
      }
    )
  );
}

/** Points in an inch: PageLayout margins are in points. */
const POINTS_PER_INCH = 72;

/**
 * A sheet's print setup (core/report/print.ts) through Worksheet.pageLayout and
 * horizontalPageBreaks, ExcelApi 1.9; without it the sheet keeps Excel's defaults.
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
 */
function printOps(sheet: string, out: OutputSheet): Op[] {
  const print = out.print;
  if (!print || !isSetSupported("1.9")) return [];
  const titleRow = printTitleRow(out);
  const breaks = pageBreaksAbove(out);
  const sections = {
    leftHeader: headerFooterSectionCode(print.header.left),
    centerHeader: headerFooterSectionCode(print.header.center),
    rightHeader: headerFooterSectionCode(print.header.right),
    leftFooter: headerFooterSectionCode(print.footer.left),
    centerFooter: headerFooterSectionCode(print.footer.center),
    rightFooter: headerFooterSectionCode(print.footer.right),
  };
  const bytes =
    ACTION_BYTES * (16 + breaks.length) +
    Object.values(sections).reduce((n, text) => n + payloadBytes(text), 0);
  return [
    simpleOp(bytes, (context) => {
      const ws = sheetProxy(context, sheet);
      const layout = ws.pageLayout;
      layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
      layout.paperSize = print.paper;
      // Pages wide only, pages tall left free: "fit all columns on one page". The zoom is set
      // as a whole object, as documented.
      layout.zoom = { horizontalFitToPages: print.fitToPagesWide };
      layout.leftMargin = print.margins.left * POINTS_PER_INCH;
      layout.rightMargin = print.margins.right * POINTS_PER_INCH;
      layout.topMargin = print.margins.top * POINTS_PER_INCH;
      layout.bottomMargin = print.margins.bottom * POINTS_PER_INCH;
      layout.headerMargin = print.margins.header * POINTS_PER_INCH;
      layout.footerMargin = print.margins.footer * POINTS_PER_INCH;
      layout.centerHorizontally = print.centerHorizontally;
      // "The range must span the entire row": whole rows, "$1:$1".
      if (titleRow !== null) layout.setPrintTitleRows(`$${titleRow}:$${titleRow}`);
      layout.headersFooters.state = "Default";
      const all = layout.headersFooters.defaultForAllPages;
      all.leftHeader = sections.leftHeader;
      all.centerHeader = sections.centerHeader;
      all.rightHeader = sections.rightHeader;
      all.leftFooter = sections.leftFooter;
      all.centerFooter = sections.centerFooter;
      all.rightFooter = sections.rightFooter;
      // A reused sheet keeps the breaks of the last run: remove them, then add this run's.
      ws.horizontalPageBreaks.removePageBreaks();
      for (const row of breaks) ws.horizontalPageBreaks.add(`A${row}`);
    }),
  ];
}

/** Refuses early, with a clear reason, what Excel would refuse half-way through. */
export function checkWritable(
  targets: readonly Target[],
  outline: WorkbookOutline,
  layout: SheetLayout
): void {
  if (outline.readOnly) throw new HostError("read-only", "the workbook is open read-only");
  const changesStructure = targets.some(
    (t) => t.currentName === null || t.currentName !== t.finalName
  );
  if (outline.structureProtected && (changesStructure || outline.staleMarkers.length > 0)) {
    throw new HostError("protected", "the workbook's structure is protected");
  }
  for (const t of targets) {
    if (t.currentName && layout.owned.get(t.currentName)?.protected) {
      throw new HostError("protected", `the sheet "${t.currentName}" is protected`);
    }
  }
}

/** Builds every write operation of a recalculation, in the order they must run. */
export function buildOps(
  targets: readonly Target[],
  outline: WorkbookOutline,
  layout: SheetLayout,
  budget: WriteBudget,
  mode: ValueMode = "values"
): Op[] {
  const ops: Op[] = [];
  if (outline.staleMarkers.length > 0) {
    ops.push(
      simpleOp(ACTION_BYTES * outline.staleMarkers.length, (context) => {
        for (const name of outline.staleMarkers) context.workbook.names.getItem(name).delete();
      })
    );
  }
  // Appended one by one: the lists grow with the output (push(...list) would overflow the stack
  // on a long enough one).
  const add = (list: readonly Op[]): void => {
    for (const op of list) ops.push(op);
  };
  for (const t of targets) add(setupOps(t, outline, layout));
  for (const t of targets) {
    add(valueOps(t.finalName, t.out, outline.dateSystem, budget.requestBytes, mode));
    add(fontOps(t.finalName, t.out));
    add(styleOps(t.finalName, t.out, budget.requestBytes));
    add(filterOps(t.finalName, t.out));
  }
  for (const t of targets) add(chartOps(t.finalName, t.out));
  for (const t of targets) add(printOps(t.finalName, t.out));
  const summary = targets.find((t) => t.out.key === "summary") ?? targets[0];
  if (summary) {
    ops.push(
      simpleOp(ACTION_BYTES, (context) => {
        sheetProxy(context, summary.finalName).activate();
      })
    );
  }
  return ops;
}

/**
 * Screen updating is suspended once per recalculation, in the first write sync (the one that
 * clears, renames and adds the sheets): `suspendScreenUpdatingUntilNextSync` lasts one sync, and
 * Microsoft warns that calling it repeatedly makes the Excel window flicker.
 * https://learn.microsoft.com/office/dev/add-ins/excel/performance#suspend-screen-updating
 * Calculation is suspended in every write sync (no such warning; only formula calculation stops).
 */
function suspend(context: Excel.RequestContext, first: boolean): void {
  context.workbook.application.suspendApiCalculationUntilNextSync();
  if (first && isSetSupported("1.9")) {
    context.workbook.application.suspendScreenUpdatingUntilNextSync();
  }
}

/**
 * A sync this large that fails with GeneralException ("An internal error has occurred") is taken
 * for an oversized request, once per run: Excel on the web has reported oversized requests so
 * (office-js issues 1314 and 1012; 500 rows of text in 1012). A second one is a real failure.
 */
export const GENERAL_EXCEPTION_MIN_BYTES = 64_000;

/**
 * Tells a payload refusal (split and retry) from a failure: the two payload codes always, a
 * GeneralException on a large sync once (`state.generalRetried` records that it was used).
 */
export function isRetryablePayloadError(
  error: unknown,
  bytes: number,
  state: { generalRetried: boolean }
): boolean {
  if (isPayloadError(error)) return true;
  if (officeErrorCode(error) !== "GeneralException") return false;
  if (state.generalRetried || bytes < GENERAL_EXCEPTION_MIN_BYTES) return false;
  state.generalRetried = true;
  return true;
}

/**
 * Runs the operations in syncs of at most `budget.requestBytes` estimated bytes. After a payload
 * error the failed batch's operations are split in halves and the budget halved, then retried
 * (Excel rejects an oversized request before running any of it).
 */
export async function runOps(
  context: Excel.RequestContext,
  counter: SyncCounter,
  ops: Op[],
  budget: WriteBudget,
  onProgress: (fraction: number) => void,
  state: { generalRetried: boolean } = { generalRetried: false }
): Promise<void> {
  // The queue is ops[next…]; a failed batch's halves go back in front (by concat, not
  // unshift(...halves), which spreads a list that grows with the output into one call).
  let queue: Op[] = ops.slice();
  let next = 0;
  const total = queue.length;
  let limit = budget.requestBytes;
  let done = 0;
  let first = true;
  while (next < queue.length) {
    const batch: Op[] = [];
    let bytes = 0;
    while (next < queue.length) {
      let op = queue[next] as Op;
      // After a refusal the limit is lower than the blocks were cut for: an operation larger
      // than it is split before it is sent, so that the retry's guess holds for the rest too.
      for (let parts = op.bytes > limit ? op.split() : null; parts;) {
        queue = queue.slice(0, next).concat(parts, queue.slice(next + 1));
        op = parts[0];
        parts = op.bytes > limit ? op.split() : null;
      }
      if (batch.length > 0 && bytes + op.bytes > limit) break;
      batch.push(op);
      bytes += op.bytes;
      next += 1;
    }
    suspend(context, first);
    first = false;
    for (const op of batch) op.apply(context);
    try {
      await counter.sync();
    } catch (error) {
      if (!isRetryablePayloadError(error, bytes, state)) throw error;
      const halves: Op[] = [];
      for (const op of batch) {
        const parts = op.split();
        if (parts) halves.push(parts[0], parts[1]);
        else halves.push(op);
      }
      if (halves.length === batch.length && batch.length === 1) {
        throw new HostError("payload", "one write is larger than Excel accepts");
      }
      queue = halves.concat(queue.slice(next));
      next = 0;
      limit = Math.max(1, Math.floor(limit / 2));
      continue;
    }
    done += batch.length;
    onProgress(Math.min(1, done / Math.max(1, total)));
  }
}

/** How many failing cells a text-check failure names in its detail. */
const NAMED_FAILURES = 5;

/**
 * Reads back the cells that hold formula-looking text and fails loudly if Excel turned any into a
 * formula. No Microsoft page promises that `values` written under "@" stay text on every host
 * (`Range.values`: a value starting with = + - is interpreted as a formula), so this is checked.
 * A cell is still the text when its valueType is String and its value is the text written (a
 * formula such as =HYPERLINK("http://x","y") evaluates to a String too). The failure is
 * repairable: only owned output sheets hold these cells, and the next run replaces them.
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-valuetypes-member
 */
export async function verifyText(
  context: Excel.RequestContext,
  counter: SyncCounter,
  checks: readonly TextCheck[],
  budget: WriteBudget
): Promise<void> {
  const failed: TextCheck[] = [];
  let i = 0;
  while (i < checks.length) {
    const pending: Array<{ check: TextCheck; range: Excel.Range }> = [];
    let bytes = 0;
    while (i < checks.length && (pending.length === 0 || bytes < budget.requestBytes / 2)) {
      const check = checks[i] as TextCheck;
      const range = sheetProxy(context, check.sheet).getRangeByIndexes(
        check.row,
        check.column,
        1,
        1
      );
      range.load("values,valueTypes");
      pending.push({ check, range });
      bytes += ACTION_BYTES + payloadBytes(check.text) + 16;
      i += 1;
    }
    await counter.sync();
    for (const { check, range } of pending) {
      const type = range.valueTypes?.[0]?.[0];
      const value = range.values?.[0]?.[0];
      if (type !== "String" || value !== check.text) failed.push(check);
    }
  }
  if (failed.length > 0) {
    const named = failed
      .slice(0, NAMED_FAILURES)
      .map((f) => `${quoteSheetName(f.sheet)}!${columnLetters(f.column + 1)}${f.row + 1}`)
      .join(", ");
    const more = failed.length > NAMED_FAILURES ? ` (+${failed.length - NAMED_FAILURES})` : "";
    throw new HostError("text-became-formula", `${named}${more}`);
  }
}

export type { Target };
