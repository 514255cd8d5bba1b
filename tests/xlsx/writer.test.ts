/**
 * The writer: literal text, real date cells in the workbook's date system, charts as consistent
 * DrawingML parts, ownership markers, and input sheets that come out exactly as they went in.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPackage, relationshipsOf } from "../../src/adapters/xlsx/package";
import { readPackageGrid, readWorkbookGrid } from "../../src/adapters/xlsx/reader";
import { savePackage, writeOutputSheets } from "../../src/adapters/xlsx/writer";
import { parseXml } from "../../src/adapters/xlsx/xml-dom";
import { relsPathOf, resolvePartPath } from "../../src/adapters/xlsx/xml";
import type { OutputSheet } from "../../src/core/types";
import { copyFixture, runCli, tempDir } from "../cli/helpers";
import {
  assertAvailable,
  convertWithLibreOffice,
  gate,
  libreOfficeConsumer,
  libreOfficeCsv,
  parseCsv,
} from "../consumers";

const parseRelationships = (xml: string) => relationshipsOf(parseXml(xml, "rels"));

const tmp = tempDir();
afterAll(() => tmp.remove());

const TRICKY = ["=1+1", "+86 138 0013 8000", "@x", "-x", '=HYPERLINK("http://evil")'];

function testSheet(name: string, key: OutputSheet["key"] = "summary"): OutputSheet {
  return {
    key,
    name,
    rows: [
      [{ v: "Title", style: "title" }],
      [
        { v: "Year", style: "header" },
        { v: "Members", style: "header" },
      ],
      [{ v: 2013 }, { v: 10, fmt: "#,##0" }],
      [{ v: 2014 }, { v: 12, fmt: "#,##0" }],
      [{ v: "As of" }, { v: { date: "2014-11-30" }, fmt: "yyyy-mm-dd" }],
      ...TRICKY.map((text) => [{ v: text, link: { sheet: "Members", cell: "C5" } }]),
      [
        { v: 0.25, fmt: "0.00%", style: "total" },
        { v: true, style: "error" },
      ],
    ],
    columnWidths: [14, 10],
    freezeRows: 2,
    charts: [
      {
        type: "line",
        title: "Members",
        categories: "A3:A4",
        series: [{ name: "Members", values: "B3:B4" }],
        from: "D2",
        to: "K16",
      },
    ],
  };
}

async function writeTestWorkbook(fixture: string, out: string, sheets: OutputSheet[]) {
  const pkg = await openPackage(copyFixture(fixture, tmp.path));
  await writeOutputSheets(pkg, sheets);
  await savePackage(pkg, out);
}

describe("literal text and real dates", () => {
  // ExcelJS cannot read the hand-built fixture (it needs an r on every cell), so the ExcelJS
  // re-reads use the ExcelJS fixture, and the 1904 file is checked with our reader and LibreOffice.
  const out = join(tmp.path, "literal.xlsx");
  const written = writeTestWorkbook("exceljs-table.xlsx", out, [testSheet("Summary")]);
  const out1904 = join(tmp.path, "literal-1904.xlsx");
  const written1904 = writeTestWorkbook("handmade-1904.xlsx", out1904, [testSheet("Summary")]);

  it("keeps text that begins with =, +, - or @ as text, with no formula in the XML", async () => {
    await written;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Summary");
    const texts = TRICKY.map((_t, i) => ws?.getCell(`A${6 + i}`));
    expect(texts.map((c) => c?.value)).toEqual(TRICKY);
    expect(texts.map((c) => c?.formula)).toEqual(TRICKY.map(() => undefined));
    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = (await zip.file("xl/worksheets/sheet7.xml")?.async("string")) ?? "";
    expect(xml).toContain("=1+1");
    expect(xml).not.toMatch(/<f[\s>]/);
  });

  it("writes an output date as a date cell in the workbook's own date system", async () => {
    await written1904;
    const { grid } = await readWorkbookGrid(out1904);
    const summary = grid.sheets.find((s) => s.name === "Summary");
    expect(summary?.rows[4]?.[1]).toEqual({ kind: "date", serial: 40511 });
    await written;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cell = wb.getWorksheet("Summary")?.getCell("B5");
    expect(cell?.value).toEqual(new Date("2014-11-30T00:00:00Z"));
    expect(cell?.numFmt).toBe("yyyy-mm-dd");
  });

  it("styles headers, titles and totals, freezes the header rows, sets widths and links", async () => {
    await written;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Summary");
    expect(ws?.getCell("A1").font?.bold).toBe(true);
    expect(ws?.getCell("A1").font?.size).toBe(14); // the workbook's 11-point base font + 3
    expect(ws?.getCell("A2").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(ws?.getCell(`A${6 + TRICKY.length}`).border?.top?.style).toBe("thin");
    expect(ws?.getCell(`A${6 + TRICKY.length}`).numFmt).toBe("0.00%");
    expect(ws?.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws?.getColumn(1).width).toBe(14);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = (await zip.file("xl/worksheets/sheet7.xml")?.async("string")) ?? "";
    expect(xml).toContain(`<hyperlink ref="A6" location="'Members'!C5"`);
  });
});

describe("charts", () => {
  const out = join(tmp.path, "charts.xlsx");
  const written = writeTestWorkbook("exceljs-table.xlsx", out, [testSheet("汇总")]);

  it("adds a drawing and a chart part, linked from the sheet and declared in the content types", async () => {
    await written;
    const zip = await JSZip.loadAsync(readFileSync(out));
    const text = async (part: string) => (await zip.file(part)?.async("string")) ?? "";
    const workbookRels = parseRelationships(await text("xl/_rels/workbook.xml.rels"));
    const workbook = await text("xl/workbook.xml");
    const relId = /<sheet name="汇总" sheetId="\d+" r:id="(rId\d+)"/.exec(workbook)?.[1];
    const sheetPart = resolvePartPath(
      "xl/workbook.xml",
      workbookRels.find((r) => r.id === relId)?.target ?? ""
    );
    const sheetXml = await text(sheetPart);
    const drawingId = /<drawing r:id="(rId\d+)"\/><\/worksheet>$/.exec(sheetXml)?.[1];
    expect(drawingId).toBeDefined();
    const drawingRel = parseRelationships(await text(relsPathOf(sheetPart))).find(
      (r) => r.id === drawingId
    );
    const drawingPart = resolvePartPath(sheetPart, drawingRel?.target ?? "");
    const drawing = await text(drawingPart);
    expect(drawing).toContain("<xdr:from><xdr:col>3</xdr:col>");
    const chartRel = parseRelationships(await text(relsPathOf(drawingPart)))[0];
    const chartPart = resolvePartPath(drawingPart, chartRel?.target ?? "");
    const chart = await text(chartPart);
    expect(chart).toContain("<c:lineChart>");
    expect(chart).toContain("<c:f>'汇总'!$B$3:$B$4</c:f>");
    expect(chart).toContain("<c:f>'汇总'!$A$3:$A$4</c:f>");
    const types = await text("[Content_Types].xml");
    expect(types).toContain(`PartName="/${drawingPart}"`);
    expect(types).toContain(`PartName="/${chartPart}"`);
    expect(types).toContain(`PartName="/${sheetPart}"`);
  });
});

describe("input sheets and markers through the command line", () => {
  const input = copyFixture("exceljs-table.xlsx", tmp.path);
  const out = join(tmp.path, "intact.xlsx");
  const run = runCli([input, "--out", out]);

  it("leaves every input sheet's values, formulas, number formats and styles as they were", async () => {
    expect(run.status).toBe(1);
    const before = new ExcelJS.Workbook();
    await before.xlsx.readFile(input);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(out);
    for (const sheet of before.worksheets) {
      const cells: string[] = [];
      const cellsAfter: string[] = [];
      sheet.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          const other = after.getWorksheet(sheet.name)?.getCell(cell.address);
          cells.push(
            JSON.stringify([cell.address, cell.value, cell.formula, cell.numFmt, cell.style])
          );
          cellsAfter.push(
            JSON.stringify([
              other?.address,
              other?.value,
              other?.formula,
              other?.numFmt,
              other?.style,
            ])
          );
        })
      );
      expect(cells.length).toBeGreaterThan(0);
      expect(cellsAfter).toEqual(cells);
    }
  });

  it("keeps the input sheets' parts byte for byte", async () => {
    const a = await JSZip.loadAsync(readFileSync(input));
    const b = await JSZip.loadAsync(readFileSync(out));
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const part = `xl/worksheets/sheet${n}.xml`;
      expect(await b.file(part)?.async("string")).toBe(await a.file(part)?.async("string"));
    }
  });

  it("marks its sheets with ChamberStats_<key> names that the reader finds again", async () => {
    const pkg = await openPackage(out);
    expect(pkg.definedNames.filter((d) => d.name.startsWith("ChamberStats_"))).toEqual([
      { name: "ChamberStats_summary", localSheetId: null, formula: "'汇总'!$A$1" },
      { name: "ChamberStats_growth", localSheetId: null, formula: "'会员增长'!$A$1" },
      { name: "ChamberStats_coverage", localSheetId: null, formula: "'覆盖率'!$A$1" },
      { name: "ChamberStats_chambers", localSheetId: null, formula: "'商会明细'!$A$1" },
      { name: "ChamberStats_problems", localSheetId: null, formula: "'校验结果'!$A$1" },
      { name: "ChamberStats_report", localSheetId: null, formula: "'报告文字'!$A$1" },
    ]);
    const { ownedSheets } = await readPackageGrid(pkg);
    expect(ownedSheets).toEqual(["汇总", "会员增长", "覆盖率", "商会明细", "校验结果", "报告文字"]);
  });

  it("never overwrites a user's sheet that has an output sheet's name", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    wb.addWorksheet("汇总").getCell("A1").value = "我的汇总";
    const mine = join(tmp.path, "mine.xlsx");
    await wb.xlsx.writeFile(mine);
    const result = runCli([mine, "--json", "--out", join(tmp.path, "mine-out.xlsx")]);
    const json = JSON.parse(result.stdout) as { problems: { byCode: Record<string, number> } };
    expect(json.problems.byCode["output-sheet-renamed"]).toBe(1);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(join(tmp.path, "mine-out.xlsx"));
    expect(back.getWorksheet("汇总")?.getCell("A1").value).toBe("我的汇总");
  });

  it("refuses to replace a sheet it does not own", async () => {
    const pkg = await openPackage(copyFixture("handmade-1904.xlsx", tmp.path));
    await expect(writeOutputSheets(pkg, [testSheet("Members")])).rejects.toThrow(/user's sheet/);
  });
});

const libreOffice = libreOfficeConsumer();
const spaces = gate(
  libreOffice,
  "LibreOffice reads back text with spaces at either end, runs of spaces, tabs and line breaks exactly"
);

describe("text with spaces, read by LibreOffice Calc", () => {
  it.skipIf(spaces.skip)(
    spaces.title,
    async () => {
      assertAvailable(libreOffice);
      const texts = [" lead", "trail ", "two  spaces", "line\nbreak", "tab\there", "plain 文字"];
      const out = join(tmp.path, "spaces.xlsx");
      const sheet: OutputSheet = {
        key: "summary",
        name: "Spaces",
        rows: texts.map((text) => [{ v: text }]),
        columnWidths: [20],
        freezeRows: 0,
        charts: [],
      };
      await writeTestWorkbook("handmade-1904.xlsx", out, [sheet]);
      const zip = await JSZip.loadAsync(readFileSync(out));
      const xmlOf = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
      const parts = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
      const xml = (await Promise.all(parts.map(xmlOf))).find((x) => x.includes("two  spaces"));
      // only the texts that need it carry xml:space="preserve"
      expect(xml).toContain("<t>plain 文字</t>");
      expect(xml?.match(/xml:space="preserve"/g)?.length).toBe(5);
      const dir = join(tmp.path, "lo-spaces");
      const log = await convertWithLibreOffice([out], dir, join(tmp.path, "lo-profile"));
      const csv = readFileSync(libreOfficeCsv(dir, out, "Spaces"), "utf8");
      expect(
        parseCsv(csv).map((row) => row[0]),
        log
      ).toEqual(texts);
    },
    120_000
  );
});

const opens = gate(
  libreOffice,
  "LibreOffice opens the output, reads the summary values and keeps the charts"
);

describe("a real consumer: LibreOffice Calc", () => {
  it.skipIf(opens.skip)(
    opens.title,
    () => {
      assertAvailable(libreOffice);
      const input = copyFixture("handmade-1904.xlsx", tmp.path);
      const out = join(tmp.path, "lo-check.xlsx");
      runCli([input, "--out", out]);
      const dir = join(tmp.path, "lo");
      const profile = `-env:UserInstallation=file://${join(tmp.path, "lo-profile")}`;
      const filter =
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
      execFileSync(
        "soffice",
        [profile, "--headless", "--convert-to", filter, "--outdir", dir, out],
        {
          stdio: "ignore",
        }
      );
      const summary = readFileSync(join(dir, "lo-check-Summary.csv"), "utf8");
      expect(summary).toContain("2014-11-30");
      execFileSync(
        "soffice",
        [profile, "--headless", "--convert-to", "xlsx", "--outdir", join(dir, "x"), out],
        { stdio: "ignore" }
      );
      const files = readdirSync(join(dir, "x"));
      expect(files).toEqual(["lo-check.xlsx"]);
      const resaved = readFileSync(join(dir, "x", "lo-check.xlsx"));
      return JSZip.loadAsync(resaved).then((zip) => {
        const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
        expect(charts.length).toBe(2);
      });
    },
    120_000
  );
});
