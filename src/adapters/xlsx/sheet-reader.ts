/**
 * Streams one worksheet part into rows of RawCell. The part's bytes are fed in chunks as they
 * come out of the zip and read in one pass by the XML scanner (./xml-scan), so a sheet of a
 * million rows never sits in memory as one string, and any well-formed serialisation of the
 * sheet (prefixes, quotes, references, CDATA, comments, UTF-16...) reads the same.
 *
 * Elements are known by namespace and local name: SpreadsheetML's, transitional or Strict.
 * `<row>` is read in `<sheetData>`, `<c>` in `<row>`, `<v>` and `<is>` in `<c>`; elements of
 * other namespaces (extensions, markup compatibility) are skipped with everything inside them.
 *
 * Cells as producers write them (`<c r="B7" s="3" t="s"><v>12</v></c>`,
 * `<c r="A2" t="inlineStr"><is><t>&#20013;&#25991;</t></is></c>`) are read by a fast path
 * (readChild) straight from the bytes, in one function and without the scanner's events; it takes
 * only a strict subset of the syntax and leaves everything else to the scanner. Both paths end in
 * the same cellValue, so a cell reads the same whichever path read it.
 */
import { Buffer } from "node:buffer";
import { MAX_COLUMN } from "../../core/a1";
import type { DateCell, DateSystem, ErrorCell, RawCell } from "../../core/types";
import { isoDateTimeToSerial } from "./dates";
import { STRICT, TRANSITIONAL } from "./namespaces";
import { decodeOoxmlEscapes } from "./xml";
import {
  ATTRIBUTE_SAFE,
  ByteSink,
  KnownAttributes,
  NO_NAMESPACE,
  StringCache,
  FastText,
  TEXT_NOT_ASCII,
  TEXT_SAFE,
  TEXT_UNDERSCORE,
  WHITESPACE,
  XmlScanner,
  bytesAt,
  endTagAt,
  plainTextElementAt,
  type ChildReader,
  type XmlHandler,
} from "./xml-scan";

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

/**
 * Whole date serials below this share one DateCell each (up to 2173-10-14 in the 1900 system):
 * a sheet's dates repeat (a join date, a paid date), and a cell object made once instead of per
 * cell is memory the garbage collector never has to copy. DateCell is read-only, so sharing it is
 * invisible to its readers.
 */
const SHARED_DATE_SERIALS = 100_000;

/**
 * Columns up to this one (1-based) have their texts' use of the text cache watched: a column whose
 * texts are seldom found there (IDs, names, credit codes: each one new) stops paying for lookups
 * that miss (a hash, a comparison, a copy of the bytes, and the new string put in the cache's
 * long-lived array, one more pointer from old to young objects for the collector to track) and
 * decodes its texts straight away, looking up one text in TEXT_SAMPLE to notice when they start
 * to repeat. The openpyxl workbook's read stage: 5.34 -> 5.05 s at a full sheet, 0.78 -> 0.76 s
 * at 100k (interleaved pairs).
 */
const WATCHED_COLUMNS = 64;
/** How many texts of a column are counted before it is decided whether the cache serves it. */
const TEXT_WINDOW = 1024;
/** While a column does without the cache, one text in this many is still looked up there. */
const TEXT_SAMPLE = 32;

/** 10^k, exact as doubles up to 10^22. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const DQUOTE = 0x22;

/** ` xml:space="preserve"`, the one attribute the fast path takes on `<t>`. */

/** The bytes of `prefix` followed by `local`. */
function qualified(prefix: Uint8Array, local: string): Uint8Array {
  const bytes = new Uint8Array(prefix.length + local.length);
  bytes.set(prefix);
  for (let k = 0; k < local.length; k++) bytes[prefix.length + k] = local.charCodeAt(k);
  return bytes;
}

function sameName(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && bytesAt(a, 0, a.length, b) === a.length;
}

/** What a row's attribute is to the fast path: its number, or nothing. */
const ROW_NUMBER = 1;

/**
 * Accumulates rows; feed it the worksheet part's bytes in chunks, then call finish(). Throws
 * XmlSyntaxError when the part is not well-formed XML.
 */
