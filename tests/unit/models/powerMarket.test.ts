/**
 * The power market in the engineering model (issue 15): a contracted carbon-free share counts in
 * market-based CO2 only where a corporate PPA route exists. Pure rules first, then real sites through
 * the evaluator: Bahrain (no corporate PPA route) with 90 % contracted CFE gets location-based
 * market emissions and a note; the same campus in Germany keeps the reduction; an unknown route is
 * flagged; the carbon price is a separate, opt-in cost line.
 */
import { describe, expect, it } from "vitest";
import { checkCfeRoute, powerMarketExplanation, type SitePowerMarket } from "@/server/models/powerMarket";
import { evaluateSites } from "@/server/siting/evaluate";
import { Scenario } from "@/server/schemas/scenario";
import type { Site } from "@/server/schemas/site";
import { testStore } from "../../helpers/layers";

const market = (route: string | null, over: Partial<SitePowerMarket> = {}): SitePowerMarket => ({
  corporatePpa: { value: route, citation: "Test citation", url: "https://example.org", as_of: "2025-06-30", confidence: "low" },
  carbonPriceUsdPerT: 85, carbonPriceNote: "EU ETS: USD 85/tCO2 (2025 price).", powerPriceUsdPerMwh: 100, ...over,
});

describe("checkCfeRoute", () => {
  it("no route: the share cannot count, with a note naming the citation", () => {
    const c = checkCfeRoute(0.9, market("not_permitted"));
    expect(c).toMatchObject({ cfe_route: "not_permitted", cfe_flag: "no_ppa_route", cfe_share_requested: 0.9, cfe_share_applied: 0 });
    expect(c.note).toMatch(/not permitted.*90 %.*location-based/);
    expect(c.note).toMatch(/Test citation/);
  });

  it("a route: the share counts and the route is named", () => {
    for (const route of ["physical", "virtual_only", "green_tariff_or_sleeved"]) {
      const c = checkCfeRoute(0.9, market(route));
      expect(c).toMatchObject({ cfe_route: route, cfe_flag: "route_available", cfe_share_applied: 0.9 });
    }
    expect(checkCfeRoute(0.5, market("virtual_only")).note).toMatch(/virtual \(financial\) PPA/);
  });

  it("unknown route or no value: the share is kept but flagged", () => {
    expect(checkCfeRoute(0.9, market("unknown"))).toMatchObject({ cfe_flag: "route_unknown", cfe_share_applied: 0.9 });
    const none = checkCfeRoute(0.9, market(null, { corporatePpa: { value: null, reason: "layer missing" } }));
    expect(none.cfe_flag).toBe("route_unknown");
    expect(none.note).toMatch(/layer missing/);
    expect(checkCfeRoute(0.9, null).cfe_flag).toBe("route_unknown");
  });

  it("no share claimed: nothing to check, the route is still reported", () => {
    expect(checkCfeRoute(0, market("not_permitted"))).toMatchObject({ cfe_flag: "no_cfe_claimed", cfe_share_applied: 0, cfe_route: "not_permitted" });
  });
});

describe("powerMarketExplanation: the carbon-cost line", () => {
  it("is off by default: null with the reason, never folded in", () => {
    const e = powerMarketExplanation(market("physical"), 0, 400, false);
    expect(e.carbon_price_added).toBe(false);
    expect(e.carbon_cost_usd_per_mwh.value).toBeNull();
    expect(e.carbon_cost_usd_per_mwh.reason).toMatch(/option.*off/);
    expect(e.carbon_price_usd_per_t.value).toBe(85);
  });

  it("when on: price × grid intensity per MWh, and the power cost with it as a separate line", () => {
    const e = powerMarketExplanation(market("physical"), 0, 400, true);
    expect(e.carbon_cost_usd_per_mwh.value).toBeCloseTo(34, 9); // 85 USD/t × 0.4 t/MWh
    expect(e.power_cost_with_carbon_usd_per_mwh.value).toBeCloseTo(134, 9);
    expect(e.carbon_note).toMatch(/EU ETS/);
  });

  it("no scheme: 0 cost with a note; unknown price: null with the reason", () => {
    const none = powerMarketExplanation(market("physical", { carbonPriceUsdPerT: 0, carbonPriceNote: "" }), 0, 400, true);
    expect(none.carbon_cost_usd_per_mwh.value).toBe(0);
    expect(none.carbon_note).toMatch(/No carbon tax or ETS/);
    const unknown = powerMarketExplanation(market("physical", { carbonPriceUsdPerT: { value: null, reason: "not verified" } }), 0, 400, true);
    expect(unknown.carbon_cost_usd_per_mwh.value).toBeNull();
    expect(unknown.carbon_cost_usd_per_mwh.reason).toMatch(/not verified/);
  });
});

