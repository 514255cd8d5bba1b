/**
 * The zip container of an .xlsx, on node's own zlib: entries are inflated by native code, the
 * parts we keep are copied into the output still compressed (never inflated and deflated again),
 * and every entry's CRC-32 is checked as it is read.
 *
 * Measured against JSZip (pako, in JavaScript) on the benchmark's workbooks: see docs/DECISIONS.md.
 * Only what a package needs: stored (0) and deflated (8) entries, ZIP64 sizes and offsets on
 * reading, UTF-8 or CP437 names. An encrypted entry, another compression method, a bad signature or
 * a CRC that does not match is a ZipError, which the package layer reports as a corrupt file.
 */
import { Buffer } from "node:buffer";
import { open, type FileHandle } from "node:fs/promises";
import { createDeflateRaw, createGunzip, crc32, deflateRaw, inflateRaw } from "node:zlib";
import { env, nextTick } from "node:process";
import { promisify } from "node:util";

const inflateRawAsync = promisify(inflateRaw);
const deflateRawAsync = promisify(deflateRaw);

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
  readonly time: number;
  readonly date: number;
  readonly isDirectory: boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
/**
 * Size of the chunks an entry is streamed in. Each chunk is a round trip between this thread and
 * zlib's: on a busy shared machine the read stage at 100k members took up to 1.4 times as long with
 * 256 KB chunks as with 2 MB ones, 1.03 times in a quieter hour (bench/README.md, 2026-12-03); 2 MB
 * held in flight is nothing beside a sheet's rows. Exported for the bench's floor, which streams
 * as the reader does.
 */
export const STREAM_CHUNK = Number(env.XLSX_STREAM_CHUNK ?? 1 << 21);

/** CP437 upper half as Unicode, for the rare producer that does not flag its names as UTF-8. */
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ";

function decodeName(bytes: Buffer, utf8: boolean): string {
  if (utf8) return bytes.toString("utf8");
  let name = "";
  for (const byte of bytes)
    name += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80];
  return name;
}

function u64(buffer: Buffer, at: number): number {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError("a ZIP64 size beyond 2^53");
  return Number(value);
}

