/** Problem titles and messages in English: every code of problems/codes.ts has an entry. */
import { SHEET_DEFS, fieldLabel, headerAliases } from "../schema";
import { formatMoney } from "../text";
import type { SheetKind } from "../types";
import type { Catalogue, MessageContext } from "./index";

const q = (s: string): string => `"${s}"`;
/** The cell's value in quotes after a space, or nothing when there is none. */
const v = (at: MessageContext): string => (at.value === null ? "" : ` ${q(at.value)}`);
const label = (at: MessageContext, field: string): string =>
  at.kind === null ? field : fieldLabel(at.kind, field, "en");
const sheetLabel = (kind: SheetKind): string => SHEET_DEFS[kind].label.en;
const list = (items: readonly string[]): string => items.join(", ");
const orList = (items: readonly string[]): string =>
  items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1] ?? ""}`;
const didYouMean = (s: string | null): string => (s === null ? "" : `; did you mean ${q(s)}?`);

function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}`;
  if (min !== undefined) return `at least ${min}`;
  if (max !== undefined) return `at most ${max}`;
  return "within the valid range";
}

const SETTING_HINTS: Readonly<Record<string, string>> = {
  asOf: "a date such as 2014-11-30",
  baseYear: "a four-digit year such as 2011",
  coverageTarget: "a percentage such as 10%",
  duesIncomeThreshold: "an amount in yuan such as 500000",
};

const codeLength = (value: string | null): number =>
  value === null ? 0 : Array.from(value.replace(/\s+/g, "")).length;

