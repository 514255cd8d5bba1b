/**
 * 校验结果 / Problems: one row a problem under a frozen header, the 工作表 cell linked to the
 * problem's cell. Built for a million rows: cells that repeat (severity, code, column letter,
 * unlinked sheet name) are shared objects, and each row allocates only what differs.
 *
 * Links: to the problem's cell when its row and column are known; to column A of its row when only
 * the row is; to A1 of its sheet otherwise. No link for a workbook-level problem (no sheet) or a
 * missing sheet (there is nothing to go to).
 */
import type { Lang, OutputCell, OutputSheet, Problem, Severity } from "../types";
import { columnWidths, EXCEL_MAX_ROWS, groupedText, header, note, type Row } from "./cells";
import { REPORT_LABELS } from "./labels";

export interface ProblemsInput {
  readonly lang: Lang;
  readonly problems: readonly Problem[];
  readonly name: string;
}

/** Widths are measured on the first rows only; later rows rarely differ and Excel caps anyway. */
const WIDTH_SAMPLE_ROWS = 5_000;

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
  if (problems.length === 0) {
    rows.push([note(l.problems.none)]);
  } else {
    const room = maxRows - 1;
    const listed = problems.length <= room ? problems.length : room - 1;
    const cells = new SharedCells(l.severity);
    for (let i = 0; i < listed; i++) rows.push(cells.row(problems[i] as Problem));
    if (listed < problems.length) {
      rows.push([note(l.problems.more(problems.length - listed, groupedText(maxRows)))]);
    }
  }
  return {
    key: "problems",
    name: input.name,
    rows,
    columnWidths: columnWidths(rows, { min: 6, max: 80, sampleRows: WIDTH_SAMPLE_ROWS }),
    freezeRows: 1,
    charts: [],
  };
}

/** Cells that many rows share, made once. */
class SharedCells {
  private readonly severity: Readonly<Record<Severity, OutputCell>>;
  private readonly codes = new Map<string, OutputCell>();
  private readonly columns = new Map<string, OutputCell>();
  private readonly sheets = new Map<string, OutputCell>();

  constructor(words: Readonly<Record<Severity, string>>) {
    this.severity = {
      error: { v: words.error, style: "error" },
      warning: { v: words.warning, style: "warning" },
    };
  }

  row(p: Problem): Row {
    return [
      this.severity[p.severity],
      shared(this.codes, p.code),
      this.sheetCell(p),
      p.row === null ? null : { v: p.row },
      p.column === null ? null : shared(this.columns, p.column),
      p.value === null ? null : { v: p.value },
      { v: p.message },
    ];
  }

  private sheetCell(p: Problem): OutputCell | null {
    if (p.sheet === "") return null;
    if (p.code === "missing-sheet") return shared(this.sheets, p.sheet);
    const cell = p.row === null ? "A1" : `${p.column ?? "A"}${p.row}`;
    return { v: p.sheet, link: { sheet: p.sheet, cell } };
  }
}

function shared(cache: Map<string, OutputCell>, v: string): OutputCell {
  let cell = cache.get(v);
  if (cell === undefined) {
    cell = { v };
    cache.set(v, cell);
  }
  return cell;
}
