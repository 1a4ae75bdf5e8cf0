/** The siting domain as the API uses it: scenario errors become input errors naming the field. */
import { layerStore } from "@/server/layers/service";
import { METRIC_FIELDS } from "@/server/models/siteMetrics";
import { ScoringError } from "@/server/scoring";
import type { Scenario } from "@/server/schemas/scenario";
import type { Site } from "@/server/schemas/site";
import { evaluateSites, ScenarioError } from "./evaluate";
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

export const rankSites = (sites: Site[], scenario: Scenario) => guard(() => evaluateSites(layerStore(), sites, scenario));
export const sensitivity = (sites: Site[], scenario: Scenario, samples: number, seed: number) => guard(() => analyseSensitivity(layerStore(), sites, scenario, { samples, seed }));
export const scenarioPresets = () => presets(layerStore());
export const metricFields = () => METRIC_FIELDS;
