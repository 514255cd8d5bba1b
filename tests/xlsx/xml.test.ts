import { Buffer } from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SheetRowsBuilder } from "../../src/adapters/xlsx/sheet-reader";
import { escapeCellText } from "../../src/adapters/xlsx/xml";

describe("escapeCellText", () => {
  it("writes a carriage return as _x000D_, which XML would otherwise read back as a line feed", () => {
    expect(escapeCellText("\r=1+1")).toBe("_x000D_=1+1");
  });

  it("keeps tabs and line feeds, which XML keeps as they are", () => {
    expect(escapeCellText("a\tb\nc")).toBe("a\tb\nc");
  });

  it("escapes markup and a literal _xHHHH_ sequence", () => {
    expect(escapeCellText("<a & b> _x0041_")).toBe("&lt;a &amp; b&gt; _x005F_x0041_");
  });

  it("gives back any text when the reader reads what it wrote", () => {
    const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 60 }).filter((s) => !/[\uD800-\uDFFF]/u.test(s)),
        (text) => {
          const xml =
            `<worksheet xmlns="${main}"><sheetData><row r="1"><c r="A1" t="inlineStr">` +
            `<is><t xml:space="preserve">${escapeCellText(text)}</t></is></c></row></sheetData></worksheet>`;
          const builder = new SheetRowsBuilder({
            sharedStrings: [],
            dateStyles: [],
            dateSystem: 1900,
          });
          builder.feed(Buffer.from(xml, "utf8"));
          builder.finish();
          const cell = builder.rows[0]?.[0];
          expect(cell ?? "").toBe(text);
        }
      ),
      { numRuns: 500 }
    );
  });
});
