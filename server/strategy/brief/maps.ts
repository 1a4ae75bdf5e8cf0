/**
 * The brief's two maps, drawn without a browser with d3-geo like the siting report's map figure (and
 * on its base: frame, country outlines, scale bar — server/documents/scene/baseMap.ts):
 * - the region: its suitability on a coarse grid in grey classes (white where a hard constraint
 *   excludes the land or data are missing) with the best candidate areas numbered by rank;
 * - the capacity plan: demand markets (squares), candidates built (circles, area ∝ MW) and left empty
 *   (open circles), and a great-circle link from each market to each location serving it, its width
 *   ∝ the MW served. Location-free (training) capacity has no market, hence no link.
 */
import type { FeatureCollection, Geometry } from "geojson";
import { geoAzimuthalEqualArea, geoPath, type GeoProjection } from "d3-geo";
import type { BriefPlan, BriefProfile } from "@/server/strategy/brief/content";
import { fmtFixed, fmtNumber } from "@/server/documents/format";
import { drawBaseMap, drawScaleBar, MAP_LEGEND_H, mapProjection, overlaps, type Box } from "@/server/documents/scene/baseMap";
import { GREYS, INK, MUTED, textWidth, type Scene, type SceneItem } from "@/server/documents/scene/scene";

const FONT = 6.5;
/** Grey classes of the suitability raster, light (low) to dark (high). */
export const RASTER_CLASSES = ["#e9e9e9", "#cfcfcf", "#b3b3b3", "#969696", "#787878", "#555555"] as const;

type Extent = [[number, number], [number, number]];

/** Candidate areas drawn as numbered markers; the rest are dots. */
const NUMBERED_AREAS = 10;

/**
 * Projection for a region: azimuthal equal-area centred on the region (the centre longitude found
 * across the antimeridian, as for Russia or Fiji), fitted to its blocks; a world map when the region
 * spans more than 200° of longitude or 120° of latitude.
 */
export function regionProjection(points: readonly { lat: number; lon: number }[], halfCellDeg: number, extent: Extent): { projection: GeoProjection; world: boolean; frame: GeoJSON.MultiPoint | null } {
  if (!points.length) return { ...mapProjection([], extent), frame: null };
  const lons = [...new Set(points.map((p) => Math.round(p.lon * 100) / 100))].sort((a, b) => a - b);
  // The largest gap between consecutive longitudes (circularly) is where the region is not: centre on the rest.
  let gap = 360 - (lons[lons.length - 1]! - lons[0]!), gapEnd = lons[0]!;
  for (let i = 1; i < lons.length; i++) {
    const g = lons[i]! - lons[i - 1]!;
    if (g > gap) { gap = g; gapEnd = lons[i]!; }
  }
  const lonSpan = 360 - gap;
  let lon0 = gapEnd + lonSpan / 2;
  if (lon0 > 180) lon0 -= 360;
  const lats = points.map((p) => p.lat);
  const latMin = Math.min(...lats), latMax = Math.max(...lats);
  if (lonSpan > 200 || latMax - latMin > 120) return { ...mapProjection([{ lat: -50, lon: -170 }, { lat: 70, lon: 170 }], extent), frame: null };
  const lat0 = (latMin + latMax) / 2;
  const pad = halfCellDeg + Math.max(0.5, 0.06 * Math.max(lonSpan, latMax - latMin));
  const frame: GeoJSON.MultiPoint = {
    type: "MultiPoint",
    coordinates: points.flatMap((p) => [[p.lon - pad, p.lat], [p.lon + pad, p.lat], [p.lon, Math.max(-89.9, p.lat - pad)], [p.lon, Math.min(89.9, p.lat + pad)]]),
  };
  const projection = geoAzimuthalEqualArea().rotate([-lon0, -lat0]).fitExtent(extent, frame);
  projection.clipExtent(extent);
  return { projection, world: false, frame };
}

