/**
 * Region profile for a scenario: how suitability is distributed over the region's land (area-
 * weighted histogram), how much land passes the hard constraints, the spread of the key layers, and
 * the best candidate areas — contiguous areas of the highest-scoring cells, each at least a minimum area and a
 * minimum distance from the others.
 */
import { percentPoints } from "@/server/scoring";
import { haversineKm } from "@/data/lib/geo";
import { SCORE_EXCLUDED } from "@/server/scoring/surfaceScore";
import type { LayerStore } from "@/server/layers/store";
import { judge, plausibilityOf, type PlausibilityRule } from "@/server/siting/plausibility";
import { layerCells } from "@/server/siting/modelLayers";
import { cellAreaKm2, type ResolvedRegion } from "./regions";

/** Layers summarised in every profile (what a strategy team reads first). */
export const PROFILE_LAYERS = [
  "carbon.grid_intensity", "carbon.regional_generation_intensity", "carbon.low_carbon_share", "cooling.free_cooling_hours", "cooling.annual_mean_temp_c",
  "risk.seismic", "risk.cyclone", "risk.heat", "risk.water_stress", "risk.flood", "water.aridity_index", "cooling.water_body_km",
  "power.price_usd_per_mwh", "power.capacity_within_100km_mw", "power.low_carbon_capacity_within_100km_mw", "power.nearest_large_plant_km",
  "access.nearest_city_km", "access.population_within_100km",
];

export interface CandidateAreaOptions {
  /** Most candidate areas to return. */
  count: number;
  /** Minimum great-circle distance between candidate area centres, km. */
  minDistanceKm: number;
  /** Minimum contiguous land area of a candidate area, km². */
  minAreaKm2: number;
  /** Cells count towards candidate areas when their score is in the top share (0–1) of the region's scored land that passes the buildability rule. */
  topShare: number;
  /** Buildability rule a candidate area's cells must pass (server/siting/plausibility.ts); omitted = none. */
  plausibility?: PlausibilityRule;
}

export interface CandidateArea {
  rank: number;
  /** Centre of the candidate area's best cell (the seed the candidate area grew from). */
  lat: number;
  lon: number;
  areaKm2: number;
  cells: number;
  /** Area-weighted mean and best cell score, 0–100. */
  meanScore: number;
  bestScore: number;
  country: string | null;
  /** What the candidate area's best cell showed to pass the buildability rule. */
  plausibility: string;
}

export interface LayerSpread { id: string; title: string; unit: string; min: number; p10: number; median: number; p90: number; max: number; coverage: number }

export interface RegionProfile {
  name: string;
  areaKm2: number;
  cells: number;
  /** Shares of the region's land area (sum to 1). */
  passShare: number;
  excludedShare: number;
  unscoredShare: number;
  /** Area-weighted histogram of scores of land passing the constraints: 10 bins of 10 points. */
  histogram: { from: number; to: number; areaShare: number }[];
  medianScore: number | null;
  p90Score: number | null;
  layers: LayerSpread[];
  candidateAreas: CandidateArea[];
  candidateAreaThreshold: number | null;
  /** The buildability rule candidate areas had to pass, in words, and the share of the passing land it rules out. */
  plausibility: { text: string; implausibleShare: number };
}

function weightedQuantile(values: Float64Array, weights: Float64Array, q: number): number {
  const idx = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (const i of idx) {
    acc += weights[i]!;
    if (acc >= q * total) return values[i]!;
  }
  return values[idx[idx.length - 1]!]!;
}

function spread(store: LayerStore, region: ResolvedRegion, area: Float64Array, id: string): LayerSpread | null {
  const layer = store.layer(id);
  if (!layer || layer.quality === "missing" || layer.valueType === "categorical") return null;
  const col = layerCells(store, id);
  if (col.kind !== "numeric") return null;
  const v: number[] = [], w: number[] = [];
  region.cells.forEach((li, k) => {
    const x = col.values[li]!;
    if (x === x) { v.push(x); w.push(area[k]!); }
  });
  if (!v.length) return { id, title: layer.title, unit: layer.unit, min: NaN, p10: NaN, median: NaN, p90: NaN, max: NaN, coverage: 0 };
  const vv = Float64Array.from(v), ww = Float64Array.from(w);
  const total = area.reduce((a, b) => a + b, 0);
  return {
    id, title: layer.title, unit: layer.unit,
    min: Math.min(...v), max: Math.max(...v),
    p10: weightedQuantile(vv, ww, 0.1), median: weightedQuantile(vv, ww, 0.5), p90: weightedQuantile(vv, ww, 0.9),
    coverage: ww.reduce((a, b) => a + b, 0) / total,
  };
}

/**
 * Grows a candidate area from a seed cell over contiguous selected cells (8-neighbour) no farther than
 * `radiusKm` from the seed: the high-scoring neighbourhood a campus there could draw on.
 */
function growArea(store: LayerStore, seed: number, selected: ReadonlySet<number>, taken: ReadonlySet<number>, radiusKm: number): number[] {
  const g = store.grid;
  const origin = g.centreOfLand(seed);
  const seen = new Set([seed]);
  const stack = [seed];
  const area: number[] = [];
  while (stack.length) {
    const li = stack.pop()!;
    area.push(li);
    const cell = g.cellOfLand[li]!;
    const row = Math.floor(cell / g.ncols), col = cell - row * g.ncols;
    for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) {
      if (!dr && !dc) continue;
      const r = row + dr;
      if (r < 0 || r >= g.nrows) continue;
      const n = g.landIndexOfCell[r * g.ncols + ((col + dc + g.ncols) % g.ncols)]!;
      if (n < 0 || seen.has(n) || !selected.has(n) || taken.has(n)) continue;
      seen.add(n);
      const c = g.centreOfLand(n);
      if (haversineKm(origin.lat, origin.lon, c.lat, c.lon) <= radiusKm) stack.push(n);
    }
  }
  return area;
}

