/**
 * Test data for the report's tests: a small, consistent RecalcJson, chamber records and problems,
 * and helpers that read the built sheets back. Used only by *.test.ts files.
 */
import { columnLetters, parseRangeAddress } from "../../../src/core/a1";
import { OUTPUT_SHEET_NAMES, type ReportInput } from "../../../src/core/report/index";
import type {
  ChamberRecord,
  Lang,
  OutputCell,
  OutputSheet,
  OutputValue,
  Problem,
  RecalcJson,
} from "../../../src/core/types";

/** A consistent result for 2014 (as of 2014-11-30, base year 2011), in the shape of SPEC §4. */
export function sampleJson(): RecalcJson {
  return {
    asOf: "2014-11-30",
    year: 2014,
    baseYear: 2011,
    members: {
      total: 1889,
      byType: { enterprise: 1500, group: 89, individual: 300 },
      newInYear: 120,
      leftInYear: 31,
      previousYearEnd: 1800,
      growthRate: 89 / 1800,
      baseYearEnd: 1058,
      growthSinceBase: 0.7854,
      retentionRate: 0.95,
      aboveScale: 210,
    },
    series: [
      series(2011, 1058, 800, 58, 200, 100, 10, 0.1),
      series(2012, 1300, 1000, 70, 230, 260, 18, 0.2287),
      series(2013, 1800, 1420, 80, 300, 520, 20, 0.3846),
      series(2014, 1889, 1500, 89, 300, 120, 31, 89 / 1800),
    ],
    chambers: {
      total: 2,
      byType: { township: 1, industry: 1, regional: 0, outOfTown: 0, other: 0 },
      registered: 2,
      registeredRate: 1,
      presidentEntrepreneur: 2,
      presidentEntrepreneurRate: 1,
      fixedOffice: 1,
      fixedOfficeRate: 0.5,
      fullTimeStaff: 1,
      fullTimeStaffRate: 0.5,
      website: 1,
      websiteRate: 0.5,
      journal: 0,
      journalRate: 0,
      fullCollection: 1,
      fullCollectionRate: 0.5,
      incomeAtLeastThreshold: 0,
      incomeAtLeastThresholdRate: 0,
    },
    coverage: {
      townships: 3,
      townshipsWithChamber: 1,
      townshipChamberCoverage: 1 / 3,
      nonPublicEnterprises: 15000,
      enterpriseMembers: 1500,
      memberCoverage: 0.1,
      target: 0.1,
      meetsTarget: true,
      byTownship: [
        township("城关镇", 8000, 1000, true),
        township("新华街道", 5000, 400, false),
        township("东山乡", 2000, 100, false),
      ],
      unavailableReason: null,
    },
    dues: {
      year: 2014,
      due: 30000,
      paid: 25500.5,
      collectionRate: 25500.5 / 30000,
      membersFullyPaid: 40,
      membersOwing: 8,
      byChamber: [
        chamberDues("C01", "城关镇商会", 1200, 20000, 20000),
        chamberDues("C02", "服装行业商会", 400, 6000, 3500.5),
        { ...chamberDues(null, "直属及其他", 289, 4000, 2000), fullCollection: false },
      ],
    },
    rows: {
      members: { read: 1950, counted: 1940, excluded: 10 },
      chambers: { read: 3, counted: 2, excluded: 1 },
      dues: { read: 60, counted: 48, excluded: 12 },
      townships: { read: 3, counted: 3, excluded: 0 },
    },
    problems: {
      errors: 23,
      warnings: 4,
      byCode: { "blank-required": 13, "member-excluded": 10, "bad-phone": 4 },
      items: [],
      truncated: false,
    },
    // the output sheets do not show the narrative; the narrative's own tests build it
    narrative: { paragraphs: [], omitted: [] },
  };
}

function series(
  year: number,
  members: number,
  enterprise: number,
  group: number,
  individual: number,
  joined: number,
  left: number,
  growthRate: number | null
) {
  return { year, members, enterprise, group, individual, new: joined, left, growthRate };
}

function township(name: string, npe: number, members: number, hasChamber: boolean) {
  const coverage = members / npe;
  return {
    township: name,
    nonPublicEnterprises: npe,
    enterpriseMembers: members,
    coverage,
    meetsTarget: coverage >= 0.1,
    hasTownshipChamber: hasChamber,
  };
}

