/**
 * The corpus's base district: four sheets (商会, 会员, 会费, 乡镇) without a single problem, what it
 * gives, and the small edits each case makes to it (a sheet changed, a column dropped, rows
 * appended). Dates are UTC calendar days, so the cells do not depend on the machine's time zone.
 */
import type ExcelJS from "exceljs";

export type Cell = ExcelJS.CellValue;
export type Rows = Cell[][];

/** A calendar day as the Date ExcelJS writes as that day's serial. */
export function day(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** The Excel serial of a day in the 1900 date system. */
export function serial(iso: string): number {
  return Math.round((day(iso).getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export const VALID_USCC = "91350100M000100Y43";

export const CHAMBER_HEADER: Cell[] = [
  "商会编号",
  "商会名称",
  "商会类型",
  "所属乡镇街道",
  "成立日期",
  "民政登记",
];
export const MEMBER_HEADER: Cell[] = [
  "会员编号",
  "会员名称",
  "会员类型",
  "所属商会",
  "乡镇街道",
  "统一社会信用代码",
  "入会日期",
  "退会日期",
  "联系电话",
];
export const DUES_HEADER: Cell[] = ["会员编号", "年度", "应缴金额", "实缴金额", "缴费日期"];
export const TOWNSHIP_HEADER: Cell[] = ["乡镇街道", "年度", "非公企业数"];

export function chamberRows(): Rows {
  return [
    ["C1", "城关镇商会", "乡镇街道商会", "城关镇", day("2005-01-01"), "是"],
    ["C2", "餐饮行业商会", "行业商会", null, day("2010-06-01"), "否"],
  ];
}

export function memberRows(): Rows {
  return [
    [
      "M001",
      "甲机械有限公司",
      "企业会员",
      "C1",
      "城关镇",
      VALID_USCC,
      day("2010-03-01"),
      null,
      "13800138000",
    ],
    ["M002", "乙建材有限公司", "企业会员", "C1", "南湖镇", null, day("2012-05-06"), null, null],
    ["M003", "张三", "个人会员", "C2", null, null, day("2013-07-07"), null, null],
    [
      "M004",
      "丁餐饮协会",
      "团体会员",
      "C2",
      null,
      null,
      day("2011-01-01"),
      day("2014-06-30"),
      null,
    ],
  ];
}

export function duesRows(): Rows {
  return [
    ["M001", 2014, 1000, 1000, day("2014-03-01")],
    ["M002", 2014, 1000, 500, day("2014-03-02")],
    ["M003", 2014, 200, 200, day("2014-04-01")],
  ];
}

export function townshipRows(): Rows {
  return [
    ["城关镇", 2014, 40],
    ["南湖镇", 2014, 20],
  ];
}

export interface SheetSpec {
  readonly name: string;
  readonly rows: Rows;
}

export interface District {
  chambers: SheetSpec | null;
  members: SheetSpec | null;
  dues: SheetSpec | null;
  townships: SheetSpec | null;
}

export function district(): District {
  return {
    chambers: { name: "商会", rows: [CHAMBER_HEADER, ...chamberRows()] },
    members: { name: "会员", rows: [MEMBER_HEADER, ...memberRows()] },
    dues: { name: "会费", rows: [DUES_HEADER, ...duesRows()] },
    townships: { name: "乡镇", rows: [TOWNSHIP_HEADER, ...townshipRows()] },
  };
}

/** The district with one sheet's rows changed. */
export function withSheet(
  key: keyof District,
  change: (spec: SheetSpec) => SheetSpec | null
): District {
  const d = district();
  const spec = d[key];
  d[key] = spec ? change(spec) : null;
  return d;
}

/** A sheet without one column (by 0-based index). */
export function dropColumn(spec: SheetSpec, index: number): SheetSpec {
  return { ...spec, rows: spec.rows.map((row) => row.filter((_, c) => c !== index)) };
}

/** A sheet with rows appended. */
export function appendRows(spec: SheetSpec, rows: Rows): SheetSpec {
  return { ...spec, rows: [...spec.rows, ...rows] };
}

/** What the base district gives, as [read, counted, excluded] rows per input sheet. */
export const BASE_ROWS = {
  members: [4, 4, 0],
  chambers: [2, 2, 0],
  dues: [3, 3, 0],
  townships: [2, 2, 0],
} as const;

/** The base district's figures: M004 left on 2014-06-30; dues 1000+1000+200 due, 1000+500+200 paid. */
export const BASE_FIGURES = {
  "members.total": 3,
  "members.byType.enterprise": 2,
  "chambers.total": 2,
  "chambers.registered": 1,
  "dues.due": 2200,
  "dues.paid": 1700,
  "coverage.nonPublicEnterprises": 60,
  "coverage.enterpriseMembers": 2,
} as const;
