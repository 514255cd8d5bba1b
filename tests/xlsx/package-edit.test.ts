/**
 * The package layer on the serialisations other producers write: the parts we edit stay
 * namespace-well-formed, keep what they held, and stay in the package's conformance class.
 */
import { Buffer } from "node:buffer";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { afterAll, describe, expect, it } from "vitest";
import { FileProblem } from "../../src/adapters/xlsx/errors";
import { STRICT, TRANSITIONAL } from "../../src/adapters/xlsx/namespaces";
import { openPackage } from "../../src/adapters/xlsx/package";
import { ownedSheetsByKey, readPackageGrid } from "../../src/adapters/xlsx/reader";
import { worksheetXml } from "../../src/adapters/xlsx/sheet-writer";
import { StyleBook, minimalStyles } from "../../src/adapters/xlsx/styles-write";
import { savePackage, writeOutputSheets } from "../../src/adapters/xlsx/writer";
import type { OutputSheet, OutputSheetKey } from "../../src/core/types";
import { tempDir } from "../cli/helpers";
import { smallPackage, smallPackageParts, type SmallPackageOptions } from "./small-package";

const tmp = tempDir();
afterAll(() => tmp.remove());

const KEYS: OutputSheetKey[] = ["summary", "growth", "coverage", "chambers", "problems"];

function outputSheets(names: readonly string[]): OutputSheet[] {
  return KEYS.map((key, i) => ({
    key,
    name: names[i] ?? key,
    rows: [
      [{ v: `${key} title`, style: "title" as const }],
      [
        { v: "Year", style: "header" as const },
        { v: "Count", style: "header" as const },
      ],
      [{ v: 2014 }, { v: 12, fmt: "#,##0" }],
      [{ v: "link", link: { sheet: "Data", cell: "B2" } }, { v: { date: "2014-11-30" } }],
    ],
    columnWidths: [12, 10],
    freezeRows: 2,
    charts:
      key === "growth"
        ? [
            {
              type: "line" as const,
              title: "Members",
              categories: "A3:A3",
              series: [{ name: "Count", values: "B3:B3" }],
              from: "D2",
              to: "K16",
            },
          ]
        : [],
  }));
}

const ZH = ["汇总", "会员增长", "覆盖率", "商会明细", "校验结果"];
const EN = ["Summary", "Growth", "Coverage", "Chambers report", "Problems"];

/** Writes the five output sheets into a package made with `options`, returns the saved file. */
async function writeInto(input: Buffer, names: readonly string[], file: string): Promise<string> {
  const path = join(tmp.path, file);
  const pkg = await openPackage(input);
  await writeOutputSheets(pkg, outputSheets(names));
  await savePackage(pkg, path);
  return path;
}

async function zipOf(path: string): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(path));
}

/** Parses with a strict namespace-aware parser; returns the error message or null. */
function namespaceProblem(xml: string): string | null {
  const parser = new SaxesParser({ xmlns: true });
  let problem: string | null = null;
  parser.on("error", (e) => {
    problem ??= e.message;
  });
  parser.write(xml).close();
  return problem;
}

async function everyXmlPartParses(zip: JSZip): Promise<Array<[string, string | null]>> {
  const results: Array<[string, string | null]> = [];
  for (const name of Object.keys(zip.files).sort()) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const text = (await zip.file(name)?.async("string")) ?? "";
    results.push([name, namespaceProblem(text)]);
  }
  return results;
}

async function roundTrip(options: SmallPackageOptions, file: string) {
  const out = await writeInto(await smallPackage(options), ZH, file);
  const zip = await zipOf(out);
  return { out, zip };
}

