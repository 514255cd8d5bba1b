/**
 * The task pane's own words, in Chinese and English. Problem messages come from the core's
 * catalogues; everything the pane itself says is here.
 */
import type { Lang, ProblemCode, SheetKind } from "../core/types";
import type { HostErrorCode, RunStage } from "../adapters/office/host";
import type { SelfCheckKind, Verdict } from "../core/report-check/index";
import { REPORT_LABELS } from "../core/report/labels";
import { FAILURE_TEXTS, type FailureKey } from "../adapters/office/host-messages";

/** The failure texts (one home: adapters/office/host-messages.ts) as the pane's `error.*` keys. */
type FailureEntries = { readonly [K in FailureKey as `error.${K}`]: string };

function failureEntries(lang: Lang): FailureEntries {
  return Object.fromEntries(
    Object.entries(FAILURE_TEXTS[lang]).map(([key, text]) => [`error.${key}`, text])
  ) as FailureEntries;
}

const en = {
  appTitle: "Chamber statistics",
  languageLabel: "Language",
  switchTo: "中文",
  recalc: "Recalculate",
  recalcHint: "Checks every row and fills the summary sheets.",
  running: "Recalculating…",
  "stage.reading": "Reading the workbook",
  "stage.checking": "Checking rows and computing figures",
  "stage.writing": "Writing the output sheets",
  "stage.done": "Done",
  progressLabel: "Progress of the recalculation",
  finished: "Recalculated in {seconds} s.",
  resultsTitle: "Figures as of {date}",
  "card.members": "Members",
  "card.members.byType": "{enterprise} enterprise · {group} group · {individual} individual",
  "card.members.sinceBase": "{rate} since end of {year} ({count})",
  "card.members.onYear": "{rate} on end of {year} ({count})",
  "card.members.new": "{joined} joined, {left} left in {year}",
  "card.coverage": "Coverage",
  "card.coverage.members": "{rate} of {count} non-public enterprises",
  "card.coverage.target": "Target {target}: {verdict}",
  "card.coverage.met": "met",
  "card.coverage.notMet": "not met",
  "card.coverage.townships": "{with} of {total} townships have a township chamber",
  "card.coverage.unavailable": "No usable 乡镇 (townships) sheet, so coverage cannot be computed.",
  "card.dues": "Dues {year}",
  "card.dues.collected": "collected",
  "card.dues.amounts": "{paid} of {due} yuan paid",
  "card.dues.members": "{paid} members paid in full, {owing} owe",
  "card.dues.unavailable": "No usable 会费 (dues) sheet.",
  "card.dues.needsMembers":
    "Cannot be computed: there is no usable 会员 (members) sheet to check the dues rows against.",
  "drill.owing": "Show the {count} rows owing",
  "drill.owingTitle": "Dues rows owing ({count})",
  "drill.owingRow": "{member}: {paid} of {due} yuan paid",
  "drill.close": "Close",
  "drill.below": "Show the {count} townships below the target",
  "drill.belowTitle": "Townships below the coverage target ({count})",
  "drill.belowRow":
    "{township}: {rate} ({members} of {enterprises} non-public enterprises are members)",
  "card.chambers": "Chambers",
  "card.chambers.registered": "{rate} registered with civil affairs",
  "card.chambers.full": "{count} ({rate}) collect 100% of dues",
  "card.chambers.income": "{count} ({rate}) with dues income ≥ {threshold} yuan",
  "card.chambers.unavailable": "No usable 商会 (chambers) sheet.",
  notAvailable: "n/a",
  chartTitle: "Members at the end of each year",
  chartDescription: "Line chart of members from {first} to {last}: {points}.",
  "stale.title": "The data or settings have changed: recalculate",
  "stale.data": "A cell of the workbook was edited after these figures were computed.",
  "stale.cell": "{sheet}!{cell} was edited after these figures were computed.",
  "stale.settings": "The settings were saved after these figures were computed.",
  "previous.compareTitle": "Against the previous run (as of {asOf})",
  "previous.problems": "Problems {before} → {after} ({fixed} fixed)",
  "previous.problemsAdded": "Problems {before} → {after} ({fixed} fixed, {added} new)",
  "previous.sameFigures": "The headline figures are unchanged.",
  "previous.dues": "Dues collected",
  "previous.lastTitle": "Last result kept in this workbook",
  "previous.lastWhen": "As of {asOf}, computed {when}.",
  "previous.lastHint": "Recalculate to check the workbook again and compare.",
  rowsTitle: "Rows",
  rowsLine: "{read} rows read, {counted} counted, {excluded} listed as problems",
  "sheet.members": "会员 (members)",
  "sheet.chambers": "商会 (chambers)",
  "sheet.dues": "会费 (dues)",
  "sheet.townships": "乡镇 (townships)",
  "sheet.settings": "设置 (settings)",
  problemsTitle: "Problems",
  problemsCounts: "{errors} errors, {warnings} warnings",
  noProblems: "No problems found.",
  showMore: "Show {count} more",
  goToCell: "Go to {sheet}!{cell}",
  severityError: "Error",
  severityWarning: "Warning",
  "cascade.cause": "Caused by the member row {cell}",
  "cascade.summary": "{rows} dues rows left out because of errors in {members} member rows.",
  "filter.label": "Filter the problems",
  "filter.severity": "Severity",
  "filter.all": "All",
  "filter.sheet": "Sheet",
  "filter.allSheets": "All sheets",
  "filter.workbook": "The workbook",
  "filter.search": "Search",
  "filter.shown": "Showing {shown} of {total} problems",
  outputTitle: "Output sheets",
  "remove.button": "Remove output sheets…",
  "remove.title": "Remove the output sheets?",
  "remove.intro": "These sheets, written by the add-in, will be deleted:",
  "remove.noUndo":
    "Excel cannot undo this. Your own sheets (会员, 商会, 会费, 乡镇, 设置 and any other) stay as they are.",
  "remove.none": "The workbook has no output sheets of the add-in.",
  "remove.confirm": "Delete them",
  "remove.cancel": "Cancel",
  "remove.done": "Removed {count} output sheets.",
  openSheet: "Open the sheet {name}",
  settingsTitle: "Settings",
  settingsIntro:
    "Stored in the workbook's 设置 sheet, so the figures can be reproduced from the file.",
  "setting.asOf": "As-of date",
  "setting.baseYear": "Base year",
  "setting.coverageTarget": "Coverage target (%)",
  "setting.duesIncomeThreshold": "Dues income threshold (yuan)",
  settingDefault: "Blank uses the default: {value}.",
  "default.asOf": "today",
  "default.baseYear": "the as-of year − 3",
  settingsSave: "Save settings",
  settingsSaving: "Saving…",
  settingsSaved: "Saved to the 设置 sheet. Recalculate to apply them.",
  "invalid.asOf": "Enter a date as YYYY-MM-DD.",
  "invalid.baseYear": "Enter a year between 1949 and 2100.",
  "invalid.coverageTarget": "Enter a percentage above 0 and at most 100.",
  "invalid.duesIncomeThreshold": "Enter an amount of 0 or more.",
  "report.title": "Report",
  "report.intro": "The work report's paragraphs, written from these figures.",
  "report.empty": "No paragraph could be written from this workbook.",
  "report.omitted": "Not written: {message}",
  "report.copy": "Copy",
  "report.copyLabel": "Copy the report's paragraphs",
  "report.copied": "Copied.",
  "report.selected":
    "The clipboard is not available here: the text is selected, press Ctrl+C to copy it.",
  "report.checkTitle": "Check a draft",
  "report.draftLabel": "Draft report",
  "report.draftHint":
    "Paste a draft; every figure in it is checked against these figures and against the draft itself.",
  "report.check": "Check the draft",
  "report.checkEmpty": "Paste a draft first.",
  "report.counts":
    "{total} figures: {agrees} agree, {contradicts} contradict, {notCheckable} not checkable",
  "report.markedTitle": "The draft, figure by figure",
  "verdict.agrees": "Agrees",
  "verdict.contradicts": "Contradicts",
  "verdict.not-checkable": "Not checkable",
  "report.records": ": the records give {value} ({metric})",
  "report.showCell": "Show {cell}, where the records' figure is",
  "report.selfTitle": "The draft contradicts itself ({count})",
  "self.parts-sum": "“{text}”: the parts add up to {computed}, not the {value} given.",
  "self.rate-from-counts":
    "“{text}”: the counts quoted give a rate of {computed}, not the {value} given.",
  "self.share-of-base":
    "“{text}”: the count and its base give a share of {computed}, not the {value} given.",
  "self.quoted-twice": "“{text}”: the same figure is first given as {computed}, then as {value}.",
  "error.title": "The recalculation could not finish",
  "error.settingsTitle": "The settings could not be read or saved",
  ...failureEntries("en"),
  "structure.title": "The workbook has no usable members sheet",
  "structure.missing-sheet":
    "No 会员 (members) sheet was found. Add a sheet named 会员 whose header row has 会员编号, 会员名称, 会员类型 and 入会日期, then recalculate.",
  "structure.missing-column":
    "The 会员 sheet lacks a required column, {field} (also recognised as: {aliases}). Add it to the header row, then recalculate.",
  "structure.other":
    "The 会员 sheet could not be read. See the problems below, fix them, then recalculate.",
} as const;

