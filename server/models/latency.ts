/**
 * Round-trip latency from a site to a market (DESIGN.md §5):
 *
 *   RTT (ms) = 2 × great-circle km × route factor × 0.0049 ms/km + 1 ms
 *
 * - 0.0049 ms/km: one-way propagation in optical fibre, c/n with group index n ≈ 1.47 (ITU-T G.652
 *   fibre): 299,792 km/s ÷ 1.47 ≈ 204,000 km/s → 4.9 µs/km.
 * - Route factor 1.5 (allowed 1.3–2.1): fibre routes follow roads, rail and cable landings, not the
 *   great circle; measured path-to-geodesic ratios of terrestrial routes commonly fall in this range,
 *   longest where routes detour around seas and mountains.
 * - 1 ms: switching, serialisation and last-mile overhead of a round trip.
 * Great-circle distance: haversine on the IUGG mean Earth radius (data/lib/geo.ts).
 *
 * The same constants build the `connectivity.population_within_10ms` layer in the data pipeline
 * (data/pipeline/layers/connectivity.ts), which may not import app code; a unit test asserts they are
 * equal.
 *
 * A market is a set of weighted points (cities with population or demand share). Per site:
 * demand-weighted mean RTT, max RTT over points with weight > 0, and the share of the demand within an
 * RTT budget. Prepare the market once (`prepareMarketPoints`), then each site costs one haversine per
 * point and allocates nothing when an `out` object is passed.
 */
import { z } from "zod";
import { EARTH_RADIUS_KM, haversineKm } from "@/data/lib/geo";

/** One-way propagation delay in fibre, ms per km. */
export const FIBRE_MS_PER_KM = 0.0049;
/** Default route factor: fibre path length ÷ great-circle distance. */
export const ROUTE_FACTOR = 1.5;
/** Allowed route factors (DESIGN.md §5). */
export const ROUTE_FACTOR_MIN = 1.3;
export const ROUTE_FACTOR_MAX = 2.1;
/** Fixed round-trip overhead, ms. */
export const RTT_OVERHEAD_MS = 1;

/** A route factor (1.3–2.1), default 1.5. */
export const RouteFactor = z
  .number({ error: "must be a number" })
  .finite()
  .min(ROUTE_FACTOR_MIN, `at least ${ROUTE_FACTOR_MIN}`)
  .max(ROUTE_FACTOR_MAX, `at most ${ROUTE_FACTOR_MAX}`)
  .default(ROUTE_FACTOR);

/** Throws a RangeError unless 1.3 ≤ routeFactor ≤ 2.1. */
export function assertRouteFactor(routeFactor: number): void {
  if (typeof routeFactor !== "number" || !(routeFactor >= ROUTE_FACTOR_MIN && routeFactor <= ROUTE_FACTOR_MAX)) {
    throw new RangeError(`routeFactor: must be within ${ROUTE_FACTOR_MIN}…${ROUTE_FACTOR_MAX}, got ${String(routeFactor)}`);
  }
}

/** Round-trip time, ms, over a great-circle distance (km ≥ 0) at a route factor (default 1.5). */
export function rttMs(greatCircleKm: number, routeFactor: number = ROUTE_FACTOR): number {
  assertRouteFactor(routeFactor);
  if (!(greatCircleKm >= 0) || !Number.isFinite(greatCircleKm)) throw new RangeError(`greatCircleKm: must be a finite distance ≥ 0, got ${String(greatCircleKm)}`);
  return 2 * greatCircleKm * routeFactor * FIBRE_MS_PER_KM + RTT_OVERHEAD_MS;
}

/**
 * Great-circle radius, km, reachable within an RTT budget (ms) at a route factor: the inverse of
 * {@link rttMs}, (RTT − 1)/(2 × route factor × 0.0049). A budget at or below the 1 ms overhead
 * reaches nothing: 0.
 */
export function radiusForRttKm(rttBudgetMs: number, routeFactor: number = ROUTE_FACTOR): number {
  assertRouteFactor(routeFactor);
  if (typeof rttBudgetMs !== "number" || Number.isNaN(rttBudgetMs) || rttBudgetMs < 0) {
    throw new RangeError(`rttBudgetMs: must be a number ≥ 0, got ${String(rttBudgetMs)}`);
  }
  return Math.max(0, (rttBudgetMs - RTT_OVERHEAD_MS) / (2 * routeFactor * FIBRE_MS_PER_KM));
}

/** RTT, ms, between two points (degrees). */
export function rttBetweenMs(lat1: number, lon1: number, lat2: number, lon2: number, routeFactor: number = ROUTE_FACTOR): number {
  return rttMs(haversineKm(lat1, lon1, lat2, lon2), routeFactor);
}

/** A point of a market: a city or cell with its demand weight (population or share; > 0). */
export interface WeightedPoint {
  lat: number;
  lon: number;
  weight: number;
  name?: string;
}

