/**
 * VIKOR, multicriteria optimisation and compromise solution (Opricovic 1998; Opricovic & Tzeng
 * 2004, "Compromise solution by MCDM methods: A comparative analysis of VIKOR and TOPSIS",
 * EJOR 156(2):445-455), on raw values:
 *
 *   f*_j = best value of criterion j (max for benefit, min for cost), f−_j = worst value
 *   S_i = Σ_j w_j (f*_j − f_ij)/(f*_j − f−_j)          (group utility, Manhattan)
 *   R_i = max_j w_j (f*_j − f_ij)/(f*_j − f−_j)        (individual regret, Chebyshev)
 *   Q_i = v (S_i − S*)/(S− − S*) + (1 − v)(R_i − R*)/(R− − R*)
 *
 * Ranking is by Q ascending. The compromise set follows Opricovic & Tzeng (2004) §3 step 5:
 * C1 "acceptable advantage" Q(a'') − Q(a') ≥ DQ = 1/(m − 1); C2 "acceptable stability" a' is
 * also best by S or by R. Both hold → {a'}; only C2 fails → {a', a''} (with every alternative
 * tied with a'' on Q); C1 fails → every a with Q(a) − Q(a') < DQ.
 */
import { ScoringError } from "./errors";
import { IndexSorter, DEFAULT_TIE_TOLERANCE } from "./ranking";
import { ROW_BLOCK } from "./wsm";
import { checkParameter, checkTypes, checkWeights, scanMatrix, toNumberArray } from "./validate";
import type { Problem, WeightOptions } from "./types";

/** Options of {@link vikor}. */
export interface VikorOptions extends WeightOptions {
  /** Weight of the strategy of the majority of criteria (group utility), in [0, 1]; default 0.5. */
  v?: number;
  /**
   * What to do with a positively weighted criterion whose best and worst values coincide
   * (f* = f−, where the method divides by zero): "error" (default) or "ignore" (its term is 0;
   * used when scoring utilities, where a constant criterion simply does not discriminate).
   */
  onConstant?: "error" | "ignore";
}

/** Result of {@link vikor}. */
export interface VikorResult {
  /** Group utility per alternative (lower is better), in [0, 1] with weights summing to 1. */
  S: number[];
  /** Individual regret per alternative (lower is better). */
  R: number[];
  /** Compromise index per alternative (lower is better), in [0, 1]. */
  Q: number[];
  /** Ranking by Q ascending (1 = smallest Q, ties share). */
  ranking: number[];
  /** Indices of the compromise set, ascending. */
  compromise: number[];
  /**
   * Ranking with the compromise set sharing rank 1 and the other alternatives ranked by Q after
   * it, from 2 (scikit-criteria's `use_compromise_set`): e.g. Q = [0.75, 0.25, 0, 1] with
   * compromise {A2, A3} gives [2, 1, 1, 3].
   */
  rankingWithCompromise: number[];
  /** Condition C1: Q(a'') − Q(a') ≥ 1/(m − 1). */
  acceptableAdvantage: boolean;
  /** Condition C2: the best alternative by Q is also best by S or by R. */
  acceptableStability: boolean;
}

/**
 * VIKOR compromise ranking.
 *
 * @param p raw matrix, types and weights (weights normalised to sum 1)
 */
