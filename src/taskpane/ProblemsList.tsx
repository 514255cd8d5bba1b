import * as React from "react";
import { Button, Link, makeStyles, tokens } from "@fluentui/react-components";
import { renderMessage } from "../core/messages";
import type { Lang, Problem, ProblemSummary } from "../core/types";
import { formatCount, problemTitle, type Translate } from "./i18n";
import { groupProblems, problemCell, type ProblemGroup } from "./problems";

const PAGE = 25;

const useStyles = makeStyles({
  groups: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  group: {
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  summary: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    cursor: "pointer",
    fontWeight: tokens.fontWeightSemibold,
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  summaryTitle: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  count: {
    flexShrink: 0,
    minWidth: "24px",
    textAlign: "center",
    borderRadius: tokens.borderRadiusCircular,
    padding: "0 6px",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  error: { backgroundColor: tokens.colorPaletteRedBackground3 },
  warning: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  items: {
    margin: 0,
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    listStyleType: "none",
  },
  item: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  message: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  place: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export interface ProblemsListProps {
  readonly summary: ProblemSummary;
  readonly problems: readonly Problem[];
  readonly lang: Lang;
  readonly t: Translate;
  readonly onSelect: (sheet: string, cell: string) => void;
}

/** The problems grouped by code with their counts; clicking one selects its cell in Excel. */
export function ProblemsList({
  summary,
  problems,
  lang,
  t,
  onSelect,
}: ProblemsListProps): React.JSX.Element {
  const styles = useStyles();
  const groups = React.useMemo(() => groupProblems(summary, problems), [summary, problems]);
  if (groups.length === 0) return <p data-testid="no-problems">{t("noProblems")}</p>;
  return (
    <div className={styles.groups} data-testid="problems">
      {groups.map((group) => (
        <GroupView key={group.code} group={group} lang={lang} t={t} onSelect={onSelect} />
      ))}
    </div>
  );
}

interface GroupViewProps {
  readonly group: ProblemGroup;
  readonly lang: Lang;
  readonly t: Translate;
  readonly onSelect: (sheet: string, cell: string) => void;
}

function GroupView({ group, lang, t, onSelect }: GroupViewProps): React.JSX.Element {
  const styles = useStyles();
  const [shown, setShown] = React.useState(PAGE);
  const severityClass = group.errors > 0 ? styles.error : styles.warning;
  const severity = group.errors > 0 ? t("severityError") : t("severityWarning");
  const rest = group.items.length - shown;
  return (
    <details className={styles.group} data-testid={`problem-group-${group.code}`}>
      <summary className={styles.summary}>
        <span className={styles.summaryTitle}>{problemTitle(lang, group.code)}</span>
        <span
          className={`${styles.count} ${severityClass}`}
          aria-label={`${formatCount(group.count)} (${severity})`}
          data-testid="problem-count"
        >
          {formatCount(group.count)}
        </span>
      </summary>
      <ul className={styles.items}>
        {group.items.slice(0, shown).map((problem, i) => (
          <ProblemItem key={i} problem={problem} lang={lang} t={t} onSelect={onSelect} />
        ))}
      </ul>
      {rest > 0 && (
        <Button appearance="subtle" size="small" onClick={() => setShown(shown + PAGE * 4)}>
          {t("showMore", { count: formatCount(Math.min(rest, PAGE * 4)) })}
        </Button>
      )}
    </details>
  );
}

interface ProblemItemProps {
  readonly problem: Problem;
  /** The pane's language: messages follow it, whatever language the output sheets are in. */
  readonly lang: Lang;
  readonly t: Translate;
  readonly onSelect: (sheet: string, cell: string) => void;
}

function ProblemItem({ problem, lang, t, onSelect }: ProblemItemProps): React.JSX.Element {
  const styles = useStyles();
  const cell = problemCell(problem);
  return (
    <li className={styles.item}>
      {cell === null ? (
        <span className={styles.place}>{problem.sheet}</span>
      ) : (
        <Link
          as="button"
          onClick={() => onSelect(problem.sheet, cell)}
          aria-label={t("goToCell", { sheet: problem.sheet, cell })}
          data-testid="problem-link"
          data-cell={`${problem.sheet}!${cell}`}
        >
          {`${problem.sheet}!${cell}`}
        </Link>
      )}
      <span className={styles.message}>{renderMessage(problem, lang)}</span>
    </li>
  );
}
