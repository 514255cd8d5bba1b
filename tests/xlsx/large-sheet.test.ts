/**
 * A problems sheet at Excel's row limit goes through the writer: no spread of a whole sheet into
 * a call (which overflowed the stack past ~125,000 rows), and the last row says how many problems
 * were left out. Heavy (a million rows), and independent of the time zone: run once, not in the
 * second time-zone pass (vitest.config.ts).
 */
import { describe, expect, it } from "vitest";
import { TRANSITIONAL } from "../../src/adapters/xlsx/namespaces";
import { worksheetXml } from "../../src/adapters/xlsx/sheet-writer";
import { StyleBook, minimalStyles } from "../../src/adapters/xlsx/styles-write";

describe("a problems sheet at Excel's row limit", () => {
  it("writes 1,048,575 problem rows and the note that says how many were left out", async () => {
    const { buildProblemsSheet } = await import("../../src/core/report/problems");
    const count = 1_100_000;
    const problems = Array.from({ length: count }, (_v, i) => ({
      code: "bad-phone" as const,
      severity: "warning" as const,
      kind: "members" as const,
      sheet: "会员",
      row: i + 2,
      column: "G",
      value: "12345",
      params: {},
      message: "联系电话不是有效的号码",
    }));
    const sheet = buildProblemsSheet({ lang: "zh", problems, name: "校验结果" });
    expect(sheet.rows).toHaveLength(1_048_576);
    const chunks = worksheetXml(
      sheet,
      new StyleBook(minimalStyles(TRANSITIONAL)),
      1900,
      null,
      TRANSITIONAL
    );
    const last = chunks.map((c) => c.toString("utf8")).find((t) => t.includes('<row r="1048576">'));
    expect(last).toMatch(
      /<row r="1048576"><c r="A1048576"[^>]*t="inlineStr"><is><t( xml:space="preserve")?>[^<]*51426 条问题未列出/
    );
    expect(last).not.toContain('<row r="1048577">');
    const head = chunks[0]?.subarray(0, 400).toString("utf8") ?? "";
    expect(head).toContain('<dimension ref="A1:F1048576"/>');
  }, 180_000);
});
