/**
 * Annual site WUE (The Green Grid WP #35: litres of site water per kWh of IT energy) for a cooling
 * archetype, from the site's climate; computed by the same energy balance as PUE (model.ts).
 *
 * - evaporative_assist (open towers): heat rejected × latent share s/(s + γ) × 1.474 L/kWh × C/(C − 1).
 * - air_economiser (wetted media in hot, dry hours): (T − 25 °C)/ΔT_server of each kWh evaporated, over
 *   the non-mechanical hours above 25 °C, × C/(C − 1).
 * - dry_cooler_liquid: 0 (closed loops, no evaporation; real sites report ≤ 0.05 L/kWh from loop
 *   top-up and humidification, which are not modelled).
 * Source water (water consumed generating the electricity, WUE_source) is not included.
 *
 * Calibration, by archetype (fixture sites, see the table in pue.ts):
 * - Towers (evaporative_assist): 1.0–1.1 L/kWh in cold climates, 1.3 in temperate ones and 1.7–1.8
 *   in hot humid ones. DESIGN.md §5 gives 0.4–1.8 for evaporative towers: the model sits in the upper
 *   half. It reaches the low end only with more cycles of concentration (C = 10 gives about 10 %
 *   less) or with towers run dry in cold weather (hybrid towers, not modelled). As a cross-check,
 *   Google's reported 2023 data-centre water consumption (about 23 billion litres, i.e. evaporation
 *   and not withdrawal) over about 24 TWh gives roughly 1 L/kWh for a largely tower-cooled fleet.
 *   That is an approximate figure derived from two reported totals. The model's evaporation alone
 *   (WUE × 0.8) is 0.8–1.4 L/kWh.
 * - Air economiser with wetted media: 0.24–0.26 L/kWh at hot dry sites (Phoenix, Las Vegas), near 0
 *   in cold, temperate and hot humid ones. In hot humid climates the hot hours are too humid for
 *   evaporative cooling, so they run on DX. DESIGN.md gives 0.1–0.4 for adiabatic systems. Meta
 *   reports a fleet WUE of about 0.2–0.3 and Microsoft about 0.30–0.49 (fiscal years 2021–2023;
 *   Microsoft's regions with towers lift its average).
 * - Dry coolers: 0, against 0–0.05 in DESIGN.md.
 */
import type { SiteClimate } from "../climate/siteClimate";
import type { CoolingArchetype } from "./archetypes";
import { WATER } from "./assumptions";
import { createCoolingResult, type CoolingResult } from "./model";
import { coolingModelInto } from "./pue";

/** Annual WUE with its parts, L per kWh of IT energy. */
export interface WueEstimate {
  archetype: CoolingArchetype;
  /** Site WUE: make-up water (evaporation + blow-down) per kWh of IT, L/kWh. */
  wue_l_per_kwh: number;
  /** Water evaporated, L/kWh. */
  evaporation_l_per_kwh: number;
  /** Blow-down / bleed-off, L/kWh (evaporation ÷ (C − 1)). */
  blowdown_l_per_kwh: number;
  /** Cycles of concentration C assumed. */
  cycles_of_concentration: number;
}

const SCRATCH = createCoolingResult();

/** The WUE view of a model result. */
export function wueEstimateOf(r: CoolingResult): WueEstimate {
  return {
    archetype: r.archetype,
    wue_l_per_kwh: r.wue_l_per_kwh,
    evaporation_l_per_kwh: r.evaporation_l_per_kwh,
    blowdown_l_per_kwh: r.blowdown_l_per_kwh,
    cycles_of_concentration: WATER.cyclesOfConcentration,
  };
}

/** Estimated annual site WUE of a site for a cooling archetype, L per kWh of IT energy (≥ 0). */
export function annualWue(climate: SiteClimate, cooling: CoolingArchetype): WueEstimate {
  return wueEstimateOf(coolingModelInto(SCRATCH, climate, cooling, 0.8));
}
