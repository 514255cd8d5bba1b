/** The workbook proxy at the root of a batch, its protection, and the request context. */
import { parseRect } from "../address";
import type { FakeWorkbook } from "../model";
import { ClientObject, unknownProperty, type Session } from "../runtime";
import { FakeApplication, FakeFunctions } from "./application";
import { FakeCustomXmlPartCollection } from "./custom-xml";
import { FakeNamedItemCollection } from "./names";
import { FakeRange } from "./range";
import { FakeTableCollection } from "./tables";
import { FakeWorksheetCollection } from "./worksheets";

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

export class FakeWorkbookObject extends ClientObject<FakeWorkbook> {
  protected scalarProperties(): readonly string[] {
    return ["name"];
  }
  protected readProperties(book: FakeWorkbook, props: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop === "name") {
        this.session.requireSet("1.7", "Workbook.name");
        out[prop] = "Book1.xlsx";
      } else if (prop === "readOnly") {
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
  get customXmlParts(): FakeCustomXmlPartCollection {
    return new FakeCustomXmlPartCollection(this.session, "customXmlParts", () => this._target());
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