export class SheetRowsBuilder implements XmlHandler, ChildReader {
  readonly rows: (RawCell[] | undefined)[] = [];
  /** Last row of the sheet's `<dimension>`, when the sheet declares one (for progress). */
  declaredLastRow: number | null = null;
  lastRowSeen = 0;
  /** @internal how many rows and cells the fast paths read (for tests). */
  readonly fastReads = { rows: 0, cells: 0 };
  /** @internal how many texts were looked up in the text cache, how many decoded without it. */
  readonly textReads = { looked: 0, uncached: 0 };

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
  private readonly fastText = new FastText();
  /** Texts by their bytes (decoded: references, line ends), shared by both paths. */
  private readonly strings = new StringCache(textValue);
  /** Kinds of the open elements' parents; `kind` is the innermost open element's. */
  private readonly kinds: number[] = [];
  private kind = DOCUMENT;

  private rowNumber = 0;
  /**
   * The row's cells so far, or null before its first value. The array is made as long as the
   * last row was, and cut to the row's width at its end: allocated once, with no spare slots left
   * (an array grown cell by cell keeps about half as many again).
   */
  private cells: RawCell[] | null = null;
  /** The row's width so far: its last column with a value. */
  private rowWidth = 0;
  /** The width of the last row with values. */
  private lastWidth = 0;
  private column = 0;
  private cellType = TYPE_NUMBER;
  private cellStyle = 0;
  /** Whether the cell has had its `<v>` (for t="inlineStr": its `<is>`). */
  private cellHasValue = false;

