/**
 * Synthetic chamber workbooks for the benchmark: built straight into the core's WorkbookGrid
 * (fast, no file), with realistic cells: mixed types (dates as date cells, as text and as plain
 * serials; phones as text and as numbers; amounts as numbers and as text), valid credit codes, and
 * about 1% of rows carrying a mistake the checks must catch. `writeGridXlsx` streams a grid to an
 * .xlsx with ExcelJS's WorkbookWriter, for the file stages.
 */
import { Buffer } from "node:buffer";
import ExcelJS from "exceljs";
import type { DateCell, RawCell, SheetGrid, WorkbookGrid } from "../src/core/types";
import { usccCheckCharacter } from "../src/core/uscc";
import { mulberry32, type Rng } from "../scripts/random";

/** Excel's last row: a sheet holds at most this many rows, header included. */
export const SHEET_ROW_LIMIT = 1_048_576;
/** The most data rows a sheet with a one-row header can hold. */
export const MAX_DATA_ROWS = SHEET_ROW_LIMIT - 1;

export interface SynthOptions {
  /** Data rows in the 会员 sheet (at most MAX_DATA_ROWS). */
  readonly members: number;
  /** Dues rows a member (years 2012, 2013, 2014, ...); the sheet is capped at MAX_DATA_ROWS. */
  readonly duesPerMember?: number;
  /** Share of member and dues rows with a planted mistake. */
  readonly errorRate?: number;
  readonly seed?: number;
}

export interface SynthGrid {
  readonly grid: WorkbookGrid;
  readonly counts: { members: number; dues: number; chambers: number; townships: number };
}

function pickOf<T>(items: readonly T[], r: number): T {
  return items[Math.floor(r * items.length) % items.length] as T;
}

/** A valid code unique to `n` within its kind ("91" enterprise, "51" social organisation). */
function uscc(kind: "91" | "51", n: number): string {
  const first17 = `${kind}340100${String(n).padStart(9, "0")}`;
  const check = usccCheckCharacter(first17);
  if (check === null) throw new Error(`not 17 credit-code characters: ${first17}`);
  return first17 + check;
}

/** Excel 1900-system serial of a calendar day given as days since 1970-01-01. */
function serialOf(day: number): number {
  return day + 25569;
}

const DAY_2000 = Date.UTC(2000, 0, 1) / 86_400_000;
const DAY_AS_OF = Date.UTC(2014, 10, 30) / 86_400_000;

function dateCell(day: number): DateCell {
  return { kind: "date", serial: serialOf(day) };
}

function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** A date as users type it: mostly a date cell, sometimes text or a bare serial number. */
function dateAsTyped(day: number, r: number): RawCell {
  if (r < 0.85) return dateCell(day);
  const iso = isoOf(day);
  if (r < 0.9) return iso;
  if (r < 0.93) return iso.replace(/-/g, "/");
  if (r < 0.96) {
    const [y, m, d] = iso.split("-");
    return `${y}年${Number(m)}月${Number(d)}日`;
  }
  return serialOf(day);
}

const BRANDS =
  "宏达 鑫源 华信 永盛 恒通 金鼎 瑞丰 天成 振兴 明珠 东方 新业 远航 富康 嘉禾 盛达".split(" ");
const PHRASES = "机械制造 建设工程 纺织 电子科技 商贸 物流 食品 化工 汽车销售 农业开发".split(" ");
const INDUSTRIES =
  "机械制造 建筑业 纺织服装 电子信息 批发零售 交通运输 餐饮住宿 化工 汽车销售 现代农业".split(" ");
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高".split("");
const GIVEN = "伟 芳 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 建国 秀英 志强 海燕".split(" ");
const CHAMBER_WORDS = ["乡镇街道商会", "行业商会", "区域性商会", "异地商会", "其他商会"];

function townshipName(i: number): string {
  return `第${i + 1}${i % 3 === 0 ? "街道" : "镇"}`;
}

