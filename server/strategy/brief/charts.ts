/**
 * Charts of the strategy brief as Scenes (server/documents/scene/scene.ts), drawn by the same two adapters as the
 * siting report (web SVG and PDF SVG): the area-weighted suitability histogram of the region, the
 * comparison of regions, and the plan's annual totals against building at the demand. Greyscale with
 * hatching and direct labels, like the report's charts; d3-scale for the axes.
 */
import { scaleBand, scaleLinear } from "d3-scale";
import type { BriefComparison, BriefPlan, BriefProfile } from "@/server/strategy/brief/content";
import { changeText } from "@/server/strategy/brief/prose";
import { fmtFixed, fmtNumber } from "@/server/documents/format";
import { fitText, GREYS, hatchedRect, INK, MUTED, RULE, textWidth, type Scene, type SceneItem } from "@/server/documents/scene/scene";

const FONT = 7;

/** A share 0–1 as a short percentage label ("12 %", "0.4 %"). */
function shareLabel(a: number): string {
  const p = a * 100;
  return `${p >= 9.95 ? p.toFixed(0) : p.toFixed(1)} %`;
}

/**
 * Vertical bars: the share of the region's passing land in each 10-point score band, with the median
 * marked and the band of candidate area cells (score ≥ the candidate area threshold) shaded.
 */
export function histogramChart(profile: BriefProfile, opts: { width: number; height?: number }): Scene {
  const width = opts.width, height = opts.height ?? 160;
  // Two annotation rows above the plot (candidate area threshold, median), then the bars with room for their labels.
  const left = 36, right = 8, row1 = 8, row2 = 17, top = 24, bottom = height - 28;
  const x = scaleLinear().domain([0, 100]).range([left, width - right]);
  const maxShare = Math.max(0.01, ...profile.histogram.map((b) => b.areaShare));
  const y = scaleLinear().domain([0, maxShare]).nice(4).range([bottom, top + 8]);
  const items: SceneItem[] = [];
  const beside = (xv: number, text: string, size: number) => (xv + 3 + textWidth(text, size) < width - right ? { x: xv + 3, anchor: "start" as const } : { x: xv - 3, anchor: "end" as const });
  if (profile.candidateAreaThreshold !== null && profile.candidateAreas.length) {
    const x0 = x(profile.candidateAreaThreshold);
    items.push({ kind: "rect", x: x0, y: row1 - 6, w: x(100) - x0, h: bottom - row1 + 6, fill: "#f1f1f1" });
    items.push({ kind: "line", x1: x0, y1: row1 - 6, x2: x0, y2: bottom, stroke: MUTED, strokeWidth: 0.6, dash: "2 1.5" });
    const label = `candidate area cells: score ≥ ${fmtFixed(profile.candidateAreaThreshold, 1)}`;
    items.push({ kind: "text", ...beside(x0, label, FONT - 1), y: row1, text: label, size: FONT - 1, fill: MUTED });
  }
  for (const t of y.ticks(4)) {
    items.push({ kind: "line", x1: left, y1: y(t), x2: width - right, y2: y(t), stroke: RULE, strokeWidth: 0.3, dash: "1 2" });
    items.push({ kind: "text", x: left - 3, y: y(t) + 2.2, text: `${fmtNumber(t * 100, 0)} %`, size: FONT - 1, anchor: "end", fill: MUTED });
  }
  for (const b of profile.histogram) {
    const x0 = x(b.from) + 1.5, w = x(b.to) - x(b.from) - 3;
    const h = y(0) - y(b.areaShare);
    if (h > 0) items.push({ kind: "rect", x: x0, y: y(b.areaShare), w, h: Math.max(0.4, h), fill: GREYS[4] });
    if (b.areaShare >= 0.001) items.push({ kind: "text", x: x0 + w / 2, y: y(b.areaShare) - 2, text: shareLabel(b.areaShare), size: FONT - 1, anchor: "middle", fill: INK });
  }
  items.push({ kind: "line", x1: left, y1: bottom, x2: width - right, y2: bottom, stroke: INK, strokeWidth: 0.5 });
  for (let t = 0; t <= 100; t += 10) items.push({ kind: "text", x: x(t), y: bottom + 8, text: String(t), size: FONT - 1, anchor: "middle", fill: MUTED });
  items.push({ kind: "text", x: width - right, y: bottom + 17, text: "suitability score (0–100), bands of 10 points", size: FONT - 1, anchor: "end", fill: MUTED });
  items.push({ kind: "text", x: left, y: bottom + 17, text: "share of the land passing the constraints (area-weighted)", size: FONT - 1, fill: MUTED });
  if (profile.medianScore !== null) {
    const xm = x(profile.medianScore);
    items.push({ kind: "line", x1: xm, y1: row2 - 6, x2: xm, y2: bottom, stroke: INK, strokeWidth: 0.9 });
    const label = `median ${fmtFixed(profile.medianScore, 1)}`;
    items.push({ kind: "text", ...beside(xm, label, FONT - 0.5), y: row2, text: label, size: FONT - 0.5, bold: true, fill: INK });
  }
  return {
    width, height,
    title: `Suitability of ${profile.regionName}'s land passing the constraints`,
    description: `Area-weighted share of passing land per score band: ${profile.histogram.map((b) => `${b.from}–${b.to}: ${shareLabel(b.areaShare)}`).join("; ")}${profile.medianScore !== null ? `; median ${fmtNumber(profile.medianScore, 1)}` : ""}.`,
    items,
  };
}

