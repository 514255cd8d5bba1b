/**
 * The ribbon's Recalculate function command: registered under the manifest's FunctionName, it
 * recalculates without the task pane, always completes the event, and shows a refusal in a dialog.
 */
import { URL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import {
  failureMessage,
  recalculateFromRibbon,
  registerCommands,
} from "../../src/commands/commands";
import { HostError } from "../../src/adapters/office/host";
import { hostErrorKey, translate } from "../../src/taskpane/i18n";
import { installFakeExcel, workbookFromSnapshot, type FakeExcelHandle } from "../../src/fake-excel";
import { smallDistrict } from "./workbooks";

let handle: FakeExcelHandle | null = null;

afterEach(() => {
  handle?.uninstall();
  handle = null;
});

function completion(): { event: { completed(): void }; count: () => number } {
  let n = 0;
  return { event: { completed: () => (n += 1) }, count: () => n };
}

describe("the Recalculate function command", () => {
  it("is registered as 'recalculate' and writes the output sheets", async () => {
    handle = installFakeExcel(workbookFromSnapshot(smallDistrict()));
    registerCommands();
    const action = handle.actions.get("recalculate");
    expect(action).toBeDefined();
    const done = completion();
    await action?.(done.event);
    expect(done.count()).toBe(1);
    expect(handle.book.sheet("汇总")).toBeDefined();
    expect(handle.dialogs).toEqual([]);
  });

  it("completes the event and shows the refusal in a dialog when Excel refuses", async () => {
    // A host that fails the batch in cell-edit mode instead of delaying it (delayForCellEdit).
    handle = installFakeExcel(workbookFromSnapshot(smallDistrict()), {
      honoursDelayForCellEdit: false,
    });
    handle.book.cellEditMode = true;
    const done = completion();
    await recalculateFromRibbon(done.event, "https://localhost:3000/commands.html");
    expect(done.count()).toBe(1);
    expect(handle.dialogs.length).toBe(1);
    const url = new URL(handle.dialogs[0]?.url ?? "");
    expect(url.pathname).toBe("/commands.html");
    expect(url.searchParams.get("message")).toBe(
      failureMessage(new HostError("cell-edit-mode", ""), "zh")
    );
  });

  it("words each refusal in Chinese and English, with Excel's detail for an unknown one", () => {
    expect(failureMessage(new HostError("protected", "x"), "zh")).toMatch(/保护/);
    expect(failureMessage(new HostError("read-only", "x"), "en")).toMatch(/read-only/);
    expect(failureMessage(new HostError("unknown", "GeneralException: boom"), "en")).toBe(
      "Excel reported an error. Try again; if it persists, reload the add-in. Details: GeneralException: boom"
    );
  });

  it("words a refusal as the task pane does, in both languages", () => {
    for (const lang of ["zh", "en"] as const) {
      expect(failureMessage(new HostError("protected", "AccessDenied"), lang)).toBe(
        translate(lang, hostErrorKey("protected"))
      );
    }
    // a detail the adapter did not write is framed as untranslated in Chinese, as in the pane
    expect(failureMessage(new HostError("unknown", "boom"), "zh")).toBe(
      translate("zh", "error.unknown") + translate("zh", "error.detailRaw", { detail: "boom" })
    );
    // Excel's code is kept and its English message dropped
    expect(failureMessage(new HostError("unknown", "GeneralException: boom"), "zh")).toBe(
      translate("zh", "error.unknown") +
        translate("zh", "error.detail", { detail: "Excel 错误代码 GeneralException" })
    );
  });
});
