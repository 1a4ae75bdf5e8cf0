/**
 * TOPSIS, technique for order preference by similarity to the ideal solution
 * (Hwang & Yoon 1981, "Multiple Attribute Decision Making", Springer, pp. 128-134):
 *
 *   v_ij = w_j r_ij;  A+_j = best v_·j, A−_j = worst v_·j
 *   D+_i = √Σ_j (v_ij − A+_j)²,  D−_i = √Σ_j (v_ij − A−_j)²,  C_i = D−_i / (D+_i + D−_i)
 *
 * With "vector" normalisation (the default) this is the classical method: r = x/√Σx² for every
 * criterion and the ideal is the column maximum for benefit criteria and the minimum for cost
 * criteria. With the other normalisations cost criteria are already turned around by `normalize`
 * (e.g. pymcdm's min-max TOPSIS), so the ideal is the column maximum everywhere. For "vector" and
 * "minmax" both readings give identical distances, since 1 − r is a reflection.
 *
 * The normalisation changes winners (Opricovic & Tzeng 2004, EJOR 156(2):445-455): it is an
 * explicit option, never implied.
 */
import { columnTransform } from "./normalize";
import { activeColumns } from "./prepare";
import { rankScores } from "./ranking";
import { ROW_BLOCK } from "./wsm";
import { checkTypes, checkWeights, scanMatrix, toNumberArray } from "./validate";
import type { CriterionType, NormalizationOption, Problem, WeightOptions } from "./types";

/** Options of {@link topsis}. */
export interface TopsisOptions extends WeightOptions {
  /** Normalisation (default "vector", Hwang & Yoon 1981); "none" for utilities. */
  normalization?: NormalizationOption;
}

/** Result of {@link topsis}. */
export interface TopsisResult {
  /** Relative closeness to the ideal, in [0, 1]; 1 = the ideal itself. */
  closeness: number[];
  ranking: number[];
  /** Euclidean distance of each alternative to the weighted ideal (D+). */
  distanceToIdeal: number[];
  /** Euclidean distance of each alternative to the weighted anti-ideal (D−). */
  distanceToAntiIdeal: number[];
  /** Weighted ideal per criterion (0 for criteria of zero weight). */
  ideal: number[];
  /** Weighted anti-ideal per criterion. */
  antiIdeal: number[];
}

/**
 * TOPSIS closeness coefficients and ranking.
 *
 * When an alternative coincides with the ideal (D+ = 0) its closeness is 1, also in the
 * degenerate case where no weighted criterion discriminates (D+ = D− = 0 for everyone).
 */
export function topsis(p: Problem, opts: TopsisOptions = {}): TopsisResult {
  const kind = opts.normalization ?? "vector";
  const stats = scanMatrix(p.matrix, "matrix", false, kind === "vector" || kind === "sum");
  const { m, n } = stats;
  checkTypes(p.types, n);
  const w = checkWeights(p.weights, n, opts.normalizeWeights !== false);
  const classical = kind === "vector";
  // Classical vector TOPSIS normalises every column as a benefit and handles direction at the ideal.
  const normTypes: readonly CriterionType[] = classical ? new Array<CriterionType>(n).fill("benefit") : p.types;
  const t = columnTransform(stats, normTypes, kind, w);
  const cols = activeColumns(w);
  const nc = cols.length;
  const coef = new Float64Array(nc); // w_j · a_j
  const off = new Float64Array(nc); // c_j
  const rec = new Uint8Array(nc);
  const best = new Float64Array(nc);
  const worst = new Float64Array(nc);
  const ideal = new Array<number>(n).fill(0);
  const antiIdeal = new Array<number>(n).fill(0);
  for (let k = 0; k < nc; k++) {
    const j = cols[k]!;
    coef[k] = w[j]! * t.a[j]!;
    off[k] = t.c[j]!;
    rec[k] = t.recip[j]!;
    const hi = w[j]! * t.rMax[j]!;
    const lo = w[j]! * t.rMin[j]!;
    const costIdeal = classical && p.types[j] === "cost";
    best[k] = costIdeal ? lo : hi;
    worst[k] = costIdeal ? hi : lo;
    ideal[j] = best[k]!;
    antiIdeal[j] = worst[k]!;
  }
  const closeness = new Float64Array(m);
  const dPlus = new Float64Array(m);
  const dMinus = new Float64Array(m);
  // Column by column over blocks of rows: the squared distances accumulate in dPlus/dMinus while
  // each criterion's column streams through once.
  for (let i0 = 0; i0 < m; i0 += ROW_BLOCK) {
    const i1 = Math.min(m, i0 + ROW_BLOCK);
    for (let k = 0; k < nc; k++) {
      const x = stats.columns[cols[k]!]!;
      const ck = coef[k]!, ok = off[k]!, bk = best[k]!, wk = worst[k]!;
      if (rec[k]) {
        for (let i = i0; i < i1; i++) {
          const v = ck / x[i]!;
          const a = v - bk, b = v - wk;
          dPlus[i]! += a * a;
          dMinus[i]! += b * b;
        }
      } else {
        for (let i = i0; i < i1; i++) {
          const v = (x[i]! - ok) * ck;
          const a = v - bk, b = v - wk;
          dPlus[i]! += a * a;
          dMinus[i]! += b * b;
        }
      }
    }
    for (let i = i0; i < i1; i++) {
      const dp = Math.sqrt(dPlus[i]!);
      const dm = Math.sqrt(dMinus[i]!);
      dPlus[i] = dp;
      dMinus[i] = dm;
      closeness[i] = dp === 0 ? 1 : dm / (dp + dm);
    }
  }
  return {
    closeness: toNumberArray(closeness),
    ranking: rankScores(closeness),
    distanceToIdeal: toNumberArray(dPlus),
    distanceToAntiIdeal: toNumberArray(dMinus),
    ideal,
    antiIdeal,
  };
}
