import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildNarrative } from "../narrative";
import type { FiguresJson } from "../types";
import { checkReport, type CheckItem } from "./check";
import {
  DISTRICT_SETTINGS as SETTINGS,
  districtFigures as district,
} from "../../../tests/core/kit/figures";

/** A district federation's work report (工作报告) on the district's figures, with planted contradictions. */
const ZH_DRAFT = [
  "2014年，在区委、区政府的正确领导下，区工商联围绕中心、服务大局，各项工作取得新进展。",
  "一、组织建设不断加强。截至2014年11月30日，全区已建基层商会14个，其中乡镇街道商会2个、行业商会6个、区域性商会8个、异地商会2个。在民政部门登记注册的商会超过10个，占85.71%；有固定办公场所的商会近11个；配备专职人员的商会占百分之五十；开通网站的商会两个以上；创办会刊的商会２个。全区14个商会中，会费全额收缴的5个，占36%以上。",
  "二、会员队伍持续壮大。全区现有会员1,800多个，其中企业会员逾1,600个、团体会员102个、个人会员167个；企业会员中规模以上企业300余家。2014年新发展会员2家，递增16.7%。全区会员从2010年底的1,058家增加到1,989家，增幅78.54%。",
  "三、服务覆盖面不断扩大。全区12个乡镇街道中，已建乡镇街道商会的2个，覆盖率16.67%。全区非公有制企业约1.3万家，入会企业会员1,620家，会员覆盖率达到12.48%，达到10%的目标。",
  "四、会费收缴规范有序。2014年应收会费123.45万元，实收98.77万元，收缴率80.00%；足额缴纳的会员1,500个，欠缴的不足300个。会费收入达到5万元的商会4个。",
  "五、其他工作。全年开展培训12次，接受捐款30万元。",
].join("\n");

const EN_DRAFT = [
  "As of 30 November 2014, there were 14 grassroots chambers: 2 township and street, 4 industry, 6 regional and 3 out-of-town.",
  "Of these, 12 (85.71%) are registered and at least 5 collected all their dues.",
  "There were 1,889 members. In 2014, 231 members joined and 12 left. Against the 1,670 members at the end of 2013, membership grew by 15.00%.",
  "Of nearly 13,000 non-public enterprises, 1,620 are members, a member coverage of 12.48%.",
  "Dues of ¥1,234,500 were due and ¥987,650.50 paid, a collection rate of 80.00%.",
  "Each of the 15 chambers held an annual meeting, and the federation held 12 training sessions.",
].join("\n");

/** The place of `figure` inside the first occurrence of `context` in the draft. */
function at(draft: string, context: string, figure: string): number {
  const i = draft.indexOf(context);
  const j = context.indexOf(figure);
  if (i < 0 || j < 0 || draft.indexOf(context, i + 1) >= 0) throw new Error(`no single ${context}`);
  return i + j;
}

type Expected = readonly [context: string, figure: string, verdict: string, metric: string | null];

function figureVerdicts(items: readonly CheckItem[]) {
  return items
    .filter((i) => i.kind === "figure")
    .map((i) => [i.start, i.verdict, i.metric ?? null]);
}

function selfContradictions(items: readonly CheckItem[]) {
  return items
    .filter((i) => i.kind !== "figure")
    .map((i) => [i.kind, i.positions.map((p) => p[0]), i.value, i.computed]);
}

