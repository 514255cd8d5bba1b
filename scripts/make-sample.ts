/**
 * Writes examples/sample-district.xlsx: a fictional district (云川区) as the work report of SPEC's
 * introduction describes it, but consistent: 14 chambers, 1,889 members counted on 2014-11-30
 * (1,400 enterprise, 322 group, 167 individual) against 1,058 at the end of 2011, coverage above the
 * 10% target in most townships, dues for 2012–2014 where 5 chambers collect 100%, and about a dozen
 * planted mistakes for the problems sheet (see examples/README.md).
 *
 * Usage: tsx scripts/make-sample.ts [output.xlsx]   (default: examples/sample-district.xlsx)
 *
 * Deterministic: a seeded PRNG, dates as UTC calendar days, fixed workbook timestamps. Before writing,
 * the script recomputes the headline figures from its own model and fails if the plan is not met.
 */
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { argv, stdout } from "node:process";
import { fileURLToPath } from "node:url";
import { USCC_ALPHABET, usccCheckCharacter } from "../src/core/uscc";
import { mulberry32, type Rng } from "./random";

// ---------------------------------------------------------------------------------------------
// Deterministic randomness and calendar days
// ---------------------------------------------------------------------------------------------

function intBetween(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
  return items;
}

function weighted<T>(rng: Rng, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error("weighted pick from an empty list");
  return last[0];
}

/** A calendar day: days since 1970-01-01, no time zone. */
type Day = number;
const MS_PER_DAY = 86_400_000;