/** Horizontal bar pairs per region, best first: the best candidate area's mean score (dark) and the median score (hatched), 0–100. */
export function comparisonChart(comparison: BriefComparison, opts: { width: number }): Scene {
  const rows = comparison.rows;
  const labelW = 130, top = 4, rowH = 22;
  const bottom = top + rows.length * rowH;
  const height = bottom + 30;
  const x = scaleLinear().domain([0, 100]).range([labelW, opts.width - 30]);
  const y = scaleBand<number>().domain(rows.map((_, i) => i)).range([top, bottom]).paddingInner(0.2);
  const items: SceneItem[] = [];
  for (const t of x.ticks(5)) {
    items.push({ kind: "line", x1: x(t), y1: top, x2: x(t), y2: bottom, stroke: RULE, strokeWidth: 0.3, dash: "1 2" });
    items.push({ kind: "text", x: x(t), y: bottom + 8, text: String(t), size: FONT - 1, anchor: "middle", fill: MUTED });
  }
  items.push({ kind: "line", x1: x(0), y1: bottom, x2: x(100), y2: bottom, stroke: INK, strokeWidth: 0.5 });
  rows.forEach((r, i) => {
    const yy = y(i)!, h = y.bandwidth() / 2;
    items.push({ kind: "text", x: labelW - 4, y: yy + h + 2.5, text: fitText(`${r.rank}. ${r.regionName}`, FONT, labelW - 8), size: FONT, anchor: "end", bold: r.profiled, fill: INK });
    const bars: [number | null, number][] = [[r.bestAreaScore, 0], [r.medianScore, 2]];
    bars.forEach(([v, style], k) => {
      const by = yy + k * h;
      if (v === null) {
        items.push({ kind: "text", x: x(0) + 2, y: by + h * 0.8, text: k === 0 ? "no candidate area" : "no passing land", size: FONT - 1, fill: MUTED });
        return;
      }
      items.push(...hatchedRect(x(0), by, Math.max(0.5, x(v) - x(0)), h - 0.6, style));
      items.push({ kind: "text", x: x(v) + 3, y: by + h * 0.8, text: fmtFixed(v, 1), size: FONT - 0.5, fill: INK });
    });
  });
  const ly = bottom + 22;
  items.push(...hatchedRect(labelW, ly - 7, 12, 8, 0));
  items.push({ kind: "text", x: labelW + 16, y: ly, text: "best candidate area, mean score", size: FONT - 0.5, fill: INK });
  const lx = labelW + 26 + textWidth("best candidate area, mean score", FONT - 0.5);
  items.push(...hatchedRect(lx, ly - 7, 12, 8, 2));
  items.push({ kind: "text", x: lx + 16, y: ly, text: "median score of the passing land", size: FONT - 0.5, fill: INK });
  return {
    width: opts.width, height,
    title: "Regions compared: best candidate area and median score",
    description: rows.map((r) => `${r.rank}. ${r.regionName}: best candidate area ${fmtFixed(r.bestAreaScore, 1)}, median ${fmtFixed(r.medianScore, 1)}`).join("; "),
    items,
  };
}

