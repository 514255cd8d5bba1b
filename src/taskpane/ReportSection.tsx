import * as React from "react";
import {
  Button,
  Field,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import {
  CheckmarkCircle16Filled,
  Copy20Regular,
  DismissCircle16Filled,
  QuestionCircle16Regular,
} from "@fluentui/react-icons";
import { buildNarrative, narrativeJson } from "../core/narrative/index";
import type { NarrativeJson } from "../core/narrative/types";
import {
  checkReport,
  type FigureCheck,
  type ReportCheckSettings,
} from "../core/report-check/index";
import type { Lang, OutputSheet, RecalcJson } from "../core/types";
import { formatCount, selfCheckKey, verdictKey, type Translate } from "./i18n";
import {
  cellText,
  countVerdicts,
  excerpt,
  locateFigures,
  valueText,
} from "../core/report-check/index";
import { markDraft, reportText, selfChecks } from "./report";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  subheading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  paragraphs: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  paragraph: { margin: 0, lineHeight: tokens.lineHeightBase400 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  status: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  draft: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    whiteSpace: "pre-wrap",
    lineHeight: tokens.lineHeightBase500,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  figure: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: "underline" },
  badge: {
    display: "inline-flex",
    alignItems: "center",
    gap: "2px",
    marginLeft: "2px",
    marginRight: "2px",
    padding: "0 4px",
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: "normal",
    verticalAlign: "baseline",
  },
  agrees: {
    color: tokens.colorPaletteGreenForeground1,
    backgroundColor: tokens.colorPaletteGreenBackground1,
    border: `1px solid ${tokens.colorPaletteGreenBorder1}`,
  },
  contradicts: {
    color: tokens.colorPaletteRedForeground1,
    backgroundColor: tokens.colorPaletteRedBackground1,
    border: `1px solid ${tokens.colorPaletteRedBorder1}`,
  },
  notCheckable: {
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  icon: { flexShrink: 0 },
  /** A contradiction's badge is a button that selects the records' figure in 汇总. */
  toCell: {
    padding: 0,
    border: "none",
    background: "none",
    font: "inherit",
    color: "inherit",
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  cellRef: { textDecorationLine: "underline" },
});

export interface ReportSectionProps {
  readonly json: RecalcJson;
  /** The run's settings, which the narrative and the draft's check depend on. */
  readonly settings: ReportCheckSettings;
  /** The language the run's narrative was written in. */
  readonly resultLang: Lang;
  readonly lang: Lang;
  readonly t: Translate;
  /** 汇总 as written (under the name it was written with), where contradicted figures point. */
  readonly summary?: OutputSheet | undefined;
  readonly onSelectCell?: (sheet: string, cell: string) => void;
}

/** 报告: the work report's paragraphs with a copy button, and a draft checked figure by figure. */
export function ReportSection({
  json,
  settings,
  resultLang,
  lang,
  t,
  summary,
  onSelectCell,
}: ReportSectionProps): React.JSX.Element {
  const styles = useStyles();
  // The run wrote its narrative in the workbook's language; the pane shows the pane's.
  const narrative: NarrativeJson = React.useMemo(
    () =>
      resultLang === lang ? json.narrative : narrativeJson(buildNarrative(json, settings, lang)),
    [json, settings, resultLang, lang]
  );
  const paragraphsRef = React.useRef<HTMLDivElement>(null);
  const [copyStatus, setCopyStatus] = React.useState<"copied" | "selected" | null>(null);
  const [draft, setDraft] = React.useState("");
  const [checked, setChecked] = React.useState<string | null>(null);
  const [emptyDraft, setEmptyDraft] = React.useState(false);

  const copy = (): void => {
    const text = reportText(narrative);
    const selectText = (): void => {
      const el = paragraphsRef.current;
      const selection = window.getSelection();
      if (el && selection) selection.selectAllChildren(el);
      setCopyStatus("selected");
    };
    setCopyStatus(null);
    if (!navigator.clipboard?.writeText) {
      selectText();
      return;
    }
    navigator.clipboard.writeText(text).then(() => setCopyStatus("copied"), selectText);
  };

  const check = (): void => {
    const empty = draft.trim() === "";
    setEmptyDraft(empty);
    setChecked(empty ? null : draft);
  };

  return (
    <section className={styles.root} aria-labelledby="report-heading" data-testid="report">
      <h3 className={styles.heading} id="report-heading">
        {t("report.title")}
      </h3>
      <p className={styles.muted}>{t("report.intro")}</p>
      {narrative.paragraphs.length > 0 ? (
        <div className={styles.paragraphs} ref={paragraphsRef} data-testid="report-paragraphs">
          {narrative.paragraphs.map((p) => (
            <p
              key={p.key}
              className={styles.paragraph}
              data-testid="report-paragraph"
              data-key={p.key}
            >
              {p.text}
            </p>
          ))}
        </div>
      ) : (
        <p className={styles.muted}>{t("report.empty")}</p>
      )}
      {narrative.omitted.length > 0 && (
        <ul className={styles.list} data-testid="report-omitted">
          {narrative.omitted.map((o) => (
            <li key={o.key}>{t("report.omitted", { message: o.message })}</li>
          ))}
        </ul>
      )}
      {narrative.paragraphs.length > 0 && (
        <div className={styles.actions}>
          <Button
            icon={<Copy20Regular />}
            onClick={copy}
            aria-label={t("report.copyLabel")}
            data-testid="report-copy"
          >
            {t("report.copy")}
          </Button>
          <span role="status" className={styles.status} data-testid="report-copy-status">
            {copyStatus === "copied"
              ? t("report.copied")
              : copyStatus === "selected"
                ? t("report.selected")
                : ""}
          </span>
        </div>
      )}

      <h4 className={styles.subheading} id="report-check-heading">
        {t("report.checkTitle")}
      </h4>
      <Field
        label={t("report.draftLabel")}
        hint={t("report.draftHint")}
        validationMessage={emptyDraft ? t("report.checkEmpty") : null}
      >
        <Textarea
          value={draft}
          onChange={(_, data) => {
            setDraft(data.value);
            if (emptyDraft) setEmptyDraft(false);
          }}
          resize="vertical"
          rows={6}
          data-testid="report-draft"
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={check} data-testid="report-check">
          {t("report.check")}
        </Button>
      </div>
      {checked !== null && (
        <DraftCheck
          draft={checked}
          json={json}
          settings={settings}
          lang={lang}
          t={t}
          summary={summary}
          onSelectCell={onSelectCell}
        />
      )}
    </section>
  );
}

interface DraftCheckProps {
  readonly draft: string;
  readonly json: RecalcJson;
  readonly settings: ReportCheckSettings;
  readonly lang: Lang;
  readonly t: Translate;
  readonly summary: OutputSheet | undefined;
  readonly onSelectCell: ((sheet: string, cell: string) => void) | undefined;
}

/** The draft with every figure marked, the counts, and the draft's self-contradictions. */
function DraftCheck({
  draft,
  json,
  settings,
  lang,
  t,
  summary,
  onSelectCell,
}: DraftCheckProps): React.JSX.Element {
  const styles = useStyles();
  const items = React.useMemo(
    () => locateFigures(checkReport(draft, json, settings), summary),
    [draft, json, settings, summary]
  );
  const segments = markDraft(draft, items);
  const counts = countVerdicts(items);
  const self = selfChecks(items);
  return (
    <div className={styles.root} data-testid="report-checked">
      <span role="status" data-testid="report-counts">
        {t("report.counts", {
          total: formatCount(counts.total),
          agrees: formatCount(counts.agrees),
          contradicts: formatCount(counts.contradicts),
          notCheckable: formatCount(counts.notCheckable),
        })}
      </span>
      <h5 className={styles.subheading}>{t("report.markedTitle")}</h5>
      <p className={styles.draft} data-testid="report-marked">
        {segments.map((s, i) =>
          s.kind === "text" ? (
            <React.Fragment key={i}>{s.text}</React.Fragment>
          ) : (
            <FigureMark
              key={`f${s.check.start}`}
              check={s.check}
              lang={lang}
              t={t}
              onSelectCell={onSelectCell}
            />
          )
        )}
      </p>
      {self.length > 0 && (
        <>
          <h5 className={styles.subheading}>
            {t("report.selfTitle", { count: formatCount(self.length) })}
          </h5>
          <ul className={styles.list} data-testid="report-self">
            {self.map((s) => (
              <li key={`${s.kind}-${s.start}-${s.end}`} data-kind={s.kind}>
                <DismissCircle16Filled className={styles.icon} aria-hidden="true" />{" "}
                {t(selfCheckKey(s.kind), {
                  text: excerpt(s.text),
                  value: valueText(s.value, s.unit, lang),
                  computed: valueText(s.computed, s.unit, lang),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface FigureMarkProps {
  readonly check: FigureCheck;
  readonly lang: Lang;
  readonly t: Translate;
  readonly onSelectCell: ((sheet: string, cell: string) => void) | undefined;
}

/** A figure of the draft followed by its verdict: an icon and a word, and for a contradiction the value the records give. */
function FigureMark({ check, lang, t, onSelectCell }: FigureMarkProps): React.JSX.Element {
  const styles = useStyles();
  const Icon =
    check.verdict === "agrees"
      ? CheckmarkCircle16Filled
      : check.verdict === "contradicts"
        ? DismissCircle16Filled
        : QuestionCircle16Regular;
  const tone =
    check.verdict === "agrees"
      ? styles.agrees
      : check.verdict === "contradicts"
        ? styles.contradicts
        : styles.notCheckable;
  const records =
    check.verdict === "contradicts" && check.computed !== undefined && check.metric !== undefined
      ? t("report.records", {
          value: valueText(check.computed, check.unit, lang),
          metric: check.metric,
        })
      : "";
  const badge = (
    <span className={mergeClasses(styles.badge, tone)}>
      <Icon className={styles.icon} aria-hidden="true" />
      {`${t(verdictKey(check.verdict))}${records}`}
      {check.verdict === "contradicts" && check.cell !== undefined && (
        <span className={styles.cellRef}>{cellText(check.cell)}</span>
      )}
    </span>
  );
  const { cell } = check;
  return (
    <span data-testid="report-mark" data-verdict={check.verdict}>
      <span className={styles.figure}>{check.text}</span>
      {check.verdict === "contradicts" && cell !== undefined && onSelectCell !== undefined ? (
        <button
          type="button"
          className={styles.toCell}
          title={t("report.showCell", { cell: cellText(cell) })}
          onClick={() => onSelectCell(cell.sheet, cell.cell)}
          data-testid="report-to-cell"
          data-cell={cellText(cell)}
        >
          {badge}
        </button>
      ) : (
        badge
      )}
    </span>
  );
}