  // The fast path's names: those of the last cell the scanner read (`c`, or `x:c` and so on),
  // valid while the scanner's namespace bindings are what they were then.
  private cellName: Uint8Array | null = null;
  private valueName: Uint8Array = new Uint8Array(0);
  private inlineName: Uint8Array = new Uint8Array(0);
  private textName: Uint8Array = new Uint8Array(0);
  private fastBindings = -1;
  /** The value readValue and readInline read. */
  private fastValue: RawCell = null;
  // And of the last row the scanner read, with the attributes its rows have had.
  private rowName: Uint8Array | null = null;
  private readonly rowAttributes = new KnownAttributes();
  /** The DateCell of each whole serial read so far (SHARED_DATE_SERIALS). */
  private dateCells: (DateCell | undefined)[] | null = null;
  // For each watched column (WATCHED_COLUMNS): its texts so far in this window, how many of them
  // were looked up in the cache and found there, and whether it does without the cache (1).
  private readonly textsSeen = new Int32Array(WATCHED_COLUMNS + 1);
  private readonly textsLooked = new Int32Array(WATCHED_COLUMNS + 1);
  private readonly textsFound = new Int32Array(WATCHED_COLUMNS + 1);
  private readonly textsUncached = new Uint8Array(WATCHED_COLUMNS + 1);

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
    this.enter(kind);
  }

  /** @internal the scanner's event */
  endElement(): void {
    const kind = this.kind;
    if (kind === CELL) this.endCell();
    else if (kind === ROW) this.endRow();
    this.enter(this.kinds.pop() ?? DOCUMENT);
  }

  /** Makes `kind` the current element's: where its text goes, and the fast path in a row. */
  private enter(kind: number): void {
    this.kind = kind;
    const scanner = this.scanner;
    scanner.textSink = kind === VALUE || kind === TEXT ? this.text : null;
    scanner.childReader = kind === ROW || kind === SHEET_DATA ? this : null;
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
      const n = integerAttribute(
        scanner.attributeBytes(k),
        scanner.attributeStart(k),
        scanner.attributeEnd(k)
      );
      // a row number that is not one (r="", r="0") continues from the row before, like no r=
      if (n >= 1) rowNumber = n;
    }
    this.rowNumber = rowNumber;
    this.lastRowSeen = rowNumber;
    this.cells = null;
    this.rowWidth = 0;
    this.column = 0;
    // the names for the fast path
    this.rowName = scanner.elementName();
    this.rowAttributes.learn(scanner, (m) =>
      scanner.attributeNamespace(m) === NO_NAMESPACE && scanner.attributeLocal(m) === this.names.r
        ? ROW_NUMBER
        : 0
    );
  }

  private endRow(): void {
    const cells = this.cells;
    if (cells !== null) {
      const width = this.rowWidth;
      if (cells.length > width) cells.length = width;
      this.rows[this.rowNumber - 1] = cells;
      this.lastWidth = width;
      this.cells = null;
    }
    this.rowWidth = 0;
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
      const bytes = scanner.attributeBytes(k);
      const start = scanner.attributeStart(k);
      const end = scanner.attributeEnd(k);
      if (local === names.r) {
        const letters = columnOfReference(bytes, start, end);
        if (letters > 0) column = letters;
      } else if (local === names.s) {
        style = integerAttribute(bytes, start, end);
      } else if (local === names.t) {
        type = cellTypeOf(bytes, start, end);
      }
    }
    this.column = column;
    this.cellStyle = style;
    this.cellType = type;
    this.cellHasValue = false;
    this.text.clear();
    this.learnNames();
  }

  /** Takes the names of the fast path from the cell the scanner has just started. */
  private learnNames(): void {
    const scanner = this.scanner;
    const name = scanner.elementName();
    const known = this.cellName;
    if (known !== null && this.fastBindings === scanner.bindings && sameName(known, name)) return;
    const prefix = name.subarray(0, name.length - 1); // `x:` of `x:c`, or nothing
    this.cellName = name;
    this.valueName = qualified(prefix, "v");
    this.inlineName = qualified(prefix, "is");
    this.textName = qualified(prefix, "t");
    this.fastBindings = scanner.bindings;
  }

  private endCell(): void {
    if (!this.cellHasValue) return;
    const text = this.text;
    const value = this.cellValue(
      this.cellType,
      this.cellStyle,
      this.column,
      text.buffer,
      0,
      text.length,
      (text.ascii ? 0 : TEXT_NOT_ASCII) | TEXT_UNDERSCORE
    );
    this.store(value);
  }

  /** Keeps the value of the cell just read (in this.column) for the row; blanks are not kept. */
  private store(value: RawCell): void {
    if (value === null || value === undefined) return;
    const column = this.column;
    const cells = (this.cells ??= new Array<RawCell>(this.lastWidth));
    cells[column - 1] = value;
    if (column > this.rowWidth) this.rowWidth = column;
  }

  /** @internal the scanner's fast path: a row in `<sheetData>`, a cell in a row. */
  readChild(d: Buffer, p: number, end: number): number {
    return this.kind === ROW ? this.readCell(d, p, end) : this.readRow(d, p, end);
  }

  /**
   * The fast path for a row in `<sheetData>`: `<row ATTRIBUTES/>`, or `<row ATTRIBUTES>` then
   * cells that readCell reads, with nothing but whitespace between them, then `</row>`. The name
   * (prefix and all) is the last row's the scanner read and ATTRIBUTES are attributes that rows
   * read by the scanner have had (rowAttributes), each at most once, `="` directly after its name
   * and its value plain ASCII, while the namespace bindings are unchanged. Anything else (a cell
   * readCell does not take, a comment...) returns -1 with nothing changed but the state of the
   * row being read (cells, column), which the scanner's startRow resets, and the scanner reads the
   * row.
   */
  private readRow(d: Buffer, p: number, end: number): number {
    const rowName = this.rowName;
    const known = this.rowAttributes;
    if (rowName === null || !known.valid(this.scanner)) return -1;
    let i = bytesAt(d, p + 1, end, rowName);
    if (i < 0) return -1;
    let rowNumber = this.lastRowSeen + 1;
    let seen = 0;
    for (let n = 0; ; n++) {
      if (i >= end) return -1;
      let b = d[i]!;
      if (b === GT || b === SLASH) break;
      if (WHITESPACE[b] !== 1) return -1;
      do {
        if (++i >= end) return -1;
        b = d[i]!;
      } while (WHITESPACE[b] === 1);
      if (b === GT || b === SLASH) break;
      const k = known.find(d, i, end, n);
      if (k < 0 || (seen & (1 << k)) !== 0) return -1;
      seen |= 1 << k;
      const start = i + known.names[k]!.length + 2;
      let j = start;
      while (j < end && ATTRIBUTE_SAFE[d[j]!] === 1) j++;
      if (j >= end || d[j] !== DQUOTE) return -1;
      if (known.meanings[k] === ROW_NUMBER) {
        // a row number that is not one (r="", r="0") continues from the row before, like no r=
        const r = integerAttribute(d, start, j);
        if (r >= 1) rowNumber = r;
      }
      i = j + 1;
    }
    if (d[i] === SLASH) {
      if (i + 1 >= end || d[i + 1] !== GT) return -1;
      this.lastRowSeen = rowNumber;
      this.fastReads.rows++;
      return i + 2;
    }
    i++;
    this.cells = null;
    this.rowWidth = 0;
    this.column = 0;
    for (;;) {
      while (i < end && WHITESPACE[d[i]!] === 1) i++;
      if (i + 1 >= end || d[i] !== LT) return -1;
      if (d[i + 1] === SLASH) break;
      i = this.readCell(d, i, end);
      if (i < 0) return -1;
    }
    i = endTagAt(d, i, end, rowName);
    if (i < 0) return -1;
    this.rowNumber = rowNumber;
    this.lastRowSeen = rowNumber;
    this.endRow();
    this.fastReads.rows++;
    return i;
  }

  /**
   * The fast path for a cell in a row, at its `<`. It reads
   *
   *     <c ATTRIBUTES/>    <c ATTRIBUTES></c>    <c ATTRIBUTES><v/></c>
   *     <c ATTRIBUTES><v>TEXT</v></c>
   *     <c ATTRIBUTES t="inlineStr"><is><t>TEXT</t></is></c>  (or <t xml:space="preserve">)
   *
   * with the names (prefix and all) of the last cell the scanner read, while the namespace
   * bindings are unchanged. ATTRIBUTES are r=, s= and t=, each at most once, in any order, after
   * whitespace, each `="` directly after its name and its value plain ASCII (ATTRIBUTE_SAFE).
   * TEXT is text without markup, CR or `]`, its UTF-8 and references checked (FastText). Anything
   * else (other attributes, a formula, rich text, comments, whitespace between the elements, a
   * chunk that ends inside the cell) returns -1 before anything is changed, and the scanner
   * reads the cell.
   */
  private readCell(d: Buffer, p: number, end: number): number {
    const cellName = this.cellName;
    if (cellName === null || this.scanner.bindings !== this.fastBindings) return -1;
    let i = bytesAt(d, p + 1, end, cellName);
    if (i < 0) return -1;
    let column = this.column + 1;
    let style = 0;
    let type = TYPE_NUMBER;
    let seen = 0;
    for (;;) {
      if (i >= end) return -1;
      let b = d[i]!;
      if (b === GT || b === SLASH) break;
      if (WHITESPACE[b] !== 1) return -1; // a longer name, or junk: the scanner's to read
      do {
        if (++i >= end) return -1;
        b = d[i]!;
      } while (WHITESPACE[b] === 1);
      if (b === GT || b === SLASH) break;
      if (i + 2 >= end || d[i + 1] !== EQUALS || d[i + 2] !== DQUOTE) return -1;
      const start = i + 3;
      let j = start;
      while (j < end && ATTRIBUTE_SAFE[d[j]!] === 1) j++;
      if (j >= end || d[j] !== DQUOTE) return -1;
      const bit = b === 0x72 ? 1 : b === 0x73 ? 2 : b === 0x74 ? 4 : 0; // r, s, t
      if (bit === 0 || (seen & bit) !== 0) return -1;
      seen |= bit;
      if (bit === 1) {
        const letters = columnOfReference(d, start, j);
        if (letters > 0) column = letters;
      } else if (bit === 2) {
        style = integerAttribute(d, start, j);
      } else {
        type = cellTypeOf(d, start, j);
      }
      i = j + 1;
    }
    if (d[i] === SLASH) {
      if (i + 1 >= end || d[i + 1] !== GT) return -1;
      this.column = column;
      this.fastReads.cells++;
      return i + 2;
    }
    i++;
    if (i + 1 >= end || d[i] !== LT) return -1;
    let value: RawCell = null;
    if (d[i + 1] !== SLASH) {
      i =
        type === TYPE_INLINE
          ? this.readInline(d, i, end, column)
          : this.readValue(d, i, end, type, style, column);
      if (i < 0) return -1;
      value = this.fastValue;
    }
    i = endTagAt(d, i, end, cellName);
    if (i < 0) return -1;
    this.column = column;
    this.store(value);
    this.fastReads.cells++;
    return i;
  }

  /** `<v>TEXT</v>` or `<v/>` at i, for readCell: the index after it, its value in fastValue. */
  private readValue(
    d: Buffer,
    i: number,
    end: number,
    type: number,
    style: number,
    column: number
  ): number {
    const name = this.valueName;
    i = bytesAt(d, i + 1, end, name);
    if (i < 0 || i + 1 >= end) return -1;
    if (d[i] === SLASH) {
      if (d[i + 1] !== GT) return -1;
      this.fastValue = this.cellValue(type, style, column, d, i, i, 0);
      return i + 2;
    }
    if (d[i] !== GT) return -1;
    const start = ++i;
    while (i < end && TEXT_SAFE[d[i]!] === 1) i++;
    if (i < end && d[i] !== LT) return this.readValueText(d, start, end, type, style, column);
    this.fastValue = this.cellValue(type, style, column, d, start, i, TEXT_UNDERSCORE);
    return endTagAt(d, i, end, name);
  }

  /** readValue's text when it is more than plain ASCII (references, UTF-8). */
  private readValueText(
    d: Buffer,
    i: number,
    end: number,
    type: number,
    style: number,
    column: number
  ): number {
    const text = this.fastText;
    i = text.read(d, i, end);
    if (i < 0) return -1;
    this.fastValue = this.cellValue(
      type,
      style,
      column,
      text.bytes,
      text.start,
      text.end,
      text.hint
    );
    return endTagAt(d, i, end, this.valueName);
  }

  /**
   * `<is><t>TEXT</t></is>` (or `<t xml:space="preserve">`) at i, for readCell: the index after
   * it, its value in fastValue.
   */
  private readInline(d: Buffer, i: number, end: number, column: number): number {
    const text = this.fastText;
    i = plainTextElementAt(d, i, end, this.inlineName, this.textName, text);
    if (i < 0) return -1;
    this.fastValue = this.cellText(column, text.bytes, text.start, text.end, text.hint);
    return i;
  }

  /**
   * The text of a cell in this column whose bytes are bytes[start, end): from the text cache,
   * unless the column's texts are seldom found there (WATCHED_COLUMNS). The counts are only a
   * guide: a cell that the fast path gives up on after its text (at a chunk's end) is counted
   * again when the scanner reads it, which changes no value read.
   */
  private cellText(
    column: number,
    bytes: Buffer,
    start: number,
    end: number,
    hint: number
  ): string {
    const strings = this.strings;
    if (column > WATCHED_COLUMNS) return strings.of(bytes, start, end, hint);
    const seen = ++this.textsSeen[column]!;
    if (this.textsUncached[column] === 1 && seen % TEXT_SAMPLE !== 0) {
      this.textReads.uncached++;
      return textValue(bytes, start, end, hint);
    }
    this.textReads.looked++;
    const hits = strings.hits;
    const value = strings.of(bytes, start, end, hint);
    const looked = ++this.textsLooked[column]!;
    const found = (this.textsFound[column]! += strings.hits - hits);
    if (seen === TEXT_WINDOW) {
      // under one text in TEXT_SAMPLE found: the next window does without the cache
      this.textsUncached[column] = found * TEXT_SAMPLE < looked ? 1 : 0;
      this.textsSeen[column] = 0;
      this.textsLooked[column] = 0;
      this.textsFound[column] = 0;
    }
    return value;
  }

  /**
   * The value of a cell of this type and style in this column whose `<v>` (or `<is>`) text is
   * bytes[start, end), `hint` saying what is known of them (TEXT_NOT_ASCII, TEXT_UNDERSCORE).
   */
  private cellValue(
    type: number,
    style: number,
    column: number,
    bytes: Buffer,
    start: number,
    end: number,
    hint: number
  ): RawCell {
    const ascii = (hint & TEXT_NOT_ASCII) === 0;
    switch (type) {
      case TYPE_INLINE:
      case TYPE_STR:
        return this.cellText(column, bytes, start, end, hint);
      case TYPE_SHARED: {
        const index = digitsOf(bytes, start, end);
        return (
          this.context.sharedStrings[
            Number.isNaN(index) ? parseInt(textOf(bytes, start, end, ascii), 10) : index
          ] ?? null
        );
      }
      case TYPE_BOOLEAN: {
        const v = textOf(bytes, start, end, ascii).trim();
        return v === "1" || v.toLowerCase() === "true";
      }
      case TYPE_ERROR:
        return errorCell(textOf(bytes, start, end, ascii));
      case TYPE_DATE: {
        const v = textOf(bytes, start, end, ascii);
        const serial = isoDateTimeToSerial(v, this.context.dateSystem);
        return serial === null ? v : this.dateCell(serial);
      }
      default: {
        let number = decimalOf(bytes, start, end);
        if (Number.isNaN(number)) {
          const v = textOf(bytes, start, end, ascii);
          if (v.trim() === "") return null;
          number = Number(v);
          if (!Number.isFinite(number)) return null;
        }
        return this.context.dateStyles[style] === true ? this.dateCell(number) : number;
      }
    }
  }

  /** The date cell of a serial: one shared object for each whole serial (SHARED_DATE_SERIALS). */
  private dateCell(serial: number): DateCell {
    // -0 and fractions get their own object (-0 is not 0 to Object.is)
    if (serial >= 1 && serial < SHARED_DATE_SERIALS && (serial | 0) === serial) {
      // made as long as it can be on the sheet's first date: a sparse array would be a hash table
      const cells = (this.dateCells ??= new Array<DateCell | undefined>(SHARED_DATE_SERIALS));
      return (cells[serial] ??= { kind: "date", serial });
    }
    return { kind: "date", serial };
  }
}

