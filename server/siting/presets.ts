/**
 * Starting scenarios for the three users, each with the reasoning a user can read and change.
 * Breakpoints of value functions are stated in each criterion; market weights are GeoNames
 * populations of the named cities (so every number traces to a dataset).
 */
import type { LayerStore } from "@/server/layers/store";
import type { Market, Scenario } from "@/server/schemas/scenario";
import { fold } from "@/server/sites/gazetteer";

export interface Preset { id: string; title: string; forWhom: string; explanation: string; scenario: Scenario }

const REGIME_UTILITY = { eu_eea_gdpr: 1, eu_adequacy: 0.85, comprehensive: 0.6, partial_or_draft: 0.25, none: 0 };
const FIT_UTILITY = { allowed: 1, conditional: 0.5, excluded: 0 };

/** A market from city names, weighted by their GeoNames population. */
function marketOf(store: LayerStore, name: string, cities: [string, string][], rule: Market["rule"], rttBudgetMs: number): Market {
  const all = store.pointSet("cities").points as unknown as { name: string; country: string; population: number; lat: number; lon: number }[];
  const points = cities.map(([city, country]) => {
    const hit = all.find((c) => fold(c.name) === fold(city) && c.country === country);
    if (!hit) throw new Error(`preset market ${name}: ${city} (${country}) is not in the gazetteer`);
    return { name: `${hit.name} (${hit.country})`, lat: hit.lat, lon: hit.lon, weight: hit.population };
  });
  return { name, points, rule, rttBudgetMs };
}

