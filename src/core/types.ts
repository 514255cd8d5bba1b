/**
 * The core's contract: what the adapters hand in (grids of raw cells) and what they get back
 * (records, problems, metrics and output tables). Pure data; no Office.js, DOM or Node types.
 */

import type { ProblemCode, ProblemParams } from "./problems/codes";

// ---------------------------------------------------------------------------------------------
// Input: grids of raw cells, as a spreadsheet gives them
// ---------------------------------------------------------------------------------------------

/** A cell that Excel shows as a date (a date cell in ExcelJS, a date-formatted number in Office.js). */
export interface DateCell {
  readonly kind: "date";
  /** The Excel serial in the workbook's own date system (1900 or 1904). Fractions are a time of day. */
  readonly serial: number;
}

/** A cell holding an Excel error value such as #N/A or #REF!. */
export interface ErrorCell {
  readonly kind: "error";
  /** The error text exactly as Excel shows it: "#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!". */
  readonly error: string;
}

/** One cell as the adapter read it. `null` (or `undefined` in a sparse row) is a blank cell. */
export type RawCell = string | number | boolean | DateCell | ErrorCell | null | undefined;

/**
 * Where an Excel table (ListObject) sits, in worksheet coordinates (1-based): its header row, its
 * data rows and its columns. A totals row is not data: `lastRow` is the last data row. A table
 * may show no header row (`headerRowCount="0"` in the file, `showHeaders` false in Office.js);
 * then `headerRow` is null and `firstRow` says where its data begin. Build one with `tableArea`
 * (tables.ts) from the table's whole range and its header and totals row counts.
 */
export type TableArea = TableWithHeader | TableWithoutHeader;

interface TableAreaBase {
  readonly name: string;
  readonly firstColumn: number;
  readonly lastColumn: number;
  /** The last data row (a totals row excluded); firstRow - 1 when the table has no data rows. */
  readonly lastRow: number;
}

export interface TableWithHeader extends TableAreaBase {
  readonly headerRow: number;
  /** The first data row: always headerRow + 1 (may be omitted). */
  readonly firstRow?: number;
}

export interface TableWithoutHeader extends TableAreaBase {
  readonly headerRow: null;
  /** The first data row: the table's first row. */
  readonly firstRow: number;
}

export interface SheetGrid {
  /** The worksheet's name as the user sees it on its tab. */
  readonly name: string;
  /** Rows of the used range; `rows[i][j]` is the worksheet cell at row firstRow+i, column firstColumn+j. */
  readonly rows: ReadonlyArray<ReadonlyArray<RawCell> | undefined>;
  /** 1-based worksheet row of rows[0]. Default 1. */
  readonly firstRow?: number;
  /** 1-based worksheet column of rows[i][0]. Default 1. */
  readonly firstColumn?: number;
  /**
   * Excel tables on this sheet (see `tableArea`): when one with a header row holds the data, its
   * header row is the header row; a table's totals row is never data (detect.ts).
   */
  readonly tables?: readonly TableArea[];
}

export type DateSystem = 1900 | 1904;

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
  /** 1904 when the workbook uses the 1904 date system (Mac Excel's old default). Default 1900. */
  readonly dateSystem?: DateSystem;
}

// ---------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------

/**
 * A calendar day with no time zone: the number of days since 1970-01-01 (which is day 0).
 * Arithmetic and comparison are plain integer operations; see dates.ts for conversions.
 */
export type Day = number;

export type Lang = "zh" | "en";

// ---------------------------------------------------------------------------------------------
// Sheets, fields and records
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Problems: data, keyed by a stable code; messages come from the catalogues in messages/
// ---------------------------------------------------------------------------------------------

export type Severity = "error" | "warning";

/** The codes and their parameters: one entry per code in problems/codes.ts. */
export type { ProblemCode, ProblemParams } from "./problems/codes";

/** One problem: a stable code with its parameters, where it happened, and a rendered message. */
export type Problem = {
  [C in ProblemCode]: {
    readonly code: C;
    readonly severity: Severity;
    /** The kind of input sheet the problem is about (null for the workbook or an output sheet). */
    readonly kind: SheetKind | null;
    /** The sheet's name as the user sees it ("" when the problem is about the workbook). */
    readonly sheet: string;
    /** 1-based worksheet row, or null when the problem is about a whole sheet or column. */
    readonly row: number | null;
    /** Column letter as the user sees it ("C"), or null. */
    readonly column: string | null;
    /** The cell's raw text, or null. */
    readonly value: string | null;
    readonly params: ProblemParams[C];
    /** A sentence in the recalculation's language: what is wrong and what would be right. */
    readonly message: string;
  };
}[ProblemCode];

/** A problem before its message is rendered. */
export type ProblemDraft = {
  [C in ProblemCode]: Omit<Extract<Problem, { code: C }>, "message">;
}[ProblemCode];