function chambersSheet(count: number, townships: number, rng: Rng): SheetGrid {
  const rows: RawCell[][] = [
    [
      "商会编号",
      "商会名称",
      "商会类型",
      "所属乡镇街道",
      "成立日期",
      "民政登记",
      "会长",
      "会长为企业家",
      "专职人员数",
      "固定办公场所",
      "网站",
      "会刊",
      "统一社会信用代码",
    ],
  ];
  for (let i = 0; i < count; i++) {
    const type = CHAMBER_WORDS[i % CHAMBER_WORDS.length] ?? "其他商会";
    rows.push([
      `SH${String(i + 1).padStart(4, "0")}`,
      `第${i + 1}${type}`,
      type,
      i % CHAMBER_WORDS.length === 0 ? townshipName(i % townships) : null,
      dateCell(DAY_2000 - 3000 + Math.floor(rng() * 2500)),
      rng() < 0.9 ? "是" : "否",
      pickOf(SURNAMES, rng()) + pickOf(GIVEN, rng()),
      "是",
      Math.floor(rng() * 4),
      rng() < 0.95 ? "有" : "无",
      rng() < 0.3 ? `http://www.sh${i + 1}.org.cn` : null,
      rng() < 0.15 ? "有" : null,
      uscc("51", i + 1),
    ]);
  }
  return { name: "商会", rows };
}

function townshipsSheet(count: number, rng: Rng): SheetGrid {
  const rows: RawCell[][] = [["乡镇街道", "年度", "非公企业数"]];
  for (const year of [2012, 2013, 2014]) {
    for (let i = 0; i < count; i++)
      rows.push([townshipName(i), year, 500 + Math.floor(rng() * 20_000)]);
  }
  return { name: "乡镇", rows };
}

const MEMBER_HEADER = [
  "会员编号",
  "会员名称",
  "会员类型",
  "所属商会",
  "乡镇街道",
  "统一社会信用代码",
  "行业",
  "入会日期",
  "退会日期",
  "规上企业",
  "联系电话",
];

const memberId = (i: number): string => `M${String(i + 1).padStart(7, "0")}`;

function phoneAsTyped(r: number, n: number): RawCell {
  const mobile = 13_000_000_000 + ((n * 7919) % 999_999_999);
  if (r < 0.6) return String(mobile);
  if (r < 0.85) return mobile;
  return `0551-6${String(n % 10_000_000).padStart(7, "0")}`;
}

/** Each member's years of membership, for dues rows that fall inside them. */
interface Membership {
  readonly joinedYear: Int16Array;
  readonly leftYear: Int16Array;
}

const DAY_2012 = Date.UTC(2012, 0, 1) / 86_400_000;

/** One member row; `mistake` in [0, 1) chooses a planted mistake, or null for a clean row. */
function memberRow(
  i: number,
  rng: Rng,
  chambers: number,
  townships: number,
  mistake: number | null,
  years: Membership
): RawCell[] {
  const t = rng();
  const type = t < 0.75 ? "企业会员" : t < 0.92 ? "团体会员" : "个人会员";
  // most members joined before 2012; a few after the as-of date (listed, not yet active)
  const joined =
    rng() < 0.8
      ? DAY_2000 + Math.floor(rng() * (DAY_2012 - DAY_2000))
      : DAY_2012 + Math.floor(rng() * (DAY_AS_OF - DAY_2012 + 20));
  const left = rng() < 0.06 ? joined + 100 + Math.floor(rng() * 2000) : null;
  years.joinedYear[i] = new Date(joined * 86_400_000).getUTCFullYear();
  years.leftYear[i] = left === null ? 9999 : new Date(left * 86_400_000).getUTCFullYear();
  const name =
    type === "个人会员"
      ? pickOf(SURNAMES, rng()) + pickOf(GIVEN, rng())
      : `${pickOf(BRANDS, rng())}${pickOf(PHRASES, rng())}${i + 1}有限公司`;
  const row: RawCell[] = [
    memberId(i),
    name,
    type,
    rng() < 0.9 ? `SH${String(1 + Math.floor(rng() * chambers)).padStart(4, "0")}` : null,
    type === "个人会员" && rng() < 0.5 ? null : townshipName(Math.floor(rng() * townships)),
    type === "企业会员" && rng() < 0.85
      ? uscc("91", i + 1)
      : type === "团体会员"
        ? uscc("51", 100_000 + i)
        : null,
    pickOf(INDUSTRIES, rng()),
    dateAsTyped(joined, rng()),
    left === null ? null : dateCell(left),
    type === "企业会员" ? (rng() < 0.2 ? "是" : "否") : null,
    phoneAsTyped(rng(), i),
  ];
  if (mistake !== null) plantMemberMistake(row, i, mistake);
  return row;
}