/** Equal-interval class bounds over the raster's scores (RASTER_CLASSES.length classes). */
export function rasterClasses(scores: number[]): number[] {
  if (!scores.length) return [];
  const lo = Math.floor(Math.min(...scores)), hi = Math.ceil(Math.max(...scores));
  const n = RASTER_CLASSES.length, step = Math.max(1, (hi - lo) / n);
  return Array.from({ length: n + 1 }, (_, k) => Math.round((lo + k * step) * 10) / 10);
}

/** Places a label beside a point (right, left, above, below) where it overlaps nothing placed yet. */
function placeLabel(items: SceneItem[], placed: Box[], p: [number, number], text: string, r: number, bounds: { w: number; h: number }, bold = false): boolean {
  const w = textWidth(text, FONT) + 3, h = FONT + 2;
  const candidates: Box[] = [
    { x: p[0] + r + 2, y: p[1] - h / 2, w, h },
    { x: p[0] - r - 2 - w, y: p[1] - h / 2, w, h },
    { x: p[0] - w / 2, y: p[1] - r - 2 - h, w, h },
    { x: p[0] - w / 2, y: p[1] + r + 2, w, h },
  ];
  const box = candidates.find((b) => b.x >= 2 && b.x + b.w <= bounds.w - 2 && b.y >= 2 && b.y + b.h <= bounds.h - 2 && !placed.some((q) => overlaps(q, b)));
  if (!box) return false;
  placed.push(box);
  items.push({ kind: "rect", x: box.x, y: box.y, w: box.w, h: box.h, fill: "#ffffff" });
  items.push({ kind: "text", x: box.x + 1.5, y: box.y + h - 2.2, text, size: FONT, bold, fill: INK });
  return true;
}

/** Legend entries left to right on the baseline `ly`: a symbol, then its label. */
function legendRow(items: SceneItem[], ly: number, startX: number) {
  let lx = startX;
  return (draw: (x: number, y: number) => SceneItem[], label: string, gap = 20) => {
    items.push(...draw(lx, ly));
    items.push({ kind: "text", x: lx + 9, y: ly - 1, text: label, size: FONT - 0.5, fill: INK });
    lx += gap + textWidth(label, FONT - 0.5);
  };
}

/**
 * The region's suitability (grey classes) with its best candidate areas numbered by rank. `height` is the most
 * the figure takes: a region wider than the frame's proportions gets a lower map, not white bands.
 */
