/** Rankings: 1 = best, ties share (1, 2, 2, 4); the fast sort agrees with a comparison sort. */
import { describe, expect, it } from "vitest";
import { argsortDescending, createRandom, rankAscending, rankDescending } from "@/server/scoring";

/** Reference competition ranking by brute force. */
function naiveRanks(v: readonly number[]): number[] {
  return v.map((x) => 1 + v.filter((y) => y > x).length);
}

describe("rankDescending / rankAscending", () => {
  it("gives 1 to the largest value and shares ranks on ties (1, 2, 2, 4)", () => {
    expect(rankDescending([0.9, 0.5, 0.5, 0.1])).toEqual([1, 2, 2, 4]);
    expect(rankDescending([1, 3, 2])).toEqual([3, 1, 2]);
  });
  it("rankAscending gives 1 to the smallest value", () => {
    expect(rankAscending([0.2, 0, 0, 1])).toEqual([3, 1, 1, 4]);
  });
  it("treats rounding noise as a tie (relative tolerance 1e-12) but not real differences", () => {
    expect(rankDescending([0.1 + 0.2, 0.3, 0.29999])).toEqual([1, 1, 3]);
    expect(rankDescending([0.1 + 0.2, 0.3], { tolerance: 0 })).toEqual([1, 2]);
  });
  it("ranks ±Infinity and rejects NaN with a typed error naming the index", () => {
    expect(rankDescending([1, Infinity, -Infinity, 0])).toEqual([2, 1, 4, 3]);
    expect(() => rankDescending([1, NaN])).toThrow(/values\[1\] is NaN/);
  });
  it("handles empty, single and all-equal inputs", () => {
    expect(rankDescending([])).toEqual([]);
    expect(rankDescending([7])).toEqual([1]);
    expect(rankDescending([2, 2, 2])).toEqual([1, 1, 1]);
  });
  it("agrees with brute force on random, duplicated, negative and clustered data", () => {
    const rng = createRandom(7);
    const cases: number[][] = [
      Array.from({ length: 2000 }, () => rng.next()),
      Array.from({ length: 2000 }, () => Math.floor(rng.next() * 50)), // many ties
      Array.from({ length: 2000 }, () => -1e6 * rng.next()),
      // one outlier and a tight cluster: exercises the comparison-sort fallback
      [1e9, ...Array.from({ length: 1999 }, () => 1 + rng.next() * 1e-9)],
      Array.from({ length: 2000 }, (_, i) => (i % 2 ? Number.MAX_VALUE : -Number.MAX_VALUE) * rng.next()),
    ];
    for (const v of cases) expect(rankDescending(v, { tolerance: 0 })).toEqual(naiveRanks(v));
  });
  it("agrees with a comparison sort past the radix-sort size (≥ 32,768 values), ties and clusters included", () => {
    const rng = createRandom(11);
    const m = 50_000;
    const reference = (v: number[]) => {
      const order = v.map((_, i) => i).sort((a, b) => v[b]! - v[a]! || a - b);
      const r = new Array<number>(m);
      order.forEach((idx, p) => { r[idx] = p > 0 && v[order[p - 1]!] === v[idx] ? r[order[p - 1]!]! : p + 1; });
      return r;
    };
    const cases: number[][] = [
      Array.from({ length: m }, () => rng.next()),
      Array.from({ length: m }, () => Math.floor(rng.next() * 300)), // many ties
      [1e9, ...Array.from({ length: m - 1 }, () => 1 + rng.next() * 1e-9)], // a cluster under one key
    ];
    for (const v of cases) expect(rankDescending(v, { tolerance: 0 })).toEqual(reference(v));
    const order = argsortDescending(cases[1]!);
    for (let p = 1; p < m; p++) {
      const a = cases[1]![order[p - 1]!]!, b = cases[1]![order[p]!]!;
      expect(a > b || (a === b && order[p - 1]! < order[p]!)).toBe(true);
    }
  });
  it("ranks small arrays correctly after large ones (the sorter's scratch is shared across calls)", () => {
    const big = Array.from({ length: 40_000 }, (_, i) => (i * 7919) % 40_000);
    expect(rankDescending(big)[0]).toBe(40_000);
    expect(rankDescending([0.2, 0.9, 0.5])).toEqual([3, 1, 2]);
    expect(rankDescending(big)[0]).toBe(40_000);
  });
  it("argsortDescending is stable: equal values keep input order", () => {
    expect(Array.from(argsortDescending([1, 3, 3, 2, 3]))).toEqual([1, 2, 4, 3, 0]);
  });
});
