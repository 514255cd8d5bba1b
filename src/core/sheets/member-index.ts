/**
 * The 会员 sheet's member IDs, each with what a dues row needs of the first row that carries it,
 * and the dues years claimed for it so far.
 *
 * Held as columns (typed arrays by the order IDs were first seen) rather than one object per
 * member: at a million members, an object and a growing array of dues years per member were a
 * few hundred bytes each of long-lived garbage-collected heap; here a member costs a few dozen
 * bytes in arrays the collector never traces.
 */
import { NONE } from "../columns";
import { KeyIndex, type KeyStorage } from "../key-index";
import { yearOfDay } from "../dates";
import type { Day } from "../types";

/** Dues years kept inline per member; a member with more dues rows keeps the rest in a map. */
const INLINE_YEARS = 4;
/** An empty year slot, and "no year" for a member with no join or leave date. */
const NO_YEAR = 0;

// A member's entry: STRIDE consecutive Int32s, so that what a dues row needs of its member (is
// it counted, its row, years and chamber, the years claimed so far) sits in one or two cache lines
// rather than in a line of each of seven arrays (at a million members those are misses).
/** The member's first row; negated while the row is not counted. */
const ROW = 0;
const CHAMBER = 1;
/** The year joined in the low 16 bits, the year left in the high 16 (NO_YEAR when none). */
const YEARS = 2;
/** INLINE_YEARS claimed years, two a word (low 16 bits first). */
const CLAIMED_YEARS = 3;
/** The rows that claimed them, one a word. */
const CLAIMED_ROWS = CLAIMED_YEARS + INLINE_YEARS / 2;
const STRIDE = CLAIMED_ROWS + INLINE_YEARS;

export class MemberIndex {
  private readonly ids: KeyIndex;
  private readonly data: Int32Array;
  private readonly capacity: number;
  /** The last ID looked up and its position: dues rows often come member by member. */
  private lastId: string | null = null;
  private lastAt = -1;
  /**
   * position × 2^16 + year → row, for the claims beyond a member's inline slots (a number key:
   * a "position:year" string would be built and hashed on every such claim).
   */
  private readonly moreClaims = new Map<number, number>();

  /**
   * `capacity`: at most how many members will be added (the 会员 sheet's data rows); `storage`:
   * where to keep the IDs (see KeyStorage), for at least `capacity` of them.
   */
  constructor(
    readonly sheet: string,
    capacity: number,
    storage?: KeyStorage
  ) {
    this.ids = new KeyIndex(capacity, storage);
    this.capacity = capacity;
    this.data = new Int32Array(capacity * STRIDE);
  }

  /**
   * Adds the first row carrying `id` and returns the member's position; returns -1 when a row
   * already carries it (see firstRow). The member is not counted until setCounted says so.
   */
  add(id: string, row: number, joined: Day | null, left: Day | null, chamber: number) {
    this.lastId = null;
    if (this.ids.claim(id) >= 0) return -1;
    const at = this.ids.size - 1;
    if (at >= this.capacity) throw new RangeError("MemberIndex: more members than its capacity");
    const base = at * STRIDE;
    const joinedYear = joined === null ? NO_YEAR : yearOfDay(joined);
    const leftYear = left === null ? NO_YEAR : yearOfDay(left);
    this.data[base + ROW] = -row;
    this.data[base + CHAMBER] = chamber;
    this.data[base + YEARS] = (joinedYear & 0xffff) | (leftYear << 16);
    return at;
  }

  /** Whether the member's first row was counted (set once the row is checked). */
  setCounted(at: number, counted: boolean): void {
    const i = at * STRIDE + ROW;
    const row = Math.abs(this.data[i] ?? 0);
    this.data[i] = counted ? row : -row;
  }

  /** The member's position, or -1 when no row carries the ID. */
  find(id: string): number {
    if (id === this.lastId) return this.lastAt;
    const at = this.ids.find(id);
    this.lastId = id;
    this.lastAt = at;
    return at;
  }

  /** The first row that carries an ID, or null. */
  firstRow(id: string): number | null {
    const at = this.ids.find(id);
    return at < 0 ? null : this.rowAt(at);
  }

  rowAt(at: number): number {
    return Math.abs(this.data[at * STRIDE + ROW] ?? 0);
  }

  isCounted(at: number): boolean {
    return (this.data[at * STRIDE + ROW] ?? 0) > 0;
  }

  /** The year the member joined, or null when the row has no readable 入会日期. */
  joinedYear(at: number): number | null {
    const year = (this.data[at * STRIDE + YEARS] ?? 0) & 0xffff;
    return year === NO_YEAR ? null : year;
  }

  /** The year the member left, or null when the row has no 退会日期. */
  leftYear(at: number): number | null {
    const year = (this.data[at * STRIDE + YEARS] ?? 0) >>> 16;
    return year === NO_YEAR ? null : year;
  }

  /**
   * The member's chamber as its record holds it (an index into the chamber table, or NONE), so
   * that dues need no second lookup by ID.
   */
  chamber(at: number): number {
    return at < this.capacity ? (this.data[at * STRIDE + CHAMBER] ?? NONE) : NONE;
  }

  /**
   * The first dues row of a member and year claims it: returns null then, or the row that claimed
   * it first when `row` repeats it.
   */
  claimYear(at: number, year: number, row: number): number | null {
    const base = at * STRIDE;
    const data = this.data;
    for (let k = 0; k < INLINE_YEARS; k++) {
      const word = base + CLAIMED_YEARS + (k >> 1);
      const shift = (k & 1) * 16;
      const claimed = ((data[word] ?? 0) >>> shift) & 0xffff;
      if (claimed === year) return data[base + CLAIMED_ROWS + k] ?? null;
      if (claimed === NO_YEAR) {
        data[word] = (data[word] ?? 0) | ((year & 0xffff) << shift);
        data[base + CLAIMED_ROWS + k] = row;
        return null;
      }
    }
    // Unique for every year below 2^16 (a dues row claims 1949 … today's year + 1, as the inline
    // slots above assume), and exact in a double for any position an array can hold.
    const key = at * 0x10000 + year;
    const first = this.moreClaims.get(key);
    if (first !== undefined) return first;
    this.moreClaims.set(key, row);
    return null;
  }
}
