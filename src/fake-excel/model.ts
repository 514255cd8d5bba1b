/**
 * The in-memory workbook behind the fake Excel: sheets of cells with values, formulas, number
 * formats and styles, workbook names, tables, charts, protection and selection. It also turns a
 * plain JSON snapshot into a workbook and back, so that tests can compare sheets before and after
 * and the browser demo can render them. Pure TypeScript: no Node or DOM APIs.
 */
import {
  cellKey,
  cellName,
  keyColumn,
  keyRow,
  parseRect,
  quoteSheetName,
  rectName,
  splitSheetReference,
  type Rect,
} from "./address";

/** An Excel error value such as #N/A. */
export interface FakeErrorValue {
  readonly error: string;
}

export type FakeValue = string | number | boolean | FakeErrorValue;

export interface FakeStyle {
  bold?: boolean;
  italic?: boolean;
  /** "Single", "Double", … or "None", as Office.js names underlines. */
  underline?: string;
  fontColor?: string;
  fontSize?: number;
  /** The font's name (format.font.name). */
  fontName?: string;
  fill?: string;
  horizontalAlignment?: string;
  wrapText?: boolean;
  /** The line along the cell's top edge: its style ("Continuous", …) and weight ("Thin", …). */
  borderTop?: string;
  borderTopWeight?: string;
  /** The line along the cell's bottom edge. */
  borderBottom?: string;
  borderBottomWeight?: string;
  /** The row was fitted to its text with format.autofitRows() after this cell was written. */
  rowsFitted?: boolean;
}

export interface FakeChartSeries {
  name: string;
  /** Sheet-qualified address of the values, e.g. "'会员增长'!C2:C6". */
  values: string | null;
  categories: string | null;
  /** Set only when changed from the chart's own: ChartSeries.chartType (a combo chart). */
  chartType?: string;
  /** ChartSeries.format.fill.setSolidColor, and format.line.color, as set ("#2F5597"). */
  fill?: string;
  line?: string;
  /** ChartSeries.markerStyle, as set. */
  markerStyle?: string;
  /** ChartSeries.hasDataLabels and dataLabels.showValue, as set. */
  hasDataLabels?: boolean;
  showValue?: boolean;
  /** Fills set on points (ChartPoint.format.fill.setSolidColor), by point index. */
  pointFills?: Record<number, string>;
}

export interface FakeChart {
  name: string;
  type: string;
  title: string;
  series: FakeChartSeries[];
  /** Top-left and bottom-right cells, e.g. "J2" and "Q20". */
  from: string | null;
  to: string | null;
  valueAxisFormat: string | null;
  /** ChartAxis.minimum of the value axis, once set. */
  valueAxisMinimum?: number;
}

/** The six header and footer strings of HeaderFooter (Office.js), with Excel's & codes. */
export interface FakeHeaderFooter {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

/** What Worksheet.pageLayout (ExcelApi 1.9) holds of a sheet's print setup. */
export interface FakePageLayout {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  /** The rows set with setPrintTitleRows, as given ("$1:$1"); null for none. */
  printTitleRows: string | null;
  headersFootersState: string;
  defaultForAllPages: FakeHeaderFooter;
  /** Cells above which horizontalPageBreaks.add put a page break, as given. */
  horizontalPageBreaks: string[];
}

/** A new sheet's page layout: Excel's defaults (Letter, portrait, 100 %, Normal margins). */
export function defaultPageLayout(): FakePageLayout {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerHorizontally: false,
    printTitleRows: null,
    headersFootersState: "Default",
    defaultForAllPages: {
      leftHeader: "",
      centerHeader: "",
      rightHeader: "",
      leftFooter: "",
      centerFooter: "",
      rightFooter: "",
    },
    horizontalPageBreaks: [],
  };
}

/**
 * An Excel table. `rect` is the whole table, as `table.getRange()` and the file's `ref` give it:
 * its header row when `showHeaders`, the data body, its totals row when `showTotals`.
 */
