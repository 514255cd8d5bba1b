/**
 * A worksheet: its ranges, freeze panes, protection, print setup, charts and tables; renaming and
 * deleting.
 */
import { MAX_COLUMNS, MAX_ROWS, parseRect } from "../address";
import type { FakeSheet } from "../model";
import { ClientObject, FakeOfficeError, unknownProperty, type Session } from "../runtime";
import { FakeChartCollection } from "./charts";
import { checkSheetName, requireSheetWritable, requireStructureWritable } from "./guards";
import { FakePageBreakCollection, FakePageLayoutObject } from "./page-layout";
import { FakeRange } from "./range";
import { FakeTableCollection } from "./tables";

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

  /** Worksheet.autoFilter (ExcelApi 1.9): the sheet's one AutoFilter. */
  get autoFilter(): FakeAutoFilter {
    this.session.requireSet("1.9", "Worksheet.autoFilter");
    return new FakeAutoFilter(this.session, `${this._path}.autoFilter`, () => this._resolve());
  }

  get protection(): FakeSheetProtection {
    return new FakeSheetProtection(this.session, `${this._path}.protection`, () => this._resolve());
  }

  get pageLayout(): FakePageLayoutObject {
    return new FakePageLayoutObject(this.session, `${this._path}.pageLayout`, () =>
      this._resolve()
    );
  }

  get horizontalPageBreaks(): FakePageBreakCollection {
    return new FakePageBreakCollection(this.session, `${this._path}.horizontalPageBreaks`, () =>
      this._resolve()
    );
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
 * A sheet's AutoFilter: apply(range) puts it on a range of this sheet, replacing the one the sheet
 * had; remove() takes it away (nothing to do when there is none); `enabled` says whether there is
 * one.
 */
export class FakeAutoFilter extends ClientObject<FakeSheet> {
  protected scalarProperties(): readonly string[] {
    return ["enabled"];
  }
  protected readProperties(sheet: FakeSheet, props: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop !== "enabled") throw unknownProperty("AutoFilter", prop);
      out[prop] = sheet.autoFilter !== null;
    }
    return out;
  }
  get enabled(): boolean {
    return this.loadedValue("enabled");
  }
  apply(range: FakeRange): void {
    this.act("apply", [range._path], (sheet) => {
      requireSheetWritable(this.session, sheet);
      const ref = range._target();
      if (ref.sheet !== sheet) {
        throw new FakeOfficeError("InvalidArgument", "The range is on another worksheet.");
      }
      sheet.autoFilter = { ...ref.rect };
    });
  }
  remove(): void {
    this.act("remove", [], (sheet) => {
      requireSheetWritable(this.session, sheet);
      sheet.autoFilter = null;
    });
  }
}
