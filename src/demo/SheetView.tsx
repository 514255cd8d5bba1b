import * as React from "react";
import { columnLetters } from "../core/a1";
import { parseAddress, type GridSelection, type GridSheet } from "./gridSource";

const ROW_HEIGHT = 22;
const ROW_HEAD_WIDTH = 48;
const COLUMN_WIDTH = 110;
const OVERSCAN = 8;

export interface SheetViewProps {
  readonly sheet: GridSheet;
  readonly selection: GridSelection | null;
  /** Bumped on every workbook change so that the view re-reads the cells. */
  readonly version: number;
  readonly onSelect: (address: string) => void;
}

/**
 * A plain, windowed grid: only the rows in view are in the DOM, so a sheet of thousands of rows
 * stays quick. The selected cell is outlined and scrolled into view.
 */
export function SheetView({
  sheet,
  selection,
  version,
  onSelect,
}: SheetViewProps): React.JSX.Element {
  const scroller = React.useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = React.useState(0);
  const [height, setHeight] = React.useState(600);
  const selected =
    selection && selection.sheet === sheet.name ? parseAddress(selection.address) : null;
  const rowCount = Math.max(sheet.rowCount, 30);
  const columnCount = Math.max(sheet.columnCount, 8);

  React.useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Bring the selected cell into view when the selection or the sheet changes (top when the
  // selection is elsewhere).
  const selectedRow = selected?.row ?? null;
  React.useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (selectedRow === null) {
      el.scrollTop = 0;
      return;
    }
    const top = selectedRow * ROW_HEIGHT; // the header row takes the first ROW_HEIGHT
    if (top < el.scrollTop + ROW_HEIGHT || top + ROW_HEIGHT > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, top - el.clientHeight / 2);
    }
    setScrollTop(el.scrollTop);
  }, [selectedRow, sheet.name]);

  const first = Math.max(1, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const width = ROW_HEAD_WIDTH + columnCount * COLUMN_WIDTH;
  const columns = Array.from({ length: columnCount }, (_, i) => i + 1);
  const rows: React.JSX.Element[] = [];
  for (let r = first; r <= last; r++) {
    rows.push(
      <tr key={r} style={{ top: (r - 1) * ROW_HEIGHT }} className="row">
        <th className="rowhead" scope="row">
          {r}
        </th>
        {columns.map((c) => {
          const isSelected = selected !== null && selected.row === r && selected.column === c;
          const address = `${columnLetters(c)}${r}`;
          return (
            <td
              key={c}
              className={isSelected ? "cell selected" : "cell"}
              data-address={address}
              {...(isSelected ? { "data-testid": "selected-cell" } : {})}
              onClick={() => onSelect(address)}
            >
              {sheet.text(r, c)}
            </td>
          );
        })}
      </tr>
    );
  }

  return (
    <div
      className="scroller"
      ref={scroller}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      data-testid="sheet-view"
      data-sheet={sheet.name}
      data-version={version}
    >
      <table className="grid" style={{ width }} aria-label={sheet.name}>
        <thead>
          <tr className="row header">
            <th className="corner" />
            {columns.map((c) => (
              <th key={c} scope="col" className="colhead">
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody style={{ height: rowCount * ROW_HEIGHT, width }}>{rows}</tbody>
      </table>
    </div>
  );
}
