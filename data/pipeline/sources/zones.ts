/** Electricity Maps zone polygons, keyed by zoneName (e.g. "US-CAL-CISO", "NO-NO1", "FR"). */
import { readFileSync } from "node:fs";
import type { FeatureCollection, Geometry } from "geojson";
import type { PolygonFeature } from "../polygons";

export function loadZones(zonesPath: string, configPath: string): PolygonFeature[] {
  const fc = JSON.parse(readFileSync(zonesPath, "utf8")) as FeatureCollection<Geometry, { zoneName: string; countryKey?: string; countryName?: string }>;
  const config = JSON.parse(readFileSync(configPath, "utf8")) as Record<string, { zone_name?: string }>;
  const zones = fc.features.map((f): PolygonFeature => {
    const key = f.properties.zoneName;
    const zoneName = config[key]?.zone_name;
    const country = f.properties.countryName ?? null;
    const name = zoneName && zoneName !== country ? `${zoneName} (${country ?? key})` : (country ?? key);
    return { key, name, geometry: f.geometry, props: { country: f.properties.countryKey ?? null } };
  });
  zones.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return zones;
}
