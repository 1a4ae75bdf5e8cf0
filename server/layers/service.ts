/** The layer domain as the API uses it: catalog, sampling with id validation, sources. */
import { env } from "@/server/env";
import { catalog } from "./catalog";
import { sampleColumns, toPointSamples, type PointSample, type ProvenanceRef, type SamplePoint } from "./sample";
import { getLayerStore, type LayerStore } from "./store";

export class UnknownLayerError extends Error {
  constructor(readonly index: number, readonly id: string, known: string[]) {
    super(`layers.${index}: unknown layer id "${id}" (known: ${known.join(", ")})`);
    this.name = "UnknownLayerError";
  }
}

export function layerStore(): LayerStore {
  const e = env();
  return getLayerStore(e.LAYERS_DIR, e.CACHE_DIR);
}

export function layerCatalog() {
  return catalog(layerStore());
}

export function layerSources() {
  return layerStore().manifest.sources;
}

/**
 * Samples the given layers (all when omitted) at each point. Values are aligned with `layers`;
 * provenance records (country or zone with year and source, or the nearest point) are shared in
 * `refs`. Throws UnknownLayerError naming a bad id.
 */
export function sampleLayers(points: SamplePoint[], layerIds?: string[]): { layers: string[]; refs: ProvenanceRef[]; results: PointSample[] } {
  const store = layerStore();
  const known = store.layers.map((l) => l.id);
  const ids = layerIds ?? known;
  ids.forEach((id, i) => {
    if (!store.layer(id)) throw new UnknownLayerError(i, id, known);
  });
  const columns = sampleColumns(store, points, ids);
  return { layers: columns.columns.map((c) => c.id), refs: columns.refs, results: toPointSamples(store, columns) };
}
