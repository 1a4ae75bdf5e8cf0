/** Regional strategy through the API: profiles, comparison, capacity plans, and bad input. */
import { type TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/trpc/root";
import { internalContext } from "@/server/trpc/context";
import type { Scenario } from "@/server/schemas/scenario";

const api = createCaller(internalContext("test"));
let scenario: Scenario;

beforeAll(async () => {
  // A layer-only scenario keeps the surface fast; carbon and cooling dominate.
  scenario = {
    ...(await api.scoring.presets()).find((p) => p.id === "ai-training")!.scenario,
    criteria: [
      { id: "carbon", source: "carbon.grid_intensity", weight: 3, locked: false, valueFunction: { type: "linear", worst: 600, best: 20 }, constraints: [] },
      { id: "fcool", source: "cooling.free_cooling_hours", weight: 1, locked: false, valueFunction: { type: "linear", worst: 0, best: 8760 }, constraints: [] },
      { id: "stress", source: "risk.water_stress", weight: 1, locked: false, valueFunction: { type: "linear", worst: 4, best: 0 }, constraints: [{ kind: "excludeAbove", value: 3 }] },
    ],
  };
}, 120_000);

async function badRequest(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    return (err as TRPCError).message;
  }
  throw new Error("expected BAD_REQUEST");
}

describe("strategy.profile", () => {
  it("profiles a country: histogram, constraint share, layer spreads and separated candidate areas", async () => {
    const p = await api.strategy.profile({ region: { kind: "country", key: "SWE" }, scenario, candidateAreas: { count: 5, minDistanceKm: 200, minAreaKm2: 1000, topShare: 0.2 } });
    expect(p.name).toBe("Sweden");
    expect(p.histogram.reduce((a, b) => a + b.areaShare, 0)).toBeCloseTo(1, 6);
    expect(p.passShare + p.excludedShare + p.unscoredShare).toBeCloseTo(1, 6);
    expect(p.layers.find((l) => l.id === "carbon.grid_intensity")!.median).toBeLessThan(60);
    expect(p.candidateAreas.length).toBeGreaterThan(0);
    for (const a of p.candidateAreas) for (const b of p.candidateAreas) if (a !== b) {
      const km = 6371 * Math.acos(Math.min(1, Math.sin(a.lat * Math.PI / 180) * Math.sin(b.lat * Math.PI / 180) + Math.cos(a.lat * Math.PI / 180) * Math.cos(b.lat * Math.PI / 180) * Math.cos((a.lon - b.lon) * Math.PI / 180)));
      expect(km).toBeGreaterThanOrEqual(200);
    }
    for (const z of p.candidateAreas) expect(z.areaKm2).toBeGreaterThanOrEqual(1000);
  }, 120_000);

  it("still takes the deprecated `zones` settings and returns the candidate areas under both names", async () => {
    const settings = { count: 3, minDistanceKm: 200, minAreaKm2: 1000, topShare: 0.2 };
    const now = await api.strategy.profile({ region: { kind: "country", key: "SWE" }, scenario, candidateAreas: settings });
    const old = await api.strategy.profile({ region: { kind: "country", key: "SWE" }, scenario, zones: settings });
    expect(old.candidateAreas).toEqual(now.candidateAreas);
    expect(old.zones).toEqual(old.candidateAreas);
  }, 120_000);

  it("reports the area the constraints exclude (water stress above 3 in Saudi Arabia)", async () => {
    const p = await api.strategy.profile({ region: { kind: "country", key: "SAU" }, scenario });
    expect(p.excludedShare).toBeGreaterThan(0.9);
  }, 120_000);
});

describe("strategy.compare", () => {
  it("ranks Nordic hydro countries above coal-heavy Poland", async () => {
    const r = await api.strategy.compare({ regions: [{ kind: "country", key: "POL" }, { kind: "country", key: "NOR" }], scenario });
    expect(r[0]!.profile.name).toBe("Norway");
    expect(r.map((x) => x.rank)).toEqual([1, 2]);
  }, 120_000);
});

describe("strategy.plan", () => {
  it("plans 2 GW for two markets: inference near each market, training in the cleanest candidate areas, beating the build-at-demand baseline", async () => {
    const plan = await api.strategy.plan({
      scenario,
      candidates: { kind: "candidate_areas", region: { kind: "group", group: "eea" }, candidateAreas: { count: 40, minDistanceKm: 150, minAreaKm2: 500, topShare: 0.3 } },
      totalMw: 2000,
      maxMwPerCandidate: 400,
      markets: [{ name: "Frankfurt", lat: 50.11, lon: 8.68, share: 0.6 }, { name: "Paris", lat: 48.86, lon: 2.35, share: 0.4 }],
      workloads: [{ id: "training", share: 0.7, rttSlaMs: null }, { id: "inference", share: 0.3, rttSlaMs: 25 }],
      rule: { kind: "allowed_regimes", regimes: ["eu_eea_gdpr"] },
      objective: "co2",
    });
    expect(plan.status).toBe("optimal");
    expect(plan.totals.it_mw).toBeCloseTo(2000, 3);
    expect(plan.savings.co2_t).toBeGreaterThan(0);
    expect(plan.totals.co2_t).toBeLessThan(plan.baseline.totals.co2_t);
    const inferenceMw = plan.allocations.filter((a) => a.workload === "inference").reduce((s, a) => s + a.mw, 0);
    expect(inferenceMw).toBeCloseTo(600, 3);
  }, 180_000);

  it("reports an impossible latency SLA as a shortfall with its binding constraint", async () => {
    const plan = await api.strategy.plan({
      scenario,
      candidates: { kind: "sites", sites: [{ id: "lul", name: "Luleå", lat: 65.58, lon: 22.15, overrides: {}, origin: "coordinates" }] },
      totalMw: 100,
      maxMwPerCandidate: 500,
      markets: [{ name: "Madrid", lat: 40.42, lon: -3.7, share: 1 }],
      workloads: [{ id: "inference", share: 1, rttSlaMs: 5 }],
      rule: { kind: "any" },
      objective: "co2",
    });
    expect(plan.status).toBe("infeasible");
    expect(plan.shortfalls[0]!.binding).toMatch(/no candidate meets the eligibility rule \(≤ 5 ms round trip from Madrid/);
    expect(plan.shortfalls[0]!.unmetMw).toBeCloseTo(100);
  }, 120_000);

  it("rejects bad input, naming the field", async () => {
    expect(await badRequest(api.strategy.profile({ region: { kind: "country", key: "XYZ" }, scenario }))).toMatch(/region\.key: no country/);
    expect(await badRequest(api.strategy.compare({ regions: [{ kind: "country", key: "SWE" }], scenario }))).toMatch(/regions: compare at least two/);
    const base = { scenario, candidates: { kind: "sites" as const, sites: [{ id: "a", name: "A", lat: 60, lon: 10, overrides: {}, origin: "coordinates" as const }] }, totalMw: 100, maxMwPerCandidate: 100, markets: [{ name: "X", lat: 50, lon: 8, share: 1 }], workloads: [{ id: "t", share: 1, rttSlaMs: null }], rule: { kind: "any" as const }, objective: "co2" as const };
    expect(await badRequest(api.strategy.plan({ ...base, totalMw: 0 }))).toMatch(/totalMw: at least 1 MW/);
    expect(await badRequest(api.strategy.plan({ ...base, markets: [] }))).toMatch(/markets: give at least one demand market/);
    expect(await badRequest(api.strategy.plan({ ...base, objective: "cost" as never }))).toMatch(/objective/);
  });
});
