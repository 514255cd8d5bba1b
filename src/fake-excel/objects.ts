/**
 * The part of the Excel object model that the Office.js adapter uses, over the in-memory
 * workbook: workbook, worksheets, ranges (values, valueTypes, numberFormat, formulas, formats),
 * freeze panes, names, tables, charts, application and worksheet functions. Each member that
 * needs a requirement set newer than 1.1 checks it, so that an adapter that forgets to guard
 * fails on an older "Excel".
 */
import {
  cellKey,
  columnName,
  MAX_COLUMNS,
  MAX_ROWS,
  parseRect,
  quoteSheetName,
  rectName,
  splitSheetReference,
  type Rect,
} from "./address";
import {
  enterValue,
  FakeSheet,
  type FakeChart,
  type FakeChartSeries,
  type FakeName,
  type FakeStyle,
  type FakeTable,
  type FakeValue,
  type FakeWorkbook,
} from "./model";
import {
  ClientObject,
  FakeOfficeError,
  propertyNotLoaded,
  unknownProperty,
  type Session,
} from "./runtime";

/** Excel refuses to return more than five million cells from one range. */
const MAX_CELLS_PER_GET = 5_000_000;

interface RangeRef {
  readonly sheet: FakeSheet;
  readonly rect: Rect;
}

function checkSheetName(book: FakeWorkbook, name: string, self: FakeSheet | null): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
    throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid sheet name.`);
  }
  if (name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history") {
    throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid sheet name.`);
  }
  const other = book.sheet(name);
  if (other && other !== self) {
    throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  }
}

function requireSheetWritable(session: Session, sheet: FakeSheet): void {
  session.requireWritable();
  if (sheet.protected) {
    throw new FakeOfficeError("AccessDenied", `The sheet "${sheet.name}" is protected.`);
  }
}

function requireStructureWritable(session: Session): void {
  session.requireWritable();
  if (session.book.protected) {
    throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
  }
}

function valueOut(v: FakeValue | undefined): string | number | boolean {
  if (v === undefined) return "";
  if (typeof v === "object") return v.error;
  return v;
}

function valueType(v: FakeValue | undefined): string {
  if (v === undefined) return "Empty";
  if (typeof v === "object") return "Error";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

function mapRect<V>(ref: RangeRef, fn: (row: number, column: number) => V): V[][] {
  const { row, column, rowCount, columnCount } = ref.rect;
  if (rowCount * columnCount > MAX_CELLS_PER_GET) {
    throw new FakeOfficeError(
      "RangeExceedsLimit",
      "The range has more cells than Excel can return."
    );
  }
  const out: V[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const line: V[] = [];
    for (let c = 0; c < columnCount; c++) line.push(fn(row + r, column + c));
    out.push(line);
  }
  return out;
}

function checkShape(ref: RangeRef, data: unknown, prop: string): unknown[][] {
  const { rowCount, columnCount } = ref.rect;
  if (
    !Array.isArray(data) ||
    data.length !== rowCount ||
    data.some((line) => !Array.isArray(line) || line.length !== columnCount)
  ) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the ${prop} array doesn't match the size of the range (${rowCount}×${columnCount}).`
    );
  }
  return data as unknown[][];
}

function forEachCell(rect: Rect, fn: (row: number, column: number) => void): void {
  for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
    for (let c = rect.column; c < rect.column + rect.columnCount; c++) fn(r, c);
  }
}

/** The cells of a range that hold anything, without walking a whole-sheet rectangle cell by cell. */
function clippedRect(sheet: FakeSheet, rect: Rect): Rect | null {
  const used = sheet.usedRect(false);
  if (!used) return null;
  const r0 = Math.max(rect.row, used.row);
  const c0 = Math.max(rect.column, used.column);
  const r1 = Math.min(rect.row + rect.rowCount, used.row + used.rowCount);
  const c1 = Math.min(rect.column + rect.columnCount, used.column + used.columnCount);
  if (r1 <= r0 || c1 <= c0) return null;
  return { row: r0, column: c0, rowCount: r1 - r0, columnCount: c1 - c0 };
}

// ---------------------------------------------------------------------------------------------
// Range and its formats
// ---------------------------------------------------------------------------------------------

export class FakeRange extends ClientObject<RangeRef> {
  constructor(session: Session, path: string, resolver: () => RangeRef | null, orNull = false) {
    super(session, path, resolver, orNull);
  }

  protected scalarProperties(): readonly string[] {
    return [
      "address",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
      "values",
      "numberFormat",
    ];
  }

