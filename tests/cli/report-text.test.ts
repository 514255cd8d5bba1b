/** `chamber-recalc --report-text`: the work report's paragraphs, written from the sample's figures. */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { RecalcJson } from "../../src/core/types";
import { ROOT, runCli, tempDir } from "./helpers";

const tmp = tempDir();
afterAll(() => tmp.remove());
const SAMPLE = join(ROOT, "examples/sample-district.xlsx");

describe("--report-text", () => {
  it("prints the paragraphs with the same figures as --json, and exits as the run does", () => {
    const out = join(tmp.path, "out.xlsx");
    const text = runCli([SAMPLE, "--out", out, "--report-text", "--lang", "zh"]);
    const json = runCli([SAMPLE, "--out", out, "--json"]);
    expect(text.status).toBe(json.status);
    const result = JSON.parse(json.stdout) as RecalcJson;
    const paragraphs = text.stdout.trim().split("\n\n");
    expect(paragraphs[0]).toContain(`全区已建基层商会${result.chambers?.total}个`);
    expect(paragraphs[1]).toContain(
      `全区共有会员${result.members?.total.toLocaleString("en-US")}个`
    );
    expect(paragraphs).toHaveLength(4);
  });

  it("prints them in English with --lang en", () => {
    const run = runCli([
      SAMPLE,
      "--out",
      join(tmp.path, "en.xlsx"),
      "--report-text",
      "--lang",
      "en",
    ]);
    expect(run.stdout).toMatch(/^As of 30 November 2014, there were \d+ grassroots chambers/);
  });

  it("refuses --json together with it, in one line, with status 2", () => {
    const run = runCli([SAMPLE, "--json", "--report-text", "--lang", "en"]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      "Give either --json or --report-text, not both. Run chamber-recalc --help for usage."
    );
  });
});
