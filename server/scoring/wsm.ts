/**
 * Weighted sum model (WSM, simple additive weighting):
 *   S_i = Σ_j w_j · r_ij
 * where r_ij is the normalised value of alternative i on criterion j (Fishburn 1967, "Additive
 * utilities with incomplete product sets", Operations Research 15(3):537-542; Triantaphyllou 2000,
 * "Multi-Criteria Decision Making Methods: A Comparative Study", Kluwer, ch. 2).
 */
import { prepare, type Prepared } from "./prepare";
import { rankScores } from "./ranking";
import { toNumberArray } from "./validate";
import type { NormalizationOption, Problem, ScoresAndRanking, WeightOptions } from "./types";

/** Options of {@link wsm}. */
export interface WsmOptions extends WeightOptions {
  /** Normalisation of raw values (default "max", the linear normalisation of WASPAS); "none" for utilities. */
  normalization?: NormalizationOption;
}

/** Default normalisation of WSM, WPM and WASPAS (Zavadskas et al. 2012: x/max, min/x). */
export const DEFAULT_ADDITIVE_NORMALIZATION: NormalizationOption = "max";

/**
 * Rows per block of the column kernels: a block of the running sums (32 KB) stays in the L1 cache
 * while each criterion's column streams through it once.
 */
export const ROW_BLOCK = 4096;

/** scores += wa·(x − c), or wa / x for a reciprocal column (one streaming pass). */
function addColumn(scores: Float64Array, x: Float64Array, wa: number, c: number, recip: boolean, m: number): void {
  if (recip) for (let i = 0; i < m; i++) scores[i]! += wa / x[i]!;
  else for (let i = 0; i < m; i++) scores[i]! += wa * (x[i]! - c);
}

/** WSM scores as a Float64Array from a prepared problem (internal hot path: no per-cell allocation). */
export function wsmScoresPrepared(prep: Prepared): Float64Array {
  const { stats, w, t, cols } = prep;
  const m = stats.m;
  const columns = stats.columns;
  // Affine columns add w·a·(x − c), reciprocal ones w·a / x. The offset is subtracted per value
  // rather than folded into a constant: x − c is exact for nearby values (Sterbenz lemma), so a
  // nearly constant column with a huge 1/(max − min) cannot cancel catastrophically.
  const lin: number[] = [], rec: number[] = [];
  for (let k = 0; k < cols.length; k++) (t.recip[cols[k]!] ? rec : lin).push(cols[k]!);
  const order = [...lin, ...rec];
  const scores = new Float64Array(m);
  for (let k = 0; k < order.length; k++) {
    const j = order[k]!;
    addColumn(scores, columns[j]!, w[j]! * t.a[j]!, t.c[j]!, t.recip[j] === 1, m);
  }
  return scores;
}

/**
 * Weighted sum model.
 *
 * @param p raw matrix (rows = alternatives), criterion types, weights (normalised to sum 1)
 * @returns scores (dimensionless; in [0, 1] for non-negative data and weights summing to 1) and
 *          their ranking (1 = best, ties share)
 */
export function wsm(p: Problem, opts: WsmOptions = {}): ScoresAndRanking {
  const prep = prepare(p, opts.normalization ?? DEFAULT_ADDITIVE_NORMALIZATION, opts);
  const s = wsmScoresPrepared(prep);
  return { scores: toNumberArray(s), ranking: rankScores(s) };
}
