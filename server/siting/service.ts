/** The siting domain as the API uses it: scenario errors become input errors naming the field. */
import { layerStore } from "@/server/layers/service";
import { METRIC_FIELDS } from "@/server/models/siteMetrics";
import { ScoringError } from "@/server/scoring";
import type { Scenario } from "@/server/schemas/scenario";
import type { Site } from "@/server/schemas/site";
import { createHash } from "node:crypto";
import type { LayerStore } from "@/server/layers/store";
import { prepareEvaluation, scorePrepared, ScenarioError, type PreparedEvaluation } from "./evaluate";
import { presets } from "./presets";
import { analyseSensitivity } from "./sensitivity";

/** A problem with the user's scenario or sites (not a server fault). */
export class SitingInputError extends Error {}

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ScenarioError) throw new SitingInputError(`scenario.${err.message}`);
    if (err instanceof ScoringError) throw new SitingInputError(`scenario: ${err.message}`);
    if (err instanceof RangeError) throw new SitingInputError(`scenario.market: ${err.message}`);
    throw err;
  }
}

/**
 * Prepared evaluations (everything but the scoring) of recent rankings, keyed by what they depend on:
 * a weight change — the common case while a planner drags sliders — only re-scores.
 */
class PreparedCache {
  private readonly entries = new Map<string, PreparedEvaluation>();
  private sites = 0;
  constructor(private readonly maxSites = 60_000) {}

  static key(store: LayerStore, sites: readonly Site[], scenario: Scenario): string {
    const criteria = scenario.criteria.map((c) => ({ source: c.source, valueFunction: c.valueFunction, constraints: c.constraints }));
    return createHash("sha256")
      .update(JSON.stringify([store.manifest.inputsHash, sites, criteria, scenario.loadProfile, scenario.market, scenario.cfeShare]))
      .digest("hex");
  }

  get(store: LayerStore, sites: readonly Site[], scenario: Scenario): PreparedEvaluation {
    const key = PreparedCache.key(store, sites, scenario);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit); // most recently used last
      return hit;
    }
    const prep = prepareEvaluation(store, sites, scenario);
    this.entries.set(key, prep);
    this.sites += sites.length;
    for (const [k, v] of this.entries) {
      if (this.sites <= this.maxSites || this.entries.size <= 1) break;
      this.entries.delete(k);
      this.sites -= v.sites.length;
    }
    return prep;
  }
}

const prepared = new PreparedCache();

export const rankSites = (sites: Site[], scenario: Scenario) => guard(() => scorePrepared(prepared.get(layerStore(), sites, scenario), scenario));
export const sensitivity = (sites: Site[], scenario: Scenario, samples: number, seed: number) => guard(() => analyseSensitivity(layerStore(), sites, scenario, { samples, seed }));
export const scenarioPresets = () => presets(layerStore());
export const metricFields = () => METRIC_FIELDS;
