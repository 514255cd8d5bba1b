/**
 * Charts for output sheets, as DrawingML parts: ExcelJS cannot write charts, and the input
 * sheets are never re-serialised, so each chart is a chart part plus a drawing part anchoring it.
 */
import { parseRangeAddress, quoteSheetName } from "../../core/a1";
import type { ChartSeries, ChartSpec, OutputSheet, OutputValue } from "../../core/types";
import type { Conformance } from "./namespaces";
import { escapeXml } from "./xml";

const CAT_AXIS = 500_000_001;
const VAL_AXIS = 500_000_002;

function cellValueAt(sheet: OutputSheet, row: number, column: number): OutputValue {
  return sheet.rows[row - 1]?.[column - 1]?.v ?? null;
}

/** The values of a one-column or one-row range of an output sheet, for the chart's cache. */
function rangeValues(sheet: OutputSheet, range: string): OutputValue[] {
  const area = parseRangeAddress(range);
  if (!area) throw new Error(`chart range is not an A1 range: ${range}`);
  const values: OutputValue[] = [];
  for (let r = area.first.row; r <= area.last.row; r++) {
    for (let c = area.first.column; c <= area.last.column; c++) {
      values.push(cellValueAt(sheet, r, c));
    }
  }
  return values;
}

function absoluteRef(sheetName: string, range: string): string {
  const absolute = range
    .split(":")
    .map((cell) => cell.replace(/^\$?([A-Za-z]+)\$?(\d+)$/, "$$$1$$$2"))
    .join(":");
  return `${quoteSheetName(sheetName)}!${absolute}`;
}

