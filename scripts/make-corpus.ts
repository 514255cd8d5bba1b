/**
 * Writes tests/corpus/: small workbooks that are each wrong (or odd) in one way that staff
 * workbooks are — title rows, merged cells, missing and duplicated columns, formulas and error
 * values, numbers as text, dates in every style, the 1904 date system, full-width digits,
 * invisible characters, hostile text — plus files that are no .xlsx at all (an .xls, a CSV renamed
 * to .xlsx, a truncated and an encrypted .xlsx). Each case holds its input and what it must give
 * side by side; tests/robustness/corpus.test.ts checks both through the command line and the core.
 *
 * Usage: tsx scripts/make-corpus.ts [directory]   (default: tests/corpus)
 *
 * The generator lives in scripts/corpus/: case.ts (what a case is), data.ts (the base district
 * without a problem), mistakes/ (the cases, by what they get wrong: sheets, cells, rows, files),
 * write.ts (the bytes). Dates are UTC calendar days and workbook timestamps are fixed, so the cells
 * do not depend on the machine's time zone.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { argv, stdout } from "node:process";
import { fileURLToPath } from "node:url";
import type { CorpusCase, CorpusExpectation } from "./corpus/case";
import { CELL_CASES } from "./corpus/mistakes/cells";
import { FILE_CASES } from "./corpus/mistakes/files";
import { ROW_CASES } from "./corpus/mistakes/rows";
import { SHEET_CASES } from "./corpus/mistakes/sheets";

export const CORPUS: readonly CorpusCase[] = [
  ...SHEET_CASES,
  ...CELL_CASES,
  ...ROW_CASES,
  ...FILE_CASES,
];

/** What each file of the corpus must give, by file name. */
export const EXPECTATIONS: Readonly<Record<string, CorpusExpectation>> = Object.fromEntries(
  CORPUS.map((c) => [c.file, c.expected])
);

/** Writes every case into `dir`. */
export async function writeCorpus(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const c of CORPUS) {
    const path = join(dir, c.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await c.build());
    written.push(path);
  }
  return written;
}

function isEntryPoint(): boolean {
  return argv[1] !== undefined && resolve(argv[1]) === fileURLToPath(import.meta.url);
}

if (isEntryPoint()) {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = resolve(argv[2] ?? join(here, "..", "tests", "corpus"));
  const files = await writeCorpus(dir);
  stdout.write(`${files.length} files written to ${dir}\n`);
}
