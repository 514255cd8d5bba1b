/**
 * The sample district workbook (examples/sample-district.xlsx, written by `npm run sample`):
 * its figures as the command line computes them, its planted mistakes, and the generator's
 * determinism. examples/README.md explains every figure asserted here.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execPath } from "node:process";
import { URL, fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecalcJson } from "../src/core/types";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SAMPLE = join(ROOT, "examples/sample-district.xlsx");
const TSX = ["--import", "tsx"];

let tmp = "";
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "chamber-sample-"));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function runCli(args: readonly string[]): { status: number | null; stdout: string } {
  const run = spawnSync(execPath, [...TSX, join(ROOT, "src/cli/main.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout };
}

function generate(out: string): void {
  execFileSync(execPath, [...TSX, join(ROOT, "scripts/make-sample.ts"), out], {
    cwd: ROOT,
    encoding: "utf8",
  });
}

/** Every sheet's cells as [address, value] pairs, values as JSON (dates as ISO strings). */
async function cellValues(path: string): Promise<Record<string, Array<[string, string]>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheets: Record<string, Array<[string, string]>> = {};
  for (const ws of wb.worksheets) {
    const cells: Array<[string, string]> = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells.push([cell.address, JSON.stringify(cell.value)]);
      })
    );
    sheets[ws.name] = cells;
  }
  return sheets;
}

describe("the sample district through the command line", () => {
  let json: RecalcJson;
  let status: number | null = null;
  beforeAll(() => {
    const out = join(tmp, "recalculated.xlsx");
    const run = runCli([SAMPLE, "--json", "--out", out]);
    status = run.status;
    json = JSON.parse(run.stdout) as RecalcJson;
  });

  it("exits with status 1: the workbook has errors, and the output is still written", () => {
    expect(status).toBe(1);
    expect(existsSync(join(tmp, "recalculated.xlsx"))).toBe(true);
  });

  it("counts 1,889 members on 2014-11-30: 1,400 enterprise, 322 group, 167 individual", () => {
    expect(json.asOf).toBe("2014-11-30");
    expect(json.baseYear).toBe(2011);
    expect(json.members?.total).toBe(1889);
    expect(json.members?.byType).toEqual({ enterprise: 1400, group: 322, individual: 167 });
  });

  it("finds 1,058 members at the end of 2011, +78.54% since the base year", () => {
    expect(json.members?.baseYearEnd).toBe(1058);
    expect(json.members?.growthSinceBase).toBeCloseTo(0.7854, 4);
  });

  it("keeps retention below 100%: some members left during 2014", () => {
    expect(json.members?.leftInYear).toBeGreaterThan(0);
    expect(json.members?.retentionRate).toBeLessThan(1);
  });

  it("counts 14 chambers by type, all registered, every president an entrepreneur", () => {
    expect(json.chambers?.total).toBe(14);
    expect(json.chambers?.byType).toEqual({
      township: 2,
      industry: 6,
      regional: 4,
      outOfTown: 2,
      other: 0,
    });
    expect(json.chambers?.registeredRate).toBe(1);
    expect(json.chambers?.presidentEntrepreneurRate).toBe(1);
    expect([json.chambers?.website, json.chambers?.journal]).toEqual([5, 2]);
  });

  it("finds 5 chambers collecting 100% of their 2014 dues and 3 taking in 500,000 yuan or more", () => {
    expect(json.chambers?.fullCollection).toBe(5);
    const full = json.dues?.byChamber.filter((c) => c.fullCollection).map((c) => c.chamberId);
    expect(full).toEqual(["SH01", "SH03", "SH06", "SH09", "SH13"]);
    const rich = json.dues?.byChamber
      .filter((c) => c.incomeAtLeastThreshold)
      .map((c) => c.chamberId);
    expect(rich).toEqual(["SH03", "SH04", "SH13"]);
  });

  it("puts member coverage above 10% in every township but 西城街道, 临江镇 and 金桥镇", () => {
    const byTownship = json.coverage.byTownship ?? [];
    expect(byTownship).toHaveLength(10);
    expect(byTownship.filter((t) => t.meetsTarget === false).map((t) => t.township)).toEqual([
      "西城街道",
      "临江镇",
      "金桥镇",
    ]);
    expect(json.coverage.townshipsWithChamber).toBe(2);
    expect(json.coverage.townshipChamberCoverage).toBeCloseTo(0.2, 10);
    const yunxi = byTownship.find((t) => t.township === "云溪乡");
    expect(yunxi?.nonPublicEnterprises).toBe(420); // its 2013 figure: no 2014 row
  });

  it("lists exactly the planted mistakes, each at its cell", () => {
    const items = json.problems.items.map((p) => [p.sheet, p.row, p.column, p.code]);
    expect(items).toEqual([
      ["商会", 15, "K", "bad-url"],
      ["会员", 1058, "L", "bad-phone"],
      ["会员", 1168, "G", "bad-uscc"],
      ["会员", 1203, "D", "bad-enum"],
      ["会员", 1253, "B", "duplicate-id"],
      ["会员", 1435, "I", "not-a-date"],
      ["会员", 1530, "J", "date-order"],
      ["会员", 1600, "G", "bad-uscc"],
      ["会员", 1749, "E", "unknown-chamber"],
      ["会员", 1826, "G", "duplicate-uscc"],
      ["会员", 1897, "F", "blank-required"],
      ["会费", 1383, "F", "paid-without-date"],
      ["会费", 2785, "A", "member-excluded"],
      ["会费", 3404, "A", "unknown-member"],
      ["会费", 4378, "E", "overpaid"],
      ["会费", 4422, "A", "member-excluded"],
      ["会费", 4943, "C", "duplicate-dues"],
      ["乡镇", 21, null, "township-year-missing"],
    ]);
    expect([json.problems.errors, json.problems.warnings]).toEqual([13, 5]);
  });

  it("accounts for every row: read = counted + excluded", () => {
    expect(json.rows.members).toEqual({ read: 1961, counted: 1952, excluded: 9 });
    expect(json.rows.chambers).toEqual({ read: 14, counted: 14, excluded: 0 });
    expect(json.rows.dues).toEqual({ read: 4942, counted: 4938, excluded: 4 });
    expect(json.rows.townships).toEqual({ read: 29, counted: 29, excluded: 0 });
  });
});

describe("the sample generator", () => {
  it("writes the same cells on every run, equal to the committed sample", async () => {
    const a = join(tmp, "a.xlsx");
    const b = join(tmp, "b.xlsx");
    generate(a);
    generate(b);
    const cellsA = await cellValues(a);
    expect(Object.keys(cellsA)).toEqual(["商会", "会员", "会费", "乡镇", "设置"]);
    expect(cellsA["会员"]?.length).toBeGreaterThan(1961 * 8);
    expect(await cellValues(b)).toEqual(cellsA);
    expect(await cellValues(SAMPLE)).toEqual(cellsA);
  });

  it("stamps the workbook with fixed dates, not the time of the run", async () => {
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
    const core = (await zip.file("docProps/core.xml")?.async("string")) ?? "";
    expect(core.match(/<dcterms:(created|modified)[^>]*>([^<]*)</g)).toEqual([
      '<dcterms:created xsi:type="dcterms:W3CDTF">2014-12-01T01:30:00Z<',
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2014-12-01T01:30:00Z<',
    ]);
  });
});
