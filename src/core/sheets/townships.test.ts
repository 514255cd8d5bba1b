import { describe, expect, it } from "vitest";
import type { ProblemDraft, RawCell } from "../types";
import { detectOne, grid, readContext, where } from "../../../tests/core/kit/grids";
import { lookupTownship, readTownships } from "./townships";

function run(rows: RawCell[][]) {
  const problems: ProblemDraft[] = [];
  const sheets = [grid("乡镇", [["乡镇街道", "年度", "非公企业数"], ...rows])];
  const read = readTownships(detectOne("townships", sheets), readContext(problems));
  return { ...read, problems };
}

describe("readTownships", () => {
  it("reads one row per township and year", () => {
    const r = run([
      ["城关镇", 2013, 90],
      ["城关镇", "2014年", "100"],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.records.map((t) => [t.township, t.year, t.nonPublicEnterprises])).toEqual([
      ["城关镇", 2013, 90],
      ["城关镇", 2014, 100],
    ]);
  });

  it("reports a township and year given twice on the second row", () => {
    const r = run([
      ["城关镇", 2014, 90],
      [" 城关镇", 2014, 100],
    ]);
    expect(where(r.problems)).toEqual([[3, "A", "duplicate-township-year"]]);
    expect(r.records.map((t) => t.counted)).toEqual([true, false]);
  });

  it("rejects a negative or fractional number of enterprises", () => {
    const r = run([
      ["城关镇", 2014, -1],
      ["东城街道", 2014, 2.5],
    ]);
    expect(where(r.problems)).toEqual([
      [2, "C", "not-an-integer"],
      [3, "C", "not-an-integer"],
    ]);
  });

  it("knows a township by any width or spacing of its name", () => {
    const r = run([["东城街道", 2014, 1]]);
    expect(lookupTownship(r.index, " 东城 街道 ")).toBe("东城街道");
    expect(lookupTownship(r.index, "西城街道")).toBeNull();
  });
});
