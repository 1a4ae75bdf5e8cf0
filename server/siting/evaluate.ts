/**
 * Ranks candidate sites under a scenario (DESIGN.md §2 Result): the evaluator's short column set.
 * The sites' layer values are sampled at their exact positions (modelLayers.ts), their metrics come
 * from the same per-place definition the surface applies to every cell (server/models/siteMetrics.ts),
 * each criterion's raw value is read (a site override wins and is marked), turned into a utility by
 * the criteria's value functions (criteria.ts), hard constraints exclude with reasons (the scoring
 * core's rule), and the chosen method scores. Every site keeps its per-criterion breakdown; WSM
 * scores decompose into weighted contributions. Agreement with the other methods is Kendall's tau.
 */
import type { LayerStore } from "@/server/layers/store";
import { climateAt } from "@/server/layers/climateCells";
import { computeSiteMetrics, type SiteMetrics } from "@/server/models/siteMetrics";
import type { EstimateInput } from "@/server/models/estimate";
import type { Localization, Regime } from "@/server/models/jurisdiction";
import { constraintColumn, excludeByColumn, kendallTau, METHOD_NAMES, percentPoints, ScoringError, scoreUtilityColumns, type ColumnMatrix, type Exclusion, type MethodName, type MethodSpec as EngineMethod } from "@/server/scoring";
import type { Scenario } from "@/server/schemas/scenario";
import type { Site } from "@/server/schemas/site";
import { describeCriteria, hardConstraints, scenarioMarket, scoringRefusalsAsInput, utilityFunctions, type CriterionMeta } from "./criteria";
import { layerRawValue, overrideValue, type RawValue } from "./criterionValues";
import { POWER_MARKET_INPUT_LAYERS, sitePowerMarket } from "./marketInputs";
import { sampleLayerColumns } from "./modelLayers";

export { describeCriteria, type CriterionMeta };

/** Layers every evaluation needs for the metrics and the jurisdiction fit. */
const METRIC_INPUT_LAYERS = ["carbon.grid_intensity", "carbon.marginal_intensity", "sovereignty.regime", "sovereignty.localization"] as const;

export interface CriterionResult {
  criterionId: string;
  raw: number | string | null;
  label?: string;
  quality: RawValue["quality"];
  override: boolean;
  reason?: string;
  /** A note on the raw value (e.g. which hazard drives the composite risk). */
  note?: string;
  utility: number | null;
  /** Normalised weight applied to this site (renormalised when values are missing under "renormalize"). */
  weight: number | null;
  /** WSM only: weight × utility, summing to the score / 100. */
  contribution: number | null;
}

export interface SiteResult {
  id: string;
  name: string;
  lat: number;
  lon: number;
  country: { key: string; name: string; iso3: string | null } | null;
  /** The Electricity Maps grid zone the site is in. */
  gridZone: { key: string; name: string } | null;
  /** @deprecated since 0.2: the same as `gridZone` (README, "Deprecated API names"). */
  zone: { key: string; name: string } | null;
  rank: number | null;
  /** 0–100, higher is better, for every method (see RankResult.scoreNote). */
  score: number | null;
  /** The method's own number (WSM score, TOPSIS closeness, VIKOR Q, PROMETHEE net flow). */
  methodScore: number | null;
  excluded: boolean;
  exclusionReasons: string[];
  criteria: CriterionResult[];
  metrics: SiteMetrics;
  /** Metric ids the user overrode for this site. */
  metricOverrides: string[];
}

export interface RankResult {
  method: MethodName;
  better: "higher" | "lower";
  scoreNote: string;
  criteria: (CriterionMeta & { weight: number })[];
  sites: SiteResult[];
  /** Kendall's tau-b between this ranking and each other method's (null where undefined). */
  agreement: { method: MethodName; tau: number | null; note?: string }[];
}

function engineMethod(m: Scenario["method"]): EngineMethod {
  switch (m.method) {
    case "waspas": return { method: "waspas", normalization: "none", lambda: m.lambda };
    case "vikor": return { method: "vikor", v: m.v, onConstant: "ignore" };
    case "promethee2": return m.preferences ? { method: "promethee2", preferences: m.preferences } : { method: "promethee2" };
    case "wsm": case "wpm": case "topsis": return { method: m.method, normalization: "none" };
  }
}

