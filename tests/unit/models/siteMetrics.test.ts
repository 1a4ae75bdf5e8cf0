// All metrics of a site from one plain input (server/models/siteMetrics.ts), the null rule end to end,
// the one list of metric fields, and the cost of 5,000 sites.
import { describe, expect, it } from "vitest";
import { coolingModel } from "@/server/models/cooling";
import { LoadProfile } from "@/server/models/loadProfile";
import { rttBetweenMs } from "@/server/models/latency";
import {
  computeSiteMetrics,
  computeSiteMetricsBatch,
  METRIC_EXPLANATION_KEYS,
  METRIC_FIELDS,
  prepareSiteMarket,
  type SiteMetrics,
  type SiteMetricsInput,
} from "@/server/models/siteMetrics";
import { ALL_SITE_IDS, climateOf, fixtureSite } from "./climate/sites";

const EU_MARKET = prepareSiteMarket({
  name: "EU core",
  points: [
    { name: "Paris", lat: 48.8566, lon: 2.3522, weight: 11 },
    { name: "Frankfurt", lat: 50.1109, lon: 8.6821, weight: 2.3 },
    { name: "Amsterdam", lat: 52.3676, lon: 4.9041, weight: 2.4 },
  ],
  rttBudgetMs: 10,
  rule: { kind: "eu_gdpr_transfer" },
});

function dublinInput(over: Partial<SiteMetricsInput> = {}): SiteMetricsInput {
  const s = fixtureSite("dublin");
  return {
    lat: s.lat,
    lon: s.lon,
    climate: climateOf("dublin"),
    gridIntensityGPerKwh: { value: 300, reason: null },
    marginalFactorGPerKwh: 450,
    cfeShare: 0.6,
    load: LoadProfile.parse({ itMw: 100, cooling: "evaporative_assist" }),
    market: EU_MARKET,
    jurisdiction: { country: "IRL", regime: "eu_eea_gdpr", localization: "none" },
    ...over,
  };
}

describe("computeSiteMetrics: a complete site", () => {
  const m = computeSiteMetrics(dublinInput());
  const model = coolingModel(climateOf("dublin"), "evaporative_assist", 0.8);

  it("cooling metrics are the cooling model's", () => {
    expect(m.pue.value).toBeCloseTo(model.pue, 12);
    expect(m.pue_peak.value).toBeCloseTo(model.pue_peak, 12);
    expect(m.wue_l_per_kwh.value).toBeCloseTo(model.wue_l_per_kwh, 12);
    expect(m.cooling?.economiser_hours).toBeCloseTo(model.economiser_hours, 9);
  });

  it("energy, carbon and water follow from them", () => {
    const it = 100 * 0.8 * 8760;
    const grid = it * model.pue;
    expect(m.annual_it_energy_mwh.value).toBe(it);
    expect(m.annual_grid_energy_mwh.value).toBeCloseTo(grid, 6);
    expect(m.grid_mw_peak.value).toBeCloseTo(100 * model.pue_peak, 9);
    expect(m.co2_location_t_per_yr.value).toBeCloseTo((grid * 300) / 1000, 6);
    expect(m.co2_marginal_t_per_yr.value).toBeCloseTo((grid * 450) / 1000, 6);
    expect(m.co2_market_t_per_yr.value).toBeCloseTo((grid * 0.4 * 300) / 1000, 6);
    expect(m.water_m3_per_yr.value).toBeCloseTo(it * model.wue_l_per_kwh, 6);
  });

  it("latency and jurisdiction for the market", () => {
    const s = fixtureSite("dublin");
    const toParis = rttBetweenMs(s.lat, s.lon, 48.8566, 2.3522);
    expect(m.rtt_max_ms.value).toBeGreaterThanOrEqual(toParis);
    expect(m.rtt_mean_ms.value).toBeGreaterThan(10);
    expect(m.demand_share_within_rtt_budget.value).toBe(0); // all three cities are > 10 ms from Dublin
    expect(m.jurisdiction_fit.value).toBe("allowed");
    expect(m.jurisdiction_fit.reason).toMatch(/GDPR/);
  });
});

