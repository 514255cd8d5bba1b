/**
 * One style table, two surfaces: the output sheets of a recalculation rendered through the
 * Office.js adapter (against the fake Excel) and through the .xlsx writer (its worksheet XML and
 * the styles part it builds, read back) give every cell role the look the core's table gives it.
 */
import { Buffer } from "node:buffer";
import { afterEach, describe, expect, it } from "vitest";
import { createOfficeHost } from "../../src/adapters/office";
import { TRANSITIONAL } from "../../src/adapters/xlsx/namespaces";
import { worksheetXml } from "../../src/adapters/xlsx/sheet-writer";
import { minimalStyles, StyleBook } from "../../src/adapters/xlsx/styles-write";
import {
  attr,
  childElements,
  firstChildElement,
  parseXml,
  type Element,
} from "../../src/adapters/xlsx/xml-dom";
import { cellAddress } from "../../src/core/a1";
import { cellLook, type CellLook } from "../../src/core/report/styles";
import type { OutputCell, OutputSheet } from "../../src/core/types";
import {
  installFakeExcel,
  snapshotSheet,
  workbookFromSnapshot,
  type FakeExcelHandle,
  type FakeStyle,
} from "../../src/fake-excel";
import { serial, smallDistrict } from "./workbooks";

let handle: FakeExcelHandle | null = null;
afterEach(() => {
  handle?.uninstall();
  handle = null;
});

/**
 * A cell's role as the table knows it: its style, and whether it is a link. A value without a
 * role is "plain": it still has the sheet's font.
 */
function roleOf(cell: OutputCell | null | undefined): string | null {
  if (!cell || (!cell.style && !cell.link && cell.v === null)) return null;
  return [cell.style ?? "plain", ...(cell.link ? ["link"] : [])].join("+");
}

/** Every look each role was given, over all the sheets (one look a role when the surfaces agree). */
type LooksByRole = Record<string, Seen[]>;

function collect(
  sheets: readonly OutputSheet[],
  lookAt: (sheet: OutputSheet, ref: string, cell: OutputCell) => Seen
): LooksByRole {
  const seen: Record<string, Map<string, Seen>> = {};
  for (const sheet of sheets) {
    sheet.rows.forEach((line, r) =>
      line.forEach((cell, c) => {
        const role = roleOf(cell);
        if (role === null || !cell) return;
        const look = lookAt(sheet, cellAddress(c + 1, r + 1), cell);
        (seen[role] ??= new Map()).set(JSON.stringify(look), look);
      })
    );
  }
  return Object.fromEntries(
    Object.entries(seen).map(([role, looks]) => [role, [...looks.values()]])
  );
}

/**
 * A look as the surfaces can be compared on it: the properties it sets, its font by name (Office.js
 * knows no charset; the .xlsx font's family and charset are checked in tests/xlsx/writer.test.ts).
 */
type Seen = Omit<CellLook, "font"> & { readonly fontName?: string };

/** Drops the properties a look does not set, so that looks compare by what they show. */
function tidy(look: Record<string, unknown>): Seen {
  return Object.fromEntries(Object.entries(look).filter(([, v]) => v !== undefined)) as Seen;
}

function seenOf(look: CellLook): Seen {
  const { font, ...rest } = look;
  return tidy({ ...rest, fontName: font?.name });
}

