/**
 * Per-month state of the hourly climate model: for each month the mean, diurnal amplitude and
 * day-to-day spread of dry bulb, the month's typical vapour pressure, and the same three moments for
 * wet bulb. Everything else in server/models/climate integrates over this state.
 *
 * Hourly dry bulb in month m (§ "the hourly model"):
 *   T = μ_m + (DTR_m/2)·cos θ + σ_m·Z,   θ ~ uniform diurnal phase,  Z ~ N(0, 1) day-to-day anomaly.
 * μ_m is the ITU-R P.1510 monthly mean. DTR_m and σ_m are not in the inputs and are estimated below
 * from what is (humidity and the annual temperature range); their constants were fitted to the
 * ASHRAE Handbook—Fundamentals (2009) monthly design dry bulbs (0.4/2/5/10 % of each month's hours) and
 * mean daily ranges of Phoenix, Washington-Dulles, Miami and Las Vegas (as reproduced in the
 * EnergyPlus TMY3 .stat files, NREL/EnergyPlus `weather/`), fed with those stations' monthly means.
 * See tests/unit/models/climate/hourlyTemperature.test.ts for the fit it achieves.
 *
 * The state lives in preallocated typed arrays that the caller passes in (the public functions use
 * one module-level scratch state), so the per-cell hot path allocates nothing.
 */
import { lowerLogSlope, upperLogSlope, Z_EXCEEDED_10PCT } from "./humidityDistribution";
import {
  psychrometricCoefficientHpaPerK,
  saturationVapourPressureHpa,
  saturationVapourPressureSlopeHpaPerK,
  standardPressureHpa,
  vapourPressureFromDensityHpa,
  wetBulbC,
} from "./psychrometrics";
import type { SiteClimate } from "./siteClimate";

/** Tunable constants of the monthly model, with where each comes from. Frozen; exported for transparency and for the calibration tests. */
export interface MonthlyModelParameters {
  /** DTR = dtrBaseK + dtrDrynessK·(1 − RH_m) + dtrPerAnnualRangeK·ATR, K. */
  readonly dtrBaseK: number;
  readonly dtrDrynessK: number;
  readonly dtrPerAnnualRange: number;
  /** DTR is kept within [dtrMinK, dtrMaxK]: observed monthly-mean ranges span about 4 K (small oceanic islands) to 20 K (high deserts). */
  readonly dtrMinK: number;
  readonly dtrMaxK: number;
  /** Day-to-day σ of daily mean T: sigmaBaseK + ATR·(sigmaPerAnnualRange + sigmaColdSeasonPerAnnualRange·w_m), K, w_m = 0 in the warmest month, 1 in the coldest. */
  readonly sigmaBaseK: number;
  readonly sigmaPerAnnualRange: number;
  readonly sigmaColdSeasonPerAnnualRange: number;
  /** λ: the month of temperature rank k takes the year's vapour density at quantile λ·z_k (λ < 1 shrinks toward the median; 1 = pure rank mapping). */
  readonly monthlyVapourShrink: number;
  /** Floor of the within-month spread of ln ρ, as a fraction of the annual log-normal σ s₁. */
  readonly withinMonthLogSpreadFloor: number;
  /** Correlation of day-to-day temperature and vapour anomalies within a month (wet-bulb spread). */
  readonly temperatureVapourCorrelation: number;
}

/**
 * Defaults, each fitted by least squares and checked against the literature's typical values:
 * - DTR (dtr*): fitted to the 48 monthly mean daily ranges of Phoenix, Dulles, Miami and Las Vegas and
 *   the hottest-month ranges of London Gatwick, Copenhagen, Munich, Montreal, Chongqing, Doha, Con Son
 *   and Chicago (ASHRAE 2009/2017/2021 design tables), with RH_m from this model on the ITU humidity:
 *   RMS error 1.1 K. Dry air and continental climates have the largest ranges (Dai, Trenberth & Karl
 *   1999, J. Climate 12:2451: DTR falls with cloud cover, soil moisture and humidity); the fit gives
 *   5–7 K in the humid tropics and maritime Europe and 11–13 K in the Sonoran/Mojave deserts, within the
 *   typical 5–8 K and 12–20 K. (The fitted dryness term is weak because those desert stations are urban
 *   airports; rural deserts reach 15–20 K, which the model underestimates.)
 * - σ (sigma*): fitted to the day-to-day σ that reproduces each station month's 0.4/2/5/10 % dry bulbs
 *   (after removing the within-month trend), plus an anchor of 0.9 K for the humid tropics (ASHRAE 2017
 *   "DBStd" 0.9–1.2 K at Con Son, Viet Nam): RMS error 0.9 K. It gives about 0.8 K in Singapore, 1.4 K in
 *   a Miami summer, 2.5 K in a continental summer and 5 K in a continental winter (typical 3–6 K).
 * - Vapour (monthlyVapourShrink, withinMonthLogSpreadFloor, temperatureVapourCorrelation): grid search
 *   against the sourced ASHRAE 0.4 % wet bulbs (see designWetBulb.ts for the list), scoring the 0.4 %
 *   wet bulb of the hourly wet-bulb model: RMS 1.2 K at λ = 1 (the pure rank mapping), floor 0.4, r = 0.
 */
