#!/usr/bin/python3
"""
Writes scripts/producers/dataset.json: the one logical data set that every producer fixture of
tests/fixtures/producers/ holds (a small district: 10 townships, 10 chambers of every type,
about 200 members, about 400 dues rows over 2023 and 2024), with planted problems whose effect
is known:

- 会员 row of M0037: a credit code whose check character is wrong (bad-uscc; the member is excluded
  and so are its two dues rows: member-excluded);
- 会员 row of the second M0102: a repeated member ID (duplicate-id);
- 会费 row for M9999: no such member (unknown-member);
- 乡镇 梅花乡 has a row for 2023 but none for 2024 (township-year-missing, a warning; 2023 is used);
- M0150 joined 高新园区商会 before the chamber was founded (joined-before-founded, a warning).

Deterministic (a seeded random.Random): running it again writes the same file. The statistics
that the fixtures must give are computed from this file by oracle.py, not by the TypeScript engine.
Usage: /usr/bin/python3 scripts/producers/dataset.py [OUT.json]
"""
import datetime as dt
import json
import random
import sys
from pathlib import Path

AS_OF = "2024-11-30"
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(body17: str) -> str:
    """A credit code: 17 characters and the GB 32100-2015 check character."""
    total = sum(ALPHABET.index(ch) * w for ch, w in zip(body17, WEIGHTS))
    return body17 + ALPHABET[(31 - total % 31) % 31]


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


rng = random.Random(20241130)


def random_day(lo: dt.date, hi: dt.date) -> dt.date:
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


TOWNSHIPS = ["城关镇", "东山街道", "西湖街道", "南港镇", "北岭乡", "青石镇", "白沙镇", "梅花乡", "凤凰街道", "金桥镇"]

CHAMBER_COLUMNS = ["商会编号", "商会名称", "商会类型", "所属乡镇街道", "成立日期", "撤销日期", "民政登记", "会长",
                   "会长为企业家", "专职人员数", "固定办公场所", "网站", "会刊", "统一社会信用代码"]
# (id, name, type word as typed, township, founded, dissolved, registered, president, entrepreneur,
#  staff, office, website, journal, credit code body or None)
CHAMBERS = [
    ("SH01", "城关镇商会", "乡镇街道商会", "城关镇", "2012-03-18", None, "是", "林建国", "是", 3, "是", "http://cgz.example.cn", "是", "5135010200MJ00001"),
    ("SH02", "东山街道商会", "街道商会", "东山街道", "2014-06-01", None, "是", "陈志强", "是", 1, "是", None, "否", "5135010200MJ00002"),
    ("SH03", "西湖街道商会", "乡镇街道商会", "西湖街道", "2016-09-10", None, None, "黄丽华", "是", 0, "是", None, "否", "5135010200MJ00003"),
    ("SH04", "南港镇商会", "乡镇商会", "南港镇", "2013-05-20", "2023-06-30", "是", "吴德明", "是", 1, "否", None, "否", None),
    ("SH05", "青石镇商会", "乡镇街道商会", "青石镇", "2019-11-11", None, "否", "郑海涛", "否", 0, "否", None, "否", None),
    ("SH06", "建筑业商会", "行业商会", None, "2011-04-02", None, "是", "王永福", "是", 5, "是", "https://jzy.example.com/", "是", "5135010200MJ00006"),
    ("SH07", "餐饮同业公会", "同业公会", None, "2015-08-08", None, "否", "刘春梅", "是", 0, "是", "www.cyth.example.org", "否", None),
    ("SH08", "高新园区商会", "区域性商会", None, "2017-03-03", None, "是", "张卫东", "是", 2, "是", None, "否", "5135010200MJ00008"),
    ("SH09", "温州商会", "异地商会", None, "2018-10-01", None, "是", "潘正义", "是", 1, "是", None, "是", None),
    ("SH10", "青年企业家商会", "青年商会", None, "2020-05-04", None, None, "赵一鸣", "否", 0, "否", None, "否", None),
]

MEMBER_COLUMNS = ["会员编号", "会员名称", "会员类型", "所属商会", "乡镇街道", "统一社会信用代码", "行业", "入会日期",
                  "退会日期", "规上企业", "联系电话"]
