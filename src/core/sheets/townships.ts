/** The 乡镇 sheet (SPEC §1.4): townships, years and their non-public enterprises. */
import type { DetectedSheet } from "../detect";
import { fieldsOf } from "../read";
import { memoizeText, normalizeKey, suggester } from "../text";
import type { RowAccount, TownshipRecord } from "../types";
import { EARLIEST_YEAR, eachRow, type SheetReadContext } from "./context";

export interface TownshipIndex {
  /** normalizeKey(name) → the name as the 乡镇 sheet first spells it. */
  readonly names: ReadonlyMap<string, string>;
  /** The distinct names as the 乡镇 sheet first spells them, in its order. */
  readonly list: readonly string[];
  /**
   * The place in `list` of the township a name refers to (names.get(normalizeKey(name))), or -1;
   * each distinct name is worked out once (memoizeText).
   */
  readonly refOf: (name: string) => number;
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
  return index.list[index.refOf(name)] ?? null;
}

export function readTownships(
  sheet: DetectedSheet<"townships">,
  ctx: SheetReadContext
): TownshipsRead {
  const records: TownshipRecord[] = [];
  const names = new Map<string, string>();
  const firstRowOf = new Map<string, number>();
  const F = fieldsOf(sheet, ["township", "year", "nonPublicEnterprises"]);
  const account = eachRow(sheet, ctx, function readTownshipRow(r) {
    const township = r.text(F.township);
    const year = r.year(F.year, EARLIEST_YEAR, ctx.todayYear + 1);
    const count = r.count(F.nonPublicEnterprises);
    if (township !== null) {
      const key = normalizeKey(township);
      if (!names.has(key)) names.set(key, township);
      if (year !== null) {
        const canonical = names.get(key) ?? township;
        const yearKey = `${key}\u0000${year}`;
        const first = firstRowOf.get(yearKey);
        if (first !== undefined) {
          r.report("duplicate-township-year", F.township, {
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
  const list = [...names.values()];
  const place = new Map(list.map((name, i) => [name, i]));
  const refOf = memoizeText((name: string): number => {
    const canonical = names.get(normalizeKey(name));
    return canonical === undefined ? -1 : (place.get(canonical) ?? -1);
  });
  return { records, index: { names, list, refOf, suggest: suggester(list) }, account };
}
