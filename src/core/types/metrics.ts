/** The figures of SPEC §4, and the machine-readable result of §6 that holds them. */
import type { NarrativeJson } from "../narrative/types";
import type { ProblemSummary } from "./problems";
import type { ChamberType, MemberType } from "./records";

export type Rate = number | null;

export interface MemberMetrics {
  total: number;
  byType: Record<MemberType, number>;
  newInYear: number;
  leftInYear: number;
  previousYearEnd: number;
  growthRate: Rate;
  baseYearEnd: number;
  growthSinceBase: Rate;
  retentionRate: Rate;
  aboveScale: number;
}

export interface SeriesEntry {
  year: number;
  members: number;
  enterprise: number;
  group: number;
  individual: number;
  new: number;
  left: number;
  growthRate: Rate;
}

export interface ChamberMetrics {
  total: number;
  byType: Record<ChamberType, number>;
  registered: number;
  registeredRate: Rate;
  presidentEntrepreneur: number;
  presidentEntrepreneurRate: Rate;
  fixedOffice: number;
  fixedOfficeRate: Rate;
  fullTimeStaff: number;
  fullTimeStaffRate: Rate;
  website: number;
  websiteRate: Rate;
  journal: number;
  journalRate: Rate;
  /** null when the 会费 sheet is unavailable. */
  fullCollection: number | null;
  fullCollectionRate: Rate;
  /** null when the 会费 sheet is unavailable. */
  incomeAtLeastThreshold: number | null;
  incomeAtLeastThresholdRate: Rate;
}

export interface TownshipCoverage {
  township: string;
  nonPublicEnterprises: number;
  enterpriseMembers: number;
  coverage: Rate;
  meetsTarget: boolean | null;
  hasTownshipChamber: boolean;
}

/** Every figure is null when the 乡镇 sheet is missing or unusable (`unavailableReason` says why). */
export interface CoverageMetrics {
  townships: number | null;
  townshipsWithChamber: number | null;
  townshipChamberCoverage: Rate;
  nonPublicEnterprises: number | null;
  enterpriseMembers: number | null;
  memberCoverage: Rate;
  target: number;
  meetsTarget: boolean | null;
  byTownship: TownshipCoverage[] | null;
  /** Why the figures are null: "missing-sheet" or "missing-column"; null when available. */
  unavailableReason: "missing-sheet" | "missing-column" | null;
}

export interface ChamberDues {
  chamberId: string | null;
  chamberName: string;
  members: number;
  due: number;
  paid: number;
  collectionRate: Rate;
  fullCollection: boolean;
  incomeAtLeastThreshold: boolean;
}

export interface DuesMetrics {
  year: number;
  due: number;
  paid: number;
  collectionRate: Rate;
  membersFullyPaid: number;
  membersOwing: number;
  byChamber: ChamberDues[];
}

export interface RowAccount {
  read: number;
  counted: number;
  excluded: number;
}

/** The object of §6, exactly what `chamber-recalc --json` prints. */
export interface RecalcJson {
  asOf: string;
  year: number;
  baseYear: number;
  /** null when the 会员 sheet is missing or unreadable (a missing column). */
  members: MemberMetrics | null;
  series: SeriesEntry[] | null;
  /** null when the 商会 sheet is missing or unreadable. */
  chambers: ChamberMetrics | null;
  coverage: CoverageMetrics;
  /** null when the 会费 sheet is missing or unreadable. */
  dues: DuesMetrics | null;
  rows: Record<"members" | "chambers" | "dues" | "townships", RowAccount>;
  problems: ProblemSummary;
  /** The work report's paragraphs written from the figures above (§7). */
  narrative: NarrativeJson;
}

/** The §6 object without its narrative: what the narrative is written from. */
export type FiguresJson = Omit<RecalcJson, "narrative">;
