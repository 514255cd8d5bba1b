/**
 * ZipArchive.stream: the content in order, chunk by chunk, for stored and deflated entries of any
 * size, with the CRC-32 and size the zip gives checked (by zlib, for deflated entries); damaged
 * entries rejected as ZipError; an exception of the reader passed through as it is.
 */
import { Buffer } from "node:buffer";
import { randomBytes } from "node:crypto";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ZipArchive, ZipError } from "../../src/adapters/xlsx/zip";

const CENTRAL = 0x02014b50;

/** A zip of one entry `a.xml` with this content, stored or deflated. */
async function zipOf(content: Buffer, deflate: boolean): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("a.xml", content);
  return zip.generateAsync({
    type: "nodebuffer",
    compression: deflate ? "DEFLATE" : "STORE",
  });
}

/** The zip with the central directory's CRC (offset 16) or size (offset 24) of its entry changed. */
function patched(bytes: Buffer, field: 16 | 24): Buffer {
  const copy = Buffer.from(bytes);
  const at = copy.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  expect(copy.readUInt32LE(at)).toBe(CENTRAL);
  copy.writeUInt32LE((copy.readUInt32LE(at + field) + 1) >>> 0, at + field);
  return copy;
}

async function streamed(bytes: Buffer): Promise<Buffer> {
  const archive = ZipArchive.open(bytes);
  const entry = archive.get("a.xml");
  if (!entry) throw new Error("no entry");
  const chunks: Buffer[] = [];
  await archive.stream(entry, (chunk) => chunks.push(Buffer.from(chunk)));
  return Buffer.concat(chunks);
}

/** Content that deflates to something (text) or hardly at all (random bytes). */
function content(size: number, random: boolean): Buffer {
  if (random) return randomBytes(size);
  const row = Buffer.from('<row r="1"><c r="A1" t="s"><v>12</v></c></row>');
  return Buffer.concat(Array.from({ length: Math.ceil(size / row.length) }, () => row)).subarray(
    0,
    size
  );
}

describe("ZipArchive.stream", () => {
  for (const deflate of [true, false]) {
    for (const [size, random] of [
      [0, false],
      [1, false],
      [100_000, false],
      [3_000_000, false],
      [700_000, true],
    ] as const) {
      it(`streams a ${deflate ? "deflated" : "stored"} entry of ${size} ${random ? "random " : ""}bytes in order`, async () => {
        const data = content(size, random);
        expect(Buffer.compare(await streamed(await zipOf(data, deflate)), data)).toBe(0);
      });
    }

    it(`rejects a ${deflate ? "deflated" : "stored"} entry whose CRC or size does not match`, async () => {
      const bytes = await zipOf(content(200_000, false), deflate);
      await expect(streamed(patched(bytes, 16))).rejects.toThrow(ZipError);
      await expect(streamed(patched(bytes, 16))).rejects.toThrow(/CRC/);
      if (deflate) await expect(streamed(patched(bytes, 24))).rejects.toThrow(ZipError);
    });

    it(`passes an exception of the reader through as it is (${deflate ? "deflated" : "stored"})`, async () => {
      const archive = ZipArchive.open(await zipOf(content(3_000_000, false), deflate));
      const entry = archive.get("a.xml")!;
      const mine = new Error("mine");
      let calls = 0;
      await expect(
        archive.stream(entry, () => {
          calls++;
          throw mine;
        })
      ).rejects.toBe(mine);
      expect(calls).toBe(1);
    });
  }

  it("rejects deflated data that is damaged or cut short", async () => {
    const bytes = await zipOf(content(200_000, false), true);
    const archive = ZipArchive.open(bytes);
    const entry = archive.get("a.xml")!;
    const raw = archive.raw(entry);
    const start = raw.byteOffset - bytes.byteOffset;
    const damaged = Buffer.from(bytes);
    for (let k = 0; k < 16; k++) damaged[start + 40 + k] = 0xff;
    await expect(streamed(damaged)).rejects.toThrow(ZipError);
    // the end of its deflate stream damaged
    const cut = Buffer.from(bytes);
    cut.fill(0, start + raw.length - 8, start + raw.length);
    await expect(streamed(cut)).rejects.toThrow(ZipError);
  });
});
