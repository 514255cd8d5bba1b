/** The 会费 sheet (SPEC §1.3). */
import type { DetectedSheet } from "../detect";
import type { RowReader } from "../read";
import type { DuesRecord, RowAccount } from "../types";
import { EARLIEST_YEAR, eachRow, type SheetReadContext } from "./context";
import type { MemberIndex } from "./member-index";

export interface DuesRead {
  readonly records: DuesRecord[];
  /**
   * For each record, the chamber ID of the member it names (null when none or unknown): lets the
   * dues ledger place a row without looking its member up again by ID.
   */
  readonly chamberIds: (string | null)[];
  readonly account: RowAccount;
}

/**
 * The member a dues row names must exist, and its row must be counted. Returns the member's
 * position in the index, or -1 when no member row carries the ID.
 */
export function checkMember(r: RowReader, memberId: string, members: MemberIndex): number {
  const member = members.find(memberId);
  if (member < 0) {
    r.report("unknown-member", "error", "memberId", {});
  } else if (!members.isCounted(member)) {
    r.report("member-excluded", "error", "memberId", {
      memberSheet: members.sheet,
      memberRow: members.rowAt(member),
    });
  }
  return member;
}

/** Dues for a year before the member joined or after the year the member left (a warning). */
export function checkDuesWithinMembership(
  r: RowReader,
  year: number,
  joinedYear: number | null,
  leftYear: number | null
): void {
  if (joinedYear === null) return;
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

export function readDues(
  sheet: DetectedSheet,
  ctx: SheetReadContext,
  members: MemberIndex
): DuesRead {
  // Allocated once for every row and cut to length at the end, as for members.
  const rows = sheet.dataEnd - sheet.dataStart;
  const records = new Array<DuesRecord>(rows);
  const chamberIds = new Array<string | null>(rows);
  let count = 0;
  const unknownYears = new Map<string, number>();
  const account = eachRow(sheet, ctx, (r) => {
    const memberId = r.id("memberId");
    const year = r.year("year", EARLIEST_YEAR, ctx.todayYear + 1);
    const due = r.money("due");
    // Blank (or unreadable, which is a warning and reads as blank) means nothing was paid.
    const paid = r.money("paid") ?? 0;
    const paidOn = r.pastDate("paidOn", "warning");
    const member = memberId === null ? -1 : checkMember(r, memberId, members);
    if (memberId !== null && year !== null) {
      const row = r.rowNumber;
      const firstRow =
        member < 0
          ? claimUnknownMemberYear(unknownYears, memberId, year, row)
          : members.claimYear(member, year, row);
      if (firstRow !== null) {
        r.report("duplicate-dues", "error", "year", { memberId, year, firstRow });
      }
    }
    if (member >= 0 && year !== null) {
      checkDuesWithinMembership(r, year, members.joinedYear(member), members.leftYear(member));
    }
    checkPayment(r, due, paid, paidOn !== null || !r.blank("paidOn"));

    if (memberId === null || year === null || due === null) return;
    chamberIds[count] = member < 0 ? null : members.chamberId(member);
    records[count++] = {
      sheet: r.sheetName,
      row: r.rowNumber,
      memberId,
      year,
      due,
      paid,
      paidOn,
      counted: r.errors === 0,
    };
  });
  records.length = count;
  chamberIds.length = count;
  return { records, chamberIds, account };
}
