/**
 * Streams one worksheet part into rows of RawCell. The part's bytes are fed in chunks as they
 * come out of the zip and read in one pass by the XML scanner (./xml-scan), so a sheet of a
 * million rows never sits in memory as one string, and any well-formed serialisation of the
 * sheet (prefixes, quotes, references, CDATA, comments, UTF-16...) reads the same.
 *
 * Elements are known by namespace and local name: SpreadsheetML's, transitional or Strict.
 * `<row>` is read in `<sheetData>`, `<c>` in `<row>`, `<v>` and `<is>` in `<c>`; elements of
 * other namespaces (extensions, markup compatibility) are skipped with everything inside them.
 */
import type { DateSystem, ErrorCell, RawCell } from "../../core/types";
import { isoDateTimeToSerial } from "./dates";
import { STRICT, TRANSITIONAL } from "./namespaces";
import { decodeOoxmlEscapes } from "./xml";
import { ByteSink, NO_NAMESPACE, StringInterner, XmlScanner, type XmlHandler } from "./xml-scan";

export interface SheetReadContext {
  readonly sharedStrings: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly dateSystem: DateSystem;
}

// What an open element is to the reader. OTHER: nothing (and neither is anything inside it).
const DOCUMENT = 0;
const OTHER = 1;
const ROOT = 2;
const SHEET_DATA = 3;
const ROW = 4;
const CELL = 5;
const VALUE = 6;
const INLINE = 7;
const RUN = 8;
const TEXT = 9;

// The cell types of `t=`; any other value reads as a number, as Excel does.
const TYPE_NUMBER = 0;
const TYPE_SHARED = 1;
const TYPE_STR = 2;
const TYPE_BOOLEAN = 3;
const TYPE_ERROR = 4;
const TYPE_DATE = 5;
const TYPE_INLINE = 6;

/** 10^k, exact as doubles up to 10^22. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Accumulates rows; feed it the worksheet part's bytes in chunks, then call finish(). Throws
 * XmlSyntaxError when the part is not well-formed XML.
 */
export class SheetRowsBuilder implements XmlHandler {
  readonly rows: (RawCell[] | undefined)[] = [];
  /** Last row of the sheet's `<dimension>`, when the sheet declares one (for progress). */
  declaredLastRow: number | null = null;
  lastRowSeen = 0;

  private readonly scanner = new XmlScanner(this);
  private readonly transitional = this.scanner.namespaceId(TRANSITIONAL.main);
  private readonly strict = this.scanner.namespaceId(STRICT.main);
  private readonly names = {
    sheetData: this.scanner.localId("sheetData"),
    dimension: this.scanner.localId("dimension"),
    row: this.scanner.localId("row"),
    c: this.scanner.localId("c"),
    v: this.scanner.localId("v"),
    is: this.scanner.localId("is"),
    r: this.scanner.localId("r"),
    t: this.scanner.localId("t"),
    s: this.scanner.localId("s"),
    ref: this.scanner.localId("ref"),
  };
  private readonly text = new ByteSink();
  private readonly strings = new StringInterner(decodeOoxmlEscapes);
  /** Kinds of the open elements' parents; `kind` is the innermost open element's. */
  private readonly kinds: number[] = [];
  private kind = DOCUMENT;

  private rowNumber = 0;
  private cells: RawCell[] | undefined;
  private column = 0;
  private cellType = TYPE_NUMBER;
  private cellStyle = 0;
  /** Whether the cell has had its `<v>` (for t="inlineStr": its `<is>`). */
  private cellHasValue = false;

  constructor(private readonly context: SheetReadContext) {}

  feed(chunk: Uint8Array): void {
    this.scanner.feed(chunk);
  }

  finish(): void {
    this.scanner.finish();
  }

