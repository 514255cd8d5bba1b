/**
 * Finding the input sheets (SPEC §1): by name first, then by header row; finding each sheet's
 * header row and mapping its columns to fields.
 */
import { isBlankCell, readText } from "./cells";
import { problem } from "./problems";
import {
  DATA_SHEETS,
  SETTINGS,
  type AnyFieldDef,
  type AnySheetDef,
  type FieldDef,
  type FieldKey,
  type FieldKeyByKind,
  type SheetDef,
} from "./schema";
import { headerlessTableBelow } from "./tables";
import { columnLetters } from "./a1";
import { normalizeKey } from "./text";
import type { ProblemDraft, RawCell, SheetGrid, SheetKind, TableArea } from "./types";

/** Rows scanned for a header row, from the top of the used range. */
export const HEADER_SCAN_ROWS = 20;

/**
 * A found input sheet with its header and column map. Column indexes are 0-based into grid rows.
 * `Kind` is the sheet's kind (Detection.sheets says which), so that its field keys are typed.
 */
export interface DetectedSheet<Kind extends SheetKind = SheetKind> {
  readonly def: SheetDef<Kind, FieldKeyByKind<Kind>>;
  readonly grid: SheetGrid;
  /** Index into grid.rows of the header row, or -1 when no header row was recognised. */
  readonly headerIndex: number;
  /** Field key → 0-based index into a grid row. */
  readonly columns: ReadonlyMap<FieldKeyByKind<Kind>, number>;
  /** Required fields without a column: the sheet's rows are not read. */
  readonly missing: readonly FieldDef<FieldKeyByKind<Kind>>[];
  /** Index into grid.rows of the first and (exclusive) last data row. */
  readonly dataStart: number;
  readonly dataEnd: number;
  /** Grid columns that belong to the data (an Excel table's columns), as [first, lastExclusive). */
  readonly columnRange: readonly [number, number];
  /**
   * The same columns as the row reader uses them: an Excel table's, else [0, ALL_COLUMNS), which
   * reads a row to its end as [0, width) would, without measuring the width of every row first.
   */
  readonly dataColumns: readonly [number, number];
}

/** Past the last column of any row (Excel has 16,384; a small integer): a row is read to its end. */
const ALL_COLUMNS = 1 << 30;

/** The widest row's length (touches every row: computed only when asked for). */
function widthOf(grid: SheetGrid): number {
  let width = 0;
  for (const r of grid.rows) width = Math.max(width, r?.length ?? 0);
  return width;
}

/**
 * A detected sheet; `columnRange` without a table is measured (every row's length) only when
 * asked for: reading the rows does not need it (dataColumns).
 */
class Detected implements DetectedSheet {
  /** The widest row's length once measured, else -1. */
  private width = -1;
  readonly dataColumns: readonly [number, number];

  constructor(
    readonly def: AnySheetDef,
    readonly grid: SheetGrid,
    readonly headerIndex: number,
    readonly columns: ReadonlyMap<FieldKey, number>,
    readonly missing: readonly AnyFieldDef[],
    readonly dataStart: number,
    readonly dataEnd: number,
    /** An Excel table's columns, when the table gave the header. */
    private readonly tableColumns: boolean,
    from: number,
    to: number
  ) {
    this.dataColumns = [from, to];
  }

  get columnRange(): readonly [number, number] {
    if (this.tableColumns) return this.dataColumns;
    if (this.width < 0) this.width = widthOf(this.grid);
    return [0, this.width];
  }
}

/** The found sheets, each typed by its kind. */
export type DetectedSheets = { readonly [Kind in SheetKind]?: DetectedSheet<Kind> };

export interface Detection {
  readonly sheets: DetectedSheets;
  readonly problems: ProblemDraft[];
}

function firstRowOf(grid: SheetGrid): number {
  return grid.firstRow ?? 1;
}

function firstColumnOf(grid: SheetGrid): number {
  return grid.firstColumn ?? 1;
}

