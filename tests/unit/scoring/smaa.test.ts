/** SMAA-2: reproducible, uniform on the simplex, shares ties, honours weight constraints. */
import { describe, expect, it } from "vitest";
import { createRandom, sampleSimplex, smaa } from "@/server/scoring";

const rowSums = (a: number[][]) => a.map((r) => r.reduce((s, x) => s + x, 0));
const colSums = (a: number[][]) => a[0]!.map((_, r) => a.reduce((s, row) => s + row[r]!, 0));

describe("smaa", () => {
  const u = [[0.9, 0.2, 0.4], [0.3, 0.8, 0.5], [0.5, 0.5, 0.5], [0.1, 0.1, 0.1]];

  it("is reproducible from its seed", () => {
    const a = smaa(u, { samples: 2000, seed: 42 });
    const b = smaa(u, { samples: 2000, seed: 42 });
    const c = smaa(u, { samples: 2000, seed: 43 });
    expect(a).toEqual(b);
    expect(a.rankAcceptability).not.toEqual(c.rankAcceptability);
  });

  it("acceptabilities sum to 1 per alternative and per rank", () => {
    const r = smaa(u, { samples: 3001, seed: 1 });
    for (const s of [...rowSums(r.rankAcceptability), ...colSums(r.rankAcceptability)]) expect(s).toBeCloseTo(1, 12);
    expect(r.samples).toBe(3001);
  });

  it("a dominated alternative is always last: no central weights, confidence 0", () => {
    const r = smaa(u, { samples: 2000, seed: 3 });
    expect(r.rankAcceptability[3]).toEqual([0, 0, 0, 1]);
    expect(r.centralWeights[3]).toBeNull();
    expect(r.confidence[3]).toBe(0);
  });

  it("central weights lie on the simplex and favour the alternative's strengths", () => {
    const r = smaa(u, { samples: 5000, seed: 4 });
    const c0 = r.centralWeights[0]!;
    expect(c0.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(c0[0]).toBeGreaterThan(c0[1]!);
    expect(r.confidence[0]).toBe(1);
  });

  it("shares ranks between identical alternatives", () => {
    const r = smaa([[1, 0], [1, 0], [0, 1]], { samples: 4000, seed: 5 });
    expect(r.rankAcceptability[0]).toEqual(r.rankAcceptability[1]);
    for (const s of [...rowSums(r.rankAcceptability), ...colSums(r.rankAcceptability)]) expect(s).toBeCloseTo(1, 12);
    // Every sample ties them over ranks 1–2 or 2–3: rank 2 gets exactly half, ranks 1 and 3 a quarter each.
    expect(r.rankAcceptability[0]![1]).toBeCloseTo(0.5, 12);
    expect(r.rankAcceptability[0]![0]).toBeCloseTo(0.25, 1);
  });

  it("stays exact beyond 65,535 samples (16-bit counters spill into 32-bit ones)", () => {
    const samples = 70_001;
    const r = smaa([[1, 0], [0, 1], [0.2, 0.2]], { samples, seed: 8 });
    for (const row of r.rankAcceptability) for (const x of row) expect(Math.abs(x * samples - Math.round(x * samples))).toBeLessThan(1e-6);
    for (const s of [...rowSums(r.rankAcceptability), ...colSums(r.rankAcceptability)]) expect(s).toBeCloseTo(1, 12);
    expect(r.rankAcceptability[0]![0]).toBeCloseTo(0.5, 2);
    // u2 = 0.2 beats min(w0, w1) exactly when it is below 0.2: probability 0.4.
    expect(r.rankAcceptability[2]![0]).toBe(0);
    expect(r.rankAcceptability[2]![1]).toBeCloseTo(0.4, 2);
  });

  it("one criterion, one alternative and all-equal utilities are handled", () => {
    expect(smaa([[0.3], [0.7]], { samples: 10, seed: 1 }).rankAcceptability).toEqual([[0, 1], [1, 0]]);
    expect(smaa([[0.5, 0.5]], { samples: 10, seed: 1 }).rankAcceptability).toEqual([[1]]);
    const flat = smaa([[0.5, 0.5], [0.5, 0.5]], { samples: 10, seed: 1 });
    expect(flat.rankAcceptability).toEqual([[0.5, 0.5], [0.5, 0.5]]);
    expect(flat.confidence).toEqual([0.5, 0.5]);
  });

  it("interval bounds: every sampled weight respects them (seen through the central weights)", () => {
    const r = smaa([[1, 0, 0], [0, 1, 0], [0, 0, 1]], { samples: 3000, seed: 6, weights: { bounds: [[0.5, 1], [0, 0.3], [0, 1]] } });
    // w1 ≥ 0.5 always exceeds w2 ≤ 0.3 and usually w3: alternative 0 is first with probability 1.
    expect(r.rankAcceptability[0]![0]).toBe(1);
    const c = r.centralWeights[0]!;
    expect(c[0]).toBeGreaterThanOrEqual(0.5);
    expect(c[1]).toBeLessThanOrEqual(0.3);
    expect(r.attempts).toBeGreaterThanOrEqual(r.samples);
  });

  it("importance order w0 ≥ w1 ≥ w2 is enforced exactly (no rejection)", () => {
    const r = smaa([[1, 0, 0], [0, 1, 0], [0, 0, 1]], { samples: 2000, seed: 7, weights: { order: [0, 1, 2] } });
    expect(r.rankAcceptability[0]![0]).toBe(1);
    expect(r.rankAcceptability[2]![2]).toBe(1);
    expect(r.attempts).toBe(2000);
    // The centroid of the ordered simplex is the ROC vector (11, 5, 2)/18.
    const c = r.centralWeights[0]!;
    expect(c[0]).toBeCloseTo(11 / 18, 1);
    expect(c[2]).toBeCloseTo(2 / 18, 1);
  });
});

describe("sampleSimplex", () => {
  it("is uniform on the simplex: each coordinate has mean 1/n and Beta(1, n−1) variance", () => {
    const rng = createRandom(11);
    const n = 4;
    const w = new Float64Array(n);
    let mean = 0, sq = 0;
    const N = 40000;
    for (let s = 0; s < N; s++) {
      sampleSimplex(rng, w);
      expect(Math.abs(w.reduce((a, x) => a + x, 0) - 1)).toBeLessThan(1e-12);
      mean += w[0]!;
      sq += w[0]! * w[0]!;
    }
    mean /= N;
    const variance = sq / N - mean * mean;
    expect(mean).toBeCloseTo(1 / n, 2);
    expect(variance).toBeCloseTo((n - 1) / (n * n * (n + 1)), 3); // Beta(1, 3): 3/80
  });
});

describe("createRandom", () => {
  it("is deterministic per seed and returns values in (0, 1)", () => {
    const a = createRandom(1), b = createRandom(1), c = createRandom(2);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(xs[0]).not.toBe(c.next());
    expect(xs.every((x) => x > 0 && x < 1)).toBe(true);
  });
});
