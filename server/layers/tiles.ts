/**
 * Raster map tiles for gridded, model and distance layers: 256 × 256 Web-Mercator PNGs drawn
 * straight from the per-land-cell values, one analysis-grid cell per block of pixels (nearest
 * cell, never smoothed), so layers stay crisp at the 0.25° resolution at every zoom. Non-land and
 * missing cells are transparent. Colours come from the same legend as the layer panel.
 */
import { rgb } from "d3-color";
import { PNG } from "pngjs";
import type { LayerMeta } from "@/data/schema/manifest";
import { InputError } from "@/server/errors";
import { colorScale, legendFor } from "./legend";
import type { LayerStore } from "./store";

export const TILE_SIZE = 256;
export const MAX_TILE_ZOOM = 12;

/** 256-entry RGBA lookup table over the layer's legend domain (continuous) or its category codes. */
function colourTable(layer: LayerMeta): { lut: Uint8Array; lo: number; hi: number; categorical: boolean } {
  const lut = new Uint8Array(256 * 4);
  const legend = legendFor(layer);
  if (legend.kind === "categorical") {
    for (const item of legend.items) {
      const c = rgb(item.color);
      lut.set([c.r, c.g, c.b, 255], (item.code & 255) * 4);
    }
    return { lut, lo: 0, hi: 255, categorical: true };
  }
  const scale = colorScale(layer);
  const [lo, hi] = legend.domain;
  for (let i = 0; i < 256; i++) {
    const c = rgb(scale(lo + ((i + 0.5) / 256) * (hi - lo)));
    lut.set([c.r, c.g, c.b, 255], i * 4);
  }
  return { lut, lo, hi, categorical: false };
}

/** Latitude of the centre of pixel row `py` in tile row `y` at zoom `z` (inverse Web Mercator). */
function pixelLat(z: number, y: number, py: number): number {
  const n = Math.PI * (1 - (2 * (y + (py + 0.5) / TILE_SIZE)) / 2 ** z);
  return (Math.atan(Math.sinh(n)) * 180) / Math.PI;
}

function pixelLon(z: number, x: number, px: number): number {
  return ((x + (px + 0.5) / TILE_SIZE) / 2 ** z) * 360 - 180;
}

/** Whether a layer is drawn as raster tiles (grid, model and distance layers; not polygon layers). */
export function isRasterLayer(layer: LayerMeta): boolean {
  return layer.quality !== "missing" && layer.storage.kind !== "polygon";
}

/** A gridded layer's value per land cell; model layers are computed outside this folder (server/siting/modelLayers.ts). */
export type GridOf = (layer: LayerMeta) => Float32Array;

/** Renders one tile as RGBA pixels; a bad tile address or a non-raster layer is an InputError. */
export function renderTileRgba(store: LayerStore, layer: LayerMeta, z: number, x: number, y: number, gridOf: GridOf): Uint8Array {
  if (!Number.isInteger(z) || z < 0 || z > MAX_TILE_ZOOM) throw new InputError("z", `zoom must be an integer 0–${MAX_TILE_ZOOM}, got ${z}`);
  const n = 2 ** z;
  if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= n || y >= n) throw new InputError("tile", `tile ${z}/${x}/${y} does not exist`);
  if (!isRasterLayer(layer)) throw new InputError("layer", `${layer.id} is drawn as polygons or has no data, not as tiles`);

  const { lut, lo, hi, categorical } = colourTable(layer);
  const out = new Uint8Array(TILE_SIZE * TILE_SIZE * 4);
  const g = store.grid;
  const rowOf = new Int32Array(TILE_SIZE), colOf = new Int32Array(TILE_SIZE);
  const lats = new Float64Array(TILE_SIZE), lons = new Float64Array(TILE_SIZE);
  for (let p = 0; p < TILE_SIZE; p++) {
    lats[p] = pixelLat(z, y, p);
    lons[p] = pixelLon(z, x, p);
    rowOf[p] = Math.min(g.nrows - 1, Math.max(0, Math.floor((g.north - lats[p]!) / g.cellDeg)));
    colOf[p] = Math.min(g.ncols - 1, Math.max(0, Math.floor((lons[p]! - g.west) / g.cellDeg)));
  }
  const storage = layer.storage;
  const nearest = storage.kind === "points" ? store.pointsOfLayer(storage).index : null;
  const values = nearest ? null : gridOf(layer);
  const span = hi - lo || 1;
  for (let py = 0; py < TILE_SIZE; py++) {
    const rowBase = rowOf[py]! * g.ncols;
    for (let px = 0; px < TILE_SIZE; px++) {
      const li = g.landIndexOfCell[rowBase + colOf[px]!]!;
      if (li < 0) continue; // transparent: not a land cell
      let v: number;
      if (nearest) {
        nearest.nearestIndex(lats[py]!, lons[px]!);
        v = nearest.lastKm;
      } else v = values![li]!;
      if (v !== v) continue; // transparent: no value
      const k = categorical ? v & 255 : Math.min(255, Math.max(0, Math.floor(((v - lo) / span) * 256)));
      const o = (py * TILE_SIZE + px) * 4;
      out[o] = lut[k * 4]!;
      out[o + 1] = lut[k * 4 + 1]!;
      out[o + 2] = lut[k * 4 + 2]!;
      out[o + 3] = lut[k * 4 + 3]!;
    }
  }
  return out;
}

/** Renders one tile as a PNG. */
export function renderTilePng(store: LayerStore, layer: LayerMeta, z: number, x: number, y: number, gridOf: GridOf): Buffer {
  const png = new PNG({ width: TILE_SIZE, height: TILE_SIZE });
  png.data = Buffer.from(renderTileRgba(store, layer, z, x, y, gridOf).buffer);
  return PNG.sync.write(png, { colorType: 6 });
}
