/**
 * Model layers (manifest storage "model") evaluated from the store's inputs with the documented
 * models in server/models: the climate models per land cell, the aridity index, and the composite
 * physical risk from its component layers. One implementation serves the map's tiles, point
 * sampling, the suitability surface and the PUE model. The store only reads data; this module is
 * given the store and computes what is derived from it, caching grids in memory and on disk.
 */
import path from "node:path";
import type { LayerMeta } from "@/data/schema/manifest";
import { cellColumn, type CellColumn } from "@/server/layers/cellColumns";
import { climateAtLandCell, climateInputs, newClimate } from "@/server/layers/climateCells";
import { readFloat32Cache, writeFloat32Cache } from "@/server/layers/diskCache";
import { sampleColumns, type ColumnCombiner, type SampleColumns, type SamplePoint } from "@/server/layers/sample";
import type { LayerStore } from "@/server/layers/store";
import { aridityIndex, ClimateInputError, designWetBulbC, freeCoolingHours, heatHoursAbove35C, type SiteClimate } from "@/server/models/climate";
import { compositeDriverNote, compositeRisk } from "@/server/models/risk/composite";
import { readPrecomputedModel } from "@/server/layers/precomputed";

type ClimateModel = (c: SiteClimate) => number;

export const CLIMATE_MODELS: Record<string, ClimateModel> = {
  designWetBulbC,
  freeCoolingHours: (c) => freeCoolingHours(c),
  heatHoursAbove35C,
};

/** Why a model cell has no value: the climate models reject inputs outside their valid range. */
export const MODEL_INPUT_REASON = "climate inputs at this cell are outside the model's valid range (e.g. no surface water vapour over polar ice)";

/**
 * Bump when any model in server/models/climate or server/models/risk changes its results: cached
 * grids are keyed by this and the manifest's inputs hash. tests/unit/siting/modelLayers.test.ts
 * recomputes cells and fails if a cache would be stale.
 */
export const MODEL_GRID_VERSION = 3;

const memo = new WeakMap<LayerStore, Map<string, Float32Array>>();

/** The per-land-cell values of any grid or model layer: the store's grid, or the model's (memory, disk, computed). */
export function layerGrid(store: LayerStore, layerId: string): Float32Array {
  const layer = store.layer(layerId);
  if (!layer) throw new Error(`unknown layer ${layerId}`);
  if (layer.storage.kind !== "model") return store.gridValues(layerId);
  let byStore = memo.get(store);
  if (!byStore) memo.set(store, (byStore = new Map()));
  let values = byStore.get(layerId);
  if (!values) byStore.set(layerId, (values = modelGrid(store, layer)));
  return values;
}

/** Any layer's value per land cell (server/layers/cellColumns.ts), model layers included. */
export function layerCells(store: LayerStore, layerId: string): CellColumn {
  return cellColumn(store, layerId, (l) => layerGrid(store, l.id));
}

/**
 * A model layer's grid: the pipeline's precomputed grid (precomputed.ts) when it matches the data and
 * model version, else the disk cache, else computed (0.5–4.5 s a layer) and cached.
 */
function modelGrid(store: LayerStore, layer: LayerMeta): Float32Array {
  const pre = readPrecomputedModel(store, layer.id, MODEL_GRID_VERSION);
  if (!("reason" in pre)) return pre;
  const n = store.grid.landCells;
  const file = store.cacheDir ? path.join(store.cacheDir, `${layer.id}-v${MODEL_GRID_VERSION}-${store.manifest.inputsHash.slice(0, 16)}.f32`) : null;
  const cached = file ? readFloat32Cache(file, n) : null;
  if (cached) return cached;
  console.warn(`model layer ${layer.id}: computing over ${n} land cells; not precomputed: ${pre.reason}`);
  const values = computeModelGrid(store, layer);
  if (file) writeFloat32Cache(file, values);
  return values;
}

/** A model layer over all land cells (no cache). */
export function computeModelGrid(store: LayerStore, layer: LayerMeta): Float32Array {
  if (layer.storage.kind !== "model") throw new Error(`${layer.id} is not a model layer`);
  const n = store.grid.landCells;
  const out = new Float32Array(n);
  const name = layer.storage.model;
  const climateModel = CLIMATE_MODELS[name];
  if (climateModel || name === "aridityIndex") {
    const climate = newClimate();
    const inputs = climateInputs(store);
    const precip = name === "aridityIndex" ? store.aux("precip_annual") : null;
    for (let li = 0; li < n; li++) {
      if (!climateAtLandCell(inputs, li, climate) || (precip && Number.isNaN(precip[li]!))) { out[li] = NaN; continue; }
      try {
        out[li] = climateModel ? climateModel(climate) : aridityIndex(climate, store.grid.centreOfLand(li).lat, precip![li]!);
      } catch (err) {
        if (!(err instanceof ClimateInputError)) throw err;
        out[li] = NaN;
      }
    }
    return out;
  }
  if (name === "compositeRisk") {
    const components = layer.storage.inputs.map((id) => {
      const col = layerCells(store, id);
      if (col.kind !== "numeric") throw new Error(`composite risk component ${id} must be numeric`);
      return col.values;
    });
    const values: (number | null)[] = new Array(components.length);
    for (let li = 0; li < n; li++) {
      for (let k = 0; k < components.length; k++) {
        const v = components[k]![li]!;
        values[k] = v === v ? v : null;
      }
      out[li] = compositeRisk(values).value ?? NaN;
    }
    return out;
  }
  throw new Error(`no implementation for model "${name}" of layer ${layer.id}`);
}

/**
 * How a model layer's value at a point combines the point values of its inputs, where that is more
 * faithful than interpolating its grid: the composite risk follows the point's own hazards and
 * names the one that drives it.
 */
const COMBINERS: Record<string, ColumnCombiner> = {
  compositeRisk: (parts, col, reason) => {
    const values: (number | null)[] = new Array(parts.length);
    for (let i = 0; i < col.numeric.length; i++) {
      for (let k = 0; k < parts.length; k++) {
        const v = parts[k]!.numeric[i]!;
        values[k] = v === v ? v : null;
      }
      const r = compositeRisk(values);
      if (r.value === null) col.reason[i] = reason(r.reason);
      else {
        col.numeric[i] = r.value;
        col.note[i] = reason(compositeDriverNote(r)!);
      }
    }
  },
};

/** Samples stored and model layers at points (server/layers/sample.ts with this module's model grids). */
export function sampleLayerColumns(store: LayerStore, points: readonly SamplePoint[], layerIds: readonly string[]): SampleColumns {
  return sampleColumns(store, points, layerIds, {
    gridOf: (layer) => layerGrid(store, layer.id),
    combinerOf: (layer) => (layer.storage.kind === "model" ? COMBINERS[layer.storage.model] ?? null : null),
    modelNoValue: `No value: ${MODEL_INPUT_REASON}.`,
  });
}

/** Materialises every model layer (from the disk cache when possible), e.g. at server start. */
export function warmModelLayers(store: LayerStore): void {
  for (const layer of store.layers) if (layer.storage.kind === "model" && layer.quality !== "missing") layerGrid(store, layer.id);
}
