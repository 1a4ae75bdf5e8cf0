/**
 * Design wet bulb: an estimate of the ASHRAE 0.4 % annual "evaporation" wet-bulb design temperature
 * (the wet bulb exceeded 35 h in an average year; ASHRAE Handbook—Fundamentals, ch. 14 "Climatic
 * Design Information"), the number that sizes cooling towers and evaporative/adiabatic coolers.
 *
 * Model (closed form, well under 1 µs):
 *   T_c = T_warm + δ + c·ATR                coincident dry bulb of the humid extreme, °C
 *   e₁  = ρ₁·(T_c + 273.15)/216.7           vapour pressure at the density exceeded 1 % of the year, hPa (ITU-R P.453 eq. 8)
 *   T_w = wet bulb of (T_c, e₁) at the site's standard-atmosphere pressure (psychrometric equation, psychrometrics.ts)
 * with T_warm the warmest monthly mean and ATR the annual range of monthly means (ITU-R P.1510),
 * ρ₁ the P.836 density exceeded 1 % of the year (about 88 h, close to the 35 h of the design value),
 * δ = 4.25 K and c = 0.13. The humid extreme is placed on a warm day of the warmest month, warmer
 * where the climate is continental. δ and c were fitted (grid search, least squares) to the 16
 * reference values below, with the model fed the ITU grids at each station, so grid biases (Phoenix's
 * 0.75° orography reads 2.5 K cold) are part of the fit. By construction T_w rises with every humidity
 * input and with a uniform warming.
 *
 * Calibration, 0.4 % evaporation wet bulb, °C (estimate / reference / error):
 *   ASHRAE 2009 Handbook values as reproduced in the EnergyPlus weather files (NREL/EnergyPlus
 *   `weather/*.stat`, `*.ddy`, and `*.epw` design-condition headers):
 *     Phoenix Sky Harbor 23.9 / 24.5 / −0.6     Washington-Dulles 25.6 / 25.4 / +0.2
 *     Miami 27.2 / 26.8 / +0.4                  Las Vegas 21.9 / 22.6 / −0.7
 *     Chicago O'Hare 25.1 / 25.5 / −0.4         London Gatwick 18.9 / 19.7 / −0.8
 *     Copenhagen 19.3 / 19.3 / 0.0              Montreal Dorval 23.4 / 23.2 / +0.2
 *     Chongqing 27.2 / 27.4 / −0.2
 *   ASHRAE 2017/2021 station pages: Munich (2021) 19.2 / 19.7 / −0.5, Doha (2017) 31.8 / 31.1 / +0.7,
 *     Con Son, Viet Nam (2017) 27.6 / 27.3 / +0.3.
 *   Approximate values (not checked against the tables): Singapore 27.0 / ≈27.5 / −0.5,
 *     Reykjavik 13.0 / ≈13 / 0.0, Luleå 17.6 / ≈17 / +0.6, Dubai 32.2 / ≈30 / +2.2.
 *   RMS error 0.71 K over the 16; within ±0.8 K everywhere except Dubai, whose P.836 ρ₁ (28.8 g/m³,
 *   a Gulf-coast cell) is very humid and whose reference is itself uncertain (neighbouring Doha's
 *   sourced value is 31.1 °C).
 */
import { standardPressureHpa, STANDARD_PRESSURE_HPA, vapourPressureFromDensityHpa, wetBulbC } from "./psychrometrics";
import { assertSiteClimate, type SiteClimate } from "./siteClimate";

/** Fitted constants of the design wet-bulb model (see the module comment for the fit). */
export const DESIGN_WET_BULB_MODEL = Object.freeze({
  /** δ: offset of the coincident dry bulb above the warmest-month mean, K. */
  coincidentOffsetK: 4.25,
  /** c: extra coincident warmth per kelvin of annual range of monthly means (continentality), K/K. */
  perAnnualRange: 0.13,
});

/** Design wet bulb for a validated climate (hot path, no validation). */
export function designWetBulbUnchecked(c: SiteClimate): number {
  let warmest = -Infinity;
  let coldest = Infinity;
  for (let m = 0; m < 12; m++) {
    const t = c.monthlyMeanC[m] as number;
    if (t > warmest) warmest = t;
    if (t < coldest) coldest = t;
  }
  const tc = warmest + DESIGN_WET_BULB_MODEL.coincidentOffsetK + DESIGN_WET_BULB_MODEL.perAnnualRange * (warmest - coldest);
  const pressure = c.elevationM === undefined ? STANDARD_PRESSURE_HPA : standardPressureHpa(c.elevationM);
  return wetBulbC(tc, vapourPressureFromDensityHpa(c.rho1Gm3, tc), pressure);
}

/** Estimated ASHRAE 0.4 % annual evaporation wet-bulb design temperature, °C (model and calibration in the module comment). */
export function designWetBulbC(climate: SiteClimate): number {
  assertSiteClimate(climate);
  return designWetBulbUnchecked(climate);
}
