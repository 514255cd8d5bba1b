/**
 * Properties of the whole recalculation on random workbooks (the robustness issue): random junk
 * in every cell never makes it throw; every non-empty data row is counted or named by a problem;
 * read = counted + excluded; a row with only warnings is counted; and the figures do not depend on
 * the order of data rows or columns, on empty rows, or on a second run over its own output.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recalculate } from "./recalc";
import {
  CHAMBER_TYPE_WORDS,
  DATA_SHEETS,
  MEMBER_TYPE_WORDS,
  type FieldDef,
  type FieldType,
  type SheetDef,
} from "./schema";
import { dayFromIso, serialOfDay } from "./dates";
import type {
  DateCell,
  DateSystem,
  ErrorCell,
  OutputSheet,
  RawCell,
  RecalcJson,
  RecalcResult,
  SheetGrid,
  SheetKind,
  WorkbookGrid,
} from "./types";

const TODAY = "2014-12-15";
const AS_OF = "2014-11-30";

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

const ERROR_TEXTS = ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!"];

/** Texts a spreadsheet would turn into formulas, or that are formula payloads. */
const HOSTILE_TEXTS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example","x")',
  "=1+1",
  "+1+1",
  "-2+3",
  "@SUM(A1:A2)",
  "\t=1+1",
  "\r=1+1",
  "=",
];

/** Texts that look like values of some type, half right: full width, invisible characters, typos. */
const ODD_TEXTS = [
  "１２３",
  "Ｍ１",
  "\u200bM1",
  "M1\u200b ",
  " M1 ",
  "\u3000",
  "\ufeff",
  "\u200b",
  "2014-02-30",
  "2014年11月",
  "２０１４年１１月３０日",
  "20141130",
  "1.2万",
  "¥1,200.50",
  "￥１，２００",
  "√",
  "×",
  "是",
  "TRUE",
  "#N/A",
  "1e309",
  "NaN",
  "-0",
  "91350100M000100Y43",
  "91350100m000100y43",
  "913501OOM000100Y43",
  "１３８００１３８０００",
  "x".repeat(300),
];

const junkString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ maxLength: 8 }),
  fc.constantFrom(...HOSTILE_TEXTS, ...ODD_TEXTS),
  fc.string({
    unit: fc.constantFrom(..."０１２３４５６７８９ＡＭ年月日-/.,万元%\u200b\u3000 19"),
    maxLength: 10,
  })
);

const junkNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(0, -0, 1, 60, 1904, 2014, 41973, 913501001000100000, 1e15 + 0.5, NaN, Infinity)
);

const dateCell = (serial: number): DateCell => ({ kind: "date", serial });
const errorCell = (error: string): ErrorCell => ({ kind: "error", error });

const junkCell: fc.Arbitrary<RawCell> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<RawCell>(null, undefined, "", "  ") },
  { weight: 4, arbitrary: junkString },
  { weight: 3, arbitrary: junkNumber },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc.oneof(junkNumber, fc.integer({ min: 1, max: 80_000 })).map(dateCell),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.constantFrom(...ERROR_TEXTS), fc.string()).map(errorCell),
  },
  { weight: 1, arbitrary: fc.constantFrom<RawCell>(...HOSTILE_TEXTS) }
);

const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A valid credit code (GB 32100) with the 17 characters given (SPEC §2.4), written out here. */
function usccWithCheck(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += USCC_ALPHABET.indexOf(body17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  }
  return body17 + USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** The n-th of a family of distinct valid codes. */
function validUscc(n: number): string {
  return usccWithCheck(`91350100M${String(n).padStart(8, "0")}`);
}

function serial1900(iso: string): number {
  const day = dayFromIso(iso);
  if (day === null) throw new Error(`bad date ${iso}`);
  return serialOfDay(day, 1900);
}

/** Dates in every accepted form (SPEC §2), all in the past of TODAY. */
const DATE_TEXTS = [
  "2010-03-01",
  "2010/3/1",
  "2011.03.01",
  "2012年3月1日",
  "20130301",
  "2013-07",
  "2012年6月",
  "２０１１－０５－０６",
  "2014-11-30",
  "2014-12-01",
];
/** Dates that are wrong: in the future, impossible, in no accepted form. */
const BAD_DATE_TEXTS = ["2014-12-20", "2030-01-01", "2014-02-30", "1.5.2014", "2014年13月"];

const goodDate: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constantFrom(...DATE_TEXTS),
  fc.integer({ min: serial1900("2005-01-01"), max: serial1900("2014-12-15") }),
  fc.integer({ min: serial1900("2005-01-01"), max: serial1900("2014-12-15") }).map(dateCell)
);

