/** The sites domain as the API uses it: imports checked against the layer catalog, place search. */
import type { LayerStore } from "@/server/layers/store";
import { Gazetteer, type Place } from "./gazetteer";
import { importCsv, importGeoJson, type ImportResult } from "./importSites";

/** Ids a site may override: every layer, plus the engineering metrics. */
export function overridableIds(store: LayerStore, metricIds: readonly string[] = []): Set<string> {
  return new Set([...store.layers.map((l) => l.id), ...metricIds]);
}

export function importSites(store: LayerStore, format: "csv" | "geojson", content: string, metricIds: readonly string[] = []): ImportResult {
  const known = overridableIds(store, metricIds);
  return format === "csv" ? importCsv(content, known) : importGeoJson(content, known);
}

const gazetteers = new WeakMap<LayerStore, Gazetteer>();

export function searchPlaces(store: LayerStore, q: string, limit: number): Place[] {
  let g = gazetteers.get(store);
  if (!g) gazetteers.set(store, (g = new Gazetteer(store.pointSet("cities").points as unknown as Place[])));
  return g.search(q, limit);
}
