/* global Excel, Office */
/**
 * The Office.js workbook host: what the task pane and the ribbon's function command call. One
 * recalculation is one `Excel.run`: read the outline, the layout and the cells (syncs bounded by
 * payload), run the core, write the output sheets (syncs bounded by payload). In the browser demo
 * and in tests the same code runs against the fake Excel installed on globalThis.
 */
import { recalculate } from "../../core";
import type { RecalcStage } from "../../core/types";
import { localIsoDateTime } from "../../core/dates";
import { PRODUCT_VERSION } from "../version";
import { MIN_EXCEL_API, rawCellOf } from "./cells";
import { watchWorkbookChanges } from "./changes";
import { readLastRunXml, writeLastRunXml } from "./last-run";
import { ownedOutputSheets, removeOutputSheets } from "./remove";
import { toHostError } from "./errors";
import {
  HostError,
  type HostRun,
  type RunProgress,
  type SettingsValues,
  type WorkbookHost,
} from "./host";
import {
  buildGrid,
  DEFAULT_READ_BUDGET,
  isSetSupported,
  readCells,
  readLayout,
  readOutline,
  reclaimOrphans,
  SyncCounter,
  type ReadBudget,
} from "./read";
import {
  address,
  findSettingCells,
  isSettingsSheetName,
  rangeCells,
  SETTING_KEYS,
  settingLabel,
  settingsValuesOf,
  settingWrite,
} from "./settings";
import {
  buildOps,
  checkWritable,
  DEFAULT_WRITE_BUDGET,
  planTargets,
  runOps,
  textChecks,
  verifyText,
  type WriteBudget,
} from "./write";

export { HostError } from "./host";
export type { HostRun, RunProgress, SettingsValues, WorkbookChange, WorkbookHost } from "./host";
export { MIN_EXCEL_API } from "./cells";
export { MARKER_PREFIX } from "../../core/markers";

export interface OfficeHostOptions {
  readonly read?: Partial<ReadBudget>;
  readonly write?: Partial<WriteBudget>;
}

/** Share of the progress bar each stage ends at. */
const READ_END = 0.4;
const CHECK_END = 0.6;

function requireExcelApi(): void {
  if (typeof Office === "undefined" || !isSetSupported(MIN_EXCEL_API)) {
    throw new HostError("requirement-set", `ExcelApi ${MIN_EXCEL_API}`);
  }
}

/**
 * Runs a batch, turning Excel's refusals into HostErrors. With `delayForCellEdit` Excel waits
 * until the user leaves cell-edit mode instead of failing the batch (Excel.RunOptions, listed in
 * the ExcelApi 1.5 requirement set, below our minimum of 1.7).
 * https://learn.microsoft.com/javascript/api/excel/excel.runoptions
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit
 */
async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  requireExcelApi();
  try {
    return await Excel.run({ delayForCellEdit: true }, batch);
  } catch (error) {
    throw toHostError(error);
  }
}

function checkStageFraction(stage: RecalcStage, fraction: number): number {
  const order: readonly RecalcStage[] = ["detect", "check", "metrics", "output"];
  const i = order.indexOf(stage);
  return (Math.max(0, i) + Math.min(1, Math.max(0, fraction))) / order.length;
}

