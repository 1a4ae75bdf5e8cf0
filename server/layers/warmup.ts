import { layerStore } from "./service";

/** Loads the store and materialises every model layer (from the disk cache when possible). */
export function warmLayers(): void {
  const store = layerStore();
  for (const layer of store.layers) if (layer.storage.kind === "model") store.gridValues(layer.id);
}