export const MONTHLY_MODEL_PARAMETERS: MonthlyModelParameters = Object.freeze({
  dtrBaseK: 4.8,
  dtrDrynessK: 3.5,
  dtrPerAnnualRange: 0.19,
  dtrMinK: 4,
  dtrMaxK: 20,
  sigmaBaseK: 0.7,
  sigmaPerAnnualRange: 0.077,
  sigmaColdSeasonPerAnnualRange: 0.098,
  monthlyVapourShrink: 1,
  withinMonthLogSpreadFloor: 0.4,
  temperatureVapourCorrelation: 0,
});

/**
 * Standard normal quantiles Φ⁻¹(1 − (k − ½)/12) of the 12 months ranked by temperature, warmest
 * first: the month of rank k is taken to sit at that quantile of the year's vapour distribution
 * (comonotone seasonal coupling: the warmest month is the most humid, Clausius–Clapeyron).
 */
const RANK_Z: readonly number[] = [
  1.7316643961222455, 1.1503493803760079, 0.8122178014999129, 0.5485222826980978, 0.31863936396437514, 0.10463345561407553,
  -0.10463345561407553, -0.31863936396437514, -0.5485222826980978, -0.8122178014999129, -1.1503493803760079, -1.7316643961222455,
];

/** Preallocated per-month state. Create once with {@link createMonthlyState} and reuse. */
export interface MonthlyState {
  /** Monthly mean dry bulb μ_m, °C. */
  readonly meanC: Float64Array;
  /** Half the diurnal range, DTR_m/2, K. */
  readonly ampK: Float64Array;
  /** Day-to-day σ of dry bulb including the within-month trend, K. */
  readonly sigmaK: Float64Array;
  /** Typical vapour pressure of the month, hPa. */
  readonly vapourHpa: Float64Array;
  /** Relative humidity at the monthly mean, 0…1. */
  readonly rh: Float64Array;
  /** Monthly wet-bulb mean, diurnal amplitude and day-to-day σ, °C / K / K (filled by {@link fillWetBulbState}). */
  readonly wetMeanC: Float64Array;
  readonly wetAmpK: Float64Array;
  readonly wetSigmaK: Float64Array;
  /** Within-month σ of ln ρ. */
  withinLogSpread: number;
  /** Air pressure used for wet bulb, hPa. */
  pressureHpa: number;
  /** Annual range of monthly means (warmest − coldest), K. */
  annualRangeK: number;
}

export function createMonthlyState(): MonthlyState {
  return {
    meanC: new Float64Array(12),
    ampK: new Float64Array(12),
    sigmaK: new Float64Array(12),
    vapourHpa: new Float64Array(12),
    rh: new Float64Array(12),
    wetMeanC: new Float64Array(12),
    wetAmpK: new Float64Array(12),
    wetSigmaK: new Float64Array(12),
    withinLogSpread: 0,
    pressureHpa: 1013.25,
    annualRangeK: 0,
  };
}

/** Estimated mean diurnal temperature range of a month, K, from its relative humidity (0…1) and the site's annual range of monthly means (K). */
export function estimateDiurnalRangeK(rh: number, annualRangeK: number, p: MonthlyModelParameters = MONTHLY_MODEL_PARAMETERS): number {
  const dryness = 1 - Math.min(1, Math.max(0, rh));
  const dtr = p.dtrBaseK + p.dtrDrynessK * dryness + p.dtrPerAnnualRange * annualRangeK;
  return Math.min(p.dtrMaxK, Math.max(p.dtrMinK, dtr));
}

/**
 * Estimated standard deviation of daily mean temperature about the monthly mean, K, from the annual
 * range of monthly means (K) and the month's coldness w (0 warmest month … 1 coldest month).
 */
export function estimateDayToDaySigmaK(annualRangeK: number, coldness: number, p: MonthlyModelParameters = MONTHLY_MODEL_PARAMETERS): number {
  return p.sigmaBaseK + annualRangeK * (p.sigmaPerAnnualRange + p.sigmaColdSeasonPerAnnualRange * coldness);
}

/**
 * Fills the dry-bulb part of `s` (mean, amplitude, σ, vapour pressure, RH) for a validated climate.
 * σ_m also carries the within-month trend: the monthly mean moves by about Δ = (μ_{m+1} − μ_{m−1})/2
 * across the month, a uniform spread of variance Δ²/12 added to the day-to-day variance.
 */
