/**
 * Reading the cells of one data row by field (SPEC §2): each reader returns the typed value or
 * null, and reports the cell's problem. A failed required cell is an error; a failed optional
 * cell is a warning and reads as blank (formula errors, bad credit codes and negative amounts
 * are errors wherever they are).
 */
import {
  isBlankCell,
  plainDate,
  plainId,
  plainNumber,
  plainText,
  rawText,
  readBoolean,
  readDate,
  readId,
  readInteger,
  readNumber,
  readPhone,
  readText,
  readYear,
  type CellRead,
} from "./cells";
import { isPhoneNumber, isUrl } from "./contact";
import type { DetectedSheet } from "./detect";
import { worksheetColumn, worksheetRow } from "./detect";
import { readChamberType, readMemberType } from "./enums";
import { problem } from "./problems";
import { checkUscc, isPlainUscc } from "./uscc";
import type {
  ChamberType,
  DateSystem,
  Day,
  MemberType,
  ProblemCode,
  ProblemDraft,
  ProblemParams,
  RawCell,
  Severity,
} from "./types";

export interface ReadContext {
  readonly system: DateSystem;
  /** The day of the recalculation. */
  readonly today: Day;
  readonly todayIso: string;
  /** Where problems go. */
  readonly problems: ProblemDraft[];
}

/**
 * The cell itself when it is a valid credit code as written, which checkUscc would accept
 * unchanged; else null, and checkUscc decides. A digit and "E" first is left to checkUscc, which
 * may read it as a number in exponent form.
 */
function plainUscc(cell: RawCell): string | null {
  return typeof cell === "string" && cell.charAt(1) !== "E" && isPlainUscc(cell) ? cell : null;
}

/** Reads the fields of one row at a time from a detected sheet, counting the row's errors. */
export class RowReader {
  private index = 0;
  private row: ReadonlyArray<RawCell> = [];
  /** Errors reported on the current row. */
  errors = 0;
  /**
   * Field key → column index (-1 when absent) and whether it is required: plain objects with one
   * property a field, built in the schema's order, so that reading a field by a literal key is a
   * property load rather than a map lookup (this runs for every cell of a million-row sheet).
   */
  private readonly columnOf: Record<string, number> = {};
  private readonly requiredOf: Record<string, boolean> = {};

  constructor(
    readonly sheet: DetectedSheet,
    readonly ctx: ReadContext
  ) {
    for (const f of sheet.def.fields) {
      this.columnOf[f.key] = sheet.columns.get(f.key) ?? -1;
      this.requiredOf[f.key] = f.required;
    }
  }

  /** Moves to grid row `index`; returns false when the row is completely empty (skipped silently). */
  start(index: number): boolean {
    const row = this.sheet.grid.rows[index];
    this.index = index;
    this.errors = 0;
    if (!row) return false;
    const [from, to] = this.sheet.columnRange;
    const end = Math.min(to, row.length);
    for (let c = from; c < end; c++) {
      if (!isBlankCell(row[c])) {
        this.row = row;
        return true;
      }
    }
    return false;
  }

  /** The worksheet row number of the current row. */
  get rowNumber(): number {
    return worksheetRow(this.sheet.grid, this.index);
  }

  get sheetName(): string {
    return this.sheet.grid.name;
  }

  cell(key: string): RawCell {
    const c = this.columnOf[key];
    return c === undefined || c < 0 ? null : this.row[c];
  }

  /** Column letter and raw text of a field's cell on the current row. */
  locate(key: string): { column: string | null; value: string | null } {
    const c = this.sheet.columns.get(key);
    if (c === undefined) return { column: null, value: null };
    return {
      column: worksheetColumn(this.sheet.grid, c),
      value: rawText(this.row[c], this.ctx.system),
    };
  }

  /** Reports a problem on the current row at a field's cell. */
  report<C extends ProblemCode>(
    code: C,
    severity: Severity,
    key: string | null,
    params: ProblemParams[C]
  ): void {
    const at = key === null ? { column: null, value: null } : this.locate(key);
    this.ctx.problems.push(
      problem(code, severity, {
        kind: this.sheet.def.kind,
        sheet: this.sheetName,
        row: this.rowNumber,
        column: at.column,
        value: at.value,
        params,
      })
    );
    if (severity === "error") this.errors++;
  }

  private required(key: string): boolean {
    const required = this.requiredOf[key];
    if (required === undefined) throw new Error(`unknown field ${key} of ${this.sheet.def.kind}`);
    return required;
  }

  /** The cell of a field, or null when blank (reporting blank-required when required). */
  private present(key: string, required: boolean): RawCell {
    const cell = this.cell(key);
    if (isBlankCell(cell)) {
      if (required) this.report("blank-required", "error", key, { field: key });
      return null;
    }
    return cell;
  }

