/** The 会费 sheet (SPEC §1.3). */
import type { DetectedSheet } from "../detect";
import { fieldsOf, type Field, type RowReader } from "../read";
import { duesRecords, NO_DAY, NONE, withLazyRecords, type DuesColumns } from "../columns";
import type { DuesRecord, RowAccount } from "../types";
import { EARLIEST_YEAR, eachRow, type SheetReadContext } from "./context";
import type { MemberIndex } from "./member-index";

export interface DuesRead {
  /** Its `memberChamber` indexes the chamber table of the members' columns. */
  readonly columns: DuesColumns;
  /** The dues rows as records, built from `columns` when first asked for. */
  readonly records: DuesRecord[];
  readonly account: RowAccount;
}

/**
 * The member a dues row names must exist, and its row must be counted. Returns the member's
 * position in the index, or -1 when no member row carries the ID.
 */
export function checkMember(
  r: RowReader,
  field: Field,
  memberId: string,
  members: MemberIndex
): number {
  const member = members.find(memberId);
  if (member < 0) {
    r.report("unknown-member", field, {});
  } else if (!members.isCounted(member)) {
    r.report("member-excluded", field, {
      memberSheet: members.sheet,
      memberRow: members.rowAt(member),
    });
  }
  return member;
}

/** Dues for a year before the member joined or after the year the member left (a warning). */
export function checkDuesWithinMembership(
  r: RowReader,
  field: Field,
  year: number,
  joinedYear: number | null,
  leftYear: number | null
): void {
  if (joinedYear === null) return;
  if (year < joinedYear || (leftYear !== null && year > leftYear)) {
    r.report("dues-outside-membership", field, { year, joinedYear, leftYear });
  }
}

/** Paid more than due, or paid with no date (warnings). */
export function checkPayment(
  r: RowReader,
  fields: { readonly paid: Field; readonly paidOn: Field },
  due: number | null,
  paid: number | null,
  hasDate: boolean
): void {
  if (due !== null && paid !== null && paid > due) {
    r.report("overpaid", fields.paid, { due, paid });
  }
  if (paid !== null && paid > 0 && !hasDate) {
    r.report("paid-without-date", fields.paidOn, {});
  }
}

/**
 * The first row of an unknown member ID and a year claims it; returns that row when `row`
 * repeats it, else null. (A known member's years are claimed in the member index.)
 */
function claimUnknownMemberYear(
  seen: Map<string, number>,
  memberId: string,
  year: number,
  row: number
): number | null {
  const key = `${year}\u0000${memberId}`;
  const first = seen.get(key);
  if (first !== undefined) return first;
  seen.set(key, row);
  return null;
}

/**
 * Reads the 会费 sheet. Without a usable 会员 sheet (`members` null) the rows' own cells are
 * still checked, but no member can be confirmed: no row is counted, and the caller reports the
 * one sheet-level problem (dues-without-members) instead of an unknown member on every row.
 */
export function readDues(
  sheet: DetectedSheet<"dues">,
  ctx: SheetReadContext,
  members: MemberIndex | null
): DuesRead {
  // Columns allocated once for every row and cut to length at the end, as for members.
  const rows = sheet.dataEnd - sheet.dataStart;
  const row = new Int32Array(rows);
  const counted = new Uint8Array(rows);
  const memberIds = new Array<string>(rows);
  const years = new Int16Array(rows);
  const dues = new Float64Array(rows);
  const paids = new Float64Array(rows);
  const paidOns = new Int32Array(rows);
  const memberChamber = new Int32Array(rows);
  let count = 0;
  const unknownYears = new Map<string, number>();
  const F = fieldsOf(sheet, ["memberId", "year", "due", "paid", "paidOn"]);
  const account = eachRow(sheet, ctx, function readDuesRow(r) {
    const memberId = r.id(F.memberId);
    const year = r.year(F.year, EARLIEST_YEAR, ctx.todayYear + 1);
    const due = r.money(F.due);
    // Blank (or unreadable, which is a warning and reads as blank) means nothing was paid.
    const paid = r.money(F.paid) ?? 0;
    const paidOn = r.pastDate(F.paidOn, "warning");
    if (members === null) {
      checkPayment(r, F, due, paid, paidOn !== null || !r.blank(F.paidOn));
      return;
    }
    const member = memberId === null ? -1 : checkMember(r, F.memberId, memberId, members);
    if (memberId !== null && year !== null) {
      const rowNumber = r.rowNumber;
      const firstRow =
        member < 0
          ? claimUnknownMemberYear(unknownYears, memberId, year, rowNumber)
          : members.claimYear(member, year, rowNumber);
      if (firstRow !== null) {
        r.report("duplicate-dues", F.year, { memberId, year, firstRow });
      }
    }
    if (member >= 0 && year !== null) {
      const joinedYear = members.joinedYear(member);
      checkDuesWithinMembership(r, F.year, year, joinedYear, members.leftYear(member));
    }
    checkPayment(r, F, due, paid, paidOn !== null || !r.blank(F.paidOn));

    if (memberId === null || year === null || due === null) return;
    const at = count++;
    row[at] = r.rowNumber;
    counted[at] = r.errors === 0 ? 1 : 0;
    memberIds[at] = memberId;
    years[at] = year;
    dues[at] = due;
    paids[at] = paid;
    paidOns[at] = paidOn ?? NO_DAY;
    memberChamber[at] = member < 0 ? NONE : members.chamber(member);
  });
  memberIds.length = count;
  const columns: DuesColumns = {
    sheet: sheet.grid.name,
    length: count,
    row: row.subarray(0, count),
    counted: counted.subarray(0, count),
    memberId: memberIds,
    year: years.subarray(0, count),
    due: dues.subarray(0, count),
    paid: paids.subarray(0, count),
    paidOn: paidOns.subarray(0, count),
    memberChamber: memberChamber.subarray(0, count),
  };
  // without members every non-empty row is excluded, by the one sheet-level problem
  const accounted =
    members === null ? { read: account.read, counted: 0, excluded: account.read } : account;
  return withLazyRecords({ columns, account: accounted }, duesRecords);
}