/** A value of a field type that reads without a problem (for a field that takes it). */
function goodValue(type: FieldType, kind: SheetKind): fc.Arbitrary<RawCell> {
  switch (type) {
    case "id":
      return kind === "chambers"
        ? fc.constantFrom("C1", "C2", "C3", "Ｃ４", "C5 ")
        : fc.constantFrom("M1", "M2", "M3", "M4", "Ｍ５", "M6\u200b", 1001, 1002);
    case "text":
      return fc.constantFrom("城关镇", "南湖镇", "C1", "C2", "城关镇商会", "甲公司", "乙厂");
    case "enum-chamber":
      return fc.constantFrom(...Object.values(CHAMBER_TYPE_WORDS).flat());
    case "enum-member":
      return fc.constantFrom(...Object.values(MEMBER_TYPE_WORDS).flat(), "企业会员 ");
    case "date":
      return goodDate;
    case "boolean":
      return fc.constantFrom<RawCell>("是", "否", "有", "无", "Y", "n", "yes", "FALSE", "√", "×");
    case "integer":
      return fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constantFrom("12", "1,200", "３"));
    case "money":
      return fc.oneof(
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom("1,200", "1200元", "1.2万", "¥1,200.50", "０．５", 0.1, 0.2)
      );
    case "year":
      return fc.constantFrom<RawCell>(2012, 2013, 2014, "2014", "2014年", 2014.0);
    case "uscc":
      return fc.integer({ min: 1, max: 6 }).map(validUscc);
    case "phone":
      return fc.constantFrom<RawCell>("13800138000", 13800138000, "0571-88886666");
    case "url":
      return fc.constantFrom("www.example.cn", "http://a.b");
  }
}

/** A near miss for a field type: the kind of mistake staff make. */
function nearMiss(type: FieldType): fc.Arbitrary<RawCell> {
  switch (type) {
    case "id":
    case "text":
      return fc.constantFrom<RawCell>("C9", "不存在", "外镇", " ");
    case "enum-chamber":
      return fc.constantFrom("行业商回", "商会", "Industryy");
    case "enum-member":
      return fc.constantFrom("企叶", "会员", "enterprize");
    case "date":
      return fc.oneof(
        fc.constantFrom<RawCell>(...BAD_DATE_TEXTS, 2014, 60),
        fc.constant(dateCell(serial1900("2016-01-01")))
      );
    case "boolean":
      return fc.constantFrom("是的", "2", "maybe");
    case "integer":
      return fc.constantFrom<RawCell>("3.5", -1, "十二");
    case "money":
      return fc.constantFrom<RawCell>(-5, "一千", "1,20,0");
    case "year":
      return fc.constantFrom<RawCell>(1900, 2999, "14年", 2014.5);
    case "uscc":
      return fc.constantFrom<RawCell>("91350100M000100Y44", 913501001000100000, "123");
    case "phone":
      return fc.constantFrom("123", "1380013800");
    case "url":
      return fc.constantFrom("not a url", "网站");
  }
}

function fieldValue(field: FieldDef, kind: SheetKind): fc.Arbitrary<RawCell> {
  return fc.oneof(
    { weight: 40, arbitrary: goodValue(field.type, kind) },
    { weight: 2, arbitrary: nearMiss(field.type) },
    { weight: 1, arbitrary: fc.constantFrom<RawCell>(null, "") },
    { weight: 1, arbitrary: junkCell }
  );
}

