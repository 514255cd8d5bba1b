import { describe, expect, it } from "vitest";
import {
  findOwnedSheets,
  isRecognisedOutput,
  MARKER_PREFIX,
  markerKey,
  markerName,
  OUTPUT_KEYS,
  reclaimCandidates,
  reclaimSheets,
  sheetOfReference,
} from "./markers";
import { OUTPUT_SHEET_NAMES, REPORT_LABELS } from "./report/labels";

describe("marker names", () => {
  it("names each output sheet's marker and reads the key back, ignoring case", () => {
    expect(OUTPUT_KEYS.map(markerName)).toEqual([
      "ChamberStats_summary",
      "ChamberStats_growth",
      "ChamberStats_coverage",
      "ChamberStats_chambers",
      "ChamberStats_problems",
      "ChamberStats_report",
    ]);
    expect(OUTPUT_KEYS.map((k) => markerKey(markerName(k)))).toEqual([...OUTPUT_KEYS]);
    expect(markerKey("CHAMBERSTATS_SUMMARY")).toBe("summary");
    expect(markerKey("chamberstats_Problems")).toBe("problems");
    expect(MARKER_PREFIX).toBe("ChamberStats_");
  });

  it("is null for other names", () => {
    for (const name of [
      "ChamberStats_",
      "ChamberStats_other",
      "ChamberStats_summary2",
      "ChamberStatssummary",
      "summary",
      "Print_Area",
      "_xlnm._FilterDatabase",
    ]) {
      expect(markerKey(name)).toBeNull();
    }
  });
});

describe("sheetOfReference", () => {
  it.each([
    ["'汇总'!$A$1", "汇总"],
    ["='汇总'!$A$1", "汇总"],
    ["=汇总!$A$1", "汇总"],
    ["Summary!$A$1", "Summary"],
    ["Summary!A1", "Summary"],
    ["  =Summary!$A$1  ", "Summary"],
    ["'汇总 (2)'!$A$1", "汇总 (2)"],
    ["'Tom''s sheet'!$A$1", "Tom's sheet"],
    ["''''!$A$1", "'"],
    ["'商会明细'!$A$3", "商会明细"],
    ["'汇总'!$A$1:$D$40", "汇总"],
    ["'a!b'!$A$1", "a!b"],
  ])("%s → %s", (reference, sheet) => {
    expect(sheetOfReference(reference)).toBe(sheet);
  });

  it.each([
    "#REF!",
    "=#REF!",
    "='汇总'!#REF!",
    "=#REF!$A$1",
    "",
    "=",
    "$A$1",
    "'汇总'",
    "'汇总!$A$1",
    "汇总!",
    "=SUM(汇总!A1)",
    "'汇总'!A1+1",
    "[1]Summary!$A$1",
    "'[Book1.xlsx]Summary'!$A$1",
    "Sheet1:Sheet3!$A$1",
    "My Sheet!$A$1",
    '="text"',
    "=1",
  ])("%s → null", (reference) => {
    expect(sheetOfReference(reference)).toBeNull();
  });
});

