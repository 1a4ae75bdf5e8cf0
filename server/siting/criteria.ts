/**
 * A scenario's criteria as the evaluator reads them, for sites and cells alike: what each one
 * measures (a layer or a metric, with title and unit), its value function, and its hard
 * constraints. Problems with the scenario are input errors naming the field
 * (`criteria.2.valueFunction: …`).
 */
import { InputError } from "@/server/errors";
import type { LayerStore } from "@/server/layers/store";
import { METRIC_FIELDS, prepareSiteMarket, type SiteMarket } from "@/server/models/siteMetrics";
import { ScoringError, type HardConstraint, type ScoringErrorCode } from "@/server/scoring";
import type { Scenario } from "@/server/schemas/scenario";
import { utilityFunction, type UtilityFn } from "./utility";

export interface CriterionMeta { id: string; source: string; title: string; unit: string; kind: "layer" | "metric" }

const METRIC_BY_SOURCE = new Map<string, (typeof METRIC_FIELDS)[number]>(METRIC_FIELDS.map((f) => [f.sourceId, f]));

/** Resolves each criterion's source to a layer or metric, checking the value function fits its kind. */
export function describeCriteria(store: LayerStore, scenario: Scenario): CriterionMeta[] {
  return scenario.criteria.map((c, j) => {
    const layer = store.layer(c.source);
    const metric = METRIC_BY_SOURCE.get(c.source);
    if (!layer && !metric) throw new InputError(`criteria.${j}.source`, `unknown layer or metric "${c.source}"`);
    const categorical = layer ? layer.valueType === "categorical" : metric!.kind === "category";
    if (categorical !== (c.valueFunction.type === "categorical")) {
      throw new InputError(`criteria.${j}.valueFunction`, categorical
        ? `"${c.source}" is categorical: give a categorical value function (a utility per category)`
        : `"${c.source}" is numeric: give a linear, piecewise-linear or threshold value function`);
    }
    if (layer?.quality === "missing") throw new InputError(`criteria.${j}.source`, `layer "${c.source}" has no data in this build: ${layer.missingReason ?? ""}`);
    return layer
      ? { id: c.id, source: c.source, title: layer.title, unit: layer.unit, kind: "layer" as const }
      : { id: c.id, source: c.source, title: metric!.title, unit: metric!.unit, kind: "metric" as const };
  });
}

/** Each criterion's value function (raw value → utility), an input error naming a bad one. */
export function utilityFunctions(scenario: Scenario, meta: readonly CriterionMeta[]): UtilityFn[] {
  return scenario.criteria.map((c, j) => {
    try {
      return utilityFunction(c.valueFunction, meta[j]!.title);
    } catch (err) {
      if (err instanceof ScoringError) throw new InputError(`criteria.${j}.valueFunction`, err.message);
      throw err;
    }
  });
}

/** The criteria's hard constraints in the scoring core's form, each labelled with its criterion. */
export function hardConstraints(scenario: Scenario, meta: readonly CriterionMeta[]): HardConstraint[] {
  return scenario.criteria.flatMap((c, j) => c.constraints.map((k): HardConstraint => {
    const label = meta[j]!.title;
    return k.kind === "excludeAbove" || k.kind === "excludeBelow" ? { kind: k.kind, criterion: j, value: k.value, label } : { kind: k.kind, criterion: j, values: k.values, label };
  }));
}

/** The scenario's market prepared for the latency and jurisdiction metrics (validated by its schema). */
export function scenarioMarket(scenario: Scenario): SiteMarket {
  return prepareSiteMarket(scenario.market);
}

/**
 * Refusals of the scoring engine that a valid scenario can meet — a method undefined for these data
 * (TOPSIS with renormalised missing values, VIKOR on a criterion equal at every site, SMAA past its
 * size). Any other ScoringError means we fed the engine something malformed: a bug, left a 500.
 */
const SCENARIO_REFUSALS: ReadonlySet<ScoringErrorCode> = new Set(["UNSUPPORTED_MISSING_POLICY", "CONSTANT_CRITERION", "TOO_FEW_ALTERNATIVES", "TOO_MANY_ALTERNATIVES"]);

/** Runs a scoring call, turning the refusals above into input errors on the scenario field they concern. */
export function scoringRefusalsAsInput<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof ScoringError) || !SCENARIO_REFUSALS.has(err.code)) throw err;
    const path = err.code === "UNSUPPORTED_MISSING_POLICY" ? "missing"
      : err.code === "CONSTANT_CRITERION" && err.column !== undefined ? `criteria.${err.column}`
        : "method";
    throw new InputError(path, err.message);
  }
}
