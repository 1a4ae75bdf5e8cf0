/** Behaviour of the ranking methods beyond the published cases: defaults, options, edge cases. */
import { describe, expect, it } from "vitest";
import {
  normalize,
  promethee2,
  scoreProblem,
  topsis,
  vikor,
  waspas,
  wpm,
  wsm,
  type CriterionType,
  type Preference,
} from "@/server/scoring";

const close = (a: readonly number[], b: readonly number[], tol = 1e-12) => {
  expect(a.length).toBe(b.length);
  a.forEach((x, i) => expect(Math.abs(x - b[i]!), `index ${i}: ${x} vs ${b[i]}`).toBeLessThanOrEqual(tol));
};

describe("normalize", () => {
  const m = [[1, 4], [2, 2], [4, 1]];
  const t: CriterionType[] = ["benefit", "cost"];
  it("vector: x/√Σx² for benefit, 1 − x/√Σx² for cost", () => {
    const n0 = Math.sqrt(21);
    close(normalize(m, t, "vector").map((r) => r[0]!), [1 / n0, 2 / n0, 4 / n0]);
    close(normalize(m, t, "vector").map((r) => r[1]!), [1 - 4 / n0, 1 - 2 / n0, 1 - 1 / n0]);
  });
  it("minmax: (x − min)/(max − min), cost (max − x)/(max − min)", () => {
    close(normalize(m, t, "minmax").flat(), [0, 0, 1 / 3, 2 / 3, 1, 1]);
  });
  it("sum: x/Σx, cost (1/x)/Σ(1/x)", () => {
    const inv = 1 / 4 + 1 / 2 + 1;
    close(normalize(m, t, "sum").flat(), [1 / 7, 0.25 / inv, 2 / 7, 0.5 / inv, 4 / 7, 1 / inv]);
  });
  it("max: x/max, cost min/x", () => {
    close(normalize(m, t, "max").flat(), [0.25, 0.25, 0.5, 0.5, 1, 1]);
  });
  it("accepts typed-array rows", () => {
    close(normalize([Float64Array.of(1, 4), Float64Array.of(4, 1)], t, "minmax").flat(), [0, 0, 1, 1]);
  });
});

describe("WSM, WPM and WASPAS", () => {
  const p = { matrix: [[250, 16, 12, 5], [200, 16, 8, 3], [300, 32, 16, 4], [275, 32, 8, 4], [225, 16, 16, 2]], types: ["cost", "benefit", "benefit", "benefit"] as CriterionType[], weights: [0.25, 0.25, 0.25, 0.25] };

  it("WSM defaults to linear (max) normalisation and scores in [0, 1]", () => {
    const r = wsm(p);
    close(r.scores, wsm(p, { normalization: "max" }).scores);
    for (const s of r.scores) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    // Hand computation for alternative 0: (200/250 + 16/32 + 12/16 + 5/5) / 4
    expect(r.scores[0]).toBeCloseTo((0.8 + 0.5 + 0.75 + 1) / 4, 12);
  });

  it("weights are normalised to sum 1 (scaling them changes nothing)", () => {
    close(wsm({ ...p, weights: [2, 2, 2, 2] }).scores, wsm(p).scores);
  });

  it("ties share a rank: 1, 2, 2, 4", () => {
    const r = wsm({ matrix: [[3], [2], [2], [1]], types: ["benefit"], weights: [1] });
    expect(r.ranking).toEqual([1, 2, 2, 4]);
  });

  it("WPM is the weighted product of normalised values", () => {
    const r = wpm(p);
    const expected0 = Math.pow(0.8, 0.25) * Math.pow(0.5, 0.25) * Math.pow(0.75, 0.25) * 1;
    expect(r.scores[0]).toBeCloseTo(expected0, 12);
  });

  it("WASPAS is WSM at λ = 1, WPM at λ = 0, their mean at λ = 0.5", () => {
    close(waspas(p, { lambda: 1 }).scores, wsm(p).scores);
    close(waspas(p, { lambda: 0 }).scores, wpm(p).scores);
    const mid = waspas(p);
    close(mid.scores, mid.wsmScores.map((s, i) => 0.5 * s + 0.5 * mid.wpmScores[i]!));
  });

  it("a zero weight switches a criterion off", () => {
    const off = wsm({ ...p, weights: [1, 0, 0, 0] });
    expect(off.ranking).toEqual([3, 1, 5, 4, 2]); // cost only: 200 < 225 < 250 < 275 < 300
  });
});

