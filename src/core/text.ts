/**
 * Text helpers shared by detection, reading and messages: invisible characters, full-width
 * folding, the keys that sheet names, headers and enum words are matched on, column letters,
 * "did you mean" suggestions and number formatting for messages.
 */

/** How many distinct texts a memoized function remembers before it starts afresh. */
const MEMO_CAP = 4096;

/**
 * A pure function of a text (with no undefined answers), remembering its answers for the last few thousand distinct texts.
 * A column holds the same few words (member types, townships, 是/否) in every row: each distinct
 * text is worked out once (regular expressions, new strings) and the rest is one map lookup.
 * The cache starts afresh when full, so memory stays bounded whatever the sheet holds. Answers are
 * shared between calls: callers must not mutate them.
 */
export function memoizeText<R>(fn: (text: string) => R, cap = MEMO_CAP): (text: string) => R {
  let memo = new Map<string, R>();
  return (text) => {
    const known = memo.get(text);
    if (known !== undefined) return known;
    const answer = fn(text);
    if (memo.size >= cap) memo = new Map();
    memo.set(compactCopy(text), answer);
    return answer;
  };
}

/**
 * A fresh copy of a text, for a key that a Map will compare many lookups with: made now, the
 * copies of one table's keys sit side by side in memory, where the cells they were read from
 * are scattered over the whole grid (at a million rows every comparison with such a key was a
 * cache miss, and often a page-table miss too). Short texts are copied outright; a longer one
 * becomes a slice of a fresh flat copy.
 */
export function compactCopy(text: string): string {
  return ` ${text}`.slice(1);
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
/** No-break spaces (NBSP, narrow NBSP, figure space) and the ideographic space. */
const ODD_SPACES = /[\u00A0\u2007\u202F\u3000]/g;

const ANY_INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00A0\u2007\u202F\u3000]/;

/** Removes zero-width characters and turns no-break and ideographic spaces into plain spaces. */
export function stripInvisible(s: string): string {
  // Most cells hold none of these: test once before building new strings (a hot path).
  if (!ANY_INVISIBLE.test(s)) return s;
  return s.replace(ZERO_WIDTH, "").replace(ODD_SPACES, " ");
}

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const FULL_WIDTH_OFFSET = 0xfee0;
const ANY_WIDE = /[\uFF01-\uFF5E\u3000\uFFE5]/;

/** Folds full-width ASCII (Ａ, １, （, ％ …) to ASCII, U+3000 to a space and ￥ to ¥. */
export function foldWidth(s: string): string {
  if (!ANY_WIDE.test(s)) return s;
  return s
    .replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/\u3000/g, " ")
    .replace(/\uFFE5/g, "\u00A5");
}

/** A trailing unit in brackets, e.g. "(元)", "[元]", "【元】" (full-width brackets are folded first). */
const TRAILING_UNIT = /(?:\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕)$/;

/**
 * The key that sheet names, headers and enum words are compared on: invisible characters
 * removed, width folded, all whitespace removed, a trailing bracketed unit dropped, lower case.
 * "应缴金额（元）" → "应缴金额", " Member ID " → "memberid", "Ｔｙｐｅ" → "type".
 */
export const normalizeKey = memoizeText((s: string): string => {
  const compact = foldWidth(stripInvisible(s)).replace(/\s+/g, "");
  const withoutUnit = compact.replace(TRAILING_UNIT, "");
  // A text that is nothing but a bracketed word keeps it: "(元)" alone is not an empty key.
  return (withoutUnit === "" ? compact : withoutUnit).toLowerCase();
});

/**
 * Optimal-string-alignment edit distance on code points: insertions, deletions, substitutions
 * and swaps of two neighbours each cost 1.
 */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  const width = t.length + 1;
  const d: number[] = new Array<number>((s.length + 1) * width).fill(0);
  const at = (i: number, j: number): number => d[i * width + j] ?? 0;
  for (let i = 0; i <= s.length; i++) d[i * width] = i;
  for (let j = 0; j <= t.length; j++) d[j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * width + j] = best;
    }
  }
  return at(s.length, t.length);
}

export interface RankedCandidate {
  readonly candidate: string;
  readonly distance: number;
  /** One normalized form contains the other (and the shorter has at least two characters). */
  readonly contains: boolean;
}

