import { describe, expect, it } from "vitest";
import { dayOf, endOfYear, isActiveAt, lastDayOf } from "./days";
import { settingsAt } from "./testkit";

describe("days", () => {
  it("numbers 1970-01-01 as day 0 and agrees with Date.UTC across leap years", () => {
    expect(dayOf(1970, 1, 1)).toBe(0);
    for (const [y, m, d] of [
      [1949, 10, 1],
      [1900, 2, 28],
      [2000, 2, 29],
      [2024, 2, 29],
      [2024, 12, 31],
      [2100, 3, 1],
    ] as const) {
      expect(dayOf(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86400000);
    }
  });

  it("ends a year on December 31, except the reporting year, which ends at the as-of date", () => {
    const s = settingsAt("2024-06-30");
    expect(endOfYear(2023, s)).toBe(lastDayOf(2023));
    expect(endOfYear(2024, s)).toBe(s.asOf);
    expect(endOfYear(2025, s)).toBe(s.asOf);
  });

  it("treats the start day as active and the end day as no longer active", () => {
    expect([isActiveAt(10, null, 10), isActiveAt(10, 12, 11), isActiveAt(10, 12, 12)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(isActiveAt(10, null, 9)).toBe(false);
  });
});
