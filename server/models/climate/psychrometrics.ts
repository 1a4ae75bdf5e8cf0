/**
 * Psychrometric relations between temperature, vapour pressure, vapour density, dew point,
 * relative humidity and wet-bulb temperature. Temperatures in °C, pressures in hPa, densities in g/m³.
 * All functions are pure, allocation-free and safe for the per-cell hot path.
 */

/**
 * Magnus coefficients over liquid water, "AERK" set of Alduchov & Eskridge (1996), "Improved Magnus
 * form approximation of saturation vapor pressure", J. Appl. Meteor. 35:601–609: es = 6.1094·exp(17.625·T/(T + 243.04)).
 * Relative error below 0.4 % between −40 and 50 °C (their Table 3). Over water also below 0 °C, as
 * meteorological dew points and the ITU-R P.453 relations are.
 */
const MAGNUS_C_HPA = 6.1094;
const MAGNUS_A = 17.625;
const MAGNUS_B_C = 243.04;

/** Kelvin offset. */
const KELVIN = 273.15;
/**
 * e = ρ·T/216.7 (e in hPa, ρ in g/m³, T in K): Rec. ITU-R P.453-14 eq. (8), the relation Rec. ITU-R
 * P.836 uses between surface water-vapour density and vapour pressure. 216.7 = 100·M_w/R with
 * M_w = 18.015 g/mol and R = 8.314 J/(mol·K), i.e. the ideal-gas law for water vapour.
 */
const RHO_TO_E = 216.7;

/** Standard sea-level pressure, hPa (ICAO / ASHRAE Handbook—Fundamentals 2017 ch. 1 Table 1). */
export const STANDARD_PRESSURE_HPA = 1013.25;

/**
 * Psychrometer coefficient of the psychrometric equation e = e_w(T_w) − A·(1 + 0.000944·T_w)·p·(T − T_w)
 * with A = 6.53·10⁻⁴ K⁻¹ for a ventilated (Assmann-type) psychrometer: WMO-No. 8, *Guide to
 * Instruments and Methods of Observation* (2018), Vol. I, Annex 4.B. The ventilated wet bulb agrees
 * with the thermodynamic wet bulb that ASHRAE tabulates to within about 0.1–0.2 K.
 */
const PSYCHRO_A_PER_K = 6.53e-4;
const PSYCHRO_TW_COEF = 0.000944;

/** Saturation vapour pressure over water e_s(T), hPa (Magnus, Alduchov & Eskridge 1996). */
export function saturationVapourPressureHpa(tC: number): number {
  return MAGNUS_C_HPA * Math.exp((MAGNUS_A * tC) / (tC + MAGNUS_B_C));
}

/** Slope de_s/dT of the Magnus curve at T, hPa/K (analytic derivative of the Alduchov & Eskridge form). */
export function saturationVapourPressureSlopeHpaPerK(tC: number): number {
  const d = tC + MAGNUS_B_C;
  return (saturationVapourPressureHpa(tC) * MAGNUS_A * MAGNUS_B_C) / (d * d);
}

/** Vapour pressure e, hPa, of air with water-vapour density ρ (g/m³) at temperature T (°C): e = ρ·T[K]/216.7 (ITU-R P.453-14 eq. 8). */
export function vapourPressureFromDensityHpa(rhoGm3: number, tC: number): number {
  return (rhoGm3 * (tC + KELVIN)) / RHO_TO_E;
}

/** Water-vapour density ρ, g/m³, of air with vapour pressure e (hPa) at temperature T (°C): ρ = 216.7·e/T[K] (ITU-R P.453-14 eq. 8). */
export function vapourDensityFromPressureGm3(eHpa: number, tC: number): number {
  return (RHO_TO_E * eHpa) / (tC + KELVIN);
}

/**
 * Dew point, °C, of air with vapour pressure e (hPa): the inverse of the Magnus form,
 * T_d = B·ln(e/C) / (A − ln(e/C)) (Alduchov & Eskridge 1996 coefficients). e must be > 0;
 * e ≤ 0 gives −Infinity (no vapour, no dew point).
 */
export function dewPointC(eHpa: number): number {
  if (!(eHpa > 0)) return -Infinity;
  const l = Math.log(eHpa / MAGNUS_C_HPA);
  return (MAGNUS_B_C * l) / (MAGNUS_A - l);
}

/** Relative humidity, % (100·e/e_s(T)), of air at T (°C) with vapour pressure e (hPa). Not clamped: > 100 means supersaturated input. */
export function relativeHumidityPct(tC: number, eHpa: number): number {
  return (100 * eHpa) / saturationVapourPressureHpa(tC);
}

