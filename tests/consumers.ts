/**
 * Real consumers of the command line's output, for tests: openpyxl (Debian's /usr/bin/python3 with
 * python3-openpyxl) and LibreOffice Calc (soffice). Under CI=true a missing consumer must fail
 * the tests that need it, never skip them; elsewhere those tests may skip, saying why.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { env } from "node:process";
import { clearTimeout, setTimeout } from "node:timers";
import { URL, fileURLToPath } from "node:url";

export const PYTHON = "/usr/bin/python3";
const READ_SUMMARY = fileURLToPath(new URL("./consumers/read_summary.py", import.meta.url));

/** True on CI, where a missing consumer is a failure. */
export const IN_CI = env["CI"] === "true";

export interface Consumer {
  readonly name: string;
  readonly available: boolean;
  /** Why it is not available ("" when it is). */
  readonly reason: string;
}

function probe(name: string, command: string, args: readonly string[], missing: string): Consumer {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 60_000 });
  const available = result.status === 0;
  return { name, available, reason: available ? "" : missing };
}

export function openpyxlConsumer(): Consumer {
  if (!existsSync(PYTHON)) {
    return {
      name: "openpyxl",
      available: false,
      reason: `${PYTHON} not found (apt-get install python3-openpyxl)`,
    };
  }
  return probe(
    "openpyxl",
    PYTHON,
    ["-c", "import openpyxl"],
    `${PYTHON} has no openpyxl (apt-get install python3-openpyxl)`
  );
}

export function libreOfficeConsumer(): Consumer {
  return probe(
    "LibreOffice",
    "soffice",
    ["--version"],
    "soffice not found (apt-get install libreoffice-calc-nogui)"
  );
}

/** LibreOffice Writer, which reads .docx (Calc alone cannot: "source file could not be loaded"). */
export function libreOfficeWriterConsumer(): Consumer {
  const office = libreOfficeConsumer();
  if (!office.available) return { ...office, name: "LibreOffice Writer" };
  const writer = existsSync("/usr/lib/libreoffice/program/libswlo.so");
  return {
    name: "LibreOffice Writer",
    available: writer,
    reason: writer
      ? ""
      : "LibreOffice Writer not installed (apt-get install libreoffice-writer-nogui)",
  };
}

/** Converts a .docx to UTF-8 text with LibreOffice Writer; returns the text. */
export async function docxTextWithLibreOffice(
  file: string,
  outDir: string,
  profileDir: string
): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const result = await runAsync(
    "soffice",
    [
      `-env:UserInstallation=file://${profileDir}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "txt:Text (encoded):UTF8",
      "--outdir",
      outDir,
      file,
    ],
    300_000
  );
  const base = (file.split("/").at(-1) ?? file).replace(/\.[^.]+$/, "");
  const out = join(outDir, `${base}.txt`);
  if (!existsSync(out)) {
    throw new Error(`LibreOffice did not convert ${file}: exit ${result.status} ${result.stderr}`);
  }
  return readFileSync(out, "utf8");
}

/**
 * How a test that needs `consumer` runs: `skip` only outside CI; `title` says why it skips. The
 * test itself should start with `expectAvailable(consumer)`, which fails on CI.
 */
export function gate(
  consumer: Consumer,
  title: string,
  inCi = IN_CI
): { skip: boolean; title: string } {
  if (consumer.available) return { skip: false, title };
  if (inCi) return { skip: false, title: `${title} (${consumer.name} is missing on CI)` };
  return { skip: true, title: `${title} — skipped: ${consumer.reason}` };
}

export function assertAvailable(consumer: Consumer): void {
  if (!consumer.available) {
    throw new Error(`${consumer.name} is required${IN_CI ? " on CI" : ""}: ${consumer.reason}`);
  }
}

function runAsync(
  command: string,
  args: readonly string[],
  timeoutMs: number
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
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

/** What openpyxl read of one workbook. */
export interface OpenpyxlRead {
  /** [name, state] of every sheet, in workbook order. */
  readonly sheets: Array<[string, string]>;
  /** Columns A and B (rows with a label) of each summary sheet there is, 汇总 and Summary. */
  readonly summaries: Partial<Record<"汇总" | "Summary", Array<[unknown, unknown]>>>;
  /** openpyxl's exception, when it could not open the file. */
  readonly error: string | null;
}

/** Opens every file with openpyxl in one Python process. */
export async function readWithOpenpyxl(
  files: readonly string[]
): Promise<Map<string, OpenpyxlRead>> {
  const result = await runAsync(PYTHON, [READ_SUMMARY, ...files], 300_000);
  if (result.status !== 0) {
    throw new Error(`read_summary.py failed (${result.status}): ${result.stderr.slice(0, 2000)}`);
  }
  const parsed = JSON.parse(result.stdout) as Record<string, OpenpyxlRead>;
  return new Map(Object.entries(parsed));
}

/** The number openpyxl read beside the first row of summary sheet `sheet` labelled `label`. */
export function summaryFigure(
  read: OpenpyxlRead | undefined,
  sheet: "汇总" | "Summary",
  label: string
): unknown {
  const row = read?.summaries[sheet]?.find(([a, b]) => a === label && typeof b === "number");
  return row?.[1];
}

/**
 * Converts every file with LibreOffice in one soffice process (a private profile, so it neither
 * needs nor touches the user's), every sheet to its own CSV file, `NAME-SHEET.csv` in `outDir`:
 * LibreOffice must read the whole workbook, and the CSV shows what it read. (Saving .xlsx again
 * costs three times as long and shows nothing more.) Returns soffice's output for diagnosis.
 */
export async function convertWithLibreOffice(
  files: readonly string[],
  outDir: string,
  profileDir: string
): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  // Filter options: comma, double quote, UTF-8, from line 1, …, token 12 = -1: every sheet.
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
  const result = await runAsync(
    "soffice",
    [
      `-env:UserInstallation=file://${profileDir}`,
      "--headless",
      "--norestore",
      "--convert-to",
      filter,
      "--outdir",
      outDir,
      ...files,
    ],
    400_000
  );
  return `exit ${result.status}\n${result.stdout}\n${result.stderr}`;
}

