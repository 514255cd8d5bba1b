import { describe, expect, it } from "vitest";
import { dayFromIso } from "../dates";
import type { Day } from "../types";
import { NONE } from "../columns";
import { MemberIndex } from "./member-index";

const day = (iso: string): Day => {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(iso);
  return d;
};

describe("MemberIndex", () => {
  it("keeps the first row of each ID and refuses a repeated one", () => {
    const index = new MemberIndex("会员", 3);
    expect(index.add("M1", 2, day("2012-03-01"), null, 7)).toBe(0);
    expect(index.add("M2", 3, null, null, NONE)).toBe(1);
    expect(index.add("M1", 4, null, null, NONE)).toBe(-1);
    expect([index.firstRow("M1"), index.firstRow("M2"), index.firstRow("M9")]).toEqual([
      2,
      3,
      null,
    ]);
    expect([index.chamber(index.find("M1")), index.chamber(index.find("M2"))]).toEqual([7, NONE]);
  });

  it("gives the years of joining and leaving, or null without a date", () => {
    const index = new MemberIndex("会员", 2);
    const a = index.add("M1", 2, day("2012-03-01"), day("2014-06-30"), NONE);
    const b = index.add("M2", 3, null, null, NONE);
    expect([
      index.joinedYear(a),
      index.leftYear(a),
      index.joinedYear(b),
      index.leftYear(b),
    ]).toEqual([2012, 2014, null, null]);
  });

  it("tells counted members from excluded ones", () => {
    const index = new MemberIndex("会员", 2);
    const a = index.add("M1", 2, null, null, NONE);
    const b = index.add("M2", 3, null, null, NONE);
    index.setCounted(a, true);
    index.setCounted(b, false);
    expect([index.isCounted(a), index.isCounted(b)]).toEqual([true, false]);
  });

  it("claims each year of a member once, beyond the years it keeps inline too", () => {
    const index = new MemberIndex("会员", 2);
    const a = index.add("M1", 2, null, null, NONE);
    const b = index.add("M2", 3, null, null, NONE);
    const years = [2008, 2009, 2010, 2011, 2012, 2013, 2014];
    expect(years.map((y, i) => index.claimYear(a, y, 10 + i))).toEqual(years.map(() => null));
    expect(years.map((y) => index.claimYear(a, y, 99))).toEqual([10, 11, 12, 13, 14, 15, 16]);
    // Another member's years are its own.
    expect(index.claimYear(b, 2014, 40)).toBeNull();
    expect(index.claimYear(b, 2014, 41)).toBe(40);
  });

  it("refuses more members than its capacity rather than writing past its arrays", () => {
    const index = new MemberIndex("会员", 1);
    index.add("M1", 2, null, null, NONE);
    expect(() => index.add("M2", 3, null, null, NONE)).toThrow(RangeError);
  });
});