/**
 * Humidity ratio W, kg water per kg dry air, at vapour pressure e and total pressure p (both hPa):
 * W = 0.621945·e/(p − e), ASHRAE Handbook—Fundamentals (2017) ch. 1 eq. (20).
 */
export function humidityRatioKgPerKg(eHpa: number, pressureHpa: number = STANDARD_PRESSURE_HPA): number {
  return (0.621945 * eHpa) / (pressureHpa - eHpa);
}

/**
 * Standard-atmosphere pressure at height z (m above sea level), hPa:
 * p = 1013.25·(1 − 2.25577·10⁻⁵·z)^5.2559, ASHRAE Handbook—Fundamentals (2017) ch. 1 eq. (3).
 */
export function standardPressureHpa(elevationM: number): number {
  return STANDARD_PRESSURE_HPA * Math.pow(1 - 2.25577e-5 * elevationM, 5.2559);
}

/** Psychrometer "constant" γ·p of WMO-No. 8 Annex 4.B at wet bulb T_w and pressure p, hPa/K. */
export function psychrometricCoefficientHpaPerK(twC: number, pressureHpa: number): number {
  return PSYCHRO_A_PER_K * (1 + PSYCHRO_TW_COEF * twC) * pressureHpa;
}

/** Stull (2011) validity range: RH 5–99 %, T −20…50 °C. */
const STULL_RH_MIN = 5;
const STULL_RH_MAX = 99;
const STULL_T_MIN = -20;
const STULL_T_MAX = 50;

/**
 * Wet-bulb temperature, °C, from dry bulb T (°C) and relative humidity RH (%), by the empirical fit of
 * R. Stull (2011), "Wet-bulb temperature from relative humidity and air temperature",
 * J. Appl. Meteor. Climatol. 50:2267–2269, eq. (1), for sea-level pressure (101.325 kPa).
 * Stated validity: RH 5–99 % and T −20…50 °C, where its error is −1 to +0.65 K (largest at low RH and
 * low T). Inputs outside that range are clamped into it, and the result never exceeds T.
 * Example from the paper: T = 20 °C, RH = 50 % → T_w ≈ 13.7 °C.
 */
export function wetBulbStullC(tC: number, rhPct: number): number {
  const t = Math.min(STULL_T_MAX, Math.max(STULL_T_MIN, tC));
  const rh = Math.min(STULL_RH_MAX, Math.max(STULL_RH_MIN, rhPct));
  const tw =
    t * Math.atan(0.151977 * Math.sqrt(rh + 8.313659)) +
    Math.atan(t + rh) -
    Math.atan(rh - 1.676331) +
    0.00391838 * Math.pow(rh, 1.5) * Math.atan(0.023101 * rh) -
    4.686035;
  return Math.min(tw, tC);
}

/**
 * Wet-bulb temperature, °C, of air at dry bulb T (°C) with vapour pressure e (hPa) at pressure p (hPa),
 * solving the psychrometric equation e = e_s(T_w) − γ(T_w)·p·(T − T_w) (WMO-No. 8 (2018) Annex 4.B)
 * by Newton's method (4 steps from a 1/3-depression start; converged to < 0.001 K for −40…55 °C).
 * Unlike Stull (2011) it is valid at any humidity and pressure. Saturated or supersaturated input
 * (e ≥ e_s(T)) returns T.
 */
export function wetBulbC(tC: number, eHpa: number, pressureHpa: number = STANDARD_PRESSURE_HPA): number {
  const es = saturationVapourPressureHpa(tC);
  if (eHpa >= es) return tC;
  const td = eHpa > 0 ? dewPointC(eHpa) : tC - 60;
  let tw = tC - (tC - Math.max(td, tC - 60)) / 3;
  for (let i = 0; i < 4; i++) {
    const g = psychrometricCoefficientHpaPerK(tw, pressureHpa);
    const f = saturationVapourPressureHpa(tw) - g * (tC - tw) - eHpa;
    const df = saturationVapourPressureSlopeHpaPerK(tw) + g;
    tw -= f / df;
  }
  return Math.min(tw, tC);
}

/**
 * Dry bulb, °C, at which air with vapour pressure e (hPa) has wet bulb T_w (°C): the psychrometric
 * equation solved for T, T = T_w + (e_s(T_w) − e)/(γ(T_w)·p) (WMO-No. 8 Annex 4.B). Closed form, no
 * iteration. If e > e_s(T_w) no dry bulb gives that wet bulb (the dew point is above it): −Infinity.
 */
export function dryBulbForWetBulbC(twC: number, eHpa: number, pressureHpa: number = STANDARD_PRESSURE_HPA): number {
  const deficit = saturationVapourPressureHpa(twC) - eHpa;
  if (deficit < 0) return -Infinity;
  return twC + deficit / psychrometricCoefficientHpaPerK(twC, pressureHpa);
}
