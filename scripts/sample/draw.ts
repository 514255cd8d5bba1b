/**
 * The sample's seeded draws and calendar days: every random choice goes through the PRNG of
 * scripts/random.ts, and a day is an integer count of days since 1970-01-01, with no time zone.
 */
import type { Rng } from "../random";

export function intBetween(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
  return items;
}

export function weighted<T>(rng: Rng, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error("weighted pick from an empty list");
  return last[0];
}

/** A calendar day: days since 1970-01-01, no time zone. */
export type Day = number;
const MS_PER_DAY = 86_400_000;

export function day(y: number, m: number, d: number): Day {
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function parts(t: Day): { y: number; m: number; d: number } {
  const dt = new Date(t * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function yearOf(t: Day): number {
  return parts(t).y;
}

/** A JS Date at UTC midnight: ExcelJS turns it into the serial of that calendar day. */
export function cellDate(t: Day): Date {
  return new Date(t * MS_PER_DAY);
}

export function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

export function dayBetween(rng: Rng, lo: Day, hi: Day): Day {
  return intBetween(rng, lo, hi);
}
