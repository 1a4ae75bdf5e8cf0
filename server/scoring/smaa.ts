/**
 * SMAA-2, stochastic multicriteria acceptability analysis with an additive utility (Lahdelma &
 * Salminen 2001, "SMAA-2: Stochastic multicriteria acceptability analysis for group decision
 * making", Operations Research 49(3):444-454; Tervonen & Figueira 2008, "A survey on stochastic
 * multicriteria acceptability analysis methods", J. Multi-Criteria Decision Analysis 15:1-14).
 *
 * With no preference information the weights are uniform on the simplex; each sampled weight
 * vector ranks the alternatives by u_i = Σ_j w_j v_ij, and:
 *   - rank acceptability b_i^r = share of weight space giving alternative i rank r;
 *   - central weight w_i^c = mean weight vector among the samples where i ranks first;
 *   - confidence factor p_i^c = probability that i ranks first when the central weight w_i^c is
 *     used. The values here are exact (no measurement uncertainty), so p_i^c is 1 when i is the
 *     best under its own central weights and 0 otherwise (shared equally on a tie).
 *
 * Ties (equal utilities under one weight vector, e.g. identical alternatives) are shared: a tie
 * of t alternatives over ranks r..r+t−1 gives each of them 1/t of each of those ranks, so every
 * row and every column of the acceptability matrix sums to 1.
 *
 * Cost: O(samples · m · (n + 1)) time with a counting sort per sample (see RankTally.add),
 * O(m²) memory for the acceptability counts.
 */
import { ScoringError } from "./errors";
import { createRandom, sampleSimplex, type Random } from "./random";
import { describeValue, scanMatrix } from "./validate";
import type { AnyMatrix } from "./types";

/** Largest number of alternatives SMAA accepts: its result is an m × m table (20,000² = 4·10⁸ entries). */
export const MAX_SMAA_ALTERNATIVES = 20_000;

/** Preference information restricting the weight space. */
export interface WeightConstraint {
  /** [lower, upper] bound of each criterion's weight (weights sum to 1), within [0, 1]. */
  bounds?: ReadonlyArray<readonly [number, number]>;
  /** Criterion indices from most to least important: w[order[0]] ≥ w[order[1]] ≥ …; may list a subset. */
  order?: readonly number[];
  /** Cap on weight vectors drawn, accepted or rejected (default max(100 × samples, 100,000)). */
  maxAttempts?: number;
}

/** Options of {@link smaa}. */
export interface SmaaOptions {
  /** Number of accepted weight samples (Monte Carlo size), e.g. 10,000. */
  samples: number;
  /** Seed of the pseudo-random generator: the same seed gives the same result. */
  seed: number;
  /** Optional constraints on the weights (interval bounds, importance order). */
  weights?: WeightConstraint;
}

/** Result of {@link smaa}. */
export interface SmaaResult {
  /** rankAcceptability[i][r − 1] = share of weight space where alternative i has rank r. */
  rankAcceptability: number[][];
  /** Mean weights where alternative i ranks first; null when it never does. */
  centralWeights: (number[] | null)[];
  /** Confidence factor of each alternative (0 when it has no central weights). */
  confidence: number[];
  /** Weight samples used. */
  samples: number;
  /** Weight vectors drawn, including those rejected by the constraints. */
  attempts: number;
}

/** Draws constrained weight vectors; returns whether the draw satisfies the constraints. */
type WeightSampler = (out: Float64Array) => boolean;

function constraintError(message: string, parameter: string, column?: number): ScoringError {
  return new ScoringError("INFEASIBLE_WEIGHTS", message, column === undefined ? { parameter } : { parameter, column });
}

/**
 * Builds a sampler that is uniform on the simplex restricted by the constraints:
 * - lower bounds only shift the simplex: w = l + (1 − Σl)·d with d uniform on the simplex is
 *   uniform on {w ≥ l, Σw = 1} (an affine image of a uniform law is uniform), so they cost no
 *   rejections; upper bounds are then enforced by rejection;
 * - an importance order is enforced exactly by sorting the ordered weights (the flat Dirichlet is
 *   exchangeable, so sorting maps it onto the ordered cone uniformly); bounds then by rejection.
 */
