/**
 * Polygon rasterisation onto the analysis grid by scanline fill at 4 × 4 subsamples per cell.
 * For each cell it records the feature covering most subsamples, that count, the total covered
 * subsamples (land fraction in sixteenths) and whether a single feature covers the whole cell.
 * Even–odd filling over all rings of a polygon part handles holes (lakes, enclaves).
 */
import type { Geometry, MultiPolygon, Polygon, Position } from "geojson";
import type { GridSpec } from "./grid";

export const SUBSAMPLES = 4;
const FULL = SUBSAMPLES * SUBSAMPLES;
export const NO_FEATURE = 0xffff;

export interface Rasterized {
  /** Majority feature index per cell (NO_FEATURE when none). */
  best: Uint16Array;
  /** Subsamples covered by the majority feature (0..16). */
  bestCount: Uint8Array;
  /** Subsamples covered by any feature (0..16). */
  total: Uint8Array;
  /** Number of distinct features touching the cell (saturates at 255). */
  featureCount: Uint8Array;
}

function polygonParts(geometry: Geometry | null): Position[][][] {
  if (!geometry) return [];
  if (geometry.type === "Polygon") return [(geometry as Polygon).coordinates];
  if (geometry.type === "MultiPolygon") return (geometry as MultiPolygon).coordinates;
  return [];
}

export function rasterizePolygons(grid: GridSpec, geometries: readonly (Geometry | null)[]): Rasterized {
  const ncells = grid.ncols * grid.nrows;
  const best = new Uint16Array(ncells).fill(NO_FEATURE);
  const bestCount = new Uint8Array(ncells);
  const total = new Uint8Array(ncells);
  const featureCount = new Uint8Array(ncells);
  const cover = new Uint8Array(ncells);
  const touched: number[] = [];
  const ds = grid.cellDeg / SUBSAMPLES;
  const subCols = grid.ncols * SUBSAMPLES;
  const subRows = grid.nrows * SUBSAMPLES;

  const mark = (subRow: number, subCol: number) => {
    const cell = Math.floor(subRow / SUBSAMPLES) * grid.ncols + Math.floor(subCol / SUBSAMPLES);
    if (cover[cell] === 0) touched.push(cell);
    if (cover[cell]! < FULL) cover[cell]!++;
  };

  geometries.forEach((geometry, featureIndex) => {
    for (const rings of polygonParts(geometry)) {
      let minLat = Infinity, maxLat = -Infinity;
      for (const ring of rings) for (const [, lat] of ring) {
        if (lat! < minLat) minLat = lat!;
        if (lat! > maxLat) maxLat = lat!;
      }
      // Subsample row k has its centre at lat = north − (k + 0.5)·ds.
      const kStart = Math.max(0, Math.ceil((grid.north - maxLat) / ds - 0.5));
      const kEnd = Math.min(subRows - 1, Math.floor((grid.north - minLat) / ds - 0.5));
      let hits = 0;
      const xs: number[] = [];
      for (let k = kStart; k <= kEnd; k++) {
        const y = grid.north - (k + 0.5) * ds;
        xs.length = 0;
        for (const ring of rings) {
          for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            const [xi, yi] = ring[i] as [number, number];
            const [xj, yj] = ring[j] as [number, number];
            if (yi > y !== yj > y) xs.push(xi + ((y - yi) / (yj - yi)) * (xj - xi));
          }
        }
        xs.sort((a, b) => a - b);
        for (let p = 0; p + 1 < xs.length; p += 2) {
          const jStart = Math.max(0, Math.ceil((xs[p]! - grid.west) / ds - 0.5));
          const jEnd = Math.min(subCols - 1, Math.ceil((xs[p + 1]! - grid.west) / ds - 0.5) - 1);
          for (let jj = jStart; jj <= jEnd; jj++) {
            mark(k, jj);
            hits++;
          }
        }
      }
      if (hits === 0) {
        // A part smaller than one subsample (an islet): credit the cell under its vertex mean once.
        const outer = rings[0] ?? [];
        if (outer.length) {
          let sx = 0, sy = 0;
          for (const [x, y] of outer) { sx += x!; sy += y!; }
          const lon = sx / outer.length, lat = sy / outer.length;
          const k = Math.min(subRows - 1, Math.max(0, Math.floor((grid.north - lat) / ds)));
          const jj = Math.min(subCols - 1, Math.max(0, Math.floor((lon - grid.west) / ds)));
          mark(k, jj);
        }
      }
    }
    for (const cell of touched) {
      const c = cover[cell]!;
      featureCount[cell] = Math.min(255, featureCount[cell]! + 1);
      total[cell] = Math.min(FULL, total[cell]! + c);
      if (c > bestCount[cell]!) {
        bestCount[cell] = c;
        best[cell] = featureIndex;
      }
      cover[cell] = 0;
    }
    touched.length = 0;
  });
  return { best, bestCount, total, featureCount };
}

/** A cell is "pure" for a polygon set when one feature covers all of it and no other touches it. */
export function isPure(r: Rasterized, cell: number): boolean {
  return r.featureCount[cell] === 1 && r.bestCount[cell] === FULL;
}
