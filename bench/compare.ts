/**
 * Fingerprints of the core's results on the benchmark's synthetic workbooks, to prove that a
 * change to the core leaves every figure as it was:
 *
 *   npx tsx bench/compare.ts --save bench/out/before.json      record the fingerprints
 *   npx tsx bench/compare.ts --against bench/out/before.json   compare with them (exit 1 on a difference)
 *   npx tsx bench/compare.ts --sizes 10000 --variants base     fewer cases
 *
 * A case is a size and a variant: "base" is the benchmark's workbook (1% planted mistakes, today
 * 2025-06-30); "errors" has 30% mistakes, six dues years a member, English and an as-of date of
 * 2013-12-31 (another reporting year, more problems of every kind). Each case runs in its own
 * child process. Its fingerprint is a SHA-256 of: JSON.stringify(result.json) (SPEC §6, byte for
 * byte); the output sheets row by row; every problem; the records the result exposes (chambers,
 * members, dues, townships); found sheets, settings and language. They are hashed piecewise, so a
 * full sheet's records never need one giant string.
 */
import { spawn } from "node:child_process";
import { createHash, type Hash } from "node:crypto";
import { Buffer } from "node:buffer";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { argv, execPath, exit, stdout } from "node:process";
import { fileURLToPath } from "node:url";
import { recalculate } from "../src/core/index";
import type { RecalcOptions, RecalcResult } from "../src/core/types";
import { MAX_DATA_ROWS, synthGrid, type SynthOptions } from "./synth";

const DEFAULT_SIZES = [10_000, 100_000, MAX_DATA_ROWS];
const VARIANTS: Record<string, { synth: Omit<SynthOptions, "members">; options: RecalcOptions }> = {
  base: { synth: {}, options: { today: "2025-06-30" } },
  errors: {
    synth: { errorRate: 0.3, duesPerMember: 6, seed: 7 },
    options: { today: "2025-06-30", asOf: "2013-12-31", lang: "en" },
  },
};

export interface Fingerprint {
  readonly size: number;
  readonly variant: string;
  /** Hash of JSON.stringify(result.json) alone: the §6 JSON byte for byte. */
  readonly json: string;
  readonly jsonBytes: number;
  readonly output: string;
  readonly problems: string;
  readonly records: string;
  readonly rest: string;
  readonly counts: { problems: number; members: number; dues: number; chambers: number };
}

function hashOf(fill: (h: Hash) => void): string {
  const h = createHash("sha256");
  fill(h);
  return h.digest("hex").slice(0, 16);
}

function eachJson(h: Hash, items: readonly unknown[]): void {
  h.update(`[${items.length}]`);
  for (const item of items) h.update(JSON.stringify(item) + "\n");
}

function fingerprint(size: number, variant: string, result: RecalcResult): Fingerprint {
  const json = JSON.stringify(result.json);
  return {
    size,
    variant,
    json: hashOf((h) => h.update(json)),
    jsonBytes: Buffer.byteLength(json),
    output: hashOf((h) => {
      for (const sheet of result.output) {
        const { rows, ...meta } = sheet;
        h.update(JSON.stringify(meta));
        eachJson(h, rows);
      }
    }),
    problems: hashOf((h) => eachJson(h, result.problems)),
    records: hashOf((h) => {
      eachJson(h, result.chambers);
      eachJson(h, result.members);
      eachJson(h, result.dues);
      eachJson(h, result.townships);
    }),
    rest: hashOf((h) => h.update(JSON.stringify([result.lang, result.found, result.settings]))),
    counts: {
      problems: result.problems.length,
      members: result.members.length,
      dues: result.dues.length,
      chambers: result.chambers.length,
    },
  };
}

const MARK = "FINGERPRINT ";

function child(size: number, variant: string): void {
  const v = VARIANTS[variant];
  if (!v) throw new Error(`unknown variant ${variant}`);
  const { grid } = synthGrid({ members: size, ...v.synth });
  const result = recalculate(grid, v.options);
  stdout.write(MARK + JSON.stringify(fingerprint(size, variant, result)) + "\n");
}

function runChild(size: number, variant: string): Promise<Fingerprint> {
  const args = [
    "--max-old-space-size=8192",
    "--import",
    "tsx",
    fileURLToPath(import.meta.url),
    "--child",
    String(size),
    variant,
  ];
  return new Promise((resolve, reject) => {
    const p = spawn(execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    p.stdout.setEncoding("utf8");
    p.stdout.on("data", (chunk: string) => (out += chunk));
    p.on("error", reject);
    p.on("close", (code) => {
      const line = out.split("\n").find((l) => l.startsWith(MARK));
      if (code !== 0 || !line)
        reject(new Error(`${variant} ${size} failed (exit ${code})\n${out}`));
      else resolve(JSON.parse(line.slice(MARK.length)) as Fingerprint);
    });
  });
}

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(args: readonly string[]): Promise<void> {
  const childAt = args.indexOf("--child");
  if (childAt >= 0) {
    child(Number(args[childAt + 1]), args[childAt + 2] ?? "base");
    return;
  }
  const sizes = option(args, "--sizes")?.split(",").map(Number) ?? DEFAULT_SIZES;
  const variants = option(args, "--variants")?.split(",") ?? Object.keys(VARIANTS);
  const save = option(args, "--save");
  const against = option(args, "--against");
  const expected = against ? (JSON.parse(readFileSync(against, "utf8")) as Fingerprint[]) : [];
  const got: Fingerprint[] = [];
  let differences = 0;
  for (const variant of variants) {
    for (const size of sizes) {
      const f = await runChild(size, variant);
      got.push(f);
      const before = expected.find((e) => e.size === size && e.variant === variant);
      let verdict = "";
      if (against) {
        if (!before) verdict = "  (no saved fingerprint)";
        else {
          const keys = ["json", "output", "problems", "records", "rest"] as const;
          const changed = keys.filter((k) => f[k] !== before[k]);
          if (JSON.stringify(f.counts) !== JSON.stringify(before.counts))
            changed.push("counts" as never);
          differences += changed.length;
          verdict = changed.length === 0 ? "  identical" : `  DIFFERENT: ${changed.join(", ")}`;
        }
      }
      stdout.write(
        `${variant.padEnd(6)} ${String(size).padStart(8)}  json ${f.json} (${f.jsonBytes} B)  ` +
          `output ${f.output}  problems ${f.problems} (${f.counts.problems})  ` +
          `records ${f.records}  rest ${f.rest}${verdict}\n`
      );
    }
  }
  if (save) {
    mkdirSync(dirname(save), { recursive: true });
    writeFileSync(save, JSON.stringify(got, null, 2) + "\n");
    stdout.write(`wrote ${save}\n`);
  }
  if (against && differences > 0) exit(1);
}

await main(argv.slice(2));
