import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Link,
  SearchBox,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { renderMessage } from "../core/messages";
import type { Lang, Problem, ProblemSummary, Severity } from "../core/types";
import { formatCount, problemTitle, type Translate } from "./i18n";
import {
  filterProblems,
  groupProblems,
  isFiltering,
  NO_FILTER,
  problemCell,
  problemSheets,
  type ProblemFilter,
  type ProblemGroup,
} from "./problems";

const PAGE = 25;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  filters: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  search: { gridColumn: "1 / -1", maxWidth: "none" },
  groups: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  group: {
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  headerContent: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    minWidth: 0,
    fontWeight: tokens.fontWeightSemibold,
  },
  summaryTitle: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere", textAlign: "start" },
  badge: {
    flexShrink: 0,
    display: "inline-flex",
    alignItems: "center",
    gap: "3px",
    borderRadius: tokens.borderRadiusCircular,
    padding: "0 6px 0 3px",
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForegroundOnBrand,
    // in forced colours the badge keeps a border, since its background is dropped
    border: "1px solid transparent",
  },
  error: { backgroundColor: tokens.colorPaletteRedBackground3 },
  warning: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  icon: { width: "12px", height: "12px", flexShrink: 0 },
  items: { margin: 0, padding: 0, listStyleType: "none" },
  item: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  message: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  place: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  shown: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export interface ProblemsListProps {
  readonly summary: ProblemSummary;
  readonly problems: readonly Problem[];
  readonly lang: Lang;
  readonly t: Translate;
  readonly onSelect: (sheet: string, cell: string) => void;
}

/**
 * The problems grouped by code with their counts, each group an accordion item with a visible
 * chevron, each badge with an icon and the word for its severity (not colour alone); filters by
 * severity and by sheet, and a search box. Clicking a problem selects its cell in Excel.
 */
export function ProblemsList({
  summary,
  problems,
  lang,
  t,
  onSelect,
}: ProblemsListProps): React.JSX.Element {
  const styles = useStyles();
  const [filter, setFilter] = React.useState<ProblemFilter>(NO_FILTER);
  const filtering = isFiltering(filter);
  const sheets = React.useMemo(() => problemSheets(problems), [problems]);
  const shown = React.useMemo(
    () =>
      filtering
        ? filterProblems(
            problems,
            filter,
            (p) => `${renderMessage(p, lang)}\n${problemTitle(lang, p.code)}`
          )
        : problems,
    [problems, filter, filtering, lang]
  );
  const groups = React.useMemo(
    () =>
      filtering
        ? groupProblems({ ...summary, byCode: {} }, shown) // counts of what is shown
        : groupProblems(summary, problems),
    [summary, problems, shown, filtering]
  );
  if (problems.length === 0 && Object.keys(summary.byCode).length === 0) {
    return <p data-testid="no-problems">{t("noProblems")}</p>;
  }
  return (
    <div className={styles.root}>
      <div className={styles.filters} role="search" aria-label={t("filter.label")}>
        <Field label={t("filter.severity")}>
          <Select
            value={filter.severity}
            data-testid="filter-severity"
            onChange={(_, data) =>
              setFilter({ ...filter, severity: data.value as Severity | "all" })
            }
          >
            <option value="all">{t("filter.all")}</option>
            <option value="error">{t("severityError")}</option>
            <option value="warning">{t("severityWarning")}</option>
          </Select>
        </Field>
        <Field label={t("filter.sheet")}>
          <Select
            value={filter.sheet === null ? "\u0000all" : filter.sheet}
            data-testid="filter-sheet"
            onChange={(_, data) =>
              setFilter({ ...filter, sheet: data.value === "\u0000all" ? null : data.value })
            }
          >
            <option value={"\u0000all"}>{t("filter.allSheets")}</option>
            {sheets.map((sheet) => (
              <option key={sheet} value={sheet}>
                {sheet === "" ? t("filter.workbook") : sheet}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("filter.search")} className={styles.search}>
          <SearchBox
            value={filter.query}
            data-testid="filter-search"
            onChange={(_, data) => setFilter({ ...filter, query: data.value })}
          />
        </Field>
      </div>
      {filtering && (
        <span className={styles.shown} role="status" data-testid="filter-status">
          {t("filter.shown", {
            shown: formatCount(shown.length),
            total: formatCount(problems.length),
          })}
        </span>
      )}
      {groups.length > 0 && (
        <Accordion multiple collapsible className={styles.groups} data-testid="problems">
          {groups.map((group) => (
            <GroupView key={group.code} group={group} lang={lang} t={t} onSelect={onSelect} />
          ))}
        </Accordion>
      )}
    </div>
  );
}

/** A filled circle with a cross (error) or a triangle with an exclamation mark (warning). */
function SeverityIcon({ severity }: { readonly severity: Severity }): React.JSX.Element {
  const styles = useStyles();
  return (
    <svg className={styles.icon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {severity === "error" ? (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M5.5 5.5l5 5m0-5l-5 5" stroke="Canvas" strokeWidth="1.8" />
        </>
      ) : (
        <>
          <path d="M8 1.5L15 14.5H1z" fill="currentColor" />
          <path d="M8 6v4.2M8 11.6v1.2" stroke="Canvas" strokeWidth="1.8" />
        </>
      )}
    </svg>
  );
}

/** "12 dues rows left out because of 3 member rows with errors" (member-excluded cascades). */
function cascadeSummary(group: ProblemGroup, t: Translate): string {
  const causes = new Set<string>();
  for (const p of group.items) {
    if (p.code === "member-excluded") causes.add(`${p.params.memberSheet}!${p.params.memberRow}`);
  }
  return t("cascade.summary", {
    rows: formatCount(group.items.length),
    members: formatCount(causes.size),
  });
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
  const severity: Severity = group.errors > 0 ? "error" : "warning";
  const word = severity === "error" ? t("severityError") : t("severityWarning");
  const rest = group.items.length - shown;
  return (
    <AccordionItem
      value={group.code}
      className={styles.group}
      data-testid={`problem-group-${group.code}`}
      data-severity={severity}
    >
      <AccordionHeader size="small" expandIconPosition="start" data-testid="group-header">
        <span className={styles.headerContent}>
          <span className={styles.summaryTitle}>{problemTitle(lang, group.code)}</span>
          <span
            className={`${styles.badge} ${severity === "error" ? styles.error : styles.warning}`}
            data-testid="problem-badge"
          >
            <SeverityIcon severity={severity} />
            <span>{word}</span>
            <span data-testid="problem-count">{formatCount(group.count)}</span>
          </span>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        {group.code === "member-excluded" && (
          <p className={styles.place} data-testid="cascade-summary">
            {cascadeSummary(group, t)}
          </p>
        )}
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
      </AccordionPanel>
    </AccordionItem>
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
      {problem.code === "member-excluded" && (
        <Link
          as="button"
          className={styles.message}
          onClick={() => onSelect(problem.params.memberSheet, `A${problem.params.memberRow}`)}
          data-testid="cause-link"
          data-cell={`${problem.params.memberSheet}!A${problem.params.memberRow}`}
        >
          {t("cascade.cause", {
            cell: `${problem.params.memberSheet}!A${problem.params.memberRow}`,
          })}
        </Link>
      )}
    </li>
  );
}
