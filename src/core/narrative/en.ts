/** The work report's sentences in English. */
import type { ChamberType, MemberType } from "../types";
import type { SentenceBuilder } from "./figures";
import type { NarrativeWording } from "./types";

const CHAMBER_TYPES: readonly (readonly [ChamberType, string])[] = [
  ["township", "township and street"],
  ["industry", "industry"],
  ["regional", "regional"],
  ["outOfTown", "out-of-town"],
  ["other", "other"],
];

const MEMBER_TYPES: readonly (readonly [MemberType, string])[] = [
  ["enterprise", "enterprise"],
  ["group", "group"],
  ["individual", "individual"],
];

/** "a, b and c" */
function list(s: SentenceBuilder, items: readonly (() => void)[]): void {
  items.forEach((write, i) => {
    if (i > 0) s.t(i === items.length - 1 ? " and " : ", ");
    write();
  });
}

/** "grew by 5.00%", "fell by 5.00%" or "was unchanged". */
function change(s: SentenceBuilder, path: string, rate: number): void {
  if (rate === 0) s.t("was unchanged");
  else s.t(rate > 0 ? "grew by " : "fell by ").change(path, rate);
}

export const en: NarrativeWording = {
  joiner: " ",
  reasons: {
    "no-chambers-sheet": "The workbook has no usable chambers sheet.",
    "no-active-chambers": "No counted chamber is active at the as-of date.",
    "no-members-sheet": "The workbook has no usable members sheet.",
    "no-previous-year-members":
      "There were no members at the previous year end, so no growth rate.",
    "base-year-is-reporting-year":
      "The base year is the reporting year; there is nothing to compare.",
    "no-base-year-members": "There were no members at the base year end, so no growth rate.",
    "no-townships-sheet": "The workbook has no townships sheet, so no coverage.",
    "no-townships-column": "The townships sheet lacks a required column, so no coverage.",
    "no-townships": "The townships sheet lists no township.",
    "no-non-public-enterprises": "There are no non-public enterprises, so no member coverage.",
    "no-dues-sheet": "The workbook has no usable dues sheet.",
    "nothing-due": "No dues are due this year, so no collection rate.",
  },
  chambersByType(s, f, c) {
    s.t("As of ").date("asOf", f.asOf).t(", there were ").count("chambers.total", c.total);
    s.t(c.total === 1 ? " grassroots chamber" : " grassroots chambers");
    const parts = CHAMBER_TYPES.filter(([type]) => c.byType[type] > 0);
    if (parts.length > 0) {
      s.t(": ");
      list(
        s,
        parts.map(([type, label]) => () => {
          s.count(`chambers.byType.${type}`, c.byType[type]).t(` ${label}`);
        })
      );
    }
    s.t(".");
  },
  chambersQuality(s, c) {
    s.t("Of these, ");
    const part = (count: keyof typeof c, rate: keyof typeof c, what: string) => () => {
      s.count(`chambers.${count}`, c[count] as number).t(" (");
      s.rate(`chambers.${rate}`, (c[rate] as number | null) ?? 0).t(`) ${what}`);
    };
    list(s, [
      part("registered", "registeredRate", "are registered with the civil affairs authorities"),
      part(
        "presidentEntrepreneur",
        "presidentEntrepreneurRate",
        "have a private entrepreneur as president"
      ),
      part("fixedOffice", "fixedOfficeRate", "have a fixed office"),
      part("fullTimeStaff", "fullTimeStaffRate", "have full-time staff"),
      part("website", "websiteRate", "run a website"),
      part("journal", "journalRate", "publish a journal"),
    ]);
    s.t(".");
  },
  membersByType(s, f, m) {
    s.t("As of ").date("asOf", f.asOf).t(", there were ").count("members.total", m.total);
    s.t(m.total === 1 ? " member" : " members");
    const parts = MEMBER_TYPES.filter(([type]) => m.byType[type] > 0);
    if (parts.length > 0) {
      s.t(": ");
      list(
        s,
        parts.map(([type, label]) => () => {
          s.count(`members.byType.${type}`, m.byType[type]).t(` ${label}`);
        })
      );
    }
    if (m.aboveScale > 0) {
      s.t("; ").count("members.aboveScale", m.aboveScale).t(" enterprise members are above scale");
    }
    s.t(".");
  },
  membersNewInYear(s, f, m) {
    s.t("In ").year("year", f.year).t(", ").count("members.newInYear", m.newInYear);
    s.t(" members joined and ").count("members.leftInYear", m.leftInYear).t(" left.");
  },
  membersGrowth(s, f, m, rate) {
    s.t("Against the ").count("members.previousYearEnd", m.previousYearEnd);
    s.t(" members at the end of ")
      .year("previousYear", f.year - 1)
      .t(", membership ");
    change(s, "members.growthRate", rate);
    s.t(".");
  },
  membersGrowthSinceBase(s, f, m, rate) {
    s.t("Against the ").count("members.baseYearEnd", m.baseYearEnd);
    s.t(" members at the end of the base year ").year("baseYear", f.baseYear).t(", it ");
    change(s, "members.growthSinceBase", rate);
    s.t(".");
  },
  coverageTownships(s, c, rate) {
    s.t("Of ").count("coverage.townships", c.townships).t(" townships and streets, ");
    s.count("coverage.townshipsWithChamber", c.townshipsWithChamber);
    s.t(" have a township chamber, a coverage of ");
    s.rate("coverage.townshipChamberCoverage", rate).t(".");
  },
  coverageMembers(s, c, rate) {
    s.t("Of ").count("coverage.nonPublicEnterprises", c.nonPublicEnterprises);
    s.t(" non-public enterprises, ").count("coverage.enterpriseMembers", c.enterpriseMembers);
    s.t(" are members, a member coverage of ").rate("coverage.memberCoverage", rate);
    s.t(c.meetsTarget === true ? ", meeting the target of " : ", short of the target of ");
    s.rate("coverage.target", c.target).t(".");
  },
  duesCollection(s, d, rate) {
    s.t("In ").year("dues.year", d.year).t(", dues of ").yuan("dues.due", d.due);
    s.t(" were due and ").yuan("dues.paid", d.paid).t(" paid, a collection rate of ");
    s.rate("dues.collectionRate", rate).t("; ");
    s.count("dues.membersFullyPaid", d.membersFullyPaid).t(" members paid in full and ");
    s.count("dues.membersOwing", d.membersOwing).t(" owe dues.");
  },
  duesChambers(s, f, c) {
    s.count("chambers.fullCollection", c.fullCollection).t(" chambers (");
    s.rate("chambers.fullCollectionRate", c.fullCollectionRate);
    s.t(") collected all their dues, and ");
    s.count("chambers.incomeAtLeastThreshold", c.incomeAtLeastThreshold).t(" (");
    s.rate("chambers.incomeAtLeastThresholdRate", c.incomeAtLeastThresholdRate);
    s.t(") had a dues income of at least ").yuan(
      "settings.duesIncomeThreshold",
      f.duesIncomeThreshold
    );
    s.t(".");
  },
};
