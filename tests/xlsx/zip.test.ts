/**
 * The zip container on node's zlib, held to JSZip (an independent reader and writer): the same
 * entries and bytes from every producer's file, copies that stay compressed, CRCs checked.
 */
import { Buffer } from "node:buffer";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import JSZip from "jszip";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  ZipArchive,
  ZipError,
  ZipWriter,
  readZipDirectory,
  writeFully,
} from "../../src/adapters/xlsx/zip";
import { FIXTURES, tempDir } from "../cli/helpers";

const tmp = tempDir();
afterAll(() => tmp.remove());

const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith(".xlsx"));

describe("reading", () => {
  it.each(fixtures)("reads every entry of %s as JSZip does", async (name) => {
    const bytes = readFileSync(join(FIXTURES, name));
    const archive = ZipArchive.open(bytes);
    const jszip = await JSZip.loadAsync(bytes);
    const files = Object.values(jszip.files).filter((f) => !f.dir);
    expect(
      archive.entries
        .filter((e) => !e.isDirectory)
        .map((e) => e.name)
        .sort()
    ).toEqual(files.map((f) => f.name).sort());
    for (const file of files) {
      const entry = archive.get(file.name);
      expect(entry, file.name).toBeDefined();
      if (!entry) continue;
      const ours = await archive.read(entry);
      expect(Buffer.compare(ours, await file.async("nodebuffer")), file.name).toBe(0);
      const streamed: Buffer[] = [];
      await archive.stream(entry, (chunk) => streamed.push(chunk));
      expect(Buffer.compare(Buffer.concat(streamed), ours), file.name).toBe(0);
    }
  });

  it("finds an entry whatever the case of its name", () => {
    const archive = ZipArchive.open(readFileSync(join(FIXTURES, "libreoffice.xlsx")));
    expect(archive.get("XL/WORKBOOK.XML")?.name).toBe("xl/workbook.xml");
  });

  it("refuses a truncated file and an entry whose CRC does not match", async () => {
    const bytes = readFileSync(join(FIXTURES, "libreoffice.xlsx"));
    expect(() => ZipArchive.open(bytes.subarray(0, bytes.length - 30))).toThrow(ZipError);
    const zip = new JSZip();
    zip.file("a.xml", "<a>hello</a>");
    const good = await zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
    const bad = Buffer.from(good);
    bad[bad.indexOf("hello")] = "j".charCodeAt(0);
    const archive = ZipArchive.open(bad);
    const entry = archive.get("a.xml");
    if (!entry) throw new Error("no entry");
    await expect(archive.read(entry)).rejects.toThrow(/CRC/);
  });
});

/**
 * The same archive with ZIP64 end records: a ZIP64 end of central directory and its locator
 * before the end record, whose count, size and offset then say "see ZIP64" (all ones).
 */
function withZip64End(bytes: Buffer): Buffer {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(size), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(eocd), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.from(bytes.subarray(eocd));
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([bytes.subarray(0, eocd), record, locator, end]);
}

describe("reading a written file's directory from its end", () => {
  const entriesOf = (archive: ZipArchive) => archive.entries.map((e) => ({ ...e }));

  it.each(fixtures)("finds in %s the entries ZipArchive finds in the whole file", async (name) => {
    const bytes = readFileSync(join(FIXTURES, name));
    const path = join(tmp.path, `dir-${name}`);
    writeFileSync(path, bytes);
    expect(await readZipDirectory(path)).toEqual(entriesOf(ZipArchive.open(bytes)));
  });

  it("reads ZIP64 end records, as ZipArchive does", async () => {
    const bytes = withZip64End(readFileSync(join(FIXTURES, "libreoffice.xlsx")));
    const path = join(tmp.path, "zip64.xlsx");
    writeFileSync(path, bytes);
    const archive = ZipArchive.open(bytes);
    expect(archive.entries.length).toBeGreaterThan(3);
    expect(await readZipDirectory(path)).toEqual(entriesOf(archive));
    const jszip = await JSZip.loadAsync(bytes);
    expect(Object.keys(jszip.files).sort()).toEqual(archive.entries.map((e) => e.name).sort());
  });

  it("refuses a truncated file and an entry whose local header is damaged", async () => {
    const bytes = readFileSync(join(FIXTURES, "libreoffice.xlsx"));
    const truncated = join(tmp.path, "truncated.xlsx");
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 30));
    await expect(readZipDirectory(truncated)).rejects.toThrow(ZipError);
    const entry = ZipArchive.open(bytes).entries[1];
    if (!entry) throw new Error("no second entry");
    const damaged = Buffer.from(bytes);
    const at = entry.localHeaderOffset + 30; // the first letter of its name
    damaged[at] = (damaged[at] ?? 0) ^ 0x20;
    const path = join(tmp.path, "damaged.xlsx");
    writeFileSync(path, damaged);
    await expect(readZipDirectory(path)).rejects.toThrow(/bad local header/);
  });
});

