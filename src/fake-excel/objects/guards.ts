/** What Excel refuses before it changes anything: bad sheet names, protection, read-only. */
import type { FakeSheet, FakeWorkbook } from "../model";
import { FakeOfficeError, type Session } from "../runtime";

export function checkSheetName(book: FakeWorkbook, name: string, self: FakeSheet | null): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
    throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid sheet name.`);
  }
  if (name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history") {
    throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid sheet name.`);
  }
  const other = book.sheet(name);
  if (other && other !== self) {
    throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  }
}

export function requireSheetWritable(session: Session, sheet: FakeSheet): void {
  session.requireWritable();
  if (sheet.protected) {
    throw new FakeOfficeError("AccessDenied", `The sheet "${sheet.name}" is protected.`);
  }
}

export function requireStructureWritable(session: Session): void {
  session.requireWritable();
  if (session.book.protected) {
    throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
  }
}
