/**
 * The distribution of surface water-vapour density ρ over the year, built from the three exceedance
 * points that Rec. ITU-R P.836-6 gives per cell (ρ exceeded 50 %, 10 % and 1 % of the year), and what it
 * implies for dew point.
 *
 * Model ("piecewise log-normal"): ln ρ is piecewise linear in the standard normal quantile
 * z = Φ⁻¹(1 − p) of the exceedance probability p, through the three points (z = 0, ρ50),
 * (z₁₀ = 1.2816, ρ10), (z₁ = 2.3263, ρ1):
 *   ln ρ(z) = ln ρ50 + s₁·z                   for z ≤ z₁₀ (this includes the whole drier half),
 *   ln ρ(z) = ln ρ10 + s₂·(z − z₁₀)           for z > z₁₀ (the same slope extrapolates beyond ρ1),
 * with s₁ = ln(ρ10/ρ50)/z₁₀ and s₂ = ln(ρ1/ρ10)/(z₁ − z₁₀). Between the points this is exact
 * interpolation of the exceedance curve on a log-probit scale (the scale on which P.836's own
 * exceedance levels are nearly straight); between 50 % and 10 % it is a log-normal. Below the median
 * (p > 50 %), for which no point is given, it mirrors the 50–10 % log-normal: a documented assumption
 * (humidity is roughly log-symmetric about its median where the seasonal cycle dominates, e.g. a
 * winter ρ about ρ50²/ρ10), to be replaced by P.836's 90/95/99 % levels if they are ever converted
 * (SOURCES.md §9.2 lists them in the source files).
 */
import { normalQuantile, normalUpperTail } from "./normal";
import { saturationVapourPressureHpa, vapourDensityFromPressureGm3 } from "./psychrometrics";
import { assertSiteClimate, HOURS_PER_YEAR, type SiteClimate } from "./siteClimate";

/** Φ⁻¹(0.90): standard normal quantile of the 10 %-exceeded level. */
export const Z_EXCEEDED_10PCT = 1.2815515655446008;
/** Φ⁻¹(0.99): standard normal quantile of the 1 %-exceeded level. */
export const Z_EXCEEDED_1PCT = 2.3263478740408408;
/** Smallest slope kept, so the curve stays invertible when two exceedance points coincide. */
const MIN_SLOPE = 1e-6;

/** Lower-segment slope s₁ of ln ρ against z (also the log-normal σ between 50 % and 10 %). */
export function lowerLogSlope(c: SiteClimate): number {
  return Math.max(MIN_SLOPE, Math.log(c.rho10Gm3 / c.rhoMedianGm3) / Z_EXCEEDED_10PCT);
}

/** Upper-segment slope s₂ of ln ρ against z (the humid tail). */
export function upperLogSlope(c: SiteClimate): number {
  return Math.max(MIN_SLOPE, Math.log(c.rho1Gm3 / c.rho10Gm3) / (Z_EXCEEDED_1PCT - Z_EXCEEDED_10PCT));
}

/** ln ρ at standard normal quantile z of the year's distribution (no validation; hot path). */
export function logVapourDensityAtZ(c: SiteClimate, z: number): number {
  if (z <= Z_EXCEEDED_10PCT) return Math.log(c.rhoMedianGm3) + lowerLogSlope(c) * z;
  return Math.log(c.rho10Gm3) + upperLogSlope(c) * (z - Z_EXCEEDED_10PCT);
}

/** z of the year's distribution at which ρ is reached (inverse of {@link logVapourDensityAtZ}; no validation). */
export function zOfVapourDensity(c: SiteClimate, rhoGm3: number): number {
  if (!(rhoGm3 > 0)) return -Infinity;
  const l = Math.log(rhoGm3);
  const l10 = Math.log(c.rho10Gm3);
  if (l <= l10) return (l - Math.log(c.rhoMedianGm3)) / lowerLogSlope(c);
  return Z_EXCEEDED_10PCT + (l - l10) / upperLogSlope(c);
}

/** Water-vapour density exceeded during the fraction `exceedance` (0…1) of the year, g/m³. */
export function vapourDensityExceededGm3(climate: SiteClimate, exceedance: number): number {
  assertSiteClimate(climate);
  if (!(exceedance >= 0 && exceedance <= 1)) {
    throw new RangeError(`exceedance: must be a fraction of the year in [0, 1], got ${exceedance}`);
  }
  return Math.exp(logVapourDensityAtZ(climate, normalQuantile(1 - exceedance)));
}

/** Fraction of the year (0…1) during which the water-vapour density exceeds ρ (g/m³). */
export function fractionOfYearVapourDensityAbove(climate: SiteClimate, rhoGm3: number): number {
  assertSiteClimate(climate);
  return normalUpperTail(zOfVapourDensity(climate, rhoGm3));
}

/**
 * Air temperature, °C, at which a dew-point threshold X is converted to a density threshold
 * (ρ_X = 216.7·e_s(X)/T, ITU-R P.453 eq. 8): max(X, warmest-month mean). Humid hours fall in the warm
 * season, and air is never colder than its dew point. The conversion is weakly sensitive to this
 * choice: 10 K moves ρ_X by 3.4 %, about 0.5 K of dew point.
 */
export function dewPointConversionTemperatureC(c: SiteClimate, dewPointC: number): number {
  let warmest = -Infinity;
  for (let m = 0; m < 12; m++) warmest = Math.max(warmest, c.monthlyMeanC[m] as number);
  return Math.max(dewPointC, warmest);
}

/** Fraction of the year with dew point above X (no validation; hot path). */
export function dewPointAboveFraction(c: SiteClimate, dewPointC: number): number {
  const rhoX = vapourDensityFromPressureGm3(saturationVapourPressureHpa(dewPointC), dewPointConversionTemperatureC(c, dewPointC));
  return normalUpperTail(zOfVapourDensity(c, rhoX));
}

/** Fraction of the year (0…1) with dew point above X (°C), from the P.836 density distribution. */
export function fractionOfYearDewPointAbove(climate: SiteClimate, dewPointC: number): number {
  assertSiteClimate(climate);
  if (!Number.isFinite(dewPointC)) throw new RangeError(`dewPointC: must be a finite temperature in °C, got ${dewPointC}`);
  return dewPointAboveFraction(climate, dewPointC);
}

/** Hours per year (0…8,760) with dew point above X (°C). */
export function hoursDewPointAbove(climate: SiteClimate, dewPointC: number): number {
  return HOURS_PER_YEAR * fractionOfYearDewPointAbove(climate, dewPointC);
}

/** Hours per year (0…8,760) with dew point at or below X (°C). */
export function hoursDewPointAtOrBelow(climate: SiteClimate, dewPointC: number): number {
  return HOURS_PER_YEAR - hoursDewPointAbove(climate, dewPointC);
}
