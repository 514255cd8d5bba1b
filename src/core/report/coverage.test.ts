import { describe, expect, it } from "vitest";
import type { CoverageMetrics } from "../types";
import { FMT_PERCENT } from "./cells";
import { buildCoverageSheet } from "./coverage";
import { ROWS_PER_PAGE } from "./print";
import { CHART_COLORS } from "./styles";
import { parseCellAddress } from "../a1";
import { parseColumnRange, problem, sampleJson, values } from "../../../tests/core/kit/report";

function coverage(c: CoverageMetrics = sampleJson().coverage, lang: "zh" | "en" = "zh") {
  return buildCoverageSheet({ lang, coverage: c, problems: [], name: "覆盖率" });
}

describe("coverage sheet", () => {
  it("lists each township with its flags as 是/否 and the target under a frozen header", () => {
    const s = coverage();
    expect(s.freezeRows).toBe(1);
    expect(s.rows.slice(0, 4).map(values)).toEqual([
      ["乡镇街道", "非公企业数", "企业会员数", "覆盖率", "是否达标", "有乡镇商会", "覆盖率目标"],
      ["城关镇", 8000, 1000, 0.125, "是", "是", 0.1],
      ["新华街道", 5000, 400, 0.08, "否", "否", 0.1],
      ["东山乡", 2000, 100, 0.05, "否", "否", 0.1],
    ]);
    expect(s.rows[1]?.[3]?.fmt).toBe(FMT_PERCENT);
  });

  it("ends with a total row of the overall figures in total style", () => {
    const s = coverage();
    const total = s.rows[4];
    expect(values(total)).toEqual(["合计", 15000, 1500, 0.1, "是", 1 / 3, 0.1]);
    // the flag centred (totalFlag), every other cell in total style
    expect(total?.map((c) => c?.style)).toEqual([
      "total",
      "total",
      "total",
      "total",
      "totalFlag",
      "total",
      "total",
    ]);
    expect(total?.[5]?.fmt).toBe(FMT_PERCENT);
  });

  it("centres the 是/否 flags so that they never read as one with the number beside them", () => {
    const row = coverage().rows[1];
    expect([row?.[4]?.style, row?.[5]?.style]).toEqual(["flag", "flag"]);
  });

  it("states the target and what the chart's colours mean in notes under the table", () => {
    const notes = coverage()
      .rows.slice(-2)
      .map((r) => r[0]);
    expect(notes.map((n) => n?.style)).toEqual(["note", "note"]);
    expect(notes.map((n) => n?.v)).toEqual([
      "会员覆盖率目标：10%。合计行的“有乡镇商会”为乡镇街道商会覆盖率（1/3）。",
      "图中绿色柱为达标的乡镇街道，橙色柱为未达标的，横线为目标。",
    ]);
  });

  it("draws coverage bars and a target line over exactly the township rows", () => {
    const s = coverage();
    const chart = s.charts[0];
    expect(chart?.type).toBe("bar");
    expect(parseColumnRange(chart?.categories ?? "")).toEqual({
      column: "A",
      firstRow: 2,
      lastRow: 4,
    });
    expect(
      chart?.series.map((x) => [x.name, x.type ?? chart.type, parseColumnRange(x.values)])
    ).toEqual([
      ["覆盖率", "bar", { column: "D", firstRow: 2, lastRow: 4 }],
      ["覆盖率目标", "line", { column: "G", firstRow: 2, lastRow: 4 }],
    ]);
    expect(chart?.title).toBe("各乡镇街道会员覆盖率（目标 10%）");
  });

  it("colours each township's bar by whether it meets the target", () => {
    const s = coverage();
    const bars = s.charts[0]?.series[0];
    const met = s.rows.slice(1, 4).map((r) => r[4]?.v === "是");
    expect(met).toEqual([true, false, false]);
    expect(bars?.pointColors).toEqual(met.map((m) => (m ? CHART_COLORS.met : CHART_COLORS.notMet)));
    expect(CHART_COLORS.met).not.toBe(CHART_COLORS.notMet);
  });

  it("places the chart under the table, across its columns, on the table's page", () => {
    const s = coverage();
    const from = parseCellAddress(s.charts[0]?.from ?? "");
    const to = parseCellAddress(s.charts[0]?.to ?? "");
    expect(from).toEqual({ column: 1, row: s.rows.length + 2 });
    expect(to?.column).toBe(7);
    expect(s.charts[0]?.newPage).toBe(false);
  });

  it("starts the chart on a new page, no taller than a page, when many townships fill the first", () => {
    const c = sampleJson().coverage;
    const one = c.byTownship?.[0];
    if (!one) throw new Error("sample has townships");
    c.byTownship = Array.from({ length: 60 }, (_, i) => ({ ...one, township: `乡${i}` }));
    const chart = coverage(c).charts[0];
    const from = parseCellAddress(chart?.from ?? "");
    const to = parseCellAddress(chart?.to ?? "");
    expect(chart?.newPage).toBe(true);
    expect((to?.row ?? 0) - (from?.row ?? 0) + 1).toBeLessThanOrEqual(ROWS_PER_PAGE.portrait - 2);
  });

  it("writes Yes and No in English", () => {
    const s = coverage(sampleJson().coverage, "en");
    expect(values(s.rows[0])[0]).toBe("Township");
    expect(values(s.rows[1]).slice(4, 6)).toEqual(["Yes", "Yes"]);
    expect(values(s.rows[4])[0]).toBe("Total");
  });

  it("shows a dash where a township has no non-public enterprises", () => {
    const c = sampleJson().coverage;
    c.byTownship = [
      {
        township: "空乡",
        nonPublicEnterprises: 0,
        enterpriseMembers: 0,
        coverage: null,
        meetsTarget: null,
        hasTownshipChamber: false,
      },
    ];
    expect(values(coverage(c).rows[1])).toEqual(["空乡", 0, 0, "—", "—", "否", 0.1]);
  });

  it("holds one note saying why when the townships sheet is missing", () => {
    const c: CoverageMetrics = {
      townships: null,
      townshipsWithChamber: null,
      townshipChamberCoverage: null,
      nonPublicEnterprises: null,
      enterpriseMembers: null,
      memberCoverage: null,
      target: 0.1,
      meetsTarget: null,
      byTownship: null,
      unavailableReason: "missing-sheet",
    };
    const missing = problem({
      code: "missing-sheet",
      severity: "warning",
      kind: "townships",
      sheet: "",
      row: null,
      column: null,
      params: { kind: "townships" },
    });
    const s = buildCoverageSheet({
      lang: "en",
      coverage: c,
      problems: [missing],
      name: "Coverage",
    });
    expect(s.rows.map(values)).toEqual([
      ["No “Townships” sheet was found, so coverage cannot be computed."],
    ]);
    expect(s.charts).toEqual([]);
  });
});
