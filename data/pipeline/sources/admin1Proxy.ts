/**
 * Proxied first-level subdivisions for countries where the curated power-market table has a
 * regional row but the bundled Natural Earth 1:50m admin-1 file has no polygons (it covers only
 * US, BR, CA and AU; SOURCES.md: the global 1:10m admin-1 polygons, about 40 MB, are not in the
 * raw folder). Each such region's outline is built as:
 *
 *   Voronoi cells of seed points labelled with their admin-1 unit → union of the region's cells
 *   → clipped to the Natural Earth 1:50m country outline;
 *
 * and the rest of the country becomes one `country_remainder` feature (the country outline minus
 * the proxied regions), keyed by the country's ADM0_A3 so national values still join to it.
 *
 * Seeds, all labelled with an admin-1 unit by their publisher:
 * - Natural Earth 1:10m admin-1 label points (one or more per unit, incl. islands), matched by name;
 * - Natural Earth 1:10m populated places, by their `adm1name`;
 * - GeoNames cities ≥ 15,000 by admin-1 code, for countries whose GeoNames admin-1 codes are the
 *   current first-level units (China, Germany, Japan, Malaysia, the Netherlands; GeoNames keeps
 *   Ireland's provinces and Taiwan's pre-2010 provinces, so their cities are not used).
 * Cells are computed in an equirectangular projection scaled by cos(mean latitude), so distances
 * are roughly isotropic. The outline is a proxy: a boundary can be off by the spacing of the seeds
 * (a few km around cities, tens of km in empty land). Values on these features say so; the real
 * Natural Earth 1:10m admin-1 polygons would replace them.
 */
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import { difference, featureCollection, intersect, point, union, voronoi } from "@turf/turf";
import type { CountryRecord } from "./countries";
import type { SubdivisionFeature } from "./subdivisions";

export interface ProxyRegionDef {
  /** ISO 3166-2 code (the key of the feature and of the curated row). */
  iso: string;
  /** Parent ADM0_A3. */
  country: string;
  /** English name. */
  name: string;
  /** Natural Earth admin-1 names (label points' `name`, populated places' `adm1name`) of the unit. */
  neNames: string[];
  /** GeoNames admin-1 codes ("CN.23") of the unit; empty where GeoNames' codes are not current. */
  geonames: string[];
}

/**
 * ISO 3166-2 → Natural Earth and GeoNames names of the unit. Ireland's IE-D (County Dublin) is the
 * four local-government areas Natural Earth lists separately; Taiwan's New Taipei City is "Taipei"
 * (the former county) in the label points and "New Taipei City" in the populated places.
 */
export const PROXY_REGIONS: readonly ProxyRegionDef[] = [
  { iso: "CN-BJ", country: "CHN", name: "Beijing", neNames: ["Beijing"], geonames: ["CN.22"] },
  { iso: "CN-CQ", country: "CHN", name: "Chongqing", neNames: ["Chongqing"], geonames: ["CN.33"] },
  { iso: "CN-FJ", country: "CHN", name: "Fujian", neNames: ["Fujian"], geonames: ["CN.07"] },
  { iso: "CN-GD", country: "CHN", name: "Guangdong", neNames: ["Guangdong"], geonames: ["CN.30"] },
  { iso: "CN-HB", country: "CHN", name: "Hubei", neNames: ["Hubei"], geonames: ["CN.12"] },
  { iso: "CN-SH", country: "CHN", name: "Shanghai", neNames: ["Shanghai"], geonames: ["CN.23"] },
  { iso: "CN-TJ", country: "CHN", name: "Tianjin", neNames: ["Tianjin"], geonames: ["CN.28"] },
  { iso: "DE-HE", country: "DEU", name: "Hessen", neNames: ["Hessen"], geonames: ["DE.05"] },
  { iso: "IE-D", country: "IRL", name: "Dublin", neNames: ["Dublin", "Fingal", "South Dublin", "Dún Laoghaire–Rathdown"], geonames: [] },
  { iso: "JP-11", country: "JPN", name: "Saitama", neNames: ["Saitama"], geonames: ["JP.34"] },
  { iso: "JP-13", country: "JPN", name: "Tokyo", neNames: ["Tokyo"], geonames: ["JP.40"] },
  { iso: "MY-01", country: "MYS", name: "Johor", neNames: ["Johor"], geonames: ["MY.01"] },
  { iso: "NL-GR", country: "NLD", name: "Groningen", neNames: ["Groningen"], geonames: ["NL.04"] },
  { iso: "NL-NH", country: "NLD", name: "Noord-Holland", neNames: ["Noord-Holland"], geonames: ["NL.07"] },
  { iso: "TW-KEE", country: "TWN", name: "Keelung", neNames: ["Keelung City"], geonames: [] },
  { iso: "TW-NWT", country: "TWN", name: "New Taipei", neNames: ["Taipei", "New Taipei City"], geonames: [] },
  { iso: "TW-TPE", country: "TWN", name: "Taipei", neNames: ["Taipei City"], geonames: [] },
];

