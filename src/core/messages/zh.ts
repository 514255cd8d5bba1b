/** Problem titles and messages in Chinese: every code of problems/codes.ts has an entry. */
import { SHEET_DEFS, fieldLabel, headerAliases } from "../schema";
import { formatMoney } from "../text";
import type { SheetKind } from "../types";
import type { Catalogue, MessageContext } from "./index";

const q = (s: string): string => `“${s}”`;
/** The cell's value in quotes, or nothing when there is none. */
const v = (at: MessageContext): string => (at.value === null ? "" : q(at.value));
const label = (at: MessageContext, field: string): string =>
  at.kind === null ? field : fieldLabel(at.kind, field, "zh");
const sheetLabel = (kind: SheetKind): string => SHEET_DEFS[kind].label.zh;
const list = (items: readonly string[]): string => items.join("、");
const suggestion = (s: string | null): string => (s === null ? "" : `，是否应为${q(s)}？`);

function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `在 ${min} 到 ${max} 之间`;
  if (min !== undefined) return `不小于 ${min}`;
  if (max !== undefined) return `不大于 ${max}`;
  return "在有效范围内";
}

const SETTING_HINTS: Readonly<Record<string, string>> = {
  asOf: "日期，如 2014-11-30",
  baseYear: "四位年份，如 2011",
  coverageTarget: "百分比，如 10%",
  duesIncomeThreshold: "金额（元），如 500000",
};

/** Characters of a code as the user typed it, spaces aside. */
const codeLength = (value: string | null): number =>
  value === null ? 0 : Array.from(value.replace(/\s+/g, "")).length;