/** A zip archive held in memory, its central directory read. */
export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byFolded = new Map<string, ZipEntry>();
  readonly entries: readonly ZipEntry[];

  private constructor(
    readonly bytes: Buffer,
    entries: ZipEntry[]
  ) {
    this.entries = entries;
    for (const entry of entries) {
      if (!this.byName.has(entry.name)) this.byName.set(entry.name, entry);
      const folded = entry.name.toLowerCase();
      if (!this.byFolded.has(folded)) this.byFolded.set(folded, entry);
    }
  }

  /** Reads the central directory; ZipError when there is none or it does not hold together. */
  static open(input: Uint8Array): ZipArchive {
    const bytes = Buffer.isBuffer(input)
      ? input
      : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    const { eocd, zip64 } = endRecords(bytes);
    const end = directoryEnd(
      bytes,
      eocd,
      zip64 === null ? null : bytes.subarray(zip64, zip64 + 56)
    );
    if (end.offset + end.size > bytes.length) {
      throw new ZipError("central directory beyond the end");
    }
    const directory = bytes.subarray(end.offset, end.offset + end.size);
    return new ZipArchive(bytes, centralDirectory(directory, end.count));
  }

  /** The entry of this name, matched exactly, else ignoring case; undefined when there is none. */
  get(name: string): ZipEntry | undefined {
    return this.byName.get(name) ?? this.byFolded.get(name.toLowerCase());
  }

  /** The entry's data as stored (compressed for a deflated entry). */
  raw(entry: ZipEntry): Buffer {
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL) {
      throw new ZipError(`${entry.name}: bad local header`);
    }
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw new ZipError(`${entry.name}: data beyond the end`);
    return this.bytes.subarray(start, end);
  }

  private checkReadable(entry: ZipEntry): void {
    if ((entry.flags & 0x1) !== 0) throw new ZipError(`${entry.name}: encrypted entry`);
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ZipError(`${entry.name}: compression method ${entry.method}`);
    }
  }

  /** The entry's content, inflated and its CRC checked. */
  async read(entry: ZipEntry): Promise<Buffer> {
    this.checkReadable(entry);
    const raw = this.raw(entry);
    let data: Buffer;
    try {
      data = entry.method === 0 ? raw : await inflateRawAsync(raw);
    } catch (error) {
      throw new ZipError(
        `${entry.name}: ${error instanceof Error ? error.message : String(error)}`
      );
    }
    if (crc32(data) >>> 0 !== entry.crc32 >>> 0) throw new ZipError(`${entry.name}: CRC mismatch`);
    return data;
  }

  /**
   * Streams the entry's content to `onChunk` as it is inflated (a sheet of a million rows never
   * sits in memory whole), then checks the CRC. An exception from `onChunk` passes through as is.
   */
  stream(entry: ZipEntry, onChunk: (chunk: Buffer) => void): Promise<void> {
    this.checkReadable(entry);
    const raw = this.raw(entry);
    if (entry.method === 0) return streamStored(entry, raw, onChunk);
    return new Promise((resolve, reject) => {
      // The deflated data goes to zlib as a gzip member: the same deflate stream between a
      // 10-byte header and a trailer of the CRC-32 and size the zip gives the content, which zlib
      // then checks itself, on the thread pool as it inflates. (Data after the end of the deflate
      // stream, which the zip's compressed size should not have, fails that check too.)
      const inflater = createGunzip({ chunkSize: STREAM_CHUNK });
      let failed = false;
      const fail = (error: unknown) => {
        if (failed) return;
        failed = true;
        inflater.destroy();
        reject(error);
      };
      // zlib starts on the next chunk only once the 'data' event of this one has returned; the
      // chunks are handed on from the next tick, which runs after that, so that the next chunk is
      // inflated while `onChunk` reads this one.
      const queue: Buffer[] = [];
      let scheduled = false;
      const drain = () => {
        scheduled = false;
        for (let chunk = queue.shift(); chunk !== undefined && !failed; chunk = queue.shift()) {
          try {
            onChunk(chunk);
          } catch (error) {
            fail(error);
          }
        }
      };
      inflater.on("data", (chunk: Buffer) => {
        queue.push(chunk);
        if (!scheduled) {
          scheduled = true;
          nextTick(drain);
        }
      });
      inflater.on("error", (error: Error) => {
        const check = /incorrect (data|length) check/.test(error.message);
        fail(
          new ZipError(`${entry.name}: ${check ? "CRC mismatch (or cut short)" : error.message}`)
        );
      });
      inflater.on("end", () => {
        drain();
        if (!failed) resolve();
      });
      const trailer = Buffer.alloc(8);
      trailer.writeUInt32LE(entry.crc32 >>> 0, 0);
      trailer.writeUInt32LE(entry.size % 2 ** 32, 4);
      inflater.write(GZIP_HEADER);
      inflater.write(raw);
      inflater.end(trailer);
    });
  }
}

/** A gzip member's header: deflate, no flags, no time, no extra flags, unknown OS. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** A stored entry's content to `onChunk` in pieces of a megabyte, then its CRC checked. */
async function streamStored(
  entry: ZipEntry,
  raw: Buffer,
  onChunk: (chunk: Buffer) => void
): Promise<void> {
  let crc = 0;
  for (let at = 0; at < raw.length; at += 1 << 20) {
    const chunk = raw.subarray(at, Math.min(raw.length, at + (1 << 20)));
    crc = crc32(chunk, crc);
    onChunk(chunk);
  }
  if (crc >>> 0 !== entry.crc32 >>> 0) throw new ZipError(`${entry.name}: CRC mismatch`);
}

/** Where an archive's central directory is, and how many entries it holds. */
interface DirectoryEnd {
  readonly count: number;
  readonly size: number;
  readonly offset: number;
}

/**
 * Where the end of central directory record is in `tail` (the last bytes of an archive), and the
 * offset in the archive of the ZIP64 record its locator names, or null when it has none.
 */
