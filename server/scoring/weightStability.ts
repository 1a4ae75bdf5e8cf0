/**
 * One-at-a-time weight stability (sensitivity) intervals: for each criterion j, the range of its
 * weight within which the currently top-ranked alternative stays first, when the other weights
 * are rescaled proportionally so that all weights still sum to 1 (Triantaphyllou & Sánchez 1997,
 * "A sensitivity analysis approach for some deterministic multi-criteria decision-making
 * methods", Decision Sciences 28(1):151-194; Mareschal 1988, "Weight stability intervals in
 * multicriteria decision aid", EJOR 33(1):54-64).
 *
 * Moving weight j to t gives w_k(t) = w_k (1 − t)/(1 − w_j) for k ≠ j. Under WSM every score is
 * then linear in t, s_i(t) = t·a_i + (1 − t)·b_i with a_i = r_ij and b_i = Σ_{k≠j} w_k r_ik/(1 − w_j),
 * so the interval is found exactly by intersecting the half-lines s_top(t) ≥ s_i(t). For the other
 * methods the boundary is found by stepping outwards from the current weight and bisecting the
 * first change of winner (tolerance 1e-9); that gives the connected interval around the current
 * weight.
 *
 * If w_j = 1 (every other weight zero) there are no proportions to keep; the other criteria then
 * share 1 − t equally.
 */
import { methodSpec, scoreProblem, type MethodName, type MethodSpec } from "./methods";
import { prepare, type Prepared } from "./prepare";
import { applyTransform } from "./normalize";
import { ScoringError } from "./errors";
import { DEFAULT_ADDITIVE_NORMALIZATION } from "./wsm";
import { checkWeights, isColumnMatrix, toColumnMatrix } from "./validate";
import type { NormalizationOption, Problem } from "./types";

/** Stability interval of one criterion's weight. */
export interface WeightInterval {
  /** Criterion index. */
  criterion: number;
  /** Current weight (normalised to sum 1). */
  weight: number;
  /** Smallest weight (≥ 0) at which the top alternative is still first. */
  lower: number;
  /** Largest weight (≤ 1) at which the top alternative is still first. */
  upper: number;
  /** Alternative that overtakes just below `lower` (null when lower = 0). */
  rivalBelow: number | null;
  /** Alternative that overtakes just above `upper` (null when upper = 1). */
  rivalAbove: number | null;
}

/** Options of {@link weightStability}. */
export interface WeightStabilityOptions {
  /** Grid steps over [0, 1] when searching for a change of winner (non-WSM methods; default 100). */
  steps?: number;
  /** Bisection tolerance in weight units (default 1e-9). */
  tolerance?: number;
}

/** Weights with criterion j set to t and the others rescaled proportionally. */
function moveWeight(w: Float64Array, j: number, t: number, out: Float64Array): Float64Array {
  const rest = 1 - w[j]!;
  const n = w.length;
  for (let k = 0; k < n; k++) {
    if (k === j) out[k] = t;
    else out[k] = rest > 0 ? (w[k]! * (1 - t)) / rest : (1 - t) / (n - 1);
  }
  return out;
}

/**
 * Weight stability intervals of the top-ranked alternative, one per criterion.
 *
 * @param p raw matrix, types, weights (normalised to sum 1)
 * @param method method name or spec (WSM: exact; others: bisection)
 * @returns per criterion the interval [lower, upper] of its weight (dimensionless, within [0, 1])
 */
