import { describe, expect, it } from "vitest";
import { exportSnapshot, type FakeExcelHandle } from "../../fake-excel";
import { MARKER_PREFIX } from "../../core/markers";
import { HostError } from "./host";
import { ownedOutputSheets, removeOutputSheets } from "./remove";
import { fakeExcelPerTest } from "../../../tests/office/fake-session";

const session = fakeExcelPerTest();

/** 会员 (input), 汇总 (owned through its marker), 汇总 (2) (a user's sheet, no marker). */
function install(): FakeExcelHandle {
  return session.install({
    sheets: [
      { name: "会员", cells: [["会员编号"], ["HY1"]] },
      { name: "汇总", cells: [["指标"]] },
      { name: "汇总 (2)", cells: [["mine"]] },
    ],
    names: [{ name: `${MARKER_PREFIX}summary`, formula: "=汇总!$A$1" }],
  });
}

describe("removing the output sheets", () => {
  it("deletes the sheets the add-in's markers point at and the markers, nothing else", async () => {
    const { book } = install();
    await expect(ownedOutputSheets()).resolves.toEqual(["汇总"]);
    await expect(removeOutputSheets()).resolves.toEqual(["汇总"]);
    const after = exportSnapshot(book);
    expect(after.sheets.map((s) => s.name)).toEqual(["会员", "汇总 (2)"]);
    expect(after.sheets[0]?.cells).toEqual([["会员编号"], ["HY1"]]);
    expect((after.names ?? []).map((n) => n.name)).toEqual([]);
    await expect(removeOutputSheets()).resolves.toEqual([]);
  });

  it("refuses, deleting nothing, when the workbook's structure is protected", async () => {
    const { book } = install();
    book.protected = true;
    await expect(removeOutputSheets()).rejects.toBeInstanceOf(HostError);
    expect(book.sheets.map((s) => s.name)).toEqual(["会员", "汇总", "汇总 (2)"]);
  });
});
