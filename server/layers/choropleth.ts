/**
 * Per-feature values and colours of a polygon layer, for the map's choropleth: the geometry is
 * uploaded to the map once, and each layer recolours it through feature-state with these colours.
 */
import { colorScale, legendFor } from "./legend";
import type { LayerStore, PolygonSetId } from "./store";

export interface FeatureColour {
  key: string;
  value: number | string | null;
  label?: string;
  /** CSS colour, or null when the feature has no value (drawn unfilled). */
  color: string | null;
}

export function choropleth(store: LayerStore, layerId: string): { set: PolygonSetId; features: FeatureColour[] } | null {
  const layer = store.layer(layerId);
  if (!layer || layer.storage.kind !== "polygon") return null;
  const legend = legendFor(layer);
  const byKey = legend.kind === "categorical" ? new Map(legend.items.map((i) => [i.key, i])) : null;
  const scale = legend.kind === "continuous" ? colorScale(layer) : null;
  const features = store.polygonValues(layerId).map((pv): FeatureColour => {
    if (pv.value === null) return { key: pv.key, value: null, color: null };
    if (byKey) {
      const item = byKey.get(String(pv.value));
      return { key: pv.key, value: pv.value, ...(item ? { label: item.label } : {}), color: item?.color ?? null };
    }
    return { key: pv.key, value: pv.value, color: typeof pv.value === "number" ? scale!(pv.value) : null };
  });
  return { set: layer.storage.polygonSet, features };
}
