/**
 * `assembleBrief`: a regional strategy brief — the region profile, the comparison of regions and the
 * capacity plan — as plain data (`StrategyBriefContent`) in the manner of the siting report
 * (server/reports/types.ts): one object feeds the web page and the PDF, is stored when the brief is
 * created and keeps showing what was true then; a reproducibility footer names the inputs, the data
 * build and the app version it was made with.
 *
 * Pure: no I/O and no clock (the generation time is an input). The service (briefService.ts) runs the
 * profile, the comparison and the plan and passes their results here.
 *
 * Field names carry units where they hold numbers; a value that can be missing is `null`, never 0.
 */
import type { Manifest, Quality } from "@/data/schema/manifest";
import { sourceRecord } from "@/server/reports/assemble";
import { fmtFixed, fmtNumber, fmtPct } from "@/server/reports/format";
import { canonicalJson, contentHash } from "@/server/reports/hash";
import {
  describeConstraint, describeMissingRule, describeRule, describeValueFunction, describeWeighting, engineeringAssumptions, METHOD_TITLES, methodText,
} from "@/server/reports/methodology";
import type { ReportCriterion, ReportLayerProvenance, ReportProvenance } from "@/server/reports/types";
import { COOLING_ARCHETYPES } from "@/server/models/cooling/archetypes";
import { FIBRE_MS_PER_KM, ROUTE_FACTOR, RTT_OVERHEAD_MS, rttBetweenMs } from "@/server/models/latency";
import type { CriterionMeta } from "@/server/siting/evaluate";
import type { BriefRequest } from "./briefRequest";
import type { PlanResult, Shortfall } from "./capacityPlan";
import type { LayerSpread, RegionProfile, Zone, ZoneOptions } from "./profile";
import { COUNTRY_GROUPS, type Region } from "./regions";
import type { PlanOutput } from "./regionalPlanning";

export const BRIEF_SCHEMA_VERSION = 1;

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

export interface BriefProfile {
  regionName: string;
  /** The region in words: "country (SWE)", "group of 30 countries", "polygon drawn on the map (5 corners)". */
  regionDescription: string;
  areaKm2: number;
  cells: number;
  passShare: number;
  excludedShare: number;
  unscoredShare: number;
  /** Area-weighted score histogram of land passing the constraints (10 bins of 10 points; shares sum to 1). */
  histogram: { from: number; to: number; areaShare: number }[];
  medianScore: number | null;
  p90Score: number | null;
  /** Score a cell needs to count towards a zone (the region's top share of scored land). */
  zoneThreshold: number | null;
  zoneOptions: ZoneOptions;
  zones: Zone[];
  /** The buildability rule zones passed, and the share of the passing land it rules out. */
  plausibility: { text: string; implausibleShare: number };
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
  /** Mean score of the region's best zone (null when it has none). */
  bestZoneScore: number | null;
  zones: number;
  carbonMedian_gco2_per_kwh: number | null;
  freeCoolingMedian_h_per_yr: number | null;
}

export interface BriefComparison {
  rows: BriefComparisonRow[];
  zoneOptions: ZoneOptions;
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
  /** SHA-256 of the whole request (scenario, regions, zone settings, plan inputs) as canonical JSON. */
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
  methodology: {
    method: ReturnType<typeof methodText>;
    scoreNote: string;
    missingRule: string;
    weighting: string;
    criteria: ReportCriterion[];
    load: { itMw: number; utilisation: number; coolingTitle: string; coolingDescription: string };
    /** Each topic with its statements: profile, zones, comparison, plan, engineering models. */
    sections: { topic: string; items: string[] }[];
  };
  provenance: ReportProvenance;
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
  manifest: Pick<Manifest, "inputsHash" | "profile" | "layers" | "sources" | "auxGrids" | "polygonSets">;
  app: { name: string; version: string };
  /** ISO-8601 UTC. */
  generatedAt: string;
}

