/**
 * Scores every land cell of a suitability surface from its quantised utilities and the scenario's
 * weights: the computation the browser's surface worker runs on each weight change, and the one the
 * server's "find best locations" and the benchmark run, so map, list and bench agree.
 *
 * The surface is the evaluator's long column set: its utilities are byte columns, and WSM, WPM and
 * WASPAS score them with the same kernel and missing-value rule as a list of sites (additive.ts);
 * weights are checked and normalised by the same `checkWeights` (ScoringError). TOPSIS, VIKOR and
 * PROMETHEE II score an alternative against all the others, which over 257,000 cells would rank
 * each cell against the whole world rather than against the candidate sites: the surface falls back
 * to WSM for them and says so (`SurfaceScoreStats.method`). Zero-weight criteria never matter here
 * (their constraints are already in the exclusion mask).
 */
import { additiveScores, QUANT_MISSING, QUANT_SCALE, type MissingPolicy } from "./additive";
import { ScoringError } from "./errors";
import type { MethodName } from "./methods";
import { checkParameter, checkWeights } from "./validate";

export { QUANT_MISSING, QUANT_SCALE };

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
  missing: MissingPolicy;
  method?: MethodName;
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

/**
 * Scores all cells into `out` (allocated when not given; pass the previous result's array to
 * reuse it): score in [0, 1], NaN when unscored, {@link SCORE_EXCLUDED} when a constraint
 * excludes the cell. Bad weights throw a ScoringError naming the weight.
 */
export function scoreSurface(data: SurfaceScoreInput, opts: SurfaceScoreOptions, out?: Float32Array): { scores: Float32Array; stats: SurfaceScoreStats } {
  const n = data.n;
  const k = opts.weights.length;
  if (data.utilities.length !== k * n) {
    throw new ScoringError("WEIGHTS_LENGTH", `weights has ${k} entries, expected ${data.utilities.length / n} (one per criterion of the surface)`, { parameter: "weights" });
  }
  const w = checkWeights(opts.weights, k);
  const requested = opts.method ?? "wsm";
  const method: SurfaceScoreStats["method"] = requested === "wpm" || requested === "waspas" ? requested : "wsm";
  const fallback = requested === method ? null : `${requested.toUpperCase()} ranks each alternative against all the others, which over every land cell is not meaningful: the map shows the weighted sum (WSM).`;
  const lambda = method === "waspas" ? checkParameter("lambda", opts.lambda ?? 0.5, 0, 1) : method === "wsm" ? 1 : 0;
  const scores = out && out.length === n ? out : new Float32Array(n);
  additiveScores({ kind: "quantised", rows: n, bytes: data.utilities }, w, lambda, opts.missing, scores);
  const excluded = data.excluded;
  const EXCLUDED = SCORE_EXCLUDED;
  let scored = 0, nExcluded = 0, unscored = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (excluded[i]) { scores[i] = EXCLUDED; nExcluded++; continue; }
    let s = scores[i]!;
    if (s !== s) { unscored++; continue; }
    // Rounding of the weight sums can leave 1 + 1e-16 (and Float32 rounding just above 1).
    if (s > 1) scores[i] = s = 1;
    scored++;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  return { scores, stats: { method, fallback, scored, excluded: nExcluded, unscored, min: scored ? min : NaN, max: scored ? max : NaN } };
}