describe("checking a Chinese work report against the result", () => {
  const items = checkReport(ZH_DRAFT, district(), SETTINGS);
  const place = (context: string, figure: string) => at(ZH_DRAFT, context, figure);

  it("gives every figure its verdict at its place: correct ones with each qualifier agree, planted ones contradict", () => {
    const expected: readonly Expected[] = [
      ["2014年，在区委", "2014", "not-checkable", null],
      ["截至2014年11月30日", "2014年11月30日", "agrees", "asOf"],
      ["基层商会14个", "14", "agrees", "chambers.total"],
      ["乡镇街道商会2个、", "2", "agrees", "chambers.byType.township"],
      ["行业商会6个", "6", "contradicts", "chambers.byType.industry"],
      ["区域性商会8个", "8", "contradicts", "chambers.byType.regional"],
      ["异地商会2个", "2", "agrees", "chambers.byType.outOfTown"],
      ["超过10个", "10", "agrees", "chambers.registered"],
      ["占85.71%", "85.71%", "agrees", "chambers.registeredRate"],
      ["近11个", "11", "agrees", "chambers.fixedOffice"],
      ["百分之五十", "百分之五十", "agrees", "chambers.fullTimeStaffRate"],
      ["两个以上", "两", "agrees", "chambers.website"],
      ["会刊的商会２个", "２", "agrees", "chambers.journal"],
      ["全区14个商会中", "14", "agrees", "chambers.total"],
      ["全额收缴的5个", "5", "agrees", "chambers.fullCollection"],
      ["占36%以上", "36%", "contradicts", "chambers.fullCollectionRate"],
      ["会员1,800多个", "1,800", "agrees", "members.total"],
      ["逾1,600个", "1,600", "agrees", "members.byType.enterprise"],
      ["团体会员102个", "102", "agrees", "members.byType.group"],
      ["个人会员167个", "167", "agrees", "members.byType.individual"],
      ["300余家", "300", "agrees", "members.aboveScale"],
      ["2014年新发展", "2014", "not-checkable", null],
      ["新发展会员2家", "2", "contradicts", "members.newInYear"],
      ["递增16.7%", "16.7%", "contradicts", "members.growthRate"],
      ["从2010年底", "2010", "not-checkable", null],
      ["的1,058家", "1,058", "agrees", "members.baseYearEnd"],
      ["到1,989家", "1,989", "contradicts", "members.total"],
      ["增幅78.54%", "78.54%", "agrees", "members.growthSinceBase"],
      ["全区12个乡镇街道", "12", "agrees", "coverage.townships"],
      ["商会的2个", "2", "agrees", "coverage.townshipsWithChamber"],
      ["覆盖率16.67%", "16.67%", "agrees", "coverage.townshipChamberCoverage"],
      ["约1.3万家", "1.3万", "agrees", "coverage.nonPublicEnterprises"],
      ["入会企业会员1,620家", "1,620", "agrees", "coverage.enterpriseMembers"],
      ["达到12.48%", "12.48%", "agrees", "coverage.memberCoverage"],
      ["达到10%的目标", "10%", "agrees", "coverage.target"],
      ["2014年应收", "2014", "not-checkable", null],
      ["123.45万元", "123.45万元", "agrees", "dues.due"],
      ["98.77万元", "98.77万元", "agrees", "dues.paid"],
      ["收缴率80.00%", "80.00%", "agrees", "dues.collectionRate"],
      ["会员1,500个", "1,500", "agrees", "dues.membersFullyPaid"],
      ["不足300个", "300", "agrees", "dues.membersOwing"],
      ["达到5万元", "5万元", "agrees", "settings.duesIncomeThreshold"],
      ["商会4个", "4", "agrees", "chambers.incomeAtLeastThreshold"],
      ["培训12次", "12", "not-checkable", null],
      ["捐款30万元", "30万元", "not-checkable", null],
    ];
    expect(figureVerdicts(items)).toStrictEqual(
      expected.map(([context, figure, verdict, metric]) => [
        place(context, figure),
        verdict,
        metric,
      ])
    );
  });

  it("says what the result computes for each contradicted figure", () => {
    const contradicted = items.filter((i) => i.kind === "figure" && i.verdict === "contradicts");
    expect(contradicted.map((i) => [i.text, i.computed])).toStrictEqual([
      ["6", 4],
      ["8", 6],
      ["36%", 5 / 14],
      ["2", 231],
      ["16.7%", (1889 - 1670) / 1670],
      ["1,989", 1889],
    ]);
  });

  it("finds the text contradicting itself: parts, rates from counts, a share of its base, a figure quoted twice", () => {
    expect(selfContradictions(items)).toStrictEqual([
      [
        "parts-sum",
        [
          place("基层商会14个", "14"),
          place("乡镇街道商会2个、", "2"),
          place("行业商会6个", "6"),
          place("区域性商会8个", "8"),
          place("异地商会2个", "2"),
        ],
        14,
        18,
      ],
      [
        "share-of-base",
        [place("全区14个商会中", "14"), place("全额收缴的5个", "5"), place("占36%以上", "36%")],
        0.36,
        Number((5 / 14).toPrecision(12)),
      ],
      [
        "rate-from-counts",
        [place("会员1,800多个", "1,800"), place("新发展会员2家", "2"), place("递增16.7%", "16.7%")],
        0.167,
        Number((2 / 1798).toPrecision(12)),
      ],
      ["quoted-twice", [place("会员1,800多个", "1,800"), place("到1,989家", "1,989")], 1989, 1800],
      [
        "rate-from-counts",
        [place("的1,058家", "1,058"), place("到1,989家", "1,989"), place("增幅78.54%", "78.54%")],
        0.7854,
        Number(((1989 - 1058) / 1058).toPrecision(12)),
      ],
    ]);
  });

  it("lets the parts of a whole with qualifiers add up when they can", () => {
    // 1,800多 (1,800 to 1,900) against 逾1,600 + 102 + 167 (more than 1,869): no parts-sum item
    expect(
      items.some((i) => i.kind === "parts-sum" && i.start === place("会员1,800多个", "1,800"))
    ).toBe(false);
  });
});

