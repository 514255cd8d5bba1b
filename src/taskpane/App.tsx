import * as React from "react";
import { Button, FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import type {
  HostRun,
  RunProgress,
  SettingsValues,
  WorkbookChange,
  WorkbookHost,
} from "../adapters/office/host";
import type { Lang } from "../core/types";
import { ErrorMessage } from "./ErrorMessage";
import { formatMoney, translator, type MessageKey } from "./i18n";
import { RecalcButton } from "./RecalcButton";
import { Results, type Staleness } from "./Results";
import { SettingsForm } from "./SettingsForm";
import { PANE_THEMES, usePaneTheme } from "./theme";
import {
  compareRuns,
  parseStoredRun,
  storedRunOf,
  storedRunXml,
  type RunComparison,
  type StoredRun,
} from "./last-run";
import { Comparison, LastRun } from "./PreviousRun";
import { RemoveOutputs } from "./RemoveOutputs";

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    maxWidth: "100%",
    boxSizing: "border-box",
    overflowWrap: "anywhere",
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  details: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  summary: {
    cursor: "pointer",
    fontWeight: tokens.fontWeightSemibold,
    marginBottom: tokens.spacingVerticalS,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  status: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  readonly host: WorkbookHost;
  readonly initialLang: Lang;
  /** Today's date (YYYY-MM-DD) by the local clock; a parameter so that tests can fix it. */
  readonly today: () => string;
  /** Called when the user switches language (the page updates its `lang` attribute). */
  readonly onLangChange?: (lang: Lang) => void;
}

/** User Timing marks (recalc:start, recalc:reading, …, recalc:end, recalc:shown), for profiling. */
function mark(name: string): void {
  performance.mark(name);
}

interface ShownError {
  readonly title: MessageKey;
  readonly error: unknown;
}

/** The task pane: one Recalculate button, the results of the last run, and the settings. */
export function App({ host, initialLang, today, onLangChange }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const themeName = usePaneTheme();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const t = React.useMemo(() => translator(lang), [lang]);
  const [running, setRunning] = React.useState(false);
  const runningRef = React.useRef(false);
  const [progress, setProgress] = React.useState<RunProgress | null>(null);
  const [run, setRun] = React.useState<HostRun | null>(null);
  const [runCount, setRunCount] = React.useState(0);
  const [seconds, setSeconds] = React.useState<string | null>(null);
  const [error, setError] = React.useState<ShownError | null>(null);
  const [stored, setStored] = React.useState<SettingsValues | null>(null);
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const errorRef = React.useRef<HTMLDivElement>(null);
  const [stale, setStale] = React.useState<Staleness | null>(null);
  // The last run's record kept in the workbook: shown until a run, then compared with it.
  const [restored, setRestored] = React.useState<StoredRun | null>(null);
  const [comparison, setComparison] = React.useState<{
    readonly previous: StoredRun;
    readonly result: RunComparison;
  } | null>(null);
  const previousRef = React.useRef<StoredRun | null>(null);

  React.useEffect(() => {
    if (!host.readLastRun) return;
    let live = true;
    host.readLastRun().then(
      (xml) => {
        const record = xml === null ? null : parseStoredRun(xml);
        if (!live || !record || previousRef.current) return;
        previousRef.current = record;
        setRestored(record);
      },
      () => undefined // without a record the pane simply has nothing to compare with
    );
    return () => {
      live = false;
    };
  }, [host]);
  const runRef = React.useRef<HostRun | null>(null);
  runRef.current = run;

  // A cell edited after a run makes its figures stale, unless the edit is in a sheet the run wrote
  // (the add-in's own writes, where Excel does not mark them as such, or a user's edit of an
  // output sheet, which the next run overwrites anyway).
  React.useEffect(() => {
    if (!host.watchChanges) return;
    let live = true;
    let stop: (() => Promise<void>) | null = null;
    const onChange = (change: WorkbookChange): void => {
      const last = runRef.current;
      if (!live || !last || runningRef.current) return;
      if (change.sheet !== null && last.written.some((w) => w.name === change.sheet)) return;
      setStale({ kind: "data", sheet: change.sheet, address: change.address });
    };
    host.watchChanges(onChange).then(
      (unwatch) => {
        if (live) stop = unwatch;
        else void unwatch?.();
      },
      () => undefined // without change events the pane simply cannot tell; nothing to show
    );
    return () => {
      live = false;
      void stop?.();
    };
  }, [host]);

  React.useEffect(() => {
    let live = true;
    host.readSettings().then(
      (values) => live && setStored(values),
      (e: unknown) => live && setError({ title: "error.settingsTitle", error: e })
    );
    return () => {
      live = false;
    };
  }, [host]);

  // After a run, focus goes to the results (or to the error), so keyboard and screen reader
  // users land on what changed.
  React.useEffect(() => {
    if (runCount === 0) return;
    mark("recalc:shown");
    if (error) errorRef.current?.focus();
    else headingRef.current?.focus();
  }, [runCount, error]);

  const recalculate = React.useCallback(async (): Promise<void> => {
    if (runningRef.current) return; // a second click never starts a second run
    runningRef.current = true;
    setRunning(true);
    setError(null);
    setProgress({ stage: "reading", fraction: 0 });
    const started = performance.now();
    mark("recalc:start");
    let stage: RunProgress["stage"] | null = null;
    const onProgress = (p: RunProgress): void => {
      if (p.stage !== stage) mark(`recalc:${p.stage}`);
      stage = p.stage;
      setProgress(p);
    };
    try {
      const result = await host.recalculate({ today: today() }, onProgress);
      mark("recalc:end");
      setRun(result);
      setStale(null);
      setRemovedCount(null);
      const record = storedRunOf(
        result.result.json,
        result.result.problems,
        new Date().toISOString()
      );
      const previous = previousRef.current;
      setComparison(previous ? { previous, result: compareRuns(previous, record) } : null);
      setRestored(null);
      previousRef.current = record;
      // Keeping the record is a convenience: the run has succeeded whether or not Excel keeps it.
      await host.writeLastRun?.(storedRunXml(record)).catch(() => false);
      setSeconds(((performance.now() - started) / 1000).toFixed(2));
    } catch (e) {
      setError({ title: "error.title", error: e });
      setSeconds(null);
    } finally {
      runningRef.current = false;
      setRunning(false);
      setProgress(null);
      setRunCount((n) => n + 1);
    }
  }, [host, today]);

  const saveSettings = React.useCallback(
    async (values: SettingsValues): Promise<boolean> => {
      try {
        await host.saveSettings(values);
        setStored(values);
        if (runRef.current) setStale({ kind: "settings" });
        return true;
      } catch (e) {
        setError({ title: "error.settingsTitle", error: e });
        return false;
      }
    },
    [host]
  );

  const selectCell = React.useCallback(
    (sheet: string, cell: string) => {
      host
        .selectCell(sheet, cell)
        .catch((e: unknown) => setError({ title: "error.title", error: e }));
    },
    [host]
  );
  const activateSheet = React.useCallback(
    (name: string) => {
      host.activateSheet(name).catch((e: unknown) => setError({ title: "error.title", error: e }));
    },
    [host]
  );

  const [removedCount, setRemovedCount] = React.useState<number | null>(null);
  const { ownedOutputSheets, removeOutputSheets } = host;
  const removeOutputs =
    ownedOutputSheets && removeOutputSheets ? (
      <RemoveOutputs
        t={t}
        disabled={running}
        listOwned={() => ownedOutputSheets.call(host)}
        remove={() => removeOutputSheets.call(host)}
        onRemoved={(names) => {
          // the figures stay; the links to the sheets go with the sheets
          setRun((r) => r && { ...r, written: [] });
          setRemovedCount(names.length);
        }}
        onError={(e: unknown) => setError({ title: "error.title", error: e })}
      />
    ) : undefined;

  const switchLang = (): void => {
    const next: Lang = lang === "zh" ? "en" : "zh";
    setLang(next);
    onLangChange?.(next);
  };

  return (
    <FluentProvider
      theme={PANE_THEMES[themeName]}
      className={styles.provider}
      data-theme={themeName}
      lang={lang === "zh" ? "zh-CN" : "en"}
    >
      <main className={styles.root} data-testid="taskpane" data-lang={lang}>
        <header className={styles.header}>
          <h1 className={styles.title}>{t("appTitle")}</h1>
          <Button
            appearance="subtle"
            size="small"
            onClick={switchLang}
            aria-label={`${t("languageLabel")}: ${t("switchTo")}`}
            lang={lang === "zh" ? "en" : "zh-CN"}
            data-testid="lang-switch"
          >
            {t("switchTo")}
          </Button>
        </header>
        <RecalcButton
          t={t}
          running={running}
          progress={progress}
          onClick={() => void recalculate()}
        />
        <span role="status" className={styles.status} data-testid="run-status">
          {removedCount !== null
            ? t("remove.done", { count: removedCount })
            : !running && seconds !== null
              ? t("finished", { seconds })
              : ""}
        </span>
        {error && (
          <ErrorMessage
            t={t}
            lang={lang}
            title={error.title}
            error={error.error}
            focusRef={errorRef}
          />
        )}
        {!run && restored && <LastRun run={restored} lang={lang} t={t} />}
        {run && comparison && (
          <Comparison
            comparison={comparison.result}
            previous={comparison.previous}
            lang={lang}
            t={t}
          />
        )}
        {run && (
          <Results
            run={run}
            lang={lang}
            t={t}
            headingRef={headingRef}
            stale={running ? null : stale}
            onSelectCell={selectCell}
            onActivateSheet={activateSheet}
            removeOutputs={removeOutputs}
          />
        )}
        <details className={styles.details} data-testid="settings">
          <summary className={styles.summary}>{t("settingsTitle")}</summary>
          <SettingsForm
            t={t}
            stored={stored}
            disabled={running}
            onSave={saveSettings}
            defaults={{
              asOf: t("default.asOf"),
              baseYear: t("default.baseYear"),
              coverageTarget: "10",
              duesIncomeThreshold: formatMoney(500000),
            }}
          />
        </details>
      </main>
    </FluentProvider>
  );
}