  protected readProperties(ref: RangeRef, props: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      switch (prop) {
        case "address":
          out[prop] = `${quoteSheetName(ref.sheet.name)}!${rectName(ref.rect)}`;
          break;
        case "addressLocal":
          out[prop] = `${quoteSheetName(ref.sheet.name)}!${rectName(ref.rect)}`;
          break;
        case "rowIndex":
          out[prop] = ref.rect.row;
          break;
        case "columnIndex":
          out[prop] = ref.rect.column;
          break;
        case "rowCount":
          out[prop] = ref.rect.rowCount;
          break;
        case "columnCount":
          out[prop] = ref.rect.columnCount;
          break;
        case "cellCount":
          out[prop] = ref.rect.rowCount * ref.rect.columnCount;
          break;
        case "values":
          out[prop] = mapRect(ref, (r, c) => valueOut(ref.sheet.getValue(r, c)));
          break;
        case "valueTypes":
          out[prop] = mapRect(ref, (r, c) => valueType(ref.sheet.getValue(r, c)));
          break;
        case "numberFormat":
          out[prop] = mapRect(ref, (r, c) => ref.sheet.numberFormat(r, c));
          break;
        case "formulas":
          out[prop] = mapRect(
            ref,
            (r, c) => ref.sheet.formulas.get(cellKey(r, c)) ?? valueOut(ref.sheet.getValue(r, c))
          );
          break;
        case "text":
          out[prop] = mapRect(ref, (r, c) => String(valueOut(ref.sheet.getValue(r, c))));
          break;
        default:
          throw unknownProperty("Range", prop);
      }
    }
    return out;
  }

  get address(): string {
    return this.loadedValue("address");
  }
  get rowIndex(): number {
    return this.loadedValue("rowIndex");
  }
  get columnIndex(): number {
    return this.loadedValue("columnIndex");
  }
  get rowCount(): number {
    return this.loadedValue("rowCount");
  }
  get columnCount(): number {
    return this.loadedValue("columnCount");
  }
  get valueTypes(): string[][] {
    return this.loadedValue("valueTypes");
  }
  get text(): string[][] {
    return this.loadedValue("text");
  }

  get values(): unknown[][] {
    return this.loadedValue("values");
  }
  set values(data: unknown[][]) {
    this.enterAsTyped("values", data);
  }

  get formulas(): unknown[][] {
    return this.loadedValue("formulas");
  }
  set formulas(data: unknown[][]) {
    this.enterAsTyped("formulas", data);
  }

  /**
   * Excel treats `values` and `formulas` writes alike: each cell is entered as if typed, so a
   * string starting with "=" becomes a formula unless the cell's format is Text.
   */
  private enterAsTyped(property: "values" | "formulas", data: unknown[][]): void {
    this.act(property, data, (ref) => {
      requireSheetWritable(this.session, ref.sheet);
      const rows = checkShape(ref, data, property);
      rows.forEach((line, r) =>
        line.forEach((v, c) =>
          enterValue(
            ref.sheet,
            ref.rect.row + r,
            ref.rect.column + c,
            v,
            this.session.book.date1904
          )
        )
      );
    });
  }

  get numberFormat(): unknown[][] {
    return this.loadedValue("numberFormat");
  }
  set numberFormat(data: unknown[][]) {
    this.act("numberFormat", data, (ref) => {
      requireSheetWritable(this.session, ref.sheet);
      const rows = checkShape(ref, data, "numberFormat");
      rows.forEach((line, r) =>
        line.forEach((f, c) => {
          if (f === null || f === undefined) return;
          const key = cellKey(ref.rect.row + r, ref.rect.column + c);
          if (f === "" || f === "General") ref.sheet.numberFormats.delete(key);
          else ref.sheet.numberFormats.set(key, String(f));
        })
      );
    });
  }

  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.session.requireSet("1.7", "Range.hyperlink");
    this.act("hyperlink", link, (ref) => {
      requireSheetWritable(this.session, ref.sheet);
      forEachCell(ref.rect, (r, c) => {
        const key = cellKey(r, c);
        ref.sheet.hyperlinks.set(key, link.documentReference ?? link.address ?? "");
        if (link.textToDisplay !== undefined && ref.sheet.formulas.get(key) === undefined) {
          ref.sheet.setValue(r, c, link.textToDisplay);
        }
      });
    });
  }
  get hyperlink(): { documentReference?: string; address?: string; textToDisplay?: string } {
    throw propertyNotLoaded("hyperlink");
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.session, `${this._path}.format`, () => this._resolve());
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.session,
      `${this._path}.worksheet`,
      () => this._resolve()?.sheet ?? null
    );
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.session, `${this._path}.cell(${row},${column})`, () => {
      const ref = this._target();
      return {
        sheet: ref.sheet,
        rect: {
          row: ref.rect.row + row,
          column: ref.rect.column + column,
          rowCount: 1,
          columnCount: 1,
        },
      };
    });
  }

  clear(applyTo: string = "All"): void {
    this.act("clear", [applyTo], (ref) => {
      requireSheetWritable(this.session, ref.sheet);
      const rect = clippedRect(ref.sheet, ref.rect);
      if (!rect) return;
      const contents = applyTo === "All" || applyTo === "Contents";
      const formats = applyTo === "All" || applyTo === "Formats";
      forEachCell(rect, (r, c) => {
        const key = cellKey(r, c);
        if (contents) {
          ref.sheet.setValue(r, c, undefined);
          ref.sheet.formulas.delete(key);
          ref.sheet.quotePrefix.delete(key);
        }
        if (formats) {
          ref.sheet.numberFormats.delete(key);
          ref.sheet.styles.delete(key);
        }
        if (applyTo === "All" || applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks") {
          ref.sheet.hyperlinks.delete(key);
        }
      });
    });
  }

  select(): void {
    this.act("select", [], (ref) => {
      this.session.book.activeSheet = ref.sheet.name;
      this.session.book.selection = { sheet: ref.sheet.name, address: rectName(ref.rect) };
    });
  }
}

type StyleKey = keyof FakeStyle;

export class FakeRangeFormat extends ClientObject<RangeRef> {
  constructor(session: Session, path: string, resolver: () => RangeRef | null) {
    super(session, path, resolver);
  }

  protected scalarProperties(): readonly string[] {
    return ["columnWidth"];
  }

