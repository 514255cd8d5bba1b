/**
 * 校验结果 / Problems: one row a problem under a frozen, filtered header — severity, the
 * problem's title in the workbook's language, the cell ("会员!G1168", linked to it), the value,
 * the message (wrapped) and the code in a narrow last column — each row filled by its severity.
 * Built for a million rows: cells that repeat (severity, title, code, empty cells, unlinked sheet
 * names) are shared objects, and each row allocates only what differs.
 *
 * Links: to the problem's cell when its row and column are known; to column A of its row when only
 * the row is; to A1 of its sheet otherwise. No link for a workbook-level problem (no sheet) or a
 * missing sheet (there is nothing to go to).
 */
import { cellAddress } from "../a1";
import type {
  CellStyle,
  Lang,
  OutputCell,
  OutputSheet,
  Problem,
  ProblemCode,
  Severity,
} from "../types";
import { columnWidths, EXCEL_MAX_ROWS, groupedText, header, note, type Row } from "./cells";
import { REPORT_LABELS } from "./labels";

export interface ProblemsInput {
  readonly lang: Lang;
  readonly problems: readonly Problem[];
  readonly name: string;
}

/** Widths are measured on the first rows only; later rows rarely differ and Excel caps anyway. */
const WIDTH_SAMPLE_ROWS = 5_000;

/** The message column's widest width: longer messages wrap onto more lines. */
const MESSAGE_WIDTH = 50;
/** The columns: severity, title, cell, value, message, code. */
const MESSAGE_COLUMN = 4;
const COLUMNS = 6;

/**
 * @param maxRows the worksheet's row limit, header included (Excel's by default; tests pass a
 *   small one). When the problems do not fit, the last row says how many were left out.
 */
export function buildProblemsSheet(
  input: ProblemsInput,
  maxRows: number = EXCEL_MAX_ROWS
): OutputSheet {
  const l = REPORT_LABELS[input.lang];
  const problems = input.problems;
  const rows: Row[] = [l.problems.headers.map(header)];
  let listed = 0;
  if (problems.length === 0) {
    rows.push([note(l.problems.none)]);
  } else {
    const room = maxRows - 1;
    listed = problems.length <= room ? problems.length : room - 1;
    const cells = new SharedCells(l.severity, l.codeTitle);
    for (let i = 0; i < listed; i++) rows.push(cells.row(problems[i] as Problem));
    if (listed < problems.length) {
      rows.push([note(l.problems.more(problems.length - listed, groupedText(maxRows)))]);
    }
  }
  const widths = columnWidths(rows, {
    min: 6,
    max: 80,
    columnMax: { [MESSAGE_COLUMN]: MESSAGE_WIDTH },
    sampleRows: WIDTH_SAMPLE_ROWS,
  });
  return {
    key: "problems",
    name: input.name,
    rows,
    columnWidths: widths,
    freezeRows: 1,
    charts: [],
    ...(listed > 0 ? { autoFilter: `A1:${cellAddress(COLUMNS, listed + 1)}` } : {}),
  };
}

/** How the cells of one severity's rows look. */
interface RowLooks {
  readonly severity: OutputCell;
  readonly cell: CellStyle;
  readonly text: CellStyle;
  readonly empty: OutputCell;
}

/** Cells that many rows share, made once. */
class SharedCells {
  private readonly looks: Readonly<Record<Severity, RowLooks>>;
  /** The shared cells by style, then by text (no key built per row: a row takes two). */
  private readonly shared = new Map<CellStyle, Map<string, OutputCell>>();

  constructor(
    words: Readonly<Record<Severity, string>>,
    private readonly titles: Readonly<Record<ProblemCode, string>>
  ) {
    this.looks = {
      error: {
        severity: { v: words.error, style: "error" },
        cell: "errorRow",
        text: "errorRowText",
        empty: { v: null, style: "errorRow" },
      },
      warning: {
        severity: { v: words.warning, style: "warning" },
        cell: "warningRow",
        text: "warningRowText",
        empty: { v: null, style: "warningRow" },
      },
    };
  }

  row(p: Problem): Row {
    const looks = this.looks[p.severity];
    return [
      looks.severity,
      this.once(looks.cell, this.titles[p.code]),
      this.cellOf(p, looks),
      p.value === null ? looks.empty : { v: p.value, style: looks.cell },
      { v: p.message, style: looks.text },
      this.once(looks.cell, p.code),
    ];
  }

  /** "会员!G1168" linked to that cell; "会员!9:9" for a whole row; the sheet's name alone else. */
  private cellOf(p: Problem, looks: RowLooks): OutputCell {
    if (p.sheet === "") return looks.empty;
    if (p.code === "missing-sheet") return this.once(looks.cell, p.sheet);
    if (p.row === null)
      return { v: p.sheet, style: looks.cell, link: { sheet: p.sheet, cell: "A1" } };
    const shown = p.column === null ? `${p.row}:${p.row}` : `${p.column}${p.row}`;
    return {
      v: `${p.sheet}!${shown}`,
      style: looks.cell,
      link: { sheet: p.sheet, cell: `${p.column ?? "A"}${p.row}` },
    };
  }

  private once(style: CellStyle, v: string): OutputCell {
    let byText = this.shared.get(style);
    if (byText === undefined) {
      byText = new Map();
      this.shared.set(style, byText);
    }
    let cell = byText.get(v);
    if (cell === undefined) {
      cell = { v, style };
      byText.set(v, cell);
    }
    return cell;
  }
}
