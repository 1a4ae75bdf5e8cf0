/**
 * Countries from Natural Earth 1:50m admin-0, keyed by ADM0_A3 (stable and always set), with ISO
 * codes resolved carefully: NE's ISO_A3 is −99 for France, Norway, Kosovo and a few others
 * (DESIGN.md §4), so when it is missing we accept ADM0_A3 only if world-countries knows it as an
 * ISO 3166-1 alpha-3 code, and take alpha-2 codes from world-countries.
 */
import { readFileSync } from "node:fs";
import type { FeatureCollection, Geometry } from "geojson";
import type { PolygonFeature } from "../polygons";

interface WorldCountry { cca2: string; cca3: string; name: { common: string } }

export interface CountryRecord extends PolygonFeature {
  /** ISO 3166-1 alpha-3, or null (e.g. Somaliland, N. Cyprus, Siachen Glacier). */
  iso3: string | null;
  iso2: string | null;
  sovereignA3: string;
  /** Short map label and Natural Earth's suggested minimum label zoom. */
  label: string;
  minLabelZoom: number;
}

/** Kosovo is user-assigned XK/XKX in most international datasets (World Bank, Eurostat). */
const USER_ASSIGNED: Record<string, { iso3: string; iso2: string }> = { KOS: { iso3: "XKX", iso2: "XK" } };

export function loadCountries(nePath: string, worldCountriesPath: string): CountryRecord[] {
  const ne = JSON.parse(readFileSync(nePath, "utf8")) as FeatureCollection<Geometry, Record<string, string | number>>;
  const world = JSON.parse(readFileSync(worldCountriesPath, "utf8")) as WorldCountry[];
  const byA3 = new Map(world.map((w) => [w.cca3, w]));
  const valid = (code: unknown) => typeof code === "string" && /^[A-Z]{3}$/.test(code);

  const records = ne.features.map((f): CountryRecord => {
    const p = f.properties;
    const adm0 = String(p.ADM0_A3);
    let iso3: string | null = valid(p.ISO_A3) ? String(p.ISO_A3) : null;
    if (!iso3 && byA3.has(adm0)) iso3 = adm0;
    if (!iso3 && USER_ASSIGNED[adm0]) iso3 = USER_ASSIGNED[adm0].iso3;
    const iso2 = iso3 ? (byA3.get(iso3)?.cca2 ?? USER_ASSIGNED[adm0]?.iso2 ?? null) : null;
    return {
      key: adm0,
      name: String(p.NAME_LONG ?? p.NAME ?? p.ADMIN),
      geometry: f.geometry,
      iso3,
      iso2,
      sovereignA3: String(p.SOV_A3),
      label: String(p.NAME ?? p.ADMIN),
      minLabelZoom: Number(p.MIN_LABEL ?? 5),
      props: { iso3, iso2 },
    };
  });
  records.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const keys = new Set<string>();
  for (const r of records) {
    if (keys.has(r.key)) throw new Error(`Natural Earth: duplicate ADM0_A3 ${r.key}`);
    keys.add(r.key);
  }
  return records;
}
