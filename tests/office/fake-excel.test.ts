/* global Excel, Office, setTimeout */
/**
 * The fake Excel behaves like Excel where the adapter depends on it: properties need load and
 * sync, null objects, typed-input rules for `values`, sheet-name rules, names that follow their
 * sheet, the 5 MB payload limit per sync, cell-edit mode and requirement sets.
 */
import { describe, expect, it } from "vitest";
import {
  exportSnapshot,
  followLink,
  snapshotSheet,
  workbookFromSnapshot,
  type FakeExcelHandle,
  type FakeOptions,
  type WorkbookSnapshot,
} from "../../src/fake-excel";
import { smallDistrict } from "./workbooks";
import { fakeExcelPerTest } from "./fake-session";

const session = fakeExcelPerTest();

function install(snapshot: WorkbookSnapshot, options: FakeOptions = {}): FakeExcelHandle {
  return session.install(snapshot, options);
}

function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "no error",
    (e: unknown) => String((e as { code?: unknown }).code)
  );
}

describe("the fake Excel", () => {
  it("refuses to show a property before load and sync, and shows it after", async () => {
    install({ sheets: [{ name: "会员", cells: [["编号", "名称"]] }] });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("会员").getRange("A1:B1");
      range.load("values");
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- the point of this test
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([["编号", "名称"]]);
      // eslint-disable-next-line office-addins/load-object-before-read -- the point of this test
      expect(() => range.valueTypes).toThrow(/not available/);
    });
  });

  it("gives null objects whose isNullObject is known only after a sync", async () => {
    install({ sheets: [{ name: "会员", cells: [] }] });
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("会费");
      const present = context.workbook.worksheets.getItemOrNullObject("会员");
      const used = present.getUsedRangeOrNullObject(true);
      // eslint-disable-next-line office-addins/call-sync-before-read -- the point of this test
      expect(() => missing.isNullObject).toThrow();
      await context.sync();
      expect([missing.isNullObject, present.isNullObject, used.isNullObject]).toEqual([
        true,
        false,
        true,
      ]);
    });
  });

  it("fails a sync that uses a missing sheet with ItemNotFound", async () => {
    install({ sheets: [{ name: "会员", cells: [] }] });
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("会费").getRange("A1").load("values");
        await context.sync();
      })
    );
    expect(code).toBe("ItemNotFound");
  });

  it("turns strings typed into General cells into formulas, numbers and dates, as Excel does", async () => {
    const h = install({ sheets: [{ name: "S", cells: [] }] });
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("A1:F1");
      r.values = [
        ['=HYPERLINK("http://x","y")', "+86 138 0000 0000", "001", "2014-11-30", "'=1+1", "TRUE"],
      ];
      await context.sync();
    });
    const s = snapshotSheet(h.book, "S");
    expect(s.formulas?.[0]?.slice(0, 2)).toEqual([
      '=HYPERLINK("http://x","y")',
      "=+86 138 0000 0000",
    ]);
    expect(s.cells[0]?.slice(2)).toEqual([1, serialOf2014_11_30(), "=1+1", true]);
    expect(s.quotePrefix).toEqual(["E1"]);
  });

  it("keeps strings written into Text (@) cells exactly as written", async () => {
    const h = install({ sheets: [{ name: "S", cells: [] }] });
    const texts = [
      '=HYPERLINK("http://x","y")',
      "+86 138 0000 0000",
      "-",
      "@home",
      "001",
      "2014-11-30",
    ];
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("A1:F1");
      r.numberFormat = [texts.map(() => "@")];
      r.values = [texts];
      await context.sync();
    });
    const s = snapshotSheet(h.book, "S");
    expect(s.cells[0]).toEqual(texts);
    expect(s.formulas).toBeUndefined();
  });

  it("leaves a cell alone for null in a values array and clears it for an empty string", async () => {
    const h = install({ sheets: [{ name: "S", cells: [["a", "b"]] }] });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:B1").values = [[null, ""]];
      await context.sync();
    });
    expect(snapshotSheet(h.book, "S").cells).toEqual([["a"]]);
  });

  it("refuses a values array whose shape does not match the range", async () => {
    install({ sheets: [{ name: "S", cells: [] }] });
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1:B2").values = [["x", "y"]];
        await context.sync();
      })
    );
    expect(code).toBe("InvalidArgument");
  });

  it("applies sheet-name rules: length, forbidden characters, apostrophes, case-insensitive duplicates", async () => {
    install({ sheets: [{ name: "汇总", cells: [] }] });
    const add = (name: string): Promise<string> =>
      codeOf(
        Excel.run(async (context) => {
          context.workbook.worksheets.add(name);
          await context.sync();
        })
      );
    expect(await add("x".repeat(32))).toBe("InvalidArgument");
    expect(await add("a/b")).toBe("InvalidArgument");
    expect(await add("'quoted")).toBe("InvalidArgument");
    expect(await add("汇总")).toBe("ItemAlreadyExists");
    expect(await add("Summary")).toBe("no error");
    expect(await add("SUMMARY")).toBe("ItemAlreadyExists");
  });

  it("keeps a name pointing at its sheet through a rename, and shows #REF! once the sheet is gone", async () => {
    const h = install({
      sheets: [
        { name: "汇总", cells: [["x"]] },
        { name: "会员", cells: [] },
      ],
    });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("汇总");
      context.workbook.names.add("ChamberStats_summary", ws.getRange("A1"));
      ws.name = "我的汇总";
      await context.sync();
    });
    expect(exportSnapshot(h.book).names).toEqual([
      { name: "ChamberStats_summary", formula: "=我的汇总!$A$1" },
    ]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("我的汇总").delete();
      const names = context.workbook.names.load("items/name,items/type,items/value");
      await context.sync();
      expect(names.items.map((n) => [n.name, n.type, n.value])).toEqual([
        ["ChamberStats_summary", "Error", "#REF!"],
      ]);
    });
  });

  it("refuses a request larger than the payload limit before running any of it", async () => {
    const h = install({ sheets: [{ name: "S", cells: [] }] }, { payloadLimit: 10_000 });
    const big = Array.from({ length: 300 }, (_, i) => [`第${i}行的一段比较长的文字内容`]);
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1:A300").values = big;
        await context.sync();
      })
    );
    expect(code).toBe("RequestPayloadSizeLimitExceeded");
    expect(snapshotSheet(h.book, "S").cells).toEqual([]);
  });

  it("refuses a response larger than the payload limit", async () => {
    const cells = Array.from({ length: 400 }, (_, i) => [`会员单位${i}有限公司`, i]);
    install({ sheets: [{ name: "S", cells }] }, { payloadLimit: 10_000 });
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1:B400").load("values");
        await context.sync();
      })
    );
    expect(code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("counts every sync with its request and response bytes", async () => {
    const h = install(smallDistrict());
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("会员").getRange("A1:G10").load("values");
      await context.sync();
      context.workbook.worksheets.getItem("会费").getRange("A1:E9").load("values");
      await context.sync();
    });
    expect(h.stats.syncs).toBe(2);
    expect(h.stats.records.every((r) => r.requestBytes > 0 && r.responseBytes > 100)).toBe(true);
    expect(h.stats.responseBytes).toBe(h.stats.records.reduce((s, r) => s + r.responseBytes, 0));
  });

  it("refuses every request while a cell is being edited", async () => {
    const h = install(smallDistrict());
    h.book.cellEditMode = true;
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.load("items/name");
        await context.sync();
      })
    );
    expect(code).toBe("InvalidOperationInCellEditMode");
  });

  it("refuses members newer than the requirement set it claims", async () => {
    install(smallDistrict(), { apiVersion: "1.8" });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.application.suspendScreenUpdatingUntilNextSync();
        await context.sync();
      })
    );
    expect(code).toBe("ApiNotFound");
  });

  it("puts the sheet's one AutoFilter on a range of that sheet, from ExcelApi 1.9, replacing the last; remove() takes it off", async () => {
    const h = install({
      sheets: [
        {
          name: "S",
          cells: [
            ["a", "b"],
            [1, 2],
          ],
        },
        { name: "T", cells: [] },
      ],
    });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.autoFilter.apply(ws.getRange("A1:B1"));
      ws.autoFilter.apply(ws.getRange("A1:B2"));
      await context.sync();
    });
    expect(snapshotSheet(h.book, "S").autoFilter).toBe("A1:B2");
    const enabled = await Excel.run(async (context) => {
      const filter = context.workbook.worksheets.getItem("S").autoFilter.load("enabled");
      await context.sync();
      const was = filter.enabled;
      filter.remove();
      await context.sync();
      return was;
    });
    expect(enabled).toBe(true);
    expect(snapshotSheet(h.book, "S").autoFilter).toBeUndefined();
    const elsewhere = await codeOf(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("S");
        ws.autoFilter.apply(context.workbook.worksheets.getItem("T").getRange("A1:B2"));
        await context.sync();
      })
    );
    expect(elsewhere).toBe("InvalidArgument");
    h.uninstall();
    install({ sheets: [{ name: "S", cells: [["a"]] }] }, { apiVersion: "1.8" });
    const old = await codeOf(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("S");
        ws.autoFilter.apply(ws.getRange("A1"));
        await context.sync();
      })
    );
    expect(old).toBe("ApiNotFound");
  });

  it("sets a range's font name on each of its cells", async () => {
    const h = install({ sheets: [{ name: "S", cells: [["a", "b"]] }] });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:B1").format.font.name = "等线";
      await context.sync();
    });
    const styles = snapshotSheet(h.book, "S").styles ?? {};
    expect([styles["A1"]?.fontName, styles["B1"]?.fontName]).toEqual(["等线", "等线"]);
  });

  it.each([
    [true, 0],
    [false, 1462],
  ])(
    "evaluates DATE(1904,1,1) in a workbook with date1904=%s to %i",
    async (date1904, expected) => {
      install({ sheets: [{ name: "S", cells: [] }], date1904 });
      const value = await Excel.run(async (context) => {
        const r = context.workbook.functions.date(1904, 1, 1).load("value");
        await context.sync();
        return r.value;
      });
      expect(value).toBe(expected);
    }
  );

  it("gives back the same snapshot after a round trip through a workbook", () => {
    const snap = exportSnapshot(workbookFromSnapshot(smallDistrict()));
    expect(exportSnapshot(workbookFromSnapshot(snap))).toEqual(snap);
  });
});

