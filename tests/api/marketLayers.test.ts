/**
 * The power-market layers through the tRPC caller (issue 15): catalog entries with legends and the
 * curated source; values with their citation from `layers.sample`; and the layers as hard
 * constraints of a scenario ("require a corporate PPA route", "exclude sites under a moratorium").
 */
import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/trpc/root";
import { internalContext } from "@/server/trpc/context";
import { Scenario } from "@/server/schemas/scenario";
import type { Site } from "@/server/schemas/site";

const api = createCaller(internalContext("test"));
const s = (id: string, name: string, lat: number, lon: number): Site => ({ id, name, lat, lon, overrides: {}, origin: "coordinates" });
const SITES = [s("dub", "Dublin", 53.35, -6.26), s("fra", "Frankfurt", 50.11, 8.68), s("bhr", "Manama", 26.22, 50.58), s("lul", "Luleå", 65.58, 22.15), s("dal", "Dallas", 32.78, -96.8)];

const MARKET = ["market.structure", "market.corporate_ppa", "market.eac_system", "market.carbon_price_usd_per_t", "market.large_load_restrictions"];

describe("layers.catalog: power market", () => {
  it("lists the five layers with the curated source, legends and units", async () => {
    const catalog = await api.layers.catalog();
    for (const id of MARKET) {
      const layer = catalog.find((l) => l.id === id)!;
      expect(layer, id).toBeDefined();
      expect(layer.category).toBe("market");
      expect(layer.polygonSet).toBe("subdivisions");
      const src = layer.sources.find((x) => x.id === "curated-power-market")!;
      expect(src.publisher).toMatch(/Siting Atlas/);
      expect(src.license).toMatch(/AGPL/);
      expect(layer.vintage).toMatch(/^as of \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
      if (id === "market.carbon_price_usd_per_t") {
        expect(layer.unit).toBe("USD/tCO2");
        expect(layer.legend.kind).toBe("continuous");
      } else {
        expect(layer.legend.kind).toBe("categorical");
        if (layer.legend.kind === "categorical") expect(layer.legend.items.map((i) => i.key)).toContain("unknown");
      }
    }
  });
});

describe("layers.sample: power market with citations", () => {
  it("Dublin's connection restriction, Bahrain's single buyer and Shanghai's pilot price, each cited", async () => {
    const r = await api.layers.sample({ points: [{ lat: 53.35, lon: -6.26 }, { lat: 26.22, lon: 50.58 }, { lat: 31.23, lon: 121.47 }, { lat: 30.66, lon: 104.06 }], layers: MARKET });
    const at = (p: number, id: string) => r.results[p]!.values[r.layers.indexOf(id)]!;
    const ref = (p: number, id: string) => r.refs[at(p, id).ref!]!;
    expect(at(0, "market.large_load_restrictions").value).toBe("moratorium");
    expect(ref(0, "market.large_load_restrictions")).toMatchObject({ kind: "feature", key: "IE-D", source: "curated-power-market" });
    expect(at(1, "market.structure")).toMatchObject({ value: "single_buyer", label: expect.stringMatching(/Single buyer/) });
    const bhr = ref(1, "market.structure");
    if (bhr.kind !== "feature") throw new Error("no feature ref");
    expect(bhr.citation).toBeTruthy();
    expect(bhr.url).toMatch(/^https:\/\//);
    expect(bhr.year).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(at(2, "market.carbon_price_usd_per_t").value).not.toBe(at(3, "market.carbon_price_usd_per_t").value);
  });
});

const scenario = (criteria: unknown[]) => Scenario.parse({
  id: "t", name: "test", criteria,
  loadProfile: { itMw: 200, cooling: "air_economiser" },
  market: { name: "EU", points: [{ name: "Frankfurt", lat: 50.11, lon: 8.68, weight: 1 }], rule: { kind: "any" } },
  cfeShare: 0.9,
});

describe("scoring.rank: market layers as criteria and hard constraints", () => {
  it("'require a corporate PPA route' excludes Bahrain, 'exclude moratoria' excludes Dublin, each with the reason", async () => {
    const r = await api.scoring.rank({
      sites: SITES,
      scenario: scenario([
        { id: "carbon", source: "carbon.grid_intensity", weight: 1, valueFunction: { type: "linear", worst: 700, best: 0 } },
        { id: "ppa", source: "market.corporate_ppa", weight: 1, valueFunction: { type: "categorical", utilities: { physical: 1, virtual_only: 0.8, green_tariff_or_sleeved: 0.5, not_permitted: 0, unknown: 0.3 } }, constraints: [{ kind: "allowedValues", values: ["physical", "virtual_only", "green_tariff_or_sleeved"] }] },
        { id: "load", source: "market.large_load_restrictions", weight: 0, valueFunction: { type: "categorical", utilities: { none_known: 1, conditional: 0.7, allocation_regime: 0.4, moratorium: 0, unknown: 0.6 } }, constraints: [{ kind: "excludedValues", values: ["moratorium"] }] },
      ]),
    });
    const by = Object.fromEntries(r.sites.map((x) => [x.id, x]));
    expect(by.bhr!.excluded).toBe(true);
    expect(by.bhr!.exclusionReasons.join(" ")).toMatch(/Corporate PPA route/);
    expect(by.dub!.excluded).toBe(true);
    expect(by.dub!.exclusionReasons.join(" ")).toMatch(/connection restrictions/);
    for (const id of ["fra", "lul", "dal"]) expect(by[id]!.excluded, id).toBe(false);
    // Each site names the route that makes its market-based figure possible.
    expect(by.fra!.metrics.power_market?.cfe_route).toBe("physical");
    expect(by.bhr!.metrics.power_market?.cfe_flag).toBe("no_ppa_route");
  });

  it("the carbon-free power preset requires a PPA route and excludes moratoria", async () => {
    const preset = (await api.scoring.presets()).find((p) => p.id === "clean-power")!;
    expect(preset.reasons.ppa).toMatch(/route/);
    const r = await api.scoring.rank({ sites: SITES, scenario: preset.scenario });
    const by = Object.fromEntries(r.sites.map((x) => [x.id, x]));
    expect(by.bhr!.excluded).toBe(true);
    expect(by.dub!.excluded).toBe(true);
    expect(r.sites.some((x) => x.rank === 1)).toBe(true);
    expect(by.fra!.metrics.power_market?.carbon_cost_usd_per_mwh.value).toBeGreaterThan(0);
  });

  it("a categorical market layer reads as its category key in the breakdown", async () => {
    const r = await api.scoring.rank({
      sites: SITES.slice(0, 2),
      scenario: scenario([{ id: "ppa", source: "market.corporate_ppa", weight: 1, valueFunction: { type: "categorical", utilities: { physical: 1 } } }]),
    });
    expect(r.sites.every((x) => x.criteria[0]!.raw === "physical")).toBe(true);
  });
});

describe("surface.bestLocations: market layers on the grid cell path", () => {
  it("with moratoria excluded, Ireland's best cells lie outside the Dublin region; with a PPA route required, Bahrain has none", async () => {
    const scn = scenario([
      { id: "carbon", source: "carbon.grid_intensity", weight: 1, valueFunction: { type: "linear", worst: 700, best: 0 } },
      { id: "city", source: "access.nearest_city_km", weight: 3, valueFunction: { type: "linear", worst: 300, best: 0 } },
      { id: "load", source: "market.large_load_restrictions", weight: 0, valueFunction: { type: "categorical", utilities: { none_known: 1, conditional: 0.7, allocation_regime: 0.4, moratorium: 0, unknown: 0.6 } }, constraints: [{ kind: "excludedValues", values: ["moratorium"] }] },
      { id: "ppa", source: "market.corporate_ppa", weight: 1, valueFunction: { type: "categorical", utilities: { physical: 1, virtual_only: 0.8, green_tariff_or_sleeved: 0.5, not_permitted: 0, unknown: 0.3 } }, constraints: [{ kind: "allowedValues", values: ["physical", "virtual_only", "green_tariff_or_sleeved"] }] },
    ]);
    const ie = await api.surface.bestLocations({ scenario: scn, region: { kind: "country", country: "IRL" }, count: 5, minDistanceKm: 20, plausibility: { enabled: false } });
    expect(ie.locations.length).toBeGreaterThan(0);
    const sampled = await api.layers.sample({ points: ie.locations.map((l) => ({ lat: l.lat, lon: l.lon })), layers: ["market.large_load_restrictions"] });
    for (const p of sampled.results) expect(p.values[0]!.value).not.toBe("moratorium");
    const bh = await api.surface.bestLocations({ scenario: scn, region: { kind: "country", country: "BHR" }, count: 5, minDistanceKm: 5, plausibility: { enabled: false } });
    expect(bh.locations).toHaveLength(0);
  });
});