function plantMemberMistake(row: RawCell[], i: number, m: number): void {
  if (m < 0.15) {
    const code = typeof row[5] === "string" ? row[5] : uscc("91", i + 1);
    row[5] = code.slice(0, 17) + (code.endsWith("0") ? "1" : "0"); // bad-uscc (check)
  } else if (m < 0.3)
    row[7] = "2013.02.30"; // not-a-date
  else if (m < 0.4)
    row[3] = "不存在的商会"; // unknown-chamber
  else if (m < 0.5)
    row[0] = i > 0 ? memberId(i - 1) : null; // duplicate-id (or blank)
  else if (m < 0.6)
    row[2] = "民营企业"; // bad-enum
  else if (m < 0.7)
    row[1] = null; // blank-required
  else if (m < 0.8)
    row[10] = "12345"; // bad-phone (warning)
  else if (m < 0.9)
    row[5] = 913401001234567000; // bad-uscc (number)
  else row[7] = { kind: "error", error: "#N/A" }; // formula-error
}

function membersSheet(
  n: number,
  rng: Rng,
  chambers: number,
  townships: number,
  errorRate: number
): { sheet: SheetGrid; years: Membership } {
  const rows: RawCell[][] = new Array<RawCell[]>(n + 1);
  const years: Membership = { joinedYear: new Int16Array(n), leftYear: new Int16Array(n) };
  rows[0] = MEMBER_HEADER;
  for (let i = 0; i < n; i++) {
    const mistake = rng() < errorRate ? rng() : null;
    rows[i + 1] = memberRow(i, rng, chambers, townships, mistake, years);
  }
  return { sheet: { name: "会员", rows }, years };
}

const DUES_HEADER = ["会员编号", "年度", "应缴金额", "实缴金额", "缴费日期"];
const DUE_LEVELS = [300, 500, 1000, 1000, 2000, 5000];

function amountAsTyped(amount: number, r: number): RawCell {
  if (r < 0.97) return amount;
  if (r < 0.98) return `${amount}元`;
  if (r < 0.99) return amount >= 10_000 ? `${amount / 10_000}万` : `¥${amount}.00`;
  return amount.toLocaleString("en-US");
}

function duesRow(member: number, year: number, rng: Rng, mistake: number | null): RawCell[] {
  const due = pickOf(DUE_LEVELS, rng());
  const r = rng();
  const paid = r < 0.8 ? due : r < 0.9 ? due / 2 : 0;
  const paidOn =
    paid > 0
      ? dateCell(Date.UTC(year, 1 + Math.floor(rng() * 5), 1 + Math.floor(rng() * 28)) / 86_400_000)
      : null;
  const row: RawCell[] = [memberId(member), year, amountAsTyped(due, rng()), paid, paidOn];
  if (mistake === null) return row;
  if (mistake < 0.25)
    row[0] = `X${memberId(member)}`; // unknown-member
  else if (mistake < 0.45)
    row[3] = -paid - 1; // negative-amount
  else if (mistake < 0.65)
    row[3] = due + 100; // overpaid (warning)
  else if (mistake < 0.8)
    row[4] = null; // paid-without-date (warning) when paid > 0
  else if (mistake < 0.9)
    row[2] = "一千"; // not-a-number
  else row[1] = "20l4"; // not-a-year
  return row;
}

