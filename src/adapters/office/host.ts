/**
 * What the task pane needs from a workbook host. The Office.js adapter implements it on top of
 * `Excel.run`; the browser demo runs the same adapter against the in-memory fake of Excel.
 */
import type { Lang, OutputSheetKey, RecalcResult } from "../../core/types";

export type RunStage = "reading" | "checking" | "writing" | "done";

export interface RunProgress {
  readonly stage: RunStage;
  /** 0..1 over the whole run. */
  readonly fraction: number;
}

/** The four settings a user can change from the task pane; null means "use the default". */
export interface SettingsValues {
  readonly asOf: string | null; // YYYY-MM-DD
  readonly baseYear: number | null;
  readonly coverageTarget: number | null; // fraction, 0.1 = 10%
  readonly duesIncomeThreshold: number | null; // yuan
}

export interface HostRun {
  readonly result: RecalcResult;
  /** The output sheets as written (names may carry a suffix when a user's sheet had the name). */
  readonly written: ReadonlyArray<{ readonly key: OutputSheetKey; readonly name: string }>;
  /** Round trips (`context.sync()` calls) the run took. */
  readonly syncs: number;
}

export type HostErrorCode =
  | "cell-edit-mode"
  | "protected"
  | "read-only"
  | "requirement-set"
  | "payload"
  | "text-became-formula"
  // another recalculation holds the workbook's lock (lock.ts)
  | "busy"
  | "unknown";

/** Excel's refusals, turned into something the task pane can explain. */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    readonly detail: string
  ) {
    super(`${code}: ${detail}`);
    this.name = "HostError";
  }
}

/** A cell edit in the workbook, made by someone other than the add-in. */
export interface WorkbookChange {
  /** The sheet's name; null when it could not be read. */
  readonly sheet: string | null;
  /** The changed range ("C12" or "A1:B3"), local to the sheet. */
  readonly address: string;
}

export interface WorkbookHost {
  recalculate(
    options: {
      readonly lang?: Lang;
      readonly today: string;
      /** The run's clock, for the output sheets' generated-at line; default: the machine's. */
      readonly now?: Date;
    },
    onProgress: (p: RunProgress) => void
  ): Promise<HostRun>;
  readSettings(): Promise<SettingsValues>;
  /** Writes the values into the workbook's 设置 sheet (created on first save). */
  saveSettings(values: SettingsValues): Promise<void>;
  selectCell(sheet: string, cell: string): Promise<void>;
  activateSheet(name: string): Promise<void>;
  /**
   * Calls `listener` on each change to the workbook's cells (not the add-in's own); resolves with
   * a function that stops listening, or null where the host raises no change events.
   */
  watchChanges?(listener: (change: WorkbookChange) => void): Promise<(() => Promise<void>) | null>;
  /** The last run's record that the add-in keeps in the workbook (XML), or null. */
  readLastRun?(): Promise<string | null>;
  /** Keeps a run's record in the workbook; false where the host cannot keep one. */
  writeLastRun?(xml: string): Promise<boolean>;
  /** The output sheets the add-in owns, by name (what `removeOutputSheets` deletes). */
  ownedOutputSheets?(): Promise<string[]>;
  /** Deletes the output sheets the add-in owns, never an input sheet; resolves with their names. */
  removeOutputSheets?(): Promise<string[]>;
}
