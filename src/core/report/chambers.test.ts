import { describe, expect, it } from "vitest";
import type { ChamberRecord, RecalcJson } from "../types";
import { FMT_MONEY, FMT_PERCENT } from "./cells";
import { buildChambersSheet } from "./chambers";
import {
  AS_OF_DAY,
  chamberRecord,
  sampleChambers,
  sampleJson,
  values,
} from "../../../tests/core/kit/report";

function report(
  json: RecalcJson = sampleJson(),
  chambers: readonly ChamberRecord[] = sampleChambers(),
  lang: "zh" | "en" = "zh"
) {
  return buildChambersSheet({ lang, json, chambers, name: "商会明细" });
}

describe("chambers report", () => {
  it("joins each chamber's dues with its type and quality flags", () => {
    const s = report();
    expect(s.freezeRows).toBe(1);
    expect(values(s.rows[0])).toEqual([
      "商会编号",
      "商会名称",
      "商会类型",
      "所属乡镇街道",
      "民政登记",
      "会长为企业家",
      "固定办公场所",
      "专职人员数",
      "网站",
      "会刊",
      "会员数",
      "应缴金额",
      "实缴金额",
      "收缴率",
      "全额收缴",
      "会费收入达标",
    ]);
    expect(s.rows.slice(1, 3).map(values)).toEqual([
      [
        "C01",
        "城关镇商会",
        "乡镇街道商会",
        "城关镇",
        "是",
        "是",
        "是",
        2,
        "是",
        "否",
        1200,
        20000,
        20000,
        1,
        "是",
        "否",
      ],
      [
        "C02",
        "服装行业商会",
        "行业商会",
        null,
        "是",
        "是",
        "否",
        null,
        "否",
        "否",
        400,
        6000,
        3500.5,
        3500.5 / 6000,
        "否",
        "否",
      ],
    ]);
    expect(s.rows[1]?.[11]?.fmt).toBe(FMT_MONEY);
    expect(s.rows[1]?.[13]?.fmt).toBe(FMT_PERCENT);
  });

  it("ends with the direct-and-other row and a total row", () => {
    const s = report();
    expect(values(s.rows[3])).toEqual([
      null,
      "直属及其他",
      ...Array<null>(8).fill(null),
      289,
      4000,
      2000,
      0.5,
      null,
      null,
    ]);
    const total = s.rows[4];
    expect(values(total)).toEqual([
      "合计",
      2,
      null,
      null,
      2,
      2,
      1,
      2,
      1,
      0,
      1889,
      30000,
      25500.5,
      25500.5 / 30000,
      1,
      0,
    ]);
    expect(total?.filter((c) => c !== null).every((c) => c.style === "total")).toBe(true);
    expect(s.rows).toHaveLength(5);
  });

  it("names chamber types with their English keys in English", () => {
    const s = report(sampleJson(), sampleChambers(), "en");
    expect(values(s.rows[0]).slice(0, 3)).toEqual(["Chamber ID", "Chamber name", "Type"]);
    expect(s.rows.slice(1, 3).map((r) => [r[2]?.v, r[4]?.v])).toEqual([
      ["Township", "Yes"],
      ["Industry", "Yes"],
    ]);
  });

  it("lists counted active chambers with dashes for dues when the dues sheet is unavailable", () => {
    const json = sampleJson();
    json.dues = null;
    const chambers = [
      ...sampleChambers(),
      chamberRecord({ id: "C09", row: 5, dissolved: AS_OF_DAY - 10 }),
      chamberRecord({ id: "C10", row: 6, founded: AS_OF_DAY + 1 }),
      chamberRecord({ id: "C11", row: 7, founded: AS_OF_DAY, dissolved: AS_OF_DAY + 1 }),
    ];
    const s = report(json, chambers);
    expect(s.rows.slice(1).map((r) => [r[0]?.v, r[10]?.v, r[11]?.v, r[15]?.v])).toEqual([
      ["C01", "—", "—", "—"],
      ["C02", "—", "—", "—"],
      ["C11", "—", "—", "—"],
      ["合计", "—", "—", "—"],
      [undefined, undefined, undefined, undefined],
      ["会费工作表不可用，会员数和会费各列以“—”表示。", undefined, undefined, undefined],
    ]);
    expect(s.rows[1]?.[10]?.style).toBe("note");
    expect(values(s.rows[4]).slice(0, 5)).toEqual(["合计", 3, null, null, 2]);
  });

  it("says so when there is no chamber to list", () => {
    const json = sampleJson();
    json.dues = null;
    json.chambers = null;
    expect(report(json, []).rows.slice(1).map(values)).toEqual([
      ["没有可列出的商会。"],
      [],
      ["会费工作表不可用，会员数和会费各列以“—”表示。"],
    ]);
  });

  it("keeps chamber names exactly as typed, even when they look like formulas", () => {
    const json = sampleJson();
    const entry = json.dues?.byChamber[0];
    if (entry) entry.chamberName = '=HYPERLINK("http://x")';
    expect(report(json).rows[1]?.[1]).toEqual({ v: '=HYPERLINK("http://x")' });
  });
});
