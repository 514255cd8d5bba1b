import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { SharedStringsBuilder } from "../../src/adapters/xlsx/shared-strings";
import { XmlSyntaxError } from "../../src/adapters/xlsx/xml-scan";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

const SST =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6">' +
  "<si><t>会员甲</t></si>" +
  '<si><t xml:space="preserve"> a &amp; b_x000D_ </t></si>' +
  "<si/>" +
  "<si><r><rPr><b/></rPr><t>粗</t></r><r><t>体</t></r><rPh><t>ふりがな</t></rPh></si>" +
  "<si><t>line\r\none</t></si>" +
  "<si><t/></si>" +
  "</sst>";
const EXPECTED = ["会员甲", " a & b\r ", "", "粗体", "line\none", ""];

function readInChunks(bytes: Buffer, size: number): string[] {
  const builder = new SharedStringsBuilder();
  for (let at = 0; at < bytes.length; at += size) builder.feed(bytes.subarray(at, at + size));
  return builder.finish();
}

describe("SharedStringsBuilder", () => {
  it("reads plain, escaped, empty and rich-text items in order", () => {
    expect(readInChunks(Buffer.from(SST, "utf8"), 1 << 20)).toEqual(EXPECTED);
  });

  it("reads the same items whatever the chunk boundaries, even inside a UTF-8 character", () => {
    const bytes = Buffer.from(SST, "utf8");
    for (const size of [1, 2, 3, 5, 7, 13, 64]) {
      expect(readInChunks(bytes, size)).toEqual(EXPECTED);
    }
  });

  it("reads items whose elements carry a namespace prefix", () => {
    const xml = `<x:sst xmlns:x="${MAIN}"><x:si><x:t>前缀</x:t></x:si><x:si><x:t>b</x:t></x:si></x:sst>`;
    expect(readInChunks(Buffer.from(xml, "utf8"), 4)).toEqual(["前缀", "b"]);
  });

  it("knows the elements by namespace, not by prefix: Strict is read, other namespaces are not", () => {
    const strict =
      '<sst xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><si><t>严格</t></si>' +
      '<o:si xmlns:o="urn:other"><o:t>not an item</o:t></o:si>' +
      '<si><t>a</t><x:t xmlns:x="urn:x">left out</x:t></si></sst>';
    expect(readInChunks(Buffer.from(strict, "utf8"), 3)).toEqual(["严格", "a"]);
    const other = '<x:sst xmlns:x="urn:x"><x:si><x:t>前缀</x:t></x:si></x:sst>';
    expect(readInChunks(Buffer.from(other, "utf8"), 4)).toEqual([]);
  });

  it("reads a table in UTF-16 with single quotes, CDATA and character references", () => {
    const xml =
      "<?xml version='1.0' encoding='UTF-16'?>" +
      `<sst xmlns='${MAIN}'><si><t><![CDATA[<&>]]>&#x1F600;&#20013;</t></si></sst>`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]);
    expect(readInChunks(bytes, 5)).toEqual(["<&>😀中"]);
  });

  it("throws XmlSyntaxError for a table that is not well-formed", () => {
    for (const bad of [SST.replace("</sst>", ""), SST.replace("&amp;", "&amp"), SST + "<si/>"]) {
      expect(() => readInChunks(Buffer.from(bad, "utf8"), 16)).toThrow(XmlSyntaxError);
    }
  });
});
