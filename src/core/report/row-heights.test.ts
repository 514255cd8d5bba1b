import { describe, expect, it } from "vitest";
import { LINE_POINTS, rowHeight, textWidthUnits, wrappedLines } from "./row-heights";

describe("how tall a row of text must be", () => {
  it("counts an ideograph or a full-width sign as about two digits wide, anything else as one", () => {
    expect([textWidthUnits("会员"), textWidthUnits("ab"), textWidthUnits("１，")]).toEqual([
      4.2, 2.2, 4.2,
    ]);
  });

  it("wraps a paragraph at its column's width, and starts a line at each line break", () => {
    // 40 ideographs are 84 units: three lines of a 40-wide column (39 usable), one of a 90-wide
    expect(wrappedLines("字".repeat(40), 40)).toBe(3);
    expect(wrappedLines("字".repeat(40), 90)).toBe(1);
    expect(wrappedLines("一\n二\n", 40)).toBe(3);
  });

  it("gives a row of wrapped text its lines' height and leaves a row of one-line text alone", () => {
    const message = { v: "字".repeat(40), style: "errorRowText" as const };
    expect(rowHeight([{ v: "错误", style: "errorRow" }, message], [6, 40])).toBe(
      3 * LINE_POINTS + 3
    );
    expect(rowHeight([{ v: "短", style: "errorRowText" }], [40])).toBeNull();
    // text that does not wrap takes one line however long it is
    expect(rowHeight([{ v: "字".repeat(40), style: "label" }], [10])).toBeNull();
    expect(rowHeight([null, { v: 12 }], [10, 10])).toBeNull();
  });

  it("gives a row of larger text its font's line height", () => {
    const title = rowHeight([{ v: "商会统计汇总", style: "title" }], [40]);
    expect(title).toBeGreaterThan(LINE_POINTS);
    expect(title).toBe(Math.round(((LINE_POINTS * 14) / 11 + 3) * 4) / 4);
    expect(rowHeight([{ v: "生成时间", style: "stamp" }], [40])).toBeNull();
  });
});
