/**
 * The content of a regional strategy brief — the region profile, the comparison of regions and the
 * capacity plan — as plain data, in the manner of the siting report (server/reports/types.ts): one
 * object feeds the web page and the PDF, is stored when the brief is created and keeps showing what
 * was true then; a reproducibility record names the inputs, the data build and the app version.
 *
 * Field names carry units where they hold numbers; a value that can be missing is `null`, never 0.
 */
import type { Manifest, Quality } from "@/data/schema/manifest";
import type { DocumentCriterion, DocumentProvenance } from "@/server/documents/content";
import type { CriterionMeta } from "@/server/siting/criteria";
import type { BriefRequest } from "@/server/strategy/brief/request";
import type { DocumentPowerMarket } from "@/server/documents/powerMarket";
import type { PowerMarketAt } from "@/server/layers/powerMarket";
import type { methodText } from "@/server/documents/methodology";
import type { PlanResult, Shortfall } from "@/server/strategy/capacityPlan";
import type { RegionProfile, CandidateAreaOptions } from "@/server/strategy/profile";
import type { PlanOutput } from "@/server/strategy/regionalPlanning";

/** 2: "zones" became candidate areas (v1 briefs are upgraded when read, storedContent.ts). */
export const BRIEF_SCHEMA_VERSION = 2;

/** The region's suitability on a coarse grid for the map: [lat, lon, score 0–100 or null (excluded or no data)] per block. */
export interface BriefRaster {
  /** Block size, degrees (a whole multiple of the 0.25° analysis grid). */
  cellDeg: number;
  cells: [number, number, number | null][];
}

export interface BriefLayerSpread {
  id: string;
  title: string;
  unit: string;
  quality: Quality | "unknown";
  /** Area-weighted over the region's land cells with a value; null when no cell has one. */
  min: number | null;
  p10: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
  /** Share of the region's land area with a value (0–1). */
  coverage: number;
}

/** The region profile as the brief stores it (server/strategy/profile.ts `RegionProfile`, JSON-safe). */
export interface BriefProfile extends Pick<RegionProfile, "areaKm2" | "cells" | "passShare" | "excludedShare" | "unscoredShare" | "histogram" | "medianScore" | "p90Score" | "candidateAreaThreshold" | "candidateAreas" | "plausibility"> {
  regionName: string;
  /** The region in words: "country (SWE)", "group of 30 countries", "polygon drawn on the map (5 corners)". */
  regionDescription: string;
  /** The settings the candidate areas were found with. */
  candidateAreaOptions: CandidateAreaOptions;
  /** Layer spreads with missing statistics as null (JSON has no NaN). */
  layers: BriefLayerSpread[];
  /** The scoring method of the surface (its title), and the note when it had to fall back to another. */
  method: string;
  methodNote: string | null;
  raster: BriefRaster;
}

export interface BriefComparisonRow {
  rank: number;
  regionName: string;
  /** True for the row of the profiled region. */
  profiled: boolean;
  areaKm2: number;
  passShare: number;
  medianScore: number | null;
  p90Score: number | null;
  /** Mean score of the region's best candidate area (null when it has none). */
  bestAreaScore: number | null;
  candidateAreas: number;
  carbonMedian_gco2_per_kwh: number | null;
  freeCoolingMedian_h_per_yr: number | null;
}

export interface BriefComparison {
  rows: BriefComparisonRow[];
  candidateAreaOptions: CandidateAreaOptions;
  /** How the regions are ranked, in words. */
  basis: string;
}

export interface BriefPlanCandidate {
  id: string;
  name: string;
  lat: number;
  lon: number;
  country: string | null;
  /** Suitability score of the candidate point under the scenario, 0–100 (null when not ranked). */
  score: number | null;
  built_mw: number;
  /** True when the candidate is built to the maximum size (its capacity binds). */
  atLimit: boolean;
  grid_mwh_per_yr: number;
  co2_t_per_yr: number;
  water_m3_per_yr: number;
  /** Markets (and "anywhere") it serves. */
  serves: string[];
}

export interface BriefPlan {
  status: PlanResult["status"];
  objective: PlanResult["objective"];
  objectiveTitle: string;
  total_mw: number;
  maxMwPerCandidate: number;
  minBuildMw: number | null;
  /** Where the candidates come from, in words. */
  candidateSource: string;
  candidateCount: number;
  markets: { name: string; lat: number; lon: number; share: number; mw: number }[];
  workloads: { id: string; share: number; mw: number; rttSlaMs: number | null }[];
  rule: string;
  /** Candidates that get capacity, largest first. */
  built: BriefPlanCandidate[];
  /** Candidates left empty (drawn on the allocation map as open markers). */
  unused: { id: string; name: string; lat: number; lon: number }[];
  allocations: { candidateId: string; candidateName: string; workload: string; market: string; mw: number; rtt_ms: number | null }[];
  totals: PlanResult["totals"];
  baseline: { description: string; totals: PlanResult["totals"] };
  savings: PlanOutput["savings"];
  shortfalls: Shortfall[];
  solver: PlanResult["solver"];
}

export interface BriefKeyNumber {
  label: string;
  value: number | null;
  unit: string;
  decimals: number;
  /** Comparison in words, e.g. "−62 % against building at the demand". */
  note?: string;
}

export interface BriefReproducibility {
  /** SHA-256 of the whole request (scenario, regions, candidate area settings, plan inputs) as canonical JSON. */
  inputsHash: string;
  scenarioHash: string;
  dataManifestHash: string;
  dataProfile: string;
  appName: string;
  appVersion: string;
  /** ISO-8601 UTC. */
  generatedAt: string;
}

export interface StrategyBriefContent {
  schemaVersion: typeof BRIEF_SCHEMA_VERSION;
  title: string;
  cover: { title: string; subtitle: string; question: string; date: string };
  summary: { findings: string[]; keyNumbers: BriefKeyNumber[] };
  scenario: { id: string; name: string };
  profile: BriefProfile;
  comparison: BriefComparison | null;
  plan: BriefPlan | null;
  /** The curated power-market facts at each candidate area's centre (null: not in the build). */
  powerMarket: { rank: number; label: string; section: DocumentPowerMarket }[] | null;
  methodology: {
    method: ReturnType<typeof methodText>;
    scoreNote: string;
    missingRule: string;
    weighting: string;
    criteria: DocumentCriterion[];
    load: { itMw: number; utilisation: number; coolingTitle: string; coolingDescription: string };
    /** Each topic with its statements: profile, candidate areas, comparison, plan, engineering models. */
    sections: { topic: string; items: string[] }[];
  };
  provenance: DocumentProvenance;
  limitations: string[];
  reproducibility: BriefReproducibility;
  /** The request as it was, so the brief can be made again. */
  inputs: BriefRequest;
}

/** Everything `assembleBrief` needs, as plain data. */
export interface BriefInputs {
  request: BriefRequest;
  /** Title, unit and kind of each scenario criterion (server/siting/evaluate.ts `describeCriteria`). */
  criteria: CriterionMeta[];
  profile: RegionProfile & { method: string; methodNote: string | null };
  raster: BriefRaster;
  comparison: { rank: number; input: number; profile: RegionProfile }[] | null;
  plan: PlanOutput | null;
  /** Power-market facts at each candidate area's centre, in the profile's order (null: not in the build). */
  powerMarket: PowerMarketAt[] | null;
  manifest: Pick<Manifest, "inputsHash" | "profile" | "layers" | "sources" | "auxGrids" | "polygonSets">;
  app: { name: string; version: string };
  /** ISO-8601 UTC. */
  generatedAt: string;
}
