/**
 * Every typed error of the scoring engine: bad input throws a ScoringError with a stable code and
 * a message (and fields) naming the row, column, cell or option at fault.
 */
import { describe, expect, it } from "vitest";
import {
  ahp,
  applyConstraints,
  applyValueFunctions,
  criticWeights,
  entropyWeights,
  isScoringError,
  kendallTau,
  normalize,
  promethee2,
  rocWeights,
  scoreProblem,
  scoreUtilities,
  ScoringError,
  smaa,
  topsis,
  valueFunction,
  vikor,
  waspas,
  wpm,
  wsm,
  type CriterionType,
  type HardConstraint,
  type Preference,
  type ScoringErrorCode,
  type ValueFunction,
} from "@/server/scoring";

const types: CriterionType[] = ["benefit", "cost"];
const good = { matrix: [[1, 2], [3, 4], [5, 1]], types, weights: [0.5, 0.5] };

/** Runs f, expects a ScoringError with `code`, returns it for further checks. */
function caught(f: () => unknown, code: ScoringErrorCode): ScoringError {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err, `expected ScoringError ${code}`).toBeInstanceOf(ScoringError);
  const e = err as ScoringError;
  expect(e.code).toBe(code);
  expect(e.name).toBe("ScoringError");
  expect(e).toBeInstanceOf(Error);
  expect(isScoringError(e, code)).toBe(true);
  return e;
}

describe("ScoringError", () => {
  it("is an Error with a stable code and location fields", () => {
    const e = new ScoringError("RAGGED_ROW", "matrix[2] has 1 values", { row: 2 });
    expect(e.message).toContain("matrix[2]");
    expect(e.row).toBe(2);
    expect(e.column).toBeUndefined();
    expect(isScoringError(new Error("x"))).toBe(false);
    expect(isScoringError(e, "EMPTY_MATRIX")).toBe(false);
  });
});

describe("decision matrix errors", () => {
  it("EMPTY_MATRIX for no rows or no columns", () => {
    caught(() => wsm({ ...good, matrix: [] }), "EMPTY_MATRIX");
    caught(() => wsm({ ...good, matrix: [[]], weights: [] }), "EMPTY_MATRIX");
  });

  it("NON_FINITE_VALUE names the cell for NaN, Infinity and non-numbers", () => {
    const e = caught(() => wsm({ ...good, matrix: [[1, 2], [3, NaN], [5, 1]] }), "NON_FINITE_VALUE");
    expect(e.row).toBe(1);
    expect(e.column).toBe(1);
    expect(e.message).toContain("matrix[1][1] is NaN");
    const inf = caught(() => topsis({ ...good, matrix: [[Infinity, 2], [3, 4]] }), "NON_FINITE_VALUE");
    expect(inf.message).toContain("matrix[0][0] is Infinity");
    const str = caught(() => vikor({ ...good, matrix: [[1, 2], [3, "4" as unknown as number]] }), "NON_FINITE_VALUE");
    expect(str.message).toContain('"4" (string)');
  });

  it("RAGGED_ROW names the row", () => {
    const e = caught(() => wsm({ ...good, matrix: [[1, 2], [3], [5, 1]] }), "RAGGED_ROW");
    expect(e.row).toBe(1);
    expect(e.message).toContain("matrix[1] has 1 values, expected 2");
    caught(() => wsm({ ...good, matrix: [[1, 2], null as unknown as number[]] }), "RAGGED_ROW");
  });

  it("TYPES_LENGTH and INVALID_TYPE", () => {
    caught(() => wsm({ ...good, types: ["benefit"] }), "TYPES_LENGTH");
    const e = caught(() => wsm({ ...good, types: ["benefit", "costly" as CriterionType] }), "INVALID_TYPE");
    expect(e.column).toBe(1);
  });

  it("WEIGHTS_LENGTH, INVALID_WEIGHT, NEGATIVE_WEIGHT and ZERO_WEIGHTS", () => {
    caught(() => wsm({ ...good, weights: [1] }), "WEIGHTS_LENGTH");
    expect(caught(() => wsm({ ...good, weights: [1, NaN] }), "INVALID_WEIGHT").column).toBe(1);
    const neg = caught(() => topsis({ ...good, weights: [-0.1, 1] }), "NEGATIVE_WEIGHT");
    expect(neg.column).toBe(0);
    expect(neg.message).toContain("weights[0] is -0.1");
    caught(() => vikor({ ...good, weights: [0, 0] }), "ZERO_WEIGHTS");
  });

  it("CONSTANT_CRITERION where the method divides by the range (min-max, VIKOR) or the norm (vector)", () => {
    const constant = { matrix: [[1, 7], [2, 7], [3, 7]], types, weights: [0.5, 0.5] };
    expect(caught(() => normalize(constant.matrix, types, "minmax"), "CONSTANT_CRITERION").column).toBe(1);
    expect(caught(() => wsm(constant, { normalization: "minmax" }), "CONSTANT_CRITERION").column).toBe(1);
    expect(caught(() => vikor(constant), "CONSTANT_CRITERION").message).toContain("column 1");
    caught(() => normalize([[1, 0], [2, 0]], types, "vector"), "CONSTANT_CRITERION");
    // A constant criterion switched off by a zero weight is fine.
    expect(vikor({ ...constant, weights: [1, 0] }).ranking).toEqual([3, 2, 1]);
  });

  it("NEGATIVE_VALUE and NON_POSITIVE_VALUE name the cell for ratio normalisations", () => {
    const e = caught(() => normalize([[1, 2], [-3, 4]], types, "sum"), "NEGATIVE_VALUE");
    expect([e.row, e.column]).toEqual([1, 0]);
    const z = caught(() => normalize([[1, 2], [3, 0]], types, "max"), "NON_POSITIVE_VALUE");
    expect([z.row, z.column]).toEqual([1, 1]);
    caught(() => wpm({ matrix: [[-1, 2], [3, 4]], types, weights: [1, 1] }, { normalization: "vector" }), "NON_POSITIVE_VALUE");
  });

  it("INVALID_PARAMETER for options out of their domain", () => {
    expect(caught(() => vikor(good, { v: 1.5 }), "INVALID_PARAMETER").parameter).toBe("v");
    caught(() => waspas(good, { lambda: -1 }), "INVALID_PARAMETER");
    caught(() => wsm(good, { normalization: "zscore" as "max" }), "INVALID_PARAMETER");
    caught(() => wsm(good, { normalization: "none" }), "INVALID_PARAMETER"); // "none" needs benefit criteria
    caught(() => scoreProblem(good, "electre" as "wsm"), "INVALID_PARAMETER");
  });
});