describe("checking single figures", () => {
  const check = (text: string) =>
    checkReport(text, district(), SETTINGS).map((i) => [i.text, i.verdict, i.metric ?? null]);

  it("checks a fall against a falling metric and a rise against a rising one", () => {
    const json = district();
    const members = { ...json.members!, growthRate: -0.05 };
    const items = checkReport(
      "会员较上年减少5.00%；会员较上年增长5.00%。",
      { ...json, members },
      SETTINGS
    );
    expect(items.map((i) => [i.text, i.verdict, i.computed])).toStrictEqual([
      ["5.00%", "agrees", 0.05],
      ["5.00%", "contradicts", -0.05],
    ]);
  });

  it("agrees a date with the as-of date however much of it is said", () => {
    const items = checkReport(
      "截至2014年11月30日；截至2014年11月；截至11月30日；截至2014年10月31日",
      district(),
      SETTINGS
    );
    expect(items.map((i) => [i.kind, i.text, i.verdict])).toStrictEqual([
      ["figure", "2014年11月30日", "agrees"],
      [
        "quoted-twice",
        "2014年11月30日；截至2014年11月；截至11月30日；截至2014年10月31日",
        "contradicts",
      ],
      ["figure", "2014年11月", "agrees"],
      ["figure", "11月30日", "agrees"],
      ["figure", "2014年10月31日", "contradicts"],
    ]);
  });

  it("finds a share that no whole number of its quoted base gives", () => {
    const items = checkReport(
      "全区已建商会14个，会费全额收缴率36.00%；网站开通率36%。",
      district(),
      SETTINGS
    );
    expect(items.map((i) => [i.kind, i.text, i.verdict, i.computed])).toStrictEqual([
      ["figure", "14", "agrees", 14],
      [
        "share-of-base",
        "14个，会费全额收缴率36.00%",
        "contradicts",
        Number((5 / 14).toPrecision(12)),
      ],
      ["figure", "36.00%", "contradicts", 5 / 14],
      ["figure", "36%", "contradicts", 3 / 14],
    ]);
  });

  it("checks a year end's member count against that year's series entry", () => {
    const entry = { year: 2012, members: 1500, enterprise: 1300, group: 90, individual: 110 };
    const series = [{ ...entry, new: 200, left: 10, growthRate: 0.1 }];
    const items = checkReport(
      "2012年底会员1,500个；2012年底会员1,600个；2011年底会员1,400个。",
      { ...district(), series },
      SETTINGS
    ).filter((i) => i.kind === "figure" && i.unit !== "year");
    expect(items.map((i) => [i.text, i.verdict, i.metric, i.computed])).toStrictEqual([
      ["1,500", "agrees", "series.2012.members", 1500],
      ["1,600", "contradicts", "series.2012.members", 1500],
      ["1,400", "not-checkable", "series.2011.members", undefined],
    ]);
  });

  it("keeps the draft's own characters in each item's text, full-width digits included", () => {
    expect(check("全区已建基层商会１４个，会员总数１８８９个。")).toStrictEqual([
      ["１４", "agrees", "chambers.total"],
      ["１８８９", "agrees", "members.total"],
    ]);
  });
});

