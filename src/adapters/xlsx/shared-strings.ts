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
 *
 * Items as producers write them (`<si><t>会员甲</t></si>`) are read by a fast path (readChild)
 * straight from the bytes; it takes only a strict subset of the syntax and leaves everything else
 * (rich text, phonetic runs, comments...) to the scanner.
 */
import type { Buffer } from "node:buffer";
import { STRICT, TRANSITIONAL } from "./namespaces";
import { decodeOoxmlEscapes } from "./xml";
import {
  ByteSink,
  StringInterner,
  FastText,
  TEXT_NOT_ASCII,
  TEXT_UNDERSCORE,
  XmlScanner,
  bytesAt,
  plainTextElementAt,
  type ChildReader,
  type XmlHandler,
} from "./xml-scan";

const DOCUMENT = 0;
const OTHER = 1;
const ROOT = 2;
const ITEM = 3;
const RUN = 4;
const TEXT = 5;

/** Feed it the part's bytes in chunks; finish() gives the strings (XmlSyntaxError if malformed). */
export class SharedStringsBuilder implements XmlHandler, ChildReader {
  readonly strings: string[] = [];
  /** @internal how many items the fast path read (for tests). */
  fastReads = 0;
  private readonly scanner = new XmlScanner(this);
  private readonly transitional = this.scanner.namespaceId(TRANSITIONAL.main);
  private readonly strict = this.scanner.namespaceId(STRICT.main);
  private readonly sst = this.scanner.localId("sst");
  private readonly si = this.scanner.localId("si");
  private readonly r = this.scanner.localId("r");
  private readonly t = this.scanner.localId("t");
  private readonly text = new ByteSink();
  private readonly fastText = new FastText();
  /** Items by their bytes (decoded: references, line ends), shared by both paths. */
  private readonly interner = new StringInterner((bytes, start, end, hint) => {
    const text = bytes.toString((hint & TEXT_NOT_ASCII) === 0 ? "latin1" : "utf8", start, end);
    return (hint & TEXT_UNDERSCORE) === 0 ? text : decodeOoxmlEscapes(text);
  });
  private readonly kinds: number[] = [];
  private kind = DOCUMENT;

  // The fast path's names: those of the last item the scanner read (`si`, or `x:si`...), valid
  // while the scanner's namespace bindings are what they were then.
  private itemName: Uint8Array | null = null;
  private textName: Uint8Array = new Uint8Array(0);
  private fastBindings = -1;

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
          this.learnNames();
        }
      } else if (parent === ITEM || parent === RUN) {
        if (local === this.t) kind = TEXT;
        else if (local === this.r && parent === ITEM) kind = RUN;
      }
    }
    this.kinds.push(parent);
    this.enter(kind);
  }

  /** @internal the scanner's event */
  endElement(): void {
    if (this.kind === ITEM) this.strings.push(this.interner.ofSink(this.text));
    this.enter(this.kinds.pop() ?? DOCUMENT);
  }

  private enter(kind: number): void {
    this.kind = kind;
    this.scanner.textSink = kind === TEXT ? this.text : null;
    this.scanner.childReader = kind === ROOT ? this : null;
  }

  /** Takes the names of the fast path from the item the scanner has just started. */
  private learnNames(): void {
    const scanner = this.scanner;
    const name = scanner.elementName();
    const known = this.itemName;
    if (
      known !== null &&
      this.fastBindings === scanner.bindings &&
      known.length === name.length &&
      bytesAt(known, 0, known.length, name) === known.length
    ) {
      return;
    }
    const prefix = name.subarray(0, name.length - 2); // `x:` of `x:si`, or nothing
    const textName = new Uint8Array(prefix.length + 1);
    textName.set(prefix);
    textName[prefix.length] = 0x74;
    this.itemName = name;
    this.textName = textName;
    this.fastBindings = scanner.bindings;
  }

  /**
   * @internal the fast path for an item, called by the scanner at its `<`: it reads
   * `<si><t>TEXT</t></si>` (or `<t xml:space="preserve">`) with the names (prefix and all) of the
   * last item the scanner read, while the namespace bindings are unchanged; TEXT is text without
   * markup, CR or `]`, its references and UTF-8 checked. Anything else returns -1 before anything
   * is changed, and the scanner reads the item.
   */
  readChild(d: Buffer, p: number, end: number): number {
    const itemName = this.itemName;
    if (itemName === null || this.scanner.bindings !== this.fastBindings) return -1;
    const text = this.fastText;
    const i = plainTextElementAt(d, p, end, itemName, this.textName, text);
    if (i < 0) return -1;
    this.strings.push(this.interner.of(text.bytes, text.start, text.end, text.hint));
    this.fastReads++;
    return i;
  }
}
