/** The work report's sentences in Chinese, in the wording of a federation's annual report. */
import type { ChamberType, MemberType } from "../types";
import type { SentenceBuilder } from "./figures";
import type { NarrativeWording } from "./types";

const CHAMBER_TYPES: readonly (readonly [ChamberType, string])[] = [
  ["township", "乡镇街道商会"],
  ["industry", "行业商会"],
  ["regional", "区域性商会"],
  ["outOfTown", "异地商会"],
  ["other", "其他商会"],
];

const MEMBER_TYPES: readonly (readonly [MemberType, string])[] = [
  ["enterprise", "企业会员"],
  ["group", "团体会员"],
  ["individual", "个人会员"],
];

/** "增长" or "减少" and the size of the change, or "持平" for none. */
function change(s: SentenceBuilder, path: string, rate: number): void {
  if (rate === 0) s.t("持平");
  else s.t(rate > 0 ? "增长" : "减少").change(path, rate);
}

export const zh: NarrativeWording = {
  joiner: "",
  reasons: {
    "no-chambers-sheet": "工作簿中没有可用的商会表。",
    "no-active-chambers": "截止日期时没有计入统计的商会。",
    "no-members-sheet": "工作簿中没有可用的会员表。",
    "no-previous-year-members": "上年末会员数为0，无法计算增幅。",
    "base-year-is-reporting-year": "基准年即统计年度，不另作比较。",
    "no-base-year-members": "基准年末会员数为0，无法计算增幅。",
    "no-townships-sheet": "工作簿中没有乡镇表，无法计算覆盖率。",
    "no-townships-column": "乡镇表缺少必需的列，无法计算覆盖率。",
    "no-townships": "乡镇表中没有乡镇街道。",
    "no-non-public-enterprises": "非公有制企业数为0，无法计算会员覆盖率。",
    "no-dues-sheet": "工作簿中没有可用的会费表。",
    "nothing-due": "本年度应收会费为0，无法计算收缴率。",
  },
  chambersByType(s, f, c) {
    s.t("截至")
      .date("asOf", f.asOf)
      .t("，全区已建基层商会")
      .count("chambers.total", c.total)
      .t("个");
    const parts = CHAMBER_TYPES.filter(([type]) => c.byType[type] > 0);
    parts.forEach(([type, label], i) => {
      s.t(i === 0 ? "，其中" : "，")
        .t(label)
        .count(`chambers.byType.${type}`, c.byType[type])
        .t("个");
    });
    s.t("。");
  },
  chambersQuality(s, c) {
    s.t("在民政部门登记注册的商会").count("chambers.registered", c.registered).t("个，占");
    s.rate("chambers.registeredRate", c.registeredRate ?? 0).t("；会长由非公有制经济人士担任的");
    s.count("chambers.presidentEntrepreneur", c.presidentEntrepreneur).t("个，占");
    s.rate("chambers.presidentEntrepreneurRate", c.presidentEntrepreneurRate ?? 0);
    s.t("；有固定办公场所的").count("chambers.fixedOffice", c.fixedOffice).t("个，占");
    s.rate("chambers.fixedOfficeRate", c.fixedOfficeRate ?? 0).t("；配备专职工作人员的");
    s.count("chambers.fullTimeStaff", c.fullTimeStaff).t("个，占");
    s.rate("chambers.fullTimeStaffRate", c.fullTimeStaffRate ?? 0).t("；开通网站的");
    s.count("chambers.website", c.website)
      .t("个，占")
      .rate("chambers.websiteRate", c.websiteRate ?? 0);
    s.t("；创办会刊的").count("chambers.journal", c.journal).t("个，占");
    s.rate("chambers.journalRate", c.journalRate ?? 0).t("。");
  },
  membersByType(s, f, m) {
    s.t("截至").date("asOf", f.asOf).t("，全区共有会员").count("members.total", m.total).t("个");
    const parts = MEMBER_TYPES.filter(([type]) => m.byType[type] > 0);
    parts.forEach(([type, label], i) => {
      s.t(i === 0 ? "，其中" : "、")
        .t(label)
        .count(`members.byType.${type}`, m.byType[type])
        .t("个");
    });
    if (m.aboveScale > 0) {
      s.t("；企业会员中规模以上企业").count("members.aboveScale", m.aboveScale).t("家");
    }
    s.t("。");
  },
  membersNewInYear(s, f, m) {
    s.year("year", f.year).t("年新发展会员").count("members.newInYear", m.newInYear).t("个");
    s.t("，退会").count("members.leftInYear", m.leftInYear).t("个。");
  },
  membersGrowth(s, f, m, rate) {
    s.t("会员总数较")
      .year("previousYear", f.year - 1)
      .t("年末的");
    s.count("members.previousYearEnd", m.previousYearEnd).t("个");
    change(s, "members.growthRate", rate);
    s.t("。");
  },
  membersGrowthSinceBase(s, f, m, rate) {
    s.t("较基准年").year("baseYear", f.baseYear).t("年末的");
    s.count("members.baseYearEnd", m.baseYearEnd).t("个");
    change(s, "members.growthSinceBase", rate);
    s.t("。");
  },
  coverageTownships(s, c, rate) {
    s.t("全区").count("coverage.townships", c.townships).t("个乡镇街道中，已建乡镇街道商会的");
    s.count("coverage.townshipsWithChamber", c.townshipsWithChamber).t("个，覆盖率");
    s.rate("coverage.townshipChamberCoverage", rate).t("。");
  },
  coverageMembers(s, c, rate) {
    s.t("全区非公有制企业").count("coverage.nonPublicEnterprises", c.nonPublicEnterprises);
    s.t("家，入会企业会员").count("coverage.enterpriseMembers", c.enterpriseMembers);
    s.t("家，会员覆盖率").rate("coverage.memberCoverage", rate);
    s.t(c.meetsTarget === true ? "，达到" : "，未达到")
      .rate("coverage.target", c.target)
      .t("的目标。");
  },
  duesCollection(s, d, rate) {
    s.year("dues.year", d.year).t("年应收会费").yuan("dues.due", d.due).t("，实收");
    s.yuan("dues.paid", d.paid).t("，收缴率").rate("dues.collectionRate", rate);
    s.t("；足额缴纳的会员").count("dues.membersFullyPaid", d.membersFullyPaid).t("个，欠缴的");
    s.count("dues.membersOwing", d.membersOwing).t("个。");
  },
  duesChambers(s, f, c) {
    s.t("会费全额收缴的商会").count("chambers.fullCollection", c.fullCollection).t("个，占");
    s.rate("chambers.fullCollectionRate", c.fullCollectionRate).t("；会费收入达到");
    s.yuan("settings.duesIncomeThreshold", f.duesIncomeThreshold).t("的商会");
    s.count("chambers.incomeAtLeastThreshold", c.incomeAtLeastThreshold).t("个，占");
    s.rate("chambers.incomeAtLeastThresholdRate", c.incomeAtLeastThresholdRate).t("。");
  },
};
