import { describe, expect, it } from "vitest";
import { parseCellAddress } from "../a1";
import { buildSummarySheet } from "../report/summary";
import { sampleJson } from "../../../tests/core/kit/report";
import { checkReport } from "./check";
import { excerpt, locateFigures, valueText } from "./present";

describe("showing a checked draft", () => {
  it("writes rates as percentages with two decimals and counts with thousands separators", () => {
    expect(valueText(5 / 14, "percent", "zh")).toBe("35.71%");
    expect(valueText(1889, "count", "zh")).toBe("1,889");
    expect(valueText(2014, "year", "zh")).toBe("2014");
    expect(valueText("2014-11-30", "date", "zh")).toBe("2014-11-30");
  });

  it("folds a long excerpt to one line cut in the middle", () => {
    expect(excerpt("一\n二")).toBe("一 二");
    const long = excerpt("甲".repeat(30) + "乙".repeat(30));
    expect(long).toBe(`${"甲".repeat(19)}…${"乙".repeat(19)}`);
  });
});

describe("pointing a checked figure at 汇总", () => {
  const json = sampleJson();
  const summary = buildSummarySheet({
    lang: "zh",
    json,
    problems: [],
    found: [],
    name: "汇总 (2)",
  });
  const settings = { coverageTarget: json.coverage.target, duesIncomeThreshold: 50_000 };
  const draft = "全区会员1,900个，其中企业会员1,500个。全年开展培训12次。";
  const items = locateFigures(checkReport(draft, json, settings), summary);

  it("gives each figure with a metric the cell of 汇总 that holds the computed value", () => {
    const shown = items.map((i) => {
      if (i.kind !== "figure" || i.cell === undefined) return [i.text, i.verdict, null, null];
      const { column, row } = parseCellAddress(i.cell.cell) ?? { column: 0, row: 0 };
      return [i.text, i.verdict, i.cell.sheet, summary.rows[row - 1]?.[column - 1]?.v];
    });
    expect(shown).toStrictEqual([
      ["1,900", "contradicts", "汇总 (2)", 1889],
      ["1,500", "agrees", "汇总 (2)", 1500],
      ["12", "not-checkable", null, null],
    ]);
  });

  it("leaves the figures as they were without a summary sheet", () => {
    const bare = checkReport(draft, json, settings);
    expect(locateFigures(bare, undefined)).toStrictEqual(bare);
  });
});
