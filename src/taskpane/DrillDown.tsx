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
    <section className={styles.box} aria-labelledby="drill-title" data-testid="drill-owing">
      <div className={styles.header}>
        <h3 className={styles.title} id="drill-title">
          {t("drill.owingTitle", { count: formatCount(rows.length) })}
        </h3>
        <Button appearance="subtle" size="small" onClick={onClose} data-testid="drill-close">
          {t("drill.close")}
        </Button>
      </div>
      <ul className={styles.items}>
        {rows.slice(0, shown).map((r) => (
          <li key={`${r.sheet}!${r.row}`} className={styles.item}>
            <Link
              as="button"
              onClick={() => onSelect(r.sheet, `A${r.row}`)}
              aria-label={t("goToCell", { sheet: r.sheet, cell: `A${r.row}` })}
              data-testid="drill-link"
              data-cell={`${r.sheet}!A${r.row}`}
            >
              {`${r.sheet}!A${r.row}`}
            </Link>
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
    </section>
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
    <section className={styles.box} aria-labelledby="drill-below-title" data-testid="drill-below">
      <div className={styles.header}>
        <h3 className={styles.title} id="drill-below-title">
          {t("drill.belowTitle", { count: formatCount(townships.length) })}
        </h3>
        <Button appearance="subtle" size="small" onClick={onClose} data-testid="drill-close">
          {t("drill.close")}
        </Button>
      </div>
      <ul className={styles.items}>
        {townships.map(({ coverage: c, row }) => (
          <li key={c.township} className={styles.item}>
            {row !== null && (
              <Link
                as="button"
                onClick={() => onSelect(row.sheet, `A${row.row}`)}
                aria-label={t("goToCell", { sheet: row.sheet, cell: `A${row.row}` })}
                data-testid="drill-link"
                data-cell={`${row.sheet}!A${row.row}`}
              >
                {`${row.sheet}!A${row.row}`}
              </Link>
            )}
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
    </section>
  );
}
