/**
 * Checks shared by several sheets. Each is a small named function that looks at values already
 * read from the current row and reports through the row's reader.
 */
import { isoOfDay } from "../dates";
import type { FirstRows } from "../key-index";
import type { RowReader } from "../read";
import type { Day } from "../types";
import { lookupTownship, type TownshipIndex } from "./townships";

/** `later` (退会日期, 撤销日期) may not come before `earlier` (入会日期, 成立日期). */
export function checkDateOrder(
  r: RowReader,
  earlierKey: string,
  earlier: Day | null,
  laterKey: string,
  later: Day | null
): void {
  if (earlier !== null && later !== null && later < earlier) {
    r.report("date-order", "error", laterKey, {
      field: laterKey,
      otherField: earlierKey,
      other: isoOfDay(earlier),
    });
  }
}

/** A value that is required only in some rows (township chambers, enterprise members). */
export function checkRequiredWhen(
  r: RowReader,
  key: string,
  value: string | null,
  condition: boolean,
  why: "township-chamber" | "enterprise-member"
): void {
  if (condition && value === null && r.blank(key)) {
    r.report("blank-required", "error", key, { field: key, why });
  }
}

/**
 * A township must name one of the 乡镇 sheet when that sheet can be read. Returns the name as the
 * 乡镇 sheet spells it (so that metrics can compare names exactly), or the name as written.
 */
export function checkTownship(
  r: RowReader,
  key: string,
  name: string | null,
  index: TownshipIndex | null
): string | null {
  if (name === null || index === null) return name;
  const found = lookupTownship(index, name);
  if (found !== null) return found;
  r.report("unknown-township", "error", key, {
    suggestion: index.suggest(name),
  });
  return name;
}

/** A credit code belongs to one row: a later row with the same code is duplicate-uscc. */
export function checkCodeUnique(r: RowReader, codes: FirstRows, uscc: string | null): void {
  if (uscc === null) return;
  const firstRow = codes.claim(uscc, r.rowNumber);
  if (firstRow !== null) r.report("duplicate-uscc", "error", "uscc", { firstRow });
}
