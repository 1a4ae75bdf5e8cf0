/**
 * The power and renewables layers through the tRPC caller: catalog entries with legends, units and
 * licensed sources; per-value provenance and quality from `layers.sample`; the choropleth on the
 * subdivisions set; and values usable as scenario constraints ("exclude time to connect above 180 days").
 */
import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/trpc/root";
import { internalContext } from "@/server/trpc/context";
import { PLACES } from "../helpers/places";

const api = createCaller(internalContext("test"));

const POWER_LAYERS: Record<string, { unit: string; category: string; quality: string }> = {
  "power.price_usd_per_mwh": { unit: "USD/MWh", category: "power", quality: "proxy" },
  "power.price_basis": { unit: "source kind", category: "power", quality: "observed" },
  "power.time_to_connect_days": { unit: "days", category: "power", quality: "proxy" },
  "power.supply_reliability": { unit: "index 0–8", category: "power", quality: "proxy" },
  "power.saidi_hours_per_year": { unit: "h/customer/yr", category: "power", quality: "proxy" },
  "power.saifi_per_year": { unit: "interruptions/customer/yr", category: "power", quality: "proxy" },
  "renewables.pv_potential_kwh_per_kwp_day": { unit: "kWh/kWp/day", category: "renewables", quality: "proxy" },
  "renewables.ghi_kwh_m2_day": { unit: "kWh/m²/day", category: "renewables", quality: "proxy" },
  "risk.climate_readiness": { unit: "index 0–1", category: "risk", quality: "missing" },
};

describe("layers.catalog: power and renewables", () => {
  it("lists every issue-9 layer with its stable id, unit, category, quality and a legend", async () => {
    const catalog = await api.layers.catalog();
    for (const [id, want] of Object.entries(POWER_LAYERS)) {
      const layer = catalog.find((l) => l.id === id);
      expect(layer, id).toBeDefined();
      expect(layer).toMatchObject(want);
      expect(layer!.legend.kind === "continuous" ? layer!.legend.stops.length : layer!.legend.items.length, id).toBeGreaterThan(2);
    }
    expect(catalog.find((l) => l.id === "power.price_usd_per_mwh")).toMatchObject({ kind: "polygon", polygonSet: "subdivisions", direction: "lower_is_better" });
    expect(catalog.find((l) => l.id === "power.time_to_connect_days")).toMatchObject({ kind: "polygon", polygonSet: "countries" });
  });

  it("cites each dataset with its licence and the attribution line it asks for", async () => {
    const catalog = await api.layers.catalog();
    const sourcesOf = (id: string) => new Map(catalog.find((l) => l.id === id)!.sources.map((s) => [s.id, s]));
    const price = sourcesOf("power.price_usd_per_mwh");
    expect(price.get("eia-861-industrial-price")?.license).toMatch(/Public domain/);
    expect(price.get("eurostat-nrg-pc-205")?.license).toMatch(/CC BY 4\.0/);
    expect(price.get("ecb-eur-usd")?.attribution).toMatch(/European Central Bank/);
    expect(price.get("worldbank-doing-business")?.attribution).toBe("The World Bank: Doing Business (Archived data).");
    expect(sourcesOf("renewables.pv_potential_kwh_per_kwp_day").get("esmap-pv-potential")?.attribution).toMatch(/ESMAP\/World Bank\/Solargis, 2020/);
    const readiness = catalog.find((l) => l.id === "risk.climate_readiness")!;
    expect(readiness.missingReason).toMatch(/licence/);
    expect(readiness.sources.map((s) => s.id)).toContain("nd-gain");
  });

  it("labels time to connect as a relative proxy for a small connection, not a large-load interconnection", async () => {
    const layer = (await api.layers.catalog()).find((l) => l.id === "power.time_to_connect_days")!;
    expect(layer.description).toMatch(/relative proxy/);
    expect(layer.method).toMatch(/140 kVA/);
    expect(layer.method).toMatch(/100\+ MW/);
  });
});

describe("layers.sources", () => {
  it("lists the new datasets", async () => {
    const ids = (await api.layers.sources()).map((s) => s.id);
    for (const id of ["natural-earth-admin1", "eia-861-industrial-price", "eurostat-nrg-pc-205", "ecb-eur-usd", "worldbank-doing-business", "esmap-pv-potential", "nd-gain"]) {
      expect(ids).toContain(id);
    }
  });
});

describe("layers.sample: power values with provenance", () => {
  it("Dallas (Texas, EIA, observed) vs Berlin (Eurostat, observed) vs Singapore (Doing Business, proxy)", async () => {
    const res = await api.layers.sample({ points: [PLACES.dallas, PLACES.berlin, PLACES.singapore], layers: ["power.price_usd_per_mwh"] });
    const [tx, de, sg] = res.results.map((r) => r.values[0]!);
    expect(tx).toMatchObject({ value: 53.9, quality: "observed" });
    expect(res.refs[tx!.ref!]).toMatchObject({ kind: "feature", set: "subdivisions", key: "US-TX", name: "Texas, United States", source: "eia-861-industrial-price" });
    expect(de!.quality).toBe("observed");
    expect(res.refs[de!.ref!]).toMatchObject({ key: "DEU", source: "eurostat-nrg-pc-205", year: "2021S1" });
    expect(sg!.quality).toBe("proxy");
    expect(res.refs[sg!.ref!]).toMatchObject({ key: "SGP", source: "worldbank-doing-business" });
    // The point's country is still the United States.
    expect(res.results[0]!.country?.key).toBe("USA");
  });

  it("values work as constraints: 'exclude time to connect above 180 days' keeps Dubai and Berlin, drops Monrovia", async () => {
    const points = [PLACES.dubai, PLACES.berlin, { lat: 6.31, lon: -10.8 }];
    const res = await api.layers.sample({ points, layers: ["power.time_to_connect_days"] });
    const kept = res.results.filter((r) => typeof r.values[0]!.value === "number" && (r.values[0]!.value as number) <= 180);
    expect(kept.map((r) => r.country?.key)).toEqual(["ARE", "DEU"]);
  });
});

describe("layers.choropleth: the price map", () => {
  it("colours US states and countries on the subdivisions set, leaving Venezuela unfilled", async () => {
    const res = await api.layers.choropleth({ layer: "power.price_usd_per_mwh" });
    expect(res.set).toBe("subdivisions");
    const byKey = new Map(res.features.map((f) => [f.key, f]));
    expect(byKey.get("US-WA")?.color).toMatch(/^(#|rgb)/);
    expect(byKey.get("DEU")?.color).toMatch(/^(#|rgb)/);
    expect(byKey.get("VEN")).toMatchObject({ value: null, color: null });
  });
});
