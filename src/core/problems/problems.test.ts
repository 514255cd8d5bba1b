import { describe, expect, it } from "vitest";
import { problem } from "./index";

const place = {
  kind: "dues",
  sheet: "会费",
  row: 4,
  column: "E",
  value: null,
  params: { field: "paidOn", today: "2025-06-30" },
} as const;

describe("problem", () => {
  it("takes a code's severity from its entry when the call names none", () => {
    expect(
      problem("joined-before-founded", {
        ...place,
        params: { chamberId: "C1", founded: "2020-01-01" },
      }).severity
    ).toBe("warning");
    expect(problem("date-in-future", place).severity).toBe("error");
  });

  it("keeps the severity a call gives over the code's default", () => {
    expect(problem("date-in-future", "warning", place).severity).toBe("warning");
  });

  it("writes the properties in the JSON's order", () => {
    expect(Object.keys(problem("date-in-future", place))).toEqual([
      "code",
      "severity",
      "kind",
      "sheet",
      "row",
      "column",
      "value",
      "params",
    ]);
  });
});
