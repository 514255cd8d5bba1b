/**
 * Contact details: is a text a mainland phone number, is it a website address. Both are
 * warnings only (SPEC §3 bad-phone, bad-url), so the rules accept what staff commonly write and
 * reject what is clearly not a number or an address.
 */
import { foldWidth, stripInvisible } from "./text";

/** Called as charCodeAt.call(s, i): see cells.ts (phones are strings of every kind). */
const charCodeAt = String.prototype.charCodeAt;

/** Clean a contact text: invisible characters removed, width folded, trimmed. */
function clean(s: string): string {
  return foldWidth(stripInvisible(s)).trim();
}

/** Optional country prefix of a mainland number: +86, 86, 0086. */
const COUNTRY = /^(?:\+86|0086|86)/;
/** Separators allowed between groups of digits. */
const SEPARATORS = /[\s\-()]/g;
const MOBILE = /^1[3-9]\d{9}$/;
/** Area code 0 + 2–3 digits, then 7–8 digits (total 10–12 digits). */
const LANDLINE = /^0\d{2,3}[1-9]\d{6,7}$/;
/** An extension after a landline: "-8001", "转8001", "分机 8001", "ext. 8001", "x8001", "#8001". */
const EXTENSION = /^(.*?\d)\s*(?:-|转|分机|ext\.?|x|#)\s*\d{1,6}$/i;

/**
 * Eleven ASCII digits starting 13–19: a mobile as most cells hold it, recognised without cleaning
 * or regular expressions (isMobileNumber accepts it too; this runs on every row of a sheet).
 */
function isPlainMobile(s: string): boolean {
  if (s.length !== 11 || charCodeAt.call(s, 0) !== 0x31) return false;
  const second = charCodeAt.call(s, 1);
  if (second < 0x33 || second > 0x39) return false;
  for (let i = 2; i < 11; i++) {
    const c = charCodeAt.call(s, i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * An area code, a hyphen and a local number, ASCII digits and nothing else ("0551-63456789"):
 * a landline as isLandlineNumber accepts it, without cleaning the text first.
 */
const PLAIN_LANDLINE = /^0\d{2,3}-[1-9]\d{6,7}$/;

/** A mainland mobile (11 digits starting 1[3-9]), optionally with +86 / 86 and separators. */
export function isMobileNumber(s: string): boolean {
  const digits = clean(s).replace(SEPARATORS, "");
  const national = digits.replace(COUNTRY, "");
  return /^[+\d]+$/.test(digits) && MOBILE.test(national);
}

/**
 * A mainland landline: area code (0 + 2 or 3 digits) and a 7–8 digit local number, with
 * separators "-", spaces or brackets: "0591-87654321", "(0591)87654321", "010 6512 3456".
 * A "+86" prefix may drop the trunk 0 ("+86 591 87654321").
 */
function isLandlineNumber(s: string): boolean {
  const digits = s.replace(SEPARATORS, "");
  if (!/^\+?\d+$/.test(digits)) return false;
  if (LANDLINE.test(digits)) return true;
  const international = /^(?:\+86|0086|86)(\d+)$/.exec(digits);
  return international !== null && LANDLINE.test(`0${international[1] ?? ""}`);
}

/**
 * A mainland mobile or landline number (SPEC §3 bad-phone). Decision: a landline may carry an
 * extension ("0591-87654321-8001", "0591-87654321转8001"); a mobile may not. Several numbers in
 * one cell, 400/800 service numbers and numbers without an area code are not accepted.
 */
export function isPhoneNumber(s: string): boolean {
  if (isPlainMobile(s) || PLAIN_LANDLINE.test(s)) return true;
  const text = clean(s);
  if (text === "") return false;
  if (isMobileNumber(text) || isLandlineNumber(text)) return true;
  const ext = EXTENSION.exec(text);
  return ext !== null && isLandlineNumber(ext[1] ?? "");
}

/** Words that staff write in a website column to mean "none"; never an address. */
const NONE_WORDS = new Set(["无", "暂无", "没有", "无网站", "none", "n/a", "na", "-", "/"]);

/** One host label: letters (any script, so Chinese IDNs pass), digits and inner hyphens. */
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
/** A top-level domain: two or more letters (com, cn, 中国, 公司) or an IDN in punycode. */
const TLD = String.raw`(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})`;
const HOST = `(?:${LABEL}\\.)+${TLD}`;
const IPV4 = String.raw`\d{1,3}(?:\.\d{1,3}){3}`;
const PORT = String.raw`(?::\d{1,5})?`;
const REST = String.raw`(?:[/?#]\S*)?`;
const WITH_SCHEME = new RegExp(`^https?://(?:${HOST}|${IPV4}|localhost)${PORT}${REST}$`, "iu");
const WITHOUT_SCHEME = new RegExp(`^${HOST}${PORT}${REST}$`, "iu");

/**
 * A website address: "http(s)://host.tld/…" (or an IPv4 host), "www.host.tld", or
 * "host.tld[/path]" with a letters-only top-level domain; Chinese domain names are accepted.
 * "无", "暂无", "xx", an e-mail address or text with spaces are not.
 */
export function isUrl(s: string): boolean {
  const text = clean(s);
  if (text === "" || NONE_WORDS.has(text.toLowerCase()) || /\s/.test(text)) return false;
  if (/^https?:\/\//i.test(text)) return WITH_SCHEME.test(text);
  if (text.includes("@") || text.includes("://")) return false;
  return WITHOUT_SCHEME.test(text);
}
