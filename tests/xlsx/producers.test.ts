/**
 * The command line on workbooks from real producers (tests/fixtures/producers/, written by
 * `npm run producers`; never regenerated here). Every fixture holds one data set
 * (scripts/producers/dataset.json), so every one must give the figures of oracle.json, computed
 * from that data set by SPEC's rules in Python (scripts/producers/oracle.py), not by our engine.
 *
 * For each fixture, copied to a temp folder: the exit status and the JSON figures; an output
 * whose XML parses with namespaces and whose package is consistent; every input part byte for
 * byte (the workbook part, its .rels, the content types and the styles part excepted, and every
 * original style entry kept at its index); openpyxl and LibreOffice open the output; and a second
 * run --in-place in the other language gives the same figures and still exactly five output
 * sheets. The corrupt fixture must exit 2 with one line.
 */
import { Buffer } from "node:buffer";
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { env, execPath } from "node:process";
import { clearTimeout, setTimeout } from "node:timers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VARIANTS } from "../../scripts/producers/handmade";
import { BIN, FIXTURES, ROOT, runCli, tempDir, type CliRun } from "../cli/helpers";
import {
  assertAvailable,
  convertWithLibreOffice,
  gate,
  libreOfficeConsumer,
  libreOfficeCsv,
  openpyxlConsumer,
  parseCsv,
  readWithOpenpyxl,
  summaryFigure,
  type OpenpyxlRead,
} from "../consumers";
import {
  decodeXml,
  packageProblems,
  parseXml,
  preservationProblems,
  readParts,
  strictProblems,
  stylesProblems,
  viewPackage,
  type PackageView,
} from "./package-check";

interface ProducerFixture {
  readonly file: string;
  readonly mimics: string;
  readonly strict?: boolean;
}

/** The producers' own files; then the hand-made variants the generator writes (handmade.ts). */
const PRODUCED: readonly ProducerFixture[] = [
  {
    file: "openpyxl.xlsx",
    mimics:
      "openpyxl 3.0.9: no XML declaration, CJK as character references in inline strings, xmlns:r on each <sheet>, _FilterDatabase names",
  },
  {
    file: "openpyxl-write-only.xlsx",
    mimics: "openpyxl write_only: an empty <definedNames/>, xmlns:r on each <sheet>",
  },
  {
    file: "pandas.xlsx",
    mimics:
      "pandas 1.5 to_excel (openpyxl engine): an empty <definedNames/>, xmlns:r on each <sheet>, datetime cells",
  },
  {
    file: "xlsxwriter.xlsx",
    mimics: "XlsxWriter: shared strings, write_datetime, a frozen header",
  },
  {
    file: "xlsxwriter-constant-memory.xlsx",
    mimics: "XlsxWriter constant_memory: inline strings, row by row",
  },
  { file: "libreoffice-from-xlsx.xlsx", mimics: "LibreOffice 7.4 re-saving the XlsxWriter file" },
  {
    file: "libreoffice-from-ods.xlsx",
    mimics: "LibreOffice 7.4 converting an odfpy .ods (date cells from a YYYY-MM-DD data style)",
  },
  {
    file: "gnumeric.xlsx",
    mimics:
      "Gnumeric 1.12 ssconvert: indented XML, shared and inline strings mixed, _FilterDatabase names",
  },
  { file: "exceljs-workbook.xlsx", mimics: "ExcelJS 4.4 in-memory Workbook" },
  { file: "exceljs-stream.xlsx", mimics: "ExcelJS 4.4 streaming WorkbookWriter" },
  { file: "sheetjs.xlsx", mimics: 'SheetJS 0.18.5: strings as t="str" cells, no shared strings' },
];

const HANDMADE: readonly ProducerFixture[] = VARIANTS.filter((v) => !v.corrupt).map((v) => ({
  file: v.file,
  mimics: v.about,
  ...(v.strict ? { strict: true } : {}),
}));
const CORRUPT = VARIANTS.filter((v) => v.corrupt).map((v) => v.file);
const ALL: readonly ProducerFixture[] = [...PRODUCED, ...HANDMADE];

// ---------------------------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------------------------

