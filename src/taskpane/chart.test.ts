import { describe, expect, it } from "vitest";
import { layoutChart, niceCeiling } from "./chart";

const box = { width: 200, height: 100, left: 20, right: 0, top: 0, bottom: 20 };

describe("the members chart", () => {
  it("rounds the axis up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([1889, 1058, 250, 7, 0].map(niceCeiling)).toEqual([2000, 2000, 250, 10, 1]);
  });

  it("spreads the years from left to right and puts larger counts higher", () => {
    const layout = layoutChart(
      [
        { label: "2011", value: 1000 },
        { label: "2012", value: 1500 },
        { label: "2013", value: 2000 },
      ],
      box
    );
    expect(layout.max).toBe(2000);
    expect(layout.points.map((p) => [p.x, p.y])).toEqual([
      [20, 40],
      [110, 20],
      [200, 0],
    ]);
    expect(layout.ticks.map((t) => [t.value, t.y])).toEqual([
      [0, 80],
      [1000, 40],
      [2000, 0],
    ]);
  });

  it("centres a single year", () => {
    expect(layoutChart([{ label: "2014", value: 5 }], box).points[0]?.x).toBe(110);
  });
});