export function regionMapFigure(profile: BriefProfile, opts: { countries: FeatureCollection<Geometry>; width: number; height: number; maxLabels?: number }): Scene {
  const { width } = opts;
  const legendH = MAP_LEGEND_H + 10;
  const r = profile.raster;
  const pts = r.cells.map(([lat, lon]) => ({ lat, lon }));
  const fit = (mapBottom: number) => regionProjection(pts.length ? pts : profile.candidateAreas, r.cellDeg / 2, [[6, 6], [width - 6, mapBottom - 6]]);
  let mapBottom = opts.height - legendH;
  let { projection, world, frame } = fit(mapBottom);
  if (frame) {
    const [[, y0], [, y1]] = geoPath(projection).bounds(frame);
    const needed = Math.max(150, Math.ceil(y1 - y0) + 12);
    if (needed < mapBottom - 4) {
      mapBottom = needed;
      ({ projection, world, frame } = fit(mapBottom));
    }
  }
  const height = mapBottom + legendH;
  const extent: Extent = [[6, 6], [width - 6, mapBottom - 6]];
  const { items, land } = drawBaseMap(projection, world, opts.countries, width, mapBottom);

  // Raster: one path per grey class (and one for excluded or no-data land), each block a projected quad.
  const scores = r.cells.map((c) => c[2]).filter((v): v is number => v !== null);
  const bounds = rasterClasses(scores);
  const sinks = RASTER_CLASSES.map(() => [] as string[]);
  const blank: string[] = [];
  const h = r.cellDeg / 2;
  const inside = (p: [number, number] | null) => !!p && p[0] >= extent[0][0] && p[0] <= extent[1][0] && p[1] >= extent[0][1] && p[1] <= extent[1][1];
  for (const [lat, lon, v] of r.cells) {
    const corners = [[lon - h, lat - h], [lon + h, lat - h], [lon + h, lat + h], [lon - h, lat + h]].map((c) => projection(c as [number, number]));
    if (!corners.every(inside)) continue;
    const d = `M${corners.map((c) => `${c![0].toFixed(1)},${c![1].toFixed(1)}`).join("L")}Z`;
    if (v === null) { blank.push(d); continue; }
    let k = bounds.findIndex((b, i) => i > 0 && v <= b) - 1;
    if (k < 0) k = RASTER_CLASSES.length - 1;
    sinks[Math.min(RASTER_CLASSES.length - 1, k)]!.push(d);
  }
  if (blank.length) items.push({ kind: "path", d: blank.join(""), fill: "#ffffff", stroke: "#ffffff", strokeWidth: 0.3 });
  sinks.forEach((parts, k) => {
    // A hairline of the fill colour closes the seams anti-aliasing leaves between adjacent blocks.
    if (parts.length) items.push({ kind: "path", d: parts.join(""), fill: RASTER_CLASSES[k]!, stroke: RASTER_CLASSES[k]!, strokeWidth: 0.3 });
  });
  items.push({ kind: "path", d: land, fill: "none", stroke: "#7a7a7a", strokeWidth: 0.3 });

  // Candidate areas: the best ten as numbered markers, the others as dots. A numbered marker that would cover an
  // earlier (better) one moves outwards on a spiral, with a leader line to a dot at its true place.
  const placed: Box[] = [];
  const numbered: { z: BriefProfile["candidateAreas"][number]; p: [number, number]; at: [number, number] }[] = [];
  const R = 5;
  for (const z of profile.candidateAreas) {
    const p = projection([z.lon, z.lat]);
    if (!p || !inside(p)) continue;
    if (z.rank > NUMBERED_AREAS) {
      items.push({ kind: "circle", cx: p[0], cy: p[1], r: 1.8, fill: INK });
      continue;
    }
    let at: [number, number] = [p[0], p[1]];
    const clash = (q: [number, number]) => numbered.some((n) => Math.hypot(n.at[0] - q[0], n.at[1] - q[1]) < 2 * R + 1);
    for (let k = 0; clash(at) && k < 48; k++) {
      const ang = k * 0.9, dist = 2 * R + 2 + k * 0.8;
      at = [p[0] + dist * Math.cos(ang), p[1] + dist * Math.sin(ang)];
    }
    numbered.push({ z, p, at });
    placed.push({ x: at[0] - R, y: at[1] - R, w: 2 * R, h: 2 * R });
  }
  for (const { z, p, at } of [...numbered].reverse()) {
    if (at[0] !== p[0] || at[1] !== p[1]) {
      items.push({ kind: "line", x1: p[0], y1: p[1], x2: at[0], y2: at[1], stroke: INK, strokeWidth: 0.5 });
      items.push({ kind: "circle", cx: p[0], cy: p[1], r: 1.1, fill: INK });
    }
    items.push({ kind: "circle", cx: at[0], cy: at[1], r: R, fill: "#ffffff", stroke: INK, strokeWidth: 1 });
    items.push({ kind: "text", x: at[0], y: at[1] + 2, text: String(z.rank), size: z.rank < 10 ? 5.8 : 4.8, anchor: "middle", bold: true, fill: INK });
  }
  for (const { z, at } of numbered.slice(0, opts.maxLabels ?? 6)) placeLabel(items, placed, at, `Candidate area ${z.rank} · ${fmtFixed(z.meanScore, 1)}`, R, { w: width, h: mapBottom });

  // Legend: classes with their bounds, blank land, candidate area marker; scale bar below.
  const ly = mapBottom + 12;
  let lx = 8;
  items.push({ kind: "text", x: lx, y: ly, text: "score", size: FONT - 0.5, fill: INK });
  lx += 22;
  RASTER_CLASSES.forEach((fill, k) => {
    if (bounds.length < k + 2) return;
    items.push({ kind: "rect", x: lx, y: ly - 6, w: 10, h: 7, fill, stroke: "#999999", strokeWidth: 0.3 });
    const label = `${fmtNumber(bounds[k]!, 0)}–${fmtNumber(bounds[k + 1]!, 0)}`;
    items.push({ kind: "text", x: lx + 12, y: ly, text: label, size: FONT - 1, fill: INK });
    lx += 16 + textWidth(label, FONT - 1);
  });
  items.push({ kind: "rect", x: lx, y: ly - 6, w: 10, h: 7, fill: "#ffffff", stroke: "#999999", strokeWidth: 0.3 });
  items.push({ kind: "text", x: lx + 12, y: ly, text: "excluded or no data", size: FONT - 1, fill: INK });
  lx += 20 + textWidth("excluded or no data", FONT - 1);
  items.push({ kind: "circle", cx: lx + 4, cy: ly - 2.5, r: 4, fill: "#ffffff", stroke: INK, strokeWidth: 0.9 });
  items.push({ kind: "text", x: lx + 11, y: ly, text: "candidate area (number = rank)", size: FONT - 1, fill: INK });
  if (profile.candidateAreas.length > NUMBERED_AREAS) {
    lx += 20 + textWidth("candidate area (number = rank)", FONT - 1);
    items.push({ kind: "circle", cx: lx + 3, cy: ly - 2.5, r: 1.8, fill: INK });
    items.push({ kind: "text", x: lx + 8, y: ly, text: `candidate areas ranked ${NUMBERED_AREAS + 1}–${profile.candidateAreas.length}`, size: FONT - 1, fill: INK });
  }
  drawScaleBar(items, projection, world, width, mapBottom, height);
  return {
    width, height,
    title: `${profile.regionName}: suitability and the best candidate areas`,
    description: `Map of ${profile.regionName} in ${fmtNumber(r.cellDeg, 2)}° blocks shaded by mean suitability score (darker is better; white where a hard constraint excludes the land or data are missing), with ${profile.candidateAreas.length} candidate area${profile.candidateAreas.length === 1 ? "" : "s"} numbered by rank.`,
    items,
  };
}

