/**
 * chamber-recalc: reads a chamber workbook, runs the recalculation, writes the output sheets into
 * a copy (or the workbook itself with --in-place) and prints a summary or the JSON of SPEC §6.
 * Exit status: 0 no errors, 1 the workbook has errors (output still written), 2 usage or file
 * problem (one line), 3 an internal error (one line; `--debug` adds the stack).
 */
import process from "node:process";
import { realpathSync } from "node:fs";
import { stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Writable } from "node:stream";
import { basename } from "node:path";
import { localIsoDate, localIsoDateTime } from "../core/dates";
import { recalculate } from "../core/index";
import { buildNarrative } from "../core/narrative/index";
import { checkReport, locateFigures } from "../core/report-check/index";
import type { Lang, RecalcOptions, RecalcResult } from "../core/types";
import { FileProblem } from "../adapters/xlsx/errors";
import { openPackage, type XlsxPackage } from "../adapters/xlsx/package";
import { readPackageGrid, type ReadResult } from "../adapters/xlsx/reader";
import { PackageSaving, partsNeverWritten, writeOutputSheets } from "../adapters/xlsx/writer";
import { PRODUCT_VERSION } from "../adapters/version";
import { parseArgs, type RunArgs } from "./args";
import { TEXT } from "./messages";
import { progressBar, type Progress } from "./progress";
import { readDraft } from "./draft";
import { removeTemporaryFilesOnInterrupt } from "./interrupt";
import { formatReportCheck, hasContradiction } from "./report-check";
import { formatReportText } from "./report-text";
import { formatSummary } from "./summary";

export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable & { isTTY?: boolean };
  /** The clock; `today` is its local calendar day. */
  readonly now: () => Date;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The language of messages before a workbook is read: the locale's, Chinese unless it says English. */
export function environmentLang(env: CliIo["env"]): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^en/i.test(locale) ? "en" : "zh";
}

type Checked = Pick<RecalcResult, "lang" | "json" | "output" | "settings">;

/** Reads the package's cells. */
function readCells(pkg: XlsxPackage, progress: Progress): Promise<ReadResult> {
  return readPackageGrid(pkg, (f) => progress.update("reading", f));
}

/**
 * Runs the core on the cells read. Only what the CLI writes and prints is returned: the grid and
 * the core's records (a gigabyte at the sheet limit) are garbage once the caller drops `cells`,
 * before the output is written.
 */
function check(cells: ReadResult, args: RunArgs, io: CliIo, progress: Progress): Checked {
  const { grid, ownedSheets } = cells;
  const now = io.now();
  const options: RecalcOptions = {
    today: localIsoDate(now),
    generated: { at: localIsoDateTime(now), version: PRODUCT_VERSION, file: basename(args.input) },
    ownedSheets,
    onProgress: (_stage, fraction) => progress.update("checking", fraction),
    ...(args.asOf !== null ? { asOf: args.asOf } : {}),
    ...(args.lang !== null ? { lang: args.lang } : {}),
  };
  const { lang, json, output, settings } = recalculate(grid, options);
  return { lang, json, output, settings };
}

/**
 * Above this size a regular file is opened again for writing instead of kept in memory
 * (CHAMBER_RECALC_REOPEN_ABOVE, in bytes, sets another: the tests use it).
 */
function reopenAbove(env: CliIo["env"]): number {
  const set = Number(env["CHAMBER_RECALC_REOPEN_ABOVE"] ?? NaN);
  return Number.isInteger(set) && set >= 0 ? set : 256 << 20;
}

/**
 * Checks the input and returns the package to write into, its save begun. A file of up to 256 MB
 * is read once and kept: a full sheet of members and one of dues is 92–117 MB, and keeping it
 * costs 30–45 MB of peak memory (the zip's bytes are compressed) against 0.2 s to open it again
 * (30 ms at 100k members). Its save begins once its cells are read: the user's sheets, which the
 * output copies as they are stored, are written to the temporary file while the core runs (0.27 s
 * of a full sheet's save). A larger regular file is opened again for writing rather than kept, so
 * that its bytes need not sit in memory while the core runs. A pipe or device cannot be read
 * twice, so its package is kept whatever its size.
 */