describe("PROMETHEE II errors", () => {
  const prefs: Preference[] = [{ type: "usual" }, { type: "usual" }];
  it("PREFERENCES_LENGTH", () => {
    caught(() => promethee2(good, { preferences: [{ type: "usual" }] }), "PREFERENCES_LENGTH");
  });
  it("INVALID_PARAMETER names the preference and threshold", () => {
    const e = caught(() => promethee2(good, { preferences: [prefs[0]!, { type: "linear", q: 2, p: 1 }] }), "INVALID_PARAMETER");
    expect(e.column).toBe(1);
    expect(e.parameter).toBe("preferences[1].p");
    caught(() => promethee2(good, { preferences: [{ type: "vshape", p: 0 }, prefs[1]!] }), "INVALID_PARAMETER");
    caught(() => promethee2(good, { preferences: [{ type: "gaussian", s: -1 }, prefs[1]!] }), "INVALID_PARAMETER");
    caught(() => promethee2(good, { preferences: [{ type: "triangle" } as unknown as Preference, prefs[1]!] }), "INVALID_PARAMETER");
  });
});

describe("AHP errors", () => {
  it("AHP_NOT_SQUARE names the row", () => {
    expect(caught(() => ahp([[1, 2], [0.5]]), "AHP_NOT_SQUARE").row).toBe(1);
  });
  it("AHP_NON_POSITIVE names the cell", () => {
    const e = caught(() => ahp([[1, 0], [0, 1]]), "AHP_NON_POSITIVE");
    expect([e.row, e.column]).toEqual([0, 1]);
    caught(() => ahp([[1, -2], [-0.5, 1]]), "AHP_NON_POSITIVE");
  });
  it("AHP_DIAGONAL names the cell", () => {
    const e = caught(() => ahp([[1, 2], [0.5, 2]]), "AHP_DIAGONAL");
    expect([e.row, e.column]).toEqual([1, 1]);
  });
  it("AHP_NOT_RECIPROCAL names the cell and the expected value", () => {
    const e = caught(() => ahp([[1, 3, 5], [1 / 3, 1, 2], [0.2, 0.4, 1]]), "AHP_NOT_RECIPROCAL");
    expect([e.row, e.column]).toEqual([2, 1]);
    expect(e.message).toContain("pairwise[2][1] is 0.4");
  });
  it("RANDOM_INDEX_UNAVAILABLE when the named table does not cover n", () => {
    const n = 11;
    const eye = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => (i === j ? 1 : 1)));
    caught(() => ahp(eye, { randomIndex: "saaty1980" }), "RANDOM_INDEX_UNAVAILABLE");
    expect(ahp(eye, { randomIndex: "saaty2005" }).cr).toBeCloseTo(0, 12);
  });
  it("EMPTY_MATRIX and INVALID_PARAMETER", () => {
    caught(() => ahp([]), "EMPTY_MATRIX");
    caught(() => ahp([[1]], { randomIndex: "nobody" as "saaty1980" }), "INVALID_PARAMETER");
  });
});

