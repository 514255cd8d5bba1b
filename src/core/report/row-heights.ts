/**
 * How tall a row of wrapped or large text must be, for a file whose reader will not measure it.
 *
 * Excel fits a row of wrapped text when the add-in asks it to (`format.autofitRows()`, the Office
 * adapter), but a file can only say a height: LibreOffice Calc prints a row without one at the
 * default height, so wrapped paragraphs and messages overprint the rows below them, and a 14-point
 * title is cut. The .xlsx writer therefore gives each such row the height estimated here: the
 * lines its text takes at its column's width, at its font's line height. It errs towards too tall
 * (some white space under a paragraph) rather than too short (lines overprinting).
 */
import type { OutputCell } from "../types";
import { displayWidth } from "./cells";
import { cellLook } from "./styles";

/** Points a line of 11-point text takes, with the line gap (Excel's default row is 15). */
export const LINE_POINTS = 15;
/** The default font size of the output sheets, in points. */
const DEFAULT_FONT_POINTS = 11;
/** Points added to a wrapped row for the cell's top and bottom margins. */
const PADDING_POINTS = 3;
/** Excel's default column width in characters, for a column the sheet gives no width. */
const DEFAULT_WIDTH = 8.43;

/**
 * A text's width in column-width units (the width of a digit of the default font): an East Asian
 * ideograph, kana, hangul or full-width form (displayWidth's wide characters) is about two,
 * anything else about one; both a little more, to err tall.
 */
export function textWidthUnits(text: string): number {
  return displayWidth(text, 1.1, 2.1);
}

/** The lines a text wraps to in a column `width` characters wide (each line break starts one). */
export function wrappedLines(text: string, width: number): number {
  // a cell keeps about one character's width for its margins
  const perLine = Math.max(1, width - 1);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines += Math.max(1, Math.ceil(textWidthUnits(paragraph) / perLine));
  }
  return lines;
}

/**
 * The height in points that a row's text needs at the sheet's column widths: wrapped text at its
 * lines, text larger than the default at its font's line height. Null when the default height
 * serves (every cell one line of default-sized or smaller text).
 */
export function rowHeight(
  row: ReadonlyArray<OutputCell | null>,
  columnWidths: readonly number[]
): number | null {
  let height = LINE_POINTS;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (cell === null || cell === undefined || cell.style === undefined) continue;
    const look = cellLook(cell.style, false);
    const line =
      (LINE_POINTS * Math.max(look.fontSize ?? 0, DEFAULT_FONT_POINTS)) / DEFAULT_FONT_POINTS;
    const lines =
      look.wrap === true && typeof cell.v === "string"
        ? wrappedLines(cell.v, columnWidths[c] ?? DEFAULT_WIDTH)
        : 1;
    if (lines > 1 || line > LINE_POINTS) height = Math.max(height, lines * line + PADDING_POINTS);
  }
  return height > LINE_POINTS ? Math.round(height * 4) / 4 : null;
}
