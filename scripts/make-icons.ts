/**
 * Draws the add-in's icons (assets/icon-16.png … icon-128.png): a red rounded square with three
 * white rising bars, a figure-counting glyph that reads at 16 px. PNGs are written by hand
 * (RGBA, zlib-deflated scanlines) so the script needs nothing beyond Node.
 *
 * Usage: tsx scripts/make-icons.ts [out-dir]   (default: assets/)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { argv } from "node:process";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import { Buffer } from "node:buffer";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const RED: readonly [number, number, number] = [0xc8, 0x10, 0x2e];
const WHITE: readonly [number, number, number] = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const body = Buffer.concat([head.subarray(4), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** A PNG of RGBA pixels (row-major, 4 bytes a pixel). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(
      raw,
      y * (width * 4 + 1) + 1
    );
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

/** Coverage (0..1) of pixel (x, y) by a rounded square filling the icon, sampled 4×4. */
function squareCoverage(size: number, x: number, y: number): number {
  const r = size * 0.18;
  let inside = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const px = x + (sx + 0.5) / 4;
      const py = y + (sy + 0.5) / 4;
      const dx = Math.max(r - px, px - (size - r), 0);
      const dy = Math.max(r - py, py - (size - r), 0);
      if (dx * dx + dy * dy <= r * r) inside += 1;
    }
  }
  return inside / 16;
}

/** Whether (x, y) falls in one of the three bars (heights 40%, 60%, 80% of the inner area). */
function inBar(size: number, x: number, y: number): boolean {
  const margin = Math.max(2, Math.round(size * 0.2));
  const inner = size - 2 * margin;
  const gap = Math.max(1, Math.round(inner / 9));
  const barWidth = Math.max(2, Math.floor((inner - 2 * gap) / 3));
  const bottom = size - margin;
  return [0.4, 0.65, 0.9].some((h, i) => {
    const left = margin + i * (barWidth + gap);
    const top = bottom - Math.max(2, Math.round(inner * h));
    return x >= left && x < left + barWidth && y >= top && y < bottom;
  });
}

export function drawIcon(size: number): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const alpha = squareCoverage(size, x, y);
      const [r, g, b] = inBar(size, x, y) && alpha === 1 ? WHITE : RED;
      const i = (y * size + x) * 4;
      rgba[i] = r;
      rgba[i + 1] = g;
      rgba[i + 2] = b;
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, rgba);
}

function main(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const out = path.resolve(argv[2] ?? path.join(root, "assets"));
  mkdirSync(out, { recursive: true });
  for (const size of ICON_SIZES) writeFileSync(path.join(out, `icon-${size}.png`), drawIcon(size));
}

if (argv[1] && path.resolve(argv[1]) === fileURLToPath(import.meta.url)) main();