function endRecords(tail: Buffer): { eocd: number; zip64: number | null } {
  const eocd = findEndOfCentralDirectory(tail);
  const locator = eocd - 20;
  if (locator >= 0 && tail.readUInt32LE(locator) === ZIP64_LOCATOR) {
    return { eocd, zip64: u64(tail, locator + 8) };
  }
  return { eocd, zip64: null };
}

/**
 * The central directory's place and size from the end record at `eocd` in `tail`, or from the
 * ZIP64 record (its bytes from its first; null when the archive has none).
 */
function directoryEnd(tail: Buffer, eocd: number, zip64: Buffer | null): DirectoryEnd {
  if (zip64 !== null) {
    if (zip64.length < 56 || zip64.readUInt32LE(0) !== ZIP64_EOCD) {
      throw new ZipError("bad ZIP64 end of central directory");
    }
    return { count: u64(zip64, 32), size: u64(zip64, 40), offset: u64(zip64, 48) };
  }
  return {
    count: tail.readUInt16LE(eocd + 10),
    size: tail.readUInt32LE(eocd + 12),
    offset: tail.readUInt32LE(eocd + 16),
  };
}

/** The entries of a central directory of `count` entries (its bytes, from its first). */
function centralDirectory(bytes: Buffer, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) {
      throw new ZipError(`bad central directory entry ${i}`);
    }
    const flags = bytes.readUInt16LE(at + 8);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    let compressedSize = bytes.readUInt32LE(at + 20);
    let size32 = bytes.readUInt32LE(at + 24);
    let localHeaderOffset = bytes.readUInt32LE(at + 42);
    const name = decodeName(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0);
    // ZIP64 extended information: the fields whose 32-bit value is all ones, in this order
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = bytes.readUInt16LE(extra);
      const length = bytes.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (size32 === MAX32) {
          size32 = u64(bytes, field);
          field += 8;
        }
        if (compressedSize === MAX32) {
          compressedSize = u64(bytes, field);
          field += 8;
        }
        if (localHeaderOffset === MAX32) localHeaderOffset = u64(bytes, field);
      }
      extra += 4 + length;
    }
    entries.push({
      name,
      method: bytes.readUInt16LE(at + 10),
      flags,
      time: bytes.readUInt16LE(at + 12),
      date: bytes.readUInt16LE(at + 14),
      crc32: bytes.readUInt32LE(at + 16),
      compressedSize,
      size: size32,
      localHeaderOffset,
      isDirectory: name.endsWith("/"),
    });
    at = extraEnd + commentLength;
  }
  return entries;
}

/**
 * The entries of the zip file at `path`, read from its end without reading the whole file: the
 * end records, the central directory, and each entry's local header, whose signature and name
 * must be the directory's and whose data must end within the file. ZipError when they do not.
 */
export async function readZipDirectory(path: string): Promise<ZipEntry[]> {
  const file = await open(path, "r");
  try {
    const length = (await file.stat()).size;
    const readAt = async (at: number, count: number): Promise<Buffer> => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(count, length - at)));
      let done = 0;
      while (done < buffer.length) {
        const { bytesRead } = await file.read(buffer, done, buffer.length - done, at + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return buffer.subarray(0, done);
    };
    const tailStart = Math.max(0, length - (22 + MAX16 + 20));
    const tail = await readAt(tailStart, length - tailStart);
    // the ZIP64 record sits just before its locator in what zip writers write: in the tail
    const { eocd, zip64 } = endRecords(tail);
    const record =
      zip64 === null
        ? null
        : zip64 >= tailStart
          ? tail.subarray(zip64 - tailStart, zip64 - tailStart + 56)
          : await readAt(zip64, 56);
    const end = directoryEnd(tail, eocd, record);
    if (end.offset + end.size > length) throw new ZipError("central directory beyond the end");
    const entries = centralDirectory(await readAt(end.offset, end.size), end.count);
    for (const entry of entries) {
      const nameBytes = Buffer.from(entry.name, "utf8");
      const header = await readAt(entry.localHeaderOffset, 30 + nameBytes.length);
      if (
        header.length < 30 + nameBytes.length ||
        header.readUInt32LE(0) !== LOCAL ||
        !header.subarray(30).equals(nameBytes) ||
        entry.localHeaderOffset +
          30 +
          header.readUInt16LE(26) +
          header.readUInt16LE(28) +
          entry.compressedSize >
          end.offset
      ) {
        throw new ZipError(`${entry.name}: bad local header`);
      }
    }
    return entries;
  } finally {
    await file.close();
  }
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const last = Math.max(0, bytes.length - 22 - MAX16);
  for (let at = bytes.length - 22; at >= last; at--) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  throw new ZipError("no end of central directory (a truncated or damaged file)");
}