describe("tables in the fake Excel", () => {
  const withTables: WorkbookSnapshot = {
    sheets: [
      {
        name: "会员",
        cells: [
          ["编号", "名称"],
          ["M1", "甲"],
          ["M2", "乙"],
          ["合计", 2],
          [],
          ["M3", "丙"],
          ["M4", "丁"],
        ],
        tables: [
          { name: "表1", range: "A1:B4", showTotals: true },
          { name: "表2", range: "A6:B7", showHeaders: false },
        ],
      },
    ],
  };

  it("shows showHeaders and showTotals, and the table's parts as Office.js defines them", async () => {
    install(withTables);
    const parts = await Excel.run(async (context) => {
      const tables = context.workbook.tables.load("items/name,items/showHeaders,items/showTotals");
      const t1 = context.workbook.tables.getItem("表1");
      const t2 = context.workbook.tables.getItem("表2");
      const ranges = [
        t1.getRange(),
        t1.getHeaderRowRange(),
        t1.getDataBodyRange(),
        t1.getTotalRowRange(),
        t2.getRange(),
        t2.getDataBodyRange(),
      ].map((r) => r.load("address"));
      await context.sync();
      return {
        flags: tables.items.map((t) => [t.name, t.showHeaders, t.showTotals]),
        addresses: ranges.map((r) => r.address),
      };
    });
    expect(parts.flags).toEqual([
      ["表1", true, true],
      ["表2", false, false],
    ]);
    expect(parts.addresses).toEqual([
      "会员!A1:B4",
      "会员!A1:B1",
      "会员!A2:B3",
      "会员!A4:B4",
      "会员!A6:B7",
      "会员!A6:B7",
    ]);
  });

  it("has no header row range without a header row, and no totals row range without totals", async () => {
    install(withTables);
    const header = Excel.run(async (context) => {
      context.workbook.tables.getItem("表2").getHeaderRowRange().load("address");
      await context.sync();
    });
    expect(await codeOf(header)).toBe("ItemNotFound");
    const totals = Excel.run(async (context) => {
      context.workbook.tables.getItem("表2").getTotalRowRange().load("address");
      await context.sync();
    });
    expect(await codeOf(totals)).toBe("ItemNotFound");
  });

  it("adds or removes the header and totals rows when showHeaders and showTotals are set", async () => {
    const h = install(withTables);
    await Excel.run(async (context) => {
      const t1 = context.workbook.tables.getItem("表1");
      t1.showTotals = false;
      t1.showHeaders = false;
      const t2 = context.workbook.tables.getItem("表2");
      t2.showHeaders = true;
      t2.showTotals = true;
      await context.sync();
    });
    expect(exportSnapshot(h.book).sheets[0]?.tables).toEqual([
      { name: "表1", range: "A2:B3", showHeaders: false },
      { name: "表2", range: "A5:B8", showTotals: true },
    ]);
  });

  it("keeps showHeaders and showTotals through a snapshot round trip", () => {
    const snap = exportSnapshot(workbookFromSnapshot(withTables));
    expect(snap.sheets[0]?.tables).toEqual(withTables.sheets[0]?.tables);
  });
});

