/**
 * Every word the output sheets show: one file a language (zh.ts, en.ts), both implementing
 * ReportLabels, so a label missing in one of them does not compile. Problem titles are not here:
 * they are each code's entry in the catalogues of messages/.
 */
import type {
  ChamberType,
  HeaderFooterPart,
  Lang,
  MemberType,
  OutputSheetKey,
  ProblemCode,
  Severity,
} from "../../types";
import { EN, EN_SHEET_NAMES } from "./en";
import { ZH, ZH_SHEET_NAMES } from "./zh";

export interface ReportLabels {
  readonly yes: string;
  readonly no: string;
  readonly total: string;
  readonly severity: Readonly<Record<Severity, string>>;
  /** How a chamber type is named in the chambers report. */
  readonly chamberType: Readonly<Record<ChamberType, string>>;
  /** How the count of a chamber type is labelled in the summary. */
  readonly chamberTypeCount: Readonly<Record<ChamberType, string>>;
  readonly memberType: Readonly<Record<MemberType, string>>;
  /** Each problem code's title, from its catalogue in messages/. */
  readonly codeTitle: Readonly<Record<ProblemCode, string>>;
  /** A sheet cannot be used: why, and which figures are lost. `columns` lists missing columns. */
  readonly unavailable: (
    sheet: string,
    what: string,
    reason: "missing-sheet" | "missing-column" | "unreadable",
    columns: readonly string[]
  ) => string;
  readonly summary: {
    readonly title: string;
    readonly asOf: string;
    readonly year: string;
    readonly baseYear: string;
    readonly value: string;
    readonly rate: string;
    readonly note: string;
    readonly members: string;
    readonly membersWhat: string;
    readonly membersTotal: string;
    readonly newInYear: string;
    readonly leftInYear: string;
    readonly previousYearEnd: string;
    readonly yearEnd: (year: number) => string;
    readonly growthRate: string;
    readonly baseYearEnd: (year: number) => string;
    readonly growthSinceBase: (year: number) => string;
    readonly retentionRate: string;
    readonly retentionNote: string;
    readonly aboveScale: string;
    readonly noPreviousMembers: string;
    readonly noBaseMembers: string;
    readonly chambers: string;
    readonly chambersWhat: string;
    readonly chambersTotal: string;
    readonly registered: string;
    readonly presidentEntrepreneur: string;
    readonly fixedOffice: string;
    readonly fullTimeStaff: string;
    readonly website: string;
    readonly journal: string;
    readonly fullCollection: string;
    /** With the threshold in yuan when the caller gives it. */
    readonly incomeAtLeastThreshold: (threshold: string | null) => string;
    readonly rateBase: string;
    readonly noActiveChambers: string;
    readonly needsDues: string;
    readonly coverage: string;
    readonly coverageWhat: string;
    readonly townships: string;
    readonly townshipsWithChamber: string;
    readonly townshipChamberCoverage: string;
    readonly nonPublicEnterprises: (year: number) => string;
    readonly enterpriseMembers: string;
    readonly memberCoverage: string;
    readonly target: string;
    readonly meetsTarget: string;
    readonly noEnterprises: string;
    readonly noTownships: string;
    readonly dues: string;
    readonly duesWhat: string;
    readonly duesYear: string;
    readonly due: string;
    readonly paid: string;
    readonly collectionRate: string;
    readonly nothingDue: string;
    readonly membersFullyPaid: string;
    readonly membersOwing: string;
    readonly sources: string;
    readonly sheet: string;
    /** "会员表" / "Members sheet", from the sheet kind's label. */
    readonly sheetOf: (kindLabel: string) => string;
    readonly headerRow: (row: number) => string;
    readonly notFound: string;
    readonly settingsNotFound: string;
    readonly rows: string;
    readonly read: string;
    readonly counted: string;
    readonly excluded: string;
    readonly problems: string;
    readonly count: string;
    /** The header of the problems section's code column. */
    readonly code: string;
    readonly errors: string;
    readonly warnings: string;
    readonly errorsNote: string;
  };
  readonly growth: {
    readonly headers: readonly [string, string, string, string, string, string, string, string];
    readonly chartTitle: (from: number, to: number) => string;
    readonly noYears: string;
  };
  readonly coverage: {
    readonly headers: readonly [string, string, string, string, string, string, string];
    readonly chartTitle: (target: string) => string;
    /** Under the target note: what the bars' colours mean. */
    readonly chartColors: string;
    readonly targetNote: (target: string, withChamber: string) => string;
    readonly noTownships: string;
  };
  readonly chambersReport: {
    readonly headers: readonly string[];
    readonly duesUnavailable: string;
    readonly chambersUnavailable: string;
    readonly noChambers: string;
  };
  readonly problems: {
    /** Severity, problem (the code's title), cell, value, message, code. */
    readonly headers: readonly [string, string, string, string, string, string];
    readonly none: string;
    readonly more: (count: number, limit: string) => string;
  };
  /** Each output sheet's generated-at line: local date and time, version, input file name. */
  readonly stamp: (at: string, version: string, file: string | null) => string;
  readonly report: {
    readonly title: string;
    /** Under the title: where the paragraphs come from, with the as-of date. */
    readonly source: (asOf: string) => string;
    readonly omitted: string;
    readonly none: string;
  };
  /** Printed headers and footers (core/report/print.ts). */
  readonly print: {
    readonly asOf: (date: string) => string;
    readonly pageOf: (page: HeaderFooterPart, pages: HeaderFooterPart) => HeaderFooterPart[];
  };
}

/** The names of the output sheets in one language. */
export type OutputSheetNames = Readonly<Record<OutputSheetKey, string>>;

export const REPORT_LABELS: Readonly<Record<Lang, ReportLabels>> = { zh: ZH, en: EN };

export const OUTPUT_SHEET_NAMES: Readonly<Record<Lang, OutputSheetNames>> = {
  zh: ZH_SHEET_NAMES,
  en: EN_SHEET_NAMES,
};
