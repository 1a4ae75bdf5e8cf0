/** The data build's country outlines (Natural Earth admin-0 GeoJSON) for the report map, read once. */
import type { FeatureCollection, Geometry } from "geojson";
import { readJsonFile } from "@/server/layers/files";
import type { LayerStore } from "@/server/layers/store";

const cache = new WeakMap<LayerStore, FeatureCollection<Geometry>>();

export function countryOutlines(store: LayerStore): FeatureCollection<Geometry> {
  let fc = cache.get(store);
  if (!fc) {
    const meta = store.manifest.polygonSets.find((p) => p.id === "countries");
    if (!meta) throw new Error("the data build has no countries polygon set");
    fc = readJsonFile<FeatureCollection<Geometry>>(store.dir, meta.geometry);
    cache.set(store, fc);
  }
  return fc;
}