function weightSampler(n: number, rng: Random, c: WeightConstraint | undefined): WeightSampler {
  if (!c || (!c.bounds && !c.order)) {
    return (out) => {
      sampleSimplex(rng, out);
      return true;
    };
  }
  const lower = new Float64Array(n);
  const upper = new Float64Array(n).fill(1);
  if (c.bounds) {
    if (c.bounds.length !== n) {
      throw new ScoringError("WEIGHTS_LENGTH", `weights.bounds has ${c.bounds.length} entries, expected ${n} (one [lower, upper] per criterion)`, { parameter: "weights.bounds" });
    }
    let sumLo = 0;
    let sumHi = 0;
    for (let j = 0; j < n; j++) {
      const b = c.bounds[j];
      const lo = b?.[0];
      const hi = b?.[1];
      if (typeof lo !== "number" || typeof hi !== "number" || lo - lo !== 0 || hi - hi !== 0 || lo < 0 || hi > 1) {
        throw new ScoringError("INVALID_PARAMETER", `weights.bounds[${j}] is [${describeValue(lo)}, ${describeValue(hi)}]: expected 0 ≤ lower ≤ upper ≤ 1`, { parameter: `weights.bounds[${j}]`, column: j });
      }
      if (lo > hi) throw constraintError(`weights.bounds[${j}] = [${lo}, ${hi}] is empty (lower > upper)`, `weights.bounds[${j}]`, j);
      lower[j] = lo;
      upper[j] = hi;
      sumLo += lo;
      sumHi += hi;
    }
    if (sumLo > 1 + 1e-12) throw constraintError(`the lower weight bounds sum to ${+sumLo.toPrecision(6)} > 1: no weight vector summing to 1 satisfies them`, "weights.bounds");
    if (sumHi < 1 - 1e-12) throw constraintError(`the upper weight bounds sum to ${+sumHi.toPrecision(6)} < 1: no weight vector summing to 1 satisfies them`, "weights.bounds");
  }
  let order: Int32Array | null = null;
  if (c.order) {
    const seen = new Uint8Array(n);
    order = new Int32Array(c.order.length);
    c.order.forEach((j, k) => {
      if (!Number.isInteger(j) || j < 0 || j >= n || seen[j]) {
        throw new ScoringError("INVALID_PARAMETER", `weights.order[${k}] is ${describeValue(j)}: expected distinct criterion indices in 0..${n - 1}`, { parameter: `weights.order[${k}]` });
      }
      seen[j] = 1;
      order![k] = j;
    });
  }
  let slack = 1;
  for (let j = 0; j < n; j++) slack -= lower[j]!;
  const shift = order === null; // the lower-bound shift is only uniform-preserving without an order
  const tmp = new Float64Array(order ? order.length : 0);
  return (out) => {
    sampleSimplex(rng, out);
    if (order) {
      for (let k = 0; k < order.length; k++) tmp[k] = out[order[k]!]!;
      tmp.sort();
      for (let k = 0; k < order.length; k++) out[order[k]!] = tmp[order.length - 1 - k]!;
    } else if (shift) {
      for (let j = 0; j < n; j++) out[j] = lower[j]! + slack * out[j]!;
    }
    for (let j = 0; j < n; j++) if (out[j]! > upper[j]! || out[j]! < lower[j]!) return false;
    return true;
  };
}

/**
 * u1 = V·w1 and u2 = V·w2 for column-major V (m alternatives × n criteria), four criteria per
 * pass, so that each value of V is loaded once for two weight vectors and each u once per four
 * multiply-adds.
 */
