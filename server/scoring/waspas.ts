/**
 * WASPAS, the weighted aggregated sum product assessment:
 *   Q_i = λ · Σ_j w_j r_ij + (1 − λ) · Π_j r_ij ^ w_j,  λ ∈ [0, 1] (default 0.5)
 * (Zavadskas, Turskis, Antucheviciene & Zakarevicius 2012, "Optimization of weighted aggregated
 * sum product assessment", Elektronika ir Elektrotechnika 122(6):3-6).
 */
import { prepare } from "./prepare";
import { rankScores } from "./ranking";
import { checkParameter, toNumberArray } from "./validate";
import { wpmScoresPrepared } from "./wpm";
import { DEFAULT_ADDITIVE_NORMALIZATION, wsmScoresPrepared } from "./wsm";
import type { NormalizationOption, Problem, ScoresAndRanking, WeightOptions } from "./types";

/** Options of {@link waspas}. */
export interface WaspasOptions extends WeightOptions {
  /** Normalisation of raw values (default "max", as in Zavadskas et al. 2012). */
  normalization?: NormalizationOption;
  /** Share of the weighted sum, in [0, 1] (default 0.5). */
  lambda?: number;
}

/**
 * WASPAS: a λ-blend of WSM and WPM on the same normalised matrix.
 *
 * @returns scores (dimensionless) and ranking (1 = best)
 */
export function waspas(p: Problem, opts: WaspasOptions = {}): ScoresAndRanking & { wsmScores: number[]; wpmScores: number[] } {
  const lambda = checkParameter("lambda", opts.lambda ?? 0.5, 0, 1);
  const prep = prepare(p, opts.normalization ?? DEFAULT_ADDITIVE_NORMALIZATION, opts);
  const a = wsmScoresPrepared(prep);
  const b = wpmScoresPrepared(prep);
  const s = new Float64Array(a.length);
  for (let i = 0; i < s.length; i++) s[i] = lambda * a[i]! + (1 - lambda) * b[i]!;
  return { scores: toNumberArray(s), ranking: rankScores(s), wsmScores: toNumberArray(a), wpmScores: toNumberArray(b) };
}