function errorCell(text: string): ErrorCell {
  return { kind: "error", error: text.trim() };
}

function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

function textOf(bytes: Buffer, start: number, end: number, ascii: boolean): string {
  return bytes.toString(ascii ? "latin1" : "utf8", start, end);
}

/** A text cell's value: its text, OOXML escapes decoded (what the hint allows of them). */
function textValue(bytes: Buffer, start: number, end: number, hint: number): string {
  const text = textOf(bytes, start, end, (hint & TEXT_NOT_ASCII) === 0);
  return (hint & TEXT_UNDERSCORE) === 0 ? text : decodeOoxmlEscapes(text);
}

/**
 * The number bytes[start, end) spell when they are a plain decimal (`-`? digits, `.`, digits; at
 * most 15 digits), else NaN. Exact: at most 15 digits are an exact double, and so is 10^k, and one
 * division of two exact doubles rounds correctly, as Number() of the text does.
 */
function decimalOf(bytes: Uint8Array, start: number, end: number): number {
  let k = start;
  const negative = end > start && bytes[start] === 0x2d;
  if (negative) k++;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; k < end; k++) {
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

/** The whole number bytes[start, end) spell when they are 1 to 15 ASCII digits, else NaN. */
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

/** parseInt(value, 10) of an attribute value: plain digits straight from the bytes. */
function integerAttribute(bytes: Buffer, start: number, end: number): number {
  const value = digitsOf(bytes, start, end);
  return Number.isNaN(value) ? parseInt(bytes.toString("utf8", start, end), 10) : value;
}

/**
 * The column of a cell reference (`$`? letters, e.g. "AB12", "$C$3"), or 0 without letters or
 * past a worksheet's last column (XFD, 16,384): such a cell is placed by its position, as one
 * without `r`. The rule is `columnNumber` of core/a1.ts, read here from the bytes for speed; a
 * test in tests/xlsx/sheet-reader.test.ts holds the two together for every column.
 */
function columnOfReference(bytes: Uint8Array, start: number, end: number): number {
  let at = start;
  if (at < end && bytes[at] === 0x24) at++;
  let column = 0;
  for (; at < end; at++) {
    const b = bytes[at]! | 0x20;
    if (b < 0x61 || b > 0x7a) break;
    column = column * 26 + (b - 0x60);
    if (column > MAX_COLUMN) return 0;
  }
  return column;
}

// The longer t= values cellTypeOf knows, as bytes: compared with the attribute's bytes without a
// string's character reads.
const STR_NAME = Buffer.from("str", "latin1");
const INLINE_STR_NAME = Buffer.from("inlineStr", "latin1");

/** The cell type a `t=` value names (exactly, as Excel writes them); a number otherwise. */
function cellTypeOf(bytes: Uint8Array, start: number, end: number): number {
  const n = end - start;
  const first = bytes[start];
  if (n === 1) {
    if (first === 0x73) return TYPE_SHARED; // s
    if (first === 0x62) return TYPE_BOOLEAN; // b
    if (first === 0x65) return TYPE_ERROR; // e
    if (first === 0x64) return TYPE_DATE; // d
    return TYPE_NUMBER;
  }
  const name = n === 3 ? STR_NAME : n === 9 ? INLINE_STR_NAME : null;
  if (name === null || bytesAt(bytes, start, end, name) !== end) return TYPE_NUMBER;
  return name === STR_NAME ? TYPE_STR : TYPE_INLINE;
}
