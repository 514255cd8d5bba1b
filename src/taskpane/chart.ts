/** Geometry of the pane's small line chart; the SVG itself is in LineChart.tsx. */

export interface ChartPoint {
  readonly label: string;
  readonly value: number;
}

export interface ChartBox {
  readonly width: number;
  readonly height: number;
  /** Room left of and below the plot for the axis labels. */
  readonly left: number;
  readonly bottom: number;
  readonly top: number;
  readonly right: number;
}

export interface PlacedPoint extends ChartPoint {
  readonly x: number;
  readonly y: number;
}

export interface ChartLayout {
  readonly points: readonly PlacedPoint[];
  /** The y axis runs from 0 to this "nice" maximum. */
  readonly max: number;
  readonly ticks: readonly { readonly value: number; readonly y: number }[];
}

/** The smallest of 1, 2, 2.5, 5 × 10^k that is at least `value` (1 for 0 or less). */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}

/** Places the points evenly from left to right, on a y axis from 0 to a nice maximum. */
export function layoutChart(data: readonly ChartPoint[], box: ChartBox): ChartLayout {
  const max = niceCeiling(Math.max(0, ...data.map((d) => d.value)));
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const xAt = (i: number): number =>
    data.length <= 1 ? box.left + plotWidth / 2 : box.left + (plotWidth * i) / (data.length - 1);
  const yAt = (value: number): number => box.top + plotHeight - (plotHeight * value) / max;
  const points = data.map((d, i) => ({ ...d, x: round(xAt(i)), y: round(yAt(d.value)) }));
  const ticks = [0, max / 2, max].map((value) => ({ value, y: round(yAt(value)) }));
  return { points, max, ticks };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
