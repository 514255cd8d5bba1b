import { describe, expect, it } from "vitest";
import type { Problem, ProblemSummary } from "../core/types";
import { filterProblems, groupProblems, NO_FILTER, problemCell, problemSheets } from "./problems";

function bad(
  code: "bad-uscc" | "bad-phone" | "duplicate-id",
  row: number,
  column: string | null
): Problem {
  const base = { kind: "members" as const, sheet: "会员", row, column, value: "x", message: "m" };
  if (code === "bad-uscc") return { ...base, code, severity: "error", params: { reason: "check" } };
  if (code === "bad-phone") return { ...base, code, severity: "warning", params: {} };
  return { ...base, code, severity: "error", params: { field: "id", firstRow: 2 } };
}

describe("problems in the pane", () => {
  it("groups by code with errors first, then by count", () => {
    const problems = [
      bad("bad-phone", 3, "K"),
      bad("bad-phone", 4, "K"),
      bad("bad-phone", 9, "K"),
      bad("bad-uscc", 5, "F"),
      bad("duplicate-id", 6, "A"),
      bad("duplicate-id", 7, "A"),
    ];
    const summary: ProblemSummary = {
      errors: 3,
      warnings: 3,
      byCode: { "bad-phone": 3, "bad-uscc": 1, "duplicate-id": 2 },
      items: problems,
      truncated: false,
    };
    expect(groupProblems(summary, problems).map((g) => [g.code, g.count, g.items.length])).toEqual([
      ["duplicate-id", 2, 2],
      ["bad-uscc", 1, 1],
      ["bad-phone", 3, 3],
    ]);
  });

  it("takes counts from the summary, which is never capped", () => {
    const problems = [bad("bad-phone", 3, "K")];
    const summary: ProblemSummary = {
      errors: 0,
      warnings: 12000,
      byCode: { "bad-phone": 12000 },
      items: problems,
      truncated: true,
    };
    expect(groupProblems(summary, problems).map((g) => [g.code, g.count])).toEqual([
      ["bad-phone", 12000],
    ]);
  });

  it("points at the cell, or at the row's first column when the column is unknown", () => {
    expect(problemCell(bad("bad-uscc", 12, "C"))).toBe("C12");
    expect(problemCell(bad("bad-uscc", 12, null))).toBe("A12");
  });

  it("filters by severity, by sheet and by every word of a search, in the message or the cell", () => {
    const problems = [
      bad("bad-phone", 3, "K"),
      bad("bad-uscc", 5, "F"),
      { ...bad("duplicate-id", 6, "A"), sheet: "商会", message: "编号重复" },
    ];
    const text = (p: Problem): string => p.message;
    const rows = (list: Problem[]): number[] => list.map((p) => p.row ?? 0);
    expect(rows(filterProblems(problems, NO_FILTER, text))).toEqual([3, 5, 6]);
    expect(rows(filterProblems(problems, { ...NO_FILTER, severity: "error" }, text))).toEqual([
      5, 6,
    ]);
    expect(rows(filterProblems(problems, { ...NO_FILTER, severity: "warning" }, text))).toEqual([
      3,
    ]);
    expect(rows(filterProblems(problems, { ...NO_FILTER, sheet: "商会" }, text))).toEqual([6]);
    expect(rows(filterProblems(problems, { ...NO_FILTER, query: "会员!f5" }, text))).toEqual([5]);
    expect(rows(filterProblems(problems, { ...NO_FILTER, query: "重复 商会!A6" }, text))).toEqual([
      6,
    ]);
    expect(rows(filterProblems(problems, { ...NO_FILTER, query: "重复 会员" }, text))).toEqual([]);
    expect(problemSheets(problems)).toEqual(["会员", "商会"]);
  });
});
