/**
 * Annual energy and peak grid demand of a site (DESIGN.md §5: "grid MW = IT MW × PUE").
 *
 *   annual_it_energy_mwh   = itMw × utilisation × 8,760 h
 *   annual_grid_energy_mwh = annual_it_energy_mwh × PUE (annual)
 *   grid_mw_peak           = itMw × PUE at the design condition
 *
 * The peak uses IT at nameplate (utilisation 1: the connection must carry a fully loaded campus) and
 * the PUE of the design hour (ASHRAE 0.4 % dry bulb or evaporation wet bulb; cooling/model.ts), not the
 * annual PUE: the cooling plant draws most on the hottest hours, which is when the grid must deliver.
 * Null rule: any missing input gives a null output naming it (estimate.ts).
 */
import { HOURS_PER_YEAR } from "./climate/siteClimate";
import { known, missing, missingReasons, toEstimate, type Estimate, type EstimateInput } from "./estimate";
import type { LoadProfile } from "./loadProfile";

/** Annual IT energy, MWh/yr = IT MW × utilisation × 8,760 h. */
export function annualItEnergyMwh(itMw: number, utilisation: number): number {
  return itMw * utilisation * HOURS_PER_YEAR;
}

/** Annual facility (grid) energy, MWh/yr = IT MWh × annual PUE. */
export function annualGridEnergyMwh(itEnergyMwh: number, pue: number): number {
  return itEnergyMwh * pue;
}

/** Peak grid demand, MW = IT nameplate MW × design-condition PUE. */
export function gridMwPeak(itMw: number, puePeak: number): number {
  return itMw * puePeak;
}

/** Energy metrics of a site; field names carry units. */
export interface EnergyEstimate {
  annual_it_energy_mwh: Estimate;
  annual_grid_energy_mwh: Estimate;
  grid_mw_peak: Estimate;
}

function checkPue(e: Estimate, name: string): Estimate {
  if (e.value !== null && !(e.value >= 1)) return missing(`${name}: ${e.value} is not a valid PUE (must be ≥ 1)`);
  return e;
}

/**
 * Energy metrics from a load profile and the annual and design-condition PUE (numbers or
 * `{ value, reason }`; null means missing). The IT energy never depends on PUE, so it is present
 * even when PUE is missing.
 */
export function energyEstimate(load: Pick<LoadProfile, "itMw" | "utilisation">, pue: EstimateInput, puePeak: EstimateInput): EnergyEstimate {
  const it = annualItEnergyMwh(load.itMw, load.utilisation);
  const p = checkPue(toEstimate(pue, "PUE"), "PUE");
  const pk = checkPue(toEstimate(puePeak, "peak PUE"), "peak PUE");
  return {
    annual_it_energy_mwh: known(it),
    annual_grid_energy_mwh: p.value === null ? missing(missingReasons(p)) : known(annualGridEnergyMwh(it, p.value)),
    grid_mw_peak: pk.value === null ? missing(missingReasons(pk)) : known(gridMwPeak(load.itMw, pk.value)),
  };
}
