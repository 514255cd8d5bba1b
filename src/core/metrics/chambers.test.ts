import { describe, expect, it } from "vitest";
import { computeMetrics } from "../metrics";
import { chamber, dues, inputs, member, settingsAt } from "../../../tests/core/kit/records";

describe("chamber figures", () => {
  it("counts chambers founded on or before the as-of date and not dissolved by then", () => {
    const chambers = [
      chamber("on-d", { founded: "2024-06-30" }),
      chamber("after-d", { founded: "2024-07-01" }),
      chamber("dissolved-on-d", { dissolved: "2024-06-30" }),
      chamber("dissolved-later", { dissolved: "2024-07-01" }),
      chamber("not-counted", { counted: false }),
    ];
    expect(computeMetrics(inputs({ chambers })).chambers?.total).toBe(2);
  });

  it("counts chambers by type", () => {
    const chambers = [
      chamber("1", { type: "township" }),
      chamber("2", { type: "township" }),
      chamber("3", { type: "industry" }),
      chamber("4", { type: "regional" }),
      chamber("5", { type: "outOfTown" }),
      chamber("6", { type: "other", dissolved: "2020-01-01" }),
    ];
    expect(computeMetrics(inputs({ chambers })).chambers?.byType).toEqual({
      township: 2,
      industry: 1,
      regional: 1,
      outOfTown: 1,
      other: 0,
    });
  });

  it("counts the quality flags with their share of the active chambers", () => {
    const chambers = [
      chamber("1", { registered: true, presidentEntrepreneur: true, fullTimeStaff: 1 }),
      chamber("2", { registered: true, fixedOffice: true, fullTimeStaff: 0 }),
      chamber("3", { website: "https://example.cn", journal: true, fullTimeStaff: null }),
      chamber("4", { fixedOffice: true, fullTimeStaff: 3 }),
      // dissolved: none of its flags count
      chamber("5", { registered: true, journal: true, dissolved: "2023-01-01" }),
    ];
    const c = computeMetrics(inputs({ chambers })).chambers;
    expect(c).toMatchObject({
      total: 4,
      registered: 2,
      registeredRate: 0.5,
      presidentEntrepreneur: 1,
      presidentEntrepreneurRate: 0.25,
      fixedOffice: 2,
      fixedOfficeRate: 0.5,
      fullTimeStaff: 2,
      fullTimeStaffRate: 0.5,
      website: 1,
      websiteRate: 0.25,
      journal: 1,
      journalRate: 0.25,
    });
  });

  it("gives null rates when no chamber is active", () => {
    const chambers = [chamber("1", { founded: "2025-01-01" })];
    const c = computeMetrics(inputs({ chambers, dues: [] })).chambers;
    expect([c?.total, c?.registeredRate, c?.fullCollection, c?.fullCollectionRate]).toEqual([
      0,
      null,
      0,
      null,
    ]);
  });

  it("counts a chamber as fully collected when its members' dues for the year are all paid", () => {
    const chambers = [chamber("full"), chamber("short"), chamber("nothing-due"), chamber("none")];
    const members = [
      member("m1", { chamberId: "full" }),
      // left during the year: still paid that year's dues, which count for the chamber
      member("m2", { chamberId: "full", left: "2024-03-01" }),
      member("m3", { chamberId: "short" }),
      member("m4", { chamberId: "short" }),
      member("m5", { chamberId: "nothing-due" }),
    ];
    const rows = [
      dues("m1", 2024, 100, 100),
      dues("m2", 2024, 50, 60),
      dues("m3", 2024, 100, 150), // overpaid...
      dues("m4", 2024, 100, 40), // ...does not make up for another member: 190 of 200
      dues("m5", 2024, 0, 0),
      dues("m3", 2023, 100, 0), // another year
    ];
    const c = computeMetrics(inputs({ chambers, members, dues: rows })).chambers;
    // short: 190 paid of 200 due -> not full. nothing-due and none: nothing due -> not full.
    expect([c?.fullCollection, c?.fullCollectionRate]).toEqual([1, 0.25]);
  });

  it("counts chambers whose members paid at least the income threshold", () => {
    const settings = settingsAt("2024-06-30", { duesIncomeThreshold: 1000.5 });
    const chambers = [chamber("at"), chamber("below"), chamber("other-year")];
    const members = [
      member("m1", { chamberId: "at" }),
      member("m2", { chamberId: "at" }),
      member("m3", { chamberId: "below" }),
      member("m4", { chamberId: "other-year" }),
    ];
    const rows = [
      dues("m1", 2024, 1000, 1000.3),
      dues("m2", 2024, 0, 0.2),
      dues("m3", 2024, 2000, 1000.49),
      dues("m4", 2023, 5000, 5000),
    ];
    const c = computeMetrics(inputs({ settings, chambers, members, dues: rows })).chambers;
    expect([c?.incomeAtLeastThreshold, c?.incomeAtLeastThresholdRate]).toEqual([1, 1 / 3]);
  });

  it("leaves the dues figures null when there is no 会费 sheet", () => {
    const c = computeMetrics(inputs({ chambers: [chamber("1")], dues: null })).chambers;
    expect([c?.total, c?.fullCollection, c?.fullCollectionRate]).toEqual([1, null, null]);
    expect([c?.incomeAtLeastThreshold, c?.incomeAtLeastThresholdRate]).toEqual([null, null]);
  });

  it("is null when there is no 商会 sheet", () => {
    expect(computeMetrics(inputs({ chambers: null })).chambers).toBeNull();
  });
});
