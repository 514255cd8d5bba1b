/**
 * Members and dues rows as columns: one typed array or array of strings per field, indexed by the
 * record's position (the order of the sheet's rows that make a record), instead of one object per
 * row. The sheet readers fill them (allocated once for the sheet's row count) and the metrics read
 * them; `memberRecords` / `duesRecords` build the record objects of types.ts on demand, for the
 * callers that want them (RecalcResult.members and .dues are built from these only when read).
 * A member's chamber is an index into a chamber table (the ledger places members and dues by it
 * without a lookup by text); chambers and townships, a few thousand rows, stay records.
 *
 * At a million rows an object per record was most of what the core allocated, all of it long-lived
 * heap that the collector copies and traces; here a member costs a few dozen bytes in typed arrays
 * and pointers to strings the grid already holds (bench/README.md).
 */
import type { Day, DuesRecord, MemberRecord, MemberType } from "./types";
import { MEMBER_TYPES } from "./types";

/** An empty date in a date column (a member who has not left, a dues row paid on no date). */
export const NO_DAY = -2147483648;
/** No entry in a column of table indexes (a member of no chamber, with no township). */
export const NONE = -1;

/** A member type's code in a type column: its position in MEMBER_TYPES. */
export const MEMBER_TYPE_CODE: Readonly<Record<MemberType, number>> = {
  enterprise: 0,
  group: 1,
  individual: 2,
};

/** Distinct texts by the order they were first added (tables of columns built from records). */
class TextTable {
  readonly texts: string[] = [];
  private readonly indexOf = new Map<string, number>();

  /** The text's index, added when new. */
  intern(text: string): number {
    const known = this.indexOf.get(text);
    if (known !== undefined) return known;
    const at = this.texts.length;
    this.texts.push(text);
    this.indexOf.set(text, at);
    return at;
  }
}

/** A value built the first time it is asked for, then kept. */
export function lazily<T>(build: () => T): () => T {
  let built: { readonly value: T } | null = null;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}

/**
 * A sheet's read result with a `records` property built from its columns the first time it is
 * read (and kept): callers that only need the figures never pay for the objects.
 */
export function withLazyRecords<T extends { readonly columns: C }, C, R>(
  read: T,
  build: (columns: C) => R[]
): T & { readonly records: R[] } {
  const records = lazily(() => build(read.columns));
  return {
    ...read,
    get records(): R[] {
      return records();
    },
  };
}

export interface MemberColumns {
  readonly sheet: string;
  /** How many records (rows with an ID, a name, a type and a join date). */
  readonly length: number;
  /** 1-based worksheet row. */
  readonly row: Int32Array;
  /** 1 when the row has no error. */
  readonly counted: Uint8Array;
  /** MEMBER_TYPE_CODE of the member's type. */
  readonly type: Uint8Array;
  readonly joined: Int32Array;
  /** NO_DAY when the member has not left. */
  readonly left: Int32Array;
  readonly aboveScale: Uint8Array;
  /** Index into `chamberIds` of the member's chamber ID, NONE for a direct member. */
  readonly chamber: Int32Array;
  readonly chamberIds: readonly string[];
  /**
   * The township's place in `townshipList`, NONE when blank or not in it. Every counted member
   * with a township has one when the list is the 乡镇 sheet's (an unknown township is an error),
   * so that coverage counts members by place, not by name.
   */
  readonly townshipRef: Int32Array;
  readonly townshipList: readonly string[];
  /**
   * The texts of each record, MEMBER_TEXTS of them a record (texts[i * MEMBER_TEXTS + field]):
   * ID and name (strings), township (as the 乡镇 sheet spells it, or as written when it names none
   * there), credit code, industry, and phone (a mobile typed as a number is kept as that number;
   * its record has its digits); null when blank. One array for all of them (and, after them,
   * whatever else the reader kept there): see KeyStorage.
   */
  readonly texts: readonly (string | number | null)[];
}

/** The texts a member record keeps (MemberColumns.texts), and each one's place among them. */
export const MEMBER_TEXTS = 6;
export const TEXT_ID = 0;
export const TEXT_NAME = 1;
export const TEXT_TOWNSHIP = 2;
export const TEXT_USCC = 3;
export const TEXT_INDUSTRY = 4;
export const TEXT_PHONE = 5;

export interface DuesColumns {
  readonly sheet: string;
  /** How many records (rows with a member ID, a year and an amount due). */
  readonly length: number;
  readonly row: Int32Array;
  readonly counted: Uint8Array;
  readonly memberId: readonly string[];
  readonly year: Int16Array;
  readonly due: Float64Array;
  readonly paid: Float64Array;
  /** NO_DAY when no payment date. */
  readonly paidOn: Int32Array;
  /**
   * Index into the members' `chamberIds` of the chamber of the member the row names (the first
   * row carrying its ID), NONE when none or unknown: the dues ledger places a row by it without
   * looking the member up again.
   */
  readonly memberChamber: Int32Array;
}

function dayOrNull(day: number): Day | null {
  return day === NO_DAY ? null : day;
}

function text(c: MemberColumns, i: number, field: number): string | null {
  const value = c.texts[i * MEMBER_TEXTS + field] ?? null;
  return typeof value === "number" ? String(value) : value;
}