describe("writing", () => {
  it("copies entries still compressed and adds new ones that JSZip reads back", async () => {
    const input = readFileSync(join(FIXTURES, "exceljs-table.xlsx"));
    const archive = ZipArchive.open(input);
    const path = join(tmp.path, "copy.xlsx");
    const writer = await ZipWriter.create(path);
    for (const entry of archive.entries) await writer.copy(archive, entry);
    const big = Array.from({ length: 50 }, (_v, i) =>
      Buffer.from(`<row r="${i}">${"中".repeat(1000)}</row>`)
    );
    await writer.add("xl/new.xml", big);
    await writer.add("xl/small.xml", Buffer.from("<a/>"));
    await writer.close();
    const out = readFileSync(path);
    const back = ZipArchive.open(out);
    for (const entry of archive.entries) {
      expect(Buffer.compare(back.raw(back.get(entry.name) ?? entry), archive.raw(entry))).toBe(0);
    }
    const jszip = await JSZip.loadAsync(out, { checkCRC32: true });
    expect(await jszip.file("xl/new.xml")?.async("nodebuffer")).toEqual(Buffer.concat(big));
    expect(await jszip.file("xl/small.xml")?.async("string")).toBe("<a/>");
    expect(await jszip.file("xl/workbook.xml")?.async("string")).toBe(
      await (await JSZip.loadAsync(input)).file("xl/workbook.xml")?.async("string")
    );
  });

  it("writes entries copied in one go while more are added, each at its place", async () => {
    const input = readFileSync(join(FIXTURES, "exceljs-table.xlsx"));
    const archive = ZipArchive.open(input);
    const path = join(tmp.path, "copy-all.xlsx");
    const writer = await ZipWriter.create(path);
    const copying = writer.copyAll(archive, archive.entries);
    await writer.add("xl/after.xml", Buffer.from("<after/>"));
    await copying;
    await writer.close();
    const back = ZipArchive.open(readFileSync(path));
    expect(back.entries.map((e) => e.name)).toEqual([
      ...archive.entries.map((e) => e.name),
      "xl/after.xml",
    ]);
    for (const entry of archive.entries) {
      expect(Buffer.compare(back.raw(back.get(entry.name)!), archive.raw(entry))).toBe(0);
    }
    const jszip = await JSZip.loadAsync(readFileSync(path), { checkCRC32: true });
    expect(await jszip.file("xl/after.xml")?.async("string")).toBe("<after/>");
    expect((await readZipDirectory(path)).length).toBe(archive.entries.length + 1);
  });

  it("writes every byte when the file takes fewer than it was given at a time", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 5 }),
        async (chunks, most, position) => {
          const file = Buffer.alloc(position + 400);
          let calls = 0;
          const handle = {
            writev: async (buffers: readonly Buffer[], at?: number | null) => {
              calls++;
              let n = 0;
              for (const bytes of buffers) {
                const take = Math.min(bytes.length, most - n);
                bytes.copy(file, (at ?? 0) + n, 0, take);
                n += take;
                if (n === most) break;
              }
              return { bytesWritten: n, buffers: [...buffers] };
            },
          };
          const buffers = chunks.map((c) => Buffer.from(c));
          await writeFully(handle as Parameters<typeof writeFully>[0], buffers, position);
          const all = Buffer.concat(buffers);
          expect(file.subarray(position, position + all.length).equals(all)).toBe(true);
          expect(calls).toBe(Math.ceil(all.length / most));
        }
      ),
      { numRuns: 100 }
    );
  });

  it("round-trips any content, in any chunks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 6 }),
        async (chunks) => {
          const path = join(tmp.path, "prop.zip");
          const writer = await ZipWriter.create(path);
          const buffers = chunks.map((c) => Buffer.from(c));
          await writer.add("x.bin", buffers);
          await writer.close();
          const archive = ZipArchive.open(readFileSync(path));
          const entry = archive.get("x.bin");
          expect(entry && entry.crc32 >>> 0).toBe(crc32(Buffer.concat(buffers)) >>> 0);
          if (entry) expect(await archive.read(entry)).toEqual(Buffer.concat(buffers));
        }
      ),
      { numRuns: 40 }
    );
  });

  it("reads a stored entry written by hand", async () => {
    const data = Buffer.from("<x>stored</x>");
    const name = Buffer.from("s.xml");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(crc32(data) >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(crc32(data) >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(30 + name.length + data.length, 16);
    const bytes = Buffer.concat([local, name, data, central, name, end]);
    const archive = ZipArchive.open(bytes);
    const entry = archive.get("s.xml");
    expect(entry && (await archive.read(entry)).toString()).toBe("<x>stored</x>");
    expect(deflateRawSync(data).length).toBeGreaterThan(0);
  });
});
