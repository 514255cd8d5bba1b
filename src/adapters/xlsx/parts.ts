/**
 * The parts of a package: the input archive's entries, with what a recalculation writes or
 * removes laid over them. Reading goes to the overlay first, then to the archive; saving copies
 * every untouched entry as it is stored (still compressed, byte for byte) and deflates only the
 * parts that were written.
 *
 * Part names are case-insensitive in a package (OPC §9.1.1.1) and a relationship target may be
 * percent-encoded; `find` resolves both to the name the archive (or the overlay) spells.
 */
import { Buffer } from "node:buffer";
import {
  ZipArchive,
  ZipError,
  deflateContent,
  type Deflated,
  type ZipEntry,
  type ZipWriter,
} from "./zip";

/** What a written part holds: one buffer, or chunks in order (a large sheet). */
export type PartContent = Buffer | readonly Buffer[];

function fold(name: string): string {
  let decoded = name.startsWith("/") ? name.slice(1) : name;
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // not percent-encoded
  }
  return decoded.toLowerCase();
}

export class PartStore {
  private readonly written = new Map<
    string,
    { name: string; content: PartContent; deflated: Promise<Deflated> }
  >();
  private readonly removed = new Set<string>();
  /**
   * The entries copied to a writer ahead of the rest (copyAhead), by their folded names, in the
   * order written; empty when none were, or when one of them was written or removed after all
   * (then `aheadSpoiled` says so, and the save that began with them starts again without them).
   */
  private ahead: ZipEntry[] = [];
  private readonly aheadKeys = new Set<string>();
  aheadSpoiled = false;

  constructor(readonly archive: ZipArchive) {}

  /** The part's name as the package spells it, or null when there is no such part. */
  find(name: string): string | null {
    const key = fold(name);
    const written = this.written.get(key);
    if (written) return written.name;
    if (this.removed.has(key)) return null;
    const entry = this.archive.get(name) ?? this.archive.get(key);
    if (entry && !entry.isDirectory) return entry.name;
    for (const e of this.archive.entries) {
      if (!e.isDirectory && fold(e.name) === key) return e.name;
    }
    return null;
  }

  has(name: string): boolean {
    return this.find(name) !== null;
  }

  /** Every part: those copied ahead, the others in the archive's order, then the ones added. */
  names(): string[] {
    const names = this.ahead.map((e) => e.name);
    const seen = new Set(this.aheadKeys);
    for (const entry of this.archive.entries) {
      const key = fold(entry.name);
      if (entry.isDirectory || this.removed.has(key) || seen.has(key)) continue;
      seen.add(key);
      names.push(this.written.get(key)?.name ?? entry.name);
    }
    for (const [key, { name }] of this.written) if (!seen.has(key)) names.push(name);
    return names;
  }

  private entryOf(name: string): ZipEntry | null {
    const found = this.find(name);
    if (found === null || this.written.has(fold(found))) return null;
    return this.archive.get(found) ?? null;
  }

  /** The part's content, or null when there is no such part. ZipError for a damaged entry. */
  async bytes(name: string): Promise<Buffer | null> {
    const written = this.written.get(fold(name));
    if (written) {
      const c = written.content;
      return Buffer.isBuffer(c) ? c : Buffer.concat(c as Buffer[]);
    }
    const entry = this.entryOf(name);
    return entry ? this.archive.read(entry) : null;
  }

  /** Streams the part's content chunk by chunk; false when there is no such part. */
  async stream(name: string, onChunk: (chunk: Buffer) => void): Promise<boolean> {
    const written = this.written.get(fold(name));
    if (written) {
      const c = written.content;
      for (const chunk of Buffer.isBuffer(c) ? [c] : c) onChunk(chunk);
      return true;
    }
    const entry = this.entryOf(name);
    if (!entry) return false;
    await this.archive.stream(entry, onChunk);
    return true;
  }

  /** Writes a part (a new one, or over an existing one of the same name in any case). */
  set(name: string, content: PartContent | string): void {
    const existing = this.find(name);
    const spelled = existing ?? name;
    const key = fold(spelled);
    this.spoilAhead(key);
    this.removed.delete(key);
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    // Deflating starts now, on zlib's threads, while the next sheets are built on this one;
    // saving awaits it. A part written again or removed drops its promise (never left rejected).
    const deflated = deflateContent(bytes);
    deflated.catch(() => undefined);
    this.written.set(key, { name: spelled, content: bytes, deflated });
  }

  /** Removes a part; true when there was one. */
  remove(name: string): boolean {
    const existing = this.find(name);
    if (existing === null) return false;
    const key = fold(existing);
    this.spoilAhead(key);
    this.written.delete(key);
    this.removed.add(key);
    return true;
  }

  /** Names of the parts written since the package was opened. */
  writtenNames(): string[] {
    return [...this.written.values()].map((w) => w.name);
  }

  /** Names of the archive's parts removed since it was opened. */
  removedNames(): string[] {
    const names: string[] = [];
    for (const entry of this.archive.entries) {
      if (this.removed.has(fold(entry.name)) && !this.written.has(fold(entry.name))) {
        names.push(entry.name);
      }
    }
    return names;
  }

  /**
   * Copies these untouched parts to `writer` now, as stored, in one write that goes on while this
   * thread does other work; `writeTo` then writes the others after them. The parts should be ones
   * nothing will write or remove (the user's worksheets); if one is after all, the copy is void
   * (`aheadSpoiled`) and its writer is to be dropped.
   */
  copyAhead(writer: ZipWriter, names: readonly string[]): Promise<void> {
    if (this.ahead.length > 0) throw new Error("parts were copied ahead already");
    const entries: ZipEntry[] = [];
    for (const name of names) {
      const entry = this.entryOf(name);
      if (entry === null || this.aheadKeys.has(fold(entry.name))) continue;
      entries.push(entry);
      this.aheadKeys.add(fold(entry.name));
    }
    this.ahead = entries;
    return writer.copyAll(this.archive, entries);
  }

  /** Forgets the parts copied ahead (a save done, or begun again without them). */
  endAhead(): void {
    this.ahead = [];
    this.aheadKeys.clear();
    this.aheadSpoiled = false;
  }

  private spoilAhead(key: string): void {
    if (!this.aheadKeys.has(key)) return;
    this.aheadSpoiled = true;
    this.ahead = [];
    this.aheadKeys.clear();
  }

  /**
   * Writes every part to `writer` but those copied ahead: untouched entries copied as stored,
   * written parts as `set` deflated them. `onWritten` sees each written part's chunks as it goes
   * out (validation scans them).
   */
  async writeTo(
    writer: ZipWriter,
    onWritten: (name: string, chunk: Buffer) => void = () => undefined,
    onProgress: (fraction: number) => void = () => undefined
  ): Promise<void> {
    const names = this.names().slice(this.ahead.length);
    let done = 0;
    for (const name of names) {
      const written = this.written.get(fold(name));
      if (written) {
        const c = written.content;
        for (const chunk of Buffer.isBuffer(c) ? [c] : c) onWritten(name, chunk);
        await writer.addDeflated(name, await written.deflated);
      } else {
        const entry = this.archive.get(name);
        if (!entry) throw new ZipError(`${name}: vanished while writing`);
        await writer.copy(this.archive, entry);
      }
      onProgress(++done / names.length);
    }
  }
}