describe("findOwnedSheets", () => {
  const sheets = ["会员", "汇总", "会员增长", "覆盖率", "商会明细", "校验结果"];

  it("owns the sheet each workbook-level marker points at", () => {
    const { owned, stale } = findOwnedSheets(
      [
        { name: "ChamberStats_summary", reference: "=汇总!$A$1" },
        { name: "ChamberStats_growth", reference: "'会员增长'!$A$1" },
        { name: "Print_Area", reference: "'会员'!$A$1:$F$20" },
        { name: "ChamberStats_problems", reference: "='校验结果'!$A$1" },
      ],
      sheets
    );
    expect([...owned]).toEqual([
      ["summary", "汇总"],
      ["growth", "会员增长"],
      ["problems", "校验结果"],
    ]);
    expect(stale).toEqual([]);
  });

  it("matches sheet names case-insensitively and gives them as the workbook spells them", () => {
    const { owned } = findOwnedSheets(
      [{ name: "chamberstats_SUMMARY", reference: "=summary!$A$1" }],
      ["Summary"]
    );
    expect([...owned]).toEqual([["summary", "Summary"]]);
  });

  it("calls markers pointing nowhere stale", () => {
    const { owned, stale } = findOwnedSheets(
      [
        { name: "ChamberStats_summary", reference: "=#REF!$A$1" },
        { name: "ChamberStats_growth", reference: "'已删除'!$A$1" },
        { name: "ChamberStats_coverage", reference: "42" },
        { name: "ChamberStats_chambers", reference: "'商会明细'!$A$1" },
      ],
      sheets
    );
    expect([...owned]).toEqual([["chambers", "商会明细"]]);
    expect(stale).toEqual(["ChamberStats_summary", "ChamberStats_growth", "ChamberStats_coverage"]);
  });

  it("gives a sheet claimed by two keys to the first, and a key named twice to its first marker", () => {
    const { owned, stale } = findOwnedSheets(
      [
        { name: "ChamberStats_growth", reference: "=汇总!$A$1" },
        { name: "ChamberStats_summary", reference: "='汇总'!$A$1" },
        { name: "ChamberStats_coverage", reference: "=覆盖率!$A$1" },
        { name: "CHAMBERSTATS_COVERAGE", reference: "=会员增长!$A$1" },
      ],
      sheets
    );
    expect([...owned]).toEqual([
      ["growth", "汇总"],
      ["coverage", "覆盖率"],
    ]);
    expect(stale).toEqual(["ChamberStats_summary", "CHAMBERSTATS_COVERAGE"]);
  });

  it("ignores sheet-scoped names: a copied sheet's markers are not the workbook's", () => {
    const { owned, stale } = findOwnedSheets(
      [
        { name: "ChamberStats_summary", reference: "'汇总 (2)'!$A$1", scoped: true },
        { name: "ChamberStats_summary", reference: "'汇总'!$A$1" },
        { name: "ChamberStats_growth", reference: "#REF!", scoped: true },
      ],
      [...sheets, "汇总 (2)"]
    );
    expect([...owned]).toEqual([["summary", "汇总"]]);
    expect(stale).toEqual([]);
  });

  it("owns nothing without markers", () => {
    const { owned, stale } = findOwnedSheets([], sheets);
    expect([owned.size, stale]).toEqual([0, []]);
  });
});

describe("reclaiming an output sheet whose marker was deleted", () => {
  const problemsZh = REPORT_LABELS.zh.problems.headers;
  const growthEn = REPORT_LABELS.en.growth.headers;

  it("recognises a sheet by its output name and exactly the first row the core writes there, in either language", () => {
    expect(
      isRecognisedOutput("problems", { name: "校验结果", firstRow: [...problemsZh, "", null] })
    ).toBe(true);
    expect(
      isRecognisedOutput("growth", {
        name: OUTPUT_SHEET_NAMES.en.growth.toUpperCase(),
        firstRow: growthEn,
      })
    ).toBe(true);
    expect(
      isRecognisedOutput("summary", { name: "汇总", firstRow: [REPORT_LABELS.zh.summary.title] })
    ).toBe(true);
  });

  it("does not recognise a sheet with anything else in its first row, another name, or the other key's row", () => {
    expect(
      isRecognisedOutput("summary", {
        name: "汇总",
        firstRow: [REPORT_LABELS.zh.summary.title, "备注"],
      })
    ).toBe(false);
    expect(
      isRecognisedOutput("problems", { name: "校验结果", firstRow: problemsZh.slice(1) })
    ).toBe(false);
    expect(isRecognisedOutput("problems", { name: "校验结果 (2)", firstRow: problemsZh })).toBe(
      false
    );
    expect(isRecognisedOutput("growth", { name: "校验结果", firstRow: problemsZh })).toBe(false);
  });

  it("looks only at keys without an owner, at sheets nobody owns, and reclaims the recognised ones", () => {
    const owned = new Map([["summary", "汇总"]] as const);
    const candidates = reclaimCandidates(owned, ["汇总", "校验结果", "Growth", "会员"]);
    expect(candidates).toEqual([
      { key: "growth", sheet: "Growth" },
      { key: "problems", sheet: "校验结果" },
    ]);
    const reclaimed = reclaimSheets(owned, [
      { key: "growth", name: "Growth", firstRow: ["我的表"] },
      { key: "problems", name: "校验结果", firstRow: problemsZh },
    ]);
    expect([...reclaimed]).toEqual([["problems", "校验结果"]]);
  });
});
