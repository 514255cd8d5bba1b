/** The command line's own sentences (problem messages come from the core's catalogues). */
import type { Lang } from "../core/types";
import type { FileProblemCode } from "../adapters/xlsx/errors";
import type { UsageProblem } from "./args";

export interface CliText {
  usage: string;
  usageHint: string;
  usageProblem: (problem: UsageProblem) => string;
  fileProblem: (code: FileProblemCode, path: string, detail: string) => string;
  stage: Record<"reading" | "checking" | "writing", string>;
  summaryTitle: (asOf: string, year: number, baseYear: number) => string;
  members: (total: number, baseYear: number, baseYearEnd: number, growth: string) => string;
  membersUnavailable: string;
  chambers: (total: number) => string;
  chambersUnavailable: string;
  coverage: (coverage: string, target: string, meets: boolean | null) => string;
  coverageUnavailable: (reason: string) => string;
  dues: (year: number, paid: string, due: string, rate: string) => string;
  duesUnavailable: string;
  rowsTitle: string;
  rows: (sheet: string, read: number, counted: number, excluded: number) => string;
  sheetLabel: Record<"members" | "chambers" | "dues" | "townships", string>;
  problemsTitle: (errors: number, warnings: number) => string;
  noProblems: string;
  written: (path: string) => string;
  notApplicable: string;
  /** Before each sentence the narrative left out, with its reason. */
  omittedSentence: (reason: string) => string;
  /** The .docx's title, with the as-of date as the language writes it. */
  docxTitle: (asOf: string) => string;
  /** The heading above the .docx's table of headline figures. */
  docxHeadline: string;
  internalError: (message: string, debug: boolean) => string;
}

const USAGE_EN = `Usage: chamber-recalc INPUT.xlsx [--out OUTPUT.xlsx] [--json | --report-text | --check-report DRAFT] [--docx OUT.docx] [--as-of YYYY-MM-DD] [--lang zh|en] [--in-place]

Checks every row of a chamber workbook, computes the report figures and writes the summary sheets
into a copy of the workbook (INPUT.recalculated.xlsx unless --out or --in-place is given).

  --out FILE       where to write the recalculated workbook
  --in-place       write the summary sheets into INPUT itself
  --json           print the figures as JSON instead of the readable summary
  --report-text    print the work report's paragraphs, written from the figures
  --docx FILE      also write those paragraphs and the headline figures as a Word document
  --check-report DRAFT
                   check every figure of a draft report (.txt, .md, .docx) against the records
                   and against itself; exit 1 when any contradicts (with --json: reportCheck)
  --as-of DATE     the as-of date (overrides the 设置 sheet)
  --lang zh|en     language of the messages and output sheets
  --debug          on an internal error, print its stack trace
  --help           this text

Exit status: 0 no errors, 1 the workbook has errors (the output is still written), 2 a usage or
file problem, 3 an internal error (a bug in chamber-recalc; nothing was written).`;

const USAGE_ZH = `用法：chamber-recalc 输入.xlsx [--out 输出.xlsx] [--json | --report-text | --check-report DRAFT] [--docx OUT.docx] [--as-of YYYY-MM-DD] [--lang zh|en] [--in-place]

逐行校验商会工作簿，计算工作报告数据，并把汇总表写入工作簿副本（默认为“输入.recalculated.xlsx”，可用 --out 或 --in-place 指定）。

  --out 文件       重算后工作簿的保存位置
  --in-place       直接写入输入文件
  --json           以 JSON 输出各项数据，不输出文字摘要
  --report-text    输出据各项数据写成的工作报告段落
  --docx 文件      另把这些段落和主要数据写成 Word 文档
  --check-report 草稿
                   逐个核对报告草稿（.txt、.md、.docx）中的数字：与记录是否一致、前后是否矛盾；
                   有不符时退出码为 1（与 --json 同用时输出 reportCheck）
  --as-of 日期     统计截止日期（优先于“设置”表）
  --lang zh|en     提示信息和输出表的语言
  --debug          出现内部错误时显示调用栈
  --help           显示本说明

退出码：0 无错误；1 工作簿有错误（仍会写出结果）；2 用法或文件问题；3 内部错误（程序缺陷，未写出任何文件）。`;