describe("checking an English report against the result", () => {
  const items = checkReport(EN_DRAFT, district(), SETTINGS);
  const place = (context: string, figure: string) => at(EN_DRAFT, context, figure);

  it("gives every figure its verdict at its place", () => {
    const expected: readonly Expected[] = [
      ["30 November 2014", "30 November 2014", "agrees", "asOf"],
      ["were 14 grassroots", "14", "agrees", "chambers.total"],
      ["2 township", "2", "agrees", "chambers.byType.township"],
      ["4 industry", "4", "agrees", "chambers.byType.industry"],
      ["6 regional", "6", "agrees", "chambers.byType.regional"],
      ["3 out-of-town", "3", "contradicts", "chambers.byType.outOfTown"],
      ["12 (85.71%)", "12", "agrees", "chambers.registered"],
      ["(85.71%)", "85.71%", "agrees", "chambers.registeredRate"],
      ["at least 5", "5", "agrees", "chambers.fullCollection"],
      ["1,889 members", "1,889", "agrees", "members.total"],
      ["In 2014", "2014", "not-checkable", null],
      ["231 members", "231", "agrees", "members.newInYear"],
      ["12 left", "12", "agrees", "members.leftInYear"],
      ["1,670 members", "1,670", "agrees", "members.previousYearEnd"],
      ["end of 2013", "2013", "not-checkable", null],
      ["15.00%", "15.00%", "contradicts", "members.growthRate"],
      ["nearly 13,000", "13,000", "agrees", "coverage.nonPublicEnterprises"],
      ["1,620 are members", "1,620", "agrees", "coverage.enterpriseMembers"],
      ["12.48%", "12.48%", "agrees", "coverage.memberCoverage"],
      ["¥1,234,500", "¥1,234,500", "agrees", "dues.due"],
      ["¥987,650.50", "¥987,650.50", "agrees", "dues.paid"],
      ["80.00%", "80.00%", "agrees", "dues.collectionRate"],
      ["15 chambers", "15", "contradicts", "chambers.total"],
      ["12 training", "12", "not-checkable", null],
    ];
    expect(figureVerdicts(items)).toStrictEqual(
      expected.map(([context, figure, verdict, metric]) => [
        place(context, figure),
        verdict,
        metric,
      ])
    );
  });

  it("finds the parts that do not add up, the growth its counts do not give and the total quoted twice", () => {
    expect(selfContradictions(items).map(([kind, positions]) => [kind, positions])).toStrictEqual([
      [
        "parts-sum",
        [
          place("were 14 grassroots", "14"),
          place("2 township", "2"),
          place("4 industry", "4"),
          place("6 regional", "6"),
          place("3 out-of-town", "3"),
        ],
      ],
      ["quoted-twice", [place("were 14 grassroots", "14"), place("15 chambers", "15")]],
      [
        "rate-from-counts",
        [
          place("1,889 members", "1,889"),
          place("1,670 members", "1,670"),
          place("15.00%", "15.00%"),
        ],
      ],
    ]);
  });
});

/** The figure's text with its last digit one higher, carrying, its separators kept. */
function bump(figure: string): string {
  const runs = [...figure.matchAll(/\d[\d,]*(?:\.\d+)?/g)];
  const last = runs.at(-1);
  if (last === undefined) throw new Error(`no digit in ${figure}`);
  const [whole = "", fraction = ""] = last[0].split(".");
  const digits = (BigInt(whole.replace(/,/g, "") + fraction) + 1n)
    .toString()
    .padStart(whole.replace(/,/g, "").length + fraction.length, "0");
  const intPart = digits.slice(0, digits.length - fraction.length);
  const grouped = whole.includes(",") ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : intPart;
  const number = fraction === "" ? grouped : `${grouped}.${digits.slice(-fraction.length)}`;
  return figure.slice(0, last.index) + number + figure.slice(last.index + last[0].length);
}

