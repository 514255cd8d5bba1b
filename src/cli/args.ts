/** The command line's arguments: `chamber-recalc INPUT.xlsx [--out OUTPUT.xlsx] [--json | --report-text | --check-report DRAFT] [--docx OUT.docx] [--as-of YYYY-MM-DD] [--lang zh|en] [--in-place] [--debug]`. */
import { resolve } from "node:path";
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from "node:util";
import { dayFromIso } from "../core/dates";
import type { Lang } from "../core/types";

export interface RunArgs {
  readonly kind: "run";
  readonly input: string;
  readonly out: string;
  readonly json: boolean;
  /** Print the work report's paragraphs instead of the summary. */
  readonly reportText: boolean;
  /** Also write the paragraphs and the headline figures to this .docx. */
  readonly docx: string | null;
  /** A draft report (.txt, .md, .docx) whose figures are checked against the result. */
  readonly checkReport: string | null;
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
  | { readonly code: "out-and-in-place" }
  | { readonly code: "json-and-report-text" }
  | { readonly code: "docx-is-workbook" }
  | { readonly code: "report-text-and-check" };

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

/** The options, as node's util.parseArgs takes them. */
const OPTIONS = {
  out: { type: "string", short: "o" },
  "as-of": { type: "string" },
  lang: { type: "string" },
  json: { type: "boolean" },
  "report-text": { type: "boolean" },
  docx: { type: "string" },
  "check-report": { type: "string" },
  "in-place": { type: "boolean" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

type OptionName = keyof typeof OPTIONS;

function isOption(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name);
}

/**
 * Reads argv with node's util.parseArgs (tokens, not strict, so that every mistake becomes a
 * usage problem of ours with the user's own spelling instead of a thrown error).
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const { tokens } = nodeParseArgs({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values = new Map<OptionName, string>();
  const flags = new Set<OptionName>();
  const positional: string[] = [];
  let problem: UsageProblem | null = null;
  for (const token of tokens) {
    if (token.kind === "positional") {
      positional.push(token.value);
    } else if (token.kind === "option") {
      if (!isOption(token.name)) {
        problem ??= { code: "unknown-option", value: token.rawName };
      } else if (OPTIONS[token.name].type === "string") {
        // `--out --json`: the next option is not a value (write `--out=--odd.xlsx` to mean it)
        const dashed = token.inlineValue !== true && /^-./.test(token.value ?? "");
        if (token.value === undefined || dashed) {
          problem ??= { code: "missing-value", value: token.rawName };
        } else {
          values.set(token.name, token.value);
        }
      } else if (token.value !== undefined) {
        problem ??= { code: "unknown-option", value: `${token.rawName}=${token.value}` };
      } else {
        flags.add(token.name);
      }
    }
  }
  const langText = values.get("lang");
  const lang: Lang | null = langText === "zh" || langText === "en" ? langText : null;
  if (flags.has("help")) return { kind: "help", lang };
  if (langText !== undefined && lang === null) problem ??= { code: "bad-lang", value: langText };
  const asOf = values.get("as-of") ?? null;
  if (asOf !== null && dayFromIso(asOf) === null) problem ??= { code: "bad-date", value: asOf };
  const input = positional[0];
  if (positional.length > 1) problem ??= { code: "extra-argument", value: positional[1] ?? "" };
  if (input === undefined) problem ??= { code: "no-input" };
  const inPlace = flags.has("in-place");
  const outOption = values.get("out");
  if (inPlace && outOption !== undefined) problem ??= { code: "out-and-in-place" };
  if (flags.has("json") && flags.has("report-text")) problem ??= { code: "json-and-report-text" };
  if (flags.has("report-text") && values.has("check-report")) {
    problem ??= { code: "report-text-and-check" };
  }
  if (problem || input === undefined) {
    return { kind: "usage", problem: problem ?? { code: "no-input" }, lang };
  }
  const out = inPlace ? input : (outOption ?? defaultOutputPath(input));
  if (!inPlace && resolve(out) === resolve(input)) {
    return { kind: "usage", problem: { code: "out-is-input" }, lang };
  }
  const docx = values.get("docx") ?? null;
  if (docx !== null && (resolve(docx) === resolve(input) || resolve(docx) === resolve(out))) {
    return { kind: "usage", problem: { code: "docx-is-workbook" }, lang };
  }
  return {
    kind: "run",
    input,
    out,
    json: flags.has("json"),
    reportText: flags.has("report-text"),
    docx,
    checkReport: values.get("check-report") ?? null,
    asOf,
    lang,
    inPlace,
    debug: flags.has("debug"),
  };
}
