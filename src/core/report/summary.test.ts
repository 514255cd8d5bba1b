import { describe, expect, it } from "vitest";
import type { OutputSheet, RecalcJson } from "../types";
import { FMT_COUNT, FMT_DATE, FMT_MONEY, FMT_PERCENT } from "./cells";
import { parseCellAddress } from "../a1";
import { buildSummarySheet } from "./summary";
import {
  problem,
  rowByLabel,
  sampleJson,
  sectionRows,
  values,
} from "../../../tests/core/kit/report";

function summary(json: RecalcJson = sampleJson(), lang: "zh" | "en" = "zh", extra = {}) {
  return buildSummarySheet({ lang, json, problems: [], found: [], name: "汇总", ...extra });
}

function valueOf(sheet: OutputSheet, label: string) {
  return rowByLabel(sheet, label)?.[1]?.v;
}

describe("summary sheet", () => {
  it("pairs the headline member figures with their labels", () => {
    const s = summary();
    const pairs = [
      "会员总数",
      "企业会员",
      "团体会员",
      "个人会员",
      "本年新入会",
      "本年退会",
      "上年末会员数",
      "2011年末会员数",
      "规上企业会员",
    ].map((l) => [l, valueOf(s, l)]);
    expect(pairs).toEqual([
      ["会员总数", 1889],
      ["企业会员", 1500],
      ["团体会员", 89],
      ["个人会员", 300],
      ["本年新入会", 120],
      ["本年退会", 31],
      ["上年末会员数", 1800],
      ["2011年末会员数", 1058],
      ["规上企业会员", 210],
    ]);
  });

  it("opens with a title, the as-of date as a date cell, the year and the base year", () => {
    const s = summary();
    expect(s.rows[0]?.[0]).toEqual({ v: "商会统计汇总", style: "title" });
    expect(rowByLabel(s, "统计截止日期")?.[1]).toEqual({
      v: { date: "2014-11-30" },
      fmt: FMT_DATE,
    });
    expect(valueOf(s, "统计年度")).toBe(2014);
    expect(valueOf(s, "基准年度")).toBe(2011);
  });

  it("formats rates as percentages with two decimals and keeps them as fractions", () => {
    const s = summary();
    const growth = rowByLabel(s, "比2011年末增长")?.[1];
    expect(growth).toEqual({ v: 0.7854, fmt: FMT_PERCENT });
    expect(rowByLabel(s, "会员总数")?.[1]?.fmt).toBe(FMT_COUNT);
    expect(rowByLabel(s, "应缴金额（元）")?.[1]).toEqual({ v: 30000, fmt: FMT_MONEY });
  });

  it("puts a chamber count beside its rate", () => {
    const s = summary();
    expect(values(rowByLabel(s, "有固定办公场所")).slice(0, 3)).toEqual(["有固定办公场所", 1, 0.5]);
    expect(rowByLabel(s, "有固定办公场所")?.[2]?.fmt).toBe(FMT_PERCENT);
  });

  it("shows a null growth rate as a dash in note style with the reason, never as 0", () => {
    const json = sampleJson();
    if (json.members === null) throw new Error("sample has members");
    json.members = { ...json.members, previousYearEnd: 0, growthRate: null, retentionRate: null };
    const row = rowByLabel(summary(json), "比上年末增长");
    expect(row?.[1]).toEqual({ v: "—", style: "note" });
    expect(row?.[3]?.v).toBe("上年末会员数为 0，无法计算");
  });

  it("shows dues-based chamber figures as dashes when the dues sheet is unavailable", () => {
    const json = sampleJson();
    if (json.chambers === null) throw new Error("sample has chambers");
    json.chambers = { ...json.chambers, fullCollection: null, fullCollectionRate: null };
    json.dues = null;
    const s = summary(json, "zh", {
      problems: [
        problem({
          code: "missing-sheet",
          kind: "dues",
          sheet: "",
          row: null,
          column: null,
          params: { kind: "dues" },
        }),
      ],
    });
    expect(values(rowByLabel(s, "会费全额收缴"))).toEqual([
      "会费全额收缴",
      "—",
      "—",
      "会费工作表不可用，无法计算",
    ]);
    expect(s.rows.some((r) => r[0]?.v === "未找到“会费”工作表，无法计算会费指标。")).toBe(true);
  });

  it("names the dues income threshold in its label when it is given", () => {
    const withIt = summary(sampleJson(), "zh", { duesIncomeThreshold: 500000 });
    expect(values(rowByLabel(withIt, "会费收入 ≥ 500,000 元")).slice(1, 3)).toEqual([0, 0]);
    expect(rowByLabel(summary(), "会费收入达到标准")).toBeDefined();
    const en = summary(sampleJson(), "en", { duesIncomeThreshold: 1234.5 });
    expect(rowByLabel(en, "Dues income ≥ 1,234.5 yuan")).toBeDefined();
  });

  it("lists the coverage figures with the target and whether it is met", () => {
    const s = summary();
    expect(valueOf(s, "乡镇街道数")).toBe(3);
    expect(valueOf(s, "建有乡镇街道商会的乡镇街道")).toBe(1);
    expect(valueOf(s, "2014年非公企业数")).toBe(15000);
    expect(rowByLabel(s, "会员覆盖率")?.[1]).toEqual({ v: 0.1, fmt: FMT_PERCENT });
    expect(valueOf(s, "是否达标")).toBe("是");
  });

  it("says why coverage cannot be computed when the townships sheet lacks a column", () => {
    const json = sampleJson();
    json.coverage = {
      townships: null,
      townshipsWithChamber: null,
      townshipChamberCoverage: null,
      nonPublicEnterprises: null,
      enterpriseMembers: null,
      memberCoverage: null,
      target: 0.1,
      meetsTarget: null,
      byTownship: null,
      unavailableReason: "missing-column",
    };
    const missing = problem({
      code: "missing-column",
      kind: "townships",
      sheet: "乡镇",
      row: 1,
      column: null,
      params: { kind: "townships", field: "nonPublicEnterprises" },
    });
    const s = summary(json, "zh", { problems: [missing] });
    expect(
      s.rows.some((r) => r[0]?.v === "“乡镇”工作表缺少必需的列：非公企业数，无法计算覆盖率。")
    ).toBe(true);
    expect(rowByLabel(s, "乡镇街道数")).toBeUndefined();
    expect(sectionRows(s, "覆盖率").map(values)).toEqual([
      ["“乡镇”工作表缺少必需的列：非公企业数，无法计算覆盖率。"],
      ["会员覆盖率目标", 0.1, null, null],
    ]);
  });

  it("names the sheet each input was read from, and says which were not found", () => {
    const s = summary(sampleJson(), "zh", {
      found: [{ kind: "members", name: "2014年会员名册", headerRow: 3, columns: {} }],
    });
    expect(values(rowByLabel(s, "会员表")).slice(1)).toEqual([
      "2014年会员名册",
      null,
      "表头在第 3 行",
    ]);
    expect(values(rowByLabel(s, "设置表")).slice(1)).toEqual(["—", null, "未找到，使用默认值"]);
  });

  it("accounts for the rows read, counted and excluded on each input sheet", () => {
    const s = summary();
    const head = s.rows.findIndex((r) => r[0]?.v === "行数核对");
    expect(s.rows.slice(head, head + 5).map(values)).toEqual([
      ["行数核对", "读取", "计入", "排除"],
      ["会员表", 1950, 1940, 10],
      ["商会表", 3, 2, 1],
      ["会费表", 60, 48, 12],
      ["乡镇表", 3, 3, 0],
    ]);
  });

  it("counts errors, warnings and each code, the most frequent code first", () => {
    const s = summary();
    // each code by its title, the code in a column of its own (E)
    expect(sectionRows(s, "校验问题").map((r) => [r[0]?.v, r[1]?.v, r[4]?.v])).toEqual([
      ["错误", 23, undefined],
      ["警告", 4, undefined],
      ["必填项为空", 13, "blank-required"],
      ["会员行有错误，会费不计入", 10, "member-excluded"],
      ["电话号码有误", 4, "bad-phone"],
    ]);
  });

  it("labels everything in English when the language is English", () => {
    const s = summary(sampleJson(), "en");
    expect(s.rows[0]?.[0]?.v).toBe("Chamber statistics summary");
    expect(valueOf(s, "Members at the end of 2011")).toBe(1058);
    expect(valueOf(s, "Meets target")).toBe("Yes");
    expect(values(rowByLabel(s, "Errors")).slice(0, 2)).toEqual(["Errors", 23]);
  });

  it("explains missing member figures instead of showing zeros", () => {
    const json = sampleJson();
    json.members = null;
    json.series = null;
    const missing = problem({
      code: "missing-sheet",
      kind: "members",
      sheet: "",
      row: null,
      column: null,
      params: { kind: "members" },
    });
    const s = summary(json, "en", { problems: [missing] });
    expect(
      s.rows.some(
        (r) => r[0]?.v === "No “Members” sheet was found, so the member figures cannot be computed."
      )
    ).toBe(true);
    expect(rowByLabel(s, "Members at the end of last year")).toBeUndefined();
  });
});

