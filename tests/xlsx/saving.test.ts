/**
 * The save in two steps: the parts a recalculation never writes are copied into the temporary
 * file ahead (while the core runs), the rest after them, and the output is the same package
 * whatever happened to those parts in between.
 */
import JSZip from "jszip";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPackage, type XlsxPackage } from "../../src/adapters/xlsx/package";
import { readPackageGrid } from "../../src/adapters/xlsx/reader";
import {
  PackageSaving,
  partsNeverWritten,
  savePackage,
  writeOutputSheets,
} from "../../src/adapters/xlsx/writer";
import { ZipArchive } from "../../src/adapters/xlsx/zip";
import { recalculate } from "../../src/core/index";
import type { OutputSheet } from "../../src/core/types";
import { copyFixture, tempDir } from "../cli/helpers";

const tmp = tempDir();
afterAll(() => tmp.remove());

/** Reads the package's cells and runs the core, as the command line does: its output sheets. */
async function outputOf(pkg: XlsxPackage): Promise<readonly OutputSheet[]> {
  const { grid, ownedSheets } = await readPackageGrid(pkg);
  return recalculate(grid, { today: "2025-06-30", ownedSheets }).output;
}

function entryNames(path: string): string[] {
  return ZipArchive.open(readFileSync(path)).entries.map((e) => e.name);
}

describe("a save begun before the output sheets are written", () => {
  it("writes the parts never written first, byte for byte as stored, and the rest after them", async () => {
    const input = copyFixture("exceljs-table.xlsx", tmp.path);
    const out = join(tmp.path, "ahead.xlsx");
    const pkg = await openPackage(input);
    const output = await outputOf(pkg);
    const ahead = await partsNeverWritten(pkg);
    expect(ahead).toEqual([...pkg.sheets.map((s) => s.part), "xl/sharedStrings.xml"]);
    const saving = await PackageSaving.begin(pkg, out, ahead);
    await writeOutputSheets(pkg, output);
    await saving.finish();

    const names = entryNames(out);
    expect(names.slice(0, ahead.length)).toEqual(ahead);
    const before = ZipArchive.open(readFileSync(input));
    const after = ZipArchive.open(readFileSync(out));
    for (const name of ahead) {
      expect(after.raw(after.get(name)!).equals(before.raw(before.get(name)!))).toBe(true);
    }
    // the same parts as a save in one step, each with the same content
    const once = join(tmp.path, "once.xlsx");
    const again = await openPackage(input);
    await writeOutputSheets(again, output);
    await savePackage(again, once);
    expect([...names].sort()).toEqual([...entryNames(once)].sort());
    const a = await JSZip.loadAsync(readFileSync(out), { checkCRC32: true });
    const b = await JSZip.loadAsync(readFileSync(once), { checkCRC32: true });
    for (const name of names) {
      expect(await a.file(name)?.async("nodebuffer")).toEqual(
        await b.file(name)?.async("nodebuffer")
      );
    }
    expect(readdirSync(tmp.path).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("leaves the output sheets of an earlier run out of the parts copied ahead", async () => {
    const input = copyFixture("exceljs-table.xlsx", tmp.path);
    const first = join(tmp.path, "first.xlsx");
    const users = new Set((await openPackage(input)).sheets.map((s) => s.name));
    const pkg = await openPackage(input);
    await writeOutputSheets(pkg, await outputOf(pkg));
    await savePackage(pkg, first);

    const rerun = await openPackage(first);
    await outputOf(rerun);
    const ours = new Set(rerun.sheets.filter((s) => !users.has(s.name)).map((s) => s.part));
    expect(ours.size).toBeGreaterThan(0);
    const ahead = await partsNeverWritten(rerun);
    expect(ahead.filter((part) => ours.has(part))).toEqual([]);
    expect(ahead.length).toBe(rerun.sheets.length - ours.size + 1);
  });

  it("starts the file again, in the archive's order, when a part copied ahead is written after all", async () => {
    const input = copyFixture("exceljs-table.xlsx", tmp.path);
    const out = join(tmp.path, "spoiled.xlsx");
    const pkg = await openPackage(input);
    const part = pkg.sheets[0]!.part!;
    const saving = await PackageSaving.begin(pkg, out, [part]);
    expect(pkg.parts.names()[0]).toBe(part);
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>`;
    pkg.parts.set(part, xml);
    expect(pkg.parts.aheadSpoiled).toBe(true);
    await saving.finish();

    expect(entryNames(out)).toEqual(entryNames(input).filter((n) => !n.endsWith("/")));
    const zip = await JSZip.loadAsync(readFileSync(out), { checkCRC32: true });
    expect(await zip.file(part)?.async("string")).toBe(xml);
    expect(readdirSync(tmp.path).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("removes its temporary file when given up, and leaves the output as it was", async () => {
    const input = copyFixture("exceljs-table.xlsx", tmp.path);
    const out = join(tmp.path, "kept.xlsx");
    writeFileSync(out, "the user's own file");
    const pkg = await openPackage(input);
    const saving = await PackageSaving.begin(pkg, out, await partsNeverWritten(pkg));
    expect(readdirSync(tmp.path).some((f) => f.startsWith(".kept.xlsx."))).toBe(true);
    await saving.abort();
    expect(readdirSync(tmp.path).filter((f) => f.startsWith(".kept.xlsx."))).toEqual([]);
    expect(readFileSync(out, "utf8")).toBe("the user's own file");
    // the package can be saved again, in the archive's order
    await savePackage(pkg, out);
    expect(entryNames(out)).toEqual(entryNames(input).filter((n) => !n.endsWith("/")));
    expect(existsSync(out)).toBe(true);
  });
});