/**
 * Dues rows member by member, one a year of membership from 2015 − perMember to 2014, until the
 * sheet is full.
 */
function duesSheet(years: Membership, perMember: number, rng: Rng, errorRate: number): SheetGrid {
  const rows: RawCell[][] = [DUES_HEADER];
  const first = 2015 - perMember;
  const members = years.joinedYear.length;
  for (let i = 0; i < members && rows.length <= MAX_DATA_ROWS; i++) {
    const from = Math.max(first, years.joinedYear[i] ?? first);
    const to = Math.min(2014, years.leftYear[i] ?? 2014);
    for (let year = from; year <= to && rows.length <= MAX_DATA_ROWS; year++) {
      const mistake = rng() < errorRate ? rng() : null;
      rows.push(duesRow(i, year, rng, mistake));
    }
  }
  return { name: "会费", rows };
}

function settingsSheet(): SheetGrid {
  return {
    name: "设置",
    rows: [
      ["统计截止日期", dateCell(DAY_AS_OF)],
      ["基准年度", 2011],
    ],
  };
}

/** A whole synthetic workbook in memory. */
export function synthGrid(options: SynthOptions): SynthGrid {
  const members = Math.min(MAX_DATA_ROWS, options.members);
  const rng = mulberry32(options.seed ?? 20141130);
  const chambers = Math.max(14, Math.round(members / 500));
  const townships = Math.max(10, Math.min(200, Math.round(members / 2000)));
  const errorRate = options.errorRate ?? 0.01;
  const chamberSheet = chambersSheet(chambers, townships, rng);
  const memberSheet = membersSheet(members, rng, chambers, townships, errorRate);
  const dues = duesSheet(memberSheet.years, options.duesPerMember ?? 3, rng, errorRate);
  const grid: WorkbookGrid = {
    sheets: [
      chamberSheet,
      memberSheet.sheet,
      dues,
      townshipsSheet(townships, rng),
      settingsSheet(),
    ],
  };
  for (const sheet of grid.sheets) flattenTexts(sheet.rows);
  return {
    grid,
    counts: { members, dues: dues.rows.length - 1, chambers, townships: townships * 3 },
  };
}

/**
 * Makes every text of the rows one flat string, as an adapter gives it. A template literal of 13
 * characters or more is a rope (a V8 ConsString: the credit codes, phones, some names) until
 * something reads it, and the core's first read of one copies it flat, in the core's time (10 to
 * 15 ms of it at 100k members, measured). No adapter hands the core a rope: the .xlsx reader's
 * texts come from Buffer.toString, as here, and Office.js's from the host's JSON.
 */
function flattenTexts(rows: readonly (readonly RawCell[] | undefined)[]): void {
  for (const row of rows) {
    if (row === undefined) continue;
    const cells = row as RawCell[];
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v !== "string") continue;
      const copy = Buffer.from(v, "utf8").toString("utf8");
      if (copy === v) cells[c] = copy; // else a lone surrogate, which UTF-8 cannot carry
    }
  }
}

function isDateCell(v: RawCell): v is DateCell {
  return typeof v === "object" && v !== null && v.kind === "date";
}

/** A raw cell as an ExcelJS value: date cells become Dates (UTC midnight), errors error values. */
function excelValue(v: RawCell): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v !== "object") return v;
  if (isDateCell(v)) return new Date(Math.round((v.serial - 25569) * 86_400_000));
  return { error: v.error as ExcelJS.CellErrorValue["error"] };
}

/** Streams a grid to an .xlsx (shared strings, date cells formatted yyyy-mm-dd). */
export async function writeGridXlsx(grid: WorkbookGrid, filename: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename,
    useSharedStrings: true,
    useStyles: true,
  });
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const raw of sheet.rows) {
      const cells = raw ?? [];
      const row = ws.addRow(cells.map(excelValue));
      cells.forEach((c, j) => {
        if (isDateCell(c)) row.getCell(j + 1).numFmt = "yyyy-mm-dd";
      });
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
}
