import { describe, expect, it } from "vitest";
import { LandGrid } from "@/server/layers/landGrid";

/** A 4 × 2 grid of 1° cells (lon −180…−176, lat 90…88) with land in columns 0 and 1 only. */
function tinyGrid() {
  const meta = {
    cellDeg: 1, ncols: 4, nrows: 2, west: -180, north: 90, order: "row-major-north-first" as const, landCells: 4,
    landMask: { path: "", dtype: "uint8" as const, length: 1, scale: 1, offset: 0, nodata: null, sha256: "0".repeat(64) },
    landFraction: { path: "", dtype: "uint8" as const, length: 4, scale: 1, offset: 0, nodata: null, sha256: "0".repeat(64) },
  };
  // Cells 0,1 (row 0) and 4,5 (row 1) are land: bits 0,1,4,5.
  return new LandGrid(meta, new Uint8Array([0b00110011]));
}

describe("LandGrid bilinear sampling", () => {
  it("interpolates between land cell centres", () => {
    const g = tinyGrid();
    const values = new Float32Array([0, 10, 0, 10]); // land cells in order: (0,0) (0,1) (1,0) (1,1)
    expect(g.bilinear(values, 89.5, -179.0)).toBeCloseTo(5, 5);
  });

  it("never blends land with non-land: weights of ocean neighbours are dropped", () => {
    const g = tinyGrid();
    const values = new Float32Array([10, 10, 10, 10]);
    // Halfway between land column 1 and ocean column 2: the ocean would pull towards nodata/0.
    expect(g.bilinear(values, 89.5, -178.0)).toBe(10);
  });

  it("skips missing (NaN) land values the same way", () => {
    const g = tinyGrid();
    expect(g.bilinear(new Float32Array([4, NaN, 4, NaN]), 89.5, -179.0)).toBe(4);
  });

  it("returns NaN far from any land", () => {
    const g = tinyGrid();
    expect(g.bilinear(new Float32Array([1, 1, 1, 1]), 89.5, -176.5)).toBeNaN();
  });
});