export function profileRegion(store: LayerStore, region: ResolvedRegion, scores: Float32Array, areaOpts: CandidateAreaOptions): RegionProfile {
  const fraction = store.landFraction();
  const n = region.cells.length;
  const area = new Float64Array(n);
  let total = 0, pass = 0, excluded = 0, unscored = 0;
  const bins = new Float64Array(10);
  const passScores: number[] = [], passAreas: number[] = [];
  region.cells.forEach((li, k) => {
    const a = cellAreaKm2(store.grid.centreOfLand(li).lat, store.grid.cellDeg) * fraction[li]!;
    area[k] = a;
    total += a;
    const s = scores[li]!;
    if (s === SCORE_EXCLUDED) excluded += a;
    else if (s !== s) unscored += a;
    else {
      pass += a;
      bins[Math.min(9, Math.floor(s * 10))]! += a;
      passScores.push(s);
      passAreas.push(a);
    }
  });
  const ps = Float64Array.from(passScores), pa = Float64Array.from(passAreas);
  const median = ps.length ? weightedQuantile(ps, pa, 0.5) : null;
  const p90 = ps.length ? weightedQuantile(ps, pa, 0.9) : null;

  // Candidate areas: seeded at the best cells in the top share of the scored land that passes the buildability
  // rule, at least the minimum distance apart; each is the contiguous top-share land within half that
  // distance of its seed, kept when it reaches the minimum area (a large high-scoring region yields
  // several candidate areas, not one).
  const rule = areaOpts.plausibility;
  const plaus = rule ? plausibilityOf(store, rule) : null;
  let implausible = 0;
  const zs: number[] = [], za: number[] = [];
  region.cells.forEach((li, k) => {
    const s = scores[li]!;
    if (s !== s || s === SCORE_EXCLUDED) return;
    if (plaus && !plaus.mask[li]) { implausible += area[k]!; return; }
    zs.push(s);
    za.push(area[k]!);
  });
  const threshold = zs.length ? weightedQuantile(Float64Array.from(zs), Float64Array.from(za), Math.max(0, Math.min(1, 1 - areaOpts.topShare))) : null;
  const candidateAreas: CandidateArea[] = [];
  if (threshold !== null) {
    const selected = new Set<number>();
    const areaOf = new Map<number, number>();
    region.cells.forEach((li, k) => {
      const s = scores[li]!;
      if (s === s && s !== SCORE_EXCLUDED && s >= threshold && (!plaus || plaus.mask[li])) {
        selected.add(li);
        areaOf.set(li, area[k]!);
      }
    });
    const seeds = [...selected].sort((a, b) => scores[b]! - scores[a]! || a - b);
    const taken = new Set<number>();
    const radius = Math.max(areaOpts.minDistanceKm / 2, store.grid.cellDeg * 111.2);
    for (const seed of seeds) {
      if (candidateAreas.length >= areaOpts.count) break;
      if (taken.has(seed)) continue;
      const c = store.grid.centreOfLand(seed);
      if (candidateAreas.some((z) => haversineKm(z.lat, z.lon, c.lat, c.lon) < areaOpts.minDistanceKm)) continue;
      const cells = growArea(store, seed, selected, taken, radius);
      let a = 0, sum = 0;
      for (const li of cells) {
        a += areaOf.get(li)!;
        sum += scores[li]! * areaOf.get(li)!;
      }
      if (a < areaOpts.minAreaKm2) continue;
      for (const li of cells) taken.add(li);
      const f = store.polygons.countries.majorityOfLandCell(seed);
      candidateAreas.push({
        rank: candidateAreas.length + 1, lat: c.lat, lon: c.lon, areaKm2: a, cells: cells.length,
        meanScore: percentPoints(sum / a), bestScore: percentPoints(scores[seed]!),
        country: f >= 0 ? store.polygons.countries.features[f]!.name : null,
        plausibility: rule && plaus ? (rule.enabled ? `Passed: ${judge(rule, plaus.evidence(seed)).because}.` : "Buildability rule off.") : "No buildability rule applied.",
      });
    }
  }
  return {
    name: region.name,
    areaKm2: total,
    cells: n,
    passShare: total ? pass / total : 0,
    excludedShare: total ? excluded / total : 0,
    unscoredShare: total ? unscored / total : 0,
    histogram: Array.from(bins, (a, b) => ({ from: b * 10, to: b * 10 + 10, areaShare: pass ? a / pass : 0 })),
    medianScore: median === null ? null : percentPoints(median),
    p90Score: p90 === null ? null : percentPoints(p90),
    layers: PROFILE_LAYERS.map((id) => spread(store, region, area, id)).filter((l): l is LayerSpread => l !== null),
    candidateAreas,
    candidateAreaThreshold: threshold === null ? null : percentPoints(threshold),
    plausibility: { text: plaus?.text ?? "No buildability rule applied.", implausibleShare: pass ? implausible / pass : 0 },
  };
}
