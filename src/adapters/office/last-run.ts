/* global Excel, Office */
/**
 * The last run's headline figures and problem counts, kept in the workbook in a custom XML part
 * that the add-in owns (its root element's namespace is LAST_RUN_NAMESPACE), so that the next run
 * can be compared with it and a reopened pane can show it. Custom XML parts need ExcelApi 1.5:
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks
 * (section "Access custom XML data"). The XML itself is built and read by the pane (last-run.ts).
 */
import { toHostError } from "./errors";
import { isSetSupported } from "./read";

export const LAST_RUN_NAMESPACE = "urn:chamber-stats:last-run";
const CUSTOM_XML_API = "1.5";

function available(): boolean {
  return typeof Office !== "undefined" && isSetSupported(CUSTOM_XML_API);
}

/** The custom XML parts of our namespace (normally one), loaded. */
async function ourParts(
  context: Excel.RequestContext
): Promise<Excel.CustomXmlPartScopedCollection> {
  const parts = context.workbook.customXmlParts.getByNamespace(LAST_RUN_NAMESPACE).load("items/id");
  await context.sync();
  return parts;
}

/** The stored XML, or null when there is none (or Excel cannot keep custom XML parts). */
export async function readLastRunXml(): Promise<string | null> {
  if (!available()) return null;
  try {
    return await Excel.run(async (context) => {
      const parts = await ourParts(context);
      const first = parts.items[0];
      if (!first) return null;
      const xml = first.getXml();
      await context.sync();
      // a ClientResult: its value is there after the sync, it has no load()
      // eslint-disable-next-line office-addins/load-object-before-read
      return xml.value;
    });
  } catch (error) {
    throw toHostError(error);
  }
}

/** Replaces the stored XML (one part: any extra parts of the namespace are deleted). */
export async function writeLastRunXml(xml: string): Promise<boolean> {
  if (!available()) return false;
  try {
    return await Excel.run(async (context) => {
      const parts = await ourParts(context);
      const [first, ...extra] = parts.items;
      if (first) first.setXml(xml);
      else context.workbook.customXmlParts.add(xml);
      for (const part of extra) part.delete();
      await context.sync();
      return true;
    });
  } catch (error) {
    throw toHostError(error);
  }
}
