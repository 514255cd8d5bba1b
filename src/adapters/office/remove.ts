/* global Excel */
/**
 * Removes the output sheets the add-in owns, for the task pane's "remove output sheets" command:
 * Excel's undo does not reach what an add-in writes, so this is the way back to the workbook as
 * the user had it. Only the sheets that an ownership marker of the add-in points at are deleted
 * (core/markers.ts), then every marker of the add-in; input sheets are never touched.
 * Worksheet.delete: https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)
 */
import { markerKey } from "../../core/markers";
import { toHostError } from "./errors";
import { HostError } from "./host";
import { readOutline, SyncCounter } from "./read";

/** The owned output sheets by name, in tab order (what `removeOutputSheets` would delete). */
export async function ownedOutputSheets(): Promise<string[]> {
  try {
    return await Excel.run(async (context) => {
      const outline = await readOutline(context, new SyncCounter(context));
      const owned = new Set(outline.owned.values());
      return outline.sheets.filter((s) => owned.has(s));
    });
  } catch (error) {
    throw toHostError(error);
  }
}

/** Deletes the owned output sheets and the add-in's markers; resolves with the sheets' names. */
export async function removeOutputSheets(): Promise<string[]> {
  try {
    return await Excel.run(async (context) => {
      const counter = new SyncCounter(context);
      const outline = await readOutline(context, counter);
      if (outline.readOnly) throw new HostError("read-only", "the workbook is open read-only");
      const owned = new Set(outline.owned.values());
      const removed = outline.sheets.filter((s) => owned.has(s));
      if (removed.length > 0 && outline.structureProtected) {
        throw new HostError("protected", "the workbook's structure is protected");
      }
      const names = context.workbook.names.load("items/name");
      await counter.sync();
      for (const sheet of removed) context.workbook.worksheets.getItem(sheet).delete();
      for (const item of names.items) {
        if (markerKey(item.name) !== null) item.delete();
      }
      await counter.sync();
      return removed;
    });
  } catch (error) {
    throw toHostError(error);
  }
}
