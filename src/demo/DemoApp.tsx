import * as React from "react";
import type { GridSource } from "./gridSource";
import { SheetView } from "./SheetView";

export interface DemoAppProps {
  readonly source: GridSource;
}

function useVersion(source: GridSource): number {
  const [version, setVersion] = React.useState(0);
  // A transition: the task pane's own rendering of the results goes first, the grid follows.
  React.useEffect(
    () => source.subscribe(() => React.startTransition(() => setVersion((v) => v + 1))),
    [source]
  );
  return version;
}

/** The demo's "Excel": sheet tabs, a name box showing the selection, and the active sheet's grid. */
export function DemoApp({ source }: DemoAppProps): React.JSX.Element {
  const version = useVersion(source);
  const names = source.sheetNames();
  const active = source.activeSheet();
  const selection = source.selection();
  // Only the active sheet's cells are looked at; `version` changes after every workbook change.
  const shown = names.includes(active) ? active : (names[0] ?? "");
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the workbook's contents
  const sheet = React.useMemo(() => source.sheet(shown), [source, shown, version]);
  return (
    <div className="workbook">
      <div className="formula-bar">
        <output className="name-box" data-testid="name-box" aria-label="Selection">
          {selection ? `${selection.sheet}!${selection.address}` : ""}
        </output>
        <span className="caption">sample-district.xlsx · in-browser fake of Excel</span>
      </div>
      {sheet ? (
        <SheetView
          sheet={sheet}
          selection={selection}
          version={version}
          onSelect={(address) => source.select(sheet.name, address)}
        />
      ) : (
        <p>The workbook has no sheets.</p>
      )}
      <div className="tabs" role="tablist" aria-label="Sheets">
        {names.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            className="tab"
            aria-selected={name === sheet?.name}
            data-testid={`tab-${name}`}
            onClick={() => source.activate(name)}
          >
            {name}
          </button>
        ))}
      </div>
    </div>
  );
}
