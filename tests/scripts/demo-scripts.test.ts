import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { measureTaskpane } from "../../scripts/bundle-size";
import { readCellValue, serialOfDate } from "../../scripts/make-demo-data";
import { resolveInside } from "../../scripts/static-server";

describe("the demo's data from an .xlsx file", () => {
  it("turns ExcelJS dates back into serials of the workbook's date system", () => {
    expect(serialOfDate(new Date(Date.UTC(2014, 10, 30)), false)).toBe(41973);
    expect(serialOfDate(new Date(Date.UTC(2014, 10, 30)), true)).toBe(41973 - 1462);
    expect(readCellValue(new Date(Date.UTC(2014, 10, 30)), false)).toEqual({
      value: 41973,
      dateFormat: "yyyy-mm-dd",
    });
  });

  it("keeps error values, rich text, and a formula's cached result beside the formula", () => {
    expect(readCellValue({ error: "#N/A" }, false)).toEqual({ value: "#N/A", error: "#N/A" });
    expect(readCellValue({ richText: [{ text: "云川" }, { text: "商会" }] }, false)).toEqual({
      value: "云川商会",
    });
    expect(readCellValue({ formula: "1+1", result: 2 }, false)).toEqual({
      value: 2,
      formula: "=1+1",
    });
    expect(readCellValue({ text: "官网", hyperlink: "http://x.cn" }, false)).toEqual({
      value: "官网",
    });
  });
});

describe("the demo's static server", () => {
  const root = path.resolve("/srv/dist");

  it("serves files inside its folder and index.html for a folder", () => {
    expect(resolveInside(root, "/demo.html?lang=en-US")).toBe(path.join(root, "demo.html"));
    expect(resolveInside(root, "/")).toBe(path.join(root, "index.html"));
  });

  it("never serves a file outside its folder", () => {
    expect(resolveInside(root, "/../etc/passwd")).toBe(path.join(root, "etc", "passwd"));
    expect(resolveInside(root, "/%2e%2e/%2e%2e/etc/passwd")).toBe(path.join(root, "etc", "passwd"));
  });
});

describe("the bundle-size check", () => {
  it("counts the scripts and stylesheets taskpane.html loads from dist, not office.js", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "bundle-size-"));
    await writeFile(
      path.join(dir, "taskpane.html"),
      '<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><script defer src=taskpane.js></script><link href="taskpane.css" rel=stylesheet>'
    );
    await writeFile(path.join(dir, "taskpane.js"), "x".repeat(10_000));
    await writeFile(path.join(dir, "taskpane.css"), "body{}");
    const size = await measureTaskpane(dir);
    await rm(dir, { recursive: true, force: true });
    expect(size.files.map((f) => [f.name, f.raw])).toEqual([
      ["taskpane.js", 10_000],
      ["taskpane.css", 6],
    ]);
    expect(size.gzip).toBeLessThan(200);
  });
});
