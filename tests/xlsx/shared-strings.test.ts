import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { SharedStringsBuilder } from "../../src/adapters/xlsx/shared-strings";

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
    const xml =
      '<x:sst xmlns:x="urn:x"><x:si><x:t>前缀</x:t></x:si><x:si><x:t>b</x:t></x:si></x:sst>';
    expect(readInChunks(Buffer.from(xml, "utf8"), 4)).toEqual(["前缀", "b"]);
  });
});
