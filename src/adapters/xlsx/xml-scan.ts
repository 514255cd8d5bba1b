/**
 * A streaming XML 1.0 scanner with namespaces (Namespaces in XML 1.0), over bytes.
 *
 * The worksheet and shared-string parts are tens of megabytes: they are fed here chunk by chunk,
 * as they come out of the zip, and read in one pass over the bytes. The scanner checks that the
 * document is well-formed and namespace-well-formed as it goes and throws XmlSyntaxError at the
 * first thing that is not: a start tag without its end tag, a bad or duplicate attribute, an
 * undeclared prefix, an unknown entity, a character reference to a character XML does not allow,
 * a byte sequence that is not a character of the encoding, text or markup outside the root, or a
 * document cut short. Chunk boundaries may fall anywhere, even inside a character.
 *
 * It reports start and end tags as (namespace id, local-name id) pairs and hands the text of the
 * elements its handler listens to straight to a ByteSink as UTF-8 bytes, with entity and
 * character references decoded, CDATA sections unwrapped and line ends normalised; text nobody
 * listens to is checked and never decoded. Comments and processing instructions are checked and
 * dropped. A DOCTYPE without an internal subset is checked and skipped; one with an internal subset
 * is rejected (OOXML parts have none, and without it no entity but the five predefined ones exists).
 *
 * Encodings: UTF-8 (with or without a byte order mark), UTF-16 LE and BE (with a byte order mark,
 * or without one when the document starts with an XML declaration, as XML 1.0 Appendix F tells),
 * and, when the XML declaration names one, any other encoding Node's TextDecoder knows (ISO-8859-1
 * and US-ASCII exactly as named, not as the web's windows-1252). Everything but UTF-8 is transcoded
 * to UTF-8 chunk by chunk first; byte offsets in errors count bytes of that UTF-8.
 */
import { Buffer } from "node:buffer";
import { StringDecoder } from "node:string_decoder";
import { TextDecoder } from "node:util";

/** A document that is not well-formed (or not namespace-well-formed) XML. */
export class XmlSyntaxError extends Error {
  override readonly name = "XmlSyntaxError";
  constructor(
    readonly reason: string,
    /** Offset in the document's bytes (of its UTF-8 transcoding when it is not UTF-8). */
    readonly offset: number
  ) {
    super(`${reason} (at byte ${offset})`);
  }
}

/** Namespace id of names in no namespace (unprefixed attributes; elements without a default). */
export const NO_NAMESPACE = 0;
/** Namespace id of `http://www.w3.org/XML/1998/namespace` (`xml:space`, `xml:lang`). */
export const XML_NAMESPACE = 1;
/** Namespace id given to namespace declarations (`xmlns`, `xmlns:p`) among the attributes. */
export const XMLNS_NAMESPACE = 2;

const XML_URI = "http://www.w3.org/XML/1998/namespace";
const XMLNS_URI = "http://www.w3.org/2000/xmlns/";

/** What a scanner tells as it reads. Attributes of a start tag are readable during startElement. */
export interface XmlHandler {
  startElement(namespace: number, local: number): void;
  endElement(namespace: number, local: number): void;
}

/** A growable buffer of UTF-8 bytes, where the scanner writes the text of listened-to elements. */
export class ByteSink {
  buffer: Buffer = Buffer.allocUnsafe(256);
  length = 0;
  /** Whether every byte so far is ASCII (then the text decodes as latin1, which is faster). */
  ascii = true;

  clear(): void {
    this.length = 0;
    this.ascii = true;
  }

  append(source: Buffer, start: number, end: number, ascii: boolean): void {
    const n = end - start;
    let length = this.length;
    if (length + n > this.buffer.length) this.grow(length + n);
    const buffer = this.buffer;
    if (n <= 64) {
      for (let k = start; k < end; k++) buffer[length++] = source[k]!;
    } else {
      source.copy(buffer, length, start, end);
      length += n;
    }
    this.length = length;
    if (!ascii) this.ascii = false;
  }

  pushByte(byte: number): void {
    if (this.length >= this.buffer.length) this.grow(this.length + 1);
    this.buffer[this.length++] = byte;
  }

  pushCodePoint(cp: number): void {
    if (cp < 0x80) {
      this.pushByte(cp);
      return;
    }
    if (this.length + 4 > this.buffer.length) this.grow(this.length + 4);
    const b = this.buffer;
    if (cp < 0x800) {
      b[this.length++] = 0xc0 | (cp >> 6);
    } else if (cp < 0x10000) {
      b[this.length++] = 0xe0 | (cp >> 12);
      b[this.length++] = 0x80 | ((cp >> 6) & 0x3f);
    } else {
      b[this.length++] = 0xf0 | (cp >> 18);
      b[this.length++] = 0x80 | ((cp >> 12) & 0x3f);
      b[this.length++] = 0x80 | ((cp >> 6) & 0x3f);
    }
    b[this.length++] = 0x80 | (cp & 0x3f);
    this.ascii = false;
  }

  /** The bytes as a string. */
  text(): string {
    if (this.length === 0) return "";
    return this.buffer.toString(this.ascii ? "latin1" : "utf8", 0, this.length);
  }

  private grow(needed: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }
}

/**
 * Interns the strings of short byte runs: a repeated text costs a hash and a comparison of its
 * bytes, and all its occurrences share one string. `decode` turns a run's bytes into the value
 * (e.g. decodes OOXML escapes), told what the caller knows of them (`hint`: TEXT_NOT_ASCII,
 * TEXT_UNDERSCORE); at most `maxEntries` runs of at most `maxLength` bytes are kept. The same
 * bytes must always mean the same value.
 */
export class StringInterner {
  // An open-addressing table; the keys' bytes are kept one after another in `pool`
  private hashes = new Int32Array(1024);
  /** Where each key starts in the pool; -1: an empty slot. */
  private starts = new Int32Array(1024).fill(-1);
  private lengths = new Int32Array(1024);
  private values: string[] = new Array<string>(1024);
  private pool = new Uint8Array(1 << 14);
  private used = 0;
  private count = 0;
  private hits = 0;
  /** Off once few texts come again: then the table would only cost time and memory. */
  private off = false;

  constructor(
    private readonly decode: (bytes: Buffer, start: number, end: number, hint: number) => string,
    private readonly maxLength = 128,
    private readonly maxEntries = 1 << 16
  ) {}

  /** The value of the sink's current bytes. */
  ofSink(sink: ByteSink): string {
    return this.of(
      sink.buffer,
      0,
      sink.length,
      (sink.ascii ? 0 : TEXT_NOT_ASCII) | TEXT_UNDERSCORE
    );
  }

  /** The value of bytes[start, end); `hint` (TEXT_NOT_ASCII...) is passed on to `decode`. */
  of(bytes: Buffer, start: number, end: number, hint: number): string {
    const n = end - start;
    if (n > this.maxLength || this.off) return this.decode(bytes, start, end, hint);
    let h = 0x811c9dc5 | 0;
    for (let k = start; k < end; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
    h = mix(h);
    const starts = this.starts;
    const mask = starts.length - 1;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const key = starts[at]!;
      if (key < 0) {
        const value = this.decode(bytes, start, end, hint);
        if (this.count < this.maxEntries) {
          this.insert(at, h, bytes, start, n, value);
          // at 4096, 8192... texts: if under one in 16 came again, stop trying
          const c = this.count;
          if (c >= 4096 && (c & (c - 1)) === 0 && this.hits * 16 < c) this.off = true;
        } else if (this.hits * 16 < this.count) {
          this.off = true;
        }
        return value;
      }
      if (this.hashes[at] === h && this.lengths[at] === n && this.sameKey(key, bytes, start, n)) {
        this.hits++;
        return this.values[at]!;
      }
    }
  }

  private sameKey(key: number, bytes: Uint8Array, start: number, n: number): boolean {
    const pool = this.pool;
    for (let k = 0; k < n; k++) if (pool[key + k] !== bytes[start + k]) return false;
    return true;
  }

  private insert(
    at: number,
    hash: number,
    bytes: Uint8Array,
    start: number,
    n: number,
    value: string
  ): void {
    if (this.used + n > this.pool.length) {
      const bigger = new Uint8Array(Math.max(this.pool.length * 2, this.used + n));
      bigger.set(this.pool.subarray(0, this.used));
      this.pool = bigger;
    }
    this.pool.set(bytes.subarray(start, start + n), this.used);
    this.starts[at] = this.used;
    this.used += n;
    this.lengths[at] = n;
    this.hashes[at] = hash;
    this.values[at] = value;
    this.count++;
    if (this.count * 2 > this.starts.length) this.rehash();
  }

  private rehash(): void {
    const { hashes, starts, lengths, values } = this;
    const size = starts.length * 2;
    this.hashes = new Int32Array(size);
    this.starts = new Int32Array(size).fill(-1);
    this.lengths = new Int32Array(size);
    this.values = new Array<string>(size);
    for (let k = 0; k < starts.length; k++) {
      if (starts[k]! < 0) continue;
      let slot = hashes[k]! & (size - 1);
      while (this.starts[slot]! >= 0) slot = (slot + 1) & (size - 1);
      this.hashes[slot] = hashes[k]!;
      this.starts[slot] = starts[k]!;
      this.lengths[slot] = lengths[k]!;
      this.values[slot] = values[k]!;
    }
  }
}

