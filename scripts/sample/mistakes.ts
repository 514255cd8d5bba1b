/**
 * The sample's planted mistakes, one of each kind the problems sheet should show (examples/README.md
 * lists them, tests/sample.test.ts asserts each at its cell): member rows that are wrong in one
 * field, dues rows overpaid, undated, mistyped or entered twice, a chamber's website without its
 * colon, and a township without its 2014 row.
 */
import { USCC_ALPHABET } from "../../src/core/uscc";
import type { Rng } from "../random";
import { day, pick, type Day } from "./draw";
import { AS_OF, CHAMBERS, TOWNSHIPS, chamberNamed, member } from "./plan";
import type { DuesRow, Member, MemberType, Planted } from "./plan";
import { activeAt, describe, makeUscc, randomTownship } from "./data";

/** The planted member-sheet mistakes; every one but the phone is an error that excludes its row. */
export function mistakeMembers(
  rng: Rng,
  good: readonly Member[],
  usedCodes: Set<string>,
  usedNames: Set<string>
): Member[] {
  const mistakes: Member[] = [];
  const make = (
    type: MemberType,
    chamberId: string | null,
    joined: Day,
    planted: Planted
  ): Member => {
    const m = member(type, joined, null);
    m.chamber = chamberId ? chamberNamed(chamberId) : null;
    m.township = m.chamber?.township ?? randomTownship(rng);
    describe(rng, m, usedCodes, usedNames);
    m.counted = false;
    m.pays = false;
    m.planted = planted;
    mistakes.push(m);
    return m;
  };

  const badCheck = make("enterprise", "SH04", day(2012, 4, 17), {
    sheet: "会员",
    field: "uscc",
    code: "bad-uscc",
    severity: "error",
    what: "check character mistyped",
  });
  const code = makeUscc(rng, "91", usedCodes);
  const wrong = USCC_ALPHABET.charAt((USCC_ALPHABET.indexOf(code.charAt(17)) + 7) % 31);
  badCheck.uscc = code.slice(0, 17) + wrong;

  const asNumber = make("enterprise", "SH05", day(2013, 9, 3), {
    sheet: "会员",
    field: "uscc",
    code: "bad-uscc",
    severity: "error",
    what: "18-digit code typed as a number (Excel kept 15 digits)",
  });
  asNumber.uscc = null;
  // Excel keeps 15 significant digits of a number: the last three become zeros.
  asNumber.override.uscc = Number(makeUscc(rng, "91", usedCodes, true).slice(0, 15) + "000");

  const badDate = make("enterprise", "SH07", day(2013, 2, 28), {
    sheet: "会员",
    field: "joined",
    code: "not-a-date",
    severity: "error",
    what: "入会日期 typed as 2013.02.30",
  });
  badDate.override.joined = "2013.02.30";
  badDate.pays = true; // its dues rows are then excluded with member-excluded

  const unknown = make("enterprise", null, day(2014, 3, 12), {
    sheet: "会员",
    field: "chamber",
    code: "unknown-chamber",
    severity: "error",
    what: "所属商会 names a chamber not in the 商会 sheet",
  });
  unknown.override.chamber = "云川区物流商会";
  unknown.industry = "交通运输";

  const repeatedId = make("individual", "SH13", day(2012, 8, 1), {
    sheet: "会员",
    field: "id",
    code: "duplicate-id",
    severity: "error",
    what: "会员编号 copied from the row above",
  });
  repeatedId.sameIdAsPrevious = true;

  const original = good.find(
    (m) =>
      m.type === "enterprise" &&
      m.uscc !== null &&
      m.joined < day(2009, 1, 1) &&
      m.left === null &&
      m.chamber?.id === "SH03"
  );
  if (!original) throw new Error("no member to repeat");
  const repeated = make("enterprise", "SH03", day(2014, 6, 20), {
    sheet: "会员",
    field: "uscc",
    code: "duplicate-uscc",
    severity: "error",
    what: `the same company entered again (first row: ${original.name})`,
  });
  repeated.name = original.name;
  repeated.uscc = original.uscc;
  repeated.township = original.township;
  repeated.industry = original.industry;

  const order = make("enterprise", "SH08", day(2013, 6, 18), {
    sheet: "会员",
    field: "left",
    code: "date-order",
    severity: "error",
    what: "退会日期 2012-06-18 before 入会日期 2013-06-18",
  });
  order.left = day(2012, 6, 18);
  order.note = "退会日期待核";

  const noTownship = make("enterprise", "SH06", day(2014, 9, 5), {
    sheet: "会员",
    field: "township",
    code: "blank-required",
    severity: "error",
    what: "an enterprise member without 乡镇街道",
  });
  noTownship.township = null;

  const badType = make("enterprise", "SH09", day(2012, 5, 30), {
    sheet: "会员",
    field: "type",
    code: "bad-enum",
    severity: "error",
    what: "会员类型 written as 民营企业",
  });
  badType.override.type = "民营企业";

  return mistakes;
}

