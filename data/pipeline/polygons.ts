/**
 * Polygon sets (countries, grid zones, subdivisions): geometry written once for point-in-polygon lookups and
 * map choropleths, plus the majority feature of every land cell and whether the cell is pure
 * (entirely inside one feature), so the sampler only runs exact point-in-polygon near borders.
 */
import type { Feature, Geometry } from "geojson";
import type { PolygonSetId, PolygonSetMeta } from "../schema/manifest";
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
  id: PolygonSetId;
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

/**
 * Gives every land cell that no feature of a nested set covers the feature of the nearest cell
 * (searched ring by ring) with the same parent country. Such cells lie in slivers between two
 * generalisations of one boundary (Natural Earth admin-1 state outlines vs the admin-0 US coast) or
 * on islands admin-1 leaves out (the western Aleutians, east of 180°, join Alaska; Macquarie Island
 * joins Tasmania). They are never pure, so the sampler still tests points there exactly. Throws
 * when no such cell lies within `maxRing` cells.
 */
export function fillNestedGaps(set: PolygonSet, land: LandCells, countries: PolygonSet, parentOf: (feature: PolygonFeature) => string, maxRing = 64): number {
  const { grid } = land;
  const parents = set.features.map(parentOf);
  let filled = 0;
  for (let li = 0; li < set.cellFeature.length; li++) {
    if (set.cellFeature[li] !== NO_FEATURE) continue;
    const country = countries.cellFeature[li]!;
    const parent = country === NO_FEATURE ? null : countries.features[country]!.key;
    const cell = land.cellIndex[li]!;
    const row = Math.floor(cell / grid.ncols), col = cell - row * grid.ncols;
    let found = -1;
    for (let ring = 1; ring <= maxRing && found < 0; ring++) {
      // Cells on the square ring at Chebyshev distance `ring`, in a fixed order (deterministic).
      for (let dr = -ring; dr <= ring && found < 0; dr++) {
        for (let dc = -ring; dc <= ring; dc++) {
          if (Math.max(Math.abs(dr), Math.abs(dc)) !== ring) continue;
          const r = row + dr;
          if (r < 0 || r >= grid.nrows) continue;
          const c = (((col + dc) % grid.ncols) + grid.ncols) % grid.ncols;
          const nli = land.landIndexOfCell[r * grid.ncols + c]!;
          const f = nli >= 0 ? set.cellFeature[nli]! : NO_FEATURE;
          if (f !== NO_FEATURE && f < parents.length && parents[f] === parent) { found = f; break; }
        }
      }
    }
    if (found < 0) throw new Error(`${set.id}: land cell ${li} (country ${parent ?? "none"}) has no feature of its country within ${maxRing} cells`);
    set.cellFeature[li] = found;
    set.cellPure[li] = 0;
    filled++;
  }
  return filled;
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
