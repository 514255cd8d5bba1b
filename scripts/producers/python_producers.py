#!/usr/bin/python3
"""
The Python producers of the corpus: each writes dataset.json the way that library's users do,
dates as that library's native date cells.

  openpyxl.xlsx                    openpyxl Workbook, datetime values (format yyyy-mm-dd h:mm:ss
                                   overridden to yyyy-mm-dd), a frozen header, an autofilter
  openpyxl-write-only.xlsx         openpyxl write_only=True (streamed rows), datetime.date values
  pandas.xlsx                      DataFrame.to_excel(engine="openpyxl"): pandas' engine where
                                   XlsxWriter is not installed (bold bordered header cells,
                                   datetime64 columns as "YYYY-MM-DD HH:MM:SS" date cells)
  odfpy.ods                        an OpenDocument spreadsheet written with odfpy (date cells with a
                                   YYYY-MM-DD data style): not a fixture, the input of
                                   libreoffice-from-ods.xlsx (pandas' own odf writer gives date
                                   cells no data style, so LibreOffice saves them as plain numbers)
  xlsxwriter.xlsx                  XlsxWriter, write_datetime with a date format, shared strings
  xlsxwriter-constant-memory.xlsx  XlsxWriter constant_memory=True (inline strings, row by row)

Usage: /usr/bin/python3 scripts/producers/python_producers.py OUT_DIR
"""
import datetime as dt
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED = dt.datetime(2024, 12, 1, 8, 0, 0)


def load():
    data = json.loads((HERE / "dataset.json").read_text(encoding="utf-8"))
    return data["sheets"]


def values(sheet, as_date):
    """The rows with date columns turned into as_date(iso) and blanks left as None."""
    dates = {sheet["columns"].index(c) for c in sheet["dates"]}
    return [[as_date(v) if i in dates and v is not None else v for i, v in enumerate(row)]
            for row in sheet["rows"]]


def to_datetime(iso):
    return dt.datetime.fromisoformat(iso)


def to_date(iso):
    return dt.date.fromisoformat(iso)


def write_openpyxl(sheets, path):
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    wb.properties.creator = "chamber-stats producers"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.remove(wb.active)
    for sheet in sheets:
        ws = wb.create_sheet(sheet["name"])
        ws.append(sheet["columns"])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        date_cols = [sheet["columns"].index(c) + 1 for c in sheet["dates"]]
        for row in values(sheet, to_datetime):
            ws.append(row)
        for col in date_cols:
            for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                if cell.value is not None:
                    cell.number_format = "yyyy-mm-dd"
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    wb.save(path)


def write_openpyxl_write_only(sheets, path):
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    for sheet in sheets:
        ws = wb.create_sheet(sheet["name"])
        ws.append(sheet["columns"])
        for row in values(sheet, to_date):
            ws.append(row)
    wb.save(path)


def frames(sheets):
    import pandas as pd

    out = {}
    for sheet in sheets:
        df = pd.DataFrame(sheet["rows"], columns=sheet["columns"])
        for c in sheet["dates"]:
            df[c] = pd.to_datetime(df[c])
        out[sheet["name"]] = df
    return out


def write_pandas(sheets, path, engine=None):
    import pandas as pd

    kwargs = {"engine": engine} if engine else {}
    with pd.ExcelWriter(path, **kwargs) as writer:
        for name, df in frames(sheets).items():
            df.to_excel(writer, sheet_name=name, index=False)


def write_ods(sheets, path):
    from odf.number import Day, DateStyle, Month, Text as NumberText, Year
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TextProperties
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    date_style = DateStyle(name="N_ISO")
    date_style.addElement(Year(style="long"))
    date_style.addElement(NumberText(text="-"))
    date_style.addElement(Month(style="long"))
    date_style.addElement(NumberText(text="-"))
    date_style.addElement(Day(style="long"))
    doc.automaticstyles.addElement(date_style)
    date_cell = Style(name="ce_date", family="table-cell", datastylename="N_ISO")
    doc.automaticstyles.addElement(date_cell)
    bold = Style(name="ce_head", family="table-cell")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)
    for sheet in sheets:
        table = Table(name=sheet["name"])
        head = TableRow()
        for name in sheet["columns"]:
            cell = TableCell(valuetype="string", stylename=bold)
            cell.addElement(P(text=name))
            head.addElement(cell)
        table.addElement(head)
        dates = {sheet["columns"].index(c) for c in sheet["dates"]}
        for row in sheet["rows"]:
            tr = TableRow()
            for i, v in enumerate(row):
                if v is None:
                    cell = TableCell()
                elif i in dates:
                    cell = TableCell(valuetype="date", datevalue=v, stylename=date_cell)
                    cell.addElement(P(text=v))
                elif isinstance(v, str):
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=v))
                else:
                    cell = TableCell(valuetype="float", value=v)
                    cell.addElement(P(text=str(v)))
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))


def write_xlsxwriter(sheets, path, constant_memory=False):
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": constant_memory})
    wb.set_properties({"author": "chamber-stats producers", "created": FIXED})
    bold = wb.add_format({"bold": True, "bg_color": "#DDEBF7"})
    date_fmt = wb.add_format({"num_format": "yyyy年m月d日" if constant_memory else "yyyy/mm/dd"})
    money = wb.add_format({"num_format": "#,##0.00"})
    for sheet in sheets:
        ws = wb.add_worksheet(sheet["name"])
        ws.write_row(0, 0, sheet["columns"], bold)
        dates = {sheet["columns"].index(c) for c in sheet["dates"]}
        moneys = {sheet["columns"].index(c) for c in ("应缴金额", "实缴金额") if c in sheet["columns"]}
        for r, row in enumerate(sheet["rows"], start=1):
            for c, v in enumerate(row):
                if v is None:
                    continue
                if c in dates:
                    ws.write_datetime(r, c, to_datetime(v), date_fmt)
                elif isinstance(v, str):
                    ws.write_string(r, c, v)
                elif c in moneys:
                    ws.write_number(r, c, v, money)
                else:
                    ws.write_number(r, c, v)
        if not constant_memory:
            ws.freeze_panes(1, 0)
            ws.set_column(0, len(sheet["columns"]) - 1, 14)
    wb.close()


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    sheets = load()
    write_openpyxl(sheets, out / "openpyxl.xlsx")
    write_openpyxl_write_only(sheets, out / "openpyxl-write-only.xlsx")
    write_pandas(sheets, out / "pandas.xlsx", engine="openpyxl")
    write_ods(sheets, out / "odfpy.ods")
    write_xlsxwriter(sheets, out / "xlsxwriter.xlsx")
    write_xlsxwriter(sheets, out / "xlsxwriter-constant-memory.xlsx", constant_memory=True)
    print(f"python producers written to {out}")


if __name__ == "__main__":
    main()
