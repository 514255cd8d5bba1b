import { describe, expect, it } from "vitest";
import type { Problem } from "../types";
import { buildProblemsSheet } from "./problems";
import { problem, values } from "../../../tests/core/kit/report";

function sheet(problems: readonly Problem[], lang: "zh" | "en" = "zh", maxRows?: number) {
  return buildProblemsSheet({ lang, problems, name: "校验结果" }, maxRows);
}

const SAMPLE: Problem[] = [
  problem({ row: 3, column: "B", value: "X01", message: "编号重复。" }),
  problem({
    code: "bad-phone",
    severity: "warning",
    row: 7,
    column: "K",
    value: "12345",
    params: {},
    message: "电话号码有误。",
  }),
  problem({
    code: "missing-column",
    kind: "dues",
    sheet: "会费",
    row: null,
    column: null,
    params: { kind: "dues", field: "due" },
    message: "缺少应缴金额列。",
  }),
  problem({
    code: "missing-sheet",
    severity: "warning",
    kind: "townships",
    sheet: "乡镇",
    row: null,
    column: null,
    params: { kind: "townships" },
    message: "未找到乡镇工作表。",
  }),
  problem({
    code: "output-sheet-renamed",
    severity: "warning",
    kind: null,
    sheet: "",
    row: null,
    column: null,
    params: { wanted: "汇总", usedName: "汇总 (2)" },
    message: "输出写到了“汇总 (2)”。",
  }),
];

describe("problems sheet", () => {
  it("lists one problem a row under a frozen header", () => {
    const s = sheet(SAMPLE);
    expect(s.freezeRows).toBe(1);
    expect(s.rows.map(values)).toEqual([
      ["级别", "代码", "工作表", "行", "列", "值", "说明"],
      ["错误", "blank-required", "会员", 3, "B", "X01", "编号重复。"],
      ["警告", "bad-phone", "会员", 7, "K", "12345", "电话号码有误。"],
      ["错误", "missing-column", "会费", null, null, null, "缺少应缴金额列。"],
      ["警告", "missing-sheet", "乡镇", null, null, null, "未找到乡镇工作表。"],
      ["警告", "output-sheet-renamed", null, null, null, null, "输出写到了“汇总 (2)”。"],
    ]);
  });

  it("styles the severity as error or warning", () => {
    expect(
      sheet(SAMPLE)
        .rows.slice(1, 3)
        .map((r) => r[0]?.style)
    ).toEqual(["error", "warning"]);
  });

  it("links the sheet cell to the problem's cell, or to A1 when only the sheet is known", () => {
    const links = sheet(SAMPLE)
      .rows.slice(1)
      .map((r) => r[2]?.link ?? null);
    expect(links).toEqual([
      { sheet: "会员", cell: "B3" },
      { sheet: "会员", cell: "K7" },
      { sheet: "会费", cell: "A1" },
      null,
      null,
    ]);
  });

  it("links a problem about a whole row to the row's first cell", () => {
    const s = sheet([problem({ row: 9, column: null })]);
    expect(s.rows[1]?.[2]?.link).toEqual({ sheet: "会员", cell: "A9" });
  });

  it("keeps hostile text literal, exactly as the user typed it", () => {
    const hostile = "=cmd|' /C calc'!A0";
    const s = sheet([
      problem({ value: hostile, sheet: "+会员", message: "@SUM(1)" }),
      problem({ value: "-2+3", row: 6 }),
    ]);
    expect(s.rows.slice(1).map((r) => [r[2]?.v, r[5]?.v, r[6]?.v])).toEqual([
      ["+会员", hostile, "@SUM(1)"],
      ["会员", "-2+3", "会员类型为空。"],
    ]);
    expect(s.rows[1]?.[5]).toEqual({ v: hostile });
  });

  it("says so in one row when there are no problems", () => {
    expect(sheet([], "en").rows.map(values)).toEqual([
      ["Severity", "Code", "Sheet", "Row", "Column", "Value", "Message"],
      ["No problems found."],
    ]);
  });

  it("stops at the row limit with a last row that counts the problems left out", () => {
    const many = Array.from({ length: 12 }, (_, i) => problem({ row: i + 2 }));
    const s = sheet(many, "zh", 10);
    expect(s.rows).toHaveLength(10);
    expect(s.rows[8]?.[3]?.v).toBe(9);
    expect(s.rows[9]?.map((c) => [c?.v, c?.style])).toEqual([
      ["另有 4 条问题未列出：Excel 每个工作表最多 10 行。问题总数以汇总为准。", "note"],
    ]);
  });

  it("lists every problem when they exactly fill the sheet", () => {
    const many = Array.from({ length: 9 }, (_, i) => problem({ row: i + 2 }));
    const s = sheet(many, "zh", 10);
    expect(s.rows).toHaveLength(10);
    expect(s.rows[9]?.[3]?.v).toBe(10);
  });

  it("builds 200,000 problem rows", () => {
    const codes = ["blank-required", "not-a-date", "bad-phone"] as const;
    const many: Problem[] = Array.from({ length: 200_000 }, (_, i) =>
      problem({
        code: codes[i % 3] ?? "blank-required",
        row: i + 2,
        column: "ABC"[i % 3] ?? "A",
        value: `v${i}`,
        message: `第 ${i + 2} 行有误。`,
      })
    );
    const s = sheet(many);
    expect(s.rows).toHaveLength(200_001);
    expect(values(s.rows[200_000])).toEqual([
      "错误",
      "not-a-date",
      "会员",
      200_001,
      "B",
      "v199999",
      "第 200001 行有误。",
    ]);
    expect(s.rows[200_000]?.[2]?.link).toEqual({ sheet: "会员", cell: "B200001" });
  });

  it("sizes columns to their contents, CJK characters counting two", () => {
    const s = sheet([problem({ message: "这是一条很长的说明文字用来测试列宽" })]);
    // 17 CJK characters = 34 columns, plus padding
    expect(s.columnWidths[6]).toBe(36);
    expect(s.columnWidths).toHaveLength(7);
  });
});
