import * as React from "react";
import {
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { HostRun } from "../adapters/office/host";
import type { Lang, OutputSheet, RowAccount } from "../core/types";
import { FigureCards } from "./FigureCards";
import { formatCount, sheetKindKey, type Translate } from "./i18n";
import { LineChart } from "./LineChart";
import { ProblemsList } from "./ProblemsList";
import { ReportSection } from "./ReportSection";
import { StructureMessage } from "./ErrorMessage";
import { BelowTarget, OwingDues } from "./DrillDown";
import { townshipsBelowTarget } from "../core/metrics/coverage";
import { owingDuesRows } from "../core/metrics/ledger";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  subheading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  links: {
    display: "flex",
    flexWrap: "wrap",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  muted: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  figures: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Stale figures turn grey (no colour, the numbers in the secondary text colour), which keeps
  // them legible: a lowered opacity would fail the text contrast WCAG asks for.
  dimmed: {
    filter: "grayscale(1)",
    "& [data-testid^='figure-']": { color: tokens.colorNeutralForeground4 },
  },
});

/** Why the figures shown no longer match the workbook: a cell edited, or settings saved. */
export type Staleness =
  | { readonly kind: "data"; readonly sheet: string | null; readonly address: string }
  | { readonly kind: "settings" };

const ROW_SHEETS = ["members", "chambers", "dues", "townships"] as const;

export interface ResultsProps {
  readonly run: HostRun;
  readonly lang: Lang;
  readonly t: Translate;
  readonly headingRef: React.Ref<HTMLHeadingElement>;
  /** Set when the workbook or the settings changed after this run. */
  readonly stale?: Staleness | null;
  readonly onSelectCell: (sheet: string, cell: string) => void;
  readonly onActivateSheet: (name: string) => void;
  /** The "remove output sheets" command, where the host has it. */
  readonly removeOutputs?: React.ReactNode;
}

/** Everything a run produced: figures, chart, row accounting, output sheets and problems. */
export function Results({
  run,
  lang,
  t,
  headingRef,
  stale = null,
  onSelectCell,
  onActivateSheet,
  removeOutputs,
}: ResultsProps): React.JSX.Element {
  const styles = useStyles();
  const { json } = run.result;
  // the list behind a card's sub-figure: the dues rows owing, or the townships below the target
  const [drill, setDrill] = React.useState<"owing" | "below" | null>(null);
  const owing = React.useMemo(
    () => (drill === "owing" ? owingDuesRows(run.result.dues, run.result.settings.year) : []),
    [drill, run]
  );
  const below = React.useMemo(
    () =>
      drill === "below"
        ? townshipsBelowTarget(json.coverage, run.result.townships, run.result.settings.year)
        : [],
    [drill, run, json]
  );
  const series = json.series ?? [];
  const chartData = series.map((s) => ({ label: String(s.year), value: s.members }));
  return (
    <section className={styles.root} aria-labelledby="results-heading" data-testid="results">
      <h2 className={styles.heading} id="results-heading" ref={headingRef} tabIndex={-1}>
        {t("resultsTitle", { date: json.asOf })}
      </h2>
      {stale && (
        <MessageBar intent="warning" layout="multiline" politeness="polite" data-testid="stale">
          <MessageBarBody>
            <MessageBarTitle>{t("stale.title")}</MessageBarTitle>
            {stale.kind === "settings"
              ? t("stale.settings")
              : stale.sheet === null
                ? t("stale.data")
                : t("stale.cell", { sheet: stale.sheet, cell: stale.address })}
          </MessageBarBody>
        </MessageBar>
      )}
      {json.members === null && (
        <StructureMessage t={t} lang={lang} problems={run.result.problems} />
      )}
      <div
        className={stale ? `${styles.figures} ${styles.dimmed}` : styles.figures}
        data-testid="figures"
        data-stale={stale ? "true" : "false"}
      >
        <FigureCards
          json={json}
          lang={lang}
          t={t}
          threshold={run.result.settings.duesIncomeThreshold}
          onShowOwing={() => setDrill("owing")}
          onShowBelowTarget={() => setDrill("below")}
        />
        {drill === "owing" && (
          <OwingDues rows={owing} t={t} onSelect={onSelectCell} onClose={() => setDrill(null)} />
        )}
        {drill === "below" && (
          <BelowTarget
            townships={below}
            lang={lang}
            t={t}
            onSelect={onSelectCell}
            onClose={() => setDrill(null)}
          />
        )}
        {chartData.length > 0 && (
          <div className={styles.section}>
            <h3 className={styles.subheading}>{t("chartTitle")}</h3>
            <LineChart
              title={t("chartTitle")}
              description={t("chartDescription", {
                first: chartData[0]?.label ?? "",
                last: chartData[chartData.length - 1]?.label ?? "",
                points: chartData.map((d) => `${d.label}: ${formatCount(d.value)}`).join(", "),
              })}
              data={chartData}
            />
          </div>
        )}
      </div>
      <ReportSection
        json={json}
        settings={run.result.settings}
        resultLang={run.result.lang}
        lang={lang}
        t={t}
        summary={writtenSummary(run)}
        onSelectCell={onSelectCell}
      />
      <div className={styles.section}>
        <h3 className={styles.subheading}>{t("rowsTitle")}</h3>
        <ul className={styles.list} data-testid="rows">
          {ROW_SHEETS.map((kind) => (
            <RowsLine
              key={kind}
              label={t(sheetKindKey(kind))}
              account={json.rows[kind]}
              t={t}
              kind={kind}
            />
          ))}
        </ul>
      </div>
      {(run.written.length > 0 || removeOutputs) && (
        <div className={styles.section}>
          <h3 className={styles.subheading}>{t("outputTitle")}</h3>
          <ul className={styles.links} data-testid="output-sheets">
            {run.written.map((sheet) => (
              <li key={sheet.key}>
                <Link
                  as="button"
                  onClick={() => onActivateSheet(sheet.name)}
                  aria-label={t("openSheet", { name: sheet.name })}
                  data-testid={`output-${sheet.key}`}
                >
                  {sheet.name}
                </Link>
              </li>
            ))}
          </ul>
          {removeOutputs && <div>{removeOutputs}</div>}
        </div>
      )}
      <div className={styles.section}>
        <h3 className={styles.subheading}>{t("problemsTitle")}</h3>
        <span className={styles.muted} data-testid="problem-counts">
          {t("problemsCounts", {
            errors: formatCount(json.problems.errors),
            warnings: formatCount(json.problems.warnings),
          })}
        </span>
        <ProblemsList
          summary={json.problems}
          problems={run.result.problems}
          lang={lang}
          t={t}
          onSelect={onSelectCell}
        />
      </div>
    </section>
  );
}

interface RowsLineProps {
  readonly label: string;
  readonly kind: string;
  readonly account: RowAccount;
  readonly t: Translate;
}

function RowsLine({ label, kind, account, t }: RowsLineProps): React.JSX.Element | null {
  if (account.read === 0) return null;
  return (
    <li data-testid={`rows-${kind}`}>
      {`${label}: `}
      {t("rowsLine", {
        read: formatCount(account.read),
        counted: formatCount(account.counted),
        excluded: formatCount(account.excluded),
      })}
    </li>
  );
}

/** 汇总 under the name the run wrote it with (a suffix when a user's sheet had the name). */
function writtenSummary(run: HostRun): OutputSheet | undefined {
  const sheet = run.result.output.find((s) => s.key === "summary");
  const written = run.written.find((w) => w.key === "summary");
  return sheet === undefined || written === undefined
    ? undefined
    : { ...sheet, name: written.name };
}