/**
 * A small cache of the strings of short byte runs, for a worksheet's text cells: a text seen
 * lately costs a hash and a comparison of its bytes, and its occurrences share one string.
 * Direct-mapped (a run has one slot, by its hash; a new run takes the slot over) and of a fixed
 * size that stays in the processor's cache: a sheet's texts are mostly unique (IDs, phones,
 * codes) among a few that repeat (type words, chamber names) or come again in the next rows (a
 * member's ID on each of its dues rows). StringInterner, which keeps its first 65,536 texts,
 * filled up with the unique ones, missed the repeats that came after, and spent its time in
 * cache misses over a table of megabytes. `decode` is as StringInterner's; the same bytes must
 * always mean the same value.
 */
export class StringCache {
  private readonly hashes: Int32Array;
  /** The length of each slot's key; -1: an empty slot. */
  private readonly lengths: Int32Array;
  private readonly values: string[];
  /** The slots' keys, `maxLength` bytes a slot. */
  private readonly keys: Uint8Array;
  private readonly mask: number;
  /** How many runs were found in the cache (the sheet reader watches it, column by column). */
  hits = 0;

  constructor(
    private readonly decode: (bytes: Buffer, start: number, end: number, hint: number) => string,
    private readonly maxLength = 64,
    slotBits = 12
  ) {
    const slots = 1 << slotBits;
    this.mask = slots - 1;
    this.hashes = new Int32Array(slots);
    this.lengths = new Int32Array(slots).fill(-1);
    this.values = new Array<string>(slots).fill("");
    this.keys = new Uint8Array(slots * maxLength);
  }

  /** The value of bytes[start, end); `hint` (TEXT_NOT_ASCII...) is passed on to `decode`. */
  of(bytes: Buffer, start: number, end: number, hint: number): string {
    const n = end - start;
    const maxLength = this.maxLength;
    if (n > maxLength) return this.decode(bytes, start, end, hint);
    let h = 0x811c9dc5 | 0;
    for (let k = start; k < end; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
    h = mix(h);
    const slot = h & this.mask;
    const keys = this.keys;
    const key = slot * maxLength;
    if (this.hashes[slot] === h && this.lengths[slot] === n) {
      let k = 0;
      while (k < n && keys[key + k] === bytes[start + k]) k++;
      if (k === n) {
        this.hits++;
        return this.values[slot]!;
      }
    }
    const value = this.decode(bytes, start, end, hint);
    for (let k = 0; k < n; k++) keys[key + k] = bytes[start + k]!;
    this.hashes[slot] = h;
    this.lengths[slot] = n;
    this.values[slot] = value;
    return value;
  }
}

/** Spreads a hash's bits over its low bits (the table is indexed by them): murmur3's finaliser. */
function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

// ---------------------------------------------------------------------------------------------
// Byte classes

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const SEMICOLON = 0x3b;
const HASH = 0x23;
const DASH = 0x2d;
const RSQB = 0x5d;
const LSQB = 0x5b;
const COLON = 0x3a;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;

function byteClass(test: (b: number) => boolean): Uint8Array {
  const table = new Uint8Array(256);
  for (let b = 0; b < 256; b++) table[b] = test(b) ? 1 : 0;
  return table;
}

const isAsciiLetter = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
const isHexLetter = (b: number) => (b | 0x20) >= 0x61 && (b | 0x20) <= 0x66;
/** Bytes that may start a name: ASCII NameStartChar, and any lead of a multi-byte character. */
const NAME_START = byteClass((b) => isAsciiLetter(b) || b === 0x5f || b === COLON || b >= 0x80);
/** Bytes that may go on in a name (multi-byte characters are checked when a name is new). */
const NAME_CHAR = byteClass((b) => NAME_START[b] === 1 || isDigit(b) || b === DASH || b === 0x2e);
/** ASCII characters of text that need no attention: not markup, not references, not CR, not `]`. */
const TEXT_PLAIN = byteClass(
  (b) => b === TAB || b === LF || (b >= SPACE && b < 0x80 && b !== LT && b !== AMP && b !== RSQB)
);
/** ASCII characters of an attribute value that need no attention (quotes are looked at apart). */
const ATTR_PLAIN = byteClass(
  (b) => b >= SPACE && b < 0x80 && b !== LT && b !== AMP && b !== DQUOTE && b !== SQUOTE
);
/** ASCII characters XML allows (Char). */
const CHAR_ASCII = byteClass((b) => b === TAB || b === LF || b === CR || (b >= SPACE && b < 0x80));
const WS = byteClass((b) => b === SPACE || b === TAB || b === LF || b === CR);
/** PubidChar of a DOCTYPE's public identifier. */
const PUBID_CHAR = byteClass(
  (b) =>
    b === SPACE ||
    b === CR ||
    b === LF ||
    isAsciiLetter(b) ||
    isDigit(b) ||
    "-'()+,./:=?;!*#@$_%".includes(String.fromCharCode(b))
);

/** Char of XML 1.0. */
function isXmlChar(cp: number): boolean {
  if (cp < 0x20) return cp === TAB || cp === LF || cp === CR;
  if (cp <= 0xd7ff) return true;
  if (cp < 0xe000) return false;
  if (cp <= 0xfffd) return true;
  return cp >= 0x10000 && cp <= 0x10ffff;
}

function isNameStartCodePoint(cp: number): boolean {
  if (cp < 0x80) return NAME_START[cp] === 1;
  return (
    (cp >= 0xc0 && cp <= 0xd6) ||
    (cp >= 0xd8 && cp <= 0xf6) ||
    (cp >= 0xf8 && cp <= 0x2ff) ||
    (cp >= 0x370 && cp <= 0x37d) ||
    (cp >= 0x37f && cp <= 0x1fff) ||
    (cp >= 0x200c && cp <= 0x200d) ||
    (cp >= 0x2070 && cp <= 0x218f) ||
    (cp >= 0x2c00 && cp <= 0x2fef) ||
    (cp >= 0x3001 && cp <= 0xd7ff) ||
    (cp >= 0xf900 && cp <= 0xfdcf) ||
    (cp >= 0xfdf0 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0xeffff)
  );
}

function isNameCodePoint(cp: number): boolean {
  if (cp < 0x80) return NAME_CHAR[cp] === 1;
  return (
    isNameStartCodePoint(cp) ||
    cp === 0xb7 ||
    (cp >= 0x300 && cp <= 0x36f) ||
    (cp >= 0x203f && cp <= 0x2040)
  );
}

/** Whether `text` is a Name of XML 1.0 (colons allowed). */
function isXmlName(text: string): boolean {
  let first = true;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (first ? !isNameStartCodePoint(cp) : !isNameCodePoint(cp)) return false;
    first = false;
  }
  return !first;
}

/** Whether `text` is an NCName (a Name without colons). */
function isNcName(text: string): boolean {
  return !text.includes(":") && isXmlName(text);
}

// ---------------------------------------------------------------------------------------------
// Byte-level readers, shared by the scanner and by its handlers' fast paths (ChildReader). They
// never throw: CUT says the bytes end before the construct does (read it again with more bytes),
// BAD that it is not well-formed (the scanner's general path reads it again and says why).

/** The bytes end before the construct does. */
export const CUT = -1;
/** The construct is not well-formed. */
export const BAD = -2;

/**
 * ASCII bytes that stand for themselves in a double-quoted attribute value: printable, not `<`,
 * `&` or `"` (tab, LF and CR are normalised to spaces, so they are not among them).
 */
export const ATTRIBUTE_SAFE = byteClass(
  (b) => b >= SPACE && b < 0x7f && b !== LT && b !== AMP && b !== DQUOTE
);

/** Whether the byte is XML whitespace (space, tab, LF, CR): 1 or 0. */
export const WHITESPACE = WS;

/**
 * ASCII bytes of character data that stand for themselves: not markup (`<`), not a reference
 * (`&`), not CR (line ends are normalised) and not `]` (which may start `]]>`).
 */
export const TEXT_SAFE = TEXT_PLAIN;

/** The index after the UTF-8 character at i (d[i] >= 0x80) if it is an XML character; CUT, BAD. */
export function utf8CharEnd(d: Uint8Array, i: number, end: number): number {
  const b0 = d[i]!;
  // U+1000 to U+CFFF, most of CJK: any two continuation bytes make an XML character
  if (b0 >= 0xe1 && b0 <= 0xec && i + 2 < end && isContinuation(d[i + 1]!, d[i + 2]!)) {
    return i + 3;
  }
  if (b0 < 0xc2 || b0 > 0xf4) return BAD;
  const n = b0 < 0xe0 ? 2 : b0 < 0xf0 ? 3 : 4;
  for (let k = 1; k < n; k++) {
    if (i + k >= end) return CUT;
    if ((d[i + k]! & 0xc0) !== 0x80) return BAD;
  }
  if (n === 2) return i + 2;
  const b1 = d[i + 1]!;
  if (n === 3) {
    if (b0 === 0xe0 && b1 < 0xa0) return BAD; // overlong
    if (b0 === 0xed && b1 >= 0xa0) return BAD; // a surrogate
    if (b0 === 0xef && b1 === 0xbf && d[i + 2]! >= 0xbe) return BAD; // U+FFFE, U+FFFF
    return i + 3;
  }
  if (b0 === 0xf0 && b1 < 0x90) return BAD; // overlong
  if (b0 === 0xf4 && b1 >= 0x90) return BAD; // beyond U+10FFFF
  return i + 4;
}

