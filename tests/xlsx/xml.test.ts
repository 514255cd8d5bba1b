import { describe, expect, it } from "vitest";
import { decodeXml, escapeCellText } from "../../src/adapters/xlsx/xml";

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
});

describe("decodeXml", () => {
  it("reads a raw carriage return as a line feed, as XML parsers and Excel do", () => {
    expect(decodeXml("a\r\nb\rc")).toBe("a\nb\nc");
  });

  it("keeps a carriage return written as a character reference", () => {
    expect(decodeXml("a&#13;b &lt;")).toBe("a\rb <");
  });
});
