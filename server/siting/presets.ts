/**
 * Starting scenarios for the three users, each with the reasoning a user can read and change.
 * Breakpoints of value functions are stated in each criterion; market weights are GeoNames
 * populations of the named cities (so every number traces to a dataset).
 */
import type { LayerStore } from "@/server/layers/store";
import type { Market, Scenario } from "@/server/schemas/scenario";
import { fold } from "@/server/sites/gazetteer";

export interface Preset {
  id: string;
  title: string;
  forWhom: string;
  explanation: string;
  /** Why each criterion is in the preset, by criterion id. */
  reasons: Record<string, string>;
  scenario: Scenario;
}

type PresetCriterion = Scenario["criteria"][number];

/**
 * Grid access: generating capacity within 100 km, with diminishing returns — the first gigawatt
 * matters most (a 300 MW campus draws about 350 MW at the grid, so a region with less generation
 * than that needs new transmission); 5 GW or more scores fully.
 */
function gridAccess(weight: number): PresetCriterion {
  return { id: "grid", source: "power.capacity_within_100km_mw", weight, locked: false, valueFunction: { type: "piecewiseLinear", points: [[0, 0], [1000, 0.5], [5000, 1]] }, constraints: [] };
}

/**
 * Substation access: distance to the nearest plant of ≥ 500 MW, which connects at transmission
 * voltage. Within 25 km a new line is short (0.9); at 100 km it is a major project (0.5); beyond
 * 250 km the site needs its own transmission corridor (0). Gentle, because the register misses
 * substations without a large plant beside them.
 */
function substationAccess(weight: number): PresetCriterion {
  return { id: "substation", source: "power.nearest_large_plant_km", weight, locked: false, valueFunction: { type: "piecewiseLinear", points: [[0, 1], [25, 0.9], [100, 0.5], [250, 0]] }, constraints: [] };
}

/**
 * Settlement access: distance to the nearest city of ≥ 100,000 people. Within 50 km staff commute
 * daily and fibre and roads are at hand (0.9–1); at 150 km (0.5) most staff would relocate to a
 * smaller town; beyond 300 km the site is remote (0).
 */
function cityAccess(weight: number): PresetCriterion {
  return { id: "city", source: "access.nearest_city_km", weight, locked: false, valueFunction: { type: "piecewiseLinear", points: [[0, 1], [50, 0.9], [150, 0.5], [300, 0]] }, constraints: [] };
}

const GRID_REASON = "Power availability decides whether a campus can be built at all: gigawatts of generation within 100 km mark a strong regional grid (proxy from the WRI power-plant database).";
const SUBSTATION_REASON = "A large load connects at transmission voltage: a short distance to a plant of ≥ 500 MW means a short new line (proxy for the nearest high-voltage substation).";
const CITY_REASON = "Construction crews, operations staff, roads and fibre routes come with cities: the distance to the nearest city of ≥ 100,000 people stands for them.";

/**
 * Data-centre connection rules (market.large_load_restrictions, curated): a moratorium scores 0, an
 * allocation regime (capacity only through a call or tender) 0.4, special conditions 0.7, none known
 * 1; unknown 0.6, between "conditions" and "none known", because most unresearched markets have no
 * rule but some do.
 */
const LARGE_LOAD_UTILITY = { moratorium: 0, allocation_regime: 0.4, conditional: 0.7, none_known: 1, unknown: 0.6 };
const MORATORIUM_REASON = "Constraint only: a new campus cannot connect where new data-centre grid connections are halted (Dublin, the Netherlands outside its two hyperscale municipalities, northern Taiwan; data/curated/power-market.csv). Regimes with conditions or an allocation call stay in; \"unknown\" stays in too, so check the row for a shortlisted site.";

/**
 * Corporate PPA route (market.corporate_ppa, curated): a physical PPA gives delivered clean power
 * (1), a virtual PPA a financial hedge with certificates (0.8), a utility green tariff or sleeved
 * PPA depends on the utility's offer (0.5).
 */
const PPA_UTILITY = { physical: 1, virtual_only: 0.8, green_tariff_or_sleeved: 0.5, not_permitted: 0, unknown: 0.3 };
const PPA_ROUTES = ["physical", "virtual_only", "green_tariff_or_sleeved"];

