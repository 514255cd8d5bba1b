/**
 * The few calendar facts the metrics need, as plain integer arithmetic on `Day` (days since
 * 1970-01-01). No Date object is involved, so nothing here can depend on the machine's time zone.
 */
import type { Day, Settings } from "../types";

/** The Day of a proleptic Gregorian date (month 1..12), by H. Hinnant's days-from-civil. */
export function dayOf(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = (month + 9) % 12; // March = 0 ... February = 11
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function firstDayOf(year: number): Day {
  return dayOf(year, 1, 1);
}

export function lastDayOf(year: number): Day {
  return dayOf(year, 12, 31);
}

/**
 * "End of year X" of SPEC §4: X-12-31, except for the reporting year Y, where it is the as-of
 * date D. A year after Y also ends at D: nothing after the as-of date is ever looked at (this only
 * matters for a base year set after the reporting year).
 */
export function endOfYear(year: number, settings: Settings): Day {
  return year < settings.year ? lastDayOf(year) : settings.asOf;
}

/** Throws when the settings' year is not the year of their as-of date (a caller's bug). */
export function assertYearOfAsOf(settings: Settings): void {
  const { asOf, year } = settings;
  if (!Number.isInteger(asOf) || asOf < firstDayOf(year) || asOf > lastDayOf(year)) {
    throw new RangeError(`settings.year ${year} is not the year of settings.asOf (day ${asOf})`);
  }
}

/** Active at t: started on or before t and not ended on or before t. */
export function isActiveAt(start: Day, end: Day | null, t: Day): boolean {
  return start <= t && (end === null || end > t);
}
