/**
 * `assembleReport`: turns a project's ranking, its robustness, the data manifest and the app version
 * into the report's content (types.ts). Pure: no I/O, no clock (the generation time is an input), so
 * the same inputs always give the same report, and the content can be stored, rendered as a web page
 * or a PDF, and exported, without the three ever disagreeing.
 */
import type { LayerMeta } from "@/data/schema/manifest";
import { COOLING_ARCHETYPES } from "@/server/models/cooling/archetypes";
import { ClimateInputError } from "@/server/models/climate";
import { METRIC_FIELDS } from "@/server/models/siteMetrics";
import type { SiteResult } from "@/server/siting/evaluate";
import type { ReportInputs, SampledWithProvenance } from "./gather";
import { HAZARD_LAYERS, LOCAL_EVIDENCE_LAYERS } from "./gather";
import { contentHash } from "@/server/documents/hash";
import { decimalsFor, fmtNumber, fmtPct } from "@/server/documents/format";
import {
  describeMissingRule, describeRule, describeWeighting,
  engineeringAssumptions, METHOD_TITLES, methodText, ROBUSTNESS_METHOD,
} from "@/server/documents/methodology";
import { monthlyFreeCoolingHours } from "./monthlyFreeCooling";
import { findingsOf, limitationsOf, whyLine } from "./prose";
import { REPORT_SCHEMA_VERSION, type KeyNumbersRow, type ReportClimate, type ReportContent, type ReportCooling, type ReportCriterionValue, type ReportHazard, type ReportMetric, type ReportSiteCard } from "./types";
import type { DocumentCriterion, DocumentProvenance, DocumentValue } from "@/server/documents/content";
import { documentCriterion } from "@/server/documents/criteria";
import { documentPowerMarket } from "@/server/documents/powerMarket";
import { ProvenanceCollector } from "@/server/documents/provenance";

/** Rows of the executive summary's key-numbers table. */
export const KEY_NUMBERS_ROWS = 10;
/** Sites named as recommended. */
export const RECOMMENDED = 3;

const METRIC_BY_SOURCE = new Map<string, (typeof METRIC_FIELDS)[number]>(METRIC_FIELDS.map((f) => [f.sourceId, f]));

function metricValue(site: SiteResult, id: string): { value: number | string | null; reason?: string } {
  const m = (site.metrics as unknown as Record<string, { value: number | string | null; reason?: string } | null>)[id];
  return m ?? { value: null, reason: "not computed" };
}

function num(v: { value: number | string | null }): number | null {
  return typeof v.value === "number" ? v.value : null;
}

function sampledValue(s: SampledWithProvenance | undefined, unit: string, fallbackReason: string): DocumentValue {
  if (!s) return { value: null, unit, quality: "missing", reason: fallbackReason, decimals: 0 };
  return {
    value: s.value,
    ...(s.label ? { label: s.label } : {}),
    unit,
    quality: s.quality,
    ...(s.reason ? { reason: s.reason } : {}),
    ...(s.provenance ? { provenance: s.provenance } : {}),
    decimals: decimalsFor(s.value),
  };
}

function criteriaOf(inputs: ReportInputs, layers: Map<string, LayerMeta>): DocumentCriterion[] {
  return inputs.scenario.criteria.map((c, j) => {
    const meta = inputs.rank.criteria[j]!;
    return documentCriterion(c, meta, meta.weight, layers);
  });
}

function criterionValues(inputs: ReportInputs, i: number, criteria: DocumentCriterion[]): ReportCriterionValue[] {
  const layerVintage = (id: string) => inputs.manifest.layers.find((l) => l.id === id)?.vintage;
  const site = inputs.rank.sites[i]!;
  const extras = inputs.extras[i]!;
  return site.criteria.map((c, j) => {
    const crit = criteria[j]!;
    const sampled = crit.kind === "layer" && !c.override ? extras.values[crit.source] : undefined;
    const metric = METRIC_BY_SOURCE.get(crit.source);
    const raw: DocumentValue = {
      value: c.raw,
      ...(c.label ? { label: c.label } : {}),
      unit: crit.unit,
      // The value's own quality (a layer mixing observed and proxy sources labels each value) wins over the layer's.
      quality: c.override ? "override" : c.raw === null ? "missing" : (sampled?.quality ?? c.quality),
      ...(c.reason ? { reason: c.reason } : {}),
      ...(sampled?.provenance ? { provenance: sampled.provenance }
        : crit.kind === "metric" && !c.override ? { provenance: "engineering model (see Methodology)" }
          : !c.override && layerVintage(crit.source) ? { provenance: `layer, ${layerVintage(crit.source)}` } : {}),
      decimals: metric ? metric.decimals : decimalsFor(c.raw),
    };
    return { criterionId: c.criterionId, raw, utility: c.utility, weight: c.weight, contribution: c.contribution, override: c.override };
  });
}