/** Figures that name the year a figure is of, which the checker reads as context, not as claims. */
const YEAR_PATHS = new Set(["year", "previousYear", "baseYear", "dues.year"]);

/** A result whose figures hang together as the metrics compute them. */
const results = fc
  .record({
    byType: fc.tuple(...[0, 1, 2, 3, 4].map(() => fc.integer({ min: 0, max: 30 }))),
    shares: fc.tuple(
      ...[0, 1, 2, 3, 4, 5, 6, 7].map(() => fc.double({ min: 0, max: 1, noNaN: true }))
    ),
    previous: fc.integer({ min: 0, max: 5000 }),
    leftShare: fc.double({ min: 0, max: 1, noNaN: true }),
    fresh: fc.integer({ min: 0, max: 3000 }),
    split: fc.tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true })
    ),
    baseEnd: fc.integer({ min: 0, max: 5000 }),
    baseBack: fc.constantFrom(0, 1, 4),
    townships: fc.integer({ min: 1, max: 40 }),
    withChamber: fc.double({ min: 0, max: 1, noNaN: true }),
    nonPublic: fc.integer({ min: 0, max: 200_000 }),
    enterpriseMembers: fc.integer({ min: 0, max: 20_000 }),
    due: fc.oneof(
      fc.integer({ min: 0, max: 50_000_000 }),
      fc.integer({ min: 0, max: 5_000_000 }).map((c) => c / 100)
    ),
    // (not below 0.01%: narrative's formatRate writes rates under 1e-8 as NaN.NaN%)
    paidShare: fc.oneof(fc.constant(0), fc.double({ min: 0.0001, max: 1.2, noNaN: true })),
    owing: fc.integer({ min: 0, max: 3000 }),
    asOf: fc.constantFrom("2014-11-30", "2015-06-30", "2016-12-31", "2013-01-09"),
    target: fc.constantFrom(0.1, 0.05, 0.15, 0.125),
    threshold: fc.constantFrom(50_000, 30_000, 8_000, 200_000),
  })
  .map((r) => {
    const json = district();
    const year = Number(r.asOf.slice(0, 4));
    const chambersTotal = r.byType.reduce((a, b) => a + b, 0);
    const [township = 0, industry = 0, regional = 0, outOfTown = 0, other = 0] = r.byType;
    const counts = r.shares.map((s) => Math.floor(s * chambersTotal));
    const rate = (n: number) => (chambersTotal === 0 ? null : n / chambersTotal);
    const [
      registered = 0,
      president = 0,
      office = 0,
      staff = 0,
      website = 0,
      journal = 0,
      full = 0,
      income = 0,
    ] = counts;
    const left = Math.floor(r.leftShare * r.previous);
    const total = r.previous - left + r.fresh;
    const enterprise = Math.floor(r.split[0] * total);
    const group = Math.floor(r.split[1] * (total - enterprise));
    const baseYear = year - r.baseBack;
    const baseYearEnd = r.baseBack === 0 ? total : r.baseBack === 1 ? r.previous : r.baseEnd;
    const withChamber = Math.floor(r.withChamber * r.townships);
    const paid = Math.round(r.due * r.paidShare * 100) / 100;
    const memberCoverage = r.nonPublic === 0 ? null : r.enterpriseMembers / r.nonPublic;
    const result: FiguresJson = {
      ...json,
      asOf: r.asOf,
      year,
      baseYear,
      members: {
        ...json.members!,
        total,
        byType: { enterprise, group, individual: total - enterprise - group },
        newInYear: r.fresh,
        leftInYear: left,
        previousYearEnd: r.previous,
        growthRate: r.previous === 0 ? null : (total - r.previous) / r.previous,
        baseYearEnd,
        growthSinceBase: baseYearEnd === 0 ? null : (total - baseYearEnd) / baseYearEnd,
        aboveScale: Math.floor(enterprise / 3),
      },
      chambers: {
        total: chambersTotal,
        byType: { township, industry, regional, outOfTown, other },
        registered,
        registeredRate: rate(registered),
        presidentEntrepreneur: president,
        presidentEntrepreneurRate: rate(president),
        fixedOffice: office,
        fixedOfficeRate: rate(office),
        fullTimeStaff: staff,
        fullTimeStaffRate: rate(staff),
        website,
        websiteRate: rate(website),
        journal,
        journalRate: rate(journal),
        fullCollection: full,
        fullCollectionRate: rate(full),
        incomeAtLeastThreshold: income,
        incomeAtLeastThresholdRate: rate(income),
      },
      coverage: {
        ...json.coverage,
        townships: r.townships,
        townshipsWithChamber: withChamber,
        townshipChamberCoverage: withChamber / r.townships,
        nonPublicEnterprises: r.nonPublic,
        enterpriseMembers: r.enterpriseMembers,
        memberCoverage,
        target: r.target,
        meetsTarget: memberCoverage === null ? null : memberCoverage >= r.target,
      },
      dues: {
        ...json.dues!,
        year,
        due: r.due,
        paid,
        collectionRate: r.due === 0 ? null : paid / r.due,
        membersOwing: r.owing,
      },
    };
    return { result, settings: { coverageTarget: r.target, duesIncomeThreshold: r.threshold } };
  });

