/**
 * Benchmark: synthetic workbooks at 10k, 100k and 1,048,575 member rows (about three dues rows a
 * member, capped at the sheet limit), timing each stage and its peak memory.
 *
 *   npm run bench                        all three sizes
 *   npm run bench -- --quick             10k and 100k
 *   npm run bench -- --sizes 10000,50000 chosen sizes (also BENCH_SIZES=...)
 *   npm run bench -- --core-only         skip the file stages (read .xlsx, write the output)
 *   npm run bench -- --runs 5            the core in 5 fresh processes a size (median, range)
 *
 * Each size runs in its own child process (node --max-old-space-size=4096) so that its memory is
 * measured cleanly. A stage's peak memory is the process's peak resident set while the stage ran:
 * the child resets the kernel's high-water mark (/proc/self/clear_refs) as a stage starts and reads
 * VmHWM from /proc/self/status as it ends, which also covers synchronous code that a timer could
 * not sample. Core stages are timed from recalculate's onProgress callbacks. Results are printed
 * as a table and written to bench/out/last.json.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { argv, cpuUsage, env, execPath, memoryUsage, stdout, version } from "node:process";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { runInThisContext } from "node:vm";
import { openPackage } from "../src/adapters/xlsx/package";
import { readPackageGrid } from "../src/adapters/xlsx/reader";
import { savePackage, writeOutputSheets } from "../src/adapters/xlsx/writer";
import { recalculate } from "../src/core/index";
import type { RecalcResult, RecalcStage, WorkbookGrid } from "../src/core/types";
import { MAX_DATA_ROWS, synthGrid, writeGridXlsx } from "./synth";

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = join(HERE, "out");
const DEFAULT_SIZES = [10_000, 100_000, MAX_DATA_ROWS];
const TODAY = "2025-06-30";

export interface StageResult {
  readonly stage: string;
  readonly seconds: number;
  /** CPU seconds of the whole process (all threads, GC helpers included) during the stage. */
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
}

export interface SizeResult {
  readonly members: number;
  readonly dues: number;
  readonly stages: StageResult[];
  /** Seconds of the core alone (detect + check + metrics + output) on the in-memory grid. */
  readonly coreSeconds: number;
  readonly coreCpuSeconds: number;
  /** The core again in the same process, once the JIT has compiled it (no stage breakdown). */
  readonly warmCoreSeconds: number;
  readonly problems: number;
  readonly byCode: Record<string, number>;
  /** Problems found when the same workbook went through the file (null with --core-only). */
  readonly fileProblems: number | null;
}

// ---------------------------------------------------------------------------------------------
// Peak memory
// ---------------------------------------------------------------------------------------------

const CAN_RESET_PEAK = existsSync("/proc/self/clear_refs");

function resetPeak(): void {
  if (CAN_RESET_PEAK) writeFileSync("/proc/self/clear_refs", "5");
}

function peakRssMb(): number {
  if (CAN_RESET_PEAK) {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (m?.[1]) return Number(m[1]) / 1024;
  }
  return memoryUsage.rss() / 1024 / 1024;
}

function collectGarbage(): void {
  // exposed by --expose-gc (the children run with it); absent otherwise
  const gc: unknown = runInThisContext("typeof gc === 'function' ? gc : null");
  if (typeof gc === "function") gc();
}

/** Times stages one after another; each stage's peak is measured from its own start. */
class StageClock {
  readonly stages: StageResult[] = [];
  private current: { stage: string; start: number; cpu: ReturnType<typeof cpuUsage> } | null = null;

  start(stage: string): void {
    this.end();
    resetPeak();
    this.current = { stage, start: performance.now(), cpu: cpuUsage() };
  }

  end(): void {
    if (!this.current) return;
    const seconds = (performance.now() - this.current.start) / 1000;
    const cpu = cpuUsage(this.current.cpu);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    this.stages.push({ stage: this.current.stage, seconds, cpuSeconds, peakRssMb: peakRssMb() });
    this.current = null;
  }

  async time<T>(stage: string, work: () => T | Promise<T>): Promise<T> {
    this.start(stage);
    const value = await work();
    this.end();
    return value;
  }
}

/** Runs recalculate, timing its stages from its own progress callbacks. */
function timedRecalc(
  clock: StageClock,
  grid: WorkbookGrid,
  prefix: string,
  ownedSheets: readonly string[] = []
): RecalcResult {
  let stage: string | null = null;
  const result = recalculate(grid, {
    today: TODAY,
    ownedSheets,
    onProgress: (s: RecalcStage, _fraction, sheet) => {
      // The check stage is timed sheet by sheet ("check members", "check dues", …).
      const step = sheet === undefined ? s : `${s} ${sheet}`;
      if (step === stage) return;
      stage = step;
      clock.start(prefix + step);
    },
  });
  clock.end();
  return result;
}

// ---------------------------------------------------------------------------------------------
// One size, in a child process
// ---------------------------------------------------------------------------------------------

