/**
 * A range: values, valueTypes, numberFormat, formulas and text of a rectangle of one sheet, and
 * what can be done to it (enter values as typed, hyperlinks, clear, select).
 */
import { cellKey, quoteSheetName, rectName, type Rect } from "../address";
import { displayText } from "../display";
import { enterValue, type FakeSheet, type FakeValue } from "../model";
import { ClientObject, FakeOfficeError, unknownProperty, type Session } from "../runtime";
import { requireSheetWritable } from "./guards";
import { FakeRangeFormat } from "./range-format";
import { forEachCell, type RangeRef } from "./refs";
import { FakeWorksheet } from "./worksheet";

/** Excel refuses to return more than five million cells from one range. */
const MAX_CELLS_PER_GET = 5_000_000;

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

/**
 * A range is limited to five million cells for get operations; past the limit Excel throws
 * RangeExceedsLimit or, in some cases, gives `null` for the values (the fake's `largeGet`).
 * https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices
 */
function mapRect<V>(
  session: Session,
  ref: RangeRef,
  fn: (row: number, column: number) => V
): V[][] | null {
  const { row, column, rowCount, columnCount } = ref.rect;
  const limit = Math.min(MAX_CELLS_PER_GET, session.options.maxCellsPerGet);
  if (rowCount * columnCount > limit) {
    if (session.options.largeGet === "null") return null;
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
          out[prop] = mapRect(this.session, ref, (r, c) => valueOut(ref.sheet.getValue(r, c)));
          break;
        case "valueTypes":
          out[prop] = mapRect(this.session, ref, (r, c) => valueType(ref.sheet.getValue(r, c)));
          break;
        case "numberFormat":
          out[prop] = mapRect(this.session, ref, (r, c) => ref.sheet.numberFormat(r, c));
          break;
        case "hyperlink": {
          // RangeHyperlink of the top-left cell (ExcelApi 1.7): an internal link's
          // documentReference, or a web address; null without a link.
          this.session.requireSet("1.7", "Range.hyperlink");
          const link = ref.sheet.hyperlinks.get(cellKey(ref.rect.row, ref.rect.column));
          out[prop] =
            link === undefined
              ? null
              : /^[a-z]+:/i.test(link)
                ? { address: link }
                : { documentReference: link };
          break;
        }
        case "formulas":
          out[prop] = mapRect(
            this.session,
            ref,
            (r, c) => ref.sheet.formulas.get(cellKey(r, c)) ?? valueOut(ref.sheet.getValue(r, c))
          );
          break;
        case "text":
          // Range.text: the values as the cells show them under their number formats.
          out[prop] = mapRect(this.session, ref, (r, c) =>
            displayText(
              valueOut(ref.sheet.getValue(r, c)),
              ref.sheet.numberFormat(r, c),
              this.session.book.date1904
            )
          );
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

  /**
   * Typed cell values (ExcelApi 1.16). A String cell is stored as that text whatever the cell's
   * format, a Double as a number, a Boolean as a boolean, an Empty cell is cleared.
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-valuesasjson-member
   */
  set valuesAsJson(data: unknown[][]) {
    this.session.requireSet("1.16", "Range.valuesAsJson");
    this.act("valuesAsJson", data, (ref) => {
      requireSheetWritable(this.session, ref.sheet);
      const rows = checkShape(ref, data, "valuesAsJson");
      rows.forEach((line, r) =>
        line.forEach((cell, c) => {
          const row = ref.rect.row + r;
          const column = ref.rect.column + c;
          const key = cellKey(row, column);
          const { type, basicValue } = (cell ?? {}) as { type?: unknown; basicValue?: unknown };
          ref.sheet.formulas.delete(key);
          ref.sheet.quotePrefix.delete(key);
          if (type === "String" && typeof basicValue === "string")
            ref.sheet.setValue(row, column, basicValue === "" ? undefined : basicValue);
          else if (type === "Double" && typeof basicValue === "number")
            ref.sheet.setValue(row, column, basicValue);
          else if (type === "Boolean" && typeof basicValue === "boolean")
            ref.sheet.setValue(row, column, basicValue);
          else if (type === "Empty") ref.sheet.setValue(row, column, undefined);
          else {
            throw new FakeOfficeError(
              "InvalidArgument",
              `The fake Excel does not take the cell value ${JSON.stringify(cell)}.`
            );
          }
        })
      );
    });
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
            this.session.book.date1904,
            this.session.options.textFormatIgnored
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
    return this.loadedValue("hyperlink");
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
