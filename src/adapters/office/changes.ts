/* global Excel, Office */
/**
 * Changes to the workbook after a run, so that the task pane can say its figures are stale.
 * `worksheets.onChanged` (ExcelApi 1.9) fires for every cell edit in any sheet; the add-in's own
 * writes are told apart by `triggerSource === "ThisLocalAddin"` where Excel gives it (ExcelApi
 * 1.14), and otherwise by the pane, which ignores changes to the sheets it wrote.
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs
 */
import { toHostError } from "./errors";
import type { WorkbookChange } from "./host";
import { isSetSupported } from "./read";

/** The ExcelApi version of WorksheetCollection.onChanged. */
export const CHANGE_EVENTS_API = "1.9";

/**
 * Calls `listener` for each change to a cell of the workbook that the add-in did not make.
 * Resolves with a function that stops listening, or null where Excel has no change events.
 */
export async function watchWorkbookChanges(
  listener: (change: WorkbookChange) => void
): Promise<(() => Promise<void>) | null> {
  if (typeof Office === "undefined" || !isSetSupported(CHANGE_EVENTS_API)) return null;
  try {
    const registration = await Excel.run(async (context) => {
      const sheetNames = new Map<string, string>();
      const nameOf = async (id: string): Promise<string | null> => {
        if (!sheetNames.has(id)) {
          await Excel.run(async (inner) => {
            const sheets = inner.workbook.worksheets.load("items/id,items/name");
            await inner.sync();
            for (const sheet of sheets.items) sheetNames.set(sheet.id, sheet.name);
          });
        }
        return sheetNames.get(id) ?? null;
      };
      const result = context.workbook.worksheets.onChanged.add(async (event) => {
        if (event.triggerSource === "ThisLocalAddin") return;
        const sheet = await nameOf(event.worksheetId).catch(() => null);
        listener({ sheet, address: event.address });
      });
      await context.sync();
      return result;
    });
    return async () => {
      await Excel.run(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      });
    };
  } catch (error) {
    throw toHostError(error);
  }
}
