/* global Excel, Office */
/**
 * The self-test for real Excel: each assumption the add-in makes about Excel, checked with
 * Office.js directly (not through the adapter) in a scratch sheet that is deleted afterwards,
 * and the host, platform, version and requirement sets, as a report to paste into a bug report.
 * It runs in CI against the fake Excel (tests/selftest) and in Chromium against the demo
 * (demo.html?selftest); the people who deploy the add-in run it in their Excel (selftest.html,
 * the ribbon's 自检 / Self-test button).
 */

export interface CheckResult {
  readonly id: string;
  readonly title: string;
  readonly pass: boolean;
  readonly detail: string;
}

export interface SelfTestEnvironment {
  readonly host: string;
  readonly platform: string;
  readonly version: string;
  /** The highest supported version of each requirement set probed, e.g. "ExcelApi 1.17". */
  readonly sets: readonly string[];
}

export interface SelfTestReport {
  readonly environment: SelfTestEnvironment;
  readonly checks: readonly CheckResult[];
  readonly scratchDeleted: boolean;
}

export interface SelfTestOptions {
  /** Characters written in the one oversized sync of the payload check (default 6,000,000). */
  readonly payloadChars?: number;
}

const SCRATCH_PREFIX = "ChamberStats自检";
const NAME_PROBE = "ChamberStatsSelfTest";

/** Texts Excel would take for formulas, numbers, booleans or dates if typed. */
export const HOSTILE_TEXTS = [
  "=1+1",
  "+1+1",
  "-2+3",
  "@SUM(A1:A2)",
  "0012",
  "1/2",
  "TRUE",
  "1e3",
  '=HYPERLINK("http://example.com","x")',
];

function supported(name: string, version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported(name, version);
  } catch {
    return false;
  }
}

function highest(name: string, minors: number): string | null {
  let best: string | null = null;
  for (let minor = 1; minor <= minors; minor++) {
    const version = `1.${minor}`;
    if (supported(name, version)) best = version;
  }
  return best;
}

export function environment(): SelfTestEnvironment {
  const ctx = (typeof Office !== "undefined" ? Office.context : undefined) as
    (Partial<Office.Context> & { diagnostics?: Partial<Office.ContextInformation> }) | undefined;
  const diagnostics = ctx?.diagnostics;
  const sets: string[] = [];
  for (const [name, minors] of [
    ["ExcelApi", 20],
    ["DialogApi", 2],
    ["SharedRuntime", 2],
    ["RibbonApi", 2],
  ] as const) {
    const best = highest(name, minors);
    if (best) sets.push(`${name} ${best}`);
  }
  return {
    host: String(diagnostics?.host ?? ctx?.host ?? "unknown"),
    platform: String(diagnostics?.platform ?? ctx?.platform ?? "unknown"),
    version: String(diagnostics?.version ?? "unknown"),
    sets,
  };
}

function errorText(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === "string" ? `${code}: ${message}` : message;
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

type Check = (scratch: string) => Promise<{ pass: boolean; detail: string }>;

/**
 * Reads back the hostile texts written down a column of the scratch sheet (one sync) and says
 * which of them did not stay the same text: a String value and a formula equal to the text.
 */
async function hostileTextsReadBack(
  context: Excel.RequestContext,
  range: Excel.Range,
  what: string
): Promise<{ pass: boolean; detail: string }> {
  range.load("values,valueTypes,formulas");
  await context.sync();
  const values = range.values;
  const types = range.valueTypes;
  const formulas = range.formulas;
  const wrong = HOSTILE_TEXTS.filter(
    (t, i) => values[i]?.[0] !== t || types[i]?.[0] !== "String" || formulas[i]?.[0] !== t
  );
  return {
    pass: wrong.length === 0,
    detail:
      wrong.length === 0
        ? `${HOSTILE_TEXTS.length} ${what} read back as the same text`
        : `changed: ${wrong.join(" | ")}`,
  };
}

/**
 * Text written with numberFormat "@" before values, in one batch, stays the same text (the
 * Range.values reference: a value starting with "=" is otherwise entered as a formula).
 */
const literalText: Check = async (scratch) =>
  Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(scratch);
    const range = ws.getRange(`A1:A${HOSTILE_TEXTS.length}`);
    range.numberFormat = HOSTILE_TEXTS.map(() => ["@"]);
    range.values = HOSTILE_TEXTS.map((t) => [t]);
    await context.sync();
    return hostileTextsReadBack(context, range, 'texts under "@"');
  });

/**
 * Text written as typed String cells (`valuesAsJson`, ExcelApi 1.16), the way the adapter writes
 * text where the host has them, stays the same text. Below 1.16 the adapter writes text with the
 * "@" format, which the check above covers, so there is nothing more to check.
 */
