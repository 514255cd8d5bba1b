/**
 * The metrics of SPEC §4, computed from the checked records. Only counted records take part.
 * The pieces live in ./metrics/: members and series, chambers, dues (per-chamber ledger) and
 * coverage; this file puts them together.
 */
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
import { buildDuesLedger } from "./metrics/ledger";
import { computeMemberFigures } from "./metrics/members";

export { DIRECT_AND_OTHER };

export interface MetricsInput {
  /** asOf D (Day), year Y (the year of D), baseYear B, coverageTarget (fraction), duesIncomeThreshold (yuan). */
  readonly settings: Settings;
  /** null when the 商会 sheet is missing or unreadable. */
  readonly chambers: readonly ChamberRecord[] | null;
  /** null when the 会员 sheet is missing or unreadable. */
  readonly members: readonly MemberRecord[] | null;
  /** null when the 会费 sheet is missing or unreadable. */
  readonly dues: readonly DuesRecord[] | null;
  /**
   * Optional, parallel to `dues`: the chamber ID of each dues record's member, as the dues reader
   * found it; saves the ledger a lookup by member ID per row (see buildDuesLedger).
   */
  readonly duesChamberIds?: readonly (string | null)[];
  /** null when the 乡镇 sheet is missing or unreadable. */
  readonly townships: readonly TownshipRecord[] | null;
  readonly townshipsUnavailable: "missing-sheet" | "missing-column" | null;
  /** Only for the name of the direct-and-other group in dues.byChamber. */
  readonly lang: Lang;
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
 * Computes every figure of §4. Throws a RangeError when settings.year is not the year of
 * settings.asOf (the caller derives one from the other).
 */
export function computeMetrics(input: MetricsInput): MetricsOutput {
  const { settings } = input;
  assertYearOfAsOf(settings);
  const figures = input.members === null ? null : computeMemberFigures(input.members, settings);
  const activeChambers =
    input.chambers === null ? null : activeChambersAt(input.chambers, settings.asOf);
  const ledger =
    input.dues === null
      ? null
      : buildDuesLedger(
          activeChambers ?? [],
          input.members ?? [],
          input.dues,
          settings,
          input.duesChamberIds
        );
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
