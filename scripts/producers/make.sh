#!/usr/bin/env bash
# Regenerates the producer corpus in tests/fixtures/producers/ (run by hand: `npm run producers`;
# the tests never regenerate it). One data set (scripts/producers/dataset.json) written by every
# producer, and its expected figures (oracle.json) computed by scripts/producers/oracle.py.
#
# Needs /usr/bin/python3 with openpyxl, xlsxwriter, pandas and odfpy (Debian: python3-openpyxl
# python3-xlsxwriter python3-pandas python3-odf), soffice (libreoffice-calc), ssconvert
# (gnumeric), and the npm devDependencies (exceljs, xlsx, jszip, tsx). The other files of that
# folder (exceljs-table.xlsx, handmade-1904.xlsx, libreoffice.xlsx) are scripts/make-fixtures.ts'.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-tests/fixtures/producers}
PY=/usr/bin/python3
mkdir -p "$OUT"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "data set and oracle"
"$PY" scripts/producers/dataset.py scripts/producers/dataset.json
"$PY" scripts/producers/oracle.py scripts/producers/dataset.json "$OUT/oracle.json"

echo "Python producers: openpyxl, pandas, XlsxWriter"
"$PY" scripts/producers/python_producers.py "$work/py"
cp "$work"/py/*.xlsx "$OUT"/

echo "JavaScript producers: ExcelJS, SheetJS (TZ=UTC: SheetJS turns Dates into serials in local time)"
TZ=UTC npx tsx scripts/producers/node-producers.ts "$OUT"

echo "hand-made variants"
npx tsx scripts/producers/handmade.ts "$OUT"

echo "LibreOffice: an XlsxWriter file re-saved, and an odfpy .ods converted"
lo() { # lo SOURCE TARGET: SOURCE converted to .xlsx by LibreOffice Calc, saved as TARGET
  local dir="$work/lo-$(basename "$2" .xlsx)"
  soffice "-env:UserInstallation=file://$work/lo-profile" --headless --calc \
    --convert-to "xlsx:Calc MS Excel 2007 XML" --outdir "$dir" "$1" >/dev/null
  cp "$dir/$(basename "${1%.*}").xlsx" "$2"
}
lo "$OUT/xlsxwriter.xlsx" "$OUT/libreoffice-from-xlsx.xlsx"
lo "$work/py/odfpy.ods" "$OUT/libreoffice-from-ods.xlsx"

echo "Gnumeric: ssconvert of the openpyxl file"
ssconvert --export-type=Gnumeric_Excel:xlsx2 "$OUT/openpyxl.xlsx" "$OUT/gnumeric.xlsx" 2>/dev/null

echo "checking that every fixture openpyxl can open holds the data set"
files=$(cd "$OUT" && ls openpyxl*.xlsx pandas.xlsx xlsxwriter*.xlsx exceljs-workbook.xlsx \
  exceljs-stream.xlsx sheetjs.xlsx libreoffice-from-*.xlsx gnumeric.xlsx handmade-*.xlsx |
  grep -v '^handmade-1904.xlsx$') # handmade-1904.xlsx is scripts/make-fixtures.ts', another data set
# shellcheck disable=SC2086 # one file name a word
"$PY" scripts/producers/verify.py "$OUT" $files
