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

  it("charts each member type and the total over exactly the data rows", () => {
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
      return [x.name, headerText, r.firstRow, r.lastRow];
    });
    expect(series).toEqual([
      ["企业会员", "企业会员", 2, 5],
      ["团体会员", "团体会员", 2, 5],
      ["个人会员", "个人会员", 2, 5],
      ["会员总数", "会员总数", 2, 5],
    ]);
    expect(chart?.title).toBe("会员增长（2011—2014年）");
  });

  it("places the chart to the right of the table", () => {
    const s = growth();
    const from = parseCellAddress(s.charts[0]?.from ?? "");
    expect(from?.column).toBeGreaterThan(8);
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