/** The records of members' columns, in order (new objects on every call). */
export function memberRecords(c: MemberColumns): MemberRecord[] {
  const records = new Array<MemberRecord>(c.length);
  for (let i = 0; i < c.length; i++) {
    const chamber = c.chamber[i] ?? NONE;
    records[i] = {
      sheet: c.sheet,
      row: c.row[i] ?? 0,
      id: text(c, i, TEXT_ID) ?? "",
      name: text(c, i, TEXT_NAME) ?? "",
      type: MEMBER_TYPES[c.type[i] ?? 0] ?? "enterprise",
      chamberId: chamber === NONE ? null : (c.chamberIds[chamber] ?? null),
      township: text(c, i, TEXT_TOWNSHIP),
      uscc: text(c, i, TEXT_USCC),
      industry: text(c, i, TEXT_INDUSTRY),
      joined: c.joined[i] ?? 0,
      left: dayOrNull(c.left[i] ?? NO_DAY),
      aboveScale: c.aboveScale[i] === 1,
      // A mobile typed as a number is kept as the number: its digits (text() gives String).
      phone: text(c, i, TEXT_PHONE),
      counted: c.counted[i] === 1,
    };
  }
  return records;
}

/** The records of dues columns, in order (new objects on every call). */
export function duesRecords(c: DuesColumns): DuesRecord[] {
  const records = new Array<DuesRecord>(c.length);
  for (let i = 0; i < c.length; i++) {
    records[i] = {
      sheet: c.sheet,
      row: c.row[i] ?? 0,
      memberId: c.memberId[i] ?? "",
      year: c.year[i] ?? 0,
      due: c.due[i] ?? 0,
      paid: c.paid[i] ?? 0,
      paidOn: dayOrNull(c.paidOn[i] ?? NO_DAY),
      counted: c.counted[i] === 1,
    };
  }
  return records;
}

/** Columns holding the given member records (for callers and tests that start from records). */
export function memberColumnsOf(records: readonly MemberRecord[]): MemberColumns {
  const n = records.length;
  const chambers = new TextTable();
  const townships = new TextTable();
  const texts = new Array<string | number | null>(n * MEMBER_TEXTS);
  const c = {
    sheet: records[0]?.sheet ?? "",
    length: n,
    row: new Int32Array(n),
    counted: new Uint8Array(n),
    type: new Uint8Array(n),
    joined: new Int32Array(n),
    left: new Int32Array(n),
    aboveScale: new Uint8Array(n),
    chamber: new Int32Array(n),
    chamberIds: chambers.texts,
    townshipRef: new Int32Array(n),
    townshipList: townships.texts,
    texts,
  };
  records.forEach((m, i) => {
    c.row[i] = m.row;
    c.counted[i] = m.counted ? 1 : 0;
    c.type[i] = MEMBER_TYPE_CODE[m.type];
    c.joined[i] = m.joined;
    c.left[i] = m.left ?? NO_DAY;
    c.aboveScale[i] = m.aboveScale ? 1 : 0;
    c.chamber[i] = m.chamberId === null ? NONE : chambers.intern(m.chamberId);
    c.townshipRef[i] = m.township === null ? NONE : townships.intern(m.township);
    const at = i * MEMBER_TEXTS;
    texts[at + TEXT_ID] = m.id;
    texts[at + TEXT_NAME] = m.name;
    texts[at + TEXT_TOWNSHIP] = m.township;
    texts[at + TEXT_USCC] = m.uscc;
    texts[at + TEXT_INDUSTRY] = m.industry;
    texts[at + TEXT_PHONE] = m.phone;
  });
  return c;
}

/**
 * Columns holding the given dues records. A row's chamber is that of the counted member carrying
 * its member ID whose chamber `placed` accepts (the last such member, should IDs repeat among
 * records that did not come from the checks); NONE when there is none.
 */
export function duesColumnsOf(
  records: readonly DuesRecord[],
  members: MemberColumns,
  placed: (chamber: number) => boolean = () => true
): DuesColumns {
  const chamberOf = new Map<string, number>();
  for (let i = 0; i < members.length; i++) {
    const chamber = members.chamber[i] ?? NONE;
    if (members.counted[i] !== 1 || chamber === NONE || !placed(chamber)) continue;
    const id = members.texts[i * MEMBER_TEXTS + TEXT_ID];
    if (typeof id === "string") chamberOf.set(id, chamber);
  }
  const n = records.length;
  const c = {
    sheet: records[0]?.sheet ?? "",
    length: n,
    row: new Int32Array(n),
    counted: new Uint8Array(n),
    memberId: new Array<string>(n),
    year: new Int16Array(n),
    due: new Float64Array(n),
    paid: new Float64Array(n),
    paidOn: new Int32Array(n),
    memberChamber: new Int32Array(n),
  };
  records.forEach((d, i) => {
    c.row[i] = d.row;
    c.counted[i] = d.counted ? 1 : 0;
    c.memberId[i] = d.memberId;
    c.year[i] = d.year;
    c.due[i] = d.due;
    c.paid[i] = d.paid;
    c.paidOn[i] = d.paidOn ?? NO_DAY;
    c.memberChamber[i] = chamberOf.get(d.memberId) ?? NONE;
  });
  return c;
}
