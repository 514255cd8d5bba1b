/** Where a draft's sentences and clauses begin and end, the scopes figures are matched in. */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A sentence ends at 。！？；; ! ? a line break, or a full stop that no digit follows. */
function isSentenceEnd(text: string, i: number): boolean {
  const ch = text[i] ?? "";
  if ("。！？；;!?\n".includes(ch)) return true;
  return ch === "." && !/\d/.test(text[i + 1] ?? "");
}

/** A clause also ends at ，、：: and a comma that is no thousands separator. */
function isClauseEnd(text: string, i: number): boolean {
  if (isSentenceEnd(text, i)) return true;
  const ch = text[i] ?? "";
  if ("，：:".includes(ch)) return true;
  return ch === "," && !(/\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? ""));
}

function spanAround(
  text: string,
  from: number,
  to: number,
  isEnd: (t: string, i: number) => boolean
): Span {
  let start = from;
  while (start > 0 && !isEnd(text, start - 1)) start--;
  let end = to;
  while (end < text.length && !isEnd(text, end)) end++;
  return { start, end };
}

/** The sentence that holds text[from, to) (a figure's own separators do not end it). */
export function sentenceAt(text: string, from: number, to = from): Span {
  return spanAround(text, from, to, isSentenceEnd);
}

/** The clause that holds text[from, to). */
export function clauseAt(text: string, from: number, to = from): Span {
  return spanAround(text, from, to, isClauseEnd);
}
