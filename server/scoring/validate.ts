/**
 * Input validation shared by the methods. Each check throws a {@link ScoringError} whose message
 * names the cell, row or column at fault (0-based indices).
 */
import { ScoringError } from "./errors";
import type { AnyMatrix, ColumnMatrix, CriterionType, Matrix } from "./types";

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
  /**
   * The values column by column (columns[j][i] = matrix[i][j]): the caller's own arrays for a
   * {@link ColumnMatrix}, a transposed copy for rows. Every method reads these.
   */
  columns: readonly Float64Array[];
  /** The values copied row-major (data[i·n + j] = matrix[i][j]) when requested, else null. */
  data: Float64Array | null;
  min: Float64Array;
  max: Float64Array;
  sum: Float64Array;
  sumSq: Float64Array;
}

/** A {@link MatrixStats} whose row-major copy was requested. */
export type MatrixCopy = MatrixStats & { data: Float64Array };

/** True when `matrix` is a {@link ColumnMatrix} rather than an array of rows. */
export function isColumnMatrix(matrix: AnyMatrix): matrix is ColumnMatrix {
  return !!matrix && !Array.isArray(matrix) && typeof (matrix as ColumnMatrix).rows === "number" && Array.isArray((matrix as ColumnMatrix).columns);
}

/** A matrix given as rows, column by column (one copy). */
export function toColumnMatrix(matrix: Matrix): ColumnMatrix {
  const s = scanMatrix(matrix, "matrix", false, false);
  return { rows: s.m, columns: s.columns };
}

/** Rows per block of the statistics pass (a block of any width stays in the L1 cache). */
const BLOCK = 256;

/**
 * Validates a decision matrix (non-empty, rectangular, finite numbers) and returns its columns and
 * per-column min, max, sum and sum of squares in one pass.
 *
 * Every method computes on columns (one contiguous Float64Array per criterion): a
 * {@link ColumnMatrix}, as the product's evaluator builds it, is read in place; rows are transposed
 * once, block by block, so that each column's statistics run in registers.
 */
export function scanMatrix(matrix: AnyMatrix, label?: string, copy?: false, sums?: boolean): MatrixStats;
/** As above, also returning the values copied row-major (`data`). */
export function scanMatrix(matrix: AnyMatrix, label: string, copy: true, sums?: boolean): MatrixCopy;
/**
 * @param sums also compute the column sums and sums of squares (default true; only the "sum" and
 *             "vector" normalisations and entropy weights use them). Without, they are NaN.
 */
export function scanMatrix(matrix: AnyMatrix, label = "matrix", copy = false, sums = true): MatrixStats {
  const s = isColumnMatrix(matrix) ? scanColumns(matrix, label, sums) : scanRows(matrix, label, sums);
  if (!sums) {
    s.sum.fill(NaN);
    s.sumSq.fill(NaN);
  }
  if (copy) {
    const { m, n, columns } = s;
    const data = new Float64Array(m * n);
    for (let j = 0; j < n; j++) {
      const col = columns[j]!;
      for (let i = 0, d = j; i < m; i++, d += n) data[d] = col[i]!;
    }
    s.data = data;
  }
  return s;
}

function emptyStats(m: number, n: number, columns: Float64Array[]): MatrixStats {
  return { m, n, columns, data: null, min: new Float64Array(n).fill(Infinity), max: new Float64Array(n).fill(-Infinity), sum: new Float64Array(n), sumSq: new Float64Array(n) };
}

/**
 * Statistics of values [from, to) of one column into slot j. Returns 0 when every value is finite,
 * NaN otherwise (Σ (x − x) in the same pass: NaN and ±Infinity give NaN, and NaN passes no
 * comparison, so min and max alone would miss it).
 */
function columnStats(s: MatrixStats, j: number, col: Float64Array, from: number, to: number, sums: boolean): number {
  let lo = s.min[j]!, hi = s.max[j]!, bad = 0;
  if (sums) {
    let t = 0, tt = 0;
    for (let i = from; i < to; i++) {
      const x = col[i]!;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
      t += x;
      tt += x * x;
    }
    bad = t - t;
    s.sum[j]! += t;
    s.sumSq[j]! += tt;
  } else {
    for (let i = from; i < to; i++) {
      const x = col[i]!;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
      bad += x - x;
    }
  }
  s.min[j] = lo;
  s.max[j] = hi;
  return bad;
}

function scanColumns(cm: ColumnMatrix, label: string, sums: boolean): MatrixStats {
  const m = cm.rows;
  const n = cm.columns.length;
  if (!Number.isInteger(m) || m <= 0) throw new ScoringError("EMPTY_MATRIX", `${label} has no rows: at least one alternative is needed`);
  if (n === 0) throw new ScoringError("EMPTY_MATRIX", `${label} has no columns: at least one criterion is needed`);
  const columns: Float64Array[] = new Array(n);
  for (let j = 0; j < n; j++) {
    const col = cm.columns[j];
    if (!(col instanceof Float64Array) || col.length !== m) {
      throw new ScoringError("RAGGED_ROW", `${label} column ${j} has ${col instanceof Float64Array ? `${col.length} values` : describeValue(col)}, expected a Float64Array of ${m} (one per alternative)`, { column: j });
    }
    columns[j] = col;
  }
  const s = emptyStats(m, n, columns);
  for (let j = 0; j < n; j++) {
    const col = columns[j]!;
    // Block by block, as for rows, so that sums round identically for either input form.
    let bad = 0;
    for (let i0 = 0; i0 < m; i0 += BLOCK) bad += columnStats(s, j, col, i0, Math.min(m, i0 + BLOCK), sums);
    if (bad !== 0) {
      for (let i = 0; i < m; i++) if (col[i]! - col[i]! !== 0) throw nonFinite(label, i, j, col[i]);
    }
  }
  return s;
}

function scanRows(matrix: Matrix, label: string, sums: boolean): MatrixStats {
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
  const columns: Float64Array[] = [];
  for (let j = 0; j < n; j++) columns.push(new Float64Array(m));
  const s = emptyStats(m, n, columns);
  for (let i0 = 0; i0 < m; i0 += BLOCK) {
    const end = Math.min(m, i0 + BLOCK);
    for (let i = i0; i < end; i++) {
      const row = matrix[i];
      if (!row || row.length !== n) {
        const got = row && typeof row.length === "number" ? `${row.length} values` : describeValue(row);
        throw new ScoringError("RAGGED_ROW", `${label}[${i}] has ${got}, expected ${n} (one per criterion, as in ${label}[0])`, { row: i });
      }
      for (let j = 0; j < n; j++) {
        const x = row[j] as number;
        // `x - x !== 0` is true for NaN and ±Infinity; the typeof guard rejects strings like "3".
        if (typeof x !== "number" || x - x !== 0) throw nonFinite(label, i, j, x);
        columns[j]![i] = x;
      }
    }
    for (let j = 0; j < n; j++) columnStats(s, j, columns[j]!, i0, end, sums);
  }
  return s;
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
export function checkMatrix(matrix: AnyMatrix, label = "matrix"): [number, number] {
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
