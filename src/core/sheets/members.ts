/** The 会员 sheet (SPEC §1.2). */
import { plainId, readId } from "../cells";
import type { DetectedSheet } from "../detect";
import { isoOfDay } from "../dates";
import type { RowReader } from "../read";
import type { Day, MemberRecord, RowAccount } from "../types";
import { FirstRows } from "../key-index";
import type { ChamberIndex, ChamberRef } from "./chambers";
import { checkCodeUnique, checkDateOrder, checkRequiredWhen, checkTownship } from "./checks";
import { eachRow, type SheetReadContext } from "./context";
import { MemberIndex } from "./member-index";
import type { TownshipIndex } from "./townships";

export interface MembersRead {
  readonly records: MemberRecord[];
  /** 会员编号 → the first row that carries it. */
  readonly index: MemberIndex;
  readonly account: RowAccount;
}

/** A text read as an ID (width folded, trimmed), or null. */
function readIdText(text: string): string | null {
  const read = readId(text);
  return read.ok ? read.value : null;
}

/**
 * Resolves 所属商会: a 商会编号 first, else an exact 商会名称. Without a readable 商会 sheet the
 * reference cannot be checked and is kept as written.
 */
export function resolveChamber(
  r: RowReader,
  text: string | null,
  chambers: ChamberIndex | null
): { id: string | null; ref: ChamberRef | null } {
  if (text === null) return { id: null, ref: null };
  if (chambers === null) return { id: text, ref: null };
  const asId = plainId(text) ?? readIdText(text);
  const ref = (asId !== null ? chambers.byId.get(asId) : undefined) ?? chambers.byName.get(text);
  if (ref) return { id: ref.id, ref };
  r.report("unknown-chamber", "error", "chamber", {
    suggestion: chambers.suggest(text),
  });
  return { id: text, ref: null };
}

/** A member who joined a chamber before the chamber was founded (a warning). */
export function checkJoinedBeforeFounded(
  r: RowReader,
  joined: Day | null,
  chamber: ChamberRef | null
): void {
  if (joined !== null && chamber?.founded != null && joined < chamber.founded) {
    r.report("joined-before-founded", "warning", "joined", {
      chamberId: chamber.id,
      founded: isoOfDay(chamber.founded),
    });
  }
}

export function readMembers(
  sheet: DetectedSheet,
  ctx: SheetReadContext,
  chambers: ChamberIndex | null,
  townships: TownshipIndex | null
): MembersRead {
  const rows = sheet.dataEnd - sheet.dataStart;
  // Allocated once for every row and cut to length at the end (see bench/README.md: growing a
  // million-element array by copying touches several times its memory).
  const records = new Array<MemberRecord>(rows);
  let count = 0;
  // The index of member IDs is also the record of which row claimed each ID first.
  const index = new MemberIndex(sheet.grid.name, rows);
  const codes = new FirstRows(rows);

  const account = eachRow(sheet, ctx, (r) => {
    const id = r.id("id");
    const name = r.text("name");
    const type = r.memberType("type");
    const chamber = resolveChamber(r, r.text("chamber"), chambers);
    const townshipText = r.text("township");
    checkRequiredWhen(r, "township", townshipText, type === "enterprise", "enterprise-member");
    const township = checkTownship(r, "township", townshipText, townships);
    const uscc = r.uscc("uscc");
    const industry = r.text("industry");
    const joined = r.pastDate("joined", "error");
    const left = r.date("left");
    checkDateOrder(r, "joined", joined, "left", left);
    checkJoinedBeforeFounded(r, joined, chamber.ref);
    const aboveScale = r.boolean("aboveScale");
    const phone = r.phone("phone");

    const member = id === null ? -1 : index.add(id, r.rowNumber, joined, left, chamber.id);
    if (id !== null && member < 0) {
      r.report("duplicate-id", "error", "id", { field: "id", firstRow: index.firstRow(id) ?? 0 });
    }
    checkCodeUnique(r, codes, uscc);
    const counted = r.errors === 0;
    if (member >= 0) index.setCounted(member, counted);

    if (id === null || name === null || type === null || joined === null) return;
    records[count++] = {
      sheet: r.sheetName,
      row: r.rowNumber,
      id,
      name,
      type,
      chamberId: chamber.id,
      township,
      uscc,
      industry,
      joined,
      left,
      aboveScale,
      phone,
      counted,
    };
  });
  records.length = count;
  return { records, index, account };
}
