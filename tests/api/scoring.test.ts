/** scoring.rank / sensitivity / presets / metrics through the tRPC caller, with bad inputs. */
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/trpc/root";
import { internalContext } from "@/server/trpc/context";
import type { Site } from "@/server/schemas/site";

const api = createCaller(internalContext("test"));
const s = (id: string, name: string, lat: number, lon: number): Site => ({ id, name, lat, lon, overrides: {}, origin: "coordinates" });
const SITES = [
  s("lul", "Luleå", 65.58, 22.15), s("dub", "Dublin", 53.35, -6.26), s("fra", "Frankfurt", 50.11, 8.68),
  s("ash", "Ashburn", 39.04, -77.49), s("phx", "Phoenix", 33.45, -112.07), s("sgp", "Singapore", 1.35, 103.82),
  s("dxb", "Dubai", 25.2, 55.27), s("bjs", "Beijing", 39.9, 116.4), s("osl", "Oslo", 59.91, 10.75), s("war", "Warsaw", 52.23, 21.01),
];

async function badRequest(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    return (err as TRPCError).message;
  }
  throw new Error("expected BAD_REQUEST");
}

describe("scoring presets", () => {
  it("offers the five presets, each explained, each ranking the demo sites", async () => {
    const presets = await api.scoring.presets();
    expect(presets.map((p) => p.id)).toEqual(["ai-training", "inference", "sovereign", "water-averse", "clean-power"]);
    for (const p of presets) {
      expect(p.explanation.length).toBeGreaterThan(80);
      const r = await api.scoring.rank({ sites: SITES, scenario: p.scenario });
      expect(r.sites.filter((x) => x.rank === 1).length, p.id).toBeGreaterThanOrEqual(1);
    }
  });

  it("sovereign cloud (EU/EEA) excludes every non-EU/EEA site with the reason", async () => {
    const p = (await api.scoring.presets()).find((x) => x.id === "sovereign")!;
    const r = await api.scoring.rank({ sites: SITES, scenario: p.scenario });
    const ranked = r.sites.filter((x) => !x.excluded).map((x) => x.id).sort();
    expect(ranked).toEqual(["dub", "fra", "lul", "osl", "war"]);
    expect(r.sites.find((x) => x.id === "sgp")!.exclusionReasons.join(" ")).toMatch(/regime/i);
  });

  it("AI training puts hydro-powered Oslo first, Luleå above the coal-heavy grids, and those grids near the bottom", async () => {
    const p = (await api.scoring.presets()).find((x) => x.id === "ai-training")!;
    const r = await api.scoring.rank({ sites: SITES, scenario: p.scenario });
    const rank = Object.fromEntries(r.sites.map((x) => [x.id, x.rank!]));
    expect(rank.osl).toBe(1);
    expect(rank.lul).toBeLessThan(rank.war!);
    expect(rank.lul).toBeLessThan(rank.bjs!);
    expect(rank.war).toBeGreaterThanOrEqual(7);
    expect(rank.bjs).toBeGreaterThanOrEqual(7);
  });

  it("every preset weighs grid access and settlement access, each with a reason; none uses the distance to cloud regions", async () => {
    for (const p of await api.scoring.presets()) {
      const sources = p.scenario.criteria.filter((c) => c.weight > 0).map((c) => c.source);
      expect(sources).toContain("power.capacity_within_100km_mw");
      expect(sources).toContain("access.nearest_city_km");
      expect(sources).not.toContain("connectivity.nearest_cloud_region_km");
      for (const c of p.scenario.criteria) expect(p.reasons[c.id], `${p.id}: ${c.id} has no reason`).toMatch(/.{20,}/);
    }
    const water = (await api.scoring.presets()).find((x) => x.id === "water-averse")!;
    expect(water.scenario.criteria.map((c) => c.source)).toContain("water.aridity_index");
  });
});

