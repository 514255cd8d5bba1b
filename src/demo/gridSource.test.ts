import { describe, expect, it } from "vitest";
import { parseAddress } from "./gridSource";

describe("the demo grid's addresses", () => {
  it("reads a cell, the top-left of a range, and a sheet-qualified address", () => {
    expect(parseAddress("G1168")).toEqual({ row: 1168, column: 7 });
    expect(parseAddress("B3:D9")).toEqual({ row: 3, column: 2 });
    expect(parseAddress("'会员'!$AA$12")).toEqual({ row: 12, column: 27 });
    expect(parseAddress("not an address")).toBeNull();
  });
});
