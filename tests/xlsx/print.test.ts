/**
 * The output sheets print as a report (SPEC §5): the sample's output workbook, written by the
 * command line, read back by openpyxl (page setup, print titles, charts) and printed by
 * LibreOffice Calc — loaded once, each output sheet exported to PDF alone and its pages counted,
 * its page breaks compared with where its charts lie.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_LABELS } from "../../src/core/report/labels";
import { CHART_COLORS } from "../../src/core/report/styles";
import { OUTPUT_SHEET_NAMES } from "../../src/core/report";
import { OUTPUT_KEYS } from "../../src/core/markers";
import type { OutputSheetKey } from "../../src/core/types";
import { copyFixture, ROOT, runCli, tempDir } from "../cli/helpers";
import { openPackage } from "../../src/adapters/xlsx/package";
import { savePackage, writeOutputSheets } from "../../src/adapters/xlsx/writer";
import { parseCellAddress } from "../../src/core/a1";
import { buildCoverageSheet } from "../../src/core/report/coverage";
import { printSetup, ROWS_PER_PAGE } from "../../src/core/report/print";
import { sampleJson } from "../core/kit/report";
import {
  assertAvailable,
  gate,
  libreOfficeConsumer,
  openpyxlConsumer,
  printLayoutWithLibreOffice,
  readPrintWithOpenpyxl,
  type CalcPrint,
  type OpenpyxlPrint,
} from "../consumers";

const SAMPLE = join(ROOT, "examples/sample-district.xlsx");
const tmp = tempDir();
const OUT = join(tmp.path, "out.xlsx");
const NAMES = OUTPUT_SHEET_NAMES.zh;
const KEYS = OUTPUT_KEYS;
const SHEETS = KEYS.map((k) => NAMES[k]);
const L = REPORT_LABELS.zh;

/** The text in column A of the row each sheet repeats: its table's first header, or its title. */
const REPEATED: Readonly<Record<OutputSheetKey, string>> = {
  summary: L.summary.title,
  growth: L.growth.headers[0],
  coverage: L.coverage.headers[0],
  chambers: L.chambersReport.headers[0] ?? "",
  problems: L.problems.headers[0] ?? "",
  report: L.report.title,
};
const LANDSCAPE: ReadonlySet<OutputSheetKey> = new Set(["chambers", "problems"]);
/** The sheets with wrapped text (problem messages, paragraphs), whose rows are taller than one line. */
const WRAPPED: ReadonlySet<OutputSheetKey> = new Set(["problems", "report"]);

const openpyxl = openpyxlConsumer();
const libreOffice = libreOfficeConsumer();
afterAll(() => tmp.remove());

beforeAll(() => {
  const run = runCli([SAMPLE, "--out", OUT, "--lang", "zh"]);
  if (run.stderr !== "") throw new Error(`chamber-recalc wrote to stderr: ${run.stderr}`);
});

/** The 1-based row whose column A reads `text`, among the rows openpyxl read. */
function rowOf(read: OpenpyxlPrint | undefined, text: string): number {
  const i = read?.rows.findIndex((r) => r[0] === text) ?? -1;
  if (i < 0) throw new Error(`no row reads "${text}" in column A`);
  return i + 1;
}

