/**
 * The report's map figure, drawn without a browser: candidate sites over country outlines (Natural
 * Earth, from the data build), with a legend and a scale bar, as a Scene (scene.ts) both renderers
 * draw. d3-geo projects:
 * - sites spread over more than a continent → Natural Earth I world map (lat −58…84°);
 * - otherwise → azimuthal equal-area centred on the sites, fitted to them with a margin, so distances
 *   and areas near the sites are true enough for a scale bar.
 * An optional raster (e.g. the suitability surface of issue 5 item 7, when it is available to the
 * caller) is drawn under the outlines as grey cells with its own legend; without it the map shows the
 * outlines alone.
 *
 * Outlines are simplified in screen space (points closer than 1 unit to the previous one are
 * dropped, coordinates rounded to 0.1) so a world map stays a few hundred kB of path data.
 */
import type { FeatureCollection, Geometry } from "geojson";
import { geoAzimuthalEqualArea, geoDistance, geoGraticule10, geoNaturalEarth1, geoPath, type GeoProjection } from "d3-geo";
import { fmtNumber } from "@/server/documents/format";
import type { MapSite } from "@/server/documents/content";
import { INK, MUTED, textWidth, type Scene, type SceneItem } from "@/server/documents/scene/scene";

/** Mean Earth radius, km (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;
const FONT = 6.5;

/** An optional raster under the sites: cell centres with values, drawn as grey cells. */
export interface MapRaster {
  /** Cell size, degrees. */
  cellDeg: number;
  cells: { lat: number; lon: number; value: number }[];
  /** Value range for the grey ramp (light = low, dark = high). */
  domain: [number, number];
  /** Legend label, e.g. "Suitability score (0–100)". */
  label: string;
}

export interface MapFigureInput {
  sites: MapSite[];
  countries: FeatureCollection<Geometry>;
  raster?: MapRaster | null;
  width: number;
  height: number;
  /** Sites labelled with their names (best ranks first); the others show their rank only. */
  maxLabels?: number;
}

/** Smallest step kept between outline points, in figure units (points): finer detail is invisible at print size. */
const MIN_STEP = 1;

/** Path data collector for d3-geo: rounds and thins points in screen space. */
export class PathSink {
  private parts: string[] = [];
  private lastX = NaN;
  private lastY = NaN;
  private pending: [number, number] | null = null;
  moveTo(x: number, y: number) {
    this.flush();
    this.parts.push(`M${x.toFixed(1)},${y.toFixed(1)}`);
    this.lastX = x;
    this.lastY = y;
  }
  lineTo(x: number, y: number) {
    if (Math.abs(x - this.lastX) < MIN_STEP && Math.abs(y - this.lastY) < MIN_STEP) {
      this.pending = [x, y];
      return;
    }
    this.pending = null;
    this.parts.push(`L${x.toFixed(1)},${y.toFixed(1)}`);
    this.lastX = x;
    this.lastY = y;
  }
  closePath() {
    this.flush();
    this.parts.push("Z");
  }
  arc() {
    // Points are not drawn as circles here.
  }
  private flush() {
    if (this.pending) this.parts.push(`L${this.pending[0].toFixed(1)},${this.pending[1].toFixed(1)}`);
    this.pending = null;
  }
  result(): string {
    this.flush();
    const s = this.parts.join("");
    this.parts = [];
    return s;
  }
}

function worldFrame(): GeoJSON.MultiPoint {
  const pts: [number, number][] = [];
  for (let lon = -180; lon <= 180; lon += 5) pts.push([lon, -58], [lon, 84]);
  for (let lat = -58; lat <= 84; lat += 5) pts.push([-180, lat], [180, lat]);
  return { type: "MultiPoint", coordinates: pts };
}

