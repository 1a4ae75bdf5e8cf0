/**
 * Hourly wet-bulb temperature distribution implied by the monthly normals and the P.836 humidity
 * statistics: per month T_w = T̄_w,m + A_w,m·cos θ + σ_w,m·Z, with the month's mean wet bulb from its
 * mean temperature and typical vapour pressure, and amplitude and spread from the linearised
 * psychrometric equation (monthlyModel.ts, `fillWetBulbState`). Integrated over the year like dry bulb
 * (monthlyMixture.ts): at most 192 erfc calls (wet bulb, and dry bulb for the cap below) plus 12 wet-bulb
 * solutions, no allocation.
 */
import { createMonthlyState, fillTemperatureState, fillWetBulbState, type MonthlyState } from "./monthlyModel";
import { mixtureHoursAbove, mixtureValueExceeded } from "./monthlyMixture";
import { assertSiteClimate, HOURS_PER_YEAR, type SiteClimate } from "./siteClimate";

const STATE: MonthlyState = createMonthlyState();

/**
 * Hours per year with wet bulb above x for a validated climate (hot path, no validation).
 * The wet bulb never exceeds the dry bulb, so neither may its hours above any x: the wet-bulb count is
 * capped by the dry-bulb count (it binds in the humid tropics, where the separately modelled cool, rainy
 * hours of dry bulb reach below the narrow wet-bulb distribution).
 */
export function wetBulbHoursAboveUnchecked(c: SiteClimate, x: number, s: MonthlyState = STATE): number {
  fillTemperatureState(c, s);
  fillWetBulbState(c, s);
  const wet = mixtureHoursAbove(s.wetMeanC, s.wetAmpK, s.wetSigmaK, x);
  return Math.min(wet, mixtureHoursAbove(s.meanC, s.ampK, s.sigmaK, x));
}

/** Expected hours per year (0…8,760) with outdoor wet bulb above `thresholdC` (°C). */
export function hoursWetBulbAbove(climate: SiteClimate, thresholdC: number): number {
  assertSiteClimate(climate);
  if (typeof thresholdC !== "number" || !Number.isFinite(thresholdC)) {
    throw new RangeError(`thresholdC: must be a finite temperature in °C, got ${String(thresholdC)}`);
  }
  return wetBulbHoursAboveUnchecked(climate, thresholdC);
}

/** Expected hours per year (0…8,760) with outdoor wet bulb at or below `thresholdC` (°C). */
export function hoursWetBulbAtOrBelow(climate: SiteClimate, thresholdC: number): number {
  return HOURS_PER_YEAR - hoursWetBulbAbove(climate, thresholdC);
}

/** Wet bulb (°C) exceeded during `fractionOfYear` (0…1) of the year under the hourly wet-bulb model (bisection; not for the hot path). */
export function wetBulbExceededC(climate: SiteClimate, fractionOfYear: number): number {
  assertSiteClimate(climate);
  if (!(fractionOfYear > 0 && fractionOfYear < 1)) throw new RangeError(`fractionOfYear: must be in (0, 1), got ${fractionOfYear}`);
  fillTemperatureState(climate, STATE);
  fillWetBulbState(climate, STATE);
  const target = fractionOfYear * HOURS_PER_YEAR;
  // The value exceeded under the capped count of wetBulbHoursAboveUnchecked: the lower of the wet-bulb
  // and dry-bulb quantiles.
  return Math.min(
    mixtureValueExceeded(STATE.wetMeanC, STATE.wetAmpK, STATE.wetSigmaK, target),
    mixtureValueExceeded(STATE.meanC, STATE.ampK, STATE.sigmaK, target),
  );
}