DUES_COLUMNS = ["会员编号", "年度", "应缴金额", "实缴金额", "缴费日期"]
TOWNSHIP_COLUMNS = ["乡镇街道", "年度", "非公企业数"]

WORDS = ["鑫源", "恒达", "宏远", "华泰", "永盛", "金鹏", "瑞丰", "嘉禾", "兴业", "博远", "凯越", "天成", "东方", "新宇", "海峡", "闽江"]
TRADES = [("建筑", "建筑业"), ("餐饮", "住宿和餐饮业"), ("电子", "制造业"), ("纺织", "制造业"), ("物流", "交通运输业"),
          ("软件", "信息技术服务业"), ("食品", "制造业"), ("贸易", "批发和零售业")]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林"
GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "勇", "军", "杰", "涛", "明", "超", "霞", "平", "刚", "桂英"]
GROUPS = ["青年创业协会", "女企业家联谊会", "电子商务协会", "茶业协会", "个体劳动者协会", "光彩事业促进会"]


def chamber_pick(kind: str, join_lo: dt.date):
    """A chamber for a new member (or None: a direct member) and the earliest join date it allows."""
    roll = rng.random()
    if roll < 0.15:
        return None, join_lo
    pool = [c for c in CHAMBERS if kind != "individual" or c[2] in ("青年商会", "异地商会", "乡镇街道商会")]
    c = rng.choice(pool)
    return c, max(join_lo, day(c[4]))


def build():
    members = []
    n = 0
    counts = {"enterprise": 138, "group": 18, "individual": 44}
    kinds = [k for k, v in counts.items() for _ in range(v)]
    rng.shuffle(kinds)
    used_names = set()
    for kind in kinds:
        n += 1
        mid = f"M{n:04d}"
        chamber, join_lo = chamber_pick(kind, day("2015-01-01"))
        dissolved = day(chamber[5]) if chamber and chamber[5] else None
        join_hi = (dissolved - dt.timedelta(days=30)) if dissolved else day(AS_OF)
        joined = random_day(join_lo, join_hi)
        left = None
        if rng.random() < 0.07 and joined + dt.timedelta(days=200) < day(AS_OF):
            left = random_day(joined + dt.timedelta(days=200), day(AS_OF))
        township = None
        if chamber and chamber[3]:
            township = chamber[3]
        elif kind == "enterprise" or rng.random() < 0.4:
            township = rng.choice(TOWNSHIPS)
        if kind == "enterprise":
            while True:
                word, industry = rng.choice(TRADES)
                name = f"{township[:2]}{rng.choice(WORDS)}{word}有限公司"
                if name not in used_names:
                    break
            code = uscc(f"91350102MA{n:07d}")
            above = "是" if rng.random() < 0.3 else "否"
        elif kind == "group":
            name = f"{rng.choice(['区', township[:2] if township else '区'])}{rng.choice(GROUPS)}"
            industry = None
            code = None
            above = None
        else:
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.5 else "")
            industry = rng.choice([t[1] for t in TRADES]) if rng.random() < 0.5 else None
            code = None
            above = None
        used_names.add(name)
        phone_roll = rng.random()
        if phone_roll < 0.45:
            phone = f"1{rng.choice('3456789')}{rng.randint(0, 999999999):09d}"
        elif phone_roll < 0.6:
            phone = f"0591-8{rng.randint(0, 9999999):07d}"
        else:
            phone = None
        chamber_ref = None
        if chamber:
            # A few members name their chamber by its exact name rather than its ID.
            chamber_ref = chamber[1] if n % 23 == 0 else chamber[0]
        members.append({
            "id": mid, "name": name, "kind": kind, "chamber": chamber_ref, "township": township,
            "uscc": code, "industry": industry, "joined": joined.isoformat(),
            "left": left.isoformat() if left else None, "above": above, "phone": phone,
        })
    by_id = {m["id"]: m for m in members}
    # Planted: M0037 is an enterprise member with a wrong check character.
    bad = by_id["M0037"]
    if bad["kind"] != "enterprise":
        raise SystemExit("M0037 must be an enterprise member; change the seed")
    good = bad["uscc"]
    bad["uscc"] = good[:17] + ("0" if good[17] != "0" else "1")
    # Planted: M0150 joined 高新园区商会 (founded 2017-03-03) in 2016.
    m150 = by_id["M0150"]
    m150.update({"chamber": "SH08", "joined": "2016-08-15", "left": None})
    if m150["kind"] == "enterprise" and m150["township"] is None:
        m150["township"] = "城关镇"
    # SH06's members pay large dues; make sure it has enough enterprise members.
    sh06 = [m for m in members if m["chamber"] in ("SH06", "建筑业商会")]
    for m in members:
        if len(sh06) >= 11:
            break
        if m["kind"] == "enterprise" and m["chamber"] is None and m["id"] not in ("M0037", "M0150"):
            m["chamber"] = "SH06"
            m["joined"] = max(m["joined"], "2015-03-01")
            sh06.append(m)
    # Planted: a second row with the ID M0102, an individual member without a code.
    dup = {"id": "M0102", "name": "周明", "kind": "individual", "chamber": None, "township": None,
           "uscc": None, "industry": None, "joined": "2021-04-06", "left": None, "above": None,
           "phone": "13905918888"}
    members.insert(160, dup)
    return members


