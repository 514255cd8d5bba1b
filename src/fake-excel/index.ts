/* global globalThis */
/**
 * An in-memory stand-in for the part of Excel that the Office.js adapter uses. `installFakeExcel`
 * puts `Excel`, `Office` and `OfficeExtension` on globalThis so that the adapter runs unchanged in
 * tests, the benchmark and the browser demo; the handle counts syncs and payload bytes.
 * Pure TypeScript (no Node APIs): the browser demo bundles it.
 */
import { FakeRequestContext } from "./objects";
import type { FakeWorkbook } from "./model";
import {
  compareVersions,
  DEFAULT_PAYLOAD_LIMIT,
  FakeOfficeError,
  FakeStats,
  Session,
  type FakeOptions,
  type FakePlatform,
} from "./runtime";
import { parseHyperlinkFormula } from "./model";
import { cellKey, parseRect } from "./address";

export {
  exportSnapshot,
  snapshotSheet,
  workbookFromSnapshot,
  FakeWorkbook,
  FakeSheet,
  type FakeChart,
  type FakeStyle,
  type FakeValue,
  type SheetSnapshot,
  type SnapshotCell,
  type WorkbookSnapshot,
} from "./model";
export {
  FakeOfficeError,
  FakeStats,
  DEFAULT_PAYLOAD_LIMIT,
  jsonBytes,
  type FakeOptions,
  type FakePlatform,
  type SyncRecord,
} from "./runtime";
export { cellName, columnName, parseRect, rectName } from "./address";
export { displayText } from "./display";
export { customXmlPartsOf, type FakeXmlPart } from "./objects/custom-xml";
export { changeHandlerCount, userEdit, type FakeWorksheetChangedEventArgs } from "./objects/events";

/** Office.OfficeTheme: https://learn.microsoft.com/javascript/api/office/office.officetheme */
export interface FakeOfficeTheme {
  readonly bodyBackgroundColor: string;
  readonly bodyForegroundColor: string;
  readonly controlBackgroundColor: string;
  readonly controlForegroundColor: string;
  readonly isDarkTheme: boolean;
  readonly themeId: "Colorful" | "DarkGray" | "Black" | "White";
}

/** Office's default theme (Colorful) and its Black (dark) theme, with their colours. */
export const FAKE_OFFICE_THEMES: Readonly<Record<"colorful" | "black", FakeOfficeTheme>> = {
  colorful: {
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#000000",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#262626",
    isDarkTheme: false,
    themeId: "Colorful",
  },
  black: {
    bodyBackgroundColor: "#262626",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#363636",
    controlForegroundColor: "#F0F0F0",
    isDarkTheme: true,
    themeId: "Black",
  },
};

export interface DialogRecord {
  readonly url: string;
}

export interface FakeExcelHandle {
  readonly book: FakeWorkbook;
  readonly stats: FakeStats;
  /** The ExcelApi version this fake claims to support. */
  apiVersion: string;
  /** Actions registered with Office.actions.associate (the ribbon's function commands). */
  readonly actions: Map<string, (event: unknown) => unknown>;
  /** Dialogs opened with Office.context.ui.displayDialogAsync. */
  readonly dialogs: DialogRecord[];
  /** Office.context.displayLanguage. */
  displayLanguage: string;
  /** Office.context.platform (and what onReady reports). */
  platform: FakePlatform;
  /** Office.context.officeTheme; undefined as in a host without the theme API. */
  officeTheme: FakeOfficeTheme | undefined;
  /** Removes the globals that were installed. */
  uninstall(): void;
}

type Batch<T> = (context: FakeRequestContext) => Promise<T>;

function isSetSupported(handle: FakeExcelHandle, name: string, version?: string): boolean {
  if (name !== "ExcelApi" && name !== "DialogApi" && name !== "RibbonApi") return false;
  if (name !== "ExcelApi") return true;
  return compareVersions(handle.apiVersion, version ?? "1.1") >= 0;
}

/**
 * Installs the fake as `globalThis.Excel`, `globalThis.Office` and `globalThis.OfficeExtension`
 * over a workbook, returning a handle with the workbook, sync statistics and the recorded actions.
 */
