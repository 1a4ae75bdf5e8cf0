/**
 * Collects what a report needs from the layer store: the ranking and its robustness, and per site the
 * climate normals, the hazard layers and the criterion values with their per-value quality and
 * provenance. This is the only part of report building that reads the store; `assembleReport` then
 * works on plain data alone.
 */
import type { Manifest } from "@/data/schema/manifest";
import { climateAt } from "@/server/layers/climateCells";
import { hasPowerMarketLayers, powerMarketAtPoints, type PowerMarketAt } from "@/server/layers/powerMarket";
import { toPointSamples, type ProvenanceRef, type SampledValue } from "@/server/layers/sample";
import { sampleLayerColumns } from "@/server/siting/modelLayers";
import type { LayerStore } from "@/server/layers/store";
import type { SiteClimate } from "@/server/models/climate";
import type { Scenario } from "@/server/schemas/scenario";
import type { Site } from "@/server/schemas/site";
import { evaluateSites, type RankResult } from "@/server/siting/evaluate";
import { presets } from "@/server/siting/presets";
import { analyseSensitivity, type SensitivityResult } from "@/server/siting/sensitivity";

/** Hazard layers shown on every site card (those present in the build), in this order. */
export const HAZARD_LAYERS = [
  "risk.composite", "risk.seismic", "risk.cyclone", "risk.coastal_exposure", "risk.heat",
  "risk.flood", "risk.water_stress", "risk.drought", "risk.wildfire",
] as const;

/**
 * Local evidence on every site card (issue 13): what sets two sites in one country apart — grid
 * strength and nearby generation, the regional supply mix, towns, water.
 */
export const LOCAL_EVIDENCE_LAYERS = [
  "power.capacity_within_100km_mw", "power.low_carbon_capacity_within_100km_mw", "power.nearest_large_plant_km",
  "carbon.regional_generation_intensity", "access.nearest_city_km", "access.population_within_100km",
  "water.aridity_index", "cooling.water_body_km",
] as const;

/** Layers the engineering metrics read (see server/siting/evaluate.ts). */
export const METRIC_INPUT_LAYERS = ["carbon.grid_intensity", "carbon.marginal_intensity", "sovereignty.regime", "sovereignty.localization"] as const;

/** A sampled layer value with its provenance in words. */
export interface SampledWithProvenance extends SampledValue {
  provenance?: string;
}

export interface SiteExtras {
  climate: SiteClimate | null;
  /** Layer id → sampled value (criterion layers, metric inputs and hazards). */
  values: Record<string, SampledWithProvenance>;
  /** The curated power-market facts at the site with their citations, or null in a build without them. */
  powerMarket: PowerMarketAt | null;
}

/** Everything `assembleReport` needs, as plain data. */
export interface ReportInputs {
  project: { id: string; name: string };
  scenario: Scenario;
  sites: Site[];
  rank: RankResult;
  sensitivity: SensitivityResult;
  manifest: Pick<Manifest, "inputsHash" | "profile" | "layers" | "sources" | "auxGrids" | "polygonSets">;
  app: { name: string; version: string };
  /** ISO-8601 UTC. */
  generatedAt: string;
  preset: { title: string; explanation: string } | null;
  extras: SiteExtras[];
}

export function provenanceText(ref: ProvenanceRef | undefined): string | undefined {
  if (!ref) return undefined;
  if (ref.kind === "nearest") return `nearest: ${ref.name}${ref.detail ? ` (${ref.detail})` : ""}`;
  const parts = [ref.name, ref.year, ref.source].filter((x): x is string => Boolean(x));
  return parts.join(", ");
}

/** Samples the criterion layers, the metric inputs and the hazards at each site. */
export function siteExtras(store: LayerStore, sites: readonly Site[], scenario: Scenario): SiteExtras[] {
  const wanted = [...new Set([
    ...scenario.criteria.map((c) => c.source).filter((id) => store.layer(id)),
    ...METRIC_INPUT_LAYERS,
    ...HAZARD_LAYERS,
    ...LOCAL_EVIDENCE_LAYERS,
  ])].filter((id) => {
    const l = store.layer(id);
    return l !== undefined && l.quality !== "missing";
  });
  const cols = sampleLayerColumns(store, sites, wanted);
  const samples = toPointSamples(store, cols);
  const markets = hasPowerMarketLayers(store) ? powerMarketAtPoints(store, sites) : null;
  return sites.map((site, i) => {
    const values: Record<string, SampledWithProvenance> = {};
    cols.columns.forEach((c, k) => {
      const v = samples[i]!.values[k]!;
      const provenance = v.ref !== undefined ? provenanceText(cols.refs[v.ref]) : undefined;
      const { ref: _ref, ...rest } = v;
      values[c.id] = provenance ? { ...rest, provenance } : rest;
    });
    return { climate: climateAt(store, site.lat, site.lon), values, powerMarket: markets?.[i] ?? null };
  });
}

/**
 * Ranks the sites, analyses the ranking's robustness and samples the per-site extras. Throws the
 * siting errors (ScenarioError, ScoringError) for a scenario that cannot be evaluated.
 */
export function gatherReportInputs(store: LayerStore, opts: {
  project: { id: string; name: string };
  scenario: Scenario;
  sites: Site[];
  app: { name: string; version: string };
  generatedAt: string;
  samples?: number;
  seed?: number;
}): ReportInputs {
  const rank = evaluateSites(store, opts.sites, opts.scenario);
  const sensitivity = analyseSensitivity(store, opts.sites, opts.scenario, { samples: opts.samples ?? 10_000, seed: opts.seed ?? 1 });
  let preset: ReportInputs["preset"] = null;
  if (opts.scenario.preset) {
    const p = presets(store).find((x) => x.id === opts.scenario.preset);
    if (p) preset = { title: p.title, explanation: p.explanation };
  }
  const m = store.manifest;
  return {
    project: opts.project,
    scenario: opts.scenario,
    sites: opts.sites,
    rank,
    sensitivity,
    manifest: { inputsHash: m.inputsHash, profile: m.profile, layers: m.layers, sources: m.sources, auxGrids: m.auxGrids, polygonSets: m.polygonSets },
    app: opts.app,
    generatedAt: opts.generatedAt,
    preset,
    extras: siteExtras(store, opts.sites, opts.scenario),
  };
}
