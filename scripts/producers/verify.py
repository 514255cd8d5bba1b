#!/usr/bin/python3
"""
The generator's own check: every fixture of tests/fixtures/producers/ that openpyxl can open must
hold dataset.json cell for cell (text as text, numbers as numbers, dates as date cells), so that a
figure the command line gets wrong is the reader's fault, not the producer's. Files openpyxl
cannot open (Strict OOXML, a UTF-16 workbook part, the corrupt file) are listed, not failed.

Usage: /usr/bin/python3 scripts/producers/verify.py FIXTURE_DIR FILE...
"""
import datetime as dt
import json
import sys
import warnings
from pathlib import Path

import openpyxl

warnings.simplefilter("ignore")
HERE = Path(__file__).resolve().parent


def expected(sheet):
    dates = {sheet["columns"].index(c) for c in sheet["dates"]}
    rows = [list(sheet["columns"])]
    for row in sheet["rows"]:
        rows.append([dt.date.fromisoformat(v) if i in dates and v is not None else v for i, v in enumerate(row)])
    return rows


def actual_value(cell):
    v = cell.value
    if isinstance(v, dt.datetime):
        if v.time() != dt.time(0):
            return ("datetime with a time", v)
        return ("date", v.date()) if cell.is_date else ("number", v)
    if isinstance(v, dt.date):
        return ("date", v)
    if isinstance(v, bool):
        return ("bool", v)
    if isinstance(v, (int, float)):
        return ("number", v)
    return ("text", v)


def check(path, data):
    wb = openpyxl.load_workbook(path, data_only=True)
    if not set(wb.sheetnames) & {s["name"] for s in data["sheets"]}:
        raise ValueError(f"openpyxl finds none of the sheets (it sees {wb.sheetnames})")
    problems = []
    for sheet in data["sheets"]:
        if sheet["name"] not in wb.sheetnames:
            problems.append(f"no sheet {sheet['name']}")
            continue
        ws = wb[sheet["name"]]
        want = expected(sheet)
        for r, row in enumerate(want, start=1):
            for c, value in enumerate(row, start=1):
                kind, got = actual_value(ws.cell(row=r, column=c))
                if value is None:
                    ok = got is None or got == ""
                elif isinstance(value, dt.date):
                    ok = kind == "date" and got == value
                elif isinstance(value, (int, float)):
                    ok = kind == "number" and abs(got - value) < 1e-9
                else:
                    ok = kind == "text" and got == value
                if not ok:
                    problems.append(f"{sheet['name']}!{openpyxl.utils.get_column_letter(c)}{r}: {got!r} ({kind}), expected {value!r}")
        extra = ws.max_row - len(want)
        if extra > 0 and not (sheet["name"] == "会费" and "table" in path.name):
            problems.append(f"{sheet['name']}: {extra} rows beyond the data set")
    return problems


def main():
    folder = Path(sys.argv[1])
    data = json.loads((HERE / "dataset.json").read_text(encoding="utf-8"))
    failed = False
    for name in sys.argv[2:]:
        path = folder / name
        try:
            problems = check(path, data)
        except Exception as error:  # noqa: BLE001 - a file openpyxl cannot read is listed, not fatal
            print(f"  {name}: not checked, openpyxl cannot open it ({type(error).__name__}: {str(error)[:80]})")
            continue
        if problems:
            failed = True
            print(f"  {name}: {len(problems)} cells differ from the data set, e.g. {problems[:3]}")
        else:
            print(f"  {name}: holds the data set")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
