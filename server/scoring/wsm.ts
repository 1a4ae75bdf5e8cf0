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

/** WSM scores as a Float64Array from a prepared problem (internal hot path: no per-cell allocation). */
export function wsmScoresPrepared(p: Problem, prep: Prepared): Float64Array {
  const { stats, w, t, cols } = prep;
  const m = stats.m;
  const matrix = p.matrix;
  // Split active columns into affine ones, w·a·(x − c), and reciprocal ones, w·a / x. The offset
  // is subtracted per value rather than folded into a constant: x − c is exact for nearby values
  // (Sterbenz lemma), so a nearly constant column with a huge 1/(max − min) cannot cancel
  // catastrophically.
  let nLin = 0;
  let nRec = 0;
  for (let k = 0; k < cols.length; k++) if (t.recip[cols[k]!]) nRec++; else nLin++;
  const lin = new Int32Array(nLin);
  const linCoef = new Float64Array(nLin);
  const linOff = new Float64Array(nLin);
  const rec = new Int32Array(nRec);
  const recCoef = new Float64Array(nRec);
  nLin = 0;
  nRec = 0;
  for (let k = 0; k < cols.length; k++) {
    const j = cols[k]!;
    const wa = w[j]! * t.a[j]!;
    if (t.recip[j]) {
      rec[nRec] = j;
      recCoef[nRec++] = wa;
    } else {
      lin[nLin] = j;
      linOff[nLin] = t.c[j]!;
      linCoef[nLin++] = wa;
    }
  }
  const scores = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const row = matrix[i]!;
    let s = 0;
    for (let k = 0; k < nLin; k++) s += linCoef[k]! * (row[lin[k]!]! - linOff[k]!);
    for (let k = 0; k < nRec; k++) s += recCoef[k]! / row[rec[k]!]!;
    scores[i] = s;
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
  const s = wsmScoresPrepared(p, prep);
  return { scores: toNumberArray(s), ranking: rankScores(s) };
}
