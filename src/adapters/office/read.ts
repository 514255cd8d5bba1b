/* global Excel, Office */
/**
 * Reading the workbook through Office.js in as few round trips as the payload allows:
 *  1. one sync for the workbook's outline (sheets, names, tables, protection, date system);
 *  2. one sync for every input sheet's used range, the tables' ranges and the owned sheets' state
 *     (whether a table shows its header and totals rows comes with the outline);
 *  3. then the cells (values, valueTypes, numberFormat) in row blocks packed into syncs of at most
 *     `responseBudget` estimated bytes, several sheets per sync when they fit; a payload error
 *     halves the estimate and retries the same rows.
 * Owned output sheets are not read: they are outputs, and the core never takes them as input.
 */
import { findOwnedSheets, reclaimCandidates, reclaimSheets } from "../../core/markers";
import { tableArea } from "../../core/tables";
import type { OutputSheetKey, SheetGrid, TableArea, WorkbookGrid } from "../../core/types";
import { payloadBytes, rawCellOf } from "./cells";
import { isPayloadError, officeErrorCode } from "./errors";
import { HostError } from "./host";

/** Counts the round trips of one Excel.run. */
export class SyncCounter {
  count = 0;
  constructor(private readonly context: Excel.RequestContext) {}
  async sync(): Promise<void> {
    this.count += 1;
    await this.context.sync();
  }
}

export function isSetSupported(version: string): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}

/** An Excel table as the outline knows it: whether it shows its header and totals rows. */
export interface TableInfo {
  readonly name: string;
  readonly showHeaders: boolean;
  readonly showTotals: boolean;
}

export interface WorkbookOutline {
  /** Every sheet's name, in tab order. */
  readonly sheets: readonly string[];
  /** Output sheets by key, from the ownership markers that still point at a sheet. */
  readonly owned: ReadonlyMap<OutputSheetKey, string>;
  /** Markers whose sheet is gone (#REF!) or that point nowhere: deleted on the next write. */
  readonly staleMarkers: readonly string[];
  /** Owned sheets whose marker was gone (reclaimed by their name and content): marked again. */
  readonly reclaimed: ReadonlySet<OutputSheetKey>;
  readonly dateSystem: 1900 | 1904;
  readonly structureProtected: boolean;
  readonly readOnly: boolean;
  /** The workbook's file name (Workbook.name), where the host tells it. */
  readonly fileName: string | null;
  readonly tables: readonly TableInfo[];
}

/**
 * Sync 1: the workbook's outline. Ownership follows the core's rule (`findOwnedSheets`);
 * `workbook.names` holds only workbook-scoped names, so no marker here is sheet-scoped.
 */
export async function readOutline(
  context: Excel.RequestContext,
  counter: SyncCounter
): Promise<WorkbookOutline> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name");
  const names = wb.names.load("items/name,items/type,items/value");
  const tables = wb.tables.load("items/name,items/showHeaders,items/showTotals");
  const protection = wb.protection.load("protected");
  // DATE(1904,1,1) is serial 0 in the 1904 date system and 1462 in the 1900 system; the
  // workbook's own setting (Workbook.use1904DateSystem) is not in any released requirement set.
  const epoch = wb.functions.date(1904, 1, 1).load("value");
  const canReadOnly = isSetSupported("1.8");
  if (canReadOnly) wb.load("readOnly");
  // Workbook.name (ExcelApi 1.7), for the output sheets' generated-at line: the file's name
  // https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-name-member
  const canName = isSetSupported("1.7");
  if (canName) wb.load("name");
  await counter.sync();

  const sheetNames = sheets.items.map((s) => s.name);
  const { owned, stale } = findOwnedSheets(
    names.items.map((item) => ({
      name: item.name,
      reference: item.type === "Range" && typeof item.value === "string" ? item.value : "",
    })),
    sheetNames
  );
  return {
    sheets: sheetNames,
    owned,
    staleMarkers: stale,
    reclaimed: new Set(),
    dateSystem: epoch.value === 0 ? 1904 : 1900,
    structureProtected: protection.protected,
    readOnly: canReadOnly ? wb.readOnly : false,
    fileName: canName && wb.name !== "" ? wb.name : null,
    tables: tables.items.map((t) => ({
      name: t.name,
      showHeaders: t.showHeaders,
      showTotals: t.showTotals,
    })),
  };
}

