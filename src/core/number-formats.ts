/**
 * Which Excel number formats show a number as a date or a time. One rule for both adapters: the
 * .xlsx reader asks about a style's format code or built-in format id, the Office.js adapter
 * about `range.numberFormat`. A cell whose number is shown as a date is a date cell (its serial);
 * any other number is a number.
 */

/**
 * Built-in number format ids that show dates or times (ECMA-376 Part 1, §18.8.30):
 *  - 14–22: m/d/yyyy, d-mmm-yy, d-mmm, mmm-yy, h:mm AM/PM, h:mm:ss AM/PM, h:mm, h:mm:ss,
 *    m/d/yyyy h:mm (a file stores only the id; Excel shows them in the reader's locale);
 *  - 45–47: mm:ss, [h]:mm:ss, mmss.0;
 *  - 27–36 and 50–58: the East Asian built-ins, dates and times in zh-CN, zh-TW, ja-JP and ko-KR
 *    (for zh-CN e.g. 27 `yyyy"年"m"月"`, 31 `yyyy"年"m"月"d"日"`, 32 `h"时"mm"分"`, 57 `yyyy"年"m"月"`).
 * The Thai built-ins (59–81) are not dates here: ids 59–70 are Thai number formats, and a file of
 * the users we serve never carries 71–81.
 */
export function isBuiltinDateFormatId(id: number): boolean {
  if (!Number.isInteger(id)) return false;
  return (
    (id >= 14 && id <= 22) ||
    (id >= 27 && id <= 36) ||
    (id >= 45 && id <= 47) ||
    (id >= 50 && id <= 58)
  );
}

/**
 * Letters that are date or time tokens outside literals: year, month or minute, day, hour,
 * second; g (era name) and b (Buddhist year). `e` and `a` need a look at what follows.
 */
const DATE_LETTERS = new Set(["y", "m", "d", "h", "s", "g", "b"]);

/** The content of `[…]` that is an elapsed-time token: [h], [hh], [mm], [ss], … */
const ELAPSED = /^(?:h+|m+|s+)$/i;

/**
 * Whether a number format code shows a number as a date or a time. Excel's grammar, read the way
 * calamine (`detect_custom_number_format`) and SheetJS (`SSF.is_date`) read it, in one pass:
 *
 *  - Only the first section counts (sections are split at `;` outside literals): it is the one
 *    that formats positive numbers, which every date serial is.
 *  - Literals are not tokens: `"…"` quoted text, `\x` escapes, `_x` padding and `*x` fill (the
 *    character after `\`, `_` and `*` is literal). So `0"日"`, `#,##0*d` and `\Y000` are numbers.
 *  - Brackets: `[h]`, `[mm]`, `[ss]` (elapsed time) are times; every other bracket — colours
 *    `[Red]` `[Color10]`, conditions `[>=100]`, locale and currency `[$-804]` `[$€-407]`
 *    `[$-x-sysdate]`, numeral systems `[DBNum1]` — is dropped.
 *  - `General` (and the localised `G/通用格式`, `G/標準` some producers store) and `@` are not dates.
 *  - A date/time token is `y`, `m`, `d`, `h` or `s` in either case; `e` (era year), `g` (era
 *    name), `b` (Buddhist year) and `aaa`/`aaaa` (weekday in CJK locales); `AM/PM`, `A/P` and
 *    `上午/下午`. One token anywhere in the first section makes a date, so number placeholders
 *    beside it do not matter: `mm:ss.0`, `[h]:mm:ss.00` and `yyyy-mm-dd hh:mm:ss.000` (fractional
 *    seconds) are times.
 *  - `E+` / `E-` (either case) is scientific notation, not the era year: `0.00E+00` is a number.
 *  - CJK date words are literals, quoted or not: `yyyy"年"m"月"d"日"` and `yyyy年m月d日` are dates
 *    by their y, m and d; `"年"0` or `0年` alone is a number.
 * Differences from the two references: SheetJS looks at every section and calls a bare `B` a
 * date; calamine knows no `e`, `g`, `b` or `aaaa`. Neither difference matters for real files.
 */
export function isDateFormatCode(code: string): boolean {
  const n = code.length;
  let i = 0;
  while (i < n) {
    const c = code.charAt(i);
    switch (c) {
      case ";":
        return false;
      case '"': {
        const close = code.indexOf('"', i + 1);
        i = close < 0 ? n : close + 1;
        break;
      }
      case "\\":
      case "_":
      case "*":
        i += 2;
        break;
      case "[": {
        const close = code.indexOf("]", i + 1);
        const inside = close < 0 ? code.slice(i + 1) : code.slice(i + 1, close);
        if (ELAPSED.test(inside)) return true;
        i = close < 0 ? n : close + 1;
        break;
      }
      case "@":
        i += 1;
        break;
      default: {
        const general = generalLength(code, i);
        if (general > 0) {
          i += general;
          break;
        }
        const lower = c.toLowerCase();
        if (lower === "e") {
          const next = code.charAt(i + 1);
          if (next === "+" || next === "-") {
            i += 2;
            break;
          }
          return true;
        }
        if (DATE_LETTERS.has(lower)) return true;
        if (lower === "a" && /^(?:am\/pm|a\/p|aaa)/i.test(code.slice(i, i + 5))) return true;
        if (code.startsWith("上午/下午", i)) return true;
        i += 1;
      }
    }
  }
  return false;
}

/**
 * Length of a General token at `at`: "General" in any case, or a localised "G/…" (G/通用格式,
 * G/標準) whose name is not ASCII; 0 when there is none.
 */
function generalLength(code: string, at: number): number {
  if (code.slice(at, at + 7).toLowerCase() === "general") return 7;
  if (code.charAt(at) !== "G" || code.charAt(at + 1) !== "/") return 0;
  let end = at + 2;
  while (end < code.length && code.charCodeAt(end) > 0x7f) end += 1;
  return end > at + 2 ? end - at : 0;
}
