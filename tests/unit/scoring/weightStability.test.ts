/** Weight stability intervals: exact for WSM, bisection for the others, checked by brute force. */
import { describe, expect, it } from "vitest";
import { scoreProblem, weightStability, type CriterionType, type MethodName, type Problem } from "@/server/scoring";

const p: Problem = {
  matrix: [[0.9, 0.2, 0.5], [0.4, 0.9, 0.4], [0.6, 0.6, 0.6], [0.2, 0.3, 0.9]],
  types: ["benefit", "benefit", "benefit"] as CriterionType[],
  weights: [0.4, 0.35, 0.25],
};

/** Whether `top` is first when weight j is set to t and the others rescaled proportionally. */
function staysFirst(method: MethodName, j: number, t: number, top: number): boolean {
  const w = p.weights as number[];
  const rest = 1 - w[j]!;
  const moved = w.map((x, k) => (k === j ? t : (x * (1 - t)) / rest));
  return scoreProblem({ ...p, weights: moved }, method).ranking[top] === 1;
}

describe("weightStability", () => {
  for (const method of ["wsm", "topsis", "vikor", "promethee2", "wpm"] as MethodName[]) {
    it(`${method}: the top alternative stays first inside [lower, upper] and loses just outside`, () => {
      const top = scoreProblem(p, method).ranking.indexOf(1);
      const res = weightStability(p, method);
      expect(res.map((r) => r.criterion)).toEqual([0, 1, 2]);
      for (const r of res) {
        expect(r.lower).toBeLessThanOrEqual(r.weight);
        expect(r.upper).toBeGreaterThanOrEqual(r.weight);
        for (let k = 0; k <= 20; k++) {
          const t = r.lower + ((r.upper - r.lower) * k) / 20;
          expect(staysFirst(method, r.criterion, t, top), `${method} c${r.criterion} t=${t}`).toBe(true);
        }
        if (r.lower > 1e-6) {
          expect(staysFirst(method, r.criterion, r.lower - 1e-6, top)).toBe(false);
          expect(r.rivalBelow).not.toBeNull();
        } else expect(r.lower).toBe(0);
        if (r.upper < 1 - 1e-6) {
          expect(staysFirst(method, r.criterion, r.upper + 1e-6, top)).toBe(false);
          expect(r.rivalAbove).not.toBeNull();
        } else expect(r.upper).toBe(1);
      }
    });
  }

  it("WSM boundaries are exact: the two leaders tie at the boundary", () => {
    const [r0] = weightStability(p, "wsm");
    const t = r0!.upper;
    const rest = 1 - 0.4;
    const w = [t, (0.35 * (1 - t)) / rest, (0.25 * (1 - t)) / rest];
    const s = scoreProblem({ ...p, weights: w }, { method: "wsm", normalization: "max" }).scores;
    expect(s[0]).toBeCloseTo(s[r0!.rivalAbove!]!, 12);
  });

  it("a single criterion has the trivial interval [1, 1]", () => {
    expect(weightStability({ matrix: [[1], [2]], types: ["benefit"], weights: [1] })).toEqual([
      { criterion: 0, weight: 1, lower: 1, upper: 1, rivalBelow: null, rivalAbove: null },
    ]);
  });
});
