/**
 * Populated places for the base map: GeoNames cities of ≥ 15,000 people (CC BY 4.0) merged with
 * Natural Earth 1:10m populated places (public domain) without duplicates.
 *
 * A Natural Earth place is the same place as a GeoNames city when it names that city's `geonameid`
 * (6,798 of 7,343 do), or failing that when a city of the same name (accents and case ignored) lies
 * within 15 km, or any city lies within 2 km. A merged place keeps the GeoNames name and position and
 * the larger population (Natural Earth's `pop_max` is the agglomeration where it has one, so
 * Washington ranks as the metropolis it is). Natural Earth places that match nothing are added: they
 * include capitals and regional centres below GeoNames' 15,000 threshold.
 */
import { readFileSync } from "node:fs";
import type { FeatureCollection } from "geojson";
import type { City } from "../layers/connectivity";
import type { Place } from "./features";

const SAME_NAME_KM = 15;
const ANY_NAME_KM = 2;

export function normaliseName(name: string): string {
  return name.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
}

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r, dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface NaturalEarthPlace { geonameid: string | null; name: string; population: number; lat: number; lon: number; capital: boolean; country: string }

export function readNaturalEarthPlaces(file: string): NaturalEarthPlace[] {
  const fc = JSON.parse(readFileSync(file, "utf8")) as FeatureCollection;
  return fc.features.map((f) => {
    const p = f.properties ?? {};
    const id = Number(p.geonameid);
    return {
      geonameid: Number.isInteger(id) && id > 0 ? String(id) : null,
      name: String(p.name),
      population: Math.max(Number(p.pop_max) || 0, Number(p.pop_min) || 0),
      lat: Number(p.latitude),
      lon: Number(p.longitude),
      capital: Number(p.adm0cap) === 1,
      country: String(p.iso_a2 ?? ""),
    };
  });
}

/** Merges the two gazetteers; the result is sorted by id, so the build is deterministic. */
export function mergePlaces(cities: readonly City[], natural: readonly NaturalEarthPlace[]): Place[] {
  const byId = new Map<string, Place>();
  const buckets = new Map<string, Place[]>();
  const bucketKey = (lat: number, lon: number) => `${Math.floor(lat * 4)},${Math.floor(lon * 4)}`;
  for (const c of cities) {
    const place: Place = { id: `gn:${c.id}`, name: c.name, country: c.country, population: c.population, lat: c.lat, lon: c.lon, capital: false, source: "geonames" };
    byId.set(c.id, place);
    const k = bucketKey(c.lat, c.lon);
    (buckets.get(k) ?? buckets.set(k, []).get(k)!).push(place);
  }
  const nearby = (lat: number, lon: number) => {
    const out: Place[] = [];
    const bi = Math.floor(lat * 4), bj = Math.floor(lon * 4);
    for (let di = -1; di <= 1; di++) for (let dj = -1; dj <= 1; dj++) out.push(...(buckets.get(`${bi + di},${bj + dj}`) ?? []));
    return out;
  };
  const extra: Place[] = [];
  for (const n of natural) {
    let match = n.geonameid ? byId.get(n.geonameid) : undefined;
    if (!match) {
      const name = normaliseName(n.name);
      let best: { place: Place; d: number } | null = null;
      for (const c of nearby(n.lat, n.lon)) {
        const d = km(n, c);
        const ok = d <= ANY_NAME_KM || (d <= SAME_NAME_KM && normaliseName(c.name) === name);
        if (ok && (!best || d < best.d)) best = { place: c, d };
      }
      match = best?.place;
    }
    if (match) {
      match.population = Math.max(match.population, n.population);
      match.capital ||= n.capital;
      match.source = "both";
    } else {
      extra.push({ id: `ne:${n.name}:${n.lat.toFixed(3)},${n.lon.toFixed(3)}`, name: n.name, country: n.country, population: n.population, lat: n.lat, lon: n.lon, capital: n.capital, source: "natural-earth" });
    }
  }
  return [...byId.values(), ...extra].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
