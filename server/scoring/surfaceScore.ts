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
 * Missing values follow the scoring core's rule (scoreUtilities.ts): a missing
 * utility in a criterion of positive weight leaves the cell unscored under "exclude"; under
 * "renormalize" the cell is scored on the criteria it has, weights rescaled to sum 1 for it; a cell
 * with no weighted value is unscored. Zero-weight criteria never matter here (their constraints are
 * already in the exclusion mask). Missing is never read as 0.
 *
 * Cost: one pass over the cells reading one byte per weighted criterion, sums in registers, no
 * scratch arrays: a few milliseconds for 257,000 cells × 10 criteria (bench/surface.bench.ts).
 */
/** Utilities are stored as bytes: u ≈ q / QUANT_SCALE for q in 0..254; QUANT_MISSING marks a missing value. */
export const QUANT_SCALE = 254;
export const QUANT_MISSING = 255;

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
  // Only the weighted criteria take part: their row offsets and weights, packed.
  let m = 0;
  for (let j = 0; j < k; j++) if (w[j]! > 0) m++;
  const offs = new Int32Array(m), wts = new Float64Array(m);
  for (let j = 0, t = 0; j < k; j++) if (w[j]! > 0) { offs[t] = j * n; wts[t++] = w[j]!; }
  const U = data.utilities;
  const excluded = data.excluded;
  const renormalize = opts.missing === "renormalize";
  const inv = 1 / QUANT_SCALE;
  // Local copies: under a CommonJS transform (tsx, vitest) an imported binding is a getter call.
  const MISSING = QUANT_MISSING, LN = LN_UTILITY, EXCLUDED = SCORE_EXCLUDED;
  let scored = 0, nExcluded = 0, unscored = 0, min = Infinity, max = -Infinity;
  // Cell-major: per cell, one read from each weighted criterion's row (m sequential streams), sums
  // kept in registers, one write. No per-cell scratch arrays.
  for (let i = 0; i < n; i++) {
    if (excluded[i]) { scores[i] = EXCLUDED; nExcluded++; continue; }
    let sum = 0, wsum = 0, lsum = 0, missing = false;
    for (let t = 0; t < m; t++) {
      const q = U[offs[t]! + i]!;
      if (q === MISSING) {
        missing = true;
        if (!renormalize) break;
        continue;
      }
      const wt = wts[t]!;
      sum += wt * q;
      wsum += wt;
      if (needProduct) lsum += wt * LN[q]!;
    }
    if (!(wsum > 0) || (missing && !renormalize)) { scores[i] = NaN; unscored++; continue; }
    let s = 0;
    if (needSum) s += lambda * (sum * inv / wsum);
    if (needProduct) s += (1 - lambda) * Math.exp(lsum / wsum);
    // Rounding of the weight sums can leave 1 + 1e-16.
    if (s > 1) s = 1;
    scores[i] = s;
    scored++;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  return { scores, stats: { method, fallback, scored, excluded: nExcluded, unscored, min: scored ? min : NaN, max: scored ? max : NaN } };
}
