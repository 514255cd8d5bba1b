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
  it("lists one problem a row by its title, cell and code under a frozen header", () => {
    const s = sheet(SAMPLE);
    expect(s.freezeRows).toBe(1);
    expect(s.rows.map(values)).toEqual([
      ["级别", "问题", "单元格", "值", "说明", "代码"],
      ["错误", "必填项为空", "会员!B3", "X01", "编号重复。", "blank-required"],
      ["警告", "电话号码有误", "会员!K7", "12345", "电话号码有误。", "bad-phone"],
      ["错误", "缺少必需的列", "会费", null, "缺少应缴金额列。", "missing-column"],
      ["警告", "缺少工作表", "乡镇", null, "未找到乡镇工作表。", "missing-sheet"],
      ["警告", "输出工作表已改名", null, null, "输出写到了“汇总 (2)”。", "output-sheet-renamed"],
    ]);
  });

  it("titles each problem in the workbook's language", () => {
    expect(values(sheet(SAMPLE, "en").rows[1])).toEqual([
      "Error",
      "Required cell is blank",
      "会员!B3",
      "X01",
      "编号重复。",
      "blank-required",
    ]);
  });

  it("fills each problem row by its severity and wraps its message", () => {
    const styles = sheet(SAMPLE)
      .rows.slice(1, 3)
      .map((r) => r.map((c) => c?.style));
    expect(styles).toEqual([
      ["error", "errorRow", "errorRow", "errorRow", "errorRowText", "errorRow"],
      ["warning", "warningRow", "warningRow", "warningRow", "warningRowText", "warningRow"],
    ]);
  });

  it("puts an AutoFilter on the header and the problem rows, not on a closing note", () => {
    expect(sheet(SAMPLE).autoFilter).toBe("A1:F6");
    const many = Array.from({ length: 12 }, (_, i) => problem({ row: i + 2 }));
    expect(sheet(many, "zh", 10).autoFilter).toBe("A1:F9");
    expect(sheet([]).autoFilter).toBeUndefined();
  });

  it("links the cell column to the problem's cell, or to A1 when only the sheet is known", () => {
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

  it("shows a problem about a whole row as that row, linked to its first cell", () => {
    const s = sheet([problem({ row: 9, column: null })]);
    expect(s.rows[1]?.[2]?.v).toBe("会员!9:9");
    expect(s.rows[1]?.[2]?.link).toEqual({ sheet: "会员", cell: "A9" });
  });

  it("keeps hostile text literal, exactly as the user typed it", () => {
    const hostile = "=cmd|' /C calc'!A0";
    const s = sheet([
      problem({ value: hostile, sheet: "+会员", message: "@SUM(1)" }),
      problem({ value: "-2+3", row: 6 }),
    ]);
    expect(s.rows.slice(1).map((r) => [r[2]?.v, r[3]?.v, r[4]?.v])).toEqual([
      ["+会员!C5", hostile, "@SUM(1)"],
      ["会员!C6", "-2+3", "会员类型为空。"],
    ]);
    expect(s.rows[1]?.[3]).toEqual({ v: hostile, style: "errorRow" });
  });

  it("says so in one row when there are no problems", () => {
    expect(sheet([], "en").rows.map(values)).toEqual([
      ["Severity", "Problem", "Cell", "Value", "Message", "Code"],
      ["No problems found."],
    ]);
  });

  it("stops at the row limit with a last row that counts the problems left out", () => {
    const many = Array.from({ length: 12 }, (_, i) => problem({ row: i + 2 }));
    const s = sheet(many, "zh", 10);
    expect(s.rows).toHaveLength(10);
    expect(s.rows[8]?.[2]?.v).toBe("会员!C9");
    expect(s.rows[9]?.map((c) => [c?.v, c?.style])).toEqual([
      ["另有 4 条问题未列出：Excel 每个工作表最多 10 行。问题总数以汇总为准。", "note"],
    ]);
  });

  it("lists every problem when they exactly fill the sheet", () => {
    const many = Array.from({ length: 9 }, (_, i) => problem({ row: i + 2 }));
    const s = sheet(many, "zh", 10);
    expect(s.rows).toHaveLength(10);
    expect(s.rows[9]?.[2]?.v).toBe("会员!C10");
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
      "不是日期",
      "会员!B200001",
      "v199999",
      "第 200001 行有误。",
      "not-a-date",
    ]);
    expect(s.rows[200_000]?.[2]?.link).toEqual({ sheet: "会员", cell: "B200001" });
  });

  it("sizes columns to their contents, CJK characters counting two", () => {
    const s = sheet([problem({ message: "这是一条很长的说明文字用来测试列宽" })]);
    // 17 CJK characters = 34 columns, plus padding
    expect(s.columnWidths[4]).toBe(36);
    expect(s.columnWidths).toHaveLength(6);
  });

  it("caps the message column, whose text wraps, at 50 characters", () => {
    const s = sheet([problem({ message: "很长的说明".repeat(20) })]);
    expect(s.columnWidths[4]).toBe(50);
  });
});
