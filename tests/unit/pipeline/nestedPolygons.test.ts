/**
 * Nested polygon sets (subdivisions inside countries): land cells that no subdivision covers (slivers
 * between two generalisations of a coast, islands admin-1 leaves out) take the nearest subdivision of
 * their own country, never a neighbour's, and are marked impure so points there are tested exactly.
 */
import { describe, expect, it } from "vitest";
import type { Polygon } from "geojson";
import { landCellsFromCoverage, type GridSpec } from "@/data/pipeline/lib/grid";
import { NO_FEATURE, rasterizePolygons } from "@/data/pipeline/lib/raster";
import { fillNestedGaps, polygonSetFromRaster, type PolygonFeature } from "@/data/pipeline/polygons";

/** 1° cells over lon −180…−172, lat 90…88 (8 × 2). */
const GRID: GridSpec = { cellDeg: 1, ncols: 8, nrows: 2, west: -180, north: 90 };
const square = (w: number, s: number, e: number, n: number): Polygon => ({ type: "Polygon", coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
const feature = (key: string, geometry: Polygon, country: string): PolygonFeature => ({ key, name: key, geometry, props: { country } });

function build(subdivisions: PolygonFeature[]) {
  // Country A covers columns 0–4, country B columns 5–7.
  const countries = [feature("A", square(-180, 88, -175, 90), "A"), feature("B", square(-175, 88, -172, 90), "B")];
  const countryRaster = rasterizePolygons(GRID, countries.map((c) => c.geometry));
  const land = landCellsFromCoverage(GRID, countryRaster.total);
  const countrySet = polygonSetFromRaster("countries", countries, countryRaster, land);
  const set = polygonSetFromRaster("subdivisions", subdivisions, rasterizePolygons(GRID, subdivisions.map((f) => f.geometry)), land);
  return { land, countrySet, set };
}

describe("fillNestedGaps", () => {
  it("gives an uncovered cell the nearest subdivision of its own country and marks it impure", () => {
    // A is split into A-1 (columns 0–1) and A-2 (column 2); columns 3–4 of A are uncovered, and
    // column 5 (country B) is nearer to B's own feature than to A-2.
    const { land, countrySet, set } = build([
      feature("A-1", square(-180, 88, -178, 90), "A"),
      feature("A-2", square(-178, 88, -177, 90), "A"),
      feature("B", square(-175, 88, -172, 90), "B"),
    ]);
    const filled = fillNestedGaps(set, land, countrySet, (f) => String(f.props.country));
    expect(filled).toBe(4); // columns 3 and 4, both rows
    const keyAt = (row: number, col: number) => set.features[set.cellFeature[land.landIndexOfCell[row * GRID.ncols + col]!]!]!.key;
    expect(keyAt(0, 3)).toBe("A-2");
    expect(keyAt(1, 4)).toBe("A-2");
    expect(keyAt(0, 5)).toBe("B");
    expect(set.cellPure[land.landIndexOfCell[3]!]).toBe(0);
    expect([...set.cellFeature].includes(NO_FEATURE)).toBe(false);
  });

  it("throws, naming the cell's country, when no subdivision of that country is in reach", () => {
    const { land, countrySet, set } = build([feature("B", square(-175, 88, -172, 90), "B")]);
    expect(() => fillNestedGaps(set, land, countrySet, (f) => String(f.props.country), 2)).toThrow(/country A/);
  });
});
