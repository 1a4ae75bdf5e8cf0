/**
 * Raw criterion value → utility in [0, 1] with the scenario's value function. Numeric functions are
 * the engine's (linear, piecewise linear, threshold); categorical layers map each category key to a
 * utility. A value the function cannot read is missing with the reason, never 0.
 */
import { valueFunction, type ValueFunction } from "@/server/scoring";
import type { ValueFunctionSpec } from "@/server/schemas/scenario";

export type UtilityResult = { value: number; reason?: undefined } | { value: null; reason: string };

export type UtilityFn = (raw: number | string | null, rawReason?: string) => UtilityResult;

function engineSpec(spec: Exclude<ValueFunctionSpec, { type: "categorical" }>): ValueFunction {
  switch (spec.type) {
    case "linear":
      return { type: "linear", worst: spec.worst, best: spec.best, outOfBounds: "clip" };
    case "piecewiseLinear":
      return { type: "piecewiseLinear", points: spec.points, outOfBounds: "clip" };
    case "threshold":
      return { type: "threshold", threshold: spec.threshold, better: spec.better };
  }
}

export function utilityFunction(spec: ValueFunctionSpec, label: string): UtilityFn {
  if (spec.type === "categorical") {
    const table = new Map(Object.entries(spec.utilities));
    return (raw, rawReason) => {
      if (raw === null) return { value: null, reason: rawReason ?? `${label}: no value` };
      const u = table.get(String(raw));
      return u === undefined ? { value: null, reason: `${label}: no utility is set for category "${raw}"` } : { value: u };
    };
  }
  const f = valueFunction(engineSpec(spec));
  return (raw, rawReason) => {
    if (raw === null) return { value: null, reason: rawReason ?? `${label}: no value` };
    if (typeof raw !== "number") return { value: null, reason: `${label}: "${raw}" is a category; use a categorical value function` };
    return { value: Math.min(1, Math.max(0, f(raw))) };
  };
}
