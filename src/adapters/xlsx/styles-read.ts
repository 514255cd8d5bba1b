/**
 * Which cell styles show a number as a date: the style's number format is a built-in date
 * format or a custom one made of date and time codes ("yyyy年m月d日", "m/d/yy h:mm").
 */
import { decodeXml, elements } from "./xml";

/** Built-in format ids that are dates or times (14–22, 45–47; 27–36 and 50–58 are CJK dates). */
const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** True when a number format code shows a date or a time. */
export function isDateFormatCode(code: string): boolean {
  const firstSection = code.split(";")[0] ?? "";
  const stripped = firstSection
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  if (/general/i.test(stripped)) return false;
  return /[dmyhse]/i.test(stripped.replace(/[^dmyhse]/gi, "")) && !/[#0?]/.test(stripped);
}

/** For each cellXfs index, whether it formats numbers as dates. */
export function dateStyleFlags(stylesXml: string | null): boolean[] {
  if (!stylesXml) return [];
  const customCodes = new Map<number, string>();
  for (const element of elements(stylesXml, "numFmt")) {
    const id = parseInt(element.attributes.get("numFmtId") ?? "", 10);
    customCodes.set(id, decodeXml(element.attributes.get("formatCode") ?? ""));
  }
  const cellXfs = /<((?:[\w.-]+:)?cellXfs)\b[^>]*>([\s\S]*?)<\/\1\s*>/.exec(stylesXml)?.[2] ?? "";
  const flags: boolean[] = [];
  for (const xf of elements(cellXfs, "xf")) {
    const id = parseInt(xf.attributes.get("numFmtId") ?? "0", 10);
    const custom = customCodes.get(id);
    flags.push(custom !== undefined ? isDateFormatCode(custom) : BUILTIN_DATE_IDS.has(id));
  }
  return flags;
}
