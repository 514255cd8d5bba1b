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

export default defineConfig({
  test: {
    include: e2e
      ? ["tests/e2e/**/*.test.ts"]
      : ["src/**/*.test.ts", "src/**/*.test.tsx", "tests/**/*.test.ts"],
    exclude: e2e ? [] : ["tests/e2e/**", "**/node_modules/**", ...(secondTimeZone ? onceOnly : [])],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: "forks",
  },
});
