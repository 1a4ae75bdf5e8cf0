/**
 * `assembleBrief`: turns the computed region profile, comparison and plan into the brief's content
 * (content.ts). Pure: no I/O and no clock (the generation time is an input). storedBriefs.ts runs the
 * profile, the comparison and the plan and passes their results here; the brief's sentences are in
 * prose.ts.
 */
import { documentCriterion } from "@/server/documents/criteria";
import { documentPowerMarket } from "@/server/documents/powerMarket";
import type { PowerMarketAt } from "@/server/layers/powerMarket";
import { ProvenanceCollector } from "@/server/documents/provenance";
import { fmtNumber, fmtPct } from "@/server/documents/format";
import { canonicalJson, contentHash } from "@/server/documents/hash";
import { describeMissingRule, describeRule, describeWeighting, METHOD_TITLES, methodText } from "@/server/documents/methodology";
import type { DocumentCriterion, DocumentProvenance } from "@/server/documents/content";
import { COOLING_ARCHETYPES } from "@/server/models/cooling/archetypes";
import { rttBetweenMs } from "@/server/models/latency";
import type { CriterionMeta } from "@/server/siting/evaluate";
import type { BriefRequest } from "@/server/strategy/brief/request";
import type { PlanResult } from "@/server/strategy/capacityPlan";
import type { LayerSpread, RegionProfile } from "@/server/strategy/profile";
import { COUNTRY_GROUPS, type Region } from "@/server/strategy/regions";
import {
  BRIEF_SCHEMA_VERSION, type BriefComparison, type BriefInputs, type BriefKeyNumber, type BriefLayerSpread, type BriefPlan, type BriefPlanCandidate, type BriefProfile, type StrategyBriefContent,
} from "./content";
import { changeText, findingsOf, limitationsOf, methodSections, questionOf } from "./prose";

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

function criteriaOf(request: BriefRequest, meta: CriterionMeta[], manifest: BriefInputs["manifest"]): DocumentCriterion[] {
  const layers = new Map(manifest.layers.map((l) => [l.id, l]));
  const total = request.scenario.criteria.reduce((a, c) => a + c.weight, 0) || 1;
  return request.scenario.criteria.map((c, j) =>
    documentCriterion(c, meta[j] ?? { id: c.id, source: c.source, title: c.source, unit: "", kind: "layer" }, c.weight / total, layers));
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
    histogram: p.histogram, medianScore: p.medianScore, p90Score: p.p90Score, candidateAreaThreshold: p.candidateAreaThreshold, plausibility: p.plausibility,
    candidateAreaOptions: inputs.request.candidateAreas,
    candidateAreas: p.candidateAreas,
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
      bestAreaScore: p.candidateAreas[0]?.meanScore ?? null, candidateAreas: p.candidateAreas.length,
      carbonMedian_gco2_per_kwh: median(p, "carbon.grid_intensity"), freeCoolingMedian_h_per_yr: median(p, "cooling.free_cooling_hours"),
    })),
    candidateAreaOptions: inputs.request.compare.candidateAreas,
    basis: "Regions are ranked by the mean score of their best candidate area, then by their median score, under the same scenario and candidate area settings.",
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
    candidateSource: c.kind === "candidate_areas"
      ? `up to ${c.candidateAreas.count} best candidate areas of ${regionLabel(c.region, inputs)} (≥ ${fmtNumber(c.candidateAreas.minDistanceKm, 0)} km apart, ≥ ${fmtNumber(c.candidateAreas.minAreaKm2, 0)} km², top ${fmtPct(c.candidateAreas.topShare)} of scored land)`
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

