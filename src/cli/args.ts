/** The command line's arguments: `chamber-recalc INPUT.xlsx [--out OUTPUT.xlsx] [--json] [--as-of YYYY-MM-DD] [--lang zh|en] [--in-place]`. */
import { resolve } from "node:path";
import type { Lang } from "../core/types";
import { isoToDay } from "../adapters/xlsx/dates";

export interface RunArgs {
  readonly kind: "run";
  readonly input: string;
  readonly out: string;
  readonly json: boolean;
  readonly asOf: string | null;
  readonly lang: Lang | null;
  readonly inPlace: boolean;
  /** Print the stack of an internal error. */
  readonly debug: boolean;
}

export type UsageProblem =
  | { readonly code: "no-input" }
  | { readonly code: "extra-argument"; readonly value: string }
  | { readonly code: "unknown-option"; readonly value: string }
  | { readonly code: "missing-value"; readonly value: string }
  | { readonly code: "bad-date"; readonly value: string }
  | { readonly code: "bad-lang"; readonly value: string }
  | { readonly code: "out-is-input" }
  | { readonly code: "out-and-in-place" };

export type ParsedArgs =
  | RunArgs
  | { readonly kind: "help"; readonly lang: Lang | null }
  | { readonly kind: "usage"; readonly problem: UsageProblem; readonly lang: Lang | null };

/** "data/book.xlsx" → "data/book.recalculated.xlsx". */
export function defaultOutputPath(input: string): string {
  const match = /^(.*?)(\.[^./\\]+)?$/.exec(input);
  const stem = match?.[1] ?? input;
  return `${stem}.recalculated${match?.[2] ?? ".xlsx"}`;
}

const VALUE_OPTIONS = new Set(["--out", "-o", "--as-of", "--lang"]);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  let problem: UsageProblem | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [name, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    if (VALUE_OPTIONS.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) problem ??= { code: "missing-value", value: name };
      else values.set(name === "-o" ? "--out" : name, value);
    } else if (["--json", "--in-place", "--debug", "--help", "-h"].includes(name)) {
      flags.add(name === "-h" ? "--help" : name);
    } else if (arg.startsWith("-") && arg !== "-") {
      problem ??= { code: "unknown-option", value: arg };
    } else {
      positional.push(arg);
    }
  }
  const langText = values.get("--lang");
  const lang: Lang | null = langText === "zh" || langText === "en" ? langText : null;
  if (flags.has("--help")) return { kind: "help", lang };
  if (langText !== undefined && lang === null) problem ??= { code: "bad-lang", value: langText };
  const asOf = values.get("--as-of") ?? null;
  if (asOf !== null && isoToDay(asOf) === null) problem ??= { code: "bad-date", value: asOf };
  const input = positional[0];
  if (positional.length > 1) problem ??= { code: "extra-argument", value: positional[1] ?? "" };
  if (input === undefined) problem ??= { code: "no-input" };
  const inPlace = flags.has("--in-place");
  const outOption = values.get("--out");
  if (inPlace && outOption !== undefined) problem ??= { code: "out-and-in-place" };
  if (problem || input === undefined) {
    return { kind: "usage", problem: problem ?? { code: "no-input" }, lang };
  }
  const out = inPlace ? input : (outOption ?? defaultOutputPath(input));
  if (!inPlace && resolve(out) === resolve(input)) {
    return { kind: "usage", problem: { code: "out-is-input" }, lang };
  }
  return {
    kind: "run",
    input,
    out,
    json: flags.has("--json"),
    asOf,
    lang,
    inPlace,
    debug: flags.has("--debug"),
  };
}
