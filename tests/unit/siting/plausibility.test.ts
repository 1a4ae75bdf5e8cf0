/**
 * The buildability rule (server/siting/plausibility.ts): grid and people, both required. Real campuses
 * pass it; the Scandinavian mountains (hydro but no town) and the Sahara do not; best locations and
 * strategy candidate areas only come from cells that pass, and say what they passed.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_PLAUSIBILITY, describePlausibility, judge, plausibilityOf } from "@/server/siting/plausibility";
import { bestLocationsFor } from "@/server/siting/surfaceQueries";
import { presets } from "@/server/siting/presets";
import { regionProfile } from "@/server/strategy/regionalPlanning";
import { loadCampuses } from "../../helpers/campuses";
import { testStore } from "../../helpers/layers";

const store = testStore();
const at = (lat: number, lon: number) => {
  const p = plausibilityOf(store, DEFAULT_PLAUSIBILITY);
  return judge(DEFAULT_PLAUSIBILITY, p.evidence(store.grid.landIndexAt(lat, lon)));
};

describe("buildability rule", () => {
  it("needs both some grid and some people", () => {
    const rule = DEFAULT_PLAUSIBILITY;
    expect(judge(rule, { capacityMw: 2000, cityKm: 400, people: 20_000 }).passed).toBe(false);
    expect(judge(rule, { capacityMw: 100, cityKm: 10, people: 5e6 }).passed).toBe(false);
    expect(judge(rule, { capacityMw: 400, cityKm: 400, people: 60_000 }).passed).toBe(true);
    expect(judge(rule, { capacityMw: 400, cityKm: 120, people: 0 }).passed).toBe(true);
    expect(judge(rule, { capacityMw: NaN, cityKm: 10, people: 5e6 }).passed).toBe(false);
    expect(judge({ ...rule, enabled: false }, { capacityMw: 0, cityKm: 9999, people: 0 }).passed).toBe(true);
    expect(describePlausibility(rule)).toMatch(/300 MW .* 150 km .* 50,000 people/);
  });

  it("lets nearly every real campus through and keeps out the mountains and the desert", () => {
    const campuses = loadCampuses().filter((c) => store.grid.landIndexAt(c.lat, c.lon) >= 0);
    const passed = campuses.filter((c) => at(c.lat, c.lon).passed).length;
    expect(passed / campuses.length).toBeGreaterThan(0.95);
    expect(at(66.5, 16.0).passed).toBe(false); // Swedish mountains by the Norwegian border
    expect(at(23, 13).passed).toBe(false); // central Sahara
    expect(at(65.58, 22.15).passed).toBe(true); // Luleå
  });

  it("best locations in Sweden only come from buildable cells, each saying what it passed", async () => {
    const scenario = presets(store).find((p) => p.id === "ai-training")!.scenario;
    const r = await bestLocationsFor(store, { scenario, region: { kind: "country", country: "SWE" }, count: 5, minDistanceKm: 100, plausibility: DEFAULT_PLAUSIBILITY });
    expect(r.locations.length).toBe(5);
    expect(r.implausibleInRegion).toBeGreaterThan(0);
    expect(r.rule).toMatch(/^Buildable: at least 300 MW/);
    for (const l of r.locations) {
      expect(at(l.lat, l.lon).passed).toBe(true);
      expect(l.plausibility).toMatch(/^Passed: [\d,]+ MW within 100 km; nearest city/);
    }
    const off = await bestLocationsFor(store, { scenario, region: { kind: "country", country: "SWE" }, count: 5, minDistanceKm: 100, plausibility: { ...DEFAULT_PLAUSIBILITY, enabled: false } });
    expect(off.implausibleInRegion).toBe(0);
    expect(off.locations[0]!.plausibility).toMatch(/rule off/);
  }, 120_000);

  it("strategy candidate areas in Sweden avoid the mountains along the Norwegian border and state the rule", async () => {
    const scenario = presets(store).find((p) => p.id === "ai-training")!.scenario;
    const profile = await regionProfile(store, { kind: "country", key: "SWE" }, scenario, { count: 8, minDistanceKm: 150, minAreaKm2: 1000, topShare: 0.15, plausibility: DEFAULT_PLAUSIBILITY });
    expect(profile.candidateAreas.length).toBeGreaterThan(1);
    expect(profile.plausibility.text).toMatch(/^Buildable/);
    for (const z of profile.candidateAreas) {
      expect(at(z.lat, z.lon).passed).toBe(true);
      expect(z.plausibility).toMatch(/^Passed:/);
    }
  }, 120_000);
});