/** Chooses and fits the projection (see the module comment). */
export function mapProjection(sites: readonly { lat: number; lon: number }[], extent: [[number, number], [number, number]]): { projection: GeoProjection; world: boolean } {
  const lats = sites.map((s) => s.lat), lons = sites.map((s) => s.lon);
  const latSpan = sites.length ? Math.max(...lats) - Math.min(...lats) : 180;
  const lonSpan = sites.length ? Math.max(...lons) - Math.min(...lons) : 360;
  if (!sites.length || lonSpan > 90 || latSpan > 60) {
    return { projection: geoNaturalEarth1().fitExtent(extent, worldFrame()).clipExtent(extent), world: true };
  }
  const lat0 = (Math.max(...lats) + Math.min(...lats)) / 2, lon0 = (Math.max(...lons) + Math.min(...lons)) / 2;
  const pad = Math.max(3, 0.2 * Math.max(latSpan, lonSpan));
  const frame: GeoJSON.MultiPoint = {
    type: "MultiPoint",
    coordinates: sites.flatMap((s) => [[s.lon - pad, s.lat], [s.lon + pad, s.lat], [s.lon, Math.max(-89, s.lat - pad)], [s.lon, Math.min(89, s.lat + pad)]]),
  };
  const projection = geoAzimuthalEqualArea().rotate([-lon0, -lat0]).fitExtent(extent, frame);
  projection.clipExtent(extent);
  return { projection, world: false };
}

/** A round scale-bar length in km not longer than `maxKm` (1, 2 or 5 × 10^k). */
export function niceKm(maxKm: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(maxKm, 1e-6)));
  for (const m of [5, 2, 1]) if (m * p <= maxKm) return m * p;
  return p;
}

/** Grey for a 0–1 value on the raster ramp (light = low, dark = high). */
export function rampGrey(t: number): string {
  const v = Math.round(245 - Math.min(1, Math.max(0, t)) * 125);
  const h = v.toString(16).padStart(2, "0");
  return `#${h}${h}${h}`;
}

export interface Box { x: number; y: number; w: number; h: number }
export const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Height of the legend strip under every map figure, in figure units. */
export const MAP_LEGEND_H = 24;

/**
 * The map's frame and land: a white frame, the graticule on world maps, and all country outlines as
 * one filled path (returned as `land`, so a raster drawn over the fill can redraw the borders on top).
 */
export function drawBaseMap(projection: GeoProjection, world: boolean, countries: FeatureCollection<Geometry>, width: number, mapBottom: number): { items: SceneItem[]; land: string; path: (o: GeoJSON.GeoJSON) => string } {
  const sink = new PathSink();
  const draw = geoPath(projection, sink as unknown as CanvasRenderingContext2D);
  const items: SceneItem[] = [{ kind: "rect", x: 0.5, y: 0.5, w: width - 1, h: mapBottom - 1, fill: "#ffffff", stroke: "#999999", strokeWidth: 0.5 }];
  if (world) {
    draw(geoGraticule10());
    items.push({ kind: "path", d: sink.result(), fill: "none", stroke: "#dddddd", strokeWidth: 0.25 });
  }
  // Land: one path for all countries (fill), then borders.
  for (const f of countries.features) draw(f);
  const land = sink.result();
  items.push({ kind: "path", d: land, fill: "#ececec", stroke: "#9a9a9a", strokeWidth: 0.3 });
  /** Path data of any GeoJSON object under the same projection (thinned like the outlines). */
  const path = (o: GeoJSON.GeoJSON) => {
    draw(o as Parameters<typeof draw>[0]);
    return sink.result();
  };
  return { items, land, path };
}

/** A scale bar at the map centre, in the legend strip (left), with the projection named. */
export function drawScaleBar(items: SceneItem[], projection: GeoProjection, world: boolean, width: number, mapBottom: number, height: number): void {
  const cx = width / 2, cy = mapBottom / 2;
  const a = projection.invert?.([cx - 50, cy]), b = projection.invert?.([cx + 50, cy]);
  const ly = height - 8;
  if (!a || !b) return;
  const kmPer100 = geoDistance(a, b) * EARTH_RADIUS_KM;
  const km = niceKm(kmPer100 * 1.2);
  const len = (km / kmPer100) * 100;
  const x0 = 8;
  items.push({ kind: "rect", x: x0, y: ly - 5, w: len / 2, h: 3, fill: INK });
  items.push({ kind: "rect", x: x0 + len / 2, y: ly - 5, w: len / 2, h: 3, fill: "#ffffff", stroke: INK, strokeWidth: 0.5 });
  items.push({ kind: "text", x: x0, y: ly + 4, text: "0", size: FONT - 0.5, anchor: "middle", fill: INK });
  items.push({ kind: "text", x: x0 + len, y: ly + 4, text: `${fmtNumber(km, 0)} km`, size: FONT - 0.5, anchor: "middle", fill: INK });
  items.push({ kind: "text", x: x0 + len + 18, y: ly - 1, text: world ? "at the map centre (Natural Earth projection)" : "azimuthal equal-area projection", size: FONT - 1, fill: MUTED });
}

