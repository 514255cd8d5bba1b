/** The workbook's worksheets: look one up, the active one, add one. */
import { FakeSheet, type FakeWorkbook } from "../model";
import { FakeOfficeError } from "../runtime";
import { FakeChangedEventHandlers } from "./events";
import { checkSheetName, requireStructureWritable } from "./guards";
import { LoadedItems } from "./items";
import { FakeRequestContext } from "./workbook";
import { FakeWorksheet } from "./worksheet";

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

  /** ExcelApi 1.9; the handlers live in objects/events.ts. */
  get onChanged(): FakeChangedEventHandlers {
    return new FakeChangedEventHandlers(
      this.session,
      () => new FakeRequestContext(this.session),
      () => this._target()
    );
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
