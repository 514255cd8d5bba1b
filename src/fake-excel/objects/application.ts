/** The application (calculation mode, suspending) and the worksheet functions (DATE). */
import type { FakeWorkbook } from "../model";
import { ClientObject, unknownProperty, type Session } from "../runtime";

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
    // Counted: Microsoft warns that repeated calls make the Excel window flicker.
    this.session.stats.screenUpdatingSuspendCalls += 1;
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
