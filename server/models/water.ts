/**
 * Annual site water of a site's cooling:
 *   water_m3_per_yr = annual IT energy (MWh) × 1,000 kWh/MWh × WUE (L/kWh) / 1,000 L/m³
 *                   = annual IT MWh × WUE
 * WUE is per kWh of IT energy (The Green Grid WP #35), so it multiplies IT energy, not grid energy.
 * Site water only (evaporation and blow-down); water used to generate the electricity is not included.
 * Null rule (estimate.ts): a missing IT energy or WUE gives null with the reason.
 */
import { known, missing, missingReasons, toEstimate, type Estimate, type EstimateInput } from "./estimate";

/** m³/yr from IT MWh/yr and WUE in L/kWh. */
export function annualWaterM3(itEnergyMwh: number, wueLPerKwh: number): number {
  return (itEnergyMwh * 1000 * wueLPerKwh) / 1000;
}

/** Annual site water, m³/yr, or null with the reason. */
export function waterEstimate(annualItEnergyMwh: EstimateInput, wueLPerKwh: EstimateInput): Estimate {
  const it = toEstimate(annualItEnergyMwh, "IT energy");
  let wue = toEstimate(wueLPerKwh, "WUE");
  if (wue.value !== null && wue.value < 0) wue = missing(`WUE: ${wue.value} L/kWh is not valid (must be ≥ 0)`);
  if (it.value === null || wue.value === null) return missing(missingReasons(it, wue));
  return known(annualWaterM3(it.value, wue.value));
}
