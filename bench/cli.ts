/**
 * The command line's end-to-end benchmark: `chamber-recalc` from process start to output saved,
 * on workbooks from two producers, against the floor of reading the same file (native inflate and
 * one byte scan) and against a peer (SheetJS), optionally interleaved with another checkout.
 *
 *   npm run bench:cli                                  100,000 and 1,048,575 members, 3 runs
 *   npm run bench:cli -- --sizes 100000 --runs 5
 *   npm run bench:cli -- --baseline /tmp/cli-base      interleave with another checkout
 *   options: --producers exceljs,openpyxl  --peer-runs N  --peer-runs-full N (at 1,048,575)
 *            --no-split  --no-peer  --make-only (make the cached workbooks, run nothing)
 *            --report [FILE] (print the tables again from bench/out/cli-last.json or FILE)
 *            --resume FILE (keep the cases FILE recorded for the same checkouts; run the others)
 *            --current DIR (the checkout called "current"; this one by default)
 *
 * Workbooks (cached in bench/out, keyed by a hash of their generator):
 *   exceljs   bench/synth.ts's grid through ExcelJS's streaming writer (shared strings);
 *   openpyxl  the same cells written by openpyxl's write-only mode (bench/openpyxl_workbook.py:
 *             inline strings, every Chinese character as a character reference).
 * For each workbook and size, `--runs` rounds, each in fresh processes and in a rotating order:
 *   cli:LABEL   node LABEL/bin/chamber-recalc.mjs IN --json --out OUT --as-of 2025-06-30 under
 *               /usr/bin/time (wall, max RSS, user + system CPU); its stdout must be byte-identical
 *               across runs and checkouts;
 *   read:LABEL  openPackage + readPackageGrid of that checkout's src/adapters/xlsx, timed inside a
 *               fresh process (node --import tsx; compiling is not timed);
 *   floor       the worksheets and shared strings inflated by node's zlib (streamed in the
 *               reader's chunks, zip.ts STREAM_CHUNK, and each part whole with inflateRawSync)
 *               and every byte scanned once;
 *   peer        SheetJS: readFile(dense) + sheet_to_json(header: 1) of every sheet (peer-sheetjs.ts,
 *               bundled by esbuild into bench/out), under /usr/bin/time.
 * Then one process a checkout splits the stages (open, read, core, write, save). Tables are printed
 * as the runs go and at the end; everything goes to bench/out/cli-last.json.
 */
import { Buffer } from "node:buffer";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { argv, cpuUsage, execPath, memoryUsage, pid, stdout, version } from "node:process";
import { performance } from "node:perf_hooks";
import { clearTimeout, setTimeout } from "node:timers";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createInflateRaw, inflateRawSync } from "node:zlib";
import { STREAM_CHUNK, ZipArchive } from "../src/adapters/xlsx/zip";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..");
const OUT_DIR = join(HERE, "out");
const TMP_DIR = join(OUT_DIR, "cli-tmp");
const JSON_DIR = join(OUT_DIR, "cli-json");
const AS_OF = "2025-06-30";
/** Excel's last row less the header: bench/synth.ts's MAX_DATA_ROWS (not imported: it loads ExcelJS). */
const MAX_DATA_ROWS = 1_048_575;
const RESULT_MARK = "CLI-BENCH-RESULT ";
const PYTHON = "/usr/bin/python3";
const TIME = "/usr/bin/time";
/** The peer's heap when node's default heap runs out (recorded when it happens). */
const PEER_BIG_HEAP_MB = 16_384;

type Producer = "exceljs" | "openpyxl";
const PRODUCERS: readonly Producer[] = ["exceljs", "openpyxl"];

function say(line = ""): void {
  stdout.write(line + "\n");
}

function sha(data: string | Buffer, length = 64): string {
  return createHash("sha256").update(data).digest("hex").slice(0, length);
}

// ---------------------------------------------------------------------------------------------
// Peak memory and stage clocks (as bench/run.ts measures them)
// ---------------------------------------------------------------------------------------------

const CAN_RESET_PEAK = existsSync("/proc/self/clear_refs");

function resetPeak(): void {
  if (CAN_RESET_PEAK) writeFileSync("/proc/self/clear_refs", "5");
}

function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return m?.[1] ? Number(m[1]) / 1024 : memoryUsage.rss() / 2 ** 20;
}

export interface Stage {
  readonly stage: string;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
}

async function timeStage<T>(
  stages: Stage[],
  stage: string,
  work: () => T | Promise<T>
): Promise<T> {
  resetPeak();
  const cpu0 = cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuUsage(cpu0);
  stages.push({
    stage,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: peakRssMb(),
  });
  return value;
}

// ---------------------------------------------------------------------------------------------
// The floor: the zip's central directory, native inflate, one byte scan
// ---------------------------------------------------------------------------------------------

/** The byte scan of the floor: one pass, one compare a byte (counts `<`). */
function countLt(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0, length = bytes.length; i < length; i++) if (bytes[i] === 60) n++;
  return n;
}

function inflateStreamed(
  raw: Buffer,
  method: number
): Promise<{ seconds: number; scanSeconds: number; count: number; bytes: number }> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    let scanSeconds = 0;
    let count = 0;
    let bytes = 0;
    const onChunk = (chunk: Buffer): void => {
      const s = performance.now();
      count += countLt(chunk);
      scanSeconds += (performance.now() - s) / 1000;
      bytes += chunk.length;
    };
    if (method === 0) {
      onChunk(raw);
      resolvePromise({ seconds: (performance.now() - t0) / 1000, scanSeconds, count, bytes });
      return;
    }
    const inflate = createInflateRaw({ chunkSize: STREAM_CHUNK });
    inflate.on("data", onChunk);
    inflate.on("error", reject);
    inflate.on("end", () =>
      resolvePromise({ seconds: (performance.now() - t0) / 1000, scanSeconds, count, bytes })
    );
    inflate.end(raw);
  });
}

export interface FloorResult {
  readonly fileMb: number;
  readonly readFileSeconds: number;
  readonly parts: { name: string; compressedMb: number; mb: number }[];
  readonly inflatedMb: number;
  /** Streamed: wall of inflate + scan; scan timed inside, inflate = the rest (event loop included). */
  readonly streamed: {
    inflateSeconds: number;
    scanSeconds: number;
    cpuSeconds: number;
    peakRssMb: number;
  };
  /** Each part inflated whole (inflateRawSync), then scanned: pays for fresh memory. */
  readonly whole: {
    inflateSeconds: number;
    scanSeconds: number;
    cpuSeconds: number;
    peakRssMb: number;
  };
  readonly ltCount: number;
}

