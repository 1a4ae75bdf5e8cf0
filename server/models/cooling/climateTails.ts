/**
 * The hour counts the cooling model needs, read from the climate models' hourly distributions
 * (server/models/climate: monthlyModel.ts for the per-month state, monthlyMixture.ts for the mixture
 * over the year) in one pass per threshold:
 *   H(x) = hours per year above x,   D(x) = Σ max(0, X − x) over the year, K·h ("degree-hours"),
 * for dry bulb or wet bulb. They are the same quantities as `hoursAbove`, `dryBulbDegreeHoursAbove`
 * and `hoursWetBulbAbove` of the climate models (tests check the equality), computed together: one erfc
 * and one exp per quadrature node serve both (the partial expectation of a normal,
 * E[(X − b)⁺] = σ·φ(d) + (μ − b)·Q(d), d = (b − μ)/σ), and months farther than 8.5 σ from x cost
 * nothing. The per-site state is filled once and reused for every threshold, so the hot path allocates
 * nothing.
 *
 * Wet bulb never exceeds dry bulb, so its hours and degree-hours above any x are capped by the dry-bulb
 * ones, as in wetBulbDistribution.ts.
 */
import { createMonthlyState, fillTemperatureState, fillWetBulbState, type MonthlyState } from "../climate/monthlyModel";
import { PHASE_NODES } from "../climate/monthlyMixture";
import { normalPdf, normalUpperTail } from "../climate/normal";
import { HOURS_PER_MONTH, HOURS_PER_YEAR, type SiteClimate } from "../climate/siteClimate";

const COS_NODES = new Float64Array(PHASE_NODES);
for (let k = 0; k < PHASE_NODES; k++) COS_NODES[k] = Math.cos(((k + 0.5) * Math.PI) / PHASE_NODES);
/** As monthlyMixture.ts: beyond 8.5 σ a month is all in or all out; σ is floored at 1 mK. */
const TAIL_CUTOFF_SIGMAS = 8.5;
const MIN_SIGMA = 1e-3;

/** Scratch for one site: the climate models' monthly state plus the last tail evaluated. */
export interface ClimateTails {
  readonly state: MonthlyState;
  /** Hours per year above the last threshold (set by {@link dryTail} / {@link wetTail}). */
  hours: number;
  /** Degree-hours per year above the last threshold, K·h. */
  degreeHours: number;
  /** Hours per kelvin at the last threshold, h/K (−dH/dx; dry bulb only). */
  density: number;
}

export function createClimateTails(): ClimateTails {
  return { state: createMonthlyState(), hours: 0, degreeHours: 0, density: 0 };
}

/** Fills the dry- and wet-bulb monthly state of a validated climate (call once per site). */
export function loadClimate(t: ClimateTails, c: SiteClimate): void {
  fillTemperatureState(c, t.state);
  fillWetBulbState(c, t.state);
}

function mixtureTail(t: ClimateTails, mean: Float64Array, amp: Float64Array, sigma: Float64Array, x: number): void {
  let hours = 0;
  let dh = 0;
  let density = 0;
  for (let m = 0; m < 12; m++) {
    const mu = mean[m] as number;
    const a = Math.abs(amp[m] as number);
    const sd = Math.max(MIN_SIGMA, sigma[m] as number);
    const inMonth = HOURS_PER_MONTH[m] as number;
    if (x - mu - a > TAIL_CUTOFF_SIGMAS * sd) continue;
    if (x - mu + a < -TAIL_CUTOFF_SIGMAS * sd) {
      // Every hour of the month is above x; the phase nodes' cosines sum to 0, so the mean excess is μ − x.
      hours += inMonth;
      dh += inMonth * (mu - x);
      continue;
    }
    const inv = 1 / sd;
    const signedAmp = amp[m] as number;
    let p = 0;
    let e = 0;
    let pdf = 0;
    for (let k = 0; k < PHASE_NODES; k++) {
      const centre = mu + signedAmp * (COS_NODES[k] as number);
      const d = (x - centre) * inv;
      const q = normalUpperTail(d);
      const phi = normalPdf(d);
      p += q;
      pdf += phi;
      e += sd * phi + (centre - x) * q;
    }
    hours += (inMonth * p) / PHASE_NODES;
    dh += (inMonth * e) / PHASE_NODES;
    density += (inMonth * pdf * inv) / PHASE_NODES;
  }
  t.hours = Math.min(HOURS_PER_YEAR, Math.max(0, hours));
  t.degreeHours = Math.max(0, dh);
  t.density = density;
}

