/**
 * Weighted product model (WPM):
 *   P_i = Π_j r_ij ^ w_j
 * (Bridgman 1922, "Dimensional Analysis"; Miller & Starr 1969, "Executive Decisions and
 * Operations Research"; Triantaphyllou 2000, ch. 2). Computed as exp(Σ w_j ln r_ij); a zero
 * normalised value gives a zero score.
 */
import { ScoringError } from "./errors";
import { prepare, type Prepared } from "./prepare";
import { rankScores } from "./ranking";
import { DEFAULT_ADDITIVE_NORMALIZATION, ROW_BLOCK } from "./wsm";
import { toNumberArray } from "./validate";
import type { NormalizationOption, Problem, ScoresAndRanking, WeightOptions } from "./types";

/** Options of {@link wpm}. */
export interface WpmOptions extends WeightOptions {
  /** Normalisation of raw values (default "max"); "none" for utilities. */
  normalization?: NormalizationOption;
}

/** WPM scores from a prepared problem (internal): exp(Σ_j w_j ln r_ij), column by column. */
export function wpmScoresPrepared(prep: Prepared): Float64Array {
  const { stats, w, t, cols } = prep;
  const m = stats.m;
  const scores = new Float64Array(m);
  for (let i0 = 0; i0 < m; i0 += ROW_BLOCK) {
    const i1 = Math.min(m, i0 + ROW_BLOCK);
    for (let k = 0; k < cols.length; k++) {
      const j = cols[k]!;
      const x = stats.columns[j]!;
      const wj = w[j]!, a = t.a[j]!, c = t.c[j]!, recip = t.recip[j] === 1;
      for (let i = i0; i < i1; i++) {
        const r = recip ? a / x[i]! : (x[i]! - c) * a;
        if (r < 0) {
          throw new ScoringError("NON_POSITIVE_VALUE", `matrix[${i}][${j}] normalises to ${r}: the weighted product needs normalised values ≥ 0 (use "minmax", "max" or "sum")`, { row: i, column: j });
        }
        scores[i]! += wj * Math.log(r);
      }
    }
    for (let i = i0; i < i1; i++) scores[i] = Math.exp(scores[i]!);
  }
  return scores;
}

/**
 * Weighted product model.
 *
 * @returns scores (dimensionless, in [0, 1] when normalised values are) and ranking (1 = best)
 */
export function wpm(p: Problem, opts: WpmOptions = {}): ScoresAndRanking {
  const prep = prepare(p, opts.normalization ?? DEFAULT_ADDITIVE_NORMALIZATION, opts);
  const s = wpmScoresPrepared(prep);
  return { scores: toNumberArray(s), ranking: rankScores(s) };
}
