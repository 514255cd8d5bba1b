import { describe, expect, it } from "vitest";
import { parseSettings, settingsToText } from "./settings-form";

const blank = { asOf: "", baseYear: "", coverageTarget: "", duesIncomeThreshold: "" };

describe("the settings form", () => {
  it("reads blank fields as 'use the default'", () => {
    expect(parseSettings(blank)).toEqual({
      ok: true,
      values: { asOf: null, baseYear: null, coverageTarget: null, duesIncomeThreshold: null },
    });
  });

  it("reads a percentage as a fraction and an amount with thousands separators", () => {
    const parsed = parseSettings({
      asOf: "2014-11-30",
      baseYear: "2011",
      coverageTarget: "12.5",
      duesIncomeThreshold: "500,000",
    });
    expect(parsed).toEqual({
      ok: true,
      values: {
        asOf: "2014-11-30",
        baseYear: 2011,
        coverageTarget: 0.125,
        duesIncomeThreshold: 500000,
      },
    });
  });

  it("names every invalid field with the message to show", () => {
    const parsed = parseSettings({
      asOf: "2014-02-30",
      baseYear: "11",
      coverageTarget: "0",
      duesIncomeThreshold: "-5",
    });
    expect(parsed).toEqual({
      ok: false,
      errors: {
        asOf: "invalid.asOf",
        baseYear: "invalid.baseYear",
        coverageTarget: "invalid.coverageTarget",
        duesIncomeThreshold: "invalid.duesIncomeThreshold",
      },
    });
  });

  it("rejects a coverage target above 100%", () => {
    expect(parseSettings({ ...blank, coverageTarget: "150" }).ok).toBe(false);
  });

  it("shows stored values as the user typed them, and reads them back unchanged", () => {
    const values = {
      asOf: "2014-11-30",
      baseYear: 2011,
      coverageTarget: 0.1,
      duesIncomeThreshold: 500000,
    };
    const text = settingsToText(values);
    expect(text).toEqual({
      asOf: "2014-11-30",
      baseYear: "2011",
      coverageTarget: "10",
      duesIncomeThreshold: "500000",
    });
    expect(parseSettings(text)).toEqual({ ok: true, values });
  });
});
