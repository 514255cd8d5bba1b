/* global setTimeout */
/**
 * The request/sync machinery of the fake Excel: a queue of actions per request context, executed
 * in order at `context.sync()`, with Excel's rules where they matter to an adapter:
 * properties are unavailable until loaded and synced, `*OrNullObject` gives null objects whose
 * `isNullObject` is known after a sync, and Excel on the web's 5 MB limit on each request and each
 * response is enforced per sync. Every sync and its payload bytes are counted.
 */
import type { FakeWorkbook } from "./model";

/** Excel on the web refuses a request or response larger than 5 MB. */
export const DEFAULT_PAYLOAD_LIMIT = 5_000_000;

/** An error shaped like OfficeExtension.Error: a `code` such as "ItemNotFound" and a message. */
export class FakeOfficeError extends Error {
  readonly debugInfo: { readonly code: string; readonly message: string };
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message };
  }
}

export interface SyncRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly actions: number;
  readonly calculationSuspended: boolean;
  readonly screenUpdatingSuspended: boolean;
  /** The error code when the sync failed. */
  readonly error: string | null;
}

export class FakeStats {
  syncs = 0;
  /** Calls of application.suspendScreenUpdatingUntilNextSync(), over all runs. */
  screenUpdatingSuspendCalls = 0;
  requestBytes = 0;
  responseBytes = 0;
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  readonly records: SyncRecord[] = [];

  reset(): void {
    this.syncs = 0;
    this.screenUpdatingSuspendCalls = 0;
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.maxRequestBytes = 0;
    this.maxResponseBytes = 0;
    this.records.length = 0;
  }
}

export interface FakeOptions {
  /** Largest request and response per sync, in bytes. Default 5,000,000. */
  readonly payloadLimit?: number;
  /** Highest ExcelApi requirement set this "Excel" supports, e.g. "1.7". Default "1.17". */
  readonly apiVersion?: string;
  /** Milliseconds each sync takes, to make round trips visible in the demo. Default 0. */
  readonly latencyMs?: number;
  /**
   * Office.context.platform: "OfficeOnline" (default), "PC", "Mac". In Excel on the web the
   * HYPERLINK function works for web addresses only, so a `=HYPERLINK("#…")` link leads nowhere
   * there (see `followLink`).
   */
  readonly platform?: FakePlatform;
  /**
   * Excel on the web has answered oversized requests with GeneralException ("An internal error
   * has occurred", office-js issues 1314 and 1012) instead of the payload codes: a sync whose
   * request (or response) is larger than this many bytes fails so. Off by default.
   */
  readonly generalException?: { readonly requestAbove?: number; readonly responseAbove?: number };
  /**
   * A range is limited to five million cells for get operations, and past the limit
   * `Range.values` may be null instead of an error (Excel performance article). `maxCellsPerGet`
   * sets the limit (default 5,000,000) and `largeGet` what happens past it: "error"
   * (RangeExceedsLimit, the default) or "null" (values, valueTypes and numberFormat come back null).
   */
  readonly maxCellsPerGet?: number;
  readonly largeGet?: "error" | "null";
  /**
   * A host where text written through `values` starting with "=" becomes a formula even in a
   * cell formatted as Text ("@"): no Microsoft page promises otherwise. Typed String cells
   * (`valuesAsJson`, ExcelApi 1.16) stay text. Off by default.
   */
  readonly textFormatIgnored?: boolean;
  /**
   * In cell-edit mode a batch run with `delayForCellEdit: true` waits until the user leaves it
   * (Excel.RunOptions); a host that does not honour the option (false) fails the batch with
   * `cellEditCode` ("InvalidOperationInCellEditMode", the default, or "InvalidOperation").
   */
  readonly honoursDelayForCellEdit?: boolean;
  readonly cellEditCode?: "InvalidOperationInCellEditMode" | "InvalidOperation";
}

export type FakePlatform = "OfficeOnline" | "PC" | "Mac";

