/**
 * Shared types of the scoring engine. A decision matrix has one row per alternative (site) and one
 * column per criterion; rows may be plain arrays or typed arrays.
 */

/** "benefit": higher raw values are better; "cost": lower raw values are better. */
export type CriterionType = "benefit" | "cost";

/**
 * Normalisation of a raw criterion column to a dimensionless "higher is better" value
 * (see `normalize.ts` for the formulas and their sources).
 */
export type Normalization = "vector" | "minmax" | "sum" | "max";

/** A normalisation, or "none" when the matrix already holds utilities (benefit criteria only). */
export type NormalizationOption = Normalization | "none";

/** One alternative's raw values, one per criterion. */
export type Row = ArrayLike<number>;

/** Rows = alternatives, columns = criteria. `number[][]` and `Float64Array[]` both fit. */
export type Matrix = ReadonlyArray<Row>;

/**
 * A decision matrix column by column: one Float64Array of `rows` values per criterion. This is the
 * evaluator's form (a list of sites is a short column set, the surface a long one); every method
 * computes on columns, and reads these in place.
 */
export interface ColumnMatrix {
  readonly rows: number;
  readonly columns: readonly Float64Array[];
}

/** Rows or columns. */
export type AnyMatrix = Matrix | ColumnMatrix;

/** A decision problem: raw matrix, criterion types and weights (≥ 0, not all zero). */
export interface Problem {
  matrix: AnyMatrix;
  types: readonly CriterionType[];
  /** Relative importance of each criterion; normalised to sum 1 unless `normalizeWeights: false`. */
  weights: ArrayLike<number>;
}

/** Options shared by every weighted method. */
export interface WeightOptions {
  /**
   * Normalise the weights to sum 1 before use (default true). Set false only to reproduce a
   * published computation that used raw weights (e.g. pymcdm's self-reference WSM/WPM case).
   */
  normalizeWeights?: boolean;
}

/** Scores (higher is better) and their competition ranking (1 = best, ties share: 1, 2, 2, 4). */
export interface ScoresAndRanking {
  scores: number[];
  ranking: number[];
}