const REGIME_UTILITY = { eu_eea_gdpr: 1, eu_adequacy: 0.85, comprehensive: 0.6, partial_or_draft: 0.25, none: 0 };
const FIT_UTILITY = { allowed: 1, conditional: 0.5, excluded: 0 };

/** A market from city names, weighted by their GeoNames population. */
function marketOf(store: LayerStore, name: string, cities: [string, string][], rule: Market["rule"], rttBudgetMs: number): Market {
  const all = store.pointSet("cities").points as unknown as { name: string; country: string; population: number; lat: number; lon: number }[];
  const points = cities.map(([city, country]) => {
    const hit = all.find((c) => fold(c.name) === fold(city) && c.country === country);
    if (!hit) throw new Error(`preset market ${name}: ${city} (${country}) is not in the gazetteer`);
    return { name: `${hit.name} (${hit.country})`, lat: hit.lat, lon: hit.lon, weight: hit.population };
  });
  return { name, points, rule, rttBudgetMs };
}

export function presets(store: LayerStore): Preset[] {
  const europe = (rule: Market["rule"], budget: number) => marketOf(store, "Western Europe metros", [["London", "GB"], ["Paris", "FR"], ["Berlin", "DE"], ["Madrid", "ES"], ["Milan", "IT"], ["Amsterdam", "NL"], ["Frankfurt am Main", "DE"], ["Warsaw", "PL"], ["Stockholm", "SE"]], rule, budget);
  const world = marketOf(store, "Global hubs", [["New York City", "US"], ["London", "GB"], ["Tokyo", "JP"], ["Singapore", "SG"], ["São Paulo", "BR"], ["Mumbai", "IN"]], { kind: "any" }, 150);
  return [
    {
      id: "ai-training",
      title: "AI training campus",
      forWhom: "Infrastructure planners and investors siting a 300 MW training cluster",
      explanation: "Training jobs tolerate latency, so power comes first: low carbon intensity (×3), generating capacity within 100 km (×2) and a large plant nearby (×1), cheap industrial power (×2); then cooling efficiency (PUE ×1.5) and a city within reach (×1.5); physical risk and the national time to connect count a little (×0.5 each), latency to global hubs least (×0.25). Sites under a data-centre connection moratorium are excluded. Liquid cooling with dry coolers, as dense GPU racks need.",
      reasons: {
        carbon: "A 300 MW campus uses about 2.5 TWh a year: the grid's carbon intensity decides most of its emissions.",
        grid: GRID_REASON,
        substation: SUBSTATION_REASON,
        price: "Energy is the largest operating cost of a training campus.",
        pue: "Cooling overhead multiplies every kWh; cool climates allow free cooling most of the year.",
        city: CITY_REASON,
        risk: "Hazards that vary within a country (earthquakes, cyclones, coastal floods, heat, aridity) threaten a long-lived asset, but the composite is a coarse proxy (catalogue counts, 0.5° heights) and most hazards are managed by design and insurance, so it weighs less than power and people.",
        connect: "A national indicator of how fast utilities connect loads (Doing Business, a relative proxy), so it weighs little.",
        latency: "Training tolerates latency; a little weight keeps sites within reach of the markets that use the models.",
        loadrules: MORATORIUM_REASON,
      },
      scenario: {
        id: "preset-ai-training", name: "AI training campus", preset: "ai-training",
        criteria: [
          { id: "carbon", source: "carbon.grid_intensity", weight: 3, locked: false, valueFunction: { type: "linear", worst: 600, best: 20 }, constraints: [] },
          gridAccess(2),
          substationAccess(1),
          { id: "price", source: "power.price_usd_per_mwh", weight: 2, locked: false, valueFunction: { type: "linear", worst: 200, best: 40 }, constraints: [] },
          { id: "pue", source: "metric.pue", weight: 1.5, locked: false, valueFunction: { type: "linear", worst: 1.4, best: 1.05 }, constraints: [] },
          cityAccess(1.5),
          { id: "risk", source: "risk.composite", weight: 0.5, locked: false, valueFunction: { type: "linear", worst: 0.8, best: 0.1 }, constraints: [] },
          { id: "connect", source: "power.time_to_connect_days", weight: 0.5, locked: false, valueFunction: { type: "linear", worst: 365, best: 30 }, constraints: [] },
          { id: "latency", source: "metric.rtt_mean_ms", weight: 0.25, locked: false, valueFunction: { type: "linear", worst: 250, best: 50 }, constraints: [] },
          { id: "loadrules", source: "market.large_load_restrictions", weight: 0, locked: false, valueFunction: { type: "categorical", utilities: LARGE_LOAD_UTILITY }, constraints: [{ kind: "excludedValues", values: ["moratorium"] }] },
        ],
        weighting: { mode: "direct" }, method: { method: "wsm" }, missing: "exclude",
        loadProfile: { itMw: 300, utilisation: 0.85, cooling: "dry_cooler_liquid" },
        market: world, cfeShare: 0, carbonPriceInPowerCost: false,
      },
    },
    {
      id: "inference",
      title: "Latency-sensitive inference",
      forWhom: "Planners serving users in a metro region",
      explanation: "Inference answers users in real time: mean round trip to the market's metros first (×4) and the share of demand within a 10 ms budget (×2); then generating capacity nearby (×1), a city within reach (×1), carbon (×1), power price (×1) and risk (×1). Sites more than 20 ms from the market's metros on average are excluded.",
      reasons: {
        rtt: "Users wait for every answer: round-trip time to the market decides the experience.",
        reach: "The share of the market's people a site can serve within the latency budget.",
        grid: GRID_REASON,
        substation: SUBSTATION_REASON,
        city: CITY_REASON,
        carbon: "Emissions of the energy the site draws.",
        price: "Energy cost of running the inference fleet.",
        risk: "Hazards that vary within a country (earthquakes, cyclones, coastal floods, heat, aridity).",
      },
      scenario: {
        id: "preset-inference", name: "Latency-sensitive inference", preset: "inference",
        criteria: [
          { id: "rtt", source: "metric.rtt_mean_ms", weight: 4, locked: false, valueFunction: { type: "linear", worst: 20, best: 2 }, constraints: [{ kind: "excludeAbove", value: 20 }] },
          { id: "reach", source: "metric.demand_share_within_rtt_budget", weight: 2, locked: false, valueFunction: { type: "linear", worst: 0, best: 1 }, constraints: [] },
          gridAccess(1),
          cityAccess(1),
          { id: "carbon", source: "carbon.grid_intensity", weight: 1, locked: false, valueFunction: { type: "linear", worst: 600, best: 20 }, constraints: [] },
          { id: "price", source: "power.price_usd_per_mwh", weight: 1, locked: false, valueFunction: { type: "linear", worst: 200, best: 40 }, constraints: [] },
          { id: "risk", source: "risk.composite", weight: 1, locked: false, valueFunction: { type: "linear", worst: 0.8, best: 0.1 }, constraints: [] },
        ],
        weighting: { mode: "direct" }, method: { method: "wsm" }, missing: "exclude",
        loadProfile: { itMw: 60, utilisation: 0.7, cooling: "evaporative_assist" },
        market: europe({ kind: "any" }, 10), cfeShare: 0, carbonPriceInPowerCost: false,
      },
    },
    {
      id: "sovereign",
      title: "Sovereign cloud for a jurisdiction",
      forWhom: "Government teams and providers hosting data under one legal regime",
      explanation: "A hard constraint keeps only sites where the market's data may lawfully stay (here EU/EEA data under the GDPR: only EU/EEA sites; change the allowed regimes for another jurisdiction). Among those: carbon first (×3), then generating capacity nearby (×1.5), a city within reach (×1), cooling efficiency (×1), power price (×1) and risk (×1).",
      reasons: {
        regime: "Constraint only: the data-protection regime must be the GDPR.",
        fit: "Constraint only: the site's jurisdiction must allow the market's data.",
        carbon: "Public cloud for a government is held to its climate commitments.",
        grid: GRID_REASON,
        substation: SUBSTATION_REASON,
        city: CITY_REASON,
        pue: "Cooling overhead multiplies every kWh.",
        price: "Energy cost of running a cloud region for the public sector.",
        risk: "Hazards that vary within a country (earthquakes, cyclones, coastal floods, heat, aridity).",
      },
      scenario: {
        id: "preset-sovereign", name: "Sovereign cloud (EU/EEA)", preset: "sovereign",
        criteria: [
          { id: "regime", source: "sovereignty.regime", weight: 0, locked: false, valueFunction: { type: "categorical", utilities: REGIME_UTILITY }, constraints: [{ kind: "allowedValues", values: ["eu_eea_gdpr"] }] },
          { id: "fit", source: "metric.jurisdiction_fit", weight: 0, locked: false, valueFunction: { type: "categorical", utilities: FIT_UTILITY }, constraints: [{ kind: "excludedValues", values: ["excluded"] }] },
          { id: "carbon", source: "carbon.grid_intensity", weight: 3, locked: false, valueFunction: { type: "linear", worst: 600, best: 20 }, constraints: [] },
          gridAccess(1.5),
          cityAccess(1),
          { id: "pue", source: "metric.pue", weight: 1, locked: false, valueFunction: { type: "linear", worst: 1.4, best: 1.05 }, constraints: [] },
          { id: "price", source: "power.price_usd_per_mwh", weight: 1, locked: false, valueFunction: { type: "linear", worst: 200, best: 40 }, constraints: [] },
          { id: "risk", source: "risk.composite", weight: 1, locked: false, valueFunction: { type: "linear", worst: 0.8, best: 0.1 }, constraints: [] },
        ],
        weighting: { mode: "direct" }, method: { method: "wsm" }, missing: "exclude",
        loadProfile: { itMw: 100, utilisation: 0.7, cooling: "evaporative_assist" },
        market: europe({ kind: "allowed_regimes", regimes: ["eu_eea_gdpr"] }, 30), cfeShare: 0, carbonPriceInPowerCost: false,
      },
    },
    {
      id: "water-averse",
      title: "Water-stress averse",
      forWhom: "Investors and regulators wary of cooling water in dry basins",
      explanation: "Sites in countries of high or extremely high baseline water stress (Aqueduct category ≥ 3) are excluded; among the rest, low water use per kWh (WUE ×3), a humid local water balance (aridity index ×2) and low country drought risk (×1) count, then carbon (×2), generating capacity nearby (×1.5), a city within reach (×1) and cooling efficiency (×1). Liquid cooling with dry coolers, which uses almost no water.",
      reasons: {
        stress: "Country-level baseline water stress (Aqueduct); categories 3–4 are excluded outright.",
        wue: "Site water per kWh from the cooling model: what the campus itself evaporates.",
        aridity: "The local water balance (precipitation over evaporative demand) varies inside a country, where the Aqueduct categories do not: a humid basin has water to spare.",
        drought: "Country-level drought risk (Aqueduct).",
        carbon: "Emissions of the energy the site draws.",
        grid: GRID_REASON,
        substation: SUBSTATION_REASON,
        city: CITY_REASON,
        pue: "Cooling overhead multiplies every kWh.",
      },
      scenario: {
        id: "preset-water-averse", name: "Water-stress averse", preset: "water-averse",
        criteria: [
          { id: "stress", source: "risk.water_stress", weight: 2, locked: false, valueFunction: { type: "linear", worst: 4, best: 0 }, constraints: [{ kind: "excludeAbove", value: 2 }] },
          { id: "wue", source: "metric.wue_l_per_kwh", weight: 3, locked: false, valueFunction: { type: "linear", worst: 1.8, best: 0 }, constraints: [] },
          { id: "aridity", source: "water.aridity_index", weight: 2, locked: false, valueFunction: { type: "piecewiseLinear", points: [[0.05, 0], [0.2, 0.3], [0.5, 0.7], [0.65, 0.85], [1, 1]] }, constraints: [] },
          { id: "drought", source: "risk.drought", weight: 1, locked: false, valueFunction: { type: "linear", worst: 4, best: 0 }, constraints: [] },
          { id: "carbon", source: "carbon.grid_intensity", weight: 2, locked: false, valueFunction: { type: "linear", worst: 600, best: 20 }, constraints: [] },
          gridAccess(1.5),
          cityAccess(1),
          { id: "pue", source: "metric.pue", weight: 1, locked: false, valueFunction: { type: "linear", worst: 1.4, best: 1.05 }, constraints: [] },
        ],
        weighting: { mode: "direct" }, method: { method: "wsm" }, missing: "renormalize",
        loadProfile: { itMw: 150, utilisation: 0.8, cooling: "dry_cooler_liquid" },
        market: europe({ kind: "any" }, 30), cfeShare: 0, carbonPriceInPowerCost: false,
      },
    },
    {
      id: "clean-power",
      title: "Carbon-free power campus",
      forWhom: "Planners and investors who must show 90 % contracted carbon-free energy (market-based Scope 2)",
      explanation: "The campus contracts 90 % of its energy as carbon-free (PPAs and certificates), so a corporate PPA route is required: sites where PPAs are not permitted, or the route is unknown, are excluded, as are sites under a data-centre connection moratorium. Among the rest: market-based CO2 (×2) and grid carbon intensity for the uncovered share and the grid's own decarbonisation (×2), low-carbon generating capacity within 100 km that PPAs can contract (×2), the PPA route itself (physical over virtual over utility green tariff, ×1.5), generating capacity nearby (×1), cooling efficiency (×1), power price (×1) and a city within reach (×1). The carbon price is shown as a separate cost line.",
      reasons: {
        ppa: "Constraint and criterion: a 90 % carbon-free claim needs a legal route to contract new wind or solar (data/curated/power-market.csv); without one the market-based figure falls back to location-based. A physical PPA delivers the power, a virtual PPA hedges it financially with certificates, a green tariff depends on the utility's offer.",
        loadrules: MORATORIUM_REASON,
        market_co2: "What the campus reports under the GHG Protocol market method: the uncovered 10 % at the grid's intensity (0 where the route exists and the share is met).",
        carbon: "The uncovered share, and the grid the campus leans on when contracted supply is short, emit at the grid's intensity.",
        clean_capacity: "Hydro, nuclear, wind, solar and geothermal capacity within 100 km: the supply a PPA can contract nearby (WRI power-plant database, a proxy).",
        grid: GRID_REASON,
        pue: "Cooling overhead multiplies every kWh that must be contracted.",
        price: "Energy cost of the share bought from the grid.",
        city: CITY_REASON,
      },
      scenario: {
        id: "preset-clean-power", name: "Carbon-free power campus", preset: "clean-power",
        criteria: [
          { id: "ppa", source: "market.corporate_ppa", weight: 1.5, locked: false, valueFunction: { type: "categorical", utilities: PPA_UTILITY }, constraints: [{ kind: "allowedValues", values: PPA_ROUTES }] },
          { id: "loadrules", source: "market.large_load_restrictions", weight: 0, locked: false, valueFunction: { type: "categorical", utilities: LARGE_LOAD_UTILITY }, constraints: [{ kind: "excludedValues", values: ["moratorium"] }] },
          { id: "market_co2", source: "metric.co2_market_t_per_yr", weight: 2, locked: false, valueFunction: { type: "linear", worst: 200_000, best: 0 }, constraints: [] },
          { id: "carbon", source: "carbon.grid_intensity", weight: 2, locked: false, valueFunction: { type: "linear", worst: 600, best: 20 }, constraints: [] },
          { id: "clean_capacity", source: "power.low_carbon_capacity_within_100km_mw", weight: 2, locked: false, valueFunction: { type: "piecewiseLinear", points: [[0, 0], [500, 0.5], [3000, 1]] }, constraints: [] },
          gridAccess(1),
          { id: "pue", source: "metric.pue", weight: 1, locked: false, valueFunction: { type: "linear", worst: 1.4, best: 1.05 }, constraints: [] },
          { id: "price", source: "power.price_usd_per_mwh", weight: 1, locked: false, valueFunction: { type: "linear", worst: 200, best: 40 }, constraints: [] },
          cityAccess(1),
        ],
        weighting: { mode: "direct" }, method: { method: "wsm" }, missing: "exclude",
        loadProfile: { itMw: 200, utilisation: 0.85, cooling: "dry_cooler_liquid" },
        market: world, cfeShare: 0.9, carbonPriceInPowerCost: true,
      },
    },
  ];
}
