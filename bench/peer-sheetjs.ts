/**
 * The peer of `npm run bench:cli`: what a JavaScript developer writes to get a workbook's sheets
 * as arrays with SheetJS (the `xlsx` package, 0.18.5): read the file in dense mode, then
 * `sheet_to_json(ws, { header: 1 })` for every sheet.
 *
 *   node bench/out/peer-sheetjs.mjs FILE.xlsx
 *
 * bench/cli.ts bundles this file with esbuild (as the command line is bundled) and runs it in a
 * fresh process under /usr/bin/time; it prints one `CLI-BENCH-RESULT {...}` line with its own
 * timings (readFile, sheet_to_json) and the rows it got from each sheet.
 */
import { cpuUsage, argv, stdout } from "node:process";
import { performance } from "node:perf_hooks";
import * as XLSX from "xlsx";

const file = argv[2];
if (!file) throw new Error("usage: peer-sheetjs FILE.xlsx");

const cpu0 = cpuUsage();
const t0 = performance.now();
const wb = XLSX.readFile(file, { dense: true });
const t1 = performance.now();
const rows: Record<string, number> = {};
let cells = 0;
for (const name of wb.SheetNames) {
  const ws = wb.Sheets[name];
  if (!ws) continue;
  const aoa = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 });
  rows[name] = aoa.length;
  for (const row of aoa) cells += row.length;
}
const t2 = performance.now();
const cpu = cpuUsage(cpu0);
stdout.write(
  "CLI-BENCH-RESULT " +
    JSON.stringify({
      readFileSeconds: (t1 - t0) / 1000,
      toJsonSeconds: (t2 - t1) / 1000,
      totalSeconds: (t2 - t0) / 1000,
      // since the process started (node's time origin), startup included
      sinceStartSeconds: t2 / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      rows,
      cells,
    }) +
    "\n"
);