function utilitiesInto2(u1: Float64Array, u2: Float64Array, V: Float64Array, w1: Float64Array, w2: Float64Array, m: number, n: number): void {
  let j = 0;
  for (; j + 6 <= n; j += 6) {
    const a0 = w1[j]!, a1 = w1[j + 1]!, a2 = w1[j + 2]!, a3 = w1[j + 3]!, a4 = w1[j + 4]!, a5 = w1[j + 5]!;
    const c0 = w2[j]!, c1 = w2[j + 1]!, c2 = w2[j + 2]!, c3 = w2[j + 3]!, c4 = w2[j + 4]!, c5 = w2[j + 5]!;
    const b0 = j * m, b1 = b0 + m, b2 = b1 + m, b3 = b2 + m, b4 = b3 + m, b5 = b4 + m;
    const first = j === 0;
    for (let i = 0; i < m; i++) {
      const x0 = V[b0 + i]!, x1 = V[b1 + i]!, x2 = V[b2 + i]!, x3 = V[b3 + i]!, x4 = V[b4 + i]!, x5 = V[b5 + i]!;
      const s1 = a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3 + a4 * x4 + a5 * x5;
      const s2 = c0 * x0 + c1 * x1 + c2 * x2 + c3 * x3 + c4 * x4 + c5 * x5;
      if (first) {
        u1[i] = s1;
        u2[i] = s2;
      } else {
        u1[i]! += s1;
        u2[i]! += s2;
      }
    }
  }
  if (j === 0) {
    u1.fill(0);
    u2.fill(0);
  }
  for (; j + 2 <= n; j += 2) {
    const a0 = w1[j]!, a1 = w1[j + 1]!, c0 = w2[j]!, c1 = w2[j + 1]!;
    const b0 = j * m, b1 = b0 + m;
    for (let i = 0; i < m; i++) {
      const x0 = V[b0 + i]!, x1 = V[b1 + i]!;
      u1[i]! += a0 * x0 + a1 * x1;
      u2[i]! += c0 * x0 + c1 * x1;
    }
  }
  for (; j < n; j++) {
    const a = w1[j]!, c = w2[j]!;
    const b = j * m;
    for (let i = 0; i < m; i++) {
      const x = V[b + i]!;
      u1[i]! += a * x;
      u2[i]! += c * x;
    }
  }
}

/**
 * Bucket keys of two utility vectors, and their bucket counts. Buckets split [lo, hi] evenly, with
 * larger utilities in earlier buckets. [lo, hi] = [Σ w_j min_i v_ij, Σ w_j max_i v_ij] bounds every
 * utility of the sample without a pass to find the actual extremes (a key is clamped in case
 * rounding puts a utility an ulp outside).
 */
function keysInto2(
  u1: Float64Array, u2: Float64Array, key1: Int32Array, key2: Int32Array, hist1: Int32Array, hist2: Int32Array,
  lo1: number, hi1: number, lo2: number, hi2: number, m: number, buckets: number,
): void {
  const s1 = (buckets - 0.5) / (hi1 - lo1);
  const s2 = (buckets - 0.5) / (hi2 - lo2);
  const last = buckets - 1;
  hist1.fill(0);
  hist2.fill(0);
  for (let i = 0; i < m; i++) {
    let k = ((hi1 - u1[i]!) * s1) | 0;
    let l = ((hi2 - u2[i]!) * s2) | 0;
    if (k > last) k = last;
    if (l > last) l = last;
    key1[i] = k;
    key2[i] = l;
    hist1[k]!++;
    hist2[l]!++;
  }
}

/**
 * Rank counts of the SMAA samples. Each sample's order (alternatives from best to worst) is
 * sorted in place in one row of a block buffer; a full block is tallied into the rank-major count
 * table rank by rank, so the table is touched in cache-sized runs instead of m scattered cache
 * lines per sample.
 */
class RankTally {
  /** 32-bit counts, needed only beyond 65,535 samples (allocated at the first spill). */
  private wide: Uint32Array | null = null;
  /** 16-bit counts of the samples since the last spill (half the cache footprint of 32-bit ones). */
  private readonly recent: Uint16Array;
  private sinceSpill = 0;
  /** Per-alternative difference arrays over ranks (stride m+1) spreading tied ranks; null until a tie. */
  tieDiff: Float64Array | null = null;
  /** Σ of weight vectors (share-weighted) over the samples where i ranks first, i·n + j. */
  readonly cw: Float64Array;
  /** Number of samples (share-weighted) where i ranks first. */
  readonly firstMass: Float64Array;
  /** Buckets per sample for the counting sort. */
  readonly buckets: number;
  /** Sorted orders of the samples of the current block, row s at s·m. */
  private readonly orders: Uint16Array | Uint32Array;
  private readonly blockSize: number;
  private inBlock = 0;

