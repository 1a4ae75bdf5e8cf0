/** The layer catalog as the API serves it: metadata, legend and full source records per layer. */
import type { LayerMeta, PolygonSetId, SourceMeta } from "@/data/schema/manifest";
import { legendFor, type Legend } from "./legend";
import type { LayerStore } from "./store";

export interface CatalogLayer extends Omit<LayerMeta, "storage" | "sources"> {
  kind: LayerMeta["storage"]["kind"];
  /** For polygon layers, which polygon set carries the values. */
  polygonSet?: PolygonSetId;
  pointSet?: string;
  /** For point layers measured to part of a set (e.g. plants of ≥ 500 MW), which points count. */
  pointFilter?: { field: string; atLeast: number };
  legend: Legend;
  sources: SourceMeta[];
  /** True when any source is licensed for non-commercial use only. */
  nonCommercial: boolean;
}

export function catalog(store: LayerStore): CatalogLayer[] {
  const sources = new Map(store.manifest.sources.map((s) => [s.id, s]));
  return store.layers.map((layer) => {
    const { storage, sources: ids, ...rest } = layer;
    const used = ids.map((id) => sources.get(id)).filter((s): s is SourceMeta => Boolean(s));
    return {
      ...rest,
      kind: storage.kind,
      ...(storage.kind === "polygon" ? { polygonSet: storage.polygonSet } : {}),
      ...(storage.kind === "points" ? { pointSet: storage.pointSet, ...(storage.where ? { pointFilter: storage.where } : {}) } : {}),
      legend: legendFor(layer),
      sources: used,
      nonCommercial: used.some((s) => s.nonCommercial),
    };
  });
}
