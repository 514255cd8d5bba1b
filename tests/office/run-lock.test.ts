/* global globalThis */
/**
 * The workbook's run lock (src/adapters/office/lock.ts) between the task pane and the ribbon's
 * Recalculate, which Office runs in separate runtimes and closes after 5 minutes; and the
 * ribbon's refusal of a workbook too large to finish in that time. Against the fake Excel.
 */
import { describe, expect, it } from "vitest";
import { URL } from "node:url";
import { createOfficeHost } from "../../src/adapters/office";
import { FAILURE_TEXTS } from "../../src/adapters/office/host-messages";
import {
  LOCK_NAME,
  PANE_LOCK_MS,
  RIBBON_RUNTIME_MS,
  withRunLock,
} from "../../src/adapters/office/lock";
import { recalculateFromRibbon, tooLargeMessage, workbookCells } from "../../src/commands/commands";
import { snapshotSheet, type FakeExcelHandle, type WorkbookSnapshot } from "../../src/fake-excel";
import { sheetNames, smallDistrict } from "./workbooks";
import { fakeExcelPerTest } from "./fake-session";

const TODAY = "2014-12-15";
const PAGE = "https://localhost:3000/commands.html";
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

const session = fakeExcelPerTest();

function install(snapshot: WorkbookSnapshot): FakeExcelHandle {
  return session.install(snapshot);
}

function states(h: FakeExcelHandle, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, JSON.stringify(snapshotSheet(h.book, n))]));
}

function paneAt(time: number) {
  return withRunLock(createOfficeHost(), "pane", { now: () => time });
}

const noEvent = { completed: () => undefined };

function dialogMessages(h: FakeExcelHandle): string[] {
  return h.dialogs.map((d) => new URL(d.url).searchParams.get("message") ?? "");
}

interface Cut {
  /** Resolves when the run has asked for the sync it will never get. */
  readonly reached: Promise<void>;
  restore(): void;
}

/**
 * From the (syncs + 1)-th `context.sync()` on, no sync ever answers: the runtime was closed
 * between two syncs, so whatever was queued since the last one never reaches Excel.
 */
function closeRuntimeAfter(syncs: number): Cut {
  const excel = (
    globalThis as unknown as { Excel: { run: (...args: unknown[]) => Promise<unknown> } }
  ).Excel;
  const original = excel.run;
  let count = 0;
  let reached: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (reached = resolve));
  // Excel.run(batch) or Excel.run(options, batch) (the adapter passes { delayForCellEdit: true })
  excel.run = (...args: unknown[]) => {
    const batch = args[args.length - 1] as (c: unknown) => Promise<unknown>;
    const cutBatch = async (context: { sync: (v?: unknown) => Promise<unknown> }) => {
      const sync = context.sync.bind(context);
      context.sync = (v?: unknown) => {
        count += 1;
        if (count <= syncs) return sync(v);
        reached();
        return new Promise(() => undefined);
      };
      return batch(context);
    };
    return args.length > 1 ? original(args[0], cutBatch) : original(cutBatch);
  };
  return { reached: promise, restore: () => (excel.run = original) };
}