describe("computeSiteMetrics: the null rule end to end", () => {
  it("no climate → PUE, WUE, grid energy, peak, CO2 and water null with the climate's reason; IT energy, latency and fit present", () => {
    const m = computeSiteMetrics(dublinInput({ climate: { value: null, reason: "no ITU grid value at sea" } }));
    for (const k of ["pue", "pue_peak", "wue_l_per_kwh", "annual_grid_energy_mwh", "grid_mw_peak", "co2_location_t_per_yr", "co2_marginal_t_per_yr", "co2_market_t_per_yr", "water_m3_per_yr"] as const) {
      expect(m[k].value, k).toBeNull();
      expect(m[k].reason, k).toMatch(/no ITU grid value at sea/);
    }
    expect(m.annual_it_energy_mwh.value).toBe(700_800);
    expect(m.rtt_mean_ms.value).not.toBeNull();
    expect(m.cooling).toBeNull();
  });

  it("an invalid climate is reported with the bad field, not thrown", () => {
    const m = computeSiteMetrics(dublinInput({ climate: { ...climateOf("dublin"), rho10Gm3: 999 } }));
    expect(m.pue.value).toBeNull();
    expect(m.pue.reason).toMatch(/rho10Gm3/);
  });

  it("no market → latency and fit null with the reason; everything else present", () => {
    const m = computeSiteMetrics(dublinInput({ market: null }));
    expect(m.rtt_mean_ms).toEqual({ value: null, reason: "no market chosen" });
    expect(m.jurisdiction_fit).toEqual({ value: null, reason: "no market chosen" });
    expect(m.pue.value).not.toBeNull();
  });

  it("a missing grid intensity and CFE share null only the figures that need them", () => {
    const m = computeSiteMetrics(dublinInput({ gridIntensityGPerKwh: { value: null, reason: "no zone" }, cfeShare: null }));
    expect(m.co2_location_t_per_yr.reason).toBe("grid intensity: no zone");
    expect(m.co2_market_t_per_yr.reason).toBe("grid intensity: no zone; carbon-free energy share: no value given");
    expect(m.co2_marginal_t_per_yr.value).not.toBeNull();
    expect(m.water_m3_per_yr.value).not.toBeNull();
  });

  it("unknown jurisdiction → conditional with a reason to check", () => {
    const m = computeSiteMetrics(dublinInput({ jurisdiction: null }));
    expect(m.jurisdiction_fit.value).toBe("conditional");
  });

  it("a bad position nulls the latency metrics with the reason", () => {
    const m = computeSiteMetrics(dublinInput({ lat: 95 }));
    expect(m.rtt_mean_ms.value).toBeNull();
    expect(m.rtt_mean_ms.reason).toMatch(/latitude/);
  });
});

describe("METRIC_FIELDS: one list for legends, tables and reports", () => {
  const m = computeSiteMetrics(dublinInput());

  it("lists every metric of SiteMetrics exactly once, in the same names", () => {
    const metricKeys = Object.keys(m).filter((k) => !(METRIC_EXPLANATION_KEYS as readonly string[]).includes(k)).sort();
    expect(METRIC_FIELDS.map((f) => f.id).sort()).toEqual(metricKeys);
    expect(new Set(METRIC_FIELDS.map((f) => f.id)).size).toBe(METRIC_FIELDS.length);
  });

  it("each field has a title, a direction, a one-line description and a criterion id; units appear in the names", () => {
    for (const f of METRIC_FIELDS) {
      expect(f.title.length).toBeGreaterThan(2);
      expect(["lower_is_better", "higher_is_better"]).toContain(f.direction);
      expect(f.description.length).toBeGreaterThan(20);
      expect(f.description).not.toMatch(/\n/);
      expect(f.sourceId).toBe(`metric.${f.id}`);
      expect(f.sourceId).toMatch(/^[a-z]+\.[a-z0-9_]+$/); // the scenario schema's LayerOrMetricId
    }
    const unitOf = (id: string) => METRIC_FIELDS.find((f) => f.id === id)?.unit;
    expect(unitOf("annual_grid_energy_mwh")).toBe("MWh/yr");
    expect(unitOf("co2_location_t_per_yr")).toBe("tCO2/yr");
    expect(unitOf("water_m3_per_yr")).toBe("m³/yr");
    expect(unitOf("rtt_mean_ms")).toBe("ms");
    expect(unitOf("wue_l_per_kwh")).toBe("L/kWh");
  });
});

describe("computeSiteMetrics: 5,000 sites", () => {
  it("are computed in well under two seconds with a 200-point market (a loose bound for slow CI; ~0.3–0.4 s on a laptop)", () => {
    const market = prepareSiteMarket({
      points: Array.from({ length: 200 }, (_, i) => ({ lat: 35 + (i % 20), lon: -10 + Math.floor(i / 20) * 3, weight: 1 + i })),
      rttBudgetMs: 20,
      rule: { kind: "eu_gdpr_transfer" },
    });
    const archetypes = ["air_economiser", "evaporative_assist", "dry_cooler_liquid"] as const;
    const inputs: SiteMetricsInput[] = Array.from({ length: 5000 }, (_, i) => {
      const id = ALL_SITE_IDS[i % ALL_SITE_IDS.length] as string;
      const s = fixtureSite(id);
      return {
        lat: s.lat,
        lon: s.lon,
        climate: climateOf(id),
        gridIntensityGPerKwh: 100 + (i % 700),
        marginalFactorGPerKwh: 400,
        cfeShare: 0.5,
        load: { itMw: 200, utilisation: 0.8, cooling: archetypes[i % 3] as (typeof archetypes)[number] },
        market,
        jurisdiction: { country: "FRA", regime: "eu_eea_gdpr", localization: "none" },
      };
    });
    computeSiteMetricsBatch(inputs.slice(0, 50)); // warm up
    const t0 = performance.now();
    const out: SiteMetrics[] = computeSiteMetricsBatch(inputs);
    const ms = performance.now() - t0;
    expect(out).toHaveLength(5000);
    expect(out.every((m) => m.pue.value !== null && m.pue.value >= 1)).toBe(true);
    expect(ms).toBeLessThan(2000);
  });
});
