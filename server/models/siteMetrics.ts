/**
 * All engineering metrics of a site for a load profile and a market (DESIGN.md §2 "Metric"), from one
 * plain input object: PUE and WUE (cooling/), energy, CO2 three ways, water, latency to the market and
 * jurisdiction fit. Field names carry units; anything that cannot be computed is `{ value: null, reason }`
 * with the reason of the missing input (estimate.ts), never 0.
 *
 * `METRIC_FIELDS` is the one list of these metrics (id, title, unit, direction, description) that
 * legends, tables, criteria pickers and reports all read, like reV's `SupplyCurveField`.
 *
 * Speed: the cooling model runs on a module-level scratch state (single-threaded; nothing is held
 * across an await) and the market is prepared once (`prepareSiteMarket`), so a site costs the
 * cooling model (6–16 climate tail evaluations, about 50–80 µs) plus one haversine per market point,
 * and allocates only its output objects: 5,000 sites with a 200-point market take about 0.3–0.5 s
 * (tests/unit/models/siteMetrics.test.ts).
 */
import { ClimateInputError, type SiteClimate } from "./climate/siteClimate";
import { carbonEstimate } from "./carbon";
import { createCoolingResult, type CoolingResult } from "./cooling/model";
import { coolingModelInto } from "./cooling/pue";
import { energyEstimate } from "./energy";
import { known, missing, type Estimate, type EstimateInput } from "./estimate";
import { jurisdictionFit, type JurisdictionFitValue, type JurisdictionRule, type SiteJurisdiction } from "./jurisdiction";
import {
  assertRouteFactor,
  createMarketLatency,
  marketLatency,
  prepareMarketPoints,
  ROUTE_FACTOR,
  type PreparedMarketPoints,
  type WeightedPoint,
} from "./latency";
import type { LoadProfile } from "./loadProfile";
import { powerMarketExplanation, type PowerMarketExplanation, type SitePowerMarket } from "./powerMarket";
import { waterEstimate } from "./water";

/** A market as a scenario defines it (structurally the `Market` of server/schemas/scenario.ts). */
export interface MarketSpec {
  name?: string;
  points: readonly WeightedPoint[];
  /** RTT budget for the demand-share metric, ms. */
  rttBudgetMs: number;
  /** Route factor 1.3–2.1, default 1.5. */
  routeFactor?: number;
  rule: JurisdictionRule;
  /** Countries (alpha-3) whose users the market serves, if known: used by the strict-localisation check. */
  countries?: readonly string[];
}

/** A market prepared once for many sites. */
export interface SiteMarket {
  readonly name: string;
  readonly points: PreparedMarketPoints;
  readonly rttBudgetMs: number;
  readonly routeFactor: number;
  readonly rule: JurisdictionRule;
  readonly countries: readonly string[] | null;
}

/** Validates and prepares a market (throws a RangeError naming the bad field). */
export function prepareSiteMarket(spec: MarketSpec): SiteMarket {
  const routeFactor = spec.routeFactor ?? ROUTE_FACTOR;
  assertRouteFactor(routeFactor);
  if (typeof spec.rttBudgetMs !== "number" || !(spec.rttBudgetMs >= 0) || !Number.isFinite(spec.rttBudgetMs)) {
    throw new RangeError(`rttBudgetMs: must be a finite number ≥ 0, got ${String(spec.rttBudgetMs)}`);
  }
  return {
    name: spec.name ?? "market",
    points: prepareMarketPoints(spec.points),
    rttBudgetMs: spec.rttBudgetMs,
    routeFactor,
    rule: spec.rule,
    countries: spec.countries && spec.countries.length > 0 ? spec.countries : null,
  };
}

/** A missing input with its reason. */
export interface MissingInput {
  value: null;
  reason: string;
}

/** Everything one site's metrics need. */
export interface SiteMetricsInput {
  /** Site position, degrees. */
  lat: number;
  lon: number;
  /** Climate normals of the site's cell, or missing with the reason (e.g. "no ITU grid value at sea"). */
  climate: SiteClimate | MissingInput | null;
  /** Grid-average lifecycle intensity, gCO2/kWh (layer carbon.grid_intensity), number or `{ value, reason }`. */
  gridIntensityGPerKwh: EstimateInput;
  /** IFI combined-margin factor, gCO2/kWh (layer carbon.marginal_intensity). */
  marginalFactorGPerKwh: EstimateInput;
  /** Contracted carbon-free energy share 0–1; null = not entered (market-based CO2 is then null). */
  cfeShare: EstimateInput;
  /** Validated load profile. */
  load: LoadProfile;
  /** Prepared market, or null when no market is chosen. */
  market: SiteMarket | null;
  /** The site's country, regime and localisation (sovereignty layers); null = unknown. */
  jurisdiction: SiteJurisdiction | null;
  /**
   * The site's corporate PPA route, carbon price and electricity price (market.* layers), which decide
   * whether the CFE share can count (powerMarket.ts); null = no market values (flagged); omitted = the
   * caller applies no check and gets no explanation.
   */
  powerMarket?: SitePowerMarket | null;
  /** Scenario option: show the carbon price as a separate power-cost line (default off). */
  carbonPriceInPowerCost?: boolean;
}

