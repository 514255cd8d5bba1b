#!/usr/bin/python3
"""The benchmark's synthetic chamber workbook written by openpyxl's write-only mode.

    /usr/bin/python3 bench/openpyxl_workbook.py MEMBERS OUT.xlsx

A line-by-line port of bench/synth.ts (same mulberry32 stream, same seed, same calls in the same
order), so the workbook holds the same cells as the ExcelJS one of the same size: sheets 商会,
会员, 会费 (one row a year of membership 2012-2014, capped at 1,048,575 rows), 乡镇 and 设置,
about 1% of the rows with a planted mistake. Only the producer differs: openpyxl writes every
string inline (t="inlineStr", no shared strings part) and every non-ASCII character as a
character reference (&#20250;), dates as serials with a yyyy-mm-dd style, "#N/A" as an error
cell, and no dimension, column widths or styles beyond the date format.

The cells are deterministic (seeded); the zip's timestamps are not. Progress goes to stderr.
Written to OUT.xlsx.part first and renamed when complete.
"""
import datetime
import math
import os
import sys
import time
from array import array

from openpyxl import Workbook

SHEET_ROW_LIMIT = 1_048_576
MAX_DATA_ROWS = SHEET_ROW_LIMIT - 1
SEED = 20141130

M32 = 0xFFFFFFFF


def imul(a, b):
    """Math.imul: the low 32 bits of the product, as an unsigned value."""
    return (a * b) & M32


def mulberry32(seed):
    """scripts/random.ts, bit for bit: the same doubles in [0, 1)."""
    state = [seed & M32]

    def rng():
        a = (state[0] + 0x6D2B79F5) & M32
        state[0] = a
        t = a
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & M32
        return ((t ^ (t >> 14)) & M32) / 4294967296

    return rng


def js_round(x):
    return math.floor(x + 0.5)


def pick_of(items, r):
    return items[math.floor(r * len(items)) % len(items)]


USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(kind, n):
    first17 = f"{kind}340100{n:09d}"
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return first17 + USCC_ALPHABET[(31 - total % 31) % 31]


EPOCH = datetime.date(1970, 1, 1)
DAY_2000 = (datetime.date(2000, 1, 1) - EPOCH).days
DAY_2012 = (datetime.date(2012, 1, 1) - EPOCH).days
DAY_AS_OF = (datetime.date(2014, 11, 30) - EPOCH).days


def day_date(day):
    return EPOCH + datetime.timedelta(days=day)


def serial_of(day):
    return day + 25569


def date_cell(day):
    """A date cell: openpyxl writes a datetime.date as its serial with a yyyy-mm-dd format."""
    return day_date(day)


def date_as_typed(day, r):
    if r < 0.85:
        return date_cell(day)
    d = day_date(day)
    iso = d.isoformat()
    if r < 0.9:
        return iso
    if r < 0.93:
        return iso.replace("-", "/")
    if r < 0.96:
        return f"{d.year}年{d.month}月{d.day}日"
    return serial_of(day)


BRANDS = "宏达 鑫源 华信 永盛 恒通 金鼎 瑞丰 天成 振兴 明珠 东方 新业 远航 富康 嘉禾 盛达".split(" ")
PHRASES = "机械制造 建设工程 纺织 电子科技 商贸 物流 食品 化工 汽车销售 农业开发".split(" ")
INDUSTRIES = "机械制造 建筑业 纺织服装 电子信息 批发零售 交通运输 餐饮住宿 化工 汽车销售 现代农业".split(" ")
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高")
GIVEN = "伟 芳 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 建国 秀英 志强 海燕".split(" ")
CHAMBER_WORDS = ["乡镇街道商会", "行业商会", "区域性商会", "异地商会", "其他商会"]


def township_name(i):
    return f"第{i + 1}{'街道' if i % 3 == 0 else '镇'}"


CHAMBER_HEADER = [
    "商会编号", "商会名称", "商会类型", "所属乡镇街道", "成立日期", "民政登记", "会长",
    "会长为企业家", "专职人员数", "固定办公场所", "网站", "会刊", "统一社会信用代码",
]