export function mapFigure(input: MapFigureInput): Scene {
  const { width, height } = input;
  const mapBottom = height - MAP_LEGEND_H;
  const extent: [[number, number], [number, number]] = [[6, 6], [width - 6, mapBottom - 6]];
  const { projection, world } = mapProjection(input.sites, extent);
  const { items, land } = drawBaseMap(projection, world, input.countries, width, mapBottom);

  // Optional raster on top of the land fill (cells are land cells), outlines redrawn over it.
  if (input.raster && input.raster.cells.length) {
    const r = input.raster, h = r.cellDeg / 2, [d0, d1] = r.domain;
    for (const c of r.cells) {
      const corners = [[c.lon - h, c.lat - h], [c.lon + h, c.lat - h], [c.lon + h, c.lat + h], [c.lon - h, c.lat + h]].map((p) => projection(p as [number, number]));
      if (corners.some((p) => !p || p[0] < extent[0][0] || p[0] > extent[1][0] || p[1] < extent[0][1] || p[1] > extent[1][1])) continue;
      const d = `M${corners.map((p) => `${p![0].toFixed(1)},${p![1].toFixed(1)}`).join("L")}Z`;
      items.push({ kind: "path", d, fill: rampGrey((c.value - d0) / (d1 - d0 || 1)), strokeWidth: 0 });
    }
    items.push({ kind: "path", d: land, fill: "none", stroke: "#7a7a7a", strokeWidth: 0.3 });
  }

  // Sites. Marker positions are found best rank first, so the best sites keep their true place; a
  // marker that would cover an earlier one moves outwards on a spiral, with a leader line to a dot at
  // its true place. Drawn worst first, so the best are on top.
  const placed: Box[] = [];
  const positions = new Map<string, [number, number]>();
  const centres: { x: number; y: number; r: number }[] = [];
  const inMap = (p: [number, number] | null): p is [number, number] => !!p && p[0] >= extent[0][0] && p[0] <= extent[1][0] && p[1] >= extent[0][1] && p[1] <= extent[1][1];
  const radius = (s: MapSite) => (s.rank === null ? 3.8 : s.rank < 10 ? 4.6 : 5.6);
  const byRank = [...input.sites].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  const truePos = new Map<string, [number, number]>();
  for (const s of byRank) {
    const p = projection([s.lon, s.lat]);
    if (!inMap(p)) continue;
    truePos.set(s.id, p);
    const r = radius(s);
    let pos: [number, number] = p;
    const clash = (q: [number, number]) => centres.some((c) => Math.hypot(c.x - q[0], c.y - q[1]) < c.r + r + 1);
    for (let k = 0; clash(pos) && k < 48; k++) {
      const ang = k * 0.9, dist = 2 * r + 2 + k * 0.8;
      pos = [p[0] + dist * Math.cos(ang), p[1] + dist * Math.sin(ang)];
    }
    positions.set(s.id, pos);
    centres.push({ x: pos[0], y: pos[1], r });
    placed.push({ x: pos[0] - r, y: pos[1] - r, w: 2 * r, h: 2 * r });
  }
  for (const s of [...byRank].reverse()) {
    const pos = positions.get(s.id), p = truePos.get(s.id);
    if (!pos || !p) continue;
    const [x, y] = pos;
    if (pos !== p) {
      items.push({ kind: "line", x1: p[0], y1: p[1], x2: x, y2: y, stroke: INK, strokeWidth: 0.5 });
      items.push({ kind: "circle", cx: p[0], cy: p[1], r: 1.1, fill: INK });
    }
    if (s.rank !== null) {
      const r = radius(s);
      items.push({ kind: "circle", cx: x, cy: y, r, fill: INK, stroke: "#ffffff", strokeWidth: 0.8 });
      items.push({ kind: "text", x, y: y + 2, text: String(s.rank), size: s.rank < 100 ? 5.5 : 4.5, anchor: "middle", bold: true, fill: "#ffffff" });
    } else if (s.excluded) {
      items.push({ kind: "circle", cx: x, cy: y, r: 3.6, fill: "#ffffff", stroke: INK, strokeWidth: 0.6 });
      items.push({ kind: "path", d: `M${x - 2.2},${y - 2.2}L${x + 2.2},${y + 2.2}M${x - 2.2},${y + 2.2}L${x + 2.2},${y - 2.2}`, fill: "none", stroke: INK, strokeWidth: 0.9 });
    } else {
      items.push({ kind: "circle", cx: x, cy: y, r: 3.6, fill: "#ffffff", stroke: INK, strokeWidth: 0.9 });
    }
  }
  // Names of the best-ranked sites, placed where they do not collide (right, left, above, below).
  const labelled = input.sites.filter((s) => s.rank !== null).sort((a, b) => a.rank! - b.rank!).slice(0, input.maxLabels ?? 10);
  for (const s of labelled) {
    const p = positions.get(s.id);
    if (!p) continue;
    const text = s.name.length > 28 ? `${s.name.slice(0, 27)}…` : s.name;
    const w = textWidth(text, FONT) + 3, h = FONT + 2;
    const candidates: Box[] = [
      { x: p[0] + 7, y: p[1] - h / 2, w, h },
      { x: p[0] - 7 - w, y: p[1] - h / 2, w, h },
      { x: p[0] - w / 2, y: p[1] - 8 - h, w, h },
      { x: p[0] - w / 2, y: p[1] + 8, w, h },
    ];
    const box = candidates.find((b) => b.x >= 2 && b.x + b.w <= width - 2 && b.y >= 2 && b.y + b.h <= mapBottom - 2 && !placed.some((q) => overlaps(q, b)));
    if (!box) continue;
    placed.push(box);
    items.push({ kind: "rect", x: box.x, y: box.y, w: box.w, h: box.h, fill: "#ffffff" });
    items.push({ kind: "text", x: box.x + 1.5, y: box.y + h - 2.2, text, size: FONT, fill: INK });
  }

  // Scale bar at the map centre.
  drawScaleBar(items, projection, world, width, mapBottom, height);
  const ly = height - 8;
  // Legend.
  let lx = width * 0.42;
  const legend = (draw: (x: number) => SceneItem[], label: string) => {
    items.push(...draw(lx));
    items.push({ kind: "text", x: lx + 9, y: ly - 1, text: label, size: FONT - 0.5, fill: INK });
    lx += 14 + textWidth(label, FONT - 0.5);
  };
  legend((x) => [{ kind: "circle", cx: x + 3, cy: ly - 3, r: 3.4, fill: INK }], "ranked site (number = rank)");
  if (input.sites.some((s) => s.rank === null && !s.excluded)) legend((x) => [{ kind: "circle", cx: x + 3, cy: ly - 3, r: 3, fill: "#ffffff", stroke: INK, strokeWidth: 0.9 }], "not ranked (missing value)");
  if (input.sites.some((s) => s.excluded)) {
    legend((x) => [
      { kind: "circle", cx: x + 3, cy: ly - 3, r: 3.2, fill: "#ffffff", stroke: INK, strokeWidth: 0.6 },
      { kind: "path", d: `M${x + 1},${ly - 5}L${x + 5},${ly - 1}M${x + 1},${ly - 1}L${x + 5},${ly - 5}`, fill: "none", stroke: INK, strokeWidth: 0.9 },
    ], "excluded");
  }
  if (input.raster && input.raster.cells.length) {
    const [d0, d1] = input.raster.domain;
    legend((x) => [0, 0.5, 1].map((t, k): SceneItem => ({ kind: "rect", x: x - 12 + k * 6, y: ly - 6, w: 6, h: 6, fill: rampGrey(t), stroke: "#999999", strokeWidth: 0.3 })), `${input.raster.label} ${fmtNumber(d0, 0)}–${fmtNumber(d1, 0)}`);
  }
  return {
    width, height,
    title: world ? "Candidate sites (world)" : "Candidate sites",
    description: `Map of ${input.sites.length} candidate sites over country outlines${input.raster ? ` and ${input.raster.label}` : ""}; markers show the rank.`,
    items,
  };
}
