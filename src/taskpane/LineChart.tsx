import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { layoutChart, type ChartPoint } from "./chart";
import { formatCount } from "./i18n";

const useStyles = makeStyles({
  svg: { display: "block", width: "100%", height: "auto", overflow: "visible" },
  axis: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  line: { fill: "none", stroke: tokens.colorBrandForeground1, strokeWidth: 2 },
  dot: { fill: tokens.colorBrandForeground1 },
  label: { fill: tokens.colorNeutralForeground3, fontSize: "10px" },
});

const box = { width: 280, height: 130, left: 36, right: 10, top: 10, bottom: 20 };

export interface LineChartProps {
  readonly title: string;
  /** A sentence describing the data, for screen readers. */
  readonly description: string;
  readonly data: readonly ChartPoint[];
}

/** A tiny SVG line chart: no chart library, so the bundle stays small. */
export function LineChart({ title, description, data }: LineChartProps): React.JSX.Element {
  const styles = useStyles();
  const layout = layoutChart(data, box);
  const path = layout.points.map((p) => `${p.x},${p.y}`).join(" ");
  const every = Math.max(1, Math.ceil(data.length / 6));
  const titleId = React.useId();
  const descId = React.useId();
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${box.width} ${box.height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      data-testid="members-chart"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {layout.ticks.map((tick) => (
        <g key={tick.value}>
          <line
            className={styles.axis}
            x1={box.left}
            x2={box.width - box.right}
            y1={tick.y}
            y2={tick.y}
          />
          <text className={styles.label} x={box.left - 4} y={tick.y + 3} textAnchor="end">
            {formatCount(tick.value)}
          </text>
        </g>
      ))}
      <polyline className={styles.line} points={path} />
      {layout.points.map((p, i) => (
        <g key={p.label}>
          <circle className={styles.dot} cx={p.x} cy={p.y} r={2.5} />
          {(i % every === 0 || i === layout.points.length - 1) && (
            <text className={styles.label} x={p.x} y={box.height - 6} textAnchor="middle">
              {p.label}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
