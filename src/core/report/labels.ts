/**
 * Every word the output sheets show, in Chinese and English. Both languages implement one
 * interface, so a label missing in one of them does not compile.
 */
import type {
  ChamberType,
  Lang,
  MemberType,
  OutputSheetKey,
  ProblemCode,
  Severity,
} from "../types";
import { PROBLEM_TITLES } from "../messages";

export interface ReportLabels {
  readonly yes: string;
  readonly no: string;
  readonly total: string;
  readonly severity: Readonly<Record<Severity, string>>;
  /** How a chamber type is named in the chambers report. */
  readonly chamberType: Readonly<Record<ChamberType, string>>;
  /** How the count of a chamber type is labelled in the summary. */
  readonly chamberTypeCount: Readonly<Record<ChamberType, string>>;
  readonly memberType: Readonly<Record<MemberType, string>>;
  /** Each problem code's title, from its catalogue in messages/. */
  readonly codeTitle: Readonly<Record<ProblemCode, string>>;
  /** A sheet cannot be used: why, and which figures are lost. `columns` lists missing columns. */
  readonly unavailable: (
    sheet: string,
    what: string,
    reason: "missing-sheet" | "missing-column" | "unreadable",
    columns: readonly string[]
  ) => string;
  readonly summary: {
    readonly title: string;
    readonly asOf: string;
    readonly year: string;
    readonly baseYear: string;
    readonly value: string;
    readonly rate: string;
    readonly note: string;
    readonly members: string;
    readonly membersWhat: string;
    readonly membersTotal: string;
    readonly newInYear: string;
    readonly leftInYear: string;
    readonly previousYearEnd: string;
    readonly yearEnd: (year: number) => string;
    readonly growthRate: string;
    readonly baseYearEnd: (year: number) => string;
    readonly growthSinceBase: (year: number) => string;
    readonly retentionRate: string;
    readonly retentionNote: string;
    readonly aboveScale: string;
    readonly noPreviousMembers: string;
    readonly noBaseMembers: string;
    readonly chambers: string;
    readonly chambersWhat: string;
    readonly chambersTotal: string;
    readonly registered: string;
    readonly presidentEntrepreneur: string;
    readonly fixedOffice: string;
    readonly fullTimeStaff: string;
    readonly website: string;
    readonly journal: string;
    readonly fullCollection: string;
    /** With the threshold in yuan when the caller gives it. */
    readonly incomeAtLeastThreshold: (threshold: string | null) => string;
    readonly rateBase: string;
    readonly noActiveChambers: string;
    readonly needsDues: string;
    readonly coverage: string;
    readonly coverageWhat: string;
    readonly townships: string;
    readonly townshipsWithChamber: string;
    readonly townshipChamberCoverage: string;
    readonly nonPublicEnterprises: (year: number) => string;
    readonly enterpriseMembers: string;
    readonly memberCoverage: string;
    readonly target: string;
    readonly meetsTarget: string;
    readonly noEnterprises: string;
    readonly noTownships: string;
    readonly dues: string;
    readonly duesWhat: string;
    readonly duesYear: string;
    readonly due: string;
    readonly paid: string;
    readonly collectionRate: string;
    readonly nothingDue: string;
    readonly membersFullyPaid: string;
    readonly membersOwing: string;
    readonly sources: string;
    readonly sheet: string;
    /** "会员表" / "Members sheet", from the sheet kind's label. */
    readonly sheetOf: (kindLabel: string) => string;
    readonly headerRow: (row: number) => string;
    readonly notFound: string;
    readonly settingsNotFound: string;
    readonly rows: string;
    readonly read: string;
    readonly counted: string;
    readonly excluded: string;
    readonly problems: string;
    readonly count: string;
    readonly errors: string;
    readonly warnings: string;
    readonly errorsNote: string;
  };
  readonly growth: {
    readonly headers: readonly [string, string, string, string, string, string, string, string];
    readonly chartTitle: (from: number, to: number) => string;
    readonly noYears: string;
  };
  readonly coverage: {
    readonly headers: readonly [string, string, string, string, string, string];
    readonly chartTitle: (target: string) => string;
    readonly targetNote: (target: string, withChamber: string) => string;
    readonly noTownships: string;
  };
  readonly chambersReport: {
    readonly headers: readonly string[];
    readonly duesUnavailable: string;
    readonly chambersUnavailable: string;
    readonly noChambers: string;
  };
  readonly problems: {
    readonly headers: readonly [string, string, string, string, string, string, string];
    readonly none: string;
    readonly more: (count: number, limit: string) => string;
  };
}

