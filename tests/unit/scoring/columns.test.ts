/** Column matrices (one Float64Array per criterion, the evaluator's form) score exactly as rows do. */
import { describe, expect, it } from "vitest";
import { createRandom, METHOD_NAMES, scoreProblem, smaa, toColumnMatrix, topsis, vikor, type CriterionType } from "@/server/scoring";

function rows(m: number, n: number, seed: number): number[][] {
  const rng = createRandom(seed);
  return Array.from({ length: m }, () => Array.from({ length: n }, (_, j) => 10 ** (j % 3) * (1 + rng.next())));
}

describe("ColumnMatrix input", () => {
  const matrix = rows(300, 5, 3);
  const types: CriterionType[] = ["benefit", "cost", "benefit", "cost", "benefit"];
  const weights = [3, 1, 0, 2, 1];
  const columns = toColumnMatrix(matrix);

  it("holds column j of the rows in columns[j]", () => {
    expect(columns.rows).toBe(300);
    expect(columns.columns[3]![17]).toBe(matrix[17]![3]);
  });
  it("gives the same scores and ranking as rows for every method", () => {
    for (const method of METHOD_NAMES) {
      const a = scoreProblem({ matrix, types, weights }, method);
      const b = scoreProblem({ matrix: columns, types, weights }, method);
      expect(b.ranking, method).toEqual(a.ranking);
      expect(b.scores, method).toEqual(a.scores);
    }
    expect(topsis({ matrix: columns, types, weights }).distanceToIdeal).toEqual(topsis({ matrix, types, weights }).distanceToIdeal);
    expect(vikor({ matrix: columns, types, weights }).compromise).toEqual(vikor({ matrix, types, weights }).compromise);
  });
  it("gives the same SMAA result as rows", () => {
    const u = rows(40, 4, 9).map((r) => r.map((x) => x / 1000));
    expect(smaa(toColumnMatrix(u), { samples: 500, seed: 1 })).toEqual(smaa(u, { samples: 500, seed: 1 }));
  });
  it("names a non-finite value by row and column, and a short column", () => {
    const bad = { rows: 3, columns: [new Float64Array([1, 2, 3]), new Float64Array([1, NaN, 3])] };
    expect(() => scoreProblem({ matrix: bad, types: ["benefit", "benefit"], weights: [1, 1] }, "wsm")).toThrow(/matrix\[1\]\[1\] is NaN/);
    const short = { rows: 3, columns: [new Float64Array([1, 2, 3]), new Float64Array([1, 3])] };
    expect(() => scoreProblem({ matrix: short, types: ["benefit", "benefit"], weights: [1, 1] }, "wsm")).toThrow(/column 1 has 2 values/);
  });
});
