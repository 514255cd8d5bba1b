/**
 * Coverage figures of SPEC §4: township chambers in every township, and enterprise members as a
 * share of each township's non-public enterprises.
 */
import { MEMBER_TYPE_CODE, NO_DAY, NONE, type MemberColumns } from "../columns";
import { problem } from "../problems";
import type {
  ChamberRecord,
  CoverageMetrics,
  ProblemDraft,
  Settings,
  TownshipCoverage,
  TownshipRecord,
} from "../types";
import { share } from "./chambers";
import { isActiveAt } from "./days";

export interface CoverageInput {
  readonly settings: Settings;
  /** The counted chambers active at D, or null without a 商会 sheet. */
  readonly activeChambers: readonly ChamberRecord[] | null;
  readonly members: MemberColumns | null;
  readonly townships: readonly TownshipRecord[] | null;
  readonly townshipsUnavailable: "missing-sheet" | "missing-column" | null;
}

export interface CoverageResult {
  readonly coverage: CoverageMetrics;
  readonly warnings: ProblemDraft[];
}

/** The counted rows of one township, in input order. */
interface Township {
  readonly name: string;
  readonly rows: TownshipRecord[];
}

function townshipsInOrder(records: readonly TownshipRecord[]): Township[] {
  const byName = new Map<string, Township>();
  for (const r of records) {
    if (!r.counted) continue;
    let t = byName.get(r.township);
    if (t === undefined) {
      t = { name: r.township, rows: [] };
      byName.set(r.township, t);
    }
    t.rows.push(r);
  }
  return [...byName.values()];
}

/**
 * The row that gives a township's count for `year`: that year's row (the first, should a
 * duplicate have slipped through), else the latest earlier year's; null when there is neither.
 */
function rowForYear(t: Township, year: number): TownshipRecord | null {
  let best: TownshipRecord | null = null;
  for (const r of t.rows) {
    if (r.year > year) continue;
    if (best === null || r.year > best.year) best = r;
  }
  return best;
}

/** A township whose member coverage falls short of the target, and the row its count came from. */
export interface TownshipBelowTarget {
  readonly coverage: TownshipCoverage;
  /** The 乡镇 row that gave its count of non-public enterprises (rowForYear), null without one. */
  readonly row: TownshipRecord | null;
}

/**
 * The townships of `coverage.byTownship` that do not meet the target (meetsTarget false), each with
 * the row of the 乡镇 sheet its count was taken from, for the task pane's drill-down: the same
 * townships and rows the metrics used.
 */
export function townshipsBelowTarget(
  coverage: CoverageMetrics,
  records: readonly TownshipRecord[] | null,
  year: number
): TownshipBelowTarget[] {
  const byName = new Map(townshipsInOrder(records ?? []).map((t) => [t.name, t]));
  return (coverage.byTownship ?? [])
    .filter((t) => t.meetsTarget === false)
    .map((t) => {
      const township = byName.get(t.township);
      return { coverage: t, row: township === undefined ? null : rowForYear(township, year) };
    });
}

function yearMissingWarning(t: Township, year: number, used: TownshipRecord | null): ProblemDraft {
  const at = used ?? t.rows[0];
  return problem("township-year-missing", {
    kind: "townships",
    sheet: at?.sheet ?? "",
    row: at?.row ?? null,
    column: null,
    value: null,
    params: { township: t.name, year, usedYear: used === null ? null : used.year },
  });
}

/** Townships with at least one township-type chamber (active at D) naming them. */
function townshipsWithChamber(activeChambers: readonly ChamberRecord[] | null): Set<string> {
  const names = new Set<string>();
  for (const c of activeChambers ?? []) {
    if (c.type === "township" && c.township !== null) names.add(c.township);
  }
  return names;
}

/**
 * Enterprise members active at D: in all, and per township name (counted by the members'
 * townshipRef, then summed by name: a list may hold a name twice).
 */