  /** @internal the scanner's event */
  startElement(namespace: number, local: number): void {
    const parent = this.kind;
    let kind = OTHER;
    if (parent !== OTHER && (namespace === this.transitional || namespace === this.strict)) {
      const names = this.names;
      switch (parent) {
        case DOCUMENT:
          kind = ROOT;
          break;
        case ROOT:
          if (local === names.sheetData) kind = SHEET_DATA;
          else if (local === names.dimension) this.readDimension();
          break;
        case SHEET_DATA:
          if (local === names.row) {
            kind = ROW;
            this.startRow();
          }
          break;
        case ROW:
          if (local === names.c) {
            kind = CELL;
            this.startCell();
          }
          break;
        case CELL:
          if (this.cellHasValue) break;
          if (this.cellType === TYPE_INLINE ? local === names.is : local === names.v) {
            kind = this.cellType === TYPE_INLINE ? INLINE : VALUE;
            this.cellHasValue = true;
          }
          break;
        case INLINE:
        case RUN:
          // the text of <t> and of rich-text runs' <t>; phonetic runs (<rPh>) are left out
          if (local === names.t) kind = TEXT;
          else if (local === names.r && parent === INLINE) kind = RUN;
          break;
      }
    }
    this.kinds.push(parent);
    this.kind = kind;
    this.scanner.textSink = kind === VALUE || kind === TEXT ? this.text : null;
  }

  /** @internal the scanner's event */
  endElement(): void {
    const kind = this.kind;
    if (kind === CELL) this.endCell();
    else if (kind === ROW) this.endRow();
    const parent = this.kinds.pop() ?? DOCUMENT;
    this.kind = parent;
    this.scanner.textSink = parent === VALUE || parent === TEXT ? this.text : null;
  }

  private readDimension(): void {
    const scanner = this.scanner;
    const k = scanner.findAttribute(NO_NAMESPACE, this.names.ref);
    if (k < 0) return;
    const bytes = scanner.attributeBytes(k);
    const start = scanner.attributeStart(k);
    const end = scanner.attributeEnd(k);
    let first = end;
    while (first > start && isDigit(bytes[first - 1]!)) first--;
    this.declaredLastRow = first < end ? parseInt(bytes.toString("latin1", first, end), 10) : null;
  }

  private startRow(): void {
    const scanner = this.scanner;
    const k = scanner.findAttribute(NO_NAMESPACE, this.names.r);
    let rowNumber = this.lastRowSeen + 1;
    if (k >= 0) {
      const n = integerAttribute(scanner, k);
      // a row number that is not one (r="", r="0") continues from the row before, like no r=
      if (n >= 1) rowNumber = n;
    }
    this.rowNumber = rowNumber;
    this.lastRowSeen = rowNumber;
    this.cells = undefined;
    this.column = 0;
  }

  private endRow(): void {
    // a copy is exactly as long as the row: the array grown cell by cell keeps ~50% spare slots
    if (this.cells) this.rows[this.rowNumber - 1] = this.cells.slice();
    this.cells = undefined;
  }

  private startCell(): void {
    const scanner = this.scanner;
    const names = this.names;
    let column = this.column + 1;
    let style = 0;
    let type = TYPE_NUMBER;
    for (let k = 0; k < scanner.attributeCount; k++) {
      if (scanner.attributeNamespace(k) !== NO_NAMESPACE) continue;
      const local = scanner.attributeLocal(k);
      if (local === names.r) {
        const letters = columnOfReference(scanner, k);
        if (letters > 0) column = letters;
      } else if (local === names.s) {
        style = integerAttribute(scanner, k);
      } else if (local === names.t) {
        type = cellType(scanner, k);
      }
    }
    this.column = column;
    this.cellStyle = style;
    this.cellType = type;
    this.cellHasValue = false;
    this.text.clear();
  }

  private endCell(): void {
    if (!this.cellHasValue) return;
    const value = this.cellValue();
    if (value === null || value === undefined) return;
    this.cells ??= [];
    this.cells[this.column - 1] = value;
  }

