import { describe, expect, it } from "vitest";
import { isoDateTimeToSerial } from "../../src/adapters/xlsx/dates";

describe('the date-time of a t="d" cell as an Excel serial', () => {
  it("counts Excel's phantom 1900-02-29: 02-28 is serial 59 and 03-01 is serial 61", () => {
    expect(isoDateTimeToSerial("1900-01-01", 1900)).toBe(1);
    expect(isoDateTimeToSerial("1900-02-28", 1900)).toBe(59);
    expect(isoDateTimeToSerial("1900-03-01", 1900)).toBe(61);
  });

  it("puts 2014-11-30 at serial 41973 in the 1900 system and 40511 in the 1904 system", () => {
    expect(isoDateTimeToSerial("2014-11-30", 1900)).toBe(41973);
    expect(isoDateTimeToSerial("2014-11-30T00:00:00", 1904)).toBe(40511);
  });

  it("keeps the time of day as the serial's fraction", () => {
    expect(isoDateTimeToSerial("2014-11-30T18:00", 1904)).toBe(40511.75);
    expect(isoDateTimeToSerial(" 2024-03-01T12:00:00.000 ", 1900)).toBe(45352.5);
  });

  it("reads no impossible or malformed day", () => {
    expect(isoDateTimeToSerial("2014-02-30", 1900)).toBeNull();
    expect(isoDateTimeToSerial("2014-2-3", 1900)).toBeNull();
    expect(isoDateTimeToSerial("", 1900)).toBeNull();
  });
});
