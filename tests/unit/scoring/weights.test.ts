/** AHP priorities and consistency; entropy, CRITIC and rank-order-centroid weights. */
import { describe, expect, it } from "vitest";
import { ahp, criticWeights, entropyWeights, RANDOM_INDEX, randomIndex, rocWeights } from "@/server/scoring";

const sum = (w: readonly number[]) => w.reduce((s, x) => s + x, 0);

describe("ahp", () => {
  it("recovers the weights of a perfectly consistent matrix with λmax = n and CR = 0", () => {
    const w = [0.5, 0.3, 0.2];
    const a = w.map((wi) => w.map((wj) => wi / wj));
    const r = ahp(a);
    r.weights.forEach((x, i) => expect(x).toBeCloseTo(w[i]!, 12));
    expect(r.lambdaMax).toBeCloseTo(3, 12);
    expect(r.ci).toBeCloseTo(0, 12);
    expect(r.cr).toBeCloseTo(0, 12);
  });
  it("names the random-index table used, and CR changes with it", () => {
    const a = [[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]];
    const s80 = ahp(a, { randomIndex: "saaty1980" });
    const dd = ahp(a, { randomIndex: "doneganDodd1991" });
    expect(s80.ri).toBe(0.58);
    expect(dd.ri).toBe(0.4914);
    expect(s80.randomIndexTable).toBe("saaty1980");
    expect(dd.cr).toBeGreaterThan(s80.cr);
    expect(s80.ci).toBeCloseTo(dd.ci, 15);
  });
  it("is consistent by construction for n ≤ 2", () => {
    expect(ahp([[1]]).weights).toEqual([1]);
    const r = ahp([[1, 4], [0.25, 1]]);
    expect(r.weights[0]).toBeCloseTo(0.8, 12);
    expect(r.cr).toBe(0);
  });
  it("exposes the tables; RI is 0 for n ≤ 2 and undefined beyond a table", () => {
    expect(randomIndex(2, "saaty1980")).toBe(0);
    expect(randomIndex(11, "saaty1980")).toBeUndefined();
    expect(RANDOM_INDEX.aguaronMorenoJimenez2003[16]).toBe(1.595);
  });
});

describe("entropyWeights", () => {
  it("gives no weight to a uniform column and sums to 1", () => {
    const w = entropyWeights([[1, 5, 1], [1, 1, 2], [1, 9, 3]]);
    expect(w[0]).toBeCloseTo(0, 15);
    expect(sum(w)).toBeCloseTo(1, 12);
    expect(w[1]).toBeGreaterThan(w[2]!); // 5, 1, 9 is more uneven than 1, 2, 3
  });
  it("treats 0 · ln 0 as 0", () => {
    const w = entropyWeights([[0, 1], [1, 1]]);
    expect(w).toEqual([1, 0]);
  });
});

describe("criticWeights", () => {
  it("sums to 1 and rewards contrast and conflict", () => {
    const m = [[1, 10, 5], [2, 20, 4], [3, 30, 1], [4, 40, 3]];
    const w = criticWeights(m, ["benefit", "benefit", "benefit"]);
    expect(sum(w)).toBeCloseTo(1, 12);
    // Columns 0 and 1 are perfectly correlated copies: equal weights.
    expect(w[0]).toBeCloseTo(w[1]!, 12);
  });
  it("orients cost criteria before measuring correlation", () => {
    const m = [[1, 10], [2, 8], [3, 9], [4, 1]];
    const asBenefit = criticWeights(m, ["benefit", "benefit"]);
    const asCost = criticWeights(m, ["benefit", "cost"]);
    expect(asBenefit).not.toEqual(asCost);
  });
});

describe("rocWeights", () => {
  it("is the rank-order centroid (Barron & Barrett 1996)", () => {
    const w = rocWeights([2, 1, 3]);
    expect(w[1]).toBeCloseTo(11 / 18, 15);
    expect(w[0]).toBeCloseTo(5 / 18, 15);
    expect(w[2]).toBeCloseTo(2 / 18, 15);
  });
  it("shares the centroid weights of tied positions", () => {
    const w = rocWeights([1, 2, 2]);
    expect(w[1]).toBeCloseTo((5 / 18 + 2 / 18) / 2, 15);
    expect(w[2]).toBe(w[1]);
    expect(sum(w)).toBeCloseTo(1, 15);
    expect(rocWeights([1, 1])).toEqual([0.5, 0.5]);
  });
});
