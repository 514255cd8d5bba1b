import { describe, expect, it } from "vitest";
import { buildNarrative, narrativeJson } from "../narrative/index";
import type { RecalcJson } from "../types";
import { sampleJson } from "../../../tests/core/kit/report";
import { buildReportTextSheet } from "./report-text";

const SETTINGS = { coverageTarget: 0.1, duesIncomeThreshold: 50_000 };

function withNarrative(json: RecalcJson, lang: "zh" | "en"): RecalcJson {
  return { ...json, narrative: narrativeJson(buildNarrative(json, SETTINGS, lang)) };
}

describe("the report text sheet", () => {
  it("writes each paragraph of the narrative as one wrapped cell, under the title and its source", () => {
    const json = withNarrative(sampleJson(), "zh");
    const sheet = buildReportTextSheet({ lang: "zh", json, name: "报告文字" });
    expect(sheet.rows[0]?.[0]).toEqual({ v: "工作报告文字", style: "title" });
    expect(sheet.rows[1]?.[0]?.v).toContain("2014年11月30日");
    const paragraphs = sheet.rows.filter((r) => r[0]?.style === "paragraph").map((r) => r[0]?.v);
    expect(paragraphs.slice(0, json.narrative.paragraphs.length)).toEqual(
      json.narrative.paragraphs.map((p) => p.text)
    );
    expect(sheet.columnWidths).toEqual([80]);
  });

  it("lists the sentences left out, with their reasons, below the paragraphs", () => {
    const json = withNarrative({ ...sampleJson(), dues: null }, "en");
    const sheet = buildReportTextSheet({ lang: "en", json, name: "Report text" });
    const texts = sheet.rows.map((r) => r[0]?.v ?? null);
    const at = texts.indexOf("Sentences left out");
    expect(at).toBeGreaterThan(3);
    expect(texts.slice(at + 1)).toContain("The workbook has no usable dues sheet.");
  });

  it("says so when there is no paragraph to write", () => {
    const json = { ...sampleJson(), narrative: { paragraphs: [], omitted: [] } };
    const sheet = buildReportTextSheet({ lang: "zh", json, name: "报告文字" });
    expect(sheet.rows[3]?.[0]?.style).toBe("note");
  });
});
