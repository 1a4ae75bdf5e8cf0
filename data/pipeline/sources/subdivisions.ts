/**
 * The `subdivisions` polygon set: the finest administrative unit available per place. Natural Earth
 * 1:50m admin-1 holds first-level subdivisions for four countries only (US states + DC, Brazilian
 * states, Canadian provinces and territories, Australian states and territories); those replace
 * their country. Where a curated table needs a region of another country (power-market rows for
 * Dublin, Hesse, Shanghai…), proxied outlines replace that country: the regions themselves
 * (`admin1_proxy`) and the rest of the country (`country_remainder`, keyed by its ADM0_A3), see
 * admin1Proxy.ts. Every other country is kept whole. So the set covers exactly the land the
 * countries set covers, and a layer with sub-national values for some countries (EIA prices per US
 * state) and national values elsewhere is one polygon layer that maps and samples like any other.
 *
 * Keys: ISO 3166-2 codes for subdivisions ("US-TX", "CA-QC", "DE-HE"; Natural Earth's adm1_code where
 * it has no valid ISO code, e.g. Jervis Bay Territory), the Natural Earth ADM0_A3 for whole countries
 * and country remainders (identical to the countries set's keys). Properties: `level` ("admin1" |
 * "admin1_proxy" | "country" | "country_remainder"), `country` (the parent's ADM0_A3), and the
 * parent's `iso3` / `iso2`. Only a `country` feature has the identical outline of its country.
 */
import { readFileSync } from "node:fs";
import type { FeatureCollection, Geometry } from "geojson";
import type { PolygonFeature } from "../polygons";
import type { CountryRecord } from "./countries";

export interface SubdivisionFeature extends PolygonFeature {
  props: { level: SubdivisionLevel; country: string; iso3: string | null; iso2: string | null; iso_3166_2: string | null };
  /** The subdivision's own name ("Texas") or the country's name; not written to the geometry file. */
  shortName: string;
}

/** Natural Earth admin-1, proxied admin-1 (admin1Proxy.ts), whole country, or a country minus its proxied regions. */
export type SubdivisionLevel = "admin1" | "admin1_proxy" | "country" | "country_remainder";

const ISO_3166_2 = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

interface Admin1Props { iso_3166_2?: string; adm1_code?: string; adm0_a3?: string; name?: string }

/** ADM0_A3 keys of the countries the Natural Earth admin-1 file splits (US, BR, CA, AU at 1:50m). */
export function naturalEarthAdmin1Countries(admin1Path: string): Set<string> {
  const fc = JSON.parse(readFileSync(admin1Path, "utf8")) as FeatureCollection<Geometry, Admin1Props>;
  return new Set(fc.features.map((f) => String(f.properties.adm0_a3)));
}

/**
 * Natural Earth admin-1 features, then `proxies` (admin1Proxy.ts) in place of the countries they
 * split, then every other country whole.
 */
export function loadSubdivisions(admin1Path: string, countries: CountryRecord[], proxies: readonly SubdivisionFeature[] = []): SubdivisionFeature[] {
  const fc = JSON.parse(readFileSync(admin1Path, "utf8")) as FeatureCollection<Geometry, Admin1Props>;
  const byKey = new Map(countries.map((c) => [c.key, c]));
  const subdivided = new Set<string>();
  const features: SubdivisionFeature[] = fc.features.map((f, i) => {
    const p = f.properties;
    const parent = byKey.get(String(p.adm0_a3));
    if (!parent) throw new Error(`ne_50m_admin_1 feature ${i} (${p.name}): adm0_a3 "${p.adm0_a3}" is not a Natural Earth admin-0 country`);
    subdivided.add(parent.key);
    const iso = typeof p.iso_3166_2 === "string" && ISO_3166_2.test(p.iso_3166_2) ? p.iso_3166_2 : null;
    const key = iso ?? String(p.adm1_code);
    if (!key || key === "undefined") throw new Error(`ne_50m_admin_1 feature ${i} (${p.name}) has neither an ISO 3166-2 code nor an adm1_code`);
    return {
      key,
      name: `${String(p.name)}, ${parent.name}`,
      shortName: String(p.name),
      geometry: f.geometry,
      props: { level: "admin1", country: parent.key, iso3: parent.iso3, iso2: parent.iso2, iso_3166_2: iso },
    };
  });
  for (const p of proxies) {
    if (subdivided.has(p.props.country) && p.props.level === "admin1_proxy") throw new Error(`subdivisions: ${p.key} is proxied but Natural Earth admin-1 already splits ${p.props.country}`);
  }
  features.push(...proxies);
  for (const p of proxies) subdivided.add(p.props.country);
  for (const c of countries) {
    if (subdivided.has(c.key)) continue;
    features.push({ key: c.key, name: c.name, shortName: c.name, geometry: c.geometry, props: { level: "country", country: c.key, iso3: c.iso3, iso2: c.iso2, iso_3166_2: null } });
  }
  features.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let i = 1; i < features.length; i++) {
    if (features[i]!.key === features[i - 1]!.key) throw new Error(`subdivisions: duplicate key ${features[i]!.key}`);
  }
  return features;
}