const typedText: Check = async (scratch) => {
  if (!supported("ExcelApi", "1.16")) {
    return { pass: true, detail: 'ExcelApi 1.16 not supported: text is written with "@" (above)' };
  }
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(scratch);
    const range = ws.getRange(`D1:D${HOSTILE_TEXTS.length}`);
    // the literal "String", as the adapter writes it: the enum object is not in every host's
    // office.js (Excel.CellValueType is ExcelApi 1.16 too)
    range.valuesAsJson = HOSTILE_TEXTS.map((t) => [
      { type: "String", basicValue: t } as unknown as Excel.StringCellValue,
    ]);
    await context.sync();
    return hostileTextsReadBack(context, range, "typed String cells");
  });
};

/**
 * DATE(1904,1,1) is 0 in the 1904 date system and 1462 in the 1900 one; a serial shown with a
 * date format must agree with what the probe says.
 */
const dateSystem: Check = async (scratch) =>
  Excel.run(async (context) => {
    const probe = context.workbook.functions.date(1904, 1, 1).load("value");
    const cell = context.workbook.worksheets.getItem(scratch).getRange("B1");
    cell.numberFormat = [["yyyy-mm-dd"]];
    cell.values = [[41640]];
    await context.sync();
    cell.load("text");
    await context.sync();
    const value = Number(probe.value);
    const system = value === 0 ? 1904 : value === 1462 ? 1900 : null;
    const text = cell.text[0]?.[0] ?? "";
    const expected = system === 1904 ? "2018-01-02" : "2014-01-01";
    return {
      pass: system !== null && text === expected,
      detail: `DATE(1904,1,1) = ${String(probe.value)} (${system ?? "?"} date system); serial 41640 shows as ${text}`,
    };
  });

/** An internal link set with Range.hyperlink's documentReference (ExcelApi 1.7) reads back. */
const internalLink: Check = async (scratch) =>
  Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(scratch);
    const cell = ws.getRange("C1");
    const target = `'${scratch}'!C3`;
    cell.hyperlink = { documentReference: target, textToDisplay: "→ C3" };
    await context.sync();
    cell.load("hyperlink,formulas,values");
    await context.sync();
    const link: Excel.RangeHyperlink | null = cell.hyperlink;
    const reference = link?.documentReference ?? "";
    const normal = (s: string) => s.replace(/[$']/g, "").toUpperCase();
    const formula = String(cell.formulas[0]?.[0] ?? "");
    const pass = normal(reference) === normal(target) && !formula.startsWith("=");
    return {
      pass,
      detail: `documentReference ${reference || "(none)"}; cell shows ${String(cell.values[0]?.[0] ?? "")}`,
    };
  });

/**
 * One sync over the payload limit (5 MB on the web) fails with a payload error, or on hosts
 * without the limit succeeds; the same data in four syncs always succeeds.
 */
function payloadSplitting(chars: number): Check {
  return async (scratch) => {
    const line = "载荷".repeat(25) + "x".repeat(50); // 100 characters
    const rows = Math.max(4, Math.ceil(chars / line.length));
    const data = Array.from({ length: rows }, () => [line]);
    let oneSync = "succeeded";
    try {
      await Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem(scratch).getRange(`E1:E${rows}`);
        range.numberFormat = data.map(() => ["@"]);
        range.values = data;
        await context.sync();
      });
    } catch (error) {
      oneSync = errorText(error);
      const code = errorCode(error);
      // GeneralException: how Excel on the web has reported oversized requests (office-js #1314)
      if (!/PayloadSizeLimitExceeded$|^GeneralException$/.test(code))
        return { pass: false, detail: `one sync of ${rows} rows failed otherwise: ${oneSync}` };
    }
    const quarter = Math.ceil(rows / 4);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(scratch);
      // One sync per part is the point of this check.
      for (let start = 0; start < rows; start += quarter) {
        const part = data.slice(start, start + quarter);
        const range = ws.getRange(`F${start + 1}:F${start + part.length}`);
        range.numberFormat = part.map(() => ["@"]);
        range.values = part;
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      }
    });
    const written = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(scratch);
      const first = ws.getRange("F1").load("values");
      const last = ws.getRange(`F${rows}`).load("values");
      await context.sync();
      return [first.values[0]?.[0], last.values[0]?.[0]];
    });
    const pass = written[0] === line && written[1] === line;
    return {
      pass,
      detail: `${rows} rows (${(rows * line.length).toLocaleString("en-US")} characters): one sync ${oneSync}; four syncs ${pass ? "succeeded" : "lost data"}`,
    };
  };
}

