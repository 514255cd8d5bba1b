/* global window, document, navigator, performance, MutationObserver, getComputedStyle -- page.evaluate callbacks run in the browser */
/**
 * End-to-end: the real task pane bundle, in Debian's Chromium (never a downloaded browser), against
 * the browser demo's in-memory workbook loaded with examples/sample-district.xlsx.
 *
 * The bundle is built into a temporary folder (E2E_DIST=… reuses a built dist/ instead) and served
 * from 127.0.0.1 on a random port. Screenshots go to tests/artifacts/.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { env, stdout } from "node:process";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecalcJson } from "../../src/core/types";
import type { SheetSnapshot, SnapshotCell, WorkbookSnapshot } from "../../src/fake-excel";
import { CHECK_IDS } from "../../src/selftest/checks";
import { BUDGET_BYTES, measureTaskpane } from "../../scripts/bundle-size";
import { snapshotOfXlsx, writeDemoData } from "../../scripts/make-demo-data";
import { startStaticServer, type StaticServer } from "../../scripts/static-server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sample = path.join(root, "examples", "sample-district.xlsx");
const artifacts = path.join(root, "tests", "artifacts");
const CHROMIUM = "/usr/bin/chromium";

let dist = "";
let builtHere = false;
let server: StaticServer;
let browser: Browser;
/** What the command line computes for the sample: the figures the pane must show. */
let expected: RecalcJson;
/** The 汇总 sheet the command line writes for the sample, read back with ExcelJS. */
let expectedSummary: SheetSnapshot;

async function buildDemo(): Promise<string> {
  if (env["E2E_DIST"]) return path.resolve(env["E2E_DIST"]);
  const out = await mkdtemp(path.join(tmpdir(), "chamber-e2e-"));
  builtHere = true;
  await output(
    "npx",
    ["webpack", "--mode", "production", "--env", "demo", "--output-path", out],
    [0]
  );
  return out;
}

/** Runs a command; resolves with its standard output when it exits with one of `okCodes`. */
function output(
  command: string,
  args: readonly string[],
  okCodes: readonly number[]
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      if (okCodes.includes(code)) resolve(stdout);
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code}: ${stderr}`));
    });
  });
}

/**
 * Runs the command line on the sample: its JSON, and its output workbook's 汇总 sheet. It exits
 * with 1 because the sample has planted errors.
 */
async function commandLineResult(): Promise<{ json: RecalcJson; summary: SheetSnapshot }> {
  const out = path.join(await mkdtemp(path.join(tmpdir(), "chamber-cli-")), "sample.xlsx");
  const stdout = await output(
    "npx",
    ["tsx", "src/cli/main.ts", sample, "--json", "--out", out],
    [0, 1]
  );
  const json = JSON.parse(stdout) as RecalcJson;
  const book = await snapshotOfXlsx(out);
  await rm(path.dirname(out), { recursive: true, force: true });
  const summary = book.sheets.find((s) => s.name === "汇总");
  if (!summary) throw new Error("the command line wrote no 汇总 sheet");
  return { json, summary };
}

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium`).toBe(true);
  const [built, cli] = await Promise.all([buildDemo(), commandLineResult()]);
  dist = built;
  expected = cli.json;
  expectedSummary = cli.summary;
  await writeDemoData(sample, path.join(dist, "demo-data.json"));
  // Two broken workbooks for the error messages: no 会员 sheet, and a protected structure.
  const snapshot = await snapshotOfXlsx(sample);
  const withoutMembers = { ...snapshot, sheets: snapshot.sheets.filter((s) => s.name !== "会员") };
  await writeFile(path.join(dist, "no-members.json"), JSON.stringify(withoutMembers));
  await writeFile(
    path.join(dist, "protected.json"),
    JSON.stringify({ ...snapshot, protected: true })
  );
  server = await startStaticServer(dist);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  await mkdir(artifacts, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (builtHere && dist) await rm(dist, { recursive: true, force: true });
});

async function openDemo(query = "lang=zh-CN", permissions: readonly string[] = []): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    ...(permissions.length > 0 ? { permissions: [...permissions] } : {}),
  });
  const failures: string[] = [];
  page.on("pageerror", (e) => failures.push(e.message));
  await page.goto(`${server.url}/demo.html?${query}`);
  await page.getByTestId("recalc").waitFor({ state: "visible", timeout: 30_000 });
  expect(failures).toEqual([]);
  return page;
}

/**
 * Clicks Recalculate on a page that has not run yet and waits for the figures; returns the
 * milliseconds from the click to the moment the figures are in the pane.
 */