function serialOf2014_11_30(): number {
  return Math.round((Date.UTC(2014, 10, 30) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

describe("the fake Excel as Microsoft documents it, per platform and host", () => {
  const book = (): WorkbookSnapshot => ({
    sheets: [
      { name: "会员", cells: [["编号"], ["M001"]] },
      { name: "校验结果", cells: [[]] },
    ],
  });

  async function writeLinks(): Promise<void> {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("校验结果");
      ws.getRange("A1").formulas = [[`=HYPERLINK("#'会员'!A2","会员!A2")`]];
      ws.getRange("A2").formulas = [[`=HYPERLINK("https://example.com/","web")`]];
      ws.getRange("A3").hyperlink = { documentReference: "'会员'!A2", textToDisplay: "会员!A2" };
      await context.sync();
    });
  }

  it("leads nowhere from an in-workbook HYPERLINK formula on the web, but from Range.hyperlink everywhere", async () => {
    const got: Record<string, Array<string | null>> = {};
    for (const platform of ["OfficeOnline", "PC", "Mac"] as const) {
      const h = install(book(), { platform });
      expect(Office.context.platform).toBe(platform);
      await writeLinks();
      got[platform] = ["A1", "A2", "A3"].map((a) => followLink(h, "校验结果", a));
      h.uninstall();
    }
    expect(got).toEqual({
      OfficeOnline: [null, "https://example.com/", "'会员'!A2"],
      PC: ["'会员'!A2", "https://example.com/", "'会员'!A2"],
      Mac: ["'会员'!A2", "https://example.com/", "'会员'!A2"],
    });
  });

  it("fails a large request with GeneralException in its internal-error mode", async () => {
    const h = install(book(), { generalException: { requestAbove: 10_000 } });
    const code = await codeOf(
      Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("会员").getRange("B1:B500");
        range.values = Array.from({ length: 500 }, () => ["x".repeat(40)]);
        await context.sync();
      })
    );
    expect(code).toBe("GeneralException");
    expect(h.stats.records.map((r) => r.error)).toEqual(["GeneralException"]);
    expect(h.book.sheet("会员")?.getValue(0, 1)).toBeUndefined();
  });

  it("gives null values past the cell limit of a get in its null mode, and refuses in the default mode", async () => {
    const read = async (): Promise<unknown> =>
      Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("会员").getRange("A1:B50");
        range.load("values");
        await context.sync();
        return range.values;
      });
    install(book(), { maxCellsPerGet: 99, largeGet: "null" });
    expect(await read()).toBeNull();
    install(book(), { maxCellsPerGet: 99 });
    expect(await codeOf(read())).toBe("RangeExceedsLimit");
  });

  it("keeps typed String cells as text, takes valuesAsJson only from ExcelApi 1.16, and can turn '=' under '@' into a formula", async () => {
    const write = async (typed: boolean): Promise<unknown> =>
      Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("会员").getRange("B1:B2");
        range.numberFormat = [["@"], ["@"]];
        if (typed) {
          range.valuesAsJson = [
            [{ type: "String", basicValue: "=42" }],
            [{ type: "String", basicValue: "-" }],
          ] as Excel.CellValue[][];
        } else range.values = [["=42"], ["-"]];
        range.load("values,valueTypes");
        await context.sync();
        return [range.values, range.valueTypes];
      });
    install(book(), { textFormatIgnored: true });
    expect(await write(true)).toEqual([
      [["=42"], ["-"]],
      [["String"], ["String"]],
    ]);
    expect(await write(false)).toEqual([
      [[42], ["-"]],
      [["Double"], ["String"]],
    ]);
    install(book(), { apiVersion: "1.15" });
    expect(await codeOf(write(true))).toBe("ApiNotFound");
    expect(await write(false)).toEqual([
      [["=42"], ["-"]],
      [["String"], ["String"]],
    ]);
  });

  it("delays a batch run with delayForCellEdit until the user leaves cell-edit mode", async () => {
    const h = install(book());
    h.book.cellEditMode = true;
    let done = false;
    const running = Excel.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem("会员").getRange("C1").values = [["ok"]];
      await context.sync();
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done).toBe(false);
    h.book.cellEditMode = false;
    await running;
    expect(done).toBe(true);
    expect(h.book.sheet("会员")?.getValue(0, 2)).toBe("ok");
  });

  it("counts calls of suspendScreenUpdatingUntilNextSync", async () => {
    const h = install(book());
    await Excel.run(async (context) => {
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
      await context.sync();
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
      await context.sync();
    });
    expect(h.stats.screenUpdatingSuspendCalls).toBe(2);
  });

  it("records whether a name is visible in Name Manager", async () => {
    const h = install(book());
    await Excel.run(async (context) => {
      context.workbook.names.add("Hidden_one", "'会员'!$A$1").visible = false;
      context.workbook.names.add("Shown_one", "'会员'!$A$1");
      await context.sync();
    });
    expect(h.book.names.map((n) => [n.name, n.visible])).toEqual([
      ["Hidden_one", false],
      ["Shown_one", true],
    ]);
  });
});

