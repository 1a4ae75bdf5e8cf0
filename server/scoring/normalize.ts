/**
 * Normalisation of raw criterion columns to dimensionless values where higher is better.
 *
 * Formulas (Jahan & Edwards 2015, "A state-of-the-art survey on the influence of normalization
 * techniques in ranking", Materials & Design 65:335-342; Hwang & Yoon 1981 for "vector"):
 *
 * | kind   | benefit             | cost                       |
 * |--------|---------------------|----------------------------|
 * | vector | x / √Σx²            | 1 − x / √Σx²               |
 * | minmax | (x − min)/(max−min) | (max − x)/(max − min)      |
 * | sum    | x / Σx              | (1/x) / Σ(1/x)             |
 * | max    | x / max             | min / x                    |
 *
 * "sum" and "max" are ratio normalisations: they need non-negative data (and strictly positive
 * data for cost criteria, which divide by x). "minmax" is undefined for a constant column, and
 * "vector" for an all-zero column.
 */
import { ScoringError } from "./errors";
import { checkTypes, scanMatrix, type MatrixStats } from "./validate";
import type { AnyMatrix, CriterionType, Normalization, NormalizationOption } from "./types";

/**
 * Per-column affine or reciprocal map: `r = recip[j] ? a[j] / x : (x − c[j]) * a[j]`.
 * Columns with `active[j] = 0` were skipped (zero weight) and must not be read.
 */
export interface ColumnTransform {
  a: Float64Array;
  c: Float64Array;
  recip: Uint8Array;
  active: Uint8Array;
  /** Smallest and largest normalised value of each active column (from its raw min and max). */
  rMin: Float64Array;
  rMax: Float64Array;
}

function firstRowWhere(col: Float64Array, bad: (x: number) => boolean): number {
  for (let i = 0; i < col.length; i++) if (bad(col[i]!)) return i;
  return 0;
}

/**
 * Builds the column maps for a normalisation. With `weights`, columns of zero weight are skipped,
 * so a constant criterion switched off by its weight does not raise an error.
 */
export function columnTransform(
  stats: MatrixStats,
  types: readonly CriterionType[],
  kind: NormalizationOption,
  weights?: ArrayLike<number>,
): ColumnTransform {
  const { n } = stats;
  const a = new Float64Array(n);
  const c = new Float64Array(n);
  const recip = new Uint8Array(n);
  const active = new Uint8Array(n);
  const rMin = new Float64Array(n);
  const rMax = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    if (weights && weights[j] === 0) continue;
    active[j] = 1;
    const lo = stats.min[j]!;
    const hi = stats.max[j]!;
    const cost = types[j] === "cost";
    switch (kind) {
      case "none": {
        if (cost) {
          throw new ScoringError("INVALID_PARAMETER", `normalization "none" expects utilities (benefit criteria), but types[${j}] is "cost"`, { column: j, parameter: "normalization" });
        }
        a[j] = 1;
        break;
      }
      case "vector": {
        const norm = Math.sqrt(stats.sumSq[j]!);
        if (!(norm > 0)) {
          throw new ScoringError("CONSTANT_CRITERION", `column ${j} is all zero: vector normalisation divides by the column's Euclidean norm`, { column: j });
        }
        if (cost) { c[j] = norm; a[j] = -1 / norm; } else a[j] = 1 / norm;
        break;
      }
      case "minmax": {
        const range = hi - lo;
        if (!(range > 0)) {
          throw new ScoringError("CONSTANT_CRITERION", `column ${j} has the same value (${lo}) for every alternative: min-max normalisation divides by max − min`, { column: j });
        }
        if (cost) { c[j] = hi; a[j] = -1 / range; } else { c[j] = lo; a[j] = 1 / range; }
        break;
      }
      case "sum":
      case "max": {
        if (cost) {
          if (!(lo > 0)) {
            const i = firstRowWhere(stats.columns[j]!, (x) => !(x > 0));
            throw new ScoringError("NON_POSITIVE_VALUE", `matrix[${i}][${j}] is ${stats.columns[j]![i]}: ${kind} normalisation of a cost criterion divides by the value, so it must be > 0 (use "minmax" or "vector" for interval-scale data)`, { row: i, column: j });
          }
          recip[j] = 1;
          if (kind === "max") a[j] = lo;
          else {
            let s = 0;
            const col = stats.columns[j]!;
            for (let i = 0; i < stats.m; i++) s += 1 / col[i]!;
            a[j] = 1 / s;
          }
        } else {
          if (lo < 0) {
            const i = firstRowWhere(stats.columns[j]!, (x) => x < 0);
            throw new ScoringError("NEGATIVE_VALUE", `matrix[${i}][${j}] is ${stats.columns[j]![i]}: ${kind} normalisation is a ratio and needs values ≥ 0 (use "minmax" or "vector" for interval-scale data)`, { row: i, column: j });
          }
          const d = kind === "max" ? hi : stats.sum[j]!;
          if (!(d > 0)) {
            throw new ScoringError("CONSTANT_CRITERION", `column ${j} is all zero: ${kind} normalisation divides by the column's ${kind}`, { column: j });
          }
          a[j] = 1 / d;
        }
        break;
      }
      default:
        throw new ScoringError("INVALID_PARAMETER", `normalization is ${JSON.stringify(kind)}: expected "vector", "minmax", "sum", "max" or "none"`, { parameter: "normalization" });
    }
    const atLo = recip[j] ? a[j]! / lo : (lo - c[j]!) * a[j]!;
    const atHi = recip[j] ? a[j]! / hi : (hi - c[j]!) * a[j]!;
    rMin[j] = Math.min(atLo, atHi);
    rMax[j] = Math.max(atLo, atHi);
  }
  return { a, c, recip, active, rMin, rMax };
}

/** Applies column j of a transform to one raw value. */
export function applyTransform(t: ColumnTransform, j: number, x: number): number {
  return t.recip[j] ? t.a[j]! / x : (x - t.c[j]!) * t.a[j]!;
}

/**
 * Normalises every column of a decision matrix so that higher is better and values are
 * dimensionless (see the table at the top of this module). Pure: returns a new matrix.
 *
 * @param matrix rows = alternatives, columns = criteria (raw units)
 * @param types "benefit" or "cost" per column
 * @param kind the normalisation
 * @returns the normalised matrix (dimensionless; in [0, 1] for non-negative data)
 */
export function normalize(matrix: AnyMatrix, types: readonly CriterionType[], kind: Normalization | "none"): number[][] {
  const stats = scanMatrix(matrix);
  checkTypes(types, stats.n);
  const t = columnTransform(stats, types, kind);
  const { m, n, columns } = stats;
  const out: number[][] = new Array(m);
  for (let i = 0; i < m; i++) {
    const r = new Array<number>(n);
    for (let j = 0; j < n; j++) r[j] = applyTransform(t, j, columns[j]![i]!);
    out[i] = r;
  }
  return out;
}
