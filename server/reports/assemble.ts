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
import { contentHash } from "./hash";
import { decimalsFor, fmtNumber, fmtPct } from "./format";
import {
  describeConstraint, describeMissingRule, describeRule, describeValueFunction, describeWeighting,
  engineeringAssumptions, METHOD_TITLES, methodText, ROBUSTNESS_METHOD,
} from "./methodology";
import { monthlyFreeCoolingHours } from "./monthlyFreeCooling";
import {
  REPORT_SCHEMA_VERSION,
  type KeyNumbersRow, type ReportClimate, type ReportContent, type ReportCooling, type ReportCriterion, type ReportCriterionValue,
  type ReportHazard, type ReportLayerProvenance, type ReportMetric, type ReportSiteCard, type ReportSource, type ReportValue,
} from "./types";

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

function sampledValue(s: SampledWithProvenance | undefined, unit: string, fallbackReason: string): ReportValue {
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

function criteriaOf(inputs: ReportInputs, layers: Map<string, LayerMeta>): ReportCriterion[] {
  const { scenario, rank } = inputs;
  return scenario.criteria.map((c, j) => {
    const meta = rank.criteria[j]!;
    const layer = layers.get(c.source);
    const metric = METRIC_BY_SOURCE.get(c.source);
    return {
      id: c.id,
      source: c.source,
      title: meta.title,
      unit: meta.unit,
      kind: meta.kind,
      weight: meta.weight,
      rawWeight: c.weight,
      valueFunction: describeValueFunction(c.valueFunction, meta.unit),
      constraints: c.constraints.map((k) => describeConstraint(k, meta.unit)),
      direction: layer ? layer.direction : metric ? metric.direction : "higher_is_better",
    };
  });
}

function criterionValues(inputs: ReportInputs, i: number, criteria: ReportCriterion[]): ReportCriterionValue[] {
  const layerVintage = (id: string) => inputs.manifest.layers.find((l) => l.id === id)?.vintage;
  const site = inputs.rank.sites[i]!;
  const extras = inputs.extras[i]!;
  return site.criteria.map((c, j) => {
    const crit = criteria[j]!;
    const sampled = crit.kind === "layer" && !c.override ? extras.values[crit.source] : undefined;
    const metric = METRIC_BY_SOURCE.get(crit.source);
    const raw: ReportValue = {
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
  return {
    archetype: c.archetype,
    archetypeTitle: a.title,
    archetypeDescription: a.description,
    overhead: { fixed: c.fixed, fans: c.fans, mechanical: c.mechanical, pumps: c.pumps },
    economiserHours: c.economiser_hours,
    partialEconomiserHours: c.partial_economiser_hours,
    mechanicalEquivalentHours: c.mechanical_equivalent_hours,
    designConditionC: c.design_condition_c,
    designCondition: c.design_condition,
    evaporationLPerKwh: c.evaporation_l_per_kwh,
    blowdownLPerKwh: c.blowdown_l_per_kwh,
  };
}

function layerValuesOf(ids: readonly string[], inputs: ReportInputs, i: number, layers: Map<string, LayerMeta>): ReportHazard[] {
  const values = inputs.extras[i]!.values;
  return ids.filter((id) => values[id] !== undefined).map((id) => {
    const layer = layers.get(id)!;
    return { layerId: id, title: layer.title, value: sampledValue(values[id], layer.unit, "not sampled") };
  });
}

function carbonInput(inputs: ReportInputs, i: number, id: string, unit: string): ReportValue {
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

/** Why a site ranks where it does, in one line: its largest weighted utilities. */
function whyLine(s: SiteResult, criteria: ReportCriterion[]): string {
  const parts = s.criteria
    .map((c, j) => ({ title: criteria[j]!.title, v: c.contribution ?? (c.utility !== null && c.weight !== null ? c.utility * c.weight : null), u: c.utility }))
    .filter((x): x is { title: string; v: number; u: number | null } => x.v !== null && x.v > 0)
    .sort((a, b) => b.v - a.v)
    .slice(0, 2);
  if (!parts.length) return "no weighted criterion contributes";
  return `strongest on ${parts.map((p) => `${p.title} (utility ${fmtNumber(p.u, 2)})`).join(" and ")}`;
}

/** A manifest source as the report lists it (also used by the strategy brief). */
export function sourceRecord(s: ReportInputs["manifest"]["sources"][number]): ReportSource {
  return {
    id: s.id, title: s.title, publisher: s.publisher, url: s.url, license: s.license,
    ...(s.licenseUrl ? { licenseUrl: s.licenseUrl } : {}),
    nonCommercial: s.nonCommercial, shareAlike: s.shareAlike, vintage: s.vintage, attribution: s.attribution,
    ...(s.caveats ? { caveats: s.caveats } : {}),
  };
}

function provenanceOf(inputs: ReportInputs, criteria: ReportCriterion[]): ReportContent["provenance"] {
  const m = inputs.manifest;
  const layers = new Map(m.layers.map((l) => [l.id, l]));
  const sourcesById = new Map(m.sources.map((s) => [s.id, s]));
  const used = new Map<string, { layer: LayerMeta; usedFor: string[] }>();
  const use = (id: string, why: string) => {
    const layer = layers.get(id);
    if (!layer) return;
    const e = used.get(id) ?? { layer, usedFor: [] };
    if (!e.usedFor.includes(why)) e.usedFor.push(why);
    used.set(id, e);
  };
  criteria.filter((c) => c.kind === "layer").forEach((c) => use(c.source, `criterion “${c.title}”`));
  use("carbon.grid_intensity", "CO2 location- and market-based");
  use("carbon.marginal_intensity", "CO2 marginal");
  use("sovereignty.regime", "jurisdiction fit");
  use("sovereignty.localization", "jurisdiction fit");
  for (const id of HAZARD_LAYERS) if (inputs.extras.some((e) => e.values[id] !== undefined)) use(id, "hazard profile");
  for (const id of LOCAL_EVIDENCE_LAYERS) if (inputs.extras.some((e) => e.values[id] !== undefined)) use(id, "local evidence");
  const sourceIds = new Set<string>();
  const rows: ReportLayerProvenance[] = [...used.values()].map(({ layer, usedFor }) => {
    layer.sources.forEach((s) => sourceIds.add(s));
    const srcs = layer.sources.map((s) => sourcesById.get(s)).filter((s) => s !== undefined);
    return {
      id: layer.id, title: layer.title, unit: layer.unit, quality: layer.quality, vintage: layer.vintage, resolution: layer.resolution,
      usedFor, method: layer.method, sources: layer.sources,
      nonCommercial: srcs.some((s) => s.nonCommercial), shareAlike: srcs.some((s) => s.shareAlike),
    };
  });
  // The climate profile and the cooling metrics read model-input grids (monthly temperature, humidity, height).
  const climateSources = [...new Set(m.auxGrids.flatMap((a) => a.sources))];
  if (climateSources.length) {
    climateSources.forEach((s) => sourceIds.add(s));
    const srcs = climateSources.map((s) => sourcesById.get(s)).filter((s) => s !== undefined);
    rows.push({
      id: "climate.normals", title: "Climate normals (model inputs: monthly temperature, humidity exceedance, height)", unit: "°C, g/m³, m",
      quality: "observed", vintage: srcs.map((s) => s.vintage).join("; "), resolution: "0.25° grid, bilinear over land cells",
      usedFor: ["PUE, WUE, free-cooling hours, climate profile"], method: "Bilinear interpolation of the ITU-R grids over land cells; the hourly climate model is described under Methodology.",
      sources: climateSources, nonCommercial: srcs.some((s) => s.nonCommercial), shareAlike: srcs.some((s) => s.shareAlike),
    });
  }
  // Countries and grid zones: site attribution and the map's outlines.
  for (const set of m.polygonSets.filter((p) => p.id === "countries" || p.id === "zones")) {
    set.sources.forEach((s) => sourceIds.add(s));
    const srcs = set.sources.map((s) => sourcesById.get(s)).filter((s) => s !== undefined);
    rows.push({
      id: `geo.${set.id}`, title: set.title, unit: "", quality: "observed", vintage: srcs.map((s) => s.vintage).join("; "), resolution: "vector",
      usedFor: [set.id === "countries" ? "country of each site, map outlines" : "grid zone of each site"], method: "Point-in-polygon lookup.",
      sources: set.sources, nonCommercial: srcs.some((s) => s.nonCommercial), shareAlike: srcs.some((s) => s.shareAlike),
    });
  }
  const sources = m.sources.filter((s) => sourceIds.has(s.id)).map(sourceRecord);
  const nc = sources.filter((s) => s.nonCommercial);
  const models = criteria.filter((c) => c.kind === "metric").map((c) => {
    const f = METRIC_BY_SOURCE.get(c.source)!;
    return { id: c.source, title: f.title, description: f.description };
  });
  return {
    layers: rows,
    sources,
    models,
    nonCommercialNote: nc.length
      ? `NC: this report uses data licensed for non-commercial use only (${nc.map((s) => `${s.title}, ${s.license}`).join("; ")}). Commercial use of values derived from it needs the licensor's permission, or a report made from the data build without NC sources (profile "no-nc").`
      : null,
  };
}

function limitationsOf(inputs: ReportInputs, criteria: ReportCriterion[], cards: ReportSiteCard[], provenance: ReportContent["provenance"]): string[] {
  const out: string[] = [];
  const proxies = provenance.layers.filter((l) => l.quality === "proxy" && l.usedFor.some((u) => u.startsWith("criterion")));
  if (proxies.length) out.push(`Proxy data: ${proxies.map((l) => l.title).join("; ")} ${proxies.length === 1 ? "is a proxy" : "are proxies"}: ${proxies.length === 1 ? "it stands" : "they stand"} in for a quantity with no open global dataset; each value's quality is shown on the site cards, and the layer's method says what would replace it.`);
  const missing = cards.reduce((n, c) => n + c.criteria.filter((v) => v.raw.value === null).length, 0);
  if (missing) out.push(`${missing} criterion value${missing === 1 ? " is" : "s are"} missing across the sites; missing values are never scored as 0 (${inputs.scenario.missing === "exclude" ? "such sites are not ranked" : "their weight is spread over the other criteria"}).`);
  const overrides = cards.reduce((n, c) => n + c.criteria.filter((v) => v.override).length, 0);
  if (overrides) out.push(`${overrides} value${overrides === 1 ? " was" : "s were"} entered by the user as site overrides (marked “user override”); they are not checked against a source.`);
  out.push(
    "Engineering estimates (PUE, WUE, energy, CO2, water) are screening-level models from climate normals and code-level equipment, not a design: a site study with hourly weather and the chosen equipment will differ.",
    "Climate normals are historical (1979–2014); climate change shifts cooling hours and heat risk over a data center's life and is not modelled.",
    "Free-cooling hours assume the humid hours are the warmest ones, which is optimistic where humid air comes at mild temperatures; the site cards show the range.",
    "Grid carbon intensities are annual averages (location-based: lifecycle factors; marginal: 2021 combined-margin defaults); hourly matching and future grid decarbonisation are not modelled. Market-based CO2 uses the grid average for the uncovered share, not a residual mix.",
    "Latency is a fibre-route model (great circle × route factor), not a measured round trip; actual routes depend on the networks contracted.",
    "Jurisdiction fit summarises a curated table of data-protection regimes with citations; it is not legal advice.",
    "Weights and value functions are value judgements of the scenario; the robustness section shows how far they can move before the recommendation changes.",
    "Country boundaries are Natural Earth's and imply no position on disputed territories.",
  );
  if (provenance.nonCommercialNote) out.push(provenance.nonCommercialNote);
  if (criteria.some((c) => c.source === "power.price_usd_per_mwh")) out.push("Electricity prices mix observed large-user prices (US states, Europe) with a small-business proxy elsewhere; they are not negotiated PPA prices.");
  return out;
}

function findingsOf(inputs: ReportInputs, ranked: SiteResult[], excluded: SiteResult[], unranked: SiteResult[]): string[] {
  const out: string[] = [];
  const [a, b] = ranked;
  const method = METHOD_TITLES[inputs.rank.method];
  if (a) {
    out.push(b
      ? `${a.name} ranks first with a score of ${fmtNumber(a.score, 1)} (${method}); ${b.name} is second with ${fmtNumber(b.score, 1)}, ${fmtNumber((a.score ?? 0) - (b.score ?? 0), 1)} points behind.`
      : `${a.name} is the only ranked site, with a score of ${fmtNumber(a.score, 1)} (${method}).`);
  } else out.push("No site is ranked under this scenario: see the exclusions and missing values below.");
  const first = inputs.sensitivity.reading[0];
  if (first) out.push(first);
  const smaa = inputs.sensitivity.smaa;
  if (smaa && a) {
    const k = inputs.sensitivity.sites.findIndex((s) => s.id === a.id);
    if (k >= 0) out.push(`With weights drawn at random (SMAA, ${smaa.samples.toLocaleString("en")} draws), ${a.name} ranks first in ${fmtPct(smaa.firstRankShare[k] ?? 0)} of them.`);
  }
  if (excluded.length) out.push(`${excluded.length} site${excluded.length === 1 ? " is" : "s are"} excluded by hard constraints: ${excluded.slice(0, 5).map((s) => `${s.name} (${s.exclusionReasons[0] ?? "constraint"})`).join("; ")}${excluded.length > 5 ? "; …" : ""}.`);
  if (unranked.length) out.push(`${unranked.length} site${unranked.length === 1 ? " is" : "s are"} not ranked because a weighted value is missing: ${unranked.slice(0, 5).map((s) => s.name).join(", ")}${unranked.length > 5 ? ", …" : ""}.`);
  const tau = inputs.rank.agreement.filter((x) => x.tau !== null).map((x) => x.tau!);
  if (tau.length && ranked.length > 2) out.push(`The other ranking methods agree with this order with Kendall's tau between ${fmtNumber(Math.min(...tau), 2)} and ${fmtNumber(Math.max(...tau), 2)}.`);
  return out;
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
      zone: s.zone,
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

