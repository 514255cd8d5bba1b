/** Charts and their series: add a chart over a range, name, title, axis format, position. */
import { quoteSheetName, rectName, type Rect } from "../address";
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
  get axes(): { valueAxis: { numberFormat: string } } {
    const act = (v: string): void => {
      this.session.requireSet("1.8", "ChartAxis.numberFormat");
      this.act("axes.valueAxis.numberFormat", [v], (ref) => {
        ref.chart.valueAxisFormat = v;
      });
    };
    return {
      valueAxis: {
        set numberFormat(v: string) {
          act(v);
        },
        get numberFormat(): string {
          throw propertyNotLoaded("axes.valueAxis.numberFormat");
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
