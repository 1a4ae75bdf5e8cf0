/**
 * What the product needs on top of the methods: hard exclusions with reasons, the missing-value
 * rule, per-criterion contributions, agreement between methods.
 */
import { describe, expect, it } from "vitest";
import {
  additiveScores,
  applyConstraints,
  excludeByColumn,
  kendallTau,
  mergeExclusions,
  methodAgreement,
  METHOD_NAMES,
  scoreProblem,
  scoreUtilities,
  scoreUtilityColumns,
  wsm,
  wsmContributions,
  type CriterionType,
  type HardConstraint,
} from "@/server/scoring";

describe("applyConstraints (hard exclusions, separate from weights)", () => {
  const criteria = ["grid_capacity_mw", "flood_depth_m", "jurisdiction"];
  const rows = [
    [300, 0.1, "DE"],
    [150, 0.0, "FR"], // too little capacity
    [400, 1.2, "CN"], // flooded and not allowed
    [null, 0.2, "NO"], // unknown capacity
  ];
  const constraints: HardConstraint[] = [
    { kind: "excludeBelow", criterion: 0, value: 200 },
    { kind: "excludeAbove", criterion: 1, value: 0.5 },
    { kind: "allowedValues", criterion: 2, values: ["DE", "FR", "NO"] },
  ];

  it("gives one reason per failed constraint, naming criterion, value and limit", () => {
    const ex = applyConstraints(rows, constraints, { criteria });
    expect(ex.map((e) => e.excluded)).toEqual([false, true, true, true]);
    expect(ex[1]!.reasons).toEqual([{ code: "below_minimum", criterion: 0, message: "grid_capacity_mw 150 is below the minimum 200" }]);
    expect(ex[2]!.reasons.map((r) => r.code)).toEqual(["above_maximum", "not_allowed"]);
    expect(ex[2]!.reasons[1]!.message).toContain('"CN" (string) is not among the allowed values (DE, FR, NO)');
    expect(ex[3]!.reasons[0]!.message).toBe("missing value for grid_capacity_mw: the constraint cannot be checked");
  });

  it("can keep alternatives whose constrained value is missing", () => {
    expect(applyConstraints(rows, constraints, { criteria, missing: "keep" })[3]!.excluded).toBe(false);
  });

  it("excludedValues and labels", () => {
    const ex = applyConstraints([["RU"], ["SE"]], [{ kind: "excludedValues", criterion: 0, values: ["RU"], label: "sanctioned jurisdiction" }]);
    expect(ex[0]!.reasons[0]!.message).toBe('sanctioned jurisdiction "RU" (string) is an excluded value');
    expect(ex[1]!.excluded).toBe(false);
  });

  it("mergeExclusions combines lists alternative by alternative", () => {
    const a = applyConstraints([[1], [3]], [{ kind: "excludeBelow", criterion: 0, value: 2 }]);
    const b = applyConstraints([[1], [3]], [{ kind: "excludeAbove", criterion: 0, value: 2 }]);
    expect(mergeExclusions(a, b).map((e) => e.reasons.length)).toEqual([1, 1]);
  });
});

describe("excludeByColumn (the one constraint evaluation, for sites and cells)", () => {
  const bit = (bits: Uint8Array, i: number) => (bits[i >> 3]! >> (i & 7)) & 1;

  it("marks failing and missing rows in a bitset and words their reasons on demand", () => {
    const col = { kind: "numeric" as const, values: Float32Array.from([120, NaN, 480, 480, 90]) };
    const ex = excludeByColumn(col, [{ kind: "excludeAbove", criterion: 2, value: 400, label: "grid carbon" }], 5, { missingReason: (i) => (i === 1 ? "at sea" : undefined) });
    expect([0, 1, 2, 3, 4].map((i) => bit(ex.bits, i))).toEqual([0, 1, 1, 1, 0]);
    expect(ex.count).toBe(3);
    expect(ex.reasonsAt(0)).toEqual([]);
    expect(ex.reasonsAt(1)).toEqual([{ code: "missing_value", criterion: 2, message: "missing value for grid carbon (at sea): the constraint cannot be checked" }]);
    expect(ex.reasonsAt(2)).toEqual([{ code: "above_maximum", criterion: 2, message: "grid carbon 480 is above the maximum 400" }]);
    expect(excludeByColumn(col, [{ kind: "excludeAbove", criterion: 2, value: 400 }], 5, { missing: "keep" }).count).toBe(2);
  });

  it("judges categories by key, numbers among them as numbers", () => {
    const col = { kind: "category" as const, keys: ["none", "eu_eea_gdpr", 12], index: Int16Array.from([0, 1, -1, 2]) };
    const ex = excludeByColumn(col, [{ kind: "excludedValues", criterion: 0, values: ["none"] }, { kind: "excludeBelow", criterion: 0, value: 20 }], 4, { name: "regime" });
    expect([0, 1, 2, 3].map((i) => bit(ex.bits, i))).toEqual([1, 1, 1, 1]);
    expect(ex.reasonsAt(0).map((r) => r.code)).toEqual(["excluded_value", "below_minimum"]);
    expect(ex.reasonsAt(1).map((r) => r.message)).toEqual(['regime is "eu_eea_gdpr" (string), not a number to compare with the minimum 20']);
    expect(ex.reasonsAt(3).map((r) => r.message)).toEqual(["regime 12 is below the minimum 20"]);
    expect(ex.reasonsAt(2).map((r) => r.code)).toEqual(["missing_value", "missing_value"]);
  });
});

