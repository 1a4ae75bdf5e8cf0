/**
 * Climate normals as the models read them, from the store's auxiliary grids: per land cell (for
 * model layers and the surface) and at any point, bilinearly over land cells (for sites, the same
 * interpolation as the temperature layers, so a site's PUE and the map agree). Readers only: the
 * models that turn normals into PUE, heat hours or aridity live in server/models and are applied
 * by server/siting.
 */
import type { LayerStore } from "./store";

/** The climate normals of one place (structurally the models' `SiteClimate`). */
export interface ClimateNormals {
  /** Monthly mean 2 m temperatures, January first, °C (ITU-R P.1510). */
  monthlyMeanC: Float64Array;
  /** Water-vapour density exceeded 50 / 10 / 1 % of the year, g/m³ (ITU-R P.836). */
  rhoMedianGm3: number;
  rho10Gm3: number;
  rho1Gm3: number;
  /** Height of the surface the humidity refers to, m (ITU-R P.1511). */
  elevationM: number;
}

/** The gridded inputs of the climate models, per land cell. */
export interface ClimateInputs { months: Float32Array[]; rho50: Float32Array; rho10: Float32Array; rho1: Float32Array; elevation: Float32Array }

const inputsCache = new WeakMap<LayerStore, ClimateInputs>();

export function climateInputs(store: LayerStore): ClimateInputs {
  let inputs = inputsCache.get(store);
  if (!inputs) {
    inputs = {
      months: Array.from({ length: 12 }, (_, m) => store.aux(`t2m_month${String(m + 1).padStart(2, "0")}`)),
      rho50: store.aux("rho_50"),
      rho10: store.aux("rho_10"),
      rho1: store.aux("rho_1"),
      elevation: store.aux("elevation"),
    };
    inputsCache.set(store, inputs);
  }
  return inputs;
}

/** A reusable normals object for {@link climateAtLandCell}. */
export function newClimate(): ClimateNormals {
  return { monthlyMeanC: new Float64Array(12), rhoMedianGm3: 0, rho10Gm3: 0, rho1Gm3: 0, elevationM: 0 };
}

/** Fills `climate` with the inputs of land cell `li`; returns false when an input is missing. */
export function climateAtLandCell(inputs: ClimateInputs, li: number, climate: ClimateNormals): boolean {
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

/** The normals at a point, bilinear over land cells; null where a land cell has no climate (at sea, off the grid). */
export function climateAt(store: LayerStore, lat: number, lon: number): ClimateNormals | null {
  const inputs = climateInputs(store);
  const g = store.grid;
  const monthlyMeanC = new Float64Array(12);
  for (let m = 0; m < 12; m++) {
    const t = g.bilinear(inputs.months[m]!, lat, lon);
    if (Number.isNaN(t)) return null;
    monthlyMeanC[m] = t;
  }
  const rhoMedianGm3 = g.bilinear(inputs.rho50, lat, lon);
  const rho10Gm3 = g.bilinear(inputs.rho10, lat, lon);
  const rho1Gm3 = g.bilinear(inputs.rho1, lat, lon);
  if ([rhoMedianGm3, rho10Gm3, rho1Gm3].some(Number.isNaN)) return null;
  return { monthlyMeanC, rhoMedianGm3, rho10Gm3, rho1Gm3, elevationM: g.bilinear(inputs.elevation, lat, lon) };
}
