/**
 * Scores every land cell of a suitability surface from its quantised utilities and the scenario's
 * weights: the computation the browser's surface worker runs on each weight change, and the one the
 * server's "find best locations" and the benchmark run, so map, list and bench agree.
 *
 * Methods (utilities are already on [0, 1], so no further normalisation, as server/scoring's
 * `scoreUtilities` with normalisation "none"):
 *   WSM     S = Σ w_j u_j                      (Fishburn 1967)
 *   WPM     S = Π u_j^{w_j} = exp(Σ w_j ln u_j) (Bridgman 1922; Miller & Starr 1969)
 *   WASPAS  S = λ·WSM + (1 − λ)·WPM            (Zavadskas et al. 2012)
 * TOPSIS, VIKOR and PROMETHEE II score an alternative against all the others, which over 257,000
 * cells would rank each cell against the whole world rather than against the candidate sites: the
 * surface falls back to WSM for them and says so (`SurfaceScoreStats.method`).
 *
 * Missing values follow the scoring core's rule (server/scoring/scoreUtilities.ts): a missing
 * utility in a criterion of positive weight leaves the cell unscored under "exclude"; under
 * "renormalize" the cell is scored on the criteria it has, weights rescaled to sum 1 for it; a cell
 * with no weighted value is unscored. Zero-weight criteria never matter here (their constraints are
 * already in the exclusion mask). Missing is never read as 0.
 *
 * Cost: one pass per weighted criterion over its contiguous row of n bytes plus one final pass:
 * about 1–2 ms per criterion for 257,000 cells (bench/surface.bench.ts).
 */
import { QUANT_MISSING, QUANT_SCALE } from "./surfaceFormat";

export type SurfaceMethodName = "wsm" | "wpm" | "waspas" | "topsis" | "vikor" | "promethee2";
export type SurfaceMissingPolicy = "exclude" | "renormalize";

/** Score of a cell excluded by a hard constraint. Unscored (missing) cells are NaN. */
export const SCORE_EXCLUDED = -1;

export interface SurfaceScoreInput {
  /** Number of land cells. */
  n: number;
  /** Quantised utilities, criterion-major (surfaceFormat.ts). */
  utilities: Uint8Array;
  /** Per cell, 1 when a hard constraint excludes it (`combinedExclusion`). */
  excluded: Uint8Array;
}

export interface SurfaceScoreOptions {
  /** One weight per criterion (≥ 0, not all 0), in the surface's criterion order; normalised here. */
  weights: ArrayLike<number>;
  missing: SurfaceMissingPolicy;
  method?: SurfaceMethodName;
  /** WASPAS λ (default 0.5). */
  lambda?: number;
}

export interface SurfaceScoreStats {
  /** The method actually used (WSM for the methods the surface cannot apply). */
  method: "wsm" | "wpm" | "waspas";
  /** Set when the scenario's method was replaced by WSM, with the reason. */
  fallback: string | null;
  scored: number;
  excluded: number;
  /** Cells left unscored for missing values. */
  unscored: number;
  /** Lowest and highest score of the scored cells (NaN when none). */
  min: number;
  max: number;
}

export class SurfaceWeightError extends Error {}

/** ln(q / 254) for each stored byte: the WPM sum without a log per cell. */
const LN_UTILITY = (() => {
  const t = new Float64Array(256);
  for (let q = 0; q <= QUANT_SCALE; q++) t[q] = Math.log(q / QUANT_SCALE);
  t[QUANT_MISSING] = NaN;
  return t;
})();

/** Scratch per cell count, reused across calls (the worker rescoring on every slider move). */
let scratch: { n: number; sum: Float64Array; wsum: Float64Array; lsum: Float64Array; miss: Uint8Array } | null = null;

function scratchFor(n: number) {
  if (!scratch || scratch.n !== n) scratch = { n, sum: new Float64Array(n), wsum: new Float64Array(n), lsum: new Float64Array(n), miss: new Uint8Array(n) };
  scratch.sum.fill(0);
  scratch.wsum.fill(0);
  scratch.lsum.fill(0);
  scratch.miss.fill(0);
  return scratch;
}

