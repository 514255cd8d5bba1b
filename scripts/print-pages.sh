#!/usr/bin/env bash
# The pictures of printed pages in README.md (docs/print/*.png): the shipped sample recalculated by
# the command line, each output sheet printed alone to PDF by LibreOffice Calc (through
# tests/consumers/print_layout.py, the same route tests/xlsx/print.test.ts checks), and each PDF's
# first page drawn as a PNG by pdftoppm. Needs soffice (libreoffice-calc-nogui), Debian's
# python3-uno and pdftoppm (poppler-utils). Run it after changing how the sheets look or print:
#   bash scripts/print-pages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pdftoppm >/dev/null || { echo "pdftoppm not found (apt-get install poppler-utils)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# the sample holds planted mistakes: status 1 is the expected outcome
status=0
node bin/chamber-recalc.mjs examples/sample-district.xlsx --out "$work/sample.xlsx" --as-of 2014-11-30 >/dev/null || status=$?
[ "$status" -le 1 ] || exit "$status"
sheets=(汇总 会员增长 覆盖率 商会明细 校验结果 报告文字)
files=(summary growth coverage chambers problems report)
/usr/bin/python3 tests/consumers/print_layout.py "$work/sample.xlsx" "$work/pdf" "$work/profile" "${sheets[@]}" >"$work/layout.json"
mkdir -p docs/print
for i in "${!sheets[@]}"; do
  pdftoppm -png -r 56 -f 1 -l 1 -singlefile "$work/pdf/$i.pdf" "docs/print/${files[$i]}"
  echo "docs/print/${files[$i]}.png: ${sheets[$i]}, page 1 of $(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]]['pdfPages'])" "$work/layout.json" "${sheets[$i]}")"
done