/** Jurisdiction fit as a metric: always a reason, the value null only when there is no market. */
export type JurisdictionFitMetric = { value: JurisdictionFitValue; reason: string } | { value: null; reason: string };

/** Why the cooling numbers are what they are (null when the climate is missing). */
/** The fields of the cooling model's result that explain a site's PUE and WUE (one type, the model's). */
export const COOLING_EXPLANATION_FIELDS = [
  "archetype", "fixed", "fans", "mechanical", "pumps", "economiser_hours", "partial_economiser_hours", "mechanical_equivalent_hours",
  "design_condition_c", "design_condition", "evaporation_l_per_kwh", "blowdown_l_per_kwh",
] as const satisfies readonly (keyof CoolingResult)[];

export type CoolingExplanation = Pick<CoolingResult, (typeof COOLING_EXPLANATION_FIELDS)[number]>;

/** All metrics of a site. Units are in the field names (pue is dimensionless). */
export interface SiteMetrics {
  pue: Estimate;
  pue_peak: Estimate;
  wue_l_per_kwh: Estimate;
  annual_it_energy_mwh: Estimate;
  annual_grid_energy_mwh: Estimate;
  grid_mw_peak: Estimate;
  co2_location_t_per_yr: Estimate;
  co2_marginal_t_per_yr: Estimate;
  co2_market_t_per_yr: Estimate;
  water_m3_per_yr: Estimate;
  rtt_mean_ms: Estimate;
  rtt_max_ms: Estimate;
  demand_share_within_rtt_budget: Estimate;
  jurisdiction_fit: JurisdictionFitMetric;
  cooling: CoolingExplanation | null;
  /**
   * Which corporate PPA route makes the market-based figure possible (`cfe_route`), whether the CFE
   * share could count (falls back to location-based where PPAs are not permitted; flagged where the
   * route is unknown), with the note for the metric explanation, and the optional carbon-cost line.
   * Null when the energy metrics are not computed or the caller gave no power market.
   */
  power_market: PowerMarketExplanation | null;
}

/** Explanations attached to the metrics, not metrics themselves. */
export const METRIC_EXPLANATION_KEYS = ["cooling", "power_market"] as const;

/** The metric keys of {@link SiteMetrics} that hold numbers. */
export type NumericMetricId = Exclude<keyof SiteMetrics, "jurisdiction_fit" | (typeof METRIC_EXPLANATION_KEYS)[number]>;
export type MetricId = NumericMetricId | "jurisdiction_fit";

/** One metric for legends, tables, criteria pickers and reports. */
export interface MetricField {
  /** Key in {@link SiteMetrics}. */
  id: MetricId;
  /** Id a scenario criterion uses to read it (`metric.<id>`). */
  sourceId: `metric.${MetricId}`;
  title: string;
  /** Display unit ("" for dimensionless ratios). */
  unit: string;
  direction: "lower_is_better" | "higher_is_better";
  kind: "number" | "category";
  /** Category values, best first (category metrics only). */
  categories?: readonly JurisdictionFitValue[];
  /** Suggested decimals for display. */
  decimals: number;
  description: string;
}

function field(f: Omit<MetricField, "sourceId">): MetricField {
  return { ...f, sourceId: `metric.${f.id}` };
}

