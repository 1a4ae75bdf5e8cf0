/**
 * Point-in-polygon lookup for a polygon set (countries or grid zones), fast enough for 100,000
 * points: a land cell entirely inside one feature answers from the grid; elsewhere an exact
 * even–odd ray cast runs against the edges of the candidate features in the point's 0.25° latitude
 * band only.
 */
import type { FeatureCollection, Geometry, Position } from "geojson";
import type { LandGrid } from "./landGrid";

export interface PolygonFeatureInfo {
  key: string;
  name: string;
  props: Record<string, unknown>;
}

export type LocateResult =
  | { index: number; how: "inside" }
  /** Not inside any outline (generalised 1:50m coasts), but in a land cell whose majority is this feature. */
  | { index: number; how: "same-cell" };

const BAND_DEG = 0.25;
const NO_FEATURE = 0xffff;

interface PreparedFeature {
  minLon: number; minLat: number; maxLon: number; maxLat: number;
  /** Edges [x1, y1, x2, y2, …] per latitude band (band = floor((90 − lat) / 0.25)). */
  bands: Map<number, number[]>;
}

function rings(g: Geometry | null): Position[][] {
  if (!g) return [];
  if (g.type === "Polygon") return g.coordinates;
  if (g.type === "MultiPolygon") return g.coordinates.flat();
  return [];
}

function prepare(g: Geometry | null): PreparedFeature {
  const f: PreparedFeature = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity, bands: new Map() };
  for (const ring of rings(g)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x1, y1] = ring[j] as [number, number];
      const [x2, y2] = ring[i] as [number, number];
      f.minLon = Math.min(f.minLon, x2); f.maxLon = Math.max(f.maxLon, x2);
      f.minLat = Math.min(f.minLat, y2); f.maxLat = Math.max(f.maxLat, y2);
      if (y1 === y2) continue; // horizontal edges never cross a horizontal ray
      const b0 = Math.floor((90 - Math.max(y1, y2)) / BAND_DEG);
      const b1 = Math.floor((90 - Math.min(y1, y2)) / BAND_DEG);
      for (let b = b0; b <= b1; b++) {
        let list = f.bands.get(b);
        if (!list) f.bands.set(b, (list = []));
        list.push(x1, y1, x2, y2);
      }
    }
  }
  return f;
}

export class PolygonIndex {
  readonly features: PolygonFeatureInfo[];
  private readonly prepared: PreparedFeature[];

  constructor(
    collection: FeatureCollection,
    private readonly grid: LandGrid,
    /** Majority feature per land cell and whether the cell is wholly inside it. */
    private readonly cellFeature: Uint16Array,
    private readonly cellPure: Uint8Array,
  ) {
    this.features = collection.features.map((f) => {
      const { key, name, ...props } = (f.properties ?? {}) as { key: string; name: string };
      return { key, name, props };
    });
    this.prepared = collection.features.map((f) => prepare(f.geometry));
  }

  /** The feature covering most of land cell `li`, or −1. */
  majorityOfLandCell(li: number): number {
    const f = this.cellFeature[li]!;
    return f === NO_FEATURE ? -1 : f;
  }

  /** Exact even–odd test of (lat, lon) against feature `i`. */
  contains(i: number, lat: number, lon: number): boolean {
    const f = this.prepared[i]!;
    if (lon < f.minLon || lon > f.maxLon || lat < f.minLat || lat > f.maxLat) return false;
    const edges = f.bands.get(Math.floor((90 - lat) / BAND_DEG));
    if (!edges) return false;
    let inside = false;
    for (let k = 0; k < edges.length; k += 4) {
      const y1 = edges[k + 1]!, y2 = edges[k + 3]!;
      if (y1 > lat !== y2 > lat) {
        const x1 = edges[k]!, x2 = edges[k + 2]!;
        if (lon < x1 + ((lat - y1) / (y2 - y1)) * (x2 - x1)) inside = !inside;
      }
    }
    return inside;
  }

  locate(lat: number, lon: number): LocateResult | null {
    const li = this.grid.landIndexAt(lat, lon);
    const majority = li >= 0 ? this.cellFeature[li]! : NO_FEATURE;
    if (li >= 0 && this.cellPure[li] === 1 && majority !== NO_FEATURE) return { index: majority, how: "inside" };
    if (majority !== NO_FEATURE && this.contains(majority, lat, lon)) return { index: majority, how: "inside" };
    for (let i = 0; i < this.prepared.length; i++) {
      if (i !== majority && this.contains(i, lat, lon)) return { index: i, how: "inside" };
    }
    if (majority !== NO_FEATURE) return { index: majority, how: "same-cell" };
    return null;
  }
}
