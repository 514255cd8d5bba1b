/**
 * Streams the shared-string table into an array of strings, from the part's bytes chunk by chunk.
 *
 * At the sheet limit the table holds millions of items (123 MB of XML in the benchmark). Decoding
 * it as one string and listing its elements peaked at 1.7 GB and left every string a slice of
 * that 200 MB text. Here the XML scanner (./xml-scan) reads the bytes in one pass and each item's
 * text is decoded from its own bytes: a fresh string that holds nothing else alive (and one
 * string for all the copies of a short item that comes again).
 *
 * An item (`<si>` of the root `<sst>`, SpreadsheetML transitional or Strict) is the text of its
 * `<t>` and of its rich-text runs' `<t>`, phonetic runs (`<rPh>`) left out, with OOXML's
 * `_xHHHH_` escapes decoded. Elements of other namespaces are skipped with their contents.
 */
import { STRICT, TRANSITIONAL } from "./namespaces";
import { decodeOoxmlEscapes } from "./xml";
import { ByteSink, StringInterner, XmlScanner, type XmlHandler } from "./xml-scan";

const DOCUMENT = 0;
const OTHER = 1;
const ROOT = 2;
const ITEM = 3;
const RUN = 4;
const TEXT = 5;

/** Feed it the part's bytes in chunks; finish() gives the strings (XmlSyntaxError if malformed). */
export class SharedStringsBuilder implements XmlHandler {
  readonly strings: string[] = [];
  private readonly scanner = new XmlScanner(this);
  private readonly transitional = this.scanner.namespaceId(TRANSITIONAL.main);
  private readonly strict = this.scanner.namespaceId(STRICT.main);
  private readonly sst = this.scanner.localId("sst");
  private readonly si = this.scanner.localId("si");
  private readonly r = this.scanner.localId("r");
  private readonly t = this.scanner.localId("t");
  private readonly text = new ByteSink();
  private readonly interner = new StringInterner(decodeOoxmlEscapes);
  private readonly kinds: number[] = [];
  private kind = DOCUMENT;

  feed(chunk: Uint8Array): void {
    this.scanner.feed(chunk);
  }

  finish(): string[] {
    this.scanner.finish();
    return this.strings;
  }

  /** @internal the scanner's event */
  startElement(namespace: number, local: number): void {
    const parent = this.kind;
    let kind = OTHER;
    if (parent !== OTHER && (namespace === this.transitional || namespace === this.strict)) {
      if (parent === DOCUMENT) {
        if (local === this.sst) kind = ROOT;
      } else if (parent === ROOT) {
        if (local === this.si) {
          kind = ITEM;
          this.text.clear();
        }
      } else if (parent === ITEM || parent === RUN) {
        if (local === this.t) kind = TEXT;
        else if (local === this.r && parent === ITEM) kind = RUN;
      }
    }
    this.kinds.push(parent);
    this.kind = kind;
    this.scanner.textSink = kind === TEXT ? this.text : null;
  }

  /** @internal the scanner's event */
  endElement(): void {
    if (this.kind === ITEM) this.strings.push(this.interner.of(this.text));
    const parent = this.kinds.pop() ?? DOCUMENT;
    this.kind = parent;
    this.scanner.textSink = parent === TEXT ? this.text : null;
  }
}
