/**
 * Hourly dry-bulb temperature distribution implied by the 12 monthly normals.
 *
 * For month m the hourly temperature is modelled as T = μ_m + (DTR_m/2)·cos θ + σ_m·Z: the ITU-R
 * P.1510 monthly mean μ_m, a sinusoidal diurnal cycle of estimated range DTR_m (uniform phase θ), and a
 * normal day-to-day anomaly of estimated σ_m (see monthlyModel.ts for both estimates and their
 * sources). Hours above a threshold x over the 8,760-hour year are
 *   H(x) = Σ_m hours_m · mean_θ Q((x − μ_m − (DTR_m/2)·cos θ)/σ_m),
 * with Q the standard normal upper tail (normal.ts) and the phase mean by Gauss–Chebyshev quadrature
 * (monthlyMixture.ts). At most 96 erfc evaluations (months far from x are skipped), no allocation.
 *
 * Assumptions worth knowing: a symmetric sinusoid (real days warm faster than they cool, which moves
 * hours between the tails by a few per cent); normal, symmetric anomalies (real winter anomalies have a
 * cold skew in continental climates); no dependence between the diurnal range and the anomaly.
 */
import { createMonthlyState, fillTemperatureState, type MonthlyState } from "./monthlyModel";
import {
  mixtureDegreeHoursAbove,
  mixtureHoursAbove,
  mixtureMonthValueExceeded,
  mixtureValueExceeded,
} from "./monthlyMixture";
import { assertSiteClimate, HOURS_PER_YEAR, type SiteClimate } from "./siteClimate";

/** Scratch state of the public functions (single-threaded; never held across an await). */
const STATE: MonthlyState = createMonthlyState();

function assertThreshold(name: string, x: number): void {
  if (typeof x !== "number" || !Number.isFinite(x)) throw new RangeError(`${name}: must be a finite temperature in °C, got ${String(x)}`);
}

/** Hours per year above x for a validated climate, using `s` as scratch (hot path, no validation). */
export function dryBulbHoursAboveUnchecked(c: SiteClimate, x: number, s: MonthlyState = STATE): number {
  fillTemperatureState(c, s);
  return mixtureHoursAbove(s.meanC, s.ampK, s.sigmaK, x);
}

/** Expected hours per year (0…8,760) with outdoor dry bulb above `thresholdC` (°C). */
export function hoursAbove(climate: SiteClimate, thresholdC: number): number {
  assertSiteClimate(climate);
  assertThreshold("thresholdC", thresholdC);
  return dryBulbHoursAboveUnchecked(climate, thresholdC);
}

/** Expected hours per year (0…8,760) with outdoor dry bulb at or below `thresholdC` (°C); hoursBelow + hoursAbove = 8,760. */
export function hoursBelow(climate: SiteClimate, thresholdC: number): number {
  return HOURS_PER_YEAR - hoursAbove(climate, thresholdC);
}

/**
 * Expected dry-bulb degree-hours per year above `baseC`, K·h (the ASHRAE "cooling degree-hours", CDH,
 * at bases 23.3 °C and 26.7 °C in the Handbook's climatic tables).
 */
export function dryBulbDegreeHoursAbove(climate: SiteClimate, baseC: number): number {
  assertSiteClimate(climate);
  assertThreshold("baseC", baseC);
  fillTemperatureState(climate, STATE);
  return mixtureDegreeHoursAbove(STATE.meanC, STATE.ampK, STATE.sigmaK, baseC);
}

/** Dry bulb (°C) exceeded during `fractionOfYear` (0…1) of the year, e.g. 0.004 for the ASHRAE 0.4 % cooling design dry bulb. */
export function dryBulbExceededC(climate: SiteClimate, fractionOfYear: number): number {
  assertSiteClimate(climate);
  if (!(fractionOfYear > 0 && fractionOfYear < 1)) throw new RangeError(`fractionOfYear: must be in (0, 1), got ${fractionOfYear}`);
  fillTemperatureState(climate, STATE);
  return mixtureValueExceeded(STATE.meanC, STATE.ampK, STATE.sigmaK, fractionOfYear * HOURS_PER_YEAR);
}

/** Dry bulb (°C) exceeded during `fractionOfMonth` (0…1) of month `month` (0 = January), as ASHRAE's monthly design dry bulbs. */
export function monthlyDryBulbExceededC(climate: SiteClimate, month: number, fractionOfMonth: number): number {
  assertSiteClimate(climate);
  if (!(Number.isInteger(month) && month >= 0 && month < 12)) throw new RangeError(`month: must be an integer 0…11, got ${month}`);
  if (!(fractionOfMonth > 0 && fractionOfMonth < 1)) throw new RangeError(`fractionOfMonth: must be in (0, 1), got ${fractionOfMonth}`);
  fillTemperatureState(climate, STATE);
  return mixtureMonthValueExceeded(STATE.meanC, STATE.ampK, STATE.sigmaK, month, fractionOfMonth);
}

/** The model's per-month parameters, for display and reports (allocates; not for the hot path). */
export interface MonthlyTemperatureModel {
  /** Monthly mean dry bulb, °C (the input). */
  meanC: number[];
  /** Estimated mean diurnal temperature range, K. */
  diurnalRangeK: number[];
  /** Estimated day-to-day σ of dry bulb (including the within-month trend), K. */
  dayToDaySigmaK: number[];
  /** Estimated monthly relative humidity at the mean temperature, %. */
  relativeHumidityPct: number[];
}

/** The per-month parameters the hourly model uses for `climate`. */
export function monthlyTemperatureModel(climate: SiteClimate): MonthlyTemperatureModel {
  assertSiteClimate(climate);
  const s = createMonthlyState();
  fillTemperatureState(climate, s);
  return {
    meanC: Array.from(s.meanC),
    diurnalRangeK: Array.from(s.ampK, (a) => 2 * a),
    dayToDaySigmaK: Array.from(s.sigmaK),
    relativeHumidityPct: Array.from(s.rh, (r) => 100 * r),
  };
}