export type MessageKey = keyof typeof en;
type Catalogue = { readonly [K in MessageKey]: string };

const zh: Catalogue = {
  appTitle: "商会统计",
  languageLabel: "语言",
  switchTo: "English",
  recalc: "重新计算",
  recalcHint: "检查每一行数据并填写汇总工作表。",
  running: "正在重新计算…",
  "stage.reading": "正在读取工作簿",
  "stage.checking": "正在检查数据并计算指标",
  "stage.writing": "正在写入结果工作表",
  "stage.done": "完成",
  progressLabel: "重新计算进度",
  finished: "重新计算完成，用时 {seconds} 秒。",
  resultsTitle: "截至 {date} 的统计",
  "card.members": "会员",
  "card.members.byType": "企业 {enterprise} · 团体 {group} · 个人 {individual}",
  "card.members.sinceBase": "较 {year} 年底（{count}）{rate}",
  "card.members.onYear": "较 {year} 年底（{count}）{rate}",
  "card.members.new": "{year} 年新入会 {joined}，退会 {left}",
  "card.coverage": "覆盖率",
  "card.coverage.members": "占非公企业 {count} 家的 {rate}",
  "card.coverage.target": "目标 {target}：{verdict}",
  "card.coverage.met": "已达到",
  "card.coverage.notMet": "未达到",
  "card.coverage.townships": "{total} 个乡镇街道中 {with} 个建有乡镇商会",
  "card.coverage.unavailable": "没有可用的“乡镇”工作表，无法计算覆盖率。",
  "card.dues": "{year} 年会费",
  "card.dues.collected": "收缴率",
  "card.dues.amounts": "应缴 {due} 元，实缴 {paid} 元",
  "card.dues.members": "{paid} 名会员足额缴纳，{owing} 名欠缴",
  "card.dues.unavailable": "没有可用的“会费”工作表。",
  "card.dues.needsMembers": "无法计算：缺少会员表，会费各行无法核对。",
  "drill.owing": "查看 {count} 行欠缴",
  "drill.owingTitle": "欠缴会费的行（{count}）",
  "drill.owingRow": "{member}：应缴 {due} 元，实缴 {paid} 元",
  "drill.close": "关闭",
  "drill.below": "查看 {count} 个未达标的乡镇街道",
  "drill.belowTitle": "会员覆盖率未达标的乡镇街道（{count}）",
  "drill.belowRow": "{township}：覆盖率 {rate}（非公企业 {enterprises} 家，入会 {members} 家）",
  "card.chambers": "商会",
  "card.chambers.registered": "民政登记 {rate}",
  "card.chambers.full": "{count} 个（{rate}）会费收缴率 100%",
  "card.chambers.income": "{count} 个（{rate}）会费收入 ≥ {threshold} 元",
  "card.chambers.unavailable": "没有可用的“商会”工作表。",
  notAvailable: "无",
  chartTitle: "历年年底会员数",
  chartDescription: "{first} 至 {last} 年会员数折线图：{points}。",
  "stale.title": "数据或设置已更改，请重新计算",
  "stale.data": "以上统计计算之后，工作簿中有单元格被修改。",
  "stale.cell": "以上统计计算之后，{sheet}!{cell} 被修改。",
  "stale.settings": "以上统计计算之后，设置已保存。",
  "previous.compareTitle": "与上次计算（截至 {asOf}）相比",
  "previous.problems": "问题 {before} → {after}（已修正 {fixed}）",
  "previous.problemsAdded": "问题 {before} → {after}（已修正 {fixed}，新增 {added}）",
  "previous.sameFigures": "主要指标没有变化。",
  "previous.dues": "会费收缴率",
  "previous.lastTitle": "本工作簿保存的上次结果",
  "previous.lastWhen": "截至 {asOf}，计算于 {when}。",
  "previous.lastHint": "重新计算即可再次检查并与之比较。",
  rowsTitle: "数据行",
  rowsLine: "读取 {read} 行，计入 {counted} 行，{excluded} 行列为问题",
  "sheet.members": "会员",
  "sheet.chambers": "商会",
  "sheet.dues": "会费",
  "sheet.townships": "乡镇",
  "sheet.settings": "设置",
  problemsTitle: "问题",
  problemsCounts: "{errors} 个错误，{warnings} 个警告",
  noProblems: "未发现问题。",
  showMore: "再显示 {count} 条",
  goToCell: "转到 {sheet}!{cell}",
  severityError: "错误",
  severityWarning: "警告",
  "cascade.cause": "原因：会员行 {cell}",
  "cascade.summary": "因 {members} 个会员行有错误，{rows} 行会费未计入。",
  "filter.label": "筛选问题",
  "filter.severity": "严重程度",
  "filter.all": "全部",
  "filter.sheet": "工作表",
  "filter.allSheets": "全部工作表",
  "filter.workbook": "整个工作簿",
  "filter.search": "搜索",
  "filter.shown": "显示 {shown} / {total} 个问题",
  outputTitle: "结果工作表",
  "remove.button": "删除结果工作表…",
  "remove.title": "删除结果工作表？",
  "remove.intro": "将删除加载项写入的以下工作表：",
  "remove.noUndo":
    "此操作无法在 Excel 中撤销。您自己的工作表（会员、商会、会费、乡镇、设置及其他）保持不变。",
  "remove.none": "工作簿中没有加载项写入的结果工作表。",
  "remove.confirm": "删除",
  "remove.cancel": "取消",
  "remove.done": "已删除 {count} 个结果工作表。",
  openSheet: "打开工作表 {name}",
  settingsTitle: "设置",
  settingsIntro: "保存在工作簿的“设置”工作表中，凭文件本身即可复现统计结果。",
  "setting.asOf": "统计截止日期",
  "setting.baseYear": "基准年度",
  "setting.coverageTarget": "会员覆盖率目标（%）",
  "setting.duesIncomeThreshold": "会费收入标准（元）",
  settingDefault: "留空使用默认值：{value}。",
  "default.asOf": "今天",
  "default.baseYear": "截止年度 − 3",
  settingsSave: "保存设置",
  settingsSaving: "正在保存…",
  settingsSaved: "已保存到“设置”工作表。重新计算后生效。",
  "invalid.asOf": "请按 YYYY-MM-DD 格式输入日期。",
  "invalid.baseYear": "请输入 1949 至 2100 之间的年份。",
  "invalid.coverageTarget": "请输入大于 0、不超过 100 的百分数。",
  "invalid.duesIncomeThreshold": "请输入不小于 0 的金额。",
  "report.title": "报告",
  "report.intro": "根据以上统计写成的工作报告段落。",
  "report.empty": "无法根据本工作簿写出任何段落。",
  "report.omitted": "未写入：{message}",
  "report.copy": "复制",
  "report.copyLabel": "复制报告段落",
  "report.copied": "已复制。",
  "report.selected": "此处无法使用剪贴板：已选中文字，请按 Ctrl+C 复制。",
  "report.checkTitle": "核对报告草稿",
  "report.draftLabel": "报告草稿",
  "report.draftHint": "粘贴报告草稿，其中每个数字都将与以上统计及草稿本身相互核对。",
  "report.check": "核对草稿",
  "report.checkEmpty": "请先粘贴报告草稿。",
  "report.counts": "共 {total} 个数字：一致 {agrees}，不符 {contradicts}，无法核对 {notCheckable}",
  "report.markedTitle": "草稿逐个数字核对",
  "verdict.agrees": "一致",
  "verdict.contradicts": "不符",
  "verdict.not-checkable": "无法核对",
  "report.records": "：记录为 {value}（{metric}）",
  "report.showCell": "在 {cell} 查看记录中的数字",
  "report.selfTitle": "草稿自相矛盾（{count} 处）",
  "self.parts-sum": "“{text}”：各部分之和为 {computed}，与所写总数 {value} 不符。",
  "self.rate-from-counts": "“{text}”：按所引数字计算应为 {computed}，文中写作 {value}。",
  "self.share-of-base": "“{text}”：按所引数字与基数计算比例应为 {computed}，文中写作 {value}。",
  "self.quoted-twice": "“{text}”：同一指标前文写作 {computed}，后文写作 {value}。",
  "error.title": "重新计算未能完成",
  "error.settingsTitle": "无法读取或保存设置",
  ...failureEntries("zh"),
  "structure.title": "工作簿中没有可用的会员工作表",
  "structure.missing-sheet":
    "未找到“会员”工作表。请添加名为“会员”的工作表，表头包含 会员编号、会员名称、会员类型、入会日期，然后重新计算。",
  "structure.missing-column":
    "“会员”工作表缺少必需的列“{field}”（也可写作：{aliases}）。请在表头中添加该列，然后重新计算。",
  "structure.other": "无法读取“会员”工作表。请查看下方的问题并修正，然后重新计算。",
};

