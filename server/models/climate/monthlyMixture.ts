/**
 * The year as a mixture of 12 monthly distributions of the form X = μ_m + A_m·cos θ + σ_m·Z
 * (θ a uniform diurnal phase, Z ~ N(0, 1) a day-to-day anomaly), weighted by the hours of each month.
 * Dry bulb and wet bulb both use it (see monthlyModel.ts).
 *
 * Over the phase, the average of a function of cos θ is computed by K-point Gauss–Chebyshev quadrature,
 * (1/K)·Σ f(cos((k − ½)π/K)) (Abramowitz & Stegun 1964, 25.4.38): exact when f is a polynomial of
 * degree < 2K in cos θ, i.e. the midpoint rule on the periodic phase, which converges geometrically.
 * The day-to-day spread smooths the integrand, so few nodes suffice: with K = 8 the annual hours above
 * any threshold differ from a 512-node reference by less than 0.05 h/yr for every site in the test
 * fixture (checked in monthlyMixture.test.ts). Each evaluation costs 12 × K = 96 erfc calls and
 * allocates nothing.
 */
import { normalPdf, normalUpperTail } from "./normal";
import { HOURS_PER_MONTH, HOURS_PER_YEAR } from "./siteClimate";

/** Number of diurnal-phase nodes. */
export const PHASE_NODES = 8;
const COS_NODES = new Float64Array(PHASE_NODES);
for (let k = 0; k < PHASE_NODES; k++) COS_NODES[k] = Math.cos(((k + 0.5) * Math.PI) / PHASE_NODES);

/** Beyond this many σ the normal tail is below 10⁻¹⁶ (normal.ts), so a month is all in or all out. */
const TAIL_CUTOFF_SIGMAS = 8.5;
/** Smallest σ used, K: keeps the integrand finite for a degenerate month. */
const MIN_SIGMA = 1e-3;

/** Expected hours per year with X > x (0…8,760). */
export function mixtureHoursAbove(mean: Float64Array, amp: Float64Array, sigma: Float64Array, x: number, nodes: number = PHASE_NODES): number {
  let hours = 0;
  for (let m = 0; m < 12; m++) {
    const mu = mean[m] as number;
    const a = amp[m] as number;
    const sd = Math.max(MIN_SIGMA, sigma[m] as number);
    const hoursInMonth = HOURS_PER_MONTH[m] as number;
    // Whole month beyond ±8.5 σ of the threshold at every phase: all or none of its hours, no erfc.
    if (x - mu - Math.abs(a) > TAIL_CUTOFF_SIGMAS * sd) continue;
    if (x - mu + Math.abs(a) < -TAIL_CUTOFF_SIGMAS * sd) {
      hours += hoursInMonth;
      continue;
    }
    const inv = 1 / sd;
    let p = 0;
    if (nodes === PHASE_NODES) {
      for (let k = 0; k < PHASE_NODES; k++) p += normalUpperTail((x - mu - a * (COS_NODES[k] as number)) * inv);
    } else {
      for (let k = 0; k < nodes; k++) p += normalUpperTail((x - mu - a * Math.cos(((k + 0.5) * Math.PI) / nodes)) * inv);
    }
    hours += (hoursInMonth * p) / nodes;
  }
  return Math.min(HOURS_PER_YEAR, Math.max(0, hours));
}

/** Expected hours per month with X > x, for month m (0-based), 0…hours of the month. */
export function mixtureMonthHoursAbove(mean: Float64Array, amp: Float64Array, sigma: Float64Array, m: number, x: number): number {
  const mu = mean[m] as number;
  const a = amp[m] as number;
  const inv = 1 / Math.max(MIN_SIGMA, sigma[m] as number);
  let p = 0;
  for (let k = 0; k < PHASE_NODES; k++) p += normalUpperTail((x - mu - a * (COS_NODES[k] as number)) * inv);
  return ((HOURS_PER_MONTH[m] as number) * p) / PHASE_NODES;
}

/**
 * Expected degree-hours per year above a base, Σ max(0, X − base), K·h. For a normal variable,
 * E[(X − b)⁺] = σ·φ(d) + (μ − b)·Q(d) with d = (b − μ)/σ (partial expectation of the normal).
 */
export function mixtureDegreeHoursAbove(mean: Float64Array, amp: Float64Array, sigma: Float64Array, base: number): number {
  let total = 0;
  for (let m = 0; m < 12; m++) {
    const mu = mean[m] as number;
    const a = amp[m] as number;
    const sd = Math.max(MIN_SIGMA, sigma[m] as number);
    let e = 0;
    for (let k = 0; k < PHASE_NODES; k++) {
      const centre = mu + a * (COS_NODES[k] as number);
      const d = (base - centre) / sd;
      e += sd * normalPdf(d) + (centre - base) * normalUpperTail(d);
    }
    total += ((HOURS_PER_MONTH[m] as number) * e) / PHASE_NODES;
  }
  return total;
}

/**
 * The value exceeded during `hours` hours of the year (e.g. 35.04 h for an ASHRAE 0.4 % design value),
 * by bisection to 10⁻⁶ K on a bracket that holds every month's distribution. Not for the per-cell hot path
 * (about 30 mixture evaluations).
 */
export function mixtureValueExceeded(mean: Float64Array, amp: Float64Array, sigma: Float64Array, hours: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let m = 0; m < 12; m++) {
    const spread = Math.abs(amp[m] as number) + 9 * Math.max(MIN_SIGMA, sigma[m] as number);
    lo = Math.min(lo, (mean[m] as number) - spread);
    hi = Math.max(hi, (mean[m] as number) + spread);
  }
  while (hi - lo > 1e-6) {
    const mid = 0.5 * (lo + hi);
    if (mixtureHoursAbove(mean, amp, sigma, mid) > hours) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Like {@link mixtureValueExceeded} for one month m: the value exceeded during `fraction` (0…1) of that month's hours. */
export function mixtureMonthValueExceeded(mean: Float64Array, amp: Float64Array, sigma: Float64Array, m: number, fraction: number): number {
  const target = fraction * (HOURS_PER_MONTH[m] as number);
  const spread = Math.abs(amp[m] as number) + 9 * Math.max(MIN_SIGMA, sigma[m] as number);
  let lo = (mean[m] as number) - spread;
  let hi = (mean[m] as number) + spread;
  while (hi - lo > 1e-6) {
    const mid = 0.5 * (lo + hi);
    if (mixtureMonthHoursAbove(mean, amp, sigma, m, mid) > target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
