/**
 * `--docx OUT.docx`: the work report's paragraphs and the headline table as a Word document,
 * written with the `docx` package (docs/DECISIONS.md, "The work report's paragraphs"). The file
 * is written to a temporary name beside the target and renamed, so a failed write never leaves
 * half a document under the user's name.
 */
import { rename, writeFile } from "node:fs/promises";
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { describeError, FileProblem } from "../adapters/xlsx/errors";
import {
  removeTemporaryFile,
  temporaryFileClosed,
  temporaryFileOpened,
  temporaryPathFor,
} from "../adapters/xlsx/temporary-files";
import { formatDate, headlineTable, type Narrative } from "../core/narrative/index";
import type { Lang, RecalcJson } from "../core/types";
import { TEXT } from "./messages";

/** Fonts named for every script, so that Chinese text does not fall back per host. */
const FONTS: Readonly<Record<Lang, { ascii: string; hAnsi: string; eastAsia: string }>> = {
  zh: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体" },
  en: { ascii: "Calibri", hAnsi: "Calibri", eastAsia: "宋体" },
};

export function reportDocument(narrative: Narrative, json: RecalcJson, lang: Lang): Document {
  const font = FONTS[lang];
  const text = TEXT[lang];
  const run = (t: string, bold = false) => new TextRun({ text: t, font, bold });
  const headline = headlineTable(json, lang);
  const cell = (t: string, right: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          children: [run(t)],
          alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        }),
      ],
    });
  return new Document({
    creator: "chamber-stats",
    title: text.docxTitle(formatDate(json.asOf, lang)),
    styles: { default: { document: { run: { font } } } },
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: [run(text.docxTitle(formatDate(json.asOf, lang)), true)],
          }),
          ...narrative.paragraphs.map(
            (p) =>
              new Paragraph({
                children: [run(p.text)],
                // 首行缩进两字 in Chinese, as reports are set
                indent: lang === "zh" ? { firstLine: 480 } : {},
                spacing: { after: 120, line: 360 },
              })
          ),
          ...(headline.length > 0
            ? [
                new Paragraph({
                  heading: HeadingLevel.HEADING_2,
                  children: [run(text.docxHeadline, true)],
                }),
                new Table({
                  width: { size: 100, type: WidthType.PERCENTAGE },
                  rows: headline.map(
                    (row) =>
                      new TableRow({ children: [cell(row.label, false), cell(row.text, true)] })
                  ),
                }),
              ]
            : []),
        ],
      },
    ],
  });
}

/** Writes the document to `path` through a temporary file beside it; a failure is the user's file problem. */
export async function writeReportDocx(
  path: string,
  narrative: Narrative,
  json: RecalcJson,
  lang: Lang
): Promise<void> {
  const bytes = await Packer.toBuffer(reportDocument(narrative, json, lang));
  const temp = temporaryPathFor(path);
  temporaryFileOpened(temp);
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
    temporaryFileClosed(temp);
  } catch (error) {
    await removeTemporaryFile(temp);
    throw new FileProblem("unwritable", path, describeError(error));
  }
}