export function plantDuesMistakes(rng: Rng, rows: DuesRow[]): void {
  const of2014 = (chamberId: string): DuesRow[] =>
    rows.filter(
      (d) =>
        d.year === 2014 &&
        d.counted &&
        d.member?.chamber?.id === chamberId &&
        d.due > 0 &&
        d.paid >= d.due
    );

  const over = pick(rng, of2014("SH06"));
  over.paid = over.due + 500;
  over.note = "多缴500元";
  over.planted = {
    sheet: "会费",
    field: "paid",
    code: "overpaid",
    severity: "warning",
    what: "实缴 500 more than 应缴 (row still counts)",
  };

  const noDate = rows.find(
    (d) => d.year === 2013 && d.counted && d.member?.chamber?.id === "SH05" && d.paid > 0
  );
  if (!noDate) throw new Error("no row for paid-without-date");
  noDate.paidOn = null;
  noDate.planted = {
    sheet: "会费",
    field: "paid",
    code: "paid-without-date",
    severity: "warning",
    what: "实缴金额 without 缴费日期 (row still counts)",
  };

  const typo = pick(rng, of2014("SH10"));
  typo.memberId = typo.memberId.replace(/0/, "O");
  typo.counted = false;
  typo.planted = {
    sheet: "会费",
    field: "memberId",
    code: "unknown-member",
    severity: "error",
    what: `会员编号 typed with a letter O (${typo.memberId})`,
  };

  const again = pick(rng, of2014("SH02"));
  const copy: DuesRow = {
    ...again,
    counted: false,
    planted: {
      sheet: "会费",
      field: "memberId",
      code: "duplicate-dues",
      severity: "error",
      what: `${again.memberId}'s 2014 dues entered twice`,
    },
  };
  rows.push(copy);

  for (const d of rows.filter((x) => x.member !== null && !x.member.counted)) {
    d.counted = false;
    d.planted = {
      sheet: "会费",
      field: "memberId",
      code: "member-excluded",
      severity: "error",
      what: `dues of the member whose 入会日期 is 2013.02.30`,
    };
  }
}

/** A landline missing its last digits: a warning, the row still counts. */
export function plantBadPhone(good: readonly Member[]): void {
  const phoneVictim = good.find(
    (m) => activeAt(m, AS_OF) && m.type === "enterprise" && m.chamber?.id === "SH11"
  );
  if (!phoneVictim) throw new Error("no member for the bad phone");
  phoneVictim.phone = "0551-6281";
  phoneVictim.planted = {
    sheet: "会员",
    field: "phone",
    code: "bad-phone",
    severity: "warning",
    what: "a landline missing its last digits (row still counts)",
  };
}

/** The 商会 sheet's mistake: SH14's website lacks the colon of http:// (CHAMBER_TABLE). */
export function plantedChamberMistakes(): Array<Planted & { row: number }> {
  const website = CHAMBERS.findIndex((c) => c.website !== null && !c.website.includes("://"));
  return [
    {
      sheet: "商会",
      field: "website",
      code: "bad-url",
      severity: "warning",
      what: "网站 missing the colon of http:// (still counts as a website)",
      row: website + 2,
    },
  ];
}

/**
 * The 乡镇 sheet's mistake: its rows go year by year, and a township without a 2014 row (云溪乡,
 * TOWNSHIPS) falls back on its 2013 row.
 */
export function plantedTownshipMistakes(): Array<Planted & { row: number }> {
  const planted: Array<Planted & { row: number }> = [];
  TOWNSHIPS.forEach((t, i) => {
    if (!t.has2014Row) {
      const row = 2 + TOWNSHIPS.length + i;
      const what = `${t.name} has no 2014 row; its 2013 row is used`;
      planted.push({
        sheet: "乡镇",
        field: "-",
        code: "township-year-missing",
        severity: "warning",
        what,
        row,
      });
    }
  });
  return planted;
}
