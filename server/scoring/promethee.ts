/**
 * PROMETHEE II complete ranking by net outranking flow (Brans & Vincke 1985, "A preference
 * ranking organisation method", Management Science 31(6):647-656; Brans & Mareschal 2005 in
 * "Multiple Criteria Decision Analysis: State of the Art Surveys", Springer, ch. 5).
 *
 *   d_j(a, b) = g_j(a) − g_j(b)   (reversed for cost criteria)
 *   π(a, b)   = Σ_j w_j P_j(d_j(a, b))
 *   φ+(a) = Σ_x π(a, x)/(n − 1),  φ−(a) = Σ_x π(x, a)/(n − 1),  φ(a) = φ+(a) − φ−(a)
 *
 * where n is the number of alternatives. Preference functions (the six generalised criteria of
 * Brans & Vincke 1985), P(d) = 0 for d ≤ 0 in all of them:
 *   usual    P = 1 for d > 0
 *   ushape   P = 1 for d > q, else 0                     (type II, quasi-criterion)
 *   vshape   P = d/p for d ≤ p, else 1                   (type III)
 *   level    P = 0 for d ≤ q, ½ for q < d ≤ p, 1 beyond  (type IV)
 *   linear   P = 0 for d ≤ q, (d − q)/(p − q) for q < d ≤ p, 1 beyond (type V)
 *   gaussian P = 1 − exp(−d²/(2s²))                      (type VI)
 */
import { ScoringError } from "./errors";
import { rankScores } from "./ranking";
import { checkTypes, checkWeights, describeValue, scanMatrix, toNumberArray } from "./validate";
import type { Problem, WeightOptions } from "./types";

/** A PROMETHEE preference function; thresholds are in the criterion's raw units. */
export type Preference =
  | { type: "usual" }
  | { type: "ushape"; q: number }
  | { type: "vshape"; p: number }
  | { type: "level"; q: number; p: number }
  | { type: "linear"; q: number; p: number }
  | { type: "gaussian"; s: number };

/** Options of {@link promethee2}. */
export interface PrometheeOptions extends WeightOptions {
  /** One preference function per criterion. */
  preferences: readonly Preference[];
}

/** Result of {@link promethee2}. */
export interface PrometheeResult {
  /** Leaving flow φ+ per alternative, in [0, 1]. */
  positiveFlow: number[];
  /** Entering flow φ− per alternative, in [0, 1]. */
  negativeFlow: number[];
  /** Net flow φ = φ+ − φ−, in [−1, 1]; higher is better. */
  netFlow: number[];
  /** Ranking by net flow (1 = best, ties share). */
  ranking: number[];
}

const KIND: Record<Preference["type"], number> = { usual: 0, ushape: 1, vshape: 2, level: 3, linear: 4, gaussian: 5 };

function threshold(name: string, x: unknown, j: number, strictlyPositive: boolean): number {
  if (typeof x !== "number" || x - x !== 0 || x < 0 || (strictlyPositive && x === 0)) {
    throw new ScoringError("INVALID_PARAMETER", `preferences[${j}].${name} is ${describeValue(x)}: expected a finite number ${strictlyPositive ? "> 0" : "≥ 0"}`, { column: j, parameter: `preferences[${j}].${name}` });
  }
  return x;
}