describe("objective and rank-based weight errors", () => {
  it("entropy: TOO_FEW_ALTERNATIVES, NEGATIVE_VALUE, CONSTANT_CRITERION", () => {
    caught(() => entropyWeights([[1, 2]]), "TOO_FEW_ALTERNATIVES");
    expect(caught(() => entropyWeights([[1, 2], [3, -1]]), "NEGATIVE_VALUE").column).toBe(1);
    expect(caught(() => entropyWeights([[1, 0], [3, 0]]), "CONSTANT_CRITERION").column).toBe(1);
    caught(() => entropyWeights([[1, 1], [1, 1]]), "CONSTANT_CRITERION");
  });
  it("CRITIC: TOO_FEW_ALTERNATIVES, CONSTANT_CRITERION", () => {
    caught(() => criticWeights([[1, 2]], types), "TOO_FEW_ALTERNATIVES");
    expect(caught(() => criticWeights([[1, 2], [3, 2], [4, 2]], types), "CONSTANT_CRITERION").column).toBe(1);
  });
  it("ROC: INVALID_ORDER for out-of-range, non-integer or gapped ranks", () => {
    caught(() => rocWeights([]), "INVALID_ORDER");
    expect(caught(() => rocWeights([1, 4, 2]), "INVALID_ORDER").column).toBe(1);
    caught(() => rocWeights([1, 1.5]), "INVALID_ORDER");
    caught(() => rocWeights([1, 3, 3]), "INVALID_ORDER");
  });
});

describe("value function errors", () => {
  it("INVALID_VALUE_FUNCTION for malformed specs", () => {
    caught(() => valueFunction({ type: "linear", worst: 3, best: 3 }), "INVALID_VALUE_FUNCTION");
    caught(() => valueFunction({ type: "piecewiseLinear", cutoffs: [0, 0], values: [0, 1] }), "INVALID_VALUE_FUNCTION");
    caught(() => valueFunction({ type: "piecewiseLinear", cutoffs: [0, 1], values: [0] }), "INVALID_VALUE_FUNCTION");
    caught(() => valueFunction({ type: "piecewiseLinear", cutoffs: [0], values: [0] }), "INVALID_VALUE_FUNCTION");
    caught(() => valueFunction({ type: "threshold", threshold: 1, better: "sideways" } as unknown as ValueFunction), "INVALID_VALUE_FUNCTION");
    caught(() => valueFunction({ type: "sigmoid" } as unknown as ValueFunction), "INVALID_VALUE_FUNCTION");
    caught(() => valueFunction({ type: "linear", worst: 0, best: 1, outOfBounds: "wrap" as "clip" }), "INVALID_VALUE_FUNCTION");
  });
  it("OUT_OF_BOUNDS with outOfBounds 'error', naming the cell in applyValueFunctions", () => {
    const f = valueFunction({ type: "piecewiseLinear", cutoffs: [0, 10], values: [0, 1], outOfBounds: "error" });
    caught(() => f(11), "OUT_OF_BOUNDS");
    const e = caught(() => applyValueFunctions([[5], [12]], [{ type: "linear", worst: 0, best: 10, outOfBounds: "error" }]), "OUT_OF_BOUNDS");
    expect([e.row, e.column]).toEqual([1, 0]);
  });
  it("NON_FINITE_VALUE for NaN input", () => {
    caught(() => valueFunction({ type: "linear", worst: 0, best: 1 })(NaN), "NON_FINITE_VALUE");
  });
});

