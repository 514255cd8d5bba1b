/**
 * The Office.js host against the fake Excel behaving as Microsoft documents real hosts: payload
 * refusals that arrive as GeneralException or as null values, hosts with and without typed
 * values (ExcelApi 1.16) and a host that turns "=…" under "@" into formulas, screen updating
 * suspended once per run, and ownership markers hidden and harmless to delete.
 */
import { describe, expect, it } from "vitest";
import { createOfficeHost, HostError } from "../../src/adapters/office";
import type { HostRun } from "../../src/adapters/office/host";
import { markerKey } from "../../src/core/markers";
import { snapshotSheet, type FakeExcelHandle, type WorkbookSnapshot } from "../../src/fake-excel";
import { generatedDistrict, serial, sheetNames, smallDistrict } from "./workbooks";
import { fakeExcelPerTest } from "./fake-session";

const TODAY = "2014-12-15";

const { install } = fakeExcelPerTest();

function recalc(options: Parameters<typeof createOfficeHost>[0] = {}): Promise<HostRun> {
  return createOfficeHost(options).recalculate({ today: TODAY }, () => undefined);
}

function failure(promise: Promise<unknown>): Promise<{ code: string; detail: string }> {
  return promise.then(
    () => ({ code: "no error", detail: "" }),
    (e: unknown) =>
      e instanceof HostError
        ? { code: e.code, detail: e.detail }
        : { code: "not a HostError", detail: String(e) }
  );
}

/** Every written sheet's full state as JSON text, by name. */
function outputs(h: FakeExcelHandle, run: HostRun): Record<string, string> {
  return Object.fromEntries(
    run.written.map((w) => [w.name, JSON.stringify(snapshotSheet(h.book, w.name))])
  );
}

function errorsOf(h: FakeExcelHandle): string[] {
  return h.stats.records.flatMap((r) => (r.error === null ? [] : [r.error]));
}

const HOSTILE = ["=42", '=HYPERLINK("http://x","y")', "+86 138 0000 0000", "-"];

/** A small district whose chamber and member cells hold text that looks like formulas. */
function hostileDistrict(): WorkbookSnapshot {
  return smallDistrict({
    chambers: [["SH05", "=42", "行业商会", null, serial("2011-01-01"), "是", "+86 138 0000 0000"]],
    members: [
      [
        "M009",
        "某公司",
        "企业会员",
        '=HYPERLINK("http://x","y")',
        "城关街道",
        serial("2012-01-01"),
        "-",
      ],
      ["M010", "@home", "个人会员", null, null, serial("2012-01-01"), "-"],
    ],
  });
}

function texts(h: FakeExcelHandle, run: HostRun): unknown[] {
  return run.written.flatMap((w) => snapshotSheet(h.book, w.name).cells.flat());
}

function formulas(h: FakeExcelHandle, run: HostRun): unknown[] {
  return run.written.flatMap((w) =>
    (snapshotSheet(h.book, w.name).formulas ?? []).flat().filter((f) => f !== null)
  );
}

describe("payload refusals that are not the payload codes", () => {
  const snapshot = generatedDistrict(3000, 2, { badPhones: true });
  const write = { requestBytes: 400_000 };

  it("splits and retries a large write sync that fails with GeneralException, once, with the same result", async () => {
    const clean = install(snapshot);
    const reference = await recalc({ write });
    const expected = outputs(clean, reference);
    const h = install(snapshot, { generalException: { requestAbove: 300_000 } });
    const run = await recalc({ write });
    expect(errorsOf(h)).toEqual(["GeneralException"]);
    expect(run.result.json).toEqual(reference.result.json);
    expect(outputs(h, run)).toEqual(expected);
  });

  it("reports a second GeneralException as a failure instead of splitting again", async () => {
    const h = install(snapshot, { generalException: { requestAbove: 70_000 } });
    const got = await failure(recalc({ write }));
    expect(got.code).toBe("unknown");
    expect(got.detail).toMatch(/^GeneralException: /);
    expect(errorsOf(h)).toEqual(["GeneralException", "GeneralException"]);
  });

  it("reads in smaller blocks after a large read sync fails with GeneralException", async () => {
    const clean = install(snapshot);
    const reference = await recalc();
    const expected = outputs(clean, reference);
    const h = install(snapshot, { generalException: { responseAbove: 1_200_000 } });
    const run = await recalc();
    expect(errorsOf(h)).toEqual(["GeneralException"]);
    expect(outputs(h, run)).toEqual(expected);
  });

  it("reads again in smaller blocks when Range.values comes back null past the cell limit", async () => {
    const clean = install(snapshot);
    const reference = await recalc();
    const expected = outputs(clean, reference);
    const h = install(snapshot, { maxCellsPerGet: 2_000, largeGet: "null" });
    const run = await recalc();
    expect(run.result.json).toEqual(reference.result.json);
    expect(outputs(h, run)).toEqual(expected);
    expect(run.syncs).toBeGreaterThan(reference.syncs);
  });

  it("gives up with a payload failure when a single row comes back null", async () => {
    install(snapshot, { maxCellsPerGet: 3, largeGet: "null" });
    expect((await failure(recalc())).code).toBe("payload");
  });
});