def chamber_of(ref):
    for c in CHAMBERS:
        if ref in (c[0], c[1]):
            return c
    return None


def dues_rows(members):
    rows = []
    seen = set()
    for year in (2023, 2024):
        for m in members:
            joined = day(m["joined"])
            left = day(m["left"]) if m["left"] else None
            if joined > dt.date(year, 12, 31) or (left and left < dt.date(year, 1, 1)):
                continue
            if (m["id"], year) in seen:
                continue  # the duplicate-ID row has no dues of its own
            seen.add((m["id"], year))
            c = chamber_of(m["chamber"]) if m["chamber"] else None
            if m["kind"] == "enterprise":
                due = 60000 if c and c[0] == "SH06" else 2000
            elif m["kind"] == "group":
                due = 1000
            else:
                due = 360.5
            roll = rng.random()
            if roll < 0.04:
                due, paid, paid_on = 0, None, None  # exempt
            elif (c and c[0] in ("SH06", "SH09") and year == 2024) or roll < 0.8:
                paid, paid_on = due, random_day(dt.date(year, 2, 1), dt.date(year, 11, 20))
            elif roll < 0.9:
                paid, paid_on = due / 2, random_day(dt.date(year, 2, 1), dt.date(year, 11, 20))
            else:
                paid, paid_on = (0 if roll < 0.95 else None), None
            rows.append([m["id"], year, due, paid, paid_on.isoformat() if paid_on else None])
    rows.append(["M9999", 2024, 2000, 2000, "2024-05-06"])  # planted: no such member
    return rows


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("dataset.json")
    members = build()
    dues = dues_rows(members)
    townships = []
    for year in (2023, 2024):
        for i, t in enumerate(TOWNSHIPS):
            if t == "梅花乡" and year == 2024:
                continue  # planted: township-year-missing
            base = [310, 260, 420, 180, 95, 230, 150, 120, 380, 205][i]
            townships.append([t, year, base + (year - 2023) * (7 + i)])
    chambers = [[c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12],
                 uscc(c[13]) if c[13] else None] for c in CHAMBERS]
    data = {
        "about": "One small district, written by every producer of tests/fixtures/producers/. "
                 "Made by scripts/producers/dataset.py; dates are ISO days written as real date cells.",
        "asOf": AS_OF,
        "sheets": [
            {"name": "商会", "columns": CHAMBER_COLUMNS,
             "dates": ["成立日期", "撤销日期"], "rows": chambers},
            {"name": "会员", "columns": MEMBER_COLUMNS, "dates": ["入会日期", "退会日期"],
             "rows": [[m["id"], m["name"], {"enterprise": "企业会员", "group": "团体会员", "individual": "个人会员"}[m["kind"]],
                       m["chamber"], m["township"], m["uscc"], m["industry"], m["joined"], m["left"], m["above"], m["phone"]]
                      for m in members]},
            {"name": "会费", "columns": DUES_COLUMNS, "dates": ["缴费日期"], "rows": dues},
            {"name": "乡镇", "columns": TOWNSHIP_COLUMNS, "dates": [], "rows": townships},
        ],
    }
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: " + ", ".join(f"{s['name']} {len(s['rows'])} rows" for s in data["sheets"]))


if __name__ == "__main__":
    main()
