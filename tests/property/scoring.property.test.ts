/**
 * Invariants of the scoring engine, checked on random problems (fast-check):
 * scaling weights changes no ranking; improving a benefit value never lowers a WSM score; scores
 * and closeness stay in [0, 1]; rankings follow the alternatives when rows are permuted; SMAA
 * acceptabilities sum to 1 per alternative and per rank. Plus the fast sort against brute force.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  METHOD_NAMES,
  rankDescending,
  scoreProblem,
  smaa,
  topsis,
  vikor,
  wsm,
  type CriterionType,
  type MethodSpec,
  type Normalization,
  type Problem,
} from "@/server/scoring";

/** Random problems with positive raw values (every normalisation is defined on them). */
const problem = (minRows = 2, maxRows = 12) =>
  fc.integer({ min: 1, max: 6 }).chain((n) =>
    fc.record({
      matrix: fc.array(fc.array(fc.double({ min: 0.5, max: 1000, noNaN: true }), { minLength: n, maxLength: n }), { minLength: minRows, maxLength: maxRows }),
      types: fc.array(fc.constantFrom<CriterionType>("benefit", "cost"), { minLength: n, maxLength: n }),
      weights: fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
    }),
  );

const normalizations: Normalization[] = ["vector", "minmax", "sum", "max"];
/** Multiply every property's number of runs, e.g. PROPERTY_RUNS_SCALE=20 for a soak run. */
const SCALE = Math.max(1, Number(process.env.PROPERTY_RUNS_SCALE ?? "1") || 1);
const runs = (n: number) => ({ numRuns: Math.round(n * SCALE) });
const EPS = 1e-12;

/** Whether every column varies (min-max and VIKOR are undefined on constant columns). */
const varies = (p: Problem) => p.types.every((_, j) => new Set((p.matrix as number[][]).map((r) => r[j])).size > 1);

describe("scoring invariants", () => {
  it("rankings are unchanged when all weights are multiplied by a constant (every method)", () => {
    fc.assert(
      fc.property(problem(), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (p, k) => {
        fc.pre(varies(p));
        const scaled = { ...p, weights: p.weights.map((w) => w * k) };
        for (const method of METHOD_NAMES) {
          expect(scoreProblem(scaled, method).ranking, method).toEqual(scoreProblem(p, method).ranking);
        }
      }),
      runs(150),
    );
  });

  it("a site that improves in a benefit criterion never loses WSM score", () => {
    fc.assert(
      fc.property(problem(), fc.nat(), fc.nat(), fc.double({ min: 0, max: 500, noNaN: true }), fc.constantFrom<Normalization>(...normalizations), (p, ri, ci, delta, normalization) => {
        fc.pre(varies(p));
        const i = ri % p.matrix.length;
        const j = ci % p.types.length;
        const benefit = { ...p, types: p.types.map((t, k) => (k === j ? "benefit" : t)) as CriterionType[] };
        fc.pre(varies(benefit));
        const better = { ...benefit, matrix: benefit.matrix.map((r, k) => (k === i ? r.map((x, c) => (c === j ? x + delta : x)) : r)) };
        // Normalisations that depend on the column (max, sum, norm) may move the others too; the
        // improved site itself must not lose score.
        const before = wsm(benefit, { normalization }).scores[i]!;
        const after = wsm(better, { normalization }).scores[i]!;
        expect(after).toBeGreaterThanOrEqual(before - 1e-12);
      }),
      runs(300),
    );
  });

  it("WSM scores, WPM scores, TOPSIS closeness and VIKOR Q stay within [0, 1]", () => {
    fc.assert(
      fc.property(problem(), fc.constantFrom<Normalization>(...normalizations), (p, normalization) => {
        fc.pre(varies(p));
        const inUnit = (xs: number[]) => xs.every((x) => x >= -EPS && x <= 1 + EPS);
        expect(inUnit(wsm(p, { normalization }).scores)).toBe(true);
        expect(inUnit(scoreProblem(p, { method: "wpm", normalization }).scores)).toBe(true);
        expect(inUnit(topsis(p, { normalization }).closeness)).toBe(true);
        expect(inUnit(vikor(p).Q)).toBe(true);
      }),
      runs(200),
    );
  });

  it("rankings follow the alternatives when rows are permuted (every method)", () => {
    fc.assert(
      fc.property(
        problem(2, 10).chain((p) => fc.tuple(fc.constant(p), fc.shuffledSubarray(p.matrix.map((_, i) => i), { minLength: p.matrix.length, maxLength: p.matrix.length }))),
        ([p, perm]) => {
          fc.pre(varies(p));
          const permuted = { ...p, matrix: perm.map((i) => p.matrix[i]!) };
          const specs: MethodSpec[] = [
            ...METHOD_NAMES.map((m) => ({ method: m }) as MethodSpec),
            { method: "topsis", normalization: "minmax" },
            { method: "promethee2", preferences: p.types.map(() => ({ type: "linear" as const, q: 1, p: 50 })) },
          ];
          for (const spec of specs) {
            const a = scoreProblem(p, spec).ranking;
            const b = scoreProblem(permuted, spec).ranking;
            perm.forEach((orig, k) => expect(b[k], spec.method).toBe(a[orig]));
          }
          const v = vikor(p), vp = vikor(permuted);
          perm.forEach((orig, k) => expect(vp.rankingWithCompromise[k]).toBe(v.rankingWithCompromise[orig]));
        },
      ),
      runs(150),
    );
  });

  it("SMAA rank acceptabilities sum to 1 per alternative and per rank", () => {
    const utilities = fc.integer({ min: 1, max: 5 }).chain((n) =>
      fc.array(fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 1)), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 12 }),
    );
    fc.assert(
      fc.property(utilities, fc.integer({ min: 1, max: 400 }), fc.integer(), (u, samples, seed) => {
        const r = smaa(u, { samples, seed });
        const m = u.length;
        for (let i = 0; i < m; i++) expect(r.rankAcceptability[i]!.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
        for (let k = 0; k < m; k++) expect(r.rankAcceptability.reduce((s, row) => s + row[k]!, 0)).toBeCloseTo(1, 9);
        for (const row of r.rankAcceptability) for (const x of row) expect(x).toBeGreaterThanOrEqual(0);
        for (const c of r.centralWeights) if (c) expect(c.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
      }),
      runs(150),
    );
  });

  it("the fast ranking equals brute-force competition ranking", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -3, max: 3 })), { maxLength: 300 }), (v) => {
        const naive = v.map((x) => 1 + v.filter((y) => y > x).length);
        expect(rankDescending(v, { tolerance: 0 })).toEqual(naive);
      }),
      runs(300),
    );
  });
});