interface Oracle {
  readonly asOf: string;
  readonly exitStatus: number;
  readonly members: { readonly total: number; readonly byType: { readonly enterprise: number } };
  readonly chambers: { readonly total: number };
  readonly dues: { readonly due: number; readonly paid: number };
  readonly problemCells: ReadonlyArray<readonly [string, number | null, string | null, string]>;
  readonly [key: string]: unknown;
}

const ORACLE = JSON.parse(readFileSync(join(FIXTURES, "oracle.json"), "utf8")) as Oracle;
const AS_OF = ORACLE.asOf;

/** The oracle's §6 figures (without its own notes), in the language of the run. */
function expectedFigures(lang: "zh" | "en"): unknown {
  const figures = { ...ORACLE } as Record<string, unknown>;
  for (const key of ["about", "exitStatus", "problemCells"]) delete figures[key];
  const copy = JSON.parse(JSON.stringify(figures)) as {
    dues: { byChamber: Array<{ chamberId: string | null; chamberName: string }> };
  };
  if (lang === "en") {
    for (const entry of copy.dues.byChamber) {
      if (entry.chamberId === null) entry.chamberName = "Direct and other members";
    }
  }
  return copy;
}

/**
 * Where `actual` differs from `expected`, as "path: actual ≠ expected" lines. Only the keys of
 * `expected` are compared (the oracle is a subset of §6); arrays must have the same length;
 * fractional numbers match to 1e-9 relative (the engine and Python may divide in either order).
 */
function differences(actual: unknown, expected: unknown, path = ""): string[] {
  if (typeof expected === "number" && typeof actual === "number") {
    const ok = Number.isInteger(expected)
      ? actual === expected
      : Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
    return ok ? [] : [`${path}: ${actual} ≠ ${expected}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: ${JSON.stringify(actual)} is not an array`];
    if (actual.length !== expected.length) {
      return [`${path}: ${actual.length} entries ≠ ${expected.length}`];
    }
    return expected.flatMap((e: unknown, i) => differences(actual[i], e, `${path}[${i}]`));
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object") {
      return [`${path}: ${JSON.stringify(actual)} is not an object`];
    }
    return Object.entries(expected).flatMap(([k, e]) =>
      differences((actual as Record<string, unknown>)[k], e, path ? `${path}.${k}` : k)
    );
  }
  return Object.is(actual, expected)
    ? []
    : [`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`];
}

interface ProblemItem {
  readonly sheet: string | null;
  readonly row: number | null;
  readonly column: string | null;
  readonly code: string;
}

function problemCellDifferences(json: unknown): string[] {
  const items = (json as { problems?: { items?: ProblemItem[] } }).problems?.items ?? [];
  const got = items.map((p) => [p.sheet, p.row, p.column, p.code] as const);
  if (got.length !== ORACLE.problemCells.length) {
    return [`problems.items: ${JSON.stringify(got)} ≠ ${JSON.stringify(ORACLE.problemCells)}`];
  }
  return ORACLE.problemCells.flatMap((want, i) => {
    const have = got[i];
    // A null column in the oracle: SPEC does not say which cell the problem points at.
    const same =
      have !== undefined &&
      have[0] === want[0] &&
      have[1] === want[1] &&
      (want[2] === null || have[2] === want[2]) &&
      have[3] === want[3];
    return same ? [] : [`problems.items[${i}]: ${JSON.stringify(have)} ≠ ${JSON.stringify(want)}`];
  });
}

// ---------------------------------------------------------------------------------------------
// The runs, once for the whole file
// ---------------------------------------------------------------------------------------------

const OUTPUT_NAMES = {
  zh: ["汇总", "会员增长", "覆盖率", "商会明细", "校验结果", "报告文字"],
  en: ["Summary", "Growth", "Coverage", "Chambers report", "Problems", "Report text"],
};

