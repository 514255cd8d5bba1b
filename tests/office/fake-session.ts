/**
 * A fake Excel for each test of a file: `install` puts a workbook (a snapshot, or a workbook
 * model to carry on with) behind the Office.js globals, uninstalling the one before; every test
 * ends with none installed.
 */
import { afterEach } from "vitest";
import {
  installFakeExcel,
  workbookFromSnapshot,
  type FakeExcelHandle,
  type FakeOptions,
  FakeWorkbook,
  type WorkbookSnapshot,
} from "../../src/fake-excel";

export interface FakeSession {
  install(workbook: WorkbookSnapshot | FakeWorkbook, options?: FakeOptions): FakeExcelHandle;
}

/** Call at the top of a test file (it registers the afterEach that uninstalls). */
export function fakeExcelPerTest(): FakeSession {
  let handle: FakeExcelHandle | null = null;
  afterEach(() => {
    handle?.uninstall();
    handle = null;
  });
  return {
    install(workbook, options = {}) {
      handle?.uninstall();
      const book = workbook instanceof FakeWorkbook ? workbook : workbookFromSnapshot(workbook);
      handle = installFakeExcel(book, options);
      return handle;
    },
  };
}