const ZH: ReportLabels = {
  yes: "是",
  no: "否",
  total: "合计",
  severity: { error: "错误", warning: "警告" },
  chamberType: {
    township: "乡镇街道商会",
    industry: "行业商会",
    regional: "区域性商会",
    outOfTown: "异地商会",
    other: "其他商会",
  },
  chamberTypeCount: {
    township: "乡镇街道商会",
    industry: "行业商会、同业公会",
    regional: "区域性商会",
    outOfTown: "异地商会",
    other: "其他商会",
  },
  memberType: { enterprise: "企业会员", group: "团体会员", individual: "个人会员" },
  codeTitle: PROBLEM_TITLES.zh,
  unavailable: (sheet, what, reason, columns) => {
    if (reason === "missing-sheet") return `未找到“${sheet}”工作表，无法计算${what}。`;
    if (reason === "missing-column" && columns.length > 0) {
      return `“${sheet}”工作表缺少必需的列：${columns.join("、")}，无法计算${what}。`;
    }
    return `“${sheet}”工作表无法读取，无法计算${what}；详见校验结果。`;
  },
  summary: {
    title: "商会统计汇总",
    asOf: "统计截止日期",
    year: "统计年度",
    baseYear: "基准年度",
    value: "数值",
    rate: "比率",
    note: "说明",
    members: "会员",
    membersWhat: "会员指标",
    membersTotal: "会员总数",
    newInYear: "本年新入会",
    leftInYear: "本年退会",
    previousYearEnd: "上年末会员数",
    yearEnd: (y) => `${y}-12-31`,
    growthRate: "比上年末增长",
    baseYearEnd: (y) => `${y}年末会员数`,
    growthSinceBase: (y) => `比${y}年末增长`,
    retentionRate: "会员保留率",
    retentionNote: "上年末在册会员中，统计截止日仍在册的比例",
    aboveScale: "规上企业会员",
    noPreviousMembers: "上年末会员数为 0，无法计算",
    noBaseMembers: "基准年末会员数为 0，无法计算",
    chambers: "商会",
    chambersWhat: "商会指标",
    chambersTotal: "商会总数",
    registered: "民政登记",
    presidentEntrepreneur: "会长为非公经济人士",
    fixedOffice: "有固定办公场所",
    fullTimeStaff: "有专职人员",
    website: "有网站",
    journal: "有会刊",
    fullCollection: "会费全额收缴",
    incomeAtLeastThreshold: (t) => (t === null ? "会费收入达到标准" : `会费收入 ≥ ${t} 元`),
    rateBase: "比率的分母为统计截止日有效的商会数",
    noActiveChambers: "没有有效的商会，无法计算比率",
    needsDues: "会费工作表不可用，无法计算",
    coverage: "覆盖率",
    coverageWhat: "覆盖率",
    townships: "乡镇街道数",
    townshipsWithChamber: "建有乡镇街道商会的乡镇街道",
    townshipChamberCoverage: "乡镇街道商会覆盖率",
    nonPublicEnterprises: (y) => `${y}年非公企业数`,
    enterpriseMembers: "企业会员数",
    memberCoverage: "会员覆盖率",
    target: "会员覆盖率目标",
    meetsTarget: "是否达标",
    noEnterprises: "非公企业数为 0，无法计算",
    noTownships: "乡镇工作表没有乡镇街道，无法计算",
    dues: "会费",
    duesWhat: "会费指标",
    duesYear: "会费年度",
    due: "应缴金额（元）",
    paid: "实缴金额（元）",
    collectionRate: "收缴率",
    nothingDue: "应缴金额为 0，无法计算",
    membersFullyPaid: "足额缴纳的会员",
    membersOwing: "欠缴的会员",
    sources: "数据来源",
    sheet: "工作表",
    sheetOf: (kind) => `${kind}表`,
    headerRow: (row) => `表头在第 ${row} 行`,
    notFound: "未找到",
    settingsNotFound: "未找到，使用默认值",
    rows: "行数核对",
    read: "读取",
    counted: "计入",
    excluded: "排除",
    problems: "校验问题",
    count: "数量",
    errors: "错误",
    warnings: "警告",
    errorsNote: "有错误的行不计入任何指标",
  },
  growth: {
    headers: ["年度", "会员总数", "企业会员", "团体会员", "个人会员", "新入会", "退会", "增长率"],
    chartTitle: (from, to) => `会员增长（${from}—${to}年）`,
    noYears: "没有可列出的年度。",
  },
  coverage: {
    headers: ["乡镇街道", "非公企业数", "企业会员数", "覆盖率", "是否达标", "有乡镇商会"],
    chartTitle: (target) => `各乡镇街道会员覆盖率（目标 ${target}）`,
    targetNote: (target, withChamber) =>
      `会员覆盖率目标：${target}。合计行的“有乡镇商会”为乡镇街道商会覆盖率（${withChamber}）。`,
    noTownships: "乡镇工作表没有可列出的乡镇街道。",
  },
  chambersReport: {
    headers: [
      "商会编号",
      "商会名称",
      "商会类型",
      "所属乡镇街道",
      "民政登记",
      "会长为企业家",
      "固定办公场所",
      "专职人员数",
      "网站",
      "会刊",
      "会员数",
      "应缴金额",
      "实缴金额",
      "收缴率",
      "全额收缴",
      "会费收入达标",
    ],
    duesUnavailable: "会费工作表不可用，会员数和会费各列以“—”表示。",
    chambersUnavailable: "商会工作表不可用，只列出直属及其他会员。",
    noChambers: "没有可列出的商会。",
  },
  problems: {
    headers: ["级别", "代码", "工作表", "行", "列", "值", "说明"],
    none: "未发现问题。",
    more: (n, limit) =>
      `另有 ${n} 条问题未列出：Excel 每个工作表最多 ${limit} 行。问题总数以汇总为准。`,
  },
};