/** What the fake Excel holds for a cell, as a look. */
function officeLook(style: FakeStyle | undefined): Seen {
  const colour = (v: string | undefined) => v?.replace(/^#/, "").toUpperCase();
  const edge = (line: string | undefined, weight: string | undefined) =>
    line === "Continuous" && weight === "Thin";
  return tidy({
    bold: style?.bold,
    italic: style?.italic,
    underline: style?.underline === undefined ? undefined : style.underline !== "None",
    fontSize: style?.fontSize,
    fontColor: colour(style?.fontColor),
    fill: colour(style?.fill),
    align: style?.horizontalAlignment === "Center" ? "center" : undefined,
    fontName: style?.fontName,
    border: edge(style?.borderTop, style?.borderTopWeight)
      ? "top"
      : edge(style?.borderBottom, style?.borderBottomWeight)
        ? "bottom"
        : undefined,
    // wrapped text counts only once its rows were fitted to it, as Office.js needs
    wrap: style?.wrapText === true && style.rowsFitted === true ? true : undefined,
  });
}

/** The styles part, read back: the look of each cellXfs index. */
function xlsxLooks(stylesXml: string): (index: number) => Seen {
  const root = parseXml(stylesXml, "styles.xml").documentElement as unknown as Element;
  const ns = root.namespaceURI ?? "";
  const list = (section: string, item: string): Element[] => {
    const parent = firstChildElement(root, ns, section);
    return parent ? childElements(parent, ns, item) : [];
  };
  const child = (element: Element | undefined, name: string): Element | null =>
    element ? firstChildElement(element, ns, name) : null;
  const rgb = (element: Element | null) => attr(element as Element, "rgb")?.replace(/^FF/, "");
  const fonts = list("fonts", "font");
  const fills = list("fills", "fill");
  const borders = list("borders", "border");
  const baseSize = attr(child(fonts[0], "sz") as Element, "val");
  const baseName = attr(child(fonts[0], "name") as Element, "val");
  const xfs = list("cellXfs", "xf");
  return (index) => {
    const xf = xfs[index];
    if (!xf) throw new Error(`no cellXfs entry ${index}`);
    const font = fonts[Number(attr(xf, "fontId") ?? 0)];
    const pattern = child(fills[Number(attr(xf, "fillId") ?? 0)], "patternFill");
    const border = borders[Number(attr(xf, "borderId") ?? 0)];
    const size = attr(child(font, "sz") as Element, "val");
    const name = attr(child(font, "name") as Element, "val");
    const colour = child(font, "color");
    const alignment = child(xf, "alignment");
    const thin = (side: string) => {
      const edge = child(border, side);
      return edge !== null && attr(edge, "style") === "thin";
    };
    return tidy({
      bold: child(font, "b") ? true : undefined,
      italic: child(font, "i") ? true : undefined,
      underline: child(font, "u") ? true : undefined,
      fontSize: size !== baseSize ? Number(size) : undefined,
      fontColor: colour ? rgb(colour) : undefined,
      fill:
        pattern && attr(pattern, "patternType") === "solid"
          ? rgb(child(pattern, "fgColor"))
          : undefined,
      border: thin("top") ? "top" : thin("bottom") ? "bottom" : undefined,
      wrap: alignment !== null && attr(alignment, "wrapText") === "1" ? true : undefined,
      align:
        alignment !== null && attr(alignment, "horizontal") === "center" ? "center" : undefined,
      fontName: name !== baseName ? (name ?? undefined) : undefined,
    });
  };
}

/** The output sheets through the .xlsx writer: each cell's `s=` index, and the styles part. */
function renderXlsx(sheets: readonly OutputSheet[]): (sheet: OutputSheet, ref: string) => Seen {
  const book = new StyleBook(minimalStyles(TRANSITIONAL));
  const indexes = new Map<string, number>();
  for (const sheet of sheets) {
    const xml = Buffer.concat(worksheetXml(sheet, book, 1900, null, TRANSITIONAL)).toString();
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"/g)) {
      indexes.set(`${sheet.name}!${m[1]}`, Number(m[2]));
    }
  }
  const lookOf = xlsxLooks(book.toXml());
  return (sheet, ref) => lookOf(indexes.get(`${sheet.name}!${ref}`) ?? 0);
}

describe("the output sheets' styles", () => {
  it("look alike role by role in Excel (Office.js) and in the .xlsx file, as the core's table says", async () => {
    // A member ID given twice is an error, so that the problems sheet has error rows too.
    const duplicate = ["M001", "重复会员", "企业会员", "SH01", null, serial("2014-02-02"), null];
    handle = installFakeExcel(workbookFromSnapshot(smallDistrict({ members: [duplicate] })));
    const run = await createOfficeHost().recalculate({ today: "2014-12-15" }, () => undefined);
    const sheets = run.result.output;
    const h = handle;
    const office = collect(sheets, (sheet, ref) =>
      officeLook(snapshotSheet(h.book, sheet.name).styles?.[ref])
    );
    const xlsx = collect(sheets, renderXlsx(sheets));
    const table = collect(sheets, (sheet, _ref, cell) =>
      seenOf(cellLook(cell.style, cell.link !== undefined, sheet.lang))
    );
    expect(Object.keys(table)).toEqual(
      expect.arrayContaining([
        "plain",
        "title",
        "header",
        "label",
        "total",
        "note",
        "error",
        "warning",
        "paragraph",
        "flag",
        "totalFlag",
        "errorRow",
        "errorRowText",
        "errorRow+link",
        "warningRow",
        "warningRowText",
        "warningRow+link",
        "stamp",
      ])
    );
    // a Chinese workbook: every cell of every role in the East Asian font
    for (const looks of Object.values(table)) {
      for (const look of looks) expect(look.fontName).toBe("等线");
    }
    expect(office).toEqual(table);
    expect(xlsx).toEqual(table);
  });
});
