import { describe, expect, it } from "vitest";
import type { CoverageMetrics } from "../types";
import { FMT_PERCENT } from "./cells";
import { buildCoverageSheet } from "./coverage";
import { parseColumnRange, problem, sampleJson, values } from "../../../tests/core/kit/report";

function coverage(c: CoverageMetrics = sampleJson().coverage, lang: "zh" | "en" = "zh") {
  return buildCoverageSheet({ lang, coverage: c, problems: [], name: "覆盖率" });
}

describe("coverage sheet", () => {
  it("lists each township with its flags as 是/否 under a frozen header", () => {
    const s = coverage();
    expect(s.freezeRows).toBe(1);
    expect(s.rows.slice(0, 4).map(values)).toEqual([
      ["乡镇街道", "非公企业数", "企业会员数", "覆盖率", "是否达标", "有乡镇商会"],
      ["城关镇", 8000, 1000, 0.125, "是", "是"],
      ["新华街道", 5000, 400, 0.08, "否", "否"],
      ["东山乡", 2000, 100, 0.05, "否", "否"],
    ]);
    expect(s.rows[1]?.[3]?.fmt).toBe(FMT_PERCENT);
  });

  it("ends with a total row of the overall figures in total style", () => {
    const s = coverage();
    const total = s.rows[4];
    expect(values(total)).toEqual(["合计", 15000, 1500, 0.1, "是", 1 / 3]);
    // the flag centred (totalFlag), every other cell in total style
    expect(total?.map((c) => c?.style)).toEqual([
      "total",
      "total",
      "total",
      "total",
      "totalFlag",
      "total",
    ]);
    expect(total?.[5]?.fmt).toBe(FMT_PERCENT);
  });

  it("centres the 是/否 flags so that they never read as one with the number beside them", () => {
    const row = coverage().rows[1];
    expect([row?.[4]?.style, row?.[5]?.style]).toEqual(["flag", "flag"]);
  });

  it("states the target in a note under the table", () => {
    const note = coverage().rows.at(-1)?.[0];
    expect(note?.style).toBe("note");
    expect(note?.v).toBe("会员覆盖率目标：10%。合计行的“有乡镇商会”为乡镇街道商会覆盖率（1/3）。");
  });

  it("draws a bar chart of coverage over exactly the township rows", () => {
    const s = coverage();
    const chart = s.charts[0];
    expect(chart?.type).toBe("bar");
    expect(parseColumnRange(chart?.categories ?? "")).toEqual({
      column: "A",
      firstRow: 2,
      lastRow: 4,
    });
    expect(chart?.series.map((x) => [x.name, parseColumnRange(x.values)])).toEqual([
      ["覆盖率", { column: "D", firstRow: 2, lastRow: 4 }],
    ]);
    expect(chart?.title).toBe("各乡镇街道会员覆盖率（目标 10%）");
  });

  it("writes Yes and No in English", () => {
    const s = coverage(sampleJson().coverage, "en");
    expect(values(s.rows[0])[0]).toBe("Township");
    expect(values(s.rows[1]).slice(4)).toEqual(["Yes", "Yes"]);
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
    expect(values(coverage(c).rows[1])).toEqual(["空乡", 0, 0, "—", "—", "否"]);
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