export const EN: Catalogue = {
  "missing-sheet": {
    title: "Missing sheet",
    message: ({ kind }) =>
      `The ${sheetLabel(kind)} sheet was not found: no sheet is named ` +
      `${orList(SHEET_DEFS[kind].aliases.map(q))}, and no sheet has a header row with its required ` +
      `columns. Add the sheet or rename yours to one of these names` +
      (kind === "members"
        ? "; without it no member figure can be computed."
        : "; the figures that need it are reported as unavailable."),
  },
  "missing-column": {
    title: "Missing required column",
    message: ({ kind, field }) =>
      `The ${sheetLabel(kind)} sheet has no ${q(fieldLabel(kind, field, "en"))} column, which is ` +
      `required: no header reads ${orList(headerAliases(kind, field).map(q))}. Add the column; ` +
      `until then the rows of this sheet are not read.`,
  },
  "duplicate-column": {
    title: "Duplicate column",
    message: ({ kind, field, firstColumn }, at) =>
      `${at.column === null ? "A column" : `Column ${at.column}`} and column ${firstColumn} both ` +
      `match ${q(fieldLabel(kind, field, "en"))}; a field can have one column only, so delete or ` +
      `rename one of them.`,
  },
  "blank-required": {
    title: "Required cell is blank",
    message: ({ field, why }, at) =>
      `${label(at, field)} is required and is empty` +
      (why === "township-chamber"
        ? " (a township chamber must name its township)"
        : why === "enterprise-member"
          ? " (an enterprise member must name its township)"
          : "") +
      "; fill it in.",
  },
  "not-a-number": {
    title: "Not a number",
    message: ({ field }, at) =>
      `${label(at, field)}${v(at)} is not a number; enter a number or an amount such as 1200, ` +
      `1,200, 1200元 or 1.2万.`,
  },
  "not-an-integer": {
    title: "Not a whole number",
    message: ({ field, min }, at) =>
      `${label(at, field)}${v(at)} is not a whole number; enter a whole number` +
      `${min === undefined ? "" : ` of at least ${min}`}.`,
  },
  "not-a-date": {
    title: "Not a date",
    message: ({ field, impossible }, at) =>
      impossible === true
        ? `${label(at, field)}${v(at)} is not a real day (the month has no such day); check the ` +
          `year, month and day.`
        : `${label(at, field)}${v(at)} is not a date that can be read; write it as 2014-11-30, ` +
          `2014/11/30, 2014.11.30, 2014年11月30日 or 20141130 (2014-11 for a month).`,
  },
  "not-a-boolean": {
    title: "Not yes or no",
    message: ({ field }, at) =>
      `${label(at, field)}${v(at)} is not a yes/no value; enter yes/no, Y/N, 是/否, 有/无, √/× or ` +
      `1/0 (blank means no).`,
  },
  "not-a-year": {
    title: "Not a year",
    message: ({ field, min, max }, at) =>
      `${label(at, field)}${v(at)} is not a year; enter a four-digit year such as 2014` +
      (min === undefined && max === undefined ? "." : `, ${range(min, max)}.`),
  },
  "formula-error": {
    title: "Formula error value",
    message: ({ field }, at) =>
      `${label(at, field)} holds the formula error${v(at)}; fix the formula or enter the value.`,
  },
  "bad-enum": {
    title: "Not an accepted type",
    message: ({ field, suggestion, accepted }, at) =>
      `${label(at, field)}${v(at)} is not an accepted type${didYouMean(suggestion)}` +
      `${suggestion === null ? "." : ""} Accepted: ${list(accepted)}.`,
  },
  "duplicate-id": {
    title: "Repeated ID or name",
    message: ({ field, firstRow }, at) =>
      `${label(at, field)}${v(at)} repeats row ${firstRow}; it must be unique, so this row is not ` +
      `counted.`,
  },
  "duplicate-uscc": {
    title: "Repeated credit code",
    message: ({ firstRow }, at) =>
      `Credit code${v(at)} repeats row ${firstRow}; each credit code may appear once, so this row ` +
      `is not counted.`,
  },
  "bad-uscc": {
    title: "Invalid credit code",
    message: ({ reason, expectedCheck, badCharacter }, at) => {
      const code = `Credit code${v(at)}`;
      switch (reason) {
        case "number":
          return (
            `${code} is stored as a number and has lost digits (Excel keeps 15); format the ` +
            `column as text and re-enter the full code.`
          );
        case "length":
          return `${code} has ${codeLength(at.value)} characters; a credit code has 18.`;
        case "character":
          return (
            `${code} contains ${q(badCharacter ?? "")}, which is not allowed; a credit code ` +
            `uses digits and capital letters other than I, O, Z, S and V.`
          );
        case "check":
          return (
            `${code} fails its check: from the first 17 characters the 18th should be ` +
            `${q(expectedCheck ?? "")}; check the code for a typing error.`
          );
      }
    },
  },
  "unknown-chamber": {
    title: "Unknown chamber",
    message: ({ suggestion }, at) =>
      `Chamber${v(at)} is neither a chamber ID nor a chamber name of the Chambers sheet` +
      `${didYouMean(suggestion)}${suggestion === null ? "." : ""} Enter a chamber ID or the full ` +
      `name; leave it blank for a direct member.`,
  },
  "dues-without-members": {
    title: "No members sheet, so dues cannot be checked",
    message: ({ rows }) =>
      `There is no usable Members sheet, so the ${rows} rows of the Dues sheet cannot be checked: ` +
      `no member ID can be confirmed. None of them is counted and the dues figures cannot be ` +
      `computed. Add or fix the Members sheet first.`,
  },
  "unknown-member": {
    title: "Unknown member",
    message: (_p, at) =>
      `Member ID${v(at)} is not on the Members sheet; enter the ID of a listed member. This row is ` +
      `not counted.`,
  },
  "member-excluded": {
    title: "Dues of an excluded member",
    message: ({ memberSheet, memberRow }) =>
      `This member's row (sheet ${q(memberSheet)}, row ${memberRow}) has an error and is not ` +
      `counted, so neither are these dues; fix the member's row first.`,
  },
  "unknown-township": {
    title: "Unknown township",
    message: ({ suggestion }, at) =>
      `Township${v(at)} is not on the Townships sheet${didYouMean(suggestion)}` +
      `${suggestion === null ? "." : ""} Enter a township listed there.`,
  },
  "date-in-future": {
    title: "Date after today",
    message: ({ field, today }, at) =>
      `${label(at, field)}${v(at)} is after today (${today}); check the date.`,
  },
  "date-order": {
    title: "Dates in the wrong order",
    message: ({ field, otherField, other }, at) =>
      `${label(at, field)}${v(at)} is before ${label(at, otherField)} (${other}); it cannot be ` +
      `earlier than that.`,
  },
  "joined-before-founded": {
    title: "Joined before the chamber was founded",
    message: ({ chamberId, founded }, at) =>
      `Joined${v(at)} is before chamber ${q(chamberId)} was founded (${founded}); check the joining ` +
      `date or the chamber's founding date.`,
  },
  "negative-amount": {
    title: "Negative amount",
    message: ({ field }, at) =>
      `${label(at, field)}${v(at)} is negative; an amount must be 0 or more.`,
  },
  overpaid: {
    title: "Paid more than due",
    message: ({ due, paid }) =>
      `Amount paid ${formatMoney(paid)} yuan is more than the amount due ${formatMoney(due)} yuan; ` +
      `check both.`,
  },
  "paid-without-date": {
    title: "Paid without a date",
    message: () => "An amount was paid but there is no payment date; fill in Paid on.",
  },
  "duplicate-dues": {
    title: "Repeated dues record",
    message: ({ memberId, year, firstRow }) =>
      `Dues of member ${q(memberId)} for ${year} are already on row ${firstRow}; a member has one ` +
      `row a year, so this row is not counted.`,
  },
  "dues-outside-membership": {
    title: "Dues outside the membership",
    message: ({ year, joinedYear, leftYear }) =>
      `Dues year ${year} is outside the membership (joined ${joinedYear}` +
      `${leftYear === null ? "" : `, left ${leftYear}`}); check the year or the member's dates.`,
  },
  "duplicate-township-year": {
    title: "Repeated township and year",
    message: ({ township, year, firstRow }) =>
      `Township ${q(township)} already has a row for ${year} (row ${firstRow}); a township has one ` +
      `row a year, so this row is not counted.`,
  },
  "township-year-missing": {
    title: "Township lacks the reporting year",
    message: ({ township, year, usedYear }) =>
      usedYear === null
        ? `Township ${q(township)} has no non-public enterprise count for ${year} or any earlier ` +
          `year, so 0 was counted; add its ${year} figure.`
        : `Township ${q(township)} has no non-public enterprise count for ${year}; the ${usedYear} ` +
          `figure was used. Add its ${year} figure.`,
  },
  "bad-phone": {
    title: "Invalid phone number",
    message: (_p, at) =>
      `Phone${v(at)} is neither a mainland mobile (11 digits starting 13–19) nor a landline (area ` +
      `code 0xx or 0xxx and 7–8 digits); check the number.`,
  },
  "bad-url": {
    title: "Invalid website",
    message: (_p, at) =>
      `Website${v(at)} is not a web address; enter one such as www.example.com or ` +
      `http://example.com, or leave it blank when there is none.`,
  },
  "bad-setting": {
    title: "Unreadable setting",
    message: ({ setting, defaultValue }, at) =>
      `Setting ${q(fieldLabel("settings", setting, "en"))}` +
      `${at.value === null ? "" : ` has the value ${q(at.value)}, which`} cannot be read; the default ` +
      `${defaultValue} is used` +
      (SETTING_HINTS[setting] === undefined ? "." : `. Enter ${SETTING_HINTS[setting]}.`),
  },
  "output-sheet-renamed": {
    title: "Output sheet renamed",
    message: ({ wanted, usedName }) =>
      `The workbook already has a sheet named ${q(wanted)} that this tool did not create; to keep ` +
      `it, the output went to ${q(usedName)}. Rename or delete that sheet to use the usual name.`,
  },
};