/** Every site metric, in display order. */
export const METRIC_FIELDS: readonly MetricField[] = Object.freeze([
  field({ id: "pue", title: "PUE (annual)", unit: "", direction: "lower_is_better", kind: "number", decimals: 2, description: "Estimated annual facility energy ÷ IT energy for the cooling archetype in this climate." }),
  field({ id: "pue_peak", title: "PUE at design conditions", unit: "", direction: "lower_is_better", kind: "number", decimals: 2, description: "PUE in the ASHRAE 0.4 % design hour with IT at nameplate; sizes the grid connection." }),
  field({ id: "wue_l_per_kwh", title: "WUE", unit: "L/kWh", direction: "lower_is_better", kind: "number", decimals: 2, description: "Estimated site water (evaporation + blow-down) per kWh of IT energy." }),
  field({ id: "annual_it_energy_mwh", title: "IT energy", unit: "MWh/yr", direction: "lower_is_better", kind: "number", decimals: 0, description: "IT capacity × utilisation × 8,760 h." }),
  field({ id: "annual_grid_energy_mwh", title: "Grid energy", unit: "MWh/yr", direction: "lower_is_better", kind: "number", decimals: 0, description: "Annual electricity drawn from the grid: IT energy × annual PUE." }),
  field({ id: "grid_mw_peak", title: "Peak grid demand", unit: "MW", direction: "lower_is_better", kind: "number", decimals: 0, description: "IT capacity × PUE at design conditions: the grid connection needed." }),
  field({ id: "co2_location_t_per_yr", title: "CO2, location-based", unit: "tCO2/yr", direction: "lower_is_better", kind: "number", decimals: 0, description: "Grid energy × grid-average lifecycle intensity (Electricity Maps)." }),
  field({ id: "co2_marginal_t_per_yr", title: "CO2, marginal", unit: "tCO2/yr", direction: "lower_is_better", kind: "number", decimals: 0, description: "Grid energy × IFI combined-margin factor: emissions a new load is expected to cause." }),
  field({ id: "co2_market_t_per_yr", title: "CO2, market-based", unit: "tCO2/yr", direction: "lower_is_better", kind: "number", decimals: 0, description: "Grid energy not covered by the contracted carbon-free share × grid-average intensity; the share counts only where a corporate PPA route exists (else location-based)." }),
  field({ id: "water_m3_per_yr", title: "Site water", unit: "m³/yr", direction: "lower_is_better", kind: "number", decimals: 0, description: "IT energy × WUE: cooling water evaporated and blown down on site." }),
  field({ id: "rtt_mean_ms", title: "Mean RTT to market", unit: "ms", direction: "lower_is_better", kind: "number", decimals: 1, description: "Demand-weighted mean round-trip time to the market's points (fibre-route model)." }),
  field({ id: "rtt_max_ms", title: "Max RTT to market", unit: "ms", direction: "lower_is_better", kind: "number", decimals: 1, description: "Round-trip time to the market's farthest point." }),
  field({ id: "demand_share_within_rtt_budget", title: "Demand within RTT budget", unit: "share", direction: "higher_is_better", kind: "number", decimals: 2, description: "Share of the market's demand (0–1) reachable within its round-trip budget." }),
  field({ id: "jurisdiction_fit", title: "Jurisdiction fit", unit: "", direction: "higher_is_better", kind: "category", categories: ["allowed", "conditional", "excluded"], decimals: 0, description: "Whether the site may host the market's data under its rule: allowed, conditional (safeguards or checks needed) or excluded." }),
]);

const COOLING = createCoolingResult();
const LATENCY = createMarketLatency();

function isMissingInput(x: SiteMetricsInput["climate"]): x is MissingInput | null {
  return x === null || (typeof x === "object" && "value" in x && x.value === null);
}

function explanation(r: CoolingResult): CoolingExplanation {
  return Object.fromEntries(COOLING_EXPLANATION_FIELDS.map((k) => [k, r[k]])) as CoolingExplanation;
}

/** PUE, peak PUE and WUE of a place, with the cooling breakdown when the model ran. */
export interface CoolingEstimates {
  pue: Estimate;
  pue_peak: Estimate;
  wue_l_per_kwh: Estimate;
  cooling: CoolingExplanation | null;
}

/** The cooling model on a place's climate, or the climate's reason on every output. */
export function coolingEstimates(climate: SiteMetricsInput["climate"], load: LoadProfile): CoolingEstimates {
  if (isMissingInput(climate)) {
    const reason = `climate: ${climate?.reason ?? "no climate data for this site"}`;
    return { pue: missing(reason), pue_peak: missing(reason), wue_l_per_kwh: missing(reason), cooling: null };
  }
  try {
    const r = coolingModelInto(COOLING, climate, load.cooling, load.utilisation);
    return { pue: known(r.pue), pue_peak: known(r.pue_peak), wue_l_per_kwh: known(r.wue_l_per_kwh), cooling: explanation(r) };
  } catch (e) {
    if (!(e instanceof ClimateInputError)) throw e;
    const reason = `climate: ${e.message}`;
    return { pue: missing(reason), pue_peak: missing(reason), wue_l_per_kwh: missing(reason), cooling: null };
  }
}

/** Which groups of metrics to compute (the surface computes only what its criteria read). */
export interface MetricGroups { energy: boolean; latency: boolean; jurisdiction: boolean }
const ALL_GROUPS: MetricGroups = { energy: true, latency: true, jurisdiction: true };

const MISSING_NOT_COMPUTED: Estimate = missing("not computed");

/**
 * Every metric of one place from its cooling estimates and the other inputs: the one definition of
 * energy, CO2, water, latency and jurisdiction fit, used for a site (after the cooling model ran at
 * its climate) and for every land cell of the surface (with the cooling grid's values).
 */