async function floorChild(file: string): Promise<FloorResult> {
  countLt(Buffer.alloc(1 << 16)); // compile the loop before it is timed
  const t0 = performance.now();
  const bytes = readFileSync(file);
  const readFileSeconds = (performance.now() - t0) / 1000;
  // the central directory as the command line reads it (zip.ts); inflating and scanning are the
  // floor's own
  const archive = ZipArchive.open(bytes);
  const wanted = archive.entries.filter(
    (p) => /^xl\/worksheets\/[^/]+\.xml$/i.test(p.name) || /^xl\/sharedStrings\.xml$/i.test(p.name)
  );
  // streamed
  resetPeak();
  let cpu0 = cpuUsage();
  let inflate = 0;
  let scan = 0;
  let ltCount = 0;
  for (const part of wanted) {
    const r = await inflateStreamed(archive.raw(part), part.method);
    inflate += r.seconds - r.scanSeconds;
    scan += r.scanSeconds;
    ltCount += r.count;
  }
  let cpu = cpuUsage(cpu0);
  const streamed = {
    inflateSeconds: inflate,
    scanSeconds: scan,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: peakRssMb(),
  };
  // whole
  resetPeak();
  cpu0 = cpuUsage();
  inflate = 0;
  scan = 0;
  let wholeCount = 0;
  for (const part of wanted) {
    const raw = archive.raw(part);
    const a = performance.now();
    const data = part.method === 0 ? raw : inflateRawSync(raw);
    const b = performance.now();
    wholeCount += countLt(data);
    const c = performance.now();
    inflate += (b - a) / 1000;
    scan += (c - b) / 1000;
  }
  cpu = cpuUsage(cpu0);
  if (wholeCount !== ltCount) throw new Error(`floor: ${wholeCount} vs ${ltCount} '<' bytes`);
  const whole = {
    inflateSeconds: inflate,
    scanSeconds: scan,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: peakRssMb(),
  };
  const parts = wanted.map((p) => ({
    name: p.name,
    compressedMb: p.compressedSize / 2 ** 20,
    mb: p.size / 2 ** 20,
  }));
  return {
    fileMb: bytes.length / 2 ** 20,
    readFileSeconds,
    parts,
    inflatedMb: parts.reduce((t, p) => t + p.mb, 0),
    streamed,
    whole,
    ltCount,
  };
}

// ---------------------------------------------------------------------------------------------
// Children that load a checkout's adapter (its own sources, through tsx)
// ---------------------------------------------------------------------------------------------

interface GridLike {
  readonly sheets: readonly { readonly name: string; readonly rows: readonly unknown[] }[];
}
interface ReadResultLike {
  readonly grid: GridLike;
  readonly ownedSheets: string[];
}
interface SaveLike {
  finish(): Promise<void>;
  abort(): Promise<void>;
}

interface AdapterModules {
  openPackage(input: string): Promise<unknown>;
  readPackageGrid(pkg: unknown): Promise<ReadResultLike>;
  writeOutputSheets(pkg: unknown, output: unknown): Promise<void>;
  savePackage(pkg: unknown, out: string): Promise<void>;
  /**
   * A save begun before the core with the parts it never writes copied ahead, as the command line
   * does it (src/adapters/xlsx/writer.ts PackageSaving); null in a checkout without it.
   */
  beginSave: ((pkg: unknown, out: string) => Promise<SaveLike>) | null;
  recalculate(
    grid: GridLike,
    options: { today: string; asOf: string; ownedSheets: readonly string[] }
  ): { json: unknown; output: unknown };
}

async function loadAdapter(dir: string): Promise<AdapterModules> {
  const load = async (path: string): Promise<Record<string, unknown>> =>
    (await import(pathToFileURL(join(dir, path)).href)) as Record<string, unknown>;
  const [pkg, reader, writer, core] = await Promise.all([
    load("src/adapters/xlsx/package.ts"),
    load("src/adapters/xlsx/reader.ts"),
    load("src/adapters/xlsx/writer.ts"),
    load("src/core/index.ts"),
  ]);
  return {
    openPackage: pkg.openPackage as AdapterModules["openPackage"],
    readPackageGrid: reader.readPackageGrid as AdapterModules["readPackageGrid"],
    writeOutputSheets: writer.writeOutputSheets as AdapterModules["writeOutputSheets"],
    savePackage: writer.savePackage as AdapterModules["savePackage"],
    beginSave: beginSaveOf(writer),
    recalculate: core.recalculate as AdapterModules["recalculate"],
  };
}

function beginSaveOf(writer: Record<string, unknown>): AdapterModules["beginSave"] {
  const saving = writer.PackageSaving as
    { begin(pkg: unknown, out: string, ahead: readonly string[]): Promise<SaveLike> } | undefined;
  const never = writer.partsNeverWritten as ((pkg: unknown) => Promise<string[]>) | undefined;
  if (saving === undefined || never === undefined) return null;
  return async (pkg, out) => saving.begin(pkg, out, await never(pkg));
}

function rowsOf(grid: GridLike): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const sheet of grid.sheets) rows[sheet.name] = sheet.rows.length;
  return rows;
}

export interface ReadStageResult {
  readonly stages: Stage[];
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
  readonly rows: Record<string, number>;
}

async function readChild(dir: string, file: string): Promise<ReadStageResult> {
  const adapter = await loadAdapter(dir);
  const stages: Stage[] = [];
  resetPeak();
  const pkg = await timeStage(stages, "open", () => adapter.openPackage(file));
  const read = await timeStage(stages, "read", () => adapter.readPackageGrid(pkg));
  return {
    stages,
    seconds: stages.reduce((t, s) => t + s.seconds, 0),
    cpuSeconds: stages.reduce((t, s) => t + s.cpuSeconds, 0),
    peakRssMb: peakRssMb(),
    rows: rowsOf(read.grid),
  };
}