describe("editing the parts other producers write", () => {
  it("adds markers to an empty <definedNames/> as openpyxl writes it", async () => {
    const { out } = await roundTrip({ emptyDefinedNames: true }, "empty-names.xlsx");
    const pkg = await openPackage(out);
    expect([...ownedSheetsByKey(pkg).entries()]).toEqual(KEYS.map((k, i) => [k, ZH[i]]));
  });

  it("writes a well-formed workbook part when each <sheet> declares xmlns:r itself", async () => {
    const { zip } = await roundTrip(
      { relNamespaceOnSheets: true, definedNames: [["_xlnm.Print_Area", "Data!$A$1:$B$2", 0]] },
      "r-on-sheets.xlsx"
    );
    expect((await everyXmlPartParses(zip)).filter(([, p]) => p !== null)).toEqual([]);
    const pkg = await openPackage(Buffer.from(await zip.generateAsync({ type: "nodebuffer" })));
    expect(pkg.sheets.map((s) => [s.name, s.part !== null])).toEqual(
      ["Data", ...ZH].map((n) => [n, true])
    );
    expect(pkg.definedNames.find((d) => d.name === "_xlnm.Print_Area")?.formula).toBe(
      "Data!$A$1:$B$2"
    );
  });

  it("writes with the prefix of a part whose main namespace is prefixed x:", async () => {
    const { zip } = await roundTrip({ prefix: "x" }, "prefixed.xlsx");
    const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    expect(namespaceProblem(workbook)).toBeNull();
    expect(workbook).toContain(`<x:sheet name="汇总"`);
    expect(workbook).not.toContain("<sheet ");
  });

  it("gives each part one content type when [Content_Types].xml uses single quotes", async () => {
    const { zip } = await roundTrip({ quote: "'" }, "single-quotes.xlsx");
    const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
    const partNames = [...types.matchAll(/PartName="([^"]+)"/g)].map((m) => m[1]);
    expect(partNames.length).toBeGreaterThan(8);
    expect(new Set(partNames).size).toBe(partNames.length);
    expect(partNames).toContain("/xl/styles.xml");
  });

  it("reads a UTF-16 workbook part and writes it back as UTF-8", async () => {
    const { zip } = await roundTrip({ utf16Workbook: true }, "utf16.xlsx");
    const bytes = (await zip.file("xl/workbook.xml")?.async("nodebuffer")) ?? Buffer.alloc(0);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("<?xml");
    expect(namespaceProblem(bytes.toString("utf8"))).toBeNull();
  });

  it("refuses a workbook part with an invalid character reference as a corrupt file", async () => {
    const zip = await JSZip.loadAsync(await smallPackage());
    const parts = smallPackageParts();
    zip.file(
      "xl/workbook.xml",
      (parts["xl/workbook.xml"] ?? "")
        .replace("<workbookPr/>", "<workbookPr/><!-- &#1114112; -->")
        .replace('calcId="191029"', 'calcId="&#1114112;"')
    );
    const bytes = await zip.generateAsync({ type: "nodebuffer" });
    const error = await openPackage(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileProblem);
    expect((error as FileProblem).code).toBe("corrupt");
  });
});

describe("strict Open XML", () => {
  let writing: ReturnType<typeof writeStrict> | null = null;
  const written = () => (writing ??= writeStrict());
  const writeStrict = async () => {
    const input = await smallPackage({ strict: true, sheets: { 会员: [["会员编号"], ["M1"]] } });
    const out = await writeInto(input, ZH, "strict.xlsx");
    return { input: await JSZip.loadAsync(input), zip: await zipOf(out), out };
  };

  it("reads the sheets of a strict workbook", async () => {
    const { input } = await written();
    const pkg = await openPackage(await input.generateAsync({ type: "nodebuffer" }));
    const { grid } = await readPackageGrid(pkg);
    expect(pkg.conformance.kind).toBe("strict");
    expect(grid.sheets.map((s) => [s.name, s.rows.length])).toEqual([["会员", 2]]);
  });

  it("writes only strict namespaces into the parts it adds or edits", async () => {
    const { zip, input } = await written();
    const added = Object.keys(zip.files).filter((name) => !input.files[name]);
    expect(added.length).toBeGreaterThan(5);
    const edited = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];
    for (const name of [...added, ...edited]) {
      const text = (await zip.file(name)?.async("string")) ?? "";
      expect(text.includes("schemas.openxmlformats.org/spreadsheetml"), name).toBe(false);
      expect(
        text.includes("schemas.openxmlformats.org/officeDocument/2006/relationships"),
        name
      ).toBe(false);
      expect(text.includes("schemas.openxmlformats.org/drawingml"), name).toBe(false);
    }
    expect((await everyXmlPartParses(zip)).filter(([, p]) => p !== null)).toEqual([]);
  });

  it("extends the styles part instead of replacing it", async () => {
    const { zip } = await written();
    const styles = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
    // the input's three cell formats come first, unchanged, then ours
    const xfs = [...styles.matchAll(/<xf [^>]*\/>/g)].map((m) => m[0]);
    expect(xfs[1]).toBe('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    expect(xfs[2]).toContain('numFmtId="164"');
    expect(styles).toContain("x14:slicerStyles");
    expect(styles).toContain('formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"');
    expect(styles.indexOf("<extLst>")).toBeGreaterThan(styles.lastIndexOf("</cellXfs>"));
  });
});

