/**
 * Problem messages: the single place where problem text is written. Each language has a
 * catalogue with one function per problem code (a missing code is a compile error); a message
 * says what is wrong and what would be right, from the problem's data alone.
 */
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

export type MessageCatalogue = {
  readonly [C in ProblemCode]: (params: ProblemParams[C], at: MessageContext) => string;
};

export const CATALOGUES: Readonly<Record<Lang, MessageCatalogue>> = { zh: ZH, en: EN };

function renderCode<C extends ProblemCode>(
  catalogue: MessageCatalogue,
  code: C,
  params: ProblemParams[C],
  at: MessageContext
): string {
  const render: (params: ProblemParams[C], at: MessageContext) => string = catalogue[code];
  return render(params, at);
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
