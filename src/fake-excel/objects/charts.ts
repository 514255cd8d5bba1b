/**
 * Charts and their series: add a chart over a range, name, title, value axis format and minimum,
 * position; a series' type, colours, point colours, markers and data labels.
 */
import { parseRect, quoteSheetName, rectName, type Rect } from "../address";
import type { FakeChart, FakeChartSeries, FakeSheet } from "../model";
import { ClientObject, FakeOfficeError, propertyNotLoaded, unknownProperty } from "../runtime";
import { requireSheetWritable } from "./guards";
import { LoadedItems } from "./items";
import type { FakeRange } from "./range";
import type { RangeRef } from "./refs";

interface ChartRef {
  readonly sheet: FakeSheet;
  readonly chart: FakeChart;
}

function qualified(ref: RangeRef): string {
  return `${quoteSheetName(ref.sheet.name)}!${rectName(ref.rect)}`;
}

/** How many points a series has: the cells of its values' range ("'S'!D2:D11" → 10). */
function pointCount(s: FakeChartSeries): number {
  const local = (s.values ?? "").split("!").pop() ?? "";
  const rect = parseRect(local.replace(/\$/g, ""));
  return rect ? rect.rowCount * rect.columnCount : 0;
}

export class FakeChartSeriesItem extends ClientObject<FakeChartSeries> {
  protected scalarProperties(): readonly string[] {
    return ["name"];
  }
  protected readProperties(s: FakeChartSeries, props: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop !== "name") throw unknownProperty("ChartSeries", prop);
      out[prop] = s.name;
    }
    return out;
  }
  get name(): string {
    return this.loadedValue("name");
  }
  set name(v: string) {
    this.act("name", [v], (s) => {
      s.name = v;
    });
  }
  /** ExcelApi 1.7: drawn as another type than the chart's (a line over columns). */
  set chartType(v: string) {
    this.session.requireSet("1.7", "ChartSeries.chartType");
    this.act("chartType", [v], (s) => {
      s.chartType = v;
    });
  }
  /** ExcelApi 1.7. */
  set markerStyle(v: string) {
    this.session.requireSet("1.7", "ChartSeries.markerStyle");
    this.act("markerStyle", [v], (s) => {
      s.markerStyle = v;
    });
  }
  /** ExcelApi 1.7. */
  set hasDataLabels(v: boolean) {
    this.session.requireSet("1.7", "ChartSeries.hasDataLabels");
    this.act("hasDataLabels", [v], (s) => {
      s.hasDataLabels = v;
    });
  }
  /** ExcelApi 1.8: the series' data labels (showValue, numberFormat). */
  get dataLabels(): { showValue: boolean; numberFormat: string } {
    this.session.requireSet("1.8", "ChartSeries.dataLabels");
    const act = (prop: string, v: unknown, fn: (s: FakeChartSeries) => void): void =>
      this.act(`dataLabels.${prop}`, [v], fn);
    return {
      set showValue(v: boolean) {
        act("showValue", v, (s) => {
          s.showValue = v;
        });
      },
      get showValue(): boolean {
        throw propertyNotLoaded("dataLabels.showValue");
      },
      set numberFormat(v: string) {
        act("numberFormat", v, () => undefined);
      },
      get numberFormat(): string {
        throw propertyNotLoaded("dataLabels.numberFormat");
      },
    };
  }
  /** ExcelApi 1.1: the series' fill (bars) and line (lines). */
  get format(): { fill: { setSolidColor(c: string): void }; line: { color: string } } {
    const act = (prop: string, v: string, fn: (s: FakeChartSeries) => void): void =>
      this.act(`format.${prop}`, [v], fn);
    return {
      fill: {
        setSolidColor: (c: string) =>
          act("fill.setSolidColor", c, (s) => {
            s.fill = c;
          }),
      },
      line: {
        set color(c: string) {
          act("line.color", c, (s) => {
            s.line = c;
          });
        },
        get color(): string {
          throw propertyNotLoaded("format.line.color");
        },
      },
    };
  }
  /** ExcelApi 1.1: a point of the series, to fill it on its own. */
  get points(): {
    getItemAt(i: number): { format: { fill: { setSolidColor(c: string): void } } };
  } {
    return {
      getItemAt: (i: number) => ({
        format: {
          fill: {
            setSolidColor: (c: string) =>
              this.act(`points[${i}].format.fill.setSolidColor`, [c], (s) => {
                if (!Number.isInteger(i) || i < 0 || i >= pointCount(s)) {
                  throw new FakeOfficeError("ItemNotFound", `The series has no point ${i}.`);
                }
                s.pointFills = { ...(s.pointFills ?? {}), [i]: c };
              }),
          },
        },
      }),
    };
  }
  setValues(range: FakeRange): void {
    this.session.requireSet("1.7", "ChartSeries.setValues");
    this.act("setValues", [range._path], (s) => {
      s.values = qualified(range._target());
    });
  }
  setXAxisValues(range: FakeRange): void {
    this.session.requireSet("1.7", "ChartSeries.setXAxisValues");
    this.act("setXAxisValues", [range._path], (s) => {
      s.categories = qualified(range._target());
    });
  }
}