  protected readProperties(ref: RangeRef, props: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop !== "columnWidth") throw unknownProperty("RangeFormat", prop);
      const widths = new Set<number>();
      for (let c = ref.rect.column; c < ref.rect.column + ref.rect.columnCount; c++) {
        widths.add(ref.sheet.columnWidths.get(c) ?? 48);
      }
      out[prop] = widths.size === 1 ? [...widths][0] : null;
    }
    return out;
  }

  /** Sets a style property on every cell of the range. */
  applyStyle(key: StyleKey, value: FakeStyle[StyleKey]): void {
    this.act(`format.${key}`, [value], (ref) => {
      requireSheetWritable(this.session, ref.sheet);
      if (ref.rect.rowCount * ref.rect.columnCount > 1_000_000) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The fake Excel formats at most a million cells at once."
        );
      }
      forEachCell(ref.rect, (r, c) => {
        const k = cellKey(r, c);
        const style = { ...(ref.sheet.styles.get(k) ?? {}) } as Record<string, unknown>;
        style[key] = value;
        ref.sheet.styles.set(k, style as FakeStyle);
      });
    });
  }

  get columnWidth(): number {
    return this.loadedValue("columnWidth");
  }
  set columnWidth(points: number) {
    this.act("format.columnWidth", [points], (ref) => {
      requireSheetWritable(this.session, ref.sheet);
      for (let c = ref.rect.column; c < ref.rect.column + ref.rect.columnCount; c++) {
        ref.sheet.columnWidths.set(c, points);
      }
    });
  }

  set horizontalAlignment(value: string) {
    this.applyStyle("horizontalAlignment", value);
  }
  get horizontalAlignment(): string {
    throw propertyNotLoaded("horizontalAlignment");
  }
  set wrapText(value: boolean) {
    this.applyStyle("wrapText", value);
  }
  get wrapText(): boolean {
    throw propertyNotLoaded("wrapText");
  }

  get font(): { bold: boolean; italic: boolean; color: string; size: number } {
    const apply = (key: StyleKey, v: FakeStyle[StyleKey]): void => this.applyStyle(key, v);
    return {
      set bold(v: boolean) {
        apply("bold", v);
      },
      get bold(): boolean {
        throw propertyNotLoaded("font.bold");
      },
      set italic(v: boolean) {
        apply("italic", v);
      },
      get italic(): boolean {
        throw propertyNotLoaded("font.italic");
      },
      set color(v: string) {
        apply("fontColor", v);
      },
      get color(): string {
        throw propertyNotLoaded("font.color");
      },
      set size(v: number) {
        apply("fontSize", v);
      },
      get size(): number {
        throw propertyNotLoaded("font.size");
      },
    };
  }

  get fill(): { color: string } {
    const apply = (key: StyleKey, v: FakeStyle[StyleKey]): void => this.applyStyle(key, v);
    return {
      set color(v: string) {
        apply("fill", v);
      },
      get color(): string {
        throw propertyNotLoaded("fill.color");
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets
// ---------------------------------------------------------------------------------------------

export class FakeWorksheet extends ClientObject<FakeSheet> {
  constructor(session: Session, path: string, resolver: () => FakeSheet | null, orNull = false) {
    super(session, path, resolver, orNull);
  }

  protected scalarProperties(): readonly string[] {
    return ["name", "id", "position", "visibility"];
  }

  protected readProperties(sheet: FakeSheet, props: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop === "name") out[prop] = sheet.name;
      else if (prop === "id") out[prop] = sheet.id;
      else if (prop === "position") out[prop] = this.session.book.sheets.indexOf(sheet);
      else if (prop === "visibility") out[prop] = sheet.visibility;
      else throw unknownProperty("Worksheet", prop);
    }
    return out;
  }

  get name(): string {
    return this.loadedValue("name");
  }
  set name(value: string) {
    this.act("name", [value], (sheet) => {
      requireStructureWritable(this.session);
      checkSheetName(this.session.book, value, sheet);
      const book = this.session.book;
      if (book.activeSheet === sheet.name) book.activeSheet = value;
      if (book.selection?.sheet === sheet.name)
        book.selection = { ...book.selection, sheet: value };
      sheet.name = value;
    });
  }
  get id(): string {
    return this.loadedValue("id");
  }
  get position(): number {
    return this.loadedValue("position");
  }
  get visibility(): string {
    return this.loadedValue("visibility");
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.session, `${this._path}.range(${address ?? ""})`, () => {
      const sheet = this._target();
      if (address === undefined) {
        return { sheet, rect: { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS } };
      }
      const rect = parseRect(address.replace(/\$/g, ""));
      if (!rect)
        throw new FakeOfficeError("InvalidArgument", `"${address}" is not a valid address.`);
      return { sheet, rect };
    });
  }

  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): FakeRange {
    this.session.requireSet("1.7", "Worksheet.getRangeByIndexes");
    return new FakeRange(
      this.session,
      `${this._path}.rangeByIndexes(${row},${column},${rowCount},${columnCount})`,
      () => {
        const sheet = this._target();
        if (
          row < 0 ||
          column < 0 ||
          rowCount < 1 ||
          columnCount < 1 ||
          row + rowCount > MAX_ROWS ||
          column + columnCount > MAX_COLUMNS
        ) {
          throw new FakeOfficeError("InvalidArgument", "The range is outside the sheet.");
        }
        return { sheet, rect: { row, column, rowCount, columnCount } };
      }
    );
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.session, `${this._path}.usedRange(${valuesOnly})`, () => {
      const sheet = this._target();
      return {
        sheet,
        rect: sheet.usedRect(valuesOnly) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 },
      };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.session.requireSet("1.4", "Worksheet.getUsedRangeOrNullObject");
    return new FakeRange(
      this.session,
      `${this._path}.usedRangeOrNull(${valuesOnly})`,
      () => {
        const sheet = this._resolve();
        if (!sheet) return null;
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true
    );
  }

  activate(): void {
    this.act("activate", [], (sheet) => {
      this.session.book.activeSheet = sheet.name;
      this.session.book.selection = { sheet: sheet.name, address: "A1" };
    });
  }

  delete(): void {
    this.act("delete", [], (sheet) => {
      requireStructureWritable(this.session);
      const book = this.session.book;
      if (
        book.sheets.filter((s) => s.visibility === "Visible").length <= 1 &&
        sheet.visibility === "Visible"
      ) {
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet."
        );
      }
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      for (const n of book.names) {
        if (n.sheet === sheet) n.sheet = null;
      }
      if (book.activeSheet === sheet.name) book.activeSheet = book.sheets[0]?.name ?? null;
    });
  }

  get freezePanes(): { freezeRows(count?: number): void; unfreeze(): void } {
    this.session.requireSet("1.7", "Worksheet.freezePanes");
    return {
      freezeRows: (count = 1) => {
        this.act("freezePanes.freezeRows", [count], (sheet) => {
          requireSheetWritable(this.session, sheet);
          sheet.frozenRows = count;
          sheet.frozenColumns = 0;
        });
      },
      unfreeze: () => {
        this.act("freezePanes.unfreeze", [], (sheet) => {
          sheet.frozenRows = 0;
          sheet.frozenColumns = 0;
        });
      },
    };
  }

  get protection(): FakeSheetProtection {
    return new FakeSheetProtection(this.session, `${this._path}.protection`, () => this._resolve());
  }

  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.session, `${this._path}.charts`, () => this._resolve());
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.session, `${this._path}.tables`, () => {
      const sheet = this._resolve();
      return sheet ? sheet.tables.map((table) => ({ sheet, table })) : null;
    });
  }
}

