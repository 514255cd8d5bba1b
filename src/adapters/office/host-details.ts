/**
 * The detail line under an Excel refusal, in the pane's language. A HostError's detail is either
 * one of the adapter's own English sentences ("the workbook's structure is protected"), or Excel's
 * error code with Excel's message ("AccessDenied: The sheet … is protected."), or, for anything
 * else, the error's own message. The adapter's sentences are translated here; Excel's code is kept
 * (it is what a help desk asks for) and Excel's message is kept only when it is already in the
 * pane's language, since Excel words it in Office's language, not necessarily the pane's.
 * No React, no Office.js.
 */
import type { Lang } from "../../core/types";

interface DetailPattern {
  readonly pattern: RegExp;
  readonly zh: (...groups: string[]) => string;
}

/** Every detail the adapter writes itself (index.ts, read.ts, write.ts), with its Chinese. */
const ADAPTER_DETAILS: readonly DetailPattern[] = [
  { pattern: /^the workbook is open read-only$/, zh: () => "工作簿以只读方式打开" },
  { pattern: /^the workbook's structure is protected$/, zh: () => "工作簿的结构受保护" },
  { pattern: /^the sheet "(.+)" is protected$/, zh: (sheet) => `工作表“${sheet}”受保护` },
  {
    pattern: /^one write is larger than Excel accepts$/,
    zh: () => "一次写入的数据量超过 Excel 的上限",
  },
  {
    pattern: /^one row of "(.+)" is larger than Excel can send$/,
    zh: (sheet) => `工作表“${sheet}”中有一行数据量超过 Excel 一次能传送的上限`,
  },
  { pattern: /^ExcelApi (\S+)$/, zh: (version) => `需要 ExcelApi ${version} 要求集` },
  // lock.ts: the workbook's run lock, held by another run ("pane-…" or "ribbon-…")
  {
    pattern: /^\S+ is held by (.+) until (\S+)$/,
    zh: (owner, until) => `另一次运行（${runOwner(owner)}）持有本工作簿的运行锁，至 ${until}`,
  },
  {
    pattern: /^(.+) is already recalculating$/,
    zh: (owner) => `${runOwner(owner)}正在重新计算`,
  },
];

/** Who holds the run lock, from its owner tag (lock.ts: "<entry>-<random>"). */
function runOwner(owner: string): string {
  if (owner.startsWith("ribbon")) return "功能区按钮";
  if (owner.startsWith("pane")) return "任务窗格";
  return "另一处";
}

/** "AccessDenied: message" as toHostError (errors.ts) writes an OfficeExtension.Error. */
const OFFICE_CODE = /^([A-Z][A-Za-z]+): ([\s\S]*)$/;

const HAN = /\p{Script=Han}/u;

export interface LocalDetail {
  /** The key of the line's frame: "detail" ("Details: …") or "detailRaw" (untranslated text). */
  readonly frame: "detail" | "detailRaw";
  readonly text: string;
}

/**
 * The detail as the pane shows it in `lang`. English panes get it unchanged. Chinese panes get the
 * adapter's sentences in Chinese, Excel's code with its message only when that is in Chinese, and
 * any other text framed as the original message, untranslated.
 */
export function localDetail(detail: string, lang: Lang): LocalDetail {
  if (lang === "en" || detail === "") return { frame: "detail", text: detail };
  for (const { pattern, zh } of ADAPTER_DETAILS) {
    const match = pattern.exec(detail);
    if (match) return { frame: "detail", text: zh(...match.slice(1)) };
  }
  const office = OFFICE_CODE.exec(detail);
  if (office) {
    const [, code = "", message = ""] = office;
    return {
      frame: "detail",
      text: HAN.test(message) ? `Excel 错误代码 ${code}：${message}` : `Excel 错误代码 ${code}`,
    };
  }
  return { frame: HAN.test(detail) ? "detail" : "detailRaw", text: detail };
}
