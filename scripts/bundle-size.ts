/**
 * The task pane's production bundle size, gzipped: taskpane.js plus any CSS the page loads.
 * The budget is 300 KB. Run after `npm run build`; exits 1 when over budget.
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { argv, stdout } from "node:process";
import { gzipSync } from "node:zlib";

export const BUDGET_BYTES = 300 * 1024;

export interface BundleSize {
  readonly files: readonly { readonly name: string; readonly raw: number; readonly gzip: number }[];
  readonly raw: number;
  readonly gzip: number;
}

/** The scripts and stylesheets that dist/taskpane.html loads from dist/ (not office.js); attributes may be unquoted (minified HTML). */
export async function taskpaneFiles(dist: string): Promise<string[]> {
  const html = await readFile(path.join(dist, "taskpane.html"), "utf8");
  const refs = [...html.matchAll(/(?:src|href)=["']?([^"'\s>]+\.(?:js|css))/g)].map(
    (m) => m[1] ?? ""
  );
  const local = refs.filter((ref) => !/^https?:/.test(ref));
  const css = (await readdir(dist)).filter((f) => f.startsWith("taskpane") && f.endsWith(".css"));
  return [...new Set([...local.map((r) => r.replace(/^\.?\//, "")), ...css])];
}

export async function measureTaskpane(dist: string): Promise<BundleSize> {
  const names = await taskpaneFiles(dist);
  const files = await Promise.all(
    names.map(async (name) => {
      const body = await readFile(path.join(dist, name));
      return { name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
    })
  );
  return {
    files,
    raw: files.reduce((s, f) => s + f.raw, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
  };
}

export function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

const isMain = argv[1] !== undefined && path.resolve(argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "dist");
  const size = await measureTaskpane(dist);
  for (const f of size.files) {
    stdout.write(`${f.name}: ${kb(f.raw)} KB, ${kb(f.gzip)} KB gzipped\n`);
  }
  stdout.write(`task pane total: ${kb(size.gzip)} KB gzipped (budget ${kb(BUDGET_BYTES)} KB)\n`);
  if (size.gzip > BUDGET_BYTES) {
    throw new Error(`the task pane bundle is over budget: ${size.gzip} bytes gzipped`);
  }
}