function chamberDues(id: string | null, name: string, members: number, due: number, paid: number) {
  return {
    chamberId: id,
    chamberName: name,
    members,
    due,
    paid,
    collectionRate: due === 0 ? null : paid / due,
    fullCollection: due > 0 && paid >= due,
    incomeAtLeastThreshold: paid >= 500000,
  };
}

/** 2014-11-30 as days since 1970-01-01. */
export const AS_OF_DAY = Date.UTC(2014, 10, 30) / 86_400_000;

export function chamberRecord(over: Partial<ChamberRecord> & { id: string }): ChamberRecord {
  return {
    sheet: "商会",
    row: 2,
    name: `商会${over.id}`,
    type: "other",
    township: null,
    founded: AS_OF_DAY - 1000,
    dissolved: null,
    registered: false,
    president: null,
    presidentEntrepreneur: false,
    fullTimeStaff: null,
    fixedOffice: false,
    website: null,
    journal: false,
    uscc: null,
    counted: true,
    ...over,
  };
}

/** The records behind sampleJson's byChamber, plus an excluded duplicate of C02. */
export function sampleChambers(): ChamberRecord[] {
  return [
    chamberRecord({
      id: "C01",
      name: "城关镇商会",
      row: 2,
      type: "township",
      township: "城关镇",
      registered: true,
      presidentEntrepreneur: true,
      fullTimeStaff: 2,
      fixedOffice: true,
      website: "http://cg.example.cn",
    }),
    chamberRecord({
      id: "C02",
      name: "服装行业商会",
      row: 3,
      type: "industry",
      registered: true,
      presidentEntrepreneur: true,
      uscc: "51350100MJ0000000X",
    }),
    chamberRecord({ id: "C02", name: "重复", row: 4, type: "regional", counted: false }),
  ];
}

export function problem(over: Partial<Problem> = {}): Problem {
  return {
    code: "blank-required",
    severity: "error",
    kind: "members",
    sheet: "会员",
    row: 5,
    column: "C",
    value: null,
    params: { field: "type" },
    message: "会员类型为空。",
    ...over,
  } as Problem;
}

// ---------------------------------------------------------------------------------------------
// Reading sheets back
// ---------------------------------------------------------------------------------------------

/** The input of buildOutputSheets for the sample result in `lang`, with one problem. */
export function reportInput(lang: Lang, over: Partial<ReportInput> = {}): ReportInput {
  return {
    lang,
    json: sampleJson(),
    problems: [problem()],
    chambers: sampleChambers(),
    names: OUTPUT_SHEET_NAMES[lang],
    found: [],
    ...over,
  };
}

export function cellAt(sheet: OutputSheet, row: number, col: number): OutputCell | null {
  return sheet.rows[row]?.[col] ?? null;
}

export function valueAt(sheet: OutputSheet, row: number, col: number): OutputValue | undefined {
  return cellAt(sheet, row, col)?.v;
}

/** The row whose first cell holds `label`, or undefined. */
export function rowByLabel(sheet: OutputSheet, label: string) {
  return sheet.rows.find((r) => r[0]?.v === label);
}

/** The rows under a section's header row, up to the next empty row. */
export function sectionRows(sheet: OutputSheet, header: string) {
  const start = sheet.rows.findIndex((r) => r[0]?.v === header && r[0].style === "header");
  if (start < 0) throw new Error(`no section ${header}`);
  const rows = [];
  for (let i = start + 1; i < sheet.rows.length; i++) {
    const row = sheet.rows[i];
    if (row === undefined || row.length === 0) break;
    rows.push(row);
  }
  return rows;
}

/** The values of the cells of a row (null for empty cells). */
export function values(row: ReadonlyArray<OutputCell | null> | undefined): OutputValue[] {
  return (row ?? []).map((c) => (c === null ? null : c.v));
}

export interface ParsedRange {
  readonly column: string;
  readonly firstRow: number;
  readonly lastRow: number;
}

/** A one-column A1 range such as "C2:C9"; throws on anything else. */
export function parseColumnRange(range: string): ParsedRange {
  const r = parseRangeAddress(range);
  if (r === null || !range.includes(":") || r.first.column !== r.last.column) {
    throw new Error(`not a one-column range: ${range}`);
  }
  return { column: columnLetters(r.first.column), firstRow: r.first.row, lastRow: r.last.row };
}
