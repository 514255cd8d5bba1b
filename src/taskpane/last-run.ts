/**
 * A run's record as the add-in keeps it in the workbook (a custom XML part, see
 * adapters/office/last-run.ts): its headline figures, its problem counts and the places of its
 * problems; and the comparison of two records ("问题 18 → 15（已修正 3）", which figures changed).
 * Pure TypeScript: the XML is one element whose text is the record as JSON, escaped.
 */
import type { Problem, ProblemCode, RecalcJson } from "../core/types";
import { LAST_RUN_NAMESPACE } from "../adapters/office/last-run";

export const FIGURE_KEYS = ["members", "coverage", "dues", "chambers"] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export interface StoredRun {
  readonly version: 1;
  readonly asOf: string;
  /** When the run finished, as an ISO date-time. */
  readonly at: string;
  /** Members and chambers are counts; coverage and dues are fractions; null when not computed. */
  readonly figures: Readonly<Record<FigureKey, number | null>>;
  readonly errors: number;
  readonly warnings: number;
  readonly byCode: Partial<Record<ProblemCode, number>>;
  /** Each problem's code and place ("bad-uscc|会员!G12"), to tell fixed problems from new ones. */
  readonly places: readonly string[];
}

export function problemPlace(p: Problem): string {
  return `${p.code}|${p.sheet}!${p.column ?? ""}${p.row ?? ""}`;
}

export function storedRunOf(json: RecalcJson, problems: readonly Problem[], at: string): StoredRun {
  return {
    version: 1,
    asOf: json.asOf,
    at,
    figures: {
      members: json.members?.total ?? null,
      coverage: json.coverage.memberCoverage,
      dues: json.dues?.collectionRate ?? null,
      chambers: json.chambers?.total ?? null,
    },
    errors: json.problems.errors,
    warnings: json.problems.warnings,
    byCode: { ...json.problems.byCode },
    places: problems.map(problemPlace),
  };
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeText(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

export function storedRunXml(run: StoredRun): string {
  return `<?xml version="1.0" encoding="UTF-8"?><lastRun xmlns="${LAST_RUN_NAMESPACE}" version="1">${escapeText(JSON.stringify(run))}</lastRun>`;
}

function isFigures(value: unknown): value is StoredRun["figures"] {
  if (typeof value !== "object" || value === null) return false;
  return FIGURE_KEYS.every((k) => {
    const v: unknown = Reflect.get(value, k);
    return v === null || typeof v === "number";
  });
}

/** The record in the XML, or null when the XML is not one the add-in wrote. */
export function parseStoredRun(xml: string): StoredRun | null {
  const match = /<lastRun\b[^>]*>([\s\S]*)<\/lastRun>\s*$/.exec(xml);
  if (!match) return null;
  let data: unknown;
  try {
    data = JSON.parse(unescapeText(match[1] ?? ""));
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const r = data as Partial<StoredRun>;
  if (
    r.version !== 1 ||
    typeof r.asOf !== "string" ||
    typeof r.at !== "string" ||
    !isFigures(r.figures) ||
    typeof r.errors !== "number" ||
    typeof r.warnings !== "number" ||
    typeof r.byCode !== "object" ||
    !Array.isArray(r.places)
  ) {
    return null;
  }
  return data as StoredRun;
}

export interface RunComparison {
  readonly before: number;
  readonly after: number;
  /** Problems of the previous run whose code and place are gone now. */
  readonly fixed: number;
  /** Problems whose code and place the previous run did not have. */
  readonly added: number;
  readonly figures: ReadonlyArray<{
    readonly key: FigureKey;
    readonly before: number | null;
    readonly after: number | null;
  }>;
}

export function compareRuns(previous: StoredRun, current: StoredRun): RunComparison {
  const before = new Set(previous.places);
  const after = new Set(current.places);
  return {
    before: previous.errors + previous.warnings,
    after: current.errors + current.warnings,
    fixed: [...before].filter((p) => !after.has(p)).length,
    added: [...after].filter((p) => !before.has(p)).length,
    figures: FIGURE_KEYS.filter((k) => previous.figures[k] !== current.figures[k]).map((key) => ({
      key,
      before: previous.figures[key],
      after: current.figures[key],
    })),
  };
}
