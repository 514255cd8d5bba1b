/**
 * The 会员 sheet's member IDs, each with what a dues row needs of the first row that carries it,
 * and the dues years claimed for it so far.
 *
 * Held as columns (typed arrays by the order IDs were first seen) rather than one object per
 * member: at a million members, an object and a growing array of dues years per member were a
 * few hundred bytes each of long-lived garbage-collected heap; here a member costs a few dozen
 * bytes in arrays the collector never traces.
 */
import { KeyIndex } from "../key-index";
import { yearOfDay } from "../dates";
import type { Day } from "../types";

/** Dues years kept inline per member; a member with more dues rows keeps the rest in a map. */
const INLINE_YEARS = 4;
/** An empty year slot, and "no year" for a member with no join or leave date. */
const NO_YEAR = 0;

export class MemberIndex {
  private readonly ids: KeyIndex;
  private readonly rows: Int32Array;
  private readonly counted: Uint8Array;
  private readonly joinedYears: Int16Array;
  private readonly leftYears: Int16Array;
  private readonly chamberIds: (string | null)[];
  /** INLINE_YEARS slots a member: the dues years claimed, and the row that claimed each. */
  private readonly claimedYears: Int16Array;
  private readonly claimedRows: Int32Array;
  /** "position:year" → row, for the claims beyond a member's inline slots. */
  private readonly moreClaims = new Map<string, number>();

  /** `capacity`: at most how many members will be added (the 会员 sheet's data rows). */
  constructor(
    readonly sheet: string,
    capacity: number
  ) {
    this.ids = new KeyIndex(capacity);
    this.rows = new Int32Array(capacity);
    this.counted = new Uint8Array(capacity);
    this.joinedYears = new Int16Array(capacity);
    this.leftYears = new Int16Array(capacity);
    this.chamberIds = new Array<string | null>(capacity);
    this.claimedYears = new Int16Array(capacity * INLINE_YEARS);
    this.claimedRows = new Int32Array(capacity * INLINE_YEARS);
  }

  /**
   * Adds the first row carrying `id` and returns the member's position; returns -1 when a row
   * already carries it (see firstRow).
   */
  add(id: string, row: number, joined: Day | null, left: Day | null, chamberId: string | null) {
    if (this.ids.claim(id) >= 0) return -1;
    const at = this.ids.size - 1;
    if (at >= this.rows.length) throw new RangeError("MemberIndex: more members than its capacity");
    this.rows[at] = row;
    this.joinedYears[at] = joined === null ? NO_YEAR : yearOfDay(joined);
    this.leftYears[at] = left === null ? NO_YEAR : yearOfDay(left);
    this.chamberIds[at] = chamberId;
    return at;
  }

  /** Whether the member's first row was counted (set once the row is checked). */
  setCounted(at: number, counted: boolean): void {
    this.counted[at] = counted ? 1 : 0;
  }

  /** The member's position, or -1 when no row carries the ID. */
  find(id: string): number {
    return this.ids.find(id);
  }

  /** The first row that carries an ID, or null. */
  firstRow(id: string): number | null {
    const at = this.ids.find(id);
    return at < 0 ? null : this.rowAt(at);
  }

  rowAt(at: number): number {
    return this.rows[at] ?? 0;
  }

  isCounted(at: number): boolean {
    return this.counted[at] === 1;
  }

  /** The year the member joined, or null when the row has no readable 入会日期. */
  joinedYear(at: number): number | null {
    const year = this.joinedYears[at] ?? NO_YEAR;
    return year === NO_YEAR ? null : year;
  }

  /** The year the member left, or null when the row has no 退会日期. */
  leftYear(at: number): number | null {
    const year = this.leftYears[at] ?? NO_YEAR;
    return year === NO_YEAR ? null : year;
  }

  /** The member's chamber as its record holds it, so that dues need no second lookup by ID. */
  chamberId(at: number): string | null {
    return this.chamberIds[at] ?? null;
  }

  /**
   * The first dues row of a member and year claims it: returns null then, or the row that claimed
   * it first when `row` repeats it.
   */
  claimYear(at: number, year: number, row: number): number | null {
    const from = at * INLINE_YEARS;
    for (let i = from; i < from + INLINE_YEARS; i++) {
      const claimed = this.claimedYears[i];
      if (claimed === year) return this.claimedRows[i] ?? null;
      if (claimed === NO_YEAR) {
        this.claimedYears[i] = year;
        this.claimedRows[i] = row;
        return null;
      }
    }
    const key = `${at}:${year}`;
    const first = this.moreClaims.get(key);
    if (first !== undefined) return first;
    this.moreClaims.set(key, row);
    return null;
  }
}
