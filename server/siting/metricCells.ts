/**
 * Engineering metrics for every land cell, for the suitability surface: the same per-place
 * definition as a site's (server/models/siteMetrics.ts `metricsFromCooling`), fed with the cell's
 * values — the cooling grid's PUE, peak PUE and WUE (coolingGrid.ts), the majority zone's or
 * country's intensities and jurisdiction (cell readers), and the cell centre for latency. Only the
 * metric groups the scenario's criteria read are computed.
 */
import { cellCentres, cellColumn, type CellColumn } from "@/server/layers/cellColumns";
import type { LayerStore } from "@/server/layers/store";
import { known, missing, type Estimate } from "@/server/models/estimate";
import type { Localization, Regime, SiteJurisdiction } from "@/server/models/jurisdiction";
import { metricsFromCooling, type CoolingEstimates, type MetricGroups, type MetricId, type SiteMarket, type SiteMetrics } from "@/server/models/siteMetrics";
import type { Scenario } from "@/server/schemas/scenario";
import { METRIC_SCENARIO_INPUTS } from "@/server/schemas/scenarioKey";
import { coolingCells, fixedOverhead } from "./coolingGrid";
import { layerGrid } from "./modelLayers";

const FIT_KEYS = ["allowed", "conditional", "excluded"] as const;
const NO_CLIMATE: Estimate = missing("climate: no climate normals for this cell");

/** Lets the server answer other requests during long computations. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function numericCells(store: LayerStore, id: string): Float32Array {
  const col = cellColumn(store, id, (l) => layerGrid(store, l.id));
  if (col.kind !== "numeric") throw new Error(`${id} is not numeric`);
  return col.values;
}

/** The jurisdiction of each country feature (the cell takes its majority country's). */
function countryJurisdictions(store: LayerStore): SiteJurisdiction[] {
  const regimes = store.polygonValues("sovereignty.regime");
  const localisations = store.polygonValues("sovereignty.localization");
  return store.polygons.countries.features.map((f, i) => {
    const regime = regimes[i]?.value, loc = localisations[i]?.value;
    return {
      country: (f.props.iso3 as string | null) ?? null,
      regime: typeof regime === "string" ? (regime as Regime) : null,
      localization: typeof loc === "string" ? (loc as Localization) : null,
    };
  });
}

/**
 * Per land cell, whether the scenario's CFE share can count there: false where the cell's corporate
 * PPA route (market.corporate_ppa, majority feature) is not_permitted, so market-based CO2 falls back
 * to location-based as it does for a site (server/models/powerMarket.ts). Null when the layer is
 * absent from the build or the share is 0.
 */
function cfeCountsPerCell(store: LayerStore, cfeShare: number): Uint8Array | null {
  if (cfeShare === 0 || !store.layer("market.corporate_ppa")) return null;
  const col = cellColumn(store, "market.corporate_ppa", (l) => layerGrid(store, l.id));
  if (col.kind !== "category") return null;
  const blocked = col.keys.indexOf("not_permitted");
  return Uint8Array.from(col.index, (k) => (k === blocked ? 0 : 1));
}

/** Cell columns of the requested metrics under the scenario (market already validated). */
export async function metricCellColumns(store: LayerStore, scenario: Scenario, market: SiteMarket | null, ids: readonly MetricId[]): Promise<Map<MetricId, CellColumn>> {
  const reads = new Set(ids.flatMap((id) => METRIC_SCENARIO_INPUTS[id] ?? []));
  const groups: MetricGroups = {
    energy: ids.some((id) => !["rtt_mean_ms", "rtt_max_ms", "demand_share_within_rtt_budget", "jurisdiction_fit"].includes(id)),
    latency: reads.has("marketPoints"),
    jurisdiction: reads.has("marketRule"),
  };
  const n = store.grid.landCells;
  const load = scenario.loadProfile;
  const needCooling = reads.has("archetype");
  const cooling = needCooling ? await coolingCells(store, load.cooling, load.utilisation) : null;
  const fixed = cooling && cooling.utilisation === null ? fixedOverhead(load.cooling, load.utilisation, store) : 0;
  const grid = groups.energy ? numericCells(store, "carbon.grid_intensity") : null;
  const marginal = groups.energy ? numericCells(store, "carbon.marginal_intensity") : null;
  const perCountry = groups.jurisdiction ? countryJurisdictions(store) : null;
  const cfeCounts = ids.includes("co2_market_t_per_yr") ? cfeCountsPerCell(store, scenario.cfeShare) : null;
  const countries = store.polygons.countries;
  const { lat, lon } = cellCentres(store);

  const out = new Map<MetricId, CellColumn>();
  const numeric = new Map<MetricId, Float32Array>();
  for (const id of ids) {
    if (id === "jurisdiction_fit") out.set(id, { kind: "category", keys: FIT_KEYS, index: new Int16Array(n).fill(-1) });
    else {
      const values = new Float32Array(n);
      numeric.set(id, values);
      out.set(id, { kind: "numeric", values });
    }
  }
  const fitIndex = (out.get("jurisdiction_fit") as Extract<CellColumn, { kind: "category" }> | undefined)?.index;

  const input = {
    lat: 0, lon: 0,
    gridIntensityGPerKwh: NaN as number, marginalFactorGPerKwh: NaN as number,
    cfeShare: scenario.cfeShare, load, market, jurisdiction: null as SiteJurisdiction | null,
  };
  const cool: CoolingEstimates = { pue: NO_CLIMATE, pue_peak: NO_CLIMATE, wue_l_per_kwh: NO_CLIMATE, cooling: null };
  const est = (v: number | undefined): Estimate => (v === undefined || v !== v ? NO_CLIMATE : known(v));
  // A yield every ~2 M haversines keeps a 200-point market from blocking the server for a second.
  const chunk = groups.latency && market ? Math.max(1024, Math.floor(2_000_000 / Math.max(1, market.points.count))) : 65_536;
  for (let li = 0; li < n; li++) {
    if (li > 0 && li % chunk === 0) await yieldToEventLoop();
    input.lat = lat[li]!;
    input.lon = lon[li]!;
    if (grid) {
      input.gridIntensityGPerKwh = grid[li]!;
      input.marginalFactorGPerKwh = marginal![li]!;
    }
    if (cfeCounts) input.cfeShare = cfeCounts[li] ? scenario.cfeShare : 0;
    if (perCountry) {
      const f = countries.majorityOfLandCell(li);
      input.jurisdiction = f >= 0 ? perCountry[f]! : null;
    }
    if (cooling) {
      cool.pue = est(cooling.pueBase[li]! + fixed);
      cool.pue_peak = est(cooling.puePeak[li]);
      cool.wue_l_per_kwh = est(cooling.wue[li]);
    }
    const m: SiteMetrics = metricsFromCooling(input, cool, groups);
    for (const [id, values] of numeric) {
      const v = (m[id] as Estimate).value;
      values[li] = v === null ? NaN : v;
    }
    if (fitIndex) {
      const f = m.jurisdiction_fit.value;
      fitIndex[li] = f === null ? -1 : FIT_KEYS.indexOf(f);
    }
  }
  return out;
}