function enterpriseMembersAt(
  members: MemberColumns,
  settings: Settings
): { total: number; byTownship: Map<string, number> } {
  const byRef = new Float64Array(members.townshipList.length);
  const total = countEnterpriseMembers(members, settings.asOf, byRef);
  const byTownship = new Map<string, number>();
  members.townshipList.forEach((name, ref) => {
    const n = byRef[ref] ?? 0;
    if (n > 0) byTownship.set(name, (byTownship.get(name) ?? 0) + n);
  });
  return { total, byTownship };
}

/** The loop of enterpriseMembersAt, a function of its own (see ledger.ts): returns the total. */
function countEnterpriseMembers(members: MemberColumns, asOf: number, byRef: Float64Array): number {
  const { counted, type, joined, left, townshipRef } = members;
  const enterprise = MEMBER_TYPE_CODE.enterprise;
  let total = 0;
  for (let i = 0; i < members.length; i++) {
    if (counted[i] !== 1 || type[i] !== enterprise) continue;
    const leftOn = left[i] ?? NO_DAY;
    if (!isActiveAt(joined[i] ?? 0, leftOn === NO_DAY ? null : leftOn, asOf)) continue;
    total++;
    const ref = townshipRef[i] ?? NONE;
    if (ref !== NONE) byRef[ref] = (byRef[ref] ?? 0) + 1;
  }
  return total;
}

function meets(coverage: number | null, target: number): boolean | null {
  return coverage === null ? null : coverage >= target;
}

function unavailable(input: CoverageInput): CoverageMetrics {
  return {
    townships: null,
    townshipsWithChamber: null,
    townshipChamberCoverage: null,
    nonPublicEnterprises: null,
    enterpriseMembers: null,
    memberCoverage: null,
    target: input.settings.coverageTarget,
    meetsTarget: null,
    byTownship: null,
    // A null sheet with no reason given is taken as a missing sheet: the summary must say why.
    unavailableReason: input.townshipsUnavailable ?? "missing-sheet",
  };
}

export function computeCoverage(input: CoverageInput): CoverageResult {
  const { settings, townships: records } = input;
  if (records === null) return { coverage: unavailable(input), warnings: [] };
  const { year, coverageTarget: target } = settings;
  const townships = townshipsInOrder(records);
  const withChamber = townshipsWithChamber(input.activeChambers);
  // Without a 会员 sheet the member counts cannot be computed: the overall figures are null, and
  // each township's enterpriseMembers (a number by type) is 0 with its coverage null.
  const enterprise = input.members === null ? null : enterpriseMembersAt(input.members, settings);
  const warnings: ProblemDraft[] = [];
  const byTownship: TownshipCoverage[] = [];
  let nonPublicEnterprises = 0;
  let covered = 0;
  for (const t of townships) {
    const used = rowForYear(t, year);
    if (used === null || used.year !== year) warnings.push(yearMissingWarning(t, year, used));
    const count = used === null ? 0 : used.nonPublicEnterprises;
    nonPublicEnterprises += count;
    const hasTownshipChamber = withChamber.has(t.name);
    if (hasTownshipChamber) covered++;
    const members = enterprise === null ? null : (enterprise.byTownship.get(t.name) ?? 0);
    const coverage = members === null ? null : share(members, count);
    byTownship.push({
      township: t.name,
      nonPublicEnterprises: count,
      enterpriseMembers: members ?? 0,
      coverage,
      meetsTarget: meets(coverage, target),
      hasTownshipChamber,
    });
  }
  // Overall enterpriseMembers counts every active enterprise member at D, as §4 says, including
  // any whose township is not a row of the 乡镇 sheet; byTownship counts only exact name matches,
  // so the rows of byTownship may add up to less than the overall figure.
  const enterpriseMembers = enterprise === null ? null : enterprise.total;
  const memberCoverage =
    enterpriseMembers === null ? null : share(enterpriseMembers, nonPublicEnterprises);
  return {
    coverage: {
      townships: townships.length,
      townshipsWithChamber: covered,
      townshipChamberCoverage: share(covered, townships.length),
      nonPublicEnterprises,
      enterpriseMembers,
      memberCoverage,
      target,
      meetsTarget: meets(memberCoverage, target),
      byTownship,
      unavailableReason: null,
    },
    warnings,
  };
}
