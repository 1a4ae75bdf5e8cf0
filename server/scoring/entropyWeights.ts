/**
 * Entropy (Shannon) objective weights (Zeleny 1982, "Multiple Criteria Decision Making",
 * McGraw-Hill; Hwang & Yoon 1981, pp. 52-54):
 *
 *   p_ij = x_ij / Σ_i x_ij
 *   E_j  = −(1/ln m) Σ_i p_ij ln p_ij      (0 · ln 0 = 0)
 *   d_j  = 1 − E_j,   w_j = d_j / Σ_k d_k
 *
 * A criterion whose values are spread unevenly carries more information and gets more weight.
 * Criterion types are ignored (every column is read as given), as in pymcdm and the source paper.
 */
import { ScoringError } from "./errors";
import { scanMatrix } from "./validate";
import type { Matrix } from "./types";

/**
 * Entropy weights of a non-negative decision matrix.
 *
 * @param matrix rows = alternatives (at least 2), columns = criteria; values ≥ 0 (ratio scale)
 * @returns one weight per criterion, summing to 1
 */
export function entropyWeights(matrix: Matrix): number[] {
  const { m, n, min, sum, data } = scanMatrix(matrix, "matrix", true);
  if (m < 2) throw new ScoringError("TOO_FEW_ALTERNATIVES", `entropy weights need at least 2 alternatives, got ${m}`);
  const k = 1 / Math.log(m);
  const d = new Float64Array(n);
  let total = 0;
  for (let j = 0; j < n; j++) {
    if (min[j]! < 0) {
      let i = 0;
      while (data[i * n + j]! >= 0) i++;
      throw new ScoringError("NEGATIVE_VALUE", `matrix[${i}][${j}] is ${data[i * n + j]}: entropy weights need values ≥ 0`, { row: i, column: j });
    }
    const s = sum[j]!;
    if (!(s > 0)) throw new ScoringError("CONSTANT_CRITERION", `column ${j} is all zero: its shares p_ij = x_ij/Σx_ij are undefined`, { column: j });
    let h = 0;
    for (let i = 0; i < m; i++) {
      const pij = data[i * n + j]! / s;
      if (pij > 0) h -= pij * Math.log(pij);
    }
    // Clamp rounding: E_j ∈ [0, 1] in exact arithmetic.
    const dj = Math.max(0, 1 - k * h);
    d[j] = dj;
    total += dj;
  }
  if (!(total > 0)) {
    throw new ScoringError("CONSTANT_CRITERION", "every criterion has the same value for all alternatives (entropy 1): entropy weights are undefined");
  }
  return Array.from(d, (x) => x / total);
}
