/** The 乡镇 sheet (SPEC §1.4): townships, years and their non-public enterprises. */
import type { DetectedSheet } from "../detect";
import { normalizeKey, suggester } from "../text";
import type { RowAccount, TownshipRecord } from "../types";
import { EARLIEST_YEAR, eachRow, type SheetReadContext } from "./context";

export interface TownshipIndex {
  /** normalizeKey(name) → the name as the 乡镇 sheet first spells it. */
  readonly names: ReadonlyMap<string, string>;
  /** The nearest township to a misspelt one, for "did you mean …?". */
  readonly suggest: (name: string) => string | null;
}

export interface TownshipsRead {
  readonly records: TownshipRecord[];
  readonly index: TownshipIndex;
  readonly account: RowAccount;
}

/** The township a name refers to, spelled as in the 乡镇 sheet, or null when it names none. */
export function lookupTownship(index: TownshipIndex, name: string): string | null {
  return index.names.get(normalizeKey(name)) ?? null;
}

export function readTownships(sheet: DetectedSheet, ctx: SheetReadContext): TownshipsRead {
  const records: TownshipRecord[] = [];
  const names = new Map<string, string>();
  const firstRowOf = new Map<string, number>();
  const account = eachRow(sheet, ctx, (r) => {
    const township = r.text("township");
    const year = r.year("year", EARLIEST_YEAR, ctx.todayYear + 1);
    const count = r.count("nonPublicEnterprises");
    if (township !== null) {
      const key = normalizeKey(township);
      if (!names.has(key)) names.set(key, township);
      if (year !== null) {
        const canonical = names.get(key) ?? township;
        const yearKey = `${key}\u0000${year}`;
        const first = firstRowOf.get(yearKey);
        if (first !== undefined) {
          r.report("duplicate-township-year", "error", "township", {
            township: canonical,
            year,
            firstRow: first,
          });
        } else {
          firstRowOf.set(yearKey, r.rowNumber);
        }
      }
    }
    if (township === null || year === null || count === null) return;
    records.push({
      sheet: r.sheetName,
      row: r.rowNumber,
      township: names.get(normalizeKey(township)) ?? township,
      year,
      nonPublicEnterprises: count,
      counted: r.errors === 0,
    });
  });
  return { records, index: { names, suggest: suggester(names.values()) }, account };
}
