import { describe, expect, it } from "vitest";
import { computeMetrics } from "../metrics";
import { townshipsBelowTarget } from "./coverage";
import { chamber, inputs, member, settingsAt, township } from "../../../tests/core/kit/records";

describe("coverage figures", () => {
  it("makes every figure null and says why when the 乡镇 sheet is missing", () => {
    for (const reason of ["missing-sheet", "missing-column"] as const) {
      const out = computeMetrics(
        inputs({ townships: null, townshipsUnavailable: reason, members: [member("a")] })
      );
      expect(out.coverage).toEqual({
        townships: null,
        townshipsWithChamber: null,
        townshipChamberCoverage: null,
        nonPublicEnterprises: null,
        enterpriseMembers: null,
        memberCoverage: null,
        target: 0.1,
        meetsTarget: null,
        byTownship: null,
        unavailableReason: reason,
      });
      expect(out.warnings).toEqual([]);
    }
  });

  it("counts distinct counted townships in the order they first appear", () => {
    const townships = [
      township("东街", 2023, 10),
      township("西镇", 2024, 20),
      township("东街", 2024, 30),
      township("南乡", 2024, 40, { counted: false }),
    ];
    const c = computeMetrics(inputs({ townships, townshipsUnavailable: null })).coverage;
    expect(c.townships).toBe(2);
    expect(c.byTownship?.map((t) => [t.township, t.nonPublicEnterprises])).toEqual([
      ["东街", 30],
      ["西镇", 20],
    ]);
    expect([c.nonPublicEnterprises, c.unavailableReason]).toEqual([50, null]);
  });

  it("uses a township's latest earlier year when the reporting year is missing, with a warning", () => {
    const townships = [
      township("东街", 2021, 10, { row: 2 }),
      township("东街", 2023, 12, { row: 3 }),
      township("东街", 2025, 99, { row: 4 }),
      township("西镇", 2024, 20, { row: 5 }),
    ];
    const out = computeMetrics(inputs({ townships, townshipsUnavailable: null }));
    expect(out.coverage.nonPublicEnterprises).toBe(32);
    expect(out.warnings).toEqual([
      {
        code: "township-year-missing",
        severity: "warning",
        kind: "townships",
        sheet: "乡镇",
        row: 3,
        column: null,
        value: null,
        params: { township: "东街", year: 2024, usedYear: 2023 },
      },
    ]);
  });

  it("counts 0 for a township with no year up to the reporting year, warning on its first row", () => {
    const townships = [
      township("西镇", 2024, 20, { row: 2 }),
      township("北村", 2025, 7, { row: 3, sheet: "非公企业" }),
      township("北村", 2026, 8, { row: 4, sheet: "非公企业" }),
    ];
    const out = computeMetrics(inputs({ townships, townshipsUnavailable: null }));
    expect(out.coverage.nonPublicEnterprises).toBe(20);
    expect(out.coverage.byTownship?.map((t) => t.nonPublicEnterprises)).toEqual([20, 0]);
    expect(out.warnings.map((w) => [w.sheet, w.row, w.column, w.value, w.params])).toEqual([
      ["非公企业", 3, null, null, { township: "北村", year: 2024, usedYear: null }],
    ]);
  });

  it("counts townships with an active township chamber naming them exactly", () => {
    const townships = ["东街", "西镇", "南乡", "北村"].map((t) => township(t, 2024, 10));
    const chambers = [
      chamber("1", { type: "township", township: "东街" }),
      chamber("2", { type: "township", township: "东街" }),
      chamber("3", { type: "industry", township: "西镇" }),
      chamber("4", { type: "township", township: "南乡", dissolved: "2024-06-30" }),
      chamber("5", { type: "township", township: "北村", counted: false }),
      chamber("6", { type: "township", township: "北村 " }),
    ];
    const c = computeMetrics(inputs({ townships, chambers, townshipsUnavailable: null })).coverage;
    expect([c.townshipsWithChamber, c.townshipChamberCoverage]).toEqual([1, 0.25]);
    expect(c.byTownship?.map((t) => t.hasTownshipChamber)).toEqual([true, false, false, false]);
  });

  it("counts no township chamber when there is no 商会 sheet", () => {
    const townships = [township("东街", 2024, 10), township("西镇", 2024, 10)];
    const c = computeMetrics(
      inputs({ townships, chambers: null, townshipsUnavailable: null })
    ).coverage;
    expect([c.townshipsWithChamber, c.townshipChamberCoverage]).toEqual([0, 0]);
  });

  it("counts every active enterprise member overall and those naming each township per township", () => {
    const townships = [township("东街", 2024, 20), township("西镇", 2024, 0)];
    const members = [
      member("1", { type: "enterprise", township: "东街" }),
      member("2", { type: "enterprise", township: "东街", joined: "2024-06-30" }),
      member("3", { type: "enterprise", township: "东街", left: "2024-06-30" }),
      member("4", { type: "group", township: "东街" }),
      member("5", { type: "enterprise", township: "西镇" }),
      member("6", { type: "enterprise", township: "外地" }),
      member("7", { type: "enterprise", township: "东街", counted: false }),
    ];
    const settings = settingsAt("2024-06-30", { coverageTarget: 0.1 });
    const c = computeMetrics(
      inputs({ settings, townships, members, townshipsUnavailable: null })
    ).coverage;
    // 1, 2, 5 and 6 (whose township is not on the sheet) are active enterprise members at D.
    expect([c.enterpriseMembers, c.nonPublicEnterprises, c.memberCoverage, c.meetsTarget]).toEqual([
      4,
      20,
      0.2,
      true,
    ]);
    expect(
      c.byTownship?.map((t) => [t.township, t.enterpriseMembers, t.coverage, t.meetsTarget])
    ).toEqual([
      ["东街", 2, 0.1, true],
      ["西镇", 1, null, null],
    ]);
  });

  it("does not meet a target it falls short of", () => {
    const settings = settingsAt("2024-06-30", { coverageTarget: 0.5 });
    const townships = [township("东街", 2024, 3)];
    const members = [member("1", { township: "东街" })];
    const c = computeMetrics(
      inputs({ settings, townships, members, townshipsUnavailable: null })
    ).coverage;
    expect([c.memberCoverage, c.meetsTarget, c.byTownship?.[0]?.meetsTarget]).toEqual([
      1 / 3,
      false,
      false,
    ]);
  });

  it("gives null member coverage when the townships have no non-public enterprises", () => {
    const c = computeMetrics(
      inputs({ townships: [], members: [member("1")], townshipsUnavailable: null })
    ).coverage;
    expect(c).toMatchObject({
      townships: 0,
      townshipsWithChamber: 0,
      townshipChamberCoverage: null,
      nonPublicEnterprises: 0,
      enterpriseMembers: 1,
      memberCoverage: null,
      meetsTarget: null,
      byTownship: [],
    });
  });

  it("leaves the member figures null when there is no 会员 sheet", () => {
    const c = computeMetrics(
      inputs({ townships: [township("东街", 2024, 5)], members: null, townshipsUnavailable: null })
    ).coverage;
    expect([c.nonPublicEnterprises, c.enterpriseMembers, c.memberCoverage, c.meetsTarget]).toEqual([
      5,
      null,
      null,
      null,
    ]);
    expect(c.byTownship?.map((t) => [t.enterpriseMembers, t.coverage])).toEqual([[0, null]]);
  });
});