  constructor(
    private readonly m: number,
    private readonly n: number,
    samples: number,
  ) {
    this.recent = new Uint16Array(m * m);
    this.cw = new Float64Array(m * n);
    this.firstMass = new Float64Array(m);
    this.blockSize = Math.max(1, Math.min(samples, 4096, Math.floor(1_048_576 / (2 * m))));
    this.orders = m <= 65536 ? new Uint16Array(this.blockSize * m) : new Uint32Array(this.blockSize * m);
    this.buckets = 2 * m + 16;
  }

  /**
   * Ranks one sample's utilities and records them. `key`/`hist` are its bucket keys and bucket
   * counts (see keysInto2), or null when the bucket arithmetic is unusable (all utilities equal,
   * or a range that overflows): then a comparison sort is used.
   *
   * Counting sort by bucket (monotone in the utility, so bucket order is value order), then one
   * insertion pass on the exact values for those sharing a bucket, which also notices ties.
   * Clustered utilities that would make the insertion pass quadratic fall back to a comparison
   * sort.
   */
  add(u: Float64Array, w: Float64Array, key: Int32Array | null, hist: Int32Array): void {
    const m = this.m;
    const order = this.orders;
    const row = this.inBlock * m;
    const end = row + m;
    let tie = false;
    if (key === null) {
      for (let i = 0; i < m; i++) order[row + i] = i;
      this.comparisonSort(u, row);
      tie = true; // let the tie walk find out
    } else {
      const buckets = this.buckets;
      // Exclusive prefix sums, offset to the row, with the running total in a register.
      for (let b = 0, acc = row; b < buckets; b++) {
        const c = hist[b]!;
        hist[b] = acc;
        acc += c;
      }
      for (let i = 0; i < m; i++) order[hist[key[i]!]!++] = i;
      // Insertion pass: values sharing a bucket are in index order; put them in value order.
      let budget = 8 * m + 64;
      let left = u[order[row]!]!; // value at position k − 1
      for (let k = row + 1; k < end; k++) {
        const idx = order[k]!;
        const x = u[idx]!;
        if (left >= x) {
          if (left === x) tie = true;
          left = x;
          continue;
        }
        // x moves before position k − 1; the element there (value `left`) ends at k, so `left`
        // stays the value at position k for the next step.
        order[k] = order[k - 1]!;
        let p = k - 2;
        let stop = Infinity;
        while (p >= row) {
          const mv = order[p]!;
          const v = u[mv]!;
          if (v >= x) {
            stop = v;
            break;
          }
          order[p + 1] = mv;
          p--;
        }
        order[p + 1] = idx;
        if (stop === x) tie = true;
        budget -= k - p;
        if (budget < 0) {
          this.comparisonSort(u, row);
          tie = true; // let the tie walk find out
          break;
        }
      }
    }
    if (tie) this.ties(u, row, w);
    else {
      const a = order[row]!;
      this.firstMass[a]! += 1;
      const n = this.n;
      const cw = this.cw;
      for (let j = 0, c = a * n; j < n; j++, c++) cw[c]! += w[j]!;
    }
    if (++this.inBlock === this.blockSize) this.flush();
  }

  /** Sorts a row of `orders` by utility with the built-in comparison sort. */
  private comparisonSort(u: Float64Array, row: number): void {
    this.orders.subarray(row, row + this.m).sort((a, b) => u[b]! - u[a]! || a - b);
  }

