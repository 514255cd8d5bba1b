/**
 * The output sheets as a real recalculation lays them out: figures agree with the JSON, links
 * point at the input cells that hold the problems.
 */
import { describe, expect, it } from "vitest";
import { recalculate } from "../recalc";
import { grid, TODAY } from "../../../tests/core/kit/grids";
import { rowByLabel, sectionRows, values } from "../../../tests/core/kit/report";

const BOOK = {
  sheets: [
    grid("会员", [
      ["2014年会员名册"],
      ["会员编号", "会员名称", "会员类型", "所属商会", "乡镇街道", "入会日期", "联系电话"],
      ["M1", "甲机械有限公司", "企业会员", "C1", "城关镇", "2010-03-01", "=cmd|' /C calc'!A0"],
      ["M2", "乙建材有限公司", "企业", "C1", "城关镇", "2012-05-06", "12345"],
      ["M3", "张三", "个人会员", null, null, "2014-02-01", null],
      ["M4", "丙商贸", "企业会员", "C9", "城关镇", "2013-02-01", null],
    ]),
    grid("商会", [
      ["商会编号", "商会名称", "商会类型", "所属乡镇街道", "成立日期", "民政登记", "固定办公场所"],
      ["C1", "城关镇商会", "乡镇街道商会", "城关镇", "2005-01-01", "是", "是"],
      ["C2", "服装行业商会", "行业商会", null, "2015-01-01", "否", "否"],
    ]),
    grid("会费", [
      ["会员编号", "年度", "应缴金额", "实缴金额", "缴费日期"],
      ["M1", 2014, 1000, 1000, "2014-03-01"],
      ["M2", 2014, 1000, 500, "2014-03-01"],
      ["M3", 2014, 200, 200, "2014-03-01"],
    ]),
  ],
};

describe("output sheets of a recalculation", () => {
  const r = recalculate(BOOK, { today: TODAY, asOf: "2014-11-30" });
  const [summary, growth, coverage, chambers, problems] = r.output;

  it("shows the JSON's member figures in the summary", () => {
    expect([
      rowByLabel(summary ?? ({ rows: [] } as never), "会员总数")?.[1]?.v,
      rowByLabel(summary ?? ({ rows: [] } as never), "本年新入会")?.[1]?.v,
    ]).toEqual([r.json.members?.total, r.json.members?.newInYear]);
    expect(r.json.members?.total).toBe(3);
  });

  it("has one growth row for each year from the base year", () => {
    expect(growth?.rows.slice(1).map((row) => row[0]?.v)).toEqual([2011, 2012, 2013, 2014]);
  });

  it("explains the missing townships sheet on the coverage sheet and in the summary", () => {
    const why = "未找到“乡镇”工作表，无法计算覆盖率。";
    expect(coverage?.rows.map(values)).toEqual([[why]]);
    expect(summary && sectionRows(summary, "覆盖率")[0]?.[0]?.v).toBe(why);
  });

  it("lists the active chamber, the direct members and totals that match the dues", () => {
    expect(
      chambers?.rows.slice(1).map((row) => [row[0]?.v, row[1]?.v, row[10]?.v, row[11]?.v])
    ).toEqual([
      ["C1", "城关镇商会", 2, 2000],
      [undefined, "直属及其他", 1, 200],
      ["合计", 1, 3, r.json.dues?.due],
    ]);
  });

  it("links each problem with a cell to that cell of its input sheet", () => {
    const rows = problems?.rows.slice(1) ?? [];
    const located = r.problems.filter((p) => p.row !== null && p.column !== null);
    expect(located.length).toBeGreaterThan(0);
    const linked = rows.filter((row) => /![A-Z]+\d+$/.test(String(row[2]?.v)));
    expect(linked.map((row) => [row[2]?.v, row[2]?.link])).toEqual(
      located.map((p) => [
        `${p.sheet}!${p.column}${p.row}`,
        { sheet: p.sheet, cell: `${p.column}${p.row}` },
      ])
    );
  });

  it("keeps the user's text literal in the problems sheet", () => {
    const phone = problems?.rows.find(
      (row) => row[5]?.v === "bad-phone" && row[2]?.v === "会员!G3"
    );
    expect(phone?.[3]).toEqual({ v: "=cmd|' /C calc'!A0", style: "warningRow" });
    expect(phone?.[2]?.link).toEqual({ sheet: "会员", cell: "G3" });
  });
});
