/**
 * What each cell role of the output sheets looks like, on every surface: the one style table.
 * The report builders give a cell its role (`OutputCell.style`) and, for a link, its target; the
 * adapters (the .xlsx writer's styles part, the Office.js range formats) only translate the look
 * below into their own terms. A new role or a new colour is a change here and nowhere else.
 */
import type { CellStyle, Lang } from "../types";

/** How a cell looks. Colours are "RRGGBB" (sRGB, no alpha); sizes are points. */
export interface CellLook {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  /** The font size; without it, the workbook's default size. */
  readonly fontSize?: number;
  readonly fontColor?: string;
  /** A solid fill. */
  readonly fill?: string;
  /** A thin line along one edge of the cell. */
  readonly border?: "top" | "bottom";
  /** Text wrapped within the cell's width, from its top. */
  readonly wrap?: boolean;
  /** Horizontal alignment; without it, the host's default (text left, numbers right). */
  readonly align?: "center";
  /** The typeface; without it, the workbook's default font. Set on every cell (SHEET_FONTS). */
  readonly font?: FontFace;
}

/** A typeface as both surfaces name it. */
export interface FontFace {
  /** The name Excel, Office.js and LibreOffice look the font up by. */
  readonly name: string;
  /** The OOXML font family (2: sans serif, 3: serif). */
  readonly family: number;
  /** The OOXML (Windows) character set the font is for: 134 is GB2312, simplified Chinese. */
  readonly charset: number;
}

/**
 * The font of every cell of a Chinese workbook's output sheets: 等线 (DengXian), the East Asian
 * font of Excel's own Chinese workbooks since Office 2016 (Windows, Mac and the web have it), so
 * that Chinese text does not fall back to whatever each host substitutes for a Latin font. An
 * English workbook keeps its own default font.
 */
export const SHEET_FONTS: Readonly<Record<Lang, FontFace | null>> = {
  zh: { name: "等线", family: 2, charset: 134 },
  en: null,
};

/** Problem rows' fills, light enough to print in black and white. */
const ERROR_FILL = "FCE4E4";
const WARNING_FILL = "FFF2CC";

const NAVY = "1F3864";
const TOTAL: CellLook = { bold: true, fill: "EDEDED", border: "top" };

export const CELL_LOOKS: Readonly<Record<CellStyle, CellLook>> = {
  title: { bold: true, fontSize: 14, fontColor: NAVY },
  header: { bold: true, fontColor: NAVY, fill: "D9E1F2", border: "bottom" },
  label: { fill: "F2F2F2" },
  total: TOTAL,
  note: { italic: true, fontColor: "7F7F7F" },
  error: { bold: true, fontColor: "C00000", fill: ERROR_FILL },
  warning: { fontColor: "9C5700", fill: WARNING_FILL },
  paragraph: { wrap: true },
  flag: { align: "center" },
  totalFlag: { ...TOTAL, align: "center" },
  errorRow: { fill: ERROR_FILL },
  errorRowText: { fill: ERROR_FILL, wrap: true },
  warningRow: { fill: WARNING_FILL },
  warningRowText: { fill: WARNING_FILL, wrap: true },
  stamp: { italic: true, fontColor: "7F7F7F", fontSize: 9 },
};

/** A link to a cell of the workbook: underlined, in the link colour (over its role's colour). */
export const LINK_LOOK: CellLook = { underline: true, fontColor: "0563C1" };

/**
 * The look of a cell of this role (none: the sheet's default look) that is or is not a link, in
 * a workbook of this language (its font; without a language, the workbook's own font).
 */
export function cellLook(style: CellStyle | undefined, link: boolean, lang?: Lang): CellLook {
  const role = style === undefined ? {} : CELL_LOOKS[style];
  const font = lang === undefined ? null : SHEET_FONTS[lang];
  const look = link ? { ...role, ...LINK_LOOK } : role;
  return font === null ? look : { ...look, font };
}

/** The colours of the output sheets' charts, "RRGGBB". */
export const CHART_COLORS = {
  /** The growth chart's line of all members. */
  members: "2F5597",
  /** A township's bar when it meets the coverage target, and when it does not. */
  met: "548235",
  notMet: "ED7D31",
  /** The coverage target's line. */
  target: NAVY,
} as const;
