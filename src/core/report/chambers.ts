/**
 * 商会明细 / Chambers report: `dues.byChamber` joined, by chamber ID, with each chamber's record
 * for its type and quality flags; then the direct-and-other row and a total row.
 *
 * Choices (SPEC §5 is brief here):
 * - The rows are `dues.byChamber` when dues are available: every counted chamber active at the
 *   as-of date, in the 商会 sheet's order, then 直属及其他. When the 会费 sheet is unavailable, the
 *   rows are the counted chambers active at the as-of date taken from the records, with "—" in the
 *   members and dues columns (members per chamber come with the dues figures).
 * - The direct-and-other row is not a chamber: its type and quality columns stay empty and it
 *   shows no full-collection or income flags; its members and money are shown and totalled.
 * - In the total row a flag column holds the number of chambers flagged 是/Yes, 专职人员数 the sum
 *   of full-time staff, and the money columns the year's figures of `dues`.
 * - A chamber whose record is missing (it should not happen) shows its ID and name with empty
 *   record columns.
 */
import type {
  ChamberDues,
  ChamberRecord,
  DuesMetrics,
  Lang,
  OutputCell,
  OutputSheet,
  RecalcJson,
} from "../types";
import {
  columnWidths,
  count,
  header,
  money,
  note,
  NULL_CELL,
  NULL_TOTAL_CELL,
  rate,
  type Row,
  flag as flagCell,
  text,
  totalText,
} from "./cells";
import { dayFromIso } from "../dates";
import { activeChambersAt } from "../metrics/chambers";
import { REPORT_LABELS, type ReportLabels } from "./labels";

export interface ChambersInput {
  readonly lang: Lang;
  readonly json: RecalcJson;
  readonly chambers: readonly ChamberRecord[];
  readonly name: string;
}

interface Words {
  readonly l: ReportLabels;
  readonly yes: OutputCell;
  readonly no: OutputCell;
}

/** Running totals of the listed chambers' flags. */
interface Tally {
  chambers: number;
  registered: number;
  presidentEntrepreneur: number;
  fixedOffice: number;
  fullTimeStaff: number;
  website: number;
  journal: number;
  members: number;
  fullCollection: number;
  incomeAtLeastThreshold: number;
}

export function buildChambersSheet(input: ChambersInput): OutputSheet {
  const l = REPORT_LABELS[input.lang];
  const w: Words = { l, yes: flagCell(l.yes), no: flagCell(l.no) };
  const dues = input.json.dues;
  const rows: Row[] = [l.chambersReport.headers.map(header)];
  const tally = emptyTally();
  const notes: string[] = [];
  if (dues !== null) {
    const byId = recordsById(input.chambers);
    for (const entry of dues.byChamber) {
      const record = entry.chamberId === null ? undefined : byId.get(entry.chamberId);
      rows.push(duesRow(entry, record, w, tally));
    }
    if (input.json.chambers === null) notes.push(l.chambersReport.chambersUnavailable);
  } else {
    const asOf = dayFromIso(input.json.asOf);
    if (asOf === null) throw new RangeError(`asOf is not a YYYY-MM-DD date: ${input.json.asOf}`);
    for (const record of activeChambersAt(input.chambers, asOf)) {
      rows.push(recordOnlyRow(record, w, tally));
    }
    notes.push(l.chambersReport.duesUnavailable);
  }
  if (rows.length === 1) {
    rows.push([note(l.chambersReport.noChambers)]);
  } else {
    rows.push(totalRow(tally, dues, l));
  }
  for (const n of notes) rows.push([], [note(n)]);
  return {
    key: "chambers",
    name: input.name,
    rows,
    columnWidths: columnWidths(rows, { min: 6, max: 40 }),
    freezeRows: 1,
    charts: [],
  };
}

function emptyTally(): Tally {
  return {
    chambers: 0,
    registered: 0,
    presidentEntrepreneur: 0,
    fixedOffice: 0,
    fullTimeStaff: 0,
    website: 0,
    journal: 0,
    members: 0,
    fullCollection: 0,
    incomeAtLeastThreshold: 0,
  };
}

