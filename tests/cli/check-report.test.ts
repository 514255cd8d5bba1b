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
const EN_DRAFT = join(ROOT, "tests/fixtures/drafts/district-en.txt");

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

  it("checks an English draft in an English run, figure by figure, each with its verdict at its line and column", () => {
    const run = check(EN_DRAFT, "--lang", "en");
    expect(run.status).toBe(1);
    // the cell of Summary each figure points at is checked above; here the verdicts
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => l.replace(/ \(see Summary![A-Z]+\d+\)$/, ""));
    expect(lines).toStrictEqual([
      'line 3, column 7 "30 November 2014" agrees with the records; records: asOf = 2014-11-30',
      'line 3, column 42 "14" agrees with the records; records: chambers.total = 14',
      'line 3, column 42 "14 grassroots chamb…y, 8 regional and 2" the parts do not add up to the whole: they give 18',
      'line 3, column 66 "2" agrees with the records; records: chambers.byType.township = 2',
      'line 3, column 89 "6" agrees with the records; records: chambers.byType.industry = 6',
      'line 3, column 101 "8" contradicts the records; records: chambers.byType.regional = 4',
      'line 3, column 116 "2" agrees with the records; records: chambers.byType.outOfTown = 2',
      'line 3, column 138 "1,889" agrees with the records; records: members.total = 1,889',
      'line 3, column 138 "1,889 members, of w…trict now has 1,898" the same figure is quoted with different values: they give 1,889',
      'line 3, column 162 "1,400" agrees with the records; records: members.byType.enterprise = 1,400',
      'line 3, column 192 "322" agrees with the records; records: members.byType.group = 322',
      'line 3, column 214 "167" agrees with the records; records: members.byType.individual = 167',
      'line 7, column 4 "2014" not checkable (no metric speaks to it)',
      'line 7, column 10 "271" agrees with the records; records: members.newInYear = 271',
      'line 7, column 63 "1,800" agrees with the records; records: members.total = 1,889',
      'line 7, column 82 "15.46%" agrees with the records; records: members.growthRate = 15.46%',
      'line 7, column 103 "2013" not checkable (no metric speaks to it)',
      'line 7, column 132 "300" not checkable (no metric speaks to it)',
      'line 7, column 186 "1,898" contradicts the records; records: members.total = 1,889',
      'line 11, column 30 "2014" not checkable (no metric speaks to it)',
      'line 11, column 39 "92.49%" agrees with the records; records: dues.collectionRate = 92.49%',
      'line 11, column 60 "36%" contradicts the records; records: chambers.fullCollectionRate = 35.71%',
      'line 11, column 116 "13,000" agrees with the records; records: coverage.nonPublicEnterprises = 12,980',
      'line 11, column 153 "1,400" agrees with the records; records: coverage.enterpriseMembers = 1,400',
      'line 11, column 193 "11.79%" contradicts the records; records: coverage.memberCoverage = 10.79%',
      "23 figures: 15 agree, 4 contradict, 4 not checkable; 2 self-contradictions.",
    ]);
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