describe("TOPSIS", () => {
  const p = { matrix: [[1, 3000], [2, 3750], [5, 4500]], types: ["cost", "benefit"] as CriterionType[], weights: [0.5, 0.5] };

  it("the normalisation is explicit and changes the winner (Opricovic & Tzeng 2004)", () => {
    expect(topsis(p).ranking[0]).toBe(1); // vector (default): A1 wins
    expect(topsis(p, { normalization: "minmax" }).ranking).toEqual([2, 1, 2]); // A2 wins
  });

  it("vector and min-max readings of cost criteria give the same distances either way", () => {
    // Classical (r = x/‖x‖, ideal = min for cost) equals flipping the cost column by hand.
    const flipped = { matrix: p.matrix.map(([a, b]) => [-a!, b!]), types: ["benefit", "benefit"] as CriterionType[], weights: p.weights };
    close(topsis(p, { normalization: "minmax" }).closeness, topsis(flipped, { normalization: "minmax" }).closeness);
  });

  it("closeness is 1 at the ideal, and 1 for everyone when nothing discriminates", () => {
    const dominant = topsis({ matrix: [[5, 1], [1, 5], [1, 1]], types: ["benefit", "cost"], weights: [1, 1] });
    expect(dominant.closeness[0]).toBe(1);
    expect(dominant.closeness[1]).toBe(0); // the anti-ideal itself
    expect(dominant.closeness[2]).toBeCloseTo(0.5, 15);
    expect(topsis({ matrix: [[2, 3]], types: ["benefit", "cost"], weights: [1, 1] }).closeness).toEqual([1]);
  });

  it("reports weighted ideal and anti-ideal and both distances", () => {
    const r = topsis(p, { normalization: "minmax" });
    close(r.ideal, [0.5, 0.5]);
    close(r.antiIdeal, [0, 0]);
    close(r.closeness, r.distanceToAntiIdeal.map((d, i) => d / (d + r.distanceToIdeal[i]!)));
  });
});

describe("VIKOR", () => {
  it("when only acceptable stability fails, the compromise set is the two best by Q", () => {
    // A3 is best by Q and ahead of A2 by more than DQ = 1/5 (C1 holds), but A4 is best by S and
    // A2 best by R (C2 fails): the compromise set is {A3, A2}.
    const p = {
      matrix: [[6, 1, 5, 3], [1, 5, 2, 2], [5, 2, 4, 8], [5, 9, 1, 6], [4, 2, 1, 3], [1, 1, 7, 4]],
      types: ["benefit", "benefit", "benefit", "benefit"] as CriterionType[],
      weights: [2, 3, 3, 2],
    };
    const r = vikor(p);
    expect(r.ranking).toEqual([4, 2, 1, 3, 6, 5]);
    expect(r.acceptableAdvantage).toBe(true);
    expect(r.acceptableStability).toBe(false);
    expect(r.compromise).toEqual([1, 2]);
    expect(r.rankingWithCompromise).toEqual([3, 1, 1, 2, 5, 4]);
  });

  it("alternatives tied for second place by Q all join the compromise set when stability fails", () => {
    const r = vikor({ matrix: [[3, 8], [7, 3], [4, 4], [8, 2]], types: ["benefit", "benefit"], weights: [1, 1] });
    expect(r.Q[1]).toBeLessThan(r.Q[0]!);
    expect([r.acceptableAdvantage, r.acceptableStability]).toEqual([true, false]);
    expect(r.compromise).toEqual([0, 1, 2, 3]);
  });

  it("v = 1 ranks by S alone and v = 0 by R alone", () => {
    const p = { matrix: [[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]], types: ["benefit", "benefit", "benefit"] as CriterionType[], weights: [0.3, 0.4, 0.3] };
    const s = vikor(p, { v: 1 });
    const r = vikor(p, { v: 0 });
    expect(s.ranking).toEqual([3, 2, 1, 4]); // S = [0.6, 0.3, 0.15, 0.65]
    expect(r.ranking).toEqual([3, 2, 1, 4]); // R = [0.3, 0.2, 0.15, 0.4]
  });

  it("is invariant under positive affine transforms of a criterion", () => {
    const p = { matrix: [[1, 3000], [2, 3750], [5, 4500]], types: ["cost", "benefit"] as CriterionType[], weights: [0.5, 0.5] };
    const q = { ...p, matrix: p.matrix.map(([a, b]) => [a! + 5, b! / 1000 - 1]) };
    close(vikor(p).Q, vikor(q).Q, 1e-12);
  });

  it("one alternative is its own compromise", () => {
    const r = vikor({ matrix: [[1, 2]], types: ["benefit", "cost"], weights: [1, 1] }, { onConstant: "ignore" });
    expect(r.ranking).toEqual([1]);
    expect(r.compromise).toEqual([0]);
    expect(r.rankingWithCompromise).toEqual([1]);
  });
});