/** A market prepared for many sites: radians, cosines and normalised weights in typed arrays. */
export interface PreparedMarketPoints {
  readonly count: number;
  readonly latRad: Float64Array;
  readonly lonRad: Float64Array;
  readonly cosLat: Float64Array;
  /** Weights ÷ their sum. */
  readonly share: Float64Array;
}

const DEG = Math.PI / 180;

/** Validates and prepares market points. Throws a RangeError naming the bad point. */
export function prepareMarketPoints(points: readonly WeightedPoint[]): PreparedMarketPoints {
  if (!Array.isArray(points) || points.length === 0) throw new RangeError("points: a market needs at least one point");
  const n = points.length;
  const latRad = new Float64Array(n);
  const lonRad = new Float64Array(n);
  const cosLat = new Float64Array(n);
  const share = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = points[i] as WeightedPoint;
    if (!(p.lat >= -90 && p.lat <= 90)) throw new RangeError(`points[${i}].lat: must be within −90…90°, got ${String(p.lat)}`);
    if (!(p.lon >= -180 && p.lon <= 180)) throw new RangeError(`points[${i}].lon: must be within −180…180°, got ${String(p.lon)}`);
    if (!(p.weight > 0) || !Number.isFinite(p.weight)) throw new RangeError(`points[${i}].weight: must be a finite number > 0, got ${String(p.weight)}`);
    latRad[i] = p.lat * DEG;
    lonRad[i] = p.lon * DEG;
    cosLat[i] = Math.cos(p.lat * DEG);
    share[i] = p.weight;
    total += p.weight;
  }
  for (let i = 0; i < n; i++) share[i] = (share[i] as number) / total;
  return { count: n, latRad, lonRad, cosLat, share };
}

/** Latency of a site to a market. */
export interface MarketLatency {
  /** Demand-weighted mean RTT, ms. */
  rtt_mean_ms: number;
  /** Largest RTT to any market point, ms. */
  rtt_max_ms: number;
  /** Smallest RTT to any market point, ms. */
  rtt_min_ms: number;
  /** Share of the market's demand (0–1) within the RTT budget. */
  demand_share_within_budget: number;
}

export function createMarketLatency(): MarketLatency {
  return { rtt_mean_ms: 0, rtt_max_ms: 0, rtt_min_ms: 0, demand_share_within_budget: 0 };
}

export interface MarketLatencyOptions {
  /** RTT budget, ms (≥ 0). */
  rttBudgetMs: number;
  /** Route factor 1.3–2.1, default 1.5. */
  routeFactor?: number;
}

/**
 * RTT statistics from a site (degrees) to a prepared market, into `out` if given (allocation-free).
 * Distances are haversine on the mean Earth radius, identical to data/lib/geo.ts `haversineKm`.
 */
export function marketLatency(
  market: PreparedMarketPoints,
  lat: number,
  lon: number,
  opts: MarketLatencyOptions,
  out: MarketLatency = createMarketLatency(),
): MarketLatency {
  const rf = opts.routeFactor ?? ROUTE_FACTOR;
  assertRouteFactor(rf);
  if (!(lat >= -90 && lat <= 90)) throw new RangeError(`lat: must be within −90…90°, got ${String(lat)}`);
  if (!(lon >= -180 && lon <= 180)) throw new RangeError(`lon: must be within −180…180°, got ${String(lon)}`);
  const budget = opts.rttBudgetMs;
  if (typeof budget !== "number" || Number.isNaN(budget) || budget < 0) throw new RangeError(`rttBudgetMs: must be a number ≥ 0, got ${String(budget)}`);
  const msPerKm = 2 * rf * FIBRE_MS_PER_KM;
  const phi = lat * DEG;
  const lam = lon * DEG;
  const cosPhi = Math.cos(phi);
  let mean = 0;
  let max = -Infinity;
  let min = Infinity;
  let within = 0;
  for (let i = 0; i < market.count; i++) {
    const dLat = (market.latRad[i] as number) - phi;
    const dLon = (market.lonRad[i] as number) - lam;
    const sLat = Math.sin(dLat / 2);
    const sLon = Math.sin(dLon / 2);
    const a = sLat * sLat + cosPhi * (market.cosLat[i] as number) * sLon * sLon;
    const km = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    const rtt = km * msPerKm + RTT_OVERHEAD_MS;
    const w = market.share[i] as number;
    mean += w * rtt;
    if (rtt > max) max = rtt;
    if (rtt < min) min = rtt;
    if (rtt <= budget) within += w;
  }
  out.rtt_mean_ms = mean;
  out.rtt_max_ms = max;
  out.rtt_min_ms = min;
  out.demand_share_within_budget = Math.min(1, within);
  return out;
}
