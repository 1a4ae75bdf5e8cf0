/**
 * UNEP aridity index P/PET (layer `water.aridity_index`) with potential evapotranspiration by
 * Hargreaves & Samani (1985):
 *   PET_m = 0.0023 · 0.408·Ra_m · (T_m + 17.8) · √DTR_m   mm/day,
 * T_m the monthly mean temperature (°C), DTR_m the mean diurnal range (K) and Ra_m the
 * extraterrestrial radiation of the month's middle day (MJ m⁻² day⁻¹; ×0.408 converts to mm of
 * evaporation), FAO Irrigation and Drainage Paper 56 (Allen et al. 1998) eq. 21–25. Hargreaves
 * rather than Thornthwaite because Thornthwaite uses temperature alone and underestimates PET in dry
 * climates, exactly where water is scarce. DTR is not in the inputs: it comes from the hourly climate
 * model's estimate (monthlyModel.ts, from humidity and continentality). A month colder than −17.8 °C
 * contributes no PET.
 *
 * UNEP (1992) classes: < 0.05 hyper-arid, 0.05–0.2 arid, 0.2–0.5 semi-arid, 0.5–0.65 dry sub-humid,
 * ≥ 0.65 humid.
 */
import { createMonthlyState, fillTemperatureState } from "./monthlyModel";
import { assertSiteClimate, ClimateInputError, type SiteClimate } from "./siteClimate";

/** Day of year of each month's middle day (FAO-56 Table 2.5 convention). */
const MID_MONTH_DAY = [15, 46, 74, 105, 135, 166, 196, 227, 258, 288, 319, 349] as const;
const DAYS_IN_MONTH = [31, 28.25, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
/** Solar constant, MJ m⁻² min⁻¹ (FAO-56 eq. 21). */
const GSC = 0.082;

/** Extraterrestrial radiation, MJ m⁻² day⁻¹, at latitude `latDeg` on day of year `doy` (FAO-56 eq. 21–25). */
export function extraterrestrialRadiationMj(latDeg: number, doy: number): number {
  const phi = (latDeg * Math.PI) / 180;
  const dr = 1 + 0.033 * Math.cos((2 * Math.PI * doy) / 365);
  const decl = 0.409 * Math.sin((2 * Math.PI * doy) / 365 - 1.39);
  const ws = Math.acos(Math.max(-1, Math.min(1, -Math.tan(phi) * Math.tan(decl))));
  return ((24 * 60) / Math.PI) * GSC * dr * (ws * Math.sin(phi) * Math.sin(decl) + Math.cos(phi) * Math.cos(decl) * Math.sin(ws));
}

const state = createMonthlyState();

/** Annual potential evapotranspiration, mm/yr (Hargreaves–Samani with the climate model's diurnal range). */
export function potentialEvapotranspirationMm(c: SiteClimate, latDeg: number): number {
  assertSiteClimate(c);
  fillTemperatureState(c, state);
  let pet = 0;
  for (let m = 0; m < 12; m++) {
    const t = state.meanC[m]!;
    const dtr = 2 * state.ampK[m]!;
    const daily = 0.0023 * 0.408 * extraterrestrialRadiationMj(latDeg, MID_MONTH_DAY[m]!) * (t + 17.8) * Math.sqrt(dtr);
    pet += Math.max(0, daily) * DAYS_IN_MONTH[m]!;
  }
  return pet;
}

/** P/PET from annual precipitation (mm) and the site's climate; throws ClimateInputError for unusable inputs. */
export function aridityIndex(c: SiteClimate, latDeg: number, precipitationMm: number): number {
  if (!(precipitationMm >= 0)) throw new ClimateInputError("precipitationMm", `${precipitationMm} mm/yr is not a valid annual precipitation`);
  const pet = potentialEvapotranspirationMm(c, latDeg);
  // Polar ice: no evaporative demand; the index is undefined there.
  if (pet < 1) throw new ClimateInputError("monthlyMeanC", "no month is warm enough for evapotranspiration (PET < 1 mm/yr)");
  return precipitationMm / pet;
}
