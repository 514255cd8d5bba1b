/**
 * The JavaScript producers of the corpus, each writing scripts/producers/dataset.json the way
 * that library's users do:
 *
 * - exceljs-workbook.xlsx: ExcelJS's in-memory Workbook (shared strings, Date values with a
 *   number format, a frozen header row, column widths).
 * - exceljs-stream.xlsx: ExcelJS's streaming WorkbookWriter (rows committed one by one).
 * - sheetjs.xlsx: SheetJS (npm xlsx 0.18.5) aoa_to_sheet with cellDates and writeFile; SheetJS
 *   writes strings as t="str" cells without a formula unless asked for a shared-string table.
 *
 * Usage: tsx scripts/producers/node-producers.ts OUT_DIR   (run with TZ=UTC: SheetJS converts
 * Dates to serials in local time)
 */
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { argv, stdout } from "node:process";
import * as XLSX from "xlsx";
import { dateColumns, loadDataset, utcDate, type Dataset, type Value } from "./dataset";

const FIXED_TIME = new Date(Date.UTC(2024, 11, 1, 8));
const DATE_FORMATS = ["yyyy-mm-dd", "yyyy/m/d", "yyyy年m月d日"];

type CellValue = string | number | Date | null;

function rowValues(
  row: readonly Value[],
  dates: Set<number>,
  asDate: (iso: string) => Date
): CellValue[] {
  return row.map((v, i) => (v !== null && dates.has(i) && typeof v === "string" ? asDate(v) : v));
}

async function writeExceljsWorkbook(data: Dataset, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "chamber-stats producers";
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  data.sheets.forEach((sheet, s) => {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    const header = ws.addRow([...sheet.columns]);
    header.font = { bold: true };
    const dates = dateColumns(sheet);
    for (const row of sheet.rows) ws.addRow(rowValues(row, dates, utcDate));
    for (const index of dates) {
      ws.getColumn(index + 1).numFmt = DATE_FORMATS[s % DATE_FORMATS.length] ?? "yyyy-mm-dd";
    }
    sheet.columns.forEach((_c, i) => (ws.getColumn(i + 1).width = 14));
  });
  await wb.xlsx.writeFile(path);
}

async function writeExceljsStream(data: Dataset, path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: true,
  });
  wb.creator = "chamber-stats producers";
  wb.created = FIXED_TIME;
  for (const sheet of data.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const dates = dateColumns(sheet);
    ws.addRow([...sheet.columns]).commit();
    for (const values of sheet.rows) {
      const row = ws.addRow(rowValues(values, dates, utcDate));
      for (const index of dates) row.getCell(index + 1).numFmt = "yyyy-mm-dd";
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
}

function writeSheetjs(data: Dataset, path: string): void {
  const wb = XLSX.utils.book_new();
  for (const sheet of data.sheets) {
    const dates = dateColumns(sheet);
    // SheetJS users build local-time Dates; the generator runs with TZ=UTC.
    const local = (iso: string) => {
      const [y, m, d] = iso.split("-").map(Number);
      return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
    };
    const rows = [[...sheet.columns], ...sheet.rows.map((r) => rowValues(r, dates, local))];
    const ws = XLSX.utils.aoa_to_sheet(rows, { cellDates: true, dateNF: "yyyy-mm-dd" });
    XLSX.utils.book_append_sheet(wb, ws, sheet.name);
  }
  XLSX.writeFile(wb, path, { compression: true });
}

async function main(): Promise<void> {
  const folder = resolve(argv[2] ?? "tests/fixtures/producers");
  mkdirSync(folder, { recursive: true });
  const data = loadDataset();
  await writeExceljsWorkbook(data, join(folder, "exceljs-workbook.xlsx"));
  await writeExceljsStream(data, join(folder, "exceljs-stream.xlsx"));
  writeSheetjs(data, join(folder, "sheetjs.xlsx"));
  stdout.write(`node producers written to ${folder}\n`);
}

await main();
