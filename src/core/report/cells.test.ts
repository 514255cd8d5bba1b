import { describe, expect, it } from "vitest";
import {
  columnWidths,
  sheetWidth,
  count,
  displayWidth,
  groupedText,
  money,
  note,
  percentText,
  rate,
  title,
} from "./cells";

describe("report cells", () => {
  it("counts CJK and full-width characters as two columns", () => {
    expect([
      displayWidth("abc"),
      displayWidth("会员"),
      displayWidth("Ａ1"),
      displayWidth(""),
    ]).toEqual([3, 4, 3, 0]);
  });

  it("shows a null figure as a dash in note style, never 0", () => {
    expect([count(null), money(null), rate(null), rate(Number.NaN)]).toEqual([
      { v: "—", style: "note" },
      { v: "—", style: "note" },
      { v: "—", style: "note" },
      { v: "—", style: "note" },
    ]);
    expect(rate(null, true)).toEqual({ v: "—", style: "total" });
    expect(money(1200.5, true)).toEqual({ v: 1200.5, fmt: "#,##0.00", style: "total" });
  });

  it("sizes columns from formatted figures and text, ignoring titles and lone notes", () => {
    const widths = columnWidths([
      [title("一个很长很长很长很长很长很长很长很长的标题")],
      [count(1234567), money(1234.5), rate(0.7854)],
      [note("一段很长很长很长很长很长很长很长很长很长的说明")],
      [{ v: "城关镇" }],
    ]);
    // "1,234,567" = 9, "1,234.50" = 8, "78.54%" = 6; "城关镇" = 6; plus 2 padding, at least 6
    expect(widths).toEqual([11, 10, 8]);
  });

  it("writes short percentages and grouped counts for labels", () => {
    expect([0.1, 0.125, 1, 0].map(percentText)).toEqual(["10%", "12.5%", "100%", "0%"]);
    expect(groupedText(1_048_576)).toBe("1,048,576");
  });
});

describe("the columns a sheet's rows span", () => {
  it("is the longest row's length, at least one, even for a million rows", () => {
    expect(sheetWidth([])).toBe(1);
    expect(sheetWidth([[1], [1, 2, 3], []])).toBe(3);
    const many = Array.from({ length: 1_048_576 }, (_, i) => (i === 700_000 ? [1, 2, 3, 4] : [1]));
    expect(sheetWidth(many)).toBe(4);
  });
});