// ---------------------------------------------------------------------------------------------
// Wild workbooks: any header, any cell, titles, tables, odd origins
// ---------------------------------------------------------------------------------------------

/** The items in a random order. */
function permuted<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length });
}

interface ColumnSpec {
  readonly header: RawCell;
  readonly value: fc.Arbitrary<RawCell>;
}

function headerText(field: FieldDef): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...field.aliases), fc.constantFrom("", "(元)", " "))
    .map(([alias, unit]) => alias + unit);
}

/** The columns of a sheet: a random subset of its fields in random order, sometimes a duplicate or junk column. */
function columnsArb(def: SheetDef): fc.Arbitrary<ColumnSpec[]> {
  const fields = def.fields.map((f) =>
    fc.tuple(fc.integer({ min: 0, max: 9 }), headerText(f)).map(([roll, header]) => {
      const keep = f.required ? roll > 0 : roll > 4;
      return keep ? [{ header, value: fieldValue(f, def.kind) }] : [];
    })
  );
  const extras = fc.array(
    fc.oneof(
      fc.constantFrom<RawCell>("备注", "序号", null, "").map((header) => ({
        header,
        value: junkCell,
      })),
      fc
        .constantFrom(...def.fields)
        .chain((f) => headerText(f).map((header) => ({ header, value: fieldValue(f, def.kind) })))
    ),
    { maxLength: 2 }
  );
  return fc
    .tuple(fc.tuple(...fields), extras)
    .chain(([kept, more]) => permuted([...kept.flat(), ...more]));
}

const titleRowArb: fc.Arbitrary<RawCell[]> = fc.oneof(
  fc.constant<RawCell[]>(["2014年会员名册"]),
  fc.constant<RawCell[]>([null, "填表单位：某区工商联", null, null]),
  fc.array(junkCell, { maxLength: 4 })
);

const emptyRowArb: fc.Arbitrary<RawCell[] | undefined> = fc.constantFrom<RawCell[] | undefined>(
  undefined,
  [],
  [null, null],
  ["", "  ", "\u200b"],
  [undefined, "\u3000", "\ufeff"]
);

function sheetNameArb(def: SheetDef): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...def.aliases, ` ${def.aliases[0] ?? ""} `) },
    { weight: 1, arbitrary: fc.constantFrom("Sheet1", "2014年", "副本", "=1+1") }
  );
}

function dataSheetArb(def: SheetDef): fc.Arbitrary<SheetGrid> {
  return fc
    .record({
      name: sheetNameArb(def),
      titles: fc.array(titleRowArb, { maxLength: 3 }),
      columns: columnsArb(def),
      firstRow: fc.integer({ min: 1, max: 4 }),
      firstColumn: fc.integer({ min: 1, max: 3 }),
      table: fc.integer({ min: 0, max: 5 }),
    })
    .chain(({ name, titles, columns, firstRow, firstColumn, table }) => {
      const dataRow = fc.tuple(...columns.map((c) => c.value)).map((cells) => [...cells]);
      const row = fc.oneof(
        { weight: 8, arbitrary: dataRow },
        { weight: 1, arbitrary: emptyRowArb },
        { weight: 1, arbitrary: dataRow.map((cells) => cells.slice(0, 2)) }
      );
      return fc.array(row, { maxLength: 12 }).map((data): SheetGrid => {
        const header = columns.map((c) => c.header);
        const rows = [...titles, header, ...data];
        const width = Math.max(1, ...rows.map((r) => r?.length ?? 0));
        const headerRow = firstRow + titles.length;
        const tables =
          table === 0 && columns.length > 0
            ? [
                {
                  name: "表1",
                  headerRow,
                  firstColumn,
                  lastColumn: firstColumn + width - 1,
                  lastRow: firstRow + rows.length - 1 - Math.min(1, data.length),
                },
              ]
            : [];
        return {
          name,
          rows,
          firstRow,
          firstColumn,
          ...(tables.length > 0 ? { tables } : {}),
        };
      });
    });
}

