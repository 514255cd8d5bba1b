/**
 * A draft report checked against the result and against itself: its figures (figures.ts), the
 * metric each speaks of (match.ts) and the verdicts (check.ts).
 */
export {
  checkReport,
  metricValue,
  type CheckItem,
  type FigureCheck,
  type ReportCheckSettings,
  type SelfCheck,
  type SelfCheckKind,
  type Verdict,
} from "./check";
export {
  findFigures,
  inRange,
  type Bound,
  type FigureRange,
  type FigureUnit,
  type Qualifier,
  type QuotedFigure,
} from "./figures";
export { matchMetric, type MatchOptions, type MetricMatch } from "./match";
export {
  cellText,
  countVerdicts,
  excerpt,
  locateFigures,
  valueText,
  type VerdictCounts,
} from "./present";
