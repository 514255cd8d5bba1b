/** The producer corpus' one data set (scripts/producers/dataset.json, written by dataset.py). */
import { readFileSync } from "node:fs";
import { URL, fileURLToPath } from "node:url";

export type Value = string | number | null;

export interface DatasetSheet {
  readonly name: string;
  readonly columns: readonly string[];
  /** The columns whose values are ISO days, to be written as date cells. */
  readonly dates: readonly string[];
  readonly rows: ReadonlyArray<readonly Value[]>;
}

export interface Dataset {
  readonly asOf: string;
  readonly sheets: readonly DatasetSheet[];
}

export const DATASET_PATH = fileURLToPath(new URL("./dataset.json", import.meta.url));

export function loadDataset(): Dataset {
  return JSON.parse(readFileSync(DATASET_PATH, "utf8")) as Dataset;
}

/** The date columns' indexes of a sheet. */
export function dateColumns(sheet: DatasetSheet): Set<number> {
  return new Set(sheet.dates.map((name) => sheet.columns.indexOf(name)));
}

/** An ISO day as its 1900-system Excel serial (days since 1899-12-30; the data set is after 1900-03-01). */
export function excelSerial(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** An ISO day as a Date at UTC midnight (what ExcelJS converts without a time zone). */
export function utcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
