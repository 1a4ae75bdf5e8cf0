/**
 * Bar charts of the ranking: the score of each site (one bar each, value labelled), the stacked
 * weighted contributions of each criterion to the leading sites' scores, and one site's contribution
 * per criterion against the most it could get (its weight). d3-scale for the axes.
 */
import { scaleBand, scaleLinear } from "d3-scale";
import { fmtNumber } from "@/server/documents/format";
import type { ReportContent, ReportSiteCard } from "../types";
import { fitText, GREYS, hatchedRect, INK, MUTED, RULE, type Scene, type SceneItem } from "@/server/documents/scene/scene";

const FONT = 7;

function xAxis(items: SceneItem[], x: (v: number) => number, ticks: number[], y: number, top: number, label: string, fmt: (v: number) => string) {
  for (const t of ticks) {
    items.push({ kind: "line", x1: x(t), y1: top, x2: x(t), y2: y, stroke: RULE, strokeWidth: 0.3, dash: "1 2" });
    items.push({ kind: "text", x: x(t), y: y + 8, text: fmt(t), size: FONT - 1, anchor: "middle", fill: MUTED });
  }
  items.push({ kind: "line", x1: x(ticks[0]!), y1: y, x2: x(ticks[ticks.length - 1]!), y2: y, stroke: INK, strokeWidth: 0.5 });
  items.push({ kind: "text", x: x(ticks[ticks.length - 1]!), y: y + 17, text: label, size: FONT - 1, anchor: "end", fill: MUTED });
}

/** Horizontal bars of the score (0–100) of the ranked sites, best first; at most `maxSites`. */
export function scoreBarsChart(content: ReportContent, opts: { width: number; maxSites?: number }): Scene {
  const cards = new Map(content.sites.map((s) => [s.id, s]));
  const ranked = content.ranking.order.map((id) => cards.get(id)!).filter((s) => s.rank !== null).slice(0, opts.maxSites ?? 15);
  const rowH = 13, labelW = 130, top = 4;
  const height = top + ranked.length * rowH + 24;
  const x = scaleLinear().domain([0, 100]).range([labelW, opts.width - 28]);
  const y = scaleBand<string>().domain(ranked.map((s) => s.id)).range([top, top + ranked.length * rowH]).paddingInner(0.25);
  const items: SceneItem[] = [];
  const bottom = top + ranked.length * rowH;
  xAxis(items, x, x.ticks(5), bottom, top, "score (0–100)", (v) => String(v));
  for (const s of ranked) {
    const yy = y(s.id)!;
    items.push({ kind: "text", x: labelW - 4, y: yy + y.bandwidth() * 0.75, text: fitText(`${s.rank}. ${s.name}`, FONT, labelW - 8), size: FONT, anchor: "end", fill: INK });
    items.push({ kind: "rect", x: x(0), y: yy, w: Math.max(0.5, x(s.score ?? 0) - x(0)), h: y.bandwidth(), fill: s.rank === 1 ? GREYS[5] : GREYS[3] });
    items.push({ kind: "text", x: x(s.score ?? 0) + 3, y: yy + y.bandwidth() * 0.75, text: fmtNumber(s.score, 1), size: FONT, fill: INK });
  }
  return {
    width: opts.width, height,
    title: "Score of each ranked site",
    description: ranked.map((s) => `${s.rank}. ${s.name}: ${fmtNumber(s.score, 1)}`).join("; "),
    items,
  };
}

/**
 * Stacked bars: each criterion's weighted contribution (weight × utility) to the score of the leading
 * sites, one hatch style per criterion with a legend. Weighted-sum scores decompose exactly; for other
 * methods the bars show weight × utility, which need not add up to the score (said in the title).
 */