export interface FakeTable {
  name: string;
  rect: Rect;
  /** Office.js `showHeaders` (the file's headerRowCount ≠ 0). Default true. */
  showHeaders: boolean;
  /** Office.js `showTotals` (the file's totalsRowCount ≠ 0). Default false. */
  showTotals: boolean;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export const ERROR_VALUES = ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!"];

export class FakeSheet {
  name: string;
  readonly id: string;
  visibility: Visibility = "Visible";
  protected = false;
  /** Sparse rows of values; a missing entry is an empty cell. */
  readonly values: Array<Array<FakeValue | undefined> | undefined> = [];
  readonly numberFormats = new Map<number, string>();
  readonly formulas = new Map<number, string>();
  readonly styles = new Map<number, FakeStyle>();
  /** Hyperlinks set with `range.hyperlink`, by cell: the document reference or URL. */
  readonly hyperlinks = new Map<number, string>();
  /** Cells typed with a leading apostrophe (Excel's quote prefix). */
  readonly quotePrefix = new Set<number>();
  /** Column widths in points, for columns whose width was set. */
  readonly columnWidths = new Map<number, number>();
  frozenRows = 0;
  frozenColumns = 0;
  /** The range of the sheet's AutoFilter (Worksheet.autoFilter.apply), header row first. */
  autoFilter: Rect | null = null;
  readonly charts: FakeChart[] = [];
  readonly tables: FakeTable[] = [];
  /** The print setup; null until something sets it (Excel's defaults). */
  pageLayout: FakePageLayout | null = null;

  constructor(name: string, id: string) {
    this.name = name;
    this.id = id;
  }

  getValue(row: number, column: number): FakeValue | undefined {
    return this.values[row]?.[column];
  }

  setValue(row: number, column: number, value: FakeValue | undefined): void {
    let line = this.values[row];
    if (!line) {
      if (value === undefined) return;
      line = [];
      this.values[row] = line;
    }
    line[column] = value;
  }

  numberFormat(row: number, column: number): string {
    return this.numberFormats.get(cellKey(row, column)) ?? "General";
  }

  /** The bounding box of cells with values (valuesOnly) or with anything at all; null when empty. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    const take = (r: number, c: number): void => {
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    };
    this.values.forEach((line, r) => {
      if (!line) return;
      line.forEach((v, c) => {
        if (v !== undefined) take(r, c);
      });
    });
    for (const key of this.formulas.keys()) take(keyRow(key), keyColumn(key));
    if (!valuesOnly) {
      for (const key of this.numberFormats.keys()) take(keyRow(key), keyColumn(key));
      for (const key of this.styles.keys()) take(keyRow(key), keyColumn(key));
    }
    if (r1 < 0) return null;
    return { row: r0, column: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 };
  }
}

/** A workbook-scoped defined name. A reference to a sheet follows the sheet when it is renamed. */
export interface FakeName {
  name: string;
  /** The sheet it refers to, or null when that sheet was deleted (#REF!) or it is a constant. */
  sheet: FakeSheet | null;
  /** "$A$1" when it refers to a range. */
  address: string | null;
  /** The formula when it is not a range reference (e.g. "=#REF!$A$1" or "=10"). */
  constant: string | null;
  comment: string;
  visible: boolean;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly names: FakeName[] = [];
  date1904 = false;
  /** Workbook structure protection. */
  protected = false;
  /** Opened read-only (Excel on the web's view mode): every change is refused. */
  readOnly = false;
  private editing = false;
  private editWaiters: Array<() => void> = [];

  /**
   * The user is typing in a cell: a request is refused, or, run with `delayForCellEdit`, waits
   * until the user leaves cell-edit mode (setting this back to false).
   */
  get cellEditMode(): boolean {
    return this.editing;
  }
  set cellEditMode(on: boolean) {
    this.editing = on;
    if (!on) {
      const waiters = this.editWaiters;
      this.editWaiters = [];
      for (const w of waiters) w();
    }
  }

  /** Resolves when the user leaves cell-edit mode (at once when not in it). */
  cellEditEnded(): Promise<void> {
    if (!this.editing) return Promise.resolve();
    return new Promise((resolve) => this.editWaiters.push(resolve));
  }
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  private nextId = 1;

  newSheetId(): string {
    const n = this.nextId++;
    return `{00000000-0000-0000-0000-${String(n).padStart(12, "0")}}`;
  }

