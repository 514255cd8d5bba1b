/** The command line's arguments, read with node's util.parseArgs and our own usage problems. */
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args";

function problem(argv: string[]): unknown {
  const parsed = parseArgs(argv);
  return parsed.kind === "usage" ? parsed.problem : parsed.kind;
}

describe("parseArgs", () => {
  it("reads the input, --out in both spellings and the flags", () => {
    expect(parseArgs(["-o", "y.xlsx", "x.xlsx", "--json", "--debug"])).toMatchObject({
      kind: "run",
      input: "x.xlsx",
      out: "y.xlsx",
      json: true,
      debug: true,
    });
    expect(parseArgs(["--out=z.xlsx", "x.xlsx", "--lang", "en"])).toMatchObject({
      out: "z.xlsx",
      lang: "en",
    });
  });

  it("writes beside the input by default, and into it with --in-place", () => {
    expect(parseArgs(["d/book.xlsx"])).toMatchObject({ out: "d/book.recalculated.xlsx" });
    expect(parseArgs(["book.xlsx", "--in-place"])).toMatchObject({
      out: "book.xlsx",
      inPlace: true,
    });
  });

  it("names each mistake with the user's own spelling", () => {
    expect(
      [
        ["x.xlsx", "--out"],
        ["x.xlsx", "--out", "--json"],
        ["x.xlsx", "--bogus"],
        ["--json=1", "x.xlsx"],
        ["x", "y"],
        [],
        ["x.xlsx", "--lang", "fr"],
        ["x.xlsx", "--as-of", "2014-13-01"],
        ["x.xlsx", "--in-place", "--out", "q.xlsx"],
        ["x.xlsx", "--out", "./x.xlsx"],
      ].map(problem)
    ).toEqual([
      { code: "missing-value", value: "--out" },
      { code: "missing-value", value: "--out" },
      { code: "unknown-option", value: "--bogus" },
      { code: "unknown-option", value: "--json=1" },
      { code: "extra-argument", value: "y" },
      { code: "no-input" },
      { code: "bad-lang", value: "fr" },
      { code: "bad-date", value: "2014-13-01" },
      { code: "out-and-in-place" },
      { code: "out-is-input" },
    ]);
  });

  it("answers --help before any other problem, in the language asked for", () => {
    expect(parseArgs(["--bogus", "-h", "--lang", "en"])).toEqual({ kind: "help", lang: "en" });
  });

  it("takes a file name that starts with a dash after --", () => {
    expect(parseArgs(["--", "--weird.xlsx"])).toMatchObject({ kind: "run", input: "--weird.xlsx" });
  });
});
