import { describe, expect, it } from "vitest";
import { compareRuns, parseStoredRun, storedRunXml, type StoredRun } from "./last-run";

const base: StoredRun = {
  version: 1,
  asOf: "2014-11-30",
  at: "2014-12-01T08:00:00.000Z",
  figures: { members: 1880, coverage: 0.1, dues: 0.9, chambers: 14 },
  errors: 15,
  warnings: 3,
  byCode: { "bad-uscc": 15, "bad-phone": 3 },
  places: ["bad-uscc|会员!F2", "bad-uscc|会员!F3", "bad-uscc|会员!F4", "bad-phone|会员!K9"],
};

describe("the last run kept in the workbook", () => {
  it("reads back what it wrote, text with <, > and & included", () => {
    const run = { ...base, places: [...base.places, "bad-name|商会 <A&B>!C2"] };
    const xml = storedRunXml(run);
    expect(xml).toContain('xmlns="urn:chamber-stats:last-run"');
    expect(xml).not.toContain("<A&B>");
    expect(parseStoredRun(xml)).toEqual(run);
  });

  it("refuses XML it did not write", () => {
    expect(parseStoredRun("<lastRun>{}</lastRun>")).toBeNull();
    expect(parseStoredRun("<other/>")).toBeNull();
    expect(parseStoredRun("<lastRun>not json</lastRun>")).toBeNull();
  });

  it("counts the problems fixed and added by place, and lists the figures that changed", () => {
    const now: StoredRun = {
      ...base,
      figures: { ...base.figures, members: 1889 },
      errors: 13,
      warnings: 3,
      places: ["bad-uscc|会员!F2", "bad-phone|会员!K9", "bad-phone|会员!K10"],
    };
    expect(compareRuns(base, now)).toEqual({
      before: 18,
      after: 16,
      fixed: 2,
      added: 1,
      figures: [{ key: "members", before: 1880, after: 1889 }],
    });
  });
});