async function recalculateInExcel(
  options: { readonly lang?: "zh" | "en"; readonly today: string; readonly now?: Date },
  onProgress: (p: RunProgress) => void,
  budgets: { read: ReadBudget; write: WriteBudget }
): Promise<HostRun> {
  return run(async (context) => {
    const counter = new SyncCounter(context);
    onProgress({ stage: "reading", fraction: 0 });
    const outline = await reclaimOrphans(context, counter, await readOutline(context, counter));
    if (outline.readOnly) throw new HostError("read-only", "the workbook is open read-only");
    const layout = await readLayout(context, counter, outline);
    // One GeneralException on a large sync is taken for a payload error, once per run.
    const payload = { generalRetried: false };
    const cells = await readCells(
      context,
      counter,
      layout,
      budgets.read,
      (f) => onProgress({ stage: "reading", fraction: f * READ_END }),
      payload
    );
    const grid = buildGrid(outline, layout, cells);

    onProgress({ stage: "checking", fraction: READ_END });
    const result = recalculate(grid, {
      today: options.today,
      ...(options.lang ? { lang: options.lang } : {}),
      ownedSheets: [...outline.owned.values()],
      generated: {
        at: localIsoDateTime(options.now ?? new Date()),
        version: PRODUCT_VERSION,
        file: outline.fileName,
      },
      onProgress: (stage, fraction) =>
        onProgress({
          stage: "checking",
          fraction: READ_END + (CHECK_END - READ_END) * checkStageFraction(stage, fraction),
        }),
    });

    onProgress({ stage: "writing", fraction: CHECK_END });
    const targets = planTargets(result.output, outline);
    checkWritable(targets, outline, layout);
    // Typed String cells where ExcelApi 1.16 has valuesAsJson, else values under "@".
    const mode = isSetSupported("1.16") ? "typed" : "values";
    const ops = buildOps(targets, outline, layout, budgets.write, mode);
    await runOps(
      context,
      counter,
      ops,
      budgets.write,
      (f) => onProgress({ stage: "writing", fraction: CHECK_END + (1 - CHECK_END) * f }),
      payload
    );
    await verifyText(
      context,
      counter,
      targets.flatMap((t) => textChecks(t.finalName, t.out, outline.dateSystem)),
      budgets.write
    );
    onProgress({ stage: "done", fraction: 1 });
    return {
      result,
      written: targets.map((t) => ({ key: t.out.key, name: t.finalName })),
      syncs: counter.count,
    };
  });
}

async function findSettingsSheet(context: Excel.RequestContext): Promise<string | null> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  return sheets.items.map((s) => s.name).find(isSettingsSheetName) ?? null;
}

async function dateSystemOf(context: Excel.RequestContext): Promise<1900 | 1904> {
  const epoch = context.workbook.functions.date(1904, 1, 1).load("value");
  await context.sync();
  return epoch.value === 0 ? 1904 : 1900;
}

async function readSettingsInExcel(): Promise<SettingsValues> {
  return run(async (context) => {
    const name = await findSettingsSheet(context);
    const system = await dateSystemOf(context);
    const none: SettingsValues = {
      asOf: null,
      baseYear: null,
      coverageTarget: null,
      duesIncomeThreshold: null,
    };
    if (name === null) return none;
    const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,values,valueTypes,numberFormat");
    await context.sync();
    if (used.isNullObject) return none;
    return settingsValuesOf(
      findSettingCells(rangeCells(used), used.rowIndex, used.columnIndex),
      system
    );
  });
}

async function saveSettingsInExcel(values: SettingsValues): Promise<void> {
  await run(async (context) => {
    const existing = await findSettingsSheet(context);
    const system = await dateSystemOf(context);
    const name = existing ?? "设置";
    const ws = existing
      ? context.workbook.worksheets.getItem(existing)
      : context.workbook.worksheets.add(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,values,valueTypes,numberFormat");
    await context.sync();
    const found = used.isNullObject
      ? []
      : findSettingCells(rangeCells(used), used.rowIndex, used.columnIndex);
    let nextRow = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
    for (const key of SETTING_KEYS) {
      const write = settingWrite(key, values, system);
      const at = found.find((f) => f.key === key);
      if (at) {
        const cell = ws.getRange(address(at.row, at.valueColumn));
        cell.numberFormat = [[write.format]];
        cell.values = [[write.value]];
        continue;
      }
      if (write.value === "") continue;
      const row = ws.getRange(`${address(nextRow, 0)}:${address(nextRow, 1)}`);
      row.numberFormat = [["@", write.format]];
      row.values = [[settingLabel(key), write.value]];
      nextRow += 1;
    }
    await context.sync();
  });
}

/** The WorkbookHost the task pane uses inside Excel (or inside the fake Excel of the demo). */
export function createOfficeHost(options: OfficeHostOptions = {}): WorkbookHost {
  const budgets = {
    read: { ...DEFAULT_READ_BUDGET, ...options.read },
    write: { ...DEFAULT_WRITE_BUDGET, ...options.write },
  };
  return {
    recalculate: (opts, onProgress) => recalculateInExcel(opts, onProgress, budgets),
    readSettings: readSettingsInExcel,
    saveSettings: saveSettingsInExcel,
    selectCell: (sheet, cell) =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      }),
    activateSheet: (name) =>
      run(async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      }),
    watchChanges: watchWorkbookChanges,
    readLastRun: readLastRunXml,
    writeLastRun: writeLastRunXml,
    ownedOutputSheets,
    removeOutputSheets,
  };
}

export { rawCellOf };
