import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Translate } from "./i18n";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalL },
});

export interface RemoveOutputsProps {
  readonly t: Translate;
  readonly disabled: boolean;
  /** The output sheets the add-in owns now (read when the dialog opens). */
  readonly listOwned: () => Promise<string[]>;
  /** Deletes them; resolves with the names deleted. */
  readonly remove: () => Promise<string[]>;
  readonly onRemoved: (names: readonly string[]) => void;
  readonly onError: (error: unknown) => void;
}

/**
 * "Remove output sheets": asks first, naming the sheets, since Excel's undo does not reach what an
 * add-in writes; only the sheets the add-in owns are deleted.
 */
export function RemoveOutputs({
  t,
  disabled,
  listOwned,
  remove,
  onRemoved,
  onError,
}: RemoveOutputsProps): React.JSX.Element {
  const styles = useStyles();
  const [owned, setOwned] = React.useState<string[] | null>(null);
  const [busy, setBusy] = React.useState(false);

  const ask = (): void => {
    listOwned().then(setOwned, onError);
  };
  const confirm = (): void => {
    setBusy(true);
    remove()
      .then(onRemoved, onError)
      .finally(() => {
        setBusy(false);
        setOwned(null);
      });
  };

  return (
    <>
      <Button
        appearance="secondary"
        size="small"
        disabled={disabled}
        onClick={ask}
        data-testid="remove-outputs"
      >
        {t("remove.button")}
      </Button>
      <Dialog
        open={owned !== null}
        modalType="alert"
        onOpenChange={(_, data) => {
          if (!data.open) setOwned(null);
        }}
      >
        <DialogSurface data-testid="remove-dialog">
          <DialogBody>
            <DialogTitle>{t("remove.title")}</DialogTitle>
            <DialogContent>
              {owned !== null && owned.length === 0 ? (
                t("remove.none")
              ) : (
                <>
                  {t("remove.intro")}
                  <ul className={styles.list} data-testid="remove-list">
                    {(owned ?? []).map((name) => (
                      <li key={name}>{name}</li>
                    ))}
                  </ul>
                  {t("remove.noUndo")}
                </>
              )}
            </DialogContent>
            <DialogActions>
              {owned !== null && owned.length > 0 && (
                <Button
                  appearance="primary"
                  disabled={busy}
                  onClick={confirm}
                  data-testid="remove-confirm"
                >
                  {t("remove.confirm")}
                </Button>
              )}
              <Button
                appearance="secondary"
                onClick={() => setOwned(null)}
                data-testid="remove-cancel"
              >
                {t("remove.cancel")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
