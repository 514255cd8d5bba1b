/**
 * Writes examples/sample-district.xlsx: a fictional district (云川区) as the work report of SPEC's
 * introduction describes it, but consistent: 14 chambers, 1,889 members counted on 2014-11-30
 * (1,400 enterprise, 322 group, 167 individual) against 1,058 at the end of 2011, coverage above the
 * 10% target in most townships, dues for 2012–2014 where 5 chambers collect 100%, and about a dozen
 * planted mistakes for the problems sheet (see examples/README.md).
 *
 * Usage: tsx scripts/make-sample.ts [output.xlsx]   (default: examples/sample-district.xlsx)
 *
 * Deterministic: a seeded PRNG, dates as UTC calendar days, fixed workbook timestamps. Before writing,
 * the script recomputes the headline figures from its own model and fails if the plan is not met.
 *
 * The generator lives in scripts/sample/: plan.ts (the district's fixed data), data.ts (the
 * correct rows drawn from it), mistakes.ts (the planted mistakes), district.ts (both in one seeded
 * order, and the self-check), write.ts (the workbook).
 */
import { dirname, resolve } from "node:path";
import { argv, stdout } from "node:process";
import { fileURLToPath } from "node:url";
import { figures } from "./sample/district";
import type { District } from "./sample/plan";
import { writeSample } from "./sample/write";

function say(line: string): void {
  stdout.write(line + "\n");
}

function report(path: string, d: District): void {
  const f = figures(d);
  say(`wrote ${path}`);
  say(
    `members counted and active on 2014-11-30: ${f.total} (${f.byType.enterprise}/${f.byType.group}/${f.byType.individual}); end of 2011: ${f.baseYearEnd}`
  );
  say(
    `member rows ${d.members.length}, dues rows ${d.dues.length}; full collection ${f.fullCollection.join(",")}; income ≥ 500,000: ${f.incomeAtLeastThreshold.join(",")}; below target: ${f.missTarget.join(",")}`
  );
  for (const p of d.planted)
    say(`planted ${p.sheet} row ${p.row} ${p.field} ${p.code} (${p.severity}): ${p.what}`);
}

const isMain = argv[1] !== undefined && resolve(argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const out = resolve(argv[2] ?? resolve(root, "examples/sample-district.xlsx"));
  const district = await writeSample(out);
  report(out, district);
}