interface Outcome {
  readonly input: string;
  readonly out: string;
  readonly run: CliRun;
  readonly json: unknown;
  /** The second run, --in-place --lang en on a copy of `out`. */
  readonly inPlace: string;
  readonly rerun: CliRun | null;
  readonly rejson: unknown;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const work = tempDir();
const LO_DIR = join(work.path, "lo");
const openpyxl = openpyxlConsumer();
const libreOffice = libreOfficeConsumer();
const outcomes = new Map<string, Outcome>();
let libreOfficeLog = "";
let openpyxlReads = new Map<string, OpenpyxlRead>();
const views = new Map<string, Promise<PackageView>>();

/** The parsed package at `path`, parsed once. */
function view(path: string): Promise<PackageView> {
  let found = views.get(path);
  if (!found) {
    found = readParts(path).then(viewPackage);
    views.set(path, found);
  }
  return found;
}

function hasFile(path: string): boolean {
  return existsSync(path) && statSync(path).size > 0;
}

/**
 * runCli (tests/cli/helpers.ts) without blocking, so that two runs share the two cores; a run
 * that takes more than two minutes is killed (status null) rather than left to hang the suite.
 */
function runCliAsync(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(execPath, [BIN, ...args], { cwd: ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Runs `task` on every item, `width` at a time. */
async function pool<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) await task(items[i] as T);
  };
  await Promise.all(Array.from({ length: width }, lane));
}

beforeAll(async () => {
  for (const dir of ["in", "out", "in-place"]) mkdirSync(join(work.path, dir));
  // First runs, two at a time after the first (bin/chamber-recalc.mjs rebuilds the command line
  // when the sources are newer than its build; two runs must not build at once). No --lang: the
  // Chinese input sheets make the output Chinese.
  const firstRun = async ({ file }: ProducerFixture) => {
    const input = join(work.path, "in", file);
    copyFileSync(join(FIXTURES, file), input);
    const out = join(work.path, "out", file);
    const run = await runCliAsync([input, "--json", "--out", out, "--as-of", AS_OF]);
    outcomes.set(file, {
      input,
      out,
      run,
      json: parseJson(run.stdout),
      inPlace: join(work.path, "in-place", file),
      rerun: null,
      rejson: null,
    });
  };
  await pool(ALL.slice(0, 1), 1, firstRun);
  await pool(ALL.slice(1), 2, firstRun);
  const written = ALL.map((f) => outcomes.get(f.file)?.out ?? "").filter(hasFile);
  // LibreOffice (one process for all) and openpyxl read the first outputs while the second runs go on.
  const conversion = libreOffice.available
    ? convertWithLibreOffice(written, LO_DIR, join(work.path, "lo-profile"))
    : Promise.resolve("");
  const firstReads = openpyxl.available ? readWithOpenpyxl(written) : Promise.resolve(new Map());
  await pool(ALL, 2, async ({ file }) => {
    const outcome = outcomes.get(file);
    if (!outcome || !hasFile(outcome.out)) return;
    copyFileSync(outcome.out, outcome.inPlace);
    const rerun = await runCliAsync([
      outcome.inPlace,
      "--in-place",
      "--json",
      "--as-of",
      AS_OF,
      "--lang",
      "en",
    ]);
    outcomes.set(file, { ...outcome, rerun, rejson: parseJson(rerun.stdout) });
  });
  const secondReads = openpyxl.available
    ? readWithOpenpyxl(ALL.map((f) => outcomes.get(f.file)?.inPlace ?? "").filter(hasFile))
    : Promise.resolve(new Map());
  libreOfficeLog = await conversion;
  openpyxlReads = new Map([...(await firstReads), ...(await secondReads)]);
}, 400_000);

afterAll(() => work.remove());

function outcomeOf(file: string): Outcome {
  const outcome = outcomes.get(file);
  if (!outcome) throw new Error(`no run of ${file}`);
  return outcome;
}

const STACK_TRACE = /^\s+at .+[(:]\d+/m;

/** What a test about a run sees first: status, whether stdout was JSON, and stderr when suspect. */
function runSummary(run: CliRun | null, json: unknown) {
  return {
    status: run?.status ?? null,
    json: json !== null,
    stderr:
      run && (run.status !== ORACLE.exitStatus || STACK_TRACE.test(run.stderr))
        ? run.stderr.slice(0, 600)
        : "",
  };
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

describe("the producer corpus", () => {
  it("has every fixture the generator writes, and the oracle of its data set", () => {
    const missing = [...ALL.map((f) => f.file), ...CORRUPT].filter(
      (f) => !hasFile(join(FIXTURES, f))
    );
    expect(missing).toEqual([]);
    expect(ALL.length).toBeGreaterThanOrEqual(30);
    expect(CORRUPT).toEqual(["corrupt-char-ref.xlsx"]);
    const dataset = JSON.parse(
      readFileSync(join(ROOT, "scripts/producers/dataset.json"), "utf8")
    ) as { asOf: string };
    expect(dataset.asOf).toBe(AS_OF);
    // The data set is planted with errors: exit 1, and a problems sheet that says why.
    expect(ORACLE.exitStatus).toBe(1);
    expect(ORACLE.problemCells.length).toBeGreaterThanOrEqual(5);
  });
});

describe.each(ALL)("$file ($mimics)", (fixture) => {
  const { file } = fixture;

  it("exits 1 with the oracle's figures, row accounting and problems", () => {
    const { run, json } = outcomeOf(file);
    expect(runSummary(run, json)).toEqual({ status: ORACLE.exitStatus, json: true, stderr: "" });
    expect([...differences(json, expectedFigures("zh")), ...problemCellDifferences(json)]).toEqual(
      []
    );
  });

  it("writes an output whose XML parses with namespaces and whose package is consistent", async () => {
    const { out } = outcomeOf(file);
    expect(hasFile(out), "no output written").toBe(true);
    expect(packageProblems(await view(out))).toEqual([]);
  });

  it("keeps every input part byte for byte and every original style entry at its index", async ({
    annotate,
  }) => {
    const { input, out } = outcomeOf(file);
    expect(hasFile(out), "no output written").toBe(true);
    const before = await view(input);
    const after = await view(out);
    const { problems, droppedCalcChain } = preservationProblems(before, after);
    if (droppedCalcChain) await annotate("the output drops the input's calcChain part (allowed)");
    expect(problems).toEqual([]);
    if (fixture.strict) expect(strictProblems(before, after)).toEqual([]);
  });

  // openpyxl 3.0.9 reads no sheet of a Strict workbook (not even the input): LibreOffice's
  // reading below is the consumer check for those.
  const reads = fixture.strict
    ? {
        skip: true,
        title:
          "openpyxl — skipped: openpyxl 3.0.9 cannot read Strict OOXML (LibreOffice reads it below)",
      }
    : gate(
        openpyxl,
        "openpyxl opens the output and reads the oracle's figures on 汇总, then on Summary after the second run"
      );
  it.skipIf(reads.skip)(reads.title, () => {
    assertAvailable(openpyxl);
    const { out, inPlace } = outcomeOf(file);
    const first = openpyxlReads.get(out);
    expect(first?.error ?? null).toBeNull();
    expect({
      members: summaryFigure(first, "汇总", "会员总数"),
      enterprise: summaryFigure(first, "汇总", "企业会员"),
      chambers: summaryFigure(first, "汇总", "商会总数"),
      due: summaryFigure(first, "汇总", "应缴金额（元）"),
      paid: summaryFigure(first, "汇总", "实缴金额（元）"),
    }).toEqual({
      members: ORACLE.members.total,
      enterprise: ORACLE.members.byType.enterprise,
      chambers: ORACLE.chambers.total,
      due: ORACLE.dues.due,
      paid: ORACLE.dues.paid,
    });
    const second = openpyxlReads.get(inPlace);
    expect(second?.error ?? null).toBeNull();
    expect({
      members: summaryFigure(second, "Summary", "Members"),
      chambers: summaryFigure(second, "Summary", "Chambers"),
      due: summaryFigure(second, "Summary", "Amount due (yuan)"),
    }).toEqual({
      members: ORACLE.members.total,
      chambers: ORACLE.chambers.total,
      due: ORACLE.dues.due,
    });
  });

  const converts = gate(
    libreOffice,
    "LibreOffice converts the output: every output sheet, and the 汇总 figures"
  );
  it.skipIf(converts.skip)(converts.title, () => {
    assertAvailable(libreOffice);
    const { out } = outcomeOf(file);
    expect(hasFile(out), "no output written").toBe(true);
    const csv = (sheet: string) => libreOfficeCsv(LO_DIR, out, sheet);
    const missing = OUTPUT_NAMES.zh.filter((sheet) => !hasFile(csv(sheet)));
    expect(
      missing,
      `LibreOffice wrote no CSV for these sheets:\n${libreOfficeLog.slice(-2000)}`
    ).toEqual([]);
    const rows = parseCsv(readFileSync(csv("汇总"), "utf8"));
    const figure = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect({ members: figure("会员总数"), chambers: figure("商会总数") }).toEqual({
      members: String(ORACLE.members.total),
      chambers: String(ORACLE.chambers.total),
    });
  });

  it("a second run --in-place --lang en gives the same figures and exactly the six English output sheets", async () => {
    const { rerun, rejson, inPlace, input } = outcomeOf(file);
    expect(runSummary(rerun, rejson)).toEqual({
      status: ORACLE.exitStatus,
      json: true,
      stderr: "",
    });
    expect([
      ...differences(rejson, expectedFigures("en")),
      ...problemCellDifferences(rejson),
    ]).toEqual([]);
    const inputs = new Set((await view(input)).sheets.map((s) => s.name));
    const outputs = (await readParts(inPlace).then(viewPackage)).sheets
      .map((s) => s.name)
      .filter((name) => !inputs.has(name));
    expect(outputs).toEqual(OUTPUT_NAMES.en);
  });

  it("after the second run the package is still consistent and the input parts intact", async ({
    annotate,
  }) => {
    const { inPlace, input, rerun } = outcomeOf(file);
    expect(rerun?.status, "the second run did not finish").toBe(ORACLE.exitStatus);
    const after = await readParts(inPlace).then(viewPackage);
    expect(packageProblems(after)).toEqual([]);
    const { problems, droppedCalcChain } = preservationProblems(await view(input), after);
    if (droppedCalcChain)
      await annotate("the second run drops the input's calcChain part (allowed)");
    expect(problems).toEqual([]);
    if (fixture.strict) expect(strictProblems(await view(input), after)).toEqual([]);
  });
});

describe.each(CORRUPT)("%s (a character reference to no character)", (file) => {
  it("exits 2 with one line saying the file is damaged, no stack trace and no output", () => {
    const input = join(work.path, `en-${file}`);
    copyFileSync(join(FIXTURES, file), input);
    const out = join(work.path, `en-out-${file}`);
    const run = runCli([input, "--json", "--out", out, "--as-of", AS_OF, "--lang", "en"]);
    const lines = run.stderr.trim().split("\n");
    expect({
      status: run.status,
      lines: lines.length,
      trace: STACK_TRACE.test(run.stderr),
    }).toEqual({
      status: 2,
      lines: 1,
      trace: false,
    });
    expect(lines[0]).toMatch(/damaged|corrupt/i);
    expect(existsSync(out)).toBe(false);
  });
});

describe("the checks themselves", () => {
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
  const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  const base: Record<string, string> = {
    "[Content_Types].xml":
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/></Types>`,
    "_rels/.rels": `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/styles" Target="/xl/styles.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`,
    "xl/styles.xml":
      `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy"/></numFmts>` +
      `<fonts count="1"><font><sz val="11"/></font></fonts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  };
  const pkg = (changes: Record<string, string | null> = {}, from = base): PackageView => {
    const parts = new Map<string, Uint8Array>();
    for (const [name, text] of Object.entries({ ...from, ...changes })) {
      if (text !== null) parts.set(name, Buffer.from(text, "utf8"));
    }
    return viewPackage(parts);
  };
  const edit = (part: string, from: string, to: string) => ({
    [part]: (base[part] ?? "").replace(from, to),
  });

  it("pass a consistent package", () => {
    expect(packageProblems(pkg())).toEqual([]);
    expect(preservationProblems(pkg(), pkg()).problems).toEqual([]);
  });

  it("catch an undeclared prefix, a repeated Override, a missing target, a repeated Id and a part without a type", () => {
    const cases: Array<[Record<string, string | null>, RegExp]> = [
      [
        edit("xl/workbook.xml", ` xmlns:r="${REL}"`, ""),
        /xl\/workbook\.xml is not well-formed XML: .*prefix/,
      ],
      [
        edit(
          "[Content_Types].xml",
          "</Types>",
          `<Override PartName="/XL/Styles.xml" ContentType="${CT}.styles+xml"/></Types>`
        ),
        /appears twice/,
      ],
      [
        edit("xl/_rels/workbook.xml.rels", "worksheets/sheet1.xml", "worksheets/sheet9.xml"),
        /targets xl\/worksheets\/sheet9\.xml, which does not exist/,
      ],
      [edit("xl/_rels/workbook.xml.rels", 'Id="rId2"', 'Id="rId1"'), /rId1 is used twice/],
      [{ "xl/media/image1.png": "png" }, /xl\/media\/image1\.png has no content type/],
      [
        edit("xl/workbook.xml", "</sheets>", '<sheet name="a" sheetId="1" r:id="rId7"/></sheets>'),
        /sheet name "a" is used twice/,
      ],
      [
        edit("xl/workbook.xml", "</sheets>", '<sheet name="B" sheetId="1" r:id="rId7"/></sheets>'),
        /r:id "rId7" is not a workbook relationship/,
      ],
    ];
    for (const [changes, message] of cases) {
      expect(packageProblems(pkg(changes)).join("\n")).toMatch(message);
    }
  });

  it("catch a changed input part, a moved style and a lost number format, and Transitional parts added to Strict", () => {
    const changed = pkg(
      edit("xl/worksheets/sheet1.xml", "<sheetData/>", "<sheetData></sheetData>")
    );
    expect(preservationProblems(pkg(), changed).problems).toEqual([
      "input part xl/worksheets/sheet1.xml was changed",
    ]);
    const moved = pkg(edit("xl/styles.xml", '<xf numFmtId="0"/>', '<xf numFmtId="1"/>'));
    expect(preservationProblems(pkg(), moved).problems.join("\n")).toMatch(
      /cellXfs\/xf\[0\] changed/
    );
    const lost = pkg(edit("xl/styles.xml", 'formatCode="yyyy"', 'formatCode="yy"'));
    expect(preservationProblems(pkg(), lost).problems.join("\n")).toMatch(
      /numFmt 164 "yyyy" is now "yy"/
    );
    // The same package with a prefix and reordered attributes is the same styles.
    const prefixed = pkg({
      "xl/styles.xml": (base["xl/styles.xml"] ?? "")
        .replace(`<styleSheet xmlns="${MAIN}">`, `<x:styleSheet xmlns:x="${MAIN}">`)
        .replace(/<(\/?)(?!x:)(\w)/g, "<$1x:$2")
        .replace('numFmtId="164" applyNumberFormat="1"', 'applyNumberFormat="1" numFmtId="164"'),
    });
    expect(stylesProblems(pkg(), prefixed)).toEqual([]);
    const added = pkg({ "xl/worksheets/sheet2.xml": `<worksheet xmlns="${MAIN}"/>` });
    expect(strictProblems(pkg(), added)).toEqual([`xl/worksheets/sheet2.xml (added) uses ${MAIN}`]);
  });

  it("make a missing consumer fail on CI and skip elsewhere, saying why", () => {
    const missing = { name: "LibreOffice", available: false, reason: "soffice not found" };
    expect(gate(missing, "converts", true)).toEqual({
      skip: false,
      title: "converts (LibreOffice is missing on CI)",
    });
    expect(gate(missing, "converts", false)).toEqual({
      skip: true,
      title: "converts — skipped: soffice not found",
    });
    expect(() => assertAvailable(missing)).toThrow(/LibreOffice is required.*soffice not found/);
  });

  it("read UTF-16 and byte-order-marked parts", () => {
    const text = `<workbook xmlns="${MAIN}"/>`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(parseXml(decodeXml(utf16)).uri).toBe(MAIN);
    expect(parseXml(decodeXml(Buffer.from(`\uFEFF${text}`, "utf8"))).local).toBe("workbook");
  });
});