/** Columns of a candidate sheet's first row read to recognise it (the widest header row fits). */
const HEAD_COLUMNS = 16;

/**
 * For keys without a marker: reads the first row of each sheet named as that key's output and
 * reclaims the ones recognisably ours (core/markers.ts `reclaimSheets`), so that a marker a user
 * deleted in Name Manager never makes the run write a second copy beside the first. One sync,
 * and only when there is a candidate.
 */
export async function reclaimOrphans(
  context: Excel.RequestContext,
  counter: SyncCounter,
  outline: WorkbookOutline
): Promise<WorkbookOutline> {
  const candidates = reclaimCandidates(outline.owned, outline.sheets);
  if (candidates.length === 0) return outline;
  const heads = candidates.map((c) => {
    const range = context.workbook.worksheets
      .getItem(c.sheet)
      .getRangeByIndexes(0, 0, 1, HEAD_COLUMNS)
      .load("values");
    return { ...c, range };
  });
  await counter.sync();
  const reclaimed = reclaimSheets(
    outline.owned,
    heads.map((h) => ({ key: h.key, name: h.sheet, firstRow: h.range.values?.[0] ?? [] }))
  );
  if (reclaimed.size === 0) return outline;
  const owned = new Map(outline.owned);
  for (const [key, sheet] of reclaimed) owned.set(key, sheet);
  return { ...outline, owned, reclaimed: new Set(reclaimed.keys()) };
}

