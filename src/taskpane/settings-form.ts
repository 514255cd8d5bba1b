/** The settings form's text fields and how they map to the host's SettingsValues. */
import type { SettingsValues } from "../adapters/office/host";
import { dayFromIso, yearOfDay } from "../core/dates";
import type { MessageKey } from "./i18n";

export interface SettingsText {
  readonly asOf: string;
  readonly baseYear: string;
  /** A percentage as typed: "10" means 10%. */
  readonly coverageTarget: string;
  readonly duesIncomeThreshold: string;
}

export type SettingsField = keyof SettingsText;
export const SETTINGS_FIELDS: readonly SettingsField[] = [
  "asOf",
  "baseYear",
  "coverageTarget",
  "duesIncomeThreshold",
];

export type SettingsErrors = Partial<Record<SettingsField, MessageKey>>;

export function settingsToText(values: SettingsValues): SettingsText {
  return {
    asOf: values.asOf ?? "",
    baseYear: values.baseYear === null ? "" : String(values.baseYear),
    coverageTarget:
      values.coverageTarget === null
        ? ""
        : String(Number((values.coverageTarget * 100).toFixed(6))),
    duesIncomeThreshold:
      values.duesIncomeThreshold === null ? "" : String(values.duesIncomeThreshold),
  };
}

/** Reads the form; a blank field means "use the default" (null). */
export function parseSettings(
  text: SettingsText
): { ok: true; values: SettingsValues } | { ok: false; errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  const asOf = parseAsOf(text.asOf);
  if (asOf === undefined) errors.asOf = "invalid.asOf";
  const baseYear = parseBaseYear(text.baseYear);
  if (baseYear === undefined) errors.baseYear = "invalid.baseYear";
  const target = parsePercent(text.coverageTarget);
  if (target === undefined) errors.coverageTarget = "invalid.coverageTarget";
  const threshold = parseAmount(text.duesIncomeThreshold);
  if (threshold === undefined) errors.duesIncomeThreshold = "invalid.duesIncomeThreshold";
  if (
    asOf === undefined ||
    baseYear === undefined ||
    target === undefined ||
    threshold === undefined
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    values: { asOf, baseYear, coverageTarget: target, duesIncomeThreshold: threshold },
  };
}

// Each parser returns null for blank, undefined for invalid.

function parseAsOf(text: string): string | null | undefined {
  const t = text.trim();
  if (t === "") return null;
  const day = dayFromIso(t);
  return day !== null && yearOfDay(day) >= 1949 ? t : undefined;
}

function parseBaseYear(text: string): number | null | undefined {
  const t = text.trim();
  if (t === "") return null;
  if (!/^\d{4}$/.test(t)) return undefined;
  const year = Number(t);
  return year >= 1949 && year <= 2100 ? year : undefined;
}

function parsePercent(text: string): number | null | undefined {
  const t = text.trim().replace(/%$/, "").trim();
  if (t === "") return null;
  const n = Number(t);
  if (!/^\d+(\.\d+)?$/.test(t) || !(n > 0 && n <= 100)) return undefined;
  return Number((n / 100).toFixed(8));
}

function parseAmount(text: string): number | null | undefined {
  const t = text.trim().replace(/,/g, "");
  if (t === "") return null;
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}
