import * as React from "react";
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang, RecalcJson } from "../core/types";
import {
  formatCount,
  formatGrowth,
  formatMoney,
  formatRate,
  formatTarget,
  type Translate,
} from "./i18n";

/**
 * Up to this width of the figures' area (a pane of about 340 px, less its padding and a vertical
 * scroll bar) the cards take one column: two would be under 150 px wide, too narrow for their
 * sub-lines.
 */
const ONE_COLUMN_AT_MOST = 300;

const useStyles = makeStyles({
  // A size container: in the browser demo the pane is a column of a wider page, so the viewport's
  // width says nothing about the pane's.
  container: { containerType: "inline-size", containerName: "figures" },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
    [`@container figures (max-width: ${ONE_COLUMN_AT_MOST}px)`]: {
      gridTemplateColumns: "minmax(0, 1fr)",
    },
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    minWidth: 0,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
  },
  figure: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  line: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  // one part of a "a · b · c" line: wraps only between parts, the separator ends a line
  part: { whiteSpace: "nowrap" },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

interface CardProps {
  readonly id: string;
  readonly title: string;
  readonly figure: string;
  readonly children?: React.ReactNode;
}

function Card({ id, title, figure, children }: CardProps): React.JSX.Element {
  const styles = useStyles();
  const titleId = `card-${id}-title`;
  return (
    <li className={styles.card} aria-labelledby={titleId} data-testid={`card-${id}`}>
      <h3 className={styles.title} id={titleId}>
        {title}
      </h3>
      <span className={styles.figure} data-testid={`figure-${id}`}>
        {figure}
      </span>
      {children}
    </li>
  );
}

export interface FigureCardsProps {
  readonly json: RecalcJson;
  readonly lang: Lang;
  readonly t: Translate;
  /** The dues income threshold the run used (from its settings), in yuan. */
  readonly threshold: number;
  /** Opens the list of the dues rows owing ("256 名欠缴"), where the pane offers it. */
  readonly onShowOwing?: () => void;
  /** Opens the list of the townships below the coverage target, where the pane offers it. */
  readonly onShowBelowTarget?: () => void;
}

/** The headline figures: members and growth, coverage against target, dues, chambers. */
export function FigureCards(props: FigureCardsProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.container}>
      <ul className={styles.grid} data-testid="figure-cards">
        <MembersCard {...props} />
        <CoverageCard {...props} />
        <DuesCard {...props} />
        <ChambersCard {...props} />
      </ul>
    </div>
  );
}

/** "a · b · c" as parts that do not break inside, so that no line starts with "· c". */
function Parts({ text }: { readonly text: string }): React.JSX.Element {
  const styles = useStyles();
  const parts = text.split(" · ");
  return (
    <>
      {parts.map((part, i) => (
        <React.Fragment key={i}>
          <span className={styles.part} data-testid="line-part">
            {i < parts.length - 1 ? `${part} ·` : part}
          </span>
          {i < parts.length - 1 ? " " : ""}
        </React.Fragment>
      ))}
    </>
  );
}

function MembersCard({ json, lang, t }: FigureCardsProps): React.JSX.Element | null {
  const styles = useStyles();
  const m = json.members;
  if (!m) return null;
  return (
    <Card id="members" title={t("card.members")} figure={formatCount(m.total)}>
      <span className={styles.line} data-testid="members-since-base">
        {t("card.members.sinceBase", {
          rate: formatGrowth(m.growthSinceBase, lang),
          year: json.baseYear,
          count: formatCount(m.baseYearEnd),
        })}
      </span>
      <span className={styles.line}>
        {t("card.members.onYear", {
          rate: formatGrowth(m.growthRate, lang),
          year: json.year - 1,
          count: formatCount(m.previousYearEnd),
        })}
      </span>
      <span className={styles.line} data-testid="members-by-type">
        <Parts
          text={t("card.members.byType", {
            enterprise: formatCount(m.byType.enterprise),
            group: formatCount(m.byType.group),
            individual: formatCount(m.byType.individual),
          })}
        />
      </span>
    </Card>
  );
}

