/** Shared by the command-line tests: run chamber-recalc as a subprocess, make temp copies. */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { env, execPath } from "node:process";
import { URL, fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const FIXTURES = join(ROOT, "tests/fixtures/producers");
export const BIN = join(ROOT, "bin/chamber-recalc.mjs");

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], extraEnv: Record<string, string> = {}): CliRun {
  const result = spawnSync(execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...env, ...extraEnv },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), "chamber-cli-"));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Copies a fixture into `dir` and returns the copy's path. */
export function copyFixture(name: string, dir: string): string {
  const target = join(dir, name);
  copyFileSync(join(FIXTURES, name), target);
  return target;
}
