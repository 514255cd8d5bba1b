/**
 * The one date text an .xlsx part holds: a `t="d"` cell's ISO 8601 date-time, turned into the
 * Excel serial the rest of the reader deals in. The calendar arithmetic is core/dates.ts's.
 */
import { dayFromIso, serialOfDay } from "../../core/dates";
import type { DateSystem } from "../../core/types";

/** "YYYY-MM-DDTHH:MM:SS" (a t="d" cell) → its serial, keeping the time of day; null if unreadable. */
export function isoDateTimeToSerial(text: string, system: DateSystem): number | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?/.exec(
    text.trim()
  );
  if (!match?.[1]) return null;
  const day = dayFromIso(match[1]);
  if (day === null) return null;
  const seconds = Number(match[2] ?? 0) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
  return serialOfDay(day, system) + seconds / 86_400;
}