interface UsedArea {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** What the write phase needs to know about an owned sheet before replacing its contents. */
export interface OwnedSheetState {
  readonly protected: boolean;
  /** Charts on the sheet, to be deleted before new ones are drawn. */
  readonly charts: readonly Excel.Chart[];
  /** The sheet has an AutoFilter (known from ExcelApi 1.9; false before), to be removed. */
  readonly filtered: boolean;
}

export interface SheetLayout {
  readonly used: readonly UsedArea[];
  readonly tables: ReadonlyMap<string, TableArea[]>;
  readonly owned: ReadonlyMap<string, OwnedSheetState>;
}

/** Sync 2: used ranges of the input sheets, the tables' areas, and the owned sheets' state. */
export async function readLayout(
  context: Excel.RequestContext,
  counter: SyncCounter,
  outline: WorkbookOutline
): Promise<SheetLayout> {
  const wb = context.workbook;
  const ownedNames = new Set([...outline.owned.values()]);
  const usedProxies: Array<{ sheet: string; range: Excel.Range }> = [];
  const ownedProxies: Array<{
    sheet: string;
    protection: Excel.WorksheetProtection;
    charts: Excel.ChartCollection;
    filter: Excel.AutoFilter | null;
  }> = [];
  // Worksheet.autoFilter is ExcelApi 1.9; before it, the add-in writes no filter either
  const canFilter = isSetSupported("1.9");
  for (const name of outline.sheets) {
    const ws = wb.worksheets.getItem(name);
    if (ownedNames.has(name)) {
      ownedProxies.push({
        sheet: name,
        protection: ws.protection.load("protected"),
        charts: ws.charts.load("items/name"),
        filter: canFilter ? ws.autoFilter.load("enabled") : null,
      });
      continue;
    }
    const range = ws.getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    usedProxies.push({ sheet: name, range });
  }
  const tableProxies = outline.tables.map((info) => {
    const table = wb.tables.getItem(info.name);
    const sheet = table.worksheet.load("name");
    const range = table.getRange().load("rowIndex,columnIndex,rowCount,columnCount");
    return { info, sheet, range };
  });
  await counter.sync();

  const used = usedProxies
    .filter((u) => !u.range.isNullObject)
    .map((u) => ({
      sheet: u.sheet,
      row: u.range.rowIndex,
      column: u.range.columnIndex,
      rowCount: u.range.rowCount,
      columnCount: u.range.columnCount,
    }));
  const tables = new Map<string, TableArea[]>();
  for (const t of tableProxies) {
    const list = tables.get(t.sheet.name) ?? [];
    // getRange() is the whole table: its header row when shown, the data, its totals row when
    // shown. What of it is data is the core's rule.
    list.push(
      tableArea({
        name: t.info.name,
        firstRow: t.range.rowIndex + 1,
        lastRow: t.range.rowIndex + t.range.rowCount,
        firstColumn: t.range.columnIndex + 1,
        lastColumn: t.range.columnIndex + t.range.columnCount,
        headerRowCount: t.info.showHeaders ? 1 : 0,
        totalsRowCount: t.info.showTotals ? 1 : 0,
      })
    );
    tables.set(t.sheet.name, list);
  }
  const owned = new Map<string, OwnedSheetState>();
  for (const o of ownedProxies) {
    owned.set(o.sheet, {
      protected: o.protection.protected,
      charts: o.charts.items,
      filtered: o.filter?.enabled ?? false,
    });
  }
  return { used, tables, owned };
}

export interface ReadBudget {
  /** Largest estimated response per sync, in bytes (Excel on the web refuses more than 5 MB). */
  readonly responseBytes: number;
  /** First guess of the bytes a cell takes in a response, before any block was measured. */
  readonly bytesPerCell: number;
}

export const DEFAULT_READ_BUDGET: ReadBudget = { responseBytes: 4_000_000, bytesPerCell: 72 };

/**
 * On all platforms a range is limited to five million cells for get operations, and beyond that
 * `Range.values` may come back `null` instead of an error: no block asks for more, and a block
 * whose values are null is read again in smaller blocks.
 * https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices
 */
export const MAX_CELLS_PER_GET = 5_000_000;

/** A GeneralException on a read sync planned at least this large is taken for a payload error once. */
const GENERAL_EXCEPTION_MIN_RESPONSE = 64_000;

/** Whether a block came back without its data (values, valueTypes or numberFormat null). */
function cameBackEmpty(block: PendingBlock): boolean {
  const r = block.range as unknown as Record<string, unknown>;
  return r.values == null || r.valueTypes == null || r.numberFormat == null;
}

interface PendingBlock {
  readonly area: UsedArea;
  /** 0-based offset within the used area. */
  readonly offset: number;
  readonly rowCount: number;
  readonly range: Excel.Range;
}

/** Bytes per cell actually seen in a block's response (pessimistic count), with a 10% margin. */
function measuredBytesPerCell(block: PendingBlock): number {
  const cells = block.rowCount * block.area.columnCount;
  const bytes =
    payloadBytes(block.range.values) +
    payloadBytes(block.range.valueTypes) +
    payloadBytes(block.range.numberFormat);
  return Math.max(8, (bytes / Math.max(1, cells)) * 1.1);
}

function toRows(block: PendingBlock): SheetGrid["rows"] {
  const values = block.range.values;
  const types = block.range.valueTypes;
  const formats = block.range.numberFormat;
  return values.map((line, r) => line.map((v, c) => rawCellOf(v, types[r]?.[c], formats[r]?.[c])));
}

/**
 * Sync 3 and on: the cells of every used area, in row blocks. Each sync carries as many blocks
 * (of one or several sheets) as fit in the response budget by the current estimate of bytes per
 * cell, which is measured per sheet after each block. A payload error doubles the estimate and
 * retries the same rows; a single row that still does not fit is a HostError("payload").
 */
export async function readCells(
  context: Excel.RequestContext,
  counter: SyncCounter,
  layout: SheetLayout,
  budget: ReadBudget,
  onProgress: (fraction: number) => void,
  state: { generalRetried: boolean } = { generalRetried: false }
): Promise<Map<string, SheetGrid["rows"][number][]>> {
  const rows = new Map<string, SheetGrid["rows"][number][]>();
  const next = new Map<string, number>();
  const estimate = new Map<string, number>();
  let fallback = budget.bytesPerCell;
  // Halved for the rest of the run after a GeneralException taken for a payload refusal.
  let limit = budget.responseBytes;
  const totalCells = layout.used.reduce((s, a) => s + a.rowCount * a.columnCount, 0);
  let doneCells = 0;
  for (const area of layout.used) {
    rows.set(area.sheet, []);
    next.set(area.sheet, 0);
  }
  const remaining = (): UsedArea[] =>
    layout.used.filter((a) => (next.get(a.sheet) ?? 0) < a.rowCount);

  while (remaining().length > 0) {
    const blocks: PendingBlock[] = [];
    let planned = 0;
    for (const area of remaining()) {
      const perRow = area.columnCount * (estimate.get(area.sheet) ?? fallback);
      const room = limit - planned;
      const offset = next.get(area.sheet) ?? 0;
      let take = Math.min(
        area.rowCount - offset,
        Math.floor(room / perRow),
        Math.floor(MAX_CELLS_PER_GET / Math.max(1, area.columnCount))
      );
      if (take < 1) {
        if (blocks.length > 0) break;
        take = 1;
      }
      const ws = context.workbook.worksheets.getItem(area.sheet);
      const range = ws.getRangeByIndexes(area.row + offset, area.column, take, area.columnCount);
      range.load("values,valueTypes,numberFormat");
      blocks.push({ area, offset, rowCount: take, range });
      planned += take * perRow;
      if (planned >= limit) break;
    }
    let refused = false;
    try {
      await counter.sync();
      // Past five million cells Range.values may be null rather than an error (see above).
      refused = blocks.some(cameBackEmpty);
    } catch (error) {
      const general =
        officeErrorCode(error) === "GeneralException" &&
        !state.generalRetried &&
        planned >= GENERAL_EXCEPTION_MIN_RESPONSE;
      if (general) {
        state.generalRetried = true;
        limit = Math.max(1, Math.floor(limit / 2));
      } else if (!isPayloadError(error)) throw error;
      refused = true;
    }
    if (refused) {
      if (blocks.length === 1 && blocks[0]?.rowCount === 1) {
        throw new HostError(
          "payload",
          `one row of "${blocks[0].area.sheet}" is larger than Excel can send`
        );
      }
      for (const b of blocks) {
        estimate.set(b.area.sheet, (estimate.get(b.area.sheet) ?? fallback) * 2);
      }
      fallback *= 2;
      continue;
    }
    for (const b of blocks) {
      const list = rows.get(b.area.sheet) as SheetGrid["rows"][number][];
      for (const line of toRows(b)) list.push(line);
      next.set(b.area.sheet, b.offset + b.rowCount);
      estimate.set(b.area.sheet, measuredBytesPerCell(b));
      doneCells += b.rowCount * b.area.columnCount;
    }
    onProgress(totalCells === 0 ? 1 : doneCells / totalCells);
  }
  return rows;
}

/** The grid handed to the core: every non-owned sheet, empty ones included (for detection by name). */
export function buildGrid(
  outline: WorkbookOutline,
  layout: SheetLayout,
  cells: Map<string, SheetGrid["rows"][number][]>
): WorkbookGrid {
  const ownedNames = new Set([...outline.owned.values()]);
  const sheets: SheetGrid[] = [];
  for (const name of outline.sheets) {
    if (ownedNames.has(name)) continue;
    const area = layout.used.find((a) => a.sheet === name);
    const tables = layout.tables.get(name);
    sheets.push({
      name,
      rows: cells.get(name) ?? [],
      firstRow: area ? area.row + 1 : 1,
      firstColumn: area ? area.column + 1 : 1,
      ...(tables ? { tables } : {}),
    });
  }
  return { sheets, dateSystem: outline.dateSystem };
}
