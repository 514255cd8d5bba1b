/**
 * The output sheets of SPEC §5 as data. Adapters (the .xlsx writer, Office.js) only render them:
 * every value, format, cell role, width, frozen row, link and chart is decided here, and what
 * each role looks like in the one style table (styles.ts). Strings are literal text; user text
 * is passed through unchanged.
 */
import type {
  ChamberRecord,
  FoundSheet,
  GeneratedInfo,
  Lang,
  OutputSheet,
  OutputSheetKey,
  Problem,
  RecalcJson,
} from "../types";
import { EXCEL_MAX_ROWS } from "./cells";
import { buildChambersSheet } from "./chambers";
import { buildCoverageSheet } from "./coverage";
import { buildGrowthSheet } from "./growth";
import { buildProblemsSheet } from "./problems";
import { buildReportTextSheet } from "./report-text";
import { buildSummarySheet } from "./summary";

import { OUTPUT_SHEET_NAMES, REPORT_LABELS } from "./labels";
import { printSetup } from "./print";

export { OUTPUT_SHEET_NAMES };
export { headerFooterCode, pageBreaksAbove, printTitleRow } from "./print";

export interface ReportInput {
  readonly lang: Lang;
  readonly json: RecalcJson;
  /** Every problem, sorted, uncapped. */
  readonly problems: readonly Problem[];
  /** All chamber records (counted or not), for the chambers report's type and quality flags. */
  readonly chambers: readonly ChamberRecord[];
  /** The sheet names to write to, already chosen by the lead (suffixed when taken). */
  readonly names: Readonly<Record<OutputSheetKey, string>>;
  /** Which input sheets were used, for the summary's sources lines. */
  readonly found: readonly FoundSheet[];
  /** Optional: the dues income threshold (yuan), to show the figure in the summary's label. */
  readonly duesIncomeThreshold?: number;
  /** Optional: what each sheet's generated-at line says; without it the sheets have none. */
  readonly generated?: GeneratedInfo;
}

/** Rows the generated-at line takes under a sheet's tables: a blank row, then the line. */
const STAMP_ROWS = 2;

/** The six output sheets, in order: summary, growth, coverage, chambers, problems, report text. */
export function buildOutputSheets(input: ReportInput): OutputSheet[] {
  const { lang, json, problems, names } = input;
  const titles = OUTPUT_SHEET_NAMES[lang];
  const stamp = input.generated === undefined ? null : stampText(lang, input.generated);
  const maxRows = EXCEL_MAX_ROWS - (stamp === null ? 0 : STAMP_ROWS);
  const sheets: OutputSheet[] = [
    buildSummarySheet({
      lang,
      json,
      problems,
      found: input.found,
      name: names.summary,
      duesIncomeThreshold: input.duesIncomeThreshold,
    }),
    buildGrowthSheet({ lang, json, problems, name: names.growth }),
    buildCoverageSheet({ lang, coverage: json.coverage, problems, name: names.coverage }),
    buildChambersSheet({ lang, json, chambers: input.chambers, name: names.chambers }),
    buildProblemsSheet({ lang, problems, name: names.problems }, maxRows),
    buildReportTextSheet({ lang, json, name: names.report }),
  ];
  // Every sheet's page setup, decided in one place (print.ts); headed by the sheet's own title.
  return sheets.map((sheet) =>
    finish(
      { ...sheet, print: printSetup(sheet.key, lang, titles[sheet.key], json.asOf) },
      lang,
      stamp
    )
  );
}

const STAMP_AT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

function stampText(lang: Lang, generated: GeneratedInfo): string {
  if (!STAMP_AT.test(generated.at)) {
    throw new RangeError(`generated.at must be YYYY-MM-DD HH:MM, got "${generated.at}"`);
  }
  return REPORT_LABELS[lang].stamp(generated.at, generated.version, generated.file);
}

/**
 * The sheet in its workbook's language, with the generated-at line as its last row, below every
 * table and note after a blank row: nothing above it moves, and its row is in the model (`stamp`)
 * for whatever is laid out around the tables.
 */
function finish(sheet: OutputSheet, lang: Lang, stamp: string | null): OutputSheet {
  if (stamp === null) return { ...sheet, lang };
  // concat, not a spread into a call: the problems sheet can have a million rows
  const rows = sheet.rows.concat([[], [{ v: stamp, style: "stamp" }]]);
  return { ...sheet, lang, rows, stamp: { row: rows.length } };
}
