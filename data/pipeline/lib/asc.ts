/**
 * ESRI ASCII grids as laid out in ../shared/datasets (SOURCES.md §9.0): row 1 northernmost,
 * columns west to east from the header's xllcorner. Node-registered ITU grids are written so that
 * each node is a cell centre, so one formula serves both registrations:
 *   lat(r) = yll + cs/2 + (nrows − 1 − r)·cs,   lon(c) = xll + cs/2 + c·cs.
 */
import { readFileSync } from "node:fs";

export interface AscGrid {
  ncols: number;
  nrows: number;
  xll: number;
  yll: number;
  cellsize: number;
  /** Row-major, north first; NaN where the file has NODATA. */
  values: Float32Array;
  /** True when the columns cover the full 360° of longitude (bilinear wraps across the antimeridian). */
  wrapsLon: boolean;
}

export function readAsc(path: string): AscGrid {
  const text = readFileSync(path, "utf8");
  const lines = text.split("\n");
  const header: Record<string, number> = {};
  let i = 0;
  for (; i < 6; i++) {
    const [key, value] = lines[i]!.trim().split(/\s+/);
    header[key!.toLowerCase()] = Number(value);
  }
  const ncols = header.ncols!, nrows = header.nrows!;
  const nodata = header.nodata_value ?? -9999;
  const values = new Float32Array(ncols * nrows);
  let k = 0;
  for (let r = 0; r < nrows; r++) {
    const parts = lines[i + r]!.trim().split(/\s+/);
    if (parts.length !== ncols) throw new Error(`${path}: row ${r + 1} has ${parts.length} values, expected ${ncols}`);
    for (const p of parts) {
      const v = Number(p);
      values[k++] = v === nodata ? NaN : v;
    }
  }
  const cellsize = header.cellsize!;
  return { ncols, nrows, xll: header.xllcorner!, yll: header.yllcorner!, cellsize, values, wrapsLon: Math.abs(ncols * cellsize - 360) < 1e-6 };
}

/**
 * Bilinear interpolation at (lat, lon) between the four surrounding nodes; NaN nodes are left out
 * and the remaining weights renormalised (so a coastal point never blends in a missing value).
 */
export function bilinear(g: AscGrid, lat: number, lon: number): number {
  const cs = g.cellsize;
  const x0 = g.xll + cs / 2;
  const yTop = g.yll + cs / 2 + (g.nrows - 1) * cs;
  let fx = (lon - x0) / cs;
  const fy = (yTop - lat) / cs;
  if (g.wrapsLon) fx = ((fx % g.ncols) + g.ncols) % g.ncols;
  let c0 = Math.floor(fx);
  let r0 = Math.floor(fy);
  const tx = fx - c0, ty = fy - r0;
  r0 = Math.min(Math.max(r0, 0), g.nrows - 1);
  const r1 = Math.min(r0 + 1, g.nrows - 1);
  let c1 = c0 + 1;
  if (g.wrapsLon) c1 %= g.ncols;
  else {
    c0 = Math.min(Math.max(c0, 0), g.ncols - 1);
    c1 = Math.min(c1, g.ncols - 1);
  }
  const v = g.values;
  const corners: [number, number][] = [
    [v[r0 * g.ncols + c0]!, (1 - tx) * (1 - ty)],
    [v[r0 * g.ncols + c1]!, tx * (1 - ty)],
    [v[r1 * g.ncols + c0]!, (1 - tx) * ty],
    [v[r1 * g.ncols + c1]!, tx * ty],
  ];
  let sum = 0, wsum = 0;
  for (const [value, w] of corners) {
    if (!Number.isNaN(value) && w > 0) {
      sum += value * w;
      wsum += w;
    }
  }
  if (wsum === 0) {
    // Exactly on a node whose weight is 1 but NaN, or all neighbours missing.
    return NaN;
  }
  return sum / wsum;
}