function day(y: number, m: number, d: number): Day {
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

function parts(t: Day): { y: number; m: number; d: number } {
  const dt = new Date(t * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function yearOf(t: Day): number {
  return parts(t).y;
}

/** A JS Date at UTC midnight: ExcelJS turns it into the serial of that calendar day. */
function cellDate(t: Day): Date {
  return new Date(t * MS_PER_DAY);
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function dayBetween(rng: Rng, lo: Day, hi: Day): Day {
  return intBetween(rng, lo, hi);
}

// ---------------------------------------------------------------------------------------------
// Unified social credit codes (GB 32100-2015, SPEC §2.4)
// ---------------------------------------------------------------------------------------------

function usccCheck(first17: string): string {
  const check = usccCheckCharacter(first17);
  if (check === null) throw new Error(`not 17 credit-code characters: ${first17}`);
  return check;
}

const REGION_CODES = ["340111", "340112", "340113"];

/** A fresh valid code: 2-character registration kind ("91" enterprise, "51" social organisation). */
function makeUscc(rng: Rng, kind: "91" | "51", used: Set<string>, digitsOnly = false): string {
  for (;;) {
    let org = "";
    for (let i = 0; i < 9; i++) {
      const letter = !digitsOnly && i < 3 && rng() < 0.12;
      org += letter ? pick(rng, USCC_ALPHABET.slice(10).split("")) : String(intBetween(rng, 0, 9));
    }
    const first17 = kind + pick(rng, REGION_CODES) + org;
    const code = first17 + usccCheck(first17);
    if (digitsOnly && !/^\d{18}$/.test(code)) continue;
    if (used.has(code)) continue;
    used.add(code);
    return code;
  }
}

// ---------------------------------------------------------------------------------------------
// The district's plan
// ---------------------------------------------------------------------------------------------

const AS_OF = day(2014, 11, 30);
const BASE_YEAR = 2011;
const BASE_END = day(BASE_YEAR, 12, 31);
const DUES_YEARS = [2012, 2013, 2014] as const;
const THRESHOLD = 500_000;
const TARGET = 0.1;
const EARLIEST_JOIN = day(2004, 1, 1);

type MemberType = "enterprise" | "group" | "individual";
const TYPE_WORD: Record<MemberType, string> = {
  enterprise: "企业会员",
  group: "团体会员",
  individual: "个人会员",
};

interface TownshipPlan {
  readonly name: string;
  /** Counted enterprise members active on 2014-11-30. */
  readonly enterprise: number;
  /** 非公企业数 for 2014 (for 云溪乡, which has no 2014 row, its 2013 figure). */
  readonly npe: number;
  readonly has2014Row: boolean;
}

/** 10 townships; coverage = enterprise / npe is below 10% in 西城街道, 临江镇 and 金桥镇 only. */
const TOWNSHIPS: readonly TownshipPlan[] = [
  { name: "城关街道", enterprise: 260, npe: 2100, has2014Row: true },
  { name: "东城街道", enterprise: 210, npe: 1800, has2014Row: true },
  { name: "西城街道", enterprise: 180, npe: 1950, has2014Row: true },
  { name: "南湖镇", enterprise: 170, npe: 1500, has2014Row: true },
  { name: "北山镇", enterprise: 150, npe: 1320, has2014Row: true },
  { name: "临江镇", enterprise: 130, npe: 1450, has2014Row: true },
  { name: "青石镇", enterprise: 110, npe: 980, has2014Row: true },
  { name: "白马乡", enterprise: 80, npe: 760, has2014Row: true },
  { name: "金桥镇", enterprise: 60, npe: 700, has2014Row: true },
  { name: "云溪乡", enterprise: 50, npe: 420, has2014Row: false },
];

interface Chamber {
  readonly id: string;
  readonly name: string;
  readonly typeWord: string;
  readonly kind: "township" | "industry" | "regional" | "outOfTown";
  readonly township: string | null;
  readonly founded: Day;
  readonly industry: string | null;
  /** Relative share of the members not drawn to a township-bound chamber. */
  readonly weight: number;
  /** Dues tier: rich chambers ask for more and take in ≥ 500,000 yuan a year. */
  readonly rich: boolean;
  /** Collects 100% of its 2014 dues. */
  readonly collectsAll: boolean;
  readonly fixedOffice: boolean;
  readonly staff: number;
  readonly website: string | null;
  readonly journal: boolean;
  /** 民政登记 cell; SH12 leaves it blank but its "51" credit code makes it registered (SPEC §1.1). */
  readonly registeredCell: string | null;
}

/**
 * The 14 chambers, one a line: ID, name, type word, kind, township (- none), founded, industry
 * (- none), weight, flags (r = rich, f = collects 100% in 2014, o = fixed office, j = journal),
 * full-time staff, website (- none), 民政登记 (- blank). SH14's website lacks the colon of
 * "http://" (a planted bad-url warning); SH12 leaves 民政登记 blank, but its credit code starting
 * with 51 makes it registered (SPEC §1.1).
 */
const CHAMBER_TABLE = `
SH01 城关街道商会           乡镇街道商会 township  城关街道 2002-03-15 -        0   fo   2 -                        是
SH02 南湖镇商会             乡镇街道商会 township  南湖镇   2004-08-20 -        0   o    1 -                        是
SH03 云川区建筑业商会       行业商会     industry  -        2001-06-18 建筑业   2.2 rfoj 4 http://www.ycjzsh.org.cn 是
SH04 云川区机械制造行业协会 行业商会     industry  -        2002-09-26 机械制造 1.8 ro   3 http://www.ycjxxh.com    是
SH05 云川区纺织服装商会     行业商会     industry  -        2003-11-08 纺织服装 1.4 o    2 -                        是
SH06 云川区餐饮业同业公会   同业公会     industry  -        2005-04-22 餐饮住宿 1.0 fo   1 -                        是
SH07 云川区电子信息商会     行业商会     industry  -        2007-09-09 电子信息 1.0 o    1 -                        是
SH08 云川区汽车销售商会     行业商会     industry  -        2008-05-16 汽车销售 0.8 o    1 -                        是
SH09 云川经济开发区商会     区域性商会   regional  东城街道 2003-10-10 -        1.2 fo   2 http://www.ycdz-sh.cn    是
SH10 云川高新园区商会       园区商会     regional  西城街道 2006-12-01 -        0.9 o    1 -                        是
SH11 临江工业园区商会       区域性商会   regional  临江镇   2009-03-28 -        0.8 o    1 -                        是
SH12 青石镇石桥村商会       村级商会     regional  青石镇   2010-06-06 -        0.4 -    0 -                        -
SH13 云川区浙江商会         异地商会     outOfTown -        2008-10-18 -        1.0 rfoj 3 http://www.yczjsh.com    是
SH14 云川区福建商会         异地商会     outOfTown -        2010-01-12 -        0.8 o    1 http//www.ycfjsh.cn      是
`;

const CHAMBER_KINDS = ["township", "industry", "regional", "outOfTown"] as const;

function orNull(word: string): string | null {
  return word === "-" ? null : word;
}

function parseChamber(line: string): Chamber {
  const [
    id,
    name,
    typeWord,
    kind,
    township,
    founded,
    industry,
    weight,
    flags,
    staff,
    website,
    reg,
  ] = line.trim().split(/\s+/);
  const k = CHAMBER_KINDS.find((x) => x === kind);
  const [y, m, d] = (founded ?? "").split("-").map(Number);
  if (!id || !name || !typeWord || !k || !y || !m || !d || flags === undefined) {
    throw new Error(`bad chamber line: ${line}`);
  }
  return {
    id,
    name,
    typeWord,
    kind: k,
    township: orNull(township ?? "-"),
    founded: day(y, m, d),
    industry: orNull(industry ?? "-"),
    weight: Number(weight),
    rich: flags.includes("r"),
    collectsAll: flags.includes("f"),
    fixedOffice: flags.includes("o"),
    journal: flags.includes("j"),
    staff: Number(staff),
    website: orNull(website ?? "-"),
    registeredCell: orNull(reg ?? "-"),
  };
}

const CHAMBERS: readonly Chamber[] = CHAMBER_TABLE.trim().split("\n").map(parseChamber);

const DIRECT_WEIGHT = 0.6;

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏方邹熊孟秦侯江薛段雷史陶贺顾邵钱戴严孔汤".split(
    ""
  );
const GIVEN =
  "建国 伟 芳 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 华 志强 海燕 晓东 国庆 建华 玉兰 文斌 春生 德明 永红 立新 小平 金龙 宏伟 雪梅 家豪 俊 斌 鹏 慧 婷 浩 宇 振华 卫东 红梅".split(
    " "
  );
const BRANDS =
  "宏达 鑫源 华信 永盛 恒通 金鼎 瑞丰 天成 振兴 明珠 东方 新业 远航 富康 嘉禾 盛达 正泰 环宇 腾飞 利民 安泰 长城 中兴 宝丰 锦华 华强 汇通 兴隆 顺发 恒昌 德润 广源 鸿运 佳美 金海 银河 百盛 万通 海鑫 福瑞 旭日 凯达 新时代 三友 四海 协力 精诚 诚信 大地 国泰 华泰 祥和 润发 博远 同创 聚源 星辰 晨光 绿源 青峰".split(
    " "
  );
const INDUSTRY_PHRASES: Readonly<Record<string, readonly string[]>> = {
  建筑业: "建设工程 建筑安装 市政工程 装饰工程 建材".split(" "),
  机械制造: "机械制造 机电设备 精密机械 液压设备 五金工具".split(" "),
  纺织服装: "纺织 服饰 针织 印染 制衣".split(" "),
  餐饮住宿: "餐饮管理 酒店管理 食品 饮食服务".split(" "),
  电子信息: "电子科技 信息技术 网络科技 软件开发 智能科技".split(" "),
  汽车销售: "汽车销售服务 汽车贸易 汽车维修 汽车配件".split(" "),
  批发零售: "商贸 贸易 超市 百货".split(" "),
  房地产: "房地产开发 物业管理 置业".split(" "),
  现代农业: "农业开发 生态农业 茶业 林业".split(" "),
  交通运输: "物流 运输 货运代理".split(" "),
  化工: "化工 塑料制品 新材料".split(" "),
};
const INDUSTRIES = Object.keys(INDUSTRY_PHRASES);
const GROUP_TOPICS =
  "个体劳动者 青年企业家 女企业家 光彩事业 电子商务 茶叶 苗木花卉 家具 物流 建材 粮油 水产 民宿 文化创意 农机 家政服务 装饰 食品安全 养殖 竹木加工".split(
    " "
  );
const GROUP_SUFFIXES = "协会 促进会 联合会 专业合作社".split(" ");
const NOTES_ACTIVE = "理事单位 副会长单位 常务理事单位 会长单位".split(" ");
const NOTES_LEFT = "企业注销 已迁出本区 本人申请退会 连续两年未缴会费".split(" ");

function personName(rng: Rng): string {
  return pick(rng, SURNAMES) + pick(rng, GIVEN);
}

function uniqueName(used: Set<string>, make: () => string): string {
  for (;;) {
    const name = make();
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function companyName(rng: Rng, industry: string): string {
  const prefix = rng() < 0.45 ? "云川" : rng() < 0.2 ? "安徽" : "";
  const suffix = weighted(rng, [
    ["有限公司", 8],
    ["股份有限公司", 1],
    ["有限责任公司", 1],
  ] as const);
  return prefix + pick(rng, BRANDS) + pick(rng, INDUSTRY_PHRASES[industry] ?? ["实业"]) + suffix;
}

function groupName(rng: Rng, township: string | null): string {
  const place = township ?? "云川区";
  return place + pick(rng, GROUP_TOPICS) + pick(rng, GROUP_SUFFIXES);
}

function phone(rng: Rng): string | number {
  const r = rng();
  const mobile =
    "1" + pick(rng, ["3", "5", "8"]) + String(intBetween(rng, 0, 999_999_999)).padStart(9, "0");
  if (r < 0.15) return Number(mobile); // typed as a number: read back as its digits
  if (r < 0.7) return mobile;
  return `0551-${intBetween(rng, 6, 8)}${String(intBetween(rng, 0, 9_999_999)).padStart(7, "0")}`;
}

// ---------------------------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------------------------

type MemberColumn =
  | "no"
  | "id"
  | "name"
  | "type"
  | "chamber"
  | "township"
  | "uscc"
  | "industry"
  | "joined"
  | "left"
  | "aboveScale"
  | "phone"
  | "note";
const MEMBER_COLUMNS: ReadonlyArray<readonly [MemberColumn, string, number]> = [
  ["no", "序号", 6],
  ["id", "会员编号", 10],
  ["name", "会员名称", 30],
  ["type", "会员类型", 10],
  ["chamber", "所属商会", 24],
  ["township", "乡镇街道", 10],
  ["uscc", "统一社会信用代码", 22],
  ["industry", "行业", 10],
  ["joined", "入会日期", 12],
  ["left", "退会日期", 12],
  ["aboveScale", "规上企业", 9],
  ["phone", "联系电话", 15],
  ["note", "备注", 16],
];

type Cell = string | number | Date | null;

interface Planted {
  readonly sheet: "商会" | "会员" | "会费" | "乡镇";
  readonly field: string;
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly what: string;
}

interface Member {
  id: string;
  type: MemberType;
  chamber: Chamber | null;
  township: string | null;
  joined: Day;
  left: Day | null;
  name: string;
  uscc: string | null;
  industry: string | null;
  aboveScale: boolean | null;
  phone: string | number | null;
  note: string | null;
  /** False for the planted error rows: they are listed, not counted. */
  counted: boolean;
  /** Cells typed in a way other than the model says (a text date, a code held as a number...). */
  override: Partial<Record<MemberColumn, Cell>>;
  planted: Planted | null;
  /** Planted rows that must stay next to the row before them (a repeated ID). */
  sameIdAsPrevious: boolean;
  row: number;
  /** Whether dues rows are generated for this member. */
  pays: boolean;
}

function member(type: MemberType, joined: Day, left: Day | null): Member {
  return {
    id: "",
    type,
    chamber: null,
    township: null,
    joined,
    left,
    name: "",
    uscc: null,
    industry: null,
    aboveScale: null,
    phone: null,
    note: null,
    counted: true,
    override: {},
    planted: null,
    sameIdAsPrevious: false,
    row: 0,
    pays: true,
  };
}

function activeAt(m: Member, t: Day): boolean {
  return m.joined <= t && (m.left === null || m.left > t);
}

function chooseChamber(rng: Rng, township: string | null): Chamber | null {
  const options: Array<readonly [Chamber | null, number]> = [[null, DIRECT_WEIGHT]];
  for (const c of CHAMBERS) {
    if (c.township === null) options.push([c, c.weight]);
    else if (c.township === township) options.push([c, c.kind === "township" ? 4.5 : 2.5]);
  }
  return weighted(rng, options);
}

/** Moves a join date after its chamber's founding, keeping it inside [lo, hi]. */
function joinDate(rng: Rng, chamberOf: Chamber | null, lo: Day, hi: Day): Day {
  const from = chamberOf ? Math.max(lo, chamberOf.founded + 15) : lo;
  return dayBetween(rng, from, hi);
}

function typeMix(rng: Rng): MemberType {
  return weighted(rng, [
    ["enterprise", 7],
    ["group", 2],
    ["individual", 1],
  ] as const);
}

function randomTownship(rng: Rng): string {
  return pick(rng, TOWNSHIPS).name;
}

function townshipFor(rng: Rng, type: MemberType): string | null {
  if (type === "enterprise") return randomTownship(rng);
  if (type === "group") return rng() < 0.9 ? randomTownship(rng) : null;
  return rng() < 0.5 ? randomTownship(rng) : null;
}

function describe(rng: Rng, m: Member, usedCodes: Set<string>, usedNames: Set<string>): void {
  const industry = m.chamber?.industry ?? pick(rng, INDUSTRIES);
  m.phone = phone(rng);
  if (m.type === "enterprise") {
    m.industry = industry;
    m.name = uniqueName(usedNames, () => companyName(rng, industry));
    m.uscc = rng() < 0.9 ? makeUscc(rng, "91", usedCodes) : null;
    m.aboveScale = rng() < 0.25;
    if (rng() < 0.04) m.note = pick(rng, NOTES_ACTIVE);
  } else if (m.type === "group") {
    m.name = uniqueName(usedNames, () => groupName(rng, m.township));
    m.uscc = rng() < 0.6 ? makeUscc(rng, "51", usedCodes) : null;
  } else {
    m.name = personName(rng);
    m.industry = rng() < 0.6 ? industry : null;
  }
  if (m.left !== null) m.note = pick(rng, NOTES_LEFT);
}

/** 1,889 members active at the as-of date, 1,013 of them since 2011 or earlier. */
function activeMembers(rng: Rng): Member[] {
  const types: MemberType[] = shuffle(rng, [
    ...Array<MemberType>(1400).fill("enterprise"),
    ...Array<MemberType>(322).fill("group"),
    ...Array<MemberType>(167).fill("individual"),
  ]);
  const townships = shuffle(
    rng,
    TOWNSHIPS.flatMap((t) => Array<string>(t.enterprise).fill(t.name))
  );
  const members: Member[] = [];
  types.forEach((type, i) => {
    const early = i < 1013; // joined by the end of the base year
    const m = member(type, 0, null);
    m.township = type === "enterprise" ? (townships.pop() ?? null) : townshipFor(rng, type);
    m.chamber = chooseChamber(rng, m.township);
    m.joined = early
      ? joinDate(rng, m.chamber, EARLIEST_JOIN, BASE_END)
      : joinDate(rng, m.chamber, day(2012, 1, 1), AS_OF);
    members.push(m);
  });
  // Two members left after the as-of date: still active on 2014-11-30.
  for (const m of members.filter((x) => x.joined < day(2010, 1, 1)).slice(0, 2)) {
    m.left = dayBetween(rng, day(2014, 12, 2), day(2014, 12, 20));
  }
  return members;
}

/** Members who left or joined at other times, so that growth and retention mean something. */
function otherMembers(rng: Rng): Member[] {
  const groups: Array<{ n: number; join: [Day, Day]; leave: (j: Day) => Day | null }> = [
    // in the base-year count, gone by the as-of date: 1,013 + 45 = 1,058
    {
      n: 45,
      join: [EARLIEST_JOIN, BASE_END],
      leave: () => dayBetween(rng, day(2012, 1, 5), AS_OF),
    },
    // gone before the end of the base year
    {
      n: 10,
      join: [EARLIEST_JOIN, day(2009, 12, 31)],
      leave: (j) => dayBetween(rng, Math.max(j + 200, day(2010, 1, 1)), BASE_END),
    },
    // joined and left between the base year and the as-of date
    {
      n: 5,
      join: [day(2012, 1, 1), day(2013, 6, 30)],
      leave: (j) => dayBetween(rng, j + 180, AS_OF),
    },
    // joined after the as-of date: listed, counted, not yet active
    { n: 3, join: [day(2014, 12, 1), day(2014, 12, 20)], leave: () => null },
  ];
  const members: Member[] = [];
  for (const g of groups) {
    for (let i = 0; i < g.n; i++) {
      const type = typeMix(rng);
      const m = member(type, 0, null);
      m.township = townshipFor(rng, type);
      m.chamber = chooseChamber(rng, m.township);
      m.joined = joinDate(rng, m.chamber, g.join[0], g.join[1]);
      m.left = g.leave(m.joined);
      m.pays = m.joined <= AS_OF;
      members.push(m);
    }
  }
  return members;
}

function chamberNamed(id: string): Chamber {
  const c = CHAMBERS.find((x) => x.id === id);
  if (!c) throw new Error(`no chamber ${id}`);
  return c;
}

/** The planted member-sheet mistakes; every one but the phone is an error that excludes its row. */
function mistakeMembers(
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

function placeMembers(all: Member[]): Member[] {
  const ordinary = all.filter((m) => !m.sameIdAsPrevious);
  const clinging = all.filter((m) => m.sameIdAsPrevious);
  const sorted = ordinary
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.joined - b.m.joined || a.i - b.i)
    .map((x) => x.m);
  for (const m of clinging) {
    const at = sorted.findIndex((x) => x.joined > m.joined);
    const before = sorted[at - 1];
    if (at <= 0 || !before) throw new Error("nowhere to place a repeated ID");
    m.joined = before.joined;
    sorted.splice(at, 0, m);
  }
  let n = 0;
  sorted.forEach((m, i) => {
    const previous = sorted[i - 1];
    if (m.sameIdAsPrevious && previous) m.id = previous.id;
    else m.id = `HY${String(++n).padStart(4, "0")}`;
    m.row = MEMBER_HEADER_ROW + 1 + i;
  });
  return sorted;
}

const MEMBER_HEADER_ROW = 2;

/** A few join dates typed as text in the forms people use; they read as the same day. */
function textDate(rng: Rng, t: Day): string | null {
  const r = rng();
  const { y, m, d } = parts(t);
  if (r < 0.02) return `${y}年${m}月${d}日`;
  if (r < 0.03) return `${y}/${pad2(m)}/${pad2(d)}`;
  return null;
}

function memberCells(rng: Rng, m: Member, index: number): Cell[] {
  const chamberCell = m.chamber ? (rng() < 0.08 ? m.chamber.id : m.chamber.name) : null;
  const values: Record<MemberColumn, Cell> = {
    no: index + 1,
    id: m.id,
    name: m.name,
    type: TYPE_WORD[m.type],
    chamber: chamberCell,
    township: m.township,
    uscc: m.uscc,
    industry: m.industry,
    joined: textDate(rng, m.joined) ?? cellDate(m.joined),
    left: m.left === null ? null : cellDate(m.left),
    aboveScale: m.aboveScale === null ? null : m.aboveScale ? "是" : "否",
    phone: m.phone,
    note: m.note,
    ...m.override,
  };
  return MEMBER_COLUMNS.map(([key]) => values[key]);
}

// ---------------------------------------------------------------------------------------------
// Dues
// ---------------------------------------------------------------------------------------------

interface DuesRow {
  memberId: string;
  memberName: string;
  member: Member | null;
  year: number;
  due: number;
  paid: number;
  paidOn: Day | null;
  /** How the amount due is typed: mostly a number, now and then text such as "2,000". */
  dueCell: Cell;
  note: string | null;
  counted: boolean;
  planted: Planted | null;
  row: number;
}

const DUES_HEADER_ROW = 1;

function yearlyDue(rng: Rng, m: Member): number {
  if (rng() < 0.01) return 0; // exempt (honorary members)
  const rich = m.chamber?.rich ?? false;
  if (m.type === "enterprise")
    return pick(rng, rich ? [3000, 5000, 8000, 10000] : [500, 1000, 1000, 2000]);
  if (m.type === "group") return rich ? 5000 : 1000;
  return rich ? 1000 : 300;
}

function duesYears(m: Member): number[] {
  if (!m.pays) return [];
  const first = Math.max(2012, yearOf(m.joined));
  const last = Math.min(2014, m.left === null ? 2014 : yearOf(m.left));
  return DUES_YEARS.filter((y) => y >= first && y <= last);
}

function paidAmount(rng: Rng, m: Member, year: number, due: number): number {
  const r = rng();
  if (m.chamber?.collectsAll) return year === 2014 || r < 0.95 ? due : 0;
  if (r < 0.78) return due;
  if (r < 0.88) return due / 2;
  return 0;
}

function duesRows(rng: Rng, members: readonly Member[]): DuesRow[] {
  const rows: DuesRow[] = [];
  for (const year of DUES_YEARS) {
    for (const m of members) {
      if (!duesYears(m).includes(year)) continue;
      const due = yearlyDue(rng, m);
      const paid = paidAmount(rng, m, year, due);
      const paidOn = paid > 0 ? dayBetween(rng, day(year, 2, 1), day(year, 6, 30)) : null;
      const r = rng();
      const dueCell =
        r < 0.003 ? String(due).replace(/\B(?=(\d{3})+$)/g, ",") : r < 0.005 ? `${due}元` : due;
      rows.push({
        memberId: m.id,
        memberName: m.name,
        member: m,
        year,
        due,
        paid,
        paidOn,
        dueCell,
        note: null,
        counted: m.counted,
        planted: null,
        row: 0,
      });
    }
  }
  return rows;
}

/** Guarantees that every chamber outside the five full collectors owes something for 2014. */
function leaveArrears(rows: DuesRow[]): void {
  for (const c of CHAMBERS.filter((x) => !x.collectsAll)) {
    const r = rows.find(
      (d) => d.year === 2014 && d.member?.chamber === c && d.counted && d.due > 0
    );
    if (!r) throw new Error(`${c.id} has no 2014 dues`);
    if (totals(rows, c, 2014).paid >= totals(rows, c, 2014).due) {
      r.paid = 0;
      r.paidOn = null;
    }
  }
}

function plantDuesMistakes(rng: Rng, rows: DuesRow[]): void {
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

function sortDues(rows: DuesRow[]): DuesRow[] {
  const rank = (d: DuesRow): number => (d.member ? d.member.row : 0);
  const sorted = rows
    .map((d, i) => ({ d, i, dup: d.planted?.code === "duplicate-dues" }))
    .sort(
      (a, b) =>
        a.d.year - b.d.year || Number(a.dup) - Number(b.dup) || rank(a.d) - rank(b.d) || a.i - b.i
    )
    .map((x) => x.d);
  sorted.forEach((d, i) => (d.row = DUES_HEADER_ROW + 1 + i));
  return sorted;
}

function totals(
  rows: readonly DuesRow[],
  c: Chamber | null,
  year: number
): { due: number; paid: number } {
  let due = 0;
  let paid = 0;
  for (const d of rows) {
    if (d.year !== year || !d.counted || (d.member?.chamber ?? null) !== c) continue;
    due += d.due;
    paid += d.paid;
  }
  return { due, paid };
}

// ---------------------------------------------------------------------------------------------
// The whole district, and a self-check against the plan
// ---------------------------------------------------------------------------------------------

interface District {
  members: Member[];
  dues: DuesRow[];
  presidents: string[];
  chamberCodes: string[];
  planted: Array<Planted & { row: number }>;
}

function buildDistrict(seed: number): District {
  const rng = mulberry32(seed);
  const usedCodes = new Set<string>();
  const usedNames = new Set<string>();
  const presidents = CHAMBERS.map(() => personName(rng));
  const chamberCodes = CHAMBERS.map(() => makeUscc(rng, "51", usedCodes));

  const good = [...activeMembers(rng), ...otherMembers(rng)];
  for (const m of good) describe(rng, m, usedCodes, usedNames);
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

  const members = placeMembers([...good, ...mistakeMembers(rng, good, usedCodes, usedNames)]);
  const dues = duesRows(rng, members);
  leaveArrears(dues);
  plantDuesMistakes(rng, dues);
  const sortedDues = sortDues(dues);

  const planted: Array<Planted & { row: number }> = [];
  const website = CHAMBERS.findIndex((c) => c.website !== null && !c.website.includes("://"));
  planted.push({
    sheet: "商会",
    field: "website",
    code: "bad-url",
    severity: "warning",
    what: "网站 missing the colon of http:// (still counts as a website)",
    row: website + 2,
  });
  for (const m of members) if (m.planted) planted.push({ ...m.planted, row: m.row });
  for (const d of sortedDues) if (d.planted) planted.push({ ...d.planted, row: d.row });
  // 乡镇 rows go year by year; a township without a 2014 row falls back on its 2013 row
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
  return { members, dues: sortedDues, presidents, chamberCodes, planted };
}

interface Figures {
  total: number;
  byType: Record<MemberType, number>;
  baseYearEnd: number;
  fullCollection: string[];
  incomeAtLeastThreshold: string[];
  missTarget: string[];
}

function figures(d: District): Figures {
  const counted = d.members.filter((m) => m.counted);
  const active = counted.filter((m) => activeAt(m, AS_OF));
  const byType = { enterprise: 0, group: 0, individual: 0 };
  for (const m of active) byType[m.type]++;
  const fullCollection: string[] = [];
  const income: string[] = [];
  for (const c of CHAMBERS) {
    const t = totals(d.dues, c, 2014);
    if (t.due > 0 && t.paid >= t.due) fullCollection.push(c.id);
    if (t.paid >= THRESHOLD) income.push(c.id);
  }
  const missTarget = TOWNSHIPS.filter((t) => {
    const n = active.filter((m) => m.type === "enterprise" && m.township === t.name).length;
    return n / t.npe < TARGET;
  }).map((t) => t.name);
  return {
    total: active.length,
    byType,
    baseYearEnd: counted.filter((m) => activeAt(m, BASE_END)).length,
    fullCollection,
    incomeAtLeastThreshold: income,
    missTarget,
  };
}

function assertPlan(f: Figures): void {
  const expected: Figures = {
    total: 1889,
    byType: { enterprise: 1400, group: 322, individual: 167 },
    baseYearEnd: 1058,
    fullCollection: CHAMBERS.filter((c) => c.collectsAll).map((c) => c.id),
    incomeAtLeastThreshold: CHAMBERS.filter((c) => c.rich).map((c) => c.id),
    missTarget: ["西城街道", "临江镇", "金桥镇"],
  };
  if (JSON.stringify(f) !== JSON.stringify(expected)) {
    throw new Error(
      `the sample misses its plan:\n${JSON.stringify(f)}\n${JSON.stringify(expected)}`
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Writing the workbook
// ---------------------------------------------------------------------------------------------

const FIXED_TIME = new Date(Date.UTC(2014, 11, 1, 1, 30, 0));
const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFDDEBF7" },
};

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: "center", vertical: "middle" };
  });
}

function setColumns(
  ws: ExcelJS.Worksheet,
  widths: readonly number[],
  dateColumns: readonly number[],
  textColumns: readonly number[]
): void {
  widths.forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = w;
    if (dateColumns.includes(i + 1)) col.numFmt = "yyyy-mm-dd";
    if (textColumns.includes(i + 1)) col.numFmt = "@";
  });
}

function writeChambers(wb: ExcelJS.Workbook, d: District): void {
  const ws = wb.addWorksheet("商会", { views: [{ state: "frozen", ySplit: 1 }] });
  const header = [
    "商会编号",
    "商会名称",
    "商会类型",
    "所属乡镇街道",
    "成立日期",
    "民政登记",
    "会长",
    "会长为企业家",
    "专职人员数",
    "固定办公场所",
    "网站",
    "会刊",
    "统一社会信用代码",
    "办公地址",
  ];
  styleHeader(ws.addRow(header));
  CHAMBERS.forEach((c, i) => {
    ws.addRow([
      c.id,
      c.name,
      c.typeWord,
      c.township,
      cellDate(c.founded),
      c.registeredCell,
      d.presidents[i] ?? null,
      "是",
      c.staff,
      c.fixedOffice ? "有" : "无",
      c.website,
      c.journal ? "有" : "无",
      d.chamberCodes[i] ?? null,
      `${c.township ?? "城关街道"}${pick(mulberry32(i + 1), BRANDS)}路${10 + i * 7}号`,
    ]);
  });
  setColumns(ws, [10, 26, 14, 13, 12, 9, 9, 12, 11, 12, 26, 6, 22, 26], [5], [1, 13]);
}

function writeMembers(wb: ExcelJS.Workbook, d: District, rng: Rng): void {
  const ws = wb.addWorksheet("会员", { views: [{ state: "frozen", ySplit: MEMBER_HEADER_ROW }] });
  ws.addRow(["2014年会员名册"]);
  ws.mergeCells(1, 1, 1, MEMBER_COLUMNS.length);
  const title = ws.getCell(1, 1);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: "center" };
  styleHeader(ws.addRow(MEMBER_COLUMNS.map(([, h]) => h)));
  d.members.forEach((m, i) => ws.addRow(memberCells(rng, m, i)));
  setColumns(
    ws,
    MEMBER_COLUMNS.map(([, , w]) => w),
    [9, 10],
    [2]
  );
  ws.getColumn(7).numFmt = "0"; // a code typed as a number shows all the digits Excel kept
}

function writeDues(wb: ExcelJS.Workbook, d: District): void {
  const ws = wb.addWorksheet("会费", { views: [{ state: "frozen", ySplit: DUES_HEADER_ROW }] });
  styleHeader(
    ws.addRow(["会员编号", "会员名称", "年度", "应缴金额(元)", "实缴金额(元)", "缴费日期", "备注"])
  );
  for (const r of d.dues) {
    ws.addRow([
      r.memberId,
      r.memberName,
      r.year,
      r.dueCell,
      r.paid,
      r.paidOn === null ? null : cellDate(r.paidOn),
      r.note,
    ]);
  }
  setColumns(ws, [10, 30, 7, 13, 13, 12, 14], [6], [1]);
  ws.getColumn(4).numFmt = "#,##0";
  ws.getColumn(5).numFmt = "#,##0";
}

function npeFor(t: TownshipPlan, year: number): number {
  // earlier years: about 6% fewer enterprises a year back
  return Math.round(t.npe / Math.pow(1.06, (t.has2014Row ? 2014 : 2013) - year));
}

function writeTownships(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("乡镇", { views: [{ state: "frozen", ySplit: 1 }] });
  styleHeader(ws.addRow(["乡镇街道", "年度", "非公企业数", "数据来源"]));
  for (const year of DUES_YEARS) {
    for (const t of TOWNSHIPS) {
      if (year === 2014 && !t.has2014Row) continue;
      ws.addRow([t.name, year, npeFor(t, year), `${year}年区市场监管局`]);
    }
  }
  setColumns(ws, [12, 7, 12, 20], [], []);
}

function writeSettings(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("设置");
  ws.addRow(["统计截止日期", cellDate(AS_OF)]).getCell(2).numFmt = "yyyy-mm-dd";
  ws.addRow(["基准年度", BASE_YEAR]);
  ws.addRow(["会员覆盖率目标", TARGET]).getCell(2).numFmt = "0%";
  ws.addRow(["会费收入标准", THRESHOLD]).getCell(2).numFmt = "#,##0";
  setColumns(ws, [16, 14], [], []);
}

export const SAMPLE_SEED = 20141130;

export async function writeSample(path: string): Promise<District> {
  const district = buildDistrict(SAMPLE_SEED);
  assertPlan(figures(district));
  const wb = new ExcelJS.Workbook();
  wb.creator = "云川区工商联";
  wb.lastModifiedBy = "云川区工商联";
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  writeChambers(wb, district);
  writeMembers(wb, district, mulberry32(SAMPLE_SEED + 1));
  writeDues(wb, district);
  writeTownships(wb);
  writeSettings(wb);
  mkdirSync(dirname(path), { recursive: true });
  await wb.xlsx.writeFile(path);
  return district;
}

function say(line: string): void {
  stdout.write(line + "\n");
}

function report(path: string, d: District): void {
  const f = figures(d);
  say(`wrote ${path}`);
  say(
    `members counted and active on 2014-11-30: ${f.total} (${f.byType.enterprise}/${f.byType.group}/${f.byType.individual}); end of 2011: ${f.baseYearEnd}`
  );
  say(
    `member rows ${d.members.length}, dues rows ${d.dues.length}; full collection ${f.fullCollection.join(",")}; income ≥ 500,000: ${f.incomeAtLeastThreshold.join(",")}; below target: ${f.missTarget.join(",")}`
  );
  for (const p of d.planted)
    say(`planted ${p.sheet} row ${p.row} ${p.field} ${p.code} (${p.severity}): ${p.what}`);
}

const isMain = argv[1] !== undefined && resolve(argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const out = resolve(argv[2] ?? resolve(root, "examples/sample-district.xlsx"));
  const district = await writeSample(out);
  report(out, district);
}
