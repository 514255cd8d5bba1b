import { describe, expect, it } from "vitest";
import { computeMetrics } from "../metrics";
import { owingDuesRows } from "./ledger";
import { chamber, dues, inputs, member } from "../../../tests/core/kit/records";

function duesOf(overrides: Parameters<typeof inputs>[0]) {
  const d = computeMetrics(inputs(overrides)).dues;
  if (d === null) throw new Error("expected dues figures");
  return d;
}

describe("dues figures", () => {
  it("sums the year's dues to the fen", () => {
    const members = [member("a"), member("b"), member("c")];
    const rows = [dues("a", 2024, 0.1, 0.1), dues("b", 2024, 0.2, 0.2), dues("c", 2024, 0, 0)];
    const d = duesOf({ members, dues: rows });
    expect([d.year, d.due, d.paid, d.collectionRate]).toEqual([2024, 0.3, 0.3, 1]);
  });

  it("counts fully paid and owing rows, and an exempt member in neither", () => {
    const members = ["a", "b", "c", "d", "e"].map((id) => member(id));
    const rows = [
      dues("a", 2024, 100, 100), // fully paid
      dues("b", 2024, 100, 120), // fully paid (overpaid)
      dues("c", 2024, 100, 99.99), // owing
      dues("d", 2024, 0, 0), // exempt
      dues("e", 2024, 100, 0), // owing
    ];
    const d = duesOf({ members, dues: rows });
    expect([d.membersFullyPaid, d.membersOwing]).toEqual([2, 2]);
    expect(d.due).toBe(400);
    expect(d.paid).toBe(319.99);
    expect(d.collectionRate).toBeCloseTo(319.99 / 400, 12);
  });

  it("takes only counted rows of the reporting year", () => {
    const members = [member("a")];
    const rows = [
      dues("a", 2024, 100, 50),
      dues("a", 2023, 1000, 1000),
      dues("a", 2024, 7, 7, { counted: false }),
    ];
    const d = duesOf({ members, dues: rows });
    expect([d.due, d.paid, d.membersOwing, d.membersFullyPaid]).toEqual([100, 50, 1, 0]);
  });

  it("gives a null collection rate when nothing is due", () => {
    expect(duesOf({ members: [], dues: [] }).collectionRate).toBeNull();
  });

  it("lists each active counted chamber in input order, then the direct and other members", () => {
    const chambers = [
      chamber("C2", { name: "乙商会" }),
      chamber("C1", { name: "甲商会" }),
      chamber("C3", { dissolved: "2024-01-01" }),
      chamber("C4", { counted: false }),
    ];
    const members = [
      member("m1", { chamberId: "C1" }),
      member("m2", { chamberId: "C1", left: "2024-02-01" }),
      member("m3", { chamberId: "C2" }),
      member("m4", { chamberId: null }),
      member("m5", { chamberId: "C3" }),
      member("m6", { chamberId: "C4", left: "2023-05-01" }),
    ];
    const rows = [
      dues("m1", 2024, 100, 100),
      dues("m2", 2024, 50, 50),
      dues("m3", 2024, 100, 30),
      dues("m4", 2024, 10, 10),
      dues("m5", 2024, 20, 0),
      dues("m6", 2024, 5, 5),
    ];
    const d = duesOf({ chambers, members, dues: rows });
    expect(d.byChamber.map((c) => [c.chamberId, c.chamberName, c.members, c.due, c.paid])).toEqual([
      ["C2", "乙商会", 1, 100, 30],
      ["C1", "甲商会", 1, 150, 150],
      // m4 (direct), m5 (dissolved chamber) are active; m6 (uncounted chamber) has left but paid
      [null, "直属及其他", 2, 35, 15],
    ]);
    expect(d.byChamber.map((c) => [c.collectionRate, c.fullCollection])).toEqual([
      [0.3, false],
      [1, true],
      [15 / 35, false],
    ]);
    expect([d.due, d.paid]).toEqual([285, 195]);
  });

  it("names the direct and other members in English when the language is English", () => {
    const d = duesOf({ members: [member("a")], dues: [], lang: "en" });
    expect(d.byChamber.map((c) => [c.chamberId, c.chamberName, c.members])).toEqual([
      [null, "Direct and other members", 1],
    ]);
  });

  it("lists the direct and other group for a dues row alone, after its member has left", () => {
    const members = [member("gone", { left: "2024-03-01" })];
    const d = duesOf({ members, dues: [dues("gone", 2024, 10, 10)] });
    expect(d.byChamber.map((c) => [c.chamberId, c.members, c.due])).toEqual([[null, 0, 10]]);
  });

  it("leaves out the direct and other group when it has no active member and no dues row", () => {
    const chambers = [chamber("C1")];
    const members = [member("m1", { chamberId: "C1" }), member("gone", { left: "2023-01-01" })];
    const rows = [dues("m1", 2024, 10, 10), dues("gone", 2022, 10, 10)];
    const d = duesOf({ chambers, members, dues: rows });
    expect(d.byChamber.map((c) => c.chamberId)).toEqual(["C1"]);
  });

  it("lists a chamber with no members and no dues with zeros", () => {
    const d = duesOf({ chambers: [chamber("C1")] });
    expect(d.byChamber).toEqual([
      {
        chamberId: "C1",
        chamberName: "商会C1",
        members: 0,
        due: 0,
        paid: 0,
        collectionRate: null,
        fullCollection: false,
        incomeAtLeastThreshold: false,
      },
    ]);
  });

  it("puts every member in the direct and other group when there is no 商会 sheet", () => {
    const members = [member("m1", { chamberId: "C1" }), member("m2")];
    const rows = [dues("m1", 2024, 10, 5), dues("m2", 2024, 20, 20)];
    const d = duesOf({ chambers: null, members, dues: rows });
    expect(d.byChamber.map((c) => [c.chamberId, c.members, c.due, c.paid])).toEqual([
      [null, 2, 30, 25],
    ]);
  });

  it("is null when there is no 会费 sheet", () => {
    expect(computeMetrics(inputs({ dues: null })).dues).toBeNull();
  });

  it("lists the owing rows it counts: counted rows of the year paying less than due, to the fen", () => {
    const members = ["a", "b", "c", "d", "e"].map((id) => member(id));
    const rows = [
      dues("a", 2024, 100, 100),
      dues("b", 2024, 100, 99.999), // rounds to the fen due: paid in full
      dues("c", 2024, 100, 99.99),
      dues("d", 2023, 100, 0), // another year
      dues("e", 2024, 100, 0),
      dues("e", 2024, 50, 0, { counted: false }),
    ];
    const d = duesOf({ members, dues: rows });
    const owing = owingDuesRows(rows, 2024);
    expect(owing.map((r) => r.memberId)).toEqual(["c", "e"]);
    expect(owing).toHaveLength(d.membersOwing);
  });
});