  sheet(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  name(name: string): FakeName | undefined {
    const key = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === key);
  }

  /** The formula a name shows in Name Manager: "='汇总'!$A$1", "=#REF!$A$1", or its constant. */
  nameFormula(n: FakeName): string {
    if (n.sheet && n.address) return `=${quoteSheetName(n.sheet.name)}!${n.address}`;
    if (n.constant !== null) return n.constant;
    return `=#REF!${n.address ?? ""}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Typing into a cell: what Excel does with a value written through `range.values`
// ---------------------------------------------------------------------------------------------

const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/;

function parseTypedNumber(text: string): number | null {
  const t = text.trim();
  if (t === "" || !/\d/.test(t) || !NUMBER_TEXT.test(t)) return null;
  const percent = t.endsWith("%");
  const n = Number(t.replace(/,/g, "").replace(/%$/, ""));
  if (!Number.isFinite(n)) return null;
  return percent ? n / 100 : n;
}

/** Days from 1899-12-30 (1900 system) or 1904-01-01 (1904 system) for a typed ISO-like date. */
function parseTypedDate(text: string, date1904: boolean): number | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const utc = Date.UTC(y, mo - 1, d);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return null;
  }
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return Math.round((utc - epoch) / 86_400_000);
}

/** The value of a formula, for the few formulas the fake understands. */
export function evaluateFormula(formula: string): FakeValue {
  const link = parseHyperlinkFormula(formula);
  if (link) return link.text;
  const body = formula.slice(1).trim();
  const n = parseTypedNumber(body);
  if (n !== null) return n;
  const str = /^"((?:[^"]|"")*)"$/.exec(body);
  if (str) return (str[1] ?? "").replace(/""/g, '"');
  return { error: "#NAME?" };
}

/** `=HYPERLINK("#'会员'!C12","会员!C12")` → its target and text; null for other formulas. */
export function parseHyperlinkFormula(formula: string): { target: string; text: string } | null {
  const m = /^=HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:,\s*"((?:[^"]|"")*)"\s*)?\)$/i.exec(formula);
  if (!m) return null;
  const target = (m[1] ?? "").replace(/""/g, '"');
  const text = m[2] === undefined ? target : m[2].replace(/""/g, '"');
  return { target, text };
}

/**
 * Writes one element of a `values` (or `formulas`) array the way Excel does: null leaves the cell
 * alone, "" clears it, and a string is parsed as if typed (a leading =, + or - makes a formula,
 * number-like and date-like text becomes a number, a leading apostrophe forces text), unless the
 * cell's number format is Text ("@"), which keeps the string exactly as written (but for "=…" on
 * a host with `textFormatIgnored`).
 */
export function enterValue(
  sheet: FakeSheet,
  row: number,
  column: number,
  input: unknown,
  date1904: boolean,
  textFormatIgnored = false
): void {
  if (input === null || input === undefined) return;
  const key = cellKey(row, column);
  sheet.formulas.delete(key);
  sheet.quotePrefix.delete(key);
  if (typeof input === "number" || typeof input === "boolean") {
    sheet.setValue(row, column, input);
    return;
  }
  const text = String(input);
  if (text === "") {
    sheet.setValue(row, column, undefined);
    return;
  }
  // textFormatIgnored: the host mode where "=…" becomes a formula even under "@" (FakeOptions).
  if (sheet.numberFormat(row, column) === "@" && !(textFormatIgnored && text.startsWith("="))) {
    sheet.setValue(row, column, text);
    return;
  }
  if (text.startsWith("'")) {
    sheet.setValue(row, column, text.slice(1));
    sheet.quotePrefix.add(key);
    return;
  }
  const first = text[0];
  const number = parseTypedNumber(text);
  if (number !== null) {
    sheet.setValue(row, column, number);
    if (text.trim().endsWith("%") && sheet.numberFormat(row, column) === "General") {
      sheet.numberFormats.set(key, "0%");
    }
    return;
  }
  if ((first === "=" && text.length > 1) || first === "+" || first === "-" || first === "@") {
    const formula = first === "=" ? text : `=${text}`;
    sheet.formulas.set(key, formula);
    sheet.setValue(row, column, evaluateFormula(formula));
    return;
  }
  const serial = parseTypedDate(text, date1904);
  if (serial !== null) {
    sheet.setValue(row, column, serial);
    if (sheet.numberFormat(row, column) === "General") sheet.numberFormats.set(key, "yyyy/m/d");
    return;
  }
  const upper = text.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") {
    sheet.setValue(row, column, upper === "TRUE");
    return;
  }
  if (ERROR_VALUES.includes(upper)) {
    sheet.setValue(row, column, { error: upper });
    return;
  }
  sheet.setValue(row, column, text);
}

// ---------------------------------------------------------------------------------------------
// Snapshots: plain JSON in and out
// ---------------------------------------------------------------------------------------------

export type SnapshotCell = string | number | boolean | null;

export interface SheetSnapshot {
  readonly name: string;
  /** Cell values from A1; strings are literal text (use `formulas` for formulas). */
  readonly cells: ReadonlyArray<ReadonlyArray<SnapshotCell>>;
  /** Number formats from A1; null or "General" for the default. */
  readonly numberFormats?: ReadonlyArray<ReadonlyArray<string | null>>;
  /** Formulas from A1 ("=HYPERLINK(...)"); the cached value stays in `cells`. */
  readonly formulas?: ReadonlyArray<ReadonlyArray<string | null>>;
  /** Cells holding an error value, by A1 address: { "C4": "#N/A" }. */
  readonly errors?: Readonly<Record<string, string>>;
  readonly styles?: Readonly<Record<string, FakeStyle>>;
  /** Cells whose text was typed with a leading apostrophe. */
  readonly quotePrefix?: readonly string[];
  /** Hyperlinks set on cells (not HYPERLINK formulas), by A1 address. */
  readonly hyperlinks?: Readonly<Record<string, string>>;
  /** Column widths in points by column letter. */
  readonly columnWidths?: Readonly<Record<string, number>>;
  readonly frozenRows?: number;
  /** The AutoFilter's range ("A1:F20"), when the sheet has one. */
  readonly autoFilter?: string;
  /**
   * Tables by their whole range (header and totals rows included when shown); `showHeaders`
   * defaults to true and `showTotals` to false, as for a table Excel creates.
   */
  readonly tables?: ReadonlyArray<{
    readonly name: string;
    readonly range: string;
    readonly showHeaders?: boolean;
    readonly showTotals?: boolean;
  }>;
  readonly charts?: readonly FakeChart[];
  /** The print setup, when one was set (absent: Excel's defaults). */
  readonly pageLayout?: FakePageLayout;
  readonly protected?: boolean;
  readonly visibility?: Visibility;
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  readonly date1904?: boolean;
  readonly names?: ReadonlyArray<{ readonly name: string; readonly formula: string }>;
  readonly protected?: boolean;
  readonly readOnly?: boolean;
  readonly activeSheet?: string;
  readonly selection?: { readonly sheet: string; readonly address: string };
}

function importCells(sheet: FakeSheet, snap: SheetSnapshot): void {
  snap.cells.forEach((line, r) => {
    line.forEach((v, c) => {
      if (v !== null && v !== "") sheet.setValue(r, c, v);
    });
  });
  snap.numberFormats?.forEach((line, r) => {
    line.forEach((f, c) => {
      if (f !== null && f !== "General") sheet.numberFormats.set(cellKey(r, c), f);
    });
  });
  snap.formulas?.forEach((line, r) => {
    line.forEach((f, c) => {
      if (f === null || !f.startsWith("=")) return;
      sheet.formulas.set(cellKey(r, c), f);
      if (sheet.getValue(r, c) === undefined) sheet.setValue(r, c, evaluateFormula(f));
    });
  });
  for (const [address, error] of Object.entries(snap.errors ?? {})) {
    const rect = parseRect(address);
    if (rect) sheet.setValue(rect.row, rect.column, { error });
  }
  for (const [address, style] of Object.entries(snap.styles ?? {})) {
    const rect = parseRect(address);
    if (rect) sheet.styles.set(cellKey(rect.row, rect.column), { ...style });
  }
  for (const [address, link] of Object.entries(snap.hyperlinks ?? {})) {
    const rect = parseRect(address);
    if (rect) sheet.hyperlinks.set(cellKey(rect.row, rect.column), link);
  }
  for (const address of snap.quotePrefix ?? []) {
    const rect = parseRect(address);
    if (rect) sheet.quotePrefix.add(cellKey(rect.row, rect.column));
  }
}

function importSheet(book: FakeWorkbook, snap: SheetSnapshot): FakeSheet {
  const sheet = new FakeSheet(snap.name, book.newSheetId());
  importCells(sheet, snap);
  for (const [letters, width] of Object.entries(snap.columnWidths ?? {})) {
    const rect = parseRect(`${letters}1`);
    if (rect) sheet.columnWidths.set(rect.column, width);
  }
  sheet.frozenRows = snap.frozenRows ?? 0;
  for (const t of snap.tables ?? []) {
    const rect = parseRect(t.range);
    if (rect) {
      sheet.tables.push({
        name: t.name,
        rect,
        showHeaders: t.showHeaders ?? true,
        showTotals: t.showTotals ?? false,
      });
    }
  }
  for (const chart of snap.charts ?? []) sheet.charts.push(structuredCloneChart(chart));
  if (snap.pageLayout) sheet.pageLayout = clonePageLayout(snap.pageLayout);
  sheet.protected = snap.protected ?? false;
  sheet.visibility = snap.visibility ?? "Visible";
  return sheet;
}

function structuredCloneChart(chart: FakeChart): FakeChart {
  return {
    ...chart,
    series: chart.series.map((s) => ({
      ...s,
      ...(s.pointFills ? { pointFills: { ...s.pointFills } } : {}),
    })),
  };
}

function clonePageLayout(p: FakePageLayout): FakePageLayout {
  return {
    ...p,
    zoom: { ...p.zoom },
    defaultForAllPages: { ...p.defaultForAllPages },
    horizontalPageBreaks: [...p.horizontalPageBreaks],
  };
}

function importName(book: FakeWorkbook, entry: { name: string; formula: string }): FakeName {
  const { sheet, local } = splitSheetReference(entry.formula);
  const target = sheet === null ? undefined : book.sheet(sheet);
  if (target && parseRect(local.replace(/\$/g, ""))) {
    return {
      name: entry.name,
      sheet: target,
      address: local,
      constant: null,
      comment: "",
      visible: true,
    };
  }
  const formula = entry.formula.startsWith("=") ? entry.formula : `=${entry.formula}`;
  return {
    name: entry.name,
    sheet: null,
    address: null,
    constant: formula,
    comment: "",
    visible: true,
  };
}

/** Builds a workbook from a plain JSON snapshot. */
export function workbookFromSnapshot(snapshot: WorkbookSnapshot): FakeWorkbook {
  const book = new FakeWorkbook();
  book.date1904 = snapshot.date1904 ?? false;
  book.protected = snapshot.protected ?? false;
  book.readOnly = snapshot.readOnly ?? false;
  for (const snap of snapshot.sheets) {
    if (book.sheet(snap.name)) throw new Error(`duplicate sheet name in snapshot: ${snap.name}`);
    book.sheets.push(importSheet(book, snap));
  }
  for (const entry of snapshot.names ?? []) book.names.push(importName(book, entry));
  book.activeSheet = snapshot.activeSheet ?? book.sheets[0]?.name ?? null;
  book.selection =
    snapshot.selection ?? (book.activeSheet ? { sheet: book.activeSheet, address: "A1" } : null);
  return book;
}

function exportValue(v: FakeValue | undefined): SnapshotCell {
  if (v === undefined) return null;
  if (typeof v === "object") return v.error;
  return v;
}

function grid<T>(rows: number, columns: number, fill: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(columns).fill(fill));
}

function sortedRecord<T>(entries: Array<[number, T]>): Record<string, T> {
  const out: Record<string, T> = {};
  entries
    .sort((a, b) => a[0] - b[0])
    .forEach(([key, v]) => {
      out[cellName(keyRow(key), keyColumn(key))] = v;
    });
  return out;
}

/** Everything about one sheet, as canonical JSON (equal sheets give equal JSON text). */
export function snapshotSheet(book: FakeWorkbook, name: string): SheetSnapshot {
  const sheet = book.sheet(name);
  if (!sheet) throw new Error(`no sheet named ${name}`);
  return exportSheet(sheet);
}

function exportSheet(sheet: FakeSheet): SheetSnapshot {
  const used = sheet.usedRect(false);
  const rows = used ? used.row + used.rowCount : 0;
  const columns = used ? used.column + used.columnCount : 0;
  const cells = grid<SnapshotCell>(rows, columns, null);
  const formats = grid<string | null>(rows, columns, null);
  const formulas = grid<string | null>(rows, columns, null);
  const errors: Array<[number, string]> = [];
  sheet.values.forEach((line, r) => {
    line?.forEach((v, c) => {
      if (v === undefined) return;
      (cells[r] as SnapshotCell[])[c] = exportValue(v);
      if (v !== undefined && typeof v === "object") errors.push([cellKey(r, c), v.error]);
    });
  });
  for (const [key, f] of sheet.numberFormats) {
    (formats[keyRow(key)] as Array<string | null>)[keyColumn(key)] = f;
  }
  for (const [key, f] of sheet.formulas) {
    (formulas[keyRow(key)] as Array<string | null>)[keyColumn(key)] = f;
  }
  const widths: Record<string, number> = {};
  [...sheet.columnWidths.entries()]
    .sort((a, b) => a[0] - b[0])
    .forEach(([c, w]) => {
      widths[cellName(0, c).replace(/\d+$/, "")] = w;
    });
  return {
    name: sheet.name,
    cells,
    ...(sheet.numberFormats.size > 0 ? { numberFormats: formats } : {}),
    ...(sheet.formulas.size > 0 ? { formulas } : {}),
    ...(errors.length > 0 ? { errors: sortedRecord(errors) } : {}),
    ...(sheet.styles.size > 0
      ? { styles: sortedRecord([...sheet.styles.entries()].map(([k, s]) => [k, { ...s }])) }
      : {}),
    ...(sheet.quotePrefix.size > 0
      ? {
          quotePrefix: [...sheet.quotePrefix]
            .sort((a, b) => a - b)
            .map((k) => cellName(keyRow(k), keyColumn(k))),
        }
      : {}),
    ...(sheet.hyperlinks.size > 0
      ? { hyperlinks: sortedRecord([...sheet.hyperlinks.entries()]) }
      : {}),
    ...(sheet.columnWidths.size > 0 ? { columnWidths: widths } : {}),
    ...(sheet.frozenRows > 0 ? { frozenRows: sheet.frozenRows } : {}),
    ...(sheet.autoFilter ? { autoFilter: rectName(sheet.autoFilter) } : {}),
    ...(sheet.tables.length > 0
      ? {
          tables: sheet.tables.map((t) => ({
            name: t.name,
            range: rectName(t.rect),
            ...(t.showHeaders ? {} : { showHeaders: false }),
            ...(t.showTotals ? { showTotals: true } : {}),
          })),
        }
      : {}),
    ...(sheet.charts.length > 0 ? { charts: sheet.charts.map(structuredCloneChart) } : {}),
    ...(sheet.pageLayout ? { pageLayout: clonePageLayout(sheet.pageLayout) } : {}),
    ...(sheet.protected ? { protected: true } : {}),
    ...(sheet.visibility !== "Visible" ? { visibility: sheet.visibility } : {}),
  };
}

/** The whole workbook as a snapshot that `workbookFromSnapshot` reads back. */
export function exportSnapshot(book: FakeWorkbook): WorkbookSnapshot {
  return {
    sheets: book.sheets.map(exportSheet),
    ...(book.date1904 ? { date1904: true } : {}),
    ...(book.names.length > 0
      ? { names: book.names.map((n) => ({ name: n.name, formula: book.nameFormula(n) })) }
      : {}),
    ...(book.protected ? { protected: true } : {}),
    ...(book.readOnly ? { readOnly: true } : {}),
    ...(book.activeSheet ? { activeSheet: book.activeSheet } : {}),
    ...(book.selection ? { selection: { ...book.selection } } : {}),
  };
}
