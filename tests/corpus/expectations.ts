/**
 * What every workbook of tests/corpus (written by scripts/make-corpus.ts) must give, through the
 * command line (`chamber-recalc FILE --json --as-of 2014-11-30`) and through the core alike: the
 * exit status, every problem as [sheet, row, column, code] in the order the core sorts them, the
 * row accounting, and the figures that show a cell was read right. Files that are no .xlsx give
 * exit status 2 and the file problem's code.
 */
import type { FileProblemCode } from "../../src/adapters/xlsx/errors";
import type { ProblemCode } from "../../src/core/types";

export type Where = readonly [
  sheet: string,
  row: number | null,
  column: string | null,
  ProblemCode,
];
type Kind = "members" | "chambers" | "dues" | "townships";

export interface CorpusExpectation {
  readonly about: string;
  readonly exit: 0 | 1 | 2;
  /** For a file that cannot be opened as a workbook. */
  readonly fileProblem?: FileProblemCode;
  readonly problems?: readonly Where[];
  readonly rows?: Readonly<
    Record<Kind, readonly [read: number, counted: number, excluded: number]>
  >;
  /** Figures of the JSON by dotted path ("members.total"). */
  readonly figures?: Readonly<Record<string, unknown>>;
  /** The header row each input sheet was found at. */
  readonly headerRows?: Readonly<Partial<Record<Kind, number>>>;
}

export const AS_OF = "2014-11-30";
export const TODAY = "2014-12-15";

const BASE_ROWS = {
  members: [4, 4, 0],
  chambers: [2, 2, 0],
  dues: [3, 3, 0],
  townships: [2, 2, 0],
} as const;

/** The base district's figures: M004 left on 2014-06-30; dues 1000+1000+200 due, 1000+500+200 paid. */
const BASE_FIGURES = {
  "members.total": 3,
  "members.byType.enterprise": 2,
  "chambers.total": 2,
  "chambers.registered": 1,
  "dues.due": 2200,
  "dues.paid": 1700,
  "coverage.nonPublicEnterprises": 60,
  "coverage.enterpriseMembers": 2,
} as const;

const DUES_OF_UNREAD_MEMBERS: readonly Where[] = [
  ["会费", 2, "A", "unknown-member"],
  ["会费", 3, "A", "unknown-member"],
  ["会费", 4, "A", "unknown-member"],
];

function missingMemberColumn(field: string): CorpusExpectation {
  return {
    about: `the 会员 sheet without its ${field} column: no member row is read, each dues row is named`,
    exit: 1,
    problems: [["会员", 1, null, "missing-column"], ...DUES_OF_UNREAD_MEMBERS],
    rows: { ...BASE_ROWS, members: [4, 0, 4], dues: [3, 0, 3] },
    figures: { members: null, series: null, dues: null, "chambers.total": 2 },
  };
}

function missingChamberColumn(field: string): CorpusExpectation {
  return {
    about: `the 商会 sheet without its ${field} column: chamber figures unavailable, members still counted`,
    exit: 1,
    problems: [["商会", 1, null, "missing-column"]],
    rows: { ...BASE_ROWS, chambers: [2, 0, 2] },
    figures: { chambers: null, "members.total": 3, "dues.due": 2200 },
  };
}

function missingDuesColumn(field: string): CorpusExpectation {
  return {
    about: `the 会费 sheet without its ${field} column: dues figures unavailable`,
    exit: 1,
    problems: [["会费", 1, null, "missing-column"]],
    rows: { ...BASE_ROWS, dues: [3, 0, 3] },
    figures: { dues: null, "members.total": 3 },
  };
}

function missingTownshipColumn(field: string): CorpusExpectation {
  return {
    about: `the 乡镇 sheet without its ${field} column: coverage unavailable, no unknown-township`,
    exit: 1,
    problems: [["乡镇", 1, null, "missing-column"]],
    rows: { ...BASE_ROWS, townships: [2, 0, 2] },
    figures: {
      "coverage.townships": null,
      "coverage.unavailableReason": "missing-column",
      "members.total": 3,
    },
  };
}

const HOSTILE_TYPES: readonly Where[] = [14, 15, 16, 17, 18, 19].map(
  (row) => ["会员", row, "C", "bad-enum"] as const
);

