import { describe, expect, it } from "vitest";
import type { CheckItem, FigureCheck, SelfCheck } from "../core/report-check/index";
import { countVerdicts } from "../core/report-check/index";
import { markDraft, reportText, selfChecks } from "./report";

const DRAFT = "全区已建基层商会14个，其中区域性商会8个，收缴率36%以上。";

function figure(text: string, verdict: FigureCheck["verdict"], from = 0): FigureCheck {
  const start = DRAFT.indexOf(text, from);
  return {
    kind: "figure",
    start,
    end: start + text.length,
    text,
    value: Number(text.replace("%", "")),
    unit: text.endsWith("%") ? "percent" : "count",
    qualifier: null,
    verdict,
  };
}

const SUM: SelfCheck = {
  kind: "parts-sum",
  start: DRAFT.indexOf("14"),
  end: DRAFT.indexOf("8个") + 1,
  text: "14个，其中区域性商会8",
  value: 14,
  unit: "count",
  verdict: "contradicts",
  computed: 8,
  positions: [],
};

const ITEMS: CheckItem[] = [
  figure("14", "agrees"),
  SUM,
  figure("8", "contradicts"),
  figure("36%", "not-checkable"),
];

describe("the report section's pure part", () => {
  it("joins the paragraphs with blank lines for copying", () => {
    const narrative = {
      paragraphs: [
        { key: "chambers" as const, text: "第一段。", figures: [] },
        { key: "members" as const, text: "第二段。", figures: [] },
      ],
      omitted: [],
    };
    expect(reportText(narrative)).toBe("第一段。\n\n第二段。");
  });

  it("cuts the draft at every checked figure and keeps every character once", () => {
    const segments = markDraft(DRAFT, ITEMS);
    expect(segments.map((s) => s.text).join("")).toBe(DRAFT);
    expect(
      segments.filter((s) => s.kind === "figure").map((s) => [s.text, s.check.verdict])
    ).toEqual([
      ["14", "agrees"],
      ["8", "contradicts"],
      ["36%", "not-checkable"],
    ]);
    expect(segments[0]).toEqual({ kind: "text", text: "全区已建基层商会" });
    expect(segments[segments.length - 1]).toEqual({ kind: "text", text: "以上。" });
  });

  it("leaves a figure that overlaps the one before it as plain text", () => {
    const overlapping = { ...figure("14", "agrees"), start: DRAFT.indexOf("4"), end: 18 };
    const segments = markDraft(DRAFT, [figure("14", "agrees"), overlapping]);
    expect(segments.map((s) => s.text).join("")).toBe(DRAFT);
    expect(segments.filter((s) => s.kind === "figure")).toHaveLength(1);
  });

  it("counts the figures by verdict and the self-contradictions apart", () => {
    expect(countVerdicts(ITEMS)).toEqual({
      total: 3,
      agrees: 1,
      contradicts: 1,
      notCheckable: 1,
      selfContradictions: 1,
    });
    expect(selfChecks(ITEMS)).toEqual([SUM]);
  });
});