function keyNumbersOf(profile: BriefProfile, plan: BriefPlan | null): BriefKeyNumber[] {
  const out: BriefKeyNumber[] = [
    { label: "Land area of the region", value: profile.areaKm2, unit: "km²", decimals: 0 },
    { label: "Land passing the hard constraints", value: profile.passShare * 100, unit: "%", decimals: 1 },
    { label: "Median suitability score", value: profile.medianScore, unit: "of 100", decimals: 1 },
    { label: "Best candidate area, mean score", value: profile.candidateAreas[0]?.meanScore ?? null, unit: "of 100", decimals: 1, ...(profile.candidateAreas[0] ? { note: `Candidate area 1, ${profile.candidateAreas[0].country ?? "no country"}, ${fmtNumber(profile.candidateAreas[0].areaKm2, 0)} km²` } : {}) },
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

function provenanceOf(inputs: BriefInputs, criteria: DocumentCriterion[], plan: BriefPlan | null): DocumentProvenance {
  const collector = new ProvenanceCollector(inputs.manifest);
  criteria.filter((c) => c.kind === "layer").forEach((c) => collector.use(c.source, `criterion “${c.title}”`));
  inputs.profile.layers.forEach((l) => collector.use(l.id, "region profile"));
  if (plan) {
    collector.use("carbon.grid_intensity", "plan CO2 (location-based)");
    if (inputs.request.plan?.rule.kind !== "any") {
      collector.use("sovereignty.regime", "plan data rule");
      collector.use("sovereignty.localization", "plan data rule");
    }
  }
  // Engineering metrics (criteria, or the plan's per-MW energy, CO2 and water) read the climate normals.
  if (plan || criteria.some((c) => c.kind === "metric")) {
    collector.useClimateNormals(plan ? "PUE, WUE, energy, CO2 and water of the plan's candidates and the baseline" : "metric criteria of the surface", "0.25° grid",
      "Bilinear interpolation of the ITU-R grids over land cells; the engineering models are described under Methodology.");
  }
  const regions: Region[] = [inputs.request.region, ...(inputs.request.compare?.regions ?? []), ...(inputs.request.plan?.candidates.kind === "candidate_areas" ? [inputs.request.plan.candidates.region] : [])];
  collector.usePolygonSets([
    { id: "countries", usedFor: "region boundaries (a cell belongs to the country covering most of it), map outlines", method: "Majority polygon of each land cell." },
    ...(regions.some((r) => r.kind === "subdivision") ? [{ id: "subdivisions", usedFor: "state and province boundaries", method: "Majority polygon of each land cell." }] : []),
  ]);
  const models = criteria.filter((c) => c.kind === "metric").map((c) => ({ id: c.source, title: c.title, description: `engineering estimate (${c.unit || "no unit"}), computed for every land cell with the scenario's load profile` }));
  return collector.build("brief", models);
}

/**
 * The power-market section: candidate areas under the same curated rows share one table (a country
 * with one row gives one table, however many areas it has), labelled with the areas it covers.
 */
function powerMarketByFacts(facts: readonly PowerMarketAt[], areas: BriefProfile["candidateAreas"]): NonNullable<StrategyBriefContent["powerMarket"]> {
  const groups = new Map<string, { ranks: number[]; countries: Set<string>; section: ReturnType<typeof documentPowerMarket> }>();
  facts.forEach((f, k) => {
    const area = areas[k]!;
    const section = documentPowerMarket(f, null);
    const key = JSON.stringify(section.lines);
    const g = groups.get(key) ?? { ranks: [], countries: new Set<string>(), section };
    g.ranks.push(area.rank);
    if (area.country) g.countries.add(area.country);
    groups.set(key, g);
  });
  return [...groups.values()].map((g) => ({
    rank: g.ranks[0]!,
    label: `Candidate area${g.ranks.length > 1 ? "s" : ""} ${g.ranks.join(", ")}${g.countries.size ? ` (${[...g.countries].join(", ")})` : ""}`,
    section: g.section,
  }));
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
    powerMarket: inputs.powerMarket ? powerMarketByFacts(inputs.powerMarket, profile.candidateAreas) : null,
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