describe("additiveScores (the kernel of sites and cells)", () => {
  it("scores float and byte columns alike, NaN where a weighted value is missing", () => {
    const w = Float64Array.from([0.75, 0.25]);
    const floats = { kind: "float" as const, rows: 3, columns: [Float64Array.from([1, 0.5, NaN]), Float64Array.from([0, 1, 1])] };
    const bytes = { kind: "quantised" as const, rows: 3, bytes: Uint8Array.from([254, 127, 255, 0, 254, 254]) };
    const a = new Float64Array(3), b = new Float64Array(3);
    additiveScores(floats, w, 1, "exclude", a);
    additiveScores(bytes, w, 1, "exclude", b);
    expect(Array.from(a)).toEqual([0.75, 0.625, NaN]);
    expect(b[0]).toBeCloseTo(0.75, 12);
    expect(b[1]).toBeCloseTo(0.75 * (127 / 254) + 0.25, 12);
    expect(b[2]).toBeNaN();
    additiveScores(floats, w, 1, "renormalize", a);
    expect(a[2]).toBe(1);
  });
});

describe("scoreUtilities (utilities in [0, 1], exclusions, missing-value rule)", () => {
  const u = [
    [0.8, 0.6, 0.4],
    [0.5, null, 0.9],
    [0.2, 0.3, { value: null, reason: "outside the climate grid" }],
    [0.9, 0.9, 0.1],
  ];
  const weights = [0.5, 0.3, 0.2];
  const names = ["carbon", "cooling", "water"];

  it('missing "exclude" (default): excluded with "missing value for criterion X", rank and score null', () => {
    const r = scoreUtilities(u, weights, { criteria: names });
    expect(r.scores[1]).toBeNull();
    expect(r.ranking).toEqual([2, null, null, 1]);
    expect(r.exclusions[1]!.reasons[0]!.message).toBe("missing value for cooling");
    expect(r.exclusions[2]!.reasons[0]!.message).toBe("missing value for water (outside the climate grid)");
    expect(r.scores[0]).toBeCloseTo(0.5 * 0.8 + 0.3 * 0.6 + 0.2 * 0.4, 15);
  });

  it('missing "renormalize": scored on the criteria it has, weights rescaled to sum 1 for it', () => {
    const r = scoreUtilities(u, weights, { missing: "renormalize" });
    expect(r.scores[1]).toBeCloseTo((0.5 * 0.5 + 0.2 * 0.9) / 0.7, 15);
    expect(r.weights[1]!.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 15);
    expect(r.weights[1]![1]).toBe(0);
    expect(r.contributions![1]!.reduce((s, x) => s + x, 0)).toBeCloseTo(r.scores[1]!, 15);
    expect(r.ranking.every((x) => x !== null)).toBe(true);
  });

  it("a missing value in a zero-weight criterion is ignored", () => {
    const r = scoreUtilities(u, [0.5, 0, 0.5]);
    expect(r.exclusions[1]!.excluded).toBe(false);
    expect(r.exclusions[2]!.excluded).toBe(true);
  });

  it("renormalize excludes an alternative with no weighted value at all", () => {
    const r = scoreUtilities([[null, 0.5], [0.4, 0.6]], [1, 0], { missing: "renormalize" });
    expect(r.exclusions[0]!.reasons[0]!.code).toBe("no_weighted_value");
    expect(r.ranking).toEqual([null, 1]);
  });

  it("hard exclusions are applied before scoring and do not move the others' scores", () => {
    const complete = [[0.8, 0.6], [0.1, 0.2], [0.9, 0.9]];
    const ex = applyConstraints([[300], [100], [250]], [{ kind: "excludeBelow", criterion: 0, value: 200 }]);
    const r = scoreUtilities(complete, [1, 1], { method: "topsis", exclusions: ex });
    expect(r.ranking).toEqual([2, null, 1]);
    // TOPSIS's ideal is taken over the kept alternatives only.
    const kept = scoreProblem({ matrix: [complete[0]!, complete[2]!], types: ["benefit", "benefit"], weights: [1, 1] }, { method: "topsis", normalization: "none" });
    expect(r.scores[0]).toBeCloseTo(kept.scores[0]!, 15);
  });

  it("scores with every method; VIKOR says lower is better; all excluded gives all null", () => {
    const complete = [[0.8, 0.6, 0.4], [0.5, 0.7, 0.9], [0.9, 0.9, 0.1]];
    for (const method of METHOD_NAMES) {
      const r = scoreUtilities(complete, weights, { method });
      expect(r.method).toBe(method);
      expect(r.ranking.filter((x) => x === 1).length).toBeGreaterThanOrEqual(1);
      expect(r.better).toBe(method === "vikor" ? "lower" : "higher");
    }
    const none = scoreUtilities([[null]], [1]);
    expect(none.scores).toEqual([null]);
  });

  it("scoreUtilityColumns gives what scoreUtilities gives for the same values as columns", () => {
    const columns = [0, 1, 2].map((j) => Float64Array.from(u, (row) => {
      const x = row[j];
      return typeof x === "number" ? x : NaN;
    }));
    for (const missing of ["exclude", "renormalize"] as const) {
      const a = scoreUtilities(u, weights, { missing, criteria: names });
      const b = scoreUtilityColumns({ rows: 4, columns }, weights, { missing, criteria: names, missingReason: (i, j) => (i === 2 && j === 2 ? "outside the climate grid" : undefined) });
      expect(b).toEqual(a);
    }
  });

  it("VIKOR on utilities tolerates a criterion on which all sites are equal", () => {
    const r = scoreUtilities([[1, 0.2], [1, 0.8]], [0.5, 0.5], { method: "vikor" });
    expect(r.ranking).toEqual([2, 1]);
  });
});

