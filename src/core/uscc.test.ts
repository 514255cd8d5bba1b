import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkUscc, isPlainUscc, USCC_ALPHABET, usccCheckCharacter } from "./uscc";

const VALID = "91350100M000100Y43";

/** The outcome as [code, reason, detail] for compact assertions. */
function outcome(cell: Parameters<typeof checkUscc>[0]): unknown[] {
  const r = checkUscc(cell);
  if (r.ok) return ["ok", r.value];
  if (r.code === "formula-error") return [r.code];
  const detail = r.params.expectedCheck ?? r.params.badCharacter;
  return detail === undefined ? [r.code, r.params.reason] : [r.code, r.params.reason, detail];
}

const validChar = fc.constantFrom(...Array.from(USCC_ALPHABET));
const first17 = fc.array(validChar, { minLength: 17, maxLength: 17 }).map((a) => a.join(""));

describe("checkUscc", () => {
  it("accepts the SPEC's example 91350100M000100Y43", () => {
    expect(outcome(VALID)).toEqual(["ok", VALID]);
  });
  it("computes the SPEC example's check character 3", () => {
    expect(usccCheckCharacter(VALID.slice(0, 17))).toBe("3");
  });
  it("upper-cases, folds width and drops spaces and invisible characters first", () => {
    expect(outcome(" 91350100m000100y43 ")).toEqual(["ok", VALID]);
    expect(outcome("９１３５０１００Ｍ０００１００Ｙ４３")).toEqual(["ok", VALID]);
    expect(outcome("\u200B91350100 M000100 Y43")).toEqual(["ok", VALID]);
  });
  it("reports a wrong check character with the expected one", () => {
    expect(outcome("91350100M000100Y44")).toEqual(["bad-uscc", "check", "3"]);
  });
  it("reports a wrong length", () => {
    expect(outcome("91350100M000100Y4")).toEqual(["bad-uscc", "length"]);
    expect(outcome("91350100M000100Y433")).toEqual(["bad-uscc", "length"]);
    expect(outcome("无")).toEqual(["bad-uscc", "length"]);
  });
  it("reports a character outside the alphabet (I, O, Z, S, V, punctuation)", () => {
    expect(outcome("91350100MO00100Y43")).toEqual(["bad-uscc", "character", "O"]);
    expect(outcome("91350100M000100I43")).toEqual(["bad-uscc", "character", "I"]);
    expect(outcome("91350100-000100Y43")).toEqual(["bad-uscc", "character", "-"]);
  });
  it("reports a code held as a number as reason number, whatever its digits", () => {
    expect(outcome(913501001234567800)).toEqual(["bad-uscc", "number"]);
    expect(outcome(12345)).toEqual(["bad-uscc", "number"]);
    expect(outcome({ kind: "date", serial: 41973 })).toEqual(["bad-uscc", "number"]);
    expect(outcome("9.13501E+17")).toEqual(["bad-uscc", "number"]);
  });
  it("reports an error cell as formula-error", () => {
    expect(outcome({ kind: "error", error: "#N/A" })).toEqual(["formula-error"]);
  });
  it("gives no check character for a wrong-length or invalid prefix", () => {
    expect(usccCheckCharacter("9135")).toBeNull();
    expect(usccCheckCharacter("91350100MO00100Y4")).toBeNull();
  });
  it("accepts any 17 valid characters followed by their computed check character", () => {
    fc.assert(
      fc.property(first17, (head) => {
        const code = head + (usccCheckCharacter(head) ?? "?");
        expect(outcome(code)).toEqual(["ok", code]);
      })
    );
  });
  it("rejects a valid code with any one character changed to another valid character", () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 17 }), validChar, (head, pos, ch) => {
        const code = head + (usccCheckCharacter(head) ?? "?");
        fc.pre(code.charAt(pos) !== ch);
        const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
        expect(checkUscc(changed).ok).toBe(false);
      }),
      { numRuns: 2000 }
    );
  });
});

describe("isPlainUscc", () => {
  const nearlyCodes = fc.oneof(
    first17.map((head) => head + (usccCheckCharacter(head) ?? "?")),
    fc.string({
      unit: fc.constantFrom(..."0123456789ABEIOZ ａ１\u200b"),
      minLength: 16,
      maxLength: 19,
    })
  );
  it("accepts exactly the codes checkUscc accepts unchanged (a digit and E aside)", () => {
    fc.assert(
      fc.property(nearlyCodes, (s) => {
        const read = checkUscc(s);
        const unchanged = read.ok && read.value === s;
        if (s.charAt(1) !== "E") expect(isPlainUscc(s)).toBe(unchanged);
        else if (unchanged) expect(isPlainUscc(s)).toBe(true);
      }),
      { numRuns: 3000 }
    );
  });
  it("rejects the SPEC's example with its check character changed", () => {
    expect(isPlainUscc(VALID)).toBe(true);
    expect(isPlainUscc(VALID.slice(0, 17) + "4")).toBe(false);
  });
});
