/** Ranking real candidate sites under a scenario: scores, constraints with reasons, overrides, metrics. */
import { describe, expect, it } from "vitest";
import { InputError } from "@/server/errors";
import { evaluateSites } from "@/server/siting/evaluate";
import { Scenario } from "@/server/schemas/scenario";
import type { Site } from "@/server/schemas/site";
import { testStore } from "../../helpers/layers";

const site = (id: string, name: string, lat: number, lon: number, overrides: Site["overrides"] = {}): Site => ({ id, name, lat, lon, overrides, origin: "coordinates" });
const SITES = [
  site("lul", "Luleå", 65.58, 22.15),
  site("ash", "Ashburn", 39.04, -77.49),
  site("sgp", "Singapore", 1.35, 103.82),
  site("war", "Warsaw", 52.23, 21.01),
  site("bjs", "Beijing", 39.9, 116.4),
];

const scenario = (over: Partial<Scenario> = {}) => Scenario.parse({
  id: "t",
  name: "test",
  criteria: [
    { id: "carbon", source: "carbon.grid_intensity", weight: 3, valueFunction: { type: "linear", worst: 700, best: 0 } },
    { id: "pue", source: "metric.pue", weight: 2, valueFunction: { type: "linear", worst: 1.5, best: 1.05 } },
    { id: "regime", source: "sovereignty.regime", weight: 1, valueFunction: { type: "categorical", utilities: { eu_eea_gdpr: 1, eu_adequacy: 0.8, comprehensive: 0.5, partial_or_draft: 0.2, none: 0 } } },
  ],
  loadProfile: { itMw: 200, cooling: "air_economiser" },
  market: { name: "EU", points: [{ name: "Frankfurt", lat: 50.11, lon: 8.68, weight: 1 }], rule: { kind: "any" } },
  ...over,
});

describe("evaluateSites", () => {
  it("ranks a clean cold grid first and a coal-heavy or hot-humid one last, with a full breakdown", () => {
    const r = evaluateSites(testStore(), SITES, scenario());
    const byId = Object.fromEntries(r.sites.map((s) => [s.id, s]));
    expect(byId.lul!.rank).toBe(1);
    expect(byId.lul!.score!).toBeGreaterThan(85);
    expect(byId.sgp!.rank).toBeGreaterThan(3);
    for (const s of r.sites) {
      const sum = s.criteria.reduce((a, c) => a + (c.contribution ?? 0), 0);
      expect(sum * 100).toBeCloseTo(s.score!, 0);
      expect(s.metrics.pue.value).toBeGreaterThan(1);
    }
    expect(r.criteria.map((c) => c.weight)).toEqual([0.5, 1 / 3, 1 / 6]);
    expect(byId.lul!.criteria[0]!.quality).toBe("observed");
    expect(byId.lul!.criteria[1]!.quality).toBe("modelled");
  });

  it("excludes sites failing a hard constraint, with the reason, and leaves them unranked", () => {
    const sc = scenario();
    sc.criteria.push({ id: "loc", source: "sovereignty.localization", weight: 0, locked: false, valueFunction: { type: "categorical", utilities: { none: 1, sectoral: 0.7, mirroring: 0.3, strict: 0 } }, constraints: [{ kind: "excludedValues", values: ["strict"] }] });
    sc.criteria[0]!.constraints = [{ kind: "excludeAbove", value: 500 }];
    const r = evaluateSites(testStore(), SITES, sc);
    const bjs = r.sites.find((s) => s.id === "bjs")!;
    expect(bjs.excluded).toBe(true);
    expect(bjs.rank).toBeNull();
    expect(bjs.score).toBeNull();
    expect(bjs.exclusionReasons.join(" ")).toMatch(/localisation/i);
    const war = r.sites.find((s) => s.id === "war")!;
    expect(war.excluded).toBe(true);
    expect(war.exclusionReasons.join(" ")).toMatch(/above/);
    expect(r.sites.filter((s) => s.rank !== null).map((s) => s.rank).sort()).toEqual([1, 2, 3]);
  });

  it("uses a site override instead of the layer value and marks it", () => {
    const sites = [site("a", "Warsaw with a PPA", 52.23, 21.01, { "carbon.grid_intensity": 20 }), site("b", "Warsaw", 52.23, 21.01)];
    const r = evaluateSites(testStore(), sites, scenario());
    expect(r.sites[0]!.criteria[0]).toMatchObject({ raw: 20, override: true, quality: "override" });
    expect(r.sites[0]!.rank).toBe(1);
    // The override flows into the CO2 metric too.
    expect(r.sites[0]!.metrics.co2_location_t_per_yr.value!).toBeLessThan(r.sites[1]!.metrics.co2_location_t_per_yr.value! / 10);
  });

  it("handles a missing value by policy: excluded with the reason, or weight dropped for that site", () => {
    const sea = [site("sea", "Mid-Atlantic", 30, -40), site("lul", "Luleå", 65.58, 22.15)];
    const ex = evaluateSites(testStore(), sea, scenario());
    expect(ex.sites[0]!.excluded).toBe(true);
    expect(ex.sites[0]!.exclusionReasons.join(" ")).toMatch(/missing value/);
    const re = evaluateSites(testStore(), sea, scenario({ missing: "renormalize" } as Partial<Scenario>));
    expect(re.sites[0]!.excluded).toBe(true); // every weighted criterion is missing at sea
  });

  it("reports agreement with the other methods", () => {
    const r = evaluateSites(testStore(), SITES, scenario());
    expect(r.agreement.map((a) => a.method).sort()).toEqual(["promethee2", "topsis", "vikor", "waspas", "wpm"]);
    for (const a of r.agreement) if (a.tau !== null) expect(Math.abs(a.tau)).toBeLessThanOrEqual(1);
  });

  it("ranks by every method with scores on 0–100", () => {
    for (const method of ["wsm", "wpm", "waspas", "topsis", "vikor", "promethee2"] as const) {
      const r = evaluateSites(testStore(), SITES, scenario({ method: { method } } as Partial<Scenario>));
      for (const s of r.sites) {
        expect(s.score!).toBeGreaterThanOrEqual(0);
        expect(s.score!).toBeLessThanOrEqual(100);
      }
      expect(r.sites.find((s) => s.rank === 1)).toBeTruthy();
    }
  });

  it("refuses a criterion whose value function does not fit its layer, naming it", () => {
    const sc = scenario();
    sc.criteria[2] = { ...sc.criteria[2]!, valueFunction: { type: "linear", worst: 0, best: 1 } };
    expect(() => evaluateSites(testStore(), SITES, sc)).toThrow(InputError);
    expect(() => evaluateSites(testStore(), SITES, sc)).toThrow(/criteria\.2\.valueFunction: "sovereignty.regime" is categorical/);
    const bad = scenario();
    bad.criteria[0] = { ...bad.criteria[0]!, source: "risk.volcano" };
    expect(() => evaluateSites(testStore(), SITES, bad)).toThrow(/criteria\.0\.source: unknown layer or metric/);
  });
});
