import { describe, expect, it } from "vitest";
import { findFigures, inRange, parseChineseNumeral } from "./figures";

/** [text, value, unit, qualifier] of every figure. */
function read(text: string) {
  return findFigures(text).map((f) => [f.text, f.value, f.unit, f.qualifier]);
}

describe("finding the figures a draft quotes", () => {
  it("reads Arabic digits with and without separators, full-width digits and decimals", () => {
    expect(read("会员1,889个，企业会员1620个，团体会员１０２个，收缴率80.5%")).toStrictEqual([
      ["1,889", 1889, "count", null],
      ["1620", 1620, "count", null],
      ["１０２", 102, "count", null],
      ["80.5%", 0.805, "percent", null],
    ]);
  });

  it("reads 万 and 亿 as multipliers and 元 and ¥ as yuan", () => {
    expect(read("实收12.5万元，应收1.2亿元，全年¥8,500，约3万名")).toStrictEqual([
      ["12.5万元", 125_000, "yuan", null],
      ["1.2亿元", 120_000_000, "yuan", null],
      ["¥8,500", 8500, "yuan", null],
      ["3万", 30_000, "count", "about"],
    ]);
  });

  it("reads the small Chinese numerals reports use, and 百分之", () => {
    expect(read("两个乡镇，十四个商会，二十三，一百零五家，百分之三十六")).toStrictEqual([
      ["两", 2, "count", null],
      ["十四", 14, "count", null],
      ["二十三", 23, "count", null],
      ["一百零五", 105, "count", null],
      ["百分之三十六", 0.36, "percent", null],
    ]);
  });

  it("does not read words that merely contain a numeral as figures", () => {
    expect(read("一是统一思想，二是十分重视，千方百计，第三名，第3季度")).toStrictEqual([]);
  });

  it("recognises years and dates as such and not as counts", () => {
    expect(read("截至2014年11月30日，2013年末，2014年11月，11月30日，二〇一四年")).toStrictEqual([
      ["2014年11月30日", "2014-11-30", "date", null],
      ["2013", 2013, "year", null],
      ["2014年11月", "2014-11", "date", null],
      ["11月30日", "--11-30", "date", null],
      ["二〇一四", 2014, "year", null],
    ]);
    expect(
      read("As of 30 November 2014, in 2013, on November 30, 2014, 2014 members")
    ).toStrictEqual([
      ["30 November 2014", "2014-11-30", "date", null],
      ["2013", 2013, "year", null],
      ["November 30, 2014", "2014-11-30", "date", null],
      ["2014", 2014, "count", null],
    ]);
  });

  it("reads an English year that a preposition of time precedes as a year, whatever follows it", () => {
    expect(
      read("The rate for 2014 was 92.49%; since 2011 membership grew; 2014 members")
    ).toStrictEqual([
      ["2014", 2014, "year", null],
      ["92.49%", 0.9249, "percent", null],
      ["2011", 2011, "year", null],
      ["2014", 2014, "count", null],
    ]);
  });

  it("does not read a heading's number at the start of a line as a figure", () => {
    expect(read("1. Overview\n2、会员发展\n12 chambers.\n3.5% of members")).toStrictEqual([
      ["12", 12, "count", null],
      ["3.5%", 0.035, "percent", null],
    ]);
  });

  it("reads the qualifiers before and after a figure", () => {
    expect(
      read(
        "超过1,800个，逾200家，近2000家，约36%，不足10个，达到78.54%，1,800多个，10余个，36%以上，5个以下，未达到10%"
      )
    ).toStrictEqual([
      ["1,800", 1800, "count", "more-than"],
      ["200", 200, "count", "more-than"],
      ["2000", 2000, "count", "nearly"],
      ["36%", 0.36, "percent", "about"],
      ["10", 10, "count", "less-than"],
      ["78.54%", 0.7854, "percent", "reaches"],
      ["1,800", 1800, "count", "and-more"],
      ["10", 10, "count", "and-more"],
      ["36%", 0.36, "percent", "at-least"],
      ["5", 5, "count", "at-most"],
      ["10%", 0.1, "percent", null],
    ]);
    expect(
      read("more than 1,800, over 200, nearly 2,000, about 36%, at least 6, 12 or more")
    ).toStrictEqual([
      ["1,800", 1800, "count", "more-than"],
      ["200", 200, "count", "more-than"],
      ["2,000", 2000, "count", "nearly"],
      ["36%", 0.36, "percent", "about"],
      ["6", 6, "count", "at-least"],
      ["12", 12, "count", "at-least"],
    ]);
  });

  it("gives each figure its place in the text", () => {
    const text = "全区会员1,800多个，增幅78.54%。";
    for (const f of findFigures(text)) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(findFigures(text).map((f) => [f.start, f.end])).toStrictEqual([
      [4, 9],
      [14, 20],
    ]);
  });

  it("allows what the text's own precision and qualifier allow", () => {
    const [rate, many, atLeast, plain, wan] = findFigures(
      "78.54%，1,800多，36%以上，36%，12.5万元"
    );
    expect([0.785444, 0.78535, 0.78545, 0.7856].map((x) => inRange(x, rate!.range!))).toStrictEqual(
      [true, true, false, false]
    );
    expect([1800, 1889, 1899, 1900].map((x) => inRange(x, many!.range!))).toStrictEqual([
      true,
      true,
      true,
      false,
    ]);
    expect([0.36, 0.5, 5 / 14].map((x) => inRange(x, atLeast!.range!))).toStrictEqual([
      true,
      true,
      false,
    ]);
    expect([0.355, 0.3649, 0.365, 5 / 14].map((x) => inRange(x, plain!.range!))).toStrictEqual([
      true,
      true,
      false,
      true,
    ]);
    expect([124_500, 125_499, 125_500].map((x) => inRange(x, wan!.range!))).toStrictEqual([
      true,
      true,
      false,
    ]);
  });

  it("parses Chinese numerals with units, zeros and 万", () => {
    expect(
      ["十", "十四", "二十三", "一百零五", "两千", "三万五千", "二〇一四"].map(parseChineseNumeral)
    ).toStrictEqual([10, 14, 23, 105, 2000, 35_000, 2014]);
  });
});
