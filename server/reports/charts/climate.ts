/**
 * Climate profile of a site: monthly mean temperature (line, with the estimated typical daily range as
 * a darker band) on the left axis, and air-side free-cooling hours per month (light outlined bars) on the right axis,
 * with the economiser's dry-bulb limit as a dashed reference line. Labels, not colours, tell the
 * series apart.
 */
import { scaleBand, scaleLinear } from "d3-scale";
import { fmtNumber, MONTHS } from "@/server/documents/format";
import type { ReportClimate } from "../types";
import { INK, MUTED, RULE, type Scene, type SceneItem } from "@/server/documents/scene/scene";

const FONT = 6.5;
/** Free-cooling bars: a light solid grey with an outline (the band is a darker area without outline bars, the mean a black line with dots). */
const BAR_FILL = "#eeeeee";
const BAND_FILL = "#ababab";

export function climateChart(c: ReportClimate, opts: { width: number; height?: number; name: string }): Scene {
  const width = opts.width, height = opts.height ?? 150;
  const left = 30, right = width - 34, top = 8, bottom = height - 40;
  const x = scaleBand<number>().domain(MONTHS.map((_, m) => m)).range([left, right]).paddingInner(0.3).paddingOuter(0.15);
  const lows = c.monthlyMeanC.map((t, m) => t - (c.diurnalRangeK[m] ?? 0) / 2);
  const highs = c.monthlyMeanC.map((t, m) => t + (c.diurnalRangeK[m] ?? 0) / 2);
  const tMin = Math.min(...lows, 0), tMax = Math.max(...highs, c.freeCoolingDryBulbLimitC + 2);
  const yT = scaleLinear().domain([tMin, tMax]).nice(5).range([bottom, top]);
  const yH = scaleLinear().domain([0, 744]).range([bottom, top]);
  const items: SceneItem[] = [];
  // Grid and axes.
  for (const t of yT.ticks(5)) {
    items.push({ kind: "line", x1: left, y1: yT(t), x2: right, y2: yT(t), stroke: RULE, strokeWidth: 0.3, dash: "1 2" });
    items.push({ kind: "text", x: left - 3, y: yT(t) + 2, text: fmtNumber(t, 0), size: FONT, anchor: "end", fill: MUTED });
  }
  for (const h of [0, 240, 480, 720]) items.push({ kind: "text", x: right + 3, y: yH(h) + 2, text: String(h), size: FONT, fill: MUTED });
  items.push({ kind: "text", x: 2, y: top - 1, text: "°C", size: FONT, fill: MUTED });
  items.push({ kind: "text", x: width - 2, y: top - 1, text: "h/month", size: FONT, anchor: "end", fill: MUTED });
  // Free-cooling hours: light outlined bars with the number under the month.
  c.freeCoolingHoursByMonth.forEach((h, m) => {
    const bx = x(m)!, bw = x.bandwidth();
    if (h > 0.5) items.push({ kind: "rect", x: bx, y: yH(h), w: bw, h: yH(0) - yH(h), fill: BAR_FILL, stroke: INK, strokeWidth: 0.5 });
    items.push({ kind: "text", x: bx + bw / 2, y: bottom + 16, text: fmtNumber(h, 0), size: FONT - 0.5, anchor: "middle", fill: MUTED });
    items.push({ kind: "text", x: bx + bw / 2, y: bottom + 8, text: MONTHS[m]!, size: FONT, anchor: "middle", fill: INK });
  });
  items.push({ kind: "line", x1: left, y1: bottom, x2: right, y2: bottom, stroke: INK, strokeWidth: 0.5 });
  // Daily range band and mean line.
  const cx = (m: number) => x(m)! + x.bandwidth() / 2;
  const band = [...highs.map((t, m) => `${m ? "L" : "M"}${cx(m).toFixed(2)},${yT(t).toFixed(2)}`), ...lows.map((t, m) => m).reverse().map((m) => `L${cx(m).toFixed(2)},${yT(lows[m]!).toFixed(2)}`), "Z"].join("");
  items.push({ kind: "path", d: band, fill: BAND_FILL });
  items.push({ kind: "path", d: c.monthlyMeanC.map((t, m) => `${m ? "L" : "M"}${cx(m).toFixed(2)},${yT(t).toFixed(2)}`).join(""), fill: "none", stroke: INK, strokeWidth: 1.2 });
  c.monthlyMeanC.forEach((t, m) => items.push({ kind: "circle", cx: cx(m), cy: yT(t), r: 1.6, fill: INK }));
  // Economiser limit.
  const yl = yT(c.freeCoolingDryBulbLimitC);
  items.push({ kind: "line", x1: left, y1: yl, x2: right, y2: yl, stroke: INK, strokeWidth: 0.6, dash: "3 2" });
  const limitLabel = `economiser limit ${c.freeCoolingDryBulbLimitC} °C`;
  items.push({ kind: "rect", x: left + 2, y: yl - FONT - 1.5, w: limitLabel.length * (FONT - 0.5) * 0.53 + 4, h: FONT + 0.5, fill: "#ffffff" });
  items.push({ kind: "text", x: left + 4, y: yl - 2, text: limitLabel, size: FONT - 0.5, fill: INK });
  // Legend, two lines.
  const ly = height - 12, ly2 = height - 3;
  items.push({ kind: "line", x1: 4, y1: ly - 2, x2: 18, y2: ly - 2, stroke: INK, strokeWidth: 1.2 });
  items.push({ kind: "text", x: 21, y: ly, text: "mean temperature (°C)", size: FONT, fill: INK });
  items.push({ kind: "rect", x: 110, y: ly - 6, w: 12, h: 6, fill: BAND_FILL });
  items.push({ kind: "text", x: 125, y: ly, text: "typical daily range", size: FONT, fill: INK });
  items.push({ kind: "rect", x: 4, y: ly2 - 6, w: 14, h: 6, fill: BAR_FILL, stroke: INK, strokeWidth: 0.5 });
  items.push({ kind: "text", x: 21, y: ly2, text: `air-side free-cooling hours per month (right axis; ${fmtNumber(c.freeCoolingHoursPerYear, 0)} h/yr)`, size: FONT, fill: INK });
  return {
    width, height,
    title: `${opts.name}: monthly temperature and free-cooling hours`,
    description: MONTHS.map((mo, m) => `${mo} ${fmtNumber(c.monthlyMeanC[m], 1)} °C, ${fmtNumber(c.freeCoolingHoursByMonth[m], 0)} h free cooling`).join("; "),
    items,
  };
}
