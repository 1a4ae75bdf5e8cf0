/**
 * The content of a siting report (issue 6): everything a committee reads, as plain data. One object
 * feeds both renderings (web page and PDF) and the exports, so they can never disagree. It is stored
 * with the project as JSON when a report is created, so a report keeps showing what was true when it
 * was made even after the project, the data build or the app change (the reproducibility footer says
 * which ones it was made with).
 *
 * Field names carry units where they hold numbers (DESIGN.md §7). Every value that can be missing is
 * `null` with a reason next to it, never 0.
 */
import type { DocumentCriterion, DocumentProvenance, DocumentValue, MapSite } from "@/server/documents/content";
import type { DocumentPowerMarket } from "@/server/documents/powerMarket";
import type { CoolingExplanation } from "@/server/models/siteMetrics";
import type { MethodName } from "@/server/scoring";
import type { Scenario } from "@/server/schemas/scenario";
import type { Site } from "@/server/schemas/site";

/** 2: the cooling breakdown took the model's field names (v1 reports are upgraded when read, storedReports.ts). */
export const REPORT_SCHEMA_VERSION = 2;

export interface ReportCriterionValue {
  criterionId: string;
  raw: DocumentValue;
  /** Utility 0–1 (null when the value is missing or has no utility). */
  utility: number | null;
  /** Weight applied to this site (renormalised when values are missing under "renormalize"). */
  weight: number | null;
  /** WSM only: weight × utility (the score / 100 is their sum). */
  contribution: number | null;
  override: boolean;
}

export interface ReportMetric {
  id: string;
  title: string;
  unit: string;
  value: number | string | null;
  reason?: string;
  decimals: number;
  description: string;
  /** True when the user overrode this metric for the site. */
  override: boolean;
}

export interface ReportHazard {
  layerId: string;
  title: string;
  value: DocumentValue;
}

export interface ReportClimate {
  /** Monthly mean dry bulb, January first, °C (ITU-R P.1510 at the site). */
  monthlyMeanC: number[];
  /** Estimated mean diurnal range per month, K (climate model). */
  diurnalRangeK: number[];
  /** Air-side free-cooling hours per month (ASHRAE recommended envelope, see monthlyFreeCooling.ts). */
  freeCoolingHoursByMonth: number[];
  /** Sum of the months: equals the annual `freeCoolingHours` of the climate model. */
  freeCoolingHoursPerYear: number;
  /** Which condition limits free cooling over the year. */
  freeCoolingLimitedBy: "dry_bulb" | "dew_point";
  /** Range of the annual estimate under the other ways to combine dry bulb and dew point (lower bound, independence). */
  freeCoolingRangeHours: [number, number];
  /** Supply limit minus approach, °C, and the dew-point limit, °C, used for the hours. */
  freeCoolingDryBulbLimitC: number;
  freeCoolingDewPointLimitC: number;
  elevationM: number | null;
}

/**
 * The cooling breakdown on a site card: the model's explanation (server/models/siteMetrics.ts, units
 * in the field names; fixed + fans + mechanical + pumps = PUE − 1, kWh per kWh of IT energy) with the
 * archetype's title and description.
 */
export type ReportCooling = CoolingExplanation & { archetype_title: string; archetype_description: string };

export interface ReportSiteCard {
  id: string;
  name: string;
  lat: number;
  lon: number;
  country: { name: string; iso3: string | null } | null;
  gridZone: { key: string; name: string } | null;
  rank: number | null;
  /** 0–100, higher is better (null when excluded or unranked). */
  score: number | null;
  methodScore: number | null;
  excluded: boolean;
  exclusionReasons: string[];
  /** Why the site has no rank when it is not excluded (e.g. a weighted value is missing). */
  unrankedReason: string | null;
  criteria: ReportCriterionValue[];
  metrics: ReportMetric[];
  hazards: ReportHazard[];
  /** Grid, towns and water around the site (LOCAL_EVIDENCE_LAYERS). */
  localEvidence: ReportHazard[];
  climate: ReportClimate | null;
  /** Why there is no climate profile (at sea, outside the grid). */
  climateReason: string | null;
  cooling: ReportCooling | null;
  /** Carbon inputs of the site: grid-average and marginal intensity, gCO2/kWh, with their quality. */
  carbon: { gridIntensity: DocumentValue; marginalIntensity: DocumentValue; cfeShare: number };
  /** The curated power-market facts with citations and what the PPA route does to the CFE share (null: not in the build). */
  powerMarket: DocumentPowerMarket | null;
}