async function recalculate(page: Page): Promise<number> {
  await page.evaluate(() => {
    const button = document.querySelector('[data-testid="recalc"]');
    const pane = document.getElementById("container");
    if (!button || !pane) throw new Error("no Recalculate button");
    if (pane.querySelector('[data-testid="figure-members"]')) throw new Error("already ran");
    const probe = { clicked: 0, shown: 0 };
    Reflect.set(window, "e2eTiming", probe);
    button.addEventListener("click", () => (probe.clicked = performance.now()), {
      capture: true,
      once: true,
    });
    const observer = new MutationObserver(() => {
      if (pane.querySelector('[data-testid="figure-members"]')) {
        probe.shown = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(pane, { childList: true, subtree: true });
  });
  await page.getByTestId("recalc").click();
  await page.getByTestId("figure-members").waitFor();
  await page.getByTestId("progress").waitFor({ state: "detached" });
  return page.evaluate(() => {
    const probe = Reflect.get(window, "e2eTiming") as { clicked: number; shown: number };
    return probe.shown - probe.clicked;
  });
}

/** User Timing marks of the pane's last run, in milliseconds from its start. */
async function runMarks(page: Page): Promise<Record<string, number>> {
  const marks = await page.evaluate(() =>
    performance
      .getEntriesByType("mark")
      .filter((m) => m.name.startsWith("recalc:"))
      .map((m) => [m.name, Math.round(m.startTime)] as const)
  );
  const start = marks.find(([name]) => name === "recalc:start")?.[1] ?? 0;
  return Object.fromEntries(marks.map(([name, t]) => [name, t - start]));
}

async function workbook(page: Page): Promise<WorkbookSnapshot> {
  return page.evaluate(() => {
    const demo: unknown = Reflect.get(window, "chamberStatsDemo");
    if (typeof demo !== "object" || demo === null) throw new Error("no demo probe");
    const snapshot = Reflect.get(demo, "snapshot") as () => WorkbookSnapshot;
    return snapshot();
  });
}

async function syncs(page: Page): Promise<number> {
  return page.evaluate(() => {
    const demo: unknown = Reflect.get(window, "chamberStatsDemo");
    if (typeof demo !== "object" || demo === null) throw new Error("no demo probe");
    const count = Reflect.get(demo, "syncs") as () => number;
    return count();
  });
}

const count = (n: number): string => n.toLocaleString("en-US");

/** A sheet's cells with trailing blanks trimmed, so that sheets written by different adapters compare. */
function cellValues(sheet: SheetSnapshot): SnapshotCell[][] {
  const rows = sheet.cells.map((row) => {
    const cells = row.map((c) => (c === "" ? null : c));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells.map((c) => (typeof c === "number" ? Number(c.toFixed(9)) : c));
  });
  while (rows.length > 0 && (rows[rows.length - 1]?.length ?? 0) === 0) rows.pop();
  return rows;
}

/**
 * cellValues with the generated-at line's date and time masked: two runs a minute apart write the
 * same sheets but for that minute.
 */
function cellValuesOfARun(sheet: SheetSnapshot): SnapshotCell[][] {
  return cellValues(sheet).map((row) =>
    row.map((c) =>
      typeof c === "string" && /^(生成时间：|Generated )/.test(c)
        ? c.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, "YYYY-MM-DD hh:mm")
        : c
    )
  );
}

describe("the task pane in Chromium, against the demo workbook", () => {
  it("keeps the production task pane bundle under 300 KB gzipped, without the demo", async () => {
    const size = await measureTaskpane(dist);
    expect(size.files.map((f) => f.name)).toEqual(["taskpane.js"]);
    await writeFile(path.join(artifacts, "bundle-size.json"), JSON.stringify(size, null, 2));
    stdout.write(`task pane bundle: ${size.gzip} bytes gzipped\n`);
    expect(size.gzip).toBeLessThan(BUDGET_BYTES);
  });

  it("shows the sample's headline figures within a second of clicking 重新计算", async () => {
    const page = await openDemo();
    const pane = page.locator("#pane");
    await expect(page.getByTestId("recalc").textContent()).resolves.toContain("重新计算");
    await pane.screenshot({ path: path.join(artifacts, "taskpane-before.png") });

    const elapsed = await recalculate(page);

    const members = expected.members;
    if (!members) throw new Error("the command line found no members in the sample");
    expect(members.total).toBe(1889);
    await expect(page.getByTestId("figure-members").textContent()).resolves.toBe("1,889");
    await expect(page.getByTestId("members-since-base").textContent()).resolves.toBe(
      `较 ${expected.baseYear} 年底（${count(members.baseYearEnd)}）+${(
        (members.growthSinceBase ?? NaN) * 100
      ).toFixed(2)}%`
    );
    await expect(page.getByTestId("members-by-type").textContent()).resolves.toBe(
      `企业 ${count(members.byType.enterprise)} · 团体 ${count(members.byType.group)} · 个人 ${count(
        members.byType.individual
      )}`
    );
    await expect(page.getByTestId("figure-chambers").textContent()).resolves.toBe(
      count(expected.chambers?.total ?? NaN)
    );
    await expect(page.getByTestId("figure-coverage").textContent()).resolves.toBe(
      `${((expected.coverage.memberCoverage ?? NaN) * 100).toFixed(2)}%`
    );
    await expect(page.getByTestId("figure-dues").textContent()).resolves.toBe(
      `${((expected.dues?.collectionRate ?? NaN) * 100).toFixed(2)}%`
    );
    const rows = expected.rows.members;
    await expect(page.getByTestId("rows-members").textContent()).resolves.toBe(
      `会员: 读取 ${count(rows.read)} 行，计入 ${count(rows.counted)} 行，${count(rows.excluded)} 行列为问题`
    );
    const groups = await page
      .getByTestId("problems")
      .locator('[data-testid^="problem-group-"]')
      .evaluateAll((els) =>
        els.map((el) => [
          el.getAttribute("data-testid")?.replace("problem-group-", "") ?? "",
          Number(
            (el.querySelector('[data-testid="problem-count"]')?.textContent ?? "").replace(/,/g, "")
          ),
        ])
      );
    expect(Object.fromEntries(groups)).toEqual(expected.problems.byCode);
    await expect(page.getByTestId("members-chart").locator("circle").count()).resolves.toBe(
      expected.series?.length ?? 0
    );

    // Focus lands on the results; the pane fits its 320 px without a horizontal scroll bar.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("results-heading");
    const overflow = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await pane.screenshot({ path: path.join(artifacts, "taskpane-after.png") });
    await page.screenshot({ path: path.join(artifacts, "demo-after.png") });
    // The budget: results within 1 s of the click. Other work on this 2-core machine can slow a
    // single run, so up to two more fresh pages are tried and the best is held to the budget.
    const attempts = [{ clickToResultsMs: Math.round(elapsed), stages: await runMarks(page) }];
    while (Math.min(...attempts.map((a) => a.clickToResultsMs)) >= 1000 && attempts.length < 3) {
      const again = await openDemo();
      const ms = await recalculate(again);
      attempts.push({ clickToResultsMs: Math.round(ms), stages: await runMarks(again) });
      await again.close();
    }
    const best = Math.min(...attempts.map((a) => a.clickToResultsMs));
    await writeFile(
      path.join(artifacts, "timing.json"),
      JSON.stringify({ best, attempts }, null, 2)
    );
    stdout.write(`click to results: ${JSON.stringify({ best, attempts })}\n`);
    expect(best).toBeLessThan(1000);
    await page.close();
  });

  it("fills the 汇总 sheet cell for cell as the command line does, and opens it from its link", async () => {
    const page = await openDemo();
    await recalculate(page);
    await page.getByTestId("output-summary").click();
    await expect(page.getByTestId("tab-汇总").getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.getByTestId("sheet-view").getAttribute("data-sheet")).resolves.toBe("汇总");

    const book = await workbook(page);
    const summary = book.sheets.find((s) => s.name === "汇总");
    if (!summary) throw new Error("no 汇总 sheet in the demo workbook");
    // Cell for cell but the last row, the generated-at line, which differs by design: the run's
    // time, and the file name each surface knows (the CLI's path, the add-in's Workbook.name).
    const [cells, expected] = [cellValues(summary), cellValues(expectedSummary)];
    expect(cells.slice(0, -1)).toEqual(expected.slice(0, -1));
    expect([cells.at(-1)?.[0], expected.at(-1)?.[0]]).toEqual([
      expect.stringMatching(/^生成时间：.*，chamber-stats \d+\.\d+\.\d+，输入文件：\S+$/),
      expect.stringMatching(/^生成时间：.*，输入文件：sample-district\.xlsx$/),
    ]);
    expect(cells.flat()).toContain(1889);
    // The grid shows it too.
    await expect(
      page.getByTestId("sheet-view").getByText("1,889", { exact: true }).count()
    ).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it("selects a problem's cell in the workbook when the problem is clicked", async () => {
    const page = await openDemo();
    await recalculate(page);
    await page
      .getByTestId("problem-group-bad-uscc")
      .getByTestId("group-header")
      .getByRole("button")
      .click();
    const link = page.getByTestId("problem-group-bad-uscc").getByTestId("problem-link").first();
    const target = await link.getAttribute("data-cell");
    expect(target).toMatch(/^会员![A-Z]+\d+$/);
    await link.click();
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="name-box"]')?.textContent === t,
      target
    );
    await expect(page.getByTestId("tab-会员").getAttribute("aria-selected")).resolves.toBe("true");
    const cell = (target ?? "").split("!")[1] ?? "";
    const selected = page.getByTestId("selected-cell");
    await selected.waitFor();
    await expect(selected.getAttribute("data-address")).resolves.toBe(cell);
    await expect(selected.isVisible()).resolves.toBe(true);
    await page.close();
  });

  it("follows Office's display language and switches between Chinese and English", async () => {
    const english = await openDemo("lang=en-US");
    await expect(english.getByTestId("recalc").textContent()).resolves.toContain("Recalculate");
    await english.close();

    const page = await openDemo("lang=zh-CN");
    await recalculate(page);
    await page.getByTestId("lang-switch").click();
    await expect(page.getByTestId("recalc").textContent()).resolves.toContain("Recalculate");
    const rows = expected.rows.members;
    await expect(page.getByTestId("rows-members").textContent()).resolves.toBe(
      `会员 (members): ${count(rows.read)} rows read, ${count(rows.counted)} counted, ${count(
        rows.excluded
      )} listed as problems`
    );
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("en");
    await page.getByTestId("lang-switch").click();
    await expect(page.getByTestId("recalc").textContent()).resolves.toContain("重新计算");
    await page.close();
  });

  it("runs twice without duplicating a sheet or a row, and ignores a second click while running", async () => {
    const page = await openDemo("lang=zh-CN&latency=40");
    await recalculate(page);
    const first = await workbook(page);
    const firstSyncs = await syncs(page);

    // Second run: a double click while the first click's run is under way starts one run only.
    await page.getByTestId("recalc").click();
    await page.getByTestId("progress").waitFor();
    await expect(page.getByTestId("recalc").getAttribute("aria-disabled")).resolves.toBe("true");
    await page.getByTestId("recalc").click({ force: true });
    await page.getByTestId("progress").waitFor({ state: "detached" });
    const second = await workbook(page);
    const secondRunSyncs = (await syncs(page)) - firstSyncs;

    expect(second.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => s.name));
    expect(new Set(second.sheets.map((s) => s.name)).size).toBe(second.sheets.length);
    for (const sheet of second.sheets) {
      const before = first.sheets.find((s) => s.name === sheet.name);
      expect(before && cellValuesOfARun(before), sheet.name).toEqual(cellValuesOfARun(sheet));
    }
    // One more run, single click: it takes as many round trips as the double-clicked one did.
    const beforeThird = await syncs(page);
    await page.getByTestId("recalc").click();
    await page.getByTestId("progress").waitFor();
    await page.getByTestId("progress").waitFor({ state: "detached" });
    await page.getByTestId("figure-members").waitFor();
    expect((await syncs(page)) - beforeThird).toBe(secondRunSyncs);
    await page.close();
  });

  it("saves the settings in the 设置 sheet and the next run uses them", async () => {
    const page = await openDemo();
    await page.getByTestId("settings").locator("summary").click();
    await expect(page.getByTestId("setting-baseYear").inputValue()).resolves.toBe(
      String(expected.baseYear)
    );
    await page.getByTestId("setting-baseYear").fill("2012");
    await page.getByTestId("settings-form").getByRole("button").click();
    await page.getByText("已保存到“设置”工作表").waitFor();

    const book = await workbook(page);
    const settings = book.sheets.find((s) => s.name === "设置");
    expect(settings?.cells.find((row) => row[0] === "基准年度")?.[1]).toBe(2012);

    await recalculate(page);
    const end2012 = expected.series?.find((s) => s.year === 2012)?.members ?? NaN;
    await expect(page.getByTestId("members-since-base").textContent()).resolves.toContain(
      `较 2012 年底（${count(end2012)}）`
    );
    await page.close();
  });

  it("writes the report's paragraphs, copies them, and checks a pasted draft figure by figure", async () => {
    const page = await openDemo("lang=zh-CN", ["clipboard-read", "clipboard-write"]);
    await recalculate(page);
    const report = page.getByTestId("report");
    await expect(report.getByRole("heading", { name: "报告", exact: true }).count()).resolves.toBe(
      1
    );
    const paragraphs = await report.getByTestId("report-paragraph").allTextContents();
    expect(paragraphs[0]).toMatch(/^截至2014年11月30日，全区已建基层商会/);
    expect(paragraphs).toEqual(expected.narrative.paragraphs.map((p) => p.text));

    // Copy: the paragraphs, separated by blank lines, are on the clipboard, and the pane says so.
    await report.getByRole("button", { name: "复制报告段落" }).click();
    await page.getByTestId("report-copy-status").getByText("已复制").waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      paragraphs.join("\n\n")
    );

    // Check a draft: 13 figures agree, 2 contradict, 4 cannot be checked, 1 self-contradiction.
    const draft = await readFile(
      path.join(root, "tests", "fixtures", "drafts", "district-zh.txt"),
      "utf8"
    );
    await report.getByLabel("报告草稿").fill(draft);
    await report.getByRole("button", { name: "核对草稿" }).click();
    const counts = page.getByTestId("report-counts");
    await counts.waitFor();
    await expect(counts.textContent()).resolves.toBe("共 19 个数字：一致 13，不符 2，无法核对 4");
    const contradicts = report.locator('[data-testid="report-mark"][data-verdict="contradicts"]');
    await expect(contradicts.count()).resolves.toBe(2);
    await expect(contradicts.first().textContent()).resolves.toMatch(
      /^8不符：记录为 4（chambers\.byType\.regional）汇总!B\d+$/
    );
    await expect(contradicts.nth(1).textContent()).resolves.toMatch(
      /^36%不符：记录为 35\.71%（chambers\.fullCollectionRate）汇总!C\d+$/
    );

    // Clicking a contradiction selects, in 汇总, the cell that holds the records' figure.
    const toCell = contradicts.first().getByTestId("report-to-cell");
    const target = (await toCell.getAttribute("data-cell")) ?? "";
    await toCell.click();
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="name-box"]')?.textContent === t,
      target
    );
    await expect(page.getByTestId("tab-汇总").getAttribute("aria-selected")).resolves.toBe("true");
    const [, column = "", row = "0"] = /^汇总!([A-Z]+)(\d+)$/.exec(target) ?? [];
    const summarySheet = (await workbook(page)).sheets.find((s) => s.name === "汇总");
    if (!summarySheet) throw new Error("no 汇总 sheet in the demo workbook");
    const held = cellValues(summarySheet)[Number(row) - 1]?.[column.charCodeAt(0) - 65];
    expect(held).toBe(4);
    await expect(
      report.locator('[data-testid="report-mark"][data-verdict="agrees"]').count()
    ).resolves.toBe(13);
    await expect(page.getByTestId("report-marked").textContent()).resolves.toContain("无法核对");
    const self = await report.getByTestId("report-self").locator("li").allTextContents();
    expect(self).toHaveLength(1);
    expect(self[0]).toContain("各部分之和为 18，与所写总数 14 不符");

    // Still 320 px wide without a horizontal scroll bar.
    const pane = page.locator("#pane");
    await expect(
      pane.evaluate((el) => el.scrollWidth - el.clientWidth)
    ).resolves.toBeLessThanOrEqual(0);
    await pane.screenshot({ path: path.join(artifacts, "taskpane-report.png") });

    // In English the paragraphs are written in English and the check speaks English.
    await page.getByTestId("lang-switch").click();
    await expect(
      report.getByRole("heading", { name: "Report", exact: true }).count()
    ).resolves.toBe(1);
    await expect(report.getByTestId("report-paragraph").first().textContent()).resolves.toMatch(
      /^As of 30 November 2014, there were 14 grassroots chambers/
    );
    await expect(counts.textContent()).resolves.toBe(
      "19 figures: 13 agree, 2 contradict, 4 not checkable"
    );
    await expect(contradicts.first().textContent()).resolves.toMatch(
      /^8Contradicts: the records give 4 \(chambers\.byType\.regional\)汇总!B\d+$/
    );
    await page.close();
  });

  it("says what to do when the workbook has no 会员 sheet", async () => {
    const page = await openDemo("lang=zh-CN&data=no-members.json");
    await page.getByTestId("recalc").click();
    const message = page.getByTestId("structure-error");
    await message.waitFor();
    await expect(message.textContent()).resolves.toContain("未找到“会员”工作表");
    await expect(message.textContent()).resolves.toContain("添加名为“会员”的工作表");
    // the dues rows are there but cannot be checked: the card says so, not "no dues sheet"
    await expect(page.getByTestId("card-dues").textContent()).resolves.toContain(
      "无法计算：缺少会员表"
    );
    await page.close();
  });

  it("explains a refusal from Excel instead of leaving the pane blank", async () => {
    const page = await openDemo("lang=en-US&data=protected.json");
    await page.getByTestId("recalc").click();
    const error = page.getByTestId("error");
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain("The recalculation could not finish");
    await expect(error.textContent()).resolves.toContain("Unprotect it");
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute("data-testid"))
    ).resolves.toBe("error");
    await expect(page.getByTestId("recalc").isEnabled()).resolves.toBe(true);
    await page.close();
  });
});

