/**
 * Model layers evaluated over every land cell from their gridded inputs, with the documented models
 * in server/models: one implementation serves the map, the sampler and the PUE model.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LayerMeta } from "@/data/schema/manifest";
import { aridityIndex, ClimateInputError, designWetBulbC, freeCoolingHours, heatHoursAbove35C, type SiteClimate } from "@/server/models/climate";
import { COMPOSITE_COMPONENTS, compositeRisk } from "@/server/models/risk/composite";
import type { LayerStore } from "./store";

type ClimateModel = (c: SiteClimate) => number;

export const CLIMATE_MODELS: Record<string, ClimateModel> = {
  designWetBulbC,
  freeCoolingHours: (c) => freeCoolingHours(c),
  heatHoursAbove35C,
};

/** The gridded inputs of the climate models, per land cell. */
export interface ClimateInputs { months: Float32Array[]; rho50: Float32Array; rho10: Float32Array; rho1: Float32Array; elevation: Float32Array }

export function climateInputs(store: LayerStore): ClimateInputs {
  return {
    months: Array.from({ length: 12 }, (_, m) => store.aux(`t2m_month${String(m + 1).padStart(2, "0")}`)),
    rho50: store.aux("rho_50"),
    rho10: store.aux("rho_10"),
    rho1: store.aux("rho_1"),
    elevation: store.aux("elevation"),
  };
}

/** Fills `climate` with the inputs of land cell `li`; returns false when an input is missing. */
export function climateAtLandCell(inputs: ClimateInputs, li: number, climate: SiteClimate & { monthlyMeanC: Float64Array }): boolean {
  for (let m = 0; m < 12; m++) {
    const t = inputs.months[m]![li]!;
    if (t !== t) return false;
    climate.monthlyMeanC[m] = t;
  }
  climate.rhoMedianGm3 = inputs.rho50[li]!;
  climate.rho10Gm3 = inputs.rho10[li]!;
  climate.rho1Gm3 = inputs.rho1[li]!;
  climate.elevationM = inputs.elevation[li]!;
  return !Number.isNaN(climate.rhoMedianGm3 + climate.rho10Gm3 + climate.rho1Gm3);
}

export function newClimate(): SiteClimate & { monthlyMeanC: Float64Array } {
  return { monthlyMeanC: new Float64Array(12), rhoMedianGm3: 0, rho10Gm3: 0, rho1Gm3: 0, elevationM: 0 };
}

/** Why a model cell has no value: the climate models reject inputs outside their valid range. */
export const MODEL_INPUT_REASON = "climate inputs at this cell are outside the model's valid range (e.g. no surface water vapour over polar ice)";

/**
 * Bump when any model in server/models/climate or server/models/risk changes its results: cached
 * grids are keyed by this and the manifest's inputs hash. tests/unit/layers/modelGrids.test.ts
 * recomputes cells and fails if a cache would be stale.
 */
export const MODEL_GRID_VERSION = 3;

/**
 * A model layer over all land cells, from the disk cache when it matches the data and model
 * version (computing the climate models for ~260,000 cells takes a few seconds), else computed and
 * cached. `cacheDir` null disables the cache.
 */
export function modelGrid(store: LayerStore, layer: LayerMeta, cacheDir: string | null): Float32Array {
  const file = cacheDir ? path.join(cacheDir, `${layer.id}-v${MODEL_GRID_VERSION}-${store.manifest.inputsHash.slice(0, 16)}.f32`) : null;
  if (file) {
    try {
      const buf = readFileSync(file);
      if (buf.byteLength === store.grid.landCells * 4) return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    } catch {
      // not cached yet
    }
  }
  const values = computeModelGrid(store, layer);
  if (file) {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
      renameSync(tmp, file); // atomic: a concurrent reader never sees half a file
    } catch {
      // a read-only data dir only costs recomputation
    }
  }
  return values;
}

export function computeModelGrid(store: LayerStore, layer: LayerMeta): Float32Array {
  if (layer.storage.kind !== "model") throw new Error(`${layer.id} is not a model layer`);
  const n = store.grid.landCells;
  const out = new Float32Array(n);
  const name = layer.storage.model;
  const model = CLIMATE_MODELS[name];
  if (model) {
    const climate = newClimate();
    const inputs = climateInputs(store);
    for (let li = 0; li < n; li++) {
      if (!climateAtLandCell(inputs, li, climate)) { out[li] = NaN; continue; }
      try {
        out[li] = model(climate);
      } catch (err) {
        if (!(err instanceof ClimateInputError)) throw err;
        out[li] = NaN;
      }
    }
    return out;
  }
  if (name === "aridityIndex") {
    const climate = newClimate();
    const inputs = climateInputs(store);
    const precip = store.aux("precip_annual");
    for (let li = 0; li < n; li++) {
      if (!climateAtLandCell(inputs, li, climate) || Number.isNaN(precip[li]!)) { out[li] = NaN; continue; }
      try {
        out[li] = aridityIndex(climate, store.grid.centreOfLand(li).lat, precip[li]!);
      } catch (err) {
        if (!(err instanceof ClimateInputError)) throw err;
        out[li] = NaN;
      }
    }
    return out;
  }
  if (name === "compositeRisk") {
    const components = COMPOSITE_COMPONENTS.map((c) => cellValuesForComposite(store, c.id));
    const values: (number | null)[] = new Array(components.length);
    for (let li = 0; li < n; li++) {
      for (let k = 0; k < components.length; k++) values[k] = components[k]![li]!;
      out[li] = compositeRisk(values).value ?? NaN;
    }
    return out;
  }
  throw new Error(`no implementation for model "${name}" of layer ${layer.id}`);
}

/** Per-land-cell numeric values of a grid, model or numeric polygon layer (majority feature per cell). */
function cellValuesForComposite(store: LayerStore, layerId: string): Float32Array {
  const layer = store.layer(layerId);
  if (!layer) throw new Error(`composite risk needs layer ${layerId}`);
  if (layer.storage.kind !== "polygon") return store.gridValues(layerId);
  const values = store.polygonValues(layerId);
  const index = store.polygons[layer.storage.polygonSet];
  const out = new Float32Array(store.grid.landCells);
  for (let li = 0; li < out.length; li++) {
    const f = index.majorityOfLandCell(li);
    const v = f >= 0 ? values[f]?.value : null;
    out[li] = typeof v === "number" ? v : NaN;
  }
  return out;
}
