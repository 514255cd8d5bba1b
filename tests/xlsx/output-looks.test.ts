/**
 * What the command line's output sheets look like in the file and in real consumers: the problems
 * sheet's AutoFilter (its element and the hidden _xlnm._FilterDatabase name Excel keeps with it),
 * the East Asian font of a Chinese workbook's output cells, centred 是/否 flags and the
 * generated-at line, read back by openpyxl and by LibreOffice.
 */
import JSZip from "jszip";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertAvailable, gate, libreOfficeConsumer, openpyxlConsumer, PYTHON } from "../consumers";
import { ROOT, runCli, tempDir } from "../cli/helpers";

const tmp = tempDir();
afterAll(() => tmp.remove());

const SAMPLE = join(ROOT, "examples/sample-district.xlsx");
const OUT = join(tmp.path, "looks.xlsx");

async function part(file: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return (await zip.file(name)?.async("string")) ?? "";
}

/** The worksheet part of a sheet, by its name in workbook.xml and the workbook's relationships. */
async function sheetPart(file: string, sheet: string): Promise<string> {
  const workbook = await part(file, "xl/workbook.xml");
  const rels = await part(file, "xl/_rels/workbook.xml.rels");
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="(rId\\d+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
  return part(file, `xl/${target.replace(/^\/?xl\//, "")}`);
}

function sheetIndex(workbookXml: string, sheet: string): number {
  const names = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  return names.indexOf(sheet);
}

function filterNames(workbookXml: string): string[] {
  return [
    ...workbookXml.matchAll(/<definedName [^>]*name="_xlnm\._FilterDatabase"[^>]*>[^<]*/g),
  ].map((m) => m[0]);
}

beforeAll(() => {
  const run = runCli([SAMPLE, "--out", OUT]);
  expect(run.status, run.stderr).toBe(1); // the sample has planted errors
}, 120_000);

describe("the problems sheet's AutoFilter in the file", () => {
  it("writes <autoFilter> over the header and the problem rows, after sheetData and before the hyperlinks", async () => {
    const xml = await sheetPart(OUT, "校验结果");
    const ref = /<autoFilter ref="(A1:F(\d+))"\/>/.exec(xml);
    expect(ref).not.toBeNull();
    const rows = [...xml.matchAll(/<row r="(\d+)"/g)].length;
    // the header, the problems, then a blank row and the generated-at line
    expect(Number(ref?.[2])).toBe(rows - 1);
    const at = (s: string) => xml.indexOf(s);
    expect(at("</sheetData>")).toBeLessThan(at("<autoFilter"));
    expect(at("<autoFilter")).toBeLessThan(at("<hyperlinks>"));
  });

  it("keeps the hidden sheet-local _xlnm._FilterDatabase name with it, once, through a second run", async () => {
    const workbook = await part(OUT, "xl/workbook.xml");
    const ref = /<autoFilter ref="A1:F(\d+)"/.exec(await sheetPart(OUT, "校验结果"))?.[1];
    const index = sheetIndex(workbook, "校验结果");
    expect(filterNames(workbook)).toEqual([
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">'校验结果'!$A$1:$F$${ref}`,
    ]);
    const again = join(tmp.path, "again.xlsx");
    runCli([OUT, "--out", again]);
    expect(filterNames(await part(again, "xl/workbook.xml"))).toHaveLength(1);
  }, 120_000);
});

describe("fonts and flags in the file", () => {
  it("sets a Chinese workbook's output cells in 等线 with the GB2312 charset, as Excel writes it, without a theme scheme", async () => {
    const styles = await part(OUT, "xl/styles.xml");
    const fonts = [...styles.matchAll(/<font>(.*?)<\/font>/g)].map((m) => m[1] ?? "");
    const dengxian = fonts.filter((f) => f.includes('<name val="等线"/>'));
    expect(dengxian.length).toBeGreaterThan(0);
    for (const f of dengxian) {
      expect(f).toContain('<family val="2"/><charset val="134"/>');
      expect(f).not.toContain("<scheme");
    }
  });
});

const openpyxl = openpyxlConsumer();
const libreOffice = libreOfficeConsumer();

const READ = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["校验结果"]
cov = wb["覆盖率"]
last = ws.max_row
print(json.dumps({
  "filter": ws.auto_filter.ref,
  "header": [c.value for c in ws[1]],
  "font": ws["B2"].font.name,
  "charset": ws["B2"].font.charset,
  "fill": ws["B2"].fill.fgColor.rgb,
  "wrap": ws["E2"].alignment.wrap_text,
  "flag": cov["E2"].alignment.horizontal,
  "stamp": ws.cell(row=last, column=1).value,
}, ensure_ascii=False))
`;

describe("read back by real consumers", () => {
  const reads = gate(
    openpyxl,
    "openpyxl reads the filter, the font, the fills, the wrap, the centred flags and the stamp"
  );
  it.skipIf(reads.skip)(reads.title, () => {
    assertAvailable(openpyxl);
    const run = spawnSync(PYTHON, ["-c", READ, OUT], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const read = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(read).toMatchObject({
      header: ["级别", "问题", "单元格", "值", "说明", "代码"],
      font: "等线",
      charset: 134,
      wrap: true,
      flag: "center",
    });
    expect(read["filter"]).toMatch(/^A1:F\d+$/);
    expect(["FFFCE4E4", "FFFFF2CC"]).toContain(read["fill"]);
    expect(read["stamp"]).toMatch(
      /^生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}，chamber-stats \d+\.\d+\.\d+，输入文件：sample-district\.xlsx$/
    );
  });

  const converts = gate(libreOffice, "LibreOffice keeps the filter on 校验结果 and the 等线 font");
  it.skipIf(converts.skip)(
    converts.title,
    () => {
      assertAvailable(libreOffice);
      const dir = join(tmp.path, "lo");
      const profile = `-env:UserInstallation=file://${join(tmp.path, "lo-profile")}`;
      const run = spawnSync(
        "soffice",
        [profile, "--headless", "--norestore", "--convert-to", "fods", "--outdir", dir, OUT],
        { encoding: "utf8", timeout: 300_000 }
      );
      expect(readdirSync(dir), run.stderr).toEqual(["looks.fods"]);
      const fods = readFileSync(join(dir, "looks.fods"), "utf8");
      // LibreOffice turns a sheet's AutoFilter into a database range with filter buttons
      const range =
        /<table:database-range [^>]*table:target-range-address="([^"]+)"[^>]*table:display-filter-buttons="true"/.exec(
          fods
        );
      expect(range?.[1]).toMatch(/^'?校验结果'?\.A1:'?校验结果'?\.F\d+$/);
      // LibreOffice takes the font for the output cells' styles. It applies it to Chinese text
      // only where the font is installed and has CJK glyphs (it asks the font), else its own
      // default Asian font: this machine has no 等线, so only the Latin name is checked.
      expect(fods).toContain('<style:font-face style:name="等线"');
      expect(fods.match(/style:font-name="等线"/g)?.length ?? 0).toBeGreaterThan(5);
    },
    300_000
  );
});
