/** Value functions: raw values to utilities, with explicit behaviour outside the range. */
import { describe, expect, it } from "vitest";
import { applyValueFunctions, valueFunction } from "@/server/scoring";

describe("valueFunction", () => {
  it("linear maps worst → 0 and best → 1, also for cost-like specs (worst > best)", () => {
    const carbon = valueFunction({ type: "linear", worst: 800, best: 0 }); // gCO2/kWh
    expect(carbon(0)).toBe(1);
    expect(carbon(800)).toBe(0);
    expect(carbon(200)).toBeCloseTo(0.75, 15);
    const capacity = valueFunction({ type: "linear", worst: 0, best: 500 }); // MW
    expect(capacity(250)).toBeCloseTo(0.5, 15);
  });
  it("clips outside the range by default, or interpolates, or throws", () => {
    expect(valueFunction({ type: "linear", worst: 0, best: 10 })(15)).toBe(1);
    expect(valueFunction({ type: "linear", worst: 0, best: 10 })(-5)).toBe(0);
    expect(valueFunction({ type: "linear", worst: 0, best: 10, outOfBounds: "interpolate" })(15)).toBeCloseTo(1.5, 15);
    expect(() => valueFunction({ type: "linear", worst: 0, best: 10, outOfBounds: "error" })(15)).toThrow(/outside/);
  });
  it("piecewise linear interpolates between points, given as cutoffs/values or as [x, u] pairs", () => {
    const a = valueFunction({ type: "piecewiseLinear", cutoffs: [50, 75, 90, 100], values: [1, 0.8, 0.5, 0] });
    const b = valueFunction({ type: "piecewiseLinear", points: [[50, 1], [75, 0.8], [90, 0.5], [100, 0]] });
    for (const x of [50, 60, 75, 80, 90, 95, 100]) expect(a(x)).toBe(b(x));
    expect(a(60)).toBeCloseTo(0.92, 15);
    // smaa.pvf's "clip" holds the end values.
    expect(a(10)).toBe(1);
    expect(a(120)).toBe(0);
  });
  it("threshold gives 1 on the good side (inclusive by default)", () => {
    const above = valueFunction({ type: "threshold", threshold: 100, better: "above" });
    expect([above(99), above(100), above(101)]).toEqual([0, 1, 1]);
    const below = valueFunction({ type: "threshold", threshold: 100, better: "below", inclusive: false });
    expect([below(99), below(100), below(101)]).toEqual([1, 0, 0]);
  });
});

describe("applyValueFunctions", () => {
  it("keeps missing values missing, with their reason, never 0", () => {
    const u = applyValueFunctions(
      [[100, null], [300, { value: null, reason: "ocean cell" }], [200, 0.4]],
      [{ type: "linear", worst: 0, best: 400 }, null],
    );
    expect(u[0]).toEqual([{ value: 0.25 }, { value: null, reason: "no data" }]);
    expect(u[1]![1]).toEqual({ value: null, reason: "ocean cell" });
    expect(u[2]![1]).toEqual({ value: 0.4 });
  });
});