/**
 * The index after the reference at i (d[i] is `&`) if it is a character reference to an XML
 * character or one of the five predefined entities; CUT, BAD.
 */
export function referenceEnd(d: Uint8Array, i: number, end: number): number {
  let j = i + 1;
  if (j >= end) return CUT;
  if (d[j] === HASH) {
    j++;
    if (j >= end) return CUT;
    const hex = d[j] === 0x78;
    if (hex) j++;
    let value = 0;
    let digits = 0;
    for (; ; j++) {
      if (j >= end) return CUT;
      const b = d[j]!;
      let v: number;
      if (b >= 0x30 && b <= 0x39) v = b - 0x30;
      else if (hex && b >= 0x61 && b <= 0x66) v = b - 0x57;
      else if (hex && b >= 0x41 && b <= 0x46) v = b - 0x37;
      else break;
      value = Math.min(value * (hex ? 16 : 10) + v, 0x110000);
      digits++;
    }
    if (digits === 0 || d[j] !== SEMICOLON || !isXmlChar(value)) return BAD;
    return j + 1;
  }
  const start = j;
  while (j < end && NAME_CHAR[d[j]!] === 1) j++;
  if (j >= end) return CUT;
  if (j === start || d[j] !== SEMICOLON || predefinedEntity(d, start, j) < 0) return BAD;
  return j + 1;
}

/** The character a reference at i stands for (one that referenceEnd found well-formed). */
function referenceCodePoint(d: Uint8Array, i: number): number {
  if (d[i + 1] !== HASH) {
    let j = i + 1;
    while (d[j] !== SEMICOLON) j++;
    return predefinedEntity(d, i + 1, j);
  }
  let j = i + 2;
  const hex = d[j] === 0x78;
  if (hex) j++;
  let value = 0;
  for (; ; j++) {
    const b = d[j]!;
    if (b === SEMICOLON) return value;
    value = value * (hex ? 16 : 10) + (b <= 0x39 ? b - 0x30 : (b | 0x20) - 0x57);
  }
}

/** The index after `bytes` if they are at d[i...] (all before `end`); -1 if not. */
export function bytesAt(d: Uint8Array, i: number, end: number, bytes: Uint8Array): number {
  const n = bytes.length;
  if (i + n > end) return -1;
  for (let k = 0; k < n; k++) if (d[i + k] !== bytes[k]) return -1;
  return i + n;
}

/** The index after the end tag `</name>` (no whitespace in it) if it is at d[i...]; -1 if not. */
export function endTagAt(d: Uint8Array, i: number, end: number, name: Uint8Array): number {
  if (i + 1 >= end || d[i] !== LT || d[i + 1] !== SLASH) return -1;
  const j = bytesAt(d, i + 2, end, name);
  return j >= 0 && j < end && d[j] === GT ? j + 1 : -1;
}

/**
 * Attribute names a fast path may take on one kind of element: the bytes of qualified names the
 * scanner read (and resolved) on earlier elements of that kind, each with what it means to the
 * fast path. They are valid while the scanner's namespace bindings are what they were when they
 * were learned (`valid`); a change of bindings forgets them. At most 31, so that a fast path can
 * tell a duplicate attribute by a bit of an int.
 */
export class KnownAttributes {
  readonly names: Uint8Array[] = [];
  readonly meanings: number[] = [];
  private bindings = -1;

  /** Whether the names are valid under the scanner's current bindings. */
  valid(scanner: XmlScanner): boolean {
    return this.bindings === scanner.bindings && this.names.length > 0;
  }

  /**
   * Learns the attributes of the start tag the scanner is reporting (namespace declarations
   * excepted), `meaning(k)` of the k-th, keeping those already known if the bindings are the same.
   */
  learn(scanner: XmlScanner, meaning: (k: number) => number): void {
    if (this.bindings !== scanner.bindings) {
      this.names.length = 0;
      this.meanings.length = 0;
      this.bindings = scanner.bindings;
    }
    for (let k = 0; k < scanner.attributeCount; k++) {
      if (scanner.attributeNamespace(k) === XMLNS_NAMESPACE) continue;
      const name = scanner.attributeName(k);
      if (
        this.names.some(
          (known) => known.length === name.length && bytesAt(known, 0, known.length, name) >= 0
        )
      )
        continue;
      if (this.names.length >= 31) return;
      this.names.push(name);
      this.meanings.push(meaning(k));
    }
  }

  /**
   * The index of the known name at d[i...] followed by `="`, trying the `hint`-th first (names
   * tend to come in the same order); -1 if there is none.
   */
  find(d: Uint8Array, i: number, end: number, hint: number): number {
    const names = this.names;
    const first = hint < names.length ? hint : 0;
    for (let m = 0; m < names.length; m++) {
      const k = m === 0 ? first : m <= first ? m - 1 : m;
      const j = bytesAt(d, i, end, names[k]!);
      if (j >= 0 && j + 1 < end && d[j] === EQUALS && d[j + 1] === DQUOTE) return k;
    }
    return -1;
  }
}

/**
 * Writes character data [p, e), checked already, to `sink` as UTF-8: line ends normalised, and
 * references decoded unless it is the content of a CDATA section. `ascii`: whether every byte of
 * it is ASCII.
 */
export function decodeCharacterData(
  d: Buffer,
  p: number,
  e: number,
  sink: ByteSink,
  ascii: boolean,
  cdata = false
): void {
  let run = p;
  for (let i = p; i < e;) {
    const b = d[i]!;
    if (b === AMP && !cdata) {
      sink.append(d, run, i, ascii);
      sink.pushCodePoint(referenceCodePoint(d, i));
      while (d[i] !== SEMICOLON) i++;
      i++;
      run = i;
    } else if (b === CR) {
      sink.append(d, run, i, ascii);
      sink.pushByte(LF);
      i += i + 1 < e && d[i + 1] === LF ? 2 : 1;
      run = i;
    } else {
      i++;
    }
  }
  sink.append(d, run, e, ascii);
}

/** What a decode of interned bytes may need to know of them (StringInterner's `hint`). */
export const TEXT_NOT_ASCII = 1;
/** The bytes may hold an underscore, and so an OOXML `_xHHHH_` escape. */
export const TEXT_UNDERSCORE = 2;

/** TEXT_PLAIN but `_`. */
const TEXT_FAST = byteClass((b) => TEXT_PLAIN[b] === 1 && b !== 0x5f);

/**
 * Reads the text of an element for a fast path (ChildReader): character data up to the `<` that
 * ends it, every byte checked (ASCII, UTF-8 characters, references; CR and `]` are left to the
 * scanner, as they need more than a look at one byte). Its text is then bytes[start, end): the
 * document's own bytes when it has no reference, else the text decoded into a buffer of its own.
 */
export class FastText {
  bytes: Buffer = Buffer.alloc(0);
  start = 0;
  end = 0;
  /** TEXT_NOT_ASCII, TEXT_UNDERSCORE: what a StringInterner's decode needs to know of the text. */
  hint = 0;
  private readonly sink = new ByteSink();

  /** Reads the text at i: the index of the `<` after it, or a negative number (not taken). */
  read(d: Buffer, i: number, end: number): number {
    const start = i;
    let hint = 0;
    for (;;) {
      if (i >= end) return CUT;
      const b = d[i]!;
      if (TEXT_FAST[b] === 1) {
        i++;
      } else if (b === LT) {
        break;
      } else if (b >= 0x80) {
        i = utf8CharEnd(d, i, end);
        if (i < 0) return i;
        hint |= TEXT_NOT_ASCII;
      } else if (b === 0x5f) {
        hint |= TEXT_UNDERSCORE;
        i++;
      } else if (b === AMP) {
        return this.readDecoding(d, start, i, end);
      } else {
        return BAD;
      }
    }
    this.bytes = d;
    this.start = start;
    this.end = i;
    this.hint = hint;
    return i;
  }

  /** Goes on from the first reference (at i), decoding into the sink. */
  private readDecoding(d: Buffer, start: number, i: number, end: number): number {
    const sink = this.sink;
    sink.clear();
    let run = start;
    for (;;) {
      if (i >= end) return CUT;
      const b = d[i]!;
      if (TEXT_PLAIN[b] === 1) {
        i++;
      } else if (b === LT) {
        break;
      } else if (b >= 0x80) {
        i = utf8CharEnd(d, i, end);
        if (i < 0) return i;
      } else if (b === AMP) {
        sink.append(d, run, i, false);
        const at = i;
        i = decimalReference(d, at, end, sink);
        if (i === BAD) {
          // hexadecimal, an entity, or not a reference
          i = referenceEnd(d, at, end);
          if (i < 0) return i;
          sink.pushCodePoint(referenceCodePoint(d, at));
        }
        if (i < 0) return i;
        run = i;
      } else {
        return BAD;
      }
    }
    sink.append(d, run, i, false);
    this.bytes = sink.buffer;
    this.start = 0;
    this.end = sink.length;
    // a reference may stand for a non-ASCII character or for `_`
    this.hint = TEXT_NOT_ASCII | TEXT_UNDERSCORE;
    return i;
  }
}

