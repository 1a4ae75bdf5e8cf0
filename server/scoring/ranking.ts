/**
 * Rankings: 1 = best, in input order, ties share a rank ("competition" or "1224" ranking:
 * 1, 2, 2, 4), as in the conventions of ../shared/mcda-cases/visible.json.
 *
 * Sorting is a counting sort on quantised values with an exact fix-up pass (see IndexSorter): it
 * is what keeps ranking 100,000 sites, or 10,000 SMAA samples of 1,000 sites, fast.
 */

import { ScoringError } from "./errors";
import { describeValue } from "./validate";

/**
 * Relative tolerance for ties: two scores tie when they differ by at most
 * `DEFAULT_TIE_TOLERANCE × max|score|`, so that rounding noise (≈1e-16) never splits a tie that
 * is exact in real arithmetic, while any meaningful difference still ranks.
 */
export const DEFAULT_TIE_TOLERANCE = 1e-12;

/**
 * Reusable index sorter for arrays of up to `capacity` values (no allocation per call).
 * `sortDescending(v, m)` fills `order[0..m)` with indices of `v` from largest to smallest value;
 * equal values keep index order (the sort is stable).
 *
 * Method: a counting sort (Knuth TAOCP vol. 3 §5.2) of a quantisation of each value into 2m
 * equal-width buckets over [min, max], then one insertion-sort pass on the exact values for the
 * few values that share a bucket. The quantisation is monotone, so the result is exact; linear
 * time for spread-out values (MCDA scores are), which is what makes ranking 100,000 values, or
 * 1,000 values 10,000 times (SMAA), cheap. Strongly clustered values, that would make the
 * insertion pass quadratic, fall back to a comparison sort.
 */
export class IndexSorter {
  readonly order: Int32Array;
  private counting: { key: Int32Array; hist: Int32Array } | null = null;
  private radix: RadixBuffers | null = null;

  constructor(readonly capacity: number) {
    this.order = new Int32Array(capacity);
  }

  /**
   * After a sort of ≥ RADIX_MIN values, the values in sorted order (sorted[p] = v[order[p]]), so that
   * ranks are read sequentially rather than gathered again; null after a smaller sort.
   */
  sorted: Float64Array | null = null;

  /** Sorts indices 0..m−1 by `v` descending; `lo`/`hi` may pass the known min/max of v[0..m). */
  sortDescending(v: ArrayLike<number>, m: number, lo = NaN, hi = NaN): Int32Array {
    this.sorted = null;
    if (m >= RADIX_MIN) {
      const b = (this.radix ??= radixBuffers(this.capacity));
      const order = radixSortDescending(v, m, lo, hi, this.order, b);
      this.sorted = b.sorted;
      return order;
    }
    // Scratch of the counting sort, for up to RADIX_MIN values (larger arrays are radix-sorted).
    const size = Math.min(this.capacity, RADIX_MIN);
    const c = (this.counting ??= { key: new Int32Array(size), hist: new Int32Array(2 * size + 17) });
    return countingSortDescending(v, m, lo, hi, this.order, c.key, c.hist);
  }
}

/**
 * From this many values on, a two-pass LSD radix sort (16 bits per pass) of 32-bit quantised keys
 * replaces the counting sort: its two 65,536-entry histograms stay in the L2 cache where 2m
 * buckets would not, and its scatters write sequential runs.
 */
const RADIX_MIN = 32_768;

interface RadixBuffers {
  keyA: Uint32Array;
  keyB: Uint32Array;
  idxB: Int32Array;
  hist: Int32Array;
  /** The values in sorted order. */
  sorted: Float64Array;
}

function radixBuffers(capacity: number): RadixBuffers {
  return { keyA: new Uint32Array(capacity), keyB: new Uint32Array(capacity), idxB: new Int32Array(capacity), hist: new Int32Array(2 * 65536), sorted: new Float64Array(capacity) };
}

