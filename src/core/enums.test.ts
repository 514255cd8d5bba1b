import { describe, expect, it } from "vitest";
import { readChamberType, readMemberType } from "./enums";
import { CHAMBER_TYPE_WORDS, MEMBER_TYPE_WORDS } from "./schema";
import type { ChamberType, MemberType, RawCell } from "./types";

const CHAMBER_ACCEPTED = ["乡镇街道商会", "行业商会", "区域性商会", "异地商会", "其他商会"];
const MEMBER_ACCEPTED = ["企业会员", "团体会员", "个人会员"];

function chamber(cell: RawCell): unknown {
  const r = readChamberType(cell);
  if (r.ok) return r.value;
  return r.code === "bad-enum" ? [r.code, r.params.suggestion] : [r.code];
}

function member(cell: RawCell): unknown {
  const r = readMemberType(cell);
  if (r.ok) return r.value;
  return r.code === "bad-enum" ? [r.code, r.params.suggestion] : [r.code];
}

describe("readChamberType", () => {
  it("accepts every word of CHAMBER_TYPE_WORDS as its type", () => {
    for (const [type, words] of Object.entries(CHAMBER_TYPE_WORDS)) {
      for (const word of words) expect(chamber(word)).toBe(type as ChamberType);
    }
  });
  it.each<[RawCell, ChamberType]>([
    ["ＴＯＷＮＳＨＩＰ", "township"],
    ["out-of-town", "outOfTown"],
    ["Out of town", "outOfTown"],
    [" 行业商会 ", "industry"],
    ["行业商会、同业公会", "industry"],
    ["\u200B异地商会", "outOfTown"],
    ["其他（青年）", "other"],
  ])("reads %j as %s", (cell, type) => {
    expect(chamber(cell)).toBe(type);
  });
  it.each<[RawCell, string | null]>([
    ["行业商汇", "行业商会"],
    ["异地", "异地商会"],
    ["区域性商汇", "区域性商会"],
    ["Regoinal", "区域性商会"],
    ["乡镇街到商会", "乡镇街道商会"],
    ["商会", null],
    ["xx", null],
    ["无", null],
    [3, null],
  ])("rejects %j and suggests %j", (cell, suggestion) => {
    expect(chamber(cell)).toEqual(["bad-enum", suggestion]);
  });
  it("lists the canonical words as accepted", () => {
    const r = readChamberType("行业商汇");
    expect(!r.ok && r.code === "bad-enum" ? r.params.accepted : null).toEqual(CHAMBER_ACCEPTED);
  });
  it("reports an error cell as formula-error", () => {
    expect(chamber({ kind: "error", error: "#N/A" })).toEqual(["formula-error"]);
  });
});

describe("readMemberType", () => {
  it("accepts every word of MEMBER_TYPE_WORDS as its type", () => {
    for (const [type, words] of Object.entries(MEMBER_TYPE_WORDS)) {
      for (const word of words) expect(member(word)).toBe(type as MemberType);
    }
  });
  it.each<[RawCell, MemberType]>([
    ["企业", "enterprise"],
    [" 团体会员 ", "group"],
    ["ＩＮＤＩＶＩＤＵＡＬ", "individual"],
  ])("reads %j as %s", (cell, type) => {
    expect(member(cell)).toBe(type);
  });
  it.each<[RawCell, string | null]>([
    ["企业会圆", "企业会员"],
    ["个人会圆", "个人会员"],
    ["团休", "团体会员"],
    ["会员", null],
    ["abc", null],
  ])("rejects %j and suggests %j", (cell, suggestion) => {
    expect(member(cell)).toEqual(["bad-enum", suggestion]);
  });
  it("lists the canonical words as accepted", () => {
    const r = readMemberType("x");
    expect(!r.ok && r.code === "bad-enum" ? r.params.accepted : null).toEqual(MEMBER_ACCEPTED);
  });
});