function localToday(): string {
  const d = new Date();
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export interface SplitResult {
  readonly stages: Stage[];
  /** sha256 of the JSON the command line would print (JSON.stringify(json, null, 2) + "\n"). */
  readonly jsonSha: string;
  /** The exception that ended the stages early, if one did (the stages before it are kept). */
  readonly error?: string;
}

async function splitChild(dir: string, file: string, out: string): Promise<SplitResult> {
  const adapter = await loadAdapter(dir);
  const stages: Stage[] = [];
  let jsonSha = "";
  let saving: SaveLike | null = null;
  try {
    const pkg = await timeStage(stages, "open", () => adapter.openPackage(file));
    let read: ReadResultLike | null = await timeStage(stages, "read", () =>
      adapter.readPackageGrid(pkg)
    );
    const grid = read.grid;
    const owned = read.ownedSheets;
    read = null;
    // as the command line does: the save begun (the user's sheets copied ahead) before the core
    const begin = adapter.beginSave;
    saving = begin === null ? null : await begin(pkg, out);
    const begun = saving;
    const result = await timeStage(stages, "core", () =>
      adapter.recalculate(grid, { today: localToday(), asOf: AS_OF, ownedSheets: owned })
    );
    jsonSha = sha(`${JSON.stringify(result.json, null, 2)}\n`);
    await timeStage(stages, "write", () => adapter.writeOutputSheets(pkg, result.output));
    await timeStage(stages, "save", () =>
      begun === null ? adapter.savePackage(pkg, out) : begun.finish()
    );
    saving = null;
  } catch (error) {
    await saving?.abort();
    const message = error instanceof Error ? error.message : String(error);
    return { stages, jsonSha, error: `${message} (after ${stages.length} stages)` };
  } finally {
    rmSync(out, { force: true });
  }
  return { stages, jsonSha };
}

async function makeExcelJsChild(members: number, out: string): Promise<void> {
  const { synthGrid, writeGridXlsx } = await import("./synth");
  const t0 = performance.now();
  let synth: ReturnType<typeof synthGrid> | null = synthGrid({ members });
  const counts = synth.counts;
  stdout.write(
    `  exceljs: grid of ${counts.members} members, ${counts.dues} dues rows; writing...\n`
  );
  const grid = synth.grid;
  synth = null;
  await writeGridXlsx(grid, out);
  stdout.write(`  exceljs: written in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
}

// ---------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------

interface ProcessResult {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly timedOut: boolean;
}

function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd?: string; timeoutSeconds?: number; inheritStderr?: boolean } = {}
): Promise<ProcessResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      stdio: ["ignore", "pipe", options.inheritStderr ? "inherit" : "pipe"],
    });
    const out: Buffer[] = [];
    let err = "";
    let timedOut = false;
    const timer =
      options.timeoutSeconds === undefined
        ? null
        : setTimeout(() => {
            timedOut = true;
            child.kill("SIGKILL");
          }, options.timeoutSeconds * 1000);
    child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      err += chunk;
      if (err.length > 200_000) err = err.slice(-100_000);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      resolvePromise({ code, signal, stdout: Buffer.concat(out), stderr: err, timedOut });
    });
  });
}

/** A child of this script under tsx; its result is the line after RESULT_MARK. */
async function runChild<T>(args: readonly string[], heapMb?: number): Promise<T> {
  const flags = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  const r = await runProcess(execPath, [
    ...flags,
    "--import",
    "tsx",
    fileURLToPath(import.meta.url),
    "--child",
    ...args,
  ]);
  const text = r.stdout.toString("utf8");
  const line = text.split("\n").find((l) => l.startsWith(RESULT_MARK));
  if (r.code !== 0 || !line) {
    throw new Error(
      `child ${args.join(" ")} failed (exit ${r.code} ${r.signal ?? ""})\n${text}\n${r.stderr.slice(-3000)}`
    );
  }
  return JSON.parse(line.slice(RESULT_MARK.length)) as T;
}

interface Timed {
  readonly wallSeconds: number;
  readonly maxRssMb: number;
  readonly cpuSeconds: number;
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/** Runs a command under /usr/bin/time: wall seconds, max RSS, user + system CPU seconds. */
async function underTime(
  args: readonly string[],
  timeoutSeconds: number,
  cwd?: string
): Promise<Timed> {
  const timeFile = join(TMP_DIR, `time-${pid}.txt`);
  rmSync(timeFile, { force: true });
  const r = await runProcess(TIME, ["-o", timeFile, "-f", "%e %M %U %S", ...args], {
    timeoutSeconds,
    ...(cwd ? { cwd } : {}),
  });
  const lines = existsSync(timeFile) ? readFileSync(timeFile, "utf8").trim().split("\n") : [];
  const last = lines[lines.length - 1] ?? "";
  const [e, m, u, s] = last.split(" ").map(Number);
  return {
    wallSeconds: e ?? NaN,
    maxRssMb: (m ?? NaN) / 1024,
    cpuSeconds: (u ?? NaN) + (s ?? NaN),
    code: r.code,
    stdout: r.stdout,
    stderr: r.stderr,
    timedOut: r.timedOut,
  };
}

// ---------------------------------------------------------------------------------------------
// Workbooks
// ---------------------------------------------------------------------------------------------

function generatorHash(producer: Producer): string {
  const files =
    producer === "exceljs"
      ? [join(HERE, "synth.ts"), join(ROOT, "scripts/random.ts")]
      : [join(HERE, "openpyxl_workbook.py")];
  return sha(Buffer.concat(files.map((f) => readFileSync(f))), 10);
}

function workbookPath(producer: Producer, members: number): string {
  return join(OUT_DIR, `cli-${producer}-${members}-${generatorHash(producer)}.xlsx`);
}

async function ensureWorkbook(producer: Producer, members: number): Promise<string> {
  const path = workbookPath(producer, members);
  if (existsSync(path)) return path;
  const part = `${path}.part-${pid}`;
  say(`making the ${producer} workbook of ${members} members (cached as ${path})...`);
  const t0 = performance.now();
  let r: ProcessResult;
  if (producer === "exceljs") {
    r = await runProcess(
      execPath,
      [
        "--max-old-space-size=6144",
        "--import",
        "tsx",
        fileURLToPath(import.meta.url),
        "--child",
        "make-exceljs",
        String(members),
        part,
      ],
      { inheritStderr: true }
    );
    stdout.write(r.stdout.toString("utf8").replace(/^CLI-BENCH-RESULT .*\n/m, ""));
  } else {
    // the script writes OUT.part itself and renames it when complete
    r = await runProcess(PYTHON, [join(HERE, "openpyxl_workbook.py"), String(members), part], {
      inheritStderr: true,
    });
  }
  if (r.code !== 0 || !existsSync(part)) {
    throw new Error(`making the ${producer} workbook of ${members} failed (exit ${r.code})`);
  }
  renameSync(part, path);
  say(
    `  made in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${(statSync(path).size / 2 ** 20).toFixed(1)} MB`
  );
  return path;
}

// ---------------------------------------------------------------------------------------------
// Checkouts
// ---------------------------------------------------------------------------------------------

interface Checkout {
  readonly label: string;
  readonly dir: string;
  readonly commit: string;
  /** sha of `git status --porcelain` + `git diff`: which edits of the tree were measured. */
  readonly dirty: string;
}

async function git(dir: string, args: readonly string[]): Promise<string> {
  const r = await runProcess("git", ["-C", dir, ...args]);
  return r.code === 0 ? r.stdout.toString("utf8") : "";
}

async function describeCheckout(label: string, dir: string): Promise<Checkout> {
  if (!existsSync(join(dir, "bin/chamber-recalc.mjs"))) {
    throw new Error(`${dir}: no bin/chamber-recalc.mjs`);
  }
  if (!existsSync(join(dir, "node_modules"))) {
    throw new Error(`${dir}: no node_modules (ln -s ${ROOT}/node_modules ${dir}/node_modules)`);
  }
  // a copy that is no git checkout (git archive + the working tree's files) names its commit and
  // its edits in .bench-commit and .bench-dirty
  const marker = (name: string): string | null =>
    existsSync(join(dir, name)) ? readFileSync(join(dir, name), "utf8").trim() : null;
  const commit =
    marker(".bench-commit") ?? (await git(dir, ["rev-parse", "--short", "HEAD"])).trim();
  const noted = marker(".bench-dirty");
  if (noted !== null) return { label, dir, commit, dirty: noted };
  const status = await git(dir, ["status", "--porcelain", "--", "src", "bin", "scripts"]);
  const diff = await git(dir, ["diff", "HEAD", "--", "src", "bin", "scripts"]);
  return { label, dir, commit, dirty: status.trim() === "" ? "" : sha(status + diff, 10) };
}

/** The newest modification time under `dir` (bin/chamber-recalc.mjs's staleness rule). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    if (time > latest) latest = time;
  }
  return latest;
}

/** What the checkout's bin will run: its bundle's hash, or "tsx" for a checkout without one. */
function buildId(checkout: Checkout): string {
  const bundle = join(checkout.dir, "build/cli/chamber-recalc.mjs");
  if (!existsSync(join(checkout.dir, "scripts/build-cli.mjs"))) return "tsx";
  return existsSync(bundle) ? sha(readFileSync(bundle), 10) : "none";
}

/**
 * Makes the next timed run start from a built bundle (and a warm tsx cache): runs the bin once
 * untimed with --help when the sources are newer than the bundle, or always when `always`.
 */
async function warmCheckout(checkout: Checkout, always: boolean): Promise<boolean> {
  const bundle = join(checkout.dir, "build/cli/chamber-recalc.mjs");
  const hasBuild = existsSync(join(checkout.dir, "scripts/build-cli.mjs"));
  const stale =
    hasBuild &&
    (!existsSync(bundle) || newest(join(checkout.dir, "src")) > statSync(bundle).mtimeMs);
  if (!always && !stale) return false;
  await runProcess(execPath, [join(checkout.dir, "bin/chamber-recalc.mjs"), "--help"], {
    cwd: checkout.dir,
  });
  return stale;
}

// ---------------------------------------------------------------------------------------------
// Statistics and formatting
// ---------------------------------------------------------------------------------------------

function median(values: readonly number[]): number {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly values: number[];
}

function spread(values: readonly number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v));
  return {
    median: median(finite),
    min: finite.length ? Math.min(...finite) : NaN,
    max: finite.length ? Math.max(...finite) : NaN,
    values: [...values],
  };
}

function fmt(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "–";
}

function fmtSpread(s: Spread, digits = 2): string {
  if (!Number.isFinite(s.median)) return "–";
  if (s.values.length < 2) return fmt(s.median, digits);
  return `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    "| " + cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ") + " |";
  return [
    line(header),
    "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|",
    ...rows.map(line),
  ];
}

const thousands = (n: number): string => n.toLocaleString("en-US");

// ---------------------------------------------------------------------------------------------
// One workbook at one size: the rounds
// ---------------------------------------------------------------------------------------------

interface CliRun {
  readonly round: number;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly maxRssMb: number;
  readonly code: number | null;
  readonly jsonSha: string;
  readonly build: string;
  readonly rebuiltBefore: boolean;
  readonly load1: number;
  readonly error?: string;
}

interface PeerRun {
  readonly round: number;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly maxRssMb: number;
  readonly heapMb: number | null;
  readonly readFileSeconds: number;
  readonly toJsonSeconds: number;
  readonly rows: Record<string, number> | null;
  readonly load1: number;
  readonly error?: string;
}

interface CaseResult {
  readonly producer: Producer;
  readonly members: number;
  dues: number;
  readonly file: string;
  readonly fileMb: number;
  readonly cli: Record<string, CliRun[]>;
  readonly read: Record<string, (ReadStageResult & { round: number; load1: number })[]>;
  readonly floor: (FloorResult & { round: number })[];
  readonly peer: PeerRun[];
  readonly split: Record<string, SplitResult>;
  /** Distinct stdout hashes over all runs of all checkouts (one when all are byte-identical). */
  jsonShas: string[];
  jsonNote: string;
}

interface Options {
  readonly sizes: number[];
  readonly runs: number;
  readonly peerRuns: number;
  /** Peer runs at a full sheet (SheetJS takes minutes there). */
  readonly peerRunsFull: number;
  readonly producers: Producer[];
  readonly split: boolean;
  readonly peer: boolean;
}

async function cliRun(
  checkout: Checkout,
  file: string,
  c: CaseResult,
  round: number
): Promise<CliRun> {
  const rebuiltBefore = await warmCheckout(checkout, false);
  const out = join(TMP_DIR, `out-${checkout.label}.xlsx`);
  const load1 = loadavg()[0] ?? NaN;
  const build = buildId(checkout);
  const t = await underTime(
    [
      execPath,
      join(checkout.dir, "bin/chamber-recalc.mjs"),
      file,
      "--json",
      "--out",
      out,
      "--as-of",
      AS_OF,
    ],
    1800,
    checkout.dir
  );
  rmSync(out, { force: true });
  const jsonSha = sha(t.stdout);
  const jsonFile = join(JSON_DIR, `${c.producer}-${c.members}-${checkout.label}-${round}.json`);
  writeFileSync(jsonFile, t.stdout);
  let isJson = false;
  try {
    isJson = typeof JSON.parse(t.stdout.toString("utf8")) === "object";
  } catch {
    isJson = false;
  }
  const failed = t.timedOut || (t.code !== 0 && t.code !== 1) || !isJson;
  return {
    round,
    wallSeconds: t.wallSeconds,
    cpuSeconds: t.cpuSeconds,
    maxRssMb: t.maxRssMb,
    code: t.code,
    jsonSha,
    build,
    rebuiltBefore,
    load1,
    ...(failed ? { error: (t.timedOut ? "timed out; " : "") + errorLine(t.stderr) } : {}),
  };
}

/** The telling line of a failed run's stderr: node's "Error: ..." line, else its last line. */
function errorLine(stderr: string): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  return lines.find((l) => /^\w*Error\b/.test(l)) ?? lines[lines.length - 1] ?? "(no output)";
}

async function peerRun(file: string, round: number, heapMb: number | null): Promise<PeerRun> {
  const bundle = join(OUT_DIR, "peer-sheetjs.mjs");
  const load1 = loadavg()[0] ?? NaN;
  const flags = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  const t = await underTime([execPath, ...flags, bundle, file], 3600);
  const text = t.stdout.toString("utf8");
  const line = text.split("\n").find((l) => l.startsWith(RESULT_MARK));
  const base = {
    round,
    wallSeconds: t.wallSeconds,
    cpuSeconds: t.cpuSeconds,
    maxRssMb: t.maxRssMb,
    heapMb,
    load1,
  };
  if (t.code !== 0 || !line) {
    const oom = /heap out of memory|Invalid string length|Array buffer allocation failed/i.exec(
      t.stderr
    );
    return {
      ...base,
      readFileSeconds: NaN,
      toJsonSeconds: NaN,
      rows: null,
      error: t.timedOut
        ? "timed out"
        : oom
          ? `failed: ${oom[0]}`
          : `exit ${t.code}: ${t.stderr.slice(-300)}`,
    };
  }
  const r = JSON.parse(line.slice(RESULT_MARK.length)) as {
    readFileSeconds: number;
    toJsonSeconds: number;
    rows: Record<string, number>;
  };
  return {
    ...base,
    readFileSeconds: r.readFileSeconds,
    toJsonSeconds: r.toJsonSeconds,
    rows: r.rows,
  };
}

async function buildPeer(): Promise<void> {
  const { build } = await import("esbuild");
  await build({
    entryPoints: [join(HERE, "peer-sheetjs.ts")],
    outfile: join(OUT_DIR, "peer-sheetjs.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    legalComments: "none",
    logLevel: "warning",
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
  });
}

function readFileWarm(file: string): void {
  readFileSync(file); // into the page cache: every timed run reads a warm file
}

async function runCase(
  producer: Producer,
  members: number,
  file: string,
  checkouts: readonly Checkout[],
  options: Options
): Promise<CaseResult> {
  const c: CaseResult = {
    producer,
    members,
    dues: NaN,
    file,
    fileMb: statSync(file).size / 2 ** 20,
    cli: Object.fromEntries(checkouts.map((k) => [k.label, []])),
    read: Object.fromEntries(checkouts.map((k) => [k.label, []])),
    floor: [],
    peer: [],
    split: {},
    jsonShas: [],
    jsonNote: "",
  };
  say(`\n== ${producer}, ${thousands(members)} members (${fmt(c.fileMb, 1)} MB) ==`);
  readFileWarm(file);
  for (const k of checkouts) await warmCheckout(k, true);
  let peerHeap: number | null = null;
  for (let round = 0; round < options.runs; round++) {
    const tasks: { name: string; run: () => Promise<void> }[] = [];
    for (const k of checkouts) {
      tasks.push({
        name: `cli:${k.label}`,
        run: async () => {
          const r = await cliRun(k, file, c, round);
          c.cli[k.label]?.push(r);
          say(
            `  round ${round + 1} cli:${k.label.padEnd(8)} ${fmt(r.wallSeconds)} s wall, ${fmt(r.cpuSeconds)} s cpu, ` +
              `${fmt(r.maxRssMb, 0)} MB max RSS, exit ${r.code}, json ${r.jsonSha.slice(0, 12)}` +
              ` (build ${r.build}${r.rebuiltBefore ? ", rebuilt first" : ""}; load ${fmt(r.load1, 1)})` +
              (r.error ? `\n    FAILED: ${r.error}` : "")
          );
        },
      });
    }
    for (const k of checkouts) {
      tasks.push({
        name: `read:${k.label}`,
        run: async () => {
          const load1 = loadavg()[0] ?? NaN;
          let r: ReadStageResult;
          try {
            r = await runChild<ReadStageResult>(["read", k.dir, file]);
          } catch (error) {
            say(`  round ${round + 1} read:${k.label} FAILED: ${errorLine(String(error))}`);
            return;
          }
          c.read[k.label]?.push({ ...r, round, load1 });
          c.dues = (r.rows["会费"] ?? NaN) - 1;
          say(
            `  round ${round + 1} read:${k.label.padEnd(7)} ${fmt(r.seconds)} s (open ${fmt(r.stages[0]?.seconds ?? NaN)} + read ${fmt(r.stages[1]?.seconds ?? NaN)}), ` +
              `${fmt(r.cpuSeconds)} s cpu, ${fmt(r.peakRssMb, 0)} MB peak`
          );
        },
      });
    }
    tasks.push({
      name: "floor",
      run: async () => {
        const r = await runChild<FloorResult>(["floor", file]);
        c.floor.push({ ...r, round });
        say(
          `  round ${round + 1} floor        streamed: inflate ${fmt(r.streamed.inflateSeconds)} s + scan ${fmt(r.streamed.scanSeconds)} s; ` +
            `whole: inflate ${fmt(r.whole.inflateSeconds)} s + scan ${fmt(r.whole.scanSeconds)} s (${fmt(r.inflatedMb, 0)} MB of XML)`
        );
      },
    });
    const peerRuns = members >= MAX_DATA_ROWS ? options.peerRunsFull : options.peerRuns;
    if (options.peer && round < peerRuns) {
      tasks.push({
        name: "peer",
        run: async () => {
          let r = await peerRun(file, round, peerHeap);
          if (r.error && peerHeap === null && /failed:/.test(r.error)) {
            c.peer.push(r);
            say(
              `  round ${round + 1} peer (SheetJS, default heap) ${r.error} after ${fmt(r.wallSeconds)} s; again with ${PEER_BIG_HEAP_MB} MB`
            );
            peerHeap = PEER_BIG_HEAP_MB;
            r = await peerRun(file, round, peerHeap);
          }
          c.peer.push(r);
          say(
            `  round ${round + 1} peer (SheetJS${r.heapMb ? `, heap ${r.heapMb} MB` : ""}) ${fmt(r.wallSeconds)} s wall ` +
              `(readFile ${fmt(r.readFileSeconds)} + sheet_to_json ${fmt(r.toJsonSeconds)}), ${fmt(r.cpuSeconds)} s cpu, ${fmt(r.maxRssMb, 0)} MB` +
              (r.error ? ` FAILED: ${r.error}` : "")
          );
        },
      });
    }
    // rotate the order each round, so that no task always runs first (or right after another)
    const shift = round % tasks.length;
    for (const task of [...tasks.slice(shift), ...tasks.slice(0, shift)]) await task.run();
  }
  if (options.split) {
    for (const k of checkouts) {
      const out = join(TMP_DIR, `split-${k.label}.xlsx`);
      const r = await runChild<SplitResult>(["split", k.dir, file, out], 4096).catch(
        (error: unknown): SplitResult => ({
          stages: [],
          jsonSha: "",
          error: errorLine(error instanceof Error ? error.message : String(error)),
        })
      );
      c.split[k.label] = r;
      say(
        `  split ${k.label}: ` +
          r.stages.map((s) => `${s.stage} ${fmt(s.seconds)} s`).join(", ") +
          ` (json ${r.jsonSha.slice(0, 12)})` +
          (r.error ? ` FAILED: ${r.error}` : "")
      );
    }
  }
  checkJson(c, checkouts);
  say(`  JSON: ${c.jsonNote}`);
  return c;
}

/** Compares stdout across runs and checkouts; writes a diff when they differ. */
function checkJson(c: CaseResult, checkouts: readonly Checkout[]): void {
  const every = checkouts.flatMap((k) =>
    (c.cli[k.label] ?? []).map((r) => ({ label: k.label, r }))
  );
  const all = every.filter((x) => !x.r.error);
  const failed = every.filter((x) => x.r.error);
  const shas = [...new Set(all.map((x) => x.r.jsonSha))];
  c.jsonShas = shas;
  const splitShas = Object.entries(c.split).filter(
    ([, s]) => s.jsonSha !== "" && !shas.includes(s.jsonSha)
  );
  const labels = [...new Set(all.map((x) => x.label))];
  const failedNote = failed.length
    ? `; ${failed.length} run(s) FAILED without JSON: ${[...new Set(failed.map((x) => x.label))].join(", ")}: ${failed[0]?.r.error ?? ""}`
    : "";
  const splitNote =
    (splitShas.length
      ? `; NOTE the stage split's JSON differs for ${splitShas.map(([l]) => l).join(", ")}`
      : "") + failedNote;
  if (shas.length === 1) {
    c.jsonNote = `byte-identical over ${all.length} successful runs (${labels.join(" and ")}), sha256 ${shas[0]?.slice(0, 16)}${splitNote}`;
    return;
  }
  if (shas.length === 0) {
    c.jsonNote = `no successful run${splitNote}`;
    return;
  }
  const groups = shas.map(
    (s) =>
      `${s.slice(0, 12)}: ${all
        .filter((x) => x.r.jsonSha === s)
        .map((x) => `${x.label}#${x.r.round + 1}`)
        .join(" ")}`
  );
  const first = all[0];
  const other = all.find((x) => x.r.jsonSha !== first?.r.jsonSha);
  let diff = "";
  if (first && other) {
    const a = readFileSync(
      join(JSON_DIR, `${c.producer}-${c.members}-${first.label}-${first.r.round}.json`),
      "utf8"
    ).split("\n");
    const b = readFileSync(
      join(JSON_DIR, `${c.producer}-${c.members}-${other.label}-${other.r.round}.json`),
      "utf8"
    ).split("\n");
    const lines: string[] = [];
    for (let i = 0; i < Math.max(a.length, b.length) && lines.length < 20; i++) {
      if (a[i] !== b[i])
        lines.push(
          `line ${i + 1}: ${first.label}#${first.r.round + 1} ${JSON.stringify(a[i])} vs ${other.label}#${other.r.round + 1} ${JSON.stringify(b[i])}`
        );
    }
    diff = lines.join("\n    ");
  }
  c.jsonNote = `DIFFERENT: ${shas.length} distinct outputs: ${groups.join("; ")}\n    ${diff}${splitNote}`;
}