  /**
   * Walks a sample with ties. A tie of t alternatives over positions p..q−1: the tally will count
   * each member once at its own position; the difference array moves that count to an even share
   * 1/t of every rank in p..q−1, so that each member and each rank still sum to 1.
   */
  private ties(u: Float64Array, row: number, w: Float64Array): void {
    const m = this.m;
    const n = this.n;
    const order = this.orders;
    let p = 0;
    while (p < m) {
      const val = u[order[row + p]!]!;
      let q = p + 1;
      while (q < m && u[order[row + q]!] === val) q++;
      const share = 1 / (q - p);
      if (q - p > 1) {
        const diff = (this.tieDiff ??= new Float64Array(m * (m + 1)));
        for (let k = p; k < q; k++) {
          const d = order[row + k]! * (m + 1);
          diff[d + k]! -= 1;
          diff[d + k + 1]! += 1;
          diff[d + p]! += share;
          diff[d + q]! -= share;
        }
      }
      if (p === 0) {
        for (let k = 0; k < q; k++) {
          const b = order[row + k]!;
          this.firstMass[b]! += share;
          for (let j = 0, c = b * n; j < n; j++, c++) this.cw[c]! += share * w[j]!;
        }
      }
      p = q;
    }
  }

  /** Adds the buffered block of samples to the 16-bit count table, spilling it before it could overflow. */
  flush(): void {
    const m = this.m;
    const rows = this.inBlock;
    if (this.sinceSpill + rows > 65535) this.spill();
    const recent = this.recent;
    const order = this.orders;
    for (let r = 0; r < m; r++) {
      const base = r * m;
      for (let s = 0, k = r; s < rows; s++, k += m) recent[base + order[k]!]!++;
    }
    this.sinceSpill += rows;
    this.inBlock = 0;
  }

  /** Moves the 16-bit counts into the 32-bit table. */
  private spill(): void {
    const wide = (this.wide ??= new Uint32Array(this.m * this.m));
    const recent = this.recent;
    for (let k = 0; k < wide.length; k++) wide[k]! += recent[k]!;
    recent.fill(0);
    this.sinceSpill = 0;
  }

  /** counts[r·m + i]: samples giving alternative i rank r+1 (before the tie corrections of tieDiff). */
  get counts(): Uint16Array | Uint32Array {
    if (this.wide === null) return this.recent;
    if (this.sinceSpill > 0) this.spill();
    return this.wide!;
  }
}

/**
 * SMAA-2 rank acceptabilities, central weights and confidence factors.
 *
 * @param utilities rows = alternatives, columns = criteria: partial values already on a common
 *                  utility scale (typically [0, 1], after value functions); higher is better
 * @param opts samples (count), seed, optional weight constraints
 */
