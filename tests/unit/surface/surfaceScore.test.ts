/**
 * Scoring the cells of a surface: the same numbers as the scoring core's scoreUtilities on the same
 * (quantised) utilities, for WSM, WPM and WASPAS and both missing-value policies; excluded cells
 * flagged, missing never read as 0.
 */
import { describe, expect, it } from "vitest";
import { isScoringError, scoreUtilities } from "@/server/scoring";
import { QUANT_MISSING } from "@/server/schemas/surfaceFormat";
import { SCORE_EXCLUDED, scoreSurface } from "@/server/scoring/surfaceScore";

/** A deterministic pseudo-random surface: k criteria × n cells, ~5 % missing, some excluded. */
function randomSurface(n: number, k: number, seed = 7) {
  let x = seed;
  const next = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const utilities = new Uint8Array(k * n);
  for (let i = 0; i < utilities.length; i++) utilities[i] = next() < 0.05 ? QUANT_MISSING : Math.floor(next() * 255);
  const excluded = Uint8Array.from({ length: n }, () => (next() < 0.1 ? 1 : 0));
  return { n, k, utilities, excluded };
}

function asRows(s: ReturnType<typeof randomSurface>) {
  return Array.from({ length: s.n }, (_, i) => Array.from({ length: s.k }, (_, j) => {
    const q = s.utilities[j * s.n + i]!;
    return q === QUANT_MISSING ? null : q / 254;
  }));
}

describe("scoreSurface", () => {
  const s = randomSurface(400, 5);
  const weights = [3, 0, 1, 2, 0.5];
  const exclusions = Array.from(s.excluded, (e) => ({ excluded: e === 1, reasons: [] }));

  for (const missing of ["exclude", "renormalize"] as const) {
    for (const method of ["wsm", "wpm", "waspas"] as const) {
      it(`matches server/scoring scoreUtilities for ${method}, missing "${missing}"`, () => {
        const ours = scoreSurface(s, { weights, missing, method, lambda: 0.3 });
        const engine = scoreUtilities(asRows(s), weights, { method: method === "waspas" ? { method: "waspas", normalization: "none", lambda: 0.3 } : { method, normalization: "none" }, missing, exclusions });
        for (let i = 0; i < s.n; i++) {
          const e = engine.scores[i];
          if (s.excluded[i]) expect(ours.scores[i]).toBe(SCORE_EXCLUDED);
          else if (e === null || e === undefined) expect(Number.isNaN(ours.scores[i]!), `cell ${i}`).toBe(true);
          else expect(ours.scores[i]!, `cell ${i}`).toBeCloseTo(e, 6);
        }
        expect(ours.stats.scored + ours.stats.excluded + ours.stats.unscored).toBe(s.n);
      });
    }
  }

  it("ignores a missing value in a zero-weight criterion and never reads missing as 0", () => {
    // Cell 0: criterion 1 (weight 0) missing; cell 1: criterion 0 missing.
    const utilities = Uint8Array.from([254, QUANT_MISSING, /* c1 */ QUANT_MISSING, 0, /* c2 */ 127, 254]);
    const data = { n: 2, utilities, excluded: new Uint8Array(2) };
    const ex = scoreSurface(data, { weights: [1, 0, 1], missing: "exclude" });
    expect(ex.scores[0]).toBeCloseTo((1 + 0.5) / 2, 6);
    expect(Number.isNaN(ex.scores[1]!)).toBe(true);
    const re = scoreSurface(data, { weights: [1, 0, 1], missing: "renormalize" });
    expect(re.scores[1]).toBeCloseTo(1, 6); // only criterion 2 counts, not (0 + 1) / 2
  });

  it("scales with the weights only through their ratios", () => {
    const a = scoreSurface(s, { weights: [3, 0, 1, 2, 0.5], missing: "renormalize" }).scores.slice();
    const b = scoreSurface(s, { weights: [30, 0, 10, 20, 5], missing: "renormalize" }).scores;
    for (let i = 0; i < s.n; i++) if (!Number.isNaN(a[i]!)) expect(b[i]).toBeCloseTo(a[i]!, 6);
  });

  it("falls back to WSM for methods that compare every cell with every other, and says so", () => {
    const r = scoreSurface(s, { weights, missing: "exclude", method: "topsis" });
    expect(r.stats.method).toBe("wsm");
    expect(r.stats.fallback).toMatch(/TOPSIS .*weighted sum/);
  });

  it("names bad weights with the scoring core's errors (the same checks as for sites)", () => {
    const codeOf = (weights: number[]) => {
      try {
        scoreSurface(s, { weights, missing: "exclude" });
        return null;
      } catch (e) {
        return isScoringError(e) ? e.code : "other";
      }
    };
    expect(() => scoreSurface(s, { weights: [1, -1, 1, 1, 1], missing: "exclude" })).toThrow(/weights\[1\] is -1/);
    expect(codeOf([1, -1, 1, 1, 1])).toBe("NEGATIVE_WEIGHT");
    expect(codeOf([0, 0, 0, 0, 0])).toBe("ZERO_WEIGHTS");
    expect(codeOf([1, 2])).toBe("WEIGHTS_LENGTH");
  });

  it("reuses the output array it is given", () => {
    const out = new Float32Array(s.n);
    expect(scoreSurface(s, { weights, missing: "exclude" }, out).scores).toBe(out);
  });
});
