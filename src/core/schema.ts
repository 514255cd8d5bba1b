/**
 * The workbook contract of SPEC §1 as data: each input sheet's aliases and its fields, with their
 * header aliases, types and whether they are required. Detection, reading and messages all work
 * from these tables; nothing else spells out a header.
 */
import type { ChamberType, Lang, MemberType, SheetKind } from "./types";

export type FieldType =
  | "text"
  | "id"
  | "enum-chamber"
  | "enum-member"
  | "date"
  | "boolean"
  | "integer"
  | "money"
  | "year"
  | "uscc"
  | "phone"
  | "url";

/** A field of a sheet; `K` is its key's literal type in the tables below (FieldKeyOf). */
export interface FieldDef<K extends string = string> {
  /** Stable key used in records, problems and messages. */
  readonly key: K;
  readonly type: FieldType;
  /** Always required (a missing column is `missing-column`; a blank cell is `blank-required`). */
  readonly required: boolean;
  /** Header names that map to this field; the first is the canonical Chinese header. */
  readonly aliases: readonly string[];
  readonly label: Readonly<Record<Lang, string>>;
}

/** An input sheet; `Kind` and `K` narrow it to one sheet of the tables below and its keys. */
export interface SheetDef<Kind extends SheetKind = SheetKind, K extends string = string> {
  readonly kind: Kind;
  readonly aliases: readonly string[];
  readonly label: Readonly<Record<Lang, string>>;
  readonly fields: readonly FieldDef<K>[];
}

function field<const K extends string>(
  key: K,
  type: FieldType,
  required: boolean,
  aliases: readonly string[],
  en: string
): FieldDef<K> {
  const zh = aliases[0] ?? key;
  return { key, type, required, aliases, label: { zh, en } };
}

export const CHAMBERS = {
  kind: "chambers",
  aliases: ["商会", "基层商会", "商会名录", "Chambers"],
  label: { zh: "商会", en: "Chambers" },
  fields: [
    field("id", "id", true, ["商会编号", "编号", "Chamber ID", "ID"], "Chamber ID"),
    field("name", "text", true, ["商会名称", "名称", "Chamber name", "Name"], "Chamber name"),
    field("type", "enum-chamber", true, ["商会类型", "类型", "类别", "Type"], "Type"),
    field(
      "township",
      "text",
      false,
      ["所属乡镇街道", "乡镇街道", "乡镇", "街道", "Township"],
      "Township"
    ),
    field("founded", "date", true, ["成立日期", "成立时间", "Founded"], "Founded"),
    field("dissolved", "date", false, ["撤销日期", "注销日期", "Dissolved"], "Dissolved"),
    field(
      "registered",
      "boolean",
      false,
      ["民政登记", "是否登记", "登记注册", "Registered"],
      "Registered"
    ),
    field("president", "text", false, ["会长", "President"], "President"),
    field(
      "presidentEntrepreneur",
      "boolean",
      false,
      ["会长为企业家", "会长是否企业家", "非公经济人士会长", "President is entrepreneur"],
      "President is entrepreneur"
    ),
    field(
      "fullTimeStaff",
      "integer",
      false,
      ["专职人员数", "专职人员", "Full-time staff"],
      "Full-time staff"
    ),
    field(
      "fixedOffice",
      "boolean",
      false,
      ["固定办公场所", "办公场所", "Fixed office"],
      "Fixed office"
    ),
    field("website", "url", false, ["网站", "网址", "Website"], "Website"),
    field("journal", "boolean", false, ["会刊", "Journal"], "Journal"),
    field("uscc", "uscc", false, ["统一社会信用代码", "信用代码", "USCC"], "USCC"),
  ],
} as const satisfies SheetDef;

export const MEMBERS = {
  kind: "members",
  aliases: ["会员", "会员名册", "会员名单", "Members"],
  label: { zh: "会员", en: "Members" },
  fields: [
    field("id", "id", true, ["会员编号", "编号", "Member ID", "ID"], "Member ID"),
    field(
      "name",
      "text",
      true,
      ["会员名称", "名称", "企业名称", "单位名称", "姓名", "Member name", "Name"],
      "Member name"
    ),
    field(
      "type",
      "enum-member",
      true,
      ["会员类型", "类型", "类别", "Member type", "Type"],
      "Member type"
    ),
    field("chamber", "text", false, ["所属商会", "商会", "Chamber"], "Chamber"),
    field(
      "township",
      "text",
      false,
      ["乡镇街道", "所属乡镇街道", "乡镇", "街道", "Township"],
      "Township"
    ),
    field("uscc", "uscc", false, ["统一社会信用代码", "信用代码", "社会信用代码", "USCC"], "USCC"),
    field("industry", "text", false, ["行业", "所属行业", "Industry"], "Industry"),
    field("joined", "date", true, ["入会日期", "入会时间", "Joined"], "Joined"),
    field("left", "date", false, ["退会日期", "退会时间", "Left"], "Left"),
    field(
      "aboveScale",
      "boolean",
      false,
      ["规上企业", "规模以上", "规模以上企业", "Above designated size"],
      "Above designated size"
    ),
    field("phone", "phone", false, ["联系电话", "电话", "手机", "Phone"], "Phone"),
  ],
} as const satisfies SheetDef;

