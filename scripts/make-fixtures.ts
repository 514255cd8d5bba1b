/**
 * Writes the small workbooks of tests/fixtures/producers/, each from a different producer, so the
 * reader is tested on what real files hold rather than on what one library writes:
 *
 * - exceljs-table.xlsx: written by ExcelJS. Chinese sheets; 会员 is an Excel table below a title row
 *   with shuffled columns, a hyperlink, rich text and a VLOOKUP whose cached result is #N/A; a user
 *   sheet 备注 with formulas and styles that must come through a recalculation untouched.
 * - handmade-1904.xlsx: OOXML written part by part the way Excel for Mac writes a 1904-date
 *   workbook: English sheets and headers, shared strings (one with a phonetic run) and inline
 *   strings, built-in date formats 14 and 22 and a custom "yyyy年m月d日", t="e" error cells, a
 *   cached string formula, cells without `r` attributes, and a table part under a title row.
 * - libreoffice.xlsx: exceljs-table.xlsx opened and saved by LibreOffice Calc (only rewritten when
 *   `soffice` is installed; the committed copy is used otherwise).
 *
 * Usage: tsx scripts/make-fixtures.ts [folder]   (default: tests/fixtures/producers)
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { argv, stdout } from "node:process";
import { URL, fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIXED_TIME = new Date(Date.UTC(2014, 11, 1));

function utcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

// ---------------------------------------------------------------------------------------------
// ExcelJS
// ---------------------------------------------------------------------------------------------

async function writeExceljsFixture(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "chamber-stats fixtures";
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;

  const chambers = wb.addWorksheet("商会");
  chambers.mergeCells("A1:D1");
  chambers.getCell("A1").value = "2014年基层商会名录";
  chambers.getCell("A1").font = { bold: true, size: 14 };
  chambers.getRow(3).values = [
    "商会名称",
    "商会编号",
    "成立日期",
    "商会类型",
    "所属乡镇街道",
    "民政登记",
  ];
  const chamberRows: Array<[string, string, string, string, string, string]> = [
    ["东城街道商会", "C01", "2010-05-01", "乡镇街道商会", "东城街道", "是"],
    ["建材行业商会", "C02", "2011-07-15", "行业商会", "", "是"],
    ["温州商会", "C03", "2012-09-09", "异地商会", "", "否"],
  ];
  chamberRows.forEach(([name, id, founded, type, township, registered], i) => {
    const row = chambers.getRow(4 + i);
    row.values = [name, id, utcDate(founded), type, township || null, registered];
    row.getCell(3).numFmt = "yyyy年m月d日";
  });

  const members = wb.addWorksheet("会员");
  members.getCell("A1").value = "2014年会员名册";
  members.addTable({
    name: "会员表",
    ref: "B3",
    headerRow: true,
    columns: [
      "会员名称",
      "会员编号",
      "入会日期",
      "会员类型",
      "所属商会",
      "乡镇街道",
      "联系电话",
    ].map((name) => ({ name })),
    rows: [
      ["甲公司", "M001", utcDate("2012-03-15"), "企业会员", "C01", "东城街道", "13800138000"],
      ["乙公司", "M002", utcDate("2013-01-10"), "企业会员", "C02", "西城街道", "010-12345678"],
      ["丙公司", "M003", utcDate("2013-06-01"), "企业会员", "C01", "东城街道", null],
      ["张三", "M004", utcDate("2014-02-20"), "个人会员", null, null, null],
    ],
  });
  members.getCell("B4").value = { text: "甲公司", hyperlink: "https://example.com/jia" };
  members.getCell("B5").value = {
    richText: [{ text: "乙" }, { text: "公司", font: { bold: true } }],
  };
  members.getCell("F6").value = {
    formula: 'VLOOKUP("丙",商会!A:B,2,FALSE)',
    result: { error: "#N/A" },
  };
  for (let r = 4; r <= 7; r++) members.getCell(`D${r}`).numFmt = "yyyy-mm-dd";

  const dues = wb.addWorksheet("会费");
  dues.addRow(["会员编号", "年度", "应缴金额", "实缴金额", "缴费日期"]);
  dues.addRow(["M001", 2014, 1000, 1000, utcDate("2014-04-01")]);
  dues.addRow(["M002", 2014, 1000, 500, utcDate("2014-05-01")]);
  dues.addRow(["M004", 2014, 200, 200, utcDate("2014-03-01")]);
  dues.getColumn(5).numFmt = "yyyy/m/d";

  const townships = wb.addWorksheet("乡镇");
  townships.addRow(["乡镇街道", "年度", "非公企业数"]);
  townships.addRow(["东城街道", 2014, 20]);
  townships.addRow(["西城街道", 2014, 30]);

  const settings = wb.addWorksheet("设置");
  settings.addRow(["统计截止日期", utcDate("2014-11-30")]);
  settings.getCell("B1").numFmt = "yyyy-mm-dd";

  const notes = wb.addWorksheet("备注");
  notes.getCell("A1").value = "说明";
  notes.getCell("A1").font = { bold: true, color: { argb: "FF1F4E79" } };
  notes.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  notes.getCell("A2").value = 1234.5;
  notes.getCell("A2").numFmt = "#,##0.00";
  notes.getCell("A3").value = { formula: "A2*2", result: 2469 };
  notes.getCell("A4").value = "=这不是公式";
  notes.getCell("B2").value = utcDate("2014-01-01");
  notes.getCell("B2").numFmt = "yyyy年m月d日";
  notes.getColumn(1).width = 18;

  await wb.xlsx.writeFile(path);
}

// ---------------------------------------------------------------------------------------------
// Hand-built OOXML, 1904 dates
// ---------------------------------------------------------------------------------------------

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Days since 1970 → 1904-system serial. */
function serial1904(iso: string, fraction = 0): number {
  return Math.round(utcDate(iso).getTime() / 86_400_000) + 24_107 + fraction;
}

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const SHARED = [
  "Member ID",
  "Type",
  "Member name",
  "Enterprise",
  "Acme Ltd",
  "Individual",
  "Group",
];

