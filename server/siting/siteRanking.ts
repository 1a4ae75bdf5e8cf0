/**
 * Ranking a list of sites for a scenario, and its sensitivity analysis, as the API asks for them:
 * prepared evaluations are cached so a weight change only re-scores. Scenario problems are input
 * errors under `scenario.`.
 */
import { createHash } from "node:crypto";
import { inputsUnderSync } from "@/server/errors";
import type { LayerStore } from "@/server/layers/store";
import { METRIC_FIELDS } from "@/server/models/siteMetrics";
import type { Scenario } from "@/server/schemas/scenario";
import { weightIndependentKey } from "@/server/schemas/scenarioKey";
import type { Site } from "@/server/schemas/site";
import { prepareEvaluation, scorePrepared, type PreparedEvaluation } from "./evaluate";
import { presets } from "./presets";
import { analyseSensitivity } from "./sensitivity";

/**
 * Prepared evaluations (everything but the scoring) of recent rankings, keyed by what they depend on:
 * a weight change — the common case while a planner drags sliders — only re-scores.
 */
class PreparedCache {
  private readonly entries = new Map<string, PreparedEvaluation>();
  private sites = 0;
  constructor(private readonly maxSites = 60_000) {}

  static key(store: LayerStore, sites: readonly Site[], scenario: Scenario): string {
    return createHash("sha256").update(JSON.stringify([store.manifest.inputsHash, sites])).update(weightIndependentKey(scenario, "all-metrics")).digest("hex");
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

export const rankSites = (store: LayerStore, sites: Site[], scenario: Scenario) => inputsUnderSync("scenario", () => scorePrepared(prepared.get(store, sites, scenario), scenario));
export const sensitivity = (store: LayerStore, sites: Site[], scenario: Scenario, samples: number, seed: number) => inputsUnderSync("scenario", () => analyseSensitivity(store, sites, scenario, { samples, seed }));
export const scenarioPresets = (store: LayerStore) => presets(store);
export const metricFields = () => METRIC_FIELDS;
