/* global setTimeout */
/**
 * Worksheet change events, as Excel documents them: `worksheets.onChanged.add(handler)` registers
 * a handler when the context syncs (ExcelApi 1.9) and returns an EventHandlerResult whose
 * `remove()` takes effect at the next sync of its context; a cell edited by the user raises one
 * WorksheetChangedEventArgs per edit, delivered asynchronously, after the edit.
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs
 */
import { parseRect, rectName } from "../address";
import { enterValue, type FakeWorkbook } from "../model";
import { ACTION_OVERHEAD, FakeOfficeError, type Session } from "../runtime";

/** The subset of Excel.WorksheetChangedEventArgs the fake raises. */
export interface FakeWorksheetChangedEventArgs {
  readonly type: "WorksheetChanged";
  readonly worksheetId: string;
  readonly address: string;
  readonly changeType: "RangeEdited";
  readonly source: "Local";
  /** ExcelApi 1.14: "ThisLocalAddin" for the add-in's own writes, "Unknown" otherwise. */
  readonly triggerSource: "Unknown" | "ThisLocalAddin";
}

type Handler = (args: FakeWorksheetChangedEventArgs) => unknown;

const registries = new WeakMap<FakeWorkbook, Set<Handler>>();

function handlersOf(book: FakeWorkbook): Set<Handler> {
  let set = registries.get(book);
  if (!set) {
    set = new Set();
    registries.set(book, set);
  }
  return set;
}

/** How many onChanged handlers are registered on a workbook (for tests). */
export function changeHandlerCount(book: FakeWorkbook): number {
  return handlersOf(book).size;
}

export class FakeEventHandlerResult {
  constructor(
    readonly context: unknown,
    private readonly session: Session,
    private readonly book: () => FakeWorkbook,
    private readonly handler: Handler
  ) {}

  /** Unregisters the handler at the next sync of `context`. */
  remove(): void {
    this.session.enqueue({
      bytes: ACTION_OVERHEAD,
      run: () => {
        handlersOf(this.book()).delete(this.handler);
      },
    });
  }
}

/** `worksheets.onChanged`: Occurs when any worksheet in the workbook is changed (ExcelApi 1.9). */
export class FakeChangedEventHandlers {
  constructor(
    private readonly session: Session,
    /** The request context of this session (what `EventHandlerResult.context` gives back). */
    private readonly context: () => unknown,
    private readonly book: () => FakeWorkbook
  ) {}

  add(handler: Handler): FakeEventHandlerResult {
    this.session.requireSet("1.9", "WorksheetCollection.onChanged");
    this.session.enqueue({
      bytes: ACTION_OVERHEAD,
      run: () => {
        handlersOf(this.book()).add(handler);
      },
    });
    return new FakeEventHandlerResult(this.context(), this.session, this.book, handler);
  }
}

/**
 * A user types `input` into one cell, as in Excel's grid: the cell takes the value as typed, then
 * every onChanged handler is called, asynchronously, with triggerSource "Unknown".
 */
export function userEdit(
  book: FakeWorkbook,
  sheetName: string,
  address: string,
  input: unknown
): void {
  const sheet = book.sheet(sheetName);
  const rect = parseRect(address);
  if (!sheet || !rect)
    throw new FakeOfficeError("InvalidArgument", `No cell ${sheetName}!${address}`);
  enterValue(sheet, rect.row, rect.column, input, book.date1904);
  const args: FakeWorksheetChangedEventArgs = {
    type: "WorksheetChanged",
    worksheetId: sheet.id,
    address: rectName({ ...rect, rowCount: 1, columnCount: 1 }),
    changeType: "RangeEdited",
    source: "Local",
    triggerSource: "Unknown",
  };
  for (const handler of [...handlersOf(book)]) {
    setTimeout(() => void handler(args), 0);
  }
}