describe("SMAA errors", () => {
  const u = [[1, 0], [0, 1]];
  it("INVALID_PARAMETER for samples and seed", () => {
    caught(() => smaa(u, { samples: 0, seed: 1 }), "INVALID_PARAMETER");
    caught(() => smaa(u, { samples: 1.5, seed: 1 }), "INVALID_PARAMETER");
    caught(() => smaa(u, { samples: 10, seed: NaN }), "INVALID_PARAMETER");
    caught(() => smaa(u, { samples: 10, seed: 1, weights: { bounds: [[0, 2], [0, 1]] } }), "INVALID_PARAMETER");
    caught(() => smaa(u, { samples: 10, seed: 1, weights: { order: [0, 0] } }), "INVALID_PARAMETER");
  });
  it("TOO_MANY_ALTERNATIVES beyond the size of the m × m table", () => {
    const many = Array.from({ length: 20_001 }, () => [0.5]);
    expect(caught(() => smaa(many, { samples: 1, seed: 1 }), "TOO_MANY_ALTERNATIVES").message).toContain("20001 × 20001");
  });
  it("WEIGHTS_LENGTH for bounds of the wrong length", () => {
    caught(() => smaa(u, { samples: 10, seed: 1, weights: { bounds: [[0, 1]] } }), "WEIGHTS_LENGTH");
  });
  it("INFEASIBLE_WEIGHTS when the bounds admit no weight vector", () => {
    expect(caught(() => smaa(u, { samples: 10, seed: 1, weights: { bounds: [[0.7, 1], [0.6, 1]] } }), "INFEASIBLE_WEIGHTS").message).toContain("sum to 1.3");
    caught(() => smaa(u, { samples: 10, seed: 1, weights: { bounds: [[0, 0.3], [0, 0.3]] } }), "INFEASIBLE_WEIGHTS");
    caught(() => smaa(u, { samples: 10, seed: 1, weights: { bounds: [[0.5, 0.4], [0, 1]] } }), "INFEASIBLE_WEIGHTS");
    // Bounds feasible on their own but not with the order w0 ≥ w1.
    caught(() => smaa(u, { samples: 10, seed: 1, weights: { bounds: [[0, 0.3], [0.7, 1]], order: [0, 1], maxAttempts: 1000 } }), "INFEASIBLE_WEIGHTS");
  });
  it("SAMPLING_CAP_REACHED when acceptance is too low for the attempt cap", () => {
    const three = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
    const e = caught(() => smaa(three, { samples: 1000, seed: 1, weights: { bounds: [[0, 0.4], [0, 0.4], [0, 0.4]], maxAttempts: 2000 } }), "SAMPLING_CAP_REACHED");
    expect(e.message).toMatch(/only \d+ of 1000/);
  });
});

describe("product-level errors", () => {
  it("RANKING_LENGTH when rankings differ in length", () => {
    caught(() => kendallTau([1, 2], [1, 2, 3]), "RANKING_LENGTH");
  });
  it("INVALID_CONSTRAINT for malformed hard constraints", () => {
    caught(() => applyConstraints([[1]], [{ kind: "excludeBelow", criterion: 0, value: NaN }]), "INVALID_CONSTRAINT");
    caught(() => applyConstraints([[1]], [{ kind: "between", criterion: 0 } as unknown as HardConstraint]), "INVALID_CONSTRAINT");
    caught(() => applyConstraints([[1]], [{ kind: "excludeAbove", criterion: -1, value: 1 }]), "INVALID_CONSTRAINT");
  });
  it("UNSUPPORTED_MISSING_POLICY for renormalize with pairwise methods", () => {
    const u = [[0.5, null], [0.2, 0.9], [0.7, 0.1]];
    const e = caught(() => scoreUtilities(u, [1, 1], { method: "topsis", missing: "renormalize" }), "UNSUPPORTED_MISSING_POLICY");
    expect(e.message).toContain("topsis");
  });
  it("VALUE_OUT_OF_RANGE names the utility cell", () => {
    const e = caught(() => scoreUtilities([[0.5, 1.2]], [1, 1]), "VALUE_OUT_OF_RANGE");
    expect([e.row, e.column]).toEqual([0, 1]);
  });
});