// ---------------------------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------------------------

interface FloorSummary {
  readonly variant: "streamed" | "whole";
  readonly inflate: number;
  readonly scan: number;
  readonly total: number;
  readonly streamed: Spread;
  readonly whole: Spread;
}

function floorOf(c: CaseResult): FloorSummary {
  const streamed = spread(c.floor.map((f) => f.streamed.inflateSeconds + f.streamed.scanSeconds));
  const whole = spread(c.floor.map((f) => f.whole.inflateSeconds + f.whole.scanSeconds));
  const variant = streamed.median <= whole.median ? "streamed" : "whole";
  const pick = (f: FloorResult) => (variant === "streamed" ? f.streamed : f.whole);
  const inflate = median(c.floor.map((f) => pick(f).inflateSeconds));
  const scan = median(c.floor.map((f) => pick(f).scanSeconds));
  return {
    variant,
    inflate,
    scan,
    total: variant === "streamed" ? streamed.median : whole.median,
    streamed,
    whole,
  };
}

function cliSpread(
  runs: readonly CliRun[],
  key: "wallSeconds" | "cpuSeconds" | "maxRssMb"
): Spread {
  return spread(runs.filter((r) => !r.error).map((r) => r[key]));
}

interface Verdict {
  readonly target: string;
  readonly figure: string;
  readonly met: boolean | null;
}

