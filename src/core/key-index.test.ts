import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { FirstRows, KeyIndex, hashText } from "./key-index";

describe("KeyIndex", () => {
  it("gives a new key -1 and a repeated key the position it was first added at", () => {
    const index = new KeyIndex();
    expect(["M1", "M2", "M1", "M3", "M2"].map((k) => index.claim(k))).toEqual([-1, -1, 0, -1, 1]);
    expect(index.size).toBe(3);
    expect(["M3", "M1", "M4"].map((k) => index.find(k))).toEqual([2, 0, -1]);
  });

  it("tells apart keys that differ only in case, width or invisible characters", () => {
    const index = new KeyIndex();
    const keys = ["a1", "A1", "ａ1", "a1\u200b", "a1 ", ""];
    expect(keys.map((k) => index.claim(k))).toEqual(keys.map(() => -1));
    expect(keys.map((k) => index.find(k))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("keeps every key through many growths of its table", () => {
    const index = new KeyIndex(1);
    const claims = Array.from({ length: 50_000 }, (_, i) => index.claim(`M${i}`));
    expect(claims.every((c) => c === -1)).toBe(true);
    expect([0, 1, 4095, 4096, 49_999].map((i) => index.find(`M${i}`))).toEqual([
      0, 1, 4095, 4096, 49_999,
    ]);
    expect(index.find("M50000")).toBe(-1);
  });

  it("answers exactly as a Map of first positions would, for any sequence of keys", () => {
    // Short keys from a small alphabet: many repeats, and hash collisions among distinct keys.
    const key = fc.string({ unit: fc.constantFrom("a", "b", "会", "\u0000"), maxLength: 4 });
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), fc.nat({ max: 64 }), (keys, expected) => {
        const index = new KeyIndex(expected);
        const map = new Map<string, number>();
        for (const k of keys) {
          const first = map.get(k);
          expect(index.claim(k)).toBe(first ?? -1);
          if (first === undefined) map.set(k, map.size);
        }
        for (const k of keys) expect(index.find(k)).toBe(map.get(k));
        expect(index.size).toBe(map.size);
      })
    );
  });
});

describe("hashText", () => {
  it("gives texts that differ only in their last character neighbouring home slots", () => {
    const home = (text: string) => hashText(text) >>> 1;
    const ids = Array.from({ length: 10 }, (_v, i) => `M000012${i}`);
    expect(ids.map((id) => (home(id) - home(ids[0] ?? "")) | 0)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    // and is never 0, which marks an empty slot
    fc.assert(fc.property(fc.string(), (text) => hashText(text) !== 0));
  });

  it("spreads texts with other beginnings over the table", () => {
    const slots = new Set(
      Array.from({ length: 1000 }, (_v, i) => (hashText(`M${i}0`) >>> 1) & 0xffff)
    );
    expect(slots.size).toBeGreaterThan(980);
  });
});

describe("FirstRows", () => {
  it("returns null for a value's first row and that row for each later one", () => {
    const rows = new FirstRows();
    expect([
      rows.claim("913501", 2),
      rows.claim("913502", 3),
      rows.claim("913501", 7),
      rows.claim("913501", 9),
    ]).toEqual([null, null, 2, 2]);
  });
});
