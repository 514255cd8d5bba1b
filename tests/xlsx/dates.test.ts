import { describe, expect, it } from "vitest";
import { dayToIso, dayToSerial, isoToDay, serialToDay } from "../../src/adapters/xlsx/dates";

const day = (iso: string) => {
  const d = isoToDay(iso);
  if (d === null) throw new Error(iso);
  return d;
};

describe("Excel serials and calendar days", () => {
  it("counts Excel's phantom 1900-02-29: serial 59 is 02-28 and serial 61 is 03-01", () => {
    expect(dayToIso(serialToDay(1, 1900))).toBe("1900-01-01");
    expect(dayToIso(serialToDay(59, 1900))).toBe("1900-02-28");
    expect(dayToIso(serialToDay(61, 1900))).toBe("1900-03-01");
    expect(dayToSerial(day("1900-02-28"), 1900)).toBe(59);
    expect(dayToSerial(day("1900-03-01"), 1900)).toBe(61);
  });

  it("puts 2014-11-30 at serial 41973 in the 1900 system and 40511 in the 1904 system", () => {
    expect(dayToSerial(day("2014-11-30"), 1900)).toBe(41973);
    expect(dayToSerial(day("2014-11-30"), 1904)).toBe(40511);
    expect(dayToIso(serialToDay(40511.75, 1904))).toBe("2014-11-30");
  });

  it("rejects impossible days", () => {
    expect(isoToDay("2014-02-30")).toBeNull();
    expect(isoToDay("2014-2-3")).toBeNull();
  });
});
