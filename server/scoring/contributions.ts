/**
 * Decomposition of WSM scores into per-criterion contributions, c_ij = w_j · r_ij, so that
 * Σ_j c_ij = S_i: the "why is this site ranked here" view of an additive model (Belton & Stewart
 * 2002, "Multiple Criteria Decision Analysis: An Integrated Approach", Kluwer, §6.2).
 */
import { applyTransform } from "./normalize";
import { prepare } from "./prepare";
import { rankScores } from "./ranking";
import { DEFAULT_ADDITIVE_NORMALIZATION, type WsmOptions } from "./wsm";
import { toNumberArray } from "./validate";
import type { Problem } from "./types";

/** Result of {@link wsmContributions}. */
export interface WsmContributions {
  scores: number[];
  ranking: number[];
  /** Normalised value r_ij (utility) of each alternative on each criterion; null for zero-weight criteria. */
  utilities: (number | null)[][];
  /** Contribution w_j · r_ij; rows sum to the score. 0 for zero-weight criteria. */
  contributions: number[][];
  /** Weights used (normalised to sum 1 unless normalizeWeights is false). */
  weights: number[];
}

/**
 * WSM scores with their per-criterion decomposition.
 *
 * @returns scores, ranking, utilities r_ij and contributions w_j·r_ij (dimensionless)
 */
export function wsmContributions(p: Problem, opts: WsmOptions = {}): WsmContributions {
  const prep = prepare(p, opts.normalization ?? DEFAULT_ADDITIVE_NORMALIZATION, opts);
  const { m, n } = prep.stats;
  const utilities: (number | null)[][] = new Array(m);
  const contributions: number[][] = new Array(m);
  const scores = new Float64Array(m);
  const columns = prep.stats.columns;
  for (let i = 0; i < m; i++) {
    const u = new Array<number | null>(n);
    const c = new Array<number>(n);
    let s = 0;
    for (let j = 0; j < n; j++) {
      if (!prep.t.active[j]) { u[j] = null; c[j] = 0; continue; }
      const r = applyTransform(prep.t, j, columns[j]![i]!);
      u[j] = r;
      c[j] = prep.w[j]! * r;
      s += c[j]!;
    }
    utilities[i] = u;
    contributions[i] = c;
    scores[i] = s;
  }
  return { scores: toNumberArray(scores), ranking: rankScores(scores), utilities, contributions, weights: Array.from(prep.w) };
}
