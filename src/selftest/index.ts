/* global document, navigator, Office */
/**
 * The self-test page (selftest.html, the ribbon's 自检 / Self-test button; demo.html?selftest in
 * the browser demo): a button that runs the checks of checks.ts, a pass/fail table, and the
 * report as text to copy into a bug report. Plain DOM, no React: it must stay small and simple.
 */
import { reportText, runSelfTest, type SelfTestReport } from "./checks";

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { text?: string; testId?: string } = {}
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.text !== undefined) el.textContent = props.text;
  if (props.testId) el.setAttribute("data-testid", props.testId);
  return el;
}

function renderReport(out: HTMLElement, report: SelfTestReport): void {
  const env = report.environment;
  out.replaceChildren();
  const facts = element("p", {
    text: `${env.host} · ${env.platform} · ${env.version} · ${env.sets.join(", ") || "—"}`,
    testId: "selftest-environment",
  });
  const table = element("table");
  table.style.borderCollapse = "collapse";
  table.style.width = "100%";
  table.style.tableLayout = "fixed";
  for (const check of report.checks) {
    const row = element("tr", { testId: `selftest-row-${check.id}` });
    row.setAttribute("data-pass", String(check.pass));
    const verdict = element("td", { text: check.pass ? "✔ 通过 PASS" : "✘ 失败 FAIL" });
    verdict.style.color = check.pass ? "#107c10" : "#a4262c";
    verdict.style.whiteSpace = "nowrap";
    const cells = [
      verdict,
      element("td", { text: check.title }),
      element("td", { text: check.detail }),
    ];
    for (const cell of cells) {
      cell.style.padding = "4px 6px";
      cell.style.borderBottom = "1px solid #e1dfdd";
      cell.style.verticalAlign = "top";
      cell.style.overflowWrap = "anywhere";
      row.appendChild(cell);
    }
    table.appendChild(row);
  }
  const text = reportText(report, new Date());
  const area = element("textarea", { testId: "selftest-report" });
  area.value = text;
  area.readOnly = true;
  area.rows = 10;
  area.style.width = "100%";
  area.style.boxSizing = "border-box";
  area.style.marginTop = "8px";
  const copy = element("button", { text: "复制报告 · Copy report", testId: "selftest-copy" });
  copy.addEventListener("click", () => {
    area.select();
    void navigator.clipboard?.writeText(text).catch(() => undefined);
  });
  out.append(facts, table, area, copy);
}

export function mountSelfTest(container: HTMLElement): void {
  const title = element("h1", { text: "商会统计自检 · Chamber Stats self-test" });
  title.style.fontSize = "16px";
  const intro = element("p", {
    text: "在一个临时工作表中检查加载项对 Excel 的各项假设，完成后删除该表。 · Checks the add-in's assumptions about this Excel in a scratch sheet, deleted afterwards.",
  });
  const run = element("button", { text: "运行自检 · Run the self-test", testId: "selftest-run" });
  const status = element("p", { testId: "selftest-status" });
  const out = element("div");
  run.addEventListener("click", () => {
    run.disabled = true;
    status.textContent = "正在检查… · Checking…";
    runSelfTest().then(
      (report) => {
        const failed = report.checks.filter((c) => !c.pass).length;
        status.textContent =
          failed === 0 ? "全部通过 · All checks passed" : `${failed} 项失败 · ${failed} failed`;
        renderReport(out, report);
        run.disabled = false;
      },
      (error: unknown) => {
        status.textContent = `自检未能运行 · The self-test could not run: ${error instanceof Error ? error.message : String(error)}`;
        run.disabled = false;
      }
    );
  });
  container.replaceChildren(title, intro, run, status, out);
}

void Office.onReady(() => {
  const container = document.getElementById("container");
  if (container) mountSelfTest(container);
});