  /** The value of the cell just read, from its type, style and text (of `<v>` or `<is>`). */
  private cellValue(): RawCell {
    const text = this.text;
    switch (this.cellType) {
      case TYPE_INLINE:
      case TYPE_STR:
        return this.strings.of(text);
      case TYPE_SHARED: {
        const index = integerOf(text);
        return (
          this.context.sharedStrings[Number.isNaN(index) ? parseInt(text.text(), 10) : index] ??
          null
        );
      }
      case TYPE_BOOLEAN: {
        const v = text.text().trim();
        return v === "1" || v.toLowerCase() === "true";
      }
      case TYPE_ERROR:
        return errorCell(text.text());
      case TYPE_DATE: {
        const v = text.text();
        const serial = isoDateTimeToSerial(v, this.context.dateSystem);
        return serial === null ? v : { kind: "date", serial };
      }
      default: {
        let number = decimalOf(text);
        if (Number.isNaN(number)) {
          const v = text.text();
          if (v.trim() === "") return null;
          number = Number(v);
          if (!Number.isFinite(number)) return null;
        }
        return this.context.dateStyles[this.cellStyle] === true
          ? { kind: "date", serial: number }
          : number;
      }
    }
  }
}

function errorCell(text: string): ErrorCell {
  return { kind: "error", error: text.trim() };
}

function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

/**
 * The number a sink's text spells when it is a plain decimal (`-`? digits, `.`, digits; at most
 * 15 digits), else NaN. Exact: at most 15 digits are an exact double, and so is 10^k, and one
 * division of two exact doubles rounds correctly, as Number() of the text does.
 */
function decimalOf(sink: ByteSink): number {
  const bytes = sink.buffer;
  const n = sink.length;
  let k = 0;
  const negative = n > 0 && bytes[0] === 0x2d;
  if (negative) k = 1;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; k < n; k++) {
    const b = bytes[k]!;
    if (isDigit(b)) {
      mantissa = mantissa * 10 + (b - 0x30);
      digits++;
    } else if (b === 0x2e && fraction < 0) {
      fraction = digits;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15) return NaN;
  const value = fraction < 0 ? mantissa : mantissa / POWERS_OF_TEN[digits - fraction]!;
  return negative ? -value : value;
}

/** The whole number a sink's text spells when it is 1 to 15 ASCII digits, else NaN. */
function integerOf(sink: ByteSink): number {
  return digitsOf(sink.buffer, 0, sink.length);
}

function digitsOf(bytes: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 15) return NaN;
  let value = 0;
  for (let k = start; k < end; k++) {
    const b = bytes[k]!;
    if (!isDigit(b)) return NaN;
    value = value * 10 + (b - 0x30);
  }
  return value;
}

/** parseInt(value, 10) of an attribute: plain digits straight from the bytes. */
function integerAttribute(scanner: XmlScanner, k: number): number {
  const bytes = scanner.attributeBytes(k);
  const start = scanner.attributeStart(k);
  const end = scanner.attributeEnd(k);
  const value = digitsOf(bytes, start, end);
  return Number.isNaN(value) ? parseInt(bytes.toString("utf8", start, end), 10) : value;
}

/** The column of a cell reference (`$`? letters, e.g. "AB12", "$C$3"), or 0 without letters. */
function columnOfReference(scanner: XmlScanner, k: number): number {
  const bytes = scanner.attributeBytes(k);
  const end = scanner.attributeEnd(k);
  let at = scanner.attributeStart(k);
  if (at < end && bytes[at] === 0x24) at++;
  let column = 0;
  for (; at < end; at++) {
    const b = bytes[at]! | 0x20;
    if (b < 0x61 || b > 0x7a) break;
    column = column * 26 + (b - 0x60);
  }
  return column;
}

/** The cell type a `t=` value names (exactly, as Excel writes them); a number otherwise. */
function cellType(scanner: XmlScanner, k: number): number {
  const bytes = scanner.attributeBytes(k);
  const start = scanner.attributeStart(k);
  const n = scanner.attributeEnd(k) - start;
  const first = bytes[start];
  if (n === 1) {
    if (first === 0x73) return TYPE_SHARED; // s
    if (first === 0x62) return TYPE_BOOLEAN; // b
    if (first === 0x65) return TYPE_ERROR; // e
    if (first === 0x64) return TYPE_DATE; // d
    return TYPE_NUMBER;
  }
  const name = n === 3 ? "str" : n === 9 ? "inlineStr" : null;
  if (name === null) return TYPE_NUMBER;
  for (let m = 0; m < n; m++) if (bytes[start + m] !== name.charCodeAt(m)) return TYPE_NUMBER;
  return n === 3 ? TYPE_STR : TYPE_INLINE;
}
