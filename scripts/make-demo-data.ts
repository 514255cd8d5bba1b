/**
 * Turns an .xlsx workbook (by default examples/sample-district.xlsx) into the JSON snapshot that the
 * in-browser fake of Excel loads, for the browser demo and the end-to-end tests.
 *
 * Usage: tsx scripts/make-demo-data.ts [in.xlsx] [out.json]   (default out: dist/demo-data.json)
 *
 * Cells keep what Excel holds: numbers (dates as serials in the workbook's date system, with their
 * number format), text, booleans, error values, and a formula's cached result beside the formula.
 */
import ExcelJS from "exceljs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { argv, stdout } from "node:process";
import { fileURLToPath } from "node:url";
import type { SheetSnapshot, SnapshotCell, WorkbookSnapshot } from "../src/fake-excel/model";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_INPUT = path.join(root, "examples", "sample-district.xlsx");
export const DEFAULT_OUTPUT = path.join(root, "dist", "demo-data.json");

const MS_PER_DAY = 86_400_000;

/** An ExcelJS date (a UTC instant standing for the serial) back to the Excel serial. */
export function serialOfDate(date: Date, date1904: boolean): number {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (date.getTime() - epoch) / MS_PER_DAY;
}

interface CellRead {
  readonly value: SnapshotCell;
  readonly error?: string;
  readonly formula?: string;
  /** A date cell's format when the workbook gave none. */
  readonly dateFormat?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** One ExcelJS cell value as the fake holds it. */
export function readCellValue(value: unknown, date1904: boolean): CellRead {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
    return { value };
  }
  if (value instanceof Date)
    return { value: serialOfDate(value, date1904), dateFormat: "yyyy-mm-dd" };
  if (!isRecord(value)) return { value: String(value) };
  if (typeof value["error"] === "string") return { value: value["error"], error: value["error"] };
  if (Array.isArray(value["richText"])) {
    const runs: unknown[] = value["richText"];
    return { value: runs.map((run) => (isRecord(run) ? String(run["text"] ?? "") : "")).join("") };
  }
  if ("formula" in value || "sharedFormula" in value) {
    const result = readCellValue(value["result"], date1904);
    const formula = typeof value["formula"] === "string" ? value["formula"] : null;
    return formula === null ? result : { ...result, formula: `=${formula}` };
  }
  if (typeof value["text"] === "string") return { value: value["text"] }; // a hyperlink
  return { value: JSON.stringify(value) };
}

function sheetSnapshot(ws: ExcelJS.Worksheet, date1904: boolean): SheetSnapshot {
  const cells: SnapshotCell[][] = [];
  const formats: Array<Array<string | null>> = [];
  const formulas: Array<Array<string | null>> = [];
  const errors: Record<string, string> = {};
  let anyFormat = false;
  let anyFormula = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return; // merged cells hold the value once
      const read = readCellValue(cell.value, date1904);
      const r = rowNumber - 1;
      const c = colNumber - 1;
      (cells[r] ??= [])[c] = read.value;
      const format = cell.numFmt || read.dateFormat;
      if (format && format !== "General") {
        (formats[r] ??= [])[c] = format;
        anyFormat = true;
      }
      if (read.formula) {
        (formulas[r] ??= [])[c] = read.formula;
        anyFormula = true;
      }
      if (read.error) errors[cell.address] = read.error;
    });
  });
  const views: Array<Partial<ExcelJS.WorksheetView>> = ws.views ?? [];
  const frozen = views.find((v) => v.state === "frozen");
  const ySplit = frozen && "ySplit" in frozen ? (frozen.ySplit ?? 0) : 0;
  return {
    name: ws.name,
    cells: dense(cells, null),
    ...(anyFormat ? { numberFormats: dense(formats, null) } : {}),
    ...(anyFormula ? { formulas: dense(formulas, null) } : {}),
    ...(Object.keys(errors).length > 0 ? { errors } : {}),
    ...(ySplit > 0 ? { frozenRows: ySplit } : {}),
  };
}

/** Fills the holes of sparse rows so that the JSON has no nulls standing for missing rows by accident. */
function dense<T>(rows: T[][], fill: T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    out.push(
      Array.from({ length: row.length }, (_, c) => (row[c] === undefined ? fill : (row[c] as T)))
    );
  }
  return out;
}

export async function snapshotOfXlsx(file: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const date1904 = wb.properties.date1904 === true;
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    sheets.push(sheetSnapshot(ws, date1904));
  });
  return { sheets, ...(date1904 ? { date1904: true } : {}) };
}

export async function writeDemoData(input = DEFAULT_INPUT, output = DEFAULT_OUTPUT): Promise<void> {
  const snapshot = await snapshotOfXlsx(input);
  await mkdir(path.dirname(output), { recursive: true });
  await writeFile(output, JSON.stringify(snapshot));
  stdout.write(
    `${path.relative(root, output)}: ${snapshot.sheets.map((s) => s.name).join(", ")}\n`
  );
}

const isMain = argv[1] !== undefined && path.resolve(argv[1]) === fileURLToPath(import.meta.url);
if (isMain) await writeDemoData(argv[2] ?? DEFAULT_INPUT, argv[3] ?? DEFAULT_OUTPUT);
