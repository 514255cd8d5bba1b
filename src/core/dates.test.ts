import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  dayFromIso,
  dayFromSerial,
  dayFromYmd,
  daysInMonth,
  endOfYear,
  isoOfDay,
  localIsoDate,
  localIsoDateTime,
  serialOfDay,
  yearOfDay,
  ymdOfDay,
} from "./dates";

const iso = (y: number, m: number, d: number): number => {
  const day = dayFromYmd(y, m, d);
  if (day === null) throw new Error(`bad test date ${y}-${m}-${d}`);
  return day;
};

describe("dayFromYmd", () => {
  it("puts 1970-01-01 at day 0 and counts from there", () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(1970, 1, 2)).toBe(1);
    expect(dayFromYmd(1969, 12, 31)).toBe(-1);
    expect(dayFromYmd(2000, 3, 1)).toBe(11017);
  });
  it("rejects impossible days and months", () => {
    expect(dayFromYmd(2014, 2, 30)).toBeNull();
    expect(dayFromYmd(2013, 2, 29)).toBeNull();
    expect(dayFromYmd(2014, 0, 1)).toBeNull();
    expect(dayFromYmd(2014, 13, 1)).toBeNull();
    expect(dayFromYmd(2014, 4, 31)).toBeNull();
    expect(dayFromYmd(2014, 1, 0)).toBeNull();
    expect(dayFromYmd(2014.5, 1, 1)).toBeNull();
    expect(dayFromYmd(0, 1, 1)).toBeNull();
  });
  it("accepts leap days of leap years only", () => {
    expect(dayFromYmd(2000, 2, 29)).not.toBeNull();
    expect(dayFromYmd(2016, 2, 29)).not.toBeNull();
    expect(dayFromYmd(1900, 2, 29)).toBeNull();
    expect(daysInMonth(2100, 2)).toBe(28);
  });
});

describe("ymdOfDay, isoOfDay and dayFromIso", () => {
  it("prints days as YYYY-MM-DD", () => {
    expect(isoOfDay(0)).toBe("1970-01-01");
    expect(isoOfDay(iso(2014, 11, 30))).toBe("2014-11-30");
    expect(isoOfDay(-1)).toBe("1969-12-31");
    expect(ymdOfDay(iso(2016, 2, 29))).toEqual({ year: 2016, month: 2, day: 29 });
  });
  it("parses strict ISO dates only", () => {
    expect(dayFromIso("2014-11-30")).toBe(iso(2014, 11, 30));
    expect(dayFromIso("2014-02-30")).toBeNull();
    expect(dayFromIso("2014-1-5")).toBeNull();
    expect(dayFromIso("2014/11/30")).toBeNull();
    expect(dayFromIso(" 2014-11-30")).toBeNull();
  });
  it("gives the year of a day and the last day of a year", () => {
    expect(yearOfDay(iso(2014, 12, 31))).toBe(2014);
    expect(yearOfDay(iso(2015, 1, 1))).toBe(2015);
    expect(isoOfDay(endOfYear(2013))).toBe("2013-12-31");
  });
  it("round-trips every day between years 1 and 9999 through its parts and its ISO text", () => {
    const first = iso(1, 1, 1);
    const last = iso(9999, 12, 31);
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (day) => {
        const { year, month, day: d } = ymdOfDay(day);
        expect(dayFromYmd(year, month, d)).toBe(day);
        expect(dayFromIso(isoOfDay(day))).toBe(day);
      }),
      { numRuns: 2000 }
    );
  });
  it("agrees with Date.UTC on the day count", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200000, max: 2000000 }), (day) => {
        const { year, month, day: d } = ymdOfDay(day);
        const date = new Date(Date.UTC(2000, 0, 1) + (day - iso(2000, 1, 1)) * 86400000);
        expect([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]).toEqual([
          year,
          month,
          d,
        ]);
      })
    );
  });
});

