import * as React from "react";
import { Button, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { TownshipBelowTarget } from "../core/metrics/coverage";
import type { DuesRecord, Lang } from "../core/types";
import { formatCount, formatMoney, formatRate, type Translate } from "./i18n";

const PAGE = 50;

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  items: { margin: 0, padding: 0, listStyleType: "none" },
  item: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
    fontSize: tokens.fontSizeBase200,
  },
});

/** A list's frame: its heading with the count, a close button, then the list. */
function DrillBox({
  id,
  testId,
  title,
  t,
  onClose,
  children,
}: {
  readonly id: string;
  readonly testId: string;
  readonly title: string;
  readonly t: Translate;
  readonly onClose: () => void;
  readonly children: React.ReactNode;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.box} aria-labelledby={id} data-testid={testId}>
      <div className={styles.header}>
        <h3 className={styles.title} id={id}>
          {title}
        </h3>
        <Button appearance="subtle" size="small" onClick={onClose} data-testid="drill-close">
          {t("drill.close")}
        </Button>
      </div>
      {children}
    </section>
  );
}

/** A row of an input sheet, as a link that selects its first cell. */
function RowLink({
  sheet,
  row,
  t,
  onSelect,
}: {
  readonly sheet: string;
  readonly row: number;
  readonly t: Translate;
  readonly onSelect: (sheet: string, cell: string) => void;
}): React.JSX.Element {
  const cell = `A${row}`;
  return (
    <Link
      as="button"
      onClick={() => onSelect(sheet, cell)}
      aria-label={t("goToCell", { sheet, cell })}
      data-testid="drill-link"
      data-cell={`${sheet}!${cell}`}
    >
      {`${sheet}!${cell}`}
    </Link>
  );
}

export interface OwingDuesProps {
  readonly rows: readonly DuesRecord[];
  readonly t: Translate;
  readonly onSelect: (sheet: string, cell: string) => void;
  readonly onClose: () => void;
}

/** The dues rows behind "256 名欠缴": each row's member and amounts, each selectable in the sheet. */
export function OwingDues({ rows, t, onSelect, onClose }: OwingDuesProps): React.JSX.Element {
  const styles = useStyles();
  const [shown, setShown] = React.useState(PAGE);
  const rest = rows.length - shown;
  return (
    <DrillBox
      id="drill-title"
      testId="drill-owing"
      title={t("drill.owingTitle", { count: formatCount(rows.length) })}
      t={t}
      onClose={onClose}
    >
      <ul className={styles.items}>
        {rows.slice(0, shown).map((r) => (
          <li key={`${r.sheet}!${r.row}`} className={styles.item}>
            <RowLink sheet={r.sheet} row={r.row} t={t} onSelect={onSelect} />
            <span>
              {t("drill.owingRow", {
                member: r.memberId,
                due: formatMoney(r.due),
                paid: formatMoney(r.paid),
              })}
            </span>
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <Button appearance="subtle" size="small" onClick={() => setShown(shown + PAGE * 4)}>
          {t("showMore", { count: formatCount(Math.min(rest, PAGE * 4)) })}
        </Button>
      )}
    </DrillBox>
  );
}

export interface BelowTargetProps {
  readonly townships: readonly TownshipBelowTarget[];
  readonly lang: Lang;
  readonly t: Translate;
  readonly onSelect: (sheet: string, cell: string) => void;
  readonly onClose: () => void;
}

/** The townships behind "N 个乡镇未达标": each one's coverage, its 乡镇 row selectable in the sheet. */
export function BelowTarget({
  townships,
  lang,
  t,
  onSelect,
  onClose,
}: BelowTargetProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <DrillBox
      id="drill-below-title"
      testId="drill-below"
      title={t("drill.belowTitle", { count: formatCount(townships.length) })}
      t={t}
      onClose={onClose}
    >
      <ul className={styles.items}>
        {townships.map(({ coverage: c, row }) => (
          <li key={c.township} className={styles.item}>
            {row !== null && <RowLink sheet={row.sheet} row={row.row} t={t} onSelect={onSelect} />}
            <span>
              {t("drill.belowRow", {
                township: c.township,
                rate: formatRate(c.coverage, lang),
                members: formatCount(c.enterpriseMembers),
                enterprises: formatCount(c.nonPublicEnterprises),
              })}
            </span>
          </li>
        ))}
      </ul>
    </DrillBox>
  );
}