/** Chamber records by ID; a counted record wins over an excluded one with the same ID. */
function recordsById(records: readonly ChamberRecord[]): Map<string, ChamberRecord> {
  const byId = new Map<string, ChamberRecord>();
  for (const r of records) {
    const seen = byId.get(r.id);
    if (seen === undefined || (!seen.counted && r.counted)) byId.set(r.id, r);
  }
  return byId;
}

function flag(b: boolean, w: Words): OutputCell {
  return b ? w.yes : w.no;
}

/** The columns from 商会类型 to 会刊, counting the flags into the tally. */
function recordCells(r: ChamberRecord, w: Words, t: Tally): Row {
  // The reader already counts a 51… credit code as registered (SPEC §1.1), as the metrics do.
  const registered = r.registered;
  const hasWebsite = r.website !== null && r.website !== "";
  t.chambers++;
  t.registered += registered ? 1 : 0;
  t.presidentEntrepreneur += r.presidentEntrepreneur ? 1 : 0;
  t.fixedOffice += r.fixedOffice ? 1 : 0;
  t.fullTimeStaff += r.fullTimeStaff ?? 0;
  t.website += hasWebsite ? 1 : 0;
  t.journal += r.journal ? 1 : 0;
  return [
    text(w.l.chamberType[r.type]),
    r.township === null ? null : text(r.township),
    flag(registered, w),
    flag(r.presidentEntrepreneur, w),
    flag(r.fixedOffice, w),
    r.fullTimeStaff === null ? null : count(r.fullTimeStaff),
    flag(hasWebsite, w),
    flag(r.journal, w),
  ];
}

const EMPTY_RECORD_CELLS: Row = [null, null, null, null, null, null, null, null];

function duesRow(entry: ChamberDues, record: ChamberRecord | undefined, w: Words, t: Tally): Row {
  const isChamber = entry.chamberId !== null;
  t.members += entry.members;
  const recordPart = record === undefined ? EMPTY_RECORD_CELLS : recordCells(record, w, t);
  if (isChamber && record === undefined) t.chambers++;
  if (isChamber) {
    t.fullCollection += entry.fullCollection ? 1 : 0;
    t.incomeAtLeastThreshold += entry.incomeAtLeastThreshold ? 1 : 0;
  }
  return [
    entry.chamberId === null ? null : text(entry.chamberId),
    text(entry.chamberName),
    ...recordPart,
    count(entry.members),
    money(entry.due),
    money(entry.paid),
    rate(entry.collectionRate),
    isChamber ? flag(entry.fullCollection, w) : null,
    isChamber ? flag(entry.incomeAtLeastThreshold, w) : null,
  ];
}

function recordOnlyRow(r: ChamberRecord, w: Words, t: Tally): Row {
  return [
    text(r.id),
    text(r.name),
    ...recordCells(r, w, t),
    NULL_CELL,
    NULL_CELL,
    NULL_CELL,
    NULL_CELL,
    NULL_CELL,
    NULL_CELL,
  ];
}

function totalRow(t: Tally, dues: DuesMetrics | null, l: ReportLabels): Row {
  const n = (v: number) => count(v, true);
  const duesPart: Row =
    dues === null
      ? [
          NULL_TOTAL_CELL,
          NULL_TOTAL_CELL,
          NULL_TOTAL_CELL,
          NULL_TOTAL_CELL,
          NULL_TOTAL_CELL,
          NULL_TOTAL_CELL,
        ]
      : [
          n(t.members),
          money(dues.due, true),
          money(dues.paid, true),
          rate(dues.collectionRate, true),
          n(t.fullCollection),
          n(t.incomeAtLeastThreshold),
        ];
  return [
    totalText(l.total),
    n(t.chambers),
    null,
    null,
    n(t.registered),
    n(t.presidentEntrepreneur),
    n(t.fixedOffice),
    n(t.fullTimeStaff),
    n(t.website),
    n(t.journal),
    ...duesPart,
  ];
}