def chamber_rows(count, townships, rng):
    yield CHAMBER_HEADER
    for i in range(count):
        kind = CHAMBER_WORDS[i % len(CHAMBER_WORDS)]
        row = [f"SH{i + 1:04d}", f"第{i + 1}{kind}", kind]
        row.append(township_name(i % townships) if i % len(CHAMBER_WORDS) == 0 else None)
        row.append(date_cell(DAY_2000 - 3000 + math.floor(rng() * 2500)))
        row.append("是" if rng() < 0.9 else "否")
        row.append(pick_of(SURNAMES, rng()) + pick_of(GIVEN, rng()))
        row.append("是")
        row.append(math.floor(rng() * 4))
        row.append("有" if rng() < 0.95 else "无")
        row.append(f"http://www.sh{i + 1}.org.cn" if rng() < 0.3 else None)
        row.append("有" if rng() < 0.15 else None)
        row.append(uscc("51", i + 1))
        yield row


MEMBER_HEADER = [
    "会员编号", "会员名称", "会员类型", "所属商会", "乡镇街道", "统一社会信用代码", "行业",
    "入会日期", "退会日期", "规上企业", "联系电话",
]


def member_id(i):
    return f"M{i + 1:07d}"


def phone_as_typed(r, n):
    mobile = 13_000_000_000 + ((n * 7919) % 999_999_999)
    if r < 0.6:
        return str(mobile)
    if r < 0.85:
        return mobile
    return f"0551-6{n % 10_000_000:07d}"


def year_of(day):
    return day_date(day).year


def member_row(i, rng, chambers, townships, mistake, joined_year, left_year):
    t = rng()
    kind = "企业会员" if t < 0.75 else "团体会员" if t < 0.92 else "个人会员"
    if rng() < 0.8:
        joined = DAY_2000 + math.floor(rng() * (DAY_2012 - DAY_2000))
    else:
        joined = DAY_2012 + math.floor(rng() * (DAY_AS_OF - DAY_2012 + 20))
    left = joined + 100 + math.floor(rng() * 2000) if rng() < 0.06 else None
    joined_year[i] = year_of(joined)
    left_year[i] = 9999 if left is None else year_of(left)
    if kind == "个人会员":
        name = pick_of(SURNAMES, rng()) + pick_of(GIVEN, rng())
    else:
        brand = pick_of(BRANDS, rng())
        name = f"{brand}{pick_of(PHRASES, rng())}{i + 1}有限公司"
    row = [member_id(i), name, kind]
    row.append(f"SH{1 + math.floor(rng() * chambers):04d}" if rng() < 0.9 else None)
    if kind == "个人会员" and rng() < 0.5:
        row.append(None)
    else:
        row.append(township_name(math.floor(rng() * townships)))
    if kind == "企业会员" and rng() < 0.85:
        row.append(uscc("91", i + 1))
    elif kind == "团体会员":
        row.append(uscc("51", 100_000 + i))
    else:
        row.append(None)
    row.append(pick_of(INDUSTRIES, rng()))
    row.append(date_as_typed(joined, rng()))
    row.append(None if left is None else date_cell(left))
    row.append(("是" if rng() < 0.2 else "否") if kind == "企业会员" else None)
    row.append(phone_as_typed(rng(), i))
    if mistake is not None:
        plant_member_mistake(row, i, mistake)
    return row


def plant_member_mistake(row, i, m):
    if m < 0.15:
        code = row[5] if isinstance(row[5], str) else uscc("91", i + 1)
        row[5] = code[:17] + ("1" if code.endswith("0") else "0")  # bad-uscc (check)
    elif m < 0.3:
        row[7] = "2013.02.30"  # not-a-date
    elif m < 0.4:
        row[3] = "不存在的商会"  # unknown-chamber
    elif m < 0.5:
        row[0] = member_id(i - 1) if i > 0 else None  # duplicate-id (or blank)
    elif m < 0.6:
        row[2] = "民营企业"  # bad-enum
    elif m < 0.7:
        row[1] = None  # blank-required
    elif m < 0.8:
        row[10] = "12345"  # bad-phone (warning)
    elif m < 0.9:
        row[5] = 913401001234567000  # bad-uscc (number)
    else:
        row[7] = "#N/A"  # formula-error: openpyxl writes this string as an error cell


DUES_HEADER = ["会员编号", "年度", "应缴金额", "实缴金额", "缴费日期"]
DUE_LEVELS = [300, 500, 1000, 1000, 2000, 5000]