export function weightStability(problem: Problem, method: MethodName | MethodSpec = "wsm", opts: WeightStabilityOptions = {}): WeightInterval[] {
  const spec = methodSpec(method);
  // Columns once: every re-scoring below then reads them in place.
  const p: Problem = isColumnMatrix(problem.matrix) ? problem : { ...problem, matrix: toColumnMatrix(problem.matrix) };
  const base = scoreProblem(p, spec);
  const w = checkWeights(p.weights, p.types.length);
  const n = w.length;
  const top = base.ranking.indexOf(1);
  if (n === 1) return [{ criterion: 0, weight: 1, lower: 1, upper: 1, rivalBelow: null, rivalAbove: null }];
  if (spec.method === "wsm") return exactWsm(p, spec.normalization ?? DEFAULT_ADDITIVE_NORMALIZATION, w, top);

  const steps = opts.steps ?? 100;
  const tol = opts.tolerance ?? 1e-9;
  if (!Number.isInteger(steps) || steps < 1) throw new ScoringError("INVALID_PARAMETER", `steps is ${steps}: expected a positive integer`, { parameter: "steps" });
  const scratch = new Float64Array(n);
  const out: WeightInterval[] = [];
  for (let j = 0; j < n; j++) {
    // Returns the winner set at weight t: −1 when `top` is still (co-)first, else the new leader.
    const leaderAt = (t: number): number => {
      const r = scoreProblem({ ...p, weights: moveWeight(w, j, t, scratch) }, spec).ranking;
      return r[top] === 1 ? -1 : r.indexOf(1);
    };
    const edge = (direction: 1 | -1): { bound: number; rival: number | null } => {
      const end = direction > 0 ? 1 : 0;
      const h = 1 / steps;
      let good = w[j]!;
      for (;;) {
        const next = direction > 0 ? Math.min(1, good + h) : Math.max(0, good - h);
        if (next === good) return { bound: end, rival: null };
        const leader = safeLeader(leaderAt, next);
        if (leader === -1) {
          good = next;
          continue;
        }
        let bad = next;
        let rival = leader;
        while (Math.abs(bad - good) > tol) {
          const mid = (good + bad) / 2;
          const l = safeLeader(leaderAt, mid);
          if (l === -1) good = mid;
          else { bad = mid; rival = l; }
        }
        return { bound: good, rival };
      }
    };
    const up = edge(1);
    const down = edge(-1);
    out.push({ criterion: j, weight: w[j]!, lower: down.bound, upper: up.bound, rivalBelow: down.rival, rivalAbove: up.rival });
  }
  return out;
}

/** A method that becomes undefined at some weight (e.g. VIKOR with a constant criterion) keeps the winner there. */
function safeLeader(f: (t: number) => number, t: number): number {
  try {
    return f(t);
  } catch (e) {
    if (e instanceof ScoringError) return -1;
    throw e;
  }
}

function exactWsm(p: Problem, normalization: NormalizationOption, w: Float64Array, top: number): WeightInterval[] {
  // Normalised values do not depend on the weights. Zero-weight columns are normalised too, since
  // raising their weight brings them in; one whose normalisation is undefined (constant) adds
  // the same constant to every alternative, which cannot change the order: it is read as 0.
  const n = w.length;
  const use = new Float64Array(n).fill(1);
  let prep: Prepared | null = null;
  while (prep === null) {
    try {
      prep = prepare({ ...p, weights: use }, normalization);
    } catch (e) {
      const c = e instanceof ScoringError ? e.column : undefined;
      if (c === undefined || w[c] !== 0 || use[c] === 0) throw e;
      use[c] = 0;
    }
  }
  const m = prep.stats.m;
  const r = new Float64Array(m * n);
  const columns = prep.stats.columns;
  for (let j = 0; j < n; j++) {
    if (!use[j]) continue;
    const col = columns[j]!;
    for (let i = 0; i < m; i++) r[i * n + j] = applyTransform(prep.t, j, col[i]!);
  }
  const out: WeightInterval[] = [];
  const wt = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    // b_i: score of the other criteria at t = 0 (weights rescaled to sum 1).
    moveWeight(w, j, 0, wt);
    let lower = 0, upper = 1;
    let rivalBelow: number | null = null, rivalAbove: number | null = null;
    const aT = r[top * n + j]!;
    let bT = 0;
    for (let k = 0; k < n; k++) bT += wt[k]! * r[top * n + k]!;
    for (let i = 0; i < m; i++) {
      if (i === top) continue;
      let bi = 0;
      for (let k = 0; k < n; k++) bi += wt[k]! * r[i * n + k]!;
      // s_T(t) − s_i(t) = c + t·d ≥ 0
      const c = bT - bi;
      const d = aT - bT - (r[i * n + j]! - bi);
      if (d > 0) {
        const t = -c / d;
        if (t > lower) { lower = t; rivalBelow = i; }
      } else if (d < 0) {
        const t = -c / d;
        if (t < upper) { upper = t; rivalAbove = i; }
      }
    }
    out.push({ criterion: j, weight: w[j]!, lower: Math.min(lower, w[j]!), upper: Math.max(upper, w[j]!), rivalBelow, rivalAbove });
  }
  return out;
}
