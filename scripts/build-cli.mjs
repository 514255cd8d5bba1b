// Builds the command line into one JavaScript file, build/cli/chamber-recalc.mjs, so that a run
// starts in node directly instead of compiling TypeScript as it loads (tsx: ~0.4 s a run).
// `npm install` runs it through `prepare`; bin/chamber-recalc.mjs runs it again when a source
// file is newer than the build (a checkout being edited). Plain JavaScript: it must run before
// anything else is built.
import { build } from "esbuild";
import { mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const OUTFILE = join(ROOT, "build/cli/chamber-recalc.mjs");

/** Builds the command line; the file appears whole or not at all (concurrent builds are safe). */
export async function buildCli() {
  // built in a folder of its own under the final file name (the source map link names it),
  // then moved into place: the file appears whole or not at all
  const tempDir = join(dirname(OUTFILE), `.build-${process.pid}-${Date.now()}`);
  const temp = join(tempDir, "chamber-recalc.mjs");
  mkdirSync(tempDir, { recursive: true });
  try {
    await build({
      entryPoints: [join(ROOT, "src/cli/main.ts")],
      outfile: temp,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      sourcemap: true,
      legalComments: "none",
      logLevel: "warning",
      // CommonJS dependencies bundled into an ES module still call require() for node built-ins
      banner: {
        js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
      },
    });
    // the map first: a reader that sees the new build finds its map
    renameSync(`${temp}.map`, `${OUTFILE}.map`);
    renameSync(temp, OUTFILE);
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCli();
}
