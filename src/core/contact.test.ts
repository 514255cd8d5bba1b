import { describe, expect, it } from "vitest";
import { isMobileNumber, isPhoneNumber, isUrl } from "./contact";

describe("isPhoneNumber", () => {
  it.each([
    "13812345678",
    "19912345678",
    "138 1234 5678",
    "138-1234-5678",
    "+86 138 1234 5678",
    "+8613812345678",
    "8613812345678",
    "１３８１２３４５６７８",
    "0591-87654321",
    "0591-8765432",
    "010-65123456",
    "(0591)87654321",
    "（0591）87654321",
    "010 6512 3456",
    "059187654321",
    "+86 591 87654321",
    "0591-87654321-8001",
    "0591-87654321转8001",
    "0591-87654321 ext. 12",
  ])("accepts %j", (phone) => {
    expect(isPhoneNumber(phone)).toBe(true);
  });
  it.each([
    "",
    "无",
    "12345678901",
    "1381234567",
    "138123456789",
    "87654321",
    "400-123-4567",
    "13812345678/13912345678",
    "13812345678转8001",
    "0591-87654",
    "abc-defg",
    "+1 415 555 0100",
  ])("rejects %j", (phone) => {
    expect(isPhoneNumber(phone)).toBe(false);
  });
  it("tells a mobile from a landline", () => {
    expect(isMobileNumber("13812345678")).toBe(true);
    expect(isMobileNumber("0591-87654321")).toBe(false);
  });
});

describe("isUrl", () => {
  it.each([
    "http://www.example.com",
    "https://example.com/about?x=1#top",
    "HTTPS://EXAMPLE.COM",
    "http://192.168.1.10:8080/site",
    "www.fzgsl.org.cn",
    "fzgsl.org.cn",
    "fzgsl.org.cn/chamber/1.html",
    "商会.中国",
    "http://福州商会.公司",
    "ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ",
    "xn--fiqs8s.xn--fiqs8s",
  ])("accepts %j", (url) => {
    expect(isUrl(url)).toBe(true);
  });
  it.each([
    "无",
    "暂无",
    "xx",
    "",
    "N/A",
    "1.2",
    "www",
    "http://",
    "http:// example.com",
    "example .com",
    "info@example.com",
    "ftp://example.com",
    "福州商会网站",
    "-example.com",
  ])("rejects %j", (url) => {
    expect(isUrl(url)).toBe(false);
  });
});
