/**
 * Pipeline step: the regional base map (issue 16) — admin-1 boundaries and names, major rivers and
 * lakes, populated places by size and power plants — cut into vector tiles z5–z7 and written to
 * `basemap/basemap.mbtiles`, served by /api/basemap/{z}/{x}/{y} and overzoomed by MapLibre to z10 and beyond.
 */
import { statSync } from "node:fs";
import path from "node:path";
import type { Geometry, MultiLineString } from "geojson";
import type { BasemapMeta } from "../../schema/manifest";
import type { BuildContext } from "../context";
import { rawPath } from "../context";
import type { City } from "../layers/connectivity";
import { sha256File } from "../lib/output";
import type { PowerPlant } from "../sources/powerPlants";
import { approximateAdmin1Features } from "./approxAdmin1";
import { admin1LabelFeatures, admin1PolygonFeatures, lakeFeatures, placeFeatures, plantFeatures, readAdmin1LabelPoints, riverFeatures, type BasemapFeature } from "./features";
import { writeMbtiles } from "./mbtiles";
import { mergePlaces, readNaturalEarthPlaces } from "./places";
import { cutTiles } from "./tiles";

export const BASEMAP_FILE = "basemap/basemap.mbtiles";
export const BASEMAP_MIN_ZOOM = 5;
export const BASEMAP_MAX_ZOOM = 7;
export const BASEMAP_SOURCES = ["natural-earth-admin1", "natural-earth-admin1-label-points", "natural-earth-admin0", "natural-earth-rivers-lakes", "natural-earth-populated-places", "geonames-cities", "wri-gppd"];


/** A polygon's rings as lines: boundaries are drawn, and a tile inside a polygon stays empty. */
export function ringsAsLines(g: Geometry): MultiLineString | null {
  if (g.type === "Polygon") return { type: "MultiLineString", coordinates: g.coordinates };
  if (g.type === "MultiPolygon") return { type: "MultiLineString", coordinates: g.coordinates.flat() };
  return null;
}

function asBoundaries(features: BasemapFeature[]): BasemapFeature[] {
  return features.flatMap((f) => {
    const lines = ringsAsLines(f.feature.geometry);
    return lines ? [{ minzoom: f.minzoom, feature: { ...f.feature, geometry: lines } }] : [];
  });
}

/** The tile layers, in drawing order (later layers' labels win collisions in the style, not here). */
export function basemapLayers(ctx: Pick<BuildContext, "rawDir" | "countries">, inputs: { plants: readonly PowerPlant[]; cities: readonly City[] }): Record<string, BasemapFeature[]> {
  const raw = (rel: string) => rawPath(ctx, rel);
  const labelPoints = readAdmin1LabelPoints(raw("natural-earth/ne_10m_admin_1_label_points.json"));
  const exact = admin1PolygonFeatures(raw("natural-earth/ne_50m_admin_1_states_provinces.json"));
  const exactCountries = new Set(exact.map((f) => String(f.feature.properties.country)));
  return {
    lakes: lakeFeatures(raw("natural-earth-10m-rivers-lakes/ne_10m_lakes.json")),
    rivers: riverFeatures(raw("natural-earth-10m-rivers-lakes/ne_10m_rivers_lake_centerlines.json")),
    admin1: [...asBoundaries(exact), ...approximateAdmin1Features(labelPoints, ctx.countries, exactCountries)],
    admin1_labels: admin1LabelFeatures(labelPoints),
    plants: plantFeatures(inputs.plants),
    places: placeFeatures(mergePlaces(inputs.cities, readNaturalEarthPlaces(raw("natural-earth/ne_10m_populated_places_simple.json")))),
  };
}

export function buildBasemap(ctx: BuildContext, inputs: { plants: readonly PowerPlant[]; cities: readonly City[] }): BasemapMeta {
  const layers = basemapLayers(ctx, inputs);
  const tiles = cutTiles(layers, BASEMAP_MIN_ZOOM, BASEMAP_MAX_ZOOM);
  const file = path.join(ctx.out.dir, BASEMAP_FILE);
  const vectorLayers = Object.keys(layers).map((id) => ({ id, fields: {}, minzoom: BASEMAP_MIN_ZOOM, maxzoom: BASEMAP_MAX_ZOOM }));
  const written = writeMbtiles(file, tiles, {
    name: "Siting Atlas regional base map",
    format: "pbf",
    type: "baselayer",
    version: "1",
    minzoom: String(BASEMAP_MIN_ZOOM),
    maxzoom: String(BASEMAP_MAX_ZOOM),
    bounds: "-180,-85.0511,180,85.0511",
    attribution: "Natural Earth (public domain); GeoNames (CC BY 4.0); WRI Global Power Plant Database (CC BY 4.0)",
    description: "Admin-1 boundaries (exact for US, BR, CA, AU; approximate elsewhere) and names, rivers and lakes, populated places, power plants",
    json: JSON.stringify({ vector_layers: vectorLayers }),
  });
  return {
    path: BASEMAP_FILE,
    sha256: sha256File(file),
    bytes: statSync(file).size,
    minzoom: BASEMAP_MIN_ZOOM,
    maxzoom: BASEMAP_MAX_ZOOM,
    tiles: written.tiles,
    layers: Object.entries(layers).map(([id, f]) => ({ id, features: f.length })),
    sources: BASEMAP_SOURCES,
  };
}
