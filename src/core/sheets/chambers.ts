/** The 商会 sheet (SPEC §1.1). */
import type { DetectedSheet } from "../detect";
import { suggester } from "../text";
import type { ChamberRecord, Day, RowAccount } from "../types";
import { FirstRows } from "../key-index";
import { checkCodeUnique, checkDateOrder, checkRequiredWhen, checkTownship } from "./checks";
import { eachRow, type SheetReadContext } from "./context";
import type { TownshipIndex } from "./townships";

/** What a member's 所属商会 can refer to: any row of the 商会 sheet that carries the ID or name. */
export interface ChamberRef {
  /** The chamber's 商会编号, or a key that matches no counted chamber when the row has none. */
  readonly id: string;
  readonly row: number;
  readonly founded: Day | null;
}

export interface ChamberIndex {
  readonly byId: ReadonlyMap<string, ChamberRef>;
  readonly byName: ReadonlyMap<string, ChamberRef>;
  /** The nearest chamber name to a misspelt one, for "did you mean …?". */
  readonly suggest: (name: string) => string | null;
}

export interface ChambersRead {
  readonly records: ChamberRecord[];
  readonly index: ChamberIndex;
  readonly account: RowAccount;
}

/** A credit code whose first two characters are 51 is a social organisation registered with civil affairs. */
export function registeredByCode(uscc: string | null): boolean {
  return uscc !== null && uscc.startsWith("51");
}

export function readChambers(
  sheet: DetectedSheet,
  ctx: SheetReadContext,
  townships: TownshipIndex | null
): ChambersRead {
  const records: ChamberRecord[] = [];
  const byId = new Map<string, ChamberRef>();
  const byName = new Map<string, ChamberRef>();
  const codes = new FirstRows();

  const account = eachRow(sheet, ctx, (r) => {
    const id = r.id("id");
    const name = r.text("name");
    const type = r.chamberType("type");
    const townshipText = r.text("township");
    checkRequiredWhen(r, "township", townshipText, type === "township", "township-chamber");
    const township = checkTownship(r, "township", townshipText, townships);
    const founded = r.pastDate("founded", "error");
    const dissolved = r.date("dissolved");
    checkDateOrder(r, "founded", founded, "dissolved", dissolved);
    const registered = r.boolean("registered");
    const president = r.text("president");
    const presidentEntrepreneur = r.boolean("presidentEntrepreneur");
    const fullTimeStaff = r.count("fullTimeStaff");
    const fixedOffice = r.boolean("fixedOffice");
    const website = r.url("website");
    const journal = r.boolean("journal");
    const uscc = r.uscc("uscc");

    // The first row carrying an ID or a name claims it: the indexes that members resolve their
    // 所属商会 against are also the record of which row came first.
    const ref: ChamberRef = { id: id ?? `\u0000row ${r.rowNumber}`, row: r.rowNumber, founded };
    if (id !== null) {
      const first = byId.get(id);
      if (first) r.report("duplicate-id", "error", "id", { field: "id", firstRow: first.row });
      else byId.set(id, ref);
    }
    if (name !== null) {
      const first = byName.get(name);
      if (first) r.report("duplicate-id", "error", "name", { field: "name", firstRow: first.row });
      else byName.set(name, ref);
    }
    checkCodeUnique(r, codes, uscc);

    if (id === null || name === null || type === null || founded === null) return;
    records.push({
      sheet: r.sheetName,
      row: r.rowNumber,
      id,
      name,
      type,
      township,
      founded,
      dissolved,
      registered: registered || registeredByCode(uscc),
      president,
      presidentEntrepreneur,
      fullTimeStaff,
      fixedOffice,
      website,
      journal,
      uscc,
      counted: r.errors === 0,
    });
  });
  return { records, index: { byId, byName, suggest: suggester(byName.keys()) }, account };
}
