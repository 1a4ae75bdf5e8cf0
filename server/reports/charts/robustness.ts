/**
 * Robustness figures: the SMAA rank-acceptability heat map (grey level = share of weight draws giving
 * the site that rank, every cell of 1 % or more labelled with its percentage, so it reads in greyscale
 * and without colour at all), and the weight-stability intervals (the range each weight can take with
 * the same winner, the current weight marked).
 */
import { scaleLinear } from "d3-scale";
import { fmtNumber } from "@/server/documents/format";
import type { ReportRobustness } from "../types";
import { fitText, INK, MUTED, RULE, type Scene, type SceneItem } from "@/server/documents/scene/scene";

const FONT = 6.5;

/** Grey for a share 0–1 (white … near black). */
export function shareGrey(a: number): string {
  const v = Math.round(255 - Math.min(1, Math.max(0, a)) * 215);
  const h = v.toString(16).padStart(2, "0");
  return `#${h}${h}${h}`;
}

export function smaaHeatmap(smaa: NonNullable<ReportRobustness["smaa"]>, opts: { width: number; maxSites?: number; maxRanks?: number }): Scene {
  const rows = smaa.sites.slice(0, opts.maxSites ?? 20);
  const ranks = Math.min(opts.maxRanks ?? 10, smaa.sites.length);
  const labelW = 120, top = 14, cellH = 12;
  const cellW = Math.min(34, (opts.width - labelW - 4) / ranks);
  const items: SceneItem[] = [];
  for (let k = 0; k < ranks; k++) items.push({ kind: "text", x: labelW + k * cellW + cellW / 2, y: top - 4, text: `#${k + 1}`, size: FONT, anchor: "middle", fill: MUTED });
  rows.forEach((s, i) => {
    const y = top + i * cellH;
    items.push({ kind: "text", x: labelW - 4, y: y + cellH * 0.7, text: fitText(`${s.rank}. ${s.name}`, FONT, labelW - 8), size: FONT, anchor: "end", fill: INK });
    for (let k = 0; k < ranks; k++) {
      const a = s.rankAcceptability[k] ?? 0;
      items.push({ kind: "rect", x: labelW + k * cellW, y, w: cellW, h: cellH, fill: shareGrey(a), stroke: "#ffffff", strokeWidth: 0.5 });
      if (a >= 0.01) items.push({ kind: "text", x: labelW + k * cellW + cellW / 2, y: y + cellH * 0.7, text: `${Math.round(a * 100)}%`, size: FONT - 0.5, anchor: "middle", fill: a > 0.55 ? "#ffffff" : INK });
    }
  });
  const bottom = top + rows.length * cellH;
  // Legend: a grey ramp with labels.
  const ly = bottom + 10;
  [0, 0.25, 0.5, 0.75, 1].forEach((a, k) => {
    items.push({ kind: "rect", x: labelW + k * 26, y: ly, w: 26, h: 7, fill: shareGrey(a), stroke: RULE, strokeWidth: 0.3 });
    items.push({ kind: "text", x: labelW + k * 26 + 13, y: ly + 15, text: `${a * 100}%`, size: FONT - 1, anchor: "middle", fill: MUTED });
  });
  items.push({ kind: "text", x: labelW - 4, y: ly + 6, text: "share of draws", size: FONT - 1, anchor: "end", fill: MUTED });
  return {
    width: opts.width, height: ly + 20,
    title: `SMAA rank acceptability (${smaa.samples.toLocaleString("en")} weight draws, seed ${smaa.seed})`,
    description: rows.map((s) => `${s.name}: first in ${Math.round((s.rankAcceptability[0] ?? 0) * 100)} %`).join("; "),
    items,
  };
}

export function stabilityChart(stability: ReportRobustness["stability"], opts: { width: number }): Scene {
  const labelW = 120, top = 4, rowH = 14;
  const right = opts.width - 150;
  const x = scaleLinear().domain([0, 1]).range([labelW, right]);
  const items: SceneItem[] = [];
  const bottom = top + stability.length * rowH;
  for (const t of x.ticks(5)) {
    items.push({ kind: "line", x1: x(t), y1: top, x2: x(t), y2: bottom, stroke: RULE, strokeWidth: 0.3, dash: "1 2" });
    items.push({ kind: "text", x: x(t), y: bottom + 8, text: fmtNumber(t, 1), size: FONT - 0.5, anchor: "middle", fill: MUTED });
  }
  items.push({ kind: "text", x: right, y: bottom + 17, text: "weight (others rescaled in proportion)", size: FONT - 0.5, anchor: "end", fill: MUTED });
  stability.forEach((s, i) => {
    const y = top + i * rowH;
    items.push({ kind: "text", x: labelW - 4, y: y + rowH * 0.65, text: fitText(s.title, FONT, labelW - 8), size: FONT, anchor: "end", fill: INK });
    items.push({ kind: "line", x1: x(0), y1: y + rowH / 2, x2: x(1), y2: y + rowH / 2, stroke: RULE, strokeWidth: 1 });
    items.push({ kind: "rect", x: x(s.lower), y: y + 3, w: Math.max(0.8, x(s.upper) - x(s.lower)), h: rowH - 6, fill: "#9a9a9a", stroke: INK, strokeWidth: 0.4 });
    items.push({ kind: "rect", x: x(s.weight) - 1, y: y + 1, w: 2, h: rowH - 2, fill: INK });
    const note = `${fmtNumber(s.lower, 2)}–${fmtNumber(s.upper, 2)}${s.rivalBelow ? `; below: ${s.rivalBelow}` : ""}${s.rivalAbove ? `; above: ${s.rivalAbove}` : ""}`;
    items.push({ kind: "text", x: right + 6, y: y + rowH * 0.65, text: fitText(note, FONT - 0.5, opts.width - right - 8), size: FONT - 0.5, fill: INK });
  });
  return {
    width: opts.width, height: bottom + 22,
    title: "Weight stability: the range of each weight with the same winner (bar) and the current weight (black mark)",
    description: stability.map((s) => `${s.title}: now ${fmtNumber(s.weight, 2)}, stable ${fmtNumber(s.lower, 2)}–${fmtNumber(s.upper, 2)}`).join("; "),
    items,
  };
}
