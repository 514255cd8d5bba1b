import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OutputCell } from "../types";
import {
  columnWidths,
  FMT_COUNT,
  FMT_MONEY,
  FMT_PERCENT,
  sheetWidth,
  count,
  displayWidth,
  groupedText,
  money,
  note,
  percentText,
  rate,
  title,
} from "./cells";

describe("report cells", () => {
  it("counts CJK and full-width characters as two columns", () => {
    expect([
      displayWidth("abc"),
      displayWidth("会员"),
      displayWidth("Ａ1"),
      displayWidth(""),
    ]).toEqual([3, 4, 3, 0]);
  });

  it("shows a null figure as a dash in note style, never 0", () => {
    expect([count(null), money(null), rate(null), rate(Number.NaN)]).toEqual([
      { v: "—", style: "note" },
      { v: "—", style: "note" },
      { v: "—", style: "note" },
      { v: "—", style: "note" },
    ]);
    expect(rate(null, true)).toEqual({ v: "—", style: "total" });
    expect(money(1200.5, true)).toEqual({ v: 1200.5, fmt: "#,##0.00", style: "total" });
  });

  it("sizes columns from formatted figures and text, ignoring titles and lone notes", () => {
    const widths = columnWidths([
      [title("一个很长很长很长很长很长很长很长很长的标题")],
      [count(1234567), money(1234.5), rate(0.7854)],
      [note("一段很长很长很长很长很长很长很长很长很长的说明")],
      [{ v: "城关镇" }],
    ]);
    // "1,234,567" = 9, "1,234.50" = 8, "78.54%" = 6; "城关镇" = 6; plus 2 padding, at least 6
    expect(widths).toEqual([11, 10, 8]);
  });

  it("writes short percentages and grouped counts for labels", () => {
    expect([0.1, 0.125, 1, 0].map(percentText)).toEqual(["10%", "12.5%", "100%", "0%"]);
    expect(groupedText(1_048_576)).toBe("1,048,576");
  });
});

/** columnWidths as it was before it skipped anything: every cell measured, then clamped. */
function widthsMeasuringEveryCell(
  rows: ReadonlyArray<ReadonlyArray<OutputCell | null>>,
  min: number,
  max: number,
  columnMax: Readonly<Record<number, number>>,
  sampleRows: number
): number[] {
  const widths: number[] = [];
  for (const row of rows.slice(0, sampleRows)) {
    const cells = row.filter((cell) => cell);
    if (cells.length === 1 && cells[0]?.style === "note") continue;
    row.forEach((cell, c) => {
      if (!cell || cell.style === "title") return;
      // the cell alone, as a plain cell (a note alone in its row would not be measured)
      const plain: OutputCell =
        cell.fmt === undefined ? { v: cell.v } : { v: cell.v, fmt: cell.fmt };
      const one = columnWidths([[...Array<null>(c).fill(null), plain]], { min: 0, max: 1e9 });
      const w = (one[c] ?? 2) - 2;
      if (w > (widths[c] ?? 0)) widths[c] = w;
    });
  }
  return Array.from(widths, (w, c) => Math.min(columnMax[c] ?? max, Math.max(min, (w ?? 0) + 2)));
}

describe("column widths", () => {
  it("are what measuring every cell gives, whichever cells repeat or fill a column", () => {
    const text = fc.stringMatching(/^[a-z会员镇Ａ]{0,40}$/);
    const fresh = fc.oneof(
      text.map((v): OutputCell => ({ v })),
      fc.integer({ min: -1e7, max: 1e7 }).map((v): OutputCell => ({ v, fmt: FMT_COUNT })),
      fc
        .double({ min: -1e6, max: 1e6, noNaN: true })
        .map((v): OutputCell => ({ v, fmt: FMT_MONEY })),
      fc.double({ min: 0, max: 1, noNaN: true }).map((v): OutputCell => ({ v, fmt: FMT_PERCENT })),
      text.map((v): OutputCell => ({ v, style: "note" })),
      text.map((v): OutputCell => ({ v, style: "title" })),
      fc.constant<OutputCell>({ v: null })
    );
    fc.assert(
      fc.property(
        fc.array(fresh, { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(fc.option(fc.nat(30), { nil: null }), { maxLength: 6 }), {
          maxLength: 40,
        }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 90 }),
        fc.dictionary(fc.integer({ min: 0, max: 5 }).map(String), fc.integer({ min: 1, max: 90 })),
        fc.integer({ min: 1, max: 45 }),
        (pool, picks, min, max, columnMaxByName, sampleRows) => {
          // rows drawn from a small pool of cell objects, as the problems sheet shares its cells
          const rows = picks.map((row) =>
            row.map((k) => (k === null ? null : pool[k % pool.length]!))
          );
          const columnMax = Object.fromEntries(
            Object.entries(columnMaxByName).map(([c, w]) => [Number(c), w])
          );
          expect(columnWidths(rows, { min, max, columnMax, sampleRows })).toEqual(
            widthsMeasuringEveryCell(rows, min, max, columnMax, sampleRows)
          );
        }
      ),
      { numRuns: 500 }
    );
  });
});

describe("the columns a sheet's rows span", () => {
  it("is the longest row's length, at least one, even for a million rows", () => {
    expect(sheetWidth([])).toBe(1);
    expect(sheetWidth([[1], [1, 2, 3], []])).toBe(3);
    const many = Array.from({ length: 1_048_576 }, (_, i) => (i === 700_000 ? [1, 2, 3, 4] : [1]));
    expect(sheetWidth(many)).toBe(4);
  });
});
