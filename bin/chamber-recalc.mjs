#!/usr/bin/env node
// chamber-recalc: runs the built command line (build/cli/chamber-recalc.mjs, made by `npm install`
// through `prepare`). In a checkout whose sources are newer than the build, it builds again first,
// so what runs is always what the sources say.
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const BUILT = join(ROOT, "build/cli/chamber-recalc.mjs");
const SOURCES = join(ROOT, "src");

/** The newest modification time of any file under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    if (time > latest) latest = time;
  }
  return latest;
}

function isStale() {
  if (!existsSync(BUILT)) return true;
  if (!existsSync(SOURCES)) return false;
  return newest(SOURCES) > statSync(BUILT).mtimeMs;
}

// stack traces (--debug) point at the TypeScript sources through the build's source map; only
// then, as node reads the map (4.6 MB) when it loads the build: about 50 ms of every start-up
if (process.argv.includes("--debug")) process.setSourceMapsEnabled(true);
if (isStale()) {
  const { buildCli } = await import(pathToFileURL(join(ROOT, "scripts/build-cli.mjs")).href);
  await buildCli();
}
const { main } = await import(pathToFileURL(BUILT).href);
await main();