const settingsSheetArb: fc.Arbitrary<SheetGrid> = fc
  .tuple(
    fc.oneof(goodDate, nearMiss("date"), junkCell),
    fc.oneof(fc.constantFrom<RawCell>(2011, "2012年", 1900, 99999), junkCell),
    fc.oneof(fc.constantFrom<RawCell>("10%", 0.1, 15, "150%"), junkCell),
    fc.oneof(fc.constantFrom<RawCell>(500000, "50万", -1), junkCell)
  )
  .map(([asOf, base, target, threshold]) => ({
    name: "设置",
    rows: [
      ["设置项", "值"],
      ["统计截止日期", asOf],
      ["基准年度", base],
      ["会员覆盖率目标", target],
      ["会费收入标准", threshold],
    ],
  }));

const junkSheetArb: fc.Arbitrary<SheetGrid> = fc.record({
  name: fc.oneof(junkString, fc.constantFrom("汇总", "校验结果", "Summary")),
  rows: fc.array(fc.array(junkCell, { maxLength: 6 }), { maxLength: 6 }),
});

function uniqueNames(sheets: SheetGrid[]): SheetGrid[] {
  const seen = new Set<string>();
  return sheets.map((s, i) => {
    let name = s.name;
    if (seen.has(name.toLowerCase())) name = `${name}_${i}`;
    seen.add(name.toLowerCase());
    return { ...s, name };
  });
}

const wildWorkbookArb: fc.Arbitrary<WorkbookGrid> = fc
  .record({
    data: fc.tuple(
      ...DATA_SHEETS.map((def) => fc.option(dataSheetArb(def), { freq: 6, nil: null }))
    ),
    settings: fc.option(settingsSheetArb, { freq: 3, nil: null }),
    junk: fc.array(junkSheetArb, { maxLength: 2 }),
    dateSystem: fc.constantFrom<DateSystem>(1900, 1904),
  })
  .chain(({ data, settings, junk, dateSystem }) => {
    const present = [...data, settings, ...junk].filter((s): s is SheetGrid => s !== null);
    return permuted(present).map((sheets) => ({ sheets: uniqueNames(sheets), dateSystem }));
  });

// ---------------------------------------------------------------------------------------------
// Reading a grid back, independently of the core
// ---------------------------------------------------------------------------------------------

/** Blank as SPEC §1 means it: nothing, or nothing but spaces and zero-width characters. */
function isBlank(cell: RawCell): boolean {
  if (cell === null || cell === undefined) return true;
  return typeof cell === "string" && cell.replace(/[\u200b-\u200d\u2060\ufeff]/g, "").trim() === "";
}