export function smaa(utilities: AnyMatrix, opts: SmaaOptions): SmaaResult {
  const stats = scanMatrix(utilities, "utilities", false, false);
  const { m, n } = stats;
  const samples = opts?.samples;
  if (typeof samples !== "number" || !Number.isInteger(samples) || samples < 1 || samples > 1e8) {
    throw new ScoringError("INVALID_PARAMETER", `samples is ${describeValue(samples)}: expected an integer in 1..1e8`, { parameter: "samples" });
  }
  if (typeof opts.seed !== "number" || !Number.isFinite(opts.seed)) {
    throw new ScoringError("INVALID_PARAMETER", `seed is ${describeValue(opts.seed)}: expected a finite number`, { parameter: "seed" });
  }
  if (m > MAX_SMAA_ALTERNATIVES) {
    throw new ScoringError("TOO_MANY_ALTERNATIVES", `SMAA with ${m} alternatives would need an ${m} × ${m} rank-acceptability table: at most ${MAX_SMAA_ALTERNATIVES} alternatives (filter with hard constraints first)`, { parameter: "utilities" });
  }
  const maxAttempts = opts.weights?.maxAttempts ?? Math.max(100 * samples, 100_000);
  const rng = createRandom(opts.seed);
  const draw = weightSampler(n, rng, opts.weights);

  // Column-major copy: the per-sample product is then streaming passes over columns.
  const V = new Float64Array(m * n);
  for (let j = 0; j < n; j++) V.set(stats.columns[j]!, j * m);
  const tally = new RankTally(m, n, samples);
  const w1 = new Float64Array(n);
  const w2 = new Float64Array(n);
  const u1 = new Float64Array(m);
  const u2 = new Float64Array(m);
  const key1 = new Int32Array(m);
  const key2 = new Int32Array(m);
  const hist1 = new Int32Array(tally.buckets);
  const hist2 = new Int32Array(tally.buckets);
  const colMin = stats.min;
  const colMax = stats.max;
  /** Bounds of w·v over the alternatives: [Σ w_j min_j, Σ w_j max_j]. */
  const bound = (w: Float64Array, col: Float64Array) => {
    let s = 0;
    for (let j = 0; j < n; j++) s += w[j]! * col[j]!;
    return s;
  };
  const rankPair = (wa: Float64Array, wb: Float64Array, both: boolean) => {
    utilitiesInto2(u1, u2, V, wa, wb, m, n);
    const lo1 = bound(wa, colMin), hi1 = bound(wa, colMax), lo2 = bound(wb, colMin), hi2 = bound(wb, colMax);
    const ok1 = hi1 > lo1 && (tally.buckets - 0.5) / (hi1 - lo1) < Infinity;
    const ok2 = hi2 > lo2 && (tally.buckets - 0.5) / (hi2 - lo2) < Infinity;
    if (ok1 && ok2) keysInto2(u1, u2, key1, key2, hist1, hist2, lo1, hi1, lo2, hi2, m, tally.buckets);
    tally.add(u1, wa, ok1 && ok2 ? key1 : null, hist1);
    if (both) tally.add(u2, wb, ok1 && ok2 ? key2 : null, hist2);
  };
  let attempts = 0;
  let accepted = 0;
  let pending = false; // w1 holds an accepted sample waiting for a partner
  const capReached = () =>
    accepted === 0
      ? new ScoringError("INFEASIBLE_WEIGHTS", `no weight vector satisfied the weight constraints in ${attempts} attempts: the feasible region is empty or too small to sample`, { parameter: "weights" })
      : new ScoringError("SAMPLING_CAP_REACHED", `only ${accepted} of ${samples} weight samples satisfied the constraints in ${attempts} attempts (acceptance ${(accepted / attempts).toExponential(2)}): loosen the bounds or raise weights.maxAttempts`, { parameter: "weights.maxAttempts" });
  while (accepted < samples) {
    if (attempts >= maxAttempts) throw capReached();
    attempts++;
    const w = pending ? w2 : w1;
    if (!draw(w)) continue;
    accepted++;
    if (!pending && accepted < samples) {
      pending = true;
      continue;
    }
    // Two weight vectors share one pass over the utilities (half the memory traffic).
    rankPair(w1, pending ? w2 : w1, pending);
    pending = false;
  }
  tally.flush();
  const { counts, tieDiff, cw, firstMass } = tally;

  const rankAcceptability: number[][] = new Array(m);
  for (let i = 0; i < m; i++) {
    const row = new Array<number>(m);
    let run = 0;
    for (let r = 0; r < m; r++) {
      if (tieDiff) run += tieDiff[i * (m + 1) + r]!;
      row[r] = (counts[r * m + i]! + run) / samples;
    }
    if (tieDiff) for (let r = 0; r < m; r++) if (Math.abs(row[r]!) < 1e-12) row[r] = 0; // rounding of shared ranks
    rankAcceptability[i] = row;
  }
  const centralWeights: (number[] | null)[] = new Array(m);
  for (let i = 0; i < m; i++) {
    const mass = firstMass[i]!;
    centralWeights[i] = mass > 0 ? Array.from(cw.subarray(i * n, (i + 1) * n), (x) => x / mass) : null;
  }
  const confidence = new Array<number>(m).fill(0);
  const u = u1;
  for (let i = 0; i < m; i++) {
    const c = centralWeights[i];
    if (!c) continue;
    for (let k = 0; k < m; k++) u[k] = 0;
    for (let j = 0; j < n; j++) {
      const wj = c[j]!;
      const base = j * m;
      for (let k = 0; k < m; k++) u[k]! += wj * V[base + k]!;
    }
    let best = -Infinity;
    for (let k = 0; k < m; k++) if (u[k]! > best) best = u[k]!;
    if (u[i]! < best) continue;
    let tied = 0;
    for (let k = 0; k < m; k++) if (u[k] === best) tied++;
    confidence[i] = 1 / tied;
  }
  return { rankAcceptability, centralWeights, confidence, samples, attempts };
}
