import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../core/types";
import { formatCount, formatRate, type MessageKey, type Translate } from "./i18n";
import { FIGURE_KEYS, type FigureKey, type RunComparison, type StoredRun } from "./last-run";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase200,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  strong: { fontWeight: tokens.fontWeightSemibold },
});

const FIGURE_LABEL: Readonly<Record<FigureKey, MessageKey>> = {
  members: "card.members",
  coverage: "card.coverage",
  dues: "previous.dues",
  chambers: "card.chambers",
};

function figureText(key: FigureKey, value: number | null, lang: Lang): string {
  if (key === "members" || key === "chambers") {
    return value === null ? formatRate(null, lang) : formatCount(value);
  }
  return formatRate(value, lang);
}

function problemsLine(t: Translate, c: RunComparison): string {
  const counts = { before: formatCount(c.before), after: formatCount(c.after) };
  if (c.added > 0) {
    return t("previous.problemsAdded", {
      ...counts,
      fixed: formatCount(c.fixed),
      added: formatCount(c.added),
    });
  }
  return t("previous.problems", { ...counts, fixed: formatCount(c.fixed) });
}

export interface ComparisonProps {
  readonly comparison: RunComparison;
  readonly previous: StoredRun;
  readonly lang: Lang;
  readonly t: Translate;
}

/** This run against the one before it: the problems fixed and added, the figures that changed. */
export function Comparison({ comparison, previous, lang, t }: ComparisonProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.box} aria-labelledby="comparison-title" data-testid="comparison">
      <h2 className={styles.title} id="comparison-title">
        {t("previous.compareTitle", { asOf: previous.asOf })}
      </h2>
      <span className={styles.strong} data-testid="comparison-problems">
        {problemsLine(t, comparison)}
      </span>
      {comparison.figures.length === 0 ? (
        <span data-testid="comparison-figures">{t("previous.sameFigures")}</span>
      ) : (
        <ul className={styles.list} data-testid="comparison-figures">
          {comparison.figures.map((f) => (
            <li key={f.key} data-testid={`comparison-${f.key}`}>
              {`${t(FIGURE_LABEL[f.key], { year: "" }).trim()} ${figureText(f.key, f.before, lang)} → ${figureText(f.key, f.after, lang)}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export interface LastRunProps {
  readonly run: StoredRun;
  readonly lang: Lang;
  readonly t: Translate;
}

/** The record of the last run kept in the workbook, shown when the pane opens, before a run. */
export function LastRun({ run, lang, t }: LastRunProps): React.JSX.Element {
  const styles = useStyles();
  const at = new Date(run.at);
  const when = Number.isNaN(at.getTime())
    ? run.at
    : at.toLocaleString(lang === "zh" ? "zh-CN" : "en-GB", {
        dateStyle: "medium",
        timeStyle: "short",
      });
  return (
    <section className={styles.box} aria-labelledby="last-run-title" data-testid="last-run">
      <h2 className={styles.title} id="last-run-title">
        {t("previous.lastTitle")}
      </h2>
      <span>{t("previous.lastWhen", { asOf: run.asOf, when })}</span>
      <ul className={styles.list}>
        {FIGURE_KEYS.map((key) => (
          <li key={key} data-testid={`last-run-${key}`}>
            {`${t(FIGURE_LABEL[key], { year: "" }).trim()} ${figureText(key, run.figures[key], lang)}`}
          </li>
        ))}
        <li data-testid="last-run-problems">
          {t("problemsCounts", {
            errors: formatCount(run.errors),
            warnings: formatCount(run.warnings),
          })}
        </li>
      </ul>
      <span>{t("previous.lastHint")}</span>
    </section>
  );
}
