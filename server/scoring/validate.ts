/**
 * Input validation shared by the methods. Each check throws a {@link ScoringError} whose message
 * names the cell, row or column at fault (0-based indices).
 */
import { ScoringError } from "./errors";
import type { CriterionType, Matrix } from "./types";

/** Describes a bad value for a message: `NaN`, `Infinity`, `"abc" (string)`, `undefined`. */
export function describeValue(x: unknown): string {
  if (typeof x === "number") return String(x);
  if (typeof x === "string") return `${JSON.stringify(x)} (string)`;
  if (x === null) return "null";
  if (x === undefined) return "undefined";
  return `a ${typeof x}`;
}

/** Shape and per-column statistics of a validated matrix. */
export interface MatrixStats {
  /** Number of alternatives (rows). */
  m: number;
  /** Number of criteria (columns). */
  n: number;
  /** The values copied row-major (data[i·n + j] = matrix[i][j]) when requested, else null. */
  data: Float64Array | null;
  min: Float64Array;
  max: Float64Array;
  sum: Float64Array;
  sumSq: Float64Array;
}

/** A {@link MatrixStats} whose row-major copy was requested. */
export type MatrixCopy = MatrixStats & { data: Float64Array };

/** Rows per block of the statistics pass (a block of any width stays in the L1 cache). */
const BLOCK = 256;

/**
 * Validates a decision matrix (non-empty, rectangular, finite numbers) and returns per-column
 * min, max, sum and sum of squares in one pass. Rows are read block by block into a small
 * column-major scratch buffer, so that each column's statistics run in registers.
 *
 * Large methods (WSM, TOPSIS, VIKOR on 100,000 rows) then read the rows a second time rather
 * than copying them: a fresh 10 MB buffer costs more in page faults than a second read.
 */
export function scanMatrix(matrix: Matrix, label?: string, copy?: false, sums?: boolean): MatrixStats;
/** As above, also returning the values copied row-major (`data`). */
export function scanMatrix(matrix: Matrix, label: string, copy: true, sums?: boolean): MatrixCopy;
/**
 * @param sums also compute the column sums and sums of squares (default true; only the "sum" and
 *             "vector" normalisations and entropy weights use them). Without, they are NaN.
 */
export function scanMatrix(matrix: Matrix, label = "matrix", copy = false, sums = true): MatrixStats {
  if (!matrix || typeof matrix.length !== "number" || matrix.length === 0) {
    throw new ScoringError("EMPTY_MATRIX", `${label} has no rows: at least one alternative is needed`);
  }
  const m = matrix.length;
  const first = matrix[0];
  if (!first || typeof first.length !== "number") {
    throw new ScoringError("RAGGED_ROW", `${label}[0] is not an array of numbers`, { row: 0 });
  }
  const n = first.length;
  if (n === 0) throw new ScoringError("EMPTY_MATRIX", `${label} has no columns: at least one criterion is needed`);
  const data = copy ? new Float64Array(m * n) : null;
  const min = new Float64Array(n).fill(Infinity);
  const max = new Float64Array(n).fill(-Infinity);
  const sum = new Float64Array(n);
  const sumSq = new Float64Array(n);
  const block = Math.min(BLOCK, m);
  const scratch = new Float64Array(block * n);
  for (let i0 = 0; i0 < m; i0 += block) {
    const len = Math.min(block, m - i0);
    for (let r = 0; r < len; r++) {
      const i = i0 + r;
      const row = matrix[i];
      if (!row || row.length !== n) {
        const got = row && typeof row.length === "number" ? `${row.length} values` : describeValue(row);
        throw new ScoringError("RAGGED_ROW", `${label}[${i}] has ${got}, expected ${n} (one per criterion, as in ${label}[0])`, { row: i });
      }
      for (let j = 0, k = r; j < n; j++, k += block) {
        const x = row[j] as number;
        // `x - x !== 0` is true for NaN and ±Infinity; the typeof guard rejects strings like "3".
        if (typeof x !== "number" || x - x !== 0) throw nonFinite(label, i, j, x);
        scratch[k] = x;
      }
    }
    for (let j = 0; j < n; j++) {
      const base = j * block;
      let lo = min[j]!, hi = max[j]!;
      if (sums) {
        let s = 0, ss = 0;
        for (let k = base, end = base + len; k < end; k++) {
          const x = scratch[k]!;
          if (x < lo) lo = x;
          if (x > hi) hi = x;
          s += x;
          ss += x * x;
        }
        sum[j]! += s;
        sumSq[j]! += ss;
      } else {
        for (let k = base, end = base + len; k < end; k++) {
          const x = scratch[k]!;
          if (x < lo) lo = x;
          if (x > hi) hi = x;
        }
      }
      min[j] = lo;
      max[j] = hi;
      if (data) for (let r = 0, k = base, d = i0 * n + j; r < len; r++, k++, d += n) data[d] = scratch[k]!;
    }
  }
  if (!sums) {
    sum.fill(NaN);
    sumSq.fill(NaN);
  }
  return { m, n, data, min, max, sum, sumSq };
}

