/**
 * A scenario criterion as a document's methodology describes it: title, unit, weights (as entered and
 * normalised), the value function and constraints in words, and which way is better. The report
 * takes the normalised weight from the ranking (which may derive weights, e.g. by entropy); the brief
 * from the scenario as entered.
 */
import type { LayerMeta } from "@/data/schema/manifest";
import { METRIC_FIELDS } from "@/server/models/siteMetrics";
import type { Scenario } from "@/server/schemas/scenario";
import type { CriterionMeta } from "@/server/siting/criteria";
import type { DocumentCriterion } from "./content";
import { describeConstraint, describeValueFunction } from "./methodology";

const METRIC_DIRECTION = new Map<string, DocumentCriterion["direction"]>(METRIC_FIELDS.map((f) => [f.sourceId, f.direction]));

/** Describes criterion `c` of a scenario, with its metadata and the normalised weight to show. */
export function documentCriterion(c: Scenario["criteria"][number], meta: CriterionMeta, weight: number, layers: ReadonlyMap<string, LayerMeta>): DocumentCriterion {
  return {
    id: c.id, source: c.source, title: meta.title, unit: meta.unit, kind: meta.kind,
    weight, rawWeight: c.weight,
    valueFunction: describeValueFunction(c.valueFunction, meta.unit),
    constraints: c.constraints.map((k) => describeConstraint(k, meta.unit)),
    direction: layers.get(c.source)?.direction ?? METRIC_DIRECTION.get(c.source) ?? "higher_is_better",
  };
}
