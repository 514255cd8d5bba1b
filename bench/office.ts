/* global console, performance */
/**
 * Round trips and payload of one recalculation through the Office.js adapter, on the fake Excel:
 * the sample workbook, and a generated district of 100,000 members and 300,000 dues rows.
 * Prints, per workbook, the syncs, the request and response bytes (total and largest per sync)
 * and the time taken.
 *
 * Usage: npm run bench:office   (tsx bench/office.ts [members] [dues-per-member])
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { argv } from "node:process";
import { fileURLToPath } from "node:url";
import { createOfficeHost } from "../src/adapters/office";
import { installFakeExcel, workbookFromSnapshot, type WorkbookSnapshot } from "../src/fake-excel";
import { snapshotOfXlsx } from "../scripts/make-demo-data";
import { generatedDistrict } from "../tests/office/workbooks";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function mb(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

async function measure(label: string, snapshot: WorkbookSnapshot): Promise<void> {
  const handle = installFakeExcel(workbookFromSnapshot(snapshot));
  const started = performance.now();
  const run = await createOfficeHost().recalculate({ today: "2014-12-15" }, () => undefined);
  const ms = performance.now() - started;
  const s = handle.stats;
  const reads = s.records.filter((r) => !r.calculationSuspended).length;
  console.log(
    [
      `${label}:`,
      `  syncs ${run.syncs} (${reads} reading, ${run.syncs - reads} writing)`,
      `  request  ${mb(s.requestBytes)} total, largest sync ${mb(s.maxRequestBytes)}`,
      `  response ${mb(s.responseBytes)} total, largest sync ${mb(s.maxResponseBytes)}`,
      `  problems ${run.result.problems.length}, time ${(ms / 1000).toFixed(1)} s`,
    ].join("\n")
  );
  handle.uninstall();
}

async function main(): Promise<void> {
  const sample = path.join(root, "examples", "sample-district.xlsx");
  if (existsSync(sample)) await measure("sample-district.xlsx", await snapshotOfXlsx(sample));
  const members = Number(argv[2] ?? 100_000);
  const duesPerMember = Number(argv[3] ?? 3);
  await measure(
    `${members.toLocaleString("en-US")} members + ${(members * duesPerMember).toLocaleString("en-US")} dues`,
    generatedDistrict(members, duesPerMember)
  );
}

await main();
