import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readPhone } from "./cells";
import { problem } from "./problems";
import { fieldsOf, RowReader } from "./read";
import { detectOne, grid, readContext } from "../../tests/core/kit/grids";
import type { ProblemDraft, RawCell } from "./types";

/** Reads one 联系电话 cell through a RowReader: the value and the problems of the row. */
function phoneOf(cell: RawCell): { value: string | null; codes: string[] } {
  const problems: ProblemDraft[] = [];
  const sheet = detectOne("members", [
    grid("会员", [
      ["会员编号", "会员名称", "会员类型", "入会日期", "联系电话"],
      ["M1", "甲", "个人会员", "2012-03-01", cell],
    ]),
  ]);
  const reader = new RowReader(sheet, readContext(problems));
  reader.start(sheet.dataStart);
  return { value: reader.phone(reader.field("phone")), codes: problems.map((p) => p.code) };
}

describe("RowReader.phone", () => {
  it("reads any phone cell exactly as readPhone does, warning when it is no phone number", () => {
    const phones = fc.oneof(
      fc.nat({ max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: 13_000_000_000, max: 19_999_999_999 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.stringMatching(/^(?:\+86)?[01][0-9 -]{6,13}$/),
      fc.string({ unit: fc.constantFrom("1", "3", "9", "0", "-", " ", "１", "\u200b", "转") })
    );
    fc.assert(
      fc.property(phones, (cell) => {
        const expected = readPhone(cell);
        if (!expected.ok) return;
        const blank = expected.value.trim() === "";
        const got = phoneOf(cell);
        if (blank) return;
        expect(got.value).toBe(expected.value);
        expect(got.codes).toEqual(expected.valid ? [] : ["bad-phone"]);
      }),
      { numRuns: 2000 }
    );
  });
});

describe("field keys", () => {
  const sheet = detectOne("members", [
    grid("会员", [["会员编号", "会员名称", "会员类型", "入会日期"]]),
  ]);

  it("do not compile when the sheet has no such field, and throw if a cast lets one through", () => {
    const reader = new RowReader(sheet, readContext());
    expect(reader.field("joined")).toEqual({ key: "joined", column: 3, required: true });
    // @ts-expect-error "nmae" is no field of the 会员 sheet
    expect(() => reader.field("nmae")).toThrow("unknown field nmae of members");
    // @ts-expect-error "founded" is a field of the 商会 sheet, not of the 会员 sheet
    expect(() => fieldsOf(sheet, ["id", "founded"])).toThrow("unknown field founded of members");
  });

  it("in a problem's parameters do not compile unless some sheet has the field", () => {
    const place = { kind: "members" as const, sheet: "会员", row: 2, column: "D", value: "x" };
    const draft = problem("not-a-date", { ...place, params: { field: "joined" } });
    expect(draft.params).toEqual({ field: "joined" });
    // @ts-expect-error "joind" is no sheet's field
    problem("not-a-date", { ...place, params: { field: "joind" } });
  });
});
