/**
 * The climate normals of any point, for the engineering models: the 12 monthly temperatures, the
 * humidity exceedance statistics and the height, each interpolated bilinearly over land cells (the
 * same interpolation as the temperature layers), so a site's PUE and the map agree.
 */
import type { SiteClimate } from "@/server/models/climate";
import { climateInputs, type ClimateInputs } from "./modelGrids";
import type { LayerStore } from "./store";

const inputsCache = new WeakMap<LayerStore, ClimateInputs>();

export function climateAt(store: LayerStore, lat: number, lon: number): SiteClimate | null {
  let inputs = inputsCache.get(store);
  if (!inputs) inputsCache.set(store, (inputs = climateInputs(store)));
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
