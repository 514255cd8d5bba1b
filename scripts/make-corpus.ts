/**
 * Writes tests/corpus/: small workbooks that are each wrong (or odd) in one way that staff
 * workbooks are — title rows, merged cells, missing and duplicated columns, formulas and error
 * values, numbers as text, dates in every style, the 1904 date system, full-width digits,
 * invisible characters, hostile text — plus files that are no .xlsx at all (an .xls, a CSV renamed
 * to .xlsx, a truncated and an encrypted .xlsx). tests/corpus/expectations.ts holds what each one
 * must give; tests/robustness/corpus.test.ts checks both through the command line and the core.
 *
 * Usage: tsx scripts/make-corpus.ts [directory]   (default: tests/corpus)
 *
 * Dates are UTC calendar days and workbook timestamps are fixed, so the cells do not depend on
 * the machine's time zone.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { Buffer } from "node:buffer";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { argv, stdout } from "node:process";
import { fileURLToPath } from "node:url";

type Cell = ExcelJS.CellValue;
type Rows = Cell[][];

/** A calendar day as the Date ExcelJS writes as that day's serial. */
export function day(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** The Excel serial of a day in the 1900 date system. */
export function serial(iso: string): number {
  return Math.round((day(iso).getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
}

// ---------------------------------------------------------------------------------------------
// The base district: four sheets without a single problem
// ---------------------------------------------------------------------------------------------

export const VALID_USCC = "91350100M000100Y43";

export const CHAMBER_HEADER: Cell[] = [
  "商会编号",
  "商会名称",
  "商会类型",
  "所属乡镇街道",
  "成立日期",
  "民政登记",
];
export const MEMBER_HEADER: Cell[] = [
  "会员编号",
  "会员名称",
  "会员类型",
  "所属商会",
  "乡镇街道",
  "统一社会信用代码",
  "入会日期",
  "退会日期",
  "联系电话",
];
export const DUES_HEADER: Cell[] = ["会员编号", "年度", "应缴金额", "实缴金额", "缴费日期"];
export const TOWNSHIP_HEADER: Cell[] = ["乡镇街道", "年度", "非公企业数"];

function chamberRows(): Rows {
  return [
    ["C1", "城关镇商会", "乡镇街道商会", "城关镇", day("2005-01-01"), "是"],
    ["C2", "餐饮行业商会", "行业商会", null, day("2010-06-01"), "否"],
  ];
}

function memberRows(): Rows {
  return [
    [
      "M001",
      "甲机械有限公司",
      "企业会员",
      "C1",
      "城关镇",
      VALID_USCC,
      day("2010-03-01"),
      null,
      "13800138000",
    ],
    ["M002", "乙建材有限公司", "企业会员", "C1", "南湖镇", null, day("2012-05-06"), null, null],
    ["M003", "张三", "个人会员", "C2", null, null, day("2013-07-07"), null, null],
    [
      "M004",
      "丁餐饮协会",
      "团体会员",
      "C2",
      null,
      null,
      day("2011-01-01"),
      day("2014-06-30"),
      null,
    ],
  ];
}

function duesRows(): Rows {
  return [
    ["M001", 2014, 1000, 1000, day("2014-03-01")],
    ["M002", 2014, 1000, 500, day("2014-03-02")],
    ["M003", 2014, 200, 200, day("2014-04-01")],
  ];
}

function townshipRows(): Rows {
  return [
    ["城关镇", 2014, 40],
    ["南湖镇", 2014, 20],
  ];
}

interface SheetSpec {
  readonly name: string;
  readonly rows: Rows;
}

interface District {
  chambers: SheetSpec | null;
  members: SheetSpec | null;
  dues: SheetSpec | null;
  townships: SheetSpec | null;
}

function district(): District {
  return {
    chambers: { name: "商会", rows: [CHAMBER_HEADER, ...chamberRows()] },
    members: { name: "会员", rows: [MEMBER_HEADER, ...memberRows()] },
    dues: { name: "会费", rows: [DUES_HEADER, ...duesRows()] },
    townships: { name: "乡镇", rows: [TOWNSHIP_HEADER, ...townshipRows()] },
  };
}

function newWorkbook(): ExcelJS.Workbook {
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

function workbookOf(d: District, extra: readonly SheetSpec[] = []): ExcelJS.Workbook {
  const wb = newWorkbook();
  for (const spec of [d.chambers, d.members, d.dues, d.townships, ...extra]) {
    if (spec) addSheet(wb, spec);
  }
  return wb;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The district with one sheet's rows changed. */
function withSheet(key: keyof District, change: (spec: SheetSpec) => SheetSpec | null): District {
  const d = district();
  const spec = d[key];
  d[key] = spec ? change(spec) : null;
  return d;
}

/** A sheet without one column (by 0-based index). */
function dropColumn(spec: SheetSpec, index: number): SheetSpec {
  return { ...spec, rows: spec.rows.map((row) => row.filter((_, c) => c !== index)) };
}

/** A sheet with rows appended. */
function appendRows(spec: SheetSpec, rows: Rows): SheetSpec {
  return { ...spec, rows: [...spec.rows, ...rows] };
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
function xlsBytes(): Uint8Array {
  return compoundFile([
    { name: "Root Entry", type: 5, child: 1 },
    { name: "Workbook", type: 2, right: 2 },
    { name: "\u0005SummaryInformation", type: 2 },
  ]);
}

/** What Excel writes for a password-protected .xlsx: a compound file with EncryptionInfo and EncryptedPackage. */
function encryptedXlsxBytes(): Uint8Array {
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
async function withEscapedCarriageReturns(bytes: Promise<Uint8Array>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await bytes);
  const part = "xl/sharedStrings.xml";
  const xml = await zip.file(part)?.async("string");
  if (xml === undefined) throw new Error(`no ${part}`);
  zip.file(part, xml.replace(/\r/g, "_x000D_"), { date: day("2014-12-01") });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

function csvBytes(): Uint8Array {
  const text =
    "\ufeff会员编号,会员名称,会员类型,入会日期\r\nM001,甲机械有限公司,企业会员,2010-03-01\r\n";
  return new Uint8Array(Buffer.from(text, "utf8"));
}

async function zipWithoutWorkbook(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("readme.txt", "这不是一个 Excel 工作簿。", { date: day("2014-12-01") });
  return zip.generateAsync({ type: "uint8array" });
}

// ---------------------------------------------------------------------------------------------
// The cases
// ---------------------------------------------------------------------------------------------

export interface CorpusCase {
  /** File name in tests/corpus, named for what it holds. */
  readonly file: string;
  readonly build: () => Promise<Uint8Array>;
}

const HOSTILE = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"];

const LONG_TEXT = "长".repeat(32_767);

function missingColumnCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const required: Array<[keyof District, string, number]> = [
    ["members", "member-id", 0],
    ["members", "member-name", 1],
    ["members", "member-type", 2],
    ["members", "member-joined", 6],
    ["chambers", "chamber-id", 0],
    ["chambers", "chamber-name", 1],
    ["chambers", "chamber-type", 2],
    ["chambers", "chamber-founded", 4],
    ["dues", "dues-member-id", 0],
    ["dues", "dues-year", 1],
    ["dues", "dues-amount-due", 2],
    ["townships", "township-name", 0],
    ["townships", "township-year", 1],
    ["townships", "township-enterprises", 2],
  ];
  for (const [key, label, index] of required) {
    cases.push({
      file: `missing-column-${label}.xlsx`,
      build: () => bytesOf(workbookOf(withSheet(key, (s) => dropColumn(s, index)))),
    });
  }
  return cases;
}

export const CORPUS: readonly CorpusCase[] = [
  {
    file: "valid-district.xlsx",
    build: () => bytesOf(workbookOf(district())),
  },
  {
    file: "empty-workbook.xlsx",
    build: async () => {
      const wb = newWorkbook();
      wb.addWorksheet("Sheet1");
      return bytesOf(wb);
    },
  },
  {
    file: "no-members-sheet.xlsx",
    build: () => bytesOf(workbookOf(withSheet("members", () => null))),
  },
  {
    file: "header-only-sheets.xlsx",
    build: () =>
      bytesOf(
        workbookOf({
          chambers: { name: "商会", rows: [CHAMBER_HEADER] },
          members: { name: "会员", rows: [MEMBER_HEADER] },
          dues: { name: "会费", rows: [DUES_HEADER] },
          townships: { name: "乡镇", rows: [TOWNSHIP_HEADER] },
        })
      ),
  },
  {
    file: "title-rows-and-merged-title.xlsx",
    build: async () => {
      const d = withSheet("members", (s) => ({
        ...s,
        rows: [
          ["2014年会员名册"],
          ["填表单位：城关区工商联", null, null, null, null, null, "单位：户"],
          ...s.rows,
        ],
      }));
      const wb = workbookOf(d);
      const ws = wb.getWorksheet("会员");
      ws?.mergeCells("A1:I1");
      ws?.mergeCells("A2:F2");
      return bytesOf(wb);
    },
  },
  ...missingColumnCases(),
  {
    file: "duplicated-headers.xlsx",
    build: () =>
      bytesOf(
        workbookOf(
          withSheet("members", (s) => ({
            ...s,
            rows: s.rows.map((row, r) => [
              ...row,
              r === 0 ? "名称" : "重复的名称",
              r === 0 ? "编号" : "X",
            ]),
          }))
        )
      ),
  },
  {
    file: "hidden-and-filtered-rows.xlsx",
    build: async () => {
      const wb = workbookOf(district());
      const ws = wb.getWorksheet("会员");
      if (ws) {
        ws.autoFilter = "A1:I5";
        ws.getRow(3).hidden = true;
        ws.getRow(5).hidden = true;
        ws.getColumn(8).hidden = true;
      }
      return bytesOf(wb);
    },
  },
  {
    file: "formulas-with-cached-values.xlsx",
    build: () =>
      bytesOf(
        workbookOf(
          withSheet("dues", (s) => ({
            ...s,
            rows: [
              DUES_HEADER,
              [
                { formula: 'CONCATENATE("M","001")', result: "M001" },
                2014,
                { formula: "500*2", result: 1000 },
                { formula: "C2", result: 1000 },
                day("2014-03-01"),
              ],
              [
                "M002",
                { formula: "YEAR(E3)", result: 2014 },
                1000,
                { formula: "C3/2", result: 500 },
                { formula: "DATE(2014,3,2)", result: day("2014-03-02") },
              ],
              ["M003", 2014, 200, 200, day("2014-04-01")],
            ],
          }))
        )
      ),
  },
  {
    file: "every-excel-error-value.xlsx",
    build: () =>
      bytesOf(
        workbookOf(
          withSheet("members", (s) =>
            appendRows(s, [
              [
                "M005",
                { error: "#N/A" },
                "个人会员",
                null,
                null,
                null,
                day("2012-01-01"),
                null,
                null,
              ],
              ["M006", "戊", { error: "#REF!" }, null, null, null, day("2012-01-01"), null, null],
              [
                "M007",
                "己",
                "个人会员",
                { error: "#VALUE!" },
                null,
                null,
                day("2012-01-01"),
                null,
                null,
              ],
              [
                "M008",
                "庚",
                "个人会员",
                null,
                null,
                { error: "#DIV/0!" },
                day("2012-01-01"),
                null,
                null,
              ],
              ["M009", "辛", "个人会员", null, null, null, { error: "#NAME?" }, null, null],
              [
                "M010",
                "壬",
                "个人会员",
                null,
                null,
                null,
                day("2012-01-01"),
                { error: "#NULL!" },
                null,
              ],
              [
                "M011",
                "癸",
                "个人会员",
                null,
                null,
                null,
                day("2012-01-01"),
                null,
                { error: "#NUM!" },
              ],
              [
                { formula: "VLOOKUP(1,Z1:Z2,2,FALSE)", result: { error: "#N/A" } },
                "子",
                "个人会员",
                null,
                null,
                null,
                day("2012-01-01"),
                null,
                null,
              ],
            ])
          )
        )
      ),
  },
  {
    file: "text-of-32767-characters.xlsx",
    build: () =>
      bytesOf(
        workbookOf(
          withSheet("members", (s) => ({
            ...s,
            rows: [
              [...MEMBER_HEADER, "备注"],
              ...s.rows.slice(1).map((row) => [...row, LONG_TEXT]),
              [
                "M005",
                LONG_TEXT,
                "个人会员",
                null,
                null,
                null,
                day("2012-01-01"),
                null,
                null,
                LONG_TEXT,
              ],
              ["M006", "戊", LONG_TEXT, null, null, null, day("2012-01-01"), null, null, null],
              [
                "M007",
                "己",
                "个人会员",
                LONG_TEXT,
                null,
                null,
                day("2012-01-01"),
                null,
                null,
                null,
              ],
            ],
          }))
        )
      ),
  },
  {
    file: "numbers-stored-as-text.xlsx",
    build: () =>
      bytesOf(
        workbookOf({
          ...district(),
          dues: {
            name: "会费",
            rows: [
              DUES_HEADER,
              ["M001", "2014", "1,000", "1000元", "2014-03-01"],
              ["M002", "2014年", "¥1,000.00", "0.05万", "2014/3/2"],
              ["M003", " 2014 ", "200", "200.00", "20140401"],
            ],
          },
          townships: {
            name: "乡镇",
            rows: [TOWNSHIP_HEADER, ["城关镇", "2014", "40"], ["南湖镇", "2014", "20"]],
          },
        })
      ),
  },
  {
    file: "text-stored-as-numbers.xlsx",
    build: () =>
      bytesOf(
        workbookOf({
          ...district(),
          members: {
            name: "会员",
            rows: [
              MEMBER_HEADER,
              [
                1001,
                "甲机械有限公司",
                "企业会员",
                "C1",
                "城关镇",
                null,
                day("2010-03-01"),
                null,
                13800138000,
              ],
              [1002, 12345, "企业会员", "C1", "南湖镇", null, day("2012-05-06"), null, null],
              [1003, "张三", "个人会员", "C2", null, null, day("2013-07-07"), null, 57188886666],
            ],
          },
          dues: {
            name: "会费",
            rows: [
              DUES_HEADER,
              ["1001", 2014, 1000, 1000, day("2014-03-01")],
              [1002, 2014, 1000, 500, day("2014-03-02")],
            ],
          },
        })
      ),
  },
  {
    file: "credit-codes-of-18-digits-as-numbers.xlsx",
    build: () =>
      bytesOf(
        workbookOf(
          withSheet("members", (s) => ({
            ...s,
            rows: s.rows.map((row, r) =>
              r === 2
                ? row.map((c, i) => (i === 5 ? 913501001000100000 : c))
                : r === 3
                  ? row.map((c, i) => (i === 5 ? 91350100100010000 : c))
                  : row
            ),
          }))
        )
      ),
  },
  {
    file: "dates-as-serials-and-accepted-text.xlsx",
    build: () =>
      bytesOf(
        workbookOf(
          withSheet("members", (s) => ({
            ...s,
            rows: [
              ...s.rows,
              ...[
                serial("2010-03-01"),
                "2014-11-30",
                "2014/11/30",
                "2014.11.30",
                "2014年11月30日",
                "20141130",
                "2014-11",
                "2014年11月",
                "2014-1-5",
                "２０１４－１１－３０",
                String(serial("2012-01-01")),
              ].map((joined, i): Cell[] => [
                `M${101 + i}`,
                `会员${i + 1}`,
                "个人会员",
                null,
                null,
                null,
                joined,
                null,
                null,
              ]),
            ],
          }))
        )
      ),
  },
  {
    file: "dates-in-rejected-forms.xlsx",
    build: () =>
      bytesOf(
        workbookOf(
          withSheet("members", (s) => ({
            ...s,
            rows: [
              ...s.rows,
              ...[
                "11/30/2014",
                "30.11.2014",
                "2014-02-30",
                "昨天",
                2014,
                "2014-13-01",
                "2014年",
              ].map((joined, i): Cell[] => [
                `M${101 + i}`,
                `会员${i + 1}`,
                "个人会员",
                null,
                null,
                null,
                joined,
                null,
                null,
              ]),
              ["M201", "留任会员", "个人会员", null, null, null, "2012-01-01", "明年", null],
            ],
          }))
        )
      ),
  },
  {
    file: "date-system-1904.xlsx",
    build: async () => {
      const d = withSheet("members", (s) =>
        appendRows(s, [
          ["M005", "戊", "个人会员", null, null, null, serial("2014-03-01") - 1462, null, null],
        ])
      );
      const wb = workbookOf(d);
      wb.properties.date1904 = true;
      return bytesOf(wb);
    },
  },
  {
    file: "booleans-in-every-accepted-spelling.xlsx",
    build: () =>
      bytesOf(
        workbookOf(
          withSheet("chambers", () => ({
            name: "商会",
            rows: [
              CHAMBER_HEADER,
              ...(
                [
                  "是",
                  "否",
                  "有",
                  "无",
                  "Y",
                  "n",
                  "Yes",
                  "NO",
                  "true",
                  "FALSE",
                  "√",
                  "×",
                  "✓",
                  "✗",
                  1,
                  0,
                  true,
                  false,
                  "是的",
                ] as Cell[]
              ).map((flag, i): Cell[] => [
                `C${i + 1}`,
                `第${i + 1}商会`,
                "行业商会",
                null,
                day("2010-01-01"),
                flag,
              ]),
            ],
          }))
        )
      ),
  },
  {
    file: "full-width-digits.xlsx",
    build: () =>
      bytesOf(
        workbookOf({
          ...district(),
          dues: {
            name: "会费",
            rows: [
              DUES_HEADER,
              ["Ｍ００１", "２０１４", "１０００", "１，０００", "２０１４－０３－０１"],
              ["Ｍ００２", "２０１４年", "１０００", "５００", "２０１４年３月２日"],
            ],
          },
        })
      ),
  },
  {
    file: "trailing-spaces-and-zero-width-characters-in-ids.xlsx",
    build: () =>
      bytesOf(
        workbookOf({
          ...district(),
          members: {
            name: "会员",
            rows: [
              MEMBER_HEADER,
              [
                "M001 ",
                "甲机械有限公司",
                "企业会员",
                "C1\u200b",
                "城关镇 ",
                null,
                day("2010-03-01"),
                null,
                null,
              ],
              [
                "\ufeffM002",
                "乙建材有限公司",
                "企业会员",
                " C1",
                "南湖镇",
                null,
                day("2012-05-06"),
                null,
                null,
              ],
              [
                "M003\u200b",
                "张三",
                "个人会员",
                "C2\u00a0",
                null,
                null,
                day("2013-07-07"),
                null,
                null,
              ],
              [
                "M\u200b001",
                "重复的甲",
                "个人会员",
                null,
                null,
                null,
                day("2013-07-07"),
                null,
                null,
              ],
            ],
          },
          dues: {
            name: "会费",
            rows: [
              DUES_HEADER,
              ["M001", 2014, 1000, 1000, day("2014-03-01")],
              ["M002\u3000", 2014, 1000, 500, day("2014-03-02")],
              [" M003 ", 2014, 200, 200, day("2014-04-01")],
            ],
          },
        })
      ),
  },
  {
    file: "hostile-text.xlsx",
    build: () =>
      withEscapedCarriageReturns(
        bytesOf(
          workbookOf({
            ...district(),
            chambers: appendRows(district().chambers as SheetSpec, [
              [
                "C3",
                '=HYPERLINK("http://evil.example","点我")',
                "行业商会",
                null,
                day("2011-01-01"),
                "是",
              ],
            ]),
            members: appendRows(district().members as SheetSpec, [
              ...HOSTILE.map((name, i): Cell[] => [
                `H${i + 1}`,
                name,
                "个人会员",
                "C3",
                null,
                null,
                day("2012-01-01"),
                null,
                null,
              ]),
              ["H9", "坏类型", "=1+1", null, null, null, day("2012-01-01"), null, null],
              [
                "H10",
                "坏商会",
                "个人会员",
                "=cmd|' /C calc'!A0",
                null,
                null,
                day("2012-01-01"),
                null,
                null,
              ],
              ...HOSTILE.map((type, i): Cell[] => [
                `T${i + 1}`,
                "类型是公式",
                type,
                null,
                null,
                null,
                day("2012-01-01"),
                null,
                null,
              ]),
            ]),
          })
        )
      ),
  },
  {
    file: "user-sheet-named-summary.xlsx",
    build: () =>
      bytesOf(
        workbookOf(district(), [
          {
            name: "汇总",
            rows: [["我自己的汇总表"], ["会员总数", { formula: "COUNTA(会员!A:A)-1", result: 4 }]],
          },
        ])
      ),
  },
  {
    file: "sheets-renamed.xlsx",
    build: () => {
      const d = district();
      return bytesOf(
        workbookOf({
          chambers: { ...(d.chambers as SheetSpec), name: "Sheet1" },
          members: { ...(d.members as SheetSpec), name: "2014年名单" },
          dues: { ...(d.dues as SheetSpec), name: "收费" },
          townships: { ...(d.townships as SheetSpec), name: "Sheet4" },
        })
      );
    },
  },
  {
    file: "columns-moved-and-unknown-columns.xlsx",
    build: () => {
      const order = [6, 2, 0, 8, 1, 4, 3, 5, 7];
      return bytesOf(
        workbookOf(
          withSheet("members", (s) => ({
            ...s,
            rows: s.rows.map((row, r) => [
              r === 0 ? "序号" : r,
              ...order.map((c) => row[c] ?? null),
              r === 0 ? "备注" : "无",
            ]),
          }))
        )
      );
    },
  },
  {
    file: "half-filled-rows.xlsx",
    build: () =>
      bytesOf(
        workbookOf(
          withSheet("members", (s) =>
            appendRows(s, [
              [],
              ["M005", null, null, null, null, null, null, null, null],
              [null, null, null, null, null, null, null, null, "13800138000"],
              [null, "  ", "\u200b", null, null, null, null, null, null],
              ["M006", "未填类型", null, null, null, null, day("2012-01-01"), null, null],
            ])
          )
        )
      ),
  },
  {
    file: "data-in-an-excel-table.xlsx",
    build: async () => {
      const d = withSheet("members", () => null);
      const wb = workbookOf(d);
      const ws = wb.addWorksheet("会员");
      ws.getCell("A1").value = "2014年会员名册";
      ws.addTable({
        name: "会员表",
        ref: "A3",
        headerRow: true,
        totalsRow: false,
        columns: MEMBER_HEADER.map((name) => ({ name: String(name) })),
        rows: memberRows(),
      });
      ws.getCell("A9").value = "注：以上为全部会员";
      return bytesOf(wb);
    },
  },
  {
    file: "duplicate-ids-and-keys.xlsx",
    build: () =>
      bytesOf(
        workbookOf({
          chambers: appendRows(district().chambers as SheetSpec, [
            ["C1", "城关镇商会", "行业商会", null, day("2011-01-01"), "否"],
          ]),
          members: appendRows(district().members as SheetSpec, [
            [
              "M001",
              "甲机械二厂",
              "企业会员",
              "C1",
              "城关镇",
              VALID_USCC,
              day("2012-01-01"),
              null,
              null,
            ],
          ]),
          dues: appendRows(district().dues as SheetSpec, [["M001", 2014, 1000, 0, null]]),
          townships: appendRows(district().townships as SheetSpec, [["城关镇", 2014, 41]]),
        })
      ),
  },
  {
    file: "unknown-references.xlsx",
    build: () =>
      bytesOf(
        workbookOf({
          ...district(),
          members: appendRows(district().members as SheetSpec, [
            ["M005", "戊", "企业会员", "城关商会", "城关", null, day("2012-01-01"), null, null],
            ["M006", "己", "个人会员", null, null, null, "2030-01-01", null, null],
          ]),
          dues: appendRows(district().dues as SheetSpec, [
            ["M999", 2014, 100, 100, day("2014-03-01")],
            ["M006", 2014, 100, 100, day("2014-03-01")],
          ]),
        })
      ),
  },
  {
    file: "amounts-and-dates-out-of-order.xlsx",
    build: () =>
      bytesOf(
        workbookOf({
          ...district(),
          members: appendRows(district().members as SheetSpec, [
            [
              "M005",
              "戊",
              "个人会员",
              null,
              null,
              null,
              day("2012-01-01"),
              day("2011-01-01"),
              null,
            ],
            ["M006", "己", "个人会员", "C2", null, null, day("2009-01-01"), null, "12345"],
          ]),
          dues: {
            name: "会费",
            rows: [
              DUES_HEADER,
              ["M001", 2014, -1000, 0, null],
              ["M002", 2014, 1000, 1500, day("2014-03-02")],
              ["M003", 2014, 200, 200, null],
              ["M006", 2014, 100, 100, "2014-12-31"],
            ],
          },
        })
      ),
  },
  {
    file: "english-workbook.xlsx",
    build: () =>
      bytesOf(
        workbookOf({
          chambers: {
            name: "Chambers",
            rows: [
              ["Chamber ID", "Chamber name", "Type", "Township", "Founded", "Registered"],
              ...chamberRows().map((r) =>
                r.map((c) =>
                  c === "乡镇街道商会" ? "Township" : c === "行业商会" ? "Industry" : c
                )
              ),
            ],
          },
          members: {
            name: "Members",
            rows: [
              [
                "Member ID",
                "Member name",
                "Member type",
                "Chamber",
                "Township",
                "USCC",
                "Joined",
                "Left",
                "Phone",
              ],
              ...memberRows(),
            ],
          },
          dues: {
            name: "Dues",
            rows: [["Member ID", "Year", "Amount due", "Amount paid", "Paid on"], ...duesRows()],
          },
          townships: {
            name: "Townships",
            rows: [["Township", "Year", "Non-public enterprises"], ...townshipRows()],
          },
        })
      ),
  },
  {
    file: "settings-sheet-with-bad-values.xlsx",
    build: () =>
      bytesOf(
        workbookOf(district(), [
          {
            name: "设置",
            rows: [
              ["设置项", "值"],
              ["统计截止日期", "去年年底"],
              ["基准年度", 2012],
              ["会员覆盖率目标", "百分之十"],
              ["会费收入标准", 800],
            ],
          },
        ])
      ),
  },
  { file: "an-xls-file.xls", build: async () => xlsBytes() },
  { file: "an-xls-file-renamed.xlsx", build: async () => xlsBytes() },
  { file: "a-csv-renamed.xlsx", build: async () => csvBytes() },
  {
    file: "a-truncated.xlsx",
    build: async () => {
      const whole = await bytesOf(workbookOf(district()));
      return whole.subarray(0, Math.floor(whole.length * 0.6));
    },
  },
  { file: "an-encrypted.xlsx", build: async () => encryptedXlsxBytes() },
  { file: "a-zip-without-a-workbook.xlsx", build: zipWithoutWorkbook },
];

/** Writes every case into `dir`. */
export async function writeCorpus(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const c of CORPUS) {
    const path = join(dir, c.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await c.build());
    written.push(path);
  }
  return written;
}

function isEntryPoint(): boolean {
  return argv[1] !== undefined && resolve(argv[1]) === fileURLToPath(import.meta.url);
}

if (isEntryPoint()) {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = resolve(argv[2] ?? join(here, "..", "tests", "corpus"));
  const files = await writeCorpus(dir);
  stdout.write(`${files.length} files written to ${dir}\n`);
}
