/**
 * Annual CO2 of a site's electricity, three ways, side by side and never blended (DESIGN.md §5):
 *
 *   location-based  t/yr = grid MWh × grid-average intensity (gCO2/kWh) / 1,000
 *   marginal        t/yr = grid MWh × combined-margin factor (gCO2/kWh) / 1,000
 *   market-based    t/yr = grid MWh × (1 − CFE share) × grid-average intensity / 1,000
 *
 * (MWh × g/kWh = 1,000 kWh × g/kWh = kg; / 1,000 → t.)
 *
 * - Location-based uses the layer `carbon.grid_intensity`: Electricity Maps yearly consumption-based
 *   intensity with lifecycle emission factors. A lifecycle figure is higher than a direct
 *   (combustion-only) Scope 2 factor: fuel supply and construction add roughly a tenth to a third for
 *   fossil plants (IPCC AR5 WGIII Annex III medians: coal 820, gas combined cycle 490 gCO2eq/kWh) and
 *   make low-carbon grids non-zero (wind 11, nuclear 12, hydro 24). Do not compare it with direct
 *   factors (Ember) without saying so.
 * - Marginal uses `carbon.marginal_intensity`: the IFI harmonised combined margin for electricity
 *   consumption (IFI Dataset of Default Grid Factors v3.1, 2021; UNFCCC "Tool to calculate the emission
 *   factor for an electricity system" weighting of operating and build margins). A project-appraisal
 *   default for the emissions a new load causes, not a measured marginal rate.
 * - Market-based: the contracted carbon-free share (CFE, 0–1: PPAs, certificates, on-site supply) counts
 *   at zero, as the GHG Protocol Scope 2 Guidance (2015) market method does for contractual
 *   instruments. The uncovered share should carry the residual-mix factor; none is available here, so
 *   the grid-average intensity is used, the Guidance's fallback, which understates the uncovered
 *   share's emissions where others have claimed the clean supply (a known double-counting caveat).
 *   Annual matching only: 24/7 hourly matching would need hourly data.
 *
 * Null rule (estimate.ts): a missing grid energy, intensity, factor or CFE share makes the figures that
 * need it null with the reason; an invalid one (negative intensity, share outside 0–1) too.
 */
import { z } from "zod";
import { known, missing, missingReasons, toEstimate, type Estimate, type EstimateInput } from "./estimate";

/** Contracted carbon-free energy share, 0–1 (one schema for tRPC input and persistence). */
export const CfeShare = z.number({ error: "must be a number between 0 and 1" }).finite().min(0, "at least 0").max(1, "at most 1");

/** tCO2/yr from MWh/yr and gCO2/kWh. */
export function tonnesCo2(energyMwh: number, intensityGPerKwh: number): number {
  return (energyMwh * intensityGPerKwh) / 1000;
}

/** CO2 metrics of a site; field names carry units. */
export interface CarbonEstimate {
  co2_location_t_per_yr: Estimate;
  co2_marginal_t_per_yr: Estimate;
  co2_market_t_per_yr: Estimate;
}

export interface CarbonInputs {
  /** Annual grid (facility) energy, MWh/yr. */
  annualGridEnergyMwh: EstimateInput;
  /** Grid-average (lifecycle, consumption-based) intensity, gCO2/kWh. */
  gridIntensityGPerKwh: EstimateInput;
  /** Combined-margin emission factor, gCO2/kWh. */
  marginalFactorGPerKwh: EstimateInput;
  /** Contracted carbon-free share 0–1; null = not entered. */
  cfeShare: EstimateInput;
}

function nonNegative(e: Estimate, name: string, unit: string): Estimate {
  if (e.value !== null && e.value < 0) return missing(`${name}: ${e.value} ${unit} is not valid (must be ≥ 0)`);
  return e;
}

function product(energy: Estimate, factor: Estimate, share = 1): Estimate {
  if (energy.value === null || factor.value === null) return missing(missingReasons(energy, factor));
  return known(tonnesCo2(energy.value * share, factor.value));
}

/** Location-based, marginal and market-based tCO2/yr (see the module comment). */
export function carbonEstimate(inputs: CarbonInputs): CarbonEstimate {
  const energy = nonNegative(toEstimate(inputs.annualGridEnergyMwh, "grid energy"), "grid energy", "MWh");
  const intensity = nonNegative(toEstimate(inputs.gridIntensityGPerKwh, "grid intensity"), "grid intensity", "gCO2/kWh");
  const marginal = nonNegative(toEstimate(inputs.marginalFactorGPerKwh, "marginal emission factor"), "marginal emission factor", "gCO2/kWh");
  let cfe = toEstimate(inputs.cfeShare, "carbon-free energy share");
  if (cfe.value !== null && !(cfe.value >= 0 && cfe.value <= 1)) cfe = missing(`carbon-free energy share: ${cfe.value} is outside 0–1`);
  const market =
    cfe.value === null || energy.value === null || intensity.value === null
      ? missing(missingReasons(energy, intensity, cfe))
      : known(tonnesCo2(energy.value * (1 - cfe.value), intensity.value));
  return {
    co2_location_t_per_yr: product(energy, intensity),
    co2_marginal_t_per_yr: product(energy, marginal),
    co2_market_t_per_yr: market,
  };
}
