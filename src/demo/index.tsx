/**
 * The browser demo: an in-memory workbook (the fake of Excel, loaded from a JSON snapshot of
 * examples/sample-district.xlsx) shown as sheet tabs and a grid, beside the real task pane bundle,
 * which talks to it through the real Office.js adapter.
 *
 * Query parameters: lang (Office's display language, e.g. zh-CN or en-US; default zh-CN),
 * data (the snapshot's URL; default demo-data.json), latency (milliseconds per sync; default 0),
 * selftest (run the self-test page instead of the task pane), theme (black for Office's dark
 * theme, none for a host without one; default Office's Colorful).
 */
import { createRoot } from "react-dom/client";
import {
  exportSnapshot,
  FAKE_OFFICE_THEMES,
  installFakeExcel,
  userEdit,
  workbookFromSnapshot,
  type WorkbookSnapshot,
} from "../fake-excel";
import { DemoApp } from "./DemoApp";
import { fakeGridSource } from "./fakeGridSource";

/** What the demo exposes as `window.chamberStatsDemo`. */
export interface DemoProbe {
  snapshot(): WorkbookSnapshot;
  syncs(): number;
  /** Types `value` into a cell as a user would, which raises Excel's onChanged event. */
  edit(sheet: string, address: string, value: string | number): void;
  /**
   * Closes the task pane and opens it again, as a user would: the pane's page is loaded afresh
   * (its bundle runs again on a new container) while the workbook stays as it is.
   */
  reopenPane(): Promise<void>;
}

function isSnapshot(value: unknown): value is WorkbookSnapshot {
  return typeof value === "object" && value !== null && Array.isArray(Reflect.get(value, "sheets"));
}

async function loadSnapshot(url: string): Promise<WorkbookSnapshot> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`${url}: HTTP ${response.status}. Run "npm run demo" to build it.`);
  const data: unknown = await response.json();
  if (!isSnapshot(data)) throw new Error(`${url} is not a workbook snapshot`);
  return data;
}

/**
 * Loads the task pane's own bundle, exactly as Excel would, once the fake Office is in place; with
 * ?selftest, the self-test page's bundle instead.
 */
function loadTaskpane(): Promise<void> {
  const bundle = new URLSearchParams(window.location.search).has("selftest")
    ? "selftest.js"
    : "taskpane.js";
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = bundle;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${bundle} could not be loaded`));
    document.body.appendChild(script);
  });
}

async function main(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const snapshot = await loadSnapshot(params.get("data") ?? "demo-data.json");
  const book = workbookFromSnapshot(snapshot);
  const handle = installFakeExcel(book, { latencyMs: Number(params.get("latency") ?? 0) });
  handle.displayLanguage = params.get("lang") ?? "zh-CN";
  // theme=black: Office's Black theme; theme=none: a host without Office.context.officeTheme
  const theme = params.get("theme");
  if (theme === "black") handle.officeTheme = FAKE_OFFICE_THEMES.black;
  if (theme === "none") handle.officeTheme = undefined;
  // For the end-to-end tests (and the curious, in the console): the workbook as JSON, and the
  // round trips the task pane has made.
  const probe: DemoProbe = {
    snapshot: () => exportSnapshot(book),
    syncs: () => handle.stats.syncs,
    edit: (sheet, address, value) => userEdit(book, sheet, address, value),
    reopenPane: async () => {
      const old = document.getElementById("container");
      const fresh = document.createElement("div");
      fresh.id = "container";
      old?.replaceWith(fresh);
      await loadTaskpane();
    },
  };
  Reflect.set(window, "chamberStatsDemo", probe);
  const root = document.getElementById("workbook");
  if (!root) throw new Error("demo.html has no #workbook");
  createRoot(root).render(<DemoApp source={fakeGridSource(handle)} />);
  await loadTaskpane();
}

main().catch((error: unknown) => {
  const box = document.getElementById("workbook");
  if (box) {
    box.textContent = `The demo could not start: ${error instanceof Error ? error.message : String(error)}`;
    box.setAttribute("role", "alert");
  }
  throw error;
});