describe("wsmContributions", () => {
  it("decomposes each WSM score into utility × weight per criterion", () => {
    const p = { matrix: [[250, 16, 12], [200, 16, 8], [300, 32, 16]], types: ["cost", "benefit", "benefit"] as CriterionType[], weights: [2, 1, 1] };
    const c = wsmContributions(p, { normalization: "minmax" });
    const plain = wsm(p, { normalization: "minmax" });
    c.contributions.forEach((row, i) => expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(plain.scores[i]!, 12));
    expect(c.ranking).toEqual(plain.ranking);
    expect(c.weights).toEqual([0.5, 0.25, 0.25]);
    expect(c.utilities[1]).toEqual([1, 0, 0]);
    expect(c.contributions[1]).toEqual([0.5, 0, 0]);
  });
  it("marks zero-weight criteria with a null utility and a zero contribution", () => {
    const c = wsmContributions({ matrix: [[1, 5], [2, 5]], types: ["benefit", "benefit"], weights: [1, 0] }, { normalization: "minmax" });
    expect(c.utilities[0]).toEqual([0, null]);
    expect(c.contributions[0]).toEqual([0, 0]);
  });
});

describe("kendallTau / methodAgreement", () => {
  /** Brute-force tau-b. */
  function tauB(a: number[], b: number[]): number {
    let c = 0, d = 0, ta = 0, tb = 0;
    for (let i = 0; i < a.length; i++) for (let j = i + 1; j < a.length; j++) {
      const x = Math.sign(a[i]! - a[j]!), y = Math.sign(b[i]! - b[j]!);
      if (x === 0 && y === 0) continue;
      if (x === 0) ta++;
      else if (y === 0) tb++;
      else if (x === y) c++;
      else d++;
    }
    return (c - d) / Math.sqrt((c + d + ta) * (c + d + tb));
  }

  it("is 1 for the same order, −1 for the reverse, and tau-b with ties", () => {
    expect(kendallTau([1, 2, 3, 4], [1, 2, 3, 4])).toBe(1);
    expect(kendallTau([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
    const a = [1, 2, 2, 4, 5, 5, 7], b = [2, 1, 3, 3, 6, 5, 7];
    expect(kendallTau(a, b)).toBeCloseTo(tauB(a, b), 14);
  });

  it("matches brute force on random rankings with many ties", () => {
    let seed = 9;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let k = 0; k < 20; k++) {
      const n = 5 + Math.floor(rnd() * 60);
      const a = Array.from({ length: n }, () => Math.floor(rnd() * 8));
      const b = Array.from({ length: n }, () => Math.floor(rnd() * 8));
      expect(kendallTau(a, b)).toBeCloseTo(tauB(a, b), 12);
    }
  });

  it("leaves out excluded alternatives and is null when undefined", () => {
    expect(kendallTau([1, null, 2], [1, 3, 2])).toBe(1);
    expect(kendallTau([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(kendallTau([1], [1])).toBeNull();
  });

  it("methodAgreement gives the symmetric matrix of tau between methods", () => {
    const p = { matrix: [[0.9, 0.2], [0.4, 0.9], [0.6, 0.6], [0.2, 0.3]], types: ["benefit", "benefit"] as CriterionType[], weights: [0.5, 0.5] };
    const rankings = Object.fromEntries(METHOD_NAMES.map((m) => [m, scoreProblem(p, m).ranking]));
    const a = methodAgreement(rankings);
    expect(a.methods).toEqual([...METHOD_NAMES]);
    a.tau.forEach((row, i) => row.forEach((t, j) => expect(t).toBe(a.tau[j]![i])));
    expect(a.tau[0]![0]).toBe(1);
  });
});
