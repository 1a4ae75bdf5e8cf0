/**
 * Heat-risk counts for the `risk.heat` layer: hours per year of extreme dry heat and of humid heat,
 * from the same hourly models as the cooling layers (hourlyTemperature.ts, wetBulbDistribution.ts).
 */
import { dryBulbHoursAboveUnchecked } from "./hourlyTemperature";
import { assertSiteClimate, type SiteClimate } from "./siteClimate";
import { wetBulbHoursAboveUnchecked } from "./wetBulbDistribution";

/**
 * Dry-bulb threshold of the heat count, °C. 35 °C is the top of the ASHRAE TC 9.9 (2021) allowable
 * inlet range of class A2 (DESIGN.md §5): above it even an A2 room cannot run on outside air, and
 * air-cooled chillers and dry coolers lose capacity.
 */
export const HEAT_DRY_BULB_THRESHOLD_C = 35;
/**
 * Wet-bulb threshold of the humid-heat count, °C. Around 28 °C wet bulb evaporative heat rejection loses
 * most of its margin and outdoor work is restricted; such hours are rare outside the humid tropics and
 * the Gulf coasts (Raymond, Matthews & Horton 2020, Sci. Adv. 6:eaaw1838, map exceedances of 27–35 °C).
 */
export const HEAT_WET_BULB_THRESHOLD_C = 28;

/** Expected hours per year (0…8,760) with outdoor dry bulb above 35 °C. */
export function heatHoursAbove35C(climate: SiteClimate): number {
  assertSiteClimate(climate);
  return dryBulbHoursAboveUnchecked(climate, HEAT_DRY_BULB_THRESHOLD_C);
}

/** Expected hours per year (0…8,760) with outdoor wet bulb above 28 °C (humid heat stress). */
export function heatStressHoursWetBulbAbove28C(climate: SiteClimate): number {
  assertSiteClimate(climate);
  return wetBulbHoursAboveUnchecked(climate, HEAT_WET_BULB_THRESHOLD_C);
}
