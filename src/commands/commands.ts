/* global Office, document, location, window, URLSearchParams */
/**
 * The ribbon's function command "Recalculate": recalculates without opening the task pane. A
 * function command has no UI of its own, so a failure is shown in a small Office dialog (this same
 * page, opened with ?message=…), in the user's language; success shows itself in the sheets.
 */
import { createOfficeHost } from "../adapters/office";
import { HostError, type HostErrorCode } from "../adapters/office/host";

type Lang = "zh" | "en";

const MESSAGES: Readonly<Record<HostErrorCode, Readonly<Record<Lang, string>>>> = {
  "cell-edit-mode": {
    zh: "Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑，然后再点“重新计算”。",
    en: "Excel is editing a cell. Press Enter or Esc to finish, then click Recalculate again.",
  },
  protected: {
    zh: "工作簿或汇总表受保护，无法写入。请撤销保护后再重新计算。",
    en: "The workbook or an output sheet is protected. Unprotect it, then recalculate.",
  },
  "read-only": {
    zh: "工作簿以只读方式打开，无法写入汇总表。请以编辑模式打开后再重新计算。",
    en: "The workbook is open read-only. Open it for editing, then recalculate.",
  },
  "requirement-set": {
    zh: "此版本的 Excel 太旧，不支持本加载项（需要 ExcelApi 1.7）。请更新 Excel 或使用网页版 Excel。",
    en: "This version of Excel is too old for the add-in (ExcelApi 1.7 is needed). Update Excel or use Excel on the web.",
  },
  payload: {
    zh: "数据量超出了 Excel 单次传输的上限。请稍后重试；如仍失败，请联系管理员。",
    en: "The data is larger than Excel can transfer at once. Try again; if it still fails, contact support.",
  },
  unknown: {
    zh: "重新计算失败：",
    en: "Recalculation failed: ",
  },
};

function userLang(): Lang {
  const language = typeof Office !== "undefined" ? (Office.context?.displayLanguage ?? "") : "";
  return language.toLowerCase().startsWith("zh") || language === "" ? "zh" : "en";
}

/** The sentence to show for an error of a recalculation. */
export function failureMessage(error: unknown, lang: Lang): string {
  if (error instanceof HostError) {
    const text = MESSAGES[error.code][lang];
    return error.code === "unknown" ? `${text}${error.detail}` : text;
  }
  return `${MESSAGES.unknown[lang]}${error instanceof Error ? error.message : String(error)}`;
}

/** Today in the local time zone, as YYYY-MM-DD (the day of the recalculation). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function showInDialog(message: string, pageUrl: string): Promise<void> {
  const url = `${pageUrl.split("?")[0]}?message=${encodeURIComponent(message)}`;
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(
      url,
      { height: 25, width: 30, displayInIframe: true },
      () => resolve()
    );
  });
}

/** The action behind the ribbon's Recalculate button. */
export async function recalculateFromRibbon(
  event: { completed(): void },
  pageUrl: string = typeof location !== "undefined" ? location.href : ""
): Promise<void> {
  try {
    await createOfficeHost().recalculate({ today: localToday() }, () => undefined);
  } catch (error) {
    await showInDialog(failureMessage(error, userLang()), pageUrl);
  } finally {
    event.completed();
  }
}

/** When this page is the error dialog, shows the message it was opened with. */
function renderMessagePage(): boolean {
  if (typeof location === "undefined" || typeof document === "undefined") return false;
  const message = new URLSearchParams(location.search).get("message");
  if (message === null) return false;
  const p = document.createElement("p");
  p.textContent = message;
  p.style.font = "14px 'Microsoft YaHei', 'Segoe UI', sans-serif";
  p.style.margin = "16px";
  document.body.appendChild(p);
  return true;
}

export function registerCommands(): void {
  // Office awaits nothing: the run reports its end through event.completed() (in a finally, so
  // also after an error); the promise is returned for callers that want to await the run.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  Office.actions.associate("recalculate", (event: Office.AddinCommands.Event) =>
    recalculateFromRibbon(event)
  );
}

if (typeof window !== "undefined" && typeof Office !== "undefined") {
  void Office.onReady(() => {
    if (!renderMessagePage()) registerCommands();
  });
}
