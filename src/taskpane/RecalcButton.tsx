import * as React from "react";
import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowSync20Regular } from "@fluentui/react-icons";
import type { RunProgress } from "../adapters/office/host";
import { stageKey, type Translate } from "./i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  button: { width: "100%" },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface RecalcButtonProps {
  readonly t: Translate;
  readonly running: boolean;
  readonly progress: RunProgress | null;
  readonly onClick: () => void;
}

/** The one obvious button, and while it runs a determinate progress bar naming the stage. */
export function RecalcButton({
  t,
  running,
  progress,
  onClick,
}: RecalcButtonProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Button
        appearance="primary"
        size="large"
        className={styles.button}
        icon={<ArrowSync20Regular />}
        disabled={running}
        disabledFocusable={running}
        onClick={onClick}
        data-testid="recalc"
      >
        {running ? t("running") : t("recalc")}
      </Button>
      {running ? (
        <Field
          label={t("progressLabel")}
          validationMessage={progress ? t(stageKey(progress.stage)) : t("stage.reading")}
          validationState="none"
          data-testid="progress"
        >
          <ProgressBar value={progress?.fraction ?? 0} max={1} thickness="large" />
        </Field>
      ) : (
        <span className={styles.hint}>{t("recalcHint")}</span>
      )}
    </div>
  );
}