def amount_as_typed(amount, r):
    if r < 0.97:
        return amount
    if r < 0.98:
        return f"{amount}元"
    if r < 0.99:
        return f"{amount / 10_000:g}万" if amount >= 10_000 else f"¥{amount}.00"
    return f"{amount:,}"


def dues_row(member, year, rng, mistake):
    due = pick_of(DUE_LEVELS, rng())
    r = rng()
    paid = due if r < 0.8 else due // 2 if r < 0.9 else 0
    paid_on = None
    if paid > 0:
        month = 1 + math.floor(rng() * 5)  # a JavaScript month index: February to June
        day = 1 + math.floor(rng() * 28)
        paid_on = datetime.date(year, month + 1, day)
    row = [member_id(member), year, amount_as_typed(due, rng()), paid, paid_on]
    if mistake is None:
        return row
    if mistake < 0.25:
        row[0] = f"X{member_id(member)}"  # unknown-member
    elif mistake < 0.45:
        row[3] = -paid - 1  # negative-amount
    elif mistake < 0.65:
        row[3] = due + 100  # overpaid (warning)
    elif mistake < 0.8:
        row[4] = None  # paid-without-date (warning) when paid > 0
    elif mistake < 0.9:
        row[2] = "一千"  # not-a-number
    else:
        row[1] = "20l4"  # not-a-year
    return row


def township_rows(count, rng):
    yield ["乡镇街道", "年度", "非公企业数"]
    for year in (2012, 2013, 2014):
        for i in range(count):
            yield [township_name(i), year, 500 + math.floor(rng() * 20_000)]


class Progress:
    def __init__(self, label, total):
        self.label, self.total, self.start, self.next = label, total, time.time(), 0

    def tick(self, done):
        if done >= self.next:
            self.next = done + max(1, self.total // 10)
            elapsed = time.time() - self.start
            sys.stderr.write(f"  openpyxl {self.label}: {done:,}/{self.total:,} rows, {elapsed:.0f} s\n")
            sys.stderr.flush()


def write_workbook(members, path):
    members = min(MAX_DATA_ROWS, members)
    rng = mulberry32(SEED)
    chambers = max(14, js_round(members / 500))
    townships = max(10, min(200, js_round(members / 2000)))
    error_rate = 0.01

    wb = Workbook(write_only=True)
    # the same order as synth.ts: the rng stream runs through the sheets in this order
    ws = wb.create_sheet("商会")
    for row in chamber_rows(chambers, townships, rng):
        ws.append(row)

    ws = wb.create_sheet("会员")
    ws.append(MEMBER_HEADER)
    joined_year = array("h", bytes(2 * members))
    left_year = array("h", bytes(2 * members))
    progress = Progress("会员", members)
    for i in range(members):
        mistake = rng() if rng() < error_rate else None
        ws.append(member_row(i, rng, chambers, townships, mistake, joined_year, left_year))
        if i % 1000 == 0:
            progress.tick(i)

    ws = wb.create_sheet("会费")
    ws.append(DUES_HEADER)
    rows = 1
    first = 2015 - 3
    progress = Progress("会费", min(MAX_DATA_ROWS, 3 * members))
    for i in range(members):
        if rows > MAX_DATA_ROWS:
            break
        year = max(first, joined_year[i])
        to = min(2014, left_year[i])
        while year <= to and rows <= MAX_DATA_ROWS:
            mistake = rng() if rng() < error_rate else None
            ws.append(dues_row(i, year, rng, mistake))
            rows += 1
            year += 1
        if i % 1000 == 0:
            progress.tick(rows)

    ws = wb.create_sheet("乡镇")
    for row in township_rows(townships, rng):
        ws.append(row)

    ws = wb.create_sheet("设置")
    ws.append(["统计截止日期", date_cell(DAY_AS_OF)])
    ws.append(["基准年度", 2011])

    fixed = datetime.datetime(2025, 6, 30, 0, 0, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    sys.stderr.write("  openpyxl: saving...\n")
    wb.save(path + ".part")
    os.replace(path + ".part", path)
    sys.stderr.write(f"  openpyxl: {members:,} members, {rows - 1:,} dues rows -> {path}\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.stderr.write("usage: openpyxl_workbook.py MEMBERS OUT.xlsx\n")
        sys.exit(2)
    write_workbook(int(sys.argv[1].replace("_", "")), sys.argv[2])
