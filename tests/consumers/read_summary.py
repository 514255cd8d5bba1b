#!/usr/bin/python3
"""
A real consumer of the command line's output: openpyxl (Debian's python3-openpyxl) opens each
workbook and reads its summary sheet (汇总 or Summary), as a script of the user's would.

Usage: /usr/bin/python3 tests/consumers/read_summary.py FILE...
Prints one JSON object: {FILE: {"sheets": [[name, state], ...], "summaries": {SHEET: [[label,
value], ...]} for each of 汇总 and Summary that exists, "error": null or "what went wrong"}}.
Dates are ISO strings.
"""
import datetime as dt
import json
import sys
import warnings

warnings.simplefilter("ignore")


def plain(value):
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return value


def read(path):
    import openpyxl

    wb = openpyxl.load_workbook(path, data_only=True)
    sheets = [[ws.title, ws.sheet_state] for ws in wb.worksheets]
    summaries = {}
    for name in ("汇总", "Summary"):
        if name in wb.sheetnames:
            summaries[name] = [[plain(row[0]), plain(row[1]) if len(row) > 1 else None]
                               for row in wb[name].iter_rows(values_only=True) if row and row[0] is not None]
    return {"sheets": sheets, "summaries": summaries, "error": None}


def main():
    out = {}
    for path in sys.argv[1:]:
        try:
            out[path] = read(path)
        except Exception as error:  # noqa: BLE001 - reported to the test, which fails on it
            out[path] = {"sheets": [], "summaries": {}, "error": f"{type(error).__name__}: {error}"}
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