export class FakeSheetProtection extends ClientObject<FakeSheet> {
  protected scalarProperties(): readonly string[] {
    return ["protected"];
  }
  protected readProperties(sheet: FakeSheet, props: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop !== "protected") throw unknownProperty("WorksheetProtection", prop);
      out[prop] = sheet.protected;
    }
    return out;
  }
  get protected(): boolean {
    return this.loadedValue("protected");
  }
}

/**
 * A collection whose `items` Excel fills in when a `load` is answered by a sync: each item comes
 * back as a proxy of its own, already loaded, and `items` is unavailable before that sync.
 */
abstract class LoadedItems<T, E, P extends ClientObject<E>> extends ClientObject<T> {
  private itemList: P[] | undefined;
  private pendingItems: P[] = [];

  /** The target's entries, in Excel's order. */
  protected abstract entriesOf(target: T): readonly E[];

  /** The proxy for one entry. */
  protected abstract itemProxy(entry: E): P;

  protected readProperties(target: T, props: readonly string[]): Record<string, unknown> {
    const items = this.entriesOf(target).map((entry) => {
      const proxy = this.itemProxy(entry);
      return { proxy, data: proxyRead(proxy, entry, props) };
    });
    this.pendingItems = items.map((i) => i.proxy);
    return { items: items.map((i) => i.data) };
  }

  override load(spec?: unknown): this {
    super.load(spec);
    this.session.onSynced(() => {
      this.itemList = this.pendingItems;
    });
    return this;
  }

  get items(): P[] {
    if (!this.itemList) throw propertyNotLoaded("items");
    return this.itemList;
  }
}

export class FakeWorksheetCollection extends LoadedItems<FakeWorkbook, FakeSheet, FakeWorksheet> {
  protected scalarProperties(): readonly string[] {
    return ["name", "id", "position", "visibility"];
  }

  protected entriesOf(book: FakeWorkbook): readonly FakeSheet[] {
    return book.sheets;
  }