export const TEXT: Record<Lang, CliText> = {
  en: {
    usage: USAGE_EN,
    usageHint: "Run chamber-recalc --help for usage.",
    usageProblem: (p) => {
      switch (p.code) {
        case "no-input":
          return "No input workbook given.";
        case "extra-argument":
          return `Unexpected argument "${p.value}": give one input workbook.`;
        case "unknown-option":
          return `Unknown option "${p.value}".`;
        case "missing-value":
          return `Option ${p.value} needs a value.`;
        case "bad-date":
          return `--as-of "${p.value}" is not a date in the form YYYY-MM-DD.`;
        case "bad-lang":
          return `--lang "${p.value}" is not supported: use zh or en.`;
        case "out-is-input":
          return "The output would overwrite the input workbook: choose another --out, or use --in-place.";
        case "out-and-in-place":
          return "Give either --out or --in-place, not both.";
        case "json-and-report-text":
          return "Give either --json or --report-text, not both.";
        case "docx-is-workbook":
          return "--docx would overwrite a workbook: give the Word document its own name (OUT.docx).";
        case "report-text-and-check":
          return "Give either --report-text or --check-report, not both.";
      }
    },
    fileProblem: (code, path, detail) => {
      switch (code) {
        case "missing":
          return `File not found: ${path}`;
        case "directory":
          return `${path} is a folder, not an .xlsx workbook.`;
        case "unreadable":
          return `Cannot read ${path}: ${detail}`;
        case "xls":
          return `${path} is in the old Excel 97-2003 (.xls) format; open it in Excel and save it as .xlsx.`;
        case "encrypted":
          return `${path} is password-protected; remove the password in Excel (File › Info › Protect Workbook) and try again.`;
        case "csv":
          return `${path} is a text or CSV file, not an .xlsx workbook; open it in Excel and save it as .xlsx.`;
        case "ods":
          return `${path} is an OpenDocument spreadsheet; save it as .xlsx first.`;
        case "not-xlsx":
          return `${path} is not an .xlsx workbook.`;
        case "corrupt":
          return `${path} is damaged or incomplete and cannot be opened as an .xlsx workbook.`;
        case "unwritable":
          return `Cannot write ${path}: ${detail}`;
        case "changed":
          return `${path} was changed while it was being recalculated; nothing was written. Save it, close it and run again.`;
      }
    },
    stage: { reading: "Reading", checking: "Checking", writing: "Writing" },
    summaryTitle: (asOf, year, baseYear) =>
      `Figures as of ${asOf} (reporting year ${year}, base year ${baseYear})`,
    members: (total, baseYear, baseYearEnd, growth) =>
      `Members: ${total} (end of ${baseYear}: ${baseYearEnd}, growth ${growth})`,
    membersUnavailable: "Members: not available (see the problems below)",
    chambers: (total) => `Chambers: ${total}`,
    chambersUnavailable: "Chambers: not available",
    coverage: (coverage, target, meets) =>
      `Member coverage: ${coverage} of non-public enterprises (target ${target}${meets === null ? "" : meets ? ", met" : ", not met"})`,
    coverageUnavailable: (reason) => `Member coverage: not available (${reason})`,
    dues: (year, paid, due, rate) => `Dues ${year}: ${paid} of ${due} yuan collected (${rate})`,
    duesUnavailable: "Dues: not available",
    rowsTitle: "Rows (read = counted + excluded):",
    rows: (sheet, read, counted, excluded) =>
      `  ${sheet}: ${read} read, ${counted} counted, ${excluded} excluded`,
    sheetLabel: { members: "Members", chambers: "Chambers", dues: "Dues", townships: "Townships" },
    problemsTitle: (errors, warnings) => `Problems: ${errors} errors, ${warnings} warnings`,
    noProblems: "Problems: none",
    written: (path) => `Output written to ${path}`,
    notApplicable: "n/a",
    omittedSentence: (reason) => `(Not written: ${reason})`,
    docxTitle: (asOf) => `Work report figures as of ${asOf}`,
    docxHeadline: "Headline figures",
    internalError: (message, debug) =>
      `chamber-recalc: internal error (a bug, not a problem with your workbook; nothing was written): ${message}` +
      (debug ? "" : " (run again with --debug for details)"),
  },
  zh: {
    usage: USAGE_ZH,
    usageHint: "运行 chamber-recalc --help 查看用法。",
    usageProblem: (p) => {
      switch (p.code) {
        case "no-input":
          return "没有指定输入工作簿。";
        case "extra-argument":
          return `多余的参数“${p.value}”：只能指定一个输入工作簿。`;
        case "unknown-option":
          return `未知选项“${p.value}”。`;
        case "missing-value":
          return `选项 ${p.value} 需要一个值。`;
        case "bad-date":
          return `--as-of“${p.value}”不是 YYYY-MM-DD 格式的日期。`;
        case "bad-lang":
          return `不支持 --lang“${p.value}”：请用 zh 或 en。`;
        case "out-is-input":
          return "输出会覆盖输入工作簿：请另选 --out，或使用 --in-place。";
        case "out-and-in-place":
          return "--out 和 --in-place 只能二选一。";
        case "json-and-report-text":
          return "--json 和 --report-text 只能二选一。";
        case "docx-is-workbook":
          return "--docx 会覆盖工作簿：请为 Word 文档另取文件名（如 报告.docx）。";
        case "report-text-and-check":
          return "--report-text 和 --check-report 只能二选一。";
      }
    },
    fileProblem: (code, path, detail) => {
      switch (code) {
        case "missing":
          return `找不到文件：${path}`;
        case "directory":
          return `${path} 是文件夹，不是 .xlsx 工作簿。`;
        case "unreadable":
          return `无法读取 ${path}：${detail}`;
        case "xls":
          return `${path} 是旧版 Excel 97-2003（.xls）格式；请在 Excel 中打开并另存为 .xlsx。`;
        case "encrypted":
          return `${path} 设有密码保护；请在 Excel 中取消密码（文件 › 信息 › 保护工作簿）后重试。`;
        case "csv":
          return `${path} 是文本或 CSV 文件，不是 .xlsx 工作簿；请在 Excel 中打开并另存为 .xlsx。`;
        case "ods":
          return `${path} 是 OpenDocument 电子表格；请先另存为 .xlsx。`;
        case "not-xlsx":
          return `${path} 不是 .xlsx 工作簿。`;
        case "corrupt":
          return `${path} 已损坏或不完整，无法作为 .xlsx 工作簿打开。`;
        case "unwritable":
          return `无法写入 ${path}：${detail}`;
        case "changed":
          return `${path} 在重新计算期间被修改，未写入任何结果。请保存并关闭该文件后重试。`;
      }
    },
    stage: { reading: "读取", checking: "校验", writing: "写入" },
    summaryTitle: (asOf, year, baseYear) =>
      `统计截止 ${asOf}（报告年度 ${year}，基准年度 ${baseYear}）`,
    members: (total, baseYear, baseYearEnd, growth) =>
      `会员：${total} 个（${baseYear} 年底 ${baseYearEnd} 个，增长 ${growth}）`,
    membersUnavailable: "会员：无法统计（见下方问题）",
    chambers: (total) => `商会：${total} 个`,
    chambersUnavailable: "商会：无法统计",
    coverage: (coverage, target, meets) =>
      `会员覆盖率：${coverage}（目标 ${target}${meets === null ? "" : meets ? "，已达标" : "，未达标"}）`,
    coverageUnavailable: (reason) => `会员覆盖率：无法统计（${reason}）`,
    dues: (year, paid, due, rate) =>
      `${year} 年会费：应缴 ${due} 元，实缴 ${paid} 元（收缴率 ${rate}）`,
    duesUnavailable: "会费：无法统计",
    rowsTitle: "行数（读取 = 计入 + 排除）：",
    rows: (sheet, read, counted, excluded) =>
      `  ${sheet}：读取 ${read} 行，计入 ${counted} 行，排除 ${excluded} 行`,
    sheetLabel: { members: "会员", chambers: "商会", dues: "会费", townships: "乡镇" },
    problemsTitle: (errors, warnings) => `问题：错误 ${errors} 个，警告 ${warnings} 个`,
    noProblems: "问题：无",
    written: (path) => `结果已写入 ${path}`,
    notApplicable: "无",
    omittedSentence: (reason) => `（未写入：${reason}）`,
    docxTitle: (asOf) => `工作报告数据（截至${asOf}）`,
    docxHeadline: "主要数据",
    internalError: (message, debug) =>
      `chamber-recalc：内部错误（程序缺陷，不是工作簿的问题；未写出任何文件）：${message}` +
      (debug ? "" : "（加 --debug 重新运行可查看详情）"),
  },
};
