/**
 * The task pane's entry point. In Excel, office.js defines `Office`; in the browser demo the
 * in-memory fake of Excel does. Either way the pane talks to the workbook through the adapter.
 */
import { createRoot } from "react-dom/client";
import { createOfficeHost } from "../adapters/office";
import { withRunLock } from "../adapters/office/lock";
import { localIsoDate } from "../core/dates";
import type { Lang } from "../core/types";
import { App } from "./App";
import { langFromDisplayLanguage } from "./i18n";

function setDocumentLang(lang: Lang): void {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
}

function start(): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  const lang = langFromDisplayLanguage(Office.context.displayLanguage);
  setDocumentLang(lang);
  createRoot(container).render(
    <App
      // the workbook's run lock, shared with the ribbon's Recalculate (adapters/office/lock.ts)
      host={withRunLock(createOfficeHost(), "pane")}
      initialLang={lang}
      today={() => localIsoDate(new Date())}
      onLangChange={setDocumentLang}
    />
  );
}

void Office.onReady(() => start());
