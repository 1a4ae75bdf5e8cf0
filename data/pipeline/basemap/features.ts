/**
 * The base-map features for regional zooms (issue 16), read from the raw Natural Earth, GeoNames and
 * GPPD files and given the first tile zoom at which each appears (`minzoom`), so low zooms carry only
 * what a reader can see there. Every feature keeps the few properties the style and the legend use.
 */
import { readFileSync } from "node:fs";
import type { Feature, FeatureCollection, Geometry, Point } from "geojson";
import type { City } from "../layers/connectivity";
import type { PowerPlant } from "../sources/powerPlants";
import { roundCoords } from "../lib/output";

/** A feature bound for one tile layer, visible in tiles from `minzoom` on. */
export interface BasemapFeature { minzoom: number; feature: Feature<Geometry, Record<string, string | number | boolean>> }

function readCollection(file: string): FeatureCollection {
  return JSON.parse(readFileSync(file, "utf8")) as FeatureCollection;
}

const point = (lon: number, lat: number): Point => ({ type: "Point", coordinates: roundCoords([lon, lat], 5) });

/**
 * Rivers and lake centrelines (Natural Earth 1:10m) from the zoom Natural Earth recommends
 * (`min_zoom`, 2–7.2), rounded down so a river is in the tiles of the zoom it is drawn at.
 */
export function riverFeatures(file: string): BasemapFeature[] {
  return readCollection(file).features.flatMap((f) => {
    if (!f.geometry) return []; // one source feature has no geometry (SOURCES.md §11.2)
    const p = f.properties ?? {};
    return [{
      minzoom: Math.max(0, Math.floor(Number(p.min_zoom))),
      feature: { type: "Feature", geometry: f.geometry, properties: { name: String(p.name_en ?? p.name ?? ""), scalerank: Number(p.scalerank) } },
    }];
  });
}

/** Lakes and reservoirs (Natural Earth 1:10m) from their `min_zoom`. */
export function lakeFeatures(file: string): BasemapFeature[] {
  return readCollection(file).features.flatMap((f) => {
    if (!f.geometry) return [];
    const p = f.properties ?? {};
    return [{
      minzoom: Math.max(0, Math.floor(Number(p.min_zoom))),
      feature: { type: "Feature", geometry: f.geometry, properties: { name: String(p.name ?? ""), scalerank: Number(p.scalerank) } },
    }];
  });
}

/**
 * First-level subdivisions drawn as polygons where Natural Earth 1:50m has them (US incl. DC, BR, CA,
 * AU only); the style draws their outlines. `approximate: false` tells them apart from the Voronoi
 * estimate used elsewhere (approxAdmin1.ts).
 */
export function admin1PolygonFeatures(file: string): BasemapFeature[] {
  return readCollection(file).features.flatMap((f) => {
    if (!f.geometry) return [];
    const p = f.properties ?? {};
    return [{ minzoom: 3, feature: { type: "Feature", geometry: f.geometry, properties: { name: String(p.name ?? ""), country: String(p.iso_a2 ?? ""), approximate: false } } }];
  });
}

export interface Admin1LabelPoint { code: string; name: string; country: string; lon: number; lat: number; scalerank: number; partRank: number }

/**
 * Natural Earth 1:10m admin-1 label points: 11,283 points for 4,647 first-level subdivisions
 * worldwide — one per polygon part (Norrbotten has one per island), `adm0_sr` ranking the parts.
 */
export function readAdmin1LabelPoints(file: string): Admin1LabelPoint[] {
  return readCollection(file).features.flatMap((f) => {
    if (f.geometry?.type !== "Point") return [];
    const p = f.properties ?? {};
    const [lon, lat] = f.geometry.coordinates as [number, number];
    if (!p.name || !p.adm1_code) return [];
    return [{ code: String(p.adm1_code), name: String(p.name), country: String(p.iso_a2 ?? ""), lon, lat, scalerank: Number(p.scalerank), partRank: Number(p.adm0_sr) }];
  }).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.lon - b.lon || a.lat - b.lat));
}

/**
 * One label per subdivision: among the points of its main part (lowest `adm0_sr`), the one farthest
 * from any other subdivision's points, i.e. the most inland (Virginia's falls in the Blue Ridge, not
 * on the Eastern Shore).
 */
