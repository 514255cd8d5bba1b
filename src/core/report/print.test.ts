import { describe, expect, it } from "vitest";
import type { Lang, OutputSheet } from "../types";
import { buildOutputSheets } from "./index";
import { note } from "./cells";
import {
  chartBelowTable,
  headerFooterCode,
  pageBreaksAbove,
  printSetup,
  printTitleRow,
  ROWS_PER_PAGE,
  valueAxisMinimum,
} from "./print";
import { reportInput } from "../../../tests/core/kit/report";

function sheets(lang: Lang): OutputSheet[] {
  return buildOutputSheets(reportInput(lang));
}

describe("print setup of the output sheets", () => {
  it("gives every output sheet A4, one page wide, and its orientation", () => {
    const got = sheets("zh").map((s) => [
      s.key,
      s.print?.paper,
      s.print?.orientation,
      s.print?.fitToPagesWide,
    ]);
    expect(got).toEqual([
      ["summary", "A4", "portrait", 1],
      ["growth", "A4", "portrait", 1],
      ["coverage", "A4", "portrait", 1],
      ["chambers", "A4", "landscape", 1],
      ["problems", "A4", "landscape", 1],
      ["report", "A4", "portrait", 1],
    ]);
  });

  it("heads each page with the sheet's title and the as-of date, and numbers the pages in the footer", () => {
    const [zh] = sheets("zh");
    const [en] = sheets("en");
    expect(headerFooterCode(zh?.print?.header ?? { left: [], center: [], right: [] })).toBe(
      "&L汇总&R统计截止日期：2014年11月30日"
    );
    expect(headerFooterCode(zh?.print?.footer ?? { left: [], center: [], right: [] })).toBe(
      "&C第 &P 页，共 &N 页"
    );
    expect(headerFooterCode(en?.print?.footer ?? { left: [], center: [], right: [] })).toBe(
      "&CPage &P of &N"
    );
  });

  it("writes a literal & in a title as && so that it prints as typed", () => {
    const print = printSetup("growth", "en", "R&D & more", "2014-11-30");
    expect(headerFooterCode(print.header)).toBe("&LR&&D && more&RAs of 30 November 2014");
  });

  it("repeats the header row of each table, and the title of the summary and the report text", () => {
    const got = sheets("zh").map((s) => [s.key, printTitleRow(s)]);
    expect(got).toEqual([
      ["summary", 1],
      ["growth", 1],
      ["coverage", 1],
      ["chambers", expect.any(Number)],
      ["problems", 1],
      ["report", 1],
    ]);
    const chambers = sheets("zh").find((s) => s.key === "chambers");
    const row = printTitleRow(chambers as OutputSheet);
    expect(chambers?.rows[(row ?? 0) - 1]?.every((c) => c?.style === "header")).toBe(true);
  });

  it("finds the header row by its role, so a row added above the table moves the print titles with it", () => {
    const growth = sheets("zh").find((s) => s.key === "growth") as OutputSheet;
    const stamped: OutputSheet = { ...growth, rows: [[note("生成于 …")], [], ...growth.rows] };
    expect(printTitleRow(stamped)).toBe(3);
  });

  it("repeats no row on a sheet that holds only a note", () => {
    const growth = sheets("zh").find((s) => s.key === "growth") as OutputSheet;
    expect(printTitleRow({ ...growth, rows: [[note("没有会员表")]] })).toBeNull();
  });
});

describe("charts that print whole", () => {
  it("keeps a chart under a short table on its page, with no page break", () => {
    const place = chartBelowTable({
      tableLastRow: 10,
      lastColumn: 6,
      heightRows: 18,
      orientation: "portrait",
    });
    expect(place).toEqual({ from: "A12", to: "F29", newPage: false });
  });

  it("moves a chart that would cross the first page's end to a page of its own, no taller than a page", () => {
    const place = chartBelowTable({
      tableLastRow: 30,
      lastColumn: 6,
      heightRows: 80,
      orientation: "portrait",
    });
    expect(place.newPage).toBe(true);
    expect(place.from).toBe("A32");
    expect(place.to).toBe(`F${32 + ROWS_PER_PAGE.portrait - 3}`);
    const growth = sheets("zh").find((s) => s.key === "growth") as OutputSheet;
    const chart = growth.charts[0];
    if (!chart) throw new Error("growth has a chart");
    expect(pageBreaksAbove({ ...growth, charts: [{ ...chart, ...place }] })).toEqual([32]);
    expect(pageBreaksAbove(growth)).toEqual([]);
  });
});

describe("value axis minimum", () => {
  it("starts at a round number below the smallest value when the data are far from 0", () => {
    expect(valueAxisMinimum([1058, 1364, 1636, 1889])).toBe(1000);
    expect(valueAxisMinimum([95, 97, 99])).toBe(94);
  });

  it("starts at 0 (undefined) when the data reach near 0 or below", () => {
    expect(valueAxisMinimum([89, 900, 1800])).toBeUndefined();
    expect(valueAxisMinimum([-5, 10])).toBeUndefined();
    expect(valueAxisMinimum([])).toBeUndefined();
  });
});