/** Maps a method's number onto 0–100 (higher is better) so tables and maps read the same for every method. */
export function displayScore(method: MethodName, s: number | null): number | null {
  if (s === null) return null;
  const v = method === "vikor" ? 1 - s : method === "promethee2" ? (s + 1) / 2 : s;
  return percentPoints(Math.min(1, Math.max(0, v)));
}

const SCORE_NOTES: Record<MethodName, string> = {
  wsm: "Score = 100 × Σ weight × utility (weighted sum).",
  wpm: "Score = 100 × Π utility^weight (weighted product): a zero utility in any weighted criterion gives 0.",
  waspas: "Score = 100 × (λ·weighted sum + (1 − λ)·weighted product).",
  topsis: "Score = 100 × closeness to the ideal site (TOPSIS on utilities).",
  vikor: "Score = 100 × (1 − Q); VIKOR ranks by Q (0 = best compromise).",
  promethee2: "Score = 50 × (1 + net outranking flow) (PROMETHEE II).",
};

function jurisdictionFrom(raw: (id: string) => RawValue, iso3: string | null) {
  const regime = raw("sovereignty.regime").value;
  const localization = raw("sovereignty.localization").value;
  return { country: iso3, regime: typeof regime === "string" ? (regime as Regime) : null, localization: typeof localization === "string" ? (localization as Localization) : null };
}

function asEstimate(v: RawValue): EstimateInput {
  return typeof v.value === "number" ? v.value : { value: null, reason: v.reason ?? (v.value === null ? "no value" : `"${v.value}" is not a number`) };
}

/**
 * Everything about a ranking that does not depend on the weights, the method or the missing-value
 * policy: sampled values, metrics, raw criterion values, utilities and hard-constraint exclusions.
 * Moving a weight slider re-scores a prepared evaluation without repeating this (see siteRanking.ts).
 * Utilities are the evaluator's column set (one Float64Array per criterion, NaN = missing), the
 * short counterpart of the surface's.
 */
export interface PreparedEvaluation {
  sites: readonly Site[];
  meta: CriterionMeta[];
  raws: RawValue[][];
  utilities: ColumnMatrix;
  /** Why utility (site i, criterion j) is missing, at i·k + j. */
  utilityReasons: Map<number, string>;
  metricsPerSite: SiteMetrics[];
  metricOverrides: string[][];
  exclusions: Exclusion[];
  names: string[];
  places: { country: { key: string; name: string; iso3: string | null } | null; gridZone: { key: string; name: string } | null }[];
}