/** Finds min and max of v[0..m) unless given. */
function extremes(v: ArrayLike<number>, m: number, lo: number, hi: number): [number, number] {
  if (lo <= hi) return [lo, hi];
  lo = Infinity;
  hi = -Infinity;
  for (let i = 0; i < m; i++) {
    const x = v[i]!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

/**
 * Radix variant of {@link countingSortDescending}: each value is quantised to a 32-bit key over
 * [min, max] (monotone, larger values get smaller keys), the keys are sorted by their low then their
 * high 16 bits (stable), and one insertion pass on the exact values orders the rare values that share
 * a key.
 */
function radixSortDescending(v: ArrayLike<number>, m: number, lo: number, hi: number, order: Int32Array, b: RadixBuffers): Int32Array {
  [lo, hi] = extremes(v, m, lo, hi);
  const scale = 4294967040 / (hi - lo); // 2³² − 256: (hi − lo)·scale stays below 2³² after rounding
  const { keyA, keyB, idxB, hist, sorted } = b;
  if (!(hi > lo) || !(scale > 0 && scale < Infinity)) {
    for (let i = 0; i < m; i++) order[i] = i;
    if (hi > lo) sortRange(order, 0, m, v);
    for (let p = 0; p < m; p++) sorted[p] = v[order[p]!]!;
    return order;
  }
  hist.fill(0);
  for (let i = 0; i < m; i++) {
    const k = ((hi - v[i]!) * scale) >>> 0;
    keyA[i] = k;
    hist[k & 0xffff]!++;
    hist[65536 + (k >>> 16)]!++;
  }
  for (let d = 0, a0 = 0, a1 = 0; d < 65536; d++) {
    const c0 = hist[d]!, c1 = hist[65536 + d]!;
    hist[d] = a0;
    hist[65536 + d] = a1;
    a0 += c0;
    a1 += c1;
  }
  for (let i = 0; i < m; i++) {
    const k = keyA[i]!;
    const p = hist[k & 0xffff]!++;
    keyB[p] = k;
    idxB[p] = i;
  }
  for (let p = 0; p < m; p++) {
    const k = keyB[p]!;
    const q = hist[65536 + (k >>> 16)]!++;
    const idx = idxB[p]!;
    order[q] = idx;
    sorted[q] = v[idx]!;
  }
  // Values sharing a key are still in index order: one insertion pass on the sorted values (moving
  // their indices with them) puts them in value order; heavy clustering falls back to a comparison sort.
  let budget = 8 * m + 64;
  for (let k = 1; k < m; k++) {
    const x = sorted[k]!;
    if (sorted[k - 1]! >= x) continue;
    const idx = order[k]!;
    let p = k - 1;
    while (p >= 0 && sorted[p]! < x) {
      sorted[p + 1] = sorted[p]!;
      order[p + 1] = order[p]!;
      p--;
    }
    sorted[p + 1] = x;
    order[p + 1] = idx;
    budget -= k - p;
    if (budget < 0) {
      sortRange(order, 0, m, v);
      for (let q = 0; q < m; q++) sorted[q] = v[order[q]!]!;
      break;
    }
  }
  return order;
}

/**
 * After a bucket sort, values sharing a bucket are still in index order: one insertion pass on the
 * exact values puts them in order (stable). Strongly clustered values, that would make it quadratic,
 * fall back to a comparison sort.
 */
function insertionFixup(v: ArrayLike<number>, m: number, order: Int32Array): void {
  let budget = 8 * m + 64;
  for (let k = 1; k < m; k++) {
    const idx = order[k]!;
    const x = v[idx]!;
    if (v[order[k - 1]!]! >= x) continue;
    let p = k - 1;
    while (p >= 0 && v[order[p]!]! < x) {
      order[p + 1] = order[p]!;
      p--;
    }
    order[p + 1] = idx;
    budget -= k - p;
    if (budget < 0) {
      sortRange(order, 0, m, v);
      return;
    }
  }
}

/**
 * The sort of {@link IndexSorter}: `order` and `key` of length ≥ m, `hist` of length ≥ 2m + 17.
 * (SMAA runs the same algorithm, with its rank bookkeeping fused in: see RankTally in smaa.ts.)
 */
function countingSortDescending(
  v: ArrayLike<number>,
  m: number,
  lo: number,
  hi: number,
  order: Int32Array,
  key: Int32Array,
  hist: Int32Array,
): Int32Array {
  [lo, hi] = extremes(v, m, lo, hi);
  const buckets = 2 * m + 16;
  // Larger values get smaller keys (descending order); keys in [0, buckets − 1].
  const scale = (buckets - 0.5) / (hi - lo);
  if (!(hi > lo) || !(scale > 0 && scale < Infinity)) {
    for (let i = 0; i < m; i++) order[i] = i;
    if (hi > lo) sortRange(order, 0, m, v); // infinite values, or a range too wide for the arithmetic
    return order;
  }
  hist.fill(0, 0, buckets);
  for (let i = 0; i < m; i++) {
    const k = ((hi - v[i]!) * scale) | 0;
    key[i] = k;
    hist[k]!++;
  }
  // Exclusive prefix sums with the running total in a register (no store-to-load chain).
  for (let b = 0, acc = 0; b < buckets; b++) {
    const c = hist[b]!;
    hist[b] = acc;
    acc += c;
  }
  for (let i = 0; i < m; i++) order[hist[key[i]!]!++] = i;
  insertionFixup(v, m, order);
  return order;
}

function sortRange(order: Int32Array, s: number, e: number, v: ArrayLike<number>): void {
  order.subarray(s, e).sort((x, y) => v[y]! - v[x]! || x - y);
}

/**
 * A sorter of at least `m` values shared by the ranking functions below, which copy its order out
 * before returning: ranking 100,000 scores then allocates (and the OS zeroes) no 2.5 MB of scratch
 * per call. The engine is single-threaded and nothing runs between a sort and its copy.
 */
let shared: IndexSorter | null = null;
function sharedSorter(m: number): IndexSorter {
  if (!shared || shared.capacity < m) shared = new IndexSorter(Math.max(m, 1024));
  return shared;
}

/** Indices of `values` from largest to smallest (stable for ties). */
export function argsortDescending(values: ArrayLike<number>): Int32Array {
  const sorter = new IndexSorter(values.length);
  return sorter.sortDescending(values, values.length).slice(0, values.length);
}

/**
 * Competition ranks from a descending order: positions whose value is within `tolerance` of the
 * first value of their group share the group's first position + 1.
 */
function ranksFromOrder(v: ArrayLike<number>, order: Int32Array, m: number, tol: number, sorted: Float64Array | null = null): number[] {
  const ranks = new Array<number>(m);
  if (m === 0) return ranks;
  let leaderPos = 0;
  let leader = v[order[0]!]!;
  for (let p = 0; p < m; p++) {
    const idx = order[p]!;
    const x = sorted ? sorted[p]! : v[idx]!;
    if (leader - x > tol) {
      leaderPos = p;
      leader = x;
    }
    ranks[idx] = leaderPos + 1;
  }
  return ranks;
}

/** Options of the ranking functions. */
export interface RankOptions {
  /** Relative tie tolerance (default {@link DEFAULT_TIE_TOLERANCE}); 0 for exact ties only. */
  tolerance?: number;
}

/**
 * Ranks scores where higher is better: rank 1 = largest, in input order, ties share the best
 * rank of their group (1, 2, 2, 4).
 */
export function rankDescending(values: ArrayLike<number>, opts: RankOptions = {}): number[] {
  const m = values.length;
  // One pass: reject NaN, find the extremes (for the sort) and the largest finite magnitude (for
  // the tie tolerance).
  let lo = Infinity;
  let hi = -Infinity;
  let scale = 0;
  for (let i = 0; i < m; i++) {
    const x = values[i];
    if (typeof x !== "number" || x !== x) {
      throw new ScoringError("NON_FINITE_VALUE", `values[${i}] is ${describeValue(x)}: only numbers can be ranked`, { row: i });
    }
    if (x < lo) lo = x;
    if (x > hi) hi = x;
    const a = x < 0 ? -x : x;
    if (a > scale && a < Infinity) scale = a;
  }
  const sorter = sharedSorter(m);
  const order = sorter.sortDescending(values, m, lo, hi);
  return ranksFromOrder(values, order, m, (opts.tolerance ?? DEFAULT_TIE_TOLERANCE) * scale, sorter.sorted);
}

/**
 * {@link rankDescending} for scores computed by the engine (a Float64Array of finite numbers,
 * never NaN): no validation pass. Internal.
 */
export function rankScores(values: Float64Array): number[] {
  const m = values.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < m; i++) {
    const x = values[i]!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const a = Math.abs(lo), b = Math.abs(hi);
  const scale = Math.max(a < Infinity ? a : 0, b < Infinity ? b : 0);
  const sorter = sharedSorter(m);
  const order = sorter.sortDescending(values, m, lo, hi);
  return ranksFromOrder(values, order, m, DEFAULT_TIE_TOLERANCE * scale, sorter.sorted);
}

/** Ranks values where lower is better (e.g. VIKOR Q): rank 1 = smallest; ties share (1, 2, 2, 4). */
export function rankAscending(values: ArrayLike<number>, opts: RankOptions = {}): number[] {
  const m = values.length;
  const neg = new Float64Array(m);
  for (let i = 0; i < m; i++) neg[i] = -values[i]!;
  return rankDescending(neg, opts);
}