export const OBJECTIVE_TITLES: Record<PlanResult["objective"], string> = {
  co2: "annual CO2, location-based (t/yr)",
  water: "annual site water (m³/yr)",
  score: "1 − suitability score, weighted by MW",
};

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The region in words. */
export function describeRegion(region: Region, name: string): string {
  switch (region.kind) {
    case "country": return `country (${region.key})`;
    case "subdivision": return `state or province (${region.key})`;
    case "group": return `group of countries (${name})`;
    case "polygon": return `polygon drawn on the map (${Math.max(0, (region.geometry.coordinates[0]?.length ?? 1) - 1)} corners)`;
  }
}

function criteriaOf(request: BriefRequest, meta: CriterionMeta[], manifest: BriefInputs["manifest"]): ReportCriterion[] {
  const layers = new Map(manifest.layers.map((l) => [l.id, l]));
  const total = request.scenario.criteria.reduce((a, c) => a + c.weight, 0) || 1;
  return request.scenario.criteria.map((c, j) => {
    const m = meta[j] ?? { id: c.id, source: c.source, title: c.source, unit: "", kind: "layer" as const };
    const layer = layers.get(c.source);
    return {
      id: c.id, source: c.source, title: m.title, unit: m.unit, kind: m.kind,
      weight: c.weight / total, rawWeight: c.weight,
      valueFunction: describeValueFunction(c.valueFunction, m.unit),
      constraints: c.constraints.map((k) => describeConstraint(k, m.unit)),
      direction: layer ? layer.direction : "higher_is_better",
    };
  });
}

function profileOf(inputs: BriefInputs): BriefProfile {
  const p = inputs.profile;
  const quality = new Map(inputs.manifest.layers.map((l) => [l.id, l.quality]));
  const spread = (l: LayerSpread): BriefLayerSpread => ({
    id: l.id, title: l.title, unit: l.unit, quality: quality.get(l.id) ?? "unknown",
    min: finite(l.min), p10: finite(l.p10), median: finite(l.median), p90: finite(l.p90), max: finite(l.max), coverage: l.coverage,
  });
  return {
    regionName: p.name,
    regionDescription: describeRegion(inputs.request.region, p.name),
    areaKm2: p.areaKm2, cells: p.cells,
    passShare: p.passShare, excludedShare: p.excludedShare, unscoredShare: p.unscoredShare,
    histogram: p.histogram, medianScore: p.medianScore, p90Score: p.p90Score, zoneThreshold: p.zoneThreshold, plausibility: p.plausibility,
    zoneOptions: inputs.request.zones,
    zones: p.zones,
    layers: p.layers.map(spread),
    method: (METHOD_TITLES as Record<string, string>)[p.method] ?? p.method, methodNote: p.methodNote,
    raster: inputs.raster,
  };
}

function comparisonOf(inputs: BriefInputs): BriefComparison | null {
  if (!inputs.comparison || !inputs.request.compare) return null;
  const median = (p: RegionProfile, id: string) => {
    const l = p.layers.find((x) => x.id === id);
    return l ? finite(l.median) : null;
  };
  return {
    rows: inputs.comparison.map(({ rank, profile: p }) => ({
      rank, regionName: p.name, profiled: p.name === inputs.profile.name,
      areaKm2: p.areaKm2, passShare: p.passShare, medianScore: p.medianScore, p90Score: p.p90Score,
      bestZoneScore: p.zones[0]?.meanScore ?? null, zones: p.zones.length,
      carbonMedian_gco2_per_kwh: median(p, "carbon.grid_intensity"), freeCoolingMedian_h_per_yr: median(p, "cooling.free_cooling_hours"),
    })),
    zoneOptions: inputs.request.compare.zones,
    basis: "Regions are ranked by the mean score of their best zone, then by their median score, under the same scenario and zone settings.",
  };
}

