import { describe, expect, it } from "vitest";
import type { ProblemDraft, RawCell } from "../types";
import { detectOne, grid, readContext, where } from "../../../tests/core/kit/grids";
import { readChambers } from "./chambers";
import { readMembers } from "./members";
import { readTownships } from "./townships";

const HEADER = [
  "会员编号",
  "会员名称",
  "会员类型",
  "所属商会",
  "乡镇街道",
  "入会日期",
  "退会日期",
  "统一社会信用代码",
  "联系电话",
];

function run(
  rows: RawCell[][],
  opts: { withChambers?: boolean; withTownships?: boolean; moreChambers?: RawCell[][] } = {}
) {
  const problems: ProblemDraft[] = [];
  const ctx = readContext(problems);
  const sheets = [
    grid("会员", [HEADER, ...rows]),
    grid("商会", [
      ["商会编号", "商会名称", "商会类型", "所属乡镇街道", "成立日期"],
      ["C1", "城关镇商会", "乡镇街道商会", "城关镇", "2010-05-01"],
      ["C2", "建筑业商会", "行业商会", null, "2012-01-01"],
      ["C3", null, "行业商会", null, "2012-01-01"],
      ...(opts.moreChambers ?? []),
    ]),
    grid("乡镇", [
      ["乡镇街道", "年度", "非公企业数"],
      ["城关镇", 2014, 100],
      ["东城街道", 2014, 80],
    ]),
  ];
  const townships =
    opts.withTownships === false ? null : readTownships(detectOne("townships", sheets), ctx).index;
  const chambers =
    opts.withChambers === false
      ? null
      : readChambers(detectOne("chambers", sheets), ctx, townships).index;
  const before = problems.length;
  const read = readMembers(detectOne("members", sheets), ctx, chambers, townships);
  return { ...read, problems: problems.slice(before) };
}

