import * as React from "react";
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
} from "@fluentui/react-components";
import { localDetail } from "../adapters/office/host-details";
import { describeFailure } from "../adapters/office/host-messages";
import type { Lang, Problem } from "../core/types";
import { hostErrorKey, type MessageKey, type Translate } from "./i18n";
import { structureText } from "./structure";

const useStyles = makeStyles({
  body: { overflowWrap: "anywhere" },
  detail: { display: "block", marginTop: "4px", opacity: 0.8 },
});

export interface ErrorMessageProps {
  readonly t: Translate;
  /** The pane's language: the detail line is put in it (host-details.ts). */
  readonly lang: Lang;
  readonly title: MessageKey;
  readonly error: unknown;
  readonly focusRef?: React.Ref<HTMLDivElement>;
}

/** An error from Excel (or anything else) as a message that says what to do next. */
export function ErrorMessage({
  t,
  lang,
  title,
  error,
  focusRef,
}: ErrorMessageProps): React.JSX.Element {
  const styles = useStyles();
  const { advice, detail } = describeError(error);
  const shown = localDetail(detail, lang);
  return (
    <div ref={focusRef} tabIndex={-1} data-testid="error">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody className={styles.body}>
          <MessageBarTitle>{t(title)}</MessageBarTitle>
          {t(advice)}
          {shown.text !== "" && (
            <span className={styles.detail} data-testid="error-detail">
              {t(shown.frame === "detail" ? "error.detail" : "error.detailRaw", {
                detail: shown.text,
              })}
            </span>
          )}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}

/** The advice and detail of adapters/office/host-messages.ts, as the pane's message keys. */
function describeError(error: unknown): { advice: MessageKey; detail: string } {
  const { advice, detail } = describeFailure(error);
  return { advice: advice === "unexpected" ? "error.unexpected" : hostErrorKey(advice), detail };
}

export interface StructureMessageProps {
  readonly t: Translate;
  readonly lang: Lang;
  readonly problems: readonly Problem[];
}

/** When the 会员 sheet is missing or unreadable there are no figures: say why and what to do. */
export function StructureMessage({ t, lang, problems }: StructureMessageProps): React.JSX.Element {
  const styles = useStyles();
  const text = structureText(t, lang, problems);
  return (
    <MessageBar intent="error" layout="multiline" data-testid="structure-error">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{t("structure.title")}</MessageBarTitle>
        {text}
      </MessageBarBody>
    </MessageBar>
  );
}
