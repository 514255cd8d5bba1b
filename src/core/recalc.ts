/**
 * One recalculation, start to end: find the sheets, read and check every row, compute the
 * metrics, and lay out the output sheets. Pure: grids in, data out.
 */
import { duesRecords, lazily, memberRecords } from "./columns";
import { dayFromIso, isoOfDay, yearOfDay } from "./dates";
import { detectSheets, worksheetColumn, worksheetRow, type DetectedSheet } from "./detect";
import { OUTPUT_KEYS } from "./markers";
import { withMessage } from "./messages";
import { computeMetricsOfColumns } from "./metrics";
import { buildNarrative, narrativeJson } from "./narrative/index";
import { problem, sortProblems, summarise } from "./problems";
import { buildOutputSheets, OUTPUT_SHEET_NAMES } from "./report";
import { readSettings } from "./settings";
import { readChambers, type ChambersRead } from "./sheets/chambers";
import { eachRow, noRows, readable, type SheetReadContext } from "./sheets/context";
import { readDues, type DuesRead } from "./sheets/dues";
import { readMembers, type MembersRead } from "./sheets/members";
import { readTownships, type TownshipsRead } from "./sheets/townships";
import type {
  FiguresJson,
  FoundSheet,
  Lang,
  OutputSheetKey,
  ProblemDraft,
  RecalcJson,
  RecalcOptions,
  RecalcResult,
  RecalcStage,
  RowAccount,
  SheetGrid,
  SheetKind,
  WorkbookGrid,
} from "./types";

const CJK = /[\u3400-\u9fff]/;

/**
 * The language of the input sheets: Chinese when a found input sheet's name or header is
 * Chinese, English when they are all English, Chinese (the users' language) when none is found.
 */
export function inputLanguage(found: readonly DetectedSheet[]): Lang {
  if (found.length === 0) return "zh";
  for (const s of found) {
    if (CJK.test(s.grid.name)) return "zh";
    const header = s.headerIndex >= 0 ? s.grid.rows[s.headerIndex] : undefined;
    if (header?.some((c) => typeof c === "string" && CJK.test(c))) return "zh";
  }
  return "en";
}

/**
 * The names the output sheets go to. A sheet of the wanted name that the recalculation did not
 * create is never overwritten: the output goes to "name (2)" (or the next free or owned one) and
 * an `output-sheet-renamed` warning says so. Excel compares sheet names case-insensitively.
 */
export function chooseOutputNames(
  lang: Lang,
  existing: readonly string[],
  owned: ReadonlySet<string>
): { names: Record<OutputSheetKey, string>; problems: ProblemDraft[] } {
  const foreign = new Set(
    existing.filter((n) => !owned.has(n)).map((n) => n.toLocaleLowerCase("en"))
  );
  const used = new Set<string>();
  const problems: ProblemDraft[] = [];
  const names = {} as Record<OutputSheetKey, string>;
  for (const key of OUTPUT_KEYS) {
    const wanted = OUTPUT_SHEET_NAMES[lang][key];
    let name = wanted;
    for (let n = 2; foreign.has(name.toLocaleLowerCase("en")) || used.has(name); n++) {
      name = `${wanted} (${n})`;
    }
    used.add(name);
    names[key] = name;
    if (name !== wanted) {
      problems.push(
        problem("output-sheet-renamed", {
          kind: null,
          sheet: wanted,
          row: null,
          column: null,
          value: null,
          params: { wanted, usedName: name },
        })
      );
    }
  }
  return { names, problems };
}

function foundSheet(kind: SheetKind, s: DetectedSheet): FoundSheet {
  const columns: Record<string, string> = {};
  for (const [key, index] of s.columns) columns[key] = worksheetColumn(s.grid, index);
  return {
    kind,
    name: s.grid.name,
    headerRow: s.headerIndex >= 0 ? worksheetRow(s.grid, s.headerIndex) : 0,
    columns,
  };
}

/**
 * Checks every input row of a workbook and computes the metrics and output sheets of the spec.
 * `options.today` is the day of the recalculation (dates after it are in the future).
 */
