/**
 * The part of the Excel object model that the Office.js adapter uses, over the in-memory
 * workbook, one file a seam: workbook and request context, worksheets, ranges and their formats,
 * names, tables, charts, page layout, application and worksheet functions. Each member that needs a
 * requirement set newer than 1.1 checks it, so that an adapter that forgets to guard fails on an
 * older "Excel".
 */
export { FakeApplication, FakeFunctionResult, FakeFunctions } from "./application";
export {
  FakeChartCollection,
  FakeChartItem,
  FakeChartSeriesCollection,
  FakeChartSeriesItem,
} from "./charts";
export { FakeNamedItem, FakeNamedItemCollection } from "./names";
export {
  FakeHeaderFooterGroup,
  FakeHeaderFooterObject,
  FakePageBreakCollection,
  FakePageLayoutObject,
} from "./page-layout";
export { FakeRange } from "./range";
export { FakeRangeFormat } from "./range-format";
export { FakeTableCollection, FakeTableItem } from "./tables";
export { FakeRequestContext, FakeWorkbookObject, FakeWorkbookProtection } from "./workbook";
export { FakeSheetProtection, FakeWorksheet } from "./worksheet";
export { FakeWorksheetCollection } from "./worksheets";