/**
 * The core on an in-memory grid, first in a fresh process (the stages timed), then once more warm;
 * only counts survive, so that the results can be collected.
 */
function coreOnGrid(
  clock: StageClock,
  grid: WorkbookGrid
): { problems: number; byCode: Record<string, number>; warmSeconds: number } {
  const result = timedRecalc(clock, grid, "core: ");
  const counts = { problems: result.problems.length, byCode: { ...result.json.problems.byCode } };
  collectGarbage();
  const start = performance.now();
  recalculate(grid, { today: TODAY });
  const warmSeconds = (performance.now() - start) / 1000;
  collectGarbage();
  return { ...counts, warmSeconds };
}

async function runSize(members: number, coreOnly: boolean): Promise<SizeResult> {
  const clock = new StageClock();
  const xlsx = join(OUT_DIR, `synthetic-${members}-${synthVersion()}.xlsx`);
  let synth: ReturnType<typeof synthGrid> | null = await clock.time("synthesise grid", () =>
    synthGrid({ members })
  );
  const counts = synth.counts;
  // The input file takes ExcelJS minutes at full size: it is kept in bench/out and reused while
  // synth.ts is unchanged.
  if (!coreOnly && !existsSync(xlsx)) {
    const grid = synth.grid;
    await clock.time("(make input .xlsx)", () => writeGridXlsx(grid, xlsx + ".part"));
    renameSync(xlsx + ".part", xlsx);
  }
  collectGarbage();

  const { problems, byCode, warmSeconds } = coreOnGrid(clock, synth.grid);
  const core = clock.stages.filter((s) => s.stage.startsWith("core: "));
  const coreSeconds = core.reduce((t, s) => t + s.seconds, 0);
  const coreCpuSeconds = core.reduce((t, s) => t + s.cpuSeconds, 0);
  synth = null; // the file stages below start from the file alone
  collectGarbage();

  let fileProblems: number | null = null;
  if (!coreOnly) {
    // The command line's path: open and read the package, recalculate, write the output sheets
    // into the package and save it.
    const pkg = await clock.time("file: open .xlsx", () => openPackage(xlsx));
    const read = await clock.time("file: read cells", () => readPackageGrid(pkg));
    const fromFile = timedRecalc(clock, read.grid, "file: ", read.ownedSheets);
    fileProblems = fromFile.problems.length;
    await clock.time("file: write output", () => writeOutputSheets(pkg, fromFile.output));
    const out = join(OUT_DIR, `recalculated-${members}.xlsx`);
    await clock.time("file: save .xlsx", () => savePackage(pkg, out));
    rmSync(out, { force: true });
  }
  return {
    members: counts.members,
    dues: counts.dues,
    stages: clock.stages,
    coreSeconds,
    coreCpuSeconds,
    warmCoreSeconds: warmSeconds,
    problems,
    byCode,
    fileProblems,
  };
}

// ---------------------------------------------------------------------------------------------
// The parent: children, table, ratios, JSON
// ---------------------------------------------------------------------------------------------

/** A short hash of synth.ts, so that a cached input file is rebuilt when the generator changes. */
function synthVersion(): string {
  const source = readFileSync(join(HERE, "synth.ts"));
  return createHash("sha256").update(source).digest("hex").slice(0, 8);
}

const RESULT_MARK = "BENCH-RESULT ";

function runChild(members: number, coreOnly: boolean): Promise<SizeResult> {
  const args = [
    "--max-old-space-size=4096",
    "--expose-gc",
    "--import",
    "tsx",
    fileURLToPath(import.meta.url),
    "--child",
    String(members),
  ];
  if (coreOnly) args.push("--core-only");
  return new Promise((resolvePromise, reject) => {
    const child = spawn(execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (out += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.split("\n").find((l) => l.startsWith(RESULT_MARK));
      if (code !== 0 || !line) {
        reject(new Error(`benchmark of ${members} members failed (exit ${code})\n${out}`));
        return;
      }
      resolvePromise(JSON.parse(line.slice(RESULT_MARK.length)) as SizeResult);
    });
  });
}

function say(line = ""): void {
  stdout.write(line + "\n");
}

const WIDTHS = [9, 9, 22, 9, 9, 12];

function line(cells: ReadonlyArray<string | number>): string {
  return cells
    .map((c, i) =>
      i === 2 ? String(c).padEnd(WIDTHS[i] ?? 0) : String(c).padStart(WIDTHS[i] ?? 0)
    )
    .join(" ");
}

