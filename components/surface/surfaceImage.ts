/**
 * Draws scored land cells into an RGBA image for a MapLibre `image` source. MapLibre stretches an
 * image source linearly between its corners in Web Mercator, so the image rows are Mercator rows:
 * each pixel row takes the grid row under its centre's latitude, and each of the 1,440 columns is one
 * 0.25° grid column (longitude is linear in Mercator). With the raster layer's `raster-resampling:
 * nearest`, cells stay crisp blocks at every zoom.
 *
 * The image spans only the latitudes that have land cells (about 84° N to 58.5° S), its top and bottom
 * edges snapped to the 1/8192 lattice of the Mercator world square that MapLibre rounds image corners
 * to at zoom 0, so no edge shifts when it is placed. At the default 2,048 rows a 0.25° cell is at
 * least 2 pixels tall (at the equator) and more towards the poles.
 *
 * Colours (ramp.ts): viridis over the score (readable under the common colour-vision deficiencies
 * and in greyscale, Nuñez et al. 2018), cells excluded by a hard constraint in a grey diagonal
 * hatch one cell wide (no grey occurs in viridis), unscored cells transparent.
 */
import { bitAt, type SurfaceGrid } from "@/server/schemas/surfaceFormat";
import { EXCLUDED_DARK, EXCLUDED_LIGHT, RAMP_RGBA } from "./ramp";

/** Mercator extent of the Web Mercator world square (MapLibre). */
const MAX_MERCATOR_LAT = 85.0511287798066;
/** MapLibre rounds image-source corners to this many units per tile at the source's zoom (0 here). */
const TILE_EXTENT = 8192;

export interface SurfaceImageLayout {
  width: number;
  height: number;
  /** Corners [lon, lat]: top-left, top-right, bottom-right, bottom-left (MapLibre's order). */
  coordinates: [[number, number], [number, number], [number, number], [number, number]];
  /** Grid row under each image row (−1: none). */
  rowOfPixel: Int32Array;
  /** First land-cell number of each grid row (length nrows + 1): row r holds cells [start[r], start[r + 1]). */
  rowLandStart: Int32Array;
  /** Grid column of each land cell. */
  landCol: Int16Array;
  grid: SurfaceGrid;
}

const mercatorY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
const latOfMercatorY = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** Builds the row and column tables of the image from the grid and its land mask. */
export function surfaceImageLayout(grid: SurfaceGrid, landMask: Uint8Array, height = 2048): SurfaceImageLayout {
  const { ncols, nrows, cellDeg, north } = grid;
  const rowLandStart = new Int32Array(nrows + 1);
  const landCol = new Int16Array(grid.landCells);
  let li = 0, firstRow = -1, lastRow = -1;
  for (let r = 0; r < nrows; r++) {
    rowLandStart[r] = li;
    for (let c = 0; c < ncols; c++) {
      if (!bitAt(landMask, r * ncols + c)) continue;
      landCol[li++] = c;
      if (firstRow < 0) firstRow = r;
      lastRow = r;
    }
  }
  rowLandStart[nrows] = li;
  if (li !== grid.landCells) throw new Error(`land mask has ${li} cells, the header says ${grid.landCells}`);
  const topLat = Math.min(MAX_MERCATOR_LAT, north - firstRow * cellDeg);
  const bottomLat = Math.max(-MAX_MERCATOR_LAT, north - (lastRow + 1) * cellDeg);
  const y0 = Math.floor(mercatorY(topLat) * TILE_EXTENT) / TILE_EXTENT;
  const y1 = Math.ceil(mercatorY(bottomLat) * TILE_EXTENT) / TILE_EXTENT;
  const rowOfPixel = new Int32Array(height);
  for (let py = 0; py < height; py++) {
    const lat = latOfMercatorY(y0 + ((py + 0.5) / height) * (y1 - y0));
    const r = Math.floor((north - lat) / cellDeg);
    rowOfPixel[py] = r >= 0 && r < nrows ? r : -1;
  }
  const west = grid.west, east = grid.west + ncols * cellDeg;
  const top = latOfMercatorY(y0), bottom = latOfMercatorY(y1);
  return { width: ncols, height, coordinates: [[west, top], [east, top], [east, bottom], [west, bottom]], rowOfPixel, rowLandStart, landCol, grid };
}

/** Land-cell number at (lat, lon), or −1 (binary search in the row's land columns). */
export function landCellAt(layout: SurfaceImageLayout, lat: number, lon: number): number {
  const { grid, rowLandStart, landCol } = layout;
  const r = Math.floor((grid.north - lat) / grid.cellDeg);
  if (r < 0 || r >= grid.nrows) return -1;
  const c = ((Math.floor((lon - grid.west) / grid.cellDeg) % grid.ncols) + grid.ncols) % grid.ncols;
  let lo = rowLandStart[r]!, hi = rowLandStart[r + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = landCol[mid]!;
    if (v === c) return mid;
    if (v < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export interface PaintOptions {
  /** Score mapped to the ramp's ends: [0, 1] for absolute colours, or the scored range for relative ones. */
  domain: [number, number];
}

/** Packs RGBA bytes into a little-endian uint32 pixel. */
function pixel(rgba: ArrayLike<number>, o = 0): number {
  return ((rgba[o + 3]! << 24) | (rgba[o + 2]! << 16) | (rgba[o + 1]! << 8) | rgba[o]!) >>> 0;
}

const RAMP32 = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) t[i] = pixel(RAMP_RGBA, i * 4);
  return t;
})();
const HATCH_DARK = pixel(EXCLUDED_DARK);
const HATCH_LIGHT = pixel(EXCLUDED_LIGHT);

/**
 * Paints scores (surfaceScore.ts: [0, 1], NaN unscored, −1 excluded) into `out` (RGBA, width × height
 * × 4 bytes; allocated when not given) and returns it. Each grid row is drawn once and copied to the
 * image rows below it. Assumes a little-endian platform (every browser MapLibre runs on).
 */
export function paintSurface(layout: SurfaceImageLayout, scores: Float32Array, opts: PaintOptions, out?: Uint8ClampedArray): Uint8ClampedArray {
  const { width, height, rowOfPixel, rowLandStart, landCol } = layout;
  const pixels = out && out.length === width * height * 4 ? out : new Uint8ClampedArray(width * height * 4);
  const img = new Uint32Array(pixels.buffer, pixels.byteOffset, width * height);
  const [lo, hi] = opts.domain;
  const scale = hi > lo ? 255.999 / (hi - lo) : 0;
  const ramp = RAMP32, dark = HATCH_DARK, light = HATCH_LIGHT;
  let prevRow = -2;
  for (let py = 0; py < height; py++) {
    const r = rowOfPixel[py]!;
    const base = py * width;
    if (r === prevRow && py > 0) {
      img.copyWithin(base, base - width, base);
      continue;
    }
    prevRow = r;
    img.fill(0, base, base + width);
    if (r < 0) continue;
    for (let li = rowLandStart[r]!, end = rowLandStart[r + 1]!; li < end; li++) {
      const s = scores[li]!;
      if (s !== s) continue; // unscored: transparent
      const c = landCol[li]!;
      if (s < 0) {
        img[base + c] = (r + c) % 4 === 0 ? dark : light;
        continue;
      }
      // A flat domain (one score everywhere) takes the ramp's middle.
      let k = scale > 0 ? ((s - lo) * scale) | 0 : 128;
      k = k < 0 ? 0 : k > 255 ? 255 : k;
      img[base + c] = ramp[k]!;
    }
  }
  return pixels;
}
