/**
 * What the siting report and the strategy brief share as content: a value with its unit, quality and
 * reason, a criterion as the methodology describes it, and the provenance of the data behind them.
 * Field names carry units where they hold numbers (DESIGN.md §7); a missing value is `null` with a
 * reason, never 0.
 */
import type { Quality } from "@/data/schema/manifest";

/** How sure a value is: the layer's quality, per value where the layer mixes sources; "override" when the user entered it. */
export type ValueQualityLabel = Quality | "override";

/** A number or category with its unit, quality and, when missing, the reason. */
export interface DocumentValue {
  value: number | string | null;
  /** Category label or formatted text for categorical values. */
  label?: string;
  unit: string;
  quality: ValueQualityLabel;
  reason?: string;
  /** Where the value comes from beyond its layer: the country or zone with year and source, or the nearest point. */
  provenance?: string;
  /** Suggested decimals for display. */
  decimals: number;
}

export interface DocumentCriterion {
  id: string;
  source: string;
  title: string;
  unit: string;
  kind: "layer" | "metric";
  /** Normalised weight (sums to 1 over all criteria). */
  weight: number;
  /** The scenario's raw weight as entered. */
  rawWeight: number;
  /** One line describing the value function, e.g. "linear: utility 0 at 600, 1 at 20 gCO2eq/kWh (clamped)". */
  valueFunction: string;
  /** Hard constraints in words, e.g. "exclude if above 20 ms". */
  constraints: string[];
  /** Which way is better, from the layer or metric. */
  direction: "lower_is_better" | "higher_is_better" | "categorical";
}

export interface DocumentSource {
  id: string;
  title: string;
  publisher: string;
  url: string;
  license: string;
  licenseUrl?: string;
  nonCommercial: boolean;
  shareAlike: boolean;
  vintage: string;
  attribution: string;
  caveats?: string;
}

export interface LayerProvenance {
  id: string;
  title: string;
  unit: string;
  quality: Quality;
  vintage: string;
  resolution: string;
  /** Why the report uses it: criterion, metric input, hazard or climate profile. */
  usedFor: string[];
  method: string;
  sources: string[];
  nonCommercial: boolean;
  shareAlike: boolean;
}

export interface DocumentProvenance {
  layers: LayerProvenance[];
  sources: DocumentSource[];
  /** Engineering models the metrics come from (documented in code), for metric criteria. */
  models: { id: string; title: string; description: string }[];
  nonCommercialNote: string | null;
}

export interface MapSite {
  id: string;
  name: string;
  lat: number;
  lon: number;
  rank: number | null;
  excluded: boolean;
}