/** Validates preference functions; returns kind codes and (q, p) per criterion (s in p for gaussian). */
function compilePreferences(prefs: readonly Preference[], n: number): { kind: Uint8Array; q: Float64Array; p: Float64Array } {
  if (!prefs || prefs.length !== n) {
    throw new ScoringError("PREFERENCES_LENGTH", `preferences has ${prefs ? prefs.length : 0} entries, expected ${n} (one per criterion)`);
  }
  const kind = new Uint8Array(n);
  const q = new Float64Array(n);
  const p = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const f = prefs[j]!;
    const k = f ? KIND[f.type] : undefined;
    if (k === undefined) {
      throw new ScoringError("INVALID_PARAMETER", `preferences[${j}].type is ${describeValue(f?.type)}: expected usual, ushape, vshape, level, linear or gaussian`, { column: j, parameter: `preferences[${j}].type` });
    }
    kind[j] = k;
    switch (f.type) {
      case "usual": break;
      case "ushape": q[j] = threshold("q", f.q, j, false); break;
      case "vshape": p[j] = threshold("p", f.p, j, true); break;
      case "gaussian": p[j] = threshold("s", f.s, j, true); break;
      case "level":
      case "linear": {
        q[j] = threshold("q", f.q, j, false);
        p[j] = threshold("p", f.p, j, true);
        if (!(p[j]! > q[j]!)) {
          throw new ScoringError("INVALID_PARAMETER", `preferences[${j}] has p = ${f.p} ≤ q = ${f.q}: the preference threshold p must exceed the indifference threshold q`, { column: j, parameter: `preferences[${j}].p` });
        }
        break;
      }
    }
  }
  return { kind, q, p };
}

/** Preference degree P(d) ∈ [0, 1] for a positive difference d (callers skip d ≤ 0). */
function preferenceDegree(kind: number, d: number, q: number, p: number): number {
  switch (kind) {
    case 0: return 1;
    case 1: return d > q ? 1 : 0;
    case 2: return d >= p ? 1 : d / p;
    case 3: return d > p ? 1 : d > q ? 0.5 : 0;
    case 4: return d > p ? 1 : d > q ? (d - q) / (p - q) : 0;
    default: return 1 - Math.exp(-(d * d) / (2 * p * p));
  }
}

/**
 * PROMETHEE II net flows and ranking. O(n² · criteria) time: fine for thousands of sites.
 *
 * @param p raw matrix, types and weights (weights normalised to sum 1)
 */
export function promethee2(p: Problem, opts: PrometheeOptions): PrometheeResult {
  const stats = scanMatrix(p.matrix, "matrix", true, false);
  const { m, n } = stats;
  checkTypes(p.types, n);
  const w = checkWeights(p.weights, n, opts.normalizeWeights !== false);
  const { kind, q, p: pp } = compilePreferences(opts?.preferences, n);
  // Column-major copy with costs negated, so that d = x_a − x_b is a gain for every criterion.
  const cols: number[] = [];
  for (let j = 0; j < n; j++) if (w[j]! > 0) cols.push(j);
  const data = new Float64Array(cols.length * m);
  cols.forEach((j, c) => {
    const sign = p.types[j] === "cost" ? -1 : 1;
    for (let i = 0; i < m; i++) data[c * m + i] = sign * stats.data[i * n + j]!;
  });
  const plus = new Float64Array(m);
  const minus = new Float64Array(m);
  for (let c = 0; c < cols.length; c++) {
    const j = cols[c]!;
    const wj = w[j]!, kj = kind[j]!, qj = q[j]!, pj = pp[j]!;
    const base = c * m;
    for (let a = 0; a < m; a++) {
      const xa = data[base + a]!;
      for (let b = a + 1; b < m; b++) {
        const d = xa - data[base + b]!;
        if (d > 0) {
          const pr = wj * preferenceDegree(kj, d, qj, pj);
          plus[a]! += pr;
          minus[b]! += pr;
        } else if (d < 0) {
          const pr = wj * preferenceDegree(kj, -d, qj, pj);
          plus[b]! += pr;
          minus[a]! += pr;
        }
      }
    }
  }
  const div = m > 1 ? m - 1 : 1;
  const net = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    plus[i]! /= div;
    minus[i]! /= div;
    net[i] = plus[i]! - minus[i]!;
  }
  return { positiveFlow: toNumberArray(plus), negativeFlow: toNumberArray(minus), netFlow: toNumberArray(net), ranking: rankScores(net) };
}
