/**
 * The bad-input corpus (tests/corpus, written by scripts/make-corpus.ts): each workbook gives its
 * expected problems, row accounting and figures through the command line and through the core;
 * a file that is no .xlsx gives exit status 2 and one clear line; and the command line never
 * changes an input sheet (values, formulas, formats) nor the input file.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { decodeOoxmlEscapes } from "../../src/adapters/xlsx/xml";
import { FileProblem } from "../../src/adapters/xlsx/errors";
import { readWorkbookGrid } from "../../src/adapters/xlsx/reader";
import { run } from "../../src/cli/main";
import { recalculate } from "../../src/core";
import type { Problem, RecalcJson } from "../../src/core/types";
import { AS_OF, TODAY, type CorpusExpectation, type Where } from "../../scripts/corpus/case";
import { CORPUS, EXPECTATIONS } from "../../scripts/make-corpus";

const CORPUS_DIR = resolve(fileURLToPath(import.meta.url), "../../corpus");
const work = mkdtempSync(join(tmpdir(), "corpus-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FILES = readdirSync(CORPUS_DIR)
  .filter((f) => /\.(xlsx|xls)$/.test(f))
  .sort();

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly out: string;
}

function sink(collect: (text: string) => void): Writable {
  return new Writable({
    write(chunk: unknown, _encoding, callback) {
      collect(String(chunk));
      callback();
    },
  });
}

/** Runs chamber-recalc in this process, on 2014-12-15 local time, as of 2014-11-30. */
async function cli(file: string, extra: readonly string[] = []): Promise<CliRun> {
  const out = join(work, `out-${file}.xlsx`);
  let stdout = "";
  let stderr = "";
  const code = await run(
    [join(CORPUS_DIR, file), "--json", "--out", out, "--as-of", AS_OF, ...extra],
    {
      stdout: sink((t) => (stdout += t)),
      stderr: sink((t) => (stderr += t)),
      now: () => new Date(2014, 11, 15, 9, 30),
      env: { LANG: "zh_CN.UTF-8" },
    }
  );
  return { code, stdout, stderr, out };
}

function where(items: readonly Problem[]): Where[] {
  return items.map((p) => [p.sheet, p.row, p.column, p.code] as const);
}

function figureAt(json: RecalcJson, path: string): unknown {
  let value: unknown = json;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function expectOutcome(json: RecalcJson, expected: CorpusExpectation): void {
  if (expected.problems) expect(where(json.problems.items)).toEqual(expected.problems);
  if (expected.rows) {
    for (const [kind, [read, counted, excluded]] of Object.entries(expected.rows)) {
      expect({ kind, ...json.rows[kind as keyof RecalcJson["rows"]] }).toEqual({
        kind,
        read,
        counted,
        excluded,
      });
    }
  }
  for (const [path, value] of Object.entries(expected.figures ?? {})) {
    expect({ path, value: figureAt(json, path) }).toEqual({ path, value });
  }
}

function expectationOf(file: string): CorpusExpectation {
  const expected = EXPECTATIONS[file];
  if (!expected) throw new Error(`no expectation for ${file}`);
  return expected;
}

function sha(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** Everything a user sees of a sheet: values, formulas, number formats, merges, hidden rows and columns. */
async function sheetStates(path: string): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const states = new Map<string, string>();
  wb.eachSheet((ws) => {
    const cells: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      cells.push({ r, hidden: row.hidden });
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        cells.push([r, c, cell.type, cell.value, cell.formula ?? null, cell.numFmt ?? null]);
      });
    });
    const columns = (ws.columns ?? []).map((col) => col.hidden ?? false);
    const merges = (ws.model as { merges?: unknown }).merges ?? [];
    states.set(
      ws.name,
      JSON.stringify({ cells, columns, merges, autoFilter: ws.autoFilter ?? null })
    );
  });
  return states;
}

describe("the corpus", () => {
  it("holds at least 40 cases, each with its expectation, each written by the generator", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(40);
    expect(FILES).toEqual(Object.keys(EXPECTATIONS).sort());
    expect(CORPUS.map((c) => c.file).sort()).toEqual(FILES);
  });
});