export const DUES = {
  kind: "dues",
  aliases: ["会费", "会费收缴", "会费台账", "Dues"],
  label: { zh: "会费", en: "Dues" },
  fields: [
    field("memberId", "id", true, ["会员编号", "编号", "Member ID"], "Member ID"),
    field("year", "year", true, ["年度", "年份", "会费年度", "Year"], "Year"),
    field(
      "due",
      "money",
      true,
      ["应缴金额", "应缴", "应交金额", "Amount due", "Due"],
      "Amount due"
    ),
    field(
      "paid",
      "money",
      false,
      ["实缴金额", "实缴", "实交金额", "已缴金额", "Amount paid", "Paid"],
      "Amount paid"
    ),
    field("paidOn", "date", false, ["缴费日期", "缴费时间", "Paid on"], "Paid on"),
  ],
} as const satisfies SheetDef;

export const TOWNSHIPS = {
  kind: "townships",
  aliases: ["乡镇", "乡镇街道", "非公企业", "Townships"],
  label: { zh: "乡镇", en: "Townships" },
  fields: [
    field("township", "text", true, ["乡镇街道", "乡镇", "街道", "名称", "Township"], "Township"),
    field("year", "year", true, ["年度", "年份", "Year"], "Year"),
    field(
      "nonPublicEnterprises",
      "integer",
      true,
      ["非公企业数", "非公有制企业数", "民营企业数", "Non-public enterprises"],
      "Non-public enterprises"
    ),
  ],
} as const satisfies SheetDef;

/** The 设置 sheet is two columns, name and value; its "fields" are the settings' names. */
export const SETTINGS = {
  kind: "settings",
  aliases: ["设置", "参数", "Settings"],
  label: { zh: "设置", en: "Settings" },
  fields: [
    field("asOf", "date", false, ["统计截止日期", "截止日期", "As of"], "As of"),
    field("baseYear", "year", false, ["基准年度", "Base year"], "Base year"),
    field(
      "coverageTarget",
      "money",
      false,
      ["会员覆盖率目标", "Coverage target"],
      "Coverage target"
    ),
    field(
      "duesIncomeThreshold",
      "money",
      false,
      ["会费收入标准", "Dues income threshold"],
      "Dues income threshold"
    ),
  ],
} as const satisfies SheetDef;

/** Each sheet kind's table, with its keys' literal types. */
export interface SheetDefs {
  readonly chambers: typeof CHAMBERS;
  readonly members: typeof MEMBERS;
  readonly dues: typeof DUES;
  readonly townships: typeof TOWNSHIPS;
  readonly settings: typeof SETTINGS;
}

/** The keys of a sheet's fields: a key the table does not have is a compile error. */
export type FieldKeyOf<S extends SheetDef> = S["fields"][number]["key"];
/** The field keys of a sheet kind (of any kind when `Kind` is a union). */
export type FieldKeyByKind<Kind extends SheetKind> = FieldKeyOf<SheetDefs[Kind]>;
export type ChamberFieldKey = FieldKeyByKind<"chambers">;
export type MemberFieldKey = FieldKeyByKind<"members">;
export type DuesFieldKey = FieldKeyByKind<"dues">;
export type TownshipFieldKey = FieldKeyByKind<"townships">;
export type SettingKey = FieldKeyByKind<"settings">;
/** Any sheet's field key (what a problem's `field` parameter names). */
export type FieldKey = FieldKeyByKind<SheetKind>;

/** One of the tables above when which one is not known statically: its keys are still keys. */
export type AnySheetDef = SheetDef<SheetKind, FieldKey>;
export type AnyFieldDef = FieldDef<FieldKey>;

/** Data sheets in the order they are read: chambers and townships before members, members before dues. */
export const DATA_SHEETS: readonly AnySheetDef[] = [CHAMBERS, TOWNSHIPS, MEMBERS, DUES];

export const SHEET_DEFS: SheetDefs = {
  chambers: CHAMBERS,
  members: MEMBERS,
  dues: DUES,
  townships: TOWNSHIPS,
  settings: SETTINGS,
};

/** The label of a field of a sheet kind, in a language; the key itself when unknown. */
/** The headers a field's column is recognised by (its aliases), or the key for an unknown field. */
export function headerAliases(kind: SheetKind, key: string): readonly string[] {
  const fields: readonly FieldDef[] = SHEET_DEFS[kind].fields;
  return fields.find((f) => f.key === key)?.aliases ?? [key];
}

export function fieldLabel(kind: SheetKind, key: string, lang: Lang): string {
  const fields: readonly FieldDef[] = SHEET_DEFS[kind].fields;
  const def = fields.find((f) => f.key === key);
  return def ? def.label[lang] : key;
}

/** Accepted spellings of each chamber type; the first is the canonical Chinese word. */
export const CHAMBER_TYPE_WORDS: Readonly<Record<ChamberType, readonly string[]>> = {
  township: ["乡镇街道商会", "乡镇商会", "街道商会", "乡镇街道", "Township"],
  industry: ["行业商会", "同业公会", "行业协会", "行业商会/同业公会", "Industry"],
  regional: ["区域性商会", "区域商会", "开发区商会", "园区商会", "村级商会", "Regional"],
  outOfTown: ["异地商会", "Out-of-town"],
  other: ["其他商会", "青年商会", "女企业家商会", "其他", "Other"],
};

export const MEMBER_TYPE_WORDS: Readonly<Record<MemberType, readonly string[]>> = {
  enterprise: ["企业会员", "企业", "Enterprise"],
  group: ["团体会员", "团体", "Group"],
  individual: ["个人会员", "个人", "Individual"],
};
