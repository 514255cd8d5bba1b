import { describe, expect, it } from "vitest";
import { excerpt, valueText } from "./present";

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
