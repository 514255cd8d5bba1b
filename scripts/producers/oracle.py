#!/usr/bin/python3
"""
The expected figures of the producer corpus, computed from scripts/producers/dataset.json by
SPEC.md's rules directly (§1 checks that the data set can trigger, §3 problems, §4 metrics),
independently of the TypeScript engine: no code of src/ is read or run. Writes
tests/fixtures/producers/oracle.json, a subset of the §6 JSON (`--json`) plus the planted
problems' cells.

Usage: /usr/bin/python3 scripts/producers/oracle.py [dataset.json] [oracle.json]
"""
import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
CHAMBER_TYPES = {
    "township": ["乡镇街道商会", "乡镇商会", "街道商会", "乡镇街道", "Township"],
    "industry": ["行业商会", "同业公会", "行业协会", "行业商会/同业公会", "Industry"],
    "regional": ["区域性商会", "区域商会", "开发区商会", "园区商会", "村级商会", "Regional"],
    "outOfTown": ["异地商会", "Out-of-town"],
    "other": ["其他商会", "青年商会", "女企业家商会", "其他", "Other"],
}
MEMBER_TYPES = {"企业会员": "enterprise", "企业": "enterprise", "团体会员": "group", "团体": "group",
                "个人会员": "individual", "个人": "individual"}
YES = {"是", "有", "Y", "yes", "true", "√", "✓", "1"}
NO = {"否", "无", "N", "no", "false", "×", "✗", "0"}


def uscc_ok(code):
    code = code.upper()
    if len(code) != 18 or any(ch not in ALPHABET for ch in code):
        return False
    total = sum(ALPHABET.index(ch) * w for ch, w in zip(code, WEIGHTS))
    return ALPHABET.index(code[17]) == (31 - total % 31) % 31


def phone_ok(text):
    digits = re.sub(r"[-\s()]", "", text)
    return bool(re.fullmatch(r"1[3-9]\d{9}", digits) or re.fullmatch(r"0\d{2,3}\d{7,8}", digits))


def url_ok(text):
    return bool(re.fullmatch(r"(https?://)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]+(/\S*)?", text))


def boolean(value):
    if value is None:
        return False
    if value in YES:
        return True
    if value in NO:
        return False
    raise ValueError(f"not a boolean in the data set: {value!r}")


def day(text):
    return dt.date.fromisoformat(text) if text else None


def letter(index):
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


class Sheet:
    def __init__(self, spec):
        self.name = spec["name"]
        self.columns = spec["columns"]
        self.rows = [dict(zip(self.columns, row)) for row in spec["rows"]]

    def col(self, column):
        return letter(self.columns.index(column))


