/**
 * Checks shared by several sheets. Each is a small named function that looks at values already
 * read from the current row and reports through the row's reader.
 */
import { isoOfDay } from "../dates";
import type { FirstRows } from "../key-index";
import type { Field, RowReader } from "../read";
import type { Day } from "../types";
import type { TownshipIndex } from "./townships";

/** `later` (退会日期, 撤销日期) may not come before `earlier` (入会日期, 成立日期). */
export function checkDateOrder(
  r: RowReader,
  earlierField: Field,
  earlier: Day | null,
  laterField: Field,
  later: Day | null
): void {
  if (earlier !== null && later !== null && later < earlier) {
    r.report("date-order", laterField, {
      field: laterField.key,
      otherField: earlierField.key,
      other: isoOfDay(earlier),
    });
  }
}

/** A value that is required only in some rows (township chambers, enterprise members). */
export function checkRequiredWhen(
  r: RowReader,
  field: Field,
  value: string | null,
  condition: boolean,
  why: "township-chamber" | "enterprise-member"
): void {
  if (condition && value === null && r.blank(field)) {
    r.report("blank-required", field, { field: field.key, why });
  }
}

/**
 * A township must name one of the 乡镇 sheet when that sheet can be read. Returns the name as the
 * 乡镇 sheet spells it (so that metrics can compare names exactly), or the name as written.
 */
export function checkTownship(
  r: RowReader,
  field: Field,
  name: string | null,
  index: TownshipIndex | null
): string | null {
  if (name === null || index === null) return name;
  const ref = checkTownshipRef(r, field, name, index);
  return ref < 0 ? name : (index.list[ref] ?? name);
}

/**
 * checkTownship's check, returning the township's place in the 乡镇 sheet's list of names
 * (TownshipIndex.list), or -1 when the name is none of them (and then reported).
 */
export function checkTownshipRef(
  r: RowReader,
  field: Field,
  name: string,
  index: TownshipIndex
): number {
  const ref = index.refOf(name);
  if (ref < 0) r.report("unknown-township", field, { suggestion: index.suggest(name) });
  return ref;
}

/** A credit code belongs to one row: a later row with the same code is duplicate-uscc. */
export function checkCodeUnique(
  r: RowReader,
  codes: FirstRows,
  field: Field,
  uscc: string | null
): void {
  if (uscc === null) return;
  // The reader may have hashed the code already while checking it.
  const firstRow =
    r.usccHash === 0 ? codes.claim(uscc, r.rowNumber) : codes.claim(uscc, r.rowNumber, r.usccHash);
  if (firstRow !== null) r.report("duplicate-uscc", field, { firstRow });
}