export function fillTemperatureState(c: SiteClimate, s: MonthlyState, p: MonthlyModelParameters = MONTHLY_MODEL_PARAMETERS): void {
  const t = c.monthlyMeanC;
  let warmest = -Infinity;
  let coldest = Infinity;
  for (let m = 0; m < 12; m++) {
    const v = t[m] as number;
    s.meanC[m] = v;
    if (v > warmest) warmest = v;
    if (v < coldest) coldest = v;
  }
  const atr = warmest - coldest;
  s.annualRangeK = atr;
  s.pressureHpa = c.elevationM === undefined ? 1013.25 : standardPressureHpa(c.elevationM);
  // The year's ln ρ curve (humidityDistribution.ts), hoisted out of the month loop.
  const lnMedian = Math.log(c.rhoMedianGm3);
  const ln10 = Math.log(c.rho10Gm3);
  const s1 = lowerLogSlope(c);
  const s2 = upperLogSlope(c);
  for (let m = 0; m < 12; m++) {
    const mu = s.meanC[m] as number;
    // Rank by temperature, warmest = 0; ties broken by month order so ranks are a permutation.
    let rank = 0;
    for (let k = 0; k < 12; k++) {
      const other = s.meanC[k] as number;
      if (other > mu || (other === mu && k < m)) rank++;
    }
    const z = p.monthlyVapourShrink * (RANK_Z[rank] as number);
    const rho = Math.exp(z <= Z_EXCEEDED_10PCT ? lnMedian + s1 * z : ln10 + s2 * (z - Z_EXCEEDED_10PCT));
    const es = saturationVapourPressureHpa(mu);
    const e = Math.min(vapourPressureFromDensityHpa(rho, mu), es);
    s.vapourHpa[m] = e;
    s.rh[m] = e / es;
    s.ampK[m] = 0.5 * estimateDiurnalRangeK(e / es, atr, p);
    const coldness = atr > 1e-9 ? (warmest - mu) / atr : 0;
    const sd = estimateDayToDaySigmaK(atr, coldness, p);
    const trend = 0.5 * ((s.meanC[(m + 1) % 12] as number) - (s.meanC[(m + 11) % 12] as number));
    s.sigmaK[m] = Math.sqrt(sd * sd + (trend * trend) / 12);
  }
}

/**
 * Fills the wet-bulb part of `s` (after {@link fillTemperatureState}). Linearised around the month's
 * mean state (T = μ_m, e = e_m, T_w = T_w(μ_m, e_m)) with the psychrometric equation
 * e = e_s(T_w) − γp·(T − T_w) (WMO-No. 8 Annex 4.B):
 *   ∂T_w/∂T = γp/(γp + e_s′(T_w)),  ∂T_w/∂e = 1/(γp + e_s′(T_w)),
 * so the wet bulb's diurnal amplitude is ∂T_w/∂T·DTR/2 (vapour pressure nearly constant through the day;
 * ASHRAE's monthly wet-bulb ranges are 0.3–0.5 of the dry-bulb ranges, which this reproduces), and its
 * day-to-day σ combines the temperature anomaly and a within-month vapour anomaly of log-spread σ_in
 * with correlation r: σ_w² = a² + b² + 2rab, a = ∂T_w/∂T·σ_T, b = ∂T_w/∂e·e_m·σ_in.
 * σ_in² = max(s₁² − Var_m(ln ρ_m), (floor·s₁)²): the part of the year's spread not explained by the
 * seasonal cycle of the monthly values.
 */
export function fillWetBulbState(c: SiteClimate, s: MonthlyState, p: MonthlyModelParameters = MONTHLY_MODEL_PARAMETERS): void {
  const s1 = lowerLogSlope(c);
  let sum = 0;
  let sumSq = 0;
  for (let m = 0; m < 12; m++) {
    const l = Math.log((s.vapourHpa[m] as number) / ((s.meanC[m] as number) + 273.15));
    sum += l;
    sumSq += l * l;
  }
  const seasonalVar = Math.max(0, sumSq / 12 - (sum / 12) * (sum / 12));
  const floor = p.withinMonthLogSpreadFloor * s1;
  const within = Math.sqrt(Math.max(s1 * s1 - seasonalVar, floor * floor));
  s.withinLogSpread = within;
  const pressure = s.pressureHpa;
  for (let m = 0; m < 12; m++) {
    const mu = s.meanC[m] as number;
    const e = s.vapourHpa[m] as number;
    const tw = wetBulbC(mu, e, pressure);
    const g = psychrometricCoefficientHpaPerK(tw, pressure);
    const denom = g + saturationVapourPressureSlopeHpaPerK(tw);
    const dTwdT = g / denom;
    const a = dTwdT * (s.sigmaK[m] as number);
    const b = (e * within) / denom;
    s.wetMeanC[m] = tw;
    s.wetAmpK[m] = dTwdT * (s.ampK[m] as number);
    s.wetSigmaK[m] = Math.sqrt(a * a + b * b + 2 * p.temperatureVapourCorrelation * a * b);
  }
}