export class FakeChartSeriesCollection extends ClientObject<FakeChart> {
  protected scalarProperties(): readonly string[] {
    return ["count"];
  }
  protected readProperties(chart: FakeChart, props: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop !== "count") throw unknownProperty("ChartSeriesCollection", prop);
      out[prop] = chart.series.length;
    }
    return out;
  }
  getItemAt(index: number): FakeChartSeriesItem {
    this.session.requireSet("1.7", "ChartSeriesCollection.getItemAt");
    return new FakeChartSeriesItem(this.session, `${this._path}[${index}]`, () => {
      const s = this._target().series[index];
      if (!s) throw new FakeOfficeError("ItemNotFound", `The chart has no series ${index}.`);
      return s;
    });
  }
  add(name?: string): FakeChartSeriesItem {
    this.session.requireSet("1.7", "ChartSeriesCollection.add");
    let created: FakeChartSeries | null = null;
    const proxy = new FakeChartSeriesItem(
      this.session,
      `${this._path}.add(${name ?? ""})`,
      () => created
    );
    this.act("add", [name ?? null], (chart) => {
      created = {
        name: name ?? `Series${chart.series.length + 1}`,
        values: null,
        categories: null,
      };
      chart.series.push(created);
    });
    return proxy;
  }
}

export class FakeChartItem extends ClientObject<ChartRef> {
  protected scalarProperties(): readonly string[] {
    return ["name", "chartType"];
  }
  protected readProperties(ref: ChartRef, props: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop === "name") out[prop] = ref.chart.name;
      else if (prop === "chartType") out[prop] = ref.chart.type;
      else throw unknownProperty("Chart", prop);
    }
    return out;
  }
  get name(): string {
    return this.loadedValue("name");
  }
  set name(v: string) {
    this.act("name", [v], (ref) => {
      ref.chart.name = v;
    });
  }
  get title(): { text: string } {
    const act = (v: string): void =>
      this.act("title.text", [v], (ref) => {
        ref.chart.title = v;
      });
    return {
      set text(v: string) {
        act(v);
      },
      get text(): string {
        throw propertyNotLoaded("title.text");
      },
    };
  }
  get axes(): { valueAxis: { numberFormat: string; minimum: number } } {
    const act = (v: string): void => {
      this.session.requireSet("1.8", "ChartAxis.numberFormat");
      this.act("axes.valueAxis.numberFormat", [v], (ref) => {
        ref.chart.valueAxisFormat = v;
      });
    };
    // ChartAxis.minimum is ExcelApi 1.1.
    const min = (v: number): void =>
      this.act("axes.valueAxis.minimum", [v], (ref) => {
        ref.chart.valueAxisMinimum = v;
      });
    return {
      valueAxis: {
        set numberFormat(v: string) {
          act(v);
        },
        get numberFormat(): string {
          throw propertyNotLoaded("axes.valueAxis.numberFormat");
        },
        set minimum(v: number) {
          min(v);
        },
        get minimum(): number {
          throw propertyNotLoaded("axes.valueAxis.minimum");
        },
      },
    };
  }
  get series(): FakeChartSeriesCollection {
    return new FakeChartSeriesCollection(
      this.session,
      `${this._path}.series`,
      () => this._resolve()?.chart ?? null
    );
  }
  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    const text = (c: string | FakeRange | undefined): string | null =>
      c === undefined ? null : typeof c === "string" ? c : rectName(c._target().rect);
    this.act("setPosition", [String(startCell), String(endCell ?? "")], (ref) => {
      ref.chart.from = text(startCell);
      ref.chart.to = text(endCell);
    });
  }
  delete(): void {
    this.act("delete", [], (ref) => {
      requireSheetWritable(this.session, ref.sheet);
      ref.sheet.charts.splice(ref.sheet.charts.indexOf(ref.chart), 1);
    });
  }
}

export class FakeChartCollection extends LoadedItems<FakeSheet, ChartRef, FakeChartItem> {
  protected scalarProperties(): readonly string[] {
    return ["name", "chartType"];
  }
  protected entriesOf(sheet: FakeSheet): readonly ChartRef[] {
    return sheet.charts.map((chart) => ({ sheet, chart }));
  }
  protected itemProxy(ref: ChartRef): FakeChartItem {
    return new FakeChartItem(this.session, `${this._path}[${ref.chart.name}]`, () => ref);
  }

  add(type: string, sourceData: FakeRange, seriesBy: string = "Auto"): FakeChartItem {
    let created: ChartRef | null = null;
    const proxy = new FakeChartItem(this.session, `${this._path}.add(${type})`, () => created);
    this.act("add", [type, sourceData._path, seriesBy], (sheet) => {
      requireSheetWritable(this.session, sheet);
      const src = sourceData._target();
      const byRows = seriesBy === "Rows";
      const count = byRows ? src.rect.rowCount : src.rect.columnCount;
      const series: FakeChartSeries[] = [];
      for (let i = 0; i < count; i++) {
        const rect: Rect = byRows
          ? {
              row: src.rect.row + i,
              column: src.rect.column,
              rowCount: 1,
              columnCount: src.rect.columnCount,
            }
          : {
              row: src.rect.row,
              column: src.rect.column + i,
              rowCount: src.rect.rowCount,
              columnCount: 1,
            };
        series.push({
          name: `Series${i + 1}`,
          values: qualified({ sheet: src.sheet, rect }),
          categories: null,
        });
      }
      const chart: FakeChart = {
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        title: "",
        series,
        from: null,
        to: null,
        valueAxisFormat: null,
      };
      sheet.charts.push(chart);
      created = { sheet, chart };
    });
    return proxy;
  }
}
