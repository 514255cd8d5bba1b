/**
 * What the adapters hand in: grids of raw cells, as a spreadsheet gives them, and the options of a
 * recalculation.
 */
import type { SheetKind } from "./records";

/** A cell that Excel shows as a date (a date cell in ExcelJS, a date-formatted number in Office.js). */
export interface DateCell {
  readonly kind: "date";
  /** The Excel serial in the workbook's own date system (1900 or 1904). Fractions are a time of day. */
  readonly serial: number;
}

/** A cell holding an Excel error value such as #N/A or #REF!. */
export interface ErrorCell {
  readonly kind: "error";
  /** The error text exactly as Excel shows it: "#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!". */
  readonly error: string;
}

/** One cell as the adapter read it. `null` (or `undefined` in a sparse row) is a blank cell. */
export type RawCell = string | number | boolean | DateCell | ErrorCell | null | undefined;

/**
 * Where an Excel table (ListObject) sits, in worksheet coordinates (1-based): its header row, its
 * data rows and its columns. A totals row is not data: `lastRow` is the last data row. A table
 * may show no header row (`headerRowCount="0"` in the file, `showHeaders` false in Office.js);
 * then `headerRow` is null and `firstRow` says where its data begin. Build one with `tableArea`
 * (tables.ts) from the table's whole range and its header and totals row counts.
 */
export type TableArea = TableWithHeader | TableWithoutHeader;

interface TableAreaBase {
  readonly name: string;
  readonly firstColumn: number;
  readonly lastColumn: number;
  /** The last data row (a totals row excluded); firstRow - 1 when the table has no data rows. */
  readonly lastRow: number;
}

export interface TableWithHeader extends TableAreaBase {
  readonly headerRow: number;
  /** The first data row: always headerRow + 1 (may be omitted). */
  readonly firstRow?: number;
}

export interface TableWithoutHeader extends TableAreaBase {
  readonly headerRow: null;
  /** The first data row: the table's first row. */
  readonly firstRow: number;
}

export interface SheetGrid {
  /** The worksheet's name as the user sees it on its tab. */
  readonly name: string;
  /** Rows of the used range; `rows[i][j]` is the worksheet cell at row firstRow+i, column firstColumn+j. */
  readonly rows: ReadonlyArray<ReadonlyArray<RawCell> | undefined>;
  /** 1-based worksheet row of rows[0]. Default 1. */
  readonly firstRow?: number;
  /** 1-based worksheet column of rows[i][0]. Default 1. */
  readonly firstColumn?: number;
  /**
   * Excel tables on this sheet (see `tableArea`): when one with a header row holds the data, its
   * header row is the header row; a table's totals row is never data (detect.ts).
   */
  readonly tables?: readonly TableArea[];
}

export type DateSystem = 1900 | 1904;

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
  /** 1904 when the workbook uses the 1904 date system (Mac Excel's old default). Default 1900. */
  readonly dateSystem?: DateSystem;
}

export type Lang = "zh" | "en";

export interface RecalcOptions {
  /** Today's date, the day of the recalculation (YYYY-MM-DD), from the adapter's clock in local time. */
  readonly today: string;
  /** Overrides the 设置 sheet's 统计截止日期 (the CLI's --as-of). YYYY-MM-DD. */
  readonly asOf?: string;
  /** Language of messages and output sheets; default: the language of the input sheets' names. */
  readonly lang?: Lang;
  /** Names of sheets that earlier recalculations created (the adapter knows them by their marker). */
  readonly ownedSheets?: readonly string[];
  /** Cap on `problems.items` in the JSON (at least 10,000; default 10,000). The output sheet lists all, up to Excel's row limit. */
  readonly itemCap?: number;
  /**
   * Called between stages and every few thousand rows, for progress bars. During "check",
   * `sheet` is the kind of sheet whose rows are being read.
   */
  readonly onProgress?: (stage: RecalcStage, fraction: number, sheet?: SheetKind) => void;
  /**
   * What the generated-at line of every output sheet says (SPEC §5); without it the sheets have
   * none. Not part of the JSON: the JSON of a workbook stays the same from run to run.
   */
  readonly generated?: GeneratedInfo;
}

/** When and by what the output sheets were made: facts the adapter knows and the core cannot. */
export interface GeneratedInfo {
  /** The local date and time of the run, "YYYY-MM-DD HH:MM", from the adapter's clock. */
  readonly at: string;
  /** The product's version (package.json). */
  readonly version: string;
  /** The input file's name, when the adapter knows it; null otherwise. */
  readonly file: string | null;
}

export type RecalcStage = "detect" | "check" | "metrics" | "output";
