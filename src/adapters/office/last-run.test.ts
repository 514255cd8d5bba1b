import { describe, expect, it } from "vitest";
import { customXmlPartsOf, type FakeExcelHandle } from "../../fake-excel";
import { LAST_RUN_NAMESPACE, readLastRunXml, writeLastRunXml } from "./last-run";
import { fakeExcelPerTest } from "../../../tests/office/fake-session";

const session = fakeExcelPerTest();

function install(apiVersion = "1.17"): FakeExcelHandle {
  return session.install({ sheets: [{ name: "会员", cells: [["x"]] }] }, { apiVersion });
}

const record = (n: number): string => `<lastRun xmlns="${LAST_RUN_NAMESPACE}">${n}</lastRun>`;

describe("the last run's record in a custom XML part of the workbook", () => {
  it("is absent at first, then reads back what was written, in one part that is replaced", async () => {
    const { book } = install();
    await expect(readLastRunXml()).resolves.toBeNull();
    await expect(writeLastRunXml(record(1))).resolves.toBe(true);
    await expect(writeLastRunXml(record(2))).resolves.toBe(true);
    await expect(readLastRunXml()).resolves.toBe(record(2));
    expect(customXmlPartsOf(book).map((p) => p.xml)).toEqual([record(2)]);
  });

  it("leaves other add-ins' parts alone and removes extra parts of its own namespace", async () => {
    const { book } = install();
    const other = '<data xmlns="urn:someone-else">keep</data>';
    customXmlPartsOf(book).push(
      { id: "{A}", xml: other },
      { id: "{B}", xml: record(1) },
      { id: "{C}", xml: record(9) }
    );
    await expect(readLastRunXml()).resolves.toBe(record(1));
    await writeLastRunXml(record(3));
    expect(customXmlPartsOf(book).map((p) => p.xml)).toEqual([other, record(3)]);
  });

  it("keeps nothing where Excel has no custom XML parts (before ExcelApi 1.5)", async () => {
    const { book } = install("1.4");
    await expect(writeLastRunXml(record(1))).resolves.toBe(false);
    await expect(readLastRunXml()).resolves.toBeNull();
    expect(customXmlPartsOf(book)).toEqual([]);
  });
});
