import { availableParallelism } from "node:os";
import { env } from "node:process";
import { defineConfig } from "vitest/config";

// Two runs: the unit and integration tests (`npm run test:unit`, run under two time zones), and
// the end-to-end tests in Chromium (`npm run test:e2e`, VITEST_E2E=1), which build the bundle once.
const e2e = env["VITEST_E2E"] === "1";
// The second time-zone pass (npm run test:tz) leaves out the heavy tests that no date arithmetic
// reaches: the producer corpus (every run pins --as-of), the million-row writer, and the
// production webpack build of the deployment test.
const secondTimeZone = env["VITEST_SECOND_TZ"] === "1";
const onceOnly = [
  "tests/xlsx/producers.test.ts",
  "tests/xlsx/large-sheet.test.ts",
  "tests/deploy/office-js.test.ts",
];

// Vitest runs files on one worker fewer than the machine has cores: one on CI's 2 cores. Much of
// these tests' time is spent waiting on the programs they start (LibreOffice, python3, the
// command line, webpack), so the unit pass takes two workers at least: 125 -> 84 s on a 2-core
// machine. The end-to-end pass keeps the default (one Chromium at a time).
const workers = e2e ? undefined : Math.max(2, availableParallelism() - 1);

export default defineConfig({
  test: {
    include: e2e
      ? ["tests/e2e/**/*.test.ts"]
      : ["src/**/*.test.ts", "src/**/*.test.tsx", "tests/**/*.test.ts"],
    exclude: e2e ? [] : ["tests/e2e/**", "**/node_modules/**", ...(secondTimeZone ? onceOnly : [])],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: "forks",
    ...(workers === undefined ? {} : { maxWorkers: workers }),
  },
});
