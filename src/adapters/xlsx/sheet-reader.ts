/**
 * Streams one worksheet part into rows of RawCell. The sheet XML is read in chunks and cut at
 * row boundaries, so a sheet of a million rows never sits in memory as one string.
 */
import type { DateSystem, ErrorCell, RawCell } from "../../core/types";
import { isoDateTimeToSerial } from "./dates";
import { columnNumber, decodeOoxmlEscapes, decodeXml, stringItemText } from "./xml";

export interface SheetReadContext {
  readonly sharedStrings: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly dateSystem: DateSystem;
}

const ROW_PATTERN = /<((?:[\w.-]+:)?row)(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/\1\s*>)/g;
const CELL_PATTERN = /<((?:[\w.-]+:)?c)(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/\1\s*>)/g;
const DIMENSION_PATTERN = /<(?:[\w.-]+:)?dimension\s[^>]*ref\s*=\s*["']([^"']*)["']/;

const ATTRIBUTE_PATTERNS: Readonly<Record<"r" | "s" | "t", RegExp>> = {
  r: /(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')/,
  s: /(?:^|\s)s\s*=\s*(?:"([^"]*)"|'([^']*)')/,
  t: /(?:^|\s)t\s*=\s*(?:"([^"]*)"|'([^']*)')/,
};

function attribute(text: string, name: "r" | "s" | "t"): string | undefined {
  const match = ATTRIBUTE_PATTERNS[name].exec(text);
  return match ? (match[1] ?? match[2]) : undefined;
}

const CHILD_PATTERNS: Readonly<Record<"v" | "is", RegExp>> = {
  v: /<((?:[\w.-]+:)?v)(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/\1\s*>)/,
  is: /<((?:[\w.-]+:)?is)(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/\1\s*>)/,
};

function childText(inner: string, localName: "v" | "is"): string | null {
  const match = CHILD_PATTERNS[localName].exec(inner);
  return match ? (match[2] ?? "") : null;
}

function errorCell(text: string): ErrorCell {
  return { kind: "error", error: text.trim() };
}

/** The value of one `<c>` element. */
export function cellValue(
  type: string | undefined,
  style: number,
  inner: string,
  context: SheetReadContext
): RawCell {
  if (type === "inlineStr") {
    const is = childText(inner, "is");
    return is === null ? null : stringItemText(is);
  }
  const v = childText(inner, "v");
  if (v === null) return null;
  switch (type) {
    case "s":
      return context.sharedStrings[parseInt(v, 10)] ?? null;
    case "str":
      return decodeOoxmlEscapes(decodeXml(v));
    case "b":
      return v.trim() === "1" || v.trim().toLowerCase() === "true";
    case "e":
      return errorCell(decodeXml(v));
    case "d": {
      const serial = isoDateTimeToSerial(decodeXml(v), context.dateSystem);
      return serial === null ? decodeXml(v) : { kind: "date", serial };
    }
    default: {
      const number = Number(v);
      if (v.trim() === "" || !Number.isFinite(number)) return null;
      return context.dateStyles[style] === true ? { kind: "date", serial: number } : number;
    }
  }
}

/** Accumulates rows; feed it the sheet XML in chunks. */
export class SheetRowsBuilder {
  readonly rows: (RawCell[] | undefined)[] = [];
  /** Last row of the sheet's `<dimension>`, when the sheet declares one (for progress). */
  declaredLastRow: number | null = null;
  lastRowSeen = 0;
  private pending = "";
  private sawDimension = false;

  constructor(private readonly context: SheetReadContext) {}

  feed(chunk: string): void {
    this.pending += chunk;
    if (!this.sawDimension) this.readDimension();
    const cut = this.lastRowEnd();
    if (cut <= 0) return;
    this.parseRows(this.pending.slice(0, cut));
    this.pending = this.pending.slice(cut);
  }

  finish(): void {
    this.parseRows(this.pending);
    this.pending = "";
  }

  private readDimension(): void {
    const sheetData = this.pending.search(/<(?:[\w.-]+:)?sheetData[\s>/]/);
    const match = DIMENSION_PATTERN.exec(this.pending);
    if (match?.[1]) {
      const last = /(\d+)$/.exec(match[1]);
      this.declaredLastRow = last?.[1] ? parseInt(last[1], 10) : null;
    }
    if (match || sheetData >= 0) this.sawDimension = true;
  }

  /** Index just after the last complete `</row>` (any prefix) in the pending text, or -1. */
  private lastRowEnd(): number {
    const text = this.pending;
    for (let at = text.lastIndexOf("row>"); at > 0; at = text.lastIndexOf("row>", at - 1)) {
      const open = text.lastIndexOf("</", at);
      if (open >= 0 && /^(?:[\w.-]+:)?$/.test(text.slice(open + 2, at))) return at + 4;
    }
    return -1;
  }

  private parseRows(text: string): void {
    ROW_PATTERN.lastIndex = 0;
    for (let row = ROW_PATTERN.exec(text); row; row = ROW_PATTERN.exec(text)) {
      const r = attribute(row[2] ?? "", "r");
      const rowNumber = r === undefined ? this.lastRowSeen + 1 : parseInt(r, 10);
      this.lastRowSeen = rowNumber;
      if (row[3]) this.parseCells(rowNumber, row[3]);
    }
  }

  private parseCells(rowNumber: number, text: string): void {
    let cells: RawCell[] | undefined;
    let column = 0;
    const pattern = CELL_PATTERN;
    pattern.lastIndex = 0;
    for (let cell = pattern.exec(text); cell; cell = pattern.exec(text)) {
      const attributes = cell[2] ?? "";
      const ref = attribute(attributes, "r");
      const letters = ref === undefined ? null : /^\$?([A-Za-z]+)/.exec(ref)?.[1];
      column = letters ? columnNumber(letters) : column + 1;
      if (!cell[3]) continue;
      const style = parseInt(attribute(attributes, "s") ?? "0", 10);
      const value = cellValue(attribute(attributes, "t"), style, cell[3], this.context);
      if (value === null || value === undefined) continue;
      cells ??= [];
      cells[column - 1] = value;
    }
    // a copy is exactly as long as the row: the array grown cell by cell keeps ~50% spare slots
    if (cells) this.rows[rowNumber - 1] = cells.slice();
  }
}
