/**
 * The surface image: Mercator rows (MapLibre stretches image sources linearly in Web Mercator), every
 * land row of the grid drawn, corners on MapLibre's rounding lattice, cells found back from a
 * position, and the three kinds of cell drawn distinctly.
 */
import { describe, expect, it } from "vitest";
import { landMaskBits } from "@/server/layers/cellColumns";
import { RAMP_RGBA, EXCLUDED_DARK, EXCLUDED_LIGHT } from "@/components/surface/ramp";
import { landCellAt, paintSurface, surfaceImageLayout } from "@/components/surface/surfaceImage";
import type { SurfaceGrid } from "@/server/schemas/surfaceFormat";
import { testStore } from "../../helpers/layers";

const store = testStore();
const g = store.grid;
const grid: SurfaceGrid = { cellDeg: g.cellDeg, ncols: g.ncols, nrows: g.nrows, west: g.west, north: g.north, order: "row-major-north-first", landCells: g.landCells };
const layout = surfaceImageLayout(grid, landMaskBits(store));
const mercatorY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;

describe("surface image layout", () => {
  it("is one column per grid column and spans the land rows, corners on the 1/8192 Mercator lattice", () => {
    expect(layout.width).toBe(1440);
    expect(layout.height).toBe(2048);
    const [[w, top], [e], [, bottom]] = layout.coordinates;
    expect([w, e]).toEqual([-180, 180]);
    expect(top).toBeGreaterThanOrEqual(83.75);
    expect(bottom).toBeLessThanOrEqual(-58.5);
    for (const lat of [top, bottom]) expect(mercatorY(lat) * 8192).toBeCloseTo(Math.round(mercatorY(lat) * 8192), 6);
  });

  it("gives every land row of the grid at least two image rows, in order", () => {
    const rowsOf = new Map<number, number>();
    let prev = -1;
    for (const r of layout.rowOfPixel) {
      expect(r).toBeGreaterThanOrEqual(prev);
      prev = r;
      rowsOf.set(r, (rowsOf.get(r) ?? 0) + 1);
    }
    for (let li = 0; li < g.landCells; li += 97) {
      const row = Math.floor(g.cellOfLand[li]! / g.ncols);
      expect(rowsOf.get(row) ?? 0, `grid row ${row}`).toBeGreaterThanOrEqual(2);
    }
  });

  it("finds each land cell back from its centre, and −1 at sea", () => {
    for (let li = 0; li < g.landCells; li += 1013) {
      const c = g.centreOfLand(li);
      expect(landCellAt(layout, c.lat, c.lon)).toBe(li);
    }
    expect(landCellAt(layout, 30, -40)).toBe(-1);
  });
});

describe("paintSurface", () => {
  it("draws scores in viridis, excluded cells in the grey hatch and unscored cells transparent", () => {
    const n = g.landCells;
    const scores = new Float32Array(n).fill(NaN);
    const oslo = g.landIndexAt(59.91, 10.75), warsaw = g.landIndexAt(52.23, 21.01);
    scores[oslo] = 1;
    scores[warsaw] = -1;
    const px = paintSurface(layout, scores, { domain: [0, 1] });
    const at = (lat: number, lon: number) => {
      const py = layout.rowOfPixel.indexOf(Math.floor((90 - lat) / 0.25));
      const x = Math.floor((lon + 180) / 0.25);
      return [...px.subarray((py * layout.width + x) * 4, (py * layout.width + x) * 4 + 4)];
    };
    expect(at(59.91, 10.75)).toEqual([...RAMP_RGBA.subarray(255 * 4, 256 * 4)]);
    expect([EXCLUDED_DARK, EXCLUDED_LIGHT].map((c) => c.join())).toContain(at(52.23, 21.01).join());
    expect(at(48.86, 2.35)).toEqual([0, 0, 0, 0]); // Paris: unscored
    expect(at(30, -40)).toEqual([0, 0, 0, 0]); // Atlantic
  });
});
