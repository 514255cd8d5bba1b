/** The optional 设置 sheet (SPEC §1.5): a name and a value a row. */
import {
  isBlankCell,
  rawText,
  readDate,
  readNumber,
  readPercent,
  readText,
  readYear,
} from "./cells";
import { dayFromIso, isoOfDay, yearOfDay } from "./dates";
import type { DetectedSheet } from "./detect";
import { worksheetColumn, worksheetRow } from "./detect";
import { problem } from "./problems";
import { SETTINGS } from "./schema";
import { normalizeKey } from "./text";
import type { DateSystem, Day, ProblemDraft, RawCell, Settings } from "./types";

export const DEFAULT_COVERAGE_TARGET = 0.1;
export const DEFAULT_DUES_THRESHOLD = 500_000;
export const BASE_YEAR_OFFSET = 3;

const NAME_TO_KEY = new Map<string, string>(
  SETTINGS.fields.flatMap((f) => f.aliases.map((a) => [normalizeKey(a), f.key] as const))
);

/** A row of the 设置 sheet that names a setting, in indexes of the rows scanned (0-based). */
export interface SettingRow {
  readonly key: string;
  /** The row's index among the rows scanned. */
  readonly row: number;
  /** The index of the cell naming the setting; its value is the cell to its right. */
  readonly nameColumn: number;
  /** The value cell. */
  readonly cell: RawCell;
}

/**
 * The one scan of the 设置 sheet, for the reader here and for the task pane's save: in each row,
 * the first cell that is not blank (`isBlankCell`: a cell of spaces is blank) names a setting by
 * any alias, and the cell to its right holds the value. A setting named again lower down keeps
 * its first row.
 */
export function scanSettingRows(
  rows: ReadonlyArray<ReadonlyArray<RawCell> | undefined>
): SettingRow[] {
  const found: SettingRow[] = [];
  const seen = new Set<string>();
  rows.forEach((line, i) => {
    if (!line) return;
    const c = line.findIndex((cell) => !isBlankCell(cell));
    if (c < 0) return;
    const name = readText(line[c]);
    const key = name.ok ? NAME_TO_KEY.get(normalizeKey(name.value)) : undefined;
    if (key === undefined || seen.has(key)) return;
    seen.add(key);
    found.push({ key, row: i, nameColumn: c, cell: line[c + 1] });
  });
  return found;
}

interface SettingCell {
  readonly key: string;
  readonly cell: RawCell;
  readonly row: number;
  readonly column: string;
}

/** The settings of a detected sheet, at their worksheet row and value column. */
function settingCells(sheet: DetectedSheet): SettingCell[] {
  return scanSettingRows(sheet.grid.rows).map((at) => ({
    key: at.key,
    cell: at.cell,
    row: worksheetRow(sheet.grid, at.row),
    column: worksheetColumn(sheet.grid, at.nameColumn + 1),
  }));
}

export interface SettingsRead {
  readonly settings: Settings;
  readonly problems: ProblemDraft[];
}

/**
 * Reads the settings, falling back to the defaults (with a `bad-setting` warning for a value that
 * cannot be read). `asOfOverride` (the CLI's --as-of) wins over the sheet.
 */
export function readSettings(
  sheet: DetectedSheet | undefined,
  system: DateSystem,
  today: Day,
  asOfOverride: Day | null
): SettingsRead {
  const problems: ProblemDraft[] = [];
  const cells = sheet ? settingCells(sheet) : [];
  const get = (key: string): SettingCell | undefined => cells.find((c) => c.key === key);
  const bad = (at: SettingCell, defaultValue: string): void => {
    problems.push(
      problem("bad-setting", {
        kind: "settings",
        sheet: sheet?.grid.name ?? "",
        row: at.row,
        column: at.column,
        value: rawText(at.cell, system),
        params: { setting: at.key, defaultValue },
      })
    );
  };

  let asOf = asOfOverride ?? today;
  const asOfCell = get("asOf");
  if (asOfOverride === null && asOfCell && !isBlankCell(asOfCell.cell)) {
    const read = readDate(asOfCell.cell, system);
    if (read.ok) asOf = read.value;
    else bad(asOfCell, isoOfDay(today));
  }
  const year = yearOfDay(asOf);

  let baseYear = year - BASE_YEAR_OFFSET;
  const baseCell = get("baseYear");
  if (baseCell && !isBlankCell(baseCell.cell)) {
    const read = readYear(baseCell.cell);
    if (read.ok && read.value <= year && read.value >= 1949) baseYear = read.value;
    else bad(baseCell, String(baseYear));
  }

  let coverageTarget = DEFAULT_COVERAGE_TARGET;
  const targetCell = get("coverageTarget");
  if (targetCell && !isBlankCell(targetCell.cell)) {
    const read = readPercent(targetCell.cell);
    if (read.ok && read.value >= 0 && read.value <= 1) coverageTarget = read.value;
    else bad(targetCell, "10%");
  }

  let duesIncomeThreshold = DEFAULT_DUES_THRESHOLD;
  const thresholdCell = get("duesIncomeThreshold");
  if (thresholdCell && !isBlankCell(thresholdCell.cell)) {
    const read = readNumber(thresholdCell.cell);
    if (read.ok && read.value >= 0) duesIncomeThreshold = read.value;
    else bad(thresholdCell, String(DEFAULT_DUES_THRESHOLD));
  }

  return { settings: { asOf, year, baseYear, coverageTarget, duesIncomeThreshold }, problems };
}

/** Parses an as-of override such as the CLI's --as-of; null when it is not a YYYY-MM-DD day. */
export function parseAsOf(text: string): Day | null {
  return dayFromIso(text.trim());
}