const site = (id: string, name: string, lat: number, lon: number): Site => ({ id, name, lat, lon, overrides: {}, origin: "coordinates" });
const scenario = (over: Partial<Scenario> = {}) => Scenario.parse({
  id: "t", name: "test",
  criteria: [{ id: "mco2", source: "metric.co2_market_t_per_yr", weight: 1, valueFunction: { type: "linear", worst: 2_000_000, best: 0 } }],
  loadProfile: { itMw: 200, cooling: "air_economiser" },
  market: { name: "EU", points: [{ name: "Frankfurt", lat: 50.11, lon: 8.68, weight: 1 }], rule: { kind: "any" } },
  cfeShare: 0.9,
  ...over,
});

describe("real sites: the CFE share against the site's PPA route", () => {
  const r = evaluateSites(testStore(), [site("bhr", "Manama", 26.22, 50.58), site("deu", "Frankfurt", 50.11, 8.68), site("cn", "Beijing", 39.9, 116.4)], scenario());
  const by = Object.fromEntries(r.sites.map((s) => [s.id, s.metrics]));

  it("Bahrain (no corporate PPA route) with 90 % contracted CFE gets location-based market emissions and the note", () => {
    const m = by.bhr!;
    expect(m.co2_location_t_per_yr.value).toBeGreaterThan(0);
    expect(m.co2_market_t_per_yr.value).toBe(m.co2_location_t_per_yr.value);
    expect(m.power_market).toMatchObject({ cfe_route: "not_permitted", cfe_flag: "no_ppa_route", cfe_share_applied: 0 });
    expect(m.power_market!.note).toMatch(/Corporate PPAs are not permitted here/);
    expect(m.power_market!.route_url).toMatch(/^https:\/\//);
  });

  it("the same campus in Germany keeps the reduction, through a physical PPA", () => {
    const m = by.deu!;
    expect(m.co2_market_t_per_yr.value).toBeCloseTo(0.1 * m.co2_location_t_per_yr.value!, 6);
    expect(m.power_market).toMatchObject({ cfe_route: "physical", cfe_flag: "route_available", cfe_share_applied: 0.9 });
  });

  it("the carbon price is added as a separate line only when the scenario asks", () => {
    expect(by.deu!.power_market!.carbon_cost_usd_per_mwh.value).toBeNull();
    const on = evaluateSites(testStore(), [site("deu", "Frankfurt", 50.11, 8.68)], scenario({ carbonPriceInPowerCost: true })).sites[0]!.metrics.power_market!;
    expect(on.carbon_price_usd_per_t.value).toBe(85);
    expect(on.carbon_cost_usd_per_mwh.value).toBeGreaterThan(0);
    expect(on.power_cost_with_carbon_usd_per_mwh.value).toBeGreaterThan(on.carbon_cost_usd_per_mwh.value!);
    // The CO2 figures do not change with the cost option.
    expect(evaluateSites(testStore(), [site("deu", "Frankfurt", 50.11, 8.68)], scenario({ carbonPriceInPowerCost: true })).sites[0]!.metrics.co2_market_t_per_yr.value).toBeCloseTo(by.deu!.co2_market_t_per_yr.value!, 6);
  });

  it("the scenario option is off by default", () => {
    expect(scenario().carbonPriceInPowerCost).toBe(false);
  });
});
