/**
 * The metrics of SPEC §4, computed from the checked records. Only counted records take part.
 * The pieces live in ./metrics/: members and series, chambers, dues (per-chamber ledger) and
 * coverage; this file puts them together.
 */
import { duesColumnsOf, memberColumnsOf, type DuesColumns, type MemberColumns } from "./columns";
import type {
  ChamberMetrics,
  ChamberRecord,
  CoverageMetrics,
  DuesMetrics,
  DuesRecord,
  Lang,
  MemberMetrics,
  MemberRecord,
  ProblemDraft,
  SeriesEntry,
  Settings,
  TownshipRecord,
} from "./types";
import { activeChambersAt, computeChamberMetrics } from "./metrics/chambers";
import { computeCoverage } from "./metrics/coverage";
import { assertYearOfAsOf } from "./metrics/days";
import { computeDuesMetrics, DIRECT_AND_OTHER } from "./metrics/dues";
import { buildDuesLedger, chamberSlots } from "./metrics/ledger";
import { memberFigures } from "./metrics/members";

export { DIRECT_AND_OTHER };

const NO_MEMBERS: MemberColumns = memberColumnsOf([]);

interface SheetsInput {
  /** asOf D (Day), year Y (the year of D), baseYear B, coverageTarget (fraction), duesIncomeThreshold (yuan). */
  readonly settings: Settings;
  /** null when the 商会 sheet is missing or unreadable. */
  readonly chambers: readonly ChamberRecord[] | null;
  /** null when the 乡镇 sheet is missing or unreadable. */
  readonly townships: readonly TownshipRecord[] | null;
  readonly townshipsUnavailable: "missing-sheet" | "missing-column" | null;
  /** Only for the name of the direct-and-other group in dues.byChamber. */
  readonly lang: Lang;
}

/** The metrics' input as records (see MetricsColumnsInput for what the checks hand over). */
export interface MetricsInput extends SheetsInput {
  /** null when the 会员 sheet is missing or unreadable. */
  readonly members: readonly MemberRecord[] | null;
  /** null when the 会费 sheet is missing or unreadable. */
  readonly dues: readonly DuesRecord[] | null;
}

/** The metrics' input as the sheet readers leave it: members and dues as columns. */
export interface MetricsColumnsInput extends SheetsInput {
  /** null when the 会员 sheet is missing or unreadable. */
  readonly members: MemberColumns | null;
  /**
   * null when the 会费 sheet is missing or unreadable. Its `memberChamber` indexes the chamber
   * table of `members` (an empty one when `members` is null).
   */
  readonly dues: DuesColumns | null;
}

export interface MetricsOutput {
  readonly members: MemberMetrics | null;
  readonly series: SeriesEntry[] | null;
  readonly chambers: ChamberMetrics | null;
  readonly coverage: CoverageMetrics;
  readonly dues: DuesMetrics | null;
  /** `township-year-missing` warnings (severity "warning", kind "townships"), in township order. */
  readonly warnings: ProblemDraft[];
}

/**
 * Computes every figure of §4 from records: puts them in columns and calls computeMetricsOfColumns.
 * A dues row is placed with the counted member carrying its ID (in a listed chamber).
 */
export function computeMetrics(input: MetricsInput): MetricsOutput {
  assertYearOfAsOf(input.settings);
  const members = memberColumnsOf(input.members ?? []);
  let dues: DuesColumns | null = null;
  if (input.dues !== null) {
    const active =
      input.chambers === null ? [] : activeChambersAt(input.chambers, input.settings.asOf);
    const slots = chamberSlots(active, members.chamberIds);
    dues = duesColumnsOf(input.dues, members, (chamber) => slots[chamber] !== active.length);
  }
  return computeMetricsOfColumns({
    ...input,
    members: input.members === null ? null : members,
    dues,
  });
}

/**
 * Computes every figure of §4. Throws a RangeError when settings.year is not the year of
 * settings.asOf (the caller derives one from the other).
 */
export function computeMetricsOfColumns(input: MetricsColumnsInput): MetricsOutput {
  const { settings } = input;
  assertYearOfAsOf(settings);
  const figures = input.members === null ? null : memberFigures(input.members, settings);
  const activeChambers =
    input.chambers === null ? null : activeChambersAt(input.chambers, settings.asOf);
  const ledger =
    input.dues === null
      ? null
      : buildDuesLedger(activeChambers ?? [], input.members ?? NO_MEMBERS, input.dues, settings);
  const { coverage, warnings } = computeCoverage({
    settings,
    activeChambers,
    members: input.members,
    townships: input.townships,
    townshipsUnavailable: input.townshipsUnavailable,
  });
  return {
    members: figures === null ? null : figures.members,
    series: figures === null ? null : figures.series,
    chambers:
      activeChambers === null ? null : computeChamberMetrics(activeChambers, ledger, settings),
    coverage,
    dues: ledger === null ? null : computeDuesMetrics(ledger, settings, input.lang),
    warnings,
  };
}
