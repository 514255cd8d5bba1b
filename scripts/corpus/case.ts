/**
 * What a corpus case is: a file of tests/corpus, the bytes that make it, and what it must give,
 * through the command line (`chamber-recalc FILE --json --as-of 2014-11-30`) and through the core
 * alike: the exit status, every problem as [sheet, row, column, code] in the order the core sorts
 * them, the row accounting, and the figures that show a cell was read right. Files that are no
 * .xlsx give exit status 2 and the file problem's code. tests/robustness/corpus.test.ts checks
 * every case against its expectation.
 */
import type { FileProblemCode } from "../../src/adapters/xlsx/errors";
import type { ProblemCode } from "../../src/core/types";

/** The statistics date and the day of the run that every case is checked at. */
export const AS_OF = "2014-11-30";
export const TODAY = "2014-12-15";

export type Where = readonly [
  sheet: string,
  row: number | null,
  column: string | null,
  ProblemCode,
];
export type Kind = "members" | "chambers" | "dues" | "townships";

export interface CorpusExpectation {
  readonly about: string;
  readonly exit: 0 | 1 | 2;
  /** For a file that cannot be opened as a workbook. */
  readonly fileProblem?: FileProblemCode;
  readonly problems?: readonly Where[];
  readonly rows?: Readonly<
    Record<Kind, readonly [read: number, counted: number, excluded: number]>
  >;
  /** Figures of the JSON by dotted path ("members.total"). */
  readonly figures?: Readonly<Record<string, unknown>>;
  /** The header row each input sheet was found at. */
  readonly headerRows?: Readonly<Partial<Record<Kind, number>>>;
}

export interface CorpusCase {
  /** File name in tests/corpus, named for what it holds. */
  readonly file: string;
  /** What the file must give. */
  readonly expected: CorpusExpectation;
  readonly build: () => Promise<Uint8Array>;
}
