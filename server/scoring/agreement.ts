/**
 * Agreement between rankings: Kendall's tau-b (Kendall 1945, "The treatment of ties in ranking
 * problems", Biometrika 33(3):239-251), computed in O(n log n) with Knight's algorithm (Knight
 * 1966, "A computer method for calculating Kendall's tau with ungrouped data", JASA
 * 61(314):436-439):
 *
 *   τ_b = (n_c − n_d) / √((n_0 − n_1)(n_0 − n_2))
 *
 * with n_0 = n(n−1)/2 pairs, n_1 / n_2 pairs tied in the first / second ranking, n_c concordant
 * and n_d discordant pairs. 1 = same order, −1 = reversed, 0 = unrelated.
 */
import { ScoringError } from "./errors";

/** Counts the pairs tied in `a` over index runs where `a` is constant along `idx`. */
function tiedPairs(a: Float64Array, idx: Int32Array): number {
  let total = 0;
  let run = 1;
  for (let k = 1; k < idx.length; k++) {
    if (a[idx[k]!] === a[idx[k - 1]!]) run++;
    else { total += (run * (run - 1)) / 2; run = 1; }
  }
  return total + (run * (run - 1)) / 2;
}

/** Stable merge sort of idx by key, returning the number of inversions (swaps). */
function mergeSortCount(idx: Int32Array, key: Float64Array): number {
  const n = idx.length;
  let src: Int32Array = idx;
  let dst: Int32Array = new Int32Array(n);
  let swaps = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (key[src[j]!]! < key[src[i]!]!) {
          dst[k++] = src[j++]!;
          swaps += mid - i;
        } else dst[k++] = src[i++]!;
      }
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    [src, dst] = [dst, src];
  }
  if (src !== idx) idx.set(src);
  return swaps;
}

/**
 * Kendall's tau-b between two rankings (or any two score vectors) of the same alternatives.
 * Alternatives with a null rank in either (e.g. excluded) are left out.
 *
 * @returns τ_b in [−1, 1], or null when it is undefined (fewer than 2 common alternatives, or
 *          one ranking ties everything)
 */
export function kendallTau(a: ArrayLike<number | null>, b: ArrayLike<number | null>): number | null {
  if (a.length !== b.length) {
    throw new ScoringError("RANKING_LENGTH", `the rankings have ${a.length} and ${b.length} entries: they must rank the same alternatives`);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (x === null || y === null || x === undefined || y === undefined) continue;
    if (typeof x !== "number" || typeof y !== "number" || x - x !== 0 || y - y !== 0) {
      throw new ScoringError("NON_FINITE_VALUE", `ranking entry ${i} is not a finite number`, { row: i });
    }
    xs.push(x);
    ys.push(y);
  }
  const n = xs.length;
  if (n < 2) return null;
  const x = Float64Array.from(xs);
  const y = Float64Array.from(ys);
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((p, q) => x[p]! - x[q]! || y[p]! - y[q]!);
  const n0 = (n * (n - 1)) / 2;
  const n1 = tiedPairs(x, idx);
  // Pairs tied in both: runs where x and y are both constant.
  let n3 = 0;
  let run = 1;
  for (let k = 1; k < n; k++) {
    const p = idx[k - 1]!, q = idx[k]!;
    if (x[p] === x[q] && y[p] === y[q]) run++;
    else { n3 += (run * (run - 1)) / 2; run = 1; }
  }
  n3 += (run * (run - 1)) / 2;
  // Sorted by (x, y), an inversion in y is a pair with x_p < x_q and y_p > y_q: discordant.
  const nd = mergeSortCount(idx, y);
  const n2 = tiedPairs(y, idx);
  const nc = n0 - n1 - n2 + n3 - nd;
  const denom = Math.sqrt((n0 - n1) * (n0 - n2));
  if (!(denom > 0)) return null;
  return Math.max(-1, Math.min(1, (nc - nd) / denom));
}

/** Pairwise agreement between several methods' rankings of the same alternatives. */
export interface MethodAgreement {
  methods: string[];
  /** tau[a][b] = Kendall's τ_b between methods[a] and methods[b] (null when undefined). */
  tau: (number | null)[][];
}

/**
 * Kendall's tau-b between every pair of rankings.
 *
 * @param rankings method name → ranking (1 = best; null = excluded)
 */
export function methodAgreement(rankings: Readonly<Record<string, ArrayLike<number | null>>>): MethodAgreement {
  const methods = Object.keys(rankings);
  const tau: (number | null)[][] = methods.map(() => methods.map(() => null));
  for (let a = 0; a < methods.length; a++) tau[a]![a] = kendallTau(rankings[methods[a]!]!, rankings[methods[a]!]!);
  for (let a = 0; a < methods.length; a++) {
    for (let b = a + 1; b < methods.length; b++) {
      const t = kendallTau(rankings[methods[a]!]!, rankings[methods[b]!]!);
      tau[a]![b] = t;
      tau[b]![a] = t;
    }
  }
  return { methods, tau };
}
