/**
 * The command line runs from its build (no TypeScript compiled at start-up), and the build is
 * never older than the sources it came from.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "./helpers";

const BUILT = join(ROOT, "build/cli/chamber-recalc.mjs");

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    latest = Math.max(latest, time);
  }
  return latest;
}

describe("the built command line", () => {
  it("is rebuilt when a source is newer, and runs without tsx", () => {
    const run = runCli(["--help"], { LANG: "en_US.UTF-8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Usage: chamber-recalc");
    expect(statSync(BUILT).mtimeMs).toBeGreaterThanOrEqual(newest(join(ROOT, "src")));
    const bin = readFileSync(join(ROOT, "bin/chamber-recalc.mjs"), "utf8");
    expect(bin).not.toContain("tsx");
    expect(readFileSync(BUILT, "utf8")).toContain("function environmentLang");
  });
});