describe("PROMETHEE II preference functions", () => {
  // Two alternatives differing by d on one criterion: φ(a) = P(d), φ(b) = −P(d) (n − 1 = 1).
  const flow = (d: number, f: Preference) => promethee2({ matrix: [[d], [0]], types: ["benefit"], weights: [1] }, { preferences: [f] }).netFlow[0]!;
  it("usual: 1 for any positive difference", () => {
    expect(flow(0.001, { type: "usual" })).toBe(1);
    expect(flow(0, { type: "usual" })).toBe(0);
  });
  it("U-shape: 1 beyond q", () => {
    expect(flow(1, { type: "ushape", q: 1 })).toBe(0);
    expect(flow(1.5, { type: "ushape", q: 1 })).toBe(1);
  });
  it("V-shape: d/p up to p", () => {
    expect(flow(0.5, { type: "vshape", p: 2 })).toBeCloseTo(0.25, 15);
    expect(flow(3, { type: "vshape", p: 2 })).toBe(1);
  });
  it("level: ½ between q and p", () => {
    expect(flow(1, { type: "level", q: 1, p: 2 })).toBe(0);
    expect(flow(1.5, { type: "level", q: 1, p: 2 })).toBe(0.5);
    expect(flow(2.5, { type: "level", q: 1, p: 2 })).toBe(1);
  });
  it("linear: (d − q)/(p − q) between q and p", () => {
    expect(flow(1.5, { type: "linear", q: 1, p: 2 })).toBeCloseTo(0.5, 15);
    expect(flow(3, { type: "linear", q: 1, p: 2 })).toBe(1);
  });
  it("Gaussian: 1 − exp(−d²/2s²)", () => {
    expect(flow(1, { type: "gaussian", s: 1 })).toBeCloseTo(1 - Math.exp(-0.5), 15);
  });
  it("cost criteria prefer the lower value; flows divide by n − 1", () => {
    const r = promethee2({ matrix: [[1], [2], [3]], types: ["cost"], weights: [1] }, { preferences: [{ type: "usual" }] });
    close(r.positiveFlow, [1, 0.5, 0]);
    close(r.negativeFlow, [0, 0.5, 1]);
    expect(r.ranking).toEqual([1, 2, 3]);
  });
});

describe("scoreProblem", () => {
  const p = { matrix: [[1, 2], [2, 1], [3, 3]], types: ["benefit", "cost"] as CriterionType[], weights: [1, 1] };
  it("dispatches by name and says which direction is better", () => {
    expect(scoreProblem(p, "vikor").better).toBe("lower");
    expect(scoreProblem(p, "topsis").better).toBe("higher");
    expect(scoreProblem(p, { method: "topsis", normalization: "minmax" }).scores).toEqual(topsis(p, { normalization: "minmax" }).closeness);
    expect(scoreProblem(p, "promethee2").ranking).toEqual(promethee2(p, { preferences: [{ type: "usual" }, { type: "usual" }] }).ranking);
  });
  it("accepts typed arrays for rows and weights", () => {
    const typed = { matrix: p.matrix.map((r) => Float64Array.from(r)), types: p.types, weights: Float64Array.of(1, 1) };
    expect(scoreProblem(typed, "wsm").scores).toEqual(scoreProblem(p, "wsm").scores);
  });
});
