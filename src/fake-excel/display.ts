/**
 * A small renderer of cell values under common number formats, for showing fake sheets in the
 * browser demo: General, text, integers and decimals with thousands separators, percentages and
 * dates. Formats it does not know fall back to General.
 */
import type { SnapshotCell } from "./model";

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function dateParts(serial: number, date1904: boolean): { y: number; m: number; d: number } {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const t = new Date(epoch + Math.floor(serial) * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function stripLiterals(format: string): string {
  return format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

function renderDate(serial: number, format: string, date1904: boolean): string {
  const { y, m, d } = dateParts(serial, date1904);
  return format
    .replace(/\[[^\]]*\]/g, "")
    .replace(/;.*$/, "")
    .replace(/yyyy|yy|mm|m|dd|d|"([^"]*)"|\\(.)/g, (token, quoted?: string, escaped?: string) => {
      if (quoted !== undefined) return quoted;
      if (escaped !== undefined) return escaped;
      switch (token) {
        case "yyyy":
          return String(y);
        case "yy":
          return pad(y % 100, 2);
        case "mm":
          return pad(m, 2);
        case "m":
          return String(m);
        case "dd":
          return pad(d, 2);
        default:
          return String(d);
      }
    });
}

function renderNumber(n: number, format: string): string {
  const section = format.split(";")[0] ?? format;
  const percent = section.includes("%");
  const value = percent ? n * 100 : n;
  const decimals = /\.([0#]+)/.exec(section)?.[1]?.length ?? 0;
  const grouped = section.includes(",");
  const text = value.toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouped,
  });
  return percent ? `${text}%` : text;
}

/** The text Excel would show for a value under a number format (approximately). */
export function displayText(value: SnapshotCell, format: string | null, date1904 = false): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const f = format ?? "General";
  if (f === "General" || f === "@") return String(value);
  const bare = stripLiterals(f).toLowerCase();
  if (/[ymd]/.test(bare) && !/[0#]/.test(bare)) return renderDate(value, f, date1904);
  if (/[0#]/.test(bare)) return renderNumber(value, f);
  return String(value);
}
