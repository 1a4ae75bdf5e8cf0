/**
 * The vector-tile cutter: base-map features → Mapbox Vector Tiles (MVT 2.1) for zooms `minZoom` …
 * `maxZoom`, with @maplibre/geojson-vt (clipping, per-zoom simplification) and @maplibre/vt-pbf
 * (encoding) — the libraries MapLibre itself uses for GeoJSON sources, so a tile here draws exactly
 * as the same GeoJSON would. A feature is in the tiles of zooms ≥ its `minzoom` only. MapLibre
 * overzooms the last level, so tiles to z8 serve a map read at zoom 10.
 */
import { GeoJSONVT, type GeoJSONVTTile } from "@maplibre/geojson-vt";
import { fromGeojsonVt } from "@maplibre/vt-pbf";
import type { Geometry, Position } from "geojson";
import type { BasemapFeature } from "./features";

export const TILE_EXTENT = 4096;
/** Tile buffer in tile units (64/4096 of a tile): enough for line joins and label anchors at edges. */
const TILE_BUFFER = 64;
/**
 * Simplification tolerance in tile units, applied at every zoom (geojson-vt skips simplification at
 * its `maxZoom`, so that is set beyond the cut range): 3/4096 of a z8 tile is about 115 m, well under
 * the precision of the 1:10m and 1:50m sources.
 */
const TOLERANCE = 3;

export interface CutTile { z: number; x: number; y: number; pbf: Uint8Array; features: number }

function bboxOf(g: Geometry): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const visit = (c: unknown): void => {
    if (typeof (c as Position)[0] === "number") {
      const [x, y] = c as Position;
      if (x! < w) w = x!;
      if (x! > e) e = x!;
      if (y! < s) s = y!;
      if (y! > n) n = y!;
      return;
    }
    for (const part of c as unknown[]) visit(part);
  };
  if (g.type === "GeometryCollection") for (const part of g.geometries) { const b = bboxOf(part); visit([[b[0], b[1]], [b[2], b[3]]]); }
  else visit(g.coordinates);
  return [w, s, e, n];
}

const lonToX = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
function latToY(lat: number, z: number): number {
  const clamped = Math.max(-85.0511, Math.min(85.0511, lat));
  const r = (clamped * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
}

/** The tile (x, y) at zoom z holding a longitude/latitude. */
export function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  return { x: Math.min(2 ** z - 1, lonToX(lon, z)), y: Math.min(2 ** z - 1, Math.max(0, latToY(lat, z))) };
}

/** Keys "x/y" of the tiles at zoom z a feature's bounding box touches (plus the buffer's neighbours). */
function candidateTiles(features: readonly BasemapFeature[], z: number, into: Set<string>) {
  const max = 2 ** z - 1;
  for (const { feature } of features) {
    const [w, s, e, n] = bboxOf(feature.geometry);
    const x0 = Math.max(0, lonToX(w, z) - 1), x1 = Math.min(max, lonToX(e, z) + 1);
    const y0 = Math.max(0, latToY(n, z) - 1), y1 = Math.min(max, latToY(s, z) + 1);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) into.add(`${x}/${y}`);
  }
}

/**
 * Cuts every non-empty tile of zooms minZoom…maxZoom. `layers` maps a tile-layer name to its
 * features; layers are written in the order given. Tiles come out sorted by z, x, y.
 */
export function cutTiles(layers: Record<string, readonly BasemapFeature[]>, minZoom: number, maxZoom: number): CutTile[] {
  const out: CutTile[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const indexes: [string, GeoJSONVT][] = [];
    const candidates = new Set<string>();
    for (const [name, all] of Object.entries(layers)) {
      const visible = all.filter((f) => f.minzoom <= z);
      if (!visible.length) continue;
      candidateTiles(visible, z, candidates);
      indexes.push([name, new GeoJSONVT({ type: "FeatureCollection", features: visible.map((f) => f.feature) }, {
        maxZoom: 24, indexMaxZoom: Math.min(z, 5), tolerance: TOLERANCE, extent: TILE_EXTENT, buffer: TILE_BUFFER,
      })]);
    }
    const keys = [...candidates].map((k) => k.split("/").map(Number) as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [x, y] of keys) {
      const tileLayers: Record<string, GeoJSONVTTile> = {};
      let features = 0;
      for (const [name, index] of indexes) {
        const tile = index.getTile(z, x, y);
        if (tile && tile.features.length) {
          tileLayers[name] = tile;
          features += tile.features.length;
        }
      }
      if (features) out.push({ z, x, y, pbf: fromGeojsonVt(tileLayers, { version: 2, extent: TILE_EXTENT }), features });
    }
  }
  return out;
}