function verdicts(cases: readonly CaseResult[], current: string): Verdict[] {
  const out: Verdict[] = [];
  for (const c of cases) {
    const runs = c.cli[current] ?? [];
    const wall = cliSpread(runs, "wallSeconds");
    const rss = cliSpread(runs, "maxRssMb");
    const name = `${c.producer} ${thousands(c.members)}`;
    if (c.members === 100_000) {
      out.push({
        target: `${name}: end to end ≤ 1.5 s`,
        figure: `median ${fmtSpread(wall)} s`,
        met: Number.isFinite(wall.median) ? wall.median <= 1.5 : null,
      });
    }
    if (c.members === MAX_DATA_ROWS) {
      out.push({
        target: `${name}: end to end ≤ 8 s`,
        figure: `median ${fmtSpread(wall)} s`,
        met: Number.isFinite(wall.median) ? wall.median <= 8 : null,
      });
      out.push({
        target: `${name}: peak RSS ≤ 1.5 GB (1,536 MiB)`,
        figure: `max of runs ${fmt(rss.max, 0)} MiB`,
        met: Number.isFinite(rss.max) ? rss.max <= 1536 : null,
      });
    }
    const read = spread((c.read[current] ?? []).map((r) => r.seconds));
    const floor = floorOf(c);
    out.push({
      target: `${name}: read stage ≤ 2 × floor`,
      figure: `${fmt(read.median)} s / ${fmt(floor.total)} s = ×${fmt(read.median / floor.total)}`,
      met: Number.isFinite(read.median / floor.total) ? read.median / floor.total <= 2 : null,
    });
    const labels = Object.keys(c.cli);
    const broken = labels.filter((l) => (c.cli[l] ?? []).some((r) => r.error));
    out.push({
      target: `${name}: JSON byte-identical (${labels.join(", ")})`,
      figure:
        (c.jsonShas.length === 1 ? "identical" : `${c.jsonShas.length} distinct`) +
        (broken.length ? `; ${broken.join(", ")} failed (no JSON to compare)` : ""),
      met:
        c.jsonShas.length === 1 && broken.length === 0
          ? true
          : c.jsonShas.length > 1
            ? false
            : null,
    });
  }
  return out;
}