export function presets(store: LayerStore): Preset[] {
  const europe = (rule: Market["rule"], budget: number) => marketOf(store, "Western Europe metros", [["London", "GB"], ["Paris", "FR"], ["Berlin", "DE"], ["Madrid", "ES"], ["Milan", "IT"], ["Amsterdam", "NL"], ["Frankfurt am Main", "DE"], ["Warsaw", "PL"], ["Stockholm", "SE"]], rule, budget);
  const world = marketOf(store, "Global hubs", [["New York City", "US"], ["London", "GB"], ["Tokyo", "JP"], ["Singapore", "SG"], ["São Paulo", "BR"], ["Mumbai", "IN"]], { kind: "any" }, 150);
  return [
    {
      id: "ai-training",
      title: "AI training campus",
      forWhom: "Infrastructure planners and investors siting a 300 MW training cluster",
      explanation: "Training jobs tolerate latency, so the grid comes first: low carbon intensity (×3), cheap industrial power (×2) and a fast connection (×1), then cooling efficiency (PUE ×2) and physical risk (×1). Latency to global hubs counts a little (×0.5). Liquid cooling with dry coolers, as dense GPU racks need.",
      scenario: {
        id: "preset-ai-training", name: "AI training campus", preset: "ai-training",
        criteria: [
          { id: "carbon", source: "carbon.grid_intensity", weight: 3, locked: false, valueFunction: { type: "linear", worst: 600, best: 20 }, constraints: [] },
          { id: "price", source: "power.price_usd_per_mwh", weight: 2, locked: false, valueFunction: { type: "linear", worst: 200, best: 40 }, constraints: [] },
          { id: "connect", source: "power.time_to_connect_days", weight: 1, locked: false, valueFunction: { type: "linear", worst: 365, best: 30 }, constraints: [] },
          { id: "pue", source: "metric.pue", weight: 2, locked: false, valueFunction: { type: "linear", worst: 1.4, best: 1.05 }, constraints: [] },
          { id: "risk", source: "risk.composite", weight: 1, locked: false, valueFunction: { type: "linear", worst: 0.8, best: 0.1 }, constraints: [] },
          { id: "latency", source: "metric.rtt_mean_ms", weight: 0.5, locked: false, valueFunction: { type: "linear", worst: 250, best: 50 }, constraints: [] },
        ],
        weighting: { mode: "direct" }, method: { method: "wsm" }, missing: "exclude",
        loadProfile: { itMw: 300, utilisation: 0.85, cooling: "dry_cooler_liquid" },
        market: world, cfeShare: 0,
      },
    },
    {
      id: "inference",
      title: "Latency-sensitive inference",
      forWhom: "Planners serving users in a metro region",
      explanation: "Inference answers users in real time: mean round trip to the market's metros first (×4) and the share of demand within a 10 ms budget (×2); then carbon (×1), power price (×1) and risk (×1). Sites more than 20 ms from any metro on average are excluded.",
      scenario: {
        id: "preset-inference", name: "Latency-sensitive inference", preset: "inference",
        criteria: [
          { id: "rtt", source: "metric.rtt_mean_ms", weight: 4, locked: false, valueFunction: { type: "linear", worst: 20, best: 2 }, constraints: [{ kind: "excludeAbove", value: 20 }] },
          { id: "reach", source: "metric.demand_share_within_rtt_budget", weight: 2, locked: false, valueFunction: { type: "linear", worst: 0, best: 1 }, constraints: [] },
          { id: "carbon", source: "carbon.grid_intensity", weight: 1, locked: false, valueFunction: { type: "linear", worst: 600, best: 20 }, constraints: [] },
          { id: "price", source: "power.price_usd_per_mwh", weight: 1, locked: false, valueFunction: { type: "linear", worst: 200, best: 40 }, constraints: [] },
          { id: "risk", source: "risk.composite", weight: 1, locked: false, valueFunction: { type: "linear", worst: 0.8, best: 0.1 }, constraints: [] },
        ],
        weighting: { mode: "direct" }, method: { method: "wsm" }, missing: "exclude",
        loadProfile: { itMw: 60, utilisation: 0.7, cooling: "evaporative_assist" },
        market: europe({ kind: "any" }, 10), cfeShare: 0,
      },
    },
    {
      id: "sovereign",
      title: "Sovereign cloud for a jurisdiction",
      forWhom: "Government teams and providers hosting data under one legal regime",
      explanation: "A hard constraint keeps only sites where the market's data may lawfully stay (here EU/EEA data under the GDPR: only EU/EEA sites; change the allowed regimes for another jurisdiction). Among those: carbon first (×3), then cooling efficiency (×1), power price (×1) and risk (×1).",
      scenario: {
        id: "preset-sovereign", name: "Sovereign cloud (EU/EEA)", preset: "sovereign",
        criteria: [
          { id: "regime", source: "sovereignty.regime", weight: 0, locked: false, valueFunction: { type: "categorical", utilities: REGIME_UTILITY }, constraints: [{ kind: "allowedValues", values: ["eu_eea_gdpr"] }] },
          { id: "fit", source: "metric.jurisdiction_fit", weight: 0, locked: false, valueFunction: { type: "categorical", utilities: FIT_UTILITY }, constraints: [{ kind: "excludedValues", values: ["excluded"] }] },
          { id: "carbon", source: "carbon.grid_intensity", weight: 3, locked: false, valueFunction: { type: "linear", worst: 600, best: 20 }, constraints: [] },
          { id: "pue", source: "metric.pue", weight: 1, locked: false, valueFunction: { type: "linear", worst: 1.4, best: 1.05 }, constraints: [] },
          { id: "price", source: "power.price_usd_per_mwh", weight: 1, locked: false, valueFunction: { type: "linear", worst: 200, best: 40 }, constraints: [] },
          { id: "risk", source: "risk.composite", weight: 1, locked: false, valueFunction: { type: "linear", worst: 0.8, best: 0.1 }, constraints: [] },
        ],
        weighting: { mode: "direct" }, method: { method: "wsm" }, missing: "exclude",
        loadProfile: { itMw: 100, utilisation: 0.7, cooling: "evaporative_assist" },
        market: europe({ kind: "allowed_regimes", regimes: ["eu_eea_gdpr"] }, 30), cfeShare: 0,
      },
    },
    {
      id: "water-averse",
      title: "Water-stress averse",
      forWhom: "Investors and regulators wary of cooling water in dry basins",
      explanation: "Sites in countries of high or extremely high baseline water stress (Aqueduct category ≥ 3) are excluded; among the rest, low water use per kWh (WUE ×3) and low drought risk (×1) count, then carbon (×2) and cooling efficiency (×1). Liquid cooling with dry coolers, which uses almost no water.",
      scenario: {
        id: "preset-water-averse", name: "Water-stress averse", preset: "water-averse",
        criteria: [
          { id: "stress", source: "risk.water_stress", weight: 2, locked: false, valueFunction: { type: "linear", worst: 4, best: 0 }, constraints: [{ kind: "excludeAbove", value: 2 }] },
          { id: "wue", source: "metric.wue_l_per_kwh", weight: 3, locked: false, valueFunction: { type: "linear", worst: 1.8, best: 0 }, constraints: [] },
          { id: "drought", source: "risk.drought", weight: 1, locked: false, valueFunction: { type: "linear", worst: 4, best: 0 }, constraints: [] },
          { id: "carbon", source: "carbon.grid_intensity", weight: 2, locked: false, valueFunction: { type: "linear", worst: 600, best: 20 }, constraints: [] },
          { id: "pue", source: "metric.pue", weight: 1, locked: false, valueFunction: { type: "linear", worst: 1.4, best: 1.05 }, constraints: [] },
        ],
        weighting: { mode: "direct" }, method: { method: "wsm" }, missing: "renormalize",
        loadProfile: { itMw: 150, utilisation: 0.8, cooling: "dry_cooler_liquid" },
        market: europe({ kind: "any" }, 30), cfeShare: 0,
      },
    },
  ];
}
