/**
 * The layer store of the data build this process serves (data/layers, or LAYERS_DIR), loaded once.
 * Only composition roots call it — the tRPC context, the file routes and server start-up; domain
 * code is given the store as an argument.
 */
import { env } from "@/server/env";
import { getLayerStore, type LayerStore } from "./store";

export function layerStore(): LayerStore {
  const e = env();
  return getLayerStore(e.LAYERS_DIR, e.CACHE_DIR);
}