/** What one Session needs to know of the fake's options, with the defaults filled in. */
export interface SessionOptions {
  readonly payloadLimit: number;
  readonly apiVersion: string;
  readonly latencyMs: number;
  readonly platform: FakePlatform;
  readonly generalException: { readonly requestAbove?: number; readonly responseAbove?: number };
  readonly maxCellsPerGet: number;
  readonly largeGet: "error" | "null";
  readonly textFormatIgnored: boolean;
  readonly honoursDelayForCellEdit: boolean;
  readonly cellEditCode: "InvalidOperationInCellEditMode" | "InvalidOperation";
  /** The batch was run with `{ delayForCellEdit: true }`. */
  readonly delayForCellEdit: boolean;
}

const CELL_EDIT_MESSAGE =
  "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.";

export interface LoadOutcome {
  readonly bytes: number;
  commit(): void;
}

export interface Action {
  readonly bytes: number;
  run(): LoadOutcome | void;
}

/** Bytes of a value as UTF-8 JSON, without building the UTF-8 string. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** Per-action overhead of the request protocol (object path, method id), in bytes. */
export const ACTION_OVERHEAD = 24;

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** One `Excel.run` batch: its queue of actions and what the next sync will do. */
export class Session {
  private queue: Action[] = [];
  private afterSync: Array<() => void> = [];
  calculationSuspended = false;
  screenUpdatingSuspended = false;

  constructor(
    readonly book: FakeWorkbook,
    readonly stats: FakeStats,
    readonly options: SessionOptions
  ) {}

  get pending(): number {
    return this.queue.length;
  }

  enqueue(action: Action): void {
    this.queue.push(action);
  }

  /** Runs after the current sync succeeds (null-object states become readable). */
  onSynced(fn: () => void): void {
    this.afterSync.push(fn);
  }

  requireSet(version: string, what: string): void {
    if (compareVersions(this.options.apiVersion, version) < 0) {
      throw new FakeOfficeError(
        "ApiNotFound",
        `${what} needs ExcelApi ${version}; this Excel supports ${this.options.apiVersion}.`
      );
    }
  }

  requireWritable(): void {
    if (this.book.readOnly) {
      throw new FakeOfficeError("AccessDenied", "The workbook is read-only.");
    }
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    const calc = this.calculationSuspended;
    const screen = this.screenUpdatingSuspended;
    this.calculationSuspended = false;
    this.screenUpdatingSuspended = false;
    if (this.options.latencyMs > 0) {
      await new Promise<void>((resolve) => setTimeout(resolve, this.options.latencyMs));
    } else {
      await Promise.resolve();
    }
    const requestBytes = actions.reduce((sum, a) => sum + a.bytes, 0) + 64;
    let responseBytes = 0;
    const record = (error: string | null): void => {
      this.stats.syncs += 1;
      this.stats.requestBytes += requestBytes;
      this.stats.responseBytes += responseBytes;
      this.stats.maxRequestBytes = Math.max(this.stats.maxRequestBytes, requestBytes);
      this.stats.maxResponseBytes = Math.max(this.stats.maxResponseBytes, responseBytes);
      this.stats.records.push({
        requestBytes,
        responseBytes,
        actions: actions.length,
        calculationSuspended: calc,
        screenUpdatingSuspended: screen,
        error,
      });
    };
    const fail = (error: FakeOfficeError): never => {
      this.afterSync = [];
      record(error.code);
      throw error;
    };
    if (this.book.cellEditMode) {
      if (this.options.delayForCellEdit && this.options.honoursDelayForCellEdit) {
        await this.book.cellEditEnded();
      } else fail(new FakeOfficeError(this.options.cellEditCode, CELL_EDIT_MESSAGE));
    }
    const general = this.options.generalException;
    const internalError = (): FakeOfficeError =>
      new FakeOfficeError("GeneralException", "An internal error has occurred.");
    if (general.requestAbove !== undefined && requestBytes > general.requestAbove) {
      fail(internalError());
    }
    if (requestBytes > this.options.payloadLimit) {
      fail(
        new FakeOfficeError(
          "RequestPayloadSizeLimitExceeded",
          "The request payload size has exceeded the limit."
        )
      );
    }
    const loads: LoadOutcome[] = [];
    for (const action of actions) {
      try {
        const outcome = action.run();
        if (outcome) loads.push(outcome);
      } catch (e) {
        if (e instanceof FakeOfficeError) fail(e);
        throw e;
      }
    }
    responseBytes = loads.reduce((sum, l) => sum + l.bytes, 0) + 32;
    if (general.responseAbove !== undefined && responseBytes > general.responseAbove) {
      fail(internalError());
    }
    if (responseBytes > this.options.payloadLimit) {
      fail(
        new FakeOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit."
        )
      );
    }
    for (const load of loads) load.commit();
    const after = this.afterSync;
    this.afterSync = [];
    for (const fn of after) fn();
    record(null);
  }
}