function metricsOf(site: SiteResult): ReportMetric[] {
  return METRIC_FIELDS.map((f) => {
    const m = metricValue(site, f.id);
    return {
      id: f.id, title: f.title, unit: f.unit, value: m.value,
      ...(m.reason ? { reason: m.reason } : {}),
      decimals: f.decimals, description: f.description, override: site.metricOverrides.includes(f.sourceId),
    };
  });
}

function climateOf(inputs: ReportInputs, i: number): { climate: ReportClimate | null; reason: string | null } {
  const c = inputs.extras[i]!.climate;
  if (!c) return { climate: null, reason: "No climate normals here (at sea, or outside the 0.25° land grid)." };
  try {
    const fc = monthlyFreeCoolingHours(c);
    return {
      climate: {
        monthlyMeanC: fc.meanC,
        diurnalRangeK: fc.diurnalRangeK,
        freeCoolingHoursByMonth: fc.hoursByMonth,
        freeCoolingHoursPerYear: fc.hoursPerYear,
        freeCoolingLimitedBy: fc.limitedBy,
        freeCoolingRangeHours: [fc.lowerBoundHours, fc.independentHours],
        freeCoolingDryBulbLimitC: fc.dryBulbLimitC,
        freeCoolingDewPointLimitC: fc.dewPointLimitC,
        elevationM: c.elevationM !== undefined && Number.isFinite(c.elevationM) ? c.elevationM : null,
      },
      reason: null,
    };
  } catch (err) {
    if (err instanceof ClimateInputError) return { climate: null, reason: `Climate normals unusable here: ${err.message}` };
    throw err;
  }
}

function coolingOf(site: SiteResult): ReportCooling | null {
  const c = site.metrics.cooling;
  if (!c) return null;
  const a = COOLING_ARCHETYPES[c.archetype];
  return { ...c, archetype_title: a.title, archetype_description: a.description };
}


function layerValuesOf(ids: readonly string[], inputs: ReportInputs, i: number, layers: Map<string, LayerMeta>): ReportHazard[] {
  const values = inputs.extras[i]!.values;
  return ids.filter((id) => values[id] !== undefined).map((id) => {
    const layer = layers.get(id)!;
    return { layerId: id, title: layer.title, value: sampledValue(values[id], layer.unit, "not sampled") };
  });
}

function carbonInput(inputs: ReportInputs, i: number, id: string, unit: string): DocumentValue {
  const site = inputs.sites[i]!;
  const over = site.overrides[id];
  if (over !== undefined) return { value: over, unit, quality: "override", decimals: decimalsFor(over) };
  return sampledValue(inputs.extras[i]!.values[id], unit, "not sampled");
}

function rankOrder(sites: readonly SiteResult[]): SiteResult[] {
  const group = (s: SiteResult) => (s.rank !== null ? 0 : s.excluded ? 2 : 1);
  return sites.map((s, i) => ({ s, i })).sort((a, b) => group(a.s) - group(b.s) || (a.s.rank ?? 0) - (b.s.rank ?? 0) || a.i - b.i).map((x) => x.s);
}

function keyRow(s: SiteResult): KeyNumbersRow {
  const fit = s.metrics.jurisdiction_fit;
  return {
    siteId: s.id, name: s.name, rank: s.rank, score: s.score,
    pue: num(s.metrics.pue),
    annual_grid_energy_mwh: num(s.metrics.annual_grid_energy_mwh),
    co2_location_t_per_yr: num(s.metrics.co2_location_t_per_yr),
    co2_marginal_t_per_yr: num(s.metrics.co2_marginal_t_per_yr),
    co2_market_t_per_yr: num(s.metrics.co2_market_t_per_yr),
    water_m3_per_yr: num(s.metrics.water_m3_per_yr),
    rtt_mean_ms: num(s.metrics.rtt_mean_ms),
    jurisdiction_fit: fit.value,
    jurisdiction_reason: fit.reason,
  };
}

