import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  isBlankCell,
  plainDate,
  plainId,
  plainNumber,
  plainText,
  readDate,
  readId,
  readNumber,
  readPhone,
  readText,
} from "./cells";
import type { RawCell } from "./types";

/** Strings made of the characters the fast paths must tell apart: spaces, invisibles, wide forms. */
const trickyChars = [
  "a",
  "Z",
  "1",
  "会",
  "员",
  " ",
  "\t",
  "\n",
  "\r",
  "\u00a0",
  "\u1680",
  "\u2000",
  "\u2007",
  "\u200b",
  "\u2028",
  "\u202f",
  "\u205f",
  "\u2060",
  "\u3000",
  "\ufeff",
  "Ａ",
  "１",
  "￥",
  "\u0085",
];
const trickyString = fc
  .array(fc.constantFrom(...trickyChars), { maxLength: 6 })
  .map((cs) => cs.join(""));
const anyString = fc.oneof(trickyString, fc.string(), fc.string({ unit: "grapheme" }));

describe("fast paths for common cells", () => {
  it("plainText returns a string only when readText reads it unchanged and it is not blank", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const plain = plainText(s);
        if (plain !== null) {
          expect(isBlankCell(s)).toBe(false);
          expect(readText(s)).toEqual({ ok: true, value: s });
        }
      }),
      { numRuns: 3000 }
    );
  });

  it("plainId returns a string only when readId and readPhone read it unchanged", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const plain = plainId(s);
        if (plain !== null) {
          expect(isBlankCell(s)).toBe(false);
          expect(readId(s)).toEqual({ ok: true, value: s });
          const phone = readPhone(s);
          expect(phone.ok && phone.value).toBe(s);
        }
      }),
      { numRuns: 3000 }
    );
  });

  it("takes ordinary IDs and names, and leaves padded, invisible or full-width ones to the readers", () => {
    expect(["M0001", "华为技术有限公司", "0551-1234567"].map(plainId)).toEqual([
      "M0001",
      "华为技术有限公司",
      "0551-1234567",
    ]);
    expect([" M0001", "M0001\u3000", "M\u200b0001", "Ｍ0001", "", 1001].map(plainId)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(plainText("Ｍ0001")).toBe("Ｍ0001");
  });

  it("plainNumber and plainDate agree with readNumber and readDate wherever they answer", () => {
    const cells: RawCell[] = [
      0,
      -0,
      12.5,
      -3,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      "12",
      true,
      null,
      { kind: "date", serial: 41973 },
      { kind: "date", serial: 60 },
      { kind: "date", serial: 0 },
      { kind: "date", serial: -1 },
      { kind: "date", serial: 1e9 },
      { kind: "error", error: "#N/A" },
    ];
    for (const cell of cells) {
      const n = plainNumber(cell);
      if (n !== null) expect(readNumber(cell)).toEqual({ ok: true, value: n });
      for (const system of [1900, 1904] as const) {
        const d = plainDate(cell, system);
        if (d !== null) expect(readDate(cell, system)).toEqual({ ok: true, value: d });
      }
    }
    expect(cells.map(plainNumber)).toEqual([
      0,
      -0,
      12.5,
      -3,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
