/** The input sheets, their fields read into records, and the settings: calendar days throughout. */

/**
 * A calendar day with no time zone: the number of days since 1970-01-01 (which is day 0).
 * Arithmetic and comparison are plain integer operations; see dates.ts for conversions.
 */
export type Day = number;

export type SheetKind = "chambers" | "members" | "dues" | "townships" | "settings";

export type ChamberType = "township" | "industry" | "regional" | "outOfTown" | "other";
export const CHAMBER_TYPES: readonly ChamberType[] = [
  "township",
  "industry",
  "regional",
  "outOfTown",
  "other",
];

export type MemberType = "enterprise" | "group" | "individual";
export const MEMBER_TYPES: readonly MemberType[] = ["enterprise", "group", "individual"];

/** Where a record came from, for problems that name another row. */
export interface RowRef {
  readonly sheet: string;
  /** 1-based worksheet row. */
  readonly row: number;
}

export interface ChamberRecord extends RowRef {
  readonly id: string;
  readonly name: string;
  readonly type: ChamberType;
  readonly township: string | null;
  readonly founded: Day;
  readonly dissolved: Day | null;
  readonly registered: boolean;
  readonly president: string | null;
  readonly presidentEntrepreneur: boolean;
  readonly fullTimeStaff: number | null;
  readonly fixedOffice: boolean;
  readonly website: string | null;
  readonly journal: boolean;
  readonly uscc: string | null;
  /** False when the row has at least one error: it is listed, not counted. */
  readonly counted: boolean;
}

export interface MemberRecord extends RowRef {
  readonly id: string;
  readonly name: string;
  readonly type: MemberType;
  /** The 商会编号 of the chamber the member belongs to, resolved from an ID or a name; null = direct member. */
  readonly chamberId: string | null;
  readonly township: string | null;
  readonly uscc: string | null;
  readonly industry: string | null;
  readonly joined: Day;
  readonly left: Day | null;
  readonly aboveScale: boolean;
  readonly phone: string | null;
  readonly counted: boolean;
}

export interface DuesRecord extends RowRef {
  readonly memberId: string;
  readonly year: number;
  readonly due: number;
  readonly paid: number;
  readonly paidOn: Day | null;
  readonly counted: boolean;
}

export interface TownshipRecord extends RowRef {
  readonly township: string;
  readonly year: number;
  readonly nonPublicEnterprises: number;
  readonly counted: boolean;
}

export interface Settings {
  /** The as-of date D. */
  readonly asOf: Day;
  /** Y, the year of D. */
  readonly year: number;
  /** B, the base year. */
  readonly baseYear: number;
  /** Member coverage target as a fraction (0.1 = 10%). */
  readonly coverageTarget: number;
  /** Dues income threshold in yuan. */
  readonly duesIncomeThreshold: number;
}
