/**
 * The .xlsx file's ownership markers follow the add-in's rules (core/markers.ts): hidden from
 * Name Manager (`hidden="1"`, as the add-in sets `visible = false`), and harmless to delete: a
 * sheet recognisably ours by its name and first row is reclaimed on the next run, never
 * duplicated.
 */
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPackage } from "../../src/adapters/xlsx/package";
import { copyFixture, runCli, tempDir } from "../cli/helpers";

const tmp = tempDir();
afterAll(() => tmp.remove());

async function workbookXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
}

/** The file with its workbook-level definedName elements whose name matches `drop` removed. */
async function withoutNames(file: string, drop: RegExp, out: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const stripped = xml.replace(
    /<(\w+:)?definedName\b[^>]*name="([^"]+)"[^>]*>[^<]*<\/(\w+:)?definedName>/g,
    (all, _p, name: string) => (drop.test(name) ? "" : all)
  );
  expect(stripped).not.toBe(xml);
  zip.file("xl/workbook.xml", stripped);
  writeFileSync(out, await zip.generateAsync({ type: "nodebuffer" }));
}

async function sheetNames(file: string): Promise<string[]> {
  return (await openPackage(file)).sheets.map((s) => s.name);
}

describe("ownership markers in the .xlsx file", () => {
  const input = copyFixture("exceljs-table.xlsx", tmp.path);
  const first = join(tmp.path, "first.xlsx");
  runCli([input, "--out", first]);

  it("are hidden from Name Manager, each of them", async () => {
    const markers =
      (await workbookXml(first)).match(
        /<(\w+:)?definedName\b[^>]*name="ChamberStats_[^"]*"[^>]*>/g
      ) ?? [];
    expect(markers.length).toBe(6);
    for (const m of markers) expect(m).toMatch(/\bhidden="1"/);
  });

  it("are harmless to delete: the next run reclaims the sheets instead of writing copies beside them", async () => {
    const before = await sheetNames(first);
    for (const drop of [/^ChamberStats_summary$/, /^ChamberStats_/]) {
      const deleted = join(tmp.path, "deleted.xlsx");
      await withoutNames(first, drop, deleted);
      const again = join(tmp.path, "again.xlsx");
      const result = runCli([deleted, "--json", "--out", again]);
      const json = JSON.parse(result.stdout) as { problems: { byCode: Record<string, number> } };
      expect(json.problems.byCode["output-sheet-renamed"]).toBeUndefined();
      expect(await sheetNames(again)).toEqual(before);
      const pkg = await openPackage(again);
      expect(pkg.definedNames.filter((d) => d.name.startsWith("ChamberStats_")).length).toBe(6);
    }
  });
});