  protected itemProxy(sheet: FakeSheet): FakeWorksheet {
    return new FakeWorksheet(this.session, `${this._path}[${sheet.id}]`, () => sheet);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.session, `worksheets(${name})`, () => {
      const sheet = this._target().sheet(name);
      if (!sheet)
        throw new FakeOfficeError("ItemNotFound", `The worksheet "${name}" doesn't exist.`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    this.session.requireSet("1.4", "WorksheetCollection.getItemOrNullObject");
    return new FakeWorksheet(
      this.session,
      `worksheets?(${name})`,
      () => this._target().sheet(name) ?? null,
      true
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.session, "worksheets.active", () => {
      const book = this._target();
      return (book.activeSheet ? book.sheet(book.activeSheet) : book.sheets[0]) ?? null;
    });
  }

  add(name?: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    const proxy = new FakeWorksheet(this.session, `worksheets.add(${name ?? ""})`, () => created);
    this.act("add", [name ?? null], (book) => {
      requireStructureWritable(this.session);
      let sheetName = name;
      if (sheetName === undefined) {
        let i = book.sheets.length + 1;
        while (book.sheet(`Sheet${i}`)) i += 1;
        sheetName = `Sheet${i}`;
      }
      checkSheetName(book, sheetName, null);
      created = new FakeSheet(sheetName, book.newSheetId());
      book.sheets.push(created);
    });
    return proxy;
  }
}

/** Reads properties through a proxy's own reader (used by collections for their items). */
function proxyRead<T>(
  proxy: ClientObject<T>,
  target: T,
  props: readonly string[]
): Record<string, unknown> {
  const reader = (
    proxy as unknown as { readProperties(t: T, p: readonly string[]): Record<string, unknown> }
  ).readProperties;
  const data = reader.call(proxy, target, props);
  (proxy as unknown as { preload(d: Record<string, unknown>): void }).preload(data);
  return data;
}

// ---------------------------------------------------------------------------------------------
// Names (the ownership markers live here)
// ---------------------------------------------------------------------------------------------

function nameValue(book: FakeWorkbook, n: FakeName): { type: string; value: string } {
  if (n.sheet && n.address)
    return { type: "Range", value: `${quoteSheetName(n.sheet.name)}!${n.address}` };
  if (n.constant !== null && !n.constant.includes("#REF!")) {
    const body = n.constant.replace(/^=/, "");
    const num = Number(body);
    if (body !== "" && Number.isFinite(num)) return { type: "Double", value: body };
    return { type: "String", value: body.replace(/^"|"$/g, "") };
  }
  void book;
  return { type: "Error", value: "#REF!" };
}

export class FakeNamedItem extends ClientObject<FakeName> {
  constructor(session: Session, path: string, resolver: () => FakeName | null, orNull = false) {
    super(session, path, resolver, orNull);
  }

  protected scalarProperties(): readonly string[] {
    return ["name", "type", "value", "visible", "comment"];
  }

  protected readProperties(n: FakeName, props: readonly string[]): Record<string, unknown> {
    const book = this.session.book;
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop === "name") out[prop] = n.name;
      else if (prop === "type") out[prop] = nameValue(book, n).type;
      else if (prop === "value") out[prop] = nameValue(book, n).value;
      else if (prop === "formula") {
        this.session.requireSet("1.7", "NamedItem.formula");
        out[prop] = book.nameFormula(n);
      } else if (prop === "visible") out[prop] = n.visible;
      else if (prop === "comment") out[prop] = n.comment;
      else throw unknownProperty("NamedItem", prop);
    }
    return out;
  }

  get name(): string {
    return this.loadedValue("name");
  }
  get type(): string {
    return this.loadedValue("type");
  }
  get value(): unknown {
    return this.loadedValue("value");
  }
  get formula(): string {
    return this.loadedValue("formula");
  }
  get comment(): string {
    return this.loadedValue("comment");
  }
  get visible(): boolean {
    return this.loadedValue("visible");
  }
  set visible(v: boolean) {
    this.act("visible", [v], (n) => {
      this.session.requireWritable();
      n.visible = v;
    });
  }

  private rangeOf(n: FakeName): RangeRef | null {
    if (!n.sheet || !n.address) return null;
    const rect = parseRect(n.address.replace(/\$/g, ""));
    return rect ? { sheet: n.sheet, rect } : null;
  }

  getRange(): FakeRange {
    return new FakeRange(this.session, `${this._path}.range`, () => {
      const ref = this.rangeOf(this._target());
      if (!ref) throw new FakeOfficeError("InvalidReference", "The name doesn't refer to a range.");
      return ref;
    });
  }

  getRangeOrNullObject(): FakeRange {
    this.session.requireSet("1.4", "NamedItem.getRangeOrNullObject");
    return new FakeRange(
      this.session,
      `${this._path}.rangeOrNull`,
      () => {
        const n = this._resolve();
        return n ? this.rangeOf(n) : null;
      },
      true
    );
  }

  delete(): void {
    this.session.requireSet("1.4", "NamedItem.delete");
    this.act("delete", [], (n) => {
      this.session.requireWritable();
      const names = this.session.book.names;
      names.splice(names.indexOf(n), 1);
    });
  }
}

const NAME_RULE = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;

export class FakeNamedItemCollection extends LoadedItems<FakeWorkbook, FakeName, FakeNamedItem> {
  protected scalarProperties(): readonly string[] {
    return ["name", "type", "value", "visible", "comment"];
  }

  protected entriesOf(book: FakeWorkbook): readonly FakeName[] {
    return book.names;
  }

