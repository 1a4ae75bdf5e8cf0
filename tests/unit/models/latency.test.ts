// Round-trip latency model (server/models/latency.ts, DESIGN.md §5) and its agreement with the data
// pipeline's copy of the constants.
import { describe, expect, it } from "vitest";
import * as pipeline from "@/data/pipeline/layers/connectivity";
import { haversineKm } from "@/data/lib/geo";
import {
  FIBRE_MS_PER_KM,
  marketLatency,
  prepareMarketPoints,
  radiusForRttKm,
  ROUTE_FACTOR,
  ROUTE_FACTOR_MAX,
  ROUTE_FACTOR_MIN,
  RouteFactor,
  RTT_OVERHEAD_MS,
  rttBetweenMs,
  rttMs,
} from "@/server/models/latency";

const LONDON = { lat: 51.5074, lon: -0.1278 };
const FRANKFURT = { lat: 50.1109, lon: 8.6821 };

describe("RTT = 2 × great-circle km × route factor × 0.0049 + 1 ms", () => {
  it("London–Frankfurt: ≈ 638 km great circle → ≈ 10.4 ms at route factor 1.5", () => {
    const km = haversineKm(LONDON.lat, LONDON.lon, FRANKFURT.lat, FRANKFURT.lon);
    expect(km).toBeGreaterThan(630);
    expect(km).toBeLessThan(645);
    const expected = 2 * km * 1.5 * 0.0049 + 1;
    expect(rttBetweenMs(LONDON.lat, LONDON.lon, FRANKFURT.lat, FRANKFURT.lon)).toBeCloseTo(expected, 12);
    expect(expected).toBeCloseTo(10.375, 2);
  });

  it("exact small cases", () => {
    expect(rttMs(0)).toBe(1);
    expect(rttMs(100)).toBeCloseTo(2 * 100 * 1.5 * 0.0049 + 1, 12); // 2.47 ms
    expect(rttMs(1000, 2)).toBeCloseTo(2 * 1000 * 2 * 0.0049 + 1, 12); // 20.6 ms
  });

  it("the route factor must be within 1.3–2.1", () => {
    expect(() => rttMs(100, 1.29)).toThrow(/routeFactor/);
    expect(() => rttMs(100, 2.11)).toThrow(/routeFactor/);
    expect(() => rttMs(100, Number.NaN)).toThrow(/routeFactor/);
    expect(rttMs(100, ROUTE_FACTOR_MIN)).toBeCloseTo(2 * 100 * 1.3 * 0.0049 + 1, 12);
    expect(rttMs(100, ROUTE_FACTOR_MAX)).toBeCloseTo(2 * 100 * 2.1 * 0.0049 + 1, 12);
    expect(RouteFactor.safeParse(1.2).success).toBe(false);
    expect(RouteFactor.safeParse(2.2).success).toBe(false);
    expect(RouteFactor.parse(undefined)).toBe(1.5);
    expect(() => radiusForRttKm(10, 1)).toThrow(/routeFactor/);
  });

  it("rejects a negative or non-finite distance", () => {
    expect(() => rttMs(-1)).toThrow(/greatCircleKm/);
    expect(() => rttMs(Number.POSITIVE_INFINITY)).toThrow(/greatCircleKm/);
  });

  it("radiusForRttKm inverts rttMs; a budget at or below the overhead reaches nothing", () => {
    for (const rf of [1.3, 1.5, 2.1]) for (const ms of [2, 10, 50]) expect(rttMs(radiusForRttKm(ms, rf), rf)).toBeCloseTo(ms, 10);
    expect(radiusForRttKm(10)).toBeCloseTo(9 / (2 * 1.5 * 0.0049), 10); // ≈ 612 km
    expect(radiusForRttKm(1)).toBe(0);
    expect(radiusForRttKm(0.5)).toBe(0);
  });
});

describe("the data pipeline uses the same constants (it may not import app code)", () => {
  it("ROUTE_FACTOR, FIBRE_MS_PER_KM, RTT_OVERHEAD_MS and radiusForRttKm agree with data/pipeline/layers/connectivity.ts", () => {
    expect(pipeline.ROUTE_FACTOR).toBe(ROUTE_FACTOR);
    expect(pipeline.FIBRE_MS_PER_KM).toBe(FIBRE_MS_PER_KM);
    expect(pipeline.RTT_OVERHEAD_MS).toBe(RTT_OVERHEAD_MS);
    for (const ms of [2, 5, 10, 20, 50]) expect(pipeline.radiusForRttKm(ms)).toBeCloseTo(radiusForRttKm(ms), 12);
  });
});

describe("latency to a market of weighted points", () => {
  const market = prepareMarketPoints([
    { name: "London", lat: 51.5074, lon: -0.1278, weight: 9 },
    { name: "Frankfurt", lat: 50.1109, lon: 8.6821, weight: 1 },
  ]);

  it("demand-weighted mean, max, min and share within budget", () => {
    const atLondon = marketLatency(market, LONDON.lat, LONDON.lon, { rttBudgetMs: 5 });
    const toFrankfurt = rttBetweenMs(LONDON.lat, LONDON.lon, FRANKFURT.lat, FRANKFURT.lon);
    expect(atLondon.rtt_min_ms).toBeCloseTo(1, 12);
    expect(atLondon.rtt_max_ms).toBeCloseTo(toFrankfurt, 9);
    expect(atLondon.rtt_mean_ms).toBeCloseTo(0.9 * 1 + 0.1 * toFrankfurt, 9);
    expect(atLondon.demand_share_within_budget).toBeCloseTo(0.9, 12);
    expect(marketLatency(market, LONDON.lat, LONDON.lon, { rttBudgetMs: 11 }).demand_share_within_budget).toBeCloseTo(1, 12);
  });

  it("uses the haversine of data/lib/geo.ts exactly", () => {
    const site = { lat: 40.4168, lon: -3.7038 }; // Madrid
    const l = marketLatency(market, site.lat, site.lon, { rttBudgetMs: 0, routeFactor: 1.8 });
    const expected = 0.9 * rttBetweenMs(site.lat, site.lon, LONDON.lat, LONDON.lon, 1.8) + 0.1 * rttBetweenMs(site.lat, site.lon, FRANKFURT.lat, FRANKFURT.lon, 1.8);
    expect(l.rtt_mean_ms).toBeCloseTo(expected, 9);
    expect(l.demand_share_within_budget).toBe(0);
  });

  it("rejects empty markets, bad weights and positions, and bad budgets", () => {
    expect(() => prepareMarketPoints([])).toThrow(/at least one point/);
    expect(() => prepareMarketPoints([{ lat: 0, lon: 0, weight: 0 }])).toThrow(/points\[0\]\.weight/);
    expect(() => prepareMarketPoints([{ lat: 91, lon: 0, weight: 1 }])).toThrow(/points\[0\]\.lat/);
    expect(() => marketLatency(market, 0, 200, { rttBudgetMs: 10 })).toThrow(/lon/);
    expect(() => marketLatency(market, 0, 0, { rttBudgetMs: -1 })).toThrow(/rttBudgetMs/);
    expect(() => marketLatency(market, 0, 0, { rttBudgetMs: 10, routeFactor: 3 })).toThrow(/routeFactor/);
  });

  it("writes into a caller's object without allocating a new one", () => {
    const out = { rtt_mean_ms: 0, rtt_max_ms: 0, rtt_min_ms: 0, demand_share_within_budget: 0 };
    expect(marketLatency(market, 48.8566, 2.3522, { rttBudgetMs: 10 }, out)).toBe(out);
  });
});
