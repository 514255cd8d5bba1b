/**
 * Cells between Office.js and the core: what `values`/`valueTypes`/`numberFormat` say about a cell
 * (text, number, date, boolean, error), and what to write for an output cell so that text stays
 * literal text. Pure functions; no Office.js calls.
 */
import { quoteSheetName } from "../../core/a1";
import { dayFromIso, serialOfDay } from "../../core/dates";
import { isDateFormatCode } from "../../core/number-formats";
import { memoizeText } from "../../core/text";
import type { DateSystem, OutputCell, OutputDate, RawCell } from "../../core/types";
import { FMT_DATE } from "../../core/report/cells";

/** The lowest ExcelApi set the adapter needs (freeze panes, chart series, workbook protection). */
export const MIN_EXCEL_API = "1.7";

/** A block of cells repeats a few formats ("General", "yyyy-mm-dd"): each is looked at once. */
const isDateFormat = memoizeText(isDateFormatCode);

/**
 * One cell as the core reads it, from what Office.js returns: `valueTypes` tells errors, booleans,
 * text and numbers apart; a number shown with a date format is a date cell (its serial, in the
 * workbook's own date system). Which formats are dates is the core's rule (`isDateFormatCode`).
 */
export function rawCellOf(value: unknown, type: unknown, format: unknown): RawCell {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { kind: "error", error: String(value) };
    case "Boolean":
      return value === true || value === "TRUE" || value === "true";
    case "String":
      return typeof value === "string" ? value : String(value);
    case "Double": {
      const n = typeof value === "number" ? value : Number(value);
      if (!Number.isFinite(n)) return String(value);
      return typeof format === "string" && isDateFormat(format) ? { kind: "date", serial: n } : n;
    }
    default:
      if (value === "" || value === null || value === undefined) return null;
      return typeof value === "number" || typeof value === "boolean" ? value : String(value);
  }
}

/**
 * A link to a cell of this workbook, as `Range.hyperlink` takes it (ExcelApi 1.7):
 * `documentReference` is the target (`'会员'!C12`), `textToDisplay` the text the cell shows. Not a
 * `=HYPERLINK("#…")` formula: in Excel on the web HYPERLINK works for web addresses only, so such a
 * link is dead there (https://support.microsoft.com/zh-hk/excel/functions/hyperlink-function;
 * https://learn.microsoft.com/javascript/api/excel/excel.rangehyperlink). The .xlsx writer's
 * equivalent is `<hyperlink location="'会员'!C12">` (adapters/xlsx/sheet-writer.ts).
 */
export interface CellLink {
  readonly documentReference: string;
  readonly textToDisplay: string;
}

/** The link for a cell pointing at `cell` of `sheet`, showing `text`. */
export function cellLink(sheet: string, cell: string, text: string): CellLink {
  return { documentReference: `${quoteSheetName(sheet)}!${cell}`, textToDisplay: text };
}

function isOutputDate(v: unknown): v is OutputDate {
  return typeof v === "object" && v !== null && typeof (v as { date?: unknown }).date === "string";
}

/** What goes into `values` and `numberFormat` for one output cell. */
export interface CellWrite {
  /** null leaves the (already cleared) cell empty. */
  readonly value: string | number | boolean | null;
  /** null leaves the format alone (General on a cleared sheet). */
  readonly format: string | null;
  /** A link to a cell, written with `range.hyperlink` after the value (see `cellLink`). */
  readonly hyperlink?: CellLink;
}

/** The text a cell shows, for a link's friendly name. */
function shownText(cell: OutputCell): string {
  const v = cell.v;
  if (v === null) return cell.link ? `${cell.link.sheet}!${cell.link.cell}` : "";
  if (isOutputDate(v)) return v.date;
  return String(v);
}

/**
 * Converts an output cell. Text is written into cells formatted as Text ("@"), set before the
 * values in the same batch: Excel then stores the string exactly as given, so "=1+1", "+86 138…",
 * "-" or "001" stay literal text and are never turned into formulas, numbers or dates.
 */
export function cellWrite(cell: OutputCell | null, system: DateSystem): CellWrite {
  if (!cell) return { value: null, format: null };
  if (cell.link) {
    const text = shownText(cell);
    return {
      value: text === "" ? null : text,
      format: "@",
      hyperlink: cellLink(cell.link.sheet, cell.link.cell, text),
    };
  }
  const v = cell.v;
  if (v === null) return { value: null, format: cell.fmt ?? null };
  if (typeof v === "string") return { value: v === "" ? null : v, format: "@" };
  if (typeof v === "number" || typeof v === "boolean")
    return { value: v, format: cell.fmt ?? null };
  const day = dayFromIso(v.date);
  if (day === null) return { value: v.date, format: "@" };
  return { value: serialOfDay(day, system), format: cell.fmt ?? FMT_DATE };
}

/**
 * Bytes a value takes in a request or response, counted pessimistically: JSON text with every
 * non-ASCII character as a six-byte \u escape, so that estimates never undershoot Excel's count.
 */
export function payloadBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === "number") return String(value).length;
  if (typeof value === "boolean") return value ? 4 : 5;
  if (typeof value === "string") {
    let n = 2;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      n += code < 0x20 || code === 0x22 || code === 0x5c ? 2 : code < 0x80 ? 1 : 6;
    }
    return n;
  }
  if (Array.isArray(value)) {
    let n = 2;
    for (const v of value) n += payloadBytes(v) + 1;
    return n;
  }
  return payloadBytes(JSON.stringify(value));
}

/** Excel column width in points for a width in characters of the default font. */
export function columnWidthPoints(characters: number): number {
  return Math.round((Math.max(0, characters) * 7 + 5) * 0.75 * 100) / 100;
}
