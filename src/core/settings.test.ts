import { describe, expect, it } from "vitest";
import { dayFromIso, isoOfDay } from "./dates";
import { detectSheets } from "./detect";
import { readSettings } from "./settings";
import { grid } from "../../tests/core/kit/grids";
import type { RawCell } from "./types";

const TODAY = dayFromIso("2014-12-15") ?? 0;

function run(rows: RawCell[][] | null, override: string | null = null) {
  const sheets = rows ? [grid("设置", rows)] : [];
  const found = detectSheets(sheets, new Set()).sheets.settings;
  const r = readSettings(found, 1900, TODAY, override === null ? null : dayFromIso(override));
  return { ...r.settings, asOf: isoOfDay(r.settings.asOf), problems: r.problems };
}

describe("readSettings", () => {
  it("uses the defaults without a 设置 sheet: today, three years back, 10%, 500,000", () => {
    expect(run(null)).toEqual({
      asOf: "2014-12-15",
      year: 2014,
      baseYear: 2011,
      coverageTarget: 0.1,
      duesIncomeThreshold: 500000,
      problems: [],
    });
  });

  it("reads settings by their Chinese or English names, below a header row", () => {
    const s = run([
      ["设置项", "值"],
      ["统计截止日期", "2014-11-30"],
      ["Base year", 2010],
      ["会员覆盖率目标", "12%"],
      ["会费收入标准", "30万"],
    ]);
    expect([s.asOf, s.year, s.baseYear, s.coverageTarget, s.duesIncomeThreshold]).toEqual([
      "2014-11-30",
      2014,
      2010,
      0.12,
      300000,
    ]);
  });

  it("lets the command line's --as-of win over the sheet", () => {
    expect(run([["截止日期", "2014-11-30"]], "2013-06-30").asOf).toBe("2013-06-30");
  });

  it("warns about a setting it cannot read and uses the default", () => {
    const s = run([
      ["统计截止日期", "明年"],
      ["基准年度", "2020"],
    ]);
    expect(s.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [1, "B", "bad-setting"],
      [2, "B", "bad-setting"],
    ]);
    expect([s.asOf, s.baseYear]).toEqual(["2014-12-15", 2011]);
  });
});