export function metricsFromCooling(input: Omit<SiteMetricsInput, "climate">, cool: CoolingEstimates, groups: MetricGroups = ALL_GROUPS): SiteMetrics {
  const energy = groups.energy ? energyEstimate(input.load, cool.pue, cool.pue_peak) : { annual_it_energy_mwh: MISSING_NOT_COMPUTED, annual_grid_energy_mwh: MISSING_NOT_COMPUTED, grid_mw_peak: MISSING_NOT_COMPUTED };
  // The CFE share counts only where the site's market offers a route to contract it (powerMarket.ts).
  // Callers that do not sample the market (powerMarket undefined, e.g. the surface, which zeroes the
  // share per cell itself: server/siting/metricCells.ts) get no explanation and the share as given.
  const market_ = groups.energy && input.powerMarket !== undefined ? powerMarketExplanation(input.powerMarket ?? null, input.cfeShare, input.gridIntensityGPerKwh, input.carbonPriceInPowerCost ?? false) : null;
  const carbon = groups.energy
    ? carbonEstimate({
      annualGridEnergyMwh: energy.annual_grid_energy_mwh,
      gridIntensityGPerKwh: input.gridIntensityGPerKwh,
      marginalFactorGPerKwh: input.marginalFactorGPerKwh,
      cfeShare: market_?.cfe_flag === "no_ppa_route" ? market_.cfe_share_applied : input.cfeShare,
    })
    : { co2_location_t_per_yr: MISSING_NOT_COMPUTED, co2_marginal_t_per_yr: MISSING_NOT_COMPUTED, co2_market_t_per_yr: MISSING_NOT_COMPUTED };
  const water = groups.energy ? waterEstimate(energy.annual_it_energy_mwh, cool.wue_l_per_kwh) : MISSING_NOT_COMPUTED;

  // Latency and jurisdiction.
  let rttMean: Estimate = MISSING_NOT_COMPUTED;
  let rttMax: Estimate = MISSING_NOT_COMPUTED;
  let share: Estimate = MISSING_NOT_COMPUTED;
  let fit: JurisdictionFitMetric = { value: null, reason: "not computed" };
  const market = input.market;
  const validPosition = input.lat >= -90 && input.lat <= 90 && input.lon >= -180 && input.lon <= 180;
  if (market === null) {
    const reason = "no market chosen";
    rttMean = missing(reason);
    rttMax = missing(reason);
    share = missing(reason);
    fit = { value: null, reason };
  } else {
    if (groups.latency) {
      if (!validPosition) {
        const reason = `site position (${String(input.lat)}, ${String(input.lon)}) is not a valid latitude/longitude`;
        rttMean = missing(reason);
        rttMax = missing(reason);
        share = missing(reason);
      } else {
        const l = marketLatency(market.points, input.lat, input.lon, { rttBudgetMs: market.rttBudgetMs, routeFactor: market.routeFactor }, LATENCY);
        rttMean = known(l.rtt_mean_ms);
        rttMax = known(l.rtt_max_ms);
        share = known(l.demand_share_within_budget);
      }
    }
    if (groups.jurisdiction) {
      const site = input.jurisdiction ?? { country: null, regime: null, localization: null };
      const f = jurisdictionFit(site, market.rule, market.countries);
      fit = { value: f.fit, reason: f.reason };
    }
  }

  return {
    pue: cool.pue,
    pue_peak: cool.pue_peak,
    wue_l_per_kwh: cool.wue_l_per_kwh,
    annual_it_energy_mwh: energy.annual_it_energy_mwh,
    annual_grid_energy_mwh: energy.annual_grid_energy_mwh,
    grid_mw_peak: energy.grid_mw_peak,
    co2_location_t_per_yr: carbon.co2_location_t_per_yr,
    co2_marginal_t_per_yr: carbon.co2_marginal_t_per_yr,
    co2_market_t_per_yr: carbon.co2_market_t_per_yr,
    water_m3_per_yr: water,
    rtt_mean_ms: rttMean,
    rtt_max_ms: rttMax,
    demand_share_within_rtt_budget: share,
    jurisdiction_fit: fit,
    cooling: cool.cooling,
    power_market: market_,
  };
}

/**
 * Every metric of one site (see the module comment). Never throws for missing or invalid data inputs:
 * they become null metrics with the reason. Throws only for a malformed load profile or market, which
 * the schemas reject upstream.
 */
export function computeSiteMetrics(input: SiteMetricsInput): SiteMetrics {
  return metricsFromCooling(input, coolingEstimates(input.climate, input.load));
}

/** {@link computeSiteMetrics} for many sites (same order). */
export function computeSiteMetricsBatch(inputs: readonly SiteMetricsInput[]): SiteMetrics[] {
  const out = new Array<SiteMetrics>(inputs.length);
  for (let i = 0; i < inputs.length; i++) out[i] = computeSiteMetrics(inputs[i] as SiteMetricsInput);
  return out;
}
