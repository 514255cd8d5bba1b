/**
 * The sample district's plan (云川区): the reporting dates and targets, its 10 townships and 14
 * chambers, the words its names are made of, and the shapes of its member and dues rows. Everything
 * here is fixed data; scripts/sample/data.ts draws the rows from it.
 */
import { day, type Day } from "./draw";

export const AS_OF = day(2014, 11, 30);
export const BASE_YEAR = 2011;
export const BASE_END = day(BASE_YEAR, 12, 31);
export const DUES_YEARS = [2012, 2013, 2014] as const;
export const THRESHOLD = 500_000;
export const TARGET = 0.1;
export const EARLIEST_JOIN = day(2004, 1, 1);

export type MemberType = "enterprise" | "group" | "individual";
export const TYPE_WORD: Record<MemberType, string> = {
  enterprise: "企业会员",
  group: "团体会员",
  individual: "个人会员",
};

export interface TownshipPlan {
  readonly name: string;
  /** Counted enterprise members active on 2014-11-30. */
  readonly enterprise: number;
  /** 非公企业数 for 2014 (for 云溪乡, which has no 2014 row, its 2013 figure). */
  readonly npe: number;
  readonly has2014Row: boolean;
}

/** 10 townships; coverage = enterprise / npe is below 10% in 西城街道, 临江镇 and 金桥镇 only. */
export const TOWNSHIPS: readonly TownshipPlan[] = [
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

export interface Chamber {
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

export const CHAMBERS: readonly Chamber[] = CHAMBER_TABLE.trim().split("\n").map(parseChamber);

export const DIRECT_WEIGHT = 0.6;

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

export const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏方邹熊孟秦侯江薛段雷史陶贺顾邵钱戴严孔汤".split(
    ""
  );
export const GIVEN =
  "建国 伟 芳 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 华 志强 海燕 晓东 国庆 建华 玉兰 文斌 春生 德明 永红 立新 小平 金龙 宏伟 雪梅 家豪 俊 斌 鹏 慧 婷 浩 宇 振华 卫东 红梅".split(
    " "
  );
export const BRANDS =
  "宏达 鑫源 华信 永盛 恒通 金鼎 瑞丰 天成 振兴 明珠 东方 新业 远航 富康 嘉禾 盛达 正泰 环宇 腾飞 利民 安泰 长城 中兴 宝丰 锦华 华强 汇通 兴隆 顺发 恒昌 德润 广源 鸿运 佳美 金海 银河 百盛 万通 海鑫 福瑞 旭日 凯达 新时代 三友 四海 协力 精诚 诚信 大地 国泰 华泰 祥和 润发 博远 同创 聚源 星辰 晨光 绿源 青峰".split(
    " "
  );
export const INDUSTRY_PHRASES: Readonly<Record<string, readonly string[]>> = {
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
export const INDUSTRIES = Object.keys(INDUSTRY_PHRASES);
export const GROUP_TOPICS =
  "个体劳动者 青年企业家 女企业家 光彩事业 电子商务 茶叶 苗木花卉 家具 物流 建材 粮油 水产 民宿 文化创意 农机 家政服务 装饰 食品安全 养殖 竹木加工".split(
    " "
  );
export const GROUP_SUFFIXES = "协会 促进会 联合会 专业合作社".split(" ");
export const NOTES_ACTIVE = "理事单位 副会长单位 常务理事单位 会长单位".split(" ");
export const NOTES_LEFT = "企业注销 已迁出本区 本人申请退会 连续两年未缴会费".split(" ");

export type MemberColumn =
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
export const MEMBER_COLUMNS: ReadonlyArray<readonly [MemberColumn, string, number]> = [
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

export type Cell = string | number | Date | null;

export interface Planted {
  readonly sheet: "商会" | "会员" | "会费" | "乡镇";
  readonly field: string;
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly what: string;
}

export interface Member {
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

export function member(type: MemberType, joined: Day, left: Day | null): Member {
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

export function chamberNamed(id: string): Chamber {
  const c = CHAMBERS.find((x) => x.id === id);
  if (!c) throw new Error(`no chamber ${id}`);
  return c;
}

export const MEMBER_HEADER_ROW = 2;

export interface DuesRow {
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

export const DUES_HEADER_ROW = 1;

export interface District {
  members: Member[];
  dues: DuesRow[];
  presidents: string[];
  chamberCodes: string[];
  planted: Array<Planted & { row: number }>;
}
