export * from "./types";
export { recalculate } from "./recalc";
export {
  findOwnedSheets,
  MARKER_PREFIX,
  markerKey,
  markerName,
  OUTPUT_KEYS,
  sheetOfReference,
  type DefinedNameEntry,
  type OwnedSheets,
} from "./markers";
export { isBuiltinDateFormatId, isDateFormatCode } from "./number-formats";
export { firstDataRow, headerlessTableBelow, tableArea, type TableExtent } from "./tables";
