/**
 * The two enumerations of the workbook: chamber types and member types (SPEC §1.1, §1.2). A cell
 * matches any accepted word of CHAMBER_TYPE_WORDS / MEMBER_TYPE_WORDS compared on normalizeKey
 * (width, case, spaces and a bracketed unit ignored), also ignoring the punctuation people put
 * between words ("out of town", "行业商会、同业公会").
 */
import { isErrorCell, readText } from "./cells";
import { CHAMBER_TYPE_WORDS, MEMBER_TYPE_WORDS } from "./schema";
import { memoizeText, normalizeKey, rankCandidates } from "./text";
import type { ChamberType, MemberType, RawCell } from "./types";

export type EnumRead<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly code: "bad-enum";
      readonly params: { suggestion: string | null; accepted: readonly string[] };
    }
  | { readonly ok: false; readonly code: "formula-error" };

/** The key an enum word is matched on: normalizeKey without - _ . / · 、 and similar. */
export const enumKey = memoizeText((s: string): string =>
  normalizeKey(s).replace(/[-_./\\·、,，;；|]/g, "")
);

interface EnumTable<T extends string> {
  readonly byKey: ReadonlyMap<string, T>;
  /** Every accepted word with the type it stands for, in the table's order. */
  readonly words: readonly { readonly word: string; readonly type: T }[];
  /** The canonical word of each type, in the table's order. */
  readonly accepted: readonly string[];
  readonly canonical: Readonly<Record<T, string>>;
}

function enumTable<T extends string>(table: Readonly<Record<T, readonly string[]>>): EnumTable<T> {
  const types = Object.keys(table) as T[];
  const words = types.flatMap((type) => table[type].map((word) => ({ word, type })));
  const byKey = new Map<string, T>();
  for (const { word, type } of words) byKey.set(enumKey(word), type);
  const canonical = {} as Record<T, string>;
  for (const type of types) canonical[type] = table[type][0] ?? type;
  return { byKey, words, accepted: types.map((t) => canonical[t]), canonical };
}

const CHAMBER_TABLE = enumTable<ChamberType>(CHAMBER_TYPE_WORDS);
const MEMBER_TABLE = enumTable<MemberType>(MEMBER_TYPE_WORDS);

/**
 * The canonical word of the type whose words are nearest to a text, or null when nothing is
 * close or the nearest words belong to different types (a suggestion must not be a guess).
 */
function suggest<T extends string>(text: string, table: EnumTable<T>): string | null {
  const ranked = rankCandidates(
    text,
    table.words.map((w) => w.word)
  );
  const best = ranked[0];
  if (!best) return null;
  const typeOf = (word: string): T | undefined => table.words.find((w) => w.word === word)?.type;
  const tied = new Set(
    ranked
      .filter((r) => r.distance === best.distance && r.contains === best.contains)
      .map((r) => typeOf(r.candidate))
  );
  const type = typeOf(best.candidate);
  return tied.size === 1 && type !== undefined ? table.canonical[type] : null;
}

function readEnum<T extends string>(cell: RawCell, table: EnumTable<T>): EnumRead<T> {
  if (isErrorCell(cell)) return { ok: false, code: "formula-error" };
  const read = readText(cell);
  const text = read.ok ? read.value : "";
  const type = table.byKey.get(enumKey(text));
  if (type !== undefined) return { ok: true, value: type };
  return {
    ok: false,
    code: "bad-enum",
    params: { suggestion: suggest(text, table), accepted: table.accepted },
  };
}

// A type column repeats a few words in every row: each distinct text is read once.
const chamberTypeOfText = memoizeText((text: string) => readEnum(text, CHAMBER_TABLE));
const memberTypeOfText = memoizeText((text: string) => readEnum(text, MEMBER_TABLE));

/** A chamber type: 乡镇街道商会, 行业商会, 区域性商会, 异地商会, 其他商会 or an accepted alias. */
export function readChamberType(cell: RawCell): EnumRead<ChamberType> {
  return typeof cell === "string" ? chamberTypeOfText(cell) : readEnum(cell, CHAMBER_TABLE);
}

/** A member type: 企业会员, 团体会员, 个人会员 or an accepted alias. */
export function readMemberType(cell: RawCell): EnumRead<MemberType> {
  return typeof cell === "string" ? memberTypeOfText(cell) : readEnum(cell, MEMBER_TABLE);
}

/** The canonical Chinese words of the chamber types, in order (for messages and templates). */
export const CHAMBER_TYPE_CANONICAL: readonly string[] = CHAMBER_TABLE.accepted;
/** The canonical Chinese words of the member types, in order. */
export const MEMBER_TYPE_CANONICAL: readonly string[] = MEMBER_TABLE.accepted;

/** The member type of a text readMemberType accepts, else null (the caller falls back to it). */
export function plainMemberType(cell: RawCell): MemberType | null {
  if (typeof cell !== "string") return null;
  const read = memberTypeOfText(cell);
  return read.ok ? read.value : null;
}