describe("a narrative written from a result, checked against that result", () => {
  it("has no contradiction, and every figure it wrote is matched to the metric it came from", () => {
    fc.assert(
      fc.property(
        results,
        fc.constantFrom("zh" as const, "en" as const),
        ({ result, settings }, lang) => {
          for (const p of buildNarrative(result, settings, lang).paragraphs) {
            const items = checkReport(p.text, result, settings);
            expect(items.filter((i) => i.verdict === "contradicts")).toStrictEqual([]);
            const figures = items.filter((i) => i.kind === "figure");
            expect(figures.map((i) => [i.start, i.text, i.metric ?? null])).toStrictEqual(
              p.figures.map((f) => [f.start, f.text, YEAR_PATHS.has(f.path) ? null : f.path])
            );
          }
        }
      ),
      { numRuns: 150 }
    );
  });

  it("contradicts at the one number changed, and only where that number is involved", () => {
    fc.assert(
      fc.property(
        results,
        fc.constantFrom("zh" as const, "en" as const),
        fc.nat(),
        ({ result, settings }, lang, pick) => {
          const { paragraphs } = buildNarrative(result, settings, lang);
          const changeable = paragraphs.flatMap((p) =>
            p.figures.filter((f) => !YEAR_PATHS.has(f.path)).map((f) => ({ p, f }))
          );
          const chosen = changeable[pick % changeable.length];
          if (chosen === undefined) return;
          const { p, f } = chosen;
          const changed = p.text.slice(0, f.start) + bump(f.text) + p.text.slice(f.end);
          const items = checkReport(changed, result, settings);
          const contradictions = items.filter((i) => i.verdict === "contradicts");
          expect(
            contradictions.filter((i) => i.kind === "figure").map((i) => [i.start, i.metric])
          ).toStrictEqual([[f.start, f.path]]);
          for (const i of contradictions) {
            if (i.kind !== "figure") expect(i.positions.map((pos) => pos[0])).toContain(f.start);
          }
        }
      ),
      { numRuns: 300 }
    );
  });

  it("bumps a figure's last digit with its carry and its separators", () => {
    expect(
      [
        "1,889",
        "1,999",
        "999",
        "78.54%",
        "99.99%",
        "123.45万元",
        "¥987,650.50",
        "2014年11月30日",
        "30 November 2014",
      ].map(bump)
    ).toStrictEqual([
      "1,890",
      "2,000",
      "1000",
      "78.55%",
      "100.00%",
      "123.46万元",
      "¥987,650.51",
      "2014年11月31日",
      "30 November 2015",
    ]);
  });
});
