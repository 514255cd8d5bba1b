/**
 * Corpus cases about rows that contradict one another or the rules: repeated IDs and keys,
 * references to chambers, townships and members that do not exist, amounts and dates out of order.
 */
import type { CorpusCase } from "../case";
import {
  BASE_FIGURES,
  BASE_ROWS,
  DUES_HEADER,
  VALID_USCC,
  appendRows,
  day,
  district,
  type SheetSpec,
} from "../data";
import { bytesOf, workbookOf } from "../write";

export const ROW_CASES: readonly CorpusCase[] = [
  {
    file: "duplicate-ids-and-keys.xlsx",
    expected: {
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
    build: () =>
      bytesOf(
        workbookOf({
          chambers: appendRows(district().chambers as SheetSpec, [
            ["C1", "城关镇商会", "行业商会", null, day("2011-01-01"), "否"],
          ]),
          members: appendRows(district().members as SheetSpec, [
            [
              "M001",
              "甲机械二厂",
              "企业会员",
              "C1",
              "城关镇",
              VALID_USCC,
              day("2012-01-01"),
              null,
              null,
            ],
          ]),
          dues: appendRows(district().dues as SheetSpec, [["M001", 2014, 1000, 0, null]]),
          townships: appendRows(district().townships as SheetSpec, [["城关镇", 2014, 41]]),
        })
      ),
  },
  {
    file: "unknown-references.xlsx",
    expected: {
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
    build: () =>
      bytesOf(
        workbookOf({
          ...district(),
          members: appendRows(district().members as SheetSpec, [
            ["M005", "戊", "企业会员", "城关商会", "城关", null, day("2012-01-01"), null, null],
            ["M006", "己", "个人会员", null, null, null, "2030-01-01", null, null],
          ]),
          dues: appendRows(district().dues as SheetSpec, [
            ["M999", 2014, 100, 100, day("2014-03-01")],
            ["M006", 2014, 100, 100, day("2014-03-01")],
          ]),
        })
      ),
  },
  {
    file: "amounts-and-dates-out-of-order.xlsx",
    expected: {
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
    build: () =>
      bytesOf(
        workbookOf({
          ...district(),
          members: appendRows(district().members as SheetSpec, [
            [
              "M005",
              "戊",
              "个人会员",
              null,
              null,
              null,
              day("2012-01-01"),
              day("2011-01-01"),
              null,
            ],
            ["M006", "己", "个人会员", "C2", null, null, day("2009-01-01"), null, "12345"],
          ]),
          dues: {
            name: "会费",
            rows: [
              DUES_HEADER,
              ["M001", 2014, -1000, 0, null],
              ["M002", 2014, 1000, 1500, day("2014-03-02")],
              ["M003", 2014, 200, 200, null],
              ["M006", 2014, 100, 100, "2014-12-31"],
            ],
          },
        })
      ),
  },
];