describe.each(FILES)("%s", (file) => {
  const expected = expectationOf(file);

  it(`through the command line: ${expected.about}`, async () => {
    const before = sha(join(CORPUS_DIR, file));
    const result = await cli(file);
    expect({ exit: result.code, stderr: result.code === 2 ? "…" : result.stderr }).toEqual({
      exit: expected.exit,
      stderr: expected.exit === 2 ? "…" : "",
    });
    expect(sha(join(CORPUS_DIR, file))).toBe(before);
    if (expected.exit === 2) {
      expect(result.stdout).toBe("");
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain(file);
      expect(existsSync(result.out)).toBe(false);
      return;
    }
    expectOutcome(JSON.parse(result.stdout) as RecalcJson, expected);
    const inputs = await sheetStates(join(CORPUS_DIR, file));
    const outputs = await sheetStates(result.out);
    for (const [name, state] of inputs)
      expect({ name, state: outputs.get(name) }).toEqual({ name, state });
  });

  it(`through the core: ${expected.about}`, async () => {
    if (expected.fileProblem) {
      const code = await readWorkbookGrid(join(CORPUS_DIR, file)).then(
        () => "read",
        (e: unknown) => (e instanceof FileProblem ? e.code : String(e))
      );
      expect(code).toBe(expected.fileProblem);
      return;
    }
    const { grid, ownedSheets } = await readWorkbookGrid(join(CORPUS_DIR, file));
    const result = recalculate(grid, { today: TODAY, asOf: AS_OF, ownedSheets });
    expect(result.json.problems.errors > 0 ? 1 : 0).toBe(expected.exit);
    expectOutcome(result.json, expected);
    expect(where(result.problems)).toEqual(where(result.json.problems.items));
    for (const [kind, row] of Object.entries(expected.headerRows ?? {})) {
      expect({ kind, row: result.found.find((f) => f.kind === kind)?.headerRow }).toEqual({
        kind,
        row,
      });
    }
  });
});

describe("data safety through the command line", () => {
  const HOSTILE = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "=1+1"];

  it("gives hostile text back as the same literal text in the JSON and in every output sheet", async () => {
    const result = await cli("hostile-text.xlsx");
    const json = JSON.parse(result.stdout) as RecalcJson;
    const values = json.problems.items.map((p) => p.value);
    for (const text of HOSTILE)
      expect({ text, inJson: values.includes(text) }).toEqual({ text, inJson: true });
    expect(json.dues?.byChamber.map((c) => c.chamberName)).toContain(
      '=HYPERLINK("http://evil.example","点我")'
    );

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(result.out);
    const inputs = new Set(["商会", "会员", "会费", "乡镇"]);
    const texts: string[] = [];
    wb.eachSheet((ws) => {
      if (inputs.has(ws.name)) return;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) {
            expect(cell.formula).toMatch(/^HYPERLINK\("#'[^']+'!\$?[A-Z]+\$?\d+",/);
          } else if (typeof cell.value === "string") {
            // ExcelJS leaves OOXML's _xHHHH_ escapes undecoded in inline strings; Excel decodes them.
            texts.push(decodeOoxmlEscapes(cell.value));
          }
        })
      );
    });
    for (const text of [...HOSTILE, '=HYPERLINK("http://evil.example","点我")']) {
      expect({ text, written: texts.includes(text) }).toEqual({ text, written: true });
    }
  });

  it("keeps a user's sheet named 汇总 and writes the summary to 汇总 (2)", async () => {
    const result = await cli("user-sheet-named-summary.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(result.out);
    expect(wb.getWorksheet("汇总")?.getCell("A1").value).toBe("我自己的汇总表");
    expect(wb.getWorksheet("汇总")?.getCell("B2").formula).toBe("COUNTA(会员!A:A)-1");
    expect(wb.getWorksheet("汇总 (2)")?.getCell("A1").value).toBeTruthy();
  });

  it("gives the same figures when run again on its own output, and replaces its sheets", async () => {
    const first = await cli("valid-district.xlsx");
    const again = join(work, "again.xlsx");
    let stdout = "";
    const code = await run([first.out, "--json", "--out", again, "--as-of", AS_OF], {
      stdout: sink((t) => (stdout += t)),
      stderr: sink(() => undefined),
      now: () => new Date(2014, 11, 15, 9, 30),
      env: {},
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(first.stdout));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(again);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      "商会",
      "会员",
      "会费",
      "乡镇",
      "汇总",
      "会员增长",
      "覆盖率",
      "商会明细",
      "校验结果",
      "报告文字",
    ]);
  });
});
