/** The 商会 sheet (SPEC §1.1). */
import type { DetectedSheet } from "../detect";
import { fieldsOf } from "../read";
import { compactCopy, suggester } from "../text";
import type { ChamberRecord, Day, RowAccount } from "../types";
import { FirstRows } from "../key-index";
import { checkCodeUnique, checkDateOrder, checkRequiredWhen, checkTownship } from "./checks";
import { eachRow, type SheetReadContext } from "./context";
import type { TownshipIndex } from "./townships";

/** What a member's 所属商会 can refer to: any row of the 商会 sheet that carries the ID or name. */
export interface ChamberRef {
  /** The chamber's 商会编号, or a key that matches no counted chamber when the row has none. */
  readonly id: string;
  /** The ref's position in ChamberIndex.refs (one ref a row of the 商会 sheet, in order). */
  readonly index: number;
  readonly row: number;
  readonly founded: Day | null;
}

export interface ChamberIndex {
  /** Every row's ref, in the sheet's order (what byId and byName point to). */
  readonly refs: readonly ChamberRef[];
  /** 商会编号 → the ref of the first row that carries it. */
  readonly byId: ReadonlyMap<string, ChamberRef>;
  /**
   * 商会名称 → the chamber of the first row that carries it: that row's ref, or, when that row
   * repeats an earlier row's 商会编号, the ref of the ID's first row (ID and name agree).
   */
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
  sheet: DetectedSheet<"chambers">,
  ctx: SheetReadContext,
  townships: TownshipIndex | null
): ChambersRead {
  const records: ChamberRecord[] = [];
  const byId = new Map<string, ChamberRef>();
  const byName = new Map<string, ChamberRef>();
  const codes = new FirstRows();
  const refs: ChamberRef[] = [];

  const F = fieldsOf(sheet, [
    "id",
    "name",
    "type",
    "township",
    "founded",
    "dissolved",
    "registered",
    "president",
    "presidentEntrepreneur",
    "fullTimeStaff",
    "fixedOffice",
    "website",
    "journal",
    "uscc",
  ]);
  const account = eachRow(sheet, ctx, function readChamberRow(r) {
    const id = r.id(F.id);
    const name = r.text(F.name);
    const type = r.chamberType(F.type);
    const townshipText = r.text(F.township);
    checkRequiredWhen(r, F.township, townshipText, type === "township", "township-chamber");
    const township = checkTownship(r, F.township, townshipText, townships);
    const founded = r.pastDate(F.founded, "error");
    const dissolved = r.date(F.dissolved);
    checkDateOrder(r, F.founded, founded, F.dissolved, dissolved);
    const registered = r.boolean(F.registered);
    const president = r.text(F.president);
    const presidentEntrepreneur = r.boolean(F.presidentEntrepreneur);
    const fullTimeStaff = r.count(F.fullTimeStaff);
    const fixedOffice = r.boolean(F.fixedOffice);
    const website = r.url(F.website);
    const journal = r.boolean(F.journal);
    const uscc = r.uscc(F.uscc);

    // The first row carrying an ID or a name claims it: the indexes that members resolve their
    // 所属商会 against are also the record of which row came first.
    const ref: ChamberRef = {
      id: id ?? `\u0000row ${r.rowNumber}`,
      index: refs.length,
      row: r.rowNumber,
      founded,
    };
    refs.push(ref);
    // What this row's name resolves to: the chamber its ID names, which is the ID's first row when
    // this row repeats an earlier row's ID (a member naming it belongs to that chamber, founded
    // when that row says).
    let named = ref;
    if (id !== null) {
      const first = byId.get(id);
      if (first) {
        r.report("duplicate-id", F.id, { field: "id", firstRow: first.row });
        named = first;
      } else byId.set(compactCopy(id), ref);
    }
    if (name !== null) {
      const first = byName.get(name);
      if (first) r.report("duplicate-id", F.name, { field: "name", firstRow: first.row });
      else byName.set(compactCopy(name), named);
    }
    checkCodeUnique(r, codes, F.uscc, uscc);

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
  return { records, index: { refs, byId, byName, suggest: suggester(byName.keys()) }, account };
}