/** The worksheet row number (1-based) of a grid row index. */
export function worksheetRow(grid: SheetGrid, index: number): number {
  return firstRowOf(grid) + index;
}

/** The column letter of a grid column index. */
export function worksheetColumn(grid: SheetGrid, index: number): string {
  return columnLetters(firstColumnOf(grid) + index);
}

function aliasMap(def: AnySheetDef): Map<string, AnyFieldDef> {
  const map = new Map<string, AnyFieldDef>();
  for (const field of def.fields) {
    for (const alias of field.aliases) {
      const key = normalizeKey(alias);
      if (!map.has(key)) map.set(key, field);
    }
  }
  return map;
}

const ALIASES = new Map<SheetKind, Map<string, AnyFieldDef>>(
  [...DATA_SHEETS, SETTINGS].map((def) => [def.kind, aliasMap(def)])
);

function aliasesOf(def: AnySheetDef): Map<string, AnyFieldDef> {
  return ALIASES.get(def.kind) ?? aliasMap(def);
}

function headerKey(cell: RawCell): string | null {
  if (isBlankCell(cell)) return null;
  const text = readText(cell);
  return text.ok ? normalizeKey(text.value) : null;
}

interface HeaderMatch {
  readonly columns: Map<FieldKey, number>;
  readonly duplicates: Array<{ field: AnyFieldDef; first: number; second: number }>;
  readonly requiredFound: number;
}

/** Maps one row's cells (within [from, to)) to fields by alias. */
export function matchHeader(
  def: AnySheetDef,
  row: ReadonlyArray<RawCell> | undefined,
  from = 0,
  to = row?.length ?? 0
): HeaderMatch {
  const columns = new Map<FieldKey, number>();
  const duplicates: HeaderMatch["duplicates"] = [];
  let requiredFound = 0;
  if (row) {
    const aliases = aliasesOf(def);
    for (let c = from; c < Math.min(to, row.length); c++) {
      const key = headerKey(row[c]);
      if (key === null) continue;
      const field = aliases.get(key);
      if (!field) continue;
      const first = columns.get(field.key);
      if (first !== undefined) {
        duplicates.push({ field, first, second: c });
        continue;
      }
      columns.set(field.key, c);
      if (field.required) requiredFound++;
    }
  }
  return { columns, duplicates, requiredFound };
}

function requiredCount(def: AnySheetDef): number {
  return def.fields.filter((f) => f.required).length;
}

/** At least half of the sheet's required columns are recognised. */
function isHeader(def: AnySheetDef, match: HeaderMatch): boolean {
  return match.requiredFound > 0 && match.requiredFound * 2 >= requiredCount(def);
}

interface HeaderChoice {
  readonly index: number;
  readonly match: HeaderMatch;
  /** The table that holds the data: its last data row ends them. */
  readonly table: TableArea | null;
  /** True when the data's columns are the table's (a table with a header row gave the header). */
  readonly tableColumns: boolean;
}

function isEmptyRow(row: ReadonlyArray<RawCell> | undefined): boolean {
  if (!row) return true;
  for (const cell of row) if (!isBlankCell(cell)) return false;
  return true;
}

/** usedRangeStart's answer for each grid, found once (detection asks for each kind and sheet). */
const USED_RANGE_START = new WeakMap<SheetGrid, number>();

/**
 * Index into grid.rows of the used range's first row: the first row that is not completely empty
 * (blank as everywhere, isBlankCell). The .xlsx adapter anchors its grid at A1, with the empty
 * rows above the used range; Office.js hands over the used range itself, whose first row is then
 * index 0. Either way the header is looked for from the same row.
 */
function usedRangeStart(grid: SheetGrid): number {
  const known = USED_RANGE_START.get(grid);
  if (known !== undefined) return known;
  let start = 0;
  while (start < grid.rows.length && isEmptyRow(grid.rows[start])) start++;
  USED_RANGE_START.set(grid, start);
  return start;
}

