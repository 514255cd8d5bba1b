/** Tables (ListObjects): header, data body and totals rows, and showing or hiding them. */
import type { FakeSheet, FakeTable } from "../model";
import { ClientObject, FakeOfficeError, unknownProperty } from "../runtime";
import { requireSheetWritable } from "./guards";
import { LoadedItems } from "./items";
import { FakeRange } from "./range";
import { FakeWorksheet } from "./worksheet";

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