/** Checks and normalises the weights (throws a SurfaceWeightError naming the bad one). */
export function normaliseSurfaceWeights(weights: ArrayLike<number>, k: number): Float64Array {
  if (weights.length !== k) throw new SurfaceWeightError(`weights has ${weights.length} entries, expected ${k} (one per criterion)`);
  const w = new Float64Array(k);
  let total = 0;
  for (let j = 0; j < k; j++) {
    const x = weights[j]!;
    if (typeof x !== "number" || !Number.isFinite(x) || x < 0) throw new SurfaceWeightError(`weights[${j}] is ${String(x)}: weights are finite numbers ≥ 0`);
    w[j] = x;
    total += x;
  }
  if (!(total > 0)) throw new SurfaceWeightError("weights are all 0: give at least one criterion a weight above 0");
  for (let j = 0; j < k; j++) w[j] = w[j]! / total;
  return w;
}

/**
 * Scores all cells into `out` (allocated when not given): score in [0, 1], NaN when unscored,
 * {@link SCORE_EXCLUDED} when a constraint excludes the cell.
 */
export function scoreSurface(data: SurfaceScoreInput, opts: SurfaceScoreOptions, out?: Float32Array): { scores: Float32Array; stats: SurfaceScoreStats } {
  const n = data.n;
  const k = opts.weights.length;
  if (data.utilities.length !== k * n) throw new SurfaceWeightError(`weights has ${k} entries but the surface has ${data.utilities.length / n} criteria`);
  const w = normaliseSurfaceWeights(opts.weights, k);
  const requested = opts.method ?? "wsm";
  const method: SurfaceScoreStats["method"] = requested === "wpm" || requested === "waspas" ? requested : "wsm";
  const fallback = requested === method ? null : `${requested.toUpperCase()} ranks each alternative against all the others, which over every land cell is not meaningful: the map shows the weighted sum (WSM).`;
  const lambda = method === "waspas" ? (opts.lambda ?? 0.5) : method === "wsm" ? 1 : 0;
  const needSum = lambda > 0;
  const needProduct = lambda < 1;
  const scores = out && out.length === n ? out : new Float32Array(n);
  const { sum, wsum, lsum, miss } = scratchFor(n);
  const U = data.utilities;

  for (let j = 0; j < k; j++) {
    const wj = w[j]!;
    if (wj === 0) continue;
    const off = j * n;
    const wScaled = wj / QUANT_SCALE;
    if (needProduct) {
      for (let i = 0; i < n; i++) {
        const q = U[off + i]!;
        if (q === QUANT_MISSING) { miss[i] = 1; continue; }
        sum[i] += wScaled * q;
        wsum[i] += wj;
        lsum[i] += wj * LN_UTILITY[q]!;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const q = U[off + i]!;
        if (q === QUANT_MISSING) { miss[i] = 1; continue; }
        sum[i] += wScaled * q;
        wsum[i] += wj;
      }
    }
  }

  const renormalize = opts.missing === "renormalize";
  const excluded = data.excluded;
  let scored = 0, nExcluded = 0, unscored = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (excluded[i]) { scores[i] = SCORE_EXCLUDED; nExcluded++; continue; }
    const ws = wsum[i]!;
    if (!(ws > 0) || (miss[i] && !renormalize)) { scores[i] = NaN; unscored++; continue; }
    let s = 0;
    if (needSum) s += lambda * (sum[i]! / ws);
    if (needProduct) s += (1 - lambda) * Math.exp(lsum[i]! / ws);
    // Rounding of the weight sums can leave 1 + 1e-16.
    s = s > 1 ? 1 : s;
    scores[i] = s;
    scored++;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  return { scores, stats: { method, fallback, scored, excluded: nExcluded, unscored, min: scored ? min : NaN, max: scored ? max : NaN } };
}
