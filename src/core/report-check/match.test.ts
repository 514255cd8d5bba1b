import { describe, expect, it } from "vitest";
import { findFigures } from "./figures";
import { matchMetric } from "./match";

/** [figure, metric] of every figure that is not a year, "-" before a fall's metric. */
function metrics(text: string, years = { year: 2014, baseYear: 2010 }) {
  const figures = findFigures(text);
  return figures
    .filter((f) => f.unit !== "year")
    .map((f) => {
      const m = matchMetric(f, text, { figures, ...years });
      return [f.text, m === "not-checkable" ? m : `${m.negated ? "-" : ""}${m.path}`];
    });
}

describe("matching a figure to the metric it speaks of", () => {
  it("names members by type by the nearest keyword before the number", () => {
    expect(
      metrics("全区共有会员1,889个，其中企业会员1,620个、团体会员102个、个人会员167个。")
    ).toStrictEqual([
      ["1,889", "members.total"],
      ["1,620", "members.byType.enterprise"],
      ["102", "members.byType.group"],
      ["167", "members.byType.individual"],
    ]);
  });

  it("leaves counts of training, events and donations not checkable, whatever else their clause names", () => {
    expect(metrics("全年共培训会员300人次，举办活动12场。")).toStrictEqual([
      ["300", "not-checkable"],
      ["12", "not-checkable"],
    ]);
    expect(metrics("The chambers held 15 training sessions for members.")).toStrictEqual([
      ["15", "not-checkable"],
    ]);
  });

  it("names chambers by type, 同业公会 as industry chambers", () => {
    expect(
      metrics(
        "全区已建基层商会14个，其中乡镇街道商会2个，同业公会4个，区域性商会6个，异地商会2个。"
      )
    ).toStrictEqual([
      ["14", "chambers.total"],
      ["2", "chambers.byType.township"],
      ["4", "chambers.byType.industry"],
      ["6", "chambers.byType.regional"],
      ["2", "chambers.byType.outOfTown"],
    ]);
  });

  it("prefers what is counted over who is counted, and takes a share right after a count as its rate", () => {
    expect(
      metrics(
        "在民政部门登记注册的商会12个，占85.71%；会长由非公有制经济人士担任的14个；有固定办公场所的10个；配备专职人员的7个；开通网站的3个；创办会刊的2个；5个商会会费全额收缴，占35.71%。"
      )
    ).toStrictEqual([
      ["12", "chambers.registered"],
      ["85.71%", "chambers.registeredRate"],
      ["14", "chambers.presidentEntrepreneur"],
      ["10", "chambers.fixedOffice"],
      ["7", "chambers.fullTimeStaff"],
      ["3", "chambers.website"],
      ["2", "chambers.journal"],
      ["5", "chambers.fullCollection"],
      ["35.71%", "chambers.fullCollectionRate"],
    ]);
  });

  it("names dues, coverage and the coverage target", () => {
    expect(
      metrics(
        "应收会费123.45万元，实收98.77万元，收缴率80.00%。全区12个乡镇街道中，已建乡镇街道商会的2个，覆盖率16.67%。全区非公有制企业12,980家，入会企业会员1,620家，覆盖率12.48%，达到10%的目标。"
      )
    ).toStrictEqual([
      ["123.45万元", "dues.due"],
      ["98.77万元", "dues.paid"],
      ["80.00%", "dues.collectionRate"],
      ["12", "coverage.townships"],
      ["2", "coverage.townshipsWithChamber"],
      ["16.67%", "coverage.townshipChamberCoverage"],
      ["12,980", "coverage.nonPublicEnterprises"],
      ["1,620", "coverage.enterpriseMembers"],
      ["12.48%", "coverage.memberCoverage"],
      ["10%", "coverage.target"],
    ]);
  });

  it("tells growth against the previous year from growth since the base year by the year it names", () => {
    expect(
      metrics(
        "2014年新发展会员231个，会员总数较上年增长13.11%。全区会员从2010年底的1,058家增加到1,889家，增幅78.54%。2012年底会员1,500个。会员较上年减少5.55%。"
      )
    ).toStrictEqual([
      ["231", "members.newInYear"],
      ["13.11%", "members.growthRate"],
      ["1,058", "members.baseYearEnd"],
      ["1,889", "members.total"],
      ["78.54%", "members.growthSinceBase"],
      ["1,500", "series.2012.members"],
      ["5.55%", "-members.growthRate"],
    ]);
  });

  it("says what no metric speaks of is not checkable, never guessing", () => {
    expect(
      metrics(
        "开展培训12次，捐款30万元；专职人员36人；会员增加219个；全区会员从1,058家增加到1,889家。"
      )
    ).toStrictEqual([
      ["12", "not-checkable"],
      ["30万元", "not-checkable"],
      ["36", "not-checkable"],
      ["219", "not-checkable"],
      ["1,058", "not-checkable"],
      ["1,889", "members.total"],
    ]);
  });

  it("checks a date only when it is the date the figures are counted at", () => {
    expect(metrics("截至2014年11月30日，2014年11月30日召开大会。")).toStrictEqual([
      ["2014年11月30日", "asOf"],
      ["2014年11月30日", "not-checkable"],
    ]);
  });

  it("reads English keywords, mostly after the number", () => {
    expect(
      metrics(
        "As of 30 November 2014, there were 1,889 members: 1,620 enterprise, 102 group and 167 individual. Of 14 chambers, 12 (85.71%) are registered and 5 collected all their dues. The collection rate was 80.00%. Training was held 12 times."
      )
    ).toStrictEqual([
      ["30 November 2014", "asOf"],
      ["1,889", "members.total"],
      ["1,620", "members.byType.enterprise"],
      ["102", "members.byType.group"],
      ["167", "members.byType.individual"],
      ["14", "chambers.total"],
      ["12", "chambers.registered"],
      ["85.71%", "chambers.registeredRate"],
      ["5", "chambers.fullCollection"],
      ["80.00%", "dues.collectionRate"],
      ["12", "not-checkable"],
    ]);
  });

  it("takes the reporting and base years from the text when it is not told them", () => {
    const text =
      "截至2014年11月30日，会员1,889个，较基准年2010年末的1,058个增长78.54%，较2013年末的1,670个增长13.11%。";
    const figures = findFigures(text);
    expect(
      figures
        .filter((f) => f.unit !== "year")
        .map((f) => matchMetric(f, text))
        .map((m) => (m === "not-checkable" ? m : m.path))
    ).toStrictEqual([
      "asOf",
      "members.total",
      "members.baseYearEnd",
      "members.growthSinceBase",
      "members.previousYearEnd",
      "members.growthRate",
    ]);
  });
});