describe("scoring.sensitivity", () => {
  it("gives stability intervals around each weight and SMAA acceptabilities that sum to 1", async () => {
    const p = (await api.scoring.presets()).find((x) => x.id === "ai-training")!;
    const r = await api.scoring.sensitivity({ sites: SITES, scenario: p.scenario, samples: 2000, seed: 7 });
    expect(r.stability.length).toBe(p.scenario.criteria.filter((c) => c.weight > 0).length);
    for (const st of r.stability) {
      expect(st.lower).toBeLessThanOrEqual(st.weight + 1e-9);
      expect(st.upper).toBeGreaterThanOrEqual(st.weight - 1e-9);
    }
    for (const row of r.smaa!.rankAcceptability) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(r.reading[0]).toMatch(/stays first/);
    // Same seed, same answer.
    const again = await api.scoring.sensitivity({ sites: SITES, scenario: p.scenario, samples: 2000, seed: 7 });
    expect(again.smaa!.rankAcceptability).toEqual(r.smaa!.rankAcceptability);
  });
});

describe("bad input names the field", () => {
  it("rejects no sites, an unknown criterion source and a mismatched value function", async () => {
    const p = (await api.scoring.presets())[0]!;
    expect(await badRequest(api.scoring.rank({ sites: [], scenario: p.scenario }))).toMatch(/^sites: add at least one site/);
    const unknown = { ...p.scenario, criteria: [{ ...p.scenario.criteria[0]!, source: "risk.volcano" }] };
    expect(await badRequest(api.scoring.rank({ sites: SITES, scenario: unknown }))).toMatch(/scenario\.criteria\.0\.source: unknown layer or metric "risk\.volcano"/);
    const mismatch = { ...p.scenario, criteria: [{ ...p.scenario.criteria[0]!, source: "sovereignty.regime" }] };
    expect(await badRequest(api.scoring.rank({ sites: SITES, scenario: mismatch }))).toMatch(/scenario\.criteria\.0\.valueFunction/);
    const zero = { ...p.scenario, criteria: p.scenario.criteria.map((c) => ({ ...c, weight: 0 })) };
    expect(await badRequest(api.scoring.rank({ sites: SITES, scenario: zero }))).toMatch(/scenario\.criteria: at least one criterion needs a weight/);
    expect(await badRequest(api.scoring.rank({ sites: [{ ...SITES[0]!, lat: 100 }], scenario: p.scenario }))).toMatch(/sites\.0\.lat/);
    expect(await badRequest(api.scoring.sensitivity({ sites: SITES, scenario: p.scenario, samples: 10 }))).toMatch(/^samples/);
  });

  it("lists the metrics with units", async () => {
    const metrics = await api.scoring.metrics();
    expect(metrics.find((m) => m.id === "pue")).toMatchObject({ sourceId: "metric.pue", direction: "lower_is_better" });
    expect(metrics.find((m) => m.id === "co2_location_t_per_yr")!.unit).toBe("tCO2/yr");
  });
});

describe("re-scoring after a weight change", () => {
  it("gives exactly what a fresh evaluation gives (the cached stage never leaks between scenarios)", async () => {
    const { evaluateSites } = await import("@/server/siting/evaluate");
    const { testStore } = await import("../helpers/layers");
    const p = (await api.scoring.presets()).find((x) => x.id === "ai-training")!.scenario;
    await api.scoring.rank({ sites: SITES, scenario: p });
    const reweighted = { ...p, criteria: p.criteria.map((c, j) => ({ ...c, weight: j === 4 ? 10 : c.weight })) };
    const viaCache = await api.scoring.rank({ sites: SITES, scenario: reweighted });
    const fresh = evaluateSites(testStore(), SITES, reweighted);
    expect(viaCache.sites.map((s) => [s.id, s.rank, s.score])).toEqual(fresh.sites.map((s) => [s.id, s.rank, s.score]));
    const stricter = { ...reweighted, criteria: reweighted.criteria.map((c, j) => (j === 0 ? { ...c, constraints: [{ kind: "excludeAbove" as const, value: 100 }] } : c)) };
    const constrained = await api.scoring.rank({ sites: SITES, scenario: stricter });
    expect(constrained.sites.filter((s) => s.excluded).length).toBeGreaterThan(3);
  });
});