function numberCache(values: readonly OutputValue[]): string {
  const points = values
    .map((v, i) => (typeof v === "number" ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""))
    .join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

function stringCache(values: readonly OutputValue[]): string {
  const points = values
    .map((v, i) =>
      v === null || typeof v === "object"
        ? ""
        : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`
    )
    .join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

function categoriesXml(sheet: OutputSheet, spec: ChartSpec): string {
  const values = rangeValues(sheet, spec.categories);
  const ref = escapeXml(absoluteRef(sheet.name, spec.categories));
  const numeric = values.every((v) => typeof v === "number");
  return numeric
    ? `<c:cat><c:numRef><c:f>${ref}</c:f>${numberCache(values)}</c:numRef></c:cat>`
    : `<c:cat><c:strRef><c:f>${ref}</c:f>${stringCache(values)}</c:strRef></c:cat>`;
}

function solidFill(color: string): string {
  return `<a:solidFill><a:srgbClr val="${escapeXml(color)}"/></a:solidFill>`;
}

/** A series' own colour: a bar's fill, a line's stroke. */
function seriesShape(kind: "line" | "bar", color: string | undefined): string {
  if (color === undefined) return "";
  return kind === "bar"
    ? `<c:spPr>${solidFill(color)}</c:spPr>`
    : `<c:spPr><a:ln w="28575" cap="rnd">${solidFill(color)}<a:round/></a:ln></c:spPr>`;
}

/** Each point's own fill (CT_DPt), for bars coloured by whether they meet the target. */
function pointsXml(series: ChartSeries): string {
  return (series.pointColors ?? [])
    .map(
      (color, i) =>
        `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>` +
        `<c:spPr>${solidFill(color)}</c:spPr></c:dPt>`
    )
    .join("");
}

/** Data labels showing each point's value (CT_DLbls, its elements in sequence order). */
function dataLabelsXml(kind: "line" | "bar", spec: ChartSpec): string {
  const format = spec.valueFormat
    ? `<c:numFmt formatCode="${escapeXml(spec.valueFormat)}" sourceLinked="0"/>`
    : "";
  return (
    `<c:dLbls>${format}<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:dLblPos val="${kind === "line" ? "t" : "outEnd"}"/>` +
    '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>' +
    '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
  );
}

function kindOf(spec: ChartSpec, series: ChartSeries): "line" | "bar" {
  return series.type ?? spec.type;
}

/** One series (CT_LineSer or CT_BarSer, children in their sequence order); `i` is its index. */
function seriesXml(sheet: OutputSheet, spec: ChartSpec, series: ChartSeries, i: number): string {
  const kind = kindOf(spec, series);
  const values = rangeValues(sheet, series.values);
  const ref = escapeXml(absoluteRef(sheet.name, series.values));
  const marker =
    series.noMarkers === true
      ? '<c:marker><c:symbol val="none"/></c:marker>'
      : '<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>';
  const afterName =
    kind === "line"
      ? seriesShape(kind, series.color) + marker
      : seriesShape(kind, series.color) + '<c:invertIfNegative val="0"/>';
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:v>${escapeXml(series.name)}</c:v></c:tx>${afterName}` +
    pointsXml(series) +
    (series.dataLabels === true ? dataLabelsXml(kind, spec) : "") +
    categoriesXml(sheet, spec) +
    `<c:val><c:numRef><c:f>${ref}</c:f>${numberCache(values)}</c:numRef></c:val>` +
    (kind === "line" ? '<c:smooth val="0"/>' : "") +
    "</c:ser>"
  );
}

/**
 * The plot: the bar series in a barChart and the line series in a lineChart on the same two axes
 * (a combo chart when there are both), each series numbered in the chart's order.
 */
function plotXml(sheet: OutputSheet, spec: ChartSpec): string {
  const axes = `<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/>`;
  const of = (kind: "line" | "bar"): string =>
    spec.series
      .map((series, i) => (kindOf(spec, series) === kind ? seriesXml(sheet, spec, series, i) : ""))
      .join("");
  const bars = of("bar");
  const lines = of("line");
  return (
    (bars
      ? '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
        bars +
        `<c:gapWidth val="80"/>${axes}</c:barChart>`
      : "") +
    (lines
      ? '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
        lines +
        `<c:marker val="1"/>${axes}</c:lineChart>`
      : "")
  );
}

function axesXml(spec: ChartSpec): string {
  // CT_Scaling: orientation, then max, then min.
  const min = spec.valueAxisMin === undefined ? "" : `<c:min val="${spec.valueAxisMin}"/>`;
  const valueFormat = spec.valueFormat
    ? `<c:numFmt formatCode="${escapeXml(spec.valueFormat)}" sourceLinked="0"/>`
    : '<c:numFmt formatCode="General" sourceLinked="1"/>';
  return (
    `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    '<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/>' +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="${VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/>${min}</c:scaling>` +
    '<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>' +
    valueFormat +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${CAT_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/** The chart part for one chart of an output sheet. */
export function chartXml(sheet: OutputSheet, spec: ChartSpec, ns: Conformance): string {
  const title =
    "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr>" +
    `<a:r><a:t>${escapeXml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${ns.chart}" xmlns:a="${ns.drawingMain}" xmlns:r="${ns.officeRel}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    title +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    plotXml(sheet, spec) +
    axesXml(spec) +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

function anchorPoint(tag: "from" | "to", cell: string): string {
  const area = parseRangeAddress(cell);
  if (!area) throw new Error(`chart anchor is not a cell: ${cell}`);
  const { column, row } = area.first;
  // "to" names the bottom-right cell, which the chart covers: anchor at its far corner.
  const offset = tag === "to" ? 1 : 0;
  return (
    `<xdr:${tag}><xdr:col>${column - 1 + offset}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row - 1 + offset}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`
  );
}

/** The drawing part that anchors a sheet's charts; chart i is relationship `rId{i+1}`. */
export function drawingXml(specs: readonly ChartSpec[], ns: Conformance): string {
  const anchors = specs
    .map(
      (spec, i) =>
        '<xdr:twoCellAnchor editAs="oneCell">' +
        anchorPoint("from", spec.from) +
        anchorPoint("to", spec.to) +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/>` +
        "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>" +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${ns.chart}">` +
        `<c:chart xmlns:c="${ns.chart}" xmlns:r="${ns.officeRel}" r:id="rId${i + 1}"/>` +
        "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
    )
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${ns.spreadsheetDrawing}" xmlns:a="${ns.drawingMain}">${anchors}</xdr:wsDr>`
  );
}
