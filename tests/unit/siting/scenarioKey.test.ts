// The weight-independent key (server/schemas/scenarioKey.ts): the table of what each metric reads
// is checked against the model itself, and the key ignores exactly the weights, method and policy.
import { describe, expect, it } from "vitest";
import { LoadProfile } from "@/server/models/loadProfile";
import { computeSiteMetrics, METRIC_FIELDS, prepareSiteMarket, type SiteMetricsInput } from "@/server/models/siteMetrics";
import { Scenario } from "@/server/schemas/scenario";
import { METRIC_SCENARIO_INPUTS, weightIndependentKey, type MetricScenarioInput } from "@/server/schemas/scenarioKey";
import { climateOf, fixtureSite } from "../models/climate/sites";

type Market = Parameters<typeof prepareSiteMarket>[0];
const MARKET: Market = { name: "EU", points: [{ name: "Paris", lat: 48.86, lon: 2.35, weight: 1 }], rttBudgetMs: 10, rule: { kind: "eu_gdpr_transfer" } };

function input(over: { load?: object; cfe?: number; market?: Market } = {}): SiteMetricsInput {
  const s = fixtureSite("dublin");
  return {
    lat: s.lat, lon: s.lon, climate: climateOf("dublin"),
    gridIntensityGPerKwh: 300, marginalFactorGPerKwh: 450, cfeShare: over.cfe ?? 0.6,
    load: LoadProfile.parse({ itMw: 100, cooling: "evaporative_assist", utilisation: 0.8, ...over.load }),
    market: prepareSiteMarket(over.market ?? MARKET),
    jurisdiction: { country: "IRL", regime: "eu_eea_gdpr", localization: "none" },
  };
}

/** One change of each scenario input. */
const CHANGES: Record<MetricScenarioInput, SiteMetricsInput> = {
  archetype: input({ load: { cooling: "air_economiser" } }),
  utilisation: input({ load: { utilisation: 0.5 } }),
  itMw: input({ load: { itMw: 250 } }),
  cfe: input({ cfe: 0.9 }),
  marketPoints: input({ market: { ...MARKET, points: [{ name: "Warsaw", lat: 52.23, lon: 21.01, weight: 1 }] } }),
  marketRule: input({ market: { ...MARKET, rule: { kind: "allowed_countries", countries: ["DEU"] } } }),
};

describe("METRIC_SCENARIO_INPUTS", () => {
  it("lists every metric the model computes", () => {
    expect(Object.keys(METRIC_SCENARIO_INPUTS).sort()).toEqual(METRIC_FIELDS.map((f) => f.id).sort());
  });

  it("names exactly the scenario inputs that change each metric", () => {
    const base = computeSiteMetrics(input());
    for (const [what, changed] of Object.entries(CHANGES) as [MetricScenarioInput, SiteMetricsInput][]) {
      const after = computeSiteMetrics(changed);
      for (const f of METRIC_FIELDS) {
        const declared = METRIC_SCENARIO_INPUTS[f.id]!.includes(what);
        const moved = JSON.stringify(after[f.id as keyof typeof after]) !== JSON.stringify(base[f.id as keyof typeof base]);
        // A metric that moves must declare the input (else a cache would serve a stale surface).
        if (moved) expect(declared, `${f.id} changes with ${what}`).toBe(true);
      }
    }
  });
});

describe("weightIndependentKey", () => {
  const scenario = Scenario.parse({
    id: "k", name: "Key",
    criteria: [
      { id: "carbon", source: "carbon.grid_intensity", weight: 2, valueFunction: { type: "linear", worst: 600, best: 20 } },
      { id: "pue", source: "metric.pue", weight: 1, valueFunction: { type: "linear", worst: 1.6, best: 1.1 } },
    ],
    loadProfile: { itMw: 100, cooling: "dry_cooler_liquid" },
    market: MARKET,
  });

  it("ignores weights, method, missing policy and names", () => {
    const other = { ...scenario, name: "Other", criteria: scenario.criteria.map((c) => ({ ...c, weight: c.weight * 3 })), method: { method: "topsis" }, missing: "renormalize" } as Scenario;
    expect(weightIndependentKey(other, "criteria")).toBe(weightIndependentKey(scenario, "criteria"));
    expect(weightIndependentKey(other, "all-metrics")).toBe(weightIndependentKey(scenario, "all-metrics"));
  });

  it("changes with a value function, and with the inputs the chosen metrics read only", () => {
    const vf = { ...scenario, criteria: [{ ...scenario.criteria[0]!, valueFunction: { type: "linear", worst: 700, best: 20 } }, scenario.criteria[1]!] } as Scenario;
    expect(weightIndependentKey(vf, "criteria")).not.toBe(weightIndependentKey(scenario, "criteria"));
    const bigger = { ...scenario, loadProfile: { ...scenario.loadProfile, itMw: 300 } };
    // PUE does not depend on the IT load, so the surface is the same; a ranking shows every metric, so it is not.
    expect(weightIndependentKey(bigger, "criteria")).toBe(weightIndependentKey(scenario, "criteria"));
    expect(weightIndependentKey(bigger, "all-metrics")).not.toBe(weightIndependentKey(scenario, "all-metrics"));
    const colder = { ...scenario, loadProfile: { ...scenario.loadProfile, cooling: "air_economiser" } } as Scenario;
    expect(weightIndependentKey(colder, "criteria")).not.toBe(weightIndependentKey(scenario, "criteria"));
  });
});
