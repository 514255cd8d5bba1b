/* global window */
/**
 * The demo's view of the in-memory fake of Excel. The fake has no change events, so the demo
 * wraps `Excel.run`: every batch the task pane sends ends with a re-render of the sheets.
 */
import { displayText, type FakeExcelHandle, type FakeValue } from "../fake-excel";
import type { GridSheet, GridSource } from "./gridSource";

function snapshotValue(value: FakeValue | undefined): string | number | boolean | null {
  if (value === undefined) return null;
  if (typeof value === "object") return value.error;
  return value;
}

interface RunnableExcel {
  run: (...args: unknown[]) => Promise<unknown>;
}

function isRunnableExcel(value: unknown): value is RunnableExcel {
  return (
    typeof value === "object" && value !== null && typeof Reflect.get(value, "run") === "function"
  );
}

export function fakeGridSource(handle: FakeExcelHandle): GridSource {
  const { book } = handle;
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((listener) => listener());

  const excel: unknown = Reflect.get(window, "Excel");
  if (!isRunnableExcel(excel)) throw new Error("the fake Excel is not installed");
  const run = excel.run.bind(excel);
  excel.run = async (...args: unknown[]): Promise<unknown> => {
    try {
      return await run(...args);
    } finally {
      notify();
    }
  };

  const gridSheet = (name: string): GridSheet | null => {
    const sheet = book.sheet(name);
    if (!sheet) return null;
    const used = sheet.usedRect(true);
    return {
      name: sheet.name,
      rowCount: used ? used.row + used.rowCount : 0,
      columnCount: used ? used.column + used.columnCount : 0,
      text: (row, column) =>
        displayText(
          snapshotValue(sheet.getValue(row - 1, column - 1)),
          sheet.numberFormat(row - 1, column - 1),
          book.date1904
        ),
    };
  };

  return {
    sheetNames: () => book.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name),
    sheet: gridSheet,
    activeSheet: () => book.activeSheet ?? book.sheets[0]?.name ?? "",
    selection: () => book.selection,
    activate: (name) => {
      book.activeSheet = name;
      notify();
    },
    select: (sheet, address) => {
      book.activeSheet = sheet;
      book.selection = { sheet, address };
      notify();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