/**
 * A decimal character reference `&#DDDD;` at i, checked and its character written to `sink`:
 * the index after it, CUT, or BAD when it is not one (or not a well-formed one).
 */
function decimalReference(d: Uint8Array, i: number, end: number, sink: ByteSink): number {
  let j = i + 2;
  if (j >= end) return CUT;
  if (d[i + 1] !== HASH) return BAD;
  let b = d[j]!;
  if (b < 0x30 || b > 0x39) return BAD;
  let value = 0;
  do {
    value = value * 10 + (b - 0x30);
    if (value > 0x10ffff) return BAD;
    if (++j >= end) return CUT;
    b = d[j]!;
  } while (b >= 0x30 && b <= 0x39);
  if (b !== SEMICOLON || !isXmlChar(value)) return BAD;
  sink.pushCodePoint(value);
  return j + 1;
}

// ---------------------------------------------------------------------------------------------
// Encodings

/** ISO-8859-1 labels, read as ISO-8859-1 (TextDecoder would read them as windows-1252). */
const LATIN1_LABELS = new Set(["iso-8859-1", "iso_8859-1", "latin1", "l1", "cp819", "ibm819"]);
const ASCII_LABELS = new Set(["us-ascii", "ascii", "iso646-us"]);

/**
 * The encoding an EncName of a declaration names, as a canonical name ("utf-8", "utf-16",
 * "iso-8859-1", "us-ascii", or TextDecoder's name), or null when Node knows no such encoding.
 */
function canonicalEncoding(label: string): string | null {
  const lower = label.toLowerCase();
  if (LATIN1_LABELS.has(lower)) return "iso-8859-1";
  if (ASCII_LABELS.has(lower)) return "us-ascii";
  try {
    const name = new TextDecoder(lower).encoding;
    return name === "utf-16le" || name === "utf-16be" ? "utf-16" : name;
  } catch {
    return null;
  }
}

type Transcoder = (chunk: Buffer) => Buffer;

/** Lone surrogates: what a UTF-16 text may hold and no XML character is. */
const LONE_SURROGATE = /\p{Cs}/u;

interface Prefix {
  readonly name: string;
  /** The namespace the prefix is bound to now; 0 when unbound (for the default: no namespace). */
  ns: number;
}

interface QName {
  readonly bytes: Uint8Array;
  readonly hash: number;
  readonly qname: string;
  /** The prefix, or null when the name has none. */
  readonly prefix: Prefix | null;
  readonly local: number;
  /** 1 for `xmlns`, 2 for `xmlns:p`, 0 otherwise. */
  readonly declares: number;
  /** The prefix `xmlns:p` declares. */
  readonly declared: Prefix | null;
  /** Scratch for the duplicate-attribute check. */
  stamp: number;
  /** The name of this element's last child element: the likely name of the next (a guess). */
  child: QName | null;
  /** The names of the attributes of this element's last start tag, in order (guesses). */
  readonly attributes: QName[];
}

/** Whether the bytes of `name` are at d[i...] and end there (no name character follows). */
function nameAt(name: QName, d: Uint8Array, i: number, end: number): boolean {
  const bytes = name.bytes;
  const n = bytes.length;
  if (i + n >= end) return false;
  for (let k = 0; k < n; k++) if (d[i + k] !== bytes[k]) return false;
  return NAME_CHAR[d[i + n]!] !== 1;
}

/** How much of a new chunk goes to the carry buffer to finish a token cut by the chunk boundary. */
const SPLICE = 4096;

const MODE_SNIFF = 0;
const MODE_READY = 1;

/** ` xml:space="preserve"`, the one attribute the fast paths accept on a `<t>`. */
const PRESERVE = new Uint8Array([...' xml:space="preserve"'].map((ch) => ch.charCodeAt(0)));

/**
 * The fast paths' plain text element at i (its `<`): `<OUTER><T>TEXT</T></OUTER>`, or with
 * `<T xml:space="preserve">` — a shared string's `<si>`, an inline string's `<is>` — with the
 * names (prefix and all) the scanner last read. Returns the index after it, TEXT in `text`; -1
 * for anything else (the scanner's to read).
 */
export function plainTextElementAt(
  d: Buffer,
  i: number,
  end: number,
  outer: Uint8Array,
  t: Uint8Array,
  text: FastText
): number {
  i = bytesAt(d, i + 1, end, outer);
  if (i < 0 || i + 1 >= end || d[i] !== GT || d[i + 1] !== LT) return -1;
  i = bytesAt(d, i + 2, end, t);
  if (i < 0 || i >= end) return -1;
  if (d[i] !== GT) {
    i = bytesAt(d, i, end, PRESERVE);
    if (i < 0 || i >= end || d[i] !== GT) return -1;
  }
  i = text.read(d, i + 1, end);
  if (i < 0) return -1;
  i = endTagAt(d, i, end, t);
  if (i < 0) return -1;
  return endTagAt(d, i, end, outer);
}

/**
 * A fast path for the children of one kind of element, such as the cells of a worksheet's rows:
 * it reads a whole child element straight from the bytes and does with it what the handler would
 * have done with its events, or declines, and the scanner reads the element as usual.
 *
 * `readChild` is called at a `<` (d[p]) that starts a start tag, inside the element the reader was
 * installed for, with the bytes up to `end` at hand. It returns the index after the child
 * element's end tag when it read all of it, or a negative number (CUT, BAD, or any other) when it
 * did not, having changed nothing. It may accept only what is well-formed (a strict subset of the
 * syntax, e.g. names it knows, plain attribute values, no markup in text), checking every byte it
 * accepts; anything else it leaves to the scanner, which reads it or reports the error. It
 * recognises elements by the bytes of names the scanner has resolved before (elementName()),
 * which is sound only while `bindings` is unchanged; it must not accept namespace declarations.
 */
export interface ChildReader {
  readChild(d: Buffer, p: number, end: number): number;
}

/** The scanner. Feed it the bytes of one document, then call finish(). */
export class XmlScanner {
  /** Where the text of the current element goes; null: it is checked and dropped. */
  textSink: ByteSink | null = null;
  /**
   * The fast path for the children of the current element, or null. Like textSink, it applies to
   * the current element: the handler sets it in startElement and endElement.
   */
  childReader: ChildReader | null = null;
  /** Attributes of the start tag being reported (namespace declarations among them). */
  attributeCount = 0;
  /**
   * Changes whenever a namespace binding does (a declaration takes effect or goes out of scope):
   * while it is unchanged, a qualified name resolves to the namespace it resolved to before.
   */
  bindings = 0;

  // ---- input
  private mode = MODE_SNIFF;
  private head: Buffer = Buffer.alloc(0);
  private transcode: Transcoder | null = null;
  private flush: (() => Buffer) | null = null;
  /** The encoding the bytes are in, canonical; what an encoding declaration must agree with. */
  private encoding = "utf-8";
  /** UTF-16 without a byte order mark: the document must start with a declaration saying so. */
  private needsDeclaration = false;
  private own: Buffer = Buffer.allocUnsafe(0);
  private d: Buffer = Buffer.allocUnsafe(0);
  private pos = 0;
  private end = 0;
  /** Offset in the document of d[0]. */
  private base = 0;
  /** Do not scan again before the document has this many bytes (an unfinished token waits). */
  private retryAt = 0;
  private final = false;

  // ---- document
  private rootSeen = false;
  private doctypeSeen = false;
  private declarationSeen = false;
  private depth = 0;
  private stackQ: QName[] = [];
  private stackNs: number[] = [];
  private stackUndo: number[] = [];
  private undoPrefix: Prefix[] = [];
  private undoNs: number[] = [];
  private undoLength = 0;

  // ---- names
  private names: (QName | undefined)[] = new Array<QName | undefined>(256);
  private nameCount = 0;
  private nameEnd = 0;
  private readonly prefixes = new Map<string, Prefix>();
  private readonly defaultPrefix: Prefix = { name: "", ns: NO_NAMESPACE };
  private readonly xmlnsPrefix: Prefix = { name: "xmlns", ns: XMLNS_NAMESPACE };
  private readonly namespaceIds = new Map<string, number>([
    ["", NO_NAMESPACE],
    [XML_URI, XML_NAMESPACE],
    [XMLNS_URI, XMLNS_NAMESPACE],
  ]);
  private readonly namespaceUris: string[] = ["", XML_URI, XMLNS_URI];
  private readonly localIds = new Map<string, number>();
  private readonly localNames: string[] = [];
  private stamp = 0;

  // ---- the current start tag's attributes
  private attrQ: QName[] = [];
  private attrNs: number[] = [];
  private attrStart: number[] = [];
  private attrEnd: number[] = [];
  /** 1: the value needs normalising; after normalising, whether it lives in `scratch`. */
  private attrSpecial: number[] = [];
  private scratch = new ByteSink();