describe("the fake Excel's print setup, as PageLayout documents it", () => {
  const one = (): WorkbookSnapshot => ({ sheets: [{ name: "表", cells: [["a", "b"]] }] });

  it("keeps what is set on pageLayout and its headers and footers, and shows it in the snapshot", async () => {
    const h = install(one());
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("表");
      ws.pageLayout.orientation = "Landscape";
      ws.pageLayout.paperSize = "A4";
      ws.pageLayout.zoom = { horizontalFitToPages: 1 };
      ws.pageLayout.setPrintTitleRows("$1:$1");
      ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = "Page &P of &N";
      ws.horizontalPageBreaks.add("A20");
      await context.sync();
    });
    const layout = snapshotSheet(h.book, "表").pageLayout;
    expect([
      layout?.orientation,
      layout?.paperSize,
      layout?.zoom,
      layout?.printTitleRows,
      layout?.defaultForAllPages.centerFooter,
      layout?.horizontalPageBreaks,
    ]).toEqual(["Landscape", "A4", { horizontalFitToPages: 1 }, "$1:$1", "Page &P of &N", ["A20"]]);
  });

  it("refuses print title rows that do not span entire rows, and a zoom scale outside 10–400", async () => {
    install(one());
    const attempt = (fn: (ws: Excel.Worksheet) => void): Promise<string> =>
      codeOf(
        Excel.run(async (context) => {
          fn(context.workbook.worksheets.getItem("表"));
          await context.sync();
        })
      );
    expect(await attempt((ws) => ws.pageLayout.setPrintTitleRows("A1:B1"))).toBe("InvalidArgument");
    expect(await attempt((ws) => (ws.pageLayout.zoom = { scale: 5 }))).toBe("InvalidArgument");
    expect(await attempt((ws) => ws.pageLayout.setPrintTitleRows("$2:$3"))).toBe("no error");
  });

  it("has no pageLayout and no page breaks below ExcelApi 1.9", async () => {
    install(one(), { apiVersion: "1.8" });
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("表").pageLayout.orientation = "Landscape";
        await context.sync();
      })
    );
    expect(code).toBe("ApiNotFound");
  });
});