/** Office on Windows 10 hosting the pane in IE11's webview (Trident), and in Edge Legacy's. */
const OLD_WEBVIEWS = {
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko",
  edgeLegacy:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041",
};
/** Chromium-based Edge (WebView2) says "Edg/", not "Edge/": a modern webview. */
const WEBVIEW2 =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";

/**
 * Opens the production taskpane.html as a webview with this user agent would. office.js (from
 * the CDN, unreachable here) is replaced by the least of Office that the bundle starts with;
 * `blockBundle` makes taskpane.js fail to load, as an ES2022 bundle fails to parse in IE11.
 */
async function openTaskpane(
  userAgent: string,
  blockBundle: boolean,
  file = "taskpane.html"
): Promise<Page> {
  const page = await browser.newPage({ userAgent, viewport: { width: 360, height: 640 } });
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({
      contentType: "text/javascript",
      body: `window.Office = { context: { displayLanguage: "zh-CN" },
        onReady: function (cb) { var info = { host: "Excel", platform: "PC" };
          if (cb) cb(info); return Promise.resolve(info); } };`,
    })
  );
  if (blockBundle) await page.route(`**/${file.replace(".html", ".js")}`, (route) => route.abort());
  await page.goto(`${server.url}/${file}`);
  return page;
}

describe("taskpane.html in an old webview", () => {
  for (const [name, userAgent] of Object.entries(OLD_WEBVIEWS)) {
    it(`tells a ${name} webview, in Chinese and English, that the add-in needs a newer Office`, async () => {
      const page = await openTaskpane(userAgent, true);
      const message = page.locator("#old-office");
      await message.waitFor({ state: "visible" });
      const text = (await message.innerText()).replace(/\s+/g, " ");
      expect(text).toContain("商会统计无法在您的 Office 版本中运行");
      expect(text).toContain("Office 2021");
      expect(text).toContain("won't run in your version of Office");
      await expect(page.locator("#container").isVisible()).resolves.toBe(false);
      if (name === "ie11")
        await page.screenshot({ path: path.join(artifacts, "old-webview-message.png") });
      await page.close();
    });
  }

  it("tells an IE11 webview the same on the self-test page", async () => {
    const page = await openTaskpane(OLD_WEBVIEWS.ie11, true, "selftest.html");
    await page.locator("#old-office").waitFor({ state: "visible" });
    await expect(page.locator("#old-office").innerText()).resolves.toContain(
      "won't run in your version of Office"
    );
    await page.close();
  });

  it("shows the pane and no message in a modern webview (WebView2's user agent)", async () => {
    const page = await openTaskpane(WEBVIEW2, false);
    await page.getByTestId("recalc").waitFor({ state: "visible", timeout: 30_000 });
    await expect(page.locator("#old-office").isVisible()).resolves.toBe(false);
    await page.close();
  });

  it("shows no message to a modern webview even when the bundle fails to load", async () => {
    const page = await openTaskpane(WEBVIEW2, true);
    await page.waitForLoadState("load");
    await expect(page.locator("#old-office").isVisible()).resolves.toBe(false);
    await page.close();
  });
});

