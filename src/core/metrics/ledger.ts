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
import type { ChamberRecord, DuesRecord, MemberRecord, Settings } from "../types";

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

export function fenToYuan(fen: number): number {
  return fen / 100;
}

function slotOfChamber(chambers: readonly ChamberRecord[]): Map<string, number> {
  const slots = new Map<string, number>();
  chambers.forEach((c, i) => {
    if (!slots.has(c.id)) slots.set(c.id, i);
  });
  return slots;
}

/**
 * `duesChamberIds`, when given, holds for each dues record the chamber ID of its member (parallel
 * to `dues`, as the dues reader knows it): the rows are then placed without a map from member ID,
 * the costliest step at a million rows. Without it the map is built from `members`. Both place a
 * counted dues row alike: its member is the one counted member with that ID.
 */
export function buildDuesLedger(
  activeChambers: readonly ChamberRecord[],
  members: readonly MemberRecord[],
  dues: readonly DuesRecord[],
  settings: Settings,
  duesChamberIds?: readonly (string | null)[]
): DuesLedger {
  const { asOf, year } = settings;
  const chamberSlot = slotOfChamber(activeChambers);
  const otherSlot = activeChambers.length;
  const size = otherSlot + 1;
  const activeMembers = new Float64Array(size);
  const slotOf = (chamberId: string | null): number =>
    (chamberId === null ? undefined : chamberSlot.get(chamberId)) ?? otherSlot;
  const byChamberIds = duesChamberIds?.length === dues.length ? duesChamberIds : null;
  const memberSlot = new Map<string, number>();
  for (const m of members) {
    if (!m.counted) continue;
    const slot = slotOf(m.chamberId);
    // Only members of a listed chamber need an entry: a dues row whose member is not found
    // belongs to the last slot anyway. (Counted member IDs are unique: duplicate-id.)
    if (slot !== otherSlot && byChamberIds === null) memberSlot.set(m.id, slot);
    if (m.joined <= asOf && (m.left === null || m.left > asOf)) {
      activeMembers[slot] = (activeMembers[slot] ?? 0) + 1;
    }
  }
  const dueFen = new Float64Array(size);
  const paidFen = new Float64Array(size);
  const duesRows = new Float64Array(size);
  let fullyPaidRows = 0;
  let owingRows = 0;
  for (let i = 0; i < dues.length; i++) {
    const d = dues[i];
    if (d === undefined || !d.counted || d.year !== year) continue;
    const due = toFen(d.due);
    const paid = toFen(d.paid);
    // A counted row always has a counted member; were it not so, the row still lands somewhere.
    const slot =
      byChamberIds === null
        ? (memberSlot.get(d.memberId) ?? otherSlot)
        : slotOf(byChamberIds[i] ?? null);
    dueFen[slot] = (dueFen[slot] ?? 0) + due;
    paidFen[slot] = (paidFen[slot] ?? 0) + paid;
    duesRows[slot] = (duesRows[slot] ?? 0) + 1;
    if (due > 0 && paid >= due) fullyPaidRows++;
    if (paid < due) owingRows++;
  }
  return {
    chambers: activeChambers,
    otherSlot,
    dueFen,
    paidFen,
    activeMembers,
    duesRows,
    fullyPaidRows,
    owingRows,
  };
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