/** The CSV file LibreOffice wrote for one sheet of `file` (see convertWithLibreOffice). */
export function libreOfficeCsv(outDir: string, file: string, sheet: string): string {
  const base = (file.split("/").at(-1) ?? file).replace(/\.[^.]+$/, "");
  return join(outDir, `${base}-${sheet}.csv`);
}

/** The rows of a CSV text (RFC 4180 quoting). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

const PRINT_LAYOUT = fileURLToPath(new URL("./consumers/print_layout.py", import.meta.url));
const READ_PRINT = fileURLToPath(new URL("./consumers/read_print.py", import.meta.url));

/** What LibreOffice Calc read of a chart (print_layout.py). Rows and columns are 0-based. */
export interface CalcChart {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly lastColumn: number;
  readonly chartTypes: ReadonlyArray<{
    readonly type: string;
    readonly series: ReadonlyArray<{
      readonly color: string;
      readonly labels: boolean;
      readonly points: readonly string[];
    }>;
  }>;
  readonly valueAxisMin: number | null;
}

/** How LibreOffice Calc prints one sheet (print_layout.py). Rows and columns are 0-based. */
export interface CalcPrint {
  readonly lastRow: number;
  readonly lastColumn: number;
  readonly landscape: boolean;
  /** 1/100 mm. */
  readonly paperWidth: number;
  readonly paperHeight: number;
  readonly pagesWide: number;
  readonly pagesTall: number;
  readonly printTitleRows: boolean;
  readonly titleRows: readonly [number, number];
  /** Left, center and right text, as Calc shows them (fields filled in); null when off. */
  readonly header: readonly [string, string, string] | null;
  readonly footer: readonly [string, string, string] | null;
  /** Rows that start a page (within the printed rows). */
  readonly rowBreaks: readonly number[];
  readonly charts: readonly CalcChart[];
  /** Pages of the PDF Calc exports of this sheet alone. */
  readonly pdfPages: number;
  /** Rows (0-based) the file made shorter than Calc's optimal height for their text. */
  readonly rowsTooShort: readonly number[];
}

/**
 * Loads `file` once in LibreOffice Calc (one soffice process, a private profile) and reports how
 * each of `sheets` prints: page setup as read, page breaks as computed, charts' places, and the
 * pages of each sheet's own PDF, written to `outDir`.
 */
export async function printLayoutWithLibreOffice(
  file: string,
  outDir: string,
  profileDir: string,
  sheets: readonly string[]
): Promise<Record<string, CalcPrint>> {
  const result = await runAsync(
    PYTHON,
    [PRINT_LAYOUT, file, outDir, profileDir, ...sheets],
    300_000
  );
  if (result.status !== 0) {
    throw new Error(`print_layout.py failed (${result.status}): ${result.stderr.slice(0, 2000)}`);
  }
  return JSON.parse(result.stdout) as Record<string, CalcPrint>;
}

/** What openpyxl reads of a sheet's print setup and charts (read_print.py). */
export interface OpenpyxlPrint {
  readonly orientation: string;
  readonly paperSize: number | null;
  readonly fitToWidth: number | null;
  readonly fitToHeight: number | null;
  readonly fitToPage: boolean;
  readonly printTitleRows: string | null;
  readonly header: ReadonlyArray<string | null>;
  readonly footer: ReadonlyArray<string | null>;
  /** brk@id of each row break: the row above the break. */
  readonly rowBreaks: readonly number[];
  /** The values of rows 1–40 (at most). */
  readonly rows: ReadonlyArray<readonly unknown[]>;
  readonly charts: ReadonlyArray<{
    readonly kinds: readonly string[];
    readonly valueAxisMin: number | null;
    readonly series: ReadonlyArray<{ readonly labels: boolean; readonly pointColors: number }>;
  }>;
}

export async function readPrintWithOpenpyxl(
  file: string,
  sheets: readonly string[]
): Promise<Record<string, OpenpyxlPrint>> {
  const result = await runAsync(PYTHON, [READ_PRINT, file, ...sheets], 120_000);
  if (result.status !== 0) {
    throw new Error(`read_print.py failed (${result.status}): ${result.stderr.slice(0, 2000)}`);
  }
  return JSON.parse(result.stdout) as Record<string, OpenpyxlPrint>;
}
