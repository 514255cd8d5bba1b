import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeMetrics, type MetricsInput, type MetricsOutput } from "./metrics";
import { chamber, dues, inputs, member, settingsAt, township } from "../../tests/core/kit/records";
import type {
  ChamberRecord,
  ChamberType,
  Day,
  DuesRecord,
  MemberRecord,
  MemberType,
  Settings,
  TownshipRecord,
} from "./types";
import { CHAMBER_TYPES, MEMBER_TYPES } from "./types";

describe("computeMetrics", () => {
  it("gives null figures for every missing sheet, and coverage figures null with their reason", () => {
    const out = computeMetrics(
      inputs({ chambers: null, members: null, dues: null, townships: null })
    );
    expect([out.members, out.series, out.chambers, out.dues]).toEqual([null, null, null, null]);
    expect([out.coverage.townships, out.coverage.unavailableReason, out.coverage.target]).toEqual([
      null,
      "missing-sheet",
      0.1,
    ]);
    expect(out.warnings).toEqual([]);
  });

  it("gives zeros, null rates and no by-chamber entries for empty sheets", () => {
    const out = computeMetrics(inputs({ townships: [], townshipsUnavailable: null }));
    expect(out.members?.total).toBe(0);
    expect(out.series?.length).toBe(4);
    expect([out.chambers?.total, out.chambers?.registeredRate]).toEqual([0, null]);
    expect(out.dues).toEqual({
      year: 2024,
      due: 0,
      paid: 0,
      collectionRate: null,
      membersFullyPaid: 0,
      membersOwing: 0,
      byChamber: [],
    });
    expect([out.coverage.townships, out.coverage.memberCoverage]).toEqual([0, null]);
  });

  it("puts together a small district's figures", () => {
    const settings = settingsAt("2024-12-31", { baseYear: 2023, duesIncomeThreshold: 300 });
    const out = computeMetrics({
      settings,
      lang: "zh",
      townshipsUnavailable: null,
      townships: [township("城关镇", 2024, 20), township("新区街道", 2023, 10)],
      chambers: [
        chamber("S1", { type: "township", township: "城关镇", registered: true }),
        chamber("S2", { type: "industry", registered: true, fixedOffice: true }),
      ],
      members: [
        member("M1", { chamberId: "S1", township: "城关镇", joined: "2022-05-01" }),
        member("M2", { chamberId: "S1", township: "城关镇", joined: "2024-02-01" }),
        member("M3", { chamberId: "S2", type: "individual", joined: "2023-03-01" }),
        member("M4", { township: "新区街道", joined: "2020-01-01", left: "2024-10-01" }),
        member("M5", { chamberId: "S2", counted: false }),
      ],
      dues: [
        dues("M1", 2024, 200, 200),
        dues("M2", 2024, 100, 100),
        dues("M3", 2024, 100, 50),
        dues("M4", 2024, 80, 80),
      ],
    });
    expect(out.members).toMatchObject({
      total: 3,
      previousYearEnd: 3,
      newInYear: 1,
      leftInYear: 1,
    });
    expect(out.series?.map((s) => [s.year, s.members])).toEqual([
      [2023, 3],
      [2024, 3],
    ]);
    expect(out.chambers).toMatchObject({
      total: 2,
      registeredRate: 1,
      fixedOfficeRate: 0.5,
      fullCollection: 1,
      incomeAtLeastThreshold: 1,
    });
    expect(out.dues?.byChamber.map((c) => [c.chamberId, c.members, c.due, c.paid])).toEqual([
      ["S1", 2, 300, 300],
      ["S2", 1, 100, 50],
      [null, 0, 80, 80],
    ]);
    expect(out.coverage).toMatchObject({
      townships: 2,
      townshipsWithChamber: 1,
      townshipChamberCoverage: 0.5,
      nonPublicEnterprises: 30,
      enterpriseMembers: 2,
      memberCoverage: 2 / 30,
      meetsTarget: false,
    });
    expect(out.warnings.map((w) => w.params)).toEqual([
      { township: "新区街道", year: 2024, usedYear: 2023 },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random records
// ---------------------------------------------------------------------------------------------

const FIRST_DAY: Day = Date.UTC(2017, 0, 1) / 86400000;
const LAST_DAY: Day = Date.UTC(2026, 11, 31) / 86400000;
const CHAMBER_IDS = ["C0", "C1", "C2", "C3", "C4"];
const TOWNSHIP_NAMES = ["T0", "T1", "T2", "T3"];

/** Any day, often one on which an answer turns: a year's first or last day, or around D. */
function dayArb(asOf: Day): fc.Arbitrary<Day> {
  const edges: Day[] = [asOf - 1, asOf, asOf + 1];
  for (let x = 2017; x <= 2026; x++)
    edges.push(Date.UTC(x, 0, 1) / 86400000, Date.UTC(x, 11, 31) / 86400000);
  return fc.oneof(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), fc.constantFrom(...edges));
}

/** A start day and, maybe, an end that many days later (0 and 1 included). */
function spanArb(asOf: Day): fc.Arbitrary<[Day, Day | null]> {
  const length = fc.oneof(fc.integer({ min: 0, max: 1500 }), fc.constantFrom(0, 1, 365, 366));
  return fc
    .tuple(dayArb(asOf), fc.option(length, { freq: 2 }))
    .map(([start, n]) => [start, n === null ? null : start + n]);
}

const settingsArb = fc
  .record({
    asOf: fc.integer({ min: Date.UTC(2019, 0, 1) / 86400000, max: LAST_DAY }),
    baseOffset: fc.integer({ min: -5, max: 2 }),
    coverageTarget: fc.constantFrom(0, 0.1, 0.5),
    duesIncomeThreshold: fc.constantFrom(0, 100, 1000.5),
  })
  .map(({ asOf, baseOffset, coverageTarget, duesIncomeThreshold }): Settings => {
    const year = new Date(asOf * 86400000).getUTCFullYear();
    return { asOf, year, baseYear: year + baseOffset, coverageTarget, duesIncomeThreshold };
  });

const chambersArb = (asOf: Day) =>
  fc
    .array(
      fc.record({
        type: fc.constantFrom<ChamberType>(...CHAMBER_TYPES),
        township: fc.option(fc.constantFrom(...TOWNSHIP_NAMES, "外")),
        span: spanArb(asOf),
        flags: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        counted: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
      }),
      { maxLength: CHAMBER_IDS.length }
    )
    .map((rows) =>
      rows.map((r, i): ChamberRecord => {
        const [founded, dissolved] = r.span;
        return {
          ...chamber(CHAMBER_IDS[i] ?? `C${i}`),
          type: r.type,
          township: r.township,
          founded,
          dissolved,
          registered: r.flags[0] === true,
          presidentEntrepreneur: r.flags[1] === true,
          fixedOffice: r.flags[2] === true,
          journal: r.flags[3] === true,
          website: r.flags[4] === true ? "https://x.cn" : null,
          fullTimeStaff: r.flags[0] === r.flags[1] ? 1 : 0,
          counted: r.counted,
        };
      })
    );

const membersArb = (asOf: Day) =>
  fc
    .array(
      fc.record({
        type: fc.constantFrom<MemberType>(...MEMBER_TYPES),
        chamberId: fc.option(fc.constantFrom(...CHAMBER_IDS, "X")),
        township: fc.option(fc.constantFrom(...TOWNSHIP_NAMES, "外")),
        span: spanArb(asOf),
        aboveScale: fc.boolean(),
        counted: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
      }),
      { maxLength: 40 }
    )
    .map((rows) =>
      rows.map((r, i): MemberRecord => {
        const [joined, left] = r.span;
        return {
          ...member(`M${i}`),
          type: r.type,
          chamberId: r.chamberId,
          township: r.township,
          joined,
          left,
          aboveScale: r.aboveScale,
          counted: r.counted,
        };
      })
    );

function duesArb(memberCount: number, year: number): fc.Arbitrary<DuesRecord[]> {
  const fenArb = fc.integer({ min: 0, max: 2_000_000 }).map((fen) => fen / 100);
  return fc
    .array(
      fc.record({
        member: fc.integer({ min: 0, max: Math.max(memberCount, 1) }),
        year: fc.integer({ min: year - 2, max: year + 1 }),
        due: fenArb,
        paid: fenArb,
        counted: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
      }),
      { maxLength: 60 }
    )
    .map((rows) =>
      rows.map((r) => dues(`M${r.member}`, r.year, r.due, r.paid, { counted: r.counted }))
    );
}

const townshipsArb = fc.array(
  fc.record({
    name: fc.constantFrom(...TOWNSHIP_NAMES),
    yearOffset: fc.integer({ min: -3, max: 1 }),
    count: fc.integer({ min: 0, max: 50 }),
    counted: fc.boolean(),
  }),
  { maxLength: 12 }
);

const inputArb: fc.Arbitrary<MetricsInput> = settingsArb
  .chain((settings) =>
    fc.tuple(
      fc.constant(settings),
      chambersArb(settings.asOf),
      membersArb(settings.asOf),
      fc.boolean()
    )
  )
  .chain(([settings, chambers, members, withTownships]) =>
    fc
      .tuple(duesArb(members.length, settings.year), townshipsArb)
      .map(([duesRows, townshipRows]): MetricsInput => {
        // One row per township and year, as the checks guarantee for counted rows.
        const seen = new Set<string>();
        const townships: TownshipRecord[] = [];
        for (const t of townshipRows) {
          const key = `${t.name}|${t.yearOffset}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const year = settings.year + t.yearOffset;
          townships.push(township(t.name, year, t.count, { counted: t.counted }));
        }
        return {
          settings,
          chambers,
          members,
          dues: duesRows,
          townships: withTownships ? townships : null,
          townshipsUnavailable: withTownships ? null : "missing-column",
          lang: "en",
        };
      })
  );

function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Deterministic Fisher–Yates shuffle driven by a seed. */
function shuffled<T>(items: readonly T[] | null, seed: number): T[] | null {
  if (items === null) return null;
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The output with the lists that follow input order sorted, and the warnings by township. */
function orderFree(out: MetricsOutput): unknown {
  const key = (s: string | null): string => s ?? "\uffff";
  return {
    ...out,
    dues: out.dues && {
      ...out.dues,
      byChamber: [...out.dues.byChamber].sort((a, b) =>
        key(a.chamberId).localeCompare(key(b.chamberId))
      ),
    },
    coverage: {
      ...out.coverage,
      byTownship:
        out.coverage.byTownship &&
        [...out.coverage.byTownship].sort((a, b) => a.township.localeCompare(b.township)),
    },
    // A township with no usable year is warned on its first row, which depends on the order.
    warnings: out.warnings
      .map((w) => {
        if (w.code !== "township-year-missing") throw new Error(`unexpected ${w.code}`);
        return { ...w, row: w.params.usedYear === null ? null : w.row };
      })
      .sort((a, b) => a.params.township.localeCompare(b.params.township)),
  };
}

/** Members figures the slow way: each member checked at each day asked about. */
function naiveMembers(input: MetricsInput) {
  const { asOf, year, baseYear } = input.settings;
  const counted = (input.members ?? []).filter((m) => m.counted);
  const endOf = (x: number): Day => (x < year ? Date.UTC(x, 11, 31) / 86400000 : asOf);
  const startOf = (x: number): Day => Date.UTC(x, 0, 1) / 86400000;
  const active = (m: MemberRecord, t: Day) => m.joined <= t && (m.left === null || m.left > t);
  const activeCount = (t: Day, type?: MemberType) =>
    counted.filter((m) => active(m, t) && (type === undefined || m.type === type)).length;
  const between = (d: Day | null, x: number) => d !== null && d >= startOf(x) && d <= endOf(x);
  const series = [];
  for (let x = baseYear; x <= year; x++) {
    const before = activeCount(endOf(x - 1));
    const now = activeCount(endOf(x));
    series.push({
      year: x,
      members: now,
      enterprise: activeCount(endOf(x), "enterprise"),
      group: activeCount(endOf(x), "group"),
      individual: activeCount(endOf(x), "individual"),
      new: counted.filter((m) => between(m.joined, x)).length,
      left: counted.filter((m) => between(m.left, x)).length,
      growthRate: before === 0 ? null : (now - before) / before,
    });
  }
  const total = activeCount(asOf);
  const previous = activeCount(endOf(year - 1));
  const base = activeCount(endOf(Math.min(baseYear, year)));
  const retained = counted.filter((m) => active(m, endOf(year - 1)) && active(m, asOf)).length;
  return {
    members: {
      total,
      byType: {
        enterprise: activeCount(asOf, "enterprise"),
        group: activeCount(asOf, "group"),
        individual: activeCount(asOf, "individual"),
      },
      newInYear: counted.filter((m) => between(m.joined, year)).length,
      leftInYear: counted.filter((m) => between(m.left, year)).length,
      previousYearEnd: previous,
      growthRate: previous === 0 ? null : (total - previous) / previous,
      baseYearEnd: base,
      growthSinceBase: base === 0 ? null : (total - base) / base,
      retentionRate: previous === 0 ? null : retained / previous,
      aboveScale: counted.filter((m) => m.type === "enterprise" && m.aboveScale && active(m, asOf))
        .length,
    },
    series,
  };
}

describe("computeMetrics on random records", () => {
  it("splits the year's dues over the chambers so that the entries add up to the totals to the fen", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const d = computeMetrics(input).dues;
        if (d === null) throw new Error("dues figures expected");
        const dueFen = d.byChamber.reduce((sum, c) => sum + toFen(c.due), 0);
        const paidFen = d.byChamber.reduce((sum, c) => sum + toFen(c.paid), 0);
        const expectedDue = (input.dues ?? [])
          .filter((r) => r.counted && r.year === input.settings.year)
          .reduce((sum, r) => sum + toFen(r.due), 0);
        expect([dueFen, paidFen]).toEqual([toFen(d.due), toFen(d.paid)]);
        expect(toFen(d.due)).toBe(expectedDue);
      }),
      { numRuns: 300 }
    );
  });

  it("places each active member in exactly one by-chamber entry", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const out = computeMetrics(input);
        const members = out.dues?.byChamber.reduce((sum, c) => sum + c.members, 0);
        expect(members).toBe(out.members?.total);
      }),
      { numRuns: 300 }
    );
  });

  it("agrees with counting each member at each day one by one", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const out = computeMetrics(input);
        const slow = naiveMembers(input);
        expect(out.members).toEqual(slow.members);
        expect(out.series).toEqual(slow.series);
      }),
      { numRuns: 300 }
    );
  });

  it("gives the same figures whatever the order of the records", () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        const reordered: MetricsInput = {
          ...input,
          chambers: shuffled(input.chambers, seed),
          members: shuffled(input.members, seed + 1),
          dues: shuffled(input.dues, seed + 2),
          townships: shuffled(input.townships, seed + 3),
        };
        expect(orderFree(computeMetrics(reordered))).toEqual(orderFree(computeMetrics(input)));
      }),
      { numRuns: 300 }
    );
  });
});