async function readAndCheck(
  args: RunArgs,
  io: CliIo,
  progress: Progress
): Promise<{ result: Checked; pkg: XlsxPackage; saving: PackageSaving }> {
  const info = await stat(args.input).catch(() => null);
  if (!info?.isFile() || info.size <= reopenAbove(io.env)) {
    const pkg = await openPackage(args.input);
    const cells = await readCells(pkg, progress);
    const saving = await PackageSaving.begin(pkg, args.out, await partsNeverWritten(pkg));
    try {
      return { result: check(cells, args, io, progress), pkg, saving };
    } catch (error) {
      await saving.abort();
      throw error;
    }
  }
  const before = await fileVersion(args.input);
  const result = check(
    await readCells(await openPackage(args.input), progress),
    args,
    io,
    progress
  );
  const pkg = await openPackage(args.input);
  // The figures and the copied input sheets must come from the same file: if it was saved again
  // while the core ran, the output would mix two versions of the user's data.
  if ((await fileVersion(args.input)) !== before) {
    throw new FileProblem("changed", args.input, "");
  }
  return { result, pkg, saving: await PackageSaving.begin(pkg, args.out) };
}

/** Size and modification time: what tells that a file was saved again. */
async function fileVersion(path: string): Promise<string> {
  const info = await stat(path);
  return `${info.size}:${info.mtimeMs}`;
}

async function recalcFile(args: RunArgs, io: CliIo): Promise<number> {
  const fallbackLang = args.lang ?? environmentLang(io.env);
  const progress = progressBar(io.stderr, TEXT[fallbackLang].stage);
  try {
    progress.update("reading", 0);
    // the draft first: a draft that cannot be read is a file problem before any work is done
    const draft = args.checkReport === null ? null : await readDraft(args.checkReport);
    const { result, pkg, saving } = await readAndCheck(args, io, progress);
    progress.update("writing", 0);
    try {
      await writeOutputSheets(pkg, result.output);
    } catch (error) {
      await saving.abort();
      throw error;
    }
    await saving.finish((f) => progress.update("writing", f));
    progress.done();
    const narrative = buildNarrative(result.json, result.settings, result.lang);
    if (args.docx !== null) {
      // loaded here, not at start-up: the docx library takes ~35 ms to load, and only --docx needs it
      const { writeReportDocx } = await import("./docx");
      await writeReportDocx(args.docx, narrative, result.json, result.lang);
    }
    const summary = result.output.find((sheet) => sheet.key === "summary");
    const check =
      draft === null
        ? null
        : locateFigures(checkReport(draft, result.json, result.settings), summary);
    io.stdout.write(
      args.json
        ? `${JSON.stringify(
            check === null
              ? result.json
              : { ...result.json, reportCheck: { draft: args.checkReport, items: check } },
            null,
            2
          )}\n`
        : args.reportText
          ? formatReportText(narrative, result.lang)
          : check !== null && draft !== null
            ? formatReportCheck(draft, check, result.lang)
            : formatSummary(result.json, result.lang, args.out)
    );
    return result.json.problems.errors > 0 || (check !== null && hasContradiction(check)) ? 1 : 0;
  } catch (error) {
    progress.done();
    if (error instanceof FileProblem) {
      io.stderr.write(`${TEXT[fallbackLang].fileProblem(error.code, error.path, error.detail)}\n`);
      return 2;
    }
    return internalError(error, args.debug, fallbackLang, io);
  }
}

/** An error that is not the user's: one line (the stack with --debug), exit status 3. */
function internalError(error: unknown, debug: boolean, lang: Lang, io: CliIo): number {
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${TEXT[lang].internalError(message.split("\n")[0] ?? "", debug)}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 3;
}

/** Runs the command line on `argv` (without node and script) and returns the exit status. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args.kind === "help") {
    io.stdout.write(`${TEXT[args.lang ?? environmentLang(io.env)].usage}\n`);
    return 0;
  }
  if (args.kind === "usage") {
    const text = TEXT[args.lang ?? environmentLang(io.env)];
    io.stderr.write(`${text.usageProblem(args.problem)} ${text.usageHint}\n`);
    return 2;
  }
  return recalcFile(args, io);
}

/** The process entry: runs on process.argv and sets the exit status. */
export async function main(): Promise<void> {
  const io: CliIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    now: () => new Date(),
    env: process.env,
  };
  removeTemporaryFilesOnInterrupt();
  try {
    process.exitCode = await run(process.argv.slice(2), io);
  } catch (error) {
    // anything that escaped run() (a bug in argument handling, say) is still an internal error
    const debug = process.argv.includes("--debug");
    process.exitCode = internalError(error, debug, environmentLang(io.env), io);
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) await main();