/** What goes into a new archive: an entry copied as stored, or new content to deflate. */
interface Written {
  readonly name: Buffer;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly time: number;
  readonly date: number;
  readonly offset: number;
}

function dosTime(now: Date): { time: number; date: number } {
  return {
    time: (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2),
    date: ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate(),
  };
}

/** Content deflated for an entry: the raw deflate stream, and the CRC-32 and size of what it holds. */
export interface Deflated {
  readonly data: Buffer;
  readonly crc32: number;
  readonly size: number;
}

/**
 * Deflates content on zlib's threads: one buffer whole, or chunks in order through a stream (a
 * large sheet is never concatenated uncompressed). The CRC is computed here, chunk by chunk.
 */
export async function deflateContent(
  content: Buffer | Iterable<Buffer>,
  level = 6
): Promise<Deflated> {
  if (Buffer.isBuffer(content)) {
    return {
      data: await deflateRawAsync(content, { level }),
      crc32: crc32(content) >>> 0,
      size: content.length,
    };
  }
  let crc = 0;
  let size = 0;
  const out: Buffer[] = [];
  const deflater = createDeflateRaw({ level, chunkSize: 1 << 18 });
  deflater.on("data", (chunk: Buffer) => out.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    deflater.on("end", resolve);
    deflater.on("error", reject);
  });
  for (const chunk of content) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflater.write(chunk)) await new Promise((resolve) => deflater.once("drain", resolve));
  }
  deflater.end();
  await ended;
  return { data: Buffer.concat(out), crc32: crc >>> 0, size };
}

/**
 * Writes `buffers` one after another at `position` of the file, however many calls it takes.
 * @internal exported for its test
 */
export async function writeFully(
  file: Pick<FileHandle, "writev">,
  buffers: Buffer[],
  position: number
): Promise<void> {
  let rest = buffers.filter((b) => b.length > 0);
  let at = position;
  while (rest.length > 0) {
    let { bytesWritten } = await file.writev(rest, at);
    if (bytesWritten === 0) throw new ZipError("the file took no more bytes");
    at += bytesWritten;
    // drop what was written: whole buffers, then the front of the first one left
    let k = 0;
    while (k < rest.length && bytesWritten >= rest[k]!.length) bytesWritten -= rest[k++]!.length;
    rest = rest.slice(k);
    if (bytesWritten > 0) rest[0] = rest[0]!.subarray(bytesWritten);
  }
}

/**
 * Writes a zip archive entry by entry to a file. Each entry's place in the file is fixed when it
 * is added, and its bytes are written there by one request to the thread pool, issued at once:
 * entries copied with `copyAll` are written while the caller goes on with other work (the core),
 * and `close` waits for every write still under way.
 */
export class ZipWriter {
  private readonly written: Written[] = [];
  private position = 0;
  private readonly stamp = dosTime(new Date());
  /** The writes issued, settled either way: close and abort wait for them. */
  private readonly underWay: Promise<unknown>[] = [];
  /** The first write that failed, whether or not its caller has seen it: close throws it. */
  private failure: unknown = null;

  private constructor(private readonly file: FileHandle) {}

  static async create(path: string): Promise<ZipWriter> {
    return new ZipWriter(await open(path, "w"));
  }

  /** Writes buffers one after another at `at`, a place already taken (see place). */
  private write(buffers: Buffer[], at: number): Promise<void> {
    const writing = writeFully(this.file, buffers, at);
    this.underWay.push(
      writing.catch((error: unknown) => {
        this.failure ??= error;
      })
    );
    return writing;
  }

