import * as React from "react";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { SettingsValues } from "../adapters/office/host";
import type { MessageKey, Translate } from "./i18n";
import {
  parseSettings,
  settingsToText,
  SETTINGS_FIELDS,
  type SettingsErrors,
  type SettingsField,
  type SettingsText,
} from "./settings-form";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  status: { fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteGreenForeground1 },
});

const inputType: Record<SettingsField, "date" | "number"> = {
  asOf: "date",
  baseYear: "number",
  coverageTarget: "number",
  duesIncomeThreshold: "number",
};

export interface SettingsFormProps {
  readonly t: Translate;
  /** The values stored in the workbook, or null while they are being read. */
  readonly stored: SettingsValues | null;
  /** What the defaults resolve to for blank fields (shown as hints). */
  readonly defaults: Readonly<Record<SettingsField, string>>;
  readonly disabled: boolean;
  /** Saves the values; resolves to false when saving failed (the caller shows why). */
  readonly onSave: (values: SettingsValues) => Promise<boolean>;
}

/** The four settings of the 设置 sheet, editable without touching cells by hand. */
export function SettingsForm({
  t,
  stored,
  defaults,
  disabled,
  onSave,
}: SettingsFormProps): React.JSX.Element {
  const styles = useStyles();
  const empty: SettingsText = {
    asOf: "",
    baseYear: "",
    coverageTarget: "",
    duesIncomeThreshold: "",
  };
  const [text, setText] = React.useState<SettingsText>(stored ? settingsToText(stored) : empty);
  const [errors, setErrors] = React.useState<SettingsErrors>({});
  const [state, setState] = React.useState<"idle" | "saving" | "saved">("idle");

  React.useEffect(() => {
    if (stored) setText(settingsToText(stored));
  }, [stored]);

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    const parsed = parseSettings(text);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setState("saving");
    const saved = await onSave(parsed.values);
    setState(saved ? "saved" : "idle");
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void submit(e)}
      data-testid="settings-form"
      noValidate
    >
      <p className={styles.intro}>{t("settingsIntro")}</p>
      {SETTINGS_FIELDS.map((field) => {
        const error: MessageKey | undefined = errors[field];
        return (
          <Field
            key={field}
            label={t(`setting.${field}`)}
            hint={t("settingDefault", { value: defaults[field] })}
            validationState={error ? "error" : "none"}
            {...(error ? { validationMessage: t(error) } : {})}
          >
            <Input
              type={inputType[field]}
              value={text[field]}
              disabled={disabled}
              name={field}
              data-testid={`setting-${field}`}
              onChange={(_, data) => {
                setText({ ...text, [field]: data.value });
                setState("idle");
              }}
            />
          </Field>
        );
      })}
      <Button type="submit" appearance="secondary" disabled={disabled || state === "saving"}>
        {state === "saving" ? t("settingsSaving") : t("settingsSave")}
      </Button>
      <span role="status" className={styles.status}>
        {state === "saved" ? t("settingsSaved") : ""}
      </span>
    </form>
  );
}