function table(results: readonly SizeResult[]): void {
  say(line(["members", "dues", "stage", "seconds", "cpu s", "peak RSS MB"]));
  for (const r of results) {
    for (const s of r.stages) {
      say(
        line([
          r.members,
          r.dues,
          s.stage,
          s.seconds.toFixed(3),
          s.cpuSeconds.toFixed(3),
          s.peakRssMb.toFixed(0),
        ])
      );
    }
    const peak = Math.max(
      ...r.stages.filter((s) => s.stage.startsWith("core: ")).map((s) => s.peakRssMb)
    );
    say(
      line([
        r.members,
        r.dues,
        "= core total",
        r.coreSeconds.toFixed(3),
        r.coreCpuSeconds.toFixed(3),
        peak.toFixed(0),
      ])
    );
    const codes = Object.entries(r.byCode).map(([code, n]) => `${code} ${n}`);
    say(`${"".padStart(20)}problems ${r.problems}: ${codes.join(", ")}`);
    if (r.fileProblems !== null && r.fileProblems !== r.problems) {
      say(
        `${"".padStart(20)}NOTE: read back from the .xlsx the same workbook gave ${r.fileProblems} problems`
      );
    }
  }
}

interface Ratio {
  from: number;
  to: number;
  rows: number;
  time: number;
  cpu: number;
}

function ratios(results: readonly SizeResult[]): Ratio[] {
  const out: Ratio[] = [];
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1];
    const b = results[i];
    if (!a || !b) continue;
    out.push({
      from: a.members,
      to: b.members,
      rows: (b.members + b.dues) / (a.members + a.dues),
      time: b.coreSeconds / a.coreSeconds,
      cpu: b.coreCpuSeconds / a.coreCpuSeconds,
    });
  }
  return out;
}

function parseSizes(args: readonly string[]): number[] {
  const at = args.indexOf("--sizes");
  const text = at >= 0 ? args[at + 1] : env.BENCH_SIZES;
  if (text) return text.split(",").map((s) => Math.min(MAX_DATA_ROWS, Number(s.replace(/_/g, ""))));
  return args.includes("--quick") ? DEFAULT_SIZES.slice(0, 2) : DEFAULT_SIZES;
}

function parseRuns(args: readonly string[]): number {
  const at = args.indexOf("--runs");
  const runs = at >= 0 ? Number(args[at + 1]) : 1;
  return Number.isInteger(runs) && runs >= 1 ? runs : 1;
}

/** The core's seconds at one size over several fresh processes: on a shared machine one run is noisy. */
interface CoreRuns {
  readonly members: number;
  readonly fresh: number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly warm: number[];
  readonly warmMedian: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function coreRuns(first: SizeResult, more: readonly SizeResult[]): CoreRuns {
  const all = [first, ...more];
  const fresh = all.map((r) => r.coreSeconds);
  const warm = all.map((r) => r.warmCoreSeconds);
  return {
    members: first.members,
    fresh,
    median: median(fresh),
    min: Math.min(...fresh),
    max: Math.max(...fresh),
    warm,
    warmMedian: median(warm),
  };
}

async function main(args: readonly string[]): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const coreOnly = args.includes("--core-only");
  const childAt = args.indexOf("--child");
  if (childAt >= 0) {
    const result = await runSize(Number(args[childAt + 1]), coreOnly);
    say(RESULT_MARK + JSON.stringify(result));
    return;
  }
  const sizes = parseSizes(args);
  const runs = parseRuns(args);
  const results: SizeResult[] = [];
  const repeats: CoreRuns[] = [];
  for (const size of sizes) {
    stdout.write(`running ${size} members...\n`);
    const first = await runChild(size, coreOnly);
    results.push(first);
    const more: SizeResult[] = [];
    for (let i = 1; i < runs; i++) {
      stdout.write(`  the core again in a fresh process (${i + 1} of ${runs})...\n`);
      more.push(await runChild(size, true));
    }
    repeats.push(coreRuns(first, more));
  }
  say();
  table(results);
  say();
  for (const r of repeats) {
    say(
      `core ${r.members} members: ${r.fresh.length} fresh process(es) ` +
        `median ${r.median.toFixed(3)} s (${r.min.toFixed(3)}–${r.max.toFixed(3)}); ` +
        `warm second run median ${r.warmMedian.toFixed(3)} s`
    );
  }
  say();
  for (const r of results) {
    const perRow = (sheet: string, rows: number): string => {
      const stage = r.stages.find((st) => st.stage === `core: check ${sheet}`);
      return stage && rows > 0 ? `${((stage.seconds / rows) * 1e6).toFixed(2)} µs` : "–";
    };
    say(
      `core ${r.members} members: checking a member row ${perRow("members", r.members)}, ` +
        `a dues row ${perRow("dues", r.dues)} (fresh process)`
    );
  }
  for (const r of ratios(results)) {
    say(
      `core ${r.to}/${r.from}: time ×${r.time.toFixed(2)}, cpu ×${r.cpu.toFixed(2)} for ×${r.rows.toFixed(2)} rows`
    );
  }
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? "",
    memoryGb: totalmem() / 2 ** 30,
    node: version,
  };
  const record = {
    date: new Date().toISOString(),
    machine,
    results,
    coreRuns: repeats,
    ratios: ratios(results),
  };
  writeFileSync(join(OUT_DIR, "last.json"), JSON.stringify(record, null, 2) + "\n");
  say(`\nwrote ${resolve(OUT_DIR, "last.json")}`);
}

await main(argv.slice(2));
