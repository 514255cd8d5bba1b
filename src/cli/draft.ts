/**
 * `--check-report DRAFT`: the draft's text. A .docx is read with mammoth (its raw text, a
 * paragraph a line); anything else is text: UTF-8 (with or without a BOM), UTF-16 with a BOM, or,
 * when it is not valid UTF-8, GB18030 (what Notepad and WPS save Chinese text in on a Chinese
 * Windows). A file that cannot be read is the user's file problem.
 */
import type { Buffer } from "node:buffer";
import { readFile, stat } from "node:fs/promises";
import { TextDecoder } from "node:util";
import { describeError, FileProblem } from "../adapters/xlsx/errors";

export async function readDraft(path: string): Promise<string> {
  const info = await stat(path).catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new FileProblem("missing", path, "");
    throw new FileProblem("unreadable", path, describeError(error));
  });
  if (info.isDirectory()) throw new FileProblem("directory", path, "");
  const bytes = await readFile(path).catch((error: unknown) => {
    throw new FileProblem("unreadable", path, describeError(error));
  });
  if (/\.docx$/i.test(path) || isZip(bytes)) {
    // loaded here, not at start-up: only a .docx draft needs it
    const { default: mammoth } = await import("mammoth");
    try {
      return (await mammoth.extractRawText({ buffer: bytes })).value;
    } catch (error) {
      throw new FileProblem("corrupt", path, describeError(error));
    }
  }
  return decodeText(bytes);
}

function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
}

/** The text of a plain-text draft: UTF-8, UTF-16 with a BOM, else GB18030. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    // ignoreBOM: false (the default) drops a UTF-8 BOM
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}