export function vikor(p: Problem, opts: VikorOptions = {}): VikorResult {
  const v = checkParameter("v", opts.v ?? 0.5, 0, 1);
  const stats = scanMatrix(p.matrix, "matrix", false, false);
  const { m, n } = stats;
  checkTypes(p.types, n);
  const w = checkWeights(p.weights, n, opts.normalizeWeights !== false);
  // term_ij = (f*_j − f_ij) · k_j with k_j = w_j / (f*_j − f−_j)
  const fStar = new Float64Array(n);
  const k = new Float64Array(n);
  const colsList: number[] = [];
  for (let j = 0; j < n; j++) {
    if (w[j] === 0) continue;
    const cost = p.types[j] === "cost";
    const best = cost ? stats.min[j]! : stats.max[j]!;
    const worst = cost ? stats.max[j]! : stats.min[j]!;
    if (best === worst) {
      if (opts.onConstant === "ignore") continue;
      throw new ScoringError("CONSTANT_CRITERION", `column ${j} has the same value (${best}) for every alternative: VIKOR divides by f* − f− and is undefined for it (give it weight 0 or drop it)`, { column: j });
    }
    fStar[j] = best;
    k[j] = w[j]! / (best - worst);
    colsList.push(j);
  }
  const cols = Int32Array.from(colsList);
  const nc = cols.length;
  const S = new Float64Array(m);
  const R = new Float64Array(m);
  let sMin = Infinity, sMax = -Infinity, rMin = Infinity, rMax = -Infinity;
  // Column by column over blocks of rows (S and R of a block stay in the L1 cache).
  for (let i0 = 0; i0 < m; i0 += ROW_BLOCK) {
    const i1 = Math.min(m, i0 + ROW_BLOCK);
    for (let q = 0; q < nc; q++) {
      const j = cols[q]!;
      const x = stats.columns[j]!;
      const f = fStar[j]!, kj = k[j]!;
      for (let i = i0; i < i1; i++) {
        const term = (f - x[i]!) * kj;
        S[i]! += term;
        if (term > R[i]!) R[i] = term;
      }
    }
    for (let i = i0; i < i1; i++) {
      const s = S[i]!, r = R[i]!;
      if (s < sMin) sMin = s;
      if (s > sMax) sMax = s;
      if (r < rMin) rMin = r;
      if (r > rMax) rMax = r;
    }
  }
  // When every alternative has the same S (or R) that part of Q does not discriminate: it is 0.
  const sScale = sMax > sMin ? v / (sMax - sMin) : 0;
  const rScale = rMax > rMin ? (1 - v) / (rMax - rMin) : 0;
  const Q = new Float64Array(m);
  const negQ = new Float64Array(m);
  let qMin = Infinity, qMax = -Infinity;
  for (let i = 0; i < m; i++) {
    const q = (S[i]! - sMin) * sScale + (R[i]! - rMin) * rScale;
    Q[i] = q;
    negQ[i] = -q;
    if (q < qMin) qMin = q;
    if (q > qMax) qMax = q;
  }

  // Order by Q ascending = by −Q descending.
  const order = new IndexSorter(m).sortDescending(negQ, m, -qMax, -qMin);
  const tol = DEFAULT_TIE_TOLERANCE * Math.max(Math.abs(qMin), Math.abs(qMax));
  const ranking = new Array<number>(m);
  let leaderPos = 0;
  let leader = Q[order[0]!]!;
  for (let pos = 0; pos < m; pos++) {
    const idx = order[pos]!;
    if (Q[idx]! - leader > tol) { leaderPos = pos; leader = Q[idx]!; }
    ranking[idx] = leaderPos + 1;
  }

  const a1 = order[0]!;
  const q1 = Q[a1]!;
  const dq = m > 1 ? 1 / (m - 1) : Infinity;
  const acceptableAdvantage = m === 1 || Q[order[1]!]! - q1 >= dq - tol;
  const acceptableStability = S[a1]! <= sMin + DEFAULT_TIE_TOLERANCE * Math.abs(sMax) || R[a1]! <= rMin + DEFAULT_TIE_TOLERANCE * Math.abs(rMax);
  const inSet = new Uint8Array(m);
  if (!acceptableAdvantage) {
    for (let pos = 0; pos < m; pos++) {
      const idx = order[pos]!;
      if (Q[idx]! - q1 < dq - tol) inSet[idx] = 1;
      else break;
    }
  } else if (!acceptableStability) {
    // a′ and a″; alternatives tied with a″ on Q are all a″ (as scikit-criteria's rank ≤ 2).
    const q2 = Q[order[1]!]!;
    inSet[a1] = 1;
    for (let pos = 1; pos < m && Q[order[pos]!]! - q2 <= tol; pos++) inSet[order[pos]!] = 1;
  } else inSet[a1] = 1;
  const compromise: number[] = [];
  for (let i = 0; i < m; i++) if (inSet[i]) compromise.push(i);

  // Compromise members share rank 1; the others follow by Q from rank 2, ties sharing.
  const rankingWithCompromise = new Array<number>(m);
  let placed = 0;
  let groupRank = 2;
  let groupLeader = NaN;
  for (let pos = 0; pos < m; pos++) {
    const idx = order[pos]!;
    if (inSet[idx]) { rankingWithCompromise[idx] = 1; continue; }
    if (placed === 0 || Q[idx]! - groupLeader > tol) { groupRank = 2 + placed; groupLeader = Q[idx]!; }
    rankingWithCompromise[idx] = groupRank;
    placed++;
  }

  return {
    S: toNumberArray(S),
    R: toNumberArray(R),
    Q: toNumberArray(Q),
    ranking,
    compromise,
    rankingWithCompromise,
    acceptableAdvantage,
    acceptableStability,
  };
}
