/**
 * The self-test for real Excel, run against the fake Excel: every check passes on a fake that
 * behaves as Microsoft documents, the scratch sheet and the probe name are gone afterwards, and a
 * fake that breaks an assumption makes its check fail.
 */
import { describe, expect, it } from "vitest";
import { snapshotSheet, type FakeExcelHandle, type FakeOptions } from "../../src/fake-excel";
import { CHECK_IDS, reportText, runSelfTest } from "../../src/selftest/checks";
import { smallDistrict } from "../office/workbooks";
import { fakeExcelPerTest } from "../office/fake-session";

const session = fakeExcelPerTest();

function install(options: FakeOptions = {}): FakeExcelHandle {
  return session.install(smallDistrict(), options);
}

describe("the self-test against the fake Excel", () => {
  it("passes every check and leaves the workbook as it was", async () => {
    const h = install();
    const before = h.book.sheets.map((s) => JSON.stringify(snapshotSheet(h.book, s.name)));
    const names = h.book.names.length;
    const report = await runSelfTest();
    expect(report.checks.map((c) => c.id)).toEqual(CHECK_IDS);
    for (const c of report.checks)
      expect({ id: c.id, pass: c.pass, detail: c.detail }).toMatchObject({ id: c.id, pass: true });
    expect(report.scratchDeleted).toBe(true);
    expect(h.book.sheets.map((s) => JSON.stringify(snapshotSheet(h.book, s.name)))).toEqual(before);
    expect(h.book.names.length).toBe(names);
  });

  it("sees the payload limit: one oversized sync fails and four smaller ones go through", async () => {
    install();
    const report = await runSelfTest();
    const payload = report.checks.find((c) => c.id === "payload-splitting");
    expect(payload?.detail).toMatch(/one sync RequestPayloadSizeLimitExceeded/);
    expect(payload?.detail).toMatch(/four syncs succeeded/);
  });

  it("reports the 1904 date system of a workbook that uses it, and still passes", async () => {
    const h = install();
    h.book.date1904 = true;
    const check = (await runSelfTest()).checks.find((c) => c.id === "date-system");
    expect(check?.pass).toBe(true);
    expect(check?.detail).toContain("(1904 date system); serial 41640 shows as 2018-01-02");
  });

  it("fails the checks whose API the host lacks, and still deletes its scratch sheet", async () => {
    const h = install({ apiVersion: "1.6" });
    const before = h.book.sheets.length;
    const report = await runSelfTest();
    const failed = report.checks.filter((c) => !c.pass).map((c) => c.id);
    expect(failed).toContain("internal-link");
    expect(report.checks.find((c) => c.id === "internal-link")?.detail).toMatch(/ApiNotFound/);
    expect(report.scratchDeleted).toBe(true);
    expect(h.book.sheets.length).toBe(before);
  });

  it('checks text written as typed String cells where ExcelApi 1.16 is, and finds a host that ignores "@"', async () => {
    install({ textFormatIgnored: true });
    const report = await runSelfTest();
    const verdict = (id: string) => report.checks.find((c) => c.id === id)?.pass;
    expect([verdict("literal-text"), verdict("typed-text")]).toEqual([false, true]);
    install({ apiVersion: "1.15" });
    const old = (await runSelfTest()).checks.find((c) => c.id === "typed-text");
    expect([old?.pass, old?.detail]).toEqual([
      true,
      'ExcelApi 1.16 not supported: text is written with "@" (above)',
    ]);
  });

  it("writes a report that names the host's requirement sets and every check's verdict", async () => {
    install({ apiVersion: "1.9" });
    const report = await runSelfTest();
    const text = reportText(report, new Date(Date.UTC(2026, 0, 5)));
    expect(text).toContain("ExcelApi 1.9");
    expect(text).not.toContain("ExcelApi 1.10");
    for (const id of CHECK_IDS) expect(text).toMatch(new RegExp(`^(PASS|FAIL)\\t${id}\\t`, "m"));
    expect(text).toContain("scratch sheet deleted: yes");
  });
});
