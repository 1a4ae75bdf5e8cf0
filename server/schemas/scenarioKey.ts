/**
 * What an evaluation depends on besides the weights, as one canonical text: the weight-independent
 * key of a scenario. Rankings keep their prepared stage under it (a weight change only re-scores),
 * the server caches surfaces under it, and the browser refetches a surface only when it changes.
 * Pure and browser-safe; callers hash it where they need a short key.
 */
import type { Scenario } from "./scenario";

/** Scenario inputs a metric reads besides the place's climate and layers. */
export type MetricScenarioInput = "archetype" | "utilisation" | "itMw" | "cfe" | "marketPoints" | "marketRule";

/**
 * For each metric (server/models/siteMetrics.ts METRIC_FIELDS), the scenario inputs it reads;
 * tests/unit/siting/scenarioKey.test.ts checks this against the model by changing each input.
 */
export const METRIC_SCENARIO_INPUTS: Readonly<Record<string, readonly MetricScenarioInput[]>> = Object.freeze({
  pue: ["archetype", "utilisation"],
  pue_peak: ["archetype"],
  wue_l_per_kwh: ["archetype"],
  annual_it_energy_mwh: ["itMw", "utilisation"],
  annual_grid_energy_mwh: ["archetype", "itMw", "utilisation"],
  grid_mw_peak: ["archetype", "itMw"],
  co2_location_t_per_yr: ["archetype", "itMw", "utilisation"],
  co2_marginal_t_per_yr: ["archetype", "itMw", "utilisation"],
  co2_market_t_per_yr: ["archetype", "itMw", "utilisation", "cfe"],
  water_m3_per_yr: ["archetype", "itMw", "utilisation"],
  rtt_mean_ms: ["marketPoints"],
  rtt_max_ms: ["marketPoints"],
  demand_share_within_rtt_budget: ["marketPoints"],
  jurisdiction_fit: ["marketRule"],
});

/** The metric id a criterion source names ("metric.pue" → "pue"), or null for a layer. */
export function metricIdOf(source: string): string | null {
  if (!source.startsWith("metric.")) return null;
  const id = source.slice("metric.".length);
  return id in METRIC_SCENARIO_INPUTS ? id : null;
}

/** The scenario inputs the criteria's metrics read (nothing for layer-only scenarios). */
export function scenarioInputsOf(scenario: Pick<Scenario, "criteria">): Set<MetricScenarioInput> {
  const needed = new Set<MetricScenarioInput>();
  for (const c of scenario.criteria) {
    const id = metricIdOf(c.source);
    if (id) for (const i of METRIC_SCENARIO_INPUTS[id]!) needed.add(i);
  }
  return needed;
}

/** JSON with object keys sorted, so equal specs give equal keys whatever order they were written in. */
export function canonicalJson(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonicalJson).join(",")}]`;
  if (x && typeof x === "object") {
    return `{${Object.keys(x).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((x as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(x);
}

/**
 * The weight-independent key: each criterion's id, source, value function and constraints, and the
 * load, market and CFE inputs — all of them for `"all-metrics"` (a site ranking shows every metric),
 * only those the criteria's metrics read for `"criteria"` (a surface holds only its criteria).
 * Weights, locks, the method, the missing policy, names and ids do not enter.
 */
export function weightIndependentKey(scenario: Scenario, scope: "criteria" | "all-metrics"): string {
  const criteria = scenario.criteria.map((c) => ({ id: c.id, source: c.source, valueFunction: c.valueFunction, constraints: c.constraints }));
  if (scope === "all-metrics") return canonicalJson({ criteria, loadProfile: scenario.loadProfile, market: scenario.market, cfeShare: scenario.cfeShare });
  const needed = scenarioInputsOf(scenario);
  const l = scenario.loadProfile, m = scenario.market;
  return canonicalJson({
    criteria,
    archetype: needed.has("archetype") ? l.cooling : null,
    utilisation: needed.has("utilisation") ? l.utilisation : null,
    itMw: needed.has("itMw") ? l.itMw : null,
    cfe: needed.has("cfe") ? scenario.cfeShare : null,
    market: needed.has("marketPoints") ? { points: m.points.map((p) => [p.lat, p.lon, p.weight]), rttBudgetMs: m.rttBudgetMs } : null,
    rule: needed.has("marketRule") ? m.rule : null,
  });
}