  protected itemProxy(n: FakeName): FakeNamedItem {
    return new FakeNamedItem(this.session, `names[${n.name}]`, () => n);
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.session, `names(${name})`, () => {
      const n = this._target().name(name);
      if (!n) throw new FakeOfficeError("ItemNotFound", `The name "${name}" doesn't exist.`);
      return n;
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    this.session.requireSet("1.4", "NamedItemCollection.getItemOrNullObject");
    return new FakeNamedItem(
      this.session,
      `names?(${name})`,
      () => this._target().name(name) ?? null,
      true
    );
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    this.session.requireSet("1.4", "NamedItemCollection.add");
    let created: FakeName | null = null;
    const proxy = new FakeNamedItem(this.session, `names.add(${name})`, () => created);
    const refText = typeof reference === "string" ? reference : reference._path;
    this.act("add", [name, refText, comment ?? ""], (book) => {
      this.session.requireWritable();
      if (!NAME_RULE.test(name) || parseRect(name) !== null) {
        throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid name.`);
      }
      if (book.name(name))
        throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" already exists.`);
      if (typeof reference === "string") {
        const { sheet, local } = splitSheetReference(reference);
        const target = sheet === null ? undefined : book.sheet(sheet);
        created = target
          ? {
              name,
              sheet: target,
              address: absolute(local),
              constant: null,
              comment: comment ?? "",
              visible: true,
            }
          : {
              name,
              sheet: null,
              address: null,
              constant: reference.startsWith("=") ? reference : `=${reference}`,
              comment: comment ?? "",
              visible: true,
            };
      } else {
        const ref = reference._target();
        created = {
          name,
          sheet: ref.sheet,
          address: absolute(rectName(ref.rect)),
          constant: null,
          comment: comment ?? "",
          visible: true,
        };
      }
      book.names.push(created);
    });
    return proxy;
  }
}

function absolute(local: string): string {
  return local
    .replace(/\$/g, "")
    .split(":")
    .map((part) => part.replace(/^([A-Za-z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

interface TableRef {
  readonly sheet: FakeSheet;
  readonly table: FakeTable;
}

const TABLE_PROPERTIES = ["name", "showHeaders", "showTotals"] as const;

/**
 * A table. `showHeaders` and `showTotals` are read and set as Office.js documents them ("can be
 * set to show or remove the header row / the total row"): the table's range gains or loses that
 * row (the header row above the data, the totals row below). The fake leaves the cells of that
 * row as they are; Excel also fills or clears them.
 */
export class FakeTableItem extends ClientObject<TableRef> {
  protected scalarProperties(): readonly string[] {
    return TABLE_PROPERTIES;
  }
  protected readProperties(ref: TableRef, props: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop === "name") out[prop] = ref.table.name;
      else if (prop === "showHeaders") out[prop] = ref.table.showHeaders;
      else if (prop === "showTotals") out[prop] = ref.table.showTotals;
      else throw unknownProperty("Table", prop);
    }
    return out;
  }
  get name(): string {
    return this.loadedValue("name");
  }
  get showHeaders(): boolean {
    return this.loadedValue("showHeaders");
  }
  set showHeaders(value: boolean) {
    this.act("showHeaders", [value], (ref) => {
      requireSheetWritable(this.session, ref.sheet);
      const t = ref.table;
      if (t.showHeaders === value) return;
      if (value && t.rect.row === 0) {
        throw new FakeOfficeError("InvalidOperation", "There is no row above the table.");
      }
      t.rect = value
        ? { ...t.rect, row: t.rect.row - 1, rowCount: t.rect.rowCount + 1 }
        : { ...t.rect, row: t.rect.row + 1, rowCount: t.rect.rowCount - 1 };
      t.showHeaders = value;
    });
  }
  get showTotals(): boolean {
    return this.loadedValue("showTotals");
  }
  set showTotals(value: boolean) {
    this.act("showTotals", [value], (ref) => {
      requireSheetWritable(this.session, ref.sheet);
      const t = ref.table;
      if (t.showTotals === value) return;
      t.rect = { ...t.rect, rowCount: t.rect.rowCount + (value ? 1 : -1) };
      t.showTotals = value;
    });
  }
  get worksheet(): FakeWorksheet {
    this.session.requireSet("1.2", "Table.worksheet");
    return new FakeWorksheet(
      this.session,
      `${this._path}.worksheet`,
      () => this._resolve()?.sheet ?? null
    );
  }
  /** The whole table: header row (when shown), data body, totals row (when shown). */
  getRange(): FakeRange {
    return new FakeRange(this.session, `${this._path}.range`, () => {
      const ref = this._target();
      return { sheet: ref.sheet, rect: ref.table.rect };
    });
  }
  /** The header row; a table that does not show one has none to give. */
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.session, `${this._path}.header`, () => {
      const ref = this._target();
      if (!ref.table.showHeaders) throw missingTablePart(ref.table, "header row");
      return { sheet: ref.sheet, rect: { ...ref.table.rect, rowCount: 1 } };
    });
  }
  /** The data rows, between the header and totals rows. */
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.session, `${this._path}.body`, () => {
      const ref = this._target();
      const { rect, showHeaders, showTotals } = ref.table;
      const top = showHeaders ? 1 : 0;
      const rowCount = Math.max(0, rect.rowCount - top - (showTotals ? 1 : 0));
      return { sheet: ref.sheet, rect: { ...rect, row: rect.row + top, rowCount } };
    });
  }
  /** The totals row; a table that does not show one has none to give. */
  getTotalRowRange(): FakeRange {
    return new FakeRange(this.session, `${this._path}.totals`, () => {
      const ref = this._target();
      const { rect, showTotals } = ref.table;
      if (!showTotals) throw missingTablePart(ref.table, "totals row");
      return {
        sheet: ref.sheet,
        rect: { ...rect, row: rect.row + rect.rowCount - 1, rowCount: 1 },
      };
    });
  }
}

function missingTablePart(table: FakeTable, part: string): FakeOfficeError {
  return new FakeOfficeError("ItemNotFound", `The table "${table.name}" shows no ${part}.`);
}