/** A defined name made with visible = false stays hidden (the ownership markers' way). */
const hiddenName: Check = async (scratch) =>
  Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(scratch);
    const existing = context.workbook.names.getItemOrNullObject(NAME_PROBE);
    await context.sync();
    if (!existing.isNullObject) existing.delete();
    const item = context.workbook.names.add(NAME_PROBE, ws.getRange("A1"));
    item.visible = false;
    await context.sync();
    item.load("visible");
    await context.sync();
    return { pass: item.visible === false, detail: `visible = ${String(item.visible)}` };
  });

/**
 * Suspending calculation (ExcelApi 1.6) and screen updating (1.9) lasts one sync: afterwards the
 * calculation mode is what it was and writes go through.
 */
const suspendRestored: Check = async (scratch) =>
  Excel.run(async (context) => {
    const app = context.workbook.application;
    app.load("calculationMode");
    await context.sync();
    const before = app.calculationMode;
    if (supported("ExcelApi", "1.6")) app.suspendApiCalculationUntilNextSync();
    const screen = supported("ExcelApi", "1.9");
    if (screen) app.suspendScreenUpdatingUntilNextSync();
    const cell = context.workbook.worksheets.getItem(scratch).getRange("G1");
    cell.values = [[1]];
    await context.sync();
    cell.values = [[2]];
    app.load("calculationMode");
    cell.load("values");
    await context.sync();
    const after = app.calculationMode;
    const pass = after === before && cell.values[0]?.[0] === 2;
    return {
      pass,
      detail: `calculation ${String(before)} → ${String(after)}; screen updating ${screen ? "suspended for one sync" : "not suspendable (ExcelApi < 1.9)"}; next write ${cell.values[0]?.[0] === 2 ? "went through" : "lost"}`,
    };
  });

const CHECKS: ReadonlyArray<{ id: string; title: string; check: (o: SelfTestOptions) => Check }> = [
  {
    id: "literal-text",
    title: "文本按原样保存 · Literal text stays text",
    check: () => literalText,
  },
  {
    id: "typed-text",
    title: "类型化文本 · Text as typed String cells (ExcelApi 1.16)",
    check: () => typedText,
  },
  { id: "date-system", title: "日期系统探测 · Date-system probe", check: () => dateSystem },
  {
    id: "internal-link",
    title: "内部链接 · Internal links (Range.hyperlink)",
    check: () => internalLink,
  },
  {
    id: "payload-splitting",
    title: "分批写入 · Payload splitting",
    check: (o) => payloadSplitting(o.payloadChars ?? 6_000_000),
  },
  { id: "hidden-name", title: "标记隐藏 · Markers hidden", check: () => hiddenName },
  {
    id: "suspend-restored",
    title: "计算与屏幕更新恢复 · Calculation and screen updating restored",
    check: () => suspendRestored,
  },
];

export const CHECK_IDS: readonly string[] = CHECKS.map((c) => c.id);

async function addScratch(): Promise<string> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    let name = SCRATCH_PREFIX;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${SCRATCH_PREFIX} ${i}`;
    context.workbook.worksheets.add(name);
    await context.sync();
    return name;
  });
}

async function removeScratch(name: string): Promise<boolean> {
  try {
    await Excel.run(async (context) => {
      const probe = context.workbook.names.getItemOrNullObject(NAME_PROBE);
      await context.sync();
      if (!probe.isNullObject) probe.delete();
      context.workbook.worksheets.getItem(name).delete();
      await context.sync();
    });
    return true;
  } catch {
    return false;
  }
}

/** Runs every check in a new scratch sheet, then deletes the sheet (and the probe name). */
export async function runSelfTest(options: SelfTestOptions = {}): Promise<SelfTestReport> {
  const env = environment();
  const scratch = await addScratch();
  const checks: CheckResult[] = [];
  // Each check catches its own failure, so the scratch sheet is always deleted below.
  for (const { id, title, check } of CHECKS) {
    try {
      const { pass, detail } = await check(options)(scratch);
      checks.push({ id, title, pass, detail });
    } catch (error) {
      checks.push({ id, title, pass: false, detail: errorText(error) });
    }
  }
  const scratchDeleted = await removeScratch(scratch);
  return { environment: env, checks, scratchDeleted };
}

/** The report as plain text, ready to paste into a bug report. */
export function reportText(report: SelfTestReport, when: Date): string {
  const env = report.environment;
  const lines = [
    `Chamber Stats self-test · 商会统计自检 · ${when.toISOString()}`,
    `host: ${env.host}; platform: ${env.platform}; version: ${env.version}`,
    `requirement sets: ${env.sets.join(", ") || "none reported"}`,
    ...report.checks.map((c) => `${c.pass ? "PASS" : "FAIL"}\t${c.id}\t${c.detail}`),
    `scratch sheet deleted: ${report.scratchDeleted ? "yes" : "no"}`,
  ];
  return lines.join("\n");
}