export function admin1LabelFeatures(points: readonly Admin1LabelPoint[]): BasemapFeature[] {
  const buckets = new Map<string, Admin1LabelPoint[]>();
  const cell = (lat: number, lon: number) => `${Math.floor(lat)},${Math.floor(lon)}`;
  for (const p of points) (buckets.get(cell(p.lat, p.lon)) ?? buckets.set(cell(p.lat, p.lon), []).get(cell(p.lat, p.lon))!).push(p);
  /** Distance in degrees (longitude scaled by latitude) to the nearest point of another subdivision, searched up to 3°. */
  const clearance = (p: Admin1LabelPoint) => {
    let best = 3;
    const k = Math.cos((p.lat * Math.PI) / 180);
    for (let di = -3; di <= 3; di++) for (let dj = -3; dj <= 3; dj++) {
      for (const q of buckets.get(`${Math.floor(p.lat) + di},${Math.floor(p.lon) + dj}`) ?? []) {
        if (q.code === p.code) continue;
        const d = Math.hypot(q.lat - p.lat, (q.lon - p.lon) * k);
        if (d < best) best = d;
      }
    }
    return best;
  };
  const byCode = new Map<string, Admin1LabelPoint[]>();
  for (const p of points) (byCode.get(p.code) ?? byCode.set(p.code, []).get(p.code)!).push(p);
  return [...byCode.values()].map((parts) => {
    const main = Math.min(...parts.map((p) => p.partRank));
    const chosen = parts.filter((p) => p.partRank === main).map((p) => ({ p, c: clearance(p) })).sort((a, b) => b.c - a.c)[0]!.p;
    return {
      minzoom: BASEMAP_LABEL_MINZOOM,
      feature: { type: "Feature" as const, geometry: point(chosen.lon, chosen.lat), properties: { name: chosen.name, scalerank: Math.min(...parts.map((p) => p.scalerank)) } },
    };
  });
}

const BASEMAP_LABEL_MINZOOM = 5;

/**
 * Power plants (WRI GPPD v1.3.0, the same records as the `power-plants` point set): the large ones
 * at regional zooms, every plant from zoom 7, so a zoom-5 tile over Europe stays small. Only what the
 * style and the hover text use is kept (name, fuel, MW); the inspector has the rest.
 */
export function plantFeatures(plants: readonly PowerPlant[]): BasemapFeature[] {
  return [...plants].sort((a, b) => b.capacityMw - a.capacityMw || (a.id < b.id ? -1 : 1)).map((p) => ({
    minzoom: p.capacityMw >= 300 ? 5 : p.capacityMw >= 30 ? 6 : 7,
    feature: { type: "Feature", geometry: point(p.lon, p.lat), properties: { name: p.name, fuel: p.fuel, capacity_mw: Math.round(p.capacityMw) } },
  }));
}

/** Population size classes of the places layer; the style sizes dots and labels by `size`. */
export const PLACE_CLASSES: readonly { size: number; atLeast: number; minzoom: number; label: string }[] = [
  { size: 4, atLeast: 1_000_000, minzoom: 3, label: "≥ 1 million" },
  { size: 3, atLeast: 300_000, minzoom: 4, label: "300,000 – 1 million" },
  { size: 2, atLeast: 100_000, minzoom: 5, label: "100,000 – 300,000" },
  { size: 1, atLeast: 40_000, minzoom: 6, label: "40,000 – 100,000" },
  { size: 0, atLeast: -Infinity, minzoom: 7, label: "< 40,000" },
];

export function placeClass(population: number) {
  return PLACE_CLASSES.find((c) => population >= c.atLeast)!;
}

export interface Place { id: string; name: string; country: string; population: number; lon: number; lat: number; capital: boolean; source: "geonames" | "natural-earth" | "both" }

/** Places as tile features, largest first (the order MapLibre places labels in when they collide). */
export function placeFeatures(places: readonly Place[]): BasemapFeature[] {
  return [...places].sort((a, b) => b.population - a.population || (a.id < b.id ? -1 : 1)).map((p) => {
    const c = placeClass(p.population);
    return {
      minzoom: c.minzoom,
      // The size class, not the population: a class repeats across features and packs small in a tile.
      feature: { type: "Feature", geometry: point(p.lon, p.lat), properties: { name: p.name, size: c.size, ...(p.capital ? { capital: true } : {}) } },
    };
  });
}

export type { City };