const TOTALS = [
  { key: "grid_mwh", title: "Grid energy", unit: "MWh/yr" },
  { key: "co2_t", title: "CO2, location-based", unit: "t/yr" },
  { key: "water_m3", title: "Site water", unit: "m³/yr" },
] as const;

/**
 * The plan's annual totals against building everything at the demand: one pair of bars per quantity
 * (plan dark, baseline hatched), each pair on its own scale, labelled with the values and the change.
 */
export function planTotalsChart(plan: BriefPlan, opts: { width: number }): Scene {
  const labelW = 110, top = 4, groupH = 30;
  const bottom = top + TOTALS.length * groupH;
  const height = bottom + 16;
  const valueW = 150;
  const items: SceneItem[] = [];
  TOTALS.forEach((q, i) => {
    const yy = top + i * groupH;
    const v = plan.totals[q.key], b = plan.baseline.totals[q.key];
    const x = scaleLinear().domain([0, Math.max(v, b, 1e-9)]).range([labelW, opts.width - valueW]);
    items.push({ kind: "text", x: labelW - 4, y: yy + 10, text: q.title, size: FONT, anchor: "end", bold: true, fill: INK });
    items.push({ kind: "text", x: labelW - 4, y: yy + 19, text: q.unit, size: FONT - 1, anchor: "end", fill: MUTED });
    const bar = (val: number, k: number, label: string, style: number) => {
      const by = yy + 2 + k * 12;
      items.push(...hatchedRect(x(0), by, Math.max(0.5, x(val) - x(0)), 10, style));
      items.push({ kind: "text", x: x(val) + 3, y: by + 7.5, text: label, size: FONT - 0.5, fill: INK });
    };
    const change = changeText(v, b);
    bar(v, 0, `plan ${fmtNumber(v, 0)}${change ? ` (${change})` : ""}`, 0);
    bar(b, 1, `at demand ${fmtNumber(b, 0)}`, 2);
    if (i < TOTALS.length - 1) items.push({ kind: "line", x1: 0, y1: yy + groupH - 2, x2: opts.width, y2: yy + groupH - 2, stroke: RULE, strokeWidth: 0.3 });
  });
  items.push(...hatchedRect(labelW, bottom + 3, 12, 8, 0));
  items.push({ kind: "text", x: labelW + 16, y: bottom + 10, text: "the plan", size: FONT - 0.5, fill: INK });
  const lx = labelW + 60;
  items.push(...hatchedRect(lx, bottom + 3, 12, 8, 2));
  items.push({ kind: "text", x: lx + 16, y: bottom + 10, text: "everything built at the demand markets (each pair on its own scale)", size: FONT - 0.5, fill: INK });
  return {
    width: opts.width, height,
    title: "Annual totals of the plan against building at the demand",
    description: TOTALS.map((q) => `${q.title}: plan ${fmtNumber(plan.totals[q.key], 0)} ${q.unit}, at demand ${fmtNumber(plan.baseline.totals[q.key], 0)} ${q.unit}`).join("; "),
    items,
  };
}
