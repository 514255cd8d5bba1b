import { describe, expect, it } from "vitest";
import type { ProblemDraft, RawCell } from "../types";
import { detectOne, grid, readContext, where } from "../../../tests/core/kit/grids";
import { readChambers } from "./chambers";
import { readTownships } from "./townships";
import { usccCheckCharacter } from "../uscc";

const HEADER = [
  "商会编号",
  "商会名称",
  "商会类型",
  "所属乡镇街道",
  "成立日期",
  "撤销日期",
  "民政登记",
  "专职人员数",
  "网站",
  "统一社会信用代码",
];

function run(rows: RawCell[][]) {
  const problems: ProblemDraft[] = [];
  const ctx = readContext(problems);
  const sheets = [
    grid("商会", [HEADER, ...rows]),
    grid("乡镇", [
      ["乡镇街道", "年度", "非公企业数"],
      ["城关镇", 2014, 100],
    ]),
  ];
  const townships = readTownships(detectOne("townships", sheets), ctx).index;
  const before = problems.length;
  const read = readChambers(detectOne("chambers", sheets), ctx, townships);
  return { ...read, problems: problems.slice(before) };
}

describe("readChambers", () => {
  it("reads a complete chamber with its quality flags", () => {
    const r = run([
      [
        "C1",
        "城关镇商会",
        "乡镇商会",
        "城关镇",
        "2010-05-01",
        null,
        "是",
        2,
        "www.cg.gov.cn",
        null,
      ],
    ]);
    expect(r.problems).toEqual([]);
    expect(
      r.records.map((c) => [c.type, c.township, c.registered, c.fullTimeStaff, c.website])
    ).toEqual([["township", "城关镇", true, 2, "www.cg.gov.cn"]]);
  });

  it("suggests the nearest type for a misspelt one", () => {
    const r = run([["C1", "建筑业商会", "行业商汇", null, "2010-05-01"]]);
    expect(r.problems.map((p) => [p.column, p.code, p.params])).toEqual([
      ["C", "bad-enum", expect.objectContaining({ suggestion: "行业商会" })],
    ]);
  });

  it("requires a township for township chambers", () => {
    const r = run([["C1", "某镇商会", "乡镇街道商会", null, "2010-05-01"]]);
    expect(where(r.problems)).toEqual([[2, "D", "blank-required"]]);
  });

  it("reports repeated IDs and names on the later row", () => {
    const r = run([
      ["C1", "甲商会", "行业商会", null, "2010-05-01"],
      ["C1", "乙商会", "行业商会", null, "2010-05-01"],
      ["C3", "甲商会", "行业商会", null, "2010-05-01"],
    ]);
    expect(where(r.problems)).toEqual([
      [3, "A", "duplicate-id"],
      [4, "B", "duplicate-id"],
    ]);
  });

  it("counts a chamber whose credit code starts with 51 as registered", () => {
    const first17 = "51350100MJ0001234";
    const code = first17 + (usccCheckCharacter(first17) ?? "?");
    const r = run([["C1", "甲商会", "行业商会", null, "2010-05-01", null, null, null, null, code]]);
    expect(r.problems).toEqual([]);
    expect(r.records[0]?.registered).toBe(true);
  });

  it("reports a dissolved date before the founded date", () => {
    const r = run([["C1", "甲商会", "行业商会", null, "2010-05-01", "2009-01-01"]]);
    expect(where(r.problems)).toEqual([[2, "F", "date-order"]]);
  });

  it("warns about a full-time staff count that is not a whole number, and keeps the row", () => {
    const r = run([["C1", "甲商会", "行业商会", null, "2010-05-01", null, null, "两人"]]);
    expect(r.problems.map((p) => [p.column, p.code, p.severity])).toEqual([
      ["H", "not-a-number", "warning"],
    ]);
    expect(r.account.counted).toBe(1);
  });

  it("warns about a website that is not a URL but still counts it as having one", () => {
    const r = run([["C1", "甲商会", "行业商会", null, "2010-05-01", null, null, null, "暂无网址"]]);
    expect(where(r.problems)).toEqual([[2, "I", "bad-url"]]);
    expect(r.records[0]?.website).toBe("暂无网址");
  });
});
