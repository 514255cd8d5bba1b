/**
 * Writes the sample district as a workbook: the 商会, 会员 (under a merged title row), 会费, 乡镇 and
 * 设置 sheets, with header styles, column widths and number formats, and fixed timestamps so that
 * every run writes the same cells.
 */
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { mulberry32, type Rng } from "../random";
import { cellDate, pad2, parts, pick, type Day } from "./draw";
import {
  AS_OF,
  BASE_YEAR,
  BRANDS,
  CHAMBERS,
  DUES_HEADER_ROW,
  DUES_YEARS,
  MEMBER_COLUMNS,
  MEMBER_HEADER_ROW,
  TARGET,
  THRESHOLD,
  TOWNSHIPS,
  TYPE_WORD,
  type Cell,
  type District,
  type Member,
  type MemberColumn,
  type TownshipPlan,
} from "./plan";
import { assertPlan, buildDistrict, figures } from "./district";

/** A few join dates typed as text in the forms people use; they read as the same day. */
function textDate(rng: Rng, t: Day): string | null {
  const r = rng();
  const { y, m, d } = parts(t);
  if (r < 0.02) return `${y}年${m}月${d}日`;
  if (r < 0.03) return `${y}/${pad2(m)}/${pad2(d)}`;
  return null;
}

function memberCells(rng: Rng, m: Member, index: number): Cell[] {
  const chamberCell = m.chamber ? (rng() < 0.08 ? m.chamber.id : m.chamber.name) : null;
  const values: Record<MemberColumn, Cell> = {
    no: index + 1,
    id: m.id,
    name: m.name,
    type: TYPE_WORD[m.type],
    chamber: chamberCell,
    township: m.township,
    uscc: m.uscc,
    industry: m.industry,
    joined: textDate(rng, m.joined) ?? cellDate(m.joined),
    left: m.left === null ? null : cellDate(m.left),
    aboveScale: m.aboveScale === null ? null : m.aboveScale ? "是" : "否",
    phone: m.phone,
    note: m.note,
    ...m.override,
  };
  return MEMBER_COLUMNS.map(([key]) => values[key]);
}

const FIXED_TIME = new Date(Date.UTC(2014, 11, 1, 1, 30, 0));
const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFDDEBF7" },
};

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: "center", vertical: "middle" };
  });
}

function setColumns(
  ws: ExcelJS.Worksheet,
  widths: readonly number[],
  dateColumns: readonly number[],
  textColumns: readonly number[]
): void {
  widths.forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = w;
    if (dateColumns.includes(i + 1)) col.numFmt = "yyyy-mm-dd";
    if (textColumns.includes(i + 1)) col.numFmt = "@";
  });
}

function writeChambers(wb: ExcelJS.Workbook, d: District): void {
  const ws = wb.addWorksheet("商会", { views: [{ state: "frozen", ySplit: 1 }] });
  const header = [
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
    "办公地址",
  ];
  styleHeader(ws.addRow(header));
  CHAMBERS.forEach((c, i) => {
    ws.addRow([
      c.id,
      c.name,
      c.typeWord,
      c.township,
      cellDate(c.founded),
      c.registeredCell,
      d.presidents[i] ?? null,
      "是",
      c.staff,
      c.fixedOffice ? "有" : "无",
      c.website,
      c.journal ? "有" : "无",
      d.chamberCodes[i] ?? null,
      `${c.township ?? "城关街道"}${pick(mulberry32(i + 1), BRANDS)}路${10 + i * 7}号`,
    ]);
  });
  setColumns(ws, [10, 26, 14, 13, 12, 9, 9, 12, 11, 12, 26, 6, 22, 26], [5], [1, 13]);
}

function writeMembers(wb: ExcelJS.Workbook, d: District, rng: Rng): void {
  const ws = wb.addWorksheet("会员", { views: [{ state: "frozen", ySplit: MEMBER_HEADER_ROW }] });
  ws.addRow(["2014年会员名册"]);
  ws.mergeCells(1, 1, 1, MEMBER_COLUMNS.length);
  const title = ws.getCell(1, 1);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: "center" };
  styleHeader(ws.addRow(MEMBER_COLUMNS.map(([, h]) => h)));
  d.members.forEach((m, i) => ws.addRow(memberCells(rng, m, i)));
  setColumns(
    ws,
    MEMBER_COLUMNS.map(([, , w]) => w),
    [9, 10],
    [2]
  );
  ws.getColumn(7).numFmt = "0"; // a code typed as a number shows all the digits Excel kept
}

function writeDues(wb: ExcelJS.Workbook, d: District): void {
  const ws = wb.addWorksheet("会费", { views: [{ state: "frozen", ySplit: DUES_HEADER_ROW }] });
  styleHeader(
    ws.addRow(["会员编号", "会员名称", "年度", "应缴金额(元)", "实缴金额(元)", "缴费日期", "备注"])
  );
  for (const r of d.dues) {
    ws.addRow([
      r.memberId,
      r.memberName,
      r.year,
      r.dueCell,
      r.paid,
      r.paidOn === null ? null : cellDate(r.paidOn),
      r.note,
    ]);
  }
  setColumns(ws, [10, 30, 7, 13, 13, 12, 14], [6], [1]);
  ws.getColumn(4).numFmt = "#,##0";
  ws.getColumn(5).numFmt = "#,##0";
}

function npeFor(t: TownshipPlan, year: number): number {
  // earlier years: about 6% fewer enterprises a year back
  return Math.round(t.npe / Math.pow(1.06, (t.has2014Row ? 2014 : 2013) - year));
}

function writeTownships(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("乡镇", { views: [{ state: "frozen", ySplit: 1 }] });
  styleHeader(ws.addRow(["乡镇街道", "年度", "非公企业数", "数据来源"]));
  for (const year of DUES_YEARS) {
    for (const t of TOWNSHIPS) {
      if (year === 2014 && !t.has2014Row) continue;
      ws.addRow([t.name, year, npeFor(t, year), `${year}年区市场监管局`]);
    }
  }
  setColumns(ws, [12, 7, 12, 20], [], []);
}

function writeSettings(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("设置");
  ws.addRow(["统计截止日期", cellDate(AS_OF)]).getCell(2).numFmt = "yyyy-mm-dd";
  ws.addRow(["基准年度", BASE_YEAR]);
  ws.addRow(["会员覆盖率目标", TARGET]).getCell(2).numFmt = "0%";
  ws.addRow(["会费收入标准", THRESHOLD]).getCell(2).numFmt = "#,##0";
  setColumns(ws, [16, 14], [], []);
}

export const SAMPLE_SEED = 20141130;

export async function writeSample(path: string): Promise<District> {
  const district = buildDistrict(SAMPLE_SEED);
  assertPlan(figures(district));
  const wb = new ExcelJS.Workbook();
  wb.creator = "云川区工商联";
  wb.lastModifiedBy = "云川区工商联";
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  writeChambers(wb, district);
  writeMembers(wb, district, mulberry32(SAMPLE_SEED + 1));
  writeDues(wb, district);
  writeTownships(wb);
  writeSettings(wb);
  mkdirSync(dirname(path), { recursive: true });
  await wb.xlsx.writeFile(path);
  return district;
}