function CoverageCard({ json, lang, t, onShowBelowTarget }: FigureCardsProps): React.JSX.Element {
  const styles = useStyles();
  const c = json.coverage;
  if (c.memberCoverage === null && c.townships === null) {
    return (
      <Card id="coverage" title={t("card.coverage")} figure={t("notAvailable")}>
        <span className={styles.line}>{t("card.coverage.unavailable")}</span>
      </Card>
    );
  }
  const below = (c.byTownship ?? []).filter((x) => x.meetsTarget === false).length;
  const verdict =
    c.meetsTarget === null
      ? t("notAvailable")
      : c.meetsTarget
        ? t("card.coverage.met")
        : t("card.coverage.notMet");
  return (
    <Card id="coverage" title={t("card.coverage")} figure={formatRate(c.memberCoverage, lang)}>
      <span className={styles.line}>
        {t("card.coverage.members", {
          rate: formatRate(c.memberCoverage, lang),
          count: formatCount(c.nonPublicEnterprises ?? 0),
        })}
      </span>
      <span className={`${styles.line} ${c.meetsTarget ? styles.good : styles.bad}`}>
        {t("card.coverage.target", { target: formatTarget(c.target), verdict })}
      </span>
      <span className={styles.line}>
        {t("card.coverage.townships", {
          with: formatCount(c.townshipsWithChamber ?? 0),
          total: formatCount(c.townships ?? 0),
        })}
      </span>
      {onShowBelowTarget && below > 0 && (
        <Link
          as="button"
          className={styles.line}
          onClick={onShowBelowTarget}
          data-testid="drill-below-open"
        >
          {t("drill.below", { count: formatCount(below) })}
        </Link>
      )}
    </Card>
  );
}

function DuesCard({ json, lang, t, onShowOwing }: FigureCardsProps): React.JSX.Element {
  const styles = useStyles();
  const d = json.dues;
  if (!d) {
    return (
      <Card id="dues" title={t("card.dues", { year: json.year })} figure={t("notAvailable")}>
        <span className={styles.line}>
          {t(
            // the dues rows are there, but without members none of them can be checked
            json.members === null && json.rows.dues.read > 0
              ? "card.dues.needsMembers"
              : "card.dues.unavailable"
          )}
        </span>
      </Card>
    );
  }
  return (
    <Card
      id="dues"
      title={t("card.dues", { year: d.year })}
      figure={formatRate(d.collectionRate, lang)}
    >
      <span className={styles.line}>{t("card.dues.collected")}</span>
      <span className={styles.line}>
        {t("card.dues.amounts", { paid: formatMoney(d.paid), due: formatMoney(d.due) })}
      </span>
      <span className={styles.line}>
        {t("card.dues.members", {
          paid: formatCount(d.membersFullyPaid),
          owing: formatCount(d.membersOwing),
        })}
      </span>
      {onShowOwing && d.membersOwing > 0 && (
        <Link
          as="button"
          className={styles.line}
          onClick={onShowOwing}
          data-testid="drill-owing-open"
        >
          {t("drill.owing", { count: formatCount(d.membersOwing) })}
        </Link>
      )}
    </Card>
  );
}

function ChambersCard({ json, lang, t, threshold }: FigureCardsProps): React.JSX.Element {
  const styles = useStyles();
  const c = json.chambers;
  if (!c) {
    return (
      <Card id="chambers" title={t("card.chambers")} figure={t("notAvailable")}>
        <span className={styles.line}>{t("card.chambers.unavailable")}</span>
      </Card>
    );
  }
  return (
    <Card id="chambers" title={t("card.chambers")} figure={formatCount(c.total)}>
      <span className={styles.line}>
        {t("card.chambers.registered", { rate: formatRate(c.registeredRate, lang) })}
      </span>
      {c.fullCollection !== null && (
        <span className={styles.line}>
          {t("card.chambers.full", {
            count: formatCount(c.fullCollection),
            rate: formatRate(c.fullCollectionRate, lang),
          })}
        </span>
      )}
      {c.incomeAtLeastThreshold !== null && (
        <span className={styles.line}>
          {t("card.chambers.income", {
            count: formatCount(c.incomeAtLeastThreshold),
            rate: formatRate(c.incomeAtLeastThresholdRate, lang),
            threshold: formatMoney(threshold),
          })}
        </span>
      )}
    </Card>
  );
}
