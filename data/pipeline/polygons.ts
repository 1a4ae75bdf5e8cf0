/**
 * Polygon sets (countries, grid zones): geometry written once for point-in-polygon lookups and
 * map choropleths, plus the majority feature of every land cell and whether the cell is pure
 * (entirely inside one feature), so the sampler only runs exact point-in-polygon near borders.
 */
import type { Feature, Geometry } from "geojson";
import type { PolygonSetMeta } from "../schema/manifest";
import type { LandCells } from "./lib/grid";
import { isPure, NO_FEATURE, type Rasterized } from "./lib/raster";
import { roundCoords, type OutputWriter } from "./lib/output";

export interface PolygonFeature {
  key: string;
  name: string;
  geometry: Geometry;
  /** Extra properties kept in the geometry file (e.g. iso codes). */
  props: Record<string, string | null>;
}

export interface PolygonSet {
  id: "countries" | "zones";
  features: PolygonFeature[];
  indexByKey: Map<string, number>;
  /** Majority feature per land cell (NO_FEATURE when none). */
  cellFeature: Uint16Array;
  cellPure: Uint8Array;
}

export function polygonSetFromRaster(id: PolygonSet["id"], features: PolygonFeature[], raster: Rasterized, land: LandCells): PolygonSet {
  const n = land.cellIndex.length;
  const cellFeature = new Uint16Array(n);
  const cellPure = new Uint8Array(n);
  for (let li = 0; li < n; li++) {
    const cell = land.cellIndex[li]!;
    cellFeature[li] = raster.best[cell]!;
    cellPure[li] = raster.best[cell] !== NO_FEATURE && isPure(raster, cell) ? 1 : 0;
  }
  return { id, features, indexByKey: new Map(features.map((f, i) => [f.key, i])), cellFeature, cellPure };
}

export function writePolygonSet(out: OutputWriter, set: PolygonSet, title: string, sources: string[]): PolygonSetMeta {
  const collection = {
    type: "FeatureCollection",
    features: set.features.map((f): Feature => ({
      type: "Feature",
      properties: { key: f.key, name: f.name, ...f.props },
      geometry: { ...f.geometry, coordinates: roundCoords((f.geometry as { coordinates: unknown }).coordinates) } as Geometry,
    })),
  };
  return {
    id: set.id,
    title,
    geometry: out.writeJson(`geo/${set.id}.geojson`, collection),
    keys: out.writeJson(`geo/${set.id}-keys.json`, set.features.map((f) => f.key)),
    cellFeature: out.writeArray(`grid/${set.id}-cell-feature.u16`, set.cellFeature, { nodata: NO_FEATURE }),
    cellPure: out.writeArray(`grid/${set.id}-cell-pure.u8`, set.cellPure),
    sources,
  };
}
