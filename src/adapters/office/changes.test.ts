/* global setTimeout */
import { describe, expect, it } from "vitest";
import { changeHandlerCount, userEdit, type FakeExcelHandle } from "../../fake-excel";
import type { WorkbookChange } from "./host";
import { watchWorkbookChanges } from "./changes";
import { fakeExcelPerTest } from "../../../tests/office/fake-session";

const session = fakeExcelPerTest();

function install(apiVersion = "1.17"): FakeExcelHandle {
  return session.install(
    {
      sheets: [
        { name: "会员", cells: [["会员编号"], [1]] },
        { name: "汇总", cells: [["指标"]] },
      ],
    },
    { apiVersion }
  );
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe("the workbook's change events, as the task pane hears them", () => {
  it("reports a user's edit with the sheet's name and the cell, and stops when asked", async () => {
    const { book } = install();
    const heard: WorkbookChange[] = [];
    const stop = await watchWorkbookChanges((c) => heard.push(c));
    expect(stop).not.toBeNull();
    expect(changeHandlerCount(book)).toBe(1);

    userEdit(book, "会员", "A2", 7);
    await settle();
    expect(heard).toEqual([{ sheet: "会员", address: "A2" }]);
    expect(book.sheet("会员")?.getValue(1, 0)).toBe(7);

    await stop?.();
    expect(changeHandlerCount(book)).toBe(0);
    userEdit(book, "会员", "A2", 8);
    await settle();
    expect(heard).toHaveLength(1);
  });

  it("says it cannot listen where Excel has no WorksheetCollection.onChanged (before ExcelApi 1.9)", async () => {
    const { book } = install("1.8");
    await expect(watchWorkbookChanges(() => undefined)).resolves.toBeNull();
    expect(changeHandlerCount(book)).toBe(0);
  });
});
