/**
 * Turns a district into .xlsx bytes through ExcelJS (fixed workbook timestamps), and makes by hand
 * the bytes of files that are no .xlsx: an OLE2 compound file as Excel 97–2003 and password
 * protection write it, a CSV, a zip without a workbook.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { Buffer } from "node:buffer";
import { day, type District, type SheetSpec } from "./data";

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "chamber-stats corpus";
  wb.created = day("2014-12-01");
  wb.modified = day("2014-12-01");
  return wb;
}

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.name);
  spec.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== null && value !== undefined) ws.getCell(r + 1, c + 1).value = value;
    });
  });
  return ws;
}

export function workbookOf(d: District, extra: readonly SheetSpec[] = []): ExcelJS.Workbook {
  const wb = newWorkbook();
  for (const spec of [d.chambers, d.members, d.dues, d.townships, ...extra]) {
    if (spec) addSheet(wb, spec);
  }
  return wb;
}

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Files that are not .xlsx: hand-made bytes
// ---------------------------------------------------------------------------------------------

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const FAT_SECTOR = 0xfffffffd;

interface CfbEntry {
  readonly name: string;
  /** 1 storage, 2 stream, 5 root. */
  readonly type: 1 | 2 | 5;
  readonly child?: number;
  readonly right?: number;
}

/**
 * A minimal OLE2 compound file (version 3, 512-byte sectors): the header, one FAT sector and one
 * directory sector holding the given entries, every stream empty. Enough for a reader to see what
 * kind of Office file it is by its directory names, as Excel's own files show them.
 */
export function compoundFile(entries: readonly CfbEntry[]): Uint8Array {
  const sector = 512;
  const out = Buffer.alloc(sector * 3, 0);
  Buffer.from(CFB_SIGNATURE).copy(out, 0);
  out.writeUInt16LE(0x003e, 24); // minor version
  out.writeUInt16LE(0x0003, 26); // major version 3
  out.writeUInt16LE(0xfffe, 28); // little-endian
  out.writeUInt16LE(9, 30); // sector shift: 512
  out.writeUInt16LE(6, 32); // mini sector shift: 64
  out.writeUInt32LE(1, 44); // number of FAT sectors
  out.writeUInt32LE(1, 48); // first directory sector
  out.writeUInt32LE(4096, 56); // mini stream cutoff
  out.writeUInt32LE(END_OF_CHAIN, 60); // first mini FAT sector
  out.writeUInt32LE(END_OF_CHAIN, 68); // first DIFAT sector
  out.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) out.writeUInt32LE(FREE_SECTOR, 76 + i * 4);
  const fat = sector;
  out.writeUInt32LE(FAT_SECTOR, fat);
  out.writeUInt32LE(END_OF_CHAIN, fat + 4);
  for (let i = 2; i < 128; i++) out.writeUInt32LE(FREE_SECTOR, fat + i * 4);
  const dir = sector * 2;
  for (let i = 0; i < 4; i++) {
    const at = dir + i * 128;
    const entry = entries[i];
    out.writeUInt32LE(FREE_SECTOR, at + 68);
    out.writeUInt32LE(FREE_SECTOR, at + 72);
    out.writeUInt32LE(FREE_SECTOR, at + 76);
    if (!entry) continue;
    const name = Buffer.from(`${entry.name}\u0000`, "utf16le");
    name.copy(out, at, 0, Math.min(64, name.length));
    out.writeUInt16LE(Math.min(64, name.length), at + 64);
    out.writeUInt8(entry.type, at + 66);
    out.writeUInt8(1, at + 67); // black
    out.writeUInt32LE(entry.right ?? FREE_SECTOR, at + 72);
    out.writeUInt32LE(entry.child ?? FREE_SECTOR, at + 76);
    out.writeUInt32LE(entry.type === 5 ? END_OF_CHAIN : 0, at + 116); // start sector
    out.writeUInt32LE(0, at + 120); // size
  }
  return new Uint8Array(out);
}

/** What Excel 97–2003 writes: a compound file with a Workbook stream. */
export function xlsBytes(): Uint8Array {
  return compoundFile([
    { name: "Root Entry", type: 5, child: 1 },
    { name: "Workbook", type: 2, right: 2 },
    { name: "\u0005SummaryInformation", type: 2 },
  ]);
}

/** What Excel writes for a password-protected .xlsx: a compound file with EncryptionInfo and EncryptedPackage. */
export function encryptedXlsxBytes(): Uint8Array {
  return compoundFile([
    { name: "Root Entry", type: 5, child: 1 },
    { name: "EncryptionInfo", type: 2, right: 2 },
    { name: "EncryptedPackage", type: 2, right: 3 },
    { name: "\u0006DataSpaces", type: 1 },
  ]);
}

/**
 * ExcelJS writes a carriage return in a shared string as a raw CR, which every XML parser (Excel's
 * too) reads back as a line feed. Excel itself writes `_x000D_`; so does this, so that the cell
 * really holds "\r=1+1".
 */
export async function withEscapedCarriageReturns(bytes: Promise<Uint8Array>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await bytes);
  const part = "xl/sharedStrings.xml";
  const xml = await zip.file(part)?.async("string");
  if (xml === undefined) throw new Error(`no ${part}`);
  zip.file(part, xml.replace(/\r/g, "_x000D_"), { date: day("2014-12-01") });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

export function csvBytes(): Uint8Array {
  const text =
    "\ufeff会员编号,会员名称,会员类型,入会日期\r\nM001,甲机械有限公司,企业会员,2010-03-01\r\n";
  return new Uint8Array(Buffer.from(text, "utf8"));
}

export async function zipWithoutWorkbook(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("readme.txt", "这不是一个 Excel 工作簿。", { date: day("2014-12-01") });
  return zip.generateAsync({ type: "uint8array" });
}
