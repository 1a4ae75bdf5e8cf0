/**
 * The additive and multiplicative methods on utility columns, with the missing-value rule: the one
 * kernel that scores a list of sites (scoreUtilities.ts, Float64Array columns) and every land cell of
 * the suitability surface (surfaceScore.ts, quantised byte columns).
 *
 *   WSM     S = Σ w_j u_j                       (Fishburn 1967)
 *   WPM     S = Π u_j^{w_j} = exp(Σ w_j ln u_j)  (Bridgman 1922; Miller & Starr 1969)
 *   WASPAS  S = λ·WSM + (1 − λ)·WPM             (Zavadskas et al. 2012)
 * with the weights normalised to sum 1 (validate.ts `checkWeights`).
 *
 * Missing values (NaN in a float column, QUANT_MISSING in a byte column) in a criterion of positive
 * weight:
 *   - "exclude": the alternative is unscored (NaN);
 *   - "renormalize": it is scored on the criteria it has, their weights rescaled to sum 1 for it
 *     (S = Σ_avail w_j u_j / Σ_avail w_j); with no weighted value at all it is unscored.
 * Criteria of zero weight are never read. Missing is never read as 0.
 *
 * Cost: one pass per weighted criterion over blocks of ROW_BLOCK rows, the running sums of a block
 * in the L1 cache; a byte column reads its utility and ln-utility from 256-entry tables.
 */
import { ROW_BLOCK } from "./wsm";

/** Utilities stored as bytes: u ≈ q / QUANT_SCALE for q in 0..254; QUANT_MISSING marks a missing value. */
export const QUANT_SCALE = 254;
export const QUANT_MISSING = 255;

/** Missing-value policy (see the module comment). */
export type MissingPolicy = "exclude" | "renormalize";

/** Utility columns: Float64Array per criterion (NaN missing), or bytes criterion-major (`rows` per criterion). */
export type UtilityColumns =
  | { kind: "float"; rows: number; columns: readonly Float64Array[] }
  | { kind: "quantised"; rows: number; bytes: Uint8Array };

/** ln(q / 254) for each stored byte. */
const LN_UTILITY = (() => {
  const t = new Float64Array(256);
  for (let q = 0; q <= QUANT_SCALE; q++) t[q] = Math.log(q / QUANT_SCALE);
  t[QUANT_MISSING] = NaN;
  return t;
})();

/**
 * Writes into `out[i]` the score of each row (NaN when unscored by the rule above).
 *
 * @param w weights, normalised to sum 1 (zero-weight criteria are skipped)
 * @param lambda share of the weighted sum: 1 = WSM, 0 = WPM, in between WASPAS
 */