  constructor(private readonly handler: XmlHandler) {
    this.prefixes.set("xml", { name: "xml", ns: XML_NAMESPACE });
    this.prefixes.set("xmlns", this.xmlnsPrefix);
  }

  /** The id of a namespace URI (stable for this scanner), to compare with reported ids. */
  namespaceId(uri: string): number {
    let id = this.namespaceIds.get(uri);
    if (id === undefined) {
      id = this.namespaceUris.length;
      this.namespaceIds.set(uri, id);
      this.namespaceUris.push(uri);
    }
    return id;
  }

  namespaceUri(id: number): string {
    return this.namespaceUris[id] ?? "";
  }

  /** The id of a local name (stable for this scanner), to compare with reported ids. */
  localId(name: string): number {
    let id = this.localIds.get(name);
    if (id === undefined) {
      id = this.localNames.length;
      this.localIds.set(name, id);
      this.localNames.push(name);
    }
    return id;
  }

  localName(id: number): string {
    return this.localNames[id] ?? "";
  }

  attributeNamespace(index: number): number {
    return this.attrNs[index]!;
  }

  attributeLocal(index: number): number {
    return this.attrQ[index]!.local;
  }

  /** The bytes of an attribute's qualified name. */
  attributeName(index: number): Uint8Array {
    return this.attrQ[index]!.bytes;
  }

  attributeQName(index: number): string {
    return this.attrQ[index]!.qname;
  }

  /** The bytes of an attribute's normalised value are attributeBytes(i)[start(i), end(i)). */
  attributeBytes(index: number): Buffer {
    return this.attrSpecial[index] === 1 ? this.scratch.buffer : this.d;
  }

  attributeStart(index: number): number {
    return this.attrStart[index]!;
  }

  attributeEnd(index: number): number {
    return this.attrEnd[index]!;
  }

  attributeValue(index: number): string {
    return this.attributeBytes(index).toString("utf8", this.attrStart[index], this.attrEnd[index]);
  }

  /** The bytes of the current element's qualified name (in startElement: of the one started). */
  elementName(): Uint8Array {
    return this.stackQ[this.depth - 1]!.bytes;
  }

  /** The index of the attribute (namespace, local), or -1. */
  findAttribute(namespace: number, local: number): number {
    for (let k = 0; k < this.attributeCount; k++) {
      if (this.attrNs[k] === namespace && this.attrQ[k]!.local === local) return k;
    }
    return -1;
  }

