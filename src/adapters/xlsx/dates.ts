/**
 * Excel date serials ↔ calendar days, with UTC arithmetic only (a calendar day has no time zone).
 * 1900 system: serial 1 = 1900-01-01 and Excel's phantom 1900-02-29 is serial 60, so serials
 * below 61 are one day off from a plain count. 1904 system: serial 0 = 1904-01-01.
 */
import type { DateSystem } from "../../core/types";

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 system. */
const EPOCH_1900 = 25_569;
/** Serial of 1970-01-01 in the 1904 system. */
const EPOCH_1904 = 24_107;

/** "2014-11-30" → days since 1970-01-01; null when it is not a real day. */
export function isoToDay(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1) return null;
  return Math.round(ms / MS_PER_DAY);
}

/** Days since 1970-01-01 → "YYYY-MM-DD". */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A calendar day → its serial in the workbook's date system. */
export function dayToSerial(day: number, system: DateSystem): number {
  if (system === 1904) return day + EPOCH_1904;
  const serial = day + EPOCH_1900;
  return serial < 61 ? serial - 1 : serial;
}

/** A serial's calendar day (the time of day dropped); the phantom 1900-02-29 reads as 1900-02-28. */
export function serialToDay(serial: number, system: DateSystem): number {
  const whole = Math.floor(serial);
  if (system === 1904) return whole - EPOCH_1904;
  return (whole < 61 ? whole + 1 : whole) - EPOCH_1900;
}

/** "YYYY-MM-DDTHH:MM:SS" (a t="d" cell) → its serial, keeping the time of day; null if unreadable. */
export function isoDateTimeToSerial(text: string, system: DateSystem): number | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?/.exec(
    text.trim()
  );
  if (!match?.[1]) return null;
  const day = isoToDay(match[1]);
  if (day === null) return null;
  const seconds = Number(match[2] ?? 0) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
  return dayToSerial(day, system) + seconds / 86_400;
}

/** The local calendar day of a clock reading, as "YYYY-MM-DD" (the one place local time is right). */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