function sheetByName(grid: WorkbookGrid, name: string): SheetGrid {
  const sheet = grid.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Worksheet row numbers of the non-empty data rows of a found input sheet. */
function nonEmptyDataRows(grid: WorkbookGrid, name: string, headerRow: number): number[] {
  const sheet = sheetByName(grid, name);
  const top = sheet.firstRow ?? 1;
  const table = sheet.tables?.find((t) => t.headerRow === headerRow);
  const first = headerRow === 0 ? top : headerRow + 1;
  const last = table ? table.lastRow : top + sheet.rows.length - 1;
  const rows: number[] = [];
  for (let r = first; r <= last; r++) {
    const cells = sheet.rows[r - top];
    if (cells?.some((c) => !isBlank(c))) rows.push(r);
  }
  return rows;
}

const INPUT_KINDS = ["members", "chambers", "dues", "townships"] as const;
type InputKind = (typeof INPUT_KINDS)[number];

function countedRows(result: RecalcResult, kind: InputKind): number[] {
  const records: ReadonlyArray<{ row: number; counted: boolean }> = result[kind];
  return records.filter((r) => r.counted).map((r) => r.row);
}

function rowsWith(result: RecalcResult, sheet: string, severity: "error" | "warning"): Set<number> {
  const rows = new Set<number>();
  for (const p of result.problems) {
    if (p.sheet === sheet && p.row !== null && p.severity === severity) rows.add(p.row);
  }
  return rows;
}

function recalc(grid: WorkbookGrid, ownedSheets: readonly string[] = []): RecalcResult {
  return recalculate(grid, { today: TODAY, asOf: AS_OF, ownedSheets });
}

/** Checks the accounting of every input sheet of a result against the grid; returns nothing, throws on a failure. */
function expectEveryRowAccountedFor(grid: WorkbookGrid, result: RecalcResult): void {
  for (const kind of INPUT_KINDS) {
    const found = result.found.find((f) => f.kind === kind);
    const account = result.json.rows[kind];
    expect(account.read).toBe(account.counted + account.excluded);
    if (!found) {
      expect(account).toEqual({ read: 0, counted: 0, excluded: 0 });
      continue;
    }
    const nonEmpty = nonEmptyDataRows(grid, found.name, found.headerRow);
    expect({ kind, read: account.read }).toEqual({ kind, read: nonEmpty.length });
    // a sheet-level problem that excludes every row: a missing column, or dues without members
    const missingColumn = result.problems.some(
      (p) =>
        (p.code === "missing-column" || p.code === "dues-without-members") && p.sheet === found.name
    );
    if (missingColumn) {
      expect(account.excluded).toBe(nonEmpty.length);
      continue;
    }
    const counted = new Set(countedRows(result, kind));
    const errors = rowsWith(result, found.name, "error");
    const unaccounted = nonEmpty.filter((r) => !counted.has(r) && !errors.has(r));
    const both = nonEmpty.filter((r) => counted.has(r) && errors.has(r));
    expect({ kind, unaccounted, both }).toEqual({ kind, unaccounted: [], both: [] });
    expect({ kind, counted: counted.size }).toEqual({ kind, counted: account.counted });
    const warnedOnly = [...rowsWith(result, found.name, "warning")].filter((r) => !errors.has(r));
    expect({ kind, warnedNotCounted: warnedOnly.filter((r) => !counted.has(r)) }).toEqual({
      kind,
      warnedNotCounted: [],
    });
  }
}

/** Every problem names a real place: its sheet exists, its row and column lie in the sheet. */
function expectProblemsLocated(grid: WorkbookGrid, result: RecalcResult): void {
  const json = result.json.problems;
  expect(json.errors).toBe(result.problems.filter((p) => p.severity === "error").length);
  expect(json.warnings).toBe(result.problems.filter((p) => p.severity === "warning").length);
  for (const p of result.problems) {
    expect(p.message.length).toBeGreaterThan(0);
    if (p.kind === null || p.row === null) continue;
    const sheet = sheetByName(grid, p.sheet);
    const top = sheet.firstRow ?? 1;
    expect(p.row).toBeGreaterThanOrEqual(top);
    expect(p.row).toBeLessThan(top + sheet.rows.length);
    if (p.column !== null) expect(p.column).toMatch(/^[A-Z]{1,3}$/);
  }
}

describe("recalculate on random workbooks with junk in every cell", () => {
  it("never throws, accounts for every non-empty row and locates every problem", () => {
    fc.assert(
      fc.property(wildWorkbookArb, (grid) => {
        const result = recalc(grid);
        expectEveryRowAccountedFor(grid, result);
        expectProblemsLocated(grid, result);
      }),
      { numRuns: 180 }
    );
  });

  it("never throws in either language and without an as-of date", () => {
    fc.assert(
      fc.property(wildWorkbookArb, fc.constantFrom("zh", "en" as const), (grid, lang) => {
        const result = recalculate(grid, { today: TODAY, lang });
        expect(result.json.rows.members.read).toBe(
          result.json.rows.members.counted + result.json.rows.members.excluded
        );
      }),
      { numRuns: 60 }
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Keyed workbooks: unique IDs and keys, so that no rule depends on which of two rows comes first
// ---------------------------------------------------------------------------------------------

interface KeyedSheet {
  readonly name: string;
  readonly header: RawCell[];
  readonly data: RawCell[][];
}

/** Fields of a sheet in a random order, each once, with a random alias; some optional fields left out. */
function keyedColumns(def: SheetDef): fc.Arbitrary<Array<{ field: FieldDef; header: string }>> {
  const picks = def.fields.map((f) =>
    fc
      .tuple(fc.boolean(), fc.constantFrom(...f.aliases))
      .map(([keep, header]) => (f.required || keep ? [{ field: f, header }] : []))
  );
  return fc.tuple(...picks).chain((kept) => permuted(kept.flat()));
}

/** A cell for a key column: the unique key (in one of its spellings), or now and then no key at all. */
function keyCell(key: RawCell): fc.Arbitrary<RawCell> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(key) },
    { weight: 1, arbitrary: fc.constantFrom<RawCell>(null, errorCell("#REF!")) }
  );
}

function sheetOf(
  def: SheetDef,
  columns: Array<{ field: FieldDef; header: string }>,
  rows: number,
  cell: (field: FieldDef, row: number) => fc.Arbitrary<RawCell>
): fc.Arbitrary<KeyedSheet> {
  const all = Array.from({ length: rows }, (_, r) =>
    fc.tuple(...columns.map((c) => cell(c.field, r))).map((cells) => [...cells])
  );
  return fc.tuple(fc.constantFrom(...def.aliases), fc.tuple(...all)).map(([name, data]) => ({
    name,
    header: columns.map((c) => c.header),
    data,
  }));
}

const [CHAMBERS_DEF, TOWNSHIPS_DEF, MEMBERS_DEF, DUES_DEF] = DATA_SHEETS as [
  SheetDef,
  SheetDef,
  SheetDef,
  SheetDef,
];
const TOWNSHIP_NAMES = ["城关镇", "南湖镇", "西城街道", "临江镇"];
const township: fc.Arbitrary<RawCell> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom<RawCell>(...TOWNSHIP_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom<RawCell>("外镇", null) }
);

/** Credit codes that are never valid, so never a duplicate: unique keys stay unique. */
const badUscc: fc.Arbitrary<RawCell> = fc.constantFrom<RawCell>(
  null,
  "91350100M000100Y44",
  "9135010OM000100Y43",
  913501001000100000,
  "123",
  errorCell("#N/A")
);

function keyedChambers(n: number): fc.Arbitrary<KeyedSheet> {
  return keyedColumns(CHAMBERS_DEF).chain((columns) =>
    sheetOf(CHAMBERS_DEF, columns, n, (field, r) => {
      if (field.key === "id") return keyCell(r % 3 === 0 ? `Ｃ${r}` : `C${r}`);
      if (field.key === "name") return keyCell(`第${r}商会`);
      if (field.key === "uscc") {
        return fc.oneof(fc.constant<RawCell>(validUscc(100 + r)), badUscc);
      }
      if (field.key === "township") return township;
      return fieldValue(field, "chambers");
    })
  );
}

function keyedTownships(pairs: ReadonlyArray<[number, number]>): fc.Arbitrary<KeyedSheet> {
  return keyedColumns(TOWNSHIPS_DEF).chain((columns) =>
    sheetOf(TOWNSHIPS_DEF, columns, pairs.length, (field, r) => {
      const [t, year] = pairs[r] ?? [0, 2014];
      if (field.key === "township") return keyCell(TOWNSHIP_NAMES[t] ?? "城关镇");
      if (field.key === "year") return keyCell(r % 2 === 0 ? year : `${year}年`);
      return fieldValue(field, "townships");
    })
  );
}

function keyedMembers(n: number, chambers: number): fc.Arbitrary<KeyedSheet> {
  const known: RawCell[] = [null];
  for (let c = 0; c < chambers; c++) known.push(`C${c}`, `第${c}商会`);
  const chamberRef = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.constantFrom<RawCell>("C99", "不存在的商会") }
  );
  return keyedColumns(MEMBERS_DEF).chain((columns) =>
    sheetOf(MEMBERS_DEF, columns, n, (field, r) => {
      if (field.key === "id") return keyCell(r % 4 === 0 ? 1000 + r : `M${r}`);
      if (field.key === "uscc") {
        return fc.oneof(fc.constant<RawCell>(validUscc(200 + r)), badUscc);
      }
      if (field.key === "chamber") return chamberRef;
      if (field.key === "township") return township;
      return fieldValue(field, "members");
    })
  );
}

