/* global Excel, Office, document, location, window, URLSearchParams */
/**
 * The ribbon's function command "Recalculate": recalculates without opening the task pane. A
 * function command has no UI of its own, so a failure is shown in a small Office dialog (this same
 * page, opened with ?message=…), in the user's language; success shows itself in the sheets.
 * Without a shared runtime a function command can only show a dialog (Excel has no notification
 * area for add-ins) and cannot open the task pane (Office.addin.showAsTaskpane needs
 * SharedRuntime 1.1), so a refusal tells the user where the pane's button is.
 *
 * Office closes this runtime after 5 minutes (learn.microsoft.com/office/dev/add-ins/design/add-in-commands),
 * so a workbook too large to finish well within that on Excel on the web is refused before
 * anything is read, and every run holds the workbook's lock (adapters/office/lock.ts) against a
 * task pane or another ribbon click running at the same time.
 */
import { createOfficeHost } from "../adapters/office";
import { withRunLock } from "../adapters/office/lock";
import { toHostError } from "../adapters/office/errors";
import { localDetail } from "../adapters/office/host-details";
import {
  describeFailure,
  FAILURE_TEXTS,
  langFromDisplayLanguage,
} from "../adapters/office/host-messages";
import { localIsoDate } from "../core/dates";
import type { Lang } from "../core/types";

function userLang(): Lang {
  return langFromDisplayLanguage(
    typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined
  );
}

/**
 * The sentence to show for an error of a recalculation, in the task pane's words: the advice, and
 * for a failure that is not one of Excel's known refusals, its detail.
 */
export function failureMessage(error: unknown, lang: Lang): string {
  const texts = FAILURE_TEXTS[lang];
  const { advice, detail } = describeFailure(error);
  if ((advice !== "unknown" && advice !== "unexpected") || detail === "") return texts[advice];
  // the detail in the user's language where it can be, as the task pane shows it (host-details.ts)
  const shown = localDetail(detail, lang);
  const line = texts[shown.frame].replace("{detail}", () => shown.text);
  return `${texts[advice]}${lang === "zh" ? "" : " "}${line}`;
}

/**
 * The most cells (summed over every sheet's used range) the ribbon recalculates. The adapter reads
 * and writes in syncs of up to 4 MB, about 55,000 cells at its 72-byte estimate per cell
 * (read.ts DEFAULT_READ_BUDGET). Assuming such a sync takes up to 3 s on Excel on the web (the
 * payload both ways and Excel's work; not measured on real Excel: our tests run on the fake) and
 * writing costs as much again as reading, a run moves about 10,000 input cells per second. One
 * million cells is then about 100 s, a third of the 5 minutes: "well within" leaves room for a
 * slow network. The task pane has no such limit and takes any size.
 */
export const RIBBON_MAX_CELLS = 1_000_000;

const TOO_LARGE: Readonly<Record<Lang, string>> = {
  en: "This workbook has about {cells} cells, more than the ribbon's Recalculate can be sure to finish within the 5 minutes Office gives it. Open the task pane (Home › Chamber Stats) and click Recalculate there.",
  zh: "此工作簿约有 {cells} 个单元格，功能区的“重新计算”可能无法在 Office 允许的 5 分钟内完成。请点击“开始”选项卡中的“商会统计”打开任务窗格，在窗格中点击“重新计算”。",
};

/** The sentence the ribbon shows for a workbook of `cells` cells that it will not recalculate. */
export function tooLargeMessage(cells: number, lang: Lang): string {
  return TOO_LARGE[lang].replace("{cells}", () => cells.toLocaleString("en-US"));
}

/** Cells in the used ranges (values only) of every sheet: the size of a run, in one sync. */
export async function workbookCells(): Promise<number> {
  try {
    return await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const used = sheets.items.map((ws) => {
        const range = ws.getUsedRangeOrNullObject(true);
        range.load("rowCount,columnCount");
        return range;
      });
      await context.sync();
      return used.reduce((sum, r) => (r.isNullObject ? sum : sum + r.rowCount * r.columnCount), 0);
    });
  } catch (error) {
    throw toHostError(error);
  }
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
  pageUrl: string = typeof location !== "undefined" ? location.href : "",
  limits: { readonly maxCells?: number; readonly now?: () => number } = {}
): Promise<void> {
  try {
    const cells = await workbookCells();
    if (cells > (limits.maxCells ?? RIBBON_MAX_CELLS)) {
      await showInDialog(tooLargeMessage(cells, userLang()), pageUrl);
      return;
    }
    const host = withRunLock(createOfficeHost(), "ribbon", limits.now ? { now: limits.now } : {});
    await host.recalculate({ today: localIsoDate(new Date()) }, () => undefined);
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