/** One row of the key-numbers table of the executive summary. */
export interface KeyNumbersRow {
  siteId: string;
  name: string;
  rank: number | null;
  score: number | null;
  pue: number | null;
  annual_grid_energy_mwh: number | null;
  co2_location_t_per_yr: number | null;
  co2_marginal_t_per_yr: number | null;
  co2_market_t_per_yr: number | null;
  water_m3_per_yr: number | null;
  rtt_mean_ms: number | null;
  jurisdiction_fit: string | null;
  jurisdiction_reason: string | null;
}

export interface ReportRanking {
  method: MethodName;
  methodTitle: string;
  scoreNote: string;
  criteria: DocumentCriterion[];
  /** Sites in rank order (ranked first, then unranked and excluded). */
  order: string[];
  counts: { sites: number; ranked: number; excluded: number; unranked: number };
}

export interface ReportRobustness {
  /** Kendall's tau-b between the ranking and each other method's. */
  agreement: { method: MethodName; title: string; tau: number | null; note?: string }[];
  /** Weight stability per weighted criterion. */
  stability: { criterionId: string; title: string; weight: number; lower: number; upper: number; rivalBelow: string | null; rivalAbove: string | null }[];
  smaa: { samples: number; seed: number; sites: { id: string; name: string; rank: number; rankAcceptability: number[] }[] } | null;
  reading: string[];
  leftOut: { id: string; name: string; reason: string }[];
}

export interface ReportMethodology {
  method: { id: MethodName; title: string; formula: string; description: string };
  scoreNote: string;
  missingRule: string;
  weighting: string;
  criteria: DocumentCriterion[];
  load: { itMw: number; utilisation: number; cooling: string; coolingTitle: string; coolingDescription: string };
  market: { name: string; points: { name: string; lat: number; lon: number; weight: number }[]; rule: string; rttBudgetMs: number };
  cfeShare: number;
  /** Engineering model assumptions, each a topic with its statements (from the models' documented constants). */
  engineering: { topic: string; items: string[] }[];
  robustnessMethod: string[];
}

export interface ReportReproducibility {
  /** SHA-256 of the scenario as canonical JSON (sorted keys). */
  scenarioHash: string;
  /** SHA-256 of the sites (with overrides) as canonical JSON. */
  sitesHash: string;
  /** The data build's inputs hash (data/layers/manifest.json `inputsHash`). */
  dataManifestHash: string;
  dataProfile: string;
  appName: string;
  appVersion: string;
  /** ISO-8601 UTC. */
  generatedAt: string;
  smaa: { samples: number; seed: number } | null;
}

export interface ReportContent {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  title: string;
  project: { id: string; name: string };
  scenario: { id: string; name: string; presetTitle: string | null; presetExplanation: string | null };
  cover: { title: string; subtitle: string; question: string; date: string };
  summary: {
    question: string;
    /** The top ranked sites (up to three), best first, each with why in one line. */
    recommended: { siteId: string; name: string; rank: number; score: number | null; why: string }[];
    /** Sentences: the winner, the margin, robustness, exclusions. */
    findings: string[];
    keyNumbers: KeyNumbersRow[];
    keyNumbersNote: string;
  };
  map: { sites: MapSite[] };
  ranking: ReportRanking;
  sites: ReportSiteCard[];
  robustness: ReportRobustness;
  methodology: ReportMethodology;
  provenance: DocumentProvenance;
  limitations: string[];
  reproducibility: ReportReproducibility;
  /** The inputs as they were, so the exports can re-rank exactly. */
  inputs: { scenario: Scenario; sites: Site[] };
}