// ---------------------------------------------------------------------------------------------
// Metrics (§4) and the machine-readable result (§6)
// ---------------------------------------------------------------------------------------------

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

export interface ProblemSummary {
  errors: number;
  warnings: number;
  byCode: Partial<Record<ProblemCode, number>>;
  /** Sorted by sheet, row, column; capped at `itemCap` (never below 10,000). */
  items: Problem[];
  /** True when items were capped; the counts above never are. */
  truncated: boolean;
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
}

// ---------------------------------------------------------------------------------------------
// Output sheets (§5) as data; adapters only render them
// ---------------------------------------------------------------------------------------------

export type OutputSheetKey = "summary" | "growth" | "coverage" | "chambers" | "problems";

/** A calendar date to be written as a real date cell in the workbook's date system. */
export interface OutputDate {
  readonly date: string; // YYYY-MM-DD
}

export type OutputValue = string | number | boolean | OutputDate | null;

export type CellStyle = "title" | "header" | "label" | "total" | "note" | "error" | "warning";

export interface OutputCell {
  /** Strings are always literal text, never formulas, whatever they begin with. */
  readonly v: OutputValue;
  /** An Excel number format, e.g. "0.00%", "yyyy-mm-dd", "#,##0.00", "#,##0", "@". */
  readonly fmt?: string;
  readonly style?: CellStyle;
  /** A link to a cell of this workbook, e.g. { sheet: "会员", cell: "C12" }. */
  readonly link?: { readonly sheet: string; readonly cell: string };
}

/** A block of cells in an output sheet, as an A1 range on that sheet ("B3:B12"). */
export interface ChartSeries {
  readonly name: string;
  /** The values' range on the same sheet, e.g. "C4:C8". */
  readonly values: string;
}

export interface ChartSpec {
  readonly type: "line" | "bar";
  readonly title: string;
  /** Category labels' range on the same sheet, e.g. "A4:A8". */
  readonly categories: string;
  readonly series: readonly ChartSeries[];
  /** Where the chart sits: top-left and bottom-right cells, e.g. "J2" and "Q20". */
  readonly from: string;
  readonly to: string;
  readonly valueFormat?: string;
}

export interface OutputSheet {
  readonly key: OutputSheetKey;
  /** The name to write to (already suffixed when the wanted name belongs to a user's sheet). */
  readonly name: string;
  /** Rows of cells starting at A1; `null` is an empty cell. */
  readonly rows: ReadonlyArray<ReadonlyArray<OutputCell | null>>;
  /** Column widths in characters, for columns A, B, ... */
  readonly columnWidths: readonly number[];
  /** Rows frozen at the top (the header), 0 for none. */
  readonly freezeRows: number;
  readonly charts: readonly ChartSpec[];
}

// ---------------------------------------------------------------------------------------------
// Running a recalculation
// ---------------------------------------------------------------------------------------------

export interface RecalcOptions {
  /** Today's date, the day of the recalculation (YYYY-MM-DD), from the adapter's clock in local time. */
  readonly today: string;
  /** Overrides the 设置 sheet's 统计截止日期 (the CLI's --as-of). YYYY-MM-DD. */
  readonly asOf?: string;
  /** Language of messages and output sheets; default: the language of the input sheets' names. */
  readonly lang?: Lang;
  /** Names of sheets that earlier recalculations created (the adapter knows them by their marker). */
  readonly ownedSheets?: readonly string[];
  /** Cap on `problems.items` in the JSON (at least 10,000; default 10,000). The output sheet lists all, up to Excel's row limit. */
  readonly itemCap?: number;
  /**
   * Called between stages and every few thousand rows, for progress bars. During "check",
   * `sheet` is the kind of sheet whose rows are being read.
   */
  readonly onProgress?: (stage: RecalcStage, fraction: number, sheet?: SheetKind) => void;
}

export type RecalcStage = "detect" | "check" | "metrics" | "output";

/** Which worksheet was taken for each input, and how its columns were mapped. */
export interface FoundSheet {
  readonly kind: SheetKind;
  readonly name: string;
  /** 1-based worksheet row of the header. */
  readonly headerRow: number;
  /** Field key → column letter. */
  readonly columns: Readonly<Record<string, string>>;
}

export interface RecalcResult {
  readonly lang: Lang;
  readonly json: RecalcJson;
  /** Every problem, uncapped, sorted by sheet, row, column. */
  readonly problems: readonly Problem[];
  readonly found: readonly FoundSheet[];
  readonly chambers: readonly ChamberRecord[];
  readonly members: readonly MemberRecord[];
  readonly dues: readonly DuesRecord[];
  readonly townships: readonly TownshipRecord[];
  readonly settings: Settings;
  readonly output: readonly OutputSheet[];
}
