import { describe, expect, it } from "vitest";
import { computeMemberFigures } from "./members";
import { member, settingsAt } from "../../../tests/core/kit/records";

// D = 2024-06-30, Y = 2024, B = 2021 unless a test says otherwise.
const settings = settingsAt("2024-06-30", { baseYear: 2021 });

/** A small history whose every figure is worked out by hand in the tests below. */
function history() {
  return [
    member("a", { type: "enterprise", joined: "2019-05-01", aboveScale: true }),
    member("b", { type: "group", joined: "2021-12-31", left: "2023-12-31", aboveScale: true }),
    member("c", { type: "individual", joined: "2022-03-01", left: "2024-06-30" }),
    member("d", { type: "enterprise", joined: "2024-06-30" }),
    member("e", { type: "enterprise", joined: "2024-07-01", aboveScale: true }),
    member("f", { type: "individual", joined: "2020-01-01", left: "2021-01-01" }),
  ];
}

describe("member figures", () => {
  it("counts the members active at the as-of date, by type", () => {
    // a and d are active at 2024-06-30; c left that day, e joins the day after.
    const { members } = computeMemberFigures(history(), settings);
    expect(members.total).toBe(2);
    expect(members.byType).toEqual({ enterprise: 2, group: 0, individual: 0 });
  });

  it("counts joins and departures from January 1 to the as-of date, both days included", () => {
    // d joined on D (new), e after D (not new); c left on D (left).
    const { members } = computeMemberFigures(history(), settings);
    expect([members.newInYear, members.leftInYear]).toEqual([1, 1]);
  });

  it("compares with the end of the previous year for growth and retention", () => {
    // Active at 2023-12-31: a and c (b left that very day). Of those, only a is active at D.
    const { members } = computeMemberFigures(history(), settings);
    expect(members.previousYearEnd).toBe(2);
    expect(members.growthRate).toBe(0);
    expect(members.retentionRate).toBe(0.5);
  });

  it("compares with the end of the base year", () => {
    // Active at 2021-12-31: a and b (b joined that day; f left on 2021-01-01).
    const { members } = computeMemberFigures(history(), settings);
    expect(members.baseYearEnd).toBe(2);
    expect(members.growthSinceBase).toBe(0);
  });

  it("counts above-scale members only among active enterprise members", () => {
    // a counts; b is a group member and has left; e is not yet a member at D.
    expect(computeMemberFigures(history(), settings).members.aboveScale).toBe(1);
  });

  it("builds one series entry per year from the base year to the reporting year", () => {
    const { series } = computeMemberFigures(history(), settings);
    const rows = series.map((s) => [
      s.year,
      s.members,
      s.enterprise,
      s.group,
      s.individual,
      s.new,
      s.left,
      s.growthRate,
    ]);
    expect(rows).toEqual([
      // end 2020: a, f (2); end 2021: a, b; f left in 2021.
      [2021, 2, 1, 1, 0, 1, 1, 0],
      [2022, 3, 1, 1, 1, 1, 0, 0.5],
      [2023, 2, 1, 0, 1, 0, 1, (2 - 3) / 3],
      [2024, 2, 2, 0, 0, 1, 1, 0],
    ]);
  });

  it("counts a departure on the last day of the previous year in that year, not this one", () => {
    const list = [
      member("x", { joined: "2020-01-01", left: "2023-12-31" }),
      member("y", { joined: "2020-01-01" }),
    ];
    const { members, series } = computeMemberFigures(list, settings);
    expect([members.previousYearEnd, members.leftInYear, members.total]).toEqual([1, 0, 1]);
    expect(series.map((s) => s.left)).toEqual([0, 0, 1, 0]);
    expect(series.map((s) => s.members)).toEqual([2, 2, 1, 1]);
  });

  it("counts a join on January 1 of the reporting year as new and not in the previous year end", () => {
    const list = [member("x", { joined: "2024-01-01" }), member("y", { joined: "2023-12-31" })];
    const { members } = computeMemberFigures(list, settings);
    expect([members.newInYear, members.previousYearEnd, members.total]).toEqual([1, 1, 2]);
    expect(members.growthRate).toBe(1);
  });

  it("gives an empty series and measures the base year at the as-of date when the base year is after the reporting year", () => {
    const late = settingsAt("2024-06-30", { baseYear: 2026 });
    const list = [member("x", { joined: "2020-01-01" }), member("y", { joined: "2024-08-01" })];
    const { members, series } = computeMemberFigures(list, late);
    expect(series).toEqual([]);
    expect([members.total, members.baseYearEnd, members.growthSinceBase]).toEqual([1, 1, 0]);
  });

  it("gives a single series entry when the base year is the reporting year", () => {
    const same = settingsAt("2024-06-30", { baseYear: 2024 });
    const { members, series } = computeMemberFigures(history(), same);
    expect(series.map((s) => [s.year, s.members, s.growthRate])).toEqual([[2024, 2, 0]]);
    expect(members.baseYearEnd).toBe(members.total);
  });

  it("gives zeros and null rates for an empty member list", () => {
    const { members, series } = computeMemberFigures([], settings);
    expect(members).toEqual({
      total: 0,
      byType: { enterprise: 0, group: 0, individual: 0 },
      newInYear: 0,
      leftInYear: 0,
      previousYearEnd: 0,
      growthRate: null,
      baseYearEnd: 0,
      growthSinceBase: null,
      retentionRate: null,
      aboveScale: 0,
    });
    expect(series.map((s) => [s.year, s.members, s.growthRate])).toEqual([
      [2021, 0, null],
      [2022, 0, null],
      [2023, 0, null],
      [2024, 0, null],
    ]);
  });

  it("ignores rows that are not counted", () => {
    const uncounted = history().map((m, i) => ({ ...m, id: `u${i}`, counted: false }));
    const withUncounted = computeMemberFigures([...history(), ...uncounted], settings);
    expect(withUncounted).toEqual(computeMemberFigures(history(), settings));
    expect(computeMemberFigures(uncounted, settings).members.total).toBe(0);
  });

  it("never counts as active a member who left on the day of joining, but counts the join and the departure", () => {
    const list = [member("x", { joined: "2024-03-01", left: "2024-03-01" })];
    const { members } = computeMemberFigures(list, settings);
    expect([members.total, members.newInYear, members.leftInYear]).toEqual([0, 1, 1]);
  });

  it("refuses settings whose year is not the year of the as-of date", () => {
    const wrong = { ...settings, year: 2023 };
    expect(() => computeMemberFigures([], wrong)).toThrow(RangeError);
  });
});
