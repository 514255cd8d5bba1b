import { describe, expect, it } from "vitest";
import { detectSheets } from "./detect";
import { grid } from "../../tests/core/kit/grids";
import type { RawCell } from "./types";

const MEMBER_HEADER = ["会员编号", "会员名称", "会员类型", "入会日期"];
const DUES_HEADER = ["会员编号", "年度", "应缴金额", "实缴金额"];

describe("detectSheets", () => {
  it("finds a sheet by an alias of its name, ignoring case, width and surrounding spaces", () => {
    const d = detectSheets([grid("  ＭＥＭＢＥＲＳ ", [MEMBER_HEADER])], new Set());
    expect(d.sheets.members?.grid.name).toBe("  ＭＥＭＢＥＲＳ ");
  });

  it("finds a sheet by its header row when its name is unknown", () => {
    const d = detectSheets(
      [grid("Sheet1", [DUES_HEADER]), grid("Sheet2", [MEMBER_HEADER])],
      new Set()
    );
    expect(d.sheets.members?.grid.name).toBe("Sheet2");
    expect(d.sheets.dues?.grid.name).toBe("Sheet1");
  });

  it("skips title rows above the header row", () => {
    const d = detectSheets(
      [
        grid("会员", [
          ["2014年会员名册"],
          [],
          MEMBER_HEADER,
          ["M1", "甲公司", "企业会员", "2014-01-01"],
        ]),
      ],
      new Set()
    );
    const m = d.sheets.members;
    expect([m?.headerIndex, m?.dataStart, m?.dataEnd]).toEqual([2, 3, 4]);
  });

  it("does not look for a header below the first 20 rows", () => {
    const rows = [...Array.from({ length: 20 }, () => ["说明"]), MEMBER_HEADER];
    const d = detectSheets([grid("会员", rows)], new Set());
    expect(d.sheets.members?.headerIndex).toBe(-1);
    expect(d.problems.filter((p) => p.code === "missing-column")).toHaveLength(4);
  });

  it("looks for the header in the first 20 rows of the used range, which begins at the first non-empty row", () => {
    // An .xlsx grid is anchored at A1: nine empty rows above the used range, then 16 title rows,
    // and the header on the used range's 17th row (worksheet row 26).
    const rows: RawCell[][] = [
      ...Array.from({ length: 9 }, (): RawCell[] => [null, " "]),
      ...Array.from({ length: 16 }, () => ["说明"]),
      MEMBER_HEADER,
      ["M1", "甲公司", "企业会员", "2014-01-01"],
    ];
    const d = detectSheets([grid("会员", rows)], new Set());
    const m = d.sheets.members;
    expect([m?.headerIndex, m?.dataStart, m?.missing]).toEqual([25, 26, []]);
    expect(d.problems.filter((p) => p.code === "missing-column")).toEqual([]);
  });

  it("counts empty rows inside the used range towards its first 20", () => {
    const rows: RawCell[][] = [
      ["2014年会员名册"],
      ...Array.from({ length: 19 }, () => []),
      MEMBER_HEADER,
    ];
    const d = detectSheets([grid("会员", rows)], new Set());
    expect(d.sheets.members?.headerIndex).toBe(-1);
  });

  it("maps columns in any order, with English headers, units in brackets and full-width letters", () => {
    const d = detectSheets(
      [grid("Dues", [["Ｙｅａｒ", "Member ID", "Amount due (元)", "notes", "Paid"]])],
      new Set()
    );
    expect(Object.fromEntries(d.sheets.dues?.columns ?? [])).toEqual({
      year: 0,
      memberId: 1,
      due: 2,
      paid: 4,
    });
  });

  it("uses an Excel table's header row and stays within the table", () => {
    const rows = [
      ["会员名册", null, null, null, null, null],
      [null, "会员编号", "会员名称", "会员类型", "入会日期", null],
      [null, "M1", "甲", "企业会员", "2014-01-01", "note"],
      [null, "M2", "乙", "个人会员", "2014-01-01", null],
      [null, null, null, null, null, null],
      [null, "合计", null, null, null, null],
    ];
    const table = { name: "T", headerRow: 2, firstColumn: 2, lastColumn: 5, lastRow: 4 };
    const d = detectSheets([grid("会员", rows, { tables: [table] })], new Set());
    const m = d.sheets.members;
    expect([m?.headerIndex, m?.dataStart, m?.dataEnd, m?.columnRange]).toEqual([1, 2, 4, [1, 5]]);
  });

  it("reports each missing required column with the header row", () => {
    const d = detectSheets([grid("会员", [["会员编号", "会员名称", "备注"]])], new Set());
    expect(d.problems.map((p) => [p.code, p.row, p.params])).toEqual([
      ["missing-sheet", null, { kind: "chambers" }],
      ["missing-sheet", null, { kind: "townships" }],
      ["missing-column", 1, { kind: "members", field: "type" }],
      ["missing-column", 1, { kind: "members", field: "joined" }],
      ["missing-sheet", null, { kind: "dues" }],
    ]);
  });

  it("reports a second column that matches the same field, and keeps the first", () => {
    const d = detectSheets(
      [grid("会员", [["会员编号", "会员名称", "企业名称", "会员类型", "入会日期"]])],
      new Set()
    );
    const dup = d.problems.filter((p) => p.code === "duplicate-column");
    expect(dup.map((p) => [p.row, p.column, p.value, p.severity])).toEqual([
      [1, "C", "企业名称", "error"],
    ]);
    expect(d.sheets.members?.columns.get("name")).toBe(1);
  });

  it("calls a missing 会员 sheet an error and the other missing sheets warnings", () => {
    const d = detectSheets([], new Set());
    expect(d.problems.map((p) => [p.code, p.severity, p.params])).toEqual([
      ["missing-sheet", "warning", { kind: "chambers" }],
      ["missing-sheet", "warning", { kind: "townships" }],
      ["missing-sheet", "error", { kind: "members" }],
      ["missing-sheet", "warning", { kind: "dues" }],
    ]);
  });

  it("never takes a sheet the recalculation created as an input", () => {
    const report = grid("商会明细", [["商会编号", "商会名称", "商会类型", "成立日期"]]);
    const d = detectSheets([report], new Set(["商会明细"]));
    expect(d.sheets.chambers).toBeUndefined();
    expect(detectSheets([report], new Set()).sheets.chambers?.grid.name).toBe("商会明细");
  });

  it("does not take a sheet named like an output sheet as an input by its header", () => {
    const header = [["商会编号", "商会名称", "商会类型", "成立日期"]];
    const names = ["商会明细", "Chambers report"];
    expect(
      detectSheets([grid("商会明细 (2)", header)], new Set(), names).sheets.chambers
    ).toBeUndefined();
    expect(detectSheets([grid("Sheet1", header)], new Set(), names).sheets.chambers).toBeDefined();
  });

  it("respects the first row and column of a used range that does not start at A1", () => {
    const d = detectSheets(
      [grid("会员", [[null, ...MEMBER_HEADER]], { firstRow: 3, firstColumn: 2 })],
      new Set()
    );
    const m = d.sheets.members;
    expect(m?.columns.get("id")).toBe(1);
  });
});