type Cell = string | null;
const s = (ref: string, text: string): Cell => {
  const index = SHARED.indexOf(text);
  if (index < 0) throw new Error(`not a shared string: ${text}`);
  return `<c r="${ref}" t="s"><v>${index}</v></c>`;
};
const inl = (ref: string, text: string): Cell =>
  `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
const num = (ref: string, value: number, style = 0): Cell =>
  `<c r="${ref}"${style ? ` s="${style}"` : ""}><v>${value}</v></c>`;
const err = (ref: string, error: string): Cell => `<c r="${ref}" t="e"><v>${error}</v></c>`;

function sheetXml(rows: ReadonlyArray<ReadonlyArray<Cell>>, extra = ""): string {
  const body = rows
    .map((cells, i) => `<row r="${i + 1}">${cells.filter((c) => c !== null).join("")}</row>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${RELS}">` +
    `<sheetData>${body}</sheetData>${extra}</worksheet>`
  );
}

async function writeHandmadeFixture(path: string): Promise<void> {
  const zip = new JSZip();
  const sheets = ["Members", "Chambers", "Dues", "Townships", "Settings"];
  const date = { plain: 1, custom: 2, dateTime: 3 };
  const opts = { date: FIXED_TIME };
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets
        .map(
          (_n, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
        )
        .join("") +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>' +
      "</Types>",
    opts
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">` +
      `<Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    opts
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${RELS}">` +
      '<workbookPr date1904="1"/><bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
      sheets
        .map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("") +
      '</sheets><calcPr calcId="191029"/></workbook>',
    opts
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">` +
      sheets
        .map(
          (_n, i) =>
            `<Relationship Id="rId${i + 1}" Type="${RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
        )
        .join("") +
      `<Relationship Id="rId10" Type="${RELS}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId11" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    opts
  );
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
      '<fonts count="1"><font><sz val="12"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    opts
  );
  const items = SHARED.map((text) =>
    text === "Acme Ltd"
      ? '<si><r><t>Acme </t></r><r><rPr><b/></rPr><t>Ltd</t></r><rPh sb="0" eb="4"><t>アクメ</t></rPh></si>'
      : `<si><t>${esc(text)}</t></si>`
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${items.length}" uniqueCount="${items.length}">${items.join("")}</sst>`,
    opts
  );

  // Members: a title row, then a table A2:G6 with shuffled English headers.
  zip.file(
    "xl/worksheets/sheet1.xml",
    sheetXml(
      [
        [inl("A1", "Member list 2014")],
        [
          s("A2", "Member ID"),
          s("B2", "Type"),
          s("C2", "Member name"),
          inl("D2", "Chamber"),
          inl("E2", "Township"),
          inl("F2", "Joined"),
          inl("G2", "Phone"),
        ],
        [
          inl("A3", "M001"),
          s("B3", "Enterprise"),
          s("C3", "Acme Ltd"),
          inl("D3", "C01"),
          inl("E3", "East Town"),
          num("F3", serial1904("2012-03-15"), date.plain),
          num("G3", 13800138000),
        ],
        [
          inl("A4", "M002"),
          s("B4", "Individual"),
          inl("C4", "Li Lei"),
          null,
          null,
          num("F4", serial1904("2013-01-10", 0.5), date.dateTime),
          null,
        ],
        [
          inl("A5", "M003"),
          s("B5", "Enterprise"),
          inl("C5", "Beta Co"),
          inl("D5", "C02"),
          inl("E5", "West Town"),
          err("F5", "#REF!"),
          null,
        ],
        [
          inl("A6", "M004"),
          s("B6", "Group"),
          '<c r="C6" t="str"><f>"Gamma "&amp;"Group"</f><v>Gamma Group</v></c>',
          inl("D6", "C01"),
          inl("E6", "East Town"),
          num("F6", serial1904("2014-06-01"), date.custom),
          inl("G6", "010-12345678"),
        ],
      ],
      '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>'
    ),
    opts
  );
  zip.file(
    "xl/worksheets/_rels/sheet1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">` +
      `<Relationship Id="rId1" Type="${RELS}/table" Target="../tables/table1.xml"/></Relationships>`,
    opts
  );
  const tableColumns = [
    "Member ID",
    "Type",
    "Member name",
    "Chamber",
    "Township",
    "Joined",
    "Phone",
  ];
  zip.file(
    "xl/tables/table1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN}" id="1" name="Table1" displayName="MemberTable" ref="A2:G6" totalsRowShown="0">` +
      '<autoFilter ref="A2:G6"/>' +
      `<tableColumns count="${tableColumns.length}">${tableColumns.map((n, i) => `<tableColumn id="${i + 1}" name="${n}"/>`).join("")}</tableColumns>` +
      '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>',
    opts
  );
  zip.file(
    "xl/worksheets/sheet2.xml",
    sheetXml([
      [
        inl("A1", "Name"),
        inl("B1", "Chamber ID"),
        inl("C1", "Type"),
        inl("D1", "Township"),
        inl("E1", "Founded"),
        inl("F1", "Registered"),
      ],
      [
        inl("A2", "Riverside Chamber"),
        inl("B2", "C01"),
        inl("C2", "Township"),
        inl("D2", "East Town"),
        num("E2", serial1904("2010-05-01"), date.plain),
        inl("F2", "Y"),
      ],
      [
        inl("A3", "Builders Association"),
        inl("B3", "C02"),
        inl("C3", "Industry"),
        null,
        num("E3", serial1904("2011-07-15"), date.custom),
        '<c r="F3" t="b"><v>1</v></c>',
      ],
    ]),
    opts
  );
  // Dues: the last row's cells carry no `r`, as some libraries write them.
  zip.file(
    "xl/worksheets/sheet3.xml",
    sheetXml([
      [
        inl("A1", "Member ID"),
        inl("B1", "Year"),
        inl("C1", "Amount due"),
        inl("D1", "Amount paid"),
        inl("E1", "Paid on"),
      ],
      [
        inl("A2", "M001"),
        num("B2", 2014),
        num("C2", 1000),
        num("D2", 1000),
        num("E2", serial1904("2014-04-01"), date.plain),
      ],
      [inl("A3", "M002"), num("B3", 2014), num("C3", 500), num("D3", 0), null],
      [
        '<c t="inlineStr"><is><t>M004</t></is></c>',
        "<c><v>2014</v></c>",
        "<c><v>800</v></c>",
        "<c><v>900</v></c>",
        `<c s="${date.plain}"><v>${serial1904("2014-05-01")}</v></c>`,
      ],
    ]),
    opts
  );
  zip.file(
    "xl/worksheets/sheet4.xml",
    sheetXml([
      [inl("A1", "Township"), inl("B1", "Year"), inl("C1", "Non-public enterprises")],
      [inl("A2", "East Town"), num("B2", 2014), num("C2", 20)],
      [inl("A3", "West Town"), num("B3", 2014), num("C3", 30)],
    ]),
    opts
  );
  zip.file(
    "xl/worksheets/sheet5.xml",
    sheetXml([[inl("A1", "As of"), num("B1", serial1904("2014-11-30"), date.plain)]]),
    opts
  );
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  writeFileSync(path, bytes);
}

// ---------------------------------------------------------------------------------------------
// LibreOffice
// ---------------------------------------------------------------------------------------------

function sofficeAvailable(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function writeLibreOfficeFixture(source: string, path: string): boolean {
  if (!sofficeAvailable()) return false;
  const work = mkdtempSync(join(tmpdir(), "chamber-fixtures-"));
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${work}/profile`,
        "--headless",
        "--calc",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        work,
        source,
      ],
      { stdio: "ignore" }
    );
    copyFileSync(join(work, "exceljs-table.xlsx"), path);
    return true;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const folder = resolve(argv[2] ?? join(ROOT, "tests/fixtures/producers"));
  mkdirSync(folder, { recursive: true });
  const exceljs = join(folder, "exceljs-table.xlsx");
  await writeExceljsFixture(exceljs);
  await writeHandmadeFixture(join(folder, "handmade-1904.xlsx"));
  const libre = writeLibreOfficeFixture(exceljs, join(folder, "libreoffice.xlsx"));
  stdout.write(
    `fixtures written to ${folder}${libre ? "" : " (libreoffice.xlsx kept: soffice not found)"}\n`
  );
}

await main();
