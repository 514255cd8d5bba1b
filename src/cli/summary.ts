/** The readable summary the command line prints: headline figures, row accounting, problem counts. */
import type { Lang, RecalcJson, Rate } from "../core/types";
import { TEXT } from "./messages";

function percent(rate: Rate, lang: Lang): string {
  return rate === null ? TEXT[lang].notApplicable : `${(rate * 100).toFixed(2)}%`;
}

function money(amount: number): string {
  return amount.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

function reasonText(reason: string | null, lang: Lang): string {
  if (reason === "missing-sheet") return lang === "zh" ? "缺少乡镇表" : "no townships sheet";
  if (reason === "missing-column")
    return lang === "zh" ? "乡镇表缺少必需的列" : "the townships sheet lacks a required column";
  return TEXT[lang].notApplicable;
}

export function headlineLines(json: RecalcJson, lang: Lang): string[] {
  const t = TEXT[lang];
  const lines = [t.summaryTitle(json.asOf, json.year, json.baseYear)];
  lines.push(
    json.members
      ? t.members(
          json.members.total,
          json.baseYear,
          json.members.baseYearEnd,
          percent(json.members.growthSinceBase, lang)
        )
      : t.membersUnavailable
  );
  lines.push(json.chambers ? t.chambers(json.chambers.total) : t.chambersUnavailable);
  const c = json.coverage;
  lines.push(
    c.memberCoverage !== null || c.nonPublicEnterprises !== null
      ? t.coverage(percent(c.memberCoverage, lang), percent(c.target, lang), c.meetsTarget)
      : t.coverageUnavailable(reasonText(c.unavailableReason, lang))
  );
  lines.push(
    json.dues
      ? t.dues(
          json.dues.year,
          money(json.dues.paid),
          money(json.dues.due),
          percent(json.dues.collectionRate, lang)
        )
      : t.duesUnavailable
  );
  return lines;
}

export function rowLines(json: RecalcJson, lang: Lang): string[] {
  const t = TEXT[lang];
  const kinds = ["members", "chambers", "dues", "townships"] as const;
  return [
    t.rowsTitle,
    ...kinds.map((k) =>
      t.rows(t.sheetLabel[k], json.rows[k].read, json.rows[k].counted, json.rows[k].excluded)
    ),
  ];
}

export function problemLines(json: RecalcJson, lang: Lang): string[] {
  const t = TEXT[lang];
  const { errors, warnings, byCode } = json.problems;
  if (errors + warnings === 0) return [t.noProblems];
  const codes = Object.entries(byCode)
    .filter((entry): entry is [string, number] => typeof entry[1] === "number" && entry[1] > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [t.problemsTitle(errors, warnings), ...codes.map(([code, n]) => `  ${code}: ${n}`)];
}

/** The whole readable summary, one string ending with a newline. */
export function formatSummary(json: RecalcJson, lang: Lang, outPath: string): string {
  return (
    [
      ...headlineLines(json, lang),
      "",
      ...rowLines(json, lang),
      "",
      ...problemLines(json, lang),
      "",
      TEXT[lang].written(outPath),
    ].join("\n") + "\n"
  );
}
