/** Output sheets (§5) as data, which adapters only render, and the whole result of a recalculation. */
import type { Lang } from "./input";
import type { RecalcJson } from "./metrics";
import type { Problem } from "./problems";
import type {
  ChamberRecord,
  DuesRecord,
  MemberRecord,
  SheetKind,
  Settings,
  TownshipRecord,
} from "./records";

export type OutputSheetKey = "summary" | "growth" | "coverage" | "chambers" | "problems" | "report";

/** A calendar date to be written as a real date cell in the workbook's date system. */
export interface OutputDate {
  readonly date: string; // YYYY-MM-DD
}

export type OutputValue = string | number | boolean | OutputDate | null;

export type CellStyle =
  | "title"
  | "header"
  | "label"
  | "total"
  | "note"
  | "error"
  | "warning"
  /** A paragraph of running text, wrapped in its cell (the report text sheet). */
  | "paragraph"
  /** A 是/否 (yes/no) flag in a table, centred so that it never reads as one with a number. */
  | "flag"
  /** A flag in a total row. */
  | "totalFlag"
  /** A cell of a problem row of severity error (the severity word itself is "error"). */
  | "errorRow"
  /** The wrapped message of a problem row of severity error. */
  | "errorRowText"
  /** A cell of a problem row of severity warning (the severity word itself is "warning"). */
  | "warningRow"
  /** The wrapped message of a problem row of severity warning. */
  | "warningRowText"
  /** The generated-at line under a sheet's table. */
  | "stamp";

export interface OutputCell {
  /** Strings are always literal text, never formulas, whatever they begin with. */
  readonly v: OutputValue;
  /** An Excel number format, e.g. "0.00%", "yyyy-mm-dd", "#,##0.00", "#,##0", "@". */
  readonly fmt?: string;
  readonly style?: CellStyle;
  /** A link to a cell of this workbook, e.g. { sheet: "会员", cell: "C12" }. */
  readonly link?: { readonly sheet: string; readonly cell: string };
}

/** A block of cells in an output sheet, as an A1 range on that sheet ("B3:B12"). */
export interface ChartSeries {
  readonly name: string;
  /** The values' range on the same sheet, e.g. "C4:C8". */
  readonly values: string;
}

export interface ChartSpec {
  readonly type: "line" | "bar";
  readonly title: string;
  /** Category labels' range on the same sheet, e.g. "A4:A8". */
  readonly categories: string;
  readonly series: readonly ChartSeries[];
  /** Where the chart sits: top-left and bottom-right cells, e.g. "J2" and "Q20". */
  readonly from: string;
  readonly to: string;
  readonly valueFormat?: string;
}

export interface OutputSheet {
  readonly key: OutputSheetKey;
  /** The name to write to (already suffixed when the wanted name belongs to a user's sheet). */
  readonly name: string;
  /** Rows of cells starting at A1; `null` is an empty cell. */
  readonly rows: ReadonlyArray<ReadonlyArray<OutputCell | null>>;
  /** Column widths in characters, for columns A, B, ... */
  readonly columnWidths: readonly number[];
  /** Rows frozen at the top (the header), 0 for none. */
  readonly freezeRows: number;
  readonly charts: readonly ChartSpec[];
  /** A table whose header row has an AutoFilter: its range, header row first ("A1:F120"). */
  readonly autoFilter?: string;
  /**
   * Where the generated-at line is: its 1-based worksheet row, in column A, the sheet's last row
   * (below the tables, after a blank row). Absent when the run was given no `generated` option.
   */
  readonly stamp?: { readonly row: number };
  /** The workbook's language, which sets the font of every cell (report/styles.ts SHEET_FONTS). */
  readonly lang?: Lang;
}

/** Which worksheet was taken for each input, and how its columns were mapped. */
export interface FoundSheet {
  readonly kind: SheetKind;
  readonly name: string;
  /** 1-based worksheet row of the header. */
  readonly headerRow: number;
  /** Field key → column letter. */
  readonly columns: Readonly<Record<string, string>>;
}

export interface RecalcResult {
  readonly lang: Lang;
  readonly json: RecalcJson;
  /** Every problem, uncapped, sorted by sheet, row, column. */
  readonly problems: readonly Problem[];
  readonly found: readonly FoundSheet[];
  readonly chambers: readonly ChamberRecord[];
  readonly members: readonly MemberRecord[];
  readonly dues: readonly DuesRecord[];
  readonly townships: readonly TownshipRecord[];
  readonly settings: Settings;
  readonly output: readonly OutputSheet[];
}
