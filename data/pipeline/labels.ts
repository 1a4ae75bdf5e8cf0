/**
 * Label points for the offline base map: one per country (placed on its largest part, at the
 * centre of mass when that lies inside, else a point on the surface) and the largest cities.
 */
import { area, centerOfMass, booleanPointInPolygon, pointOnFeature, polygon as turfPolygon } from "@turf/turf";
import type { Feature, Point, Position } from "geojson";
import type { CountryRecord } from "./sources/countries";
import type { City } from "./layers/connectivity";

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function largestPart(c: CountryRecord): Position[][] | null {
  const parts = c.geometry.type === "Polygon" ? [c.geometry.coordinates] : c.geometry.type === "MultiPolygon" ? c.geometry.coordinates : [];
  let best: Position[][] | null = null, bestArea = -1;
  for (const rings of parts) {
    const a = area(turfPolygon(rings));
    if (a > bestArea) { bestArea = a; best = rings; }
  }
  return best;
}

export function countryLabels(countries: CountryRecord[]): Feature<Point>[] {
  return countries.flatMap((c) => {
    const rings = largestPart(c);
    if (!rings) return [];
    const part = turfPolygon(rings);
    let point = centerOfMass(part).geometry.coordinates;
    if (!booleanPointInPolygon(point, part)) point = pointOnFeature(part).geometry.coordinates;
    return [{
      type: "Feature" as const,
      properties: { key: c.key, name: c.label, minzoom: Math.max(0, c.minLabelZoom - 1) },
      geometry: { type: "Point" as const, coordinates: [round4(point[0]!), round4(point[1]!)] },
    }];
  });
}

/** Cities of at least a million people, largest first, with a population rank for zoom filtering. */
export function cityLabels(cities: City[], minPopulation = 1_000_000): Feature<Point>[] {
  return cities
    .filter((c) => c.population >= minPopulation)
    .sort((a, b) => b.population - a.population || (a.id < b.id ? -1 : 1))
    .map((c, rank) => ({
      type: "Feature" as const,
      properties: { id: c.id, name: c.name, country: c.country, population: c.population, rank },
      geometry: { type: "Point" as const, coordinates: [round4(c.lon), round4(c.lat)] },
    }));
}