/** Copies a Float64Array into a plain array (much faster than Array.from for large arrays). */
export function toNumberArray(a: ArrayLike<number>, start = 0, end = a.length): number[] {
  const out = new Array<number>(end - start);
  for (let i = start; i < end; i++) out[i - start] = a[i]!;
  return out;
}

function nonFinite(label: string, i: number, j: number, x: unknown): ScoringError {
  return new ScoringError("NON_FINITE_VALUE", `${label}[${i}][${j}] is ${describeValue(x)}: every value must be a finite number`, { row: i, column: j });
}

/** Validates the shape and finiteness of a matrix without statistics; returns [rows, columns]. */
export function checkMatrix(matrix: Matrix, label = "matrix"): [number, number] {
  const s = scanMatrix(matrix, label);
  return [s.m, s.n];
}

/** Checks that there is one valid type per criterion. */
export function checkTypes(types: readonly CriterionType[], n: number): void {
  if (!types || types.length !== n) {
    throw new ScoringError("TYPES_LENGTH", `types has ${types ? types.length : 0} entries, expected ${n} (one per criterion)`);
  }
  for (let j = 0; j < n; j++) {
    const t = types[j];
    if (t !== "benefit" && t !== "cost") {
      throw new ScoringError("INVALID_TYPE", `types[${j}] is ${describeValue(t)}: expected "benefit" or "cost"`, { column: j });
    }
  }
}

/**
 * Validates weights (one per criterion, finite, ≥ 0, not all zero) and returns them as a
 * Float64Array, normalised to sum 1 unless `normalizeToOne` is false.
 */
export function checkWeights(weights: ArrayLike<number>, n: number, normalizeToOne = true): Float64Array {
  if (!weights || weights.length !== n) {
    throw new ScoringError("WEIGHTS_LENGTH", `weights has ${weights ? weights.length : 0} entries, expected ${n} (one per criterion)`);
  }
  const w = new Float64Array(n);
  let total = 0;
  for (let j = 0; j < n; j++) {
    const x = weights[j] as number;
    if (typeof x !== "number" || x - x !== 0) {
      throw new ScoringError("INVALID_WEIGHT", `weights[${j}] is ${describeValue(x)}: weights must be finite numbers`, { column: j });
    }
    if (x < 0) throw new ScoringError("NEGATIVE_WEIGHT", `weights[${j}] is ${x}: weights must be ≥ 0`, { column: j });
    w[j] = x;
    total += x;
  }
  if (!(total > 0)) throw new ScoringError("ZERO_WEIGHTS", "all weights are zero: at least one criterion must have a positive weight");
  if (normalizeToOne) for (let j = 0; j < n; j++) w[j]! /= total;
  return w;
}

/** Throws INVALID_PARAMETER unless `x` is a finite number within [lo, hi]. */
export function checkParameter(name: string, x: unknown, lo: number, hi: number): number {
  if (typeof x !== "number" || x - x !== 0 || x < lo || x > hi) {
    throw new ScoringError("INVALID_PARAMETER", `${name} is ${describeValue(x)}: expected a number in [${lo}, ${hi}]`, { parameter: name });
  }
  return x;
}
