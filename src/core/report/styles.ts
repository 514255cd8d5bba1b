/**
 * What each cell role of the output sheets looks like, on every surface: the one style table.
 * The report builders give a cell its role (`OutputCell.style`) and, for a link, its target; the
 * adapters (the .xlsx writer's styles part, the Office.js range formats) only translate the look
 * below into their own terms. A new role or a new colour is a change here and nowhere else.
 */
import type { CellStyle } from "../types";

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
}

const NAVY = "1F3864";

export const CELL_LOOKS: Readonly<Record<CellStyle, CellLook>> = {
  title: { bold: true, fontSize: 14, fontColor: NAVY },
  header: { bold: true, fontColor: NAVY, fill: "D9E1F2", border: "bottom" },
  label: { fill: "F2F2F2" },
  total: { bold: true, fill: "EDEDED", border: "top" },
  note: { italic: true, fontColor: "7F7F7F" },
  error: { bold: true, fontColor: "C00000" },
  warning: { fontColor: "9C5700" },
  paragraph: { wrap: true },
};

/** A link to a cell of the workbook: underlined, in the link colour (over its role's colour). */
export const LINK_LOOK: CellLook = { underline: true, fontColor: "0563C1" };

/** The look of a cell of this role (none: the sheet's default look) that is or is not a link. */
export function cellLook(style: CellStyle | undefined, link: boolean): CellLook {
  const role = style === undefined ? {} : CELL_LOOKS[style];
  return link ? { ...role, ...LINK_LOOK } : role;
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