export function prepareEvaluation(store: LayerStore, sites: readonly Site[], scenario: Scenario): PreparedEvaluation {
  const meta = describeCriteria(store, scenario);
  const layerIds = [...new Set([...meta.filter((m) => m.kind === "layer").map((m) => m.source), ...METRIC_INPUT_LAYERS, ...POWER_MARKET_INPUT_LAYERS.filter((id) => store.layer(id))])];
  const cols = sampleLayerColumns(store, sites, layerIds);
  const colIndex = new Map(cols.columns.map((c, k) => [c.id, k]));
  const market = scenarioMarket(scenario);
  const countries = store.polygons.countries.features;
  const utilityFns = utilityFunctions(scenario, meta);
  const k = scenario.criteria.length;
  const m = sites.length;

  const raws: RawValue[][] = [];
  const utilities: ColumnMatrix = { rows: m, columns: scenario.criteria.map(() => new Float64Array(m)) };
  const utilityReasons = new Map<number, string>();
  const metricsPerSite: SiteMetrics[] = [];
  const metricOverrides: string[][] = [];
  sites.forEach((site, i) => {
    const raw = (id: string): RawValue => overrideValue(site, id) ?? layerRawValue(cols, colIndex.get(id)!, i);
    const ci = cols.country[i]!;
    const iso3 = ci >= 0 ? ((countries[ci]!.props.iso3 as string | null) ?? null) : null;
    const climate = climateAt(store, site.lat, site.lon);
    const metrics = computeSiteMetrics({
      lat: site.lat,
      lon: site.lon,
      climate: climate ?? { value: null, reason: "no climate data here (at sea or outside the analysis grid)" },
      gridIntensityGPerKwh: asEstimate(raw("carbon.grid_intensity")),
      marginalFactorGPerKwh: asEstimate(raw("carbon.marginal_intensity")),
      cfeShare: scenario.cfeShare,
      load: scenario.loadProfile,
      market,
      jurisdiction: jurisdictionFrom(raw, iso3),
      powerMarket: sitePowerMarket(cols, colIndex, site, i),
      carbonPriceInPowerCost: scenario.carbonPriceInPowerCost,
    });
    metricsPerSite.push(metrics);
    metricOverrides.push(Object.keys(site.overrides).filter((key) => key.startsWith("metric.")));
    const siteRaws = scenario.criteria.map((c, j): RawValue => {
      const over = overrideValue(site, c.source);
      if (over) return over;
      if (meta[j]!.kind === "layer") return raw(c.source);
      const v = metrics[c.source.slice("metric.".length) as keyof SiteMetrics] as { value: number | string | null; reason?: string } | null;
      return v && v.value !== null ? { value: v.value, quality: "modelled" } : { value: null, quality: "missing", reason: v?.reason ?? "not computed" };
    });
    raws.push(siteRaws);
    siteRaws.forEach((r, j) => {
      const u = utilityFns[j]!(r.value, r.reason);
      utilities.columns[j]![i] = u.value === null ? NaN : u.value;
      if (u.value === null) utilityReasons.set(i * k + j, u.reason);
    });
  });

  // Hard constraints, kept apart from weighting (reV ExclusionMask): each constrained criterion's
  // raw column through the one constraint evaluation the surface also uses.
  const constraints = hardConstraints(scenario, meta);
  const names = meta.map((mm) => mm.title);
  const byColumn = scenario.criteria.flatMap((_, j) => {
    const own = constraints.filter((c) => c.criterion === j);
    if (!own.length) return [];
    const { column, missingReason } = constraintColumn(raws.map((row) => (row[j]!.reason ? { value: row[j]!.value, reason: row[j]!.reason } : row[j]!.value)));
    return [excludeByColumn(column, own, m, { name: names[j]!, missingReason })];
  });
  const exclusions: Exclusion[] = sites.map((_, i) => {
    const reasons = byColumn.flatMap((e) => e.reasonsAt(i));
    return { excluded: reasons.length > 0, reasons };
  });

  const places = sites.map((_, i) => {
    const ci = cols.country[i]!, zi = cols.gridZone[i]!;
    const cf = ci >= 0 ? countries[ci]! : null;
    const zf = zi >= 0 ? store.polygons.zones.features[zi]! : null;
    return {
      country: cf ? { key: cf.key, name: cf.name, iso3: (cf.props.iso3 as string | null) ?? null } : null,
      gridZone: zf ? { key: zf.key, name: zf.name } : null,
    };
  });
  return { sites, meta, raws, utilities, utilityReasons, metricsPerSite, metricOverrides, exclusions, names, places };
}

/** Ranks sites under a scenario (both stages). */
export function evaluateSites(store: LayerStore, sites: readonly Site[], scenario: Scenario): RankResult {
  return scorePrepared(prepareEvaluation(store, sites, scenario), scenario);
}

