/**
 * What the add-in tells the user when a run fails, in Chinese and English: a sentence for each of
 * Excel's refusals (`HostErrorCode`), one for any other failure, and the line that carries the
 * error's own detail. The task pane (taskpane/i18n.ts) and the ribbon's Recalculate command
 * (commands/commands.ts) both take their words from here. No React, no Office.js.
 */
import type { Lang } from "../../core/types";
import { HostError, type HostErrorCode } from "./host";

/**
 * A refusal, a failure that is not one of Excel's refusals, the detail line ("{detail}"), or the
 * detail line of a text that could not be translated (host-details.ts).
 */
export type FailureKey = HostErrorCode | "unexpected" | "detail" | "detailRaw";

export const FAILURE_TEXTS: Readonly<Record<Lang, Readonly<Record<FailureKey, string>>>> = {
  en: {
    "cell-edit-mode":
      "Excel is editing a cell. Press Enter or Esc to finish editing, then click Recalculate again.",
    protected:
      "The workbook or one of its sheets is protected. Unprotect it (Review › Unprotect), then try again.",
    "read-only":
      "The workbook is open read-only. Save a copy you can edit, open it, then try again.",
    "requirement-set":
      "This version of Excel lacks features the add-in needs. Update Office or use Excel on the web.",
    payload:
      "The workbook is too large to read in one go. Close other workbooks and try again, or split the data.",
    "text-became-formula":
      "Excel turned some text of the output sheets into formulas. Your input sheets are unchanged; the next Recalculate replaces the output sheets. If it happens again, update Office and report it with the cells below.",
    busy: "Another recalculation of this workbook is running (from the ribbon, another task pane or a co-author). Wait for it to finish, then try again.",
    unknown: "Excel reported an error. Try again; if it persists, reload the add-in.",
    unexpected: "Something went wrong. Try again; if it persists, reload the add-in.",
    detail: "Details: {detail}",
    detailRaw: "Details: {detail}",
  },
  zh: {
    "cell-edit-mode": "Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑，再点击“重新计算”。",
    protected: "工作簿或其中的工作表受保护。请先撤销保护（审阅 › 撤销保护），再重试。",
    "read-only": "工作簿以只读方式打开。请另存一份可编辑的副本并打开它，再重试。",
    "requirement-set": "此版本的 Excel 缺少加载项需要的功能。请更新 Office，或使用网页版 Excel。",
    payload: "工作簿太大，无法一次读取。请关闭其他工作簿后重试，或拆分数据。",
    "text-became-formula":
      "Excel 把输出表中的部分文字变成了公式。输入表没有改动；再次点击“重新计算”会替换输出表。如仍出现，请更新 Office，并附上下面的单元格报告问题。",
    busy: "此工作簿的另一次重新计算正在进行（来自功能区按钮、另一个任务窗格或共同编辑者）。请等它完成后再重试。",
    unknown: "Excel 报告了错误。请重试；如仍出现，请重新加载加载项。",
    unexpected: "出现意外错误。请重试；如仍出现，请重新加载加载项。",
    detail: "详细信息：{detail}",
    detailRaw: "原始错误信息（未翻译）：{detail}",
  },
};

/** Which advice a failure gets, and its own detail (Excel's message, or the error's). */
export function describeFailure(error: unknown): {
  readonly advice: HostErrorCode | "unexpected";
  readonly detail: string;
} {
  if (error instanceof HostError) return { advice: error.code, detail: error.detail };
  if (error instanceof Error) return { advice: "unexpected", detail: error.message };
  return { advice: "unexpected", detail: String(error) };
}

/**
 * Office's display language ("zh-CN", "en-US", …) to the add-in's language: Chinese for zh-*,
 * else English. The task pane and the ribbon's command both follow it.
 */
export function langFromDisplayLanguage(displayLanguage: string | null | undefined): Lang {
  return /^zh\b/i.test((displayLanguage ?? "").trim()) ? "zh" : "en";
}
