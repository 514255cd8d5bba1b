/**
 * The sample district's correct rows, drawn from the plan with the seeded PRNG: members who joined
 * and left at the right times to meet the plan's figures, with names, credit codes and phones, and
 * their dues for 2012–2014. The planted mistakes are scripts/sample/mistakes.ts.
 */
import { USCC_ALPHABET, usccCheckCharacter } from "../../src/core/uscc";
import type { Rng } from "../random";
import { day, dayBetween, intBetween, pick, shuffle, weighted, yearOf, type Day } from "./draw";
import {
  AS_OF,
  BASE_END,
  BRANDS,
  CHAMBERS,
  DIRECT_WEIGHT,
  DUES_HEADER_ROW,
  DUES_YEARS,
  EARLIEST_JOIN,
  GIVEN,
  GROUP_SUFFIXES,
  GROUP_TOPICS,
  INDUSTRIES,
  INDUSTRY_PHRASES,
  MEMBER_HEADER_ROW,
  NOTES_ACTIVE,
  NOTES_LEFT,
  SURNAMES,
  TOWNSHIPS,
  member,
  type Chamber,
  type DuesRow,
  type Member,
  type MemberType,
} from "./plan";

function usccCheck(first17: string): string {
  const check = usccCheckCharacter(first17);
  if (check === null) throw new Error(`not 17 credit-code characters: ${first17}`);
  return check;
}

const REGION_CODES = ["340111", "340112", "340113"];

/** A fresh valid code: 2-character registration kind ("91" enterprise, "51" social organisation). */
export function makeUscc(
  rng: Rng,
  kind: "91" | "51",
  used: Set<string>,
  digitsOnly = false
): string {
  for (;;) {
    let org = "";
    for (let i = 0; i < 9; i++) {
      const letter = !digitsOnly && i < 3 && rng() < 0.12;
      org += letter ? pick(rng, USCC_ALPHABET.slice(10).split("")) : String(intBetween(rng, 0, 9));
    }
    const first17 = kind + pick(rng, REGION_CODES) + org;
    const code = first17 + usccCheck(first17);
    if (digitsOnly && !/^\d{18}$/.test(code)) continue;
    if (used.has(code)) continue;
    used.add(code);
    return code;
  }
}

export function personName(rng: Rng): string {
  return pick(rng, SURNAMES) + pick(rng, GIVEN);
}

