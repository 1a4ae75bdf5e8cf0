/**
 * Computes the grids the data pipeline precomputes (server/layers/precomputed.ts describes the
 * layout): every model layer, the cooling model of every archetype and every distance layer's cell
 * column, over all land cells of a data build. Called
 * by data/pipeline/layers/coolingPrecompute.ts on the freshly written layers folder, with no cache,
 * so the result depends only on the data build and the models (deterministic).
 */
import { cellColumn } from "@/server/layers/cellColumns";
import { distanceScale, quantiseCoolingColumn, quantiseDistances, type CoolingColumn } from "@/server/layers/precomputed";
import type { LayerStore } from "@/server/layers/store";
import { COOLING_ARCHETYPE_IDS, type CoolingArchetype } from "@/server/models/cooling/archetypes";
import { computeCoolingCellsSync, probeCoolingModel } from "./coolingGrid";
import { layerGrid, MODEL_GRID_VERSION } from "./modelLayers";

export interface PrecomputedGrids {
  modelGridVersion: number;
  /** Model layers (not missing for the whole build), float32 per land cell. */
  models: { layerId: string; values: Float32Array }[];
  /** Cooling columns per archetype, quantised to uint16 (precomputed.ts COOLING_COLUMNS). */
  cooling: { archetype: CoolingArchetype; fingerprint: string; columns: Record<CoolingColumn, Uint16Array> }[];
  /** Distance layers' cell columns (km), quantised to uint16 at `scale` km. */
  distances: { layerId: string; scale: number; values: Uint16Array }[];
}

/**
 * The precomputed grids of a store opened without a cache directory. Throws when the cooling model
 * no longer separates utilisation (then one grid per archetype cannot serve every scenario and the
 * precompute would be silently unused).
 */
export function precomputeGrids(store: LayerStore, log: (msg: string) => void = () => {}): PrecomputedGrids {
  if (store.cacheDir !== null) throw new Error("precompute from a store without a cache directory, so nothing stale is read");
  const models = store.layers
    .filter((l) => l.storage.kind === "model" && l.quality !== "missing")
    .map((l) => {
      log(`  model layer ${l.id}`);
      return { layerId: l.id, values: layerGrid(store, l.id) };
    });
  const cooling = COOLING_ARCHETYPE_IDS.map((archetype) => {
    const probe = probeCoolingModel(store, archetype);
    if (!probe.separable) throw new Error(`cooling model ${archetype}: utilisation no longer enters only through the fixed overhead; the per-archetype precompute cannot serve every utilisation`);
    const t0 = performance.now();
    const cells = computeCoolingCellsSync(store, archetype, null);
    log(`  cooling ${archetype}: ${store.grid.landCells} land cells in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return {
      archetype,
      fingerprint: probe.fingerprint,
      columns: {
        pueBase: quantiseCoolingColumn("pueBase", cells.pueBase),
        puePeak: quantiseCoolingColumn("puePeak", cells.puePeak),
        wue: quantiseCoolingColumn("wue", cells.wue),
      },
    };
  });
  const distances = store.layers
    .filter((l) => l.storage.kind === "points" && l.quality !== "missing")
    .map((l) => {
      const col = cellColumn(store, l.id, () => { throw new Error("distance layers have no grid"); });
      if (col.kind !== "numeric") throw new Error(`${l.id}: distances must be numeric`);
      const scale = distanceScale(col.values);
      log(`  distances ${l.id} (uint16 at ${scale} km)`);
      return { layerId: l.id, scale, values: quantiseDistances(col.values, scale) };
    });
  return { modelGridVersion: MODEL_GRID_VERSION, models, cooling, distances };
}
