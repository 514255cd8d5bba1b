import { describe, expect, it } from "vitest";
import { chooseOutputNames, recalculate } from "./recalc";
import { grid, TODAY } from "../../tests/core/kit/grids";
import type { SheetGrid, WorkbookGrid } from "./types";

const MEMBERS = grid("会员", [
  ["2014年会员名册"],
  ["会员编号", "会员名称", "会员类型", "所属商会", "乡镇街道", "入会日期", "退会日期"],
  ["M1", "甲机械有限公司", "企业会员", "C1", "城关镇", "2010-03-01", null],
  ["M2", "乙建材有限公司", "企业", "C1", "城关镇", "2012.5.6", null],
  ["M3", "张三", "个人会员", null, null, 41000, "2014-06-30"],
  [null, null, null],
  ["M4", "丙商贸", "企业会员", "C9", "城关镇", "2013-02-30", null],
]);
const CHAMBERS = grid("商会", [
  ["商会编号", "商会名称", "商会类型", "所属乡镇街道", "成立日期", "民政登记"],
  ["C1", "城关镇商会", "乡镇街道商会", "城关镇", "2005-01-01", "是"],
]);
const DUES = grid("会费", [
  ["会员编号", "年度", "应缴金额", "实缴金额", "缴费日期"],
  ["M1", 2014, 1000, 1000, "2014-03-01"],
  ["M2", 2014, 1000, 500, "2014-03-01"],
  ["M4", 2014, 1000, 0, null],
]);
const TOWNSHIPS = grid("乡镇", [
  ["乡镇街道", "年度", "非公企业数"],
  ["城关镇", 2014, 20],
]);

function book(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}

describe("recalculate", () => {
  const result = recalculate(book(MEMBERS, CHAMBERS, DUES, TOWNSHIPS), {
    today: TODAY,
    asOf: "2014-11-30",
  });

  it("names every non-empty row it does not count", () => {
    const excludedRows = new Set(
      result.problems.filter((p) => p.severity === "error").map((p) => `${p.sheet}!${p.row}`)
    );
    expect([...excludedRows].sort()).toEqual(["会员!7", "会费!4"]);
    expect(result.json.rows.members).toEqual({ read: 4, counted: 3, excluded: 1 });
    expect(result.json.rows.dues).toEqual({ read: 3, counted: 2, excluded: 1 });
  });

  it("lists problems by sheet in workbook order, then row, then column", () => {
    expect(result.problems.map((p) => [p.sheet, p.row, p.column, p.code])).toEqual([
      ["会员", 7, "D", "unknown-chamber"],
      ["会员", 7, "F", "not-a-date"],
      ["会费", 4, "A", "member-excluded"],
    ]);
  });

  it("renders every problem's message in the workbook's language", () => {
    expect(result.lang).toBe("zh");
    expect(result.problems.every((p) => /[\u4e00-\u9fff]/.test(p.message))).toBe(true);
  });

  it("computes the figures from the counted rows only", () => {
    expect(result.json.members?.total).toBe(2);
    expect(result.json.dues?.due).toBe(2000);
    expect(result.json.coverage.memberCoverage).toBeCloseTo(0.1, 10);
  });

  it("writes six output sheets with the Chinese names", () => {
    expect(result.output.map((s) => s.name)).toEqual([
      "汇总",
      "会员增长",
      "覆盖率",
      "商会明细",
      "校验结果",
      "报告文字",
    ]);
  });

  it("reports members as unavailable without a 会员 sheet, and still accounts for the others", () => {
    const r = recalculate(book(CHAMBERS, TOWNSHIPS), { today: TODAY });
    expect(r.json.members).toBeNull();
    expect(r.json.series).toBeNull();
    expect(r.json.dues).toBeNull();
    expect(r.json.rows.chambers).toEqual({ read: 1, counted: 1, excluded: 0 });
    expect(r.problems.filter((p) => p.severity === "error").map((p) => p.code)).toEqual([
      "missing-sheet",
    ]);
  });

  it("reports one problem for the 会费 sheet without a 会员 sheet, not an unknown member on every row, and excludes its rows by it", () => {
    const r = recalculate(book(CHAMBERS, DUES), { today: TODAY, asOf: "2014-11-30" });
    const errors = r.problems.filter((p) => p.severity === "error");
    expect(errors.map((p) => [p.kind, p.sheet, p.row, p.code])).toEqual([
      ["members", "", null, "missing-sheet"],
      ["dues", "会费", null, "dues-without-members"],
    ]);
    expect(errors[1]?.params).toEqual({ rows: 3 });
    expect(r.json.rows.dues).toEqual({ read: 3, counted: 0, excluded: 3 });
    expect(r.json.dues).toBeNull();
  });

  it("accounts for the rows of a sheet it cannot read for a missing column", () => {
    const noYear = grid("会费", [
      ["会员编号", "应缴金额"],
      ["M1", 100],
      ["M2", 100],
    ]);
    const r = recalculate(book(MEMBERS, noYear), { today: TODAY });
    expect(r.json.rows.dues).toEqual({ read: 2, counted: 0, excluded: 2 });
    expect(r.json.dues).toBeNull();
  });

  it("writes English sheet names for an English workbook", () => {
    const en = grid("Members", [
      ["Member ID", "Name", "Type", "Joined"],
      ["M1", "Acme", "Individual", "2014-01-01"],
    ]);
    const r = recalculate(book(en), { today: TODAY });
    expect(r.lang).toBe("en");
    expect(r.output[0]?.name).toBe("Summary");
  });

  it("reports progress stage by stage, naming each sheet as its rows are checked", () => {
    const seen: string[] = [];
    recalculate(book(MEMBERS, CHAMBERS, DUES, TOWNSHIPS), {
      today: TODAY,
      onProgress: (stage, fraction, sheet) => {
        const step = sheet === undefined ? stage : `${stage} ${sheet}`;
        if (seen[seen.length - 1] !== step) seen.push(step);
        expect(fraction).toBeGreaterThanOrEqual(0);
        expect(fraction).toBeLessThanOrEqual(1);
      },
    });
    expect(seen).toEqual([
      "detect",
      "check",
      "check townships",
      "check chambers",
      "check members",
      "check dues",
      "metrics",
      "output",
    ]);
  });

  it("rejects a malformed today or as-of date from the caller", () => {
    expect(() => recalculate(book(), { today: "15/12/2014" })).toThrow(RangeError);
    expect(() => recalculate(book(), { today: TODAY, asOf: "2014-13-01" })).toThrow(RangeError);
  });
});

describe("chooseOutputNames", () => {
  it("keeps the wanted names when no sheet of the user has them", () => {
    expect(chooseOutputNames("zh", ["会员"], new Set()).names.summary).toBe("汇总");
  });

  it("reuses a sheet the recalculation created before", () => {
    const r = chooseOutputNames("zh", ["汇总"], new Set(["汇总"]));
    expect([r.names.summary, r.problems]).toEqual(["汇总", []]);
  });

  it("goes around a user's own sheet of that name, whatever its case, and says so", () => {
    const r = chooseOutputNames("en", ["summary", "Summary (2)"], new Set());
    expect(r.names.summary).toBe("Summary (3)");
    expect(r.problems.map((p) => [p.code, p.severity, p.params])).toEqual([
      ["output-sheet-renamed", "warning", { wanted: "Summary", usedName: "Summary (3)" }],
    ]);
  });
});
