/**
 * The few facts about the reporting year the metrics need, on `Day` (days since 1970-01-01); the
 * calendar arithmetic itself is core/dates.ts's. No Date object is involved, so nothing here can
 * depend on the machine's time zone.
 */
import { endOfYear, startOfYear } from "../dates";
import type { Day, Settings } from "../types";

/**
 * "End of year X" of SPEC §4: X-12-31, except for the reporting year Y, where it is the as-of
 * date D. A year after Y also ends at D: nothing after the as-of date is ever looked at (this only
 * matters for a base year set after the reporting year).
 */
export function reportingYearEnd(year: number, settings: Settings): Day {
  return year < settings.year ? endOfYear(year) : settings.asOf;
}

/** Throws when the settings' year is not the year of their as-of date (a caller's bug). */
export function assertYearOfAsOf(settings: Settings): void {
  const { asOf, year } = settings;
  if (!Number.isInteger(asOf) || asOf < startOfYear(year) || asOf > endOfYear(year)) {
    throw new RangeError(`settings.year ${year} is not the year of settings.asOf (day ${asOf})`);
  }
}

/** Active at t: started on or before t and not ended on or before t. */
export function isActiveAt(start: Day, end: Day | null, t: Day): boolean {
  return start <= t && (end === null || end > t);
}
