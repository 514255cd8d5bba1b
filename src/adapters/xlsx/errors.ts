/**
 * Problems with a file as a file (before any cell is read) and with the place the output goes.
 * The command line turns each code into one line in the user's language.
 */
export type FileProblemCode =
  | "missing"
  | "directory"
  | "unreadable"
  | "xls"
  | "encrypted"
  | "csv"
  | "ods"
  | "not-xlsx"
  | "corrupt"
  | "unwritable"
  /** The input file changed on disk while it was being recalculated. */
  | "changed";

export class FileProblem extends Error {
  constructor(
    readonly code: FileProblemCode,
    readonly path: string,
    readonly detail: string
  ) {
    super(`${code}: ${path}${detail ? ` (${detail})` : ""}`);
    this.name = "FileProblem";
  }
}

/** The message of an unknown thrown value, for a FileProblem's detail. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
