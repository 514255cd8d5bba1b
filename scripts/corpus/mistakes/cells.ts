/**
 * Corpus cases about how a cell is typed: formulas and Excel's error values, text of Excel's
 * greatest length, numbers as text and text as numbers, credit codes that lost digits, dates in
 * every accepted and rejected form and in the 1904 date system, booleans in every spelling,
 * full-width digits, invisible characters in IDs, hostile text, and rows only half filled.
 */
import type { CorpusCase, Where } from "../case";
import {
  BASE_FIGURES,
  BASE_ROWS,
  CHAMBER_HEADER,
  DUES_HEADER,
  MEMBER_HEADER,
  TOWNSHIP_HEADER,
  appendRows,
  day,
  district,
  serial,
  withSheet,
  type Cell,
  type SheetSpec,
} from "../data";
import { bytesOf, withEscapedCarriageReturns, workbookOf } from "../write";

const HOSTILE = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"];

/** hostile-text.xlsx's member rows T1–T6, whose 会员类型 is one of HOSTILE. */
const HOSTILE_TYPES: readonly Where[] = [14, 15, 16, 17, 18, 19].map(
  (row) => ["会员", row, "C", "bad-enum"] as const
);

const LONG_TEXT = "长".repeat(32_767);

export const CELL_CASES: readonly CorpusCase[] = [
  {
    file: "formulas-with-cached-values.xlsx",
    expected: {
      about: "IDs, years, amounts and dates computed by formulas: their cached values are read",
      exit: 0,
      problems: [],
      rows: BASE_ROWS,
      figures: BASE_FIGURES,
    },
    build: () =>
      bytesOf(
        workbookOf(
          withSheet("dues", (s) => ({
            ...s,
            rows: [
              DUES_HEADER,
              [
                { formula: 'CONCATENATE("M","001")', result: "M001" },
                2014,
                { formula: "500*2", result: 1000 },
                { formula: "C2", result: 1000 },
                day("2014-03-01"),
              ],
              [
                "M002",
                { formula: "YEAR(E3)", result: 2014 },
                1000,
                { formula: "C3/2", result: 500 },
                { formula: "DATE(2014,3,2)", result: day("2014-03-02") },
              ],
              ["M003", 2014, 200, 200, day("2014-04-01")],
            ],
          }))
        )
      ),
  },
  {
    file: "every-excel-error-value.xlsx",
    expected: {
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
    build: () =>
      bytesOf(
        workbookOf(
          withSheet("members", (s) =>
            appendRows(s, [
              [
                "M005",
                { error: "#N/A" },
                "个人会员",
                null,
                null,
                null,
                day("2012-01-01"),
                null,
                null,
              ],
              ["M006", "戊", { error: "#REF!" }, null, null, null, day("2012-01-01"), null, null],
              [
                "M007",
                "己",
                "个人会员",
                { error: "#VALUE!" },
                null,
                null,
                day("2012-01-01"),
                null,
                null,
              ],
              [
                "M008",
                "庚",
                "个人会员",
                null,
                null,
                { error: "#DIV/0!" },
                day("2012-01-01"),
                null,
                null,
              ],
              ["M009", "辛", "个人会员", null, null, null, { error: "#NAME?" }, null, null],
              [
                "M010",
                "壬",
                "个人会员",
                null,
                null,
                null,
                day("2012-01-01"),
                { error: "#NULL!" },
                null,
              ],
              [
                "M011",
                "癸",
                "个人会员",
                null,
                null,
                null,
                day("2012-01-01"),
                null,
                { error: "#NUM!" },
              ],
              [
                { formula: "VLOOKUP(1,Z1:Z2,2,FALSE)", result: { error: "#N/A" } },
                "子",
                "个人会员",
                null,
                null,
                null,
                day("2012-01-01"),
                null,
                null,
              ],
            ])
          )
        )
      ),
  },
  {
    file: "text-of-32767-characters.xlsx",
    expected: {
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
    build: () =>
      bytesOf(
        workbookOf(
          withSheet("members", (s) => ({
            ...s,
            rows: [
              [...MEMBER_HEADER, "备注"],
              ...s.rows.slice(1).map((row) => [...row, LONG_TEXT]),
              [
                "M005",
                LONG_TEXT,
                "个人会员",
                null,
                null,
                null,
                day("2012-01-01"),
                null,
                null,
                LONG_TEXT,
              ],
              ["M006", "戊", LONG_TEXT, null, null, null, day("2012-01-01"), null, null, null],
              [
                "M007",
                "己",
                "个人会员",
                LONG_TEXT,
                null,
                null,
                day("2012-01-01"),
                null,
                null,
                null,
              ],
            ],
          }))
        )
      ),
  },
  {
    file: "numbers-stored-as-text.xlsx",
    expected: {
      about: "years, amounts (1,000 / 1000元 / ¥1,000.00 / 0.05万) and counts typed as text",
      exit: 0,
      problems: [],
      rows: BASE_ROWS,
      figures: BASE_FIGURES,
    },
    build: () =>
      bytesOf(
        workbookOf({
          ...district(),
          dues: {
            name: "会费",
            rows: [
              DUES_HEADER,
              ["M001", "2014", "1,000", "1000元", "2014-03-01"],
              ["M002", "2014年", "¥1,000.00", "0.05万", "2014/3/2"],
              ["M003", " 2014 ", "200", "200.00", "20140401"],
            ],
          },
          townships: {
            name: "乡镇",
            rows: [TOWNSHIP_HEADER, ["城关镇", "2014", "40"], ["南湖镇", "2014", "20"]],
          },
        })
      ),
  },
  {
    file: "text-stored-as-numbers.xlsx",
    expected: {
      about:
        "member IDs, a name and phones held as numbers; a landline that lost its 0 is a warning",
      exit: 0,
      problems: [["会员", 4, "I", "bad-phone"]],
      rows: { ...BASE_ROWS, members: [3, 3, 0], dues: [2, 2, 0] },
      figures: { "members.total": 3, "dues.due": 2000, "dues.paid": 1500 },
    },
    build: () =>
      bytesOf(
        workbookOf({
          ...district(),
          members: {
            name: "会员",
            rows: [
              MEMBER_HEADER,
              [
                1001,
                "甲机械有限公司",
                "企业会员",
                "C1",
                "城关镇",
                null,
                day("2010-03-01"),
                null,
                13800138000,
              ],
              [1002, 12345, "企业会员", "C1", "南湖镇", null, day("2012-05-06"), null, null],
              [1003, "张三", "个人会员", "C2", null, null, day("2013-07-07"), null, 57188886666],
            ],
          },
          dues: {
            name: "会费",
            rows: [
              DUES_HEADER,
              ["1001", 2014, 1000, 1000, day("2014-03-01")],
              [1002, 2014, 1000, 500, day("2014-03-02")],
            ],
          },
        })
      ),
  },
  {
    file: "credit-codes-of-18-digits-as-numbers.xlsx",
    expected: {
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
    build: () =>
      bytesOf(
        workbookOf(
          withSheet("members", (s) => ({
            ...s,
            rows: s.rows.map((row, r) =>
              r === 2
                ? row.map((c, i) => (i === 5 ? 913501001000100000 : c))
                : r === 3
                  ? row.map((c, i) => (i === 5 ? 91350100100010000 : c))
                  : row
            ),
          }))
        )
      ),
  },
  {
    file: "dates-as-serials-and-accepted-text.xlsx",
    expected: {
      about: "joining dates as a plain serial, a serial as text, and text in every accepted form",
      exit: 0,
      problems: [],
      rows: { ...BASE_ROWS, members: [15, 15, 0] },
      figures: { "members.total": 14, "members.newInYear": 9 },
    },
    build: () =>
      bytesOf(
        workbookOf(
          withSheet("members", (s) => ({
            ...s,
            rows: [
              ...s.rows,
              ...[
                serial("2010-03-01"),
                "2014-11-30",
                "2014/11/30",
                "2014.11.30",
                "2014年11月30日",
                "20141130",
                "2014-11",
                "2014年11月",
                "2014-1-5",
                "２０１４－１１－３０",
                String(serial("2012-01-01")),
              ].map((joined, i): Cell[] => [
                `M${101 + i}`,
                `会员${i + 1}`,
                "个人会员",
                null,
                null,
                null,
                joined,
                null,
                null,
              ]),
            ],
          }))
        )
      ),
  },
  {
    file: "dates-in-rejected-forms.xlsx",
    expected: {
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
    build: () =>
      bytesOf(
        workbookOf(
          withSheet("members", (s) => ({
            ...s,
            rows: [
              ...s.rows,
              ...[
                "11/30/2014",
                "30.11.2014",
                "2014-02-30",
                "昨天",
                2014,
                "2014-13-01",
                "2014年",
              ].map((joined, i): Cell[] => [
                `M${101 + i}`,
                `会员${i + 1}`,
                "个人会员",
                null,
                null,
                null,
                joined,
                null,
                null,
              ]),
              ["M201", "留任会员", "个人会员", null, null, null, "2012-01-01", "明年", null],
            ],
          }))
        )
      ),
  },
  {
    file: "date-system-1904.xlsx",
    expected: {
      about:
        "a workbook in the 1904 date system: date cells and a plain serial read as the same days",
      exit: 0,
      problems: [],
      rows: { ...BASE_ROWS, members: [5, 5, 0] },
      figures: { "members.total": 4, "members.newInYear": 1, "dues.paid": 1700 },
    },
    build: async () => {
      const d = withSheet("members", (s) =>
        appendRows(s, [
          ["M005", "戊", "个人会员", null, null, null, serial("2014-03-01") - 1462, null, null],
        ])
      );
      const wb = workbookOf(d);
      wb.properties.date1904 = true;
      return bytesOf(wb);
    },
  },
  {
    file: "booleans-in-every-accepted-spelling.xlsx",
    expected: {
      about: "民政登记 in every accepted spelling; 是的 is a warning and its row still counts",
      exit: 0,
      problems: [["商会", 20, "F", "not-a-boolean"]],
      rows: { ...BASE_ROWS, chambers: [19, 19, 0] },
      figures: { "chambers.total": 19, "chambers.registered": 9 },
    },
    build: () =>
      bytesOf(
        workbookOf(
          withSheet("chambers", () => ({
            name: "商会",
            rows: [
              CHAMBER_HEADER,
              ...(
                [
                  "是",
                  "否",
                  "有",
                  "无",
                  "Y",
                  "n",
                  "Yes",
                  "NO",
                  "true",
                  "FALSE",
                  "√",
                  "×",
                  "✓",
                  "✗",
                  1,
                  0,
                  true,
                  false,
                  "是的",
                ] as Cell[]
              ).map((flag, i): Cell[] => [
                `C${i + 1}`,
                `第${i + 1}商会`,
                "行业商会",
                null,
                day("2010-01-01"),
                flag,
              ]),
            ],
          }))
        )
      ),
  },
  {
    file: "full-width-digits.xlsx",
    expected: {
      about: "IDs, years, amounts and dates in full-width digits",
      exit: 0,
      problems: [],
      rows: { ...BASE_ROWS, dues: [2, 2, 0] },
      figures: { "dues.due": 2000, "dues.paid": 1500, "dues.membersFullyPaid": 1 },
    },
    build: () =>
      bytesOf(
        workbookOf({
          ...district(),
          dues: {
            name: "会费",
            rows: [
              DUES_HEADER,
              ["Ｍ００１", "２０１４", "１０００", "１，０００", "２０１４－０３－０１"],
              ["Ｍ００２", "２０１４年", "１０００", "５００", "２０１４年３月２日"],
            ],
          },
        })
      ),
  },
  {
    file: "trailing-spaces-and-zero-width-characters-in-ids.xlsx",
    expected: {
      about: "IDs and references with spaces, zero-width and no-break characters: matched as typed",
      exit: 1,
      problems: [["会员", 5, "A", "duplicate-id"]],
      rows: { ...BASE_ROWS, members: [4, 3, 1] },
      figures: { "members.total": 3, "dues.due": 2200, "dues.paid": 1700 },
    },
    build: () =>
      bytesOf(
        workbookOf({
          ...district(),
          members: {
            name: "会员",
            rows: [
              MEMBER_HEADER,
              [
                "M001 ",
                "甲机械有限公司",
                "企业会员",
                "C1\u200b",
                "城关镇 ",
                null,
                day("2010-03-01"),
                null,
                null,
              ],
              [
                "\ufeffM002",
                "乙建材有限公司",
                "企业会员",
                " C1",
                "南湖镇",
                null,
                day("2012-05-06"),
                null,
                null,
              ],
              [
                "M003\u200b",
                "张三",
                "个人会员",
                "C2\u00a0",
                null,
                null,
                day("2013-07-07"),
                null,
                null,
              ],
              [
                "M\u200b001",
                "重复的甲",
                "个人会员",
                null,
                null,
                null,
                day("2013-07-07"),
                null,
                null,
              ],
            ],
          },
          dues: {
            name: "会费",
            rows: [
              DUES_HEADER,
              ["M001", 2014, 1000, 1000, day("2014-03-01")],
              ["M002\u3000", 2014, 1000, 500, day("2014-03-02")],
              [" M003 ", 2014, 200, 200, day("2014-04-01")],
            ],
          },
        })
      ),
  },
  {
    file: "hostile-text.xlsx",
    expected: {
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
    build: () =>
      withEscapedCarriageReturns(
        bytesOf(
          workbookOf({
            ...district(),
            chambers: appendRows(district().chambers as SheetSpec, [
              [
                "C3",
                '=HYPERLINK("http://evil.example","点我")',
                "行业商会",
                null,
                day("2011-01-01"),
                "是",
              ],
            ]),
            members: appendRows(district().members as SheetSpec, [
              ...HOSTILE.map((name, i): Cell[] => [
                `H${i + 1}`,
                name,
                "个人会员",
                "C3",
                null,
                null,
                day("2012-01-01"),
                null,
                null,
              ]),
              ["H9", "坏类型", "=1+1", null, null, null, day("2012-01-01"), null, null],
              [
                "H10",
                "坏商会",
                "个人会员",
                "=cmd|' /C calc'!A0",
                null,
                null,
                day("2012-01-01"),
                null,
                null,
              ],
              ...HOSTILE.map((type, i): Cell[] => [
                `T${i + 1}`,
                "类型是公式",
                type,
                null,
                null,
                null,
                day("2012-01-01"),
                null,
                null,
              ]),
            ]),
          })
        )
      ),
  },
  {
    file: "half-filled-rows.xlsx",
    expected: {
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
    build: () =>
      bytesOf(
        workbookOf(
          withSheet("members", (s) =>
            appendRows(s, [
              [],
              ["M005", null, null, null, null, null, null, null, null],
              [null, null, null, null, null, null, null, null, "13800138000"],
              [null, "  ", "\u200b", null, null, null, null, null, null],
              ["M006", "未填类型", null, null, null, null, day("2012-01-01"), null, null],
            ])
          )
        )
      ),
  },
];
