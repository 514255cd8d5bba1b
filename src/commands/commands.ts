/* global Office, document, location, window, URLSearchParams */
/**
 * The ribbon's function command "Recalculate": recalculates without opening the task pane. A
 * function command has no UI of its own, so a failure is shown in a small Office dialog (this same
 * page, opened with ?message=…), in the user's language; success shows itself in the sheets.
 */
import { createOfficeHost } from "../adapters/office";
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
  const line = texts.detail.replace("{detail}", () => detail);
  return `${texts[advice]}${lang === "zh" ? "" : " "}${line}`;
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
    await createOfficeHost().recalculate({ today: localIsoDate(new Date()) }, () => undefined);
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