/** The plan on a map: markets, built and empty candidates, and demand-to-supply links (see the module comment). */
export function allocationMapFigure(plan: BriefPlan, opts: { countries: FeatureCollection<Geometry>; width: number; height: number; maxLabels?: number }): Scene {
  const { width, height } = opts;
  const mapBottom = height - MAP_LEGEND_H - 10;
  const extent: Extent = [[6, 6], [width - 6, mapBottom - 6]];
  const pts = [...plan.markets, ...plan.built, ...plan.unused];
  const { projection, world } = mapProjection(pts, extent);
  const { items, path } = drawBaseMap(projection, world, opts.countries, width, mapBottom);
  const inside = (p: [number, number] | null): p is [number, number] => !!p && p[0] >= extent[0][0] && p[0] <= extent[1][0] && p[1] >= extent[0][1] && p[1] <= extent[1][1];

  // Links, thickest drawn first so thin ones stay visible on top.
  const built = new Map(plan.built.map((b) => [b.id, b]));
  const markets = new Map(plan.markets.map((m) => [m.name, m]));
  const maxLink = Math.max(1e-9, ...plan.allocations.map((a) => a.mw));
  const links = plan.allocations.filter((a) => markets.has(a.market) && built.has(a.candidateId)).sort((a, b) => b.mw - a.mw);
  for (const a of links) {
    const m = markets.get(a.market)!, c = built.get(a.candidateId)!;
    const d = path({ type: "LineString", coordinates: [[m.lon, m.lat], [c.lon, c.lat]] });
    if (d) items.push({ kind: "path", d, fill: "none", stroke: "#4a4a4a", strokeWidth: 0.6 + 3.4 * (a.mw / maxLink) });
  }
  // Candidates left empty (labels keep clear of them).
  const placed: Box[] = [];
  for (const u of plan.unused) {
    const p = projection([u.lon, u.lat]);
    if (!inside(p)) continue;
    items.push({ kind: "circle", cx: p[0], cy: p[1], r: 2, fill: "#ffffff", stroke: MUTED, strokeWidth: 0.5 });
    placed.push({ x: p[0] - 2, y: p[1] - 2, w: 4, h: 4 });
  }
  // Built candidates, largest first underneath.
  const maxBuilt = Math.max(1e-9, ...plan.built.map((b) => b.built_mw));
  const radius = (mw: number) => 2.5 + 6.5 * Math.sqrt(mw / maxBuilt);
  const drawn: { p: [number, number]; r: number; label: string }[] = [];
  for (const b of plan.built) {
    const p = projection([b.lon, b.lat]);
    if (!inside(p)) continue;
    const r = radius(b.built_mw);
    items.push({ kind: "circle", cx: p[0], cy: p[1], r, fill: GREYS[4], stroke: "#ffffff", strokeWidth: 0.8 });
    placed.push({ x: p[0] - r, y: p[1] - r, w: 2 * r, h: 2 * r });
    drawn.push({ p, r, label: `${b.name.replace(/ \(.*\)$/, "")} · ${fmtNumber(b.built_mw, 0)} MW` });
  }
  // Markets: squares, always labelled.
  const marketPos: { p: [number, number]; name: string }[] = [];
  for (const m of plan.markets) {
    const p = projection([m.lon, m.lat]);
    if (!inside(p)) continue;
    items.push({ kind: "rect", x: p[0] - 3.5, y: p[1] - 3.5, w: 7, h: 7, fill: "#ffffff", stroke: INK, strokeWidth: 1.1 });
    placed.push({ x: p[0] - 3.5, y: p[1] - 3.5, w: 7, h: 7 });
    marketPos.push({ p, name: m.name });
  }
  for (const m of marketPos) placeLabel(items, placed, m.p, m.name, 4, { w: width, h: mapBottom }, true);
  for (const d of drawn.slice(0, opts.maxLabels ?? 8)) placeLabel(items, placed, d.p, d.label, d.r, { w: width, h: mapBottom });

  drawScaleBar(items, projection, world, width, mapBottom, height);
  const legend = legendRow(items, mapBottom + 14, 8);
  legend((x, y) => [{ kind: "rect", x: x, y: y - 6, w: 6, h: 6, fill: "#ffffff", stroke: INK, strokeWidth: 1 }], "demand market");
  legend((x, y) => [{ kind: "circle", cx: x + 3, cy: y - 3, r: 3.6, fill: GREYS[4] }], "built (area ∝ MW)");
  if (plan.unused.length) legend((x, y) => [{ kind: "circle", cx: x + 3, cy: y - 3, r: 2, fill: "#ffffff", stroke: MUTED, strokeWidth: 0.5 }], "candidate not used");
  legend((x, y) => [{ kind: "line", x1: x - 2, y1: y - 3, x2: x + 7, y2: y - 3, stroke: "#4a4a4a", strokeWidth: 2 }], "demand served (width ∝ MW)");
  const free = plan.allocations.filter((a) => a.market === "any").reduce((s, a) => s + a.mw, 0);
  return {
    width, height,
    title: "Capacity plan: where the capacity goes and which markets it serves",
    description: `${plan.markets.length} demand market${plan.markets.length === 1 ? "" : "s"}, ${plan.built.length} location${plan.built.length === 1 ? "" : "s"} built (${plan.built.map((b) => `${b.name} ${fmtNumber(b.built_mw, 0)} MW`).join(", ")})${plan.unused.length ? `, ${plan.unused.length} candidate${plan.unused.length === 1 ? "" : "s"} not used` : ""}; ${links.length} demand-to-supply link${links.length === 1 ? "" : "s"}${free > 0 ? `; ${fmtNumber(free, 0)} MW of location-free demand has no link` : ""}.`,
    items,
  };
}