/** Countries whose GeoNames admin-1 codes are today's first-level units (see the module comment). */
const GEONAMES_CURRENT = new Set(["CHN", "DEU", "JPN", "MYS", "NLD"]);

export interface ProxySeedFiles {
  labelPoints: string;
  populatedPlaces: string;
  geonamesCities: string;
}

interface Seed { lon: number; lat: number; region: string }

type Area = Feature<Polygon | MultiPolygon>;

function seedsOf(country: CountryRecord, defs: readonly ProxyRegionDef[], files: ProxySeedFiles): Seed[] {
  const byNeName = new Map(defs.flatMap((d) => d.neNames.map((n) => [n, d.iso] as const)));
  const byGeonames = new Map(defs.flatMap((d) => d.geonames.map((c) => [c, d.iso] as const)));
  const seeds: Seed[] = [];
  const labels = JSON.parse(readFileSync(files.labelPoints, "utf8")) as FeatureCollection<Point, { sr_adm0_a3?: string; name?: string }>;
  for (const f of labels.features) {
    if (f.properties.sr_adm0_a3 !== country.key || !f.geometry) continue;
    const [lon, lat] = f.geometry.coordinates as [number, number];
    seeds.push({ lon, lat, region: byNeName.get(String(f.properties.name)) ?? "" });
  }
  const places = JSON.parse(readFileSync(files.populatedPlaces, "utf8")) as FeatureCollection<Point, { adm0_a3?: string; adm1name?: string | null; longitude: number; latitude: number }>;
  for (const f of places.features) {
    const p = f.properties;
    if (p.adm0_a3 !== country.key) continue;
    seeds.push({ lon: p.longitude, lat: p.latitude, region: byNeName.get(String(p.adm1name)) ?? "" });
  }
  if (GEONAMES_CURRENT.has(country.key) && country.iso2) {
    const cities = csvParse(readFileSync(files.geonamesCities, "utf8"));
    for (const c of cities) {
      if (c.country !== country.iso2) continue;
      seeds.push({ lon: Number(c.lon), lat: Number(c.lat), region: byGeonames.get(`${c.country}.${c.admin1}`) ?? "" });
    }
  }
  // One seed per location (Voronoi needs distinct sites); the first label wins, in the fixed order above.
  const seen = new Set<string>();
  return seeds.filter((s) => {
    const k = `${s.lon.toFixed(4)},${s.lat.toFixed(4)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of parts) for (const ring of rings) for (const [x, y] of ring) {
    w = Math.min(w, x!); e = Math.max(e, x!); s = Math.min(s, y!); n = Math.max(n, y!);
  }
  return [w, s, e, n];
}

/**
 * The proxied regions of one country (one feature per definition) and the country remainder.
 * Throws when a region ends up with no seed or an empty outline.
 */
export function proxyRegionsOfCountry(country: CountryRecord, defs: readonly ProxyRegionDef[], files: ProxySeedFiles): SubdivisionFeature[] {
  const outline = country.geometry as Polygon | MultiPolygon;
  const [w, s, e, n] = bboxOf(outline);
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const seeds = seedsOf(country, defs, files).filter((p) => p.lon >= w - 1 && p.lon <= e + 1 && p.lat >= s - 1 && p.lat <= n + 1);
  for (const d of defs) if (!seeds.some((p) => p.region === d.iso)) throw new Error(`admin-1 proxy ${d.iso}: no Natural Earth or GeoNames seed point carries the names/codes ${[...d.neNames, ...d.geonames].join(", ")}`);
  const cells = voronoi(featureCollection(seeds.map((p) => point([p.lon * k, p.lat]))), { bbox: [(w - 2) * k, s - 2, (e + 2) * k, n + 2] });
  const byRegion = new Map<string, Feature<Polygon>[]>(defs.map((d) => [d.iso, []]));
  cells.features.forEach((cell, i) => {
    const list = byRegion.get(seeds[i]!.region);
    if (!cell?.geometry || !list) return;
    list.push({ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: cell.geometry.coordinates.map((ring) => ring.map(([x, y]) => [x! / k, y!])) } });
  });
  const countryArea: Area = { type: "Feature", properties: {}, geometry: outline };
  const regionAreas: Area[] = [];
  const features: SubdivisionFeature[] = defs.map((d) => {
    const cellsOfRegion = byRegion.get(d.iso)!;
    const merged = cellsOfRegion.length === 1 ? cellsOfRegion[0]! : union(featureCollection(cellsOfRegion));
    const clipped = merged ? intersect(featureCollection([merged, countryArea])) : null;
    if (!clipped) throw new Error(`admin-1 proxy ${d.iso}: the Voronoi cells of its seeds do not overlap ${country.name}'s outline`);
    regionAreas.push(merged!);
    return {
      key: d.iso,
      name: `${d.name}, ${country.name} (approximate outline)`,
      shortName: d.name,
      geometry: clipped.geometry,
      props: { level: "admin1_proxy", country: country.key, iso3: country.iso3, iso2: country.iso2, iso_3166_2: d.iso },
    };
  });
  const covered = regionAreas.length === 1 ? regionAreas[0]! : union(featureCollection(regionAreas));
  const rest = covered ? difference(featureCollection([countryArea, covered])) : countryArea;
  if (!rest) throw new Error(`admin-1 proxy: the proxied regions cover all of ${country.name}`);
  const names = defs.map((d) => d.name);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)!}`;
  features.push({
    key: country.key,
    name: `${country.name} outside ${list}`,
    shortName: country.name,
    geometry: rest.geometry,
    props: { level: "country_remainder", country: country.key, iso3: country.iso3, iso2: country.iso2, iso_3166_2: null },
  });
  return features;
}

/**
 * Proxied regions for the given ISO 3166-2 codes (grouped by country), with each country's remainder.
 * A code without a definition in {@link PROXY_REGIONS} throws, naming where it came from.
 */
export function loadProxyRegions(codes: ReadonlyMap<string, string>, countries: readonly CountryRecord[], files: ProxySeedFiles): SubdivisionFeature[] {
  const byCountry = new Map<string, ProxyRegionDef[]>();
  for (const [iso, origin] of [...codes].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const def = PROXY_REGIONS.find((d) => d.iso === iso);
    if (!def) throw new Error(`${origin}, column iso_3166_2: "${iso}" has no outline — Natural Earth 1:50m admin-1 does not split its country, and data/pipeline/sources/admin1Proxy.ts has no proxy definition for it`);
    byCountry.set(def.country, [...(byCountry.get(def.country) ?? []), def]);
  }
  const out: SubdivisionFeature[] = [];
  for (const [key, defs] of [...byCountry].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const country = countries.find((c) => c.key === key);
    if (!country) throw new Error(`admin-1 proxy: ${key} is not a Natural Earth admin-0 country`);
    out.push(...proxyRegionsOfCountry(country, defs, files));
  }
  return out;
}