describe("where the summary shows each figure", () => {
  /** The value at a dotted path of the §6 JSON. */
  function at(json: RecalcJson, path: string): unknown {
    return path
      .split(".")
      .reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], json);
  }

  it("points every figure it names at the cell that holds exactly that figure", () => {
    const json = sampleJson();
    const s = summary(json);
    const cells = Object.entries(s.figureCells ?? {});
    const held = cells.map(([path, address]) => {
      const { column, row } = parseCellAddress(address) ?? { column: 0, row: 0 };
      const v = s.rows[row - 1]?.[column - 1]?.v;
      return [path, typeof v === "object" && v !== null ? v.date : v];
    });
    expect(held).toStrictEqual(cells.map(([path]) => [path, at(json, path)]));
  });

  it("names the headline figures a report quotes, each count and its rate apart", () => {
    const cells = summary().figureCells ?? {};
    expect(
      [
        "asOf",
        "members.total",
        "members.byType.enterprise",
        "members.growthRate",
        "chambers.total",
        "chambers.byType.township",
        "chambers.registered",
        "chambers.registeredRate",
        "coverage.memberCoverage",
        "dues.due",
        "dues.collectionRate",
      ].map((path) => [path, cells[path] !== undefined])
    ).toStrictEqual([
      ["asOf", true],
      ["members.total", true],
      ["members.byType.enterprise", true],
      ["members.growthRate", true],
      ["chambers.total", true],
      ["chambers.byType.township", true],
      ["chambers.registered", true],
      ["chambers.registeredRate", true],
      ["coverage.memberCoverage", true],
      ["dues.due", true],
      ["dues.collectionRate", true],
    ]);
    expect(cells["chambers.registered"]?.[0]).toBe("B");
    expect(cells["chambers.registeredRate"]?.[0]).toBe("C");
  });
});