describe("the styles a recalculation adds", () => {
  it("keeps every existing index and appends fonts, fills, borders and cell formats", () => {
    const doc = minimalStyles(TRANSITIONAL);
    const book = new StyleBook(doc);
    const header = book.xfFor("header", undefined);
    const percent = book.xfFor(undefined, "0.00%");
    const custom = book.xfFor("total", "#,##0.0");
    expect([header, percent, custom]).toEqual([1, 2, 3]);
    expect(book.xfFor("header", undefined)).toBe(header);
    const xml = book.toXml();
    expect(xml).toContain('<cellXfs count="4">');
    expect(xml).toContain('<numFmt numFmtId="164" formatCode="#,##0.0"/>');
    expect(namespaceProblem(xml)).toBeNull();
  });

  it("creates the sections a styles part lacks in schema order, with their defaults", () => {
    const book = new StyleBook(minimalStyles(STRICT));
    book.xfFor("warning", "yyyy-mm-dd");
    const xml = book.toXml();
    expect(xml.indexOf("<numFmts")).toBeLessThan(xml.indexOf("<fonts"));
    expect(xml).toContain(STRICT.main);
  });
});

describe("running again", () => {
  it("renames its own sheets in place when the language changes, never adds a second set", async () => {
    const first = await writeInto(await smallPackage(), ZH, "lang-1.xlsx");
    const second = await writeInto(readFileSync(first), EN, "lang-2.xlsx");
    const third = await writeInto(readFileSync(second), ZH, "lang-3.xlsx");
    const names = async (path: string) => (await openPackage(path)).sheets.map((s) => s.name);
    expect(await names(second)).toEqual(["Data", ...EN]);
    expect(await names(third)).toEqual(["Data", ...ZH]);
    const zip = await zipOf(third);
    const worksheets = Object.keys(zip.files).filter((n) =>
      /^xl\/worksheets\/sheet\d+\.xml$/.test(n)
    );
    expect(worksheets).toHaveLength(6);
    const charts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(1);
  });

  it("keeps every input part byte for byte except the parts it must edit", async () => {
    const input = await smallPackage({ definedNames: [["Rate", "Data!$B$2"]] });
    const out = await writeInto(input, ZH, "bytes.xlsx");
    const before = await JSZip.loadAsync(input);
    const after = await zipOf(out);
    const edited = new Set([
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
    ]);
    for (const [name, entry] of Object.entries(before.files)) {
      if (edited.has(name) || entry.dir) continue;
      const a = await before.file(name)?.async("nodebuffer");
      const b = await after.file(name)?.async("nodebuffer");
      expect(b && a && Buffer.compare(a, b) === 0, name).toBe(true);
    }
  });
});