export function contributionsChart(content: ReportContent, opts: { width: number; maxSites?: number }): Scene {
  const cards = new Map(content.sites.map((s) => [s.id, s]));
  const ranked = content.ranking.order.map((id) => cards.get(id)!).filter((s) => s.rank !== null).slice(0, opts.maxSites ?? 10);
  const criteria = content.ranking.criteria.map((c, j) => ({ c, j })).filter(({ c }) => c.weight > 0);
  const rowH = 14, labelW = 130, top = 4;
  const legendCols = Math.max(1, Math.floor((opts.width - 10) / 165));
  const legendRows = Math.ceil(criteria.length / legendCols);
  const bottom = top + ranked.length * rowH;
  const height = bottom + 26 + legendRows * 12;
  const x = scaleLinear().domain([0, 1]).range([labelW, opts.width - 10]);
  const y = scaleBand<string>().domain(ranked.map((s) => s.id)).range([top, bottom]).paddingInner(0.25);
  const items: SceneItem[] = [];
  xAxis(items, x, x.ticks(5), bottom, top, content.ranking.method === "wsm" ? "score ÷ 100 = Σ weight × utility" : "weight × utility (the method's score is not their sum)", (v) => fmtNumber(v, 1));
  const part = (s: ReportSiteCard, j: number) => {
    const v = s.criteria[j]!;
    return v.contribution ?? (v.utility !== null && v.weight !== null ? v.utility * v.weight : 0);
  };
  for (const s of ranked) {
    const yy = y(s.id)!;
    items.push({ kind: "text", x: labelW - 4, y: yy + y.bandwidth() * 0.75, text: fitText(`${s.rank}. ${s.name}`, FONT, labelW - 8), size: FONT, anchor: "end", fill: INK });
    let acc = 0;
    criteria.forEach(({ j }, k) => {
      const v = part(s, j);
      if (v > 0) items.push(...hatchedRect(x(acc), yy, x(acc + v) - x(acc), y.bandwidth(), k));
      acc += v;
    });
  }
  criteria.forEach(({ c }, k) => {
    const col = k % legendCols, row = Math.floor(k / legendCols);
    const lx = 6 + col * 165, ly = bottom + 22 + row * 12;
    items.push(...hatchedRect(lx, ly - 7, 12, 8, k));
    items.push({ kind: "text", x: lx + 16, y: ly, text: fitText(`${c.title} (w ${fmtNumber(c.weight, 2)})`, FONT - 0.5, 145), size: FONT - 0.5, fill: INK });
  });
  return {
    width: opts.width, height,
    title: content.ranking.method === "wsm" ? "What makes up each score: weighted contributions" : "Weighted utilities of the leading sites",
    description: ranked.map((s) => `${s.name}: ${criteria.map(({ c, j }) => `${c.title} ${fmtNumber(part(s, j), 3)}`).join(", ")}`).join("; "),
    items,
  };
}

/** One site's contribution per criterion (filled) against its weight, the most it could contribute (outline). */
export function siteContributionChart(card: ReportSiteCard, content: ReportContent, opts: { width: number }): Scene {
  const crit = content.ranking.criteria;
  const rowH = 12, labelW = 120, top = 2;
  const bottom = top + crit.length * rowH;
  const height = bottom + 22;
  const maxW = Math.max(0.05, ...crit.map((c) => c.weight));
  const x = scaleLinear().domain([0, maxW]).nice(4).range([labelW, opts.width - 36]);
  const items: SceneItem[] = [];
  xAxis(items, x, x.ticks(4), bottom, top, "weight (outline) and weight × utility (filled)", (v) => fmtNumber(v, 2));
  crit.forEach((c, j) => {
    const v = card.criteria[j]!;
    const yy = top + j * rowH + 2;
    const h = rowH - 4;
    const w = v.weight ?? c.weight;
    const got = v.contribution ?? (v.utility !== null && v.weight !== null ? v.utility * v.weight : null);
    items.push({ kind: "text", x: labelW - 4, y: yy + h * 0.8, text: fitText(c.title, FONT - 0.5, labelW - 8), size: FONT - 0.5, anchor: "end", fill: INK });
    items.push({ kind: "rect", x: x(0), y: yy, w: Math.max(0, x(w) - x(0)), h, fill: "#ffffff", stroke: INK, strokeWidth: 0.5 });
    if (got !== null && got > 0) items.push({ kind: "rect", x: x(0), y: yy, w: x(got) - x(0), h, fill: GREYS[4] });
    items.push({ kind: "text", x: x(Math.max(w, got ?? 0)) + 3, y: yy + h * 0.8, text: got === null ? "missing" : fmtNumber(got, 3), size: FONT - 0.5, fill: got === null ? MUTED : INK });
  });
  return {
    width: opts.width, height,
    title: `${card.name}: contribution of each criterion`,
    description: crit.map((c, j) => `${c.title}: weight ${fmtNumber(card.criteria[j]!.weight ?? c.weight, 3)}, utility ${fmtNumber(card.criteria[j]!.utility, 3)}`).join("; "),
    items,
  };
}

