/**
 * How a place scores against the land around it: the share of land cells within ±5° of latitude and
 * longitude, in the same country, that score below it under a scenario (ties count half). It answers
 * "is this site better than the alternatives a planner in this country would weigh?", and with the
 * places where operators really built it checks that the scoring rewards what makes a site
 * buildable rather than climate alone (issue 13; bench/campuses.bench.ts).
 *
 * Cells a hard constraint excludes count as below every scored cell; cells without a score (a
 * missing value under the "exclude" policy) are left out of the comparison.
 */
import type { LayerStore } from "@/server/layers/store";
import { SCORE_EXCLUDED } from "@/server/scoring/surfaceScore";

export const LOCAL_BOX_DEG = 5;

export type LocalPercentile =
  | { percentile: number; score: number; cells: number; country: string }
  | { percentile: null; reason: string };

/**
 * Percentile (0–100) of the land cell at (lat, lon) among the scored cells of its country within
 * ±boxDeg, from per-cell `scores` (scoreSurface's convention: [0, 1], NaN unscored, SCORE_EXCLUDED).
 */
export function localPercentile(store: LayerStore, scores: Float32Array, lat: number, lon: number, boxDeg = LOCAL_BOX_DEG): LocalPercentile {
  const grid = store.grid;
  const countries = store.polygons.countries;
  const li = grid.landIndexAt(lat, lon);
  if (li < 0) return { percentile: null, reason: "no land cell of the analysis grid here" };
  const s = scores[li]!;
  if (Number.isNaN(s)) return { percentile: null, reason: "the cell has no score (a criterion has no value here)" };
  const country = countries.majorityOfLandCell(li);
  let below = 0, equal = 0, n = 0;
  for (let k = 0; k < grid.landCells; k++) {
    const v = scores[k]!;
    if (Number.isNaN(v)) continue;
    const c = grid.centreOfLand(k);
    if (Math.abs(c.lat - lat) > boxDeg) continue;
    const dLon = Math.abs(((c.lon - lon + 540) % 360) - 180);
    if (dLon > boxDeg || countries.majorityOfLandCell(k) !== country) continue;
    n++;
    if (v < s) below++;
    else if (v === s) equal++;
  }
  return { percentile: (100 * (below + 0.5 * equal)) / n, score: s === SCORE_EXCLUDED ? 0 : s, cells: n, country: countries.features[country]?.key ?? "?" };
}

/** Median of a list (NaN when empty). */
export function median(values: number[]): number {
  if (!values.length) return NaN;
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}