describe("literal text on hosts with and without typed values", () => {
  it("writes formula-looking text as typed String cells where ExcelApi 1.16 is supported, even on a host that ignores '@'", async () => {
    const h = install(hostileDistrict(), { textFormatIgnored: true });
    const run = await recalc();
    for (const t of HOSTILE)
      expect({ t, written: texts(h, run).includes(t) }).toEqual({ t, written: true });
    expect(formulas(h, run)).toEqual([]);
  });

  it("keeps text under '@' through values on an ExcelApi 1.15 host that honours it", async () => {
    const h = install(hostileDistrict(), { apiVersion: "1.15" });
    const run = await recalc();
    for (const t of HOSTILE)
      expect({ t, written: texts(h, run).includes(t) }).toEqual({ t, written: true });
    expect(formulas(h, run)).toEqual([]);
  });

  it("fails loudly, naming the cells, when an ExcelApi 1.15 host turned text into formulas; inputs stay and a later run repairs", async () => {
    const snapshot = hostileDistrict();
    const h = install(snapshot, { apiVersion: "1.15", textFormatIgnored: true });
    const inputs = sheetNames(snapshot);
    const before = inputs.map((n) => JSON.stringify(snapshotSheet(h.book, n)));
    const got = await failure(recalc());
    expect(got.code).toBe("text-became-formula");
    expect(got.detail).toMatch(/'(商会明细|校验结果)'![A-Z]+\d+/);
    expect(inputs.map((n) => JSON.stringify(snapshotSheet(h.book, n)))).toEqual(before);

    const book = h.book;
    h.uninstall();
    const again = install(book, { apiVersion: "1.15" });
    const run = await recalc();
    expect(formulas(again, run)).toEqual([]);
    expect(book.sheets.map((s) => s.name).filter((n) => n.includes("("))).toEqual([]);
    expect(inputs.map((n) => JSON.stringify(snapshotSheet(book, n)))).toEqual(before);
  });
});

describe("screen updating", () => {
  it("is suspended once per recalculation however many write syncs it takes", async () => {
    const h = install(generatedDistrict(3000, 2, { badPhones: true }));
    const run = await recalc({ write: { requestBytes: 200_000 } });
    const suspendedSyncs = h.stats.records.filter((r) => r.screenUpdatingSuspended).length;
    const calcSuspended = h.stats.records.filter((r) => r.calculationSuspended).length;
    expect(calcSuspended).toBeGreaterThan(3);
    expect(h.stats.screenUpdatingSuspendCalls).toBe(1);
    expect(suspendedSyncs).toBe(1);
    await recalc({ write: { requestBytes: 200_000 } });
    expect(h.stats.screenUpdatingSuspendCalls).toBe(2);
    expect(run.syncs).toBeGreaterThan(5);
  });

  it("is not suspended on a host without ExcelApi 1.9, and the run still succeeds", async () => {
    const h = install(smallDistrict(), { apiVersion: "1.8" });
    const run = await recalc();
    expect(h.stats.screenUpdatingSuspendCalls).toBe(0);
    expect(run.written.length).toBe(6);
  });
});

describe("ownership markers", () => {
  function markers(h: FakeExcelHandle): Array<[string, boolean]> {
    return h.book.names.filter((n) => markerKey(n.name) !== null).map((n) => [n.name, n.visible]);
  }

  it("are hidden from Name Manager, and a marker shown by an older version is hidden again", async () => {
    const h = install(smallDistrict());
    await recalc();
    expect(markers(h).length).toBe(6);
    expect(markers(h).every(([, visible]) => !visible)).toBe(true);
    for (const n of h.book.names) n.visible = true;
    await recalc();
    expect(markers(h).every(([, visible]) => !visible)).toBe(true);
  });

  it("are harmless to delete: the sheet, recognisably ours by its name and first row, is reclaimed, never duplicated", async () => {
    const h = install(smallDistrict());
    const first = await recalc();
    const sheetsBefore = h.book.sheets.map((s) => s.name);
    const summaryBefore = JSON.stringify(snapshotSheet(h.book, "汇总"));
    h.book.names.splice(
      h.book.names.findIndex((n) => n.name === "ChamberStats_summary"),
      1
    );
    const second = await recalc();
    expect(h.book.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(second.written).toEqual(first.written);
    expect(second.result.problems.map((p) => p.code)).not.toContain("output-sheet-renamed");
    expect(JSON.stringify(snapshotSheet(h.book, "汇总"))).toBe(summaryBefore);
    expect(markers(h)).toContainEqual(["ChamberStats_summary", false]);

    h.book.names.length = 0;
    const third = await recalc();
    expect(h.book.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(third.written).toEqual(first.written);
    expect(markers(h).length).toBe(6);
  });

  it("never reclaim a user's sheet that has an output sheet's name but another first row", async () => {
    const base = smallDistrict();
    const mine = { name: "汇总", cells: [["商会统计汇总", "我的备注"], [42]] };
    const checks = { name: "校验结果", cells: [["我的校验"]] };
    const h = install({ ...base, sheets: [...base.sheets, checks, mine] });
    const before = [snapshotSheet(h.book, "汇总"), snapshotSheet(h.book, "校验结果")];
    const run = await recalc();
    expect(run.written.find((w) => w.key === "summary")?.name).toBe("汇总 (2)");
    expect(run.written.find((w) => w.key === "problems")?.name).toBe("校验结果 (2)");
    expect([snapshotSheet(h.book, "汇总"), snapshotSheet(h.book, "校验结果")]).toEqual(before);
  });
});