describe("readMembers", () => {
  it("counts a complete row and resolves its chamber by ID and by exact name", () => {
    const r = run([
      ["M1", "甲公司", "企业会员", "C1", "城关镇", "2013-01-01", null, null, null],
      ["M2", "乙", "个人会员", "建筑业商会", null, "2013-01-01", null, null, null],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.records.map((m) => [m.id, m.chamberId, m.counted])).toEqual([
      ["M1", "C1", true],
      ["M2", "C2", true],
    ]);
    expect(r.account).toEqual({ read: 2, counted: 2, excluded: 0 });
  });

  it("reports a blank required cell and excludes the row", () => {
    const r = run([[null, "甲公司", "企业会员", null, "城关镇", "2013-01-01"]]);
    expect(where(r.problems)).toEqual([[2, "A", "blank-required"]]);
    expect(r.account).toEqual({ read: 1, counted: 0, excluded: 1 });
  });

  it("requires a township for enterprise members only", () => {
    const r = run([
      ["M1", "甲公司", "企业会员", null, null, "2013-01-01"],
      ["M2", "乙", "团体会员", null, null, "2013-01-01"],
    ]);
    expect(where(r.problems)).toEqual([[2, "E", "blank-required"]]);
    expect(r.problems[0]?.params).toEqual({ field: "township", why: "enterprise-member" });
  });

  it("reports a township that the 乡镇 sheet does not name, with the nearest one", () => {
    const r = run([["M1", "甲公司", "企业会员", null, "城关", "2013-01-01"]]);
    expect(r.problems.map((p) => [p.column, p.code, p.params])).toEqual([
      ["E", "unknown-township", { suggestion: "城关镇" }],
    ]);
  });

  it("accepts a township spelled with other widths and spaces, and keeps the 乡镇 sheet's spelling", () => {
    const r = run([["M1", "甲公司", "企业会员", null, " 东城 街道", "2013-01-01"]]);
    expect(r.problems).toEqual([]);
    expect(r.records[0]?.township).toBe("东城街道");
  });

  it("does not check townships when there is no 乡镇 sheet", () => {
    const r = run([["M1", "甲公司", "企业会员", null, "不存在镇", "2013-01-01"]], {
      withTownships: false,
    });
    expect(r.problems).toEqual([]);
  });

  it("reports a chamber that no row of the 商会 sheet names", () => {
    const r = run([["M1", "乙", "个人会员", "C9", null, "2013-01-01"]]);
    expect(where(r.problems)).toEqual([[2, "D", "unknown-chamber"]]);
  });

  it("counts a member of a chamber whose own row has an error", () => {
    // C3 has no name: its row is excluded, but it carries the ID.
    const r = run([["M1", "乙", "个人会员", "C3", null, "2013-01-01"]]);
    expect(r.problems).toEqual([]);
    expect(r.records[0]?.counted).toBe(true);
  });

  it("reports a repeated member ID on the later row only", () => {
    const r = run([
      ["M1", "甲", "个人会员", null, null, "2013-01-01"],
      ["M1", "乙", "个人会员", null, null, "2013-01-01"],
    ]);
    expect(where(r.problems)).toEqual([[3, "A", "duplicate-id"]]);
    expect(r.index.firstRow("M1")).toBe(2);
  });

  it("reports a repeated credit code among members", () => {
    const r = run([
      ["M1", "甲", "企业会员", null, "城关镇", "2013-01-01", null, "91350100M000100Y43"],
      ["M2", "乙", "企业会员", null, "城关镇", "2013-01-01", null, "91350100M000100Y43"],
    ]);
    expect(where(r.problems)).toEqual([[3, "H", "duplicate-uscc"]]);
  });

  it("reports a left date before the joined date", () => {
    const r = run([["M1", "甲", "个人会员", null, null, "2013-05-01", "2013-04-30"]]);
    expect(where(r.problems)).toEqual([[2, "G", "date-order"]]);
  });

  it("reports a joined date after today as an error", () => {
    const r = run([["M1", "甲", "个人会员", null, null, "2014-12-16"]]);
    expect(r.problems.map((p) => [p.column, p.code, p.severity])).toEqual([
      ["F", "date-in-future", "error"],
    ]);
  });

  it("warns when a member joined its chamber before the chamber was founded, and still counts it", () => {
    const r = run([["M1", "甲", "个人会员", "C1", null, "2009-01-01"]]);
    expect(r.problems.map((p) => [p.column, p.code, p.severity])).toEqual([
      ["F", "joined-before-founded", "warning"],
    ]);
    expect(r.account.counted).toBe(1);
  });

  it("resolves a chamber named by the name of a row that repeats an earlier ID to the ID's first row", () => {
    // The later C1 row (a duplicate-id, founded 2014-06-01) is not the chamber: the member, who
    // joined in 2013, belongs to the first C1, founded 2010-05-01, and joined after it was founded.
    const r = run([["M1", "甲", "个人会员", "城关新商会", null, "2013-01-01"]], {
      moreChambers: [["C1", "城关新商会", "行业商会", null, "2014-06-01"]],
    });
    expect(r.problems).toEqual([]);
    expect(r.records.map((m) => [m.chamberId, m.counted])).toEqual([["C1", true]]);
  });

  it("warns about a phone that is no phone and keeps the row", () => {
    const r = run([["M1", "甲", "个人会员", null, null, "2013-01-01", null, null, "12345"]]);
    expect(where(r.problems)).toEqual([[2, "I", "bad-phone"]]);
    expect(r.account.counted).toBe(1);
  });

  it("reports a credit code typed as a number", () => {
    const r = run([
      ["M1", "甲", "企业会员", null, "城关镇", "2013-01-01", null, 913501001234567800],
    ]);
    expect(r.problems.map((p) => [p.column, p.code, p.params])).toEqual([
      ["H", "bad-uscc", { reason: "number" }],
    ]);
  });

  it("skips completely empty rows without a problem", () => {
    const r = run([
      [null, "", "  "],
      ["M1", "甲", "个人会员", null, null, "2013-01-01"],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.account).toEqual({ read: 1, counted: 1, excluded: 0 });
  });
});