function planOf(inputs: BriefInputs): BriefPlan | null {
  const out = inputs.plan, req = inputs.request.plan;
  if (!out || !req) return null;
  const byId = new Map(out.candidates.map((c) => [c.id, c]));
  const builtMw = new Map(out.built.map((b) => [b.candidateId, b.mw]));
  const serves = new Map<string, Set<string>>();
  for (const a of out.allocations) {
    const s = serves.get(a.candidateId) ?? new Set<string>();
    s.add(a.market === "any" ? "anywhere" : a.market);
    serves.set(a.candidateId, s);
  }
  const shareTotal = req.markets.reduce((a, m) => a + m.share, 0);
  const workTotal = req.workloads.reduce((a, w) => a + w.share, 0);
  const built: BriefPlanCandidate[] = out.built.map((b) => {
    const c = byId.get(b.candidateId)!;
    return {
      id: c.id, name: c.name, lat: c.lat, lon: c.lon, country: c.country, score: c.score,
      built_mw: b.mw, atLimit: b.mw >= c.maxMw - 1e-6,
      grid_mwh_per_yr: b.mw * c.perMw.grid_mwh, co2_t_per_yr: b.mw * c.perMw.co2_t, water_m3_per_yr: b.mw * c.perMw.water_m3,
      serves: [...(serves.get(c.id) ?? [])],
    };
  }).sort((a, b) => b.built_mw - a.built_mw || a.id.localeCompare(b.id));
  const markets = new Map(req.markets.map((m) => [m.name, m]));
  const c = req.candidates;
  return {
    status: out.status,
    objective: out.objective,
    objectiveTitle: OBJECTIVE_TITLES[out.objective],
    total_mw: req.totalMw,
    maxMwPerCandidate: req.maxMwPerCandidate,
    minBuildMw: req.minBuildMw ?? null,
    candidateSource: c.kind === "zones"
      ? `up to ${c.zones.count} best zones of ${regionLabel(c.region, inputs)} (≥ ${fmtNumber(c.zones.minDistanceKm, 0)} km apart, ≥ ${fmtNumber(c.zones.minAreaKm2, 0)} km², top ${fmtPct(c.zones.topShare)} of scored land)`
      : `${c.sites.length} site${c.sites.length === 1 ? "" : "s"} given with the plan`,
    candidateCount: out.candidates.length,
    markets: req.markets.map((m) => ({ name: m.name, lat: m.lat, lon: m.lon, share: m.share / shareTotal, mw: (req.totalMw * m.share) / shareTotal })),
    workloads: req.workloads.map((w) => ({ id: w.id, share: w.share / workTotal, mw: (req.totalMw * w.share) / workTotal, rttSlaMs: w.rttSlaMs })),
    rule: describeRule(req.rule),
    built,
    unused: out.candidates.filter((x) => !builtMw.has(x.id)).map((x) => ({ id: x.id, name: x.name, lat: x.lat, lon: x.lon })),
    allocations: out.allocations.map((a) => {
      const cand = byId.get(a.candidateId)!;
      const m = markets.get(a.market);
      return { candidateId: a.candidateId, candidateName: cand.name, workload: a.workload, market: a.market, mw: a.mw, rtt_ms: m ? rttBetweenMs(cand.lat, cand.lon, m.lat, m.lon) : null };
    }).sort((a, b) => b.mw - a.mw),
    totals: out.totals,
    baseline: out.baseline,
    savings: out.savings,
    shortfalls: out.shortfalls,
    solver: out.solver,
  };
}

/** A region's name when the brief knows it (the profiled or a compared region), else its key. */
function regionLabel(region: Region, inputs: BriefInputs): string {
  const key = canonicalJson(region);
  if (key === canonicalJson(inputs.request.region)) return inputs.profile.name;
  const k = inputs.request.compare?.regions.findIndex((r) => canonicalJson(r) === key) ?? -1;
  const hit = k >= 0 ? inputs.comparison?.find((c) => c.input === k) : undefined;
  if (hit) return hit.profile.name;
  switch (region.kind) {
    case "country": case "subdivision": return region.key;
    case "group": return COUNTRY_GROUPS[region.group]?.title ?? region.group;
    case "polygon": return region.name;
  }
}

