import { describe, expect, it } from "vitest";
import { bilinear, type AscGrid } from "@/data/pipeline/lib/asc";

/** A global 90° node grid: 4 columns (−180, −90, 0, 90), 3 rows (90, 0, −90). */
function grid(values: number[]): AscGrid {
  return { ncols: 4, nrows: 3, xll: -225, yll: -135, cellsize: 90, values: Float32Array.from(values), wrapsLon: true };
}

describe("bilinear on node-registered ASCII grids", () => {
  it("reproduces node values exactly", () => {
    const g = grid([0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23]);
    expect(bilinear(g, 0, 0)).toBeCloseTo(12);
    expect(bilinear(g, 90, -90)).toBeCloseTo(1);
  });

  it("interpolates linearly between nodes", () => {
    const g = grid([0, 0, 0, 0, 10, 20, 30, 40, 0, 0, 0, 0]);
    expect(bilinear(g, 0, -45)).toBeCloseTo(25);
    expect(bilinear(g, 45, 0)).toBeCloseTo(15);
  });

  it("wraps across the antimeridian", () => {
    const g = grid([0, 0, 0, 0, 10, 20, 30, 40, 0, 0, 0, 0]);
    // Halfway between 90° (40) and 180° ≡ −180° (10).
    expect(bilinear(g, 0, 135)).toBeCloseTo(25);
  });

  it("drops missing nodes and renormalises instead of blending them in", () => {
    const g = grid([0, 0, 0, 0, 10, NaN, 30, 40, 0, 0, 0, 0]);
    // Between the missing −90° node and the 0° node (30): the result is 30, not a blend with NaN or 0.
    expect(bilinear(g, 0, -45)).toBeCloseTo(30);
  });
});
