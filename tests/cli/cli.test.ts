/**
 * chamber-recalc as a user runs it: exit statuses, one-line messages for usage and file problems,
 * the JSON of SPEC §6, the readable summary, and where the output goes.
 */
import { Buffer } from "node:buffer";
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { RecalcJson } from "../../src/core/types";
import { copyFixture, runCli, tempDir } from "./helpers";

const tmp = tempDir();
afterAll(() => tmp.remove());

function oneLine(text: string): string {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  expect(lines).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at /);
  return lines[0] ?? "";
}

/** A clean workbook: one member, one chamber, no problems. */
async function cleanWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("商会").addRows([
    ["商会编号", "商会名称", "商会类型", "成立日期"],
    ["C01", "建材行业商会", "行业商会", "2010-01-01"],
  ]);
  wb.addWorksheet("会员").addRows([
    ["会员编号", "会员名称", "会员类型", "入会日期", "所属商会"],
    ["M001", "张三", "个人会员", "2012-03-15", "C01"],
  ]);
  await wb.xlsx.writeFile(path);
}

describe("exit statuses and output", () => {
  it("exits 0 for a workbook without errors and writes INPUT.recalculated.xlsx beside it", async () => {
    const input = join(tmp.path, "clean.xlsx");
    await cleanWorkbook(input);
    const before = readFileSync(input);
    const run = runCli([input, "--as-of", "2014-11-30", "--lang", "en"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = join(tmp.path, "clean.recalculated.xlsx");
    expect(statSync(out).size).toBeGreaterThan(0);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(run.stdout).toContain("Members: 1");
    expect(run.stdout).toContain(`Output written to ${out}`);
  });

  it("exits 1 when the workbook has errors, and still writes the output", () => {
    const input = copyFixture("handmade-1904.xlsx", tmp.path);
    const out = join(tmp.path, "handmade-out.xlsx");
    const run = runCli([input, "--out", out]);
    expect(run.status).toBe(1);
    expect(statSync(out).size).toBeGreaterThan(0);
  });

  it("prints exactly the §6 object with --json, problems at their cells", () => {
    const input = copyFixture("handmade-1904.xlsx", tmp.path);
    const run = runCli([input, "--json", "--out", join(tmp.path, "json-out.xlsx")]);
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout) as RecalcJson;
    expect(Object.keys(json)).toEqual([
      "asOf",
      "year",
      "baseYear",
      "members",
      "series",
      "chambers",
      "coverage",
      "dues",
      "rows",
      "problems",
      "narrative",
    ]);
    expect(json.asOf).toBe("2014-11-30");
    // every figure of the narrative is at its place in its paragraph (SPEC §7)
    for (const p of json.narrative.paragraphs) {
      for (const f of p.figures) expect(p.text.slice(f.start, f.end)).toBe(f.text);
    }
    expect(json.narrative.paragraphs.map((p) => p.key)).toContain("members");
    expect(json.problems.items.map((p) => [p.sheet, p.row, p.column, p.code])).toEqual([
      ["Members", 5, "F", "formula-error"],
      ["Dues", 4, "D", "overpaid"],
    ]);
    expect(json.rows.members).toEqual({ read: 4, counted: 3, excluded: 1 });
  });

  it("lets --as-of override the 设置 sheet", () => {
    const input = copyFixture("exceljs-table.xlsx", tmp.path);
    const run = runCli([
      input,
      "--json",
      "--as-of",
      "2013-12-31",
      "--out",
      join(tmp.path, "asof.xlsx"),
    ]);
    const json = JSON.parse(run.stdout) as RecalcJson;
    expect([json.asOf, json.year]).toEqual(["2013-12-31", 2013]);
  });

  it("prints a readable summary in Chinese: figures, row accounting, problem counts, output path", () => {
    const input = copyFixture("exceljs-table.xlsx", tmp.path);
    const out = join(tmp.path, "zh-out.xlsx");
    const run = runCli([input, "--out", out, "--lang", "zh"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("统计截止 2014-11-30");
    expect(run.stdout).toMatch(/会员：读取 4 行，计入 3 行，排除 1 行/);
    expect(run.stdout).toContain("formula-error: 1");
    expect(run.stdout).toContain(`结果已写入 ${out}`);
  });

  it("writes into the input itself with --in-place, replacing its own sheets on the next run", async () => {
    const input = copyFixture("exceljs-table.xlsx", tmp.path);
    expect(runCli([input, "--in-place"]).status).toBe(1);
    const first = new ExcelJS.Workbook();
    await first.xlsx.readFile(input);
    const names = first.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining(["汇总", "会员增长", "覆盖率", "商会明细", "校验结果"])
    );
    expect(runCli([input, "--in-place"]).status).toBe(1);
    const second = new ExcelJS.Workbook();
    await second.xlsx.readFile(input);
    expect(second.worksheets.map((w) => w.name)).toEqual(names);
  });

  it("draws no progress bar when stderr is not a terminal", async () => {
    const input = join(tmp.path, "quiet.xlsx");
    await cleanWorkbook(input);
    expect(runCli([input, "--json"]).stderr).toBe("");
  });

  it("prints its usage with --help and exits 0", () => {
    const run = runCli(["--help", "--lang", "en"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Usage: chamber-recalc INPUT.xlsx");
  });
});

describe("usage problems: exit 2 and one line, in the locale's language", () => {
  it.each([
    [[], "No input workbook given."],
    [["a.xlsx", "--bogus"], 'Unknown option "--bogus".'],
    [["a.xlsx", "--as-of", "2014-02-30"], "is not a date in the form YYYY-MM-DD"],
    [["a.xlsx", "--lang", "fr"], "use zh or en"],
    [["a.xlsx", "--out", "./a.xlsx"], "would overwrite the input"],
    [["a.xlsx", "b.xlsx"], 'Unexpected argument "b.xlsx"'],
  ])("%j", (args, expected) => {
    const run = runCli(args, { LANG: "en_US.UTF-8", LC_ALL: "" });
    expect(run.status).toBe(2);
    expect(oneLine(run.stderr)).toContain(expected);
    expect(run.stdout).toBe("");
  });
});

describe("file problems: exit 2, one line, no stack trace", () => {
  const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const cases: Array<[string, () => string, string]> = [
    ["a missing file", () => join(tmp.path, "nowhere.xlsx"), "File not found"],
    [
      "a folder",
      () => {
        const dir = join(tmp.path, "folder.xlsx");
        mkdirSync(dir, { recursive: true });
        return dir;
      },
      "is a folder",
    ],
    [
      "an old .xls",
      () => {
        const path = join(tmp.path, "old.xlsx");
        writeFileSync(path, Buffer.concat([ole2, Buffer.alloc(1024)]));
        return path;
      },
      "old Excel 97-2003 (.xls) format",
    ],
    [
      "a password-protected workbook",
      () => {
        const path = join(tmp.path, "secret.xlsx");
        const stream = Buffer.from("EncryptionInfo", "utf16le");
        writeFileSync(path, Buffer.concat([ole2, Buffer.alloc(512), stream, Buffer.alloc(512)]));
        return path;
      },
      "password-protected",
    ],
    [
      "a CSV renamed to .xlsx",
      () => {
        const path = join(tmp.path, "members.xlsx");
        writeFileSync(path, "会员编号,会员名称\nM001,张三\n");
        return path;
      },
      "text or CSV file",
    ],
    [
      "a truncated workbook",
      () => {
        const path = join(tmp.path, "truncated.xlsx");
        const bytes = readFileSync(copyFixture("exceljs-table.xlsx", tmp.path));
        writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
        return path;
      },
      "damaged or incomplete",
    ],
  ];

  it.each(cases)("%s", (_name, make, expected) => {
    const run = runCli([make(), "--lang", "en"]);
    expect(run.status).toBe(2);
    expect(oneLine(run.stderr)).toContain(expected);
  });

  it("an output folder that does not exist", () => {
    const input = copyFixture("handmade-1904.xlsx", tmp.path);
    const run = runCli([input, "--out", join(tmp.path, "no/such/dir/out.xlsx"), "--lang", "en"]);
    expect(run.status).toBe(2);
    expect(oneLine(run.stderr)).toContain("Cannot write");
  });

  it("says it in Chinese with --lang zh", () => {
    const run = runCli([join(tmp.path, "不存在.xlsx"), "--lang", "zh"]);
    expect(run.status).toBe(2);
    expect(oneLine(run.stderr)).toContain("找不到文件");
  });
});