describe("the workbook's run lock", () => {
  it("is a hidden defined name while a run holds it, and is gone after the run", async () => {
    const h = install(smallDistrict());
    const seen: Array<{ visible: boolean; comment: string } | null> = [];
    await paneAt(T0).recalculate({ today: TODAY }, (p) => {
      if (p.stage !== "checking") return;
      const lock = h.book.name(LOCK_NAME);
      seen.push(lock ? { visible: lock.visible, comment: lock.comment } : null);
    });
    expect(seen.length).toBeGreaterThan(0);
    for (const s of seen)
      expect(s).toEqual({ visible: false, comment: expect.stringMatching(/^pane-/) as string });
    expect(h.book.name(LOCK_NAME)).toBeUndefined();
    expect(h.book.sheet("汇总")).toBeDefined();
  });

  it("lets exactly one of a task pane run and a ribbon run started together write", async () => {
    const h = install(smallDistrict());
    const writes: string[] = [];
    const pane = paneAt(T0)
      .recalculate({ today: TODAY }, (p) => {
        if (p.stage === "writing") writes.push("pane");
      })
      .then(
        () => "pane finished",
        (e: unknown) => (e instanceof Error ? e.message : String(e))
      );
    const ribbon = recalculateFromRibbon(noEvent, PAGE, { now: () => T0 });
    const [paneOutcome] = await Promise.all([pane, ribbon]);
    const busyZh = FAILURE_TEXTS.zh.busy;
    const ribbonRefused = dialogMessages(h).some((m) => m.startsWith(busyZh));
    const paneRefused = paneOutcome.startsWith("busy:");
    expect([paneRefused, ribbonRefused].filter(Boolean)).toEqual([true]);
    // the pane wrote only if it was not the one refused
    expect(writes.length > 0).toBe(!paneRefused);
    expect(h.book.name(LOCK_NAME)).toBeUndefined();
    expect(h.book.sheets.filter((s) => s.name.startsWith("汇总")).length).toBe(1);
  });

  it("refuses a second run in the same runtime while the first one runs", async () => {
    install(smallDistrict());
    const host = paneAt(T0);
    const first = host.recalculate({ today: TODAY }, () => undefined);
    await expect(host.recalculate({ today: TODAY }, () => undefined)).rejects.toThrow(/^busy:/);
    await expect(first).resolves.toBeDefined();
  });

  it("expires a pane's lock after 30 minutes and a ribbon's after 5 minutes and a half", async () => {
    const h = install(smallDistrict());
    const cut = closeRuntimeAfter(3);
    void paneAt(T0).recalculate({ today: TODAY }, () => undefined);
    await cut.reached;
    cut.restore();
    expect(h.book.name(LOCK_NAME)?.constant).toBe(`=${T0 + PANE_LOCK_MS}`);
    await expect(
      paneAt(T0 + PANE_LOCK_MS - 1).recalculate({ today: TODAY }, () => undefined)
    ).rejects.toThrow(/^busy:/);
    await paneAt(T0 + PANE_LOCK_MS + 1).recalculate({ today: TODAY }, () => undefined);
    expect(h.book.name(LOCK_NAME)).toBeUndefined();

    const ribbonCut = closeRuntimeAfter(5);
    void recalculateFromRibbon(noEvent, PAGE, { now: () => T0 });
    await ribbonCut.reached;
    ribbonCut.restore();
    expect(h.book.name(LOCK_NAME)?.constant).toBe(`=${T0 + RIBBON_RUNTIME_MS + 30_000}`);
  });

  it("a ribbon run cut off between any two syncs leaves the inputs untouched, and the next run after its lock expires repairs the outputs", async () => {
    const snapshot = smallDistrict();
    const inputs = sheetNames(snapshot);

    const clean = install(snapshot);
    await recalculateFromRibbon(noEvent, PAGE, { now: () => T0 });
    const totalSyncs = clean.stats.syncs;
    const cleanSheets = clean.book.sheets.map((s) => s.name);
    const outputs = cleanSheets.filter((n) => !inputs.includes(n));
    expect(outputs.length).toBeGreaterThan(0);
    const expected = states(clean, cleanSheets);
    expect(totalSyncs).toBeGreaterThan(4);

    let lockedCuts = 0;
    for (let syncs = 1; syncs < totalSyncs; syncs++) {
      const h = install(snapshot);
      const before = states(h, inputs);
      const cut = closeRuntimeAfter(syncs);
      void recalculateFromRibbon(noEvent, PAGE, { now: () => T0 });
      await cut.reached;
      cut.restore();
      expect({ syncs, inputs: states(h, inputs) }).toEqual({ syncs, inputs: before });

      if (h.book.name(LOCK_NAME)) {
        lockedCuts += 1;
        // Office closed the runtime 5 minutes in: its lock still holds for the margin.
        await expect(
          paneAt(T0 + RIBBON_RUNTIME_MS).recalculate({ today: TODAY }, () => undefined)
        ).rejects.toThrow(/^busy:/);
      }
      await paneAt(T0 + RIBBON_RUNTIME_MS + 31_000).recalculate({ today: TODAY }, () => undefined);
      expect({ syncs, sheets: h.book.sheets.map((s) => s.name) }).toEqual({
        syncs,
        sheets: cleanSheets,
      });
      expect({ syncs, states: states(h, cleanSheets) }).toEqual({ syncs, states: expected });
      expect(h.book.name(LOCK_NAME)).toBeUndefined();
    }
    // the cuts after the lock was taken outnumber the ones before it
    expect(lockedCuts).toBeGreaterThan(totalSyncs / 2);
  });
});

describe("the ribbon's size limit", () => {
  it("counts the cells of every sheet's used range", async () => {
    const h = install(smallDistrict());
    const expected = h.book.sheets.reduce((sum, s) => {
      const rect = s.usedRect(true);
      return sum + (rect ? rect.rowCount * rect.columnCount : 0);
    }, 0);
    expect(expected).toBeGreaterThan(50);
    await expect(workbookCells()).resolves.toBe(expected);
  });

  it("refuses a workbook over the limit with a dialog that points to the task pane, and writes nothing", async () => {
    const h = install(smallDistrict());
    const cells = await workbookCells();
    const before = JSON.stringify(h.book.sheets.map((s) => snapshotSheet(h.book, s.name)));
    let completed = 0;
    await recalculateFromRibbon({ completed: () => (completed += 1) }, PAGE, {
      maxCells: cells - 1,
    });
    expect(completed).toBe(1);
    expect(dialogMessages(h)).toEqual([tooLargeMessage(cells, "zh")]);
    expect(tooLargeMessage(cells, "zh")).toContain("任务窗格");
    expect(tooLargeMessage(cells, "en")).toContain("Open the task pane (Home › Chamber Stats)");
    expect(JSON.stringify(h.book.sheets.map((s) => snapshotSheet(h.book, s.name)))).toBe(before);
    expect(h.book.names.length).toBe(0);

    await recalculateFromRibbon(noEvent, PAGE, { maxCells: cells });
    expect(h.book.sheet("汇总")).toBeDefined();
  });
});