  /** Turns a failed read into a problem: errors for required cells, warnings for optional ones. */
  private fail(key: string, required: boolean, read: CellRead<unknown>): null {
    if (read.ok) return null;
    const hard = required || read.code === "formula-error";
    const severity: Severity = hard ? "error" : "warning";
    const params = { field: key, ...(read.params ?? {}) };
    this.report(read.code, severity, key, params as ProblemParams[typeof read.code]);
    return null;
  }

  private read<T>(
    key: string,
    reader: (cell: RawCell) => CellRead<T>,
    required?: boolean
  ): T | null {
    const req = required ?? this.required(key);
    const cell = this.present(key, req);
    if (cell === null) return null;
    const read = reader(cell);
    return read.ok ? read.value : this.fail(key, req, read);
  }

  // Each typed read below first tries the fast path for the cell's common shape (see cells.ts),
  // which returns exactly what the full reader would, without a result object per cell.

  text(key: string, required?: boolean): string | null {
    return plainText(this.cell(key)) ?? this.read(key, readText, required);
  }

  id(key: string): string | null {
    return plainId(this.cell(key)) ?? this.read(key, readId);
  }

  private readonly readDateCell = (cell: RawCell): CellRead<Day> => readDate(cell, this.ctx.system);

  date(key: string): Day | null {
    return plainDate(this.cell(key), this.ctx.system) ?? this.read(key, this.readDateCell);
  }

  /** The field's cell is blank (or the sheet has no such column). */
  blank(key: string): boolean {
    return isBlankCell(this.cell(key));
  }

  boolean(key: string): boolean {
    const cell = this.cell(key);
    if (typeof cell === "boolean") return cell;
    return this.read(key, readBoolean) ?? false;
  }

  /** An integer ≥ 0. */
  count(key: string): number | null {
    const plain = plainNumber(this.cell(key));
    const value =
      plain !== null && Number.isSafeInteger(plain) ? plain : this.read(key, readInteger);
    if (value !== null && value < 0) {
      const required = this.required(key);
      this.report("not-an-integer", required ? "error" : "warning", key, { field: key, min: 0 });
      return null;
    }
    return value;
  }

  /** Money ≥ 0 in yuan; below zero is `negative-amount`, an error. */
  money(key: string): number | null {
    const value = plainNumber(this.cell(key)) ?? this.read(key, readNumber);
    if (value !== null && value < 0) {
      this.report("negative-amount", "error", key, { field: key });
      return null;
    }
    return value;
  }

  year(key: string, min: number, max: number): number | null {
    const plain = plainNumber(this.cell(key));
    const value =
      plain !== null && Number.isInteger(plain) && plain >= 0 ? plain : this.read(key, readYear);
    if (value !== null && (value < min || value > max)) {
      const required = this.required(key);
      this.report("not-a-year", required ? "error" : "warning", key, { field: key, min, max });
      return null;
    }
    return value;
  }

  chamberType(key: string): ChamberType | null {
    return this.read(key, readChamberType);
  }

  memberType(key: string): MemberType | null {
    return this.read(key, readMemberType);
  }

  /** A credit code: a bad one is an error even in an optional column. */
  uscc(key: string): string | null {
    const plain = plainUscc(this.cell(key));
    if (plain !== null) return plain;
    const cell = this.present(key, false);
    if (cell === null) return null;
    const read = checkUscc(cell);
    if (read.ok) return read.value;
    if (read.code === "formula-error") {
      this.report("formula-error", "error", key, { field: key });
    } else {
      this.report("bad-uscc", "error", key, read.params);
    }
    return null;
  }

  /** A phone: kept as read; a number that is no phone is a warning. */
  phone(key: string): string | null {
    const plain = plainId(this.cell(key));
    if (plain !== null) {
      // readPhone keeps such a text as it is.
      if (!isPhoneNumber(plain)) this.report("bad-phone", "warning", key, {});
      return plain;
    }
    const cell = this.present(key, false);
    if (cell === null) return null;
    if (typeof cell === "number" && Number.isSafeInteger(cell) && cell >= 0) {
      // A number typed into the column: readPhone would read it as its digits (numberText).
      const digits = String(cell);
      if (!isPhoneNumber(digits)) this.report("bad-phone", "warning", key, {});
      return digits;
    }
    const read = readPhone(cell);
    if (!read.ok) {
      this.report("formula-error", "error", key, { field: key });
      return null;
    }
    if (!read.valid) this.report("bad-phone", "warning", key, {});
    return read.value;
  }

  /** A website: kept as written (it counts as "has a website"); one that is no URL is a warning. */
  url(key: string): string | null {
    const text = this.text(key, false);
    if (text !== null && !isUrl(text)) this.report("bad-url", "warning", key, {});
    return text;
  }

  /** A date not after today, the day of the recalculation. */
  pastDate(key: string, severity: Severity): Day | null {
    const day = this.date(key);
    if (day !== null && day > this.ctx.today) {
      this.report("date-in-future", severity, key, { field: key, today: this.ctx.todayIso });
      return severity === "error" ? null : day;
    }
    return day;
  }
}
