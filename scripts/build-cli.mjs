// Builds the command line into build/cli/chamber-recalc.mjs (and its lazily loaded chunks), so that a run
// starts in node directly instead of compiling TypeScript as it loads (tsx: ~0.4 s a run).
// `npm install` runs it through `prepare`; bin/chamber-recalc.mjs runs it again when a source
// file is newer than the build (a checkout being edited). Plain JavaScript: it must run before
// anything else is built.
import { build } from "esbuild";
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const OUTFILE = join(ROOT, "build/cli/chamber-recalc.mjs");

/**
 * Builds the command line; the entry file appears whole or not at all (concurrent builds are safe).
 * Libraries only some runs need (docx for --docx, mammoth for a .docx draft) are split into chunks
 * under build/cli/chunks that node loads when the dynamic import runs: they are two thirds of the
 * bundle's bytes (1.6 of 2.4 MB), and compiling them took about 30 ms of every start-up.
 */
export async function buildCli() {
  // built in a folder of its own, then moved into place, chunks first: whoever sees the new
  // entry finds its chunks and maps
  const outDir = dirname(OUTFILE);
  const tempDir = join(outDir, `.build-${process.pid}-${Date.now()}`);
  mkdirSync(tempDir, { recursive: true });
  try {
    const result = await build({
      entryPoints: { "chamber-recalc": join(ROOT, "src/cli/main.ts") },
      outdir: tempDir,
      outExtension: { ".js": ".mjs" },
      chunkNames: "chunks/[name]-[hash]",
      bundle: true,
      splitting: true,
      platform: "node",
      format: "esm",
      target: "node20",
      sourcemap: true,
      legalComments: "none",
      logLevel: "warning",
      metafile: true,
      // CommonJS dependencies bundled into an ES module still call require() for node built-ins
      banner: {
        js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
      },
    });
    const written = Object.keys(result.metafile.outputs).map((file) =>
      relative(tempDir, join(ROOT, file))
    );
    const entry = relative(outDir, OUTFILE);
    mkdirSync(join(outDir, "chunks"), { recursive: true });
    const order = (name) => (name === entry ? 2 : name === `${entry}.map` ? 1 : 0);
    for (const name of [...written].sort((a, b) => order(a) - order(b))) {
      renameSync(join(tempDir, name), join(outDir, name));
    }
    pruneChunks(join(outDir, "chunks"), new Set(written));
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

/**
 * Removes chunks of earlier builds, once they are an hour old: a run of an earlier build that is
 * still going may yet import one.
 */
function pruneChunks(dir, keep) {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!keep.has(`chunks/${name}`) && statSync(path).mtimeMs < hourAgo)
      rmSync(path, { force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCli();
}