def compute(data):
    sheets = {s["name"]: Sheet(s) for s in data["sheets"]}
    order = [s["name"] for s in data["sheets"]]
    as_of = day(data["asOf"])
    Y = as_of.year
    B = Y - 3
    problems = []  # (sheet, row, column, code, severity)

    def report(sheet, i, column, code, severity):
        problems.append((sheet.name, i + 2, sheet.col(column) if column else None, code, severity))

    # 乡镇
    tw = sheets["乡镇"]
    seen = set()
    for i, r in enumerate(tw.rows):
        key = (r["乡镇街道"], r["年度"])
        if key in seen:
            report(tw, i, "乡镇街道", "duplicate-township-year", "error")
        seen.add(key)
    township_names = list(dict.fromkeys(r["乡镇街道"] for r in tw.rows))

    # 商会
    ch = sheets["商会"]
    ids, names, codes = set(), set(), set()
    for i, r in enumerate(ch.rows):
        r["type"] = next(k for k, words in CHAMBER_TYPES.items() if r["商会类型"] in words)
        if r["商会编号"] in ids:
            report(ch, i, "商会编号", "duplicate-id", "error")
        if r["商会名称"] in names:
            report(ch, i, "商会名称", "duplicate-id", "error")
        ids.add(r["商会编号"])
        names.add(r["商会名称"])
        if r["type"] == "township" and not r["所属乡镇街道"]:
            report(ch, i, "所属乡镇街道", "blank-required", "error")
        if r["所属乡镇街道"] and r["所属乡镇街道"] not in township_names:
            report(ch, i, "所属乡镇街道", "unknown-township", "error")
        if r["撤销日期"] and day(r["撤销日期"]) < day(r["成立日期"]):
            report(ch, i, "撤销日期", "date-order", "error")
        code = r["统一社会信用代码"]
        if code:
            if not uscc_ok(code):
                report(ch, i, "统一社会信用代码", "bad-uscc", "error")
            elif code in codes:
                report(ch, i, "统一社会信用代码", "duplicate-uscc", "error")
            codes.add(code)
        if r["网站"] and not url_ok(r["网站"]):
            report(ch, i, "网站", "bad-url", "warning")
        r["registered"] = boolean(r["民政登记"]) or bool(code and uscc_ok(code) and code.startswith("51"))

    def chamber_row(ref):
        for r in ch.rows:
            if r["商会编号"] == ref:
                return r
        for r in ch.rows:
            if r["商会名称"] == ref:
                return r
        return None

    # 会员
    me = sheets["会员"]
    ids, codes = set(), set()
    first_row = {}
    for i, r in enumerate(me.rows):
        r["type"] = MEMBER_TYPES[r["会员类型"]]
        if r["会员编号"] in ids:
            report(me, i, "会员编号", "duplicate-id", "error")
        else:
            first_row[r["会员编号"]] = i
        ids.add(r["会员编号"])
        if r["type"] == "enterprise" and not r["乡镇街道"]:
            report(me, i, "乡镇街道", "blank-required", "error")
        if r["乡镇街道"] and r["乡镇街道"] not in township_names:
            report(me, i, "乡镇街道", "unknown-township", "error")
        code = r["统一社会信用代码"]
        if code:
            if not uscc_ok(code):
                report(me, i, "统一社会信用代码", "bad-uscc", "error")
            elif code in codes:
                report(me, i, "统一社会信用代码", "duplicate-uscc", "error")
            codes.add(code)
        r["chamberRow"] = chamber_row(r["所属商会"]) if r["所属商会"] else None
        if r["所属商会"] and r["chamberRow"] is None:
            report(me, i, "所属商会", "unknown-chamber", "error")
        if r["退会日期"] and day(r["退会日期"]) < day(r["入会日期"]):
            report(me, i, "退会日期", "date-order", "error")
        if r["chamberRow"] and day(r["入会日期"]) < day(r["chamberRow"]["成立日期"]):
            report(me, i, "入会日期", "joined-before-founded", "warning")
        if r["联系电话"] and not phone_ok(r["联系电话"]):
            report(me, i, "联系电话", "bad-phone", "warning")

    def row_has_error(sheet, i):
        return any(p[0] == sheet.name and p[1] == i + 2 and p[4] == "error" for p in problems)

    for sheet in (ch, me):
        for i, r in enumerate(sheet.rows):
            r["counted"] = not row_has_error(sheet, i)

    # 会费
    du = sheets["会费"]
    seen = set()
    for i, r in enumerate(du.rows):
        m = me.rows[first_row[r["会员编号"]]] if r["会员编号"] in first_row else None
        if m is None:
            report(du, i, "会员编号", "unknown-member", "error")
        elif not m["counted"]:
            report(du, i, "会员编号", "member-excluded", "error")
        key = (r["会员编号"], r["年度"])
        if key in seen:
            report(du, i, "年度", "duplicate-dues", "error")
        seen.add(key)
        paid = r["实缴金额"] or 0
        if paid > r["应缴金额"]:
            report(du, i, "实缴金额", "overpaid", "warning")
        if paid > 0 and not r["缴费日期"]:
            report(du, i, "缴费日期", "paid-without-date", "warning")
        if m is not None:
            left = day(m["退会日期"])
            if r["年度"] < day(m["入会日期"]).year or (left and r["年度"] > left.year):
                report(du, i, "年度", "dues-outside-membership", "warning")
        r["member"] = m
    for i, r in enumerate(du.rows):
        r["counted"] = not row_has_error(du, i)

    # 乡镇: the reporting year's row or the latest earlier one.
    for name in township_names:
        years = [r["年度"] for r in tw.rows if r["乡镇街道"] == name]
        if Y not in years:
            first = next(i for i, r in enumerate(tw.rows) if r["乡镇街道"] == name)
            report(tw, first, None, "township-year-missing", "warning")
    for i, r in enumerate(tw.rows):
        r["counted"] = not row_has_error(tw, i)

    # ---- metrics (§4) over counted rows ----
    def end_of(year):
        return as_of if year >= Y else dt.date(year, 12, 31)

    members = [r for r in me.rows if r["counted"]]

    def active(m, t):
        return day(m["入会日期"]) <= t and (not m["退会日期"] or day(m["退会日期"]) > t)

    def active_members(t):
        return [m for m in members if active(m, t)]

    def by_type(ms):
        return {k: sum(1 for m in ms if m["type"] == k) for k in ("enterprise", "group", "individual")}

    def rate(a, b):
        return None if b == 0 else a / b

    def growth(now, before):
        return None if before == 0 else (now - before) / before

    now = active_members(as_of)
    prev = active_members(dt.date(Y - 1, 12, 31))
    base = active_members(end_of(B))
    start = dt.date(Y, 1, 1)
    out_members = {
        "total": len(now),
        "byType": by_type(now),
        "newInYear": sum(1 for m in members if start <= day(m["入会日期"]) <= as_of),
        "leftInYear": sum(1 for m in members if m["退会日期"] and start <= day(m["退会日期"]) <= as_of),
        "previousYearEnd": len(prev),
        "growthRate": growth(len(now), len(prev)),
        "baseYearEnd": len(base),
        "growthSinceBase": growth(len(now), len(base)),
        "retentionRate": rate(sum(1 for m in prev if active(m, as_of)), len(prev)),
        "aboveScale": sum(1 for m in now if m["type"] == "enterprise" and boolean(m["规上企业"])),
    }
    series = []
    for x in range(B, Y + 1):
        at = active_members(end_of(x))
        lo, hi = dt.date(x, 1, 1), end_of(x)
        before = len(active_members(end_of(x - 1)))
        series.append({
            "year": x, "members": len(at), **by_type(at),
            "new": sum(1 for m in members if lo <= day(m["入会日期"]) <= hi),
            "left": sum(1 for m in members if m["退会日期"] and lo <= day(m["退会日期"]) <= hi),
            "growthRate": growth(len(at), before),
        })

    chambers = [c for c in ch.rows if c["counted"] and day(c["成立日期"]) <= as_of
                and (not c["撤销日期"] or day(c["撤销日期"]) > as_of)]
    active_ids = {id(c) for c in chambers}
    dues_y = [d for d in du.rows if d["counted"] and d["年度"] == Y]

    def fen(value):
        return round((value or 0) * 100)

    def slot_of(m):
        c = m["chamberRow"]
        return id(c) if c is not None and id(c) in active_ids else None

    slots = {}
    for c in chambers + [None]:
        key = id(c) if c else None
        rows = [d for d in dues_y if slot_of(d["member"]) == key]
        due, paid = sum(fen(d["应缴金额"]) for d in rows), sum(fen(d["实缴金额"]) for d in rows)
        slots[key] = {
            "chamberId": c["商会编号"] if c else None,
            "chamberName": c["商会名称"] if c else "直属及其他",
            "members": sum(1 for m in now if slot_of(m) == key),
            "due": due / 100, "paid": paid / 100,
            "collectionRate": rate(paid, due),
            "fullCollection": due > 0 and paid >= due,
            "incomeAtLeastThreshold": paid >= 500000 * 100,
            "_rows": len(rows),
        }
    total = len(chambers)

    def flag(name, test):
        n = sum(1 for c in chambers if test(c))
        return {name: n, f"{name}Rate": rate(n, total)}

    chamber_slots = [slots[id(c)] for c in chambers]
    out_chambers = {
        "total": total,
        "byType": {k: sum(1 for c in chambers if c["type"] == k) for k in CHAMBER_TYPES},
        **flag("registered", lambda c: c["registered"]),
        **flag("presidentEntrepreneur", lambda c: boolean(c["会长为企业家"])),
        **flag("fixedOffice", lambda c: boolean(c["固定办公场所"])),
        **flag("fullTimeStaff", lambda c: (c["专职人员数"] or 0) >= 1),
        **flag("website", lambda c: bool(c["网站"])),
        **flag("journal", lambda c: boolean(c["会刊"])),
        "fullCollection": sum(1 for s in chamber_slots if s["fullCollection"]),
        "fullCollectionRate": rate(sum(1 for s in chamber_slots if s["fullCollection"]), total),
        "incomeAtLeastThreshold": sum(1 for s in chamber_slots if s["incomeAtLeastThreshold"]),
        "incomeAtLeastThresholdRate": rate(sum(1 for s in chamber_slots if s["incomeAtLeastThreshold"]), total),
    }

    target = 0.1
    by_township = []
    for name in township_names:
        rows = [r for r in tw.rows if r["counted"] and r["乡镇街道"] == name and r["年度"] <= Y]
        latest = max(rows, key=lambda r: r["年度"]) if rows else None
        npe = latest["非公企业数"] if latest else 0
        em = sum(1 for m in now if m["type"] == "enterprise" and m["乡镇街道"] == name)
        cov = rate(em, npe)
        by_township.append({
            "township": name, "nonPublicEnterprises": npe, "enterpriseMembers": em, "coverage": cov,
            "meetsTarget": None if cov is None else cov >= target,
            "hasTownshipChamber": any(c["type"] == "township" and c["所属乡镇街道"] == name for c in chambers),
        })
    npe_total = sum(t["nonPublicEnterprises"] for t in by_township)
    em_total = sum(1 for m in now if m["type"] == "enterprise")
    with_chamber = sum(1 for t in by_township if t["hasTownshipChamber"])
    out_coverage = {
        "townships": len(township_names),
        "townshipsWithChamber": with_chamber,
        "townshipChamberCoverage": rate(with_chamber, len(township_names)),
        "nonPublicEnterprises": npe_total,
        "enterpriseMembers": em_total,
        "memberCoverage": rate(em_total, npe_total),
        "target": target,
        "meetsTarget": rate(em_total, npe_total) >= target,
        "byTownship": by_township,
    }

    due_all = sum(fen(d["应缴金额"]) for d in dues_y)
    paid_all = sum(fen(d["实缴金额"]) for d in dues_y)
    by_chamber = chamber_slots[:]
    direct = slots[None]
    if direct["members"] > 0 or direct["_rows"] > 0:
        by_chamber.append(direct)
    out_dues = {
        "year": Y, "due": due_all / 100, "paid": paid_all / 100,
        "collectionRate": rate(paid_all, due_all),
        "membersFullyPaid": sum(1 for d in dues_y if fen(d["应缴金额"]) > 0 and fen(d["实缴金额"]) >= fen(d["应缴金额"])),
        "membersOwing": sum(1 for d in dues_y if fen(d["实缴金额"]) < fen(d["应缴金额"])),
        "byChamber": [{k: v for k, v in s.items() if not k.startswith("_")} for s in by_chamber],
    }

    def accounting(sheet):
        read = len(sheet.rows)
        excluded = sum(1 for r in sheet.rows if not r["counted"])
        return {"read": read, "counted": read - excluded, "excluded": excluded}

    problems.sort(key=lambda p: (order.index(p[0]), p[1], p[2] or ""))
    by_code = {}
    for p in problems:
        by_code[p[3]] = by_code.get(p[3], 0) + 1
    return {
        "asOf": as_of.isoformat(), "year": Y, "baseYear": B,
        "members": out_members, "series": series, "chambers": out_chambers,
        "coverage": out_coverage, "dues": out_dues,
        "rows": {"members": accounting(me), "chambers": accounting(ch), "dues": accounting(du),
                 "townships": accounting(tw)},
        "problems": {
            "errors": sum(1 for p in problems if p[4] == "error"),
            "warnings": sum(1 for p in problems if p[4] == "warning"),
            "byCode": dict(sorted(by_code.items())),
        },
        # Where each problem is: [sheet, row, column, code]; SPEC does not say which cell a
        # township-year-missing warning points at, so its column is null (any column matches).
        "problemCells": [[p[0], p[1], p[2], p[3]] for p in problems],
        "exitStatus": 1 if any(p[4] == "error" for p in problems) else 0,
    }


def main():
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("dataset.json")
    dst = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "tests/fixtures/producers/oracle.json"
    data = json.loads(src.read_text(encoding="utf-8"))
    result = {"about": "Expected figures of every producer fixture (except corrupt-*), computed from "
                       "scripts/producers/dataset.json by scripts/producers/oracle.py, as of asOf.",
              **compute(data)}
    dst.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{dst}: {result['members']['total']} members, {result['chambers']['total']} chambers, "
          f"{result['problems']['errors']} errors, {result['problems']['warnings']} warnings")


if __name__ == "__main__":
    main()
