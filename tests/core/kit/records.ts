/**
 * Builders of small record lists for the metrics' tests: every field has a plain default, so a
 * test names only what it is about. Dates are written "YYYY-MM-DD".
 */
import type {
  ChamberRecord,
  Day,
  DuesRecord,
  MemberRecord,
  Settings,
  TownshipRecord,
} from "../../../src/core/types";
import { dayFromIso } from "../../../src/core/dates";

export function day(iso: string): Day {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  return d;
}

function optionalDay(iso: string | null | undefined): Day | null {
  return iso === null || iso === undefined ? null : day(iso);
}

export function settingsAt(
  asOf: string,
  overrides: Partial<Omit<Settings, "asOf" | "year">> = {}
): Settings {
  const year = Number(asOf.slice(0, 4));
  return {
    asOf: day(asOf),
    year,
    baseYear: overrides.baseYear ?? year - 3,
    coverageTarget: overrides.coverageTarget ?? 0.1,
    duesIncomeThreshold: overrides.duesIncomeThreshold ?? 500000,
  };
}

type Dates<T, K extends keyof T> = Omit<Partial<T>, K> & { [P in K]?: string | null };

let nextRow = 2;
function row(): number {
  return nextRow++;
}

export function member(
  id: string,
  fields: Dates<MemberRecord, "joined" | "left"> = {}
): MemberRecord {
  const { joined, left, ...rest } = fields;
  return {
    sheet: "会员",
    row: row(),
    id,
    name: `会员${id}`,
    type: "enterprise",
    chamberId: null,
    township: null,
    uscc: null,
    industry: null,
    aboveScale: false,
    phone: null,
    counted: true,
    ...rest,
    joined: day(joined ?? "2000-01-01"),
    left: optionalDay(left),
  };
}

export function chamber(
  id: string,
  fields: Dates<ChamberRecord, "founded" | "dissolved"> = {}
): ChamberRecord {
  const { founded, dissolved, ...rest } = fields;
  return {
    sheet: "商会",
    row: row(),
    id,
    name: `商会${id}`,
    type: "industry",
    township: null,
    registered: false,
    president: null,
    presidentEntrepreneur: false,
    fullTimeStaff: null,
    fixedOffice: false,
    website: null,
    journal: false,
    uscc: null,
    counted: true,
    ...rest,
    founded: day(founded ?? "2000-01-01"),
    dissolved: optionalDay(dissolved),
  };
}

export function dues(
  memberId: string,
  year: number,
  due: number,
  paid: number,
  fields: Partial<DuesRecord> = {}
): DuesRecord {
  return {
    sheet: "会费",
    row: row(),
    memberId,
    year,
    due,
    paid,
    paidOn: null,
    counted: true,
    ...fields,
  };
}

export function township(
  name: string,
  year: number,
  nonPublicEnterprises: number,
  fields: Partial<TownshipRecord> = {}
): TownshipRecord {
  return {
    sheet: "乡镇",
    row: row(),
    township: name,
    year,
    nonPublicEnterprises,
    counted: true,
    ...fields,
  };
}

export interface Inputs {
  readonly settings: Settings;
  readonly chambers: readonly ChamberRecord[] | null;
  readonly members: readonly MemberRecord[] | null;
  readonly dues: readonly DuesRecord[] | null;
  readonly townships: readonly TownshipRecord[] | null;
  readonly townshipsUnavailable: "missing-sheet" | "missing-column" | null;
  readonly lang: "zh" | "en";
}

/** A full metrics input: empty sheets, no 乡镇 sheet, D = 2024-06-30, unless overridden. */
export function inputs(overrides: Partial<Inputs> = {}): Inputs {
  return {
    settings: settingsAt("2024-06-30", { baseYear: 2021 }),
    chambers: [],
    members: [],
    dues: [],
    townships: null,
    townshipsUnavailable: "missing-sheet",
    lang: "zh",
    ...overrides,
  };
}
