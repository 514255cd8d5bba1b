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

interface SettingCell {
  readonly key: string;
  readonly cell: RawCell;
  readonly row: number;
  readonly column: string;
}

/** The first cell of each row that names a setting, and the cell to its right. */
function settingCells(sheet: DetectedSheet): SettingCell[] {
  const found: SettingCell[] = [];
  const seen = new Set<string>();
  sheet.grid.rows.forEach((row, i) => {
    if (!row) return;
    const c = row.findIndex((cell) => !isBlankCell(cell));
    if (c < 0) return;
    const name = readText(row[c]);
    const key = name.ok ? NAME_TO_KEY.get(normalizeKey(name.value)) : undefined;
    if (key === undefined || seen.has(key)) return;
    seen.add(key);
    found.push({
      key,
      cell: row[c + 1],
      row: worksheetRow(sheet.grid, i),
      column: worksheetColumn(sheet.grid, c + 1),
    });
  });
  return found;
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
      problem("bad-setting", "warning", {
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