/** Change from a baseline in words ("−62 %"); null when the baseline is 0. */
export function changeText(value: number, baseline: number): string | null {
  if (!baseline) return null;
  const c = (value - baseline) / Math.abs(baseline);
  return `${c < 0 ? "−" : "+"}${fmtFixed(Math.abs(c * 100), Math.abs(c) < 0.1 ? 1 : 0)} %`;
}

function keyNumbersOf(profile: BriefProfile, plan: BriefPlan | null): BriefKeyNumber[] {
  const out: BriefKeyNumber[] = [
    { label: "Land area of the region", value: profile.areaKm2, unit: "km²", decimals: 0 },
    { label: "Land passing the hard constraints", value: profile.passShare * 100, unit: "%", decimals: 1 },
    { label: "Median suitability score", value: profile.medianScore, unit: "of 100", decimals: 1 },
    { label: "Best zone, mean score", value: profile.zones[0]?.meanScore ?? null, unit: "of 100", decimals: 1, ...(profile.zones[0] ? { note: `Zone 1, ${profile.zones[0].country ?? "no country"}, ${fmtNumber(profile.zones[0].areaKm2, 0)} km²` } : {}) },
  ];
  if (plan) {
    const b = plan.baseline.totals, t = plan.totals;
    const vs = (v: number, base: number) => {
      const c = changeText(v, base);
      return c ? { note: `${c} against building at the demand (${fmtNumber(base, 0)})` } : {};
    };
    out.push(
      { label: "IT capacity placed", value: t.it_mw, unit: "MW", decimals: 0, note: `of ${fmtNumber(plan.total_mw, 0)} MW in ${plan.built.length} location${plan.built.length === 1 ? "" : "s"}` },
      { label: "Grid energy", value: t.grid_mwh, unit: "MWh/yr", decimals: 0, ...vs(t.grid_mwh, b.grid_mwh) },
      { label: "CO2, location-based", value: t.co2_t, unit: "t/yr", decimals: 0, ...vs(t.co2_t, b.co2_t) },
      { label: "Site water", value: t.water_m3, unit: "m³/yr", decimals: 0, ...vs(t.water_m3, b.water_m3) },
    );
  }
  return out;
}

