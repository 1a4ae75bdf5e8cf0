/**
 * Rank-order centroid weights (Barron & Barrett 1996, "Decision quality using ranked attribute
 * weights", Management Science 42(11):1515-1523): the centroid of the set of weight vectors
 * consistent with the importance order,
 *
 *   w_(k) = (1/n) Σ_{i=k}^{n} 1/i   for the criterion ranked k-th.
 *
 * Tied criteria (same rank) share the mean of the centroid weights of the positions they occupy,
 * e.g. ranks [1, 2, 2] give positions 2 and 3 to the tied pair.
 */
import { ScoringError } from "./errors";
import { describeValue } from "./validate";

/**
 * ROC weights from an importance ranking.
 *
 * @param order order[i] = importance rank of criterion i (1 = most important); ties share a
 *              rank as in a competition ranking (1, 2, 2, 4)
 * @returns one weight per criterion, summing to 1
 */
export function rocWeights(order: ArrayLike<number>): number[] {
  const n = order?.length ?? 0;
  if (n === 0) throw new ScoringError("INVALID_ORDER", "order is empty: give the importance rank of each criterion");
  const count = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const r = order[i] as number;
    if (typeof r !== "number" || !Number.isInteger(r) || r < 1 || r > n) {
      throw new ScoringError("INVALID_ORDER", `order[${i}] is ${describeValue(r)}: expected an integer rank in 1..${n}`, { column: i });
    }
    count[r]!++;
  }
  // A competition ranking: a group of t criteria with rank r occupies positions r..r+t−1 and the
  // next rank is r+t.
  for (let r = 1, expected = 1; r <= n; r++) {
    if (count[r] === 0) continue;
    if (r !== expected) {
      throw new ScoringError("INVALID_ORDER", `rank ${r} follows ${expected - 1} better-ranked criteria, so it should be ${expected}: ranks must be 1..n with ties sharing (1, 2, 2, 4)`);
    }
    expected = r + count[r]!;
  }
  const centroid = new Float64Array(n + 1); // centroid[k] for position k (1-based)
  let tail = 0;
  for (let k = n; k >= 1; k--) {
    tail += 1 / k;
    centroid[k] = tail / n;
  }
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const r = order[i]!;
    const t = count[r]!;
    let s = 0;
    for (let k = r; k < r + t; k++) s += centroid[k]!;
    out[i] = s / t;
  }
  return out;
}
