/**
 * The dues of year Y gathered per chamber: one slot for each counted chamber active at D (in the
 * 商会 sheet's order) and a last slot for every other counted member (direct members, and members
 * of a chamber that is not counted or not active at D). Money is summed in integer fen, so the
 * slots add up to the totals exactly.
 *
 * Which dues belong to a chamber: every counted dues row for Y whose member names that chamber,
 * whether or not the member is still active at D (a member who left during Y still paid that
 * year's dues). `activeMembers` counts only the members active at D.
 */
import { NO_DAY, NONE, type DuesColumns, type MemberColumns } from "../columns";
import type { ChamberRecord, DuesRecord, Settings } from "../types";

export interface DuesLedger {
  /** The counted chambers active at D, in input order; slot i is chambers[i], the last slot "other". */
  readonly chambers: readonly ChamberRecord[];
  readonly otherSlot: number;
  readonly dueFen: Float64Array;
  readonly paidFen: Float64Array;
  readonly activeMembers: Float64Array;
  readonly duesRows: Float64Array;
  /** Rows with due > 0 and paid ≥ due. */
  readonly fullyPaidRows: number;
  /** Rows with paid < due. */
  readonly owingRows: number;
}

/** Yuan to whole fen. */
export function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/**
 * The counted dues rows of `year` that owe (paid < due, to the fen): the rows `owingRows` counts
 * (sumDues below applies the same rule to the columns), for the task pane's drill-down.
 */
export function owingDuesRows(dues: readonly DuesRecord[], year: number): DuesRecord[] {
  return dues.filter((d) => d.counted && d.year === year && toFen(d.paid) < toFen(d.due));
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}

/**
 * The ledger slot of each entry of a chamber-ID table: the first active chamber with that ID, else
 * the last slot (a direct member's, or a chamber that is not counted or not active at D).
 */
export function chamberSlots(
  activeChambers: readonly ChamberRecord[],
  chamberIds: readonly string[]
): Int32Array {
  const slots = new Map<string, number>();
  activeChambers.forEach((c, i) => {
    if (!slots.has(c.id)) slots.set(c.id, i);
  });
  const otherSlot = activeChambers.length;
  const out = new Int32Array(chamberIds.length);
  chamberIds.forEach((id, k) => (out[k] = slots.get(id) ?? otherSlot));
  return out;
}

/**
 * Places every counted member (active at D) and every counted dues row of year Y in its slot. A
 * dues row's slot is its member's chamber as the dues reader found it (`memberChamber`, an index
 * into the members' chamber table); a counted row always has a counted member.
 */
export function buildDuesLedger(
  activeChambers: readonly ChamberRecord[],
  members: MemberColumns,
  dues: DuesColumns,
  settings: Settings
): DuesLedger {
  const otherSlot = activeChambers.length;
  const size = otherSlot + 1;
  const slotOf = chamberSlots(activeChambers, members.chamberIds);
  const activeMembers = new Float64Array(size);
  countActiveMembers(members, slotOf, otherSlot, settings.asOf, activeMembers);
  const sums = {
    dueFen: new Float64Array(size),
    paidFen: new Float64Array(size),
    duesRows: new Float64Array(size),
  };
  const rows = new Float64Array(2);
  sumDues(dues, slotOf, otherSlot, settings.year, sums, rows);
  return {
    chambers: activeChambers,
    otherSlot,
    dueFen: sums.dueFen,
    paidFen: sums.paidFen,
    activeMembers,
    duesRows: sums.duesRows,
    fullyPaidRows: rows[0] ?? 0,
    owingRows: rows[1] ?? 0,
  };
}

// The two passes below are functions of their own, each a loop and nothing after it: a long
// loop is optimised while it runs, and code after it that has not run yet would send it back to
// the interpreter (with the next loop) as it ends.

/** Counts the counted members active at `asOf` into their slots. */
function countActiveMembers(
  members: MemberColumns,
  slotOf: Int32Array,
  otherSlot: number,
  asOf: number,
  activeMembers: Float64Array
): void {
  const { counted, chamber, joined, left } = members;
  for (let i = 0; i < members.length; i++) {
    if (counted[i] !== 1) continue;
    const c = chamber[i] ?? NONE;
    const slot = c === NONE ? otherSlot : (slotOf[c] ?? otherSlot);
    const leftOn = left[i] ?? NO_DAY;
    if ((joined[i] ?? 0) <= asOf && (leftOn === NO_DAY || leftOn > asOf)) {
      activeMembers[slot] = (activeMembers[slot] ?? 0) + 1;
    }
  }
}

/**
 * Sums the counted dues rows of `year` into their slots (in fen); rows[0] gets the rows paid in
 * full (due > 0, paid ≥ due), rows[1] the rows owing (paid < due).
 */
function sumDues(
  dues: DuesColumns,
  slotOf: Int32Array,
  otherSlot: number,
  year: number,
  sums: {
    readonly dueFen: Float64Array;
    readonly paidFen: Float64Array;
    readonly duesRows: Float64Array;
  },
  rows: Float64Array
): void {
  const { dueFen, paidFen, duesRows } = sums;
  const { counted, year: years, due: dueColumn, paid: paidColumn, memberChamber } = dues;
  let fullyPaid = 0;
  let owing = 0;
  for (let i = 0; i < dues.length; i++) {
    if (counted[i] !== 1 || years[i] !== year) continue;
    const due = toFen(dueColumn[i] ?? 0);
    const paid = toFen(paidColumn[i] ?? 0);
    const c = memberChamber[i] ?? NONE;
    const slot = c === NONE ? otherSlot : (slotOf[c] ?? otherSlot);
    dueFen[slot] = (dueFen[slot] ?? 0) + due;
    paidFen[slot] = (paidFen[slot] ?? 0) + paid;
    duesRows[slot] = (duesRows[slot] ?? 0) + 1;
    if (due > 0 && paid >= due) fullyPaid++;
    if (paid < due) owing++;
  }
  rows[0] = fullyPaid;
  rows[1] = owing;
}

/** Whether a slot's members paid all that was due (something was due). */
export function slotFullyCollected(ledger: DuesLedger, slot: number): boolean {
  const due = ledger.dueFen[slot] ?? 0;
  return due > 0 && (ledger.paidFen[slot] ?? 0) >= due;
}

/** Whether a slot's members paid at least the threshold (yuan, compared to the fen). */
export function slotReachesThreshold(ledger: DuesLedger, slot: number, threshold: number): boolean {
  return (ledger.paidFen[slot] ?? 0) >= toFen(threshold);
}