function keyedDues(pairs: ReadonlyArray<[number, number]>): fc.Arbitrary<KeyedSheet> {
  return keyedColumns(DUES_DEF).chain((columns) =>
    sheetOf(DUES_DEF, columns, pairs.length, (field, r) => {
      const [m, year] = pairs[r] ?? [0, 2014];
      if (field.key === "memberId") return keyCell(m % 4 === 0 ? 1000 + m : `M${m}`);
      if (field.key === "year") return keyCell(r % 3 === 0 ? `${year}` : year);
      return fieldValue(field, "dues");
    })
  );
}

interface KeyedWorkbook {
  readonly sheets: KeyedSheet[];
  readonly settings: SheetGrid | null;
}

const keyedWorkbookArb: fc.Arbitrary<KeyedWorkbook> = fc
  .record({
    chambers: fc.integer({ min: 0, max: 6 }),
    members: fc.integer({ min: 0, max: 12 }),
    townshipPairs: fc.uniqueArray(
      fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 2012, max: 2014 })),
      { maxLength: 8, selector: ([t, y]) => `${t}/${y}` }
    ),
    duesPairs: fc.uniqueArray(
      fc.tuple(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 2012, max: 2015 })),
      { maxLength: 14, selector: ([m, y]) => `${m}/${y}` }
    ),
    withTownships: fc.boolean(),
    settings: fc.option(settingsSheetArb, { freq: 2, nil: null }),
  })
  .chain((k) =>
    fc
      .tuple(
        keyedChambers(k.chambers),
        keyedMembers(k.members, k.chambers),
        keyedDues(k.duesPairs),
        k.withTownships ? keyedTownships(k.townshipPairs) : fc.constant(null)
      )
      .map(([chambers, members, dues, townships]) => ({
        sheets: [chambers, members, dues, ...(townships ? [townships] : [])],
        settings: k.settings,
      }))
  );

