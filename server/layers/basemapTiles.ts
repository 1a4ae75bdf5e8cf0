/**
 * Reads the regional base map's vector tiles from the MBTiles archive the pipeline wrote
 * (data/pipeline/basemap; the manifest's `basemap` entry). Tiles are stored gzip-compressed, as
 * MBTiles tools expect; the route sends them as they are to clients that accept gzip.
 */
import path from "node:path";
import Database from "better-sqlite3";
import type { BasemapMeta } from "@/data/schema/manifest";
import { InputError, NotFoundError } from "@/server/errors";
import type { LayerStore } from "./store";

/** The usual type of Mapbox Vector Tiles over HTTP (IANA also has application/vnd.mapbox-vector-tile). */
export const BASEMAP_CONTENT_TYPE = "application/x-protobuf";

export interface BasemapTile {
  /** The gzip-compressed tile, or null for a tile with no features (in range but empty). */
  gzip: Buffer | null;
  /** Identifies the archive version, for ETags and cache keys. */
  version: string;
}

const archives = new Map<string, { db: Database.Database; select: Database.Statement<[number, number, number], { tile_data: Buffer }> }>();

function archive(file: string) {
  let a = archives.get(file);
  if (!a) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    a = { db, select: db.prepare("SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?") };
    archives.set(file, a);
  }
  return a;
}

export function basemapMeta(store: LayerStore): BasemapMeta {
  const meta = store.manifest.basemap;
  if (!meta) throw new NotFoundError("basemap: this data build has no base-map tiles (run npm run data:build)");
  return meta;
}

function parseCoordinate(name: "z" | "x" | "y", text: string, max: number): number {
  if (!/^\d{1,3}$/.test(text)) throw new InputError(name, `must be a whole number, got "${text.slice(0, 20)}"`);
  const v = Number(text);
  if (v > max) throw new InputError(name, `must be ≤ ${max}, got ${v}`);
  return v;
}

/** The tile z/x/y (XYZ scheme, y from the north) as strings from a URL; y may end in ".pbf" or ".mvt". */
export function basemapTile(store: LayerStore, zText: string, xText: string, yText: string): BasemapTile {
  const meta = basemapMeta(store);
  const z = parseCoordinate("z", zText, meta.maxzoom);
  if (z < meta.minzoom) throw new InputError("z", `must be ≥ ${meta.minzoom}, got ${z}`);
  const x = parseCoordinate("x", xText, 2 ** z - 1);
  const y = parseCoordinate("y", yText.replace(/\.(pbf|mvt)$/, ""), 2 ** z - 1);
  const row = archive(path.join(store.dir, meta.path)).select.get(z, x, 2 ** z - 1 - y);
  return { gzip: row ? row.tile_data : null, version: meta.sha256.slice(0, 16) };
}