function provenanceOf(inputs: ReportInputs, criteria: DocumentCriterion[]): DocumentProvenance {
  const collector = new ProvenanceCollector(inputs.manifest);
  criteria.filter((c) => c.kind === "layer").forEach((c) => collector.use(c.source, `criterion “${c.title}”`));
  collector.use("carbon.grid_intensity", "CO2 location- and market-based");
  collector.use("carbon.marginal_intensity", "CO2 marginal");
  collector.use("sovereignty.regime", "jurisdiction fit");
  collector.use("sovereignty.localization", "jurisdiction fit");
  for (const id of HAZARD_LAYERS) if (inputs.extras.some((e) => e.values[id] !== undefined)) collector.use(id, "hazard profile");
  for (const id of LOCAL_EVIDENCE_LAYERS) if (inputs.extras.some((e) => e.values[id] !== undefined)) collector.use(id, "local evidence");
  // The climate profile and the cooling metrics read model-input grids (monthly temperature, humidity, height).
  collector.useClimateNormals("PUE, WUE, free-cooling hours, climate profile", "0.25° grid, bilinear over land cells",
    "Bilinear interpolation of the ITU-R grids over land cells; the hourly climate model is described under Methodology.");
  // Countries and grid zones: site attribution and the map's outlines.
  collector.usePolygonSets([
    { id: "countries", usedFor: "country of each site, map outlines", method: "Point-in-polygon lookup." },
    { id: "zones", usedFor: "grid zone of each site", method: "Point-in-polygon lookup." },
  ]);
  const models = criteria.filter((c) => c.kind === "metric").map((c) => {
    const f = METRIC_BY_SOURCE.get(c.source)!;
    return { id: c.source, title: f.title, description: f.description };
  });
  return collector.build("report", models);
}

