import { describe, expect, it } from "vitest";
import type { ProblemDraft, RawCell } from "../types";
import { detectOne, grid, readContext, where } from "../../../tests/core/kit/grids";
import { readDues } from "./dues";
import { readMembers } from "./members";

const HEADER = ["会员编号", "年度", "应缴金额", "实缴金额", "缴费日期"];

function run(rows: RawCell[][]) {
  const problems: ProblemDraft[] = [];
  const ctx = readContext(problems);
  const sheets = [
    grid("会员", [
      ["会员编号", "会员名称", "会员类型", "入会日期", "退会日期"],
      ["M1", "甲", "个人会员", "2012-03-01", null],
      ["M2", "乙", "个人会员", "2012-03-01", "2013-06-30"],
      ["M3", null, "个人会员", "2012-03-01", null],
    ]),
    grid("会费", [HEADER, ...rows]),
  ];
  const members = readMembers(detectOne("members", sheets), ctx, null, null);
  const before = problems.length;
  const read = readDues(detectOne("dues", sheets), ctx, members.index);
  return { ...read, problems: problems.slice(before) };
}

describe("readDues", () => {
  it("counts a paid row and reads money written as text", () => {
    const r = run([["M1", "2014年", "1,200元", "¥1,200", "2014-03-01"]]);
    expect(r.problems).toEqual([]);
    expect(r.records.map((d) => [d.memberId, d.year, d.due, d.paid])).toEqual([
      ["M1", 2014, 1200, 1200],
    ]);
  });

  it("reads a blank paid amount as zero", () => {
    const r = run([["M1", 2014, 1000, null, null]]);
    expect(r.problems).toEqual([]);
    expect(r.records[0]?.paid).toBe(0);
  });

  it("reports a member that does not exist", () => {
    const r = run([["M9", 2014, 1000, 0, null]]);
    expect(where(r.problems)).toEqual([[2, "A", "unknown-member"]]);
  });

  it("excludes dues of a member whose row has an error, naming that row", () => {
    const r = run([["M3", 2014, 1000, 0, null]]);
    expect(r.problems.map((p) => [p.code, p.params])).toEqual([
      ["member-excluded", { memberSheet: "会员", memberRow: 4 }],
    ]);
    expect(r.account).toEqual({ read: 1, counted: 0, excluded: 1 });
  });

  it("reports the second row of a member and year, and counts the first", () => {
    const r = run([
      ["M1", 2014, 1000, 1000, "2014-01-02"],
      ["M1", "2014", 1000, 1000, "2014-01-02"],
    ]);
    expect(where(r.problems)).toEqual([[3, "B", "duplicate-dues"]]);
    expect(r.records.map((d) => d.counted)).toEqual([true, false]);
  });

  it("warns about an overpayment and a payment without a date, and keeps the row", () => {
    const r = run([["M1", 2014, 1000, 1500, null]]);
    expect(where(r.problems)).toEqual([
      [2, "D", "overpaid"],
      [2, "E", "paid-without-date"],
    ]);
    expect(r.account.counted).toBe(1);
  });

  it("reports a negative amount as an error", () => {
    const r = run([["M1", 2014, -5, 0, null]]);
    expect(where(r.problems)).toEqual([[2, "C", "negative-amount"]]);
  });

  it("warns about dues for a year outside the membership", () => {
    const r = run([
      ["M1", 2011, 100, 0, null],
      ["M2", 2014, 100, 0, null],
      ["M2", 2013, 100, 0, null],
    ]);
    expect(where(r.problems)).toEqual([
      [2, "B", "dues-outside-membership"],
      [3, "B", "dues-outside-membership"],
    ]);
  });

  it("rejects a year before 1949 or after next year", () => {
    const r = run([
      ["M1", 1948, 100, 0, null],
      ["M1", 2016, 100, 0, null],
      ["M1", 2015, 100, 0, null],
    ]);
    expect(where(r.problems)).toEqual([
      [2, "B", "not-a-year"],
      [3, "B", "not-a-year"],
    ]);
  });

  it("warns about a payment date after today and keeps the row", () => {
    const r = run([["M1", 2014, 100, 100, "2015-01-01"]]);
    expect(r.problems.map((p) => [p.column, p.code, p.severity])).toEqual([
      ["E", "date-in-future", "warning"],
    ]);
    expect(r.account.counted).toBe(1);
  });

  it("warns about an unreadable optional amount and counts it as nothing paid", () => {
    const r = run([["M1", 2014, 100, "不详", null]]);
    expect(r.problems.map((p) => [p.column, p.code, p.severity])).toEqual([
      ["D", "not-a-number", "warning"],
    ]);
    expect(r.records[0]?.paid).toBe(0);
  });
});
