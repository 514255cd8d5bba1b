/**
 * Workbooks for the Office.js adapter's tests and benchmark, as fake-Excel snapshots: a small
 * hand-made district with Chinese headers (SPEC §1), and a generated one of any size.
 */
import type { SheetSnapshot, SnapshotCell, WorkbookSnapshot } from "../../src/fake-excel";
import { mulberry32 } from "../../scripts/random";

const DATE = "yyyy-mm-dd";

/** Excel serial (1900 system) of a YYYY-MM-DD day. */
export function serial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function sheet(
  name: string,
  rows: SnapshotCell[][],
  dateColumns: readonly number[] = [],
  headerRows = 1
): SheetSnapshot {
  const numberFormats = rows.map((line, r) =>
    line.map((v, c) =>
      r >= headerRows && dateColumns.includes(c) && typeof v === "number" ? DATE : null
    )
  );
  return { name, cells: rows, numberFormats };
}

const TOWNSHIPS = ["城关街道", "南湖镇", "西城街道", "临江镇", "金桥镇", "云溪乡"];

/** A small district: 4 chambers, 8 members, their 2014 dues, 6 townships, and a 设置 sheet. */
export function smallDistrict(
  extra: { members?: SnapshotCell[][]; chambers?: SnapshotCell[][] } = {}
): WorkbookSnapshot {
  const chambers: SnapshotCell[][] = [
    ["商会编号", "商会名称", "商会类型", "所属乡镇街道", "成立日期", "民政登记", "网站"],
    ["SH01", "城关街道商会", "乡镇街道商会", "城关街道", serial("2005-03-01"), "是", "www.cg.cn"],
    ["SH02", "南湖镇商会", "乡镇街道商会", "南湖镇", serial("2008-06-15"), "是", null],
    ["SH03", "餐饮行业商会", "行业商会", null, serial("2010-01-20"), "否", null],
    ["SH04", "温州商会", "异地商会", null, serial("2012-09-09"), "是", null],
    ...(extra.chambers ?? []),
  ];
  const members: SnapshotCell[][] = [
    ["2014年会员名册", null, null, null, null, null, null],
    ["会员编号", "会员名称", "会员类型", "所属商会", "乡镇街道", "入会日期", "联系电话"],
    [
      "M001",
      "城关建材有限公司",
      "企业会员",
      "SH01",
      "城关街道",
      serial("2010-05-01"),
      "13800138000",
    ],
    ["M002", "南湖食品厂", "企业会员", "SH02", "南湖镇", serial("2012-02-11"), "0571-88886666"],
    ["M003", "张三", "个人会员", "SH03", null, serial("2013-07-07"), null],
    ["M004", "餐饮协会", "团体会员", "SH03", null, serial("2011-01-01"), null],
    ["M005", "西城科技", "企业会员", null, "西城街道", serial("2014-03-03"), null],
    ["M006", "临江物流", "企业会员", "SH04", "临江镇", serial("2009-09-09"), null],
    ["M007", "金桥五金", "企业会员", "SH01", "金桥镇", serial("2014-01-15"), null],
    ["M008", "云溪茶业", "企业会员", "SH02", "云溪乡", serial("2013-12-01"), null],
    ...(extra.members ?? []),
  ];
  const dues: SnapshotCell[][] = [["会员编号", "年度", "应缴金额", "实缴金额", "缴费日期"]];
  ["M001", "M002", "M003", "M004", "M005", "M006", "M007", "M008"].forEach((id, i) => {
    dues.push([id, 2014, 1000 + i * 100, i % 3 === 0 ? 500 : 1000 + i * 100, serial("2014-04-01")]);
  });
  const townships: SnapshotCell[][] = [["乡镇街道", "年度", "非公企业数"]];
  TOWNSHIPS.forEach((t, i) => townships.push([t, 2014, 50 + i * 10]));
  return {
    sheets: [
      sheet("商会", chambers, [4]),
      sheet("会员", members, [5], 2),
      sheet("会费", dues, [4]),
      sheet("乡镇", townships),
      {
        name: "设置",
        cells: [
          ["统计截止日期", serial("2014-11-30")],
          ["基准年度", 2011],
        ],
        numberFormats: [
          [null, DATE],
          [null, null],
        ],
      },
    ],
  };
}

const TYPES = ["企业会员", "团体会员", "个人会员"];

/** A district of any size: `members` members and `duesPerMember` dues rows each (2012 onwards). */
export function generatedDistrict(
  members: number,
  duesPerMember: number,
  options: { seed?: number; badPhones?: boolean } = {}
): WorkbookSnapshot {
  const seed = options.seed ?? 7;
  const rnd = mulberry32(seed);
  const chamberCount = 40;
  const chambers: SnapshotCell[][] = [
    ["商会编号", "商会名称", "商会类型", "所属乡镇街道", "成立日期", "民政登记"],
  ];
  for (let i = 1; i <= chamberCount; i++) {
    const township = i <= TOWNSHIPS.length;
    chambers.push([
      `SH${String(i).padStart(3, "0")}`,
      township ? `${TOWNSHIPS[i - 1]}商会` : `第${i}行业商会`,
      township ? "乡镇街道商会" : "行业商会",
      township ? (TOWNSHIPS[i - 1] as string) : null,
      serial("2000-01-01") + i * 97,
      rnd() < 0.9 ? "是" : "否",
    ]);
  }
  const memberRows: SnapshotCell[][] = [
    ["会员编号", "会员名称", "会员类型", "所属商会", "乡镇街道", "入会日期", "联系电话"],
  ];
  const dues: SnapshotCell[][] = [["会员编号", "年度", "应缴金额", "实缴金额", "缴费日期"]];
  for (let i = 1; i <= members; i++) {
    const id = `M${String(i).padStart(6, "0")}`;
    const type = TYPES[Math.floor(rnd() * 3)] as string;
    memberRows.push([
      id,
      `会员单位${i}有限公司`,
      type,
      rnd() < 0.8 ? `SH${String(1 + Math.floor(rnd() * chamberCount)).padStart(3, "0")}` : null,
      TOWNSHIPS[Math.floor(rnd() * TOWNSHIPS.length)] as string,
      serial("2005-01-01") + Math.floor(rnd() * 3000),
      options.badPhones ? `12345-${i}` : `139${String(Math.floor(rnd() * 1e8)).padStart(8, "0")}`,
    ]);
    for (let y = 0; y < duesPerMember; y++) {
      const due = 500 + Math.floor(rnd() * 20) * 100;
      dues.push([
        id,
        2012 + y,
        due,
        rnd() < 0.8 ? due : Math.floor(due / 2),
        serial(`${2012 + y}-03-15`),
      ]);
    }
  }
  const townships: SnapshotCell[][] = [["乡镇街道", "年度", "非公企业数"]];
  for (const t of TOWNSHIPS)
    for (const y of [2013, 2014]) townships.push([t, y, 1000 + Math.floor(rnd() * 9000)]);
  return {
    sheets: [
      sheet("商会", chambers, [4]),
      sheet("会员", memberRows, [5]),
      sheet("会费", dues, [4]),
      sheet("乡镇", townships),
      sheet("设置", [["统计截止日期", serial("2014-11-30")]], [1], 0),
    ],
  };
}

/** The input sheets' names of a snapshot. */
export function sheetNames(snapshot: WorkbookSnapshot): string[] {
  return snapshot.sheets.map((s) => s.name);
}