/** Sets t.hours / t.degreeHours to the dry-bulb hours and degree-hours above x (°C). */
export function dryTail(t: ClimateTails, x: number): void {
  const s = t.state;
  mixtureTail(t, s.meanC, s.ampK, s.sigmaK, x);
}

/** Sets t.hours / t.degreeHours to the wet-bulb hours and degree-hours above x (°C), capped by dry bulb. */
export function wetTail(t: ClimateTails, x: number): void {
  const s = t.state;
  mixtureTail(t, s.meanC, s.ampK, s.sigmaK, x);
  const dryHours = t.hours;
  const dryDh = t.degreeHours;
  mixtureTail(t, s.wetMeanC, s.wetAmpK, s.wetSigmaK, x);
  t.hours = Math.min(t.hours, dryHours);
  t.degreeHours = Math.min(t.degreeHours, dryDh);
}

/** Hour-weighted annual mean of the monthly means (dry bulb), °C. */
export function annualMeanDryBulbC(t: ClimateTails): number {
  let sum = 0;
  for (let m = 0; m < 12; m++) sum += (HOURS_PER_MONTH[m] as number) * (t.state.meanC[m] as number);
  return sum / HOURS_PER_YEAR;
}

/** Number of tail evaluations made by the last {@link dryBulbExceededFastC} call (for tests and benchmarks). */
export let lastExceedanceEvaluations = 0;

/** Options of {@link dryBulbExceededFastC}. */
export interface ExceedanceOptions {
  /** Stop when H is within this relative error of the target (default 0.001, i.e. 0.1 %). */
  relTol?: number;
  /** A temperature known to be exceeded during more than the target hours (tightens the bracket). */
  lowerBoundC?: number;
  /** First guess, °C (a good one saves iterations). */
  startC?: number;
}

/**
 * Dry bulb (°C) exceeded during `hours` hours of the year (e.g. 35.04 h: the ASHRAE 0.4 % design dry
 * bulb), by Newton's method on ln H(x) (d ln H/dx = −density/H, both from the same tail pass),
 * safeguarded by bisection inside a bracket, until H is within `relTol` of the target: 2–6 tail
 * evaluations instead of the ~40 of a bisection to 10⁻⁶ K (`dryBulbExceededC` of the climate models,
 * which the tests compare). `hours` must be in (0, 8,760).
 */
export function dryBulbExceededFastC(t: ClimateTails, hours: number, opts: ExceedanceOptions = {}): number {
  const s = t.state;
  // Bracket. Upper: 6 σ above every month's daily peak no month has a measurable hour (< 10⁻⁶ h).
  // Lower: the caller's bound if given; else the warmest monthly mean when fewer than 300 hours are
  // sought (that month alone has half its ≥ 672 hours above its mean), else 9 σ below every month's
  // daily minimum (all 8,760 hours above).
  let warmest = -Infinity;
  let floor = Infinity;
  let hi = -Infinity;
  for (let m = 0; m < 12; m++) {
    const mu = s.meanC[m] as number;
    const spread = Math.abs(s.ampK[m] as number);
    const sd = Math.max(MIN_SIGMA, s.sigmaK[m] as number);
    warmest = Math.max(warmest, mu);
    floor = Math.min(floor, mu - spread - 9 * sd);
    hi = Math.max(hi, mu + spread + 6 * sd);
  }
  let lo = opts.lowerBoundC ?? (hours < 300 ? warmest : floor);
  const tol = Math.log1p(opts.relTol ?? 1e-3);
  const target = Math.log(hours);
  let x = opts.startC !== undefined && opts.startC > lo && opts.startC < hi ? opts.startC : lo;
  let evaluations = 0;
  while (evaluations < 60) {
    dryTail(t, x);
    evaluations++;
    const h = t.hours;
    const f = Math.log(Math.max(h, 1e-12)) - target; // decreasing in x
    if (Math.abs(f) <= tol) break;
    if (f > 0) lo = x;
    else hi = x;
    if (hi - lo <= 1e-4) break;
    // Newton step on ln H; bisect when it leaves the bracket or the slope vanishes.
    const slope = h > 1e-12 ? t.density / h : 0;
    let next = slope > 0 ? x + f / slope : NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    x = next;
  }
  lastExceedanceEvaluations = evaluations;
  return x;
}