function uniqueName(used: Set<string>, make: () => string): string {
  for (;;) {
    const name = make();
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function companyName(rng: Rng, industry: string): string {
  const prefix = rng() < 0.45 ? "云川" : rng() < 0.2 ? "安徽" : "";
  const suffix = weighted(rng, [
    ["有限公司", 8],
    ["股份有限公司", 1],
    ["有限责任公司", 1],
  ] as const);
  return prefix + pick(rng, BRANDS) + pick(rng, INDUSTRY_PHRASES[industry] ?? ["实业"]) + suffix;
}

function groupName(rng: Rng, township: string | null): string {
  const place = township ?? "云川区";
  return place + pick(rng, GROUP_TOPICS) + pick(rng, GROUP_SUFFIXES);
}

export function phone(rng: Rng): string | number {
  const r = rng();
  const mobile =
    "1" + pick(rng, ["3", "5", "8"]) + String(intBetween(rng, 0, 999_999_999)).padStart(9, "0");
  if (r < 0.15) return Number(mobile); // typed as a number: read back as its digits
  if (r < 0.7) return mobile;
  return `0551-${intBetween(rng, 6, 8)}${String(intBetween(rng, 0, 9_999_999)).padStart(7, "0")}`;
}

export function activeAt(m: Member, t: Day): boolean {
  return m.joined <= t && (m.left === null || m.left > t);
}

function chooseChamber(rng: Rng, township: string | null): Chamber | null {
  const options: Array<readonly [Chamber | null, number]> = [[null, DIRECT_WEIGHT]];
  for (const c of CHAMBERS) {
    if (c.township === null) options.push([c, c.weight]);
    else if (c.township === township) options.push([c, c.kind === "township" ? 4.5 : 2.5]);
  }
  return weighted(rng, options);
}

/** Moves a join date after its chamber's founding, keeping it inside [lo, hi]. */
function joinDate(rng: Rng, chamberOf: Chamber | null, lo: Day, hi: Day): Day {
  const from = chamberOf ? Math.max(lo, chamberOf.founded + 15) : lo;
  return dayBetween(rng, from, hi);
}

function typeMix(rng: Rng): MemberType {
  return weighted(rng, [
    ["enterprise", 7],
    ["group", 2],
    ["individual", 1],
  ] as const);
}

export function randomTownship(rng: Rng): string {
  return pick(rng, TOWNSHIPS).name;
}

function townshipFor(rng: Rng, type: MemberType): string | null {
  if (type === "enterprise") return randomTownship(rng);
  if (type === "group") return rng() < 0.9 ? randomTownship(rng) : null;
  return rng() < 0.5 ? randomTownship(rng) : null;
}

export function describe(
  rng: Rng,
  m: Member,
  usedCodes: Set<string>,
  usedNames: Set<string>
): void {
  const industry = m.chamber?.industry ?? pick(rng, INDUSTRIES);
  m.phone = phone(rng);
  if (m.type === "enterprise") {
    m.industry = industry;
    m.name = uniqueName(usedNames, () => companyName(rng, industry));
    m.uscc = rng() < 0.9 ? makeUscc(rng, "91", usedCodes) : null;
    m.aboveScale = rng() < 0.25;
    if (rng() < 0.04) m.note = pick(rng, NOTES_ACTIVE);
  } else if (m.type === "group") {
    m.name = uniqueName(usedNames, () => groupName(rng, m.township));
    m.uscc = rng() < 0.6 ? makeUscc(rng, "51", usedCodes) : null;
  } else {
    m.name = personName(rng);
    m.industry = rng() < 0.6 ? industry : null;
  }
  if (m.left !== null) m.note = pick(rng, NOTES_LEFT);
}

/** 1,889 members active at the as-of date, 1,013 of them since 2011 or earlier. */
export function activeMembers(rng: Rng): Member[] {
  const types: MemberType[] = shuffle(rng, [
    ...Array<MemberType>(1400).fill("enterprise"),
    ...Array<MemberType>(322).fill("group"),
    ...Array<MemberType>(167).fill("individual"),
  ]);
  const townships = shuffle(
    rng,
    TOWNSHIPS.flatMap((t) => Array<string>(t.enterprise).fill(t.name))
  );
  const members: Member[] = [];
  types.forEach((type, i) => {
    const early = i < 1013; // joined by the end of the base year
    const m = member(type, 0, null);
    m.township = type === "enterprise" ? (townships.pop() ?? null) : townshipFor(rng, type);
    m.chamber = chooseChamber(rng, m.township);
    m.joined = early
      ? joinDate(rng, m.chamber, EARLIEST_JOIN, BASE_END)
      : joinDate(rng, m.chamber, day(2012, 1, 1), AS_OF);
    members.push(m);
  });
  // Two members left after the as-of date: still active on 2014-11-30.
  for (const m of members.filter((x) => x.joined < day(2010, 1, 1)).slice(0, 2)) {
    m.left = dayBetween(rng, day(2014, 12, 2), day(2014, 12, 20));
  }
  return members;
}

/** Members who left or joined at other times, so that growth and retention mean something. */
export function otherMembers(rng: Rng): Member[] {
  const groups: Array<{ n: number; join: [Day, Day]; leave: (j: Day) => Day | null }> = [
    // in the base-year count, gone by the as-of date: 1,013 + 45 = 1,058
    {
      n: 45,
      join: [EARLIEST_JOIN, BASE_END],
      leave: () => dayBetween(rng, day(2012, 1, 5), AS_OF),
    },
    // gone before the end of the base year
    {
      n: 10,
      join: [EARLIEST_JOIN, day(2009, 12, 31)],
      leave: (j) => dayBetween(rng, Math.max(j + 200, day(2010, 1, 1)), BASE_END),
    },
    // joined and left between the base year and the as-of date
    {
      n: 5,
      join: [day(2012, 1, 1), day(2013, 6, 30)],
      leave: (j) => dayBetween(rng, j + 180, AS_OF),
    },
    // joined after the as-of date: listed, counted, not yet active
    { n: 3, join: [day(2014, 12, 1), day(2014, 12, 20)], leave: () => null },
  ];
  const members: Member[] = [];
  for (const g of groups) {
    for (let i = 0; i < g.n; i++) {
      const type = typeMix(rng);
      const m = member(type, 0, null);
      m.township = townshipFor(rng, type);
      m.chamber = chooseChamber(rng, m.township);
      m.joined = joinDate(rng, m.chamber, g.join[0], g.join[1]);
      m.left = g.leave(m.joined);
      m.pays = m.joined <= AS_OF;
      members.push(m);
    }
  }
  return members;
}

export function placeMembers(all: Member[]): Member[] {
  const ordinary = all.filter((m) => !m.sameIdAsPrevious);
  const clinging = all.filter((m) => m.sameIdAsPrevious);
  const sorted = ordinary
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.joined - b.m.joined || a.i - b.i)
    .map((x) => x.m);
  for (const m of clinging) {
    const at = sorted.findIndex((x) => x.joined > m.joined);
    const before = sorted[at - 1];
    if (at <= 0 || !before) throw new Error("nowhere to place a repeated ID");
    m.joined = before.joined;
    sorted.splice(at, 0, m);
  }
  let n = 0;
  sorted.forEach((m, i) => {
    const previous = sorted[i - 1];
    if (m.sameIdAsPrevious && previous) m.id = previous.id;
    else m.id = `HY${String(++n).padStart(4, "0")}`;
    m.row = MEMBER_HEADER_ROW + 1 + i;
  });
  return sorted;
}

function yearlyDue(rng: Rng, m: Member): number {
  if (rng() < 0.01) return 0; // exempt (honorary members)
  const rich = m.chamber?.rich ?? false;
  if (m.type === "enterprise")
    return pick(rng, rich ? [3000, 5000, 8000, 10000] : [500, 1000, 1000, 2000]);
  if (m.type === "group") return rich ? 5000 : 1000;
  return rich ? 1000 : 300;
}

function duesYears(m: Member): number[] {
  if (!m.pays) return [];
  const first = Math.max(2012, yearOf(m.joined));
  const last = Math.min(2014, m.left === null ? 2014 : yearOf(m.left));
  return DUES_YEARS.filter((y) => y >= first && y <= last);
}

function paidAmount(rng: Rng, m: Member, year: number, due: number): number {
  const r = rng();
  if (m.chamber?.collectsAll) return year === 2014 || r < 0.95 ? due : 0;
  if (r < 0.78) return due;
  if (r < 0.88) return due / 2;
  return 0;
}

export function duesRows(rng: Rng, members: readonly Member[]): DuesRow[] {
  const rows: DuesRow[] = [];
  for (const year of DUES_YEARS) {
    for (const m of members) {
      if (!duesYears(m).includes(year)) continue;
      const due = yearlyDue(rng, m);
      const paid = paidAmount(rng, m, year, due);
      const paidOn = paid > 0 ? dayBetween(rng, day(year, 2, 1), day(year, 6, 30)) : null;
      const r = rng();
      const dueCell =
        r < 0.003 ? String(due).replace(/\B(?=(\d{3})+$)/g, ",") : r < 0.005 ? `${due}元` : due;
      rows.push({
        memberId: m.id,
        memberName: m.name,
        member: m,
        year,
        due,
        paid,
        paidOn,
        dueCell,
        note: null,
        counted: m.counted,
        planted: null,
        row: 0,
      });
    }
  }
  return rows;
}

/** Guarantees that every chamber outside the five full collectors owes something for 2014. */
export function leaveArrears(rows: DuesRow[]): void {
  for (const c of CHAMBERS.filter((x) => !x.collectsAll)) {
    const r = rows.find(
      (d) => d.year === 2014 && d.member?.chamber === c && d.counted && d.due > 0
    );
    if (!r) throw new Error(`${c.id} has no 2014 dues`);
    if (totals(rows, c, 2014).paid >= totals(rows, c, 2014).due) {
      r.paid = 0;
      r.paidOn = null;
    }
  }
}

export function sortDues(rows: DuesRow[]): DuesRow[] {
  const rank = (d: DuesRow): number => (d.member ? d.member.row : 0);
  const sorted = rows
    .map((d, i) => ({ d, i, dup: d.planted?.code === "duplicate-dues" }))
    .sort(
      (a, b) =>
        a.d.year - b.d.year || Number(a.dup) - Number(b.dup) || rank(a.d) - rank(b.d) || a.i - b.i
    )
    .map((x) => x.d);
  sorted.forEach((d, i) => (d.row = DUES_HEADER_ROW + 1 + i));
  return sorted;
}

export function totals(
  rows: readonly DuesRow[],
  c: Chamber | null,
  year: number
): { due: number; paid: number } {
  let due = 0;
  let paid = 0;
  for (const d of rows) {
    if (d.year !== year || !d.counted || (d.member?.chamber ?? null) !== c) continue;
    due += d.due;
    paid += d.paid;
  }
  return { due, paid };
}
