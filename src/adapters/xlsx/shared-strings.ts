/**
 * Streams the shared-string table into an array of strings, from the part's bytes chunk by chunk.
 *
 * At the sheet limit the table holds millions of items (123 MB of XML in the benchmark). Decoding
 * it as one string and listing its elements peaked at 1.7 GB and left every string a slice of
 * that 200 MB text. Here each chunk is scanned as latin1 text (one character a byte, so match
 * positions are byte offsets and ASCII markup matches as usual), and an item's text is decoded
 * from its own bytes: a fresh string that holds nothing else alive.
 */
import { Buffer } from "node:buffer";
import { decodeOoxmlEscapes, decodeXml, stringItemText } from "./xml";

const ITEM_PATTERN = /<((?:[\w.-]+:)?si)(?=[\s/>])[^>]*?(?:\/>|>([\s\S]*?)<\/\1\s*>)/dg;
/** An item of one plain `<t>` run: the common case, decoded straight from its bytes. */
const PLAIN_ITEM = /^\s*<((?:[\w.-]+:)?t)(?:\s[^>]*)?>([^<]*)<\/\1\s*>\s*$/d;

export class SharedStringsBuilder {
  readonly strings: string[] = [];
  private pending: Buffer = Buffer.alloc(0);

  feed(chunk: Buffer): void {
    const data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const text = data.toString("latin1");
    let consumed = 0;
    ITEM_PATTERN.lastIndex = 0;
    for (let item = ITEM_PATTERN.exec(text); item; item = ITEM_PATTERN.exec(text)) {
      this.strings.push(itemText(data, text, item.indices?.[2]));
      consumed = ITEM_PATTERN.lastIndex;
    }
    this.pending = Buffer.from(data.subarray(consumed));
  }

  finish(): string[] {
    this.pending = Buffer.alloc(0);
    return this.strings;
  }
}

/** The text of one item whose inner markup spans `span` (byte offsets) of `data`. */
function itemText(data: Buffer, latin1: string, span: [number, number] | undefined): string {
  if (!span) return "";
  const [start, end] = span;
  const plain = PLAIN_ITEM.exec(latin1.slice(start, end));
  const run = plain?.indices?.[2];
  if (!run) return stringItemText(data.toString("utf8", start, end));
  const raw = data.toString("utf8", start + run[0], start + run[1]);
  return decodeOoxmlEscapes(decodeXml(raw));
}