export class FakeTableCollection extends LoadedItems<TableRef[], TableRef, FakeTableItem> {
  protected scalarProperties(): readonly string[] {
    return TABLE_PROPERTIES;
  }
  protected entriesOf(refs: TableRef[]): readonly TableRef[] {
    return refs;
  }
  protected itemProxy(ref: TableRef): FakeTableItem {
    return new FakeTableItem(this.session, `tables[${ref.table.name}]`, () => ref);
  }
  getItem(name: string): FakeTableItem {
    return new FakeTableItem(this.session, `tables(${name})`, () => {
      const ref = this._target().find((r) => r.table.name.toLowerCase() === name.toLowerCase());
      if (!ref) throw new FakeOfficeError("ItemNotFound", `The table "${name}" doesn't exist.`);
      return ref;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------------------------

interface ChartRef {
  readonly sheet: FakeSheet;
  readonly chart: FakeChart;
}

function qualified(ref: RangeRef): string {
  return `${quoteSheetName(ref.sheet.name)}!${rectName(ref.rect)}`;
}

export class FakeChartSeriesItem extends ClientObject<FakeChartSeries> {
  protected scalarProperties(): readonly string[] {
    return ["name"];
  }
  protected readProperties(s: FakeChartSeries, props: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop !== "name") throw unknownProperty("ChartSeries", prop);
      out[prop] = s.name;
    }
    return out;
  }
  get name(): string {
    return this.loadedValue("name");
  }
  set name(v: string) {
    this.act("name", [v], (s) => {
      s.name = v;
    });
  }
  setValues(range: FakeRange): void {
    this.session.requireSet("1.7", "ChartSeries.setValues");
    this.act("setValues", [range._path], (s) => {
      s.values = qualified(range._target());
    });
  }
  setXAxisValues(range: FakeRange): void {
    this.session.requireSet("1.7", "ChartSeries.setXAxisValues");
    this.act("setXAxisValues", [range._path], (s) => {
      s.categories = qualified(range._target());
    });
  }
}

export class FakeChartSeriesCollection extends ClientObject<FakeChart> {
  protected scalarProperties(): readonly string[] {
    return ["count"];
  }
  protected readProperties(chart: FakeChart, props: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop !== "count") throw unknownProperty("ChartSeriesCollection", prop);
      out[prop] = chart.series.length;
    }
    return out;
  }
  getItemAt(index: number): FakeChartSeriesItem {
    this.session.requireSet("1.7", "ChartSeriesCollection.getItemAt");
    return new FakeChartSeriesItem(this.session, `${this._path}[${index}]`, () => {
      const s = this._target().series[index];
      if (!s) throw new FakeOfficeError("ItemNotFound", `The chart has no series ${index}.`);
      return s;
    });
  }
  add(name?: string): FakeChartSeriesItem {
    this.session.requireSet("1.7", "ChartSeriesCollection.add");
    let created: FakeChartSeries | null = null;
    const proxy = new FakeChartSeriesItem(
      this.session,
      `${this._path}.add(${name ?? ""})`,
      () => created
    );
    this.act("add", [name ?? null], (chart) => {
      created = {
        name: name ?? `Series${chart.series.length + 1}`,
        values: null,
        categories: null,
      };
      chart.series.push(created);
    });
    return proxy;
  }
}

export class FakeChartItem extends ClientObject<ChartRef> {
  protected scalarProperties(): readonly string[] {
    return ["name", "chartType"];
  }
  protected readProperties(ref: ChartRef, props: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop === "name") out[prop] = ref.chart.name;
      else if (prop === "chartType") out[prop] = ref.chart.type;
      else throw unknownProperty("Chart", prop);
    }
    return out;
  }
  get name(): string {
    return this.loadedValue("name");
  }
  set name(v: string) {
    this.act("name", [v], (ref) => {
      ref.chart.name = v;
    });
  }
  get title(): { text: string } {
    const act = (v: string): void =>
      this.act("title.text", [v], (ref) => {
        ref.chart.title = v;
      });
    return {
      set text(v: string) {
        act(v);
      },
      get text(): string {
        throw propertyNotLoaded("title.text");
      },
    };
  }
  get axes(): { valueAxis: { numberFormat: string } } {
    const act = (v: string): void => {
      this.session.requireSet("1.8", "ChartAxis.numberFormat");
      this.act("axes.valueAxis.numberFormat", [v], (ref) => {
        ref.chart.valueAxisFormat = v;
      });
    };
    return {
      valueAxis: {
        set numberFormat(v: string) {
          act(v);
        },
        get numberFormat(): string {
          throw propertyNotLoaded("axes.valueAxis.numberFormat");
        },
      },
    };
  }
  get series(): FakeChartSeriesCollection {
    return new FakeChartSeriesCollection(
      this.session,
      `${this._path}.series`,
      () => this._resolve()?.chart ?? null
    );
  }
  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    const text = (c: string | FakeRange | undefined): string | null =>
      c === undefined ? null : typeof c === "string" ? c : rectName(c._target().rect);
    this.act("setPosition", [String(startCell), String(endCell ?? "")], (ref) => {
      ref.chart.from = text(startCell);
      ref.chart.to = text(endCell);
    });
  }
  delete(): void {
    this.act("delete", [], (ref) => {
      requireSheetWritable(this.session, ref.sheet);
      ref.sheet.charts.splice(ref.sheet.charts.indexOf(ref.chart), 1);
    });
  }
}

export class FakeChartCollection extends LoadedItems<FakeSheet, ChartRef, FakeChartItem> {
  protected scalarProperties(): readonly string[] {
    return ["name", "chartType"];
  }
  protected entriesOf(sheet: FakeSheet): readonly ChartRef[] {
    return sheet.charts.map((chart) => ({ sheet, chart }));
  }
  protected itemProxy(ref: ChartRef): FakeChartItem {
    return new FakeChartItem(this.session, `${this._path}[${ref.chart.name}]`, () => ref);
  }