describe("the self-test page in Chromium, against the demo workbook", () => {
  it("passes every check, shows the table and the report, and leaves the workbook as it was", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const failures: string[] = [];
    page.on("pageerror", (e) => failures.push(e.message));
    await page.goto(`${server.url}/demo.html?lang=zh-CN&selftest`);
    await page.getByTestId("selftest-run").waitFor({ state: "visible", timeout: 30_000 });
    const before = await workbook(page);
    await page.getByTestId("selftest-run").click();
    await page.getByTestId("selftest-report").waitFor({ timeout: 60_000 });
    await expect(page.getByTestId("selftest-status").textContent()).resolves.toBe(
      "全部通过 · All checks passed"
    );
    const rows = await page
      .locator("[data-testid^=selftest-row-]")
      .evaluateAll((els) =>
        els.map((el) => [el.getAttribute("data-testid"), el.getAttribute("data-pass")])
      );
    expect(rows.map(([id]) => id)).toEqual(CHECK_IDS.map((id) => `selftest-row-${id}`));
    for (const [id, pass] of rows) expect({ id, pass }).toEqual({ id, pass: "true" });
    const report = await page.getByTestId("selftest-report").inputValue();
    expect(report).toMatch(/^requirement sets: ExcelApi 1\.\d+/m);
    expect(report.match(/^PASS\t/gm)?.length).toBe(CHECK_IDS.length);
    expect(report).toContain("scratch sheet deleted: yes");
    const after = await workbook(page);
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(after).toEqual(before);
    await page.screenshot({ path: path.join(artifacts, "selftest.png") });
    expect(failures).toEqual([]);
    await page.close();
  });
});

