import { describe, expect, it } from "vitest";
import { erfc, normalPdf, normalQuantile, normalUpperTail } from "@/server/models/climate";

describe("erfc (Numerical Recipes erfcc, relative error < 1.2e-7)", () => {
  // Reference values of erfc to 16 digits (Abramowitz & Stegun Table 7.1 / any arbitrary-precision library).
  const reference: [number, number][] = [
    [0, 1],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2, 0.004677734981047266],
    [3, 2.209049699858544e-5],
    [5, 1.5374597944280349e-12],
    [-1, 1.8427007929497148],
  ];
  it.each(reference)("erfc(%d) has relative error below 1.2e-7", (x, expected) => {
    expect(Math.abs(erfc(x) / expected - 1)).toBeLessThan(1.2e-7);
  });
});

describe("standard normal", () => {
  it("has Q(0) = 0.5, Q(1.2816) = 0.10, Q(2.3263) = 0.01", () => {
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 7);
    expect(normalUpperTail(1.2815515655446008)).toBeCloseTo(0.1, 7);
    expect(normalUpperTail(2.3263478740408408)).toBeCloseTo(0.01, 8);
  });

  it("is exactly 0 or 1 beyond ±8.5 σ", () => {
    expect(normalUpperTail(9)).toBe(0);
    expect(normalUpperTail(-9)).toBe(1);
  });

  it("quantile inverts the tail over the whole range", () => {
    for (const p of [1e-6, 0.004, 0.01, 0.1, 0.37, 0.5, 0.8, 0.99, 0.999999]) {
      expect(normalUpperTail(-normalQuantile(p))).toBeCloseTo(p, 6);
    }
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
  });

  it("density integrates to one", () => {
    let sum = 0;
    for (let z = -10; z <= 10; z += 0.001) sum += normalPdf(z) * 0.001;
    expect(sum).toBeCloseTo(1, 6);
  });
});
