/**
 * How the output sheets print (SPEC §5): the one home of each sheet's page setup, of the row that
 * repeats on every printed page, of where a chart goes so that it prints whole, and of the code
 * language of printed headers and footers (the same in the .xlsx file and in Office.js). The
 * adapters only translate a sheet's `print` into their own terms.
 */
import { cellAddress, parseCellAddress } from "../a1";
import { formatDate } from "../narrative/figures";
import type {
  HeaderFooterLine,
  HeaderFooterPart,
  Lang,
  OutputSheet,
  OutputSheetKey,
  PrintSetup,
} from "../types";
import { REPORT_LABELS } from "./labels";

interface SheetPrint {
  readonly orientation: PrintSetup["orientation"];
  readonly repeat: PrintSetup["repeat"];
}

/**
 * Each sheet's paper orientation and repeated row. Portrait where the table is about as wide as a
 * portrait page (the summary's four columns, the growth and coverage tables with their charts
 * below, the report's one column of text); landscape for the wide lists (16 columns of chambers,
 * the problems with their long messages). The summary and the report text have no table header:
 * their title repeats instead.
 */
const SHEET_PRINT: Readonly<Record<OutputSheetKey, SheetPrint>> = {
  summary: { orientation: "portrait", repeat: "title" },
  growth: { orientation: "portrait", repeat: "header" },
  coverage: { orientation: "portrait", repeat: "header" },
  chambers: { orientation: "landscape", repeat: "header" },
  problems: { orientation: "landscape", repeat: "header" },
  report: { orientation: "portrait", repeat: "title" },
};

/** Narrow margins (inches), as Excel's "Narrow" preset: more of the table on each page. */
const MARGINS: PrintSetup["margins"] = {
  left: 0.25,
  right: 0.25,
  top: 0.75,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
};

/**
 * Rows of the default height (15 pt, up to 18 pt where a CJK font is taller) that an A4 page
 * holds at 100 % between the margins above, rounded down. Fitting a sheet to its width only ever
 * shrinks it, so a page holds at least this many: a chart placed by these numbers prints whole.
 */
export const ROWS_PER_PAGE: Readonly<Record<PrintSetup["orientation"], number>> = {
  portrait: 40,
  landscape: 26,
};

export function sheetOrientation(key: OutputSheetKey): PrintSetup["orientation"] {
  return SHEET_PRINT[key].orientation;
}

/** The print setup of an output sheet: `title` heads each page with the as-of date. */
export function printSetup(
  key: OutputSheetKey,
  lang: Lang,
  title: string,
  asOf: string
): PrintSetup {
  const l = REPORT_LABELS[lang].print;
  const { orientation, repeat } = SHEET_PRINT[key];
  return {
    paper: "A4",
    orientation,
    fitToPagesWide: 1,
    repeat,
    header: {
      left: [{ text: title }],
      center: [],
      right: [{ text: l.asOf(formatDate(asOf, lang)) }],
    },
    footer: { left: [], center: l.pageOf({ field: "page" }, { field: "pages" }), right: [] },
    margins: MARGINS,
    centerHorizontally: true,
  };
}

/**
 * The 1-based worksheet row that repeats at the top of each printed page, found by its role in
 * the rows: the first row of header cells only (the table's header), or the first row holding a
 * title. Null when the sheet has no such row (a sheet that holds only a note) or repeats none.
 */
export function printTitleRow(sheet: OutputSheet): number | null {
  const repeat = sheet.print?.repeat ?? "none";
  if (repeat === "none") return null;
  for (let r = 0; r < sheet.rows.length; r++) {
    const cells = (sheet.rows[r] ?? []).filter((c) => c !== null && c !== undefined);
    if (cells.length === 0) continue;
    if (repeat === "header" && cells.every((c) => c?.style === "header")) return r + 1;
    if (repeat === "title" && cells.some((c) => c?.style === "title")) return r + 1;
  }
  return null;
}

/**
 * One section of a header or footer (left, center or right) in Excel's code language, as
 * Office.js's HeaderFooter strings take it: `&P`, `&N` for the page number and count, a literal
 * `&` as `&&`.
 */
export function headerFooterSectionCode(parts: readonly HeaderFooterPart[]): string {
  return parts
    .map((p) => ("field" in p ? (p.field === "page" ? "&P" : "&N") : p.text.replace(/&/g, "&&")))
    .join("");
}

/**
 * A header or footer line in Excel's code language (the .xlsx `oddHeader` and Office.js's
 * `HeaderFooter` strings alike): `&L`, `&C`, `&R` start the sections, `&P` and `&N` are the page
 * number and count, and a literal `&` is written `&&` — so a title such as "R&D" prints as typed.
 * (A font size code is `&` directly followed by digits, so digits after `&L` or `&&` are text.)
 * The codes: https://msdn.microsoft.com/library/bb225426.aspx, which Excel.HeaderFooter's
 * reference points to.
 */
export function headerFooterCode(line: HeaderFooterLine): string {
  const section = (code: string, parts: readonly HeaderFooterPart[]): string =>
    parts.length === 0 ? "" : `${code}${headerFooterSectionCode(parts)}`;
  return section("&L", line.left) + section("&C", line.center) + section("&R", line.right);
}

export interface ChartPlace {
  readonly from: string;
  readonly to: string;
  readonly newPage: boolean;
}

/**
 * Where a chart goes: under its table (one empty row between), across the table's columns, so
 * that it lies inside the printed width. It stays on the table's first page when the estimate
 * says both fit there; otherwise it starts a page of its own (under the repeated header row), and
 * it is never taller than a page.
 */
export function chartBelowTable(input: {
  readonly tableLastRow: number;
  readonly lastColumn: number;
  readonly heightRows: number;
  readonly orientation: PrintSetup["orientation"];
}): ChartPlace {
  const perPage = ROWS_PER_PAGE[input.orientation];
  const height = Math.max(1, Math.min(input.heightRows, perPage - 2));
  const top = input.tableLastRow + 2;
  const newPage = top + height - 1 > perPage;
  return {
    from: cellAddress(1, top),
    to: cellAddress(input.lastColumn, top + height - 1),
    newPage,
  };
}

/** Rows (1-based) above which a printed page starts: above each chart that starts a page. */
export function pageBreaksAbove(sheet: OutputSheet): number[] {
  const rows: number[] = [];
  for (const chart of sheet.charts) {
    const at = parseCellAddress(chart.from);
    if (chart.newPage === true && at !== null && at.row > 1) rows.push(at.row);
  }
  return rows;
}

/** 1, 2 or 5 times a power of ten, the smallest at or above `x` (> 0). */
function niceStep(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * power >= x) return m * power;
  return 10 * power;
}

/**
 * Where a value axis starts so that it begins near the data: the round number (a step of about a
 * quarter of the data's range) below the smallest value. Undefined — the axis starts at 0 —
 * when that number is 0 or below, or when there is nothing to plot or no range.
 */
export function valueAxisMinimum(values: readonly number[]): number | undefined {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of finite) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo <= 0) return undefined;
  const span = hi - lo;
  const step = niceStep(span > 0 ? span / 4 : lo / 4);
  // strictly below: the smallest point does not sit on the axis
  let min = Math.floor(lo / step) * step;
  if (min >= lo) min -= step;
  return min > 0 ? min : undefined;
}