describe("the townships below the target", () => {
  it("lists the townships that miss the target, each with the row its count came from", () => {
    const settings = settingsAt("2024-06-30", { coverageTarget: 0.5 });
    const townships = [
      township("东街", 2023, 4, { row: 2 }),
      township("东街", 2024, 4, { row: 3 }),
      township("西镇", 2023, 2, { row: 4 }),
      township("北镇", 2024, 2, { row: 5 }),
      township("空乡", 2024, 0, { row: 6 }),
      township("南乡", 2022, 10, { row: 7 }),
    ];
    const members = [
      member("1", { type: "enterprise", township: "东街" }),
      member("2", { type: "enterprise", township: "西镇" }),
      member("3", { type: "enterprise", township: "北镇" }),
      member("4", { type: "enterprise", township: "南乡" }),
    ];
    const input = inputs({ settings, townships, members, townshipsUnavailable: null });
    const below = townshipsBelowTarget(computeMetrics(input).coverage, townships, 2024);
    // 东街 1 of 4 and 南乡 1 of 10 (its 2022 count) miss 50%; 西镇 (its 2023 count, 1 of 2) and
    // 北镇 (1 of 2) meet it; 空乡 has no enterprises, so no coverage to miss it by
    expect(below.map((b) => [b.coverage.township, b.coverage.coverage, b.row?.row])).toEqual([
      ["东街", 0.25, 3],
      ["南乡", 0.1, 7],
    ]);
  });

  it("lists none when the 乡镇 sheet is missing", () => {
    const c = computeMetrics(
      inputs({ townships: null, townshipsUnavailable: "missing-sheet", members: [member("a")] })
    ).coverage;
    expect(townshipsBelowTarget(c, null, 2024)).toEqual([]);
  });
});