describe("printing the output sheets", () => {
  const py = gate(
    openpyxl,
    "openpyxl reads each output sheet's A4 page setup, fitted one page wide, with its header row as print titles"
  );
  it.skipIf(py.skip)(
    py.title,
    async () => {
      assertAvailable(openpyxl);
      const read = await readPrintWithOpenpyxl(OUT, SHEETS);
      for (const key of KEYS) {
        const s = read[NAMES[key]];
        const row = rowOf(s, REPEATED[key]);
        expect([
          key,
          s?.orientation,
          s?.paperSize,
          s?.fitToWidth,
          s?.fitToHeight,
          s?.fitToPage,
          s?.printTitleRows,
        ]).toEqual([
          key,
          LANDSCAPE.has(key) ? "landscape" : "portrait",
          9,
          1,
          0,
          true,
          `$${row}:$${row}`,
        ]);
        expect(s?.header).toEqual([NAMES[key], null, "统计截止日期：2014年11月30日"]);
        expect(s?.footer).toEqual([null, "第 &P 页，共 &N 页", null]);
      }
    },
    120_000
  );

  it.skipIf(py.skip)(
    "openpyxl reads the coverage combo chart (coloured bars and a target line) and the labelled growth line on an axis that starts near the data",
    async () => {
      assertAvailable(openpyxl);
      const read = await readPrintWithOpenpyxl(OUT, [NAMES.growth, NAMES.coverage]);
      const growth = read[NAMES.growth]?.charts ?? [];
      const coverage = read[NAMES.coverage]?.charts ?? [];
      expect(growth.map((c) => c.kinds)).toEqual([["LineChart"]]);
      expect(growth[0]?.series.map((s) => s.labels)).toEqual([true]);
      expect(growth[0]?.valueAxisMin).toBeGreaterThan(0);
      expect(coverage.map((c) => c.kinds)).toEqual([["BarChart", "LineChart"]]);
      expect(coverage[0]?.series.map((s) => s.pointColors)).toEqual([10, 0]);
    },
    120_000
  );

  const lo = gate(
    libreOffice,
    "LibreOffice prints each output sheet one page wide, on the pages its rows need, repeating its header row, with every chart whole on one page"
  );
  // One soffice run for every assertion on how Calc prints the workbook.
  let calcRun: Promise<Record<string, CalcPrint>> | null = null;
  const calcOnce = (): Promise<Record<string, CalcPrint>> =>
    (calcRun ??= printLayoutWithLibreOffice(
      OUT,
      join(tmp.path, "pdf"),
      join(tmp.path, "profile"),
      SHEETS
    ));
  it.skipIf(lo.skip)(
    lo.title,
    async () => {
      assertAvailable(libreOffice);
      const calc = await calcOnce();
      const read = openpyxl.available ? await readPrintWithOpenpyxl(OUT, SHEETS) : null;
      for (const key of KEYS) {
        const s = calc[NAMES[key]];
        if (!s) throw new Error(`LibreOffice did not report ${NAMES[key]}`);
        const orientation = LANDSCAPE.has(key) ? "landscape" : "portrait";
        // A4 in Calc's 1/100 mm, the long side across when landscape
        const a4 = [Math.min(s.paperWidth, s.paperHeight), Math.max(s.paperWidth, s.paperHeight)];
        expect([key, s.landscape, a4.map((x) => Math.round(x / 10))]).toEqual([
          key,
          orientation === "landscape",
          [2100, 2970],
        ]);
        // One page wide: every page of the PDF is one band of rows between Calc's row breaks.
        expect([key, s.pagesWide, s.pdfPages]).toEqual([key, 1, s.rowBreaks.length + 1]);
        // A sheet whose rows (and charts) fit the rows a page holds prints on one page; the
        // summary's 85 rows take more, but no more than a page for each page's worth of rows.
        // (Rows of wrapped text are taller: the problems and report text sheets are held to the
        // breaks alone.)
        const rows = s.lastRow + 1;
        const perPage = ROWS_PER_PAGE[orientation];
        if (WRAPPED.has(key)) expect(s.pdfPages).toBeGreaterThanOrEqual(1);
        else if (rows <= perPage) expect([key, s.pdfPages]).toEqual([key, 1]);
        else {
          expect(s.pdfPages).toBeGreaterThan(1);
          expect(s.pdfPages).toBeLessThanOrEqual(Math.ceil(rows / (perPage - 1)));
        }
        // The header row (found by its text) repeats at the top of every page.
        if (read) {
          const row = rowOf(read[NAMES[key]], REPEATED[key]) - 1;
          expect([key, s.printTitleRows, s.titleRows]).toEqual([key, true, [row, row]]);
        } else expect([key, s.printTitleRows]).toEqual([key, true]);
        expect(s.header).toEqual([NAMES[key], "", "统计截止日期：2014年11月30日"]);
        expect(s.footer?.[1]).toMatch(/^第 \d+ 页，共 \d+ 页$/);
        // No row is shorter than its text needs (wrapped text would overprint the next row).
        expect([key, s.rowsTooShort]).toEqual([key, []]);
        // No chart crosses a page break, and each lies within the printed columns.
        for (const chart of s.charts) {
          const crossing = s.rowBreaks.filter((b) => b > chart.firstRow && b <= chart.lastRow);
          expect([key, crossing]).toEqual([key, []]);
          expect(chart.lastColumn).toBeLessThanOrEqual(s.lastColumn);
        }
      }
      expect(calc[NAMES.summary]?.pdfPages).toBeGreaterThan(1);
      expect(calc[NAMES.growth]?.charts).toHaveLength(1);
      expect(calc[NAMES.coverage]?.charts).toHaveLength(1);
    },
    300_000
  );

  it.skipIf(lo.skip)(
    "LibreOffice reads the coverage chart as bars coloured met / not met under a target line, and the growth line's labels and axis minimum",
    async () => {
      assertAvailable(libreOffice);
      const calc = await calcOnce();
      const coverage = calc[NAMES.coverage]?.charts[0];
      const growth = calc[NAMES.growth]?.charts[0];
      expect(coverage?.chartTypes.map((t) => t.type)).toEqual([
        "com.sun.star.chart2.ColumnChartType",
        "com.sun.star.chart2.LineChartType",
      ]);
      // each township's bar in its colour, from the 是否达标 column of its row
      const table = openpyxl.available
        ? ((await readPrintWithOpenpyxl(OUT, [NAMES.coverage]))[NAMES.coverage]?.rows ?? [])
        : [];
      const met = table.slice(1).filter((r) => r[4] === L.yes || r[4] === L.no);
      const bars = coverage?.chartTypes[0]?.series[0]?.points ?? [];
      expect(new Set(bars)).toEqual(new Set([CHART_COLORS.met, CHART_COLORS.notMet]));
      if (openpyxl.available) {
        expect(bars).toEqual(
          met
            .slice(0, bars.length)
            .map((r) => (r[4] === L.yes ? CHART_COLORS.met : CHART_COLORS.notMet))
        );
        expect(met.length).toBe(bars.length + 1); // and the total row
      }
      expect(coverage?.chartTypes[1]?.series[0]?.color).toBe(CHART_COLORS.target);
      expect(growth?.chartTypes.map((t) => t.type)).toEqual(["com.sun.star.chart2.LineChartType"]);
      expect(growth?.chartTypes[0]?.series[0]?.labels).toBe(true);
      expect(growth?.valueAxisMin).toBeGreaterThan(0);
      const totals = openpyxl.available
        ? ((await readPrintWithOpenpyxl(OUT, [NAMES.growth]))[NAMES.growth]?.rows ?? [])
            .slice(1)
            .map((r) => r[1])
            .filter((v): v is number => typeof v === "number")
        : [];
      if (totals.length > 0) expect(growth?.valueAxisMin).toBeLessThan(Math.min(...totals));
    }
  );

  const tall = gate(
    libreOffice,
    "LibreOffice prints the chart of a district with 60 townships on a page of its own, whole, after the table"
  );
  it.skipIf(tall.skip)(
    tall.title,
    async () => {
      assertAvailable(libreOffice);
      const c = sampleJson().coverage;
      const one = c.byTownship?.[0];
      if (!one) throw new Error("the kit's coverage has townships");
      c.byTownship = Array.from({ length: 60 }, (_, i) => ({ ...one, township: `乡镇${i + 1}` }));
      const sheet = buildCoverageSheet({ lang: "zh", coverage: c, problems: [], name: "覆盖率" });
      const withPrint = { ...sheet, print: printSetup("coverage", "zh", "覆盖率", "2014-11-30") };
      const chart = withPrint.charts[0];
      expect(chart?.newPage).toBe(true);
      const file = join(tmp.path, "tall.xlsx");
      const pkg = await openPackage(copyFixture("exceljs-table.xlsx", tmp.path));
      await writeOutputSheets(pkg, [withPrint]);
      await savePackage(pkg, file);
      const calc = await printLayoutWithLibreOffice(
        file,
        join(tmp.path, "pdf-tall"),
        join(tmp.path, "profile"),
        ["覆盖率"]
      );
      const s = calc["覆盖率"];
      const placed = s?.charts[0];
      if (!s || !placed) throw new Error("LibreOffice did not report the chart");
      const from = (parseCellAddress(chart?.from ?? "")?.row ?? 0) - 1;
      expect(placed.firstRow).toBe(from);
      // a page starts at the chart's row, and none inside it
      expect(s.rowBreaks).toContain(from);
      expect(s.rowBreaks.filter((b) => b > placed.firstRow && b <= placed.lastRow)).toEqual([]);
      expect(s.pdfPages).toBe(s.rowBreaks.length + 1);
    },
    300_000
  );
});