  feed(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const bytes = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.mode === MODE_SNIFF) {
      this.head = this.head.length === 0 ? Buffer.from(bytes) : Buffer.concat([this.head, bytes]);
      const rest = this.sniff(false);
      if (rest !== null) this.input(rest);
      return;
    }
    this.input(bytes);
  }

  finish(): void {
    if (this.mode === MODE_SNIFF) {
      const rest = this.sniff(true);
      if (rest !== null) this.input(rest);
    }
    if (this.flush) this.push(this.flush());
    this.final = true;
    this.run();
    if (this.pos < this.end) {
      throw this.error(
        this.depth > 0
          ? `unexpected end of input inside <${this.stackQ[this.depth - 1]!.qname}>`
          : "unexpected end of input",
        this.base + this.end
      );
    }
    if (this.depth > 0) {
      throw this.error(
        `<${this.stackQ[this.depth - 1]!.qname}> is never closed`,
        this.base + this.end
      );
    }
    if (!this.rootSeen) throw this.error("no root element", this.base + this.end);
    if (this.needsDeclaration && !this.declarationSeen) {
      throw this.error("UTF-16 without a byte order mark needs an encoding declaration", 0);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Input: encoding detection, transcoding, buffering

  /** Decides the encoding from the document's first bytes; the bytes after any BOM, or null: wait. */
  private sniff(final: boolean): Buffer | null {
    const h = this.head;
    if (h.length < 4 && !final) return null;
    const at = (k: number) => (k < h.length ? h[k]! : -1);
    let skip = 0;
    if (at(0) === 0xef && at(1) === 0xbb && at(2) === 0xbf) {
      skip = 3;
    } else if (at(0) === 0xfe && at(1) === 0xff) {
      this.useUtf16(false);
      skip = 2;
    } else if (at(0) === 0xff && at(1) === 0xfe) {
      this.useUtf16(true);
      skip = 2;
    } else if (at(0) === 0 && at(1) === LT && at(2) === 0 && at(3) === QUESTION) {
      this.useUtf16(false);
      this.needsDeclaration = true;
    } else if (at(0) === LT && at(1) === 0 && at(2) === QUESTION && at(3) === 0) {
      this.useUtf16(true);
      this.needsDeclaration = true;
    } else if (at(0) === LT && at(1) === QUESTION && at(2) === 0x78 && at(3) === 0x6d) {
      const close = h.indexOf(GT);
      if (close < 0 && !final) return null;
      const declaration = h.toString("latin1", 0, close < 0 ? h.length : close);
      const label = /\sencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(declaration);
      if (label) this.useDeclared(label[1] ?? label[2] ?? "");
    }
    this.mode = MODE_READY;
    const rest = h.subarray(skip);
    this.head = Buffer.alloc(0);
    return rest;
  }

  private useUtf16(littleEndian: boolean): void {
    this.encoding = "utf-16";
    const decoder = new StringDecoder("utf16le");
    let odd = -1;
    // StringDecoder may end a piece with the first half of a surrogate pair: keep it for the next
    let high = "";
    const check = (decoded: string): Buffer => {
      let text = high + decoded;
      high = "";
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        high = text.slice(-1);
        text = text.slice(0, -1);
      }
      if (LONE_SURROGATE.test(text)) {
        throw this.error("a UTF-16 surrogate without its pair", this.base + this.end);
      }
      return Buffer.from(text, "utf8");
    };
    this.transcode = (chunk) => {
      if (littleEndian) return check(decoder.write(chunk));
      // big-endian: swap each pair of bytes, keeping an odd last byte for the next chunk
      const carried = odd < 0 ? 0 : 1;
      const total = chunk.length + carried;
      const even = total - (total % 2);
      const swapped = Buffer.allocUnsafe(even);
      if (carried === 1 && even > 0) swapped[0] = odd;
      for (let k = carried; k < even; k++) swapped[k] = chunk[k - carried]!;
      odd = total % 2 === 1 ? chunk[chunk.length - 1]! : -1;
      return check(decoder.write(swapped.swap16()));
    };
    this.flush = () => {
      const rest = decoder.end();
      if (odd >= 0 || rest.length > 0 || high !== "") {
        throw this.error("the UTF-16 text ends inside a character", this.base + this.end);
      }
      return Buffer.alloc(0);
    };
  }

  /** The encoding an XML declaration names, for a document whose bytes are ASCII-compatible. */
  private useDeclared(label: string): void {
    const name = canonicalEncoding(label);
    if (name === null) throw this.error(`unsupported encoding "${label}"`, 0);
    this.encoding = name;
    if (name === "utf-8") return;
    if (name === "utf-16") {
      throw this.error(`the declaration says ${label} but the bytes are not UTF-16`, 0);
    }
    if (name === "iso-8859-1") {
      this.transcode = (chunk) => Buffer.from(chunk.toString("latin1"), "utf8");
      return;
    }
    if (name === "us-ascii") {
      this.transcode = (chunk) => {
        for (let k = 0; k < chunk.length; k++) {
          if (chunk[k]! >= 0x80)
            throw this.error("a byte that is not US-ASCII", this.base + this.end);
        }
        return chunk;
      };
      return;
    }
    const decoder = new TextDecoder(name, { fatal: true });
    const decode = (chunk: Buffer | undefined): Buffer => {
      try {
        return Buffer.from(
          chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode(),
          "utf8"
        );
      } catch {
        throw this.error(`bytes that are not ${label}`, this.base + this.end);
      }
    };
    this.transcode = (chunk) => decode(chunk);
    this.flush = () => decode(undefined);
  }

  private input(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.push(this.transcode ? this.transcode(bytes) : bytes);
  }

  /** Takes UTF-8 bytes and scans as far as they go. */
  private push(chunk: Buffer): void {
    const pending = this.end - this.pos;
    if (chunk.length === 0) {
      // nothing new (finish() scans what is left)
    } else if (pending === 0) {
      this.base += this.end;
      this.d = chunk;
      this.pos = 0;
      this.end = chunk.length;
    } else if (
      pending <= SPLICE &&
      chunk.length >= 4 * SPLICE &&
      this.base + this.end + chunk.length >= this.retryAt
    ) {
      // A token runs over from the last chunk: finish it with the start of this chunk in the
      // carry buffer, then go on reading the chunk where it is instead of copying all of it.
      this.carry(chunk.subarray(0, SPLICE));
      this.run();
      if (this.pos >= pending) {
        const at = this.pos - pending;
        this.base += pending;
        this.d = chunk;
        this.pos = at;
        this.end = chunk.length;
      } else {
        this.carry(chunk.subarray(SPLICE));
      }
    } else {
      this.carry(chunk);
    }
    if (this.base + this.end < this.retryAt && !this.final) return;
    this.run();
    if (this.pos >= this.end) return;
    // an unfinished token: wait for at least as many bytes again (linear time for long tokens)
    const left = this.end - this.pos;
    this.retryAt = this.base + this.end + left;
    if (this.d !== this.own) this.carry(null);
  }

  /** Moves the unread bytes to the start of the carry buffer and appends `more` to them. */
  private carry(more: Buffer | null): void {
    const pending = this.end - this.pos;
    const total = pending + (more ? more.length : 0);
    let own = this.own;
    if (own.length < total) own = Buffer.allocUnsafe(Math.max(total, own.length * 2, 1 << 16));
    if (this.d !== own || this.pos > 0) this.d.copy(own, 0, this.pos, this.end);
    if (more) more.copy(own, pending);
    this.base += this.pos;
    this.own = own;
    this.d = own;
    this.pos = 0;
    this.end = total;
  }

  private error(reason: string, offset: number): XmlSyntaxError {
    return new XmlSyntaxError(reason, offset);
  }

  private at(index: number): number {
    return this.base + index;
  }

  // ---------------------------------------------------------------------------------------------
  // Tokens. Each reads the token at `p` and returns the index after it, or -1 when the buffer
  // ends before the token does (nothing has been reported then: it is read again with more bytes).

  private run(): void {
    const d = this.d;
    const end = this.end;
    let p = this.pos;
    while (p < end) {
      let next: number;
      if (d[p] === LT) {
        if (p + 1 >= end) break;
        const b = d[p + 1];
        if (b === SLASH) next = this.endTag(p);
        else if (b === BANG) next = this.bang(p);
        else if (b === QUESTION) next = this.processingInstruction(p);
        else if (this.childReader === null || this.depth === 0) next = this.startTag(p);
        else {
          next = this.childReader.readChild(d, p, end);
          if (next < 0) next = this.startTag(p);
        }
      } else {
        next = this.text(p);
      }
      if (next < 0) break;
      p = next;
    }
    this.pos = p;
  }

  private text(p: number): number {
    const d = this.d;
    const end = this.end;
    let i = p;
    let special = false;
    let ascii = true;
    for (;;) {
      if (i >= end) {
        if (this.final && this.depth === 0) break;
        return -1;
      }
      const b = d[i]!;
      if (TEXT_PLAIN[b] === 1) {
        i++;
      } else if (b === LT) {
        break;
      } else if (b === AMP) {
        i = this.reference(i, null);
        if (i < 0) return -1;
        special = true;
      } else if (b === CR) {
        special = true;
        i++;
      } else if (b === RSQB) {
        if (i + 2 < end && d[i + 1] === RSQB && d[i + 2] === GT) {
          throw this.error("']]>' is not allowed in text", this.at(i));
        }
        i++;
      } else if (b >= 0xe1 && b <= 0xec && i + 2 < end && isContinuation(d[i + 1]!, d[i + 2]!)) {
        i += 3; // U+1000 to U+CFFF: most of CJK, always allowed
        ascii = false;
      } else if (b >= 0x80) {
        i = this.utf8(i);
        if (i < 0) return -1;
        ascii = false;
      } else {
        throw this.badCharacter(i);
      }
    }
    if (this.depth === 0) {
      for (let k = p; k < i; k++) {
        if (WS[d[k]!] !== 1) {
          throw this.error(
            this.rootSeen ? "text after the root element" : "text before the root element",
            this.at(k)
          );
        }
      }
    } else if (this.textSink !== null && i > p) {
      if (special) this.decodeText(p, i, this.textSink, ascii, false);
      else this.textSink.append(d, p, i, ascii);
    }
    return i;
  }

  /**
   * Writes text [p, e) (checked already) with line ends normalised, and references decoded unless
   * it is the content of a CDATA section.
   */
  private decodeText(p: number, e: number, sink: ByteSink, ascii: boolean, cdata: boolean): void {
    decodeCharacterData(this.d, p, e, sink, ascii, cdata);
  }

  /** A reference `&...;` at i: checked, and decoded into `out` when given. */
  private reference(i: number, out: ByteSink | null): number {
    const j = referenceEnd(this.d, i, this.end);
    if (j === BAD) throw this.badReference(i);
    if (j >= 0 && out !== null) out.pushCodePoint(referenceCodePoint(this.d, i));
    return j;
  }

  /** Why the reference at i is not well-formed (referenceEnd said BAD). */
  private badReference(i: number): XmlSyntaxError {
    const d = this.d;
    let j = i + 1;
    if (d[j] === HASH) {
      j++;
      const hex = d[j] === 0x78;
      if (hex) j++;
      const first = j;
      while (j < this.end && (isDigit(d[j]!) || (hex && isHexLetter(d[j]!)))) j++;
      if (j === first || d[j] !== SEMICOLON) {
        return this.error("malformed character reference", this.at(i));
      }
      return this.error(
        `character reference ${d.toString("latin1", i, j + 1)} is not an XML character`,
        this.at(i)
      );
    }
    const start = j;
    while (j < this.end && NAME_CHAR[d[j]!] === 1) j++;
    if (j === start || d[j] !== SEMICOLON) {
      return this.error("'&' that does not start a reference", this.at(i));
    }
    return this.error(`unknown entity &${d.toString("utf8", start, j)};`, this.at(i));
  }

  /** Checks the UTF-8 character at i (a byte >= 0x80); the index after it, or -1: cut short. */
  private utf8(i: number): number {
    const j = utf8CharEnd(this.d, i, this.end);
    if (j === BAD) throw this.badUtf8(i);
    return j;
  }

  private badUtf8(i: number): XmlSyntaxError {
    const d = this.d;
    if (d[i] === 0xef && d[i + 1] === 0xbf && d[i + 2]! >= 0xbe && d[i + 2]! <= 0xbf) {
      return this.badCharacter(i);
    }
    return this.error(
      `byte 0x${this.d[i]!.toString(16)} does not start a UTF-8 character`,
      this.at(i)
    );
  }

  private badCharacter(i: number): XmlSyntaxError {
    const b = this.d[i]!;
    const what =
      b < 0x80
        ? `U+${b.toString(16).padStart(4, "0").toUpperCase()}`
        : JSON.stringify(this.d.toString("utf8", i, i + 3));
    return this.error(`character ${what} is not allowed in XML`, this.at(i));
  }

  /** Skips characters (checked) up to the first `terminator` byte pair; index of it, or -1. */
  private charsUntil(i: number, first: number, second: number): number {
    const d = this.d;
    const end = this.end;
    for (;;) {
      if (i >= end) return -1;
      const b = d[i]!;
      if (b === first) {
        if (i + 1 >= end) return -1;
        if (d[i + 1] === second) return i;
        i++;
      } else if (CHAR_ASCII[b] === 1) {
        i++;
      } else if (b >= 0x80) {
        i = this.utf8(i);
        if (i < 0) return -1;
      } else {
        throw this.badCharacter(i);
      }
    }
  }

  private startTag(p: number): number {
    const d = this.d;
    const end = this.end;
    // names repeat: try the name this parent's last child had, then look the name up
    const parent = this.depth > 0 ? this.stackQ[this.depth - 1]! : null;
    const guess = parent === null ? null : parent.child;
    let q: QName | null;
    let i: number;
    if (guess !== null && nameAt(guess, d, p + 1, end)) {
      q = guess;
      i = p + 1 + guess.bytes.length;
    } else {
      q = this.qname(p + 1);
      if (q === null) return -1;
      i = this.nameEnd;
      if (parent !== null) parent.child = q;
    }
    const guesses = q.attributes;
    let n = 0;
    let selfClosing = false;
    for (;;) {
      if (i >= end) return -1;
      let b = d[i]!;
      if (b === GT) {
        i++;
        break;
      }
      if (b === SLASH) {
        if (i + 1 >= end) return -1;
        if (d[i + 1] !== GT) throw this.error("'/' not followed by '>' in a start tag", this.at(i));
        i += 2;
        selfClosing = true;
        break;
      }
      if (WS[b] !== 1) {
        throw this.error(`expected whitespace, '>' or '/>' in <${q.qname}>`, this.at(i));
      }
      do {
        if (++i >= end) return -1;
        b = d[i]!;
      } while (WS[b] === 1);
      if (b === GT || b === SLASH) continue;
      let a = guesses[n];
      if (a !== undefined && nameAt(a, d, i, end)) {
        i += a.bytes.length;
      } else {
        const looked = this.qname(i);
        if (looked === null) return -1;
        a = looked;
        i = this.nameEnd;
        guesses[n] = a;
      }
      while (i < end && WS[d[i]!] === 1) i++;
      if (i >= end) return -1;
      if (d[i] !== EQUALS) throw this.error(`expected '=' after attribute ${a.qname}`, this.at(i));
      i++;
      while (i < end && WS[d[i]!] === 1) i++;
      if (i >= end) return -1;
      const quote = d[i]!;
      if (quote !== DQUOTE && quote !== SQUOTE) {
        throw this.error(`the value of attribute ${a.qname} is not quoted`, this.at(i));
      }
      const start = ++i;
      let special = 0;
      for (;;) {
        if (i >= end) return -1;
        const c = d[i]!;
        if (ATTR_PLAIN[c] === 1) {
          i++;
        } else if (c === quote) {
          break;
        } else if (c === DQUOTE || c === SQUOTE) {
          i++;
        } else if (c === AMP) {
          i = this.reference(i, null);
          if (i < 0) return -1;
          special = 1;
        } else if (c === TAB || c === LF || c === CR) {
          special = 1;
          i++;
        } else if (c === LT) {
          throw this.error(`'<' in the value of attribute ${a.qname}`, this.at(i));
        } else if (c >= 0x80) {
          i = this.utf8(i);
          if (i < 0) return -1;
        } else {
          throw this.badCharacter(i);
        }
      }
      this.attrQ[n] = a;
      this.attrStart[n] = start;
      this.attrEnd[n] = i;
      this.attrSpecial[n] = special;
      n++;
      i++;
    }
    this.openElement(q, n, p);
    if (selfClosing) this.closeElement();
    return i;
  }

  /** A complete start tag of `n` attributes: normalise, bind namespaces, check, report. */
  private openElement(q: QName, n: number, p: number): void {
    if (this.depth === 0) {
      if (this.rootSeen) throw this.error(`a second root element <${q.qname}>`, this.at(p));
      this.rootSeen = true;
    }
    const stamp = ++this.stamp;
    const mark = this.undoLength;
    let prefixed = 0;
    this.scratch.clear();
    for (let k = 0; k < n; k++) {
      const a = this.attrQ[k]!;
      if (a.stamp === stamp) throw this.error(`duplicate attribute ${a.qname}`, this.at(p));
      a.stamp = stamp;
      if (this.attrSpecial[k] === 1) this.normaliseAttribute(k);
      if (a.declares !== 0) {
        this.declare(a, this.attributeValue(k), p);
        this.attrNs[k] = XMLNS_NAMESPACE;
      } else if (a.prefix !== null) {
        prefixed++;
      } else {
        this.attrNs[k] = NO_NAMESPACE;
      }
    }
    if (prefixed > 0) {
      for (let k = 0; k < n; k++) {
        const a = this.attrQ[k]!;
        if (a.declares !== 0 || a.prefix === null) continue;
        const ns = a.prefix.ns;
        if (ns === 0) throw this.error(`undeclared prefix in attribute ${a.qname}`, this.at(p));
        this.attrNs[k] = ns;
        for (let m = 0; m < k; m++) {
          if (this.attrNs[m] === ns && this.attrQ[m]!.local === a.local && this.attrQ[m]!.prefix) {
            throw this.error(
              `attributes ${this.attrQ[m]!.qname} and ${a.qname} have the same name`,
              this.at(p)
            );
          }
        }
      }
    }
    this.attributeCount = n;
    let ns: number;
    if (q.prefix === null) {
      ns = this.defaultPrefix.ns;
    } else {
      ns = q.prefix.ns;
      if (q.prefix === this.xmlnsPrefix) {
        throw this.error(`element <${q.qname}> has the prefix xmlns`, this.at(p));
      }
      if (ns === 0) throw this.error(`undeclared prefix in <${q.qname}>`, this.at(p));
    }
    const depth = this.depth;
    this.stackQ[depth] = q;
    this.stackNs[depth] = ns;
    this.stackUndo[depth] = mark;
    this.depth = depth + 1;
    this.handler.startElement(ns, q.local);
    this.attributeCount = 0;
  }

  private declare(a: QName, uri: string, p: number): void {
    let target: Prefix;
    let ns: number;
    if (a.declares === 1) {
      if (uri === XML_URI || uri === XMLNS_URI) {
        throw this.error(`the default namespace may not be ${uri}`, this.at(p));
      }
      target = this.defaultPrefix;
      ns = this.namespaceId(uri);
    } else {
      target = a.declared!;
      if (target.name === "xmlns")
        throw this.error("the prefix xmlns may not be declared", this.at(p));
      if (target.name === "xml") {
        if (uri !== XML_URI)
          throw this.error(`the prefix xml may only be bound to ${XML_URI}`, this.at(p));
        return;
      }
      if (uri === "") throw this.error(`${a.qname} declares an empty namespace name`, this.at(p));
      if (uri === XML_URI || uri === XMLNS_URI) {
        throw this.error(`the prefix ${target.name} may not be bound to ${uri}`, this.at(p));
      }
      ns = this.namespaceId(uri);
    }
    this.undoPrefix[this.undoLength] = target;
    this.undoNs[this.undoLength] = target.ns;
    this.undoLength++;
    target.ns = ns;
    this.bindings++;
  }

  /** Normalises attribute k's value into the scratch buffer (references, whitespace). */
  private normaliseAttribute(k: number): void {
    const d = this.d;
    const sink = this.scratch;
    const start = sink.length;
    const e = this.attrEnd[k]!;
    let run = this.attrStart[k]!;
    for (let i = run; i < e;) {
      const b = d[i]!;
      if (b === AMP) {
        sink.append(d, run, i, false);
        i = this.reference(i, sink);
        run = i;
      } else if (b === TAB || b === LF || b === CR) {
        sink.append(d, run, i, false);
        sink.pushByte(SPACE);
        i += b === CR && i + 1 < e && d[i + 1] === LF ? 2 : 1;
        run = i;
      } else {
        i++;
      }
    }
    sink.append(d, run, e, false);
    this.attrStart[k] = start;
    this.attrEnd[k] = sink.length;
  }

  private closeElement(): void {
    const depth = this.depth - 1;
    this.depth = depth;
    const mark = this.stackUndo[depth]!;
    if (this.undoLength > mark) {
      this.bindings++;
      while (this.undoLength > mark) {
        this.undoLength--;
        this.undoPrefix[this.undoLength]!.ns = this.undoNs[this.undoLength]!;
      }
    }
    this.handler.endElement(this.stackNs[depth]!, this.stackQ[depth]!.local);
  }

  private endTag(p: number): number {
    const d = this.d;
    const end = this.end;
    if (this.depth > 0) {
      // the usual case: the name of the open element, then '>'
      const bytes = this.stackQ[this.depth - 1]!.bytes;
      const n = bytes.length;
      const from = p + 2;
      if (from + n < end) {
        let k = 0;
        while (k < n && d[from + k] === bytes[k]) k++;
        if (k === n && d[from + n] === GT) {
          this.closeElement();
          return from + n + 1;
        }
      }
    }
    const q = this.qname(p + 2);
    if (q === null) return -1;
    let i = this.nameEnd;
    while (i < end && WS[d[i]!] === 1) i++;
    if (i >= end) return -1;
    if (d[i] !== GT) throw this.error(`expected '>' in </${q.qname}>`, this.at(i));
    if (this.depth === 0) throw this.error(`</${q.qname}> without a start tag`, this.at(p));
    const open = this.stackQ[this.depth - 1]!;
    if (open !== q) {
      throw this.error(`</${q.qname}> where </${open.qname}> was expected`, this.at(p));
    }
    this.closeElement();
    return i + 1;
  }

  /** `<!--`, `<![CDATA[` or `<!DOCTYPE`. */
  private bang(p: number): number {
    const d = this.d;
    const end = this.end;
    if (p + 2 >= end) return -1;
    const b = d[p + 2];
    const word = b === DASH ? "--" : b === LSQB ? "[CDATA[" : "DOCTYPE";
    for (let k = 0; k < word.length; k++) {
      if (p + 2 + k >= end) return -1;
      if (d[p + 2 + k] !== word.charCodeAt(k)) {
        throw this.error("'<!' that starts no comment, CDATA section or DOCTYPE", this.at(p));
      }
    }
    if (b === DASH) return this.comment(p + 4);
    if (b === LSQB) return this.cdata(p, p + 9);
    return this.doctype(p, p + 9);
  }

  private comment(start: number): number {
    const i = this.charsUntil(start, DASH, DASH);
    if (i < 0 || i + 2 >= this.end) return -1;
    if (this.d[i + 2] !== GT) throw this.error("'--' inside a comment", this.at(i));
    return i + 3;
  }

  private cdata(p: number, start: number): number {
    if (this.depth === 0) throw this.error("a CDATA section outside the root element", this.at(p));
    const d = this.d;
    const end = this.end;
    let i = start;
    let cr = false;
    let ascii = true;
    for (;;) {
      if (i >= end) return -1;
      const b = d[i]!;
      if (b === RSQB) {
        if (i + 2 >= end) return -1;
        if (d[i + 1] === RSQB && d[i + 2] === GT) break;
        i++;
      } else if (CHAR_ASCII[b] === 1) {
        if (b === CR) cr = true;
        i++;
      } else if (b >= 0x80) {
        i = this.utf8(i);
        if (i < 0) return -1;
        ascii = false;
      } else {
        throw this.badCharacter(i);
      }
    }
    const sink = this.textSink;
    if (sink !== null && i > start) {
      if (cr) this.decodeText(start, i, sink, ascii, true);
      else sink.append(d, start, i, ascii);
    }
    return i + 3;
  }

  private doctype(p: number, i: number): number {
    const d = this.d;
    const end = this.end;
    if (this.rootSeen || this.doctypeSeen) {
      throw this.error("a DOCTYPE is only allowed once, before the root element", this.at(p));
    }
    const spaced = (k: number): number => {
      let j = k;
      while (j < end && WS[d[j]!] === 1) j++;
      return j;
    };
    let j = spaced(i);
    if (j >= end) return -1;
    if (j === i) throw this.error("expected whitespace after <!DOCTYPE", this.at(i));
    const nameStart = j;
    while (j < end && NAME_CHAR[d[j]!] === 1) j++;
    if (j >= end) return -1;
    if (!isXmlName(this.checkedText(nameStart, j))) {
      throw this.error("expected the document type's name", this.at(nameStart));
    }
    let k = spaced(j);
    if (k >= end) return -1;
    const literal = (at: number, pubid: boolean): number => {
      if (at >= end) return -1;
      const quote = d[at];
      if (quote !== DQUOTE && quote !== SQUOTE)
        throw this.error("expected a quoted literal", this.at(at));
      const close = d.indexOf(quote, at + 1);
      if (close < 0 || close >= end) return -1;
      for (let m = at + 1; m < close;) {
        const c = d[m]!;
        if (pubid ? PUBID_CHAR[c] !== 1 : c < 0x80 && CHAR_ASCII[c] !== 1)
          throw this.badCharacter(m);
        if (c >= 0x80) {
          m = this.utf8(m);
          if (m < 0) return -1;
        } else {
          m++;
        }
      }
      return close + 1;
    };
    const keyword = (word: string): boolean | null => {
      for (let m = 0; m < word.length; m++) {
        if (k + m >= end) return null;
        if (d[k + m] !== word.charCodeAt(m)) return false;
      }
      return true;
    };
    if (k > j && (d[k] === 0x53 || d[k] === 0x50)) {
      const isSystem = d[k] === 0x53;
      const found = keyword(isSystem ? "SYSTEM" : "PUBLIC");
      if (found === null) return -1;
      if (!found) throw this.error("expected SYSTEM or PUBLIC in the DOCTYPE", this.at(k));
      let m = k + 6;
      const afterKeyword = spaced(m);
      if (afterKeyword >= end) return -1;
      if (afterKeyword === m) throw this.error("expected whitespace in the DOCTYPE", this.at(m));
      m = literal(afterKeyword, !isSystem);
      if (m < 0) return -1;
      if (!isSystem) {
        const afterPublic = spaced(m);
        if (afterPublic >= end) return -1;
        if (afterPublic === m) throw this.error("expected whitespace in the DOCTYPE", this.at(m));
        m = literal(afterPublic, false);
        if (m < 0) return -1;
      }
      k = spaced(m);
      if (k >= end) return -1;
    }
    if (d[k] === LSQB) {
      throw this.error("a DOCTYPE with an internal subset is not supported", this.at(k));
    }
    if (d[k] !== GT) throw this.error("expected '>' to end the DOCTYPE", this.at(k));
    this.doctypeSeen = true;
    return k + 1;
  }

  private processingInstruction(p: number): number {
    const d = this.d;
    const end = this.end;
    let j = p + 2;
    while (j < end && NAME_CHAR[d[j]!] === 1) j++;
    if (j >= end) return -1;
    const target = this.checkedText(p + 2, j);
    if (!isNcName(target)) {
      throw this.error("expected a processing-instruction target (a name without ':')", this.at(p));
    }
    const isDeclaration = target === "xml" && this.at(p) === 0;
    if (!isDeclaration) {
      if (target.toLowerCase() === "xml") {
        throw this.error("an XML declaration is only allowed at the very start", this.at(p));
      }
      if (this.needsDeclaration && this.at(p) === 0) {
        throw this.error("UTF-16 without a byte order mark needs an encoding declaration", 0);
      }
    }
    let close: number;
    if (d[j] === QUESTION) {
      if (j + 1 >= end) return -1;
      if (d[j + 1] !== GT) throw this.error("expected '?>'", this.at(j));
      close = j;
    } else {
      if (WS[d[j]!] !== 1) throw this.error("expected whitespace after the target", this.at(j));
      close = this.charsUntil(j, QUESTION, GT);
      if (close < 0) return -1;
    }
    if (isDeclaration) this.declaration(d.toString("latin1", j, close), p);
    return close + 2;
  }

  private declaration(text: string, p: number): void {
    const match =
      /^[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"(1\.[0-9]+)"|'(1\.[0-9]+)')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"([A-Za-z][A-Za-z0-9._-]*)"|'([A-Za-z][A-Za-z0-9._-]*)'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*$/.exec(
        text
      );
    if (!match) throw this.error("malformed XML declaration", this.at(p));
    const label = match[3] ?? match[4];
    if (label !== undefined) {
      const name = canonicalEncoding(label);
      if (name === null) throw this.error(`unsupported encoding "${label}"`, this.at(p));
      if (name !== this.encoding) {
        throw this.error(
          `the declaration says ${label} but the document is ${this.encoding}`,
          this.at(p)
        );
      }
    } else if (this.needsDeclaration) {
      throw this.error(
        "UTF-16 without a byte order mark needs an encoding declaration",
        this.at(p)
      );
    }
    this.declarationSeen = true;
  }

  // ---------------------------------------------------------------------------------------------
  // Names

  /** The qualified name at i (interned); null when the buffer ends inside it. */
  private qname(i: number): QName | null {
    const d = this.d;
    const end = this.end;
    if (i >= end) return null;
    if (NAME_START[d[i]!] !== 1) throw this.error("expected a name", this.at(i));
    let h = 0x811c9dc5 | 0;
    let j = i;
    while (j < end) {
      const b = d[j]!;
      if (NAME_CHAR[b] !== 1) break;
      h = Math.imul(h ^ b, 0x01000193);
      j++;
    }
    if (j >= end) return null;
    this.nameEnd = j;
    const n = j - i;
    const names = this.names;
    const mask = names.length - 1;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const entry = names[at];
      if (entry === undefined) return this.newName(at, h, i, j);
      if (entry.hash !== h || entry.bytes.length !== n) continue;
      const bytes = entry.bytes;
      let k = 0;
      while (k < n && bytes[k] === d[i + k]) k++;
      if (k === n) return entry;
    }
  }

  /** The text of [i, j), whose multi-byte characters are checked here. */
  private checkedText(i: number, j: number): string {
    const d = this.d;
    let ascii = true;
    for (let k = i; k < j;) {
      if (d[k]! < 0x80) {
        k++;
      } else {
        k = this.utf8(k);
        ascii = false;
      }
    }
    return d.toString(ascii ? "latin1" : "utf8", i, j);
  }

  private newName(at: number, hash: number, i: number, j: number): QName {
    const d = this.d;
    const qname = this.checkedText(i, j);
    const colon = qname.indexOf(":");
    const prefixName = colon < 0 ? "" : qname.slice(0, colon);
    const localName = colon < 0 ? qname : qname.slice(colon + 1);
    if (!isNcName(localName) || (colon >= 0 && !isNcName(prefixName))) {
      throw this.error(`"${qname}" is not a qualified name`, this.at(i));
    }
    let prefix: Prefix | null = null;
    let declares = 0;
    let declared: Prefix | null = null;
    if (colon < 0) {
      if (qname === "xmlns") declares = 1;
    } else {
      prefix = this.prefix(prefixName);
      if (prefixName === "xmlns") {
        declares = 2;
        declared = this.prefix(localName);
      }
    }
    const entry: QName = {
      bytes: new Uint8Array(d.subarray(i, j)),
      hash,
      qname,
      prefix,
      local: this.localId(localName),
      declares,
      declared,
      stamp: 0,
      child: null,
      attributes: [],
    };
    this.names[at] = entry;
    if (++this.nameCount * 2 > this.names.length) this.rehashNames();
    return entry;
  }

  private prefix(name: string): Prefix {
    let prefix = this.prefixes.get(name);
    if (!prefix) {
      prefix = { name, ns: 0 };
      this.prefixes.set(name, prefix);
    }
    return prefix;
  }

  private rehashNames(): void {
    const old = this.names;
    const size = old.length * 2;
    this.names = new Array<QName | undefined>(size);
    for (const entry of old) {
      if (!entry) continue;
      let at = entry.hash & (size - 1);
      while (this.names[at] !== undefined) at = (at + 1) & (size - 1);
      this.names[at] = entry;
    }
  }
}

/** Whether both bytes are UTF-8 continuation bytes. */
function isContinuation(b1: number, b2: number): boolean {
  return ((b1 & 0xc0) | ((b2 & 0xc0) >> 2)) === 0xa0;
}

/** The character of `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` (name at [s, e)), or -1. */
function predefinedEntity(d: Uint8Array, s: number, e: number): number {
  const n = e - s;
  const c0 = d[s];
  if (n === 2 && d[s + 1] === 0x74) {
    if (c0 === 0x6c) return LT;
    if (c0 === 0x67) return GT;
  } else if (n === 3 && c0 === 0x61 && d[s + 1] === 0x6d && d[s + 2] === 0x70) {
    return AMP;
  } else if (n === 4) {
    const tail = String.fromCharCode(d[s + 1]!, d[s + 2]!, d[s + 3]!);
    if (c0 === 0x71 && tail === "uot") return DQUOTE;
    if (c0 === 0x61 && tail === "pos") return SQUOTE;
  }
  return -1;
}
