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
  /** How this series is drawn, when not as the chart's `type` (a combo chart: a line over bars). */
  readonly type?: "line" | "bar";
  /** One colour for the whole series, "RRGGBB". */
  readonly color?: string;
  /** A colour for each point, in the order of the values, "RRGGBB" (a bar chart's met / not met). */
  readonly pointColors?: readonly string[];
  /** Each point shows its value, in the chart's `valueFormat`. */
  readonly dataLabels?: boolean;
  /** A line drawn without point markers (a target line). */
  readonly noMarkers?: boolean;
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
  /** Where the value axis starts, when not at 0 (data far from 0); absent: the host decides. */
  readonly valueAxisMin?: number;
  /** The chart starts a printed page: a page break sits above its `from` row. */
  readonly newPage?: boolean;
}

/** A piece of a printed header or footer: literal text, or the page number / page count. */
export type HeaderFooterPart = { readonly text: string } | { readonly field: "page" | "pages" };

/** The three sections of a printed header or footer line. */
export interface HeaderFooterLine {
  readonly left: readonly HeaderFooterPart[];
  readonly center: readonly HeaderFooterPart[];
  readonly right: readonly HeaderFooterPart[];
}

/**
 * How an output sheet prints (SPEC §5): paper, orientation, fitted to pages wide (any number
 * tall), the row repeated at the top of each page, and the header and footer. The repeated row is
 * named by its role, not its number: adapters find it in the rows with `printTitleRow`
 * (core/report/print.ts), so a row added above a table moves it along.
 */
export interface PrintSetup {
  readonly paper: "A4";
  readonly orientation: "portrait" | "landscape";
  /** Pages wide the sheet is scaled to fit; its height is free. */
  readonly fitToPagesWide: number;
  /** Which row repeats on every page: the table's header row, the sheet's title row, or none. */
  readonly repeat: "header" | "title" | "none";
  readonly header: HeaderFooterLine;
  readonly footer: HeaderFooterLine;
  /** Margins in inches. */
  readonly margins: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
    readonly header: number;
    readonly footer: number;
  };
  readonly centerHorizontally: boolean;
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
  /**
   * The cell that shows each figure of the §6 JSON, by the figure's path ("members.total" →
   * "B6"), so that a checked draft can point at it; only 汇总 has them.
   */
  readonly figureCells?: Readonly<Record<string, string>>;
  /** How the sheet prints; absent, the host's defaults (a sheet built outside buildOutputSheets). */
  readonly print?: PrintSetup;
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
