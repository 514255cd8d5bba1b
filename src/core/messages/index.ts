/**
 * Problem titles and messages: the single place where problem text is written. Each language has
 * a catalogue with one entry per problem code (a missing code or a wrong parameter is a compile
 * error): a short title, and a message that says what is wrong and what would be right, from the
 * problem's data alone.
 */
import { ALL_PROBLEM_CODES } from "../problems/codes";
import type { Lang, Problem, ProblemCode, ProblemDraft, ProblemParams, SheetKind } from "../types";
import { EN } from "./en";
import { ZH } from "./zh";

/** Where a problem is, as a message may mention it. */
export interface MessageContext {
  readonly sheet: string;
  readonly row: number | null;
  readonly column: string | null;
  /** The cell's raw text, or null. */
  readonly value: string | null;
  readonly kind: SheetKind | null;
}

/** A code's text in one language. */
export interface CodeText<C extends ProblemCode> {
  /** A few words: the summary's problem counts and the task pane's groups are headed by it. */
  readonly title: string;
  readonly message: (params: ProblemParams[C], at: MessageContext) => string;
}

export type Catalogue = { readonly [C in ProblemCode]: CodeText<C> };

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { zh: ZH, en: EN };

function titlesOf(catalogue: Catalogue): Readonly<Record<ProblemCode, string>> {
  const titles: Partial<Record<ProblemCode, string>> = {};
  for (const code of ALL_PROBLEM_CODES) titles[code] = catalogue[code].title;
  return titles as Record<ProblemCode, string>;
}

/** Every code's title, per language. */
export const PROBLEM_TITLES: Readonly<Record<Lang, Readonly<Record<ProblemCode, string>>>> = {
  zh: titlesOf(ZH),
  en: titlesOf(EN),
};

function renderCode<C extends ProblemCode>(
  catalogue: Catalogue,
  code: C,
  params: ProblemParams[C],
  at: MessageContext
): string {
  const text: CodeText<C> = catalogue[code];
  return text.message(params, at);
}

/** The message of a problem in a language. */
export function renderMessage(draft: ProblemDraft, lang: Lang): string {
  const at: MessageContext = {
    sheet: draft.sheet,
    row: draft.row,
    column: draft.column,
    value: draft.value,
    kind: draft.kind,
  };
  return renderCode(CATALOGUES[lang], draft.code, draft.params, at);
}

/**
 * A problem draft with its message rendered in a language. The properties are written out in the
 * draft's order, message last (as a spread would give them): one object shape for every problem.
 */
export function withMessage(draft: ProblemDraft, lang: Lang): Problem {
  const problem = {
    code: draft.code,
    severity: draft.severity,
    kind: draft.kind,
    sheet: draft.sheet,
    row: draft.row,
    column: draft.column,
    value: draft.value,
    params: draft.params,
    message: renderMessage(draft, lang),
  };
  return problem as Problem;
}