/** Scores a prepared evaluation with the scenario's weights, method and missing-value policy. */
export function scorePrepared(prep: PreparedEvaluation, scenario: Scenario): RankResult {
  const { sites, meta, raws, utilities, utilityReasons, metricsPerSite, metricOverrides, exclusions, names, places } = prep;
  const weights = scenario.criteria.map((c) => c.weight);
  const k = weights.length;
  const method = engineMethod(scenario.method);
  const missingReason = (i: number, j: number) => utilityReasons.get(i * k + j);
  const result = sites.length
    ? scoringRefusalsAsInput(() => scoreUtilityColumns(utilities, weights, { method, missing: scenario.missing, exclusions, criteria: names, missingReason }))
    : { method: scenario.method.method, better: "higher" as const, scores: [], ranking: [], exclusions: [], weights: [], contributions: null };
  const totalWeight = weights.reduce((a, b) => a + b, 0);

  const siteResults: SiteResult[] = sites.map((site, i) => {
    const w = result.weights[i] ?? null;
    const contributions = result.contributions?.[i] ?? null;
    return {
      id: site.id,
      name: site.name,
      lat: site.lat,
      lon: site.lon,
      country: places[i]!.country,
      gridZone: places[i]!.gridZone,
      zone: places[i]!.gridZone,
      rank: result.ranking[i] ?? null,
      score: displayScore(result.method, result.scores[i] ?? null),
      methodScore: result.scores[i] ?? null,
      excluded: result.exclusions[i]?.excluded ?? false,
      exclusionReasons: (result.exclusions[i]?.reasons ?? []).map((r) => r.message),
      criteria: scenario.criteria.map((c, j) => criterionResult(c.id, raws[i]![j]!, utilities.columns[j]![i]!, utilityReasons.get(i * k + j), w ? w[j]! : null, contributions ? contributions[j]! : null)),
      metrics: metricsPerSite[i]!,
      metricOverrides: metricOverrides[i]!,
    };
  });

  return {
    method: result.method,
    better: result.better,
    scoreNote: SCORE_NOTES[result.method],
    criteria: meta.map((mm, j) => ({ ...mm, weight: totalWeight > 0 ? weights[j]! / totalWeight : 0 })),
    sites: siteResults,
    agreement: sites.length ? methodAgreementFor(prep, weights, scenario, result.ranking) : [],
  };
}

/**
 * One site's breakdown for one criterion. Built by assignment in the order of the fields (optional
 * ones only when present): object spreads cost more than the scoring itself over 10,000 sites.
 */
function criterionResult(criterionId: string, r: RawValue, u: number, uReason: string | undefined, weight: number | null, contribution: number | null): CriterionResult {
  const uv = u === u ? u : null;
  const o = { criterionId, raw: r.value } as CriterionResult;
  if (r.label) o.label = r.label;
  o.quality = r.quality;
  o.override = r.override === true;
  const reason = r.reason || (uv === null ? uReason : undefined);
  if (reason) o.reason = reason;
  if (r.note) o.note = r.note;
  o.utility = uv;
  o.weight = weight;
  o.contribution = contribution;
  return o;
}

export const PROMETHEE_AGREEMENT_MAX_SITES = 1000;

/** Kendall's tau-b between the chosen method's ranking and each other method's on the same utilities. */
function methodAgreementFor(prep: PreparedEvaluation, weights: number[], scenario: Scenario, ranking: (number | null)[]): RankResult["agreement"] {
  const { utilities, exclusions, names } = prep;
  return METHOD_NAMES.filter((m) => m !== scenario.method.method).map((m) => {
    // PROMETHEE II compares every pair of sites (O(m²)): past this size its agreement costs more than the ranking itself.
    if (m === "promethee2" && utilities.rows > PROMETHEE_AGREEMENT_MAX_SITES) {
      return { method: m, tau: null, note: `not computed above ${PROMETHEE_AGREEMENT_MAX_SITES.toLocaleString("en")} sites (pairwise method); choose PROMETHEE II as the method to rank with it` };
    }
    // TOPSIS, VIKOR and PROMETHEE are undefined with renormalised missing values: compare on complete sites.
    const missing = ["wsm", "wpm", "waspas"].includes(m) ? scenario.missing : "exclude";
    try {
      const other = scoreUtilityColumns(utilities, weights, { method: engineMethod({ method: m } as Scenario["method"]), missing, exclusions, criteria: names, rankingOnly: true });
      return { method: m, tau: kendallTau(ranking, other.ranking), ...(missing !== scenario.missing ? { note: "sites with a missing value left out" } : {}) };
    } catch (err) {
      // The other method may be undefined for these data (e.g. VIKOR on a constant criterion): say so.
      if (!(err instanceof ScoringError)) throw err;
      return { method: m, tau: null, note: err.message };
    }
  });
}
