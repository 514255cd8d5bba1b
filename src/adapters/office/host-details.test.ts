import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { localDetail } from "./host-details";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The literal details the adapter passes to `new HostError(code, detail)`, `${…}` as "会员". */
function adapterDetails(): string[] {
  const found: string[] = [];
  for (const file of readdirSync(here).filter((f) => f.endsWith(".ts") && !f.includes(".test."))) {
    const source = readFileSync(path.join(here, file), "utf8");
    const calls = source.matchAll(/new HostError\(\s*"[a-z-]+",\s*(["`])((?:(?!\1)[^\\]|\\.)*)\1/g);
    for (const call of calls) found.push((call[2] ?? "").replace(/\$\{[^}]*\}/g, "会员"));
  }
  return found;
}

const LATIN_WORD = /[A-Za-z]{3,}/g;

describe("the detail line under an Excel refusal, in the pane's language", () => {
  it("puts every sentence the adapter writes into Chinese in a Chinese pane", () => {
    const details = adapterDetails();
    expect(details.length).toBeGreaterThanOrEqual(5);
    for (const detail of details) {
      const shown = localDetail(detail, "zh");
      expect(shown.frame, detail).toBe("detail");
      // only product and API names may stay in Latin letters ("Excel", "ExcelApi 1.7")
      expect(
        (shown.text.match(LATIN_WORD) ?? []).filter((w) => w !== "ExcelApi" && w !== "Excel"),
        detail
      ).toEqual([]);
    }
  });

  it("keeps a sheet's name in the translated sentence", () => {
    expect(localDetail('the sheet "会员" is protected', "zh").text).toBe("工作表“会员”受保护");
  });

  it("keeps Excel's error code and drops Excel's English message in a Chinese pane", () => {
    expect(localDetail("AccessDenied: The sheet is protected.", "zh")).toEqual({
      frame: "detail",
      text: "Excel 错误代码 AccessDenied",
    });
    expect(localDetail("AccessDenied: 工作表受保护。", "zh").text).toBe(
      "Excel 错误代码 AccessDenied：工作表受保护。"
    );
  });

  it("frames any other English text as untranslated, and leaves English panes unchanged", () => {
    expect(localDetail("x is not a function", "zh")).toEqual({
      frame: "detailRaw",
      text: "x is not a function",
    });
    expect(localDetail("the workbook is open read-only", "en").text).toBe(
      "the workbook is open read-only"
    );
  });
});

describe("the run lock's details in a Chinese pane", () => {
  it("names who holds the lock in Chinese, keeping its expiry", () => {
    expect(
      localDetail("ChamberStatsLock is held by ribbon-k3j2 until 2026-12-02T03:00:00.000Z", "zh")
    ).toEqual({
      frame: "detail",
      text: "另一次运行（功能区按钮）持有本工作簿的运行锁，至 2026-12-02T03:00:00.000Z",
    });
    expect(localDetail("pane-x1 is already recalculating", "zh").text).toBe("任务窗格正在重新计算");
  });
});