/**
 * The usual search, when no table's header row qualifies: the first qualifying row within the
 * first 20 of the used range; else, for each table without a header row (wherever it sits), the
 * row right above it and its own first row, best match first.
 */
function searchHeader(
  def: AnySheetDef,
  grid: SheetGrid
): { index: number; match: HeaderMatch } | null {
  const start = usedRangeStart(grid);
  const limit = Math.min(grid.rows.length, start + HEADER_SCAN_ROWS);
  for (let i = start; i < limit; i++) {
    const match = matchHeader(def, grid.rows[i]);
    if (isHeader(def, match)) return { index: i, match };
  }
  const top = firstRowOf(grid);
  let best: { index: number; match: HeaderMatch } | null = null;
  for (const table of grid.tables ?? []) {
    if (table.headerRow !== null) continue;
    for (const index of [table.firstRow - 1 - top, table.firstRow - top]) {
      if (index < limit || index >= grid.rows.length) continue;
      const match = matchHeader(def, grid.rows[index]);
      if (isHeader(def, match) && (!best || match.requiredFound > best.match.requiredFound)) {
        best = { index, match };
      }
    }
  }
  return best;
}

/**
 * The header row. A table's header row when a table with one holds the data (the best match among
 * them); else the usual search (`searchHeader`), and then a table without a header row may still
 * hold the data below the header found (`headerlessTableBelow`): its totals row and what lies
 * below it are not data.
 */
export function findHeader(def: AnySheetDef, grid: SheetGrid): HeaderChoice | null {
  const top = firstRowOf(grid);
  const left = firstColumnOf(grid);
  let best: HeaderChoice | null = null;
  for (const table of grid.tables ?? []) {
    if (table.headerRow === null) continue;
    const index = table.headerRow - top;
    const match = matchHeader(
      def,
      grid.rows[index],
      table.firstColumn - left,
      table.lastColumn - left + 1
    );
    if (isHeader(def, match) && (!best || match.requiredFound > best.match.requiredFound)) {
      best = { index, match, table, tableColumns: true };
    }
  }
  if (best) return best;
  const found = searchHeader(def, grid);
  if (!found) return null;
  const columns: number[] = [];
  for (const c of found.match.columns.values()) columns.push(c + left);
  const holder = headerlessTableBelow(grid.tables ?? [], top + found.index, columns);
  return { ...found, table: holder, tableColumns: false };
}

function detectedFrom(
  def: AnySheetDef,
  grid: SheetGrid,
  choice: HeaderChoice | null
): DetectedSheet {
  if (!choice) {
    const missing = def.fields.filter((f) => f.required);
    return new Detected(
      def,
      grid,
      -1,
      new Map(),
      missing,
      0,
      grid.rows.length,
      false,
      0,
      ALL_COLUMNS
    );
  }
  const { index, match, table } = choice;
  const left = firstColumnOf(grid);
  const top = firstRowOf(grid);
  const inTable = table !== null && choice.tableColumns;
  return new Detected(
    def,
    grid,
    index,
    match.columns,
    def.fields.filter((f) => f.required && !match.columns.has(f.key)),
    index + 1,
    table
      ? Math.max(index + 1, Math.min(grid.rows.length, table.lastRow - top + 1))
      : grid.rows.length,
    inTable,
    inTable ? table.firstColumn - left : 0,
    inTable ? table.lastColumn - left + 1 : ALL_COLUMNS
  );
}