/**
 * How close a value is to a candidate, or null when they are not reasonably close. Close means:
 * one contains the other (at least two characters in common that way), or the edit distance is
 * at most half the longer length (at least 1) and below the longer length (so that two short
 * words with nothing in common, like "xx" and "其他", are never close).
 */
function closeness(value: Keyed, candidate: Keyed): RankedCandidate | null {
  const a = value.key;
  const b = candidate.key;
  if (a === "" || b === "") return null;
  const lenA = value.length;
  const lenB = candidate.length;
  const contains = Math.min(lenA, lenB) >= 2 && (a.includes(b) || b.includes(a));
  const longer = Math.max(lenA, lenB);
  const limit = Math.max(1, Math.floor(longer / 2));
  // The distance is at least the difference in length: when that alone is over the limit the
  // two are not near, and the quadratic distance need not be computed (a 32,767-character cell
  // against every chamber name would take minutes).
  const gap = Math.abs(lenA - lenB);
  // A contained word's distance is exactly the gap (delete the rest).
  const distance = gap > limit ? (contains ? gap : longer) : editDistance(a, b);
  const near = distance < longer && distance <= limit;
  return contains || near ? { candidate: candidate.text, distance, contains } : null;
}

/** A word with its normalized key and the key's length in code points, computed once. */
interface Keyed {
  readonly text: string;
  readonly key: string;
  readonly length: number;
}

function keyed(text: string): Keyed {
  const key = normalizeKey(text);
  return { text, key, length: Array.from(key).length };
}

function rankKeyed(value: Keyed, candidates: readonly Keyed[]): RankedCandidate[] {
  const ranked: { r: RankedCandidate; index: number }[] = [];
  candidates.forEach((candidate, index) => {
    const r = closeness(value, candidate);
    if (r) ranked.push({ r, index });
  });
  ranked.sort(
    (x, y) =>
      x.r.distance - y.r.distance ||
      Number(y.r.contains) - Number(x.r.contains) ||
      x.index - y.index
  );
  return ranked.map((x) => x.r);
}

/**
 * Candidates close to a value (see `nearest`), best first: smaller distance, then containment,
 * then the candidates' own order.
 */
export function rankCandidates(value: string, candidates: readonly string[]): RankedCandidate[] {
  return rankKeyed(keyed(value), candidates.map(keyed));
}

/**
 * The candidate closest to a value, compared on normalizeKey'd forms, for "did you mean …?";
 * null when no candidate is reasonably close.
 */
export function nearest(value: string, candidates: readonly string[]): string | null {
  return rankCandidates(value, candidates)[0]?.candidate ?? null;
}

/**
 * `nearest` over a fixed list of candidates, for many values: the candidates' keys are computed
 * once and each distinct value's answer is remembered (a sheet may misspell the same chamber in a
 * thousand rows, against two thousand chamber names).
 */
export function suggester(candidates: Iterable<string>): (value: string) => string | null {
  let list: readonly Keyed[] | null = null;
  const source = candidates;
  const memo = new Map<string, string | null>();
  return (value) => {
    const known = memo.get(value);
    if (known !== undefined) return known;
    list ??= Array.from(source, keyed);
    const answer = rankKeyed(keyed(value), list)[0]?.candidate ?? null;
    memo.set(value, answer);
    return answer;
  };
}

/** Inserts thousands separators into a run of digits: "1234567" → "1,234,567". */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * A number for messages, with thousands separators and at most `maxDecimals` decimals, trailing
 * zeros dropped: 1234567.5 → "1,234,567.5". Deterministic (no locale data).
 */
export function formatNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Math.abs(n).toFixed(maxDecimals);
  const [whole = "0", frac = ""] = fixed.split(".");
  const trimmed = frac.replace(/0+$/, "");
  const sign = n < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${groupThousands(whole)}${trimmed ? `.${trimmed}` : ""}`;
}

/** Money in yuan for messages: thousands separators, cents only when there are any ("1,200.50"). */
export function formatMoney(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const cents = Math.round(Math.abs(n) * 100);
  const sign = n < 0 && cents !== 0 ? "-" : "";
  const whole = groupThousands(String(Math.floor(cents / 100)));
  const rest = cents % 100;
  return `${sign}${whole}${rest === 0 ? "" : `.${String(rest).padStart(2, "0")}`}`;
}
