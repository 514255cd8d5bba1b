import { describe, expect, it } from "vitest";
import { endOfYear } from "../dates";
import { assertYearOfAsOf, isActiveAt, reportingYearEnd } from "./days";
import { settingsAt } from "../../../tests/core/kit/records";

describe("days", () => {
  it("ends a year on December 31, except the reporting year, which ends at the as-of date", () => {
    const s = settingsAt("2024-06-30");
    expect(reportingYearEnd(2023, s)).toBe(endOfYear(2023));
    expect(reportingYearEnd(2024, s)).toBe(s.asOf);
    expect(reportingYearEnd(2025, s)).toBe(s.asOf);
  });

  it("accepts settings whose as-of date lies in their year and refuses any other", () => {
    expect(() => assertYearOfAsOf(settingsAt("2024-01-01"))).not.toThrow();
    expect(() => assertYearOfAsOf(settingsAt("2024-12-31"))).not.toThrow();
    expect(() => assertYearOfAsOf({ ...settingsAt("2024-06-30"), year: 2023 })).toThrow(RangeError);
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
