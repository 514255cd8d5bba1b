/**
 * Data safety in the add-in, against the in-memory fake of Excel: input sheets never change (cell
 * for cell, formulas and formats), hostile text comes out as the same literal text, a user's sheet
 * named 汇总 survives, and a recalculation that Excel stops half way through its writing leaves the
 * inputs intact and is repaired by the next run.
 */
import { describe, expect, it } from "vitest";
import { createOfficeHost } from "../../src/adapters/office";
import type { HostRun, RunProgress } from "../../src/adapters/office/host";
import {
  exportSnapshot,
  snapshotSheet,
  type FakeExcelHandle,
  type WorkbookSnapshot,
} from "../../src/fake-excel";
import { serial, sheetNames, smallDistrict } from "../office/workbooks";
import { fakeExcelPerTest } from "../office/fake-session";

const TODAY = "2014-12-15";

const HOSTILE = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "=1+1"];

const { install } = fakeExcelPerTest();

/** Small write blocks, so that the writing takes many syncs and can be stopped between them. */
function recalc(onProgress: (p: RunProgress) => void = () => undefined): Promise<HostRun> {
  return createOfficeHost({ write: { requestBytes: 2_000 } }).recalculate(
    { today: TODAY },
    onProgress
  );
}

/** Each sheet's full state (values, formulas, formats, styles, widths, …) as JSON text. */
function states(h: FakeExcelHandle, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, JSON.stringify(snapshotSheet(h.book, n))]));
}

/** The district with hostile member names, hostile types (each a bad-enum) and a user's 汇总 sheet. */
function hostileDistrict(): WorkbookSnapshot {
  const base = smallDistrict({
    chambers: [
      ["SH09", '=HYPERLINK("http://evil.example","点我")', "行业商会", null, serial("2011-01-01")],
    ],
    members: [
      ...HOSTILE.map((name, i) => [`H${i}`, name, "个人会员", "SH09", null, serial("2012-01-01")]),
      ...HOSTILE.map((type, i) => [`T${i}`, "类型是公式", type, null, null, serial("2012-01-01")]),
    ],
  });
  const mine = {
    name: "汇总",
    cells: [["我自己的汇总表"], ["会员总数", 8]],
    formulas: [[null], [null, "=COUNTA(会员!A:A)-2"]],
  };
  return { ...base, sheets: [...base.sheets, mine] };
}

describe("the add-in's data safety", () => {
  it("writes hostile text as the same literal text in every output sheet, with no formula of its own", async () => {
    const h = install(hostileDistrict());
    const run = await recalc();
    const outputs = run.written.map((w) => snapshotSheet(h.book, w.name));
    const texts = outputs.flatMap((s) => s.cells.flat());
    for (const text of [...HOSTILE, '=HYPERLINK("http://evil.example","点我")']) {
      expect({ text, written: texts.includes(text) }).toEqual({ text, written: true });
    }
    const formulas = outputs.flatMap((s) => (s.formulas ?? []).flat()).filter((f) => f !== null);
    expect(formulas.filter((f) => !f.startsWith('=HYPERLINK("#'))).toEqual([]);
    const values = run.result.json.problems.items.map((p) => p.value);
    for (const text of HOSTILE) expect(values).toContain(text);
  });

  it("keeps every input sheet and the user's 汇总 exactly as they were", async () => {
    const snapshot = hostileDistrict();
    const h = install(snapshot);
    const names = sheetNames(snapshot);
    const before = states(h, names);
    const run = await recalc();
    expect(states(h, names)).toEqual(before);
    expect(run.written.find((w) => w.key === "summary")?.name).toBe("汇总 (2)");
  });

  it("leaves the inputs intact when Excel stops the writing half way, and the next run repairs the outputs", async () => {
    const snapshot = hostileDistrict();
    const clean = install(snapshot);
    const cleanRun = await recalc();
    const expected = states(
      clean,
      cleanRun.written.map((w) => w.name)
    );

    // A host that fails the batch in cell-edit mode rather than delaying it (delayForCellEdit).
    const h = install(snapshot, { honoursDelayForCellEdit: false });
    const names = sheetNames(snapshot);
    const before = states(h, names);
    let writes = 0;
    const stopped = await recalc((p) => {
      if (p.stage !== "writing") return;
      writes += 1;
      // After a few blocks have gone through, the user starts typing in a cell.
      if (writes === 4) h.book.cellEditMode = true;
    }).then(
      () => "finished",
      (e: unknown) => (e instanceof Error ? e.name : String(e))
    );
    expect(stopped).not.toBe("finished");
    expect(states(h, names)).toEqual(before);
    const halfWritten = exportSnapshot(h.book).sheets.map((s) => s.name);
    expect(halfWritten.length).toBeGreaterThan(names.length);

    h.book.cellEditMode = false;
    const repaired = await recalc();
    expect(repaired.written.map((w) => w.name)).toEqual(cleanRun.written.map((w) => w.name));
    expect(
      states(
        h,
        repaired.written.map((w) => w.name)
      )
    ).toEqual(expected);
    expect(states(h, names)).toEqual(before);
    expect(h.book.sheets.map((s) => s.name)).toEqual(clean.book.sheets.map((s) => s.name));
  });
});
