import { describe, expect, it } from "vitest";
import type { RecalcJson } from "../types";
import { FMT_PERCENT } from "./cells";
import { buildGrowthSheet } from "./growth";
import { columnNumber, parseCellAddress } from "../a1";
import { parseColumnRange, problem, sampleJson, values } from "../../../tests/core/kit/report";

function growth(json: RecalcJson = sampleJson(), lang: "zh" | "en" = "zh", problems = []) {
  return buildGrowthSheet({ lang, json, problems, name: "会员增长" });
}

describe("growth sheet", () => {
  it("has one row a year under a frozen header, equal to the series", () => {
    const json = sampleJson();
    const s = growth(json);
    expect(values(s.rows[0])).toEqual([
      "年度",
      "会员总数",
      "企业会员",
      "团体会员",
      "个人会员",
      "新入会",
      "退会",
      "增长率",
    ]);
    expect(s.freezeRows).toBe(1);
    expect(s.rows.slice(1).map(values)).toEqual(
      (json.series ?? []).map((e) => [
        e.year,
        e.members,
        e.enterprise,
        e.group,
        e.individual,
        e.new,
        e.left,
        e.growthRate,
      ])
    );
    expect(s.rows[1]?.[7]?.fmt).toBe(FMT_PERCENT);
  });

  it("charts all members over exactly the data rows, each point labelled", () => {
    const s = growth();
    const chart = s.charts[0];
    expect(s.charts).toHaveLength(1);
    expect(chart?.type).toBe("line");
    const dataRows = { firstRow: 2, lastRow: s.rows.length };
    const categories = parseColumnRange(chart?.categories ?? "");
    expect(categories).toEqual({ column: "A", ...dataRows });
    const series = (chart?.series ?? []).map((x) => {
      const r = parseColumnRange(x.values);
      const headerText = s.rows[0]?.[(columnNumber(r.column) ?? 0) - 1]?.v;
      return [x.name, headerText, r.firstRow, r.lastRow, x.dataLabels];
    });
    expect(series).toEqual([["会员总数", "会员总数", 2, 5, true]]);
    expect(chart?.title).toBe("会员增长（2011—2014年）");
  });

  it("starts the value axis at a round number just below the smallest total, not at 0", () => {
    const json = sampleJson();
    const totals = (json.series ?? []).map((e) => e.members);
    const min = growth(json).charts[0]?.valueAxisMin;
    expect(min).toBeGreaterThan(0);
    expect(min).toBeLessThanOrEqual(Math.min(...totals));
    // near the data: less than the data's own range below its smallest value
    expect(Math.min(...totals) - (min ?? 0)).toBeLessThan(
      Math.max(...totals) - Math.min(...totals)
    );
  });

  it("lets the value axis start at 0 when the data reach down near 0", () => {
    const json = sampleJson();
    const first = json.series?.[0];
    if (first) first.members = 3;
    expect(growth(json).charts[0]?.valueAxisMin).toBeUndefined();
  });

  it("places the chart under the table, across its columns, on the table's page", () => {
    const s = growth();
    const from = parseCellAddress(s.charts[0]?.from ?? "");
    const to = parseCellAddress(s.charts[0]?.to ?? "");
    expect(from).toEqual({ column: 1, row: s.rows.length + 2 });
    expect(to?.column).toBe(8);
    expect(s.charts[0]?.newPage).toBe(false);
  });

  it("shows a dash for a growth rate that cannot be computed", () => {
    const json = sampleJson();
    const first = json.series?.[0];
    if (first) first.growthRate = null;
    expect(growth(json).rows[1]?.[7]).toEqual({ v: "—", style: "note" });
  });

  it("holds one note row and no chart when there is no series", () => {
    const json = sampleJson();
    json.series = null;
    json.members = null;
    const missing = problem({
      code: "missing-column",
      kind: "members",
      sheet: "会员",
      row: 1,
      column: null,
      params: { kind: "members", field: "joined" },
    });
    const s = buildGrowthSheet({ lang: "zh", json, problems: [missing], name: "会员增长" });
    expect(s.rows.map(values)).toEqual([
      ["“会员”工作表缺少必需的列：入会日期，无法计算会员指标。"],
    ]);
    expect(s.rows[0]?.[0]?.style).toBe("note");
    expect(s.charts).toEqual([]);
    expect(s.freezeRows).toBe(0);
  });

  it("uses English headers and chart title in English", () => {
    const s = growth(sampleJson(), "en");
    expect(values(s.rows[0])).toEqual([
      "Year",
      "Members",
      "Enterprise",
      "Group",
      "Individual",
      "Joined",
      "Left",
      "Growth rate",
    ]);
    expect(s.charts[0]?.title).toBe("Members, 2011–2014");
  });
});
