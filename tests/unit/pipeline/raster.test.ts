import { describe, expect, it } from "vitest";
import type { Polygon } from "geojson";
import { rasterizePolygons, NO_FEATURE, isPure } from "@/data/pipeline/lib/raster";
import type { GridSpec } from "@/data/pipeline/lib/grid";

/** 1° cells over lon −180…−176, lat 90…86 (4 × 4). */
const GRID: GridSpec = { cellDeg: 1, ncols: 4, nrows: 4, west: -180, north: 90 };
const square = (w: number, s: number, e: number, n: number): Polygon => ({ type: "Polygon", coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });

describe("rasterizePolygons (4 × 4 subsamples per cell)", () => {
  it("a polygon covering whole cells makes them pure and fully covered", () => {
    const r = rasterizePolygons(GRID, [square(-180, 88, -178, 90)]);
    for (const cell of [0, 1, 4, 5]) {
      expect(r.best[cell]).toBe(0);
      expect(r.total[cell]).toBe(16);
      expect(isPure(r, cell)).toBe(true);
    }
    expect(r.best[2]).toBe(NO_FEATURE);
    expect(r.total[2]).toBe(0);
  });

  it("a half-covered cell records 8 of 16 subsamples and is not pure", () => {
    const r = rasterizePolygons(GRID, [square(-180, 89, -179.5, 90)]);
    expect(r.total[0]).toBe(8);
    expect(isPure(r, 0)).toBe(false);
  });

  it("holes are left out (even–odd fill)", () => {
    const withHole: Polygon = { type: "Polygon", coordinates: [square(-180, 86, -176, 90).coordinates[0]!, square(-179, 87, -177, 89).coordinates[0]!] };
    const r = rasterizePolygons(GRID, [withHole]);
    expect(r.total[5]).toBe(0); // cell (row 1, col 1) lies inside the hole
    expect(r.total[0]).toBe(16);
  });

  it("the majority feature wins a shared cell and the cell counts both", () => {
    const r = rasterizePolygons(GRID, [square(-180, 89, -179.75, 90), square(-179.75, 89, -179, 90)]);
    expect(r.best[0]).toBe(1);
    expect(r.featureCount[0]).toBe(2);
    expect(r.total[0]).toBe(16);
  });

  it("an islet smaller than a subsample still marks its cell as land", () => {
    const r = rasterizePolygons(GRID, [square(-178.01, 87.01, -178.0, 87.02)]);
    expect(r.total[2 * 4 + 1]! + r.total[2 * 4 + 2]!).toBeGreaterThan(0);
  });
});