/** Problems about a sheet's header: missing and duplicated columns. */
function headerProblems(
  sheet: DetectedSheet,
  duplicates: HeaderMatch["duplicates"]
): ProblemDraft[] {
  const problems: ProblemDraft[] = [];
  const kind = sheet.def.kind;
  const headerRow = sheet.headerIndex >= 0 ? worksheetRow(sheet.grid, sheet.headerIndex) : null;
  for (const field of sheet.missing) {
    problems.push(
      problem("missing-column", {
        kind,
        sheet: sheet.grid.name,
        row: headerRow,
        column: null,
        value: null,
        params: { kind, field: field.key },
      })
    );
  }
  for (const dup of duplicates) {
    const header = sheet.grid.rows[sheet.headerIndex]?.[dup.second];
    const text = header === undefined || header === null ? null : readText(header);
    problems.push(
      problem("duplicate-column", {
        kind,
        sheet: sheet.grid.name,
        row: headerRow,
        column: worksheetColumn(sheet.grid, dup.second),
        value: text?.ok ? text.value : null,
        params: { kind, field: dup.field.key, firstColumn: worksheetColumn(sheet.grid, dup.first) },
      })
    );
  }
  return problems;
}

function nameMatches(def: AnySheetDef, name: string): boolean {
  const key = normalizeKey(name);
  return def.aliases.some((alias) => normalizeKey(alias) === key);
}

/**
 * Finds every input sheet. Sheets the recalculation created itself (`owned`) are never inputs.
 * By name first (in workbook order, the first sheet that carries an alias wins); the kinds still
 * missing are then looked for by header row among the sheets left, best match first.
 */
export function detectSheets(
  sheets: readonly SheetGrid[],
  owned: ReadonlySet<string>,
  outputNames: readonly string[] = []
): Detection {
  const candidates = sheets.filter((s) => !owned.has(s.name));
  // A sheet named like an output sheet ("商会明细", "Summary (2)") whose marker was lost, in a copy
  // of a copy, is a report and not an input: it is not looked at by header.
  const reportLike = (name: string): boolean => {
    const base = normalizeKey(name.replace(/\s*\(\d+\)\s*$/, ""));
    return outputNames.some((n) => normalizeKey(n) === base);
  };
  const taken = new Set<SheetGrid>();
  const found: Partial<Record<SheetKind, { grid: SheetGrid; choice: HeaderChoice | null }>> = {};

  for (const def of [...DATA_SHEETS, SETTINGS]) {
    const grid = candidates.find((s) => !taken.has(s) && nameMatches(def, s.name));
    if (grid) {
      taken.add(grid);
      found[def.kind] = { grid, choice: def === SETTINGS ? null : findHeader(def, grid) };
    }
  }

  // By header: repeatedly take the best (sheet, kind) pair among what is left.
  for (;;) {
    let best: { def: AnySheetDef; grid: SheetGrid; choice: HeaderChoice } | null = null;
    for (const def of DATA_SHEETS) {
      if (found[def.kind]) continue;
      for (const grid of candidates) {
        if (taken.has(grid) || reportLike(grid.name)) continue;
        const choice = findHeader(def, grid);
        if (!choice) continue;
        const score = choice.match.requiredFound / requiredCount(def);
        const bestScore = best ? best.choice.match.requiredFound / requiredCount(best.def) : -1;
        if (score > bestScore) best = { def, grid, choice };
      }
    }
    if (!best) break;
    taken.add(best.grid);
    found[best.def.kind] = { grid: best.grid, choice: best.choice };
  }

  // Each sheet is stored under its def's kind, whose table gave its keys: what DetectedSheets says.
  const result: Partial<Record<SheetKind, DetectedSheet>> = {};
  const problems: ProblemDraft[] = [];
  for (const def of [...DATA_SHEETS, SETTINGS]) {
    const hit = found[def.kind];
    if (!hit) {
      if (def !== SETTINGS) {
        // SPEC §3: a missing 会员 sheet is an error, any other a warning.
        problems.push(
          problem("missing-sheet", def.kind === "members" ? "error" : "warning", {
            kind: def.kind,
            sheet: "",
            row: null,
            column: null,
            value: null,
            params: { kind: def.kind },
          })
        );
      }
      continue;
    }
    const detected = detectedFrom(def, hit.grid, hit.choice);
    result[def.kind] = detected;
    if (def === SETTINGS) continue;
    for (const p of headerProblems(detected, hit.choice?.match.duplicates ?? [])) problems.push(p);
  }
  return { sheets: result as DetectedSheets, problems };
}