const catalogues: Record<Lang, Catalogue> = { en, zh };

export type Params = Readonly<Record<string, string | number>>;

/** The UI string `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

/** A problem code's short title, from the same catalogue as the 校验结果 sheet's. */
export function problemTitle(lang: Lang, code: ProblemCode): string {
  return REPORT_LABELS[lang].codeTitle[code];
}

export function stageKey(stage: RunStage): MessageKey {
  return `stage.${stage}`;
}

export function hostErrorKey(code: HostErrorCode): MessageKey {
  return `error.${code}`;
}

export function sheetKindKey(kind: SheetKind): MessageKey {
  return `sheet.${kind}`;
}

export function verdictKey(verdict: Verdict): MessageKey {
  return `verdict.${verdict}`;
}

export function selfCheckKey(kind: SelfCheckKind): MessageKey {
  return `self.${kind}`;
}

export { langFromDisplayLanguage } from "../adapters/office/host-messages";

// ---------------------------------------------------------------------------------------------
// Numbers as the pane shows them (the same digits in both languages: 1,889 · 78.54%)
// ---------------------------------------------------------------------------------------------

const integerFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const moneyFormat = new Intl.NumberFormat("en-US", {
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
});

export function formatCount(n: number): string {
  return integerFormat.format(n);
}

export function formatMoney(n: number): string {
  return moneyFormat.format(n);
}

/** A fraction as a percentage with two decimals: 0.7854 → "78.54%". */
export function formatRate(rate: number | null, lang: Lang): string {
  if (rate === null) return translate(lang, "notAvailable");
  return `${(rate * 100).toFixed(2)}%`;
}

/** A growth rate with its sign: 0.7854 → "+78.54%", −0.1 → "−10.00%". */
export function formatGrowth(rate: number | null, lang: Lang): string {
  if (rate === null) return translate(lang, "notAvailable");
  const text = `${(Math.abs(rate) * 100).toFixed(2)}%`;
  if (rate > 0) return `+${text}`;
  if (rate < 0) return `−${text}`;
  return text;
}

/** A target fraction without needless decimals: 0.1 → "10%", 0.125 → "12.5%". */
export function formatTarget(rate: number): string {
  return `${Number((rate * 100).toFixed(4))}%`;
}