  add(type: string, sourceData: FakeRange, seriesBy: string = "Auto"): FakeChartItem {
    let created: ChartRef | null = null;
    const proxy = new FakeChartItem(this.session, `${this._path}.add(${type})`, () => created);
    this.act("add", [type, sourceData._path, seriesBy], (sheet) => {
      requireSheetWritable(this.session, sheet);
      const src = sourceData._target();
      const byRows = seriesBy === "Rows";
      const count = byRows ? src.rect.rowCount : src.rect.columnCount;
      const series: FakeChartSeries[] = [];
      for (let i = 0; i < count; i++) {
        const rect: Rect = byRows
          ? {
              row: src.rect.row + i,
              column: src.rect.column,
              rowCount: 1,
              columnCount: src.rect.columnCount,
            }
          : {
              row: src.rect.row,
              column: src.rect.column + i,
              rowCount: src.rect.rowCount,
              columnCount: 1,
            };
        series.push({
          name: `Series${i + 1}`,
          values: qualified({ sheet: src.sheet, rect }),
          categories: null,
        });
      }
      const chart: FakeChart = {
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        title: "",
        series,
        from: null,
        to: null,
        valueAxisFormat: null,
      };
      sheet.charts.push(chart);
      created = { sheet, chart };
    });
    return proxy;
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, application, functions
// ---------------------------------------------------------------------------------------------

export class FakeWorkbookProtection extends ClientObject<FakeWorkbook> {
  protected scalarProperties(): readonly string[] {
    return ["protected"];
  }
  protected readProperties(book: FakeWorkbook, props: readonly string[]): Record<string, unknown> {
    this.session.requireSet("1.7", "WorkbookProtection");
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop !== "protected") throw unknownProperty("WorkbookProtection", prop);
      out[prop] = book.protected;
    }
    return out;
  }
  get protected(): boolean {
    return this.loadedValue("protected");
  }
}

export class FakeApplication extends ClientObject<FakeWorkbook> {
  protected scalarProperties(): readonly string[] {
    return ["calculationMode"];
  }
  protected readProperties(_book: FakeWorkbook, props: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop !== "calculationMode") throw unknownProperty("Application", prop);
      out[prop] = "Automatic";
    }
    return out;
  }
  get calculationMode(): string {
    return this.loadedValue("calculationMode");
  }
  suspendApiCalculationUntilNextSync(): void {
    this.session.requireSet("1.6", "Application.suspendApiCalculationUntilNextSync");
    this.session.calculationSuspended = true;
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.session.requireSet("1.9", "Application.suspendScreenUpdatingUntilNextSync");
    this.session.screenUpdatingSuspended = true;
  }
}

export class FakeFunctionResult extends ClientObject<{ value: unknown; error: string | null }> {
  protected scalarProperties(): readonly string[] {
    return ["value", "error"];
  }
  protected readProperties(
    r: { value: unknown; error: string | null },
    props: readonly string[]
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop === "value") out[prop] = r.value;
      else if (prop === "error") out[prop] = r.error;
      else throw unknownProperty("FunctionResult", prop);
    }
    return out;
  }
  get value(): unknown {
    return this.loadedValue("value");
  }
  get error(): string | null {
    return this.loadedValue("error");
  }
}

export class FakeFunctions {
  constructor(private readonly session: Session) {
    session.requireSet("1.2", "Workbook.functions");
  }
  /** DATE(year, month, day): a serial in the workbook's date system. */
  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.session, `functions.date(${year},${month},${day})`, () => {
      const epoch = this.session.book.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
      const serial = Math.round((Date.UTC(year, month - 1, day) - epoch) / 86_400_000);
      return serial < 0 ? { value: "#NUM!", error: "#NUM!" } : { value: serial, error: null };
    });
  }
}

export class FakeWorkbookObject extends ClientObject<FakeWorkbook> {
  protected scalarProperties(): readonly string[] {
    return ["name"];
  }
  protected readProperties(book: FakeWorkbook, props: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop === "name") out[prop] = "Book1.xlsx";
      else if (prop === "readOnly") {
        this.session.requireSet("1.8", "Workbook.readOnly");
        out[prop] = book.readOnly;
      } else throw unknownProperty("Workbook", prop);
    }
    return out;
  }
  get name(): string {
    return this.loadedValue("name");
  }
  get readOnly(): boolean {
    return this.loadedValue("readOnly");
  }
  get worksheets(): FakeWorksheetCollection {
    return new FakeWorksheetCollection(this.session, "worksheets", () => this._target());
  }
  get names(): FakeNamedItemCollection {
    return new FakeNamedItemCollection(this.session, "names", () => this._target());
  }
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.session, "tables", () => {
      const book = this._target();
      return book.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
    });
  }
  get application(): FakeApplication {
    return new FakeApplication(this.session, "application", () => this._target());
  }
  get protection(): FakeWorkbookProtection {
    return new FakeWorkbookProtection(this.session, "protection", () => this._target());
  }
  get functions(): FakeFunctions {
    return new FakeFunctions(this.session);
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.session, "selectedRange", () => {
      const book = this._target();
      const sel = book.selection;
      const sheet = sel ? book.sheet(sel.sheet) : undefined;
      const rect = sel ? parseRect(sel.address) : null;
      return sheet && rect ? { sheet, rect } : null;
    });
  }
}

/** The context handed to `Excel.run` batches. */
export class FakeRequestContext {
  readonly workbook: FakeWorkbookObject;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(readonly _session: Session) {
    this.workbook = new FakeWorkbookObject(_session, "workbook", () => _session.book);
  }

  get application(): FakeApplication {
    return this.workbook.application;
  }

  sync<T>(passThroughValue?: T): Promise<T | undefined> {
    return this._session.sync().then(() => passThroughValue);
  }
}

export { columnName };
