/**
 * Static layer assets the browser loads directly (polygon geometry, point sets), addressed by name
 * from the manifest only — never by a path taken from the request.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { LayerStore } from "./store";

export interface LayerAsset { body: Buffer; sha256: string }

/**
 * `countries`, `zones` (GeoJSON), `country-labels`, `city-labels` (GeoJSON points) or a point-set
 * id (JSON array); null for any other name.
 */
export function layerAsset(store: LayerStore, name: string): LayerAsset | null {
  const m = store.manifest;
  const labels = new Map([["country-labels", m.labels.countries], ["city-labels", m.labels.cities]]);
  const file = m.polygonSets.find((p) => p.id === name)?.geometry ?? labels.get(name) ?? m.pointSets.find((p) => p.id === name)?.file;
  if (!file) return null;
  return { body: readFileSync(path.join(store.dir, file.path)), sha256: file.sha256 };
}