describe("dayFromSerial in the 1900 system", () => {
  it("reads serial 1 as 1900-01-01 and 59 as 1900-02-28", () => {
    expect(isoOfDay(dayFromSerial(1, 1900) ?? NaN)).toBe("1900-01-01");
    expect(isoOfDay(dayFromSerial(59, 1900) ?? NaN)).toBe("1900-02-28");
  });
  it("has no real day for Excel's phantom 1900-02-29 (serial 60)", () => {
    expect(dayFromSerial(60, 1900)).toBeNull();
    expect(dayFromSerial(60.5, 1900)).toBeNull();
  });
  it("reads serial 61 as 1900-03-01, 25569 as 1970-01-01 and 41973 as 2014-11-30", () => {
    expect(isoOfDay(dayFromSerial(61, 1900) ?? NaN)).toBe("1900-03-01");
    expect(dayFromSerial(25569, 1900)).toBe(0);
    expect(isoOfDay(dayFromSerial(41973, 1900) ?? NaN)).toBe("2014-11-30");
  });
  it("drops the time of day in a fraction", () => {
    expect(dayFromSerial(41973.99, 1900)).toBe(dayFromSerial(41973, 1900));
  });
  it("rejects serials before the first day, NaN, infinities and after 9999-12-31", () => {
    expect(dayFromSerial(0, 1900)).toBeNull();
    expect(dayFromSerial(0.5, 1900)).toBeNull();
    expect(dayFromSerial(-1, 1900)).toBeNull();
    expect(dayFromSerial(Number.NaN, 1900)).toBeNull();
    expect(dayFromSerial(Number.POSITIVE_INFINITY, 1900)).toBeNull();
    expect(isoOfDay(dayFromSerial(2958465, 1900) ?? NaN)).toBe("9999-12-31");
    expect(dayFromSerial(2958466, 1900)).toBeNull();
  });
});

describe("dayFromSerial in the 1904 system", () => {
  it("reads serial 0 as 1904-01-01 and 40511 as 2014-11-30", () => {
    expect(isoOfDay(dayFromSerial(0, 1904) ?? NaN)).toBe("1904-01-01");
    expect(isoOfDay(dayFromSerial(40511, 1904) ?? NaN)).toBe("2014-11-30");
    expect(dayFromSerial(-1, 1904)).toBeNull();
  });
});

describe("serialOfDay", () => {
  it("inverts the known serials, honouring the phantom day before 1900-03-01", () => {
    expect(serialOfDay(iso(1900, 1, 1), 1900)).toBe(1);
    expect(serialOfDay(iso(1900, 2, 28), 1900)).toBe(59);
    expect(serialOfDay(iso(1900, 3, 1), 1900)).toBe(61);
    expect(serialOfDay(0, 1900)).toBe(25569);
    expect(serialOfDay(iso(1904, 1, 1), 1904)).toBe(0);
  });
  it("round-trips with dayFromSerial in both systems for every serial up to 9999-12-31", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1900 as const, 1904 as const),
        fc.integer({ min: 0, max: 2958465 }),
        (system, serial) => {
          const day = dayFromSerial(serial, system);
          if (day === null) {
            expect(
              (system === 1900 && (serial === 0 || serial === 60)) ||
                (system === 1904 && serial > 2957003)
            ).toBe(true);
          } else {
            expect(serialOfDay(day, system)).toBe(serial);
          }
        }
      ),
      { numRuns: 3000 }
    );
  });
  it("puts the two systems 1462 days apart", () => {
    const day = iso(2014, 11, 30);
    expect(serialOfDay(day, 1900) - serialOfDay(day, 1904)).toBe(1462);
  });
});

describe("localIsoDateTime", () => {
  it("gives the local date and time to the minute, zero-padded, on the same day as localIsoDate", () => {
    expect(localIsoDateTime(new Date(2014, 11, 31, 23, 59, 59))).toBe("2014-12-31 23:59");
    expect(localIsoDateTime(new Date(2015, 0, 1, 0, 1))).toBe("2015-01-01 00:01");
    const now = new Date(2024, 1, 29, 7, 5);
    expect(localIsoDateTime(now).slice(0, 10)).toBe(localIsoDate(now));
  });
});

describe("localIsoDate", () => {
  it("dates a clock reading by the local calendar day, around midnight too", () => {
    expect(localIsoDate(new Date(2014, 11, 31, 23, 59))).toBe("2014-12-31");
    expect(localIsoDate(new Date(2015, 0, 1, 0, 1))).toBe("2015-01-01");
    expect(localIsoDate(new Date(2024, 1, 29, 12))).toBe("2024-02-29");
  });
  it("gives the day that the core reads back as the same local date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 365 }),
        (y, n) => {
          const now = new Date(y, 0, 1 + n, 12);
          // day 365 of 9999 is 10000-01-01, past the last day the core reads (by design)
          fc.pre(now.getFullYear() <= 9999);
          const day = dayFromIso(localIsoDate(now));
          expect(day).not.toBeNull();
          expect(ymdOfDay(day ?? NaN)).toEqual({
            year: now.getFullYear(),
            month: now.getMonth() + 1,
            day: now.getDate(),
          });
        }
      )
    );
  });
});
