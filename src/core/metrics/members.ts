/**
 * Member figures and the growth series of SPEC §4, in one pass over the members.
 *
 * Every figure is a count of members active at some "end of year" point, or of joins / departures
 * between two consecutive points. The points are the ends of the years first..Y (first = the year
 * before the earlier of B and Y), so each member drops its join day and its leaving day into the
 * slot of the first point on or after that day; prefix sums then give "joined on or before point
 * k" and "left on or before point k", and active at k = joined − left. This is O(members · log
 * years) with no allocation per member.
 */
import { MEMBER_TYPE_CODE, memberColumnsOf, NO_DAY, type MemberColumns } from "../columns";
import type {
  Day,
  MemberMetrics,
  MemberRecord,
  MemberType,
  Rate,
  SeriesEntry,
  Settings,
} from "../types";
import { assertYearOfAsOf, reportingYearEnd } from "./days";

export interface MemberFigures {
  readonly members: MemberMetrics;
  readonly series: SeriesEntry[];
}

/** A type's row in the per-type counts: its code in the members' type column. */
const TYPE_SLOT = MEMBER_TYPE_CODE;
const TYPE_COUNT = 3;
const ENTERPRISE = MEMBER_TYPE_CODE.enterprise;

/** (now − before) / before, or null when there is nothing to compare with. */
export function growth(now: number, before: number): Rate {
  return before === 0 ? null : (now - before) / before;
}

/** Index of the first point on or after `day` (points ascending); points.length when none. */
function slotOf(points: Float64Array, day: Day): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((points[mid] ?? Infinity) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function prefixSums(counts: Float64Array, groups: number): void {
  const width = counts.length / groups;
  for (let g = 0; g < groups; g++) {
    let sum = 0;
    for (let i = g * width; i < (g + 1) * width; i++) {
      sum += counts[i] ?? 0;
      counts[i] = sum;
    }
  }
}

/** Cumulative counts at each point: joined on or before it, left on or before it. */
interface Sweep {
  readonly firstYear: number;
  readonly width: number;
  /** All counted members (for "new" and "left"), one row. */
  readonly joinedAll: Float64Array;
  readonly leftAll: Float64Array;
  /** Members whose membership is a non-empty span, one row per type (for "active"). */
  readonly joinedByType: Float64Array;
  readonly leftByType: Float64Array;
  readonly retained: number;
  readonly aboveScale: number;
}

function sweep(members: MemberColumns, settings: Settings, firstYear: number): Sweep {
  const { asOf, year } = settings;
  const points = new Float64Array(year - firstYear + 1);
  for (let k = 0; k < points.length; k++) points[k] = reportingYearEnd(firstYear + k, settings);
  const previousYearEnd = reportingYearEnd(year - 1, settings);
  const width = points.length + 1; // the last slot holds days after every point
  const joinedAll = new Float64Array(width);
  const leftAll = new Float64Array(width);
  const joinedByType = new Float64Array(width * TYPE_COUNT);
  const leftByType = new Float64Array(width * TYPE_COUNT);
  let retained = 0;
  let aboveScale = 0;
  const { counted, type, joined: joinedColumn, left: leftColumn } = members;
  for (let i = 0; i < members.length; i++) {
    if (counted[i] !== 1) continue;
    const joined = joinedColumn[i] ?? 0;
    const joinedSlot = slotOf(points, joined);
    joinedAll[joinedSlot] = (joinedAll[joinedSlot] ?? 0) + 1;
    const left = leftColumn[i] ?? NO_DAY;
    const leftSlot = left === NO_DAY ? -1 : slotOf(points, left);
    if (leftSlot >= 0) leftAll[leftSlot] = (leftAll[leftSlot] ?? 0) + 1;
    // Left on or before the day of joining: never active (counted rows cannot do this: date-order).
    if (left !== NO_DAY && left <= joined) continue;
    const t = type[i] ?? 0;
    const row = t * width;
    joinedByType[row + joinedSlot] = (joinedByType[row + joinedSlot] ?? 0) + 1;
    if (leftSlot >= 0) leftByType[row + leftSlot] = (leftByType[row + leftSlot] ?? 0) + 1;
    const activeAtAsOf = joined <= asOf && (left === NO_DAY || left > asOf);
    if (activeAtAsOf && joined <= previousYearEnd) retained++;
    if (activeAtAsOf && t === ENTERPRISE && members.aboveScale[i] === 1) aboveScale++;
  }
  prefixSums(joinedAll, 1);
  prefixSums(leftAll, 1);
  prefixSums(joinedByType, TYPE_COUNT);
  prefixSums(leftByType, TYPE_COUNT);
  return { firstYear, width, joinedAll, leftAll, joinedByType, leftByType, retained, aboveScale };
}

function at(counts: Float64Array, index: number): number {
  return counts[index] ?? 0;
}

/** Members of each type active at the end of `year`. */
function activeByType(s: Sweep, year: number): Record<MemberType, number> {
  const k = year - s.firstYear;
  const active = (type: MemberType): number => {
    const row = TYPE_SLOT[type] * s.width;
    return at(s.joinedByType, row + k) - at(s.leftByType, row + k);
  };
  return {
    enterprise: active("enterprise"),
    group: active("group"),
    individual: active("individual"),
  };
}

function activeTotal(s: Sweep, year: number): number {
  const t = activeByType(s, year);
  return t.enterprise + t.group + t.individual;
}

/** Joins (or departures) within `year`: between the end of the year before and its end. */
function withinYear(cumulative: Float64Array, s: Sweep, year: number): number {
  const k = year - s.firstYear;
  return at(cumulative, k) - at(cumulative, k - 1);
}

/** The member figures of a list of records (see memberFigures). */
export function computeMemberFigures(
  members: readonly MemberRecord[],
  settings: Settings
): MemberFigures {
  return memberFigures(memberColumnsOf(members), settings);
}

export function memberFigures(members: MemberColumns, settings: Settings): MemberFigures {
  assertYearOfAsOf(settings);
  const { year, baseYear } = settings;
  const s = sweep(members, settings, Math.min(baseYear, year) - 1);
  const byType = activeByType(s, year);
  const total = byType.enterprise + byType.group + byType.individual;
  const previousYearEnd = activeTotal(s, year - 1);
  // The base year's end follows the same "end of year" rule as the series (D when B ≥ Y), so that
  // baseYearEnd is always the first series entry's `members`.
  const baseYearEnd = activeTotal(s, Math.min(baseYear, year));
  const series: SeriesEntry[] = [];
  for (let x = baseYear; x <= year; x++) {
    const t = activeByType(s, x);
    const count = t.enterprise + t.group + t.individual;
    series.push({
      year: x,
      members: count,
      enterprise: t.enterprise,
      group: t.group,
      individual: t.individual,
      new: withinYear(s.joinedAll, s, x),
      left: withinYear(s.leftAll, s, x),
      growthRate: growth(count, activeTotal(s, x - 1)),
    });
  }
  return {
    members: {
      total,
      byType,
      newInYear: withinYear(s.joinedAll, s, year),
      leftInYear: withinYear(s.leftAll, s, year),
      previousYearEnd,
      growthRate: growth(total, previousYearEnd),
      baseYearEnd,
      growthSinceBase: growth(total, baseYearEnd),
      retentionRate: previousYearEnd === 0 ? null : s.retained / previousYearEnd,
      aboveScale: s.aboveScale,
    },
    series,
  };
}
