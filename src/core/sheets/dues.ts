/** The 会费 sheet (SPEC §1.3). */
import type { DetectedSheet } from "../detect";
import { yearOfDay } from "../dates";
import type { RowReader } from "../read";
import type { DuesRecord, RowAccount } from "../types";
import { EARLIEST_YEAR, eachRow, type SheetReadContext } from "./context";
import type { MemberIndex, MemberRef } from "./members";

export interface DuesRead {
  readonly records: DuesRecord[];
  /**
   * For each record, the chamber ID of the member it names (null when none or unknown): lets the
   * dues ledger place a row without looking its member up again by ID.
   */
  readonly chamberIds: (string | null)[];
  readonly account: RowAccount;
}

/** The member a dues row names must exist, and its row must be counted. */
export function checkMember(
  r: RowReader,
  memberId: string,
  members: MemberIndex
): MemberRef | null {
  const member = members.get(memberId);
  if (!member) {
    r.report("unknown-member", "error", "memberId", {});
    return null;
  }
  if (!member.counted) {
    r.report("member-excluded", "error", "memberId", {
      memberSheet: member.sheet,
      memberRow: member.row,
    });
  }
  return member;
}

/** Dues for a year before the member joined or after the year the member left (a warning). */
export function checkDuesWithinMembership(r: RowReader, year: number, member: MemberRef): void {
  if (member.joined === null) return;
  const joinedYear = yearOfDay(member.joined);
  const leftYear = member.left === null ? null : yearOfDay(member.left);
  if (year < joinedYear || (leftYear !== null && year > leftYear)) {
    r.report("dues-outside-membership", "warning", "year", { year, joinedYear, leftYear });
  }
}

/** Paid more than due, or paid with no date (warnings). */
export function checkPayment(
  r: RowReader,
  due: number | null,
  paid: number | null,
  hasDate: boolean
): void {
  if (due !== null && paid !== null && paid > due) {
    r.report("overpaid", "warning", "paid", { due, paid });
  }
  if (paid !== null && paid > 0 && !hasDate) {
    r.report("paid-without-date", "warning", "paidOn", {});
  }
}

/**
 * The first row of a member and year claims it; returns that row when `row` repeats it, else null.
 * `claimed` holds the member's years as [year, row, year, row, …]: a member has a handful of dues
 * rows, so a short scan is cheaper than a composite key per row.
 */
export function claimYear(claimed: number[], year: number, row: number): number | null {
  for (let i = 0; i < claimed.length; i += 2) {
    if (claimed[i] === year) return claimed[i + 1] ?? null;
  }
  claimed.push(year, row);
  return null;
}

/** claimYear for a member ID: the years of each ID kept in `seen`. */
export function claimMemberYear(
  seen: Map<string, number[]>,
  memberId: string,
  year: number,
  row: number
): number | null {
  const claimed = seen.get(memberId);
  if (!claimed) {
    seen.set(memberId, [year, row]);
    return null;
  }
  return claimYear(claimed, year, row);
}

/**
 * claimYear for the member a dues row names: a known member's years live on its reference (one
 * reference per ID), an unknown ID's in `seen`.
 */
function claimDuesYear(
  seen: Map<string, number[]>,
  memberId: string,
  member: MemberRef | null,
  year: number,
  row: number
): number | null {
  if (member === null) return claimMemberYear(seen, memberId, year, row);
  if (member.duesYears === null) {
    member.duesYears = [year, row];
    return null;
  }
  return claimYear(member.duesYears, year, row);
}

export function readDues(
  sheet: DetectedSheet,
  ctx: SheetReadContext,
  members: MemberIndex
): DuesRead {
  const records: DuesRecord[] = [];
  const chamberIds: (string | null)[] = [];
  const seen = new Map<string, number[]>();
  const account = eachRow(sheet, ctx, (r) => {
    const memberId = r.id("memberId");
    const year = r.year("year", EARLIEST_YEAR, ctx.todayYear + 1);
    const due = r.money("due");
    // Blank (or unreadable, which is a warning and reads as blank) means nothing was paid.
    const paid = r.money("paid") ?? 0;
    const paidOn = r.pastDate("paidOn", "warning");
    const member = memberId === null ? null : checkMember(r, memberId, members);
    if (memberId !== null && year !== null) {
      const firstRow = claimDuesYear(seen, memberId, member, year, r.rowNumber);
      if (firstRow !== null) {
        r.report("duplicate-dues", "error", "year", { memberId, year, firstRow });
      }
    }
    if (member && year !== null) checkDuesWithinMembership(r, year, member);
    checkPayment(r, due, paid, paidOn !== null || !r.blank("paidOn"));

    if (memberId === null || year === null || due === null) return;
    records.push({
      sheet: r.sheetName,
      row: r.rowNumber,
      memberId,
      year,
      due,
      paid,
      paidOn,
      counted: r.errors === 0,
    });
    chamberIds.push(member === null ? null : member.chamberId);
  });
  return { records, chamberIds, account };
}