function report(cases: readonly CaseResult[], checkouts: readonly Checkout[]): string[] {
  const lines: string[] = [];
  const current = "current";
  lines.push(
    "End to end (process start to output saved), /usr/bin/time, median (range) of fresh processes:"
  );
  const e2e: string[][] = [];
  for (const c of cases) {
    for (const k of checkouts) {
      const runs = c.cli[k.label] ?? [];
      e2e.push([
        c.producer,
        thousands(c.members),
        Number.isFinite(c.dues) ? thousands(c.dues) : "?",
        `${k.label} ${k.commit}${k.dirty ? "+" + k.dirty : ""}`,
        fmtSpread(cliSpread(runs, "wallSeconds")),
        fmtSpread(cliSpread(runs, "cpuSeconds")),
        fmtSpread(cliSpread(runs, "maxRssMb"), 0),
        `${runs.filter((r) => !r.error).length}/${runs.length}` +
          (runs.some((r) => r.error)
            ? ` (failed after ${fmtSpread(spread(runs.filter((r) => r.error).map((r) => r.wallSeconds)))} s: ${runs.find((r) => r.error)?.error ?? ""})`
            : ""),
      ]);
    }
  }
  lines.push(
    ...table(
      ["producer", "members", "dues", "checkout", "wall s", "cpu s", "max RSS MiB", "ok"],
      e2e
    )
  );
  lines.push("");
  lines.push(
    "Read stage (openPackage + readPackageGrid, fresh process) against the floor on the same file:"
  );
  const rows: string[][] = [];
  for (const c of cases) {
    const f = floorOf(c);
    const xml = median(c.floor.map((x) => x.inflatedMb));
    for (const k of checkouts) {
      const read = spread((c.read[k.label] ?? []).map((r) => r.seconds));
      const cpu = spread((c.read[k.label] ?? []).map((r) => r.cpuSeconds));
      rows.push([
        c.producer,
        thousands(c.members),
        `${fmt(c.fileMb, 0)} → ${fmt(xml, 0)}`,
        `inflate ${fmt(f.inflate)} + scan ${fmt(f.scan)} = ${fmt(f.total)} (${f.variant})`,
        k.label,
        fmtSpread(read),
        fmtSpread(cpu),
        `×${fmt(read.median / f.total, 1)}`,
      ]);
    }
  }
  lines.push(
    ...table(
      [
        "producer",
        "members",
        "MB zip → XML",
        "floor s",
        "checkout",
        "read s",
        "read cpu s",
        "read/floor",
      ],
      rows
    )
  );
  lines.push("");
  lines.push(
    `Floor variants (median): streamed = zlib stream in ${STREAM_CHUNK / 2 ** 20} MB chunks (as the reader streams), whole = inflateRawSync of each part:`
  );
  lines.push(
    ...table(
      ["producer", "members", "streamed s", "whole s", "read file s"],
      cases.map((c) => {
        const f = floorOf(c);
        return [
          c.producer,
          thousands(c.members),
          fmtSpread(f.streamed),
          fmtSpread(f.whole),
          fmt(median(c.floor.map((x) => x.readFileSeconds))),
        ];
      })
    )
  );
  lines.push("");
  lines.push(
    "Peer: SheetJS 0.18.5 readFile(dense) + sheet_to_json(header: 1), fresh process, against ours:"
  );
  const peers: string[][] = [];
  for (const c of cases) {
    const ok = c.peer.filter((p) => !p.error);
    const failed = c.peer.filter((p) => p.error);
    const wall = spread(ok.map((p) => p.wallSeconds));
    const inner = spread(ok.map((p) => p.readFileSeconds + p.toJsonSeconds));
    const rss = spread(ok.map((p) => p.maxRssMb));
    const ours = cliSpread(c.cli[current] ?? [], "wallSeconds");
    const ourRead = spread((c.read[current] ?? []).map((r) => r.seconds));
    const ourCpu = spread((c.read[current] ?? []).map((r) => r.cpuSeconds));
    const peerCpu = spread(ok.map((p) => p.cpuSeconds));
    // the rows SheetJS returned against the rows our reader found, sheet by sheet
    const ourRows = c.read[current]?.[0]?.rows ?? c.read[Object.keys(c.read)[0] ?? ""]?.[0]?.rows;
    const peerRows = ok[0]?.rows;
    let rowsNote = "–";
    if (ourRows && peerRows) {
      const off = Object.keys(ourRows)
        .filter((name) => ourRows[name] !== peerRows[name])
        .map(
          (name) => `${name} ${thousands(peerRows[name] ?? 0)} of ${thousands(ourRows[name] ?? 0)}`
        );
      rowsNote = off.length ? `NOT all: ${off.join(", ")}` : "all";
    }
    peers.push([
      c.producer,
      thousands(c.members),
      fmtSpread(wall) +
        (failed.length
          ? ` [${failed.length} failed: ${failed[0]?.error ?? ""}${failed[0]?.heapMb ? "" : ", default heap"}]`
          : "") +
        (ok[0]?.heapMb ? ` (heap ${ok[0].heapMb} MB)` : ""),
      fmtSpread(rss, 0),
      fmtSpread(inner),
      fmt(ours.median),
      fmt(ourRead.median),
      `×${fmt(wall.median / ours.median, 1)}`,
      `×${fmt(inner.median / ourRead.median, 1)}`,
      `${fmt(peerCpu.median)} / ${fmt(ourCpu.median)}`,
      rowsNote,
    ]);
  }
  lines.push(
    ...table(
      [
        "producer",
        "members",
        "SheetJS wall s",
        "SheetJS RSS MiB",
        "SheetJS in-process s",
        "our e2e s",
        "our read s",
        "wall: peer/ours",
        "read: peer/ours",
        "cpu s: peer / our read",
        "rows SheetJS returned",
      ],
      peers
    )
  );
  lines.push("");
  lines.push(
    "Stage split, one process a checkout (s wall / s cpu / peak RSS MiB while the stage ran):"
  );
  const splits: string[][] = [];
  for (const c of cases) {
    for (const k of checkouts) {
      const s = c.split[k.label];
      if (!s) continue;
      const cell = (name: string): string => {
        const st = s.stages.find((x) => x.stage === name);
        return st ? `${fmt(st.seconds)} / ${fmt(st.cpuSeconds)} / ${fmt(st.peakRssMb, 0)}` : "–";
      };
      const total = s.stages.reduce((t, x) => t + x.seconds, 0);
      splits.push([
        c.producer,
        thousands(c.members),
        k.label,
        cell("open"),
        cell("read"),
        cell("core"),
        cell("write"),
        cell("save"),
        fmt(total),
      ]);
    }
  }
  lines.push(
    ...table(
      ["producer", "members", "checkout", "open", "read", "core", "write", "save", "total s"],
      splits
    )
  );
  for (const c of cases) {
    for (const [label, s] of Object.entries(c.split)) {
      if (s.error)
        lines.push(`  ${c.producer} ${thousands(c.members)} ${label}: FAILED: ${s.error}`);
    }
  }
  lines.push("");
  lines.push("JSON stdout:");
  for (const c of cases) lines.push(`  ${c.producer} ${thousands(c.members)}: ${c.jsonNote}`);
  const bySize = new Map<number, Set<string>>();
  for (const c of cases) {
    const set = bySize.get(c.members) ?? new Set<string>();
    for (const s of c.jsonShas) set.add(s);
    bySize.set(c.members, set);
  }
  for (const [members, set] of bySize) {
    const producers = cases.filter((c) => c.members === members).length;
    if (producers > 1) {
      lines.push(
        `  across producers at ${thousands(members)}: ${set.size === 1 ? "the same JSON from both workbooks (same cells, two producers)" : `${set.size} distinct outputs`}`
      );
    }
  }
  if (checkouts.some((k) => k.label === current)) {
    lines.push("");
    lines.push("Verdicts (current checkout):");
    lines.push(
      ...table(
        ["target", "figure", "verdict"],
        verdicts(cases, current).map((v) => [
          v.target,
          v.figure,
          v.met === null ? "n/a" : v.met ? "met" : "NOT met",
        ])
      )
    );
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function parseOptions(args: readonly string[]): Options {
  const sizes = (option(args, "--sizes") ?? `100000,${MAX_DATA_ROWS}`)
    .split(",")
    .map((s) => Math.min(MAX_DATA_ROWS, Number(s.replace(/_/g, ""))));
  const runs = Number(option(args, "--runs") ?? 3);
  const peerRuns = Number(option(args, "--peer-runs") ?? runs);
  const peerRunsFull = Number(option(args, "--peer-runs-full") ?? peerRuns);
  const producers = (option(args, "--producers") ?? PRODUCERS.join(",")).split(",") as Producer[];
  for (const p of producers) if (!PRODUCERS.includes(p)) throw new Error(`unknown producer ${p}`);
  if (sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error("--sizes: whole numbers");
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs: a whole number ≥ 1");
  return {
    sizes,
    runs,
    peerRuns,
    peerRunsFull,
    producers,
    split: !args.includes("--no-split"),
    peer: !args.includes("--no-peer"),
  };
}

async function child(args: readonly string[]): Promise<void> {
  const [kind, a, b, c] = args;
  let result: unknown;
  if (kind === "floor" && a) result = await floorChild(a);
  else if (kind === "read" && a && b) result = await readChild(a, b);
  else if (kind === "split" && a && b && c) result = await splitChild(a, b, c);
  else if (kind === "make-exceljs" && a && b) {
    await makeExcelJsChild(Number(a), b);
    result = {};
  } else throw new Error(`unknown child ${args.join(" ")}`);
  say(RESULT_MARK + JSON.stringify(result));
}

async function main(args: readonly string[]): Promise<void> {
  const childAt = args.indexOf("--child");
  if (childAt >= 0) {
    await child(args.slice(childAt + 1));
    return;
  }
  const reportAt = args.indexOf("--report");
  if (reportAt >= 0) {
    // the tables again from a saved record (bench/out/cli-last.json by default)
    const saved = JSON.parse(
      readFileSync(args[reportAt + 1] ?? join(OUT_DIR, "cli-last.json"), "utf8")
    ) as { cases: CaseResult[]; checkouts: Checkout[] };
    for (const l of report(saved.cases, saved.checkouts)) say(l);
    return;
  }
  const options = parseOptions(args);
  mkdirSync(TMP_DIR, { recursive: true });
  const checkouts: Checkout[] = [];
  const baseline = option(args, "--baseline");
  if (baseline) checkouts.push(await describeCheckout("baseline", resolve(baseline)));
  checkouts.push(await describeCheckout("current", resolve(option(args, "--current") ?? ROOT)));
  for (const k of checkouts) {
    say(
      `${k.label}: ${k.dir} at ${k.commit}${k.dirty ? ` with uncommitted edits (${k.dirty})` : ""}`
    );
  }
  if (options.peer) await buildPeer();
  // --resume FILE: keep the cases an interrupted run of the same checkouts recorded, run the rest
  const resumeFile = option(args, "--resume");
  const saved = resumeFile
    ? (JSON.parse(readFileSync(resumeFile, "utf8")) as {
        started: string;
        cases: CaseResult[];
        checkouts: Checkout[];
      })
    : null;
  const same = (a: readonly Checkout[], b: readonly Checkout[]): boolean =>
    a.length === b.length &&
    a.every((k, i) => k.label === b[i]?.label && k.dir === b[i]?.dir && k.dirty === b[i]?.dirty);
  if (saved && !same(saved.checkouts, checkouts)) {
    throw new Error(`--resume ${resumeFile}: recorded with other checkouts`);
  }
  const started = saved?.started ?? new Date().toISOString();
  const files = new Map<string, string>();
  for (const members of options.sizes) {
    for (const producer of options.producers) {
      files.set(`${producer}-${members}`, await ensureWorkbook(producer, members));
    }
  }
  if (args.includes("--make-only")) return;
  if (!resumeFile) rmSync(JSON_DIR, { recursive: true, force: true });
  mkdirSync(JSON_DIR, { recursive: true });
  const cases: CaseResult[] = [];
  const record = (): void => {
    const data = {
      started,
      finished: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model ?? "",
        memoryGb: totalmem() / 2 ** 30,
        node: version,
      },
      options,
      asOf: AS_OF,
      checkouts,
      cases: cases.map((c) => ({ ...c, floorSummary: floorOf(c) })),
      verdicts: verdicts(cases, "current"),
    };
    writeFileSync(join(OUT_DIR, "cli-last.json"), JSON.stringify(data, null, 2) + "\n");
  };
  for (const members of options.sizes) {
    for (const producer of options.producers) {
      const file = files.get(`${producer}-${members}`) ?? "";
      const kept = saved?.cases.find((c) => c.producer === producer && c.members === members);
      if (kept && kept.file === file) {
        say(`\n== ${producer}, ${thousands(members)} members: kept from ${resumeFile} ==`);
        cases.push(kept);
        continue;
      }
      cases.push(await runCase(producer, members, file, checkouts, options));
      record(); // partial results survive an interrupted run
    }
  }
  say();
  for (const l of report(cases, checkouts)) say(l);
  record();
  say(`\nwrote ${join(OUT_DIR, "cli-last.json")}`);
}

await main(argv.slice(2));
