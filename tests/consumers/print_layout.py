"""How LibreOffice Calc prints the output sheets of one workbook, as JSON on stdout.

Usage: print_layout.py WORKBOOK.xlsx OUT_DIR PROFILE_DIR SHEET [SHEET ...]

One soffice process (a private profile, listening on a named pipe, no network) loads the
workbook once. For each named sheet it reports what Calc read of the page setup (orientation,
paper, pages wide/tall, the repeated rows, the header and footer text), the page breaks Calc
computes within the printed cells (rows and columns, 0-based: a break at row r starts a page
with row r), the last printed row and column, where each chart lies (its first and last row and its last column, 0-based), what Calc read of
each chart (its chart types, series colours and labels, point colours, the value axis minimum),
and how many pages the sheet prints: the sheet alone (every other sheet hidden) is exported to
OUT_DIR/<index>.pdf and its pages counted. Last, the rows whose height is less than Calc's optimal
height for their text (rowsTooShort, 0-based): wrapped text there would overprint the next row.
"""

import json
import os
import re
import signal
import subprocess
import sys
import time

import uno  # Debian's python3-uno, which LibreOffice installs
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.time() + 120
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if time.time() > deadline:
                raise
            time.sleep(0.3)


def pdf_pages(path):
    with open(path, "rb") as f:
        data = f.read()
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def chart_info(shape):
    """What Calc read of an embedded chart: its chart types with their series, the value axis."""
    chart = shape.Model
    types = []
    for system in chart.getFirstDiagram().getCoordinateSystems():
        for chart_type in system.getChartTypes():
            series = []
            for s in chart_type.getDataSeries():
                points = []
                values = [
                    seq.getValues()
                    for seq in s.getDataSequences()
                    if seq.getValues().Role == "values-y"
                ]
                count = len(values[0].getData()) if values else 0
                for i in range(count):
                    points.append("%06X" % (s.getDataPointByIndex(i).Color & 0xFFFFFF))
                series.append(
                    {
                        "color": "%06X" % (s.Color & 0xFFFFFF),
                        "labels": bool(s.Label.ShowNumber),
                        "points": points,
                    }
                )
            types.append({"type": chart_type.getChartType(), "series": series})
    axis = chart.Diagram.YAxis
    return {
        "chartTypes": types,
        "valueAxisMin": None if axis.AutoMin else axis.Min,
    }


def header_text(content):
    return [content.LeftText.String, content.CenterText.String, content.RightText.String]


def main():
    book, out_dir, profile = sys.argv[1], sys.argv[2], sys.argv[3]
    names = sys.argv[4:]
    os.makedirs(out_dir, exist_ok=True)
    pipe = f"chamberstats_print_{os.getpid()}"
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        # its own process group, so that a soffice left running can be ended with its children
        start_new_session=True,
    )
    desktop = None
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        url = uno.systemPathToFileUrl(os.path.abspath(book))
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
        sheets = doc.Sheets
        styles = doc.StyleFamilies.getByName("PageStyles")
        result = {}
        for name in names:
            sheet = sheets.getByName(name)
            style = styles.getByName(sheet.PageStyle)
            titles = sheet.getTitleRows()
            charts = []
            for i in range(sheet.DrawPage.Count):
                shape = sheet.DrawPage.getByIndex(i)
                top = shape.Position.Y
                bottom = top + shape.Size.Height
                first = last = None
                row = 0
                while row < 10000:
                    cell = sheet.getCellByPosition(0, row)
                    y0 = cell.Position.Y
                    y1 = y0 + cell.Size.Height
                    # 0.1 mm of slack: a chart anchored at a row's top edge starts in that row
                    if first is None and y1 > top + 10:
                        first = row
                    if y0 < bottom - 10:
                        last = row
                    else:
                        break
                    row += 1
                right = shape.Position.X + shape.Size.Width
                last_col = None
                for col in range(0, 200):
                    cell = sheet.getCellByPosition(col, 0)
                    if cell.Position.X < right - 10:
                        last_col = col
                    else:
                        break
                charts.append(
                    {"firstRow": first, "lastRow": last, "lastColumn": last_col, **chart_info(shape)}
                )
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            last_row = max(
                [cursor.RangeAddress.EndRow] + [c["lastRow"] or 0 for c in charts]
            )
            last_column = max(
                [cursor.RangeAddress.EndColumn] + [c["lastColumn"] or 0 for c in charts]
            )
            result[name] = {
                "lastRow": last_row,
                "lastColumn": last_column,
                "landscape": bool(style.IsLandscape),
                "paperWidth": style.Width,
                "paperHeight": style.Height,
                "pagesWide": style.ScaleToPagesX,
                "pagesTall": style.ScaleToPagesY,
                "printTitleRows": bool(sheet.getPrintTitleRows()),
                "titleRows": [titles.StartRow, titles.EndRow],
                "header": header_text(style.RightPageHeaderContent) if style.HeaderIsOn else None,
                "footer": header_text(style.RightPageFooterContent) if style.FooterIsOn else None,
                # Calc lists breaks beyond the printed rows too: keep those within them.
                "rowBreaks": [
                    b.Position for b in sheet.getRowPageBreaks() if 0 < b.Position <= last_row
                ],
                "columnBreaks": [
                    b.Position
                    for b in sheet.getColumnPageBreaks()
                    if 0 < b.Position <= last_column
                ],
                "charts": charts,
            }
        # Each sheet alone to PDF: hide every other sheet (one must stay visible), export, count.
        all_names = list(sheets.ElementNames)
        for index, name in enumerate(names):
            sheets.getByName(name).IsVisible = True
            for other in all_names:
                if other != name:
                    sheets.getByName(other).IsVisible = False
            pdf = os.path.join(out_dir, f"{index}.pdf")
            doc.storeToURL(
                uno.systemPathToFileUrl(os.path.abspath(pdf)),
                (prop("FilterName", "calc_pdf_Export"),),
            )
            result[name]["pdfPages"] = pdf_pages(pdf)
            # the breaks as the export laid the pages out (read before it, Calc may not yet have
            # paginated rows taller than the default)
            last_row = result[name]["lastRow"]
            result[name]["rowBreaks"] = [
                b.Position
                for b in sheets.getByName(name).getRowPageBreaks()
                if 0 < b.Position <= last_row
            ]
        # Rows shorter than their text: after the export, ask Calc for each row's optimal height
        # (what its own text needs, wrapped at the column widths) and compare it with the height
        # the file gave; 0.2 mm of slack for rounding.
        for name in names:
            rows = sheets.getByName(name).Rows
            short = []
            for r in range(result[name]["lastRow"] + 1):
                row = rows.getByIndex(r)
                given = row.Height
                row.OptimalHeight = True
                if row.Height > given + 20:
                    short.append(r)
            result[name]["rowsTooShort"] = short
        doc.close(True)
        json.dump(result, sys.stdout, ensure_ascii=False)
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:
                pass  # the bridge goes away as soffice quits
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(office.pid, signal.SIGKILL)


if __name__ == "__main__":
    main()
