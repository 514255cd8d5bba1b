import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FiguresJson } from "../types";
import {
  DISTRICT_SETTINGS as SETTINGS,
  districtFigures as district,
} from "../../../tests/core/kit/figures";
import { buildNarrative, formatCount, formatDate, formatRate, formatYuan } from "./index";

/** The value at a dotted path of the result, or of the settings for "settings.…". */
function at(json: FiguresJson, path: string): unknown {
  if (path === "previousYear") return json.year - 1;
  if (path.startsWith("settings.")) {
    return SETTINGS[path.slice("settings.".length) as keyof typeof SETTINGS];
  }
  let value: unknown = json;
  for (const part of path.split(".")) value = (value as Record<string, unknown>)[part];
  return value;
}

describe("formatting figures as reports write them", () => {
  it("groups thousands and keeps cents only when there are any", () => {
    expect([0, 14, 1889, 12_980, 1_234_567, 1234.5, -2500].map(formatCount)).toStrictEqual([
      "0",
      "14",
      "1,889",
      "12,980",
      "1,234,567",
      "1,234.50",
      "-2,500",
    ]);
  });

  it("writes rates with two decimals, rounding the decimal value, never towards a claim", () => {
    expect(
      [5 / 14, 0.785444, 0.00125, 1, 0, 0.36, 0.01005, 1e-9, 12.345].map(formatRate)
    ).toStrictEqual([
      "35.71%",
      "78.54%",
      "0.13%",
      "100.00%",
      "0.00%",
      "36.00%",
      "1.01%",
      "0.00%",
      "1234.50%",
    ]);
  });

  it("writes large amounts in 万元 in Chinese and in yuan in English", () => {
    expect(formatYuan(8500, "zh")).toBe("8,500元");
    expect(formatYuan(1_234_500, "zh")).toBe("123.45万元");
    expect(formatYuan(987_650.5, "zh")).toBe("98.77万元");
    expect(formatYuan(1_234_500, "en")).toBe("¥1,234,500");
  });

  it("writes dates as the language writes them", () => {
    expect(formatDate("2014-11-30", "zh")).toBe("2014年11月30日");
    expect(formatDate("2014-11-30", "en")).toBe("30 November 2014");
  });
});

describe("the work report's paragraphs", () => {
  it("writes chambers by type whose parts add up to the total they quote", () => {
    const [chambers] = buildNarrative(district(), SETTINGS, "zh").paragraphs;
    expect(chambers?.sentences[0]?.text).toBe(
      "截至2014年11月30日，全区已建基层商会14个，其中乡镇街道商会2个，行业商会4个，区域性商会6个，异地商会2个。"
    );
  });

  it("writes the members, growth and since-base sentences in Chinese", () => {
    const members = buildNarrative(district(), SETTINGS, "zh").paragraphs[1];
    expect(members?.sentences.map((s) => s.text)).toStrictEqual([
      "截至2014年11月30日，全区共有会员1,889个，其中企业会员1,620个、团体会员102个、个人会员167个；企业会员中规模以上企业312家。",
      "2014年新发展会员231个，退会12个。",
      "会员总数较2013年末的1,670个增长13.11%。",
      "较基准年2010年末的1,058个增长78.54%。",
    ]);
  });

  it("writes dues and coverage in English", () => {
    const { paragraphs } = buildNarrative(district(), SETTINGS, "en");
    expect(paragraphs.map((p) => p.key)).toStrictEqual(["chambers", "members", "coverage", "dues"]);
    expect(paragraphs[2]?.sentences[1]?.text).toBe(
      "Of 12,980 non-public enterprises, 1,620 are members, a member coverage of 12.48%, meeting the target of 10.00%."
    );
    expect(paragraphs[3]?.sentences[0]?.text).toBe(
      "In 2014, dues of ¥1,234,500 were due and ¥987,650.50 paid, a collection rate of 80.00%; 1,500 members paid in full and 256 owe dues."
    );
  });

  it("says a fall as a fall, with its size", () => {
    const json = district();
    const members = { ...json.members!, previousYearEnd: 2000, growthRate: (1889 - 2000) / 2000 };
    const narrative = buildNarrative({ ...json, members }, SETTINGS, "zh");
    const growth = narrative.paragraphs[1]?.sentences.find((s) => s.key === "members.growth");
    expect(growth?.text).toBe("会员总数较2013年末的2,000个减少5.55%。");
    expect(growth?.figures.at(-1)).toMatchObject({ path: "members.growthRate", value: -0.0555 });
  });

  it("leaves out what cannot be computed and says why", () => {
    const json = district();
    const narrative = buildNarrative(
      {
        ...json,
        baseYear: 2014,
        dues: null,
        coverage: {
          ...json.coverage,
          townships: null,
          townshipsWithChamber: null,
          townshipChamberCoverage: null,
          nonPublicEnterprises: null,
          enterpriseMembers: null,
          memberCoverage: null,
          unavailableReason: "missing-sheet",
        },
      },
      SETTINGS,
      "zh"
    );
    expect(narrative.omitted.map((o) => [o.key, o.reason])).toStrictEqual([
      ["members.growthSinceBase", "base-year-is-reporting-year"],
      ["coverage.townships", "no-townships-sheet"],
      ["coverage.members", "no-townships-sheet"],
      ["dues.collection", "no-dues-sheet"],
      ["dues.chambers", "no-dues-sheet"],
    ]);
    expect(narrative.paragraphs.map((p) => p.key)).toStrictEqual(["chambers", "members"]);
    expect(narrative.omitted[0]?.message).toBe("基准年即统计年度，不另作比较。");
  });

  it("quotes only the result's figures, each at its place and with the path it came from", () => {
    const count = fc.integer({ min: 0, max: 2_000_000 });
    fc.assert(
      fc.property(
        fc.constantFrom("zh" as const, "en" as const),
        count,
        count,
        count,
        count,
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (lang, total, previous, enterprises, owing, due, paid) => {
          const json = district();
          const members = {
            ...json.members!,
            total,
            byType: { enterprise: total, group: 0, individual: 0 },
            previousYearEnd: previous,
            growthRate: previous === 0 ? null : (total - previous) / previous,
          };
          const coverage = {
            ...json.coverage,
            nonPublicEnterprises: enterprises,
            enterpriseMembers: total,
            memberCoverage: enterprises === 0 ? null : total / enterprises,
          };
          const dues = {
            ...json.dues!,
            due,
            paid,
            membersOwing: owing,
            collectionRate: due === 0 ? null : paid / due,
          };
          const result = { ...json, members, coverage, dues };
          const narrative = buildNarrative(result, SETTINGS, lang);
          for (const p of narrative.paragraphs) {
            let rest = p.text;
            for (const f of p.figures) {
              expect(p.text.slice(f.start, f.end)).toBe(f.text);
              expect(at(result, f.path)).toBe(f.value);
              rest = rest.slice(0, f.start) + " ".repeat(f.end - f.start) + rest.slice(f.end);
            }
            // no digit in the text that is not part of a figure
            expect(rest).not.toMatch(/[0-9]/);
          }
        }
      ),
      { numRuns: 200 }
    );
  });
});