async function editCell(page: Page, sheet: string, address: string, value: string | number) {
  await page.evaluate(
    ([s, a, v]) => {
      const demo: unknown = Reflect.get(window, "chamberStatsDemo");
      if (typeof demo !== "object" || demo === null) throw new Error("no demo probe");
      const edit = Reflect.get(demo, "edit") as (s: string, a: string, v: unknown) => void;
      edit(s, a, v);
    },
    [sheet, address, value] as const
  );
}

describe("the task pane follows the work", () => {
  it("words the detail line under a refusal in Chinese in a Chinese pane", async () => {
    const page = await openDemo("lang=zh-CN&data=protected.json");
    await page.getByTestId("recalc").click();
    const detail = page.getByTestId("error-detail");
    await detail.waitFor();
    const text = (await detail.textContent()) ?? "";
    expect(text).toMatch(/^详细信息：/);
    expect(text).toContain("受保护");
    // no English sentence, only product names in Latin letters
    expect((text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !/^Excel/.test(w))).toEqual([]);
    await page.getByTestId("lang-switch").click();
    await expect(detail.textContent()).resolves.toMatch(/^Details: .*protected/);
    await page.close();
  });

  it("dims the figures and says so when a cell of an input sheet changes after a run", async () => {
    const page = await openDemo();
    await recalculate(page);
    await expect(page.getByTestId("figures").getAttribute("data-stale")).resolves.toBe("false");
    const freshFigureColor = await page
      .getByTestId("figure-members")
      .evaluate((el) => getComputedStyle(el).color);
    // an edit of an output sheet is the add-in's business: the figures stay current
    await editCell(page, "汇总", "A1", "x");
    await page.waitForTimeout(100);
    await expect(page.getByTestId("stale").count()).resolves.toBe(0);

    await editCell(page, "会员", "B2", "新会员名称");
    const stale = page.getByTestId("stale");
    await stale.waitFor();
    await expect(stale.textContent()).resolves.toContain("数据或设置已更改，请重新计算");
    await expect(stale.textContent()).resolves.toContain("会员!B2");
    await expect(page.getByTestId("figures").getAttribute("data-stale")).resolves.toBe("true");
    const look = await page.getByTestId("figures").evaluate((el) => ({
      filter: getComputedStyle(el).filter,
      figure: getComputedStyle(el.querySelector('[data-testid="figure-members"]') ?? el).color,
    }));
    expect(look.filter).toContain("grayscale");
    expect(look.figure).not.toBe(freshFigureColor);
    await page.getByTestId("lang-switch").click();
    await expect(stale.textContent()).resolves.toContain("The data or settings have changed");

    // a new run makes the figures current again
    await page.getByTestId("recalc").click();
    await page.getByTestId("progress").waitFor({ state: "detached" });
    await stale.waitFor({ state: "detached" });
    await expect(page.getByTestId("figures").getAttribute("data-stale")).resolves.toBe("false");
    await page.close();
  });

  it("marks the figures stale when the settings are saved after a run", async () => {
    const page = await openDemo();
    await recalculate(page);
    await page.getByTestId("settings").locator("summary").click();
    await page.getByTestId("setting-baseYear").fill("2012");
    await page.getByTestId("settings-form").getByRole("button").click();
    const stale = page.getByTestId("stale");
    await stale.waitFor();
    await expect(stale.textContent()).resolves.toContain("设置已保存");
    await page.close();
  });

  it("names each group's severity in words with an icon, shows a chevron, and filters and searches the problems", async () => {
    const page = await openDemo();
    await recalculate(page);
    const groups = page.getByTestId("problems").locator('[data-testid^="problem-group-"]');
    const n = await groups.count();
    expect(n).toBe(Object.keys(expected.problems.byCode).length);
    for (let i = 0; i < n; i++) {
      const group = groups.nth(i);
      const severity = await group.getAttribute("data-severity");
      const badge = group.getByTestId("problem-badge");
      await expect(badge.textContent()).resolves.toMatch(severity === "error" ? /^错误/ : /^警告/);
      await expect(badge.locator("svg").count()).resolves.toBe(1);
      // the chevron: Fluent's expand icon, visible, before the title
      const icon = group.getByTestId("group-header").locator(".fui-AccordionHeader__expandIcon");
      await expect(icon.isVisible()).resolves.toBe(true);
      const box = await icon.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(8);
    }

    const total = expected.problems.errors + expected.problems.warnings;
    const shownCounts = async (): Promise<Record<string, number>> =>
      Object.fromEntries(
        await groups.evaluateAll((els) =>
          els.map((el) => [
            el.getAttribute("data-testid")?.replace("problem-group-", "") ?? "",
            Number(
              (el.querySelector('[data-testid="problem-count"]')?.textContent ?? "").replace(
                /,/g,
                ""
              )
            ),
          ])
        )
      );
    const sum = (counts: Record<string, number>): number =>
      Object.values(counts).reduce((a, b) => a + b, 0);

    // by severity: only warnings, and they add up to the run's warnings
    await page.getByTestId("filter-severity").selectOption("warning");
    await expect(
      groups.evaluateAll((els) => els.map((el) => el.getAttribute("data-severity")))
    ).resolves.toEqual(Array(await groups.count()).fill("warning"));
    expect(sum(await shownCounts())).toBe(expected.problems.warnings);
    await expect(page.getByTestId("filter-status").textContent()).resolves.toBe(
      `显示 ${count(expected.problems.warnings)} / ${count(total)} 个问题`
    );
    await page.getByTestId("filter-severity").selectOption("all");

    // by sheet: only the 会费 sheet's problems
    const duesProblems = expected.problems.items.filter((p) => p.sheet === "会费");
    expect(duesProblems.length).toBeGreaterThan(0);
    await page.getByTestId("filter-sheet").selectOption("会费");
    expect(sum(await shownCounts())).toBe(duesProblems.length);

    // a search for one cell finds that cell's problems only
    await page.getByTestId("filter-sheet").selectOption({ index: 0 });
    const one = expected.problems.items.find((p) => p.code === "bad-uscc");
    if (!one || one.row === null) throw new Error("the sample has no bad-uscc problem");
    const ref = `${one.sheet}!${one.column ?? "A"}${one.row}`;
    await page.getByTestId("filter-search").fill(ref.toLowerCase());
    const atCell = expected.problems.items.filter(
      (p) =>
        p.row !== null &&
        `${p.sheet}!${p.column ?? "A"}${p.row}`.toLowerCase() === ref.toLowerCase()
    );
    expect(sum(await shownCounts())).toBe(atCell.length);
    await page
      .getByTestId("problem-group-bad-uscc")
      .getByTestId("group-header")
      .getByRole("button")
      .click();
    await expect(
      page
        .getByTestId("problem-group-bad-uscc")
        .getByTestId("problem-link")
        .first()
        .getAttribute("data-cell")
    ).resolves.toBe(ref);
    await page.getByTestId("filter-search").fill("没有这样的问题");
    await expect(groups.count()).resolves.toBe(0);

    // in English the badge says Error / Warning
    await page.getByTestId("filter-search").fill("");
    await page.getByTestId("lang-switch").click();
    await expect(groups.first().getByTestId("problem-badge").textContent()).resolves.toMatch(
      /^(Error|Warning)/
    );
    await page.close();
  });

  for (const width of [320, 350]) {
    for (const lang of ["zh-CN", "en-US"]) {
      it(`lays the cards out without overflow or a line that starts with "·" at ${width} px in ${lang}`, async () => {
        const page = await openDemo(`lang=${lang}`);
        await page.addStyleTag({
          content: `#pane { flex: 0 0 ${width}px !important; width: ${width}px !important; }`,
        });
        await recalculate(page);
        const pane = page.locator("#pane");
        const paneBox = await pane.boundingBox();
        if (!paneBox) throw new Error("no pane");
        expect(Math.round(paneBox.width)).toBe(width + 1); // and the demo's 1 px border
        await expect(
          pane.evaluate((el) => el.scrollWidth - el.clientWidth)
        ).resolves.toBeLessThanOrEqual(0);
        const cards = page.getByTestId("figure-cards").locator(":scope > li");
        const boxes = await cards.evaluateAll((els) =>
          els.map((el) => {
            const r = el.getBoundingClientRect();
            return { left: r.left, right: r.right, overflow: el.scrollWidth - el.clientWidth };
          })
        );
        expect(boxes).toHaveLength(4);
        for (const box of boxes) {
          expect(box.overflow).toBeLessThanOrEqual(0);
          expect(box.left).toBeGreaterThanOrEqual(paneBox.x);
          expect(box.right).toBeLessThanOrEqual(paneBox.x + paneBox.width);
        }
        const columns = new Set(boxes.map((b) => Math.round(b.left))).size;
        // one column below about 340 px, two above
        expect(columns).toBe(width < 340 ? 1 : 2);
        // the by-type line breaks only between its parts, each part on one line
        const parts = await page
          .getByTestId("members-by-type")
          .getByTestId("line-part")
          .evaluateAll((els) =>
            els.map((el) => ({ text: el.textContent ?? "", lines: el.getClientRects().length }))
          );
        expect(parts).toHaveLength(3);
        for (const part of parts) {
          expect(part.lines).toBe(1);
          expect(part.text.startsWith("·")).toBe(false);
        }
        await pane.screenshot({
          path: path.join(artifacts, `taskpane-${width}-${lang}.png`),
        });
        await page.close();
      });
    }
  }

  /** The pane's background and text colours, as relative luminances (WCAG 2). */
  async function paneLuminance(page: Page): Promise<{ background: number; text: number }> {
    return page.locator('[data-testid="taskpane"]').evaluate((main) => {
      const provider = main.parentElement ?? main;
      const lum = (css: string): number => {
        const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map(Number).map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      return {
        background: lum(getComputedStyle(provider).backgroundColor),
        text: lum(getComputedStyle(main.querySelector("h1") ?? main).color),
      };
    });
  }

  it("follows Office's dark theme, and the browser's scheme only where Office gives no theme", async () => {
    const dark = await openDemo("lang=zh-CN&theme=black");
    await recalculate(dark);
    const provider = dark.locator("[data-theme]").first();
    await expect(provider.getAttribute("data-theme")).resolves.toBe("dark");
    const inDark = await paneLuminance(dark);
    expect(inDark.background).toBeLessThan(0.05);
    expect(inDark.text).toBeGreaterThan(0.6);
    await dark.locator("#pane").screenshot({ path: path.join(artifacts, "taskpane-dark.png") });
    await dark.close();

    // Office's Colorful theme wins over a dark browser scheme ...
    const colorful = await openDemo("lang=zh-CN");
    await colorful.emulateMedia({ colorScheme: "dark" });
    await expect(colorful.locator("[data-theme]").first().getAttribute("data-theme")).resolves.toBe(
      "light"
    );
    expect((await paneLuminance(colorful)).background).toBeGreaterThan(0.8);
    await colorful.close();
    // ... and without an Office theme the browser's scheme is followed
    const none = await openDemo("lang=zh-CN&theme=none");
    await none.emulateMedia({ colorScheme: "dark" });
    await none.waitForSelector('[data-theme="dark"]');
    await none.close();
  });

  it("switches to high contrast when the system forces its colours", async () => {
    const page = await openDemo("lang=en-US");
    await recalculate(page);
    await expect(page.locator("[data-theme]").first().getAttribute("data-theme")).resolves.toBe(
      "light"
    );
    await page.emulateMedia({ forcedColors: "active" });
    await page.waitForSelector('[data-theme="contrast"]');
    // the severity is still told by word and icon, which forced colours keep
    const badge = page.getByTestId("problem-badge").first();
    await expect(badge.textContent()).resolves.toMatch(/^(Error|Warning)/);
    await expect(badge.locator("svg").isVisible()).resolves.toBe(true);
    await page.locator("#pane").screenshot({ path: path.join(artifacts, "taskpane-contrast.png") });
    await page.emulateMedia({ forcedColors: "none" });
    await page.waitForSelector('[data-theme="light"]');
    await page.close();
  });

  it("has no axe-core violations in the pane after a run, in both languages and themes", async () => {
    const axeSource = await readFile(
      path.join(root, "node_modules", "axe-core", "axe.min.js"),
      "utf8"
    );
    for (const query of ["lang=zh-CN", "lang=en-US", "lang=zh-CN&theme=black"]) {
      const page = await openDemo(query);
      await recalculate(page);
      // open what a user opens: a problem group, the settings, and make the figures stale
      await page
        .getByTestId("problems")
        .getByTestId("group-header")
        .first()
        .getByRole("button")
        .click();
      await page.getByTestId("settings").locator("summary").click();
      await editCell(page, "会员", "B2", "新会员名称");
      await page.getByTestId("stale").waitFor();
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = Reflect.get(window, "axe") as {
          run: (
            context: unknown,
            options: unknown
          ) => Promise<{
            violations: Array<{
              id: string;
              nodes: Array<{ target: unknown; failureSummary?: string }>;
            }>;
          }>;
        };
        // the pane itself, not the demo's stand-in for Excel's grid around it
        const result = await axe.run(
          { include: [["#container"]] },
          { resultTypes: ["violations"] }
        );
        return result.violations.map((v) => ({
          id: v.id,
          nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, summary: n.failureSummary })),
        }));
      });
      expect(violations, query).toEqual([]);
      await page.close();
    }
  });

  it("keeps the last result in the workbook, compares the next run with it, and shows it when the pane reopens", async () => {
    const page = await openDemo();
    await expect(page.getByTestId("last-run").count()).resolves.toBe(0); // nothing kept yet
    await recalculate(page);
    await expect(page.getByTestId("comparison").count()).resolves.toBe(0);
    const total = expected.problems.errors + expected.problems.warnings;
    expect(total).toBe(18);

    // fix the bad phone number (blank it) and break one member's 入会日期
    const phone = expected.problems.items.find((p) => p.code === "bad-phone");
    if (!phone || phone.row === null || phone.column === null) throw new Error("no bad-phone");
    await editCell(page, phone.sheet, `${phone.column}${phone.row}`, "");
    const members = (await workbook(page)).sheets.find((s) => s.name === "会员");
    const headerRow = members?.cells.findIndex((row) => row.includes("入会日期")) ?? -1;
    expect(headerRow).toBeGreaterThanOrEqual(0);
    const joined = members?.cells[headerRow]?.indexOf("入会日期") ?? -1;
    const firstData = headerRow + 2; // 1-based row of the first member
    const clean = [0, 1, 2, 3, 4, 5]
      .map((i) => firstData + i)
      .find((r) => !expected.problems.items.some((p) => p.sheet === "会员" && p.row === r));
    if (clean === undefined) throw new Error("no member row without problems");
    await editCell(page, "会员", `${String.fromCharCode(65 + joined)}${clean}`, "不是日期");

    await page.getByTestId("recalc").click();
    await page.getByTestId("progress").waitFor({ state: "detached" });
    const line = page.getByTestId("comparison-problems");
    await line.waitFor();
    const text = (await line.textContent()) ?? "";
    const m = /^问题 18 → (\d+)（已修正 (\d+)(?:，新增 (\d+))?）$/.exec(text);
    expect(m, text).not.toBeNull();
    const [after, fixed, added] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3] ?? 0)];
    const counts = (await page.getByTestId("problem-counts").textContent()) ?? "";
    const shown = (counts.match(/\d+/g) ?? []).map(Number).reduce((a, b) => a + b, 0);
    expect(after).toBe(shown);
    expect(fixed).toBeGreaterThanOrEqual(1); // the phone
    expect(added).toBeGreaterThanOrEqual(1); // the date
    expect(total - fixed + added).toBe(after);
    const membersNow = (await page.getByTestId("figure-members").textContent()) ?? "";
    expect(membersNow).toBe("1,888");
    await expect(page.getByTestId("comparison-members").textContent()).resolves.toBe(
      `会员 1,889 → ${membersNow}`
    );
    // the screen shows the figures that changed, not the ones that did not
    await expect(page.getByTestId("comparison-chambers").count()).resolves.toBe(0);

    // reopened, the pane shows the kept result before any run
    await page.evaluate(async () => {
      const demo: unknown = Reflect.get(window, "chamberStatsDemo");
      if (typeof demo !== "object" || demo === null) throw new Error("no demo probe");
      await (Reflect.get(demo, "reopenPane") as () => Promise<void>)();
    });
    const last = page.getByTestId("last-run");
    await last.waitFor();
    await expect(page.getByTestId("last-run-members").textContent()).resolves.toBe("会员 1,888");
    await expect(page.getByTestId("last-run-problems").textContent()).resolves.toBe(counts);
    await expect(page.getByTestId("figure-members").count()).resolves.toBe(0);
    await page.close();
  });

  it("removes the output sheets it owns, after asking, and leaves every input sheet as it was", async () => {
    const page = await openDemo();
    const before = await workbook(page);
    await recalculate(page);
    const written = await page.getByTestId("output-sheets").locator("li").allTextContents();
    expect(written.length).toBeGreaterThanOrEqual(6);

    // asked first, naming the sheets; cancelling deletes nothing
    await page.getByTestId("remove-outputs").click();
    const dialog = page.getByTestId("remove-dialog");
    await dialog.waitFor();
    await expect(
      dialog.getByTestId("remove-list").locator("li").allTextContents()
    ).resolves.toEqual(written);
    await expect(dialog.textContent()).resolves.toContain("无法在 Excel 中撤销");
    await dialog.getByTestId("remove-cancel").click();
    await dialog.waitFor({ state: "detached" });
    expect((await workbook(page)).sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(written)
    );

    await page.getByTestId("remove-outputs").click();
    await dialog.getByTestId("remove-confirm").click();
    await dialog.waitFor({ state: "detached" });
    await expect(page.getByTestId("run-status").textContent()).resolves.toBe(
      `已删除 ${written.length} 个结果工作表。`
    );
    const after = await workbook(page);
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    for (const sheet of after.sheets) {
      const was = before.sheets.find((s) => s.name === sheet.name);
      expect(was && cellValues(was), sheet.name).toEqual(cellValues(sheet));
    }
    expect((after.names ?? []).filter((n) => n.name.startsWith("ChamberStats_"))).toEqual([]);
    await expect(page.getByTestId("output-sheets").locator("li").count()).resolves.toBe(0);

    // and the next run writes them again
    await page.getByTestId("recalc").click();
    await page.getByTestId("progress").waitFor({ state: "detached" });
    await expect(
      page.getByTestId("output-sheets").locator("li").allTextContents()
    ).resolves.toEqual(written);
    await page.close();
  });

  it("drills down from '256 名欠缴' to the dues rows behind it, each selectable in the sheet", async () => {
    const page = await openDemo();
    await recalculate(page);
    const owing = expected.dues?.membersOwing ?? 0;
    expect(owing).toBe(256);
    await page.getByTestId("drill-owing-open").click();
    const drill = page.getByTestId("drill-owing");
    await drill.waitFor();
    await expect(drill.getByRole("heading").textContent()).resolves.toBe(
      `欠缴会费的行（${owing}）`
    );
    const links = drill.getByTestId("drill-link");
    while ((await links.count()) < owing) {
      await drill.getByRole("button", { name: /^再显示/ }).click();
    }
    await expect(links.count()).resolves.toBe(owing);
    const cells = await links.evaluateAll((els) => els.map((el) => el.getAttribute("data-cell")));
    expect(new Set(cells).size).toBe(owing);
    expect(cells.every((c) => /^会费!A\d+$/.test(c ?? ""))).toBe(true);
    // each row is one the 会费 sheet has, and clicking selects it
    const target = cells[7] ?? "";
    await links.nth(7).click();
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="name-box"]')?.textContent === t,
      target
    );
    await expect(page.getByTestId("tab-会费").getAttribute("aria-selected")).resolves.toBe("true");
    await drill.getByTestId("drill-close").click();
    await drill.waitFor({ state: "detached" });
    await page.close();
  });

  it("drills down from the townships below the coverage target to their rows of the 乡镇 sheet", async () => {
    const page = await openDemo();
    await recalculate(page);
    const below = (expected.coverage.byTownship ?? []).filter((t) => t.meetsTarget === false);
    expect(below.length).toBe(3);
    await page.getByTestId("drill-below-open").click();
    const drill = page.getByTestId("drill-below");
    await drill.waitFor();
    await expect(drill.getByRole("heading").textContent()).resolves.toBe(
      "会员覆盖率未达标的乡镇街道（3）"
    );
    const items = await drill.locator("li").allTextContents();
    expect(items.map((text) => below.findIndex((t) => text.includes(`${t.township}：`)))).toEqual([
      0, 1, 2,
    ]);
    const links = drill.getByTestId("drill-link");
    const cells = await links.evaluateAll((els) => els.map((el) => el.getAttribute("data-cell")));
    // each link is the township's own row of the 乡镇 sheet
    const sheet = (await workbook(page)).sheets.find((s) => s.name === "乡镇");
    if (!sheet) throw new Error("no 乡镇 sheet in the demo workbook");
    const rows = cellValues(sheet);
    expect(
      cells.map((c) => {
        const row = Number(/^乡镇!A(\d+)$/.exec(c ?? "")?.[1] ?? 0);
        return rows[row - 1]?.includes(below[cells.indexOf(c)]?.township ?? "?") ?? false;
      })
    ).toEqual([true, true, true]);
    const target = cells[1] ?? "";
    await links.nth(1).click();
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="name-box"]')?.textContent === t,
      target
    );
    await expect(page.getByTestId("tab-乡镇").getAttribute("aria-selected")).resolves.toBe("true");
    await drill.getByTestId("drill-close").click();
    await drill.waitFor({ state: "detached" });
    await page.close();
  });

  it("points each member-excluded dues row at the member row that excluded it, and counts the cascade", async () => {
    const page = await openDemo();
    await recalculate(page);
    const excluded = expected.problems.items.filter((p) => p.code === "member-excluded");
    expect(excluded.length).toBeGreaterThan(0);
    const causes = new Set(
      excluded.map((p) => {
        const params = p.params as { memberSheet: string; memberRow: number };
        return `${params.memberSheet}!A${params.memberRow}`;
      })
    );
    // every cause is a member row with an error of its own
    for (const cause of causes) {
      const [sheet, cell] = cause.split("!");
      const row = Number((cell ?? "").slice(1));
      expect(
        expected.problems.items.some(
          (p) =>
            p.sheet === sheet &&
            p.row === row &&
            p.severity === "error" &&
            p.code !== "member-excluded"
        ),
        cause
      ).toBe(true);
    }
    const group = page.getByTestId("problem-group-member-excluded");
    await group.getByTestId("group-header").getByRole("button").click();
    await expect(group.getByTestId("cascade-summary").textContent()).resolves.toBe(
      `因 ${causes.size} 个会员行有错误，${excluded.length} 行会费未计入。`
    );
    const links = group.getByTestId("cause-link");
    await expect(
      links.evaluateAll((els) => els.map((el) => el.getAttribute("data-cell")))
    ).resolves.toEqual(
      excluded.map((p) => {
        const params = p.params as { memberSheet: string; memberRow: number };
        return `${params.memberSheet}!A${params.memberRow}`;
      })
    );
    const target = (await links.first().getAttribute("data-cell")) ?? "";
    await links.first().click();
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="name-box"]')?.textContent === t,
      target
    );
    await expect(page.getByTestId("tab-会员").getAttribute("aria-selected")).resolves.toBe("true");
    await page.close();
  });
});
