/**
 * Analytic hierarchy process for one pairwise comparison matrix (Saaty 1977, "A scaling method
 * for priorities in hierarchical structures", J. Math. Psychology 15(3):234-281; Saaty 1980).
 *
 * a[i][j] says how much more important i is than j, with a[j][i] = 1/a[i][j] and a[i][i] = 1.
 * Priorities are the principal (Perron) eigenvector, normalised to sum 1, found by power
 * iteration; λmax is its eigenvalue, CI = (λmax − n)/(n − 1) and CR = CI / RI(n) with RI from a
 * named table (see randomIndex.ts): the CR of a matrix depends on that choice.
 */
import { ScoringError } from "./errors";
import { DEFAULT_RANDOM_INDEX_TABLE, RANDOM_INDEX, randomIndex, type RandomIndexTable } from "./randomIndex";
import { describeValue } from "./validate";
import type { Matrix } from "./types";

/** Options of {@link ahp}. */
export interface AhpOptions {
  /** Random-index table for CR (default "aguaronMorenoJimenez2003"). */
  randomIndex?: RandomIndexTable;
  /** Largest accepted |a[i][j]·a[j][i] − 1| (default 1e-6: "1/3" typed as 0.333333 passes, 0.33 does not). */
  reciprocalTolerance?: number;
}

/** Result of {@link ahp}. */
export interface AhpResult {
  /** Priority of each element (principal eigenvector), summing to 1. */
  weights: number[];
  /** Principal eigenvalue (≥ n; = n for a consistent matrix). */
  lambdaMax: number;
  /** Consistency index (λmax − n)/(n − 1); 0 for n ≤ 2. */
  ci: number;
  /** Consistency ratio CI / RI; Saaty's rule of thumb accepts CR < 0.1. */
  cr: number;
  /** The random index used and the table it came from. */
  ri: number;
  randomIndexTable: RandomIndexTable;
}

/** Validates an AHP pairwise matrix: square, positive, finite, unit diagonal, reciprocal. */
export function checkPairwise(a: Matrix, tolerance = 1e-6): number {
  const n = a?.length ?? 0;
  if (n === 0) throw new ScoringError("EMPTY_MATRIX", "the pairwise matrix is empty");
  for (let i = 0; i < n; i++) {
    const row = a[i];
    if (!row || row.length !== n) {
      throw new ScoringError("AHP_NOT_SQUARE", `pairwise[${i}] has ${row && typeof row.length === "number" ? row.length : 0} entries, expected ${n}: the pairwise matrix must be square`, { row: i });
    }
    for (let j = 0; j < n; j++) {
      const x = row[j] as number;
      if (typeof x !== "number" || x - x !== 0 || !(x > 0)) {
        throw new ScoringError("AHP_NON_POSITIVE", `pairwise[${i}][${j}] is ${describeValue(x)}: judgements must be finite and > 0`, { row: i, column: j });
      }
    }
    if (Math.abs(row[i]! - 1) > tolerance) {
      throw new ScoringError("AHP_DIAGONAL", `pairwise[${i}][${i}] is ${row[i]}: an element compared with itself must be 1`, { row: i, column: i });
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const x = a[i]![j]!;
      const y = a[j]![i]!;
      if (Math.abs(x * y - 1) > tolerance) {
        throw new ScoringError("AHP_NOT_RECIPROCAL", `pairwise[${j}][${i}] is ${y} but pairwise[${i}][${j}] is ${x}: expected ${1 / x} (= 1/${x})`, { row: j, column: i });
      }
    }
  }
  return n;
}

/**
 * Priorities and consistency of an AHP pairwise comparison matrix.
 *
 * @param pairwise n×n positive reciprocal matrix (dimensionless ratios, Saaty's 1-9 scale)
 */
export function ahp(pairwise: Matrix, opts: AhpOptions = {}): AhpResult {
  const table = opts.randomIndex ?? DEFAULT_RANDOM_INDEX_TABLE;
  if (!(table in RANDOM_INDEX)) {
    throw new ScoringError("INVALID_PARAMETER", `randomIndex is ${describeValue(table)}: expected one of ${Object.keys(RANDOM_INDEX).join(", ")}`, { parameter: "randomIndex" });
  }
  const n = checkPairwise(pairwise, opts.reciprocalTolerance ?? 1e-6);
  const ri = randomIndex(n, table);
  if (ri === undefined) {
    const sizes = Object.keys(RANDOM_INDEX[table]).map(Number);
    throw new ScoringError("RANDOM_INDEX_UNAVAILABLE", `the ${table} random-index table covers n = 3..${Math.max(...sizes)}, not n = ${n}: choose another table`, { parameter: "randomIndex" });
  }
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = pairwise[i]![j]!;
  // Power iteration: a positive matrix has a simple dominant eigenvalue with a positive
  // eigenvector (Perron 1907), so x ← Ax/‖Ax‖₁ converges from the uniform start.
  let x = new Float64Array(n).fill(1 / n);
  let y = new Float64Array(n);
  let lambda = n;
  for (let iter = 0; iter < 10000; iter++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += a[i * n + j]! * x[j]!;
      y[i] = s;
      total += s;
    }
    // With ‖x‖₁ = 1, ‖Ax‖₁ → λmax.
    lambda = total;
    let diff = 0;
    for (let i = 0; i < n; i++) {
      y[i]! /= total;
      const d = Math.abs(y[i]! - x[i]!);
      if (d > diff) diff = d;
    }
    [x, y] = [y, x];
    if (diff < 1e-15) break;
  }
  const ci = n > 2 ? (lambda - n) / (n - 1) : 0;
  return { weights: Array.from(x), lambdaMax: lambda, ci, cr: ri > 0 ? ci / ri : 0, ri, randomIndexTable: table };
}