function gridOf(book: KeyedWorkbook): WorkbookGrid {
  const sheets: SheetGrid[] = book.sheets.map((s) => ({
    name: s.name,
    rows: [["2014年统计"], s.header, ...s.data],
  }));
  if (book.settings) sheets.push(book.settings);
  return { sheets: uniqueNames(sheets) };
}

function mapSheets(
  book: KeyedWorkbook,
  f: (s: KeyedSheet, i: number) => KeyedSheet
): KeyedWorkbook {
  return { ...book, sheets: book.sheets.map(f) };
}

/** The figures of a result, with the lists whose order follows the sheets' order sorted. */
function figures(json: RecalcJson): unknown {
  const { problems, coverage, dues, ...rest } = json;
  return {
    ...rest,
    coverage: {
      ...coverage,
      byTownship: coverage.byTownship
        ? [...coverage.byTownship].sort((a, b) => a.township.localeCompare(b.township))
        : null,
    },
    dues: dues
      ? {
          ...dues,
          byChamber: [...dues.byChamber].sort((a, b) =>
            (a.chamberId ?? "").localeCompare(b.chamberId ?? "")
          ),
        }
      : null,
    problems: { errors: problems.errors, warnings: problems.warnings, byCode: problems.byCode },
  };
}

/** A permutation of 0..n-1 from random sort keys. */
function permutation(keys: readonly number[], n: number): number[] {
  return Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (keys[a % keys.length] ?? 0) - (keys[b % keys.length] ?? 0) || a - b
  );
}

