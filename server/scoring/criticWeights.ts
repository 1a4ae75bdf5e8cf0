/**
 * CRITIC objective weights, criteria importance through inter-criteria correlation
 * (Diakoulaki, Mavrotas & Papayannakis 1995, "Determining objective weights in multiple criteria
 * problems: the CRITIC method", Computers & Operations Research 22(7):763-770):
 *
 *   r_ij = min-max normalised value (benefit (x − min)/(max − min), cost (max − x)/(max − min))
 *   C_j  = σ_j · Σ_k (1 − ρ_jk),   w_j = C_j / Σ_k C_k
 *
 * with σ_j the standard deviation of column j of r and ρ_jk Pearson's correlation between
 * columns j and k. The σ convention (population or sample) cancels in the normalisation.
 */
import { columnTransform } from "./normalize";
import { ScoringError } from "./errors";
import { checkTypes, scanMatrix } from "./validate";
import type { CriterionType, Matrix } from "./types";

/**
 * CRITIC weights.
 *
 * @param matrix rows = alternatives (at least 2), columns = criteria (raw units)
 * @param types "benefit" or "cost" per criterion (orients the min-max normalisation)
 * @returns one weight per criterion, summing to 1
 */
export function criticWeights(matrix: Matrix, types: readonly CriterionType[]): number[] {
  const stats = scanMatrix(matrix, "matrix", true, false);
  const { m, n } = stats;
  checkTypes(types, n);
  if (m < 2) throw new ScoringError("TOO_FEW_ALTERNATIVES", `CRITIC weights need at least 2 alternatives, got ${m}`);
  const t = columnTransform(stats, types, "minmax");
  // Column-major centred normalised data.
  const z = new Float64Array(n * m);
  const sd = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let mean = 0;
    for (let i = 0; i < m; i++) {
      const r = (stats.data[i * n + j]! - t.c[j]!) * t.a[j]!;
      z[j * m + i] = r;
      mean += r;
    }
    mean /= m;
    let ss = 0;
    for (let i = 0; i < m; i++) {
      const d = z[j * m + i]! - mean;
      z[j * m + i] = d;
      ss += d * d;
    }
    sd[j] = Math.sqrt(ss / m);
  }
  const c = new Float64Array(n);
  let total = 0;
  for (let j = 0; j < n; j++) {
    let conflict = 0;
    for (let k = 0; k < n; k++) {
      if (k === j) continue;
      let cov = 0;
      for (let i = 0; i < m; i++) cov += z[j * m + i]! * z[k * m + i]!;
      const rho = cov / m / (sd[j]! * sd[k]!);
      conflict += 1 - rho;
    }
    c[j] = sd[j]! * conflict;
    total += c[j]!;
  }
  if (!(total > 0)) {
    throw new ScoringError("CONSTANT_CRITERION", "the criteria carry no contrast or conflict (Σ C_j = 0): CRITIC weights are undefined");
  }
  return Array.from(c, (x) => x / total);
}