/** Builds the report content from gathered inputs (see the module comment). */
export function assembleReport(inputs: ReportInputs): ReportContent {
  const { scenario, rank, sensitivity, project } = inputs;
  const layers = new Map(inputs.manifest.layers.map((l) => [l.id, l]));
  const criteria = criteriaOf(inputs, layers);
  const ordered = rankOrder(rank.sites);
  const ranked = ordered.filter((s) => s.rank !== null);
  const excluded = ordered.filter((s) => s.excluded);
  const unranked = ordered.filter((s) => s.rank === null && !s.excluded);
  const indexById = new Map(rank.sites.map((s, i) => [s.id, i]));
  const leftOut = new Map(sensitivity.leftOut.map((l) => [l.id, l.reason]));

  const cards: ReportSiteCard[] = ordered.map((s) => {
    const i = indexById.get(s.id)!;
    const { climate, reason } = climateOf(inputs, i);
    return {
      id: s.id, name: s.name, lat: s.lat, lon: s.lon,
      country: s.country ? { name: s.country.name, iso3: s.country.iso3 } : null,
      gridZone: s.gridZone,
      rank: s.rank, score: s.score, methodScore: s.methodScore,
      excluded: s.excluded, exclusionReasons: s.exclusionReasons,
      unrankedReason: s.rank === null && !s.excluded ? (leftOut.get(s.id) ?? s.criteria.find((c) => c.utility === null)?.reason ?? "a weighted value is missing") : null,
      criteria: criterionValues(inputs, i, criteria),
      metrics: metricsOf(s),
      hazards: layerValuesOf(HAZARD_LAYERS, inputs, i, layers),
      localEvidence: layerValuesOf(LOCAL_EVIDENCE_LAYERS, inputs, i, layers),
      climate, climateReason: reason,
      cooling: coolingOf(s),
      carbon: {
        gridIntensity: carbonInput(inputs, i, "carbon.grid_intensity", layers.get("carbon.grid_intensity")?.unit ?? "gCO2eq/kWh"),
        marginalIntensity: carbonInput(inputs, i, "carbon.marginal_intensity", layers.get("carbon.marginal_intensity")?.unit ?? "gCO2/kWh"),
        cfeShare: scenario.cfeShare,
      },
      powerMarket: inputs.extras[i]!.powerMarket ? documentPowerMarket(inputs.extras[i]!.powerMarket!, s.metrics.power_market?.note ?? null) : null,
    };
  });

  const cool = COOLING_ARCHETYPES[scenario.loadProfile.cooling];
  const question = `Where should a ${fmtNumber(scenario.loadProfile.itMw, 0)} MW IT campus (${cool.title.toLowerCase()}, ${fmtPct(scenario.loadProfile.utilisation)} utilisation) serving “${scenario.market.name}” be built, among ${rank.sites.length} candidate site${rank.sites.length === 1 ? "" : "s"}, under the “${scenario.name}” scenario?`;
  const provenance = provenanceOf(inputs, criteria);
  const method = methodText(scenario.method);
  const generatedDate = inputs.generatedAt.slice(0, 10);
  const smaa = sensitivity.smaa;

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    title: `Siting report: ${project.name}`,
    project,
    scenario: { id: scenario.id, name: scenario.name, presetTitle: inputs.preset?.title ?? null, presetExplanation: inputs.preset?.explanation ?? null },
    cover: {
      title: project.name,
      subtitle: `Siting report · scenario “${scenario.name}” · ${method.title}`,
      question,
      date: generatedDate,
    },
    summary: {
      question,
      recommended: ranked.slice(0, RECOMMENDED).map((s) => ({ siteId: s.id, name: s.name, rank: s.rank!, score: s.score, why: whyLine(s, criteria) })),
      findings: findingsOf(inputs, ranked, excluded, unranked),
      keyNumbers: ranked.slice(0, KEY_NUMBERS_ROWS).map(keyRow),
      keyNumbersNote: `${ranked.length > KEY_NUMBERS_ROWS ? `Top ${KEY_NUMBERS_ROWS} of ${ranked.length} ranked sites. ` : ""}Engineering estimates for ${fmtNumber(scenario.loadProfile.itMw, 0)} MW IT at ${fmtPct(scenario.loadProfile.utilisation)} utilisation; CO2 per year three ways (market-based with a carbon-free share of ${fmtPct(scenario.cfeShare)}); latency is the demand-weighted mean round trip to ${scenario.market.name}.`,
    },
    map: { sites: ordered.map((s) => ({ id: s.id, name: s.name, lat: s.lat, lon: s.lon, rank: s.rank, excluded: s.excluded })) },
    ranking: {
      method: rank.method,
      methodTitle: METHOD_TITLES[rank.method],
      scoreNote: rank.scoreNote,
      criteria,
      order: ordered.map((s) => s.id),
      counts: { sites: rank.sites.length, ranked: ranked.length, excluded: excluded.length, unranked: unranked.length },
    },
    sites: cards,
    robustness: {
      agreement: rank.agreement.map((a) => ({ method: a.method, title: METHOD_TITLES[a.method], tau: a.tau, ...(a.note ? { note: a.note } : {}) })),
      stability: sensitivity.stability.map((s) => ({ criterionId: s.criterionId, title: s.title, weight: s.weight, lower: s.lower, upper: s.upper, rivalBelow: s.rivalBelowName, rivalAbove: s.rivalAboveName })),
      smaa: smaa ? { samples: smaa.samples, seed: smaa.seed, sites: sensitivity.sites.map((s, k) => ({ id: s.id, name: s.name, rank: s.rank, rankAcceptability: smaa.rankAcceptability[k] ?? [] })) } : null,
      reading: sensitivity.reading,
      leftOut: sensitivity.leftOut,
    },
    methodology: {
      method,
      scoreNote: rank.scoreNote,
      missingRule: describeMissingRule(scenario.missing),
      weighting: describeWeighting(scenario.weighting),
      criteria,
      load: { itMw: scenario.loadProfile.itMw, utilisation: scenario.loadProfile.utilisation, cooling: scenario.loadProfile.cooling, coolingTitle: cool.title, coolingDescription: cool.description },
      market: { name: scenario.market.name, points: scenario.market.points.map((p) => ({ name: p.name, lat: p.lat, lon: p.lon, weight: p.weight })), rule: describeRule(scenario.market.rule), rttBudgetMs: scenario.market.rttBudgetMs },
      cfeShare: scenario.cfeShare,
      engineering: engineeringAssumptions(scenario.loadProfile.cooling),
      robustnessMethod: [...ROBUSTNESS_METHOD],
    },
    provenance,
    limitations: limitationsOf(inputs, criteria, cards, provenance),
    reproducibility: {
      scenarioHash: contentHash(scenario),
      sitesHash: contentHash(inputs.sites),
      dataManifestHash: inputs.manifest.inputsHash,
      dataProfile: inputs.manifest.profile,
      appName: inputs.app.name,
      appVersion: inputs.app.version,
      generatedAt: inputs.generatedAt,
      smaa: smaa ? { samples: smaa.samples, seed: smaa.seed } : null,
    },
    inputs: { scenario, sites: inputs.sites },
  };
}