describe("writing large sheets", () => {
  it("writes a sheet of 200,000 rows without overflowing the stack", async () => {
    const rows = Array.from({ length: 200_000 }, (_v, i) => [{ v: `row ${i}` }, { v: i }]);
    const sheet: OutputSheet = {
      key: "problems",
      name: "P",
      rows,
      columnWidths: [],
      freezeRows: 1,
      charts: [],
    };
    const chunks = worksheetXml(
      sheet,
      new StyleBook(minimalStyles(TRANSITIONAL)),
      1900,
      null,
      TRANSITIONAL
    );
    const xml = Buffer.concat(chunks).toString("utf8");
    expect(xml).toContain('<dimension ref="A1:B200000"/>');
    expect(xml).toContain('<c r="A200000"');
  });
});

describe("the file it replaces", () => {
  it("leaves an --in-place target untouched when the package fails validation", async () => {
    const path = join(tmp.path, "in-place.xlsx");
    writeFileSync(path, await smallPackage());
    const original = readFileSync(path);
    const pkg = await openPackage(path);
    await writeOutputSheets(pkg, outputSheets(ZH));
    // damage what we wrote: a relationship to a part that is not there
    const relsName = "xl/_rels/workbook.xml.rels";
    const rels = (await pkg.parts.bytes(relsName))?.toString("utf8") ?? "";
    pkg.parts.set(relsName, rels.replace("worksheets/sheet2.xml", "worksheets/missing.xml"));
    await expect(savePackage(pkg, path)).rejects.toThrow(/validation/);
    expect(Buffer.compare(readFileSync(path), original)).toBe(0);
  });

  it("leaves the target untouched when a sheet it wrote is not well-formed", async () => {
    const path = join(tmp.path, "in-place-2.xlsx");
    writeFileSync(path, await smallPackage());
    const original = readFileSync(path);
    const pkg = await openPackage(path);
    await writeOutputSheets(pkg, outputSheets(ZH));
    const sheet = "xl/worksheets/sheet6.xml";
    const xml = (await pkg.parts.bytes(sheet))?.toString("utf8") ?? "";
    expect(xml).toContain("<sheetData>");
    pkg.parts.set(sheet, [Buffer.from(xml.replace("</sheetData>", "")), Buffer.from("")]);
    await expect(savePackage(pkg, path)).rejects.toThrow(/validation/);
    expect(Buffer.compare(readFileSync(path), original)).toBe(0);
    expect(readdirSync(tmp.path).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});

describe("what Excel 365 writes into its workbook part", () => {
  it("keeps mc:AlternateContent, xr: revision attributes and extLst, and puts definedNames in schema order", async () => {
    const parts = smallPackageParts();
    const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    const workbook = (parts["xl/workbook.xml"] ?? "")
      .replace(
        "<workbook ",
        `<workbook xmlns:mc="${MC}" mc:Ignorable="x15 xr xr6 xr10 xr2" ` +
          'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" ' +
          'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" ' +
          'xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" ' +
          'xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" ' +
          'xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" '
      )
      .replace(
        "<workbookPr/>",
        '<workbookPr defaultThemeVersion="166925"/><mc:AlternateContent><mc:Choice Requires="x15">' +
          '<x15ac:absPath xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" url="C:\\Users\\工商联\\"/>' +
          '</mc:Choice></mc:AlternateContent><xr:revisionPtr revIDLastSave="0" documentId="8_{1}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>'
      )
      .replace(
        "</workbook>",
        '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>'
      );
    const zip = await JSZip.loadAsync(await smallPackage());
    zip.file("xl/workbook.xml", workbook);
    const input = await zip.generateAsync({ type: "nodebuffer" });
    const out = await writeInto(input, ZH, "excel365.xlsx");
    const text = (await (await zipOf(out)).file("xl/workbook.xml")?.async("string")) ?? "";
    expect(namespaceProblem(text)).toBeNull();
    expect(text).toContain(
      '<x15ac:absPath xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" url="C:\\Users\\工商联\\"/>'
    );
    expect(text).toContain('mc:Ignorable="x15 xr xr6 xr10 xr2"');
    expect(text).toContain("<xr:revisionPtr ");
    const order = ["<sheets>", "<definedNames>", "<calcPr ", "<extLst>"].map((tag) =>
      text.indexOf(tag)
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
