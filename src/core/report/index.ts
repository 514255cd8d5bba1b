/**
 * The output sheets of SPEC §5 as data. Adapters (the .xlsx writer, Office.js) only render them:
 * every value, format, cell role, width, frozen row, link and chart is decided here, and what
 * each role looks like in the one style table (styles.ts). Strings are literal text; user text
 * is passed through unchanged.
 */
import type {
  ChamberRecord,
  FoundSheet,
  Lang,
  OutputSheet,
  OutputSheetKey,
  Problem,
  RecalcJson,
} from "../types";
import { buildChambersSheet } from "./chambers";
import { buildCoverageSheet } from "./coverage";
import { buildGrowthSheet } from "./growth";
import { buildProblemsSheet } from "./problems";
import { buildReportTextSheet } from "./report-text";
import { buildSummarySheet } from "./summary";

import { OUTPUT_SHEET_NAMES } from "./labels";
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
}

/** The six output sheets, in order: summary, growth, coverage, chambers, problems, report text. */
export function buildOutputSheets(input: ReportInput): OutputSheet[] {
  const { lang, json, problems, names } = input;
  const titles = OUTPUT_SHEET_NAMES[lang];
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
    buildProblemsSheet({ lang, problems, name: names.problems }),
    buildReportTextSheet({ lang, json, name: names.report }),
  ];
  // Every sheet's page setup, decided in one place (print.ts); headed by the sheet's own title.
  return sheets.map((sheet) => ({
    ...sheet,
    print: printSetup(sheet.key, lang, titles[sheet.key], json.asOf),
  }));
}