/** What a load() call asks for: property names, with "items/" stripped for collections. */
export function parseLoadSpec(spec: unknown): string[] | null {
  if (spec === undefined || spec === null) return null;
  const parts: string[] = [];
  const add = (s: string): void => {
    for (const p of s.split(",")) {
      const name = p.trim().replace(/^items\//, "");
      if (name) parts.push(name);
    }
  };
  if (typeof spec === "string") add(spec);
  else if (Array.isArray(spec)) spec.forEach((s) => add(String(s)));
  else if (typeof spec === "object") {
    const select = (spec as { select?: unknown }).select;
    if (typeof select === "string") add(select);
    else if (Array.isArray(select)) select.forEach((s) => add(String(s)));
    else return null;
  }
  return parts;
}

export function propertyNotLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );
}

/**
 * Base of every fake client object: resolution of the Excel object it stands for (at sync time,
 * once), loaded properties (readable only after sync), and queued actions.
 */
export abstract class ClientObject<T> {
  private binding: { readonly value: T | null } | undefined;
  private loaded: Record<string, unknown> = {};
  private nullState: boolean | undefined;

  constructor(
    protected readonly session: Session,
    readonly _path: string,
    private readonly resolver: () => T | null,
    orNullObject = false
  ) {
    if (orNullObject) {
      session.enqueue({
        bytes: ACTION_OVERHEAD + _path.length,
        run: () => {
          this._resolve();
        },
      });
    }
  }

  /** The Excel object behind this proxy (resolved once, at execution time); null for a null object. */
  _resolve(): T | null {
    if (!this.binding) {
      const value = this.resolver();
      this.binding = { value };
      this.session.onSynced(() => {
        this.nullState = value === null;
      });
    }
    return this.binding.value;
  }

  _target(): T {
    const t = this._resolve();
    if (t === null) {
      throw new FakeOfficeError(
        "ItemNotFound",
        `The requested resource doesn't exist (${this._path}).`
      );
    }
    return t;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded("isNullObject");
    return this.nullState;
  }

  /** Property names loaded by `load()` with no argument. */
  protected abstract scalarProperties(): readonly string[];

  /** Reads properties of the resolved object at execution time; throws for unknown names. */
  protected abstract readProperties(target: T, props: readonly string[]): Record<string, unknown>;

  load(spec?: unknown): this {
    const props = parseLoadSpec(spec) ?? [...this.scalarProperties()];
    this.session.enqueue({
      bytes: ACTION_OVERHEAD + this._path.length + jsonBytes(props),
      run: () => {
        const target = this._resolve();
        if (target === null) return { bytes: 4, commit: () => undefined };
        const data = this.readProperties(target, props);
        return {
          bytes: jsonBytes(data),
          commit: () => {
            Object.assign(this.loaded, data);
          },
        };
      },
    });
    return this;
  }

  /** Properties read on the item of a loaded collection (readable once the collection is). */
  preload(data: Record<string, unknown>): void {
    Object.assign(this.loaded, data);
  }

  protected loadedValue<V>(prop: string): V {
    if (!(prop in this.loaded)) throw propertyNotLoaded(prop);
    return this.loaded[prop] as V;
  }

  /** Queues a change, counted in the request payload with its arguments. */
  protected act(method: string, args: unknown, fn: (target: T) => void): void {
    this.session.enqueue({
      bytes: ACTION_OVERHEAD + this._path.length + method.length + jsonBytes(args),
      run: () => fn(this._target()),
    });
  }

  toJSON(): Record<string, unknown> {
    return { ...this.loaded };
  }
}

export function unknownProperty(cls: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "InvalidArgument",
    `${cls} has no property '${prop}' in the fake Excel.`
  );
}