const EN: ReportLabels = {
  yes: "Yes",
  no: "No",
  total: "Total",
  severity: { error: "Error", warning: "Warning" },
  chamberType: {
    township: "Township",
    industry: "Industry",
    regional: "Regional",
    outOfTown: "Out-of-town",
    other: "Other",
  },
  chamberTypeCount: {
    township: "Township chambers",
    industry: "Industry chambers and trade associations",
    regional: "Regional chambers",
    outOfTown: "Out-of-town chambers",
    other: "Other chambers",
  },
  memberType: {
    enterprise: "Enterprise members",
    group: "Group members",
    individual: "Individual members",
  },
  codeTitle: PROBLEM_TITLES.en,
  unavailable: (sheet, what, reason, columns) => {
    if (reason === "missing-sheet") {
      return `No “${sheet}” sheet was found, so ${what} cannot be computed.`;
    }
    if (reason === "missing-column" && columns.length > 0) {
      return `The “${sheet}” sheet lacks the required column(s) ${columns.join(", ")}, so ${what} cannot be computed.`;
    }
    return `The “${sheet}” sheet cannot be read, so ${what} cannot be computed; see the problems.`;
  },
  summary: {
    title: "Chamber statistics summary",
    asOf: "As of",
    year: "Reporting year",
    baseYear: "Base year",
    value: "Value",
    rate: "Rate",
    note: "Note",
    members: "Members",
    membersWhat: "the member figures",
    membersTotal: "Members",
    newInYear: "Joined this year",
    leftInYear: "Left this year",
    previousYearEnd: "Members at the end of last year",
    yearEnd: (y) => `${y}-12-31`,
    growthRate: "Growth since the end of last year",
    baseYearEnd: (y) => `Members at the end of ${y}`,
    growthSinceBase: (y) => `Growth since the end of ${y}`,
    retentionRate: "Retention rate",
    retentionNote: "Share of last year-end's members still members at the as-of date",
    aboveScale: "Above-designated-size enterprise members",
    noPreviousMembers: "No members at the end of last year",
    noBaseMembers: "No members at the end of the base year",
    chambers: "Chambers",
    chambersWhat: "the chamber figures",
    chambersTotal: "Chambers",
    registered: "Registered with civil affairs",
    presidentEntrepreneur: "President is an entrepreneur",
    fixedOffice: "Fixed office",
    fullTimeStaff: "Full-time staff",
    website: "Website",
    journal: "Journal",
    fullCollection: "Dues collected in full",
    incomeAtLeastThreshold: (t) =>
      t === null ? "Dues income at or above the threshold" : `Dues income ≥ ${t} yuan`,
    rateBase: "Rates are shares of the chambers active at the as-of date",
    noActiveChambers: "No active chambers",
    needsDues: "The dues sheet is unavailable",
    coverage: "Coverage",
    coverageWhat: "coverage",
    townships: "Townships",
    townshipsWithChamber: "Townships with a township chamber",
    townshipChamberCoverage: "Township chamber coverage",
    nonPublicEnterprises: (y) => `Non-public enterprises (${y})`,
    enterpriseMembers: "Enterprise members",
    memberCoverage: "Member coverage",
    target: "Member coverage target",
    meetsTarget: "Meets target",
    noEnterprises: "No non-public enterprises",
    noTownships: "The townships sheet lists no township",
    dues: "Dues",
    duesWhat: "the dues figures",
    duesYear: "Dues year",
    due: "Amount due (yuan)",
    paid: "Amount paid (yuan)",
    collectionRate: "Collection rate",
    nothingDue: "Nothing was due",
    membersFullyPaid: "Members fully paid",
    membersOwing: "Members owing",
    sources: "Sources",
    sheet: "Sheet",
    sheetOf: (kind) => `${kind} sheet`,
    headerRow: (row) => `Header in row ${row}`,
    notFound: "Not found",
    settingsNotFound: "Not found; defaults used",
    rows: "Row accounting",
    read: "Read",
    counted: "Counted",
    excluded: "Excluded",
    problems: "Problems",
    count: "Count",
    errors: "Errors",
    warnings: "Warnings",
    errorsNote: "Rows with an error are left out of every figure",
  },
  growth: {
    headers: [
      "Year",
      "Members",
      "Enterprise",
      "Group",
      "Individual",
      "Joined",
      "Left",
      "Growth rate",
    ],
    chartTitle: (from, to) => `Members, ${from}–${to}`,
    noYears: "There are no years to list.",
  },
  coverage: {
    headers: [
      "Township",
      "Non-public enterprises",
      "Enterprise members",
      "Coverage",
      "Meets target",
      "Has township chamber",
    ],
    chartTitle: (target) => `Member coverage by township (target ${target})`,
    targetNote: (target, withChamber) =>
      `Member coverage target: ${target}. In the total row, “Has township chamber” is the township chamber coverage (${withChamber}).`,
    noTownships: "The townships sheet lists no township.",
  },
  chambersReport: {
    headers: [
      "Chamber ID",
      "Chamber name",
      "Type",
      "Township",
      "Registered",
      "President is entrepreneur",
      "Fixed office",
      "Full-time staff",
      "Website",
      "Journal",
      "Members",
      "Amount due",
      "Amount paid",
      "Collection rate",
      "Full collection",
      "Income ≥ threshold",
    ],
    duesUnavailable: "The dues sheet is unavailable: members and dues are shown as “—”.",
    chambersUnavailable:
      "The chambers sheet is unavailable: only direct and other members are listed.",
    noChambers: "There are no chambers to list.",
  },
  problems: {
    headers: ["Severity", "Code", "Sheet", "Row", "Column", "Value", "Message"],
    none: "No problems found.",
    more: (n, limit) =>
      `${n} more problems are not listed: Excel allows ${limit} rows a sheet. The summary counts them all.`,
  },
};

export const REPORT_LABELS: Readonly<Record<Lang, ReportLabels>> = { zh: ZH, en: EN };

export const OUTPUT_SHEET_NAMES: Readonly<Record<Lang, Readonly<Record<OutputSheetKey, string>>>> =
  {
    zh: {
      summary: "汇总",
      growth: "会员增长",
      coverage: "覆盖率",
      chambers: "商会明细",
      problems: "校验结果",
    },
    en: {
      summary: "Summary",
      growth: "Growth",
      coverage: "Coverage",
      chambers: "Chambers report",
      problems: "Problems",
    },
  };
