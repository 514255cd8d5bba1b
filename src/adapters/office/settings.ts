/* global Excel */
/**
 * The 设置 sheet (SPEC §1.5) through Office.js: read the four settings the task pane shows, and
 * write them back. A setting's row is the first non-blank cell naming it (any alias) with the
 * value to its right, as the core reads it; saving changes only those value cells, appending a
 * row for a setting the sheet does not have yet, and creates the sheet when there is none.
 */
import { cellAddress } from "../../core/a1";
import { readDate, readNumber, readPercent, readYear } from "../../core/cells";
import { dayFromIso, isoOfDay, serialOfDay } from "../../core/dates";
import { SETTINGS } from "../../core/schema";
import { scanSettingRows } from "../../core/settings";
import { normalizeKey } from "../../core/text";
import type { DateSystem, RawCell } from "../../core/types";
import { rawCellOf } from "./cells";
import type { SettingsValues } from "./host";
import { FMT_DATE } from "../../core/report/cells";

type SettingKey = keyof SettingsValues;
const SETTING_KEYS: readonly SettingKey[] = [
  "asOf",
  "baseYear",
  "coverageTarget",
  "duesIncomeThreshold",
];

const SHEET_ALIASES = new Set(SETTINGS.aliases.map(normalizeKey));

export function isSettingsSheetName(name: string): boolean {
  return SHEET_ALIASES.has(normalizeKey(name));
}

/** Where a setting sits on the sheet (0-based worksheet coordinates of its value cell). */
export interface SettingCell {
  readonly key: SettingKey;
  readonly row: number;
  readonly valueColumn: number;
  readonly cell: RawCell;
}

function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(key);
}

/** The setting rows of a sheet's used range, found by the core's scan (`scanSettingRows`). */
export function findSettingCells(
  cells: ReadonlyArray<ReadonlyArray<RawCell>>,
  firstRow: number,
  firstColumn: number
): SettingCell[] {
  const found: SettingCell[] = [];
  for (const at of scanSettingRows(cells)) {
    if (!isSettingKey(at.key)) continue;
    found.push({
      key: at.key,
      row: firstRow + at.row,
      valueColumn: firstColumn + at.nameColumn + 1,
      cell: at.cell ?? null,
    });
  }
  return found;
}

/** The task pane's view of the settings; a value that cannot be read shows as the default (null). */
export function settingsValuesOf(
  found: readonly SettingCell[],
  system: DateSystem
): SettingsValues {
  const get = (key: SettingKey): RawCell => found.find((f) => f.key === key)?.cell ?? null;
  const asOf = readDate(get("asOf"), system);
  const baseYear = readYear(get("baseYear"));
  const target = readPercent(get("coverageTarget"));
  const threshold = readNumber(get("duesIncomeThreshold"));
  return {
    asOf: asOf.ok ? isoOfDay(asOf.value) : null,
    baseYear: baseYear.ok ? baseYear.value : null,
    coverageTarget: target.ok ? target.value : null,
    duesIncomeThreshold: threshold.ok ? threshold.value : null,
  };
}

/** The value and number format to write for a setting; "" clears the cell (back to the default). */
export function settingWrite(
  key: SettingKey,
  values: SettingsValues,
  system: DateSystem
): { value: string | number; format: string } {
  switch (key) {
    case "asOf": {
      const day = values.asOf === null ? null : dayFromIso(values.asOf);
      return day === null
        ? { value: "", format: "General" }
        : { value: serialOfDay(day, system), format: FMT_DATE };
    }
    case "baseYear":
      return values.baseYear === null
        ? { value: "", format: "General" }
        : { value: values.baseYear, format: "0" };
    case "coverageTarget":
      return values.coverageTarget === null
        ? { value: "", format: "General" }
        : { value: values.coverageTarget, format: "0.00%" };
    case "duesIncomeThreshold":
      return values.duesIncomeThreshold === null
        ? { value: "", format: "General" }
        : { value: values.duesIncomeThreshold, format: "#,##0" };
  }
}

/** The canonical Chinese name of a setting, for a row the sheet does not have yet. */
export function settingLabel(key: SettingKey): string {
  return SETTINGS.fields.find((f) => f.key === key)?.aliases[0] ?? key;
}

export { SETTING_KEYS };

/** Reads a used range's cells into raw cells. */
export function rangeCells(range: Excel.Range): RawCell[][] {
  return range.values.map((line, r) =>
    line.map((v, c) => rawCellOf(v, range.valueTypes[r]?.[c], range.numberFormat[r]?.[c]))
  );
}

/** "B7" for 0-based row 6, column 1. */
export function address(row: number, column: number): string {
  return cellAddress(column + 1, row + 1);
}