  /**
   * Takes an entry's place at the current position, which moves past it: its directory record is
   * kept, and its local header, name and data are returned, to be written there.
   */
  private place(
    name: string,
    method: number,
    crc: number,
    data: Buffer,
    size: number,
    time: number,
    date: number
  ): Buffer[] {
    const nameBytes = Buffer.from(name, "utf8");
    if (this.position > MAX32 || data.length >= MAX32 || size >= MAX32) {
      throw new ZipError("the output would need ZIP64 (over 4 GB)");
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(0x800, 6); // UTF-8 names
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    this.written.push({
      name: nameBytes,
      method,
      crc32: crc >>> 0,
      compressedSize: data.length,
      size,
      time,
      date,
      offset: this.position,
    });
    this.position += header.length + nameBytes.length + data.length;
    return [header, nameBytes, data];
  }

  /** Copies an entry of another archive as it is stored: no inflating, no deflating. */
  async copy(archive: ZipArchive, entry: ZipEntry): Promise<void> {
    await this.copyAll(archive, [entry]);
  }

  /**
   * Copies entries of another archive as they are stored, one after another, in one write that
   * is issued before this returns (the thread pool writes them while this thread works on).
   */
  async copyAll(archive: ZipArchive, entries: readonly ZipEntry[]): Promise<void> {
    const at = this.position;
    const buffers: Buffer[] = [];
    for (const e of entries) {
      const raw = archive.raw(e);
      buffers.push(...this.place(e.name, e.method, e.crc32, raw, e.size, e.time, e.date));
    }
    await this.write(buffers, at);
  }

  /** Adds new content, deflated by zlib: one buffer, or chunks in order. */
  async add(name: string, content: Buffer | Iterable<Buffer>, level = 6): Promise<void> {
    await this.addDeflated(name, await deflateContent(content, level));
  }

  /** Adds content deflated beforehand (deflateContent), so that deflating can overlap other work. */
  async addDeflated(name: string, deflated: Deflated): Promise<void> {
    const { data, crc32, size } = deflated;
    const at = this.position;
    await this.write(this.place(name, 8, crc32, data, size, this.stamp.time, this.stamp.date), at);
  }

  /** Writes the central directory and closes the file, once every entry is written. */
  async close(): Promise<void> {
    try {
      await Promise.all(this.underWay);
      if (this.failure !== null) throw this.failure;
      const start = this.position;
      const directory: Buffer[] = [];
      for (const w of this.written) {
        const header = Buffer.alloc(46);
        header.writeUInt32LE(CENTRAL, 0);
        header.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
        header.writeUInt16LE(20, 6);
        header.writeUInt16LE(0x800, 8);
        header.writeUInt16LE(w.method, 10);
        header.writeUInt16LE(w.time, 12);
        header.writeUInt16LE(w.date, 14);
        header.writeUInt32LE(w.crc32, 16);
        header.writeUInt32LE(w.compressedSize, 20);
        header.writeUInt32LE(w.size, 24);
        header.writeUInt16LE(w.name.length, 28);
        header.writeUInt32LE(0o100644 * 0x10000, 38); // external attributes: a regular file
        header.writeUInt32LE(w.offset, 42);
        directory.push(header, w.name);
      }
      const size = directory.reduce((n, b) => n + b.length, 0);
      if (this.written.length > MAX16 || start > MAX32) {
        throw new ZipError("the output would need ZIP64 (too many entries or over 4 GB)");
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(EOCD, 0);
      end.writeUInt16LE(this.written.length, 8);
      end.writeUInt16LE(this.written.length, 10);
      end.writeUInt32LE(size, 12);
      end.writeUInt32LE(start, 16);
      directory.push(end);
      await this.write(directory, start);
      this.position += size + end.length;
    } finally {
      await Promise.all(this.underWay);
      await this.file.close();
    }
  }

  /** Closes the file without finishing the archive (after a failure), once no write is under way. */
  async abort(): Promise<void> {
    await Promise.all(this.underWay);
    await this.file.close().catch(() => undefined);
  }
}
