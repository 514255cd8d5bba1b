/**
 * `chamber-recalc --check-report DRAFT`: a district report's draft with planted contradictions,
 * checked against the sample workbook, as text (UTF-8 and GB18030) and as .docx.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { TextDecoder, TextEncoder } from "node:util";
import { Document, Packer, Paragraph } from "docx";
import { afterAll, describe, expect, it } from "vitest";
import type { CheckItem, FigureCheck } from "../../src/core/report-check/index";
import type { RecalcJson } from "../../src/core/types";
import { assertAvailable, gate, openpyxlConsumer, PYTHON } from "../consumers";
import { ROOT, runCli, tempDir } from "./helpers";

const tmp = tempDir();
const openpyxl = openpyxlConsumer();
afterAll(() => tmp.remove());
const SAMPLE = join(ROOT, "examples/sample-district.xlsx");
const DRAFT = join(ROOT, "tests/fixtures/drafts/district-zh.txt");

function check(draft: string, ...extra: string[]) {
  return runCli([SAMPLE, "--out", join(tmp.path, "out.xlsx"), "--check-report", draft, ...extra]);
}

describe("--check-report", () => {
  it("gives every figure of the draft its verdict, by line and column, and exits 1 on a contradiction", () => {
    const run = check(DRAFT);
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^第3行第23字 “14” 与记录一致; 记录：chambers\.total = 14（见汇总!B\d+）$/
      )
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^第3行第50字 “8” 与记录不符; 记录：chambers\.byType\.regional = 4（见汇总!B\d+）$/
      )
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^第7行第22字 “1,800” 与记录一致; 记录：members\.total = 1,889（见汇总!B\d+）$/
      )
    );
    expect(lines).toContain("第7行第53字 “300” 无法核对（没有对应的指标）");
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^第11行第28字 “36%” 与记录不符; 记录：chambers\.fullCollectionRate = 35\.71%（见汇总!C\d+）$/
      )
    );
    expect(lines.find((l) => l.includes("各部分之和与总数不符"))).toMatch(/应为 18$/);
    expect(lines.at(-1)).toBe(
      "共 19 个数字：一致 13 个，不符 2 个，无法核对 4 个；自相矛盾 1 处。"
    );
  });

  it("puts the items into the JSON as reportCheck, each at its place in the draft", () => {
    const run = check(DRAFT, "--json");
    const json = JSON.parse(run.stdout) as RecalcJson & {
      reportCheck: { draft: string; items: CheckItem[] };
    };
    const text = readFileSync(DRAFT, "utf8");
    for (const item of json.reportCheck.items) {
      expect(text.slice(item.start, item.end)).toBe(item.text);
    }
    expect(
      json.reportCheck.items
        .filter((i) => i.verdict === "contradicts")
        .map((i) => [text.slice(i.start, i.end).slice(0, 6), i.kind, i.metric ?? null])
    ).toStrictEqual([
      ["14个，其中", "parts-sum", "chambers.total"],
      ["8", "figure", "chambers.byType.regional"],
      ["36%", "figure", "chambers.fullCollectionRate"],
    ]);
  });

  const located = gate(
    openpyxl,
    "points each contradicted figure at the cell of 汇总 that openpyxl reads its computed value from"
  );
  it.skipIf(located.skip)(located.title, async () => {
    assertAvailable(openpyxl);
    const out = join(tmp.path, "located.xlsx");
    const run = runCli([SAMPLE, "--out", out, "--check-report", DRAFT, "--json"]);
    const json = JSON.parse(run.stdout) as { reportCheck: { items: CheckItem[] } };
    const located = json.reportCheck.items.filter(
      (i): i is FigureCheck => i.kind === "figure" && i.verdict === "contradicts"
    );
    const read = spawnSync(
      PYTHON,
      [
        "-c",
        "import json,sys,openpyxl\n" +
          "wb=openpyxl.load_workbook(sys.argv[1],data_only=True)\n" +
          "print(json.dumps([wb[s][c].value for s,c in json.loads(sys.argv[2])]))",
        out,
        JSON.stringify(located.map((i) => [i.cell?.sheet, i.cell?.cell])),
      ],
      { encoding: "utf8" }
    );
    expect(read.stderr).toBe("");
    const values = JSON.parse(read.stdout) as unknown[];
    expect(located.length).toBe(2);
    expect(values.map((v) => Number(v).toFixed(6))).toStrictEqual(
      located.map((i) => Number(i.computed).toFixed(6))
    );
  });

  it("reads a draft saved in GB18030, as Notepad saves Chinese text, the same as in UTF-8", () => {
    const gb = join(tmp.path, "draft-gb.txt");
    const utf8 = readFileSync(DRAFT, "utf8");
    // GB18030 bytes of the draft, by round trip through a decoder's table
    writeFileSync(gb, encodeGb18030(utf8));
    expect(check(gb).stdout).toBe(check(DRAFT).stdout);
  });

  it("reads a .docx draft, a paragraph a line, with the same verdicts", async () => {
    const paragraphs = readFileSync(DRAFT, "utf8").split("\n");
    const doc = new Document({
      sections: [{ children: paragraphs.map((p) => new Paragraph({ text: p })) }],
    });
    const file = join(tmp.path, "draft.docx");
    writeFileSync(file, await Packer.toBuffer(doc));
    const verdicts = (out: string) => out.trim().split("\n").at(-1);
    expect(verdicts(check(file).stdout)).toBe(verdicts(check(DRAFT).stdout));
  });

  it("says in one line, with status 2, that the draft does not exist", () => {
    const run = check(join(tmp.path, "nope.txt"), "--lang", "en");
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("nope.txt");
  });
});

/** GB18030 (here: its GBK part, which covers these characters) of a text, from the decoder's own table. */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  expect(new TextEncoder().encode(text).length).not.toBe(bytes.length);
  return new Uint8Array(bytes);
}
