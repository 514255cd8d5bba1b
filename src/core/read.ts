/**
 * Reading the cells of one data row by field (SPEC §2): each reader returns the typed value or
 * null, and reports the cell's problem. A failed required cell is an error; a failed optional
 * cell is a warning and reads as blank (formula errors, bad credit codes and negative amounts
 * are errors wherever they are).
 */
import {
  isBlankCell,
  plainBoolean,
  plainDate,
  plainId,
  plainMoneyText,
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
import { plainMemberType, readChamberType, readMemberType } from "./enums";
import type { FieldKey, FieldKeyByKind } from "./schema";
import { problem } from "./problems";
import { PROBLEM_CODES } from "./problems/codes";
import { checkUscc, plainUsccHash } from "./uscc";
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
  SheetGrid,
  SheetKind,
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
 * The hash (plainUsccHash) of the cell when it is a valid credit code as written, which checkUscc
 * would accept unchanged; else 0, and checkUscc decides. A digit and "E" first is left to
 * checkUscc, which may read it as a number in exponent form.
 */
function plainUscc(cell: RawCell): number {
  return typeof cell === "string" && cell.charCodeAt(1) !== 0x45 ? plainUsccHash(cell) : 0;
}

/** The mobile numbers, as numbers: 11 digits starting 13 to 19 (isPlainMobile). */
const MOBILE_MIN = 13_000_000_000;
const MOBILE_MAX = 19_999_999_999;

/**
 * A field of a sheet as the readers use it: its key (for problems and messages), its column and
 * whether it is required. Made once a sheet by `fieldsOf`, so that reading a cell is an array load
 * rather than a lookup by key (this runs for every cell of a million-row sheet).
 */
export interface Field<K extends FieldKey = FieldKey> {
  readonly key: K;
  /** 0-based index into a grid row, or -1 when the sheet has no such column. */
  readonly column: number;
  readonly required: boolean;
}

/**
 * The named fields of a detected sheet. A key its kind does not have does not compile; one that
 * slips through a cast throws (a bug).
 */
export function fieldsOf<Kind extends SheetKind, K extends FieldKeyByKind<Kind>>(
  sheet: DetectedSheet<Kind>,
  keys: readonly K[]
): Readonly<Record<K, Field<K>>> {
  const fields = {} as Record<K, Field<K>>;
  for (const key of keys) {
    const def = sheet.def.fields.find((f) => f.key === key);
    if (def === undefined) throw new Error(`unknown field ${key} of ${sheet.def.kind}`);
    fields[key] = { key, column: sheet.columns.get(key) ?? -1, required: def.required };
  }
  return fields;
}

/**
 * Reads the fields of one row at a time from a detected sheet, counting the row's errors. `Kind`
 * is the sheet's kind, which types the keys `field` takes.
 */
export class RowReader<Kind extends SheetKind = SheetKind> {
  private index = 0;
  private row: ReadonlyArray<RawCell> = [];
  /** Errors reported on the current row. */
  errors = 0;
  /** hashText of the code the last `uscc` read returned, when it was worked out, else 0. */
  usccHash = 0;
  private readonly rows: SheetGrid["rows"];
  /** The worksheet row of grid row 0. */
  private readonly top: number;
  /** The grid columns that hold the data (see DetectedSheet.dataColumns). */
  private readonly from: number;
  private readonly to: number;

  constructor(
    readonly sheet: DetectedSheet<Kind>,
    readonly ctx: ReadContext
  ) {
    this.rows = sheet.grid.rows;
    this.top = worksheetRow(sheet.grid, 0);
    [this.from, this.to] = sheet.dataColumns;
  }

  /** A field of this sheet (see fieldsOf). */
  field<K extends FieldKeyByKind<Kind>>(key: K): Field<K> {
    return fieldsOf(this.sheet, [key])[key];
  }

  /** Moves to grid row `index`; returns false when the row is completely empty (skipped silently). */
  start(index: number): boolean {
    const row = this.rows[index];
    this.index = index;
    this.errors = 0;
    if (!row) return false;
    const end = Math.min(this.to, row.length);
    for (let c = this.from; c < end; c++) {
      if (!isBlankCell(row[c])) {
        this.row = row;
        return true;
      }
    }
    return false;
  }

  /** The worksheet row number of the current row. */
  get rowNumber(): number {
    return this.top + this.index;
  }

  get sheetName(): string {
    return this.sheet.grid.name;
  }

  cell(f: Field): RawCell {
    return f.column < 0 ? null : this.row[f.column];
  }

  /** Column letter and raw text of a field's cell on the current row. */
  locate(f: Field): { column: string | null; value: string | null } {
    if (f.column < 0) return { column: null, value: null };
    return {
      column: worksheetColumn(this.sheet.grid, f.column),
      value: rawText(this.row[f.column], this.ctx.system),
    };
  }

  /** Reports a problem on the current row at a field's cell, with its code's default severity. */
  report<C extends ProblemCode>(code: C, f: Field | null, params: ProblemParams[C]): void {
    this.reportAs(code, PROBLEM_CODES[code].severity, f, params);
  }

  /**
   * A problem whose severity SPEC makes depend on the column (a not-a-* in an optional column is a
   * warning): the one place a reader names a severity.
   */
  reportAs<C extends ProblemCode>(
    code: C,
    severity: Severity,
    f: Field | null,
    params: ProblemParams[C]
  ): void {
    const at = f === null ? { column: null, value: null } : this.locate(f);
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

  /** The cell of a field, or null when blank (reporting blank-required when required). */
  private present(f: Field, required: boolean): RawCell {
    const cell = this.cell(f);
    if (isBlankCell(cell)) {
      if (required) this.report("blank-required", f, { field: f.key });
      return null;
    }
    return cell;
  }

  /** Turns a failed read into a problem: errors for required cells, warnings for optional ones. */
  private fail(f: Field, required: boolean, read: CellRead<unknown>): null {
    if (read.ok) return null;
    const hard = required || read.code === "formula-error";
    const severity: Severity = hard ? "error" : "warning";
    const params = { field: f.key, ...(read.params ?? {}) };
    this.reportAs(read.code, severity, f, params as ProblemParams[typeof read.code]);
    return null;
  }

  private read<T>(f: Field, reader: (cell: RawCell) => CellRead<T>, required?: boolean): T | null {
    const req = required ?? f.required;
    const cell = this.present(f, req);
    if (cell === null) return null;
    const read = reader(cell);
    return read.ok ? read.value : this.fail(f, req, read);
  }

  // Each typed read below first tries the fast path for the cell's common shape (see cells.ts),
  // which returns exactly what the full reader would, without a result object per cell.

  text(f: Field, required?: boolean): string | null {
    return plainText(this.cell(f)) ?? this.read(f, readText, required);
  }

  id(f: Field): string | null {
    return plainId(this.cell(f)) ?? this.read(f, readId);
  }

  private readonly readDateCell = (cell: RawCell): CellRead<Day> => readDate(cell, this.ctx.system);

  date(f: Field): Day | null {
    return plainDate(this.cell(f), this.ctx.system) ?? this.read(f, this.readDateCell);
  }

  /** The field's cell is blank (or the sheet has no such column). */
  blank(f: Field): boolean {
    return isBlankCell(this.cell(f));
  }

  boolean(f: Field): boolean {
    return plainBoolean(this.cell(f)) ?? this.read(f, readBoolean) ?? false;
  }

  /** An integer ≥ 0. */
  count(f: Field): number | null {
    const plain = plainNumber(this.cell(f));
    const value = plain !== null && Number.isSafeInteger(plain) ? plain : this.read(f, readInteger);
    if (value !== null && value < 0) {
      this.reportAs("not-an-integer", f.required ? "error" : "warning", f, {
        field: f.key,
        min: 0,
      });
      return null;
    }
    return value;
  }

  /** Money ≥ 0 in yuan; below zero is `negative-amount`, an error. */
  money(f: Field): number | null {
    const cell = this.cell(f);
    const value =
      plainNumber(cell) ??
      (typeof cell === "string" ? plainMoneyText(cell) : null) ??
      this.read(f, readNumber);
    if (value !== null && value < 0) {
      this.report("negative-amount", f, { field: f.key });
      return null;
    }
    return value;
  }

  year(f: Field, min: number, max: number): number | null {
    const plain = plainNumber(this.cell(f));
    const value =
      plain !== null && Number.isInteger(plain) && plain >= 0 ? plain : this.read(f, readYear);
    if (value !== null && (value < min || value > max)) {
      const severity = f.required ? "error" : "warning";
      this.reportAs("not-a-year", severity, f, { field: f.key, min, max });
      return null;
    }
    return value;
  }

  chamberType(f: Field): ChamberType | null {
    return this.read(f, readChamberType);
  }

  memberType(f: Field): MemberType | null {
    return plainMemberType(this.cell(f)) ?? this.read(f, readMemberType);
  }

  /**
   * A credit code: a bad one is an error even in an optional column. Sets `usccHash` to the
   * code's hashText when it was worked out on the way (else 0).
   */
  uscc(f: Field): string | null {
    const cell = this.cell(f);
    const hash = plainUscc(cell);
    this.usccHash = hash;
    if (hash !== 0) return cell as string;
    const present = this.present(f, false);
    if (present === null) return null;
    const read = checkUscc(present);
    if (read.ok) return read.value;
    if (read.code === "formula-error") {
      this.report("formula-error", f, { field: f.key });
    } else {
      this.report("bad-uscc", f, read.params);
    }
    return null;
  }

  /** A phone: kept as read; a number that is no phone is a warning. */
  phone(f: Field): string | null {
    const value = this.phoneValue(f);
    return typeof value === "number" ? String(value) : value;
  }

  /**
   * A phone as `phone` reads it, except that a mobile number typed as a number (13000000000 …
   * 19999999999) is returned as that number, whose digits (String) are what `phone` returns:
   * a column of phones need not make a string of each.
   */
  phoneValue(f: Field): string | number | null {
    const cell = this.cell(f);
    if (typeof cell === "number" && cell >= MOBILE_MIN && cell <= MOBILE_MAX) {
      if (Number.isInteger(cell)) return cell;
    }
    const plain = plainId(cell);
    if (plain !== null) {
      // readPhone keeps such a text as it is.
      if (!isPhoneNumber(plain)) this.report("bad-phone", f, {});
      return plain;
    }
    const present = this.present(f, false);
    if (present === null) return null;
    if (typeof present === "number" && Number.isSafeInteger(present) && present >= 0) {
      // A number typed into the column: readPhone would read it as its digits (numberText).
      const digits = String(present);
      if (!isPhoneNumber(digits)) this.report("bad-phone", f, {});
      return digits;
    }
    const read = readPhone(present);
    if (!read.ok) {
      this.report("formula-error", f, { field: f.key });
      return null;
    }
    if (!read.valid) this.report("bad-phone", f, {});
    return read.value;
  }

  /** A website: kept as written (it counts as "has a website"); one that is no URL is a warning. */
  url(f: Field): string | null {
    const text = this.text(f, false);
    if (text !== null && !isUrl(text)) this.report("bad-url", f, {});
    return text;
  }

  /** A date not after today, the day of the recalculation. */
  pastDate(f: Field, severity: Severity): Day | null {
    const day = this.date(f);
    if (day !== null && day > this.ctx.today) {
      this.reportAs("date-in-future", severity, f, { field: f.key, today: this.ctx.todayIso });
      return severity === "error" ? null : day;
    }
    return day;
  }
}
