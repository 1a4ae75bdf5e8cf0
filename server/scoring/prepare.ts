/** Validation and set-up shared by the weighted methods (internal). */
import { columnTransform, type ColumnTransform } from "./normalize";
import { checkTypes, checkWeights, scanMatrix, type MatrixStats } from "./validate";
import type { NormalizationOption, Problem, WeightOptions } from "./types";

export interface Prepared {
  stats: MatrixStats;
  /** Weights as used (normalised to sum 1 unless normalizeWeights is false). */
  w: Float64Array;
  t: ColumnTransform;
  /** Active criteria (weight > 0), in column order. */
  cols: Int32Array;
}

/** Validates a problem and builds the normalisation maps for its positively weighted criteria. */
export function prepare(p: Problem, normalization: NormalizationOption, opts: WeightOptions = {}): Prepared {
  const stats = scanMatrix(p.matrix, "matrix", false, normalization === "vector" || normalization === "sum");
  checkTypes(p.types, stats.n);
  const w = checkWeights(p.weights, stats.n, opts.normalizeWeights !== false);
  const t = columnTransform(stats, p.types, normalization, w);
  return { stats, w, t, cols: activeColumns(w) };
}

/** Indices of the columns with a positive weight. */
export function activeColumns(w: ArrayLike<number>): Int32Array {
  let k = 0;
  for (let j = 0; j < w.length; j++) if (w[j]! > 0) k++;
  const cols = new Int32Array(k);
  k = 0;
  for (let j = 0; j < w.length; j++) if (w[j]! > 0) cols[k++] = j;
  return cols;
}
