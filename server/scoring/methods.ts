/**
 * One entry point for every ranking method, so that robustness analyses (weight stability,
 * agreement between methods) and the product can switch method by name.
 */
import { ScoringError } from "./errors";
import { promethee2, type Preference } from "./promethee";
import { topsis } from "./topsis";
import { vikor } from "./vikor";
import { waspas } from "./waspas";
import { wpm } from "./wpm";
import { describeValue } from "./validate";
import { wsm } from "./wsm";
import type { NormalizationOption, Problem, WeightOptions } from "./types";

/** A ranking method with its options. */
export type MethodSpec =
  | { method: "wsm"; normalization?: NormalizationOption }
  | { method: "wpm"; normalization?: NormalizationOption }
  | { method: "waspas"; normalization?: NormalizationOption; lambda?: number }
  | { method: "topsis"; normalization?: NormalizationOption }
  | { method: "vikor"; v?: number; onConstant?: "error" | "ignore" }
  | { method: "promethee2"; preferences?: readonly Preference[] };

/** Names of the ranking methods. */
export type MethodName = MethodSpec["method"];

/** Every method name, in the order the product lists them (WSM is the default). */
export const METHOD_NAMES: readonly MethodName[] = ["wsm", "wpm", "waspas", "topsis", "vikor", "promethee2"];

/** A method's headline number per alternative and the resulting ranking. */
export interface MethodScores {
  method: MethodName;
  /**
   * WSM/WPM/WASPAS score, TOPSIS closeness, VIKOR Q or PROMETHEE net flow, per alternative.
   * See `better` for the direction.
   */
  scores: number[];
  /** Whether a higher or a lower score is better (lower only for VIKOR's Q). */
  better: "higher" | "lower";
  /** Ranking, 1 = best, ties share (VIKOR: by Q, without the compromise set). */
  ranking: number[];
}

/** Normalises a method name or spec to a spec. */
export function methodSpec(method: MethodName | MethodSpec): MethodSpec {
  return typeof method === "string" ? ({ method } as MethodSpec) : method;
}

/**
 * Scores a problem with the named method.
 *
 * @param p raw matrix, types, weights
 * @param method a method name ("wsm", …) or a spec with its options; PROMETHEE II without
 *               preferences uses the "usual" preference function for every criterion
 */
export function scoreProblem(p: Problem, method: MethodName | MethodSpec, opts: WeightOptions = {}): MethodScores {
  const spec = methodSpec(method);
  switch (spec.method) {
    case "wsm": {
      const r = wsm(p, { ...opts, ...spec });
      return { method: "wsm", scores: r.scores, ranking: r.ranking, better: "higher" };
    }
    case "wpm": {
      const r = wpm(p, { ...opts, ...spec });
      return { method: "wpm", scores: r.scores, ranking: r.ranking, better: "higher" };
    }
    case "waspas": {
      const r = waspas(p, { ...opts, ...spec });
      return { method: "waspas", scores: r.scores, ranking: r.ranking, better: "higher" };
    }
    case "topsis": {
      const r = topsis(p, { ...opts, ...spec });
      return { method: "topsis", scores: r.closeness, ranking: r.ranking, better: "higher" };
    }
    case "vikor": {
      const r = vikor(p, { ...opts, ...spec });
      return { method: "vikor", scores: r.Q, ranking: r.ranking, better: "lower" };
    }
    case "promethee2": {
      const preferences = spec.preferences ?? (p.types ?? []).map((): Preference => ({ type: "usual" }));
      const r = promethee2(p, { ...opts, preferences });
      return { method: "promethee2", scores: r.netFlow, ranking: r.ranking, better: "higher" };
    }
    default: {
      const name: unknown = (spec as { method?: unknown }).method;
      throw new ScoringError("INVALID_PARAMETER", `method is ${describeValue(name)}: expected one of ${METHOD_NAMES.join(", ")}`, { parameter: "method" });
    }
  }
}

