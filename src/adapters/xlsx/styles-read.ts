/**
 * Which cell formats (`cellXfs` indexes, the `s` of a cell) show a number as a date: the format's
 * number format is a built-in date format or a custom code made of date and time codes. The rule
 * itself is the core's (one rule for every adapter); this only reads the styles part.
 */
import { isBuiltinDateFormatId, isDateFormatCode } from "../../core/number-formats";
import type { Conformance } from "./namespaces";
import { attr, childElements, firstChildElement, type Document } from "./xml-dom";

/** For each cellXfs index, whether it formats numbers as dates. */
export function dateStyleFlags(styles: Document | null, conformance: Conformance): boolean[] {
  const root = styles?.documentElement;
  if (!root) return [];
  const ns = conformance.main;
  const customCodes = new Map<number, string>();
  const numFmts = firstChildElement(root, ns, "numFmts");
  for (const numFmt of numFmts ? childElements(numFmts, ns, "numFmt") : []) {
    const id = parseInt(attr(numFmt, "numFmtId") ?? "", 10);
    customCodes.set(id, attr(numFmt, "formatCode") ?? "");
  }
  const cellXfs = firstChildElement(root, ns, "cellXfs");
  return (cellXfs ? childElements(cellXfs, ns, "xf") : []).map((xf) => {
    const id = parseInt(attr(xf, "numFmtId") ?? "0", 10) || 0;
    const custom = customCodes.get(id);
    return custom !== undefined ? isDateFormatCode(custom) : isBuiltinDateFormatId(id);
  });
}
