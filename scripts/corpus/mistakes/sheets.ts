/**
 * Corpus cases about where the data sits: sheets missing, empty, renamed or in English; headers
 * under title rows, in an Excel table, with columns missing, duplicated, moved or unknown; hidden
 * rows; a user's own sheet named like an output sheet; a 设置 sheet with bad values.
 */
import type { CorpusCase, CorpusExpectation, Where } from "../case";
import {
  BASE_FIGURES,
  BASE_ROWS,
  CHAMBER_HEADER,
  DUES_HEADER,
  MEMBER_HEADER,
  TOWNSHIP_HEADER,
  district,
  dropColumn,
  memberRows,
  chamberRows,
  duesRows,
  townshipRows,
  withSheet,
  type District,
  type SheetSpec,
} from "../data";
import { bytesOf, newWorkbook, workbookOf } from "../write";

/** Without readable members the 会费 sheet gets one problem for its rows, not one a row. */
const DUES_OF_UNREAD_MEMBERS: readonly Where[] = [["会费", null, null, "dues-without-members"]];

function missingMemberColumn(field: string): CorpusExpectation {
  return {
    about: `the 会员 sheet without its ${field} column: no member row is read, the dues rows are excluded by one problem`,
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

const MISSING_COLUMN_EXPECTATION: Readonly<
  Record<keyof District, (field: string) => CorpusExpectation>
> = {
  members: missingMemberColumn,
  chambers: missingChamberColumn,
  dues: missingDuesColumn,
  townships: missingTownshipColumn,
};

const HEADERS: Readonly<Record<keyof District, readonly unknown[]>> = {
  members: MEMBER_HEADER,
  chambers: CHAMBER_HEADER,
  dues: DUES_HEADER,
  townships: TOWNSHIP_HEADER,
};

/** The base district without one required column, for each required column in turn. */
function missingColumnCases(): CorpusCase[] {
  const required: Array<[keyof District, string, number]> = [
    ["members", "member-id", 0],
    ["members", "member-name", 1],
    ["members", "member-type", 2],
    ["members", "member-joined", 6],
    ["chambers", "chamber-id", 0],
    ["chambers", "chamber-name", 1],
    ["chambers", "chamber-type", 2],
    ["chambers", "chamber-founded", 4],
    ["dues", "dues-member-id", 0],
    ["dues", "dues-year", 1],
    ["dues", "dues-amount-due", 2],
    ["townships", "township-name", 0],
    ["townships", "township-year", 1],
    ["townships", "township-enterprises", 2],
  ];
  return required.map(([key, label, index]) => ({
    file: `missing-column-${label}.xlsx`,
    expected: MISSING_COLUMN_EXPECTATION[key](String(HEADERS[key][index])),
    build: () => bytesOf(workbookOf(withSheet(key, (s) => dropColumn(s, index)))),
  }));
}

export const SHEET_CASES: readonly CorpusCase[] = [
  {
    file: "valid-district.xlsx",
    expected: {
      about: "the base district, without a single problem",
      exit: 0,
      problems: [],
      rows: BASE_ROWS,
      figures: BASE_FIGURES,
    },
    build: () => bytesOf(workbookOf(district())),
  },
  {
    file: "empty-workbook.xlsx",
    expected: {
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
    build: async () => {
      const wb = newWorkbook();
      wb.addWorksheet("Sheet1");
      return bytesOf(wb);
    },
  },
  {
    file: "no-members-sheet.xlsx",
    expected: {
      about: "no 会员 sheet: an error, and the dues rows excluded by one problem",
      exit: 1,
      problems: [["", null, null, "missing-sheet"], ...DUES_OF_UNREAD_MEMBERS],
      rows: { ...BASE_ROWS, members: [0, 0, 0], dues: [3, 0, 3] },
      figures: { members: null, dues: null, "chambers.fullCollection": null, "chambers.total": 2 },
    },
    build: () => bytesOf(workbookOf(withSheet("members", () => null))),
  },
  {
    file: "header-only-sheets.xlsx",
    expected: {
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
    build: () =>
      bytesOf(
        workbookOf({
          chambers: { name: "商会", rows: [CHAMBER_HEADER] },
          members: { name: "会员", rows: [MEMBER_HEADER] },
          dues: { name: "会费", rows: [DUES_HEADER] },
          townships: { name: "乡镇", rows: [TOWNSHIP_HEADER] },
        })
      ),
  },
  {
    file: "title-rows-and-merged-title.xlsx",
    expected: {
      about: "two title rows (one merged across the sheet) above the 会员 header",
      exit: 0,
      problems: [],
      rows: BASE_ROWS,
      figures: BASE_FIGURES,
      headerRows: { members: 3, chambers: 1 },
    },
    build: async () => {
      const d = withSheet("members", (s) => ({
        ...s,
        rows: [
          ["2014年会员名册"],
          ["填表单位：城关区工商联", null, null, null, null, null, "单位：户"],
          ...s.rows,
        ],
      }));
      const wb = workbookOf(d);
      const ws = wb.getWorksheet("会员");
      ws?.mergeCells("A1:I1");
      ws?.mergeCells("A2:F2");
      return bytesOf(wb);
    },
  },
  ...missingColumnCases(),
  {
    file: "duplicated-headers.xlsx",
    expected: {
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
    build: () =>
      bytesOf(
        workbookOf(
          withSheet("members", (s) => ({
            ...s,
            rows: s.rows.map((row, r) => [
              ...row,
              r === 0 ? "名称" : "重复的名称",
              r === 0 ? "编号" : "X",
            ]),
          }))
        )
      ),
  },
  {
    file: "hidden-and-filtered-rows.xlsx",
    expected: {
      about: "an autofilter, two hidden rows and a hidden column: hidden rows still count",
      exit: 0,
      problems: [],
      rows: BASE_ROWS,
      figures: BASE_FIGURES,
    },
    build: async () => {
      const wb = workbookOf(district());
      const ws = wb.getWorksheet("会员");
      if (ws) {
        ws.autoFilter = "A1:I5";
        ws.getRow(3).hidden = true;
        ws.getRow(5).hidden = true;
        ws.getColumn(8).hidden = true;
      }
      return bytesOf(wb);
    },
  },
  {
    file: "user-sheet-named-summary.xlsx",
    expected: {
      about: "the user's own sheet named 汇总: kept, the summary goes to 汇总 (2)",
      exit: 0,
      problems: [["汇总", null, null, "output-sheet-renamed"]],
      rows: BASE_ROWS,
      figures: BASE_FIGURES,
    },
    build: () =>
      bytesOf(
        workbookOf(district(), [
          {
            name: "汇总",
            rows: [["我自己的汇总表"], ["会员总数", { formula: "COUNTA(会员!A:A)-1", result: 4 }]],
          },
        ])
      ),
  },
  {
    file: "sheets-renamed.xlsx",
    expected: {
      about: "input sheets renamed Sheet1, 2014年名单, 收费, Sheet4: found by their headers",
      exit: 0,
      problems: [],
      rows: BASE_ROWS,
      figures: BASE_FIGURES,
    },
    build: () => {
      const d = district();
      return bytesOf(
        workbookOf({
          chambers: { ...(d.chambers as SheetSpec), name: "Sheet1" },
          members: { ...(d.members as SheetSpec), name: "2014年名单" },
          dues: { ...(d.dues as SheetSpec), name: "收费" },
          townships: { ...(d.townships as SheetSpec), name: "Sheet4" },
        })
      );
    },
  },
  {
    file: "columns-moved-and-unknown-columns.xlsx",
    expected: {
      about: "会员 columns in another order between a 序号 and a 备注 column",
      exit: 0,
      problems: [],
      rows: BASE_ROWS,
      figures: BASE_FIGURES,
    },
    build: () => {
      const order = [6, 2, 0, 8, 1, 4, 3, 5, 7];
      return bytesOf(
        workbookOf(
          withSheet("members", (s) => ({
            ...s,
            rows: s.rows.map((row, r) => [
              r === 0 ? "序号" : r,
              ...order.map((c) => row[c] ?? null),
              r === 0 ? "备注" : "无",
            ]),
          }))
        )
      );
    },
  },
  {
    file: "data-in-an-excel-table.xlsx",
    expected: {
      about: "会员 as an Excel table under a title, with a note below it that is not a row",
      exit: 0,
      problems: [],
      rows: BASE_ROWS,
      figures: BASE_FIGURES,
      headerRows: { members: 3 },
    },
    build: async () => {
      const d = withSheet("members", () => null);
      const wb = workbookOf(d);
      const ws = wb.addWorksheet("会员");
      ws.getCell("A1").value = "2014年会员名册";
      ws.addTable({
        name: "会员表",
        ref: "A3",
        headerRow: true,
        totalsRow: false,
        columns: MEMBER_HEADER.map((name) => ({ name: String(name) })),
        rows: memberRows(),
      });
      ws.getCell("A9").value = "注：以上为全部会员";
      return bytesOf(wb);
    },
  },
  {
    file: "english-workbook.xlsx",
    expected: {
      about: "English sheet names and headers",
      exit: 0,
      problems: [],
      rows: BASE_ROWS,
      figures: BASE_FIGURES,
    },
    build: () =>
      bytesOf(
        workbookOf({
          chambers: {
            name: "Chambers",
            rows: [
              ["Chamber ID", "Chamber name", "Type", "Township", "Founded", "Registered"],
              ...chamberRows().map((r) =>
                r.map((c) =>
                  c === "乡镇街道商会" ? "Township" : c === "行业商会" ? "Industry" : c
                )
              ),
            ],
          },
          members: {
            name: "Members",
            rows: [
              [
                "Member ID",
                "Member name",
                "Member type",
                "Chamber",
                "Township",
                "USCC",
                "Joined",
                "Left",
                "Phone",
              ],
              ...memberRows(),
            ],
          },
          dues: {
            name: "Dues",
            rows: [["Member ID", "Year", "Amount due", "Amount paid", "Paid on"], ...duesRows()],
          },
          townships: {
            name: "Townships",
            rows: [["Township", "Year", "Non-public enterprises"], ...townshipRows()],
          },
        })
      ),
  },
  {
    file: "settings-sheet-with-bad-values.xlsx",
    expected: {
      about: "a 设置 sheet with a coverage target in words: a warning, the default used",
      exit: 0,
      problems: [["设置", 4, "B", "bad-setting"]],
      rows: BASE_ROWS,
      figures: { ...BASE_FIGURES, baseYear: 2012, "coverage.target": 0.1 },
    },
    build: () =>
      bytesOf(
        workbookOf(district(), [
          {
            name: "设置",
            rows: [
              ["设置项", "值"],
              ["统计截止日期", "去年年底"],
              ["基准年度", 2012],
              ["会员覆盖率目标", "百分之十"],
              ["会费收入标准", 800],
            ],
          },
        ])
      ),
  },
];