export function additiveScores(u: UtilityColumns, w: Float64Array, lambda: number, missing: MissingPolicy, out: Float64Array | Float32Array): void {
  const m = u.rows;
  const renormalize = missing === "renormalize";
  const needSum = lambda > 0, needProduct = lambda < 1;
  const cols: number[] = [];
  for (let j = 0; j < w.length; j++) if (w[j]! > 0) cols.push(j);
  // Per byte column: the weighted utility, its weight and its weighted ln-utility for each byte,
  // the missing byte giving NaN (exclude: it poisons the sums) or 0 (renormalize: it drops out).
  const tables = u.kind === "quantised" ? cols.map((j) => byteTables(w[j]!, renormalize)) : null;
  const sum = new Float64Array(ROW_BLOCK), wsum = new Float64Array(ROW_BLOCK), lsum = new Float64Array(ROW_BLOCK);
  for (let i0 = 0; i0 < m; i0 += ROW_BLOCK) {
    const len = Math.min(ROW_BLOCK, m - i0);
    sum.fill(0, 0, len);
    wsum.fill(0, 0, len);
    lsum.fill(0, 0, len);
    let k = 0;
    if (tables && !needProduct && !renormalize) {
      // WSM on bytes (the surface while a slider moves): four criteria per pass over the block.
      const bytes = (u as Extract<UtilityColumns, { kind: "quantised" }>).bytes;
      for (; k + 4 <= cols.length; k += 4) {
        const oa = cols[k]! * m + i0, ob = cols[k + 1]! * m + i0, oc = cols[k + 2]! * m + i0, od = cols[k + 3]! * m + i0;
        const ta = tables[k]!.sum, tb = tables[k + 1]!.sum, tc = tables[k + 2]!.sum, td = tables[k + 3]!.sum;
        for (let r = 0; r < len; r++) sum[r]! += ta[bytes[oa + r]!]! + tb[bytes[ob + r]!]! + tc[bytes[oc + r]!]! + td[bytes[od + r]!]!;
      }
    }
    for (; k < cols.length; k++) {
      const j = cols[k]!;
      if (tables) {
        const t = tables[k]!;
        const q = (u as Extract<UtilityColumns, { kind: "quantised" }>).bytes.subarray(j * m + i0, j * m + i0 + len);
        accumulateBytes(q, t.sum, t.weight, t.ln, len, needSum, needProduct, renormalize, sum, wsum, lsum);
      } else {
        const x = (u as Extract<UtilityColumns, { kind: "float" }>).columns[j]!;
        accumulateFloats(x, i0, w[j]!, len, needSum, needProduct, renormalize, sum, wsum, lsum);
      }
    }
    for (let r = 0; r < len; r++) {
      let s: number;
      if (renormalize) {
        const ws = wsum[r]!;
        if (!(ws > 0)) { out[i0 + r] = NaN; continue; }
        s = (needSum ? lambda * (sum[r]! / ws) : 0) + (needProduct ? (1 - lambda) * Math.exp(lsum[r]! / ws) : 0);
      } else {
        s = (needSum ? lambda * sum[r]! : 0) + (needProduct ? (1 - lambda) * Math.exp(lsum[r]!) : 0);
      }
      out[i0 + r] = s;
    }
  }
}

interface ByteTables { sum: Float64Array; weight: Float64Array; ln: Float64Array }

function byteTables(wj: number, renormalize: boolean): ByteTables {
  const sum = new Float64Array(256), weight = new Float64Array(256), ln = new Float64Array(256);
  for (let q = 0; q <= QUANT_SCALE; q++) {
    sum[q] = wj * (q / QUANT_SCALE);
    weight[q] = wj;
    ln[q] = wj * LN_UTILITY[q]!;
  }
  const gap = renormalize ? 0 : NaN;
  sum[QUANT_MISSING] = gap;
  ln[QUANT_MISSING] = gap;
  weight[QUANT_MISSING] = 0;
  return { sum, weight, ln };
}

function accumulateBytes(
  q: Uint8Array, ts: Float64Array, tw: Float64Array, tl: Float64Array, len: number,
  needSum: boolean, needProduct: boolean, renormalize: boolean,
  sum: Float64Array, wsum: Float64Array, lsum: Float64Array,
): void {
  // The common case (WSM, a slider moving) reads one table; otherwise one pass reads all three.
  if (!needProduct && !renormalize) {
    for (let r = 0; r < len; r++) sum[r]! += ts[q[r]!]!;
    return;
  }
  if (!needSum && !renormalize) {
    for (let r = 0; r < len; r++) lsum[r]! += tl[q[r]!]!;
    return;
  }
  for (let r = 0; r < len; r++) {
    const b = q[r]!;
    sum[r]! += ts[b]!;
    lsum[r]! += tl[b]!;
    wsum[r]! += tw[b]!;
  }
}

function accumulateFloats(
  x: Float64Array, i0: number, wj: number, len: number,
  needSum: boolean, needProduct: boolean, renormalize: boolean,
  sum: Float64Array, wsum: Float64Array, lsum: Float64Array,
): void {
  if (!renormalize) {
    // NaN (missing) propagates into the sums: the row ends unscored.
    if (needSum) for (let r = 0; r < len; r++) sum[r]! += wj * x[i0 + r]!;
    if (needProduct) for (let r = 0; r < len; r++) lsum[r]! += wj * Math.log(x[i0 + r]!);
    return;
  }
  for (let r = 0; r < len; r++) {
    const v = x[i0 + r]!;
    if (v !== v) continue;
    wsum[r]! += wj;
    if (needSum) sum[r]! += wj * v;
    if (needProduct) lsum[r]! += wj * Math.log(v);
  }
}
