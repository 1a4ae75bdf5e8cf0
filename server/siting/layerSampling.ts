/** `layers.sample`: any layers (stored or model) at up to 10,000 points, ids checked first. */
import { InputError } from "@/server/errors";
import { toPointSamples, type PointSample, type ProvenanceRef, type SamplePoint } from "@/server/layers/sample";
import type { LayerStore } from "@/server/layers/store";
import { sampleLayerColumns } from "./modelLayers";

/**
 * Samples the given layers (all when omitted) at each point. Values are aligned with `layers`;
 * provenance records (country or zone with year and source, or the nearest point) are shared in
 * `refs`. An unknown id is an input error naming its position (`layers.2`).
 */
export function sampleLayers(store: LayerStore, points: SamplePoint[], layerIds?: string[]): { layers: string[]; refs: ProvenanceRef[]; results: PointSample[] } {
  const known = store.layers.map((l) => l.id);
  const ids = layerIds ?? known;
  ids.forEach((id, i) => {
    if (!store.layer(id)) throw new InputError(`layers.${i}`, `unknown layer id "${id}" (known: ${known.join(", ")})`);
  });
  const columns = sampleLayerColumns(store, points, ids);
  return { layers: columns.columns.map((c) => c.id), refs: columns.refs, results: toPointSamples(store, columns) };
}