export function installFakeExcel(book: FakeWorkbook, options: FakeOptions = {}): FakeExcelHandle {
  const g = globalThis as Record<string, unknown>;
  const previous = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
  const stats = new FakeStats();
  const handle: FakeExcelHandle = {
    book,
    stats,
    apiVersion: options.apiVersion ?? "1.17",
    actions: new Map(),
    dialogs: [],
    displayLanguage: "zh-CN",
    platform: options.platform ?? "OfficeOnline",
    officeTheme: FAKE_OFFICE_THEMES.colorful,
    uninstall: () => {
      g.Excel = previous.Excel;
      g.Office = previous.Office;
      g.OfficeExtension = previous.OfficeExtension;
    },
  };

  async function run<T>(first: unknown, second?: unknown): Promise<T> {
    const batch = (typeof first === "function" ? first : second) as Batch<T>;
    const runOptions = (
      typeof first === "object" && first !== null && !(first instanceof FakeRequestContext)
        ? first
        : {}
    ) as { delayForCellEdit?: unknown };
    // Excel.run(context, batch) carries on an earlier context (as when an event handler is
    // removed through its EventHandlerResult.context).
    const context =
      first instanceof FakeRequestContext
        ? first
        : new FakeRequestContext(
            new Session(book, stats, {
              payloadLimit: options.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT,
              apiVersion: handle.apiVersion,
              latencyMs: options.latencyMs ?? 0,
              platform: handle.platform,
              generalException: options.generalException ?? {},
              maxCellsPerGet: options.maxCellsPerGet ?? 5_000_000,
              largeGet: options.largeGet ?? "error",
              textFormatIgnored: options.textFormatIgnored ?? false,
              honoursDelayForCellEdit: options.honoursDelayForCellEdit ?? true,
              cellEditCode: options.cellEditCode ?? "InvalidOperationInCellEditMode",
              delayForCellEdit: runOptions.delayForCellEdit === true,
            })
          );
    const session = context._session;
    const result = await batch(context);
    if (session.pending > 0) await session.sync();
    return result;
  }

  g.Excel = {
    run,
    RequestContext: FakeRequestContext,
    ErrorCodes: {
      accessDenied: "AccessDenied",
      invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
      itemNotFound: "ItemNotFound",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    },
  };
  g.OfficeExtension = { Error: FakeOfficeError };
  g.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: handle.platform };
      if (callback) callback(info);
      return Promise.resolve(info);
    },
    actions: {
      associate: (name: string, fn: (event: unknown) => unknown) => {
        handle.actions.set(name, fn);
      },
    },
    context: {
      get displayLanguage(): string {
        return handle.displayLanguage;
      },
      get platform(): string {
        return handle.platform;
      },
      get officeTheme(): FakeOfficeTheme | undefined {
        return handle.officeTheme;
      },
      requirements: {
        isSetSupported: (name: string, version?: string) => isSetSupported(handle, name, version),
      },
      ui: {
        displayDialogAsync: (
          url: string,
          _options?: unknown,
          callback?: (result: { status: string; value: unknown }) => void
        ) => {
          handle.dialogs.push({ url });
          callback?.({
            status: "succeeded",
            value: { close: () => undefined, addEventHandler: () => undefined },
          });
        },
      },
    },
  };
  return handle;
}

/**
 * Where clicking a cell leads: the sheet-qualified target of its hyperlink (`range.hyperlink`,
 * a document reference or URL), else of its HYPERLINK formula; null when it leads nowhere. In
 * Excel on the web the HYPERLINK function is valid for web addresses (URLs) only, so there a
 * formula's in-workbook target ("#'会员'!C12") leads nowhere.
 * https://support.microsoft.com/zh-hk/excel/functions/hyperlink-function
 */
export function followLink(
  handle: Pick<FakeExcelHandle, "book" | "platform">,
  sheet: string,
  address: string
): string | null {
  const s = handle.book.sheet(sheet);
  const rect = parseRect(address);
  if (!s || !rect) return null;
  const key = cellKey(rect.row, rect.column);
  const link = s.hyperlinks.get(key);
  if (link !== undefined && link !== "") return link;
  const formula = s.formulas.get(key);
  const parsed = formula === undefined ? null : parseHyperlinkFormula(formula);
  if (!parsed) return null;
  if (parsed.target.startsWith("#")) {
    return handle.platform === "OfficeOnline" ? null : parsed.target.slice(1);
  }
  return /^(https?|mailto|ftp):/i.test(parsed.target) ? parsed.target : null;
}
