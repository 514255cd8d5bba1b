import { describe, expect, it } from "vitest";
import type { OutputSheet } from "../types";
import { buildOutputSheets, OUTPUT_SHEET_NAMES } from "./index";
import { reportInput as input, sampleJson, values } from "../../../tests/core/kit/report";

function headerRow(s: OutputSheet | undefined) {
  return values(s?.rows[0]);
}

describe("buildOutputSheets", () => {
  it("builds summary, growth, coverage, chambers, problems and the report text, in that order, under the given names", () => {
    const names = { ...OUTPUT_SHEET_NAMES.zh, summary: "汇总 (2)" };
    const sheets = buildOutputSheets(input("zh", { names }));
    expect(sheets.map((s) => [s.key, s.name])).toEqual([
      ["summary", "汇总 (2)"],
      ["growth", "会员增长"],
      ["coverage", "覆盖率"],
      ["chambers", "商会明细"],
      ["problems", "校验结果"],
      ["report", "报告文字"],
    ]);
  });

  it("names the sheets in Chinese and in English", () => {
    expect(Object.values(OUTPUT_SHEET_NAMES.zh)).toEqual([
      "汇总",
      "会员增长",
      "覆盖率",
      "商会明细",
      "校验结果",
      "报告文字",
    ]);
    expect(Object.values(OUTPUT_SHEET_NAMES.en)).toEqual([
      "Summary",
      "Growth",
      "Coverage",
      "Chambers report",
      "Problems",
      "Report text",
    ]);
  });

  it("switches every header between Chinese and English", () => {
    const zh = buildOutputSheets(input("zh"));
    const en = buildOutputSheets(input("en"));
    expect(zh.map((s) => headerRow(s)[0])).toEqual([
      "商会统计汇总",
      "年度",
      "乡镇街道",
      "商会编号",
      "级别",
      "工作报告文字",
    ]);
    expect(en.map((s) => headerRow(s)[0])).toEqual([
      "Chamber statistics summary",
      "Year",
      "Township",
      "Chamber ID",
      "Severity",
      "Work report text",
    ]);
    expect(values(en[4]?.rows[1]).slice(0, 2)).toEqual(["Error", "Required cell is blank"]);
    expect(values(zh[4]?.rows[1]).slice(0, 2)).toEqual(["错误", "必填项为空"]);
  });

  it("gives every sheet a width for each column it uses", () => {
    for (const s of buildOutputSheets(input("zh"))) {
      const used = Math.max(...s.rows.map((r) => r.length));
      expect([s.key, s.columnWidths.length]).toEqual([s.key, used]);
      expect(s.columnWidths.every((w) => w >= 6 && w <= 80)).toBe(true);
    }
  });

  it("never writes a number where a figure is unavailable", () => {
    const json = sampleJson();
    json.members = null;
    json.series = null;
    json.dues = null;
    const sheets = buildOutputSheets(input("zh", { json }));
    const growth = sheets[1];
    expect(growth?.rows.every((r) => r.every((c) => typeof c?.v !== "number"))).toBe(true);
  });

  it("ends every sheet with the generated-at line after a blank row, its row in the model", () => {
    const generated = { at: "2026-12-02 10:20", version: "1.2.3", file: "区县.xlsx" };
    const plain = buildOutputSheets(input("zh"));
    const stamped = buildOutputSheets(input("zh", { generated }));
    stamped.forEach((s, i) => {
      const before = plain[i] as OutputSheet;
      // nothing above it moves
      expect(s.rows.slice(0, before.rows.length)).toEqual(before.rows);
      expect(s.rows).toHaveLength(before.rows.length + 2);
      expect(s.rows.at(-2)).toEqual([]);
      expect(s.stamp).toEqual({ row: s.rows.length });
      expect(s.rows[(s.stamp?.row ?? 0) - 1]).toEqual([
        {
          v: "生成时间：2026-12-02 10:20，chamber-stats 1.2.3，输入文件：区县.xlsx",
          style: "stamp",
        },
      ]);
    });
    expect(plain.every((s) => s.stamp === undefined)).toBe(true);
  });

  it("words the generated-at line in English, and leaves out a file name it was not given", () => {
    const generated = { at: "2026-12-02 10:20", version: "1.2.3", file: null };
    const [summary] = buildOutputSheets(input("en", { generated }));
    expect(summary?.rows.at(-1)?.[0]?.v).toBe("Generated 2026-12-02 10:20 by chamber-stats 1.2.3");
  });

  it("refuses a generated-at time that is not YYYY-MM-DD HH:MM", () => {
    const generated = { at: "2026-12-02T10:20:00Z", version: "1.2.3", file: null };
    expect(() => buildOutputSheets(input("zh", { generated }))).toThrow(RangeError);
  });

  it("tells each sheet its workbook's language, which sets its font", () => {
    expect(buildOutputSheets(input("en")).map((s) => s.lang)).toEqual(Array(6).fill("en"));
  });
});