export const EXPECTATIONS: Readonly<Record<string, CorpusExpectation>> = {
  "valid-district.xlsx": {
    about: "the base district, without a single problem",
    exit: 0,
    problems: [],
    rows: BASE_ROWS,
    figures: BASE_FIGURES,
  },
  "empty-workbook.xlsx": {
    about: "one empty sheet: every input sheet missing, 会员 an error",
    exit: 1,
    problems: [
      ["", null, null, "missing-sheet"],
      ["", null, null, "missing-sheet"],
      ["", null, null, "missing-sheet"],
      ["", null, null, "missing-sheet"],
    ],
    rows: { members: [0, 0, 0], chambers: [0, 0, 0], dues: [0, 0, 0], townships: [0, 0, 0] },
    figures: { members: null, chambers: null, dues: null, "coverage.townships": null },
  },
  "no-members-sheet.xlsx": {
    about: "no 会员 sheet: an error, and every dues row named",
    exit: 1,
    problems: [["", null, null, "missing-sheet"], ...DUES_OF_UNREAD_MEMBERS],
    rows: { ...BASE_ROWS, members: [0, 0, 0], dues: [3, 0, 3] },
    figures: { members: null, dues: null, "chambers.fullCollection": null, "chambers.total": 2 },
  },
  "header-only-sheets.xlsx": {
    about: "four sheets with a header and no rows: zeros, no problem",
    exit: 0,
    problems: [],
    rows: { members: [0, 0, 0], chambers: [0, 0, 0], dues: [0, 0, 0], townships: [0, 0, 0] },
    figures: {
      "members.total": 0,
      "chambers.total": 0,
      "dues.due": 0,
      "dues.collectionRate": null,
    },
  },
  "title-rows-and-merged-title.xlsx": {
    about: "two title rows (one merged across the sheet) above the 会员 header",
    exit: 0,
    problems: [],
    rows: BASE_ROWS,
    figures: BASE_FIGURES,
    headerRows: { members: 3, chambers: 1 },
  },
  "missing-column-member-id.xlsx": missingMemberColumn("会员编号"),
  "missing-column-member-name.xlsx": missingMemberColumn("会员名称"),
  "missing-column-member-type.xlsx": missingMemberColumn("会员类型"),
  "missing-column-member-joined.xlsx": missingMemberColumn("入会日期"),
  "missing-column-chamber-id.xlsx": missingChamberColumn("商会编号"),
  "missing-column-chamber-name.xlsx": missingChamberColumn("商会名称"),
  "missing-column-chamber-type.xlsx": missingChamberColumn("商会类型"),
  "missing-column-chamber-founded.xlsx": missingChamberColumn("成立日期"),
  "missing-column-dues-member-id.xlsx": missingDuesColumn("会员编号"),
  "missing-column-dues-year.xlsx": missingDuesColumn("年度"),
  "missing-column-dues-amount-due.xlsx": missingDuesColumn("应缴金额"),
  "missing-column-township-name.xlsx": missingTownshipColumn("乡镇街道"),
  "missing-column-township-year.xlsx": missingTownshipColumn("年度"),
  "missing-column-township-enterprises.xlsx": missingTownshipColumn("非公企业数"),
  "duplicated-headers.xlsx": {
    about:
      "a second 名称 and a second 编号 column on 会员: errors at the header, first columns used",
    exit: 1,
    problems: [
      ["会员", 1, "J", "duplicate-column"],
      ["会员", 1, "K", "duplicate-column"],
    ],
    rows: BASE_ROWS,
    figures: BASE_FIGURES,
  },
  "hidden-and-filtered-rows.xlsx": {
    about: "an autofilter, two hidden rows and a hidden column: hidden rows still count",
    exit: 0,
    problems: [],
    rows: BASE_ROWS,
    figures: BASE_FIGURES,
  },
  "formulas-with-cached-values.xlsx": {
    about: "IDs, years, amounts and dates computed by formulas: their cached values are read",
    exit: 0,
    problems: [],
    rows: BASE_ROWS,
    figures: BASE_FIGURES,
  },
  "every-excel-error-value.xlsx": {
    about: "each of Excel's seven error values, typed and as a formula's result",
    exit: 1,
    problems: [
      ["会员", 6, "B", "formula-error"],
      ["会员", 7, "C", "formula-error"],
      ["会员", 8, "D", "formula-error"],
      ["会员", 9, "F", "formula-error"],
      ["会员", 10, "G", "formula-error"],
      ["会员", 11, "H", "formula-error"],
      ["会员", 12, "I", "formula-error"],
      ["会员", 13, "A", "formula-error"],
    ],
    rows: { ...BASE_ROWS, members: [12, 4, 8] },
    figures: { "members.total": 3 },
  },
  "text-of-32767-characters.xlsx": {
    about:
      "cells of 32,767 characters (Excel's most): a name counts, a type and a chamber are named",
    exit: 1,
    problems: [
      ["会员", 7, "C", "bad-enum"],
      ["会员", 8, "D", "unknown-chamber"],
    ],
    rows: { ...BASE_ROWS, members: [7, 5, 2] },
    figures: { "members.total": 4 },
  },
  "numbers-stored-as-text.xlsx": {
    about: "years, amounts (1,000 / 1000元 / ¥1,000.00 / 0.05万) and counts typed as text",
    exit: 0,
    problems: [],
    rows: BASE_ROWS,
    figures: BASE_FIGURES,
  },
  "text-stored-as-numbers.xlsx": {
    about: "member IDs, a name and phones held as numbers; a landline that lost its 0 is a warning",
    exit: 0,
    problems: [["会员", 4, "I", "bad-phone"]],
    rows: { ...BASE_ROWS, members: [3, 3, 0], dues: [2, 2, 0] },
    figures: { "members.total": 3, "dues.due": 2000, "dues.paid": 1500 },
  },
  "credit-codes-of-18-digits-as-numbers.xlsx": {
    about: "credit codes held as numbers (digits lost): errors, and their members' dues excluded",
    exit: 1,
    problems: [
      ["会员", 3, "F", "bad-uscc"],
      ["会员", 4, "F", "bad-uscc"],
      ["会费", 3, "A", "member-excluded"],
      ["会费", 4, "A", "member-excluded"],
    ],
    rows: { ...BASE_ROWS, members: [4, 2, 2], dues: [3, 1, 2] },
    figures: { "members.total": 1, "dues.due": 1000 },
  },
  "dates-as-serials-and-accepted-text.xlsx": {
    about: "joining dates as a plain serial, a serial as text, and text in every accepted form",
    exit: 0,
    problems: [],
    rows: { ...BASE_ROWS, members: [15, 15, 0] },
    figures: { "members.total": 14, "members.newInYear": 9 },
  },
  "dates-in-rejected-forms.xlsx": {
    about: "dates in forms that are not accepted: errors when required, a warning when optional",
    exit: 1,
    problems: [
      ["会员", 6, "G", "not-a-date"],
      ["会员", 7, "G", "not-a-date"],
      ["会员", 8, "G", "not-a-date"],
      ["会员", 9, "G", "not-a-date"],
      ["会员", 10, "G", "not-a-date"],
      ["会员", 11, "G", "not-a-date"],
      ["会员", 12, "G", "not-a-date"],
      ["会员", 13, "H", "not-a-date"],
    ],
    rows: { ...BASE_ROWS, members: [12, 5, 7] },
    figures: { "members.total": 4 },
  },
  "date-system-1904.xlsx": {
    about:
      "a workbook in the 1904 date system: date cells and a plain serial read as the same days",
    exit: 0,
    problems: [],
    rows: { ...BASE_ROWS, members: [5, 5, 0] },
    figures: { "members.total": 4, "members.newInYear": 1, "dues.paid": 1700 },
  },
  "booleans-in-every-accepted-spelling.xlsx": {
    about: "民政登记 in every accepted spelling; 是的 is a warning and its row still counts",
    exit: 0,
    problems: [["商会", 20, "F", "not-a-boolean"]],
    rows: { ...BASE_ROWS, chambers: [19, 19, 0] },
    figures: { "chambers.total": 19, "chambers.registered": 9 },
  },
  "full-width-digits.xlsx": {
    about: "IDs, years, amounts and dates in full-width digits",
    exit: 0,
    problems: [],
    rows: { ...BASE_ROWS, dues: [2, 2, 0] },
    figures: { "dues.due": 2000, "dues.paid": 1500, "dues.membersFullyPaid": 1 },
  },
  "trailing-spaces-and-zero-width-characters-in-ids.xlsx": {
    about: "IDs and references with spaces, zero-width and no-break characters: matched as typed",
    exit: 1,
    problems: [["会员", 5, "A", "duplicate-id"]],
    rows: { ...BASE_ROWS, members: [4, 3, 1] },
    figures: { "members.total": 3, "dues.due": 2200, "dues.paid": 1700 },
  },
  "hostile-text.xlsx": {
    about: "names and values beginning with =, +, -, @, tab and carriage return",
    exit: 1,
    problems: [
      ["会员", 12, "C", "bad-enum"],
      ["会员", 13, "D", "unknown-chamber"],
      ...HOSTILE_TYPES,
    ],
    rows: { ...BASE_ROWS, members: [18, 10, 8], chambers: [3, 3, 0] },
    figures: { "members.total": 9, "chambers.total": 3 },
  },
  "user-sheet-named-summary.xlsx": {
    about: "the user's own sheet named 汇总: kept, the summary goes to 汇总 (2)",
    exit: 0,
    problems: [["汇总", null, null, "output-sheet-renamed"]],
    rows: BASE_ROWS,
    figures: BASE_FIGURES,
  },
  "sheets-renamed.xlsx": {
    about: "input sheets renamed Sheet1, 2014年名单, 收费, Sheet4: found by their headers",
    exit: 0,
    problems: [],
    rows: BASE_ROWS,
    figures: BASE_FIGURES,
  },
  "columns-moved-and-unknown-columns.xlsx": {
    about: "会员 columns in another order between a 序号 and a 备注 column",
    exit: 0,
    problems: [],
    rows: BASE_ROWS,
    figures: BASE_FIGURES,
  },
  "half-filled-rows.xlsx": {
    about: "rows with a few cells filled, and rows of spaces and zero-width characters",
    exit: 1,
    problems: [
      ["会员", 7, "B", "blank-required"],
      ["会员", 7, "C", "blank-required"],
      ["会员", 7, "G", "blank-required"],
      ["会员", 8, "A", "blank-required"],
      ["会员", 8, "B", "blank-required"],
      ["会员", 8, "C", "blank-required"],
      ["会员", 8, "G", "blank-required"],
      ["会员", 10, "C", "blank-required"],
    ],
    rows: { ...BASE_ROWS, members: [7, 4, 3] },
    figures: BASE_FIGURES,
  },
  "data-in-an-excel-table.xlsx": {
    about: "会员 as an Excel table under a title, with a note below it that is not a row",
    exit: 0,
    problems: [],
    rows: BASE_ROWS,
    figures: BASE_FIGURES,
    headerRows: { members: 3 },
  },
  "duplicate-ids-and-keys.xlsx": {
    about: "a repeated chamber ID and name, member ID and credit code, dues year, township year",
    exit: 1,
    problems: [
      ["商会", 4, "A", "duplicate-id"],
      ["商会", 4, "B", "duplicate-id"],
      ["会员", 6, "A", "duplicate-id"],
      ["会员", 6, "F", "duplicate-uscc"],
      ["会费", 5, "B", "duplicate-dues"],
      ["乡镇", 4, "A", "duplicate-township-year"],
    ],
    rows: { members: [5, 4, 1], chambers: [3, 2, 1], dues: [4, 3, 1], townships: [3, 2, 1] },
    figures: BASE_FIGURES,
  },
  "unknown-references.xlsx": {
    about: "a chamber, a township and a member that do not exist; a member joining in 2030",
    exit: 1,
    problems: [
      ["会员", 6, "D", "unknown-chamber"],
      ["会员", 6, "E", "unknown-township"],
      ["会员", 7, "G", "date-in-future"],
      ["会费", 5, "A", "unknown-member"],
      ["会费", 6, "A", "member-excluded"],
    ],
    rows: { ...BASE_ROWS, members: [6, 4, 2], dues: [5, 3, 2] },
    figures: BASE_FIGURES,
  },
  "amounts-and-dates-out-of-order.xlsx": {
    about: "a negative amount, an overpayment, a payment without a date, dates out of order",
    exit: 1,
    problems: [
      ["会员", 6, "H", "date-order"],
      ["会员", 7, "G", "joined-before-founded"],
      ["会员", 7, "I", "bad-phone"],
      ["会费", 2, "C", "negative-amount"],
      ["会费", 3, "D", "overpaid"],
      ["会费", 4, "E", "paid-without-date"],
      ["会费", 5, "E", "date-in-future"],
    ],
    rows: { ...BASE_ROWS, members: [6, 5, 1], dues: [4, 3, 1] },
    figures: { "members.total": 4, "dues.due": 1300, "dues.paid": 1800 },
  },
  "english-workbook.xlsx": {
    about: "English sheet names and headers",
    exit: 0,
    problems: [],
    rows: BASE_ROWS,
    figures: BASE_FIGURES,
  },
  "settings-sheet-with-bad-values.xlsx": {
    about: "a 设置 sheet with a coverage target in words: a warning, the default used",
    exit: 0,
    problems: [["设置", 4, "B", "bad-setting"]],
    rows: BASE_ROWS,
    figures: { ...BASE_FIGURES, baseYear: 2012, "coverage.target": 0.1 },
  },
  "an-xls-file.xls": {
    about: "an Excel 97–2003 file",
    exit: 2,
    fileProblem: "xls",
  },
  "an-xls-file-renamed.xlsx": {
    about: "an Excel 97–2003 file renamed to .xlsx",
    exit: 2,
    fileProblem: "xls",
  },
  "a-csv-renamed.xlsx": {
    about: "a CSV file renamed to .xlsx",
    exit: 2,
    fileProblem: "csv",
  },
  "a-truncated.xlsx": {
    about: "an .xlsx cut off after 60% of its bytes",
    exit: 2,
    fileProblem: "corrupt",
  },
  "an-encrypted.xlsx": {
    about: "a password-protected .xlsx (a compound file with EncryptionInfo)",
    exit: 2,
    fileProblem: "encrypted",
  },
  "a-zip-without-a-workbook.xlsx": {
    about: "a zip file that holds no workbook",
    exit: 2,
    fileProblem: "not-xlsx",
  },
};