export function recalculate(grid: WorkbookGrid, options: RecalcOptions): RecalcResult {
  const progress = (stage: RecalcStage, fraction: number, sheet?: SheetKind): void =>
    options.onProgress?.(stage, fraction, sheet);
  const today = dayFromIso(options.today);
  if (today === null) throw new RangeError(`today must be YYYY-MM-DD, got "${options.today}"`);
  const asOfOverride = options.asOf === undefined ? null : dayFromIso(options.asOf);
  if (options.asOf !== undefined && asOfOverride === null) {
    throw new RangeError(`asOf must be YYYY-MM-DD, got "${options.asOf}"`);
  }
  const system = grid.dateSystem ?? 1900;
  const owned = new Set(options.ownedSheets ?? []);

  progress("detect", 0);
  const detection = detectSheets(
    grid.sheets,
    owned,
    Object.values(OUTPUT_SHEET_NAMES).flatMap((names) => Object.values(names))
  );
  const { sheets } = detection;
  const drafts: ProblemDraft[] = [...detection.problems];
  const lang = options.lang ?? inputLanguage(Object.values(sheets));

  const totalRows =
    [sheets.townships, sheets.chambers, sheets.members, sheets.dues].reduce(
      (n, s) => n + (s ? s.dataEnd - s.dataStart : 0),
      0
    ) || 1;
  let rowsBefore = 0;
  const context = (sheet: DetectedSheet | undefined): SheetReadContext => {
    const before = rowsBefore;
    const span = sheet ? sheet.dataEnd - sheet.dataStart : 0;
    rowsBefore += span;
    return {
      system,
      today,
      todayIso: isoOfDay(today),
      todayYear: yearOfDay(today),
      problems: drafts,
      onRows: (f) => progress("check", (before + f * span) / totalRows, sheet?.def.kind),
    };
  };

  progress("check", 0);
  const townships: TownshipsRead | null = readable(sheets.townships)
    ? readTownships(sheets.townships, context(sheets.townships))
    : null;
  const chambers: ChambersRead | null = readable(sheets.chambers)
    ? readChambers(sheets.chambers, context(sheets.chambers), townships?.index ?? null)
    : null;
  const members: MembersRead | null = readable(sheets.members)
    ? readMembers(
        sheets.members,
        context(sheets.members),
        chambers?.index ?? null,
        townships?.index ?? null
      )
    : null;
  const dues: DuesRead | null = sheets.dues
    ? readDues(sheets.dues, context(sheets.dues), members?.index ?? null)
    : null;
  if (sheets.dues && dues && members === null && dues.account.read > 0) {
    // one problem for the sheet, not an unknown member on every row (SPEC §3)
    drafts.push(
      problem("dues-without-members", {
        kind: "dues",
        sheet: sheets.dues.grid.name,
        row: null,
        column: null,
        value: null,
        params: { rows: dues.account.read },
      })
    );
  }
  // A sheet found with a missing column is not read, but its rows are still accounted for.
  const unreadAccount = (s: DetectedSheet | undefined): RowAccount =>
    s ? eachRow(s, context(undefined), () => undefined) : noRows();
  // Dues figures need both the dues rows and the members they belong to: without a readable 会员
  // sheet no dues row can be counted, and the figures are unavailable, not zero.
  const duesUsable = readable(sheets.dues) && members !== null ? dues : null;

  const settingsRead = readSettings(sheets.settings, system, today, asOfOverride);
  for (const p of settingsRead.problems) drafts.push(p);
  const settings = settingsRead.settings;

  progress("metrics", 0);
  const metrics = computeMetricsOfColumns({
    settings,
    chambers: chambers?.records ?? null,
    members: members?.columns ?? null,
    dues: duesUsable?.columns ?? null,
    townships: townships?.records ?? null,
    townshipsUnavailable: townships ? null : sheets.townships ? "missing-column" : "missing-sheet",
    lang,
  });
  for (const p of metrics.warnings) drafts.push(p);

  progress("output", 0);
  const outputNames = chooseOutputNames(
    lang,
    grid.sheets.map((s: SheetGrid) => s.name),
    owned
  );
  for (const p of outputNames.problems) drafts.push(p);

  const problems = sortProblems(
    drafts.map((d) => withMessage(d, lang)),
    grid.sheets.map((s) => s.name)
  );

  const figures: FiguresJson = {
    asOf: isoOfDay(settings.asOf),
    year: settings.year,
    baseYear: settings.baseYear,
    members: metrics.members,
    series: metrics.series,
    chambers: metrics.chambers,
    coverage: metrics.coverage,
    dues: metrics.dues,
    rows: {
      members: members?.account ?? unreadAccount(sheets.members),
      chambers: chambers?.account ?? unreadAccount(sheets.chambers),
      dues: dues?.account ?? unreadAccount(sheets.dues),
      townships: townships?.account ?? unreadAccount(sheets.townships),
    },
    problems: summarise(problems, options.itemCap ?? 10_000),
  };
  const json: RecalcJson = {
    ...figures,
    narrative: narrativeJson(buildNarrative(figures, settings, lang)),
  };

  const found = (Object.entries(sheets) as Array<[SheetKind, DetectedSheet]>).map(([kind, s]) =>
    foundSheet(kind, s)
  );
  const chamberRecords = chambers?.records ?? [];
  const output = buildOutputSheets({
    lang,
    json,
    problems,
    chambers: chamberRecords,
    names: outputNames.names,
    found,
    duesIncomeThreshold: settings.duesIncomeThreshold,
    ...(options.generated ? { generated: options.generated } : {}),
  });
  progress("output", 1);

  // Members and dues are columns; their records are built only for a caller that reads them (the
  // result holds on to the columns alone, not to the indexes the checks used).
  const memberColumns = members?.columns ?? null;
  const duesColumns = dues?.columns ?? null;
  const memberList = lazily(() => (memberColumns === null ? [] : memberRecords(memberColumns)));
  const duesList = lazily(() => (duesColumns === null ? [] : duesRecords(duesColumns)));
  return {
    lang,
    json,
    problems,
    found,
    chambers: chamberRecords,
    get members() {
      return memberList();
    },
    get dues() {
      return duesList();
    },
    townships: townships?.records ?? [],
    settings,
    output,
  };
}
