"""What openpyxl reads of the print setup and charts of some sheets of one workbook, as JSON.

Usage: read_print.py WORKBOOK.xlsx SHEET [SHEET ...]
"""

import json
import sys

import openpyxl


def chart_of(chart):
    return {
        "kinds": [type(c).__name__ for c in chart._charts],
        "valueAxisMin": chart.y_axis.scaling.min,
        "series": [
            {
                "labels": bool(s.dLbls is not None and s.dLbls.showVal),
                "pointColors": len(s.dPt),
            }
            for c in chart._charts
            for s in c.series
        ],
    }


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    out = {}
    for name in sys.argv[2:]:
        ws = wb[name]
        ps = ws.page_setup
        out[name] = {
            "orientation": ps.orientation,
            "paperSize": int(ps.paperSize) if ps.paperSize is not None else None,
            "fitToWidth": ps.fitToWidth,
            "fitToHeight": ps.fitToHeight,
            "fitToPage": bool(ws.sheet_properties.pageSetUpPr.fitToPage),
            "printTitleRows": ws.print_title_rows,
            "header": [ws.oddHeader.left.text, ws.oddHeader.center.text, ws.oddHeader.right.text],
            "footer": [ws.oddFooter.left.text, ws.oddFooter.center.text, ws.oddFooter.right.text],
            "rowBreaks": [b.id for b in ws.row_breaks.brk],
            "rows": [list(r) for r in ws.iter_rows(min_row=1, max_row=40, values_only=True)],
            "charts": [chart_of(c) for c in ws._charts],
        }
    json.dump(out, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
