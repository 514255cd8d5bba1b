import { describe, expect, it } from "vitest";
import {
  duesColumnsOf,
  duesRecords,
  lazily,
  memberColumnsOf,
  memberRecords,
  NONE,
  withLazyRecords,
  type MemberColumns,
} from "./columns";
import { dues, member } from "../../tests/core/kit/records";

describe("records as columns", () => {
  const members = [
    member("M1", {
      chamberId: "C1",
      township: "城关镇",
      uscc: "91350100M000100Y43",
      phone: "13812345678",
    }),
    member("M2", { type: "individual", left: "2014-06-30", counted: false, aboveScale: true }),
    member("M3", { chamberId: "C1", township: null, industry: "建筑业" }),
  ];

  it("give back the member records they were made from, field for field and in order", () => {
    const columns = memberColumnsOf(members);
    expect(memberRecords(columns)).toEqual(members);
    expect(columns.chamberIds).toEqual(["C1"]);
    expect([...columns.chamber]).toEqual([0, NONE, 0]);
  });

  it("give back the dues records, each placed with the counted member carrying its ID", () => {
    const rows = [
      dues("M1", 2014, 100, 50),
      dues("M2", 2014, 10.5, 0, { paidOn: 16000 }),
      dues("M9", 2013, 1, 1),
    ];
    const columns = duesColumnsOf(rows, memberColumnsOf(members));
    expect(duesRecords(columns)).toEqual(rows);
    // M2 is not counted and M9 is no member: neither is placed with a chamber.
    expect([...columns.memberChamber]).toEqual([0, NONE, NONE]);
  });

  it("build records only when they are first asked for, then keep them", () => {
    let builds = 0;
    const read = withLazyRecords({ columns: memberColumnsOf(members) }, (c: MemberColumns) => {
      builds++;
      return memberRecords(c);
    });
    expect(builds).toBe(0);
    expect(read.records).toBe(read.records);
    expect(builds).toBe(1);
    const value = lazily(() => ({ n: ++builds }));
    expect(value()).toBe(value());
    expect(builds).toBe(2);
  });
});
