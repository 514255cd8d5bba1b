/**
 * Calendar days with no time zone. A Day is the number of days since 1970-01-01 (day 0);
 * everything here is integer arithmetic on the proleptic Gregorian calendar, so results never
 * depend on the machine's time zone. Conversions follow H. Hinnant's days_from_civil /
 * civil_from_days. This is the one home of calendar arithmetic: the metrics, the report, both
 * workbook adapters and the surfaces' "today" all count days here.
 */
import type { DateSystem, Day } from "./types";

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MIN_YEAR = 1;
const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a (valid) civil date; no checks. */
function daysFromCivil(y: number, m: number, d: number): Day {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400; // [0, 399]
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

/** The day of a year, month and day; null for an impossible day (2014-02-30, month 13, year 0). */
export function dayFromYmd(y: number, m: number, d: number): Day | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12) return null;
  if (d < 1 || d > daysInMonth(y, m)) return null;
  return daysFromCivil(y, m, d);
}

/** Year, month (1–12) and day (1–31) of a day. */
export function ymdOfDay(day: Day): Ymd {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097; // [0, 146096]
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  ); // [0, 399]
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365]
  const mp = Math.floor((5 * doy + 2) / 153); // [0, 11]
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return { year: y, month: m, day: d };
}

/** The year of a day (ymdOfDay's year, without building the object). */
export function yearOfDay(day: Day): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** "2014-11-30". */
export function isoOfDay(day: Day): string {
  const { year, month, day: d } = ymdOfDay(day);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(d, 2)}`;
}

/** A strict YYYY-MM-DD text to its day; null for anything else or an impossible day. */
export function dayFromIso(s: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** year-12-31, the calendar year's last day (the metrics' "end of year X" is `reportingYearEnd`). */
export function endOfYear(year: number): Day {
  return daysFromCivil(year, 12, 31);
}

/** year-01-01. */
export function startOfYear(year: number): Day {
  return daysFromCivil(year, 1, 1);
}

/**
 * The calendar day a clock reading falls on by the machine's local clock, as "YYYY-MM-DD": the
 * day the user sees in the corner of the screen, which is what "today" means in SPEC. The one
 * function here that consults the time zone, and only of the Date it is handed: each surface (the
 * command line, the task pane, the ribbon command) reads the clock and passes the reading in.
 */
export function localIsoDate(now: Date): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
}

/**
 * The local date and time of a clock reading to the minute, "YYYY-MM-DD HH:MM" (the output
 * sheets' generated-at line): the same local clock as localIsoDate, read by the adapter.
 */
export function localIsoDateTime(now: Date): string {
  return `${localIsoDate(now)} ${pad(now.getHours(), 2)}:${pad(now.getMinutes(), 2)}`;
}

/** 1899-12-31, serial 0 of the 1900 system for serials before Excel's phantom 1900-02-29. */
const EPOCH_1900_EARLY = daysFromCivil(1899, 12, 31);
/** 1899-12-30: serial 0 for serials from 61 (1900-03-01) on, which count the phantom day. */
const EPOCH_1900 = daysFromCivil(1899, 12, 30);
/** 1904-01-01, serial 0 of the 1904 system. */
const EPOCH_1904 = daysFromCivil(1904, 1, 1);
const FIRST_MARCH_1900 = daysFromCivil(1900, 3, 1);
const LAST_DAY = daysFromCivil(MAX_YEAR, 12, 31);
const PHANTOM_SERIAL = 60;

/**
 * The day of an Excel date serial in the workbook's date system; a fraction is a time of day and
 * is dropped. Null for serial 60 of the 1900 system (Excel's phantom 1900-02-29, not a real day),
 * for serials before the system's first day (1900-01-01 is serial 1; 1904-01-01 is serial 0),
 * for NaN and infinities, and after 9999-12-31.
 */
export function dayFromSerial(serial: number, system: DateSystem): Day | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  let day: Day;
  if (system === 1904) {
    if (whole < 0) return null;
    day = EPOCH_1904 + whole;
  } else {
    if (whole < 1 || whole === PHANTOM_SERIAL) return null;
    day = whole < PHANTOM_SERIAL ? EPOCH_1900_EARLY + whole : EPOCH_1900 + whole;
  }
  return day > LAST_DAY ? null : day;
}

/**
 * The Excel serial of a day in a date system (the inverse of dayFromSerial). In the 1900 system,
 * days before 1900-03-01 do not count the phantom 1900-02-29 (1900-02-28 is 59); days before
 * the system's first day give serials below its first serial (0 or negative), which Excel cannot
 * show as dates.
 */
export function serialOfDay(day: Day, system: DateSystem): number {
  if (system === 1904) return day - EPOCH_1904;
  return day < FIRST_MARCH_1900 ? day - EPOCH_1900_EARLY : day - EPOCH_1900;
}