const keysArb = fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 20 });

describe("the figures of a workbook with unique keys", () => {
  it("do not change when the data rows of every sheet are shuffled", () => {
    fc.assert(
      fc.property(keyedWorkbookArb, keysArb, (book, keys) => {
        const shuffled = mapSheets(book, (s) => ({
          ...s,
          data: permutation(keys, s.data.length).map((i) => s.data[i] ?? []),
        }));
        const a = recalc(gridOf(book));
        const b = recalc(gridOf(shuffled));
        expect(figures(b.json)).toEqual(figures(a.json));
      }),
      { numRuns: 90 }
    );
  });

  it("do not change when the columns of every sheet are reordered, and problems keep their rows", () => {
    fc.assert(
      fc.property(keyedWorkbookArb, keysArb, (book, keys) => {
        const reordered = mapSheets(book, (s) => {
          const order = permutation(keys, s.header.length);
          const pick = (row: RawCell[]): RawCell[] => order.map((c) => row[c] ?? null);
          return { ...s, header: pick(s.header), data: s.data.map(pick) };
        });
        const a = recalc(gridOf(book));
        const b = recalc(gridOf(reordered));
        expect(figures(b.json)).toEqual(figures(a.json));
        const where = (r: RecalcResult): string[] =>
          r.problems.map((p) => `${p.sheet}|${p.row}|${p.code}|${p.value}`).sort();
        expect(where(b)).toEqual(where(a));
      }),
      { numRuns: 90 }
    );
  });

  it("do not change when empty rows are inserted among the data rows", () => {
    fc.assert(
      fc.property(
        keyedWorkbookArb,
        fc.array(fc.tuple(fc.nat(), emptyRowArb), { minLength: 1, maxLength: 6 }),
        (book, inserts) => {
          const spaced = mapSheets(book, (s) => {
            const data: RawCell[][] = [...s.data];
            for (const [at, row] of inserts) data.splice(at % (data.length + 1), 0, row ?? []);
            return { ...s, data };
          });
          const a = recalc(gridOf(book));
          const b = recalc(gridOf(spaced));
          expect(figures(b.json)).toEqual(figures(a.json));
          expect(b.json.rows).toEqual(a.json.rows);
        }
      ),
      { numRuns: 90 }
    );
  });

  it("are the same when the workbook is recalculated twice, over its own output sheets", () => {
    fc.assert(
      fc.property(keyedWorkbookArb, (book) => {
        const grid = gridOf(book);
        const first = recalc(grid);
        const again = recalc(grid);
        expect(again.json).toEqual(first.json);
        const withOutput: WorkbookGrid = {
          sheets: [...grid.sheets, ...first.output.map(outputGrid)],
        };
        const second = recalc(
          withOutput,
          first.output.map((s) => s.name)
        );
        expect(figures(second.json)).toEqual(figures(first.json));
        expect(second.output.map((s) => s.name)).toEqual(first.output.map((s) => s.name));
      }),
      { numRuns: 60 }
    );
  });
});

/** An output sheet as an adapter would read it back from the workbook. */
function outputGrid(sheet: OutputSheet): SheetGrid {
  return {
    name: sheet.name,
    rows: sheet.rows.map((row) =>
      row.map((cell): RawCell => {
        if (cell === null || cell.v === null) return null;
        if (typeof cell.v === "object") {
          const day = dayFromIso(cell.v.date);
          return day === null ? null : dateCell(serialOfDay(day, 1900));
        }
        return cell.v;
      })
    ),
  };
}

describe("rows with only warnings", () => {
  it("are counted, whatever else the workbook holds", () => {
    fc.assert(
      fc.property(keyedWorkbookArb, (book) => {
        const grid = gridOf(book);
        const result = recalc(grid);
        expectEveryRowAccountedFor(grid, result);
      }),
      { numRuns: 90 }
    );
  });
});
