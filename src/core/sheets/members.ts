/** The 会员 sheet (SPEC §1.2). */
import { plainId, readId } from "../cells";
import type { DetectedSheet } from "../detect";
import { isoOfDay } from "../dates";
import { fieldsOf, type Field, type RowReader } from "../read";
import {
  MEMBER_TEXTS,
  MEMBER_TYPE_CODE,
  memberRecords,
  NO_DAY,
  NONE,
  TEXT_ID,
  TEXT_INDUSTRY,
  TEXT_NAME,
  TEXT_PHONE,
  TEXT_TOWNSHIP,
  TEXT_USCC,
  withLazyRecords,
  type MemberColumns,
} from "../columns";
import type { Day, MemberRecord, RowAccount } from "../types";
import { FirstRows } from "../key-index";
import type { ChamberIndex, ChamberRef } from "./chambers";
import { checkCodeUnique, checkDateOrder, checkRequiredWhen, checkTownshipRef } from "./checks";
import { eachRow, type SheetReadContext } from "./context";
import { MemberIndex } from "./member-index";
import type { TownshipIndex } from "./townships";

export interface MembersRead {
  readonly columns: MemberColumns;
  /** The members as records, built from `columns` when first asked for. */
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
 * Resolves 所属商会: a 商会编号 first, else an exact 商会名称. Returns the chamber's ref, or null
 * when the text names none (unknown-chamber) or there is no readable 商会 sheet to check it
 * against; the member then keeps the text as written.
 */
export function resolveChamber(
  r: RowReader,
  field: Field,
  text: string,
  chambers: ChamberIndex | null
): ChamberRef | null {
  if (chambers === null) return null;
  const asId = plainId(text) ?? readIdText(text);
  const ref = (asId !== null ? chambers.byId.get(asId) : undefined) ?? chambers.byName.get(text);
  if (ref) return ref;
  r.report("unknown-chamber", field, {
    suggestion: chambers.suggest(text),
  });
  return null;
}

/** A member who joined a chamber before the chamber was founded (a warning). */
export function checkJoinedBeforeFounded(
  r: RowReader,
  field: Field,
  joined: Day | null,
  chamber: ChamberRef | null
): void {
  if (joined !== null && chamber?.founded != null && joined < chamber.founded) {
    r.report("joined-before-founded", field, {
      chamberId: chamber.id,
      founded: isoOfDay(chamber.founded),
    });
  }
}

export function readMembers(
  sheet: DetectedSheet<"members">,
  ctx: SheetReadContext,
  chambers: ChamberIndex | null,
  townships: TownshipIndex | null
): MembersRead {
  const rows = sheet.dataEnd - sheet.dataStart;
  // Columns allocated once for every row and cut to length at the end (see bench/README.md:
  // growing a million-element array by copying touches several times its memory).
  const row = new Int32Array(rows);
  const counted = new Uint8Array(rows);
  const types = new Uint8Array(rows);
  const joinedDays = new Int32Array(rows);
  const leftDays = new Int32Array(rows);
  const aboveScales = new Uint8Array(rows);
  const chamberOf = new Int32Array(rows);
  const townshipRefs = new Int32Array(rows);
  const townshipList = townships?.list ?? [];
  // One array for every text the reader keeps: the records' texts (MEMBER_TEXTS a record), then
  // the member index's IDs and the credit codes' index's keys, `rows` places each. At a million
  // rows each large array allocated costs a pass of the collector over the whole heap; this is
  // one instead of eight.
  const slab = new Array<string | number | null>(rows * (MEMBER_TEXTS + 2));
  // The chamber table: every 商会 row's ID (a ref's index is its place), then the texts of
  // 所属商会 that resolve to no chamber, one entry a row that has one.
  const chamberIds: string[] = chambers === null ? [] : chambers.refs.map((ref) => ref.id);
  let count = 0;
  // The index of member IDs is also the record of which row claimed each ID first.
  const index = new MemberIndex(sheet.grid.name, rows, {
    array: slab,
    base: rows * MEMBER_TEXTS,
    capacity: rows,
  });
  const codes = new FirstRows(rows, {
    array: slab,
    base: rows * (MEMBER_TEXTS + 1),
    capacity: rows,
  });
  const F = fieldsOf(sheet, [
    "id",
    "name",
    "type",
    "chamber",
    "township",
    "uscc",
    "industry",
    "joined",
    "left",
    "aboveScale",
    "phone",
  ]);
  const account = eachRow(sheet, ctx, function readMemberRow(r) {
    const id = r.id(F.id);
    const name = r.text(F.name);
    const type = r.memberType(F.type);
    const chamberText = r.text(F.chamber);
    const ref = chamberText === null ? null : resolveChamber(r, F.chamber, chamberText, chambers);
    const townshipText = r.text(F.township);
    const enterprise = type !== null && type === "enterprise";
    checkRequiredWhen(r, F.township, townshipText, enterprise, "enterprise-member");
    const townshipRef =
      townshipText === null || townships === null
        ? NONE
        : checkTownshipRef(r, F.township, townshipText, townships);
    const township = townshipRef < 0 ? townshipText : (townshipList[townshipRef] ?? townshipText);
    const uscc = r.uscc(F.uscc);
    const industry = r.text(F.industry);
    const joined = r.pastDate(F.joined, "error");
    const left = r.date(F.left);
    checkDateOrder(r, F.joined, joined, F.left, left);
    checkJoinedBeforeFounded(r, F.joined, joined, ref);
    const aboveScale = r.boolean(F.aboveScale);
    const phone = r.phoneValue(F.phone);
    const chamber =
      ref !== null ? ref.index : chamberText === null ? NONE : chamberIds.push(chamberText) - 1;
    const member = id === null ? -1 : index.add(id, r.rowNumber, joined, left, chamber);
    if (id !== null && member < 0) {
      r.report("duplicate-id", F.id, { field: "id", firstRow: index.firstRow(id) ?? 0 });
    }
    checkCodeUnique(r, codes, F.uscc, uscc);
    const ok = r.errors === 0;
    if (member >= 0) index.setCounted(member, ok);
    if (id === null || name === null || type === null || joined === null) return;
    const at = count++;
    row[at] = r.rowNumber;
    counted[at] = ok ? 1 : 0;
    types[at] = MEMBER_TYPE_CODE[type];
    joinedDays[at] = joined;
    leftDays[at] = left ?? NO_DAY;
    aboveScales[at] = aboveScale ? 1 : 0;
    chamberOf[at] = chamber;
    townshipRefs[at] = townshipRef;
    const text = at * MEMBER_TEXTS;
    slab[text + TEXT_ID] = id;
    slab[text + TEXT_NAME] = name;
    slab[text + TEXT_TOWNSHIP] = township;
    slab[text + TEXT_USCC] = uscc;
    slab[text + TEXT_INDUSTRY] = industry;
    slab[text + TEXT_PHONE] = phone;
  });
  const columns: MemberColumns = {
    sheet: sheet.grid.name,
    length: count,
    row: row.subarray(0, count),
    counted: counted.subarray(0, count),
    type: types.subarray(0, count),
    joined: joinedDays.subarray(0, count),
    left: leftDays.subarray(0, count),
    aboveScale: aboveScales.subarray(0, count),
    chamber: chamberOf.subarray(0, count),
    chamberIds,
    townshipRef: townshipRefs.subarray(0, count),
    townshipList,
    texts: slab,
  };
  return withLazyRecords({ columns, index, account }, memberRecords);
}