function findingsOf(profile: BriefProfile, comparison: BriefComparison | null, plan: BriefPlan | null, scenarioName: string): string[] {
  const out: string[] = [];
  out.push(`${profile.regionName} has ${fmtNumber(profile.areaKm2, 0)} km² of land on the analysis grid; ${fmtPct(profile.passShare, 1)} of it passes the hard constraints of the “${scenarioName}” scenario${profile.excludedShare > 0 ? ` (${fmtPct(profile.excludedShare, 1)} is excluded by a constraint` : " ("}${profile.unscoredShare > 0 ? `${profile.excludedShare > 0 ? "; " : ""}${fmtPct(profile.unscoredShare, 1)} has no data` : ""}${profile.excludedShare > 0 || profile.unscoredShare > 0 ? ")" : "nothing is excluded)"}.`);
  if (profile.medianScore !== null) out.push(`Half of the passing land scores ${fmtFixed(profile.medianScore, 1)} or more; the best tenth ${fmtFixed(profile.p90Score, 1)} or more (scores 0–100, ${profile.method}).`);
  const [z1, z2] = profile.zones;
  if (z1) {
    out.push(`The best zone is Zone 1 ${z1.country ? `in ${z1.country} ` : ""}around ${fmtNumber(z1.lat, 2)}°, ${fmtNumber(z1.lon, 2)}°: ${fmtNumber(z1.areaKm2, 0)} km² of top-scoring land with a mean score of ${fmtFixed(z1.meanScore, 1)} (best cell ${fmtFixed(z1.bestScore, 1)}).${z2 ? ` ${profile.zones.length} zones were found at least ${fmtNumber(profile.zoneOptions.minDistanceKm, 0)} km apart; the last has a mean score of ${fmtFixed(profile.zones[profile.zones.length - 1]!.meanScore, 1)}.` : ""}`);
  } else out.push(`No zone of at least ${fmtNumber(profile.zoneOptions.minAreaKm2, 0)} km² of contiguous top-scoring land was found: lower the minimum area or widen the top share.`);
  if (comparison) {
    const [a, b] = comparison.rows;
    if (a) out.push(`Of the ${comparison.rows.length} regions compared, ${a.regionName} ranks first (best zone ${fmtFixed(a.bestZoneScore, 1)}, median ${fmtFixed(a.medianScore, 1)})${b ? `, ahead of ${b.regionName} (best zone ${fmtFixed(b.bestZoneScore, 1)}, median ${fmtFixed(b.medianScore, 1)})` : ""}.`);
  }
  if (plan) {
    const t = plan.totals, base = plan.baseline.totals;
    const largest = plan.built.slice(0, 3).map((c) => `${c.name} ${fmtNumber(c.built_mw, 0)} MW`).join(", ");
    out.push(`The capacity plan places ${fmtNumber(t.it_mw, 0)} of ${fmtNumber(plan.total_mw, 0)} MW IT in ${plan.built.length} location${plan.built.length === 1 ? "" : "s"}${largest ? ` (largest: ${largest})` : ""}, minimising ${plan.objectiveTitle}.`);
    const co2 = changeText(t.co2_t, base.co2_t), water = changeText(t.water_m3, base.water_m3);
    out.push(`Per year it uses ${fmtNumber(t.grid_mwh, 0)} MWh of grid energy and emits ${fmtNumber(t.co2_t, 0)} tCO2 (location-based) with ${fmtNumber(t.water_m3, 0)} m³ of site water, against ${fmtNumber(base.co2_t, 0)} tCO2 and ${fmtNumber(base.water_m3, 0)} m³ if built next to the demand${co2 || water ? ` (CO2 ${co2 ?? "—"}, water ${water ?? "—"})` : ""}.`);
    if (plan.shortfalls.length) {
      const unmet = plan.shortfalls.reduce((a, s) => a + s.unmetMw, 0);
      out.push(`${fmtNumber(unmet, 0)} MW of demand cannot be placed under the constraints: ${plan.shortfalls[0]!.binding}${plan.shortfalls.length > 1 ? ` (and ${plan.shortfalls.length - 1} more shortfall${plan.shortfalls.length > 2 ? "s" : ""})` : ""}.`);
    }
  }
  return out;
}

function questionOf(request: BriefRequest, profile: BriefProfile, comparison: BriefComparison | null, plan: BriefPlan | null): string {
  const scen = `the “${request.scenario.name}” scenario`;
  const others = comparison ? comparison.rows.filter((r) => !r.profiled).map((r) => r.regionName) : [];
  const vs = others.length ? `, compared with ${others.length > 3 ? `${others.slice(0, 3).join(", ")} and ${others.length - 3} more` : others.join(others.length === 2 ? " and " : ", ")}` : "";
  if (plan) {
    const gw = plan.total_mw >= 1000 ? `${fmtNumber(plan.total_mw / 1000, 2)} GW` : `${fmtNumber(plan.total_mw, 0)} MW`;
    return `How suitable is ${profile.regionName} for hyperscale AI data centers under ${scen}${vs}, and where should ${gw} of IT capacity serving ${plan.markets.map((m) => m.name).join(", ")} go to minimise ${plan.objectiveTitle.replace(/ \(.*\)$/, "")}?`;
  }
  return `How suitable is ${profile.regionName} for hyperscale AI data centers under ${scen}${vs}, and where are its best zones?`;
}

function provenanceOf(inputs: BriefInputs, criteria: ReportCriterion[], plan: BriefPlan | null): ReportProvenance {
  const m = inputs.manifest;
  const layers = new Map(m.layers.map((l) => [l.id, l]));
  const sourcesById = new Map(m.sources.map((s) => [s.id, s]));
  const used = new Map<string, string[]>();
  const use = (id: string, why: string) => {
    if (!layers.has(id)) return;
    const u = used.get(id) ?? [];
    if (!u.includes(why)) u.push(why);
    used.set(id, u);
  };
  criteria.filter((c) => c.kind === "layer").forEach((c) => use(c.source, `criterion “${c.title}”`));
  inputs.profile.layers.forEach((l) => use(l.id, "region profile"));
  if (plan) {
    use("carbon.grid_intensity", "plan CO2 (location-based)");
    if (inputs.request.plan?.rule.kind !== "any") {
      use("sovereignty.regime", "plan data rule");
      use("sovereignty.localization", "plan data rule");
    }
  }
  const flags = (ids: string[]) => {
    const srcs = ids.map((s) => sourcesById.get(s)).filter((s) => s !== undefined);
    return { nonCommercial: srcs.some((s) => s.nonCommercial), shareAlike: srcs.some((s) => s.shareAlike), vintage: srcs.map((s) => s.vintage).join("; ") };
  };
  const sourceIds = new Set<string>();
  const rows: ReportLayerProvenance[] = [...used].map(([id, usedFor]) => {
    const l = layers.get(id)!;
    l.sources.forEach((s) => sourceIds.add(s));
    const f = flags(l.sources);
    return { id, title: l.title, unit: l.unit, quality: l.quality, vintage: l.vintage, resolution: l.resolution, usedFor, method: l.method, sources: l.sources, nonCommercial: f.nonCommercial, shareAlike: f.shareAlike };
  });
  // Engineering metrics (criteria, or the plan's per-MW energy, CO2 and water) read the climate normals.
  if (plan || criteria.some((c) => c.kind === "metric")) {
    const climate = [...new Set(m.auxGrids.flatMap((a) => a.sources))];
    if (climate.length) {
      climate.forEach((s) => sourceIds.add(s));
      const f = flags(climate);
      rows.push({
        id: "climate.normals", title: "Climate normals (model inputs: monthly temperature, humidity exceedance, height)", unit: "°C, g/m³, m", quality: "observed",
        vintage: f.vintage, resolution: "0.25° grid", usedFor: [plan ? "PUE, WUE, energy, CO2 and water of the plan's candidates and the baseline" : "metric criteria of the surface"],
        method: "Bilinear interpolation of the ITU-R grids over land cells; the engineering models are described under Methodology.", sources: climate, nonCommercial: f.nonCommercial, shareAlike: f.shareAlike,
      });
    }
  }
  const regions: Region[] = [inputs.request.region, ...(inputs.request.compare?.regions ?? []), ...(inputs.request.plan?.candidates.kind === "zones" ? [inputs.request.plan.candidates.region] : [])];
  const sets = new Set<string>(["countries"]);
  if (regions.some((r) => r.kind === "subdivision")) sets.add("subdivisions");
  for (const set of m.polygonSets.filter((p) => sets.has(p.id))) {
    set.sources.forEach((s) => sourceIds.add(s));
    const f = flags(set.sources);
    rows.push({
      id: `geo.${set.id}`, title: set.title, unit: "", quality: "observed", vintage: f.vintage, resolution: "vector",
      usedFor: [set.id === "countries" ? "region boundaries (a cell belongs to the country covering most of it), map outlines" : "state and province boundaries"],
      method: "Majority polygon of each land cell.", sources: set.sources, nonCommercial: f.nonCommercial, shareAlike: f.shareAlike,
    });
  }
  const sources = m.sources.filter((s) => sourceIds.has(s.id)).map(sourceRecord);
  const nc = sources.filter((s) => s.nonCommercial);
  return {
    layers: rows,
    sources,
    models: criteria.filter((c) => c.kind === "metric").map((c) => ({ id: c.source, title: c.title, description: `engineering estimate (${c.unit || "no unit"}), computed for every land cell with the scenario's load profile` })),
    nonCommercialNote: nc.length
      ? `NC: this brief uses data licensed for non-commercial use only (${nc.map((s) => `${s.title}, ${s.license}`).join("; ")}). Commercial use of values derived from it needs the licensor's permission, or a brief made from the data build without NC sources (profile "no-nc").`
      : null,
  };
}

function methodSections(request: BriefRequest, profile: BriefProfile, comparison: BriefComparison | null, plan: BriefPlan | null): { topic: string; items: string[] }[] {
  const z = profile.zoneOptions;
  const out: { topic: string; items: string[] }[] = [
    {
      topic: "Region profile",
      items: [
        "Every land cell of the 0.25° analysis grid that belongs to the region (the country or subdivision covering most of the cell; for a drawn polygon, cells whose centre lies inside) is scored with the scenario: the same suitability surface as the siting map.",
        "Shares, the histogram and the percentiles are weighted by each cell's land area (spherical cell area × land fraction), so high-latitude cells do not count more than their area.",
        "Cells a hard constraint excludes and cells without data for a weighted criterion are counted apart; a missing value is never scored as 0.",
        "Layer spreads are area-weighted percentiles over the region's cells with a value; coverage is the share of land with a value.",
      ],
    },
    {
      topic: "Best zones",
      items: [
        `${profile.plausibility.text}${profile.plausibility.implausibleShare > 0 ? ` It rules out ${fmtPct(profile.plausibility.implausibleShare)} of the land that passes the constraints.` : ""} Each zone says what its best cell showed to pass.`,
        `Cells count towards zones when their score is in the top ${fmtPct(z.topShare)} of the region's scored, buildable land${profile.zoneThreshold !== null ? ` (here, a score of ${fmtFixed(profile.zoneThreshold, 1)} or more)` : ""}.`,
        `Zones are seeded at the best such cells, best first, each seed at least ${fmtNumber(z.minDistanceKm, 0)} km (great circle) from the zones already found; a zone is the contiguous (8-neighbour) top-share land within ${fmtNumber(z.minDistanceKm / 2, 0)} km of its seed, kept when it reaches ${fmtNumber(z.minAreaKm2, 0)} km²; at most ${z.count} zones.`,
        "A zone is a screening result at the grid's resolution (about 28 km), not a parcel: land availability, grid connection and permits are for a site study.",
      ],
    },
  ];
  if (comparison) out.push({ topic: "Comparison of regions", items: [comparison.basis, `Zone settings for the comparison: at most ${comparison.zoneOptions.count} zones, ${fmtNumber(comparison.zoneOptions.minDistanceKm, 0)} km apart, ${fmtNumber(comparison.zoneOptions.minAreaKm2, 0)} km², top ${fmtPct(comparison.zoneOptions.topShare)}.`] });
  if (plan) {
    out.push({
      topic: "Capacity plan",
      items: [
        `Decision: x_dc ≥ 0, the MW of demand d (a workload class in a market, or location-free) placed at candidate c. Objective: minimise Σ cost_c · x_dc with cost_c the candidate's ${plan.objectiveTitle} per MW of IT.`,
        "Constraints: every demand is met (Σ_c x_dc = D_d); no candidate takes more than its maximum size (Σ_d x_dc ≤ cap_c); x_dc = 0 unless candidate c is eligible for demand d: within the workload's round-trip latency limit of the market and allowed by the data rule.",
        plan.minBuildMw !== null
          ? `Minimum build: a candidate that is used takes at least ${fmtNumber(plan.minBuildMw, 0)} MW (binary y_c; cap_c · y_c ≥ Σ_d x_dc ≥ min · y_c), which makes the model a mixed-integer programme.`
          : "No minimum build: the model is a linear programme.",
        "Solved exactly with HiGHS (Huangfu & Hall 2018), an established open-source LP/MIP solver. Each demand has a slack variable priced far above any real cost, so an infeasible plan still solves and reports which demand is short, by how much, and which constraint binds.",
        `Latency: round trip ≈ 2 × great-circle km × route factor ${ROUTE_FACTOR} × ${FIBRE_MS_PER_KM} ms/km + ${RTT_OVERHEAD_MS} ms, from each candidate's centre to the market.`,
        `Per-MW figures: the engineering model at each candidate's centre for the scenario's load profile (${fmtNumber(request.scenario.loadProfile.itMw, 0)} MW IT at ${fmtPct(request.scenario.loadProfile.utilisation)} utilisation), divided by the IT MW: energy, CO2 and water scale linearly with IT capacity.`,
        "Baseline: each market's share of the capacity built at the market itself, with the same load profile and models.",
      ],
    });
  }
  return [...out, ...engineeringAssumptions(request.scenario.loadProfile.cooling)];
}

function limitationsOf(plan: BriefPlan | null, provenance: ReportProvenance): string[] {
  const out = [
    "Suitability and zones are screening results on a 0.25° grid from global datasets: they say where to look, not where to build. Land use, protected areas, grid capacity and transmission, water rights and permits are not in the data.",
    "Region membership is by majority of each cell's area, so thin strips of coast or border may be assigned to a neighbour; areas are land areas on the grid, within a few per cent of official figures.",
  ];
  if (plan) out.push(
    "The plan places capacity at zone centres and treats energy, CO2 and water as linear in IT MW; it has no cost of land, construction, power or network, and no transmission or grid-connection limits beyond the maximum size per location.",
    "Demand markets are points with shares; the build-at-demand baseline uses the same models at those points, which may not be where capacity near a market would be built.",
  );
  out.push(
    "Engineering estimates (PUE, WUE, energy, CO2, water) are screening-level models from climate normals, not a design; climate normals are historical (1979–2014) and climate change is not modelled.",
    "Grid carbon intensities are annual averages (location-based, lifecycle factors); hourly matching and future grid decarbonisation are not modelled.",
    "Latency is a fibre-route model (great circle × route factor), not a measured round trip.",
    "Data rules summarise a curated table of data-protection regimes with citations; they are not legal advice.",
    "Country boundaries are Natural Earth's and imply no position on disputed territories.",
  );
  if (provenance.nonCommercialNote) out.push(provenance.nonCommercialNote);
  return out;
}

/** Builds the brief's content from the computed profile, comparison and plan (see the module comment). */
export function assembleBrief(inputs: BriefInputs): StrategyBriefContent {
  const { request } = inputs;
  const scenario = request.scenario;
  const criteria = criteriaOf(request, inputs.criteria, inputs.manifest);
  const profile = profileOf(inputs);
  const comparison = comparisonOf(inputs);
  const plan = planOf(inputs);
  const provenance = provenanceOf(inputs, criteria, plan);
  const method = methodText(scenario.method);
  const cool = COOLING_ARCHETYPES[scenario.loadProfile.cooling];
  const title = request.title ?? `Strategy brief: ${profile.regionName}`;
  const parts = ["Region profile", ...(comparison ? ["comparison"] : []), ...(plan ? ["capacity plan"] : [])];
  return {
    schemaVersion: BRIEF_SCHEMA_VERSION,
    title,
    cover: {
      title,
      subtitle: `${parts.join(", ").replace(/, ([^,]*)$/, " and $1")} · scenario “${scenario.name}” · ${method.title}`,
      question: questionOf(request, profile, comparison, plan),
      date: inputs.generatedAt.slice(0, 10),
    },
    summary: { findings: findingsOf(profile, comparison, plan, scenario.name), keyNumbers: keyNumbersOf(profile, plan) },
    scenario: { id: scenario.id, name: scenario.name },
    profile,
    comparison,
    plan,
    methodology: {
      method,
      scoreNote: "Scores are 0–100, higher is better: the scenario's method applied to the criterion utilities of each land cell.",
      missingRule: describeMissingRule(scenario.missing),
      weighting: describeWeighting(scenario.weighting),
      criteria,
      load: { itMw: scenario.loadProfile.itMw, utilisation: scenario.loadProfile.utilisation, coolingTitle: cool.title, coolingDescription: cool.description },
      sections: methodSections(request, profile, comparison, plan),
    },
    provenance,
    limitations: limitationsOf(plan, provenance),
    reproducibility: {
      inputsHash: contentHash(request),
      scenarioHash: contentHash(scenario),
      dataManifestHash: inputs.manifest.inputsHash,
      dataProfile: inputs.manifest.profile,
      appName: inputs.app.name,
      appVersion: inputs.app.version,
      generatedAt: inputs.generatedAt,
    },
    inputs: request,
  };
}
