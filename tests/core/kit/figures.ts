/**
 * A district's figures in the shape of §6 (without the narrative written from them), with the
 * figures of the district report the narrative and report-check tests are written around, and
 * the two settings a narrative quotes.
 */
import type { FiguresJson } from "../../../src/core/types";

export const DISTRICT_SETTINGS = { coverageTarget: 0.1, duesIncomeThreshold: 50_000 };

/** A result in the shape of §6, with the district report's figures. */
export function districtFigures(): FiguresJson {
  return {
    asOf: "2014-11-30",
    year: 2014,
    baseYear: 2010,
    members: {
      total: 1889,
      byType: { enterprise: 1620, group: 102, individual: 167 },
      newInYear: 231,
      leftInYear: 12,
      previousYearEnd: 1670,
      growthRate: (1889 - 1670) / 1670,
      baseYearEnd: 1058,
      growthSinceBase: (1889 - 1058) / 1058,
      retentionRate: 0.99,
      aboveScale: 312,
    },
    series: null,
    chambers: {
      total: 14,
      byType: { township: 2, industry: 4, regional: 6, outOfTown: 2, other: 0 },
      registered: 12,
      registeredRate: 12 / 14,
      presidentEntrepreneur: 14,
      presidentEntrepreneurRate: 1,
      fixedOffice: 10,
      fixedOfficeRate: 10 / 14,
      fullTimeStaff: 7,
      fullTimeStaffRate: 0.5,
      website: 3,
      websiteRate: 3 / 14,
      journal: 2,
      journalRate: 2 / 14,
      fullCollection: 5,
      fullCollectionRate: 5 / 14,
      incomeAtLeastThreshold: 4,
      incomeAtLeastThresholdRate: 4 / 14,
    },
    coverage: {
      townships: 12,
      townshipsWithChamber: 2,
      townshipChamberCoverage: 2 / 12,
      nonPublicEnterprises: 12_980,
      enterpriseMembers: 1620,
      memberCoverage: 1620 / 12_980,
      target: 0.1,
      meetsTarget: true,
      byTownship: null,
      unavailableReason: null,
    },
    dues: {
      year: 2014,
      due: 1_234_500,
      paid: 987_650.5,
      collectionRate: 987_650.5 / 1_234_500,
      membersFullyPaid: 1500,
      membersOwing: 256,
      byChamber: [],
    },
    rows: {
      members: { read: 1900, counted: 1889, excluded: 11 },
      chambers: { read: 14, counted: 14, excluded: 0 },
      dues: { read: 1800, counted: 1790, excluded: 10 },
      townships: { read: 12, counted: 12, excluded: 0 },
    },
    problems: { errors: 0, warnings: 0, byCode: {}, items: [], truncated: false },
  };
}
