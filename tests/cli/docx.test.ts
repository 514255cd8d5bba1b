/**
 * `chamber-recalc --docx OUT.docx`: the work report's paragraphs and headline figures as a Word
 * document that opens: its XML read back, and LibreOffice Writer converting it to text.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SaxesParser } from "saxes";
import { afterAll, describe, expect, it } from "vitest";
import { ZipArchive } from "../../src/adapters/xlsx/zip";
import {
  assertAvailable,
  docxTextWithLibreOffice,
  gate,
  libreOfficeWriterConsumer,
} from "../consumers";
import { ROOT, runCli, tempDir } from "./helpers";

const tmp = tempDir();
afterAll(() => tmp.remove());
const SAMPLE = join(ROOT, "examples/sample-district.xlsx");
const writer = libreOfficeWriterConsumer();

/** The text of each w:p of word/document.xml, read with saxes. */
async function docxParagraphs(file: string): Promise<string[]> {
  const zip = ZipArchive.open(readFileSync(file));
  const entry = zip.get("word/document.xml");
  if (!entry) throw new Error("no word/document.xml");
  const xml = (await zip.read(entry)).toString("utf8");
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  const parser = new SaxesParser({ xmlns: true });
  const paragraphs: string[] = [];
  let current: string | null = null;
  let inText = false;
  parser.on("opentag", (tag) => {
    if (tag.uri === W && tag.local === "p") current = "";
    if (tag.uri === W && tag.local === "t") inText = true;
  });
  parser.on("text", (t) => {
    if (inText && current !== null) current += t;
  });
  parser.on("closetag", (tag) => {
    if (tag.uri === W && tag.local === "t") inText = false;
    if (tag.uri === W && tag.local === "p" && current !== null) {
      paragraphs.push(current);
      current = null;
    }
  });
  parser.write(xml).close();
  return paragraphs;
}

describe("--docx", () => {
  const docx = join(tmp.path, "报告.docx");
  const run = runCli([SAMPLE, "--out", join(tmp.path, "out.xlsx"), "--docx", docx, "--lang", "zh"]);
  const text = runCli([SAMPLE, "--out", join(tmp.path, "out2.xlsx"), "--report-text"]);
  const paragraphs = text.stdout.trim().split("\n\n");

  it("writes the paragraphs --report-text prints and the headline figures, and nothing else beside it", async () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(text.status);
    const read = await docxParagraphs(docx);
    expect(read[0]).toBe("工作报告数据（截至2014年11月30日）");
    for (const p of paragraphs) expect(read).toContain(p);
    expect(read).toContain("主要数据");
    expect(read).toContain("会员总数");
    expect(readdirSync(tmp.path).filter((n) => n.endsWith(".tmp"))).toStrictEqual([]);
  });

  const g = gate(writer, "opens in LibreOffice Writer, which reads the same paragraphs");
  it.skipIf(g.skip)(
    g.title,
    async () => {
      assertAvailable(writer);
      const converted = await docxTextWithLibreOffice(
        docx,
        join(tmp.path, "txt"),
        join(tmp.path, "profile")
      );
      for (const p of paragraphs) expect(converted).toContain(p);
    },
    300_000
  );

  it("says in one line, with status 2, that it cannot write into a folder that does not exist", () => {
    const bad = runCli([
      SAMPLE,
      "--out",
      join(tmp.path, "o3.xlsx"),
      "--docx",
      "/no/such/dir/r.docx",
      "--lang",
      "en",
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync("/no/such/dir/r.docx")).toBe(false);
  });

  it("refuses to write the document over the workbook", () => {
    const same = runCli([
      SAMPLE,
      "--out",
      join(tmp.path, "o4.xlsx"),
      "--docx",
      join(tmp.path, "o4.xlsx"),
      "--lang",
      "en",
    ]);
    expect(same.status).toBe(2);
    expect(same.stderr).toContain("--docx would overwrite a workbook");
  });
});