export const ZH: Catalogue = {
  "missing-sheet": {
    title: "缺少工作表",
    message: ({ kind }) =>
      `找不到${sheetLabel(kind)}表：没有名为${list(SHEET_DEFS[kind].aliases.map(q))}的工作表，` +
      `也没有表头含有该表必填列的工作表。请添加该工作表，或将对应工作表改名为其中之一` +
      (kind === "members"
        ? "；没有会员表，会员各项指标无法计算。"
        : "；需要该表的指标将标为不可用。"),
  },
  "missing-column": {
    title: "缺少必需的列",
    message: ({ kind, field }) =>
      `${sheetLabel(kind)}表缺少必填列${q(fieldLabel(kind, field, "zh"))}：表头中没有` +
      `${list(headerAliases(kind, field).map(q))}中的任何一个。请添加该列；在此之前本表各行不会被读取。`,
  },
  "duplicate-column": {
    title: "列重复",
    message: ({ kind, field, firstColumn }, at) =>
      `${at.column === null ? "有一列" : `${at.column} 列`}与 ${firstColumn} 列都对应` +
      `${q(fieldLabel(kind, field, "zh"))}；每个字段只能有一列，请删除或改名其中一列。`,
  },
  "blank-required": {
    title: "必填项为空",
    message: ({ field, why }, at) =>
      `${q(label(at, field))}为必填项，不能为空` +
      (why === "township-chamber"
        ? "（乡镇街道商会必须填写所属乡镇街道）"
        : why === "enterprise-member"
          ? "（企业会员必须填写乡镇街道）"
          : "") +
      "；请填写。",
  },
  "not-a-number": {
    title: "不是数字",
    message: ({ field }, at) =>
      `${q(label(at, field))}的值${v(at)}不是数字；应填写数字或金额，如 1200、1,200、1200元、1.2万。`,
  },
  "not-an-integer": {
    title: "不是整数",
    message: ({ field, min }, at) =>
      `${q(label(at, field))}的值${v(at)}不是整数；应填写${min === undefined ? "" : `不小于 ${min} 的`}整数。`,
  },
  "not-a-date": {
    title: "不是日期",
    message: ({ field, impossible }, at) =>
      impossible === true
        ? `${q(label(at, field))}的值${v(at)}不是真实存在的日期（该月没有这一天）；请核对年、月、日。`
        : `${q(label(at, field))}的值${v(at)}不是可识别的日期；应写成 2014-11-30、2014/11/30、` +
          `2014.11.30、2014年11月30日 或 20141130 等形式（只有年月时写 2014-11 或 2014年11月）。`,
  },
  "not-a-boolean": {
    title: "不是“是/否”",
    message: ({ field }, at) =>
      `${q(label(at, field))}的值${v(at)}不是“是/否”；应填写 是/否、有/无、Y/N、√/× 或 1/0，空白视为否。`,
  },
  "not-a-year": {
    title: "不是年度",
    message: ({ field, min, max }, at) =>
      `${q(label(at, field))}的值${v(at)}不是年份；应填写四位年份，如 2014 或 2014年` +
      (min === undefined && max === undefined ? "。" : `，且应${range(min, max)}。`),
  },
  "formula-error": {
    title: "公式错误值",
    message: ({ field }, at) =>
      `${q(label(at, field))}单元格是公式错误值${v(at)}；请修正公式或直接填写数值。`,
  },
  "bad-enum": {
    title: "类型不在可选范围内",
    message: ({ field, suggestion: s, accepted }, at) =>
      `${label(at, field)}${v(at)}不是可接受的类型${s === null ? "。" : suggestion(s)}` +
      `可接受：${list(accepted)}。`,
  },
  "duplicate-id": {
    title: "编号或名称重复",
    message: ({ field, firstRow }, at) =>
      `${label(at, field)}${v(at)}与第 ${firstRow} 行重复；${label(at, field)}必须唯一，本行未被统计。`,
  },
  "duplicate-uscc": {
    title: "统一社会信用代码重复",
    message: ({ firstRow }, at) =>
      `统一社会信用代码${v(at)}与第 ${firstRow} 行重复；同一信用代码只能出现一次，本行未被统计。`,
  },
  "bad-uscc": {
    title: "统一社会信用代码有误",
    message: ({ reason, expectedCheck, badCharacter }, at) => {
      const code = `统一社会信用代码${v(at)}`;
      switch (reason) {
        case "number":
          return `${code}以数字形式保存，已丢失位数（Excel 只保留 15 位有效数字）；请将该列设置为文本格式后重新录入完整代码。`;
        case "length":
          return `${code}长度不对：应为 18 位，现为 ${codeLength(at.value)} 位；请核对代码。`;
        case "character":
          return `${code}含有不允许的字符${q(badCharacter ?? "")}；信用代码只由数字和除 I、O、Z、S、V 以外的大写字母组成。`;
        case "check":
          return `${code}校验位不符：按前 17 位计算，第 18 位应为${q(expectedCheck ?? "")}；请核对代码是否抄错。`;
      }
    },
  },
  "unknown-chamber": {
    title: "所属商会不存在",
    message: ({ suggestion: s }, at) =>
      `所属商会${v(at)}在商会表中找不到（既不是商会编号，也不是商会名称）` +
      (s === null ? "；" : `${suggestion(s)}`) +
      "请填写商会表中的商会编号或完整名称；直属会员请留空。",
  },
  "dues-without-members": {
    title: "缺少会员表，会费无法核对",
    message: ({ rows }) =>
      `没有可用的会员表，会费表的 ${rows} 行无法核对：每行的会员编号无从确认，这些行都未计入，` +
      `会费各项指标无法计算。请先添加或修正会员表。`,
  },
  "unknown-member": {
    title: "会员不存在",
    message: (_p, at) =>
      `会员编号${v(at)}在会员表中找不到；请填写会员表中已有的会员编号，本行未被统计。`,
  },
  "member-excluded": {
    title: "会员行有错误，会费不计入",
    message: ({ memberSheet, memberRow }) =>
      `该会员在${q(memberSheet)}表第 ${memberRow} 行的记录有错误、未被统计，因此本行会费也不统计；请先修正该会员行。`,
  },
  "unknown-township": {
    title: "乡镇街道不存在",
    message: ({ suggestion: s }, at) =>
      `乡镇街道${v(at)}不在乡镇表中` +
      (s === null ? "；" : `${suggestion(s)}`) +
      "请填写乡镇表中的乡镇街道名称。",
  },
  "date-in-future": {
    title: "日期晚于今天",
    message: ({ field, today }, at) =>
      `${label(at, field)}${v(at)}晚于今天（${today}）；请核对日期，不能填写将来的日期。`,
  },
  "date-order": {
    title: "日期先后颠倒",
    message: ({ field, otherField, other }, at) =>
      `${label(at, field)}${v(at)}早于${label(at, otherField)}（${other}）；` +
      `${label(at, field)}应不早于${label(at, otherField)}。`,
  },
  "joined-before-founded": {
    title: "入会早于商会成立",
    message: ({ chamberId, founded }, at) =>
      `入会日期${v(at)}早于所属商会${q(chamberId)}的成立日期 ${founded}；请核对入会日期或该商会的成立日期。`,
  },
  "negative-amount": {
    title: "金额为负",
    message: ({ field }, at) => `${label(at, field)}${v(at)}为负数；金额应不小于 0。`,
  },
  overpaid: {
    title: "实缴多于应缴",
    message: ({ due, paid }) =>
      `实缴金额 ${formatMoney(paid)} 元多于应缴金额 ${formatMoney(due)} 元；请核对两者。`,
  },
  "paid-without-date": {
    title: "已缴费但无缴费日期",
    message: () => "已有实缴金额但缺少缴费日期；请填写缴费日期。",
  },
  "duplicate-dues": {
    title: "会费记录重复",
    message: ({ memberId, year, firstRow }) =>
      `会员${q(memberId)}的 ${year} 年度会费已在第 ${firstRow} 行登记；同一会员同一年度只能有一行，本行未被统计。`,
  },
  "dues-outside-membership": {
    title: "会费年度不在会籍期内",
    message: ({ year, joinedYear, leftYear }) =>
      `会费年度 ${year} 不在该会员的会籍期间内（${joinedYear} 年入会` +
      `${leftYear === null ? "" : `，${leftYear} 年退会`}）；请核对年度或会员的入会、退会日期。`,
  },
  "duplicate-township-year": {
    title: "乡镇年度重复",
    message: ({ township, year, firstRow }) =>
      `乡镇街道${q(township)}的 ${year} 年度数据已在第 ${firstRow} 行填写；同一乡镇同一年度只能有一行，本行未被统计。`,
  },
  "township-year-missing": {
    title: "乡镇缺少本年度数据",
    message: ({ township, year, usedYear }) =>
      usedYear === null
        ? `乡镇街道${q(township)}没有 ${year} 年度及以前各年的非公企业数，按 0 计算；请补充 ${year} 年度的数据。`
        : `乡镇街道${q(township)}没有 ${year} 年度的非公企业数，已使用 ${usedYear} 年度的数据；请补充 ${year} 年度的数据。`,
  },
  "bad-phone": {
    title: "电话号码有误",
    message: (_p, at) =>
      `联系电话${v(at)}既不是手机号（11 位，以 13–19 开头）也不是固定电话（区号 0xx 或 0xxx 加 7–8 位号码）；请核对号码。`,
  },
  "bad-url": {
    title: "网址有误",
    message: (_p, at) =>
      `网站${v(at)}不是网址；应填写如 www.example.com 或 http://example.com 的地址，没有网站请留空。`,
  },
  "bad-setting": {
    title: "设置无法读取",
    message: ({ setting, defaultValue }, at) =>
      `设置${q(fieldLabel("settings", setting, "zh"))}的值${v(at)}无法识别，已使用默认值 ${defaultValue}` +
      (SETTING_HINTS[setting] === undefined ? "。" : `；应填写${SETTING_HINTS[setting]}。`),
  },
  "output-sheet-renamed": {
    title: "输出工作表已改名",
    message: ({ wanted, usedName }) =>
      `工作簿中已有名为${q(wanted)}的工作表，且不是本工具生成的；为避免覆盖，结果已写入${q(usedName)}。` +
      `如需使用原名称，请将原工作表改名或删除。`,
  },
};
