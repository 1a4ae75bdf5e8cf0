/** The layer API through tRPC's server-side caller: shapes, provenance, and every kind of bad input. */
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/trpc/root";
import { internalContext } from "@/server/trpc/context";
import { PLACES } from "../helpers/places";

const api = createCaller(internalContext("test"));

const REQUIRED_IDS = [
  "carbon.grid_intensity", "carbon.low_carbon_share", "carbon.marginal_intensity",
  "cooling.annual_mean_temp_c", "cooling.warmest_month_temp_c", "cooling.design_wet_bulb_c", "cooling.free_cooling_hours", "cooling.koppen",
  "risk.seismic", "risk.cyclone", "risk.coastal_exposure", "risk.heat", "risk.water_stress", "risk.flood", "risk.composite",
  "sovereignty.regime", "sovereignty.localization",
  "connectivity.population_within_10ms", "connectivity.nearest_cloud_region_km",
];

async function badRequest(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    return (err as TRPCError).message;
  }
  throw new Error("expected a BAD_REQUEST error");
}

describe("layers.catalog", () => {
  it("lists every required layer with unit, direction, quality, legend and sources", async () => {
    const catalog = await api.layers.catalog();
    const ids = catalog.map((l) => l.id);
    for (const id of REQUIRED_IDS) expect(ids).toContain(id);
    for (const layer of catalog) {
      expect(layer.unit, layer.id).toBeTruthy();
      expect(["observed", "modelled", "proxy", "missing"]).toContain(layer.quality);
      expect(layer.sources.length, layer.id).toBeGreaterThan(0);
      for (const s of layer.sources) {
        expect(s.publisher && s.license && s.vintage && s.url, `${layer.id} → ${s.id}`).toBeTruthy();
      }
      if (layer.legend.kind === "continuous") expect(layer.legend.stops.length).toBeGreaterThan(2);
      else expect(layer.legend.items.length).toBeGreaterThan(1);
    }
  });

  it("keeps lifecycle and production-based carbon intensity as separate layers with different sources", async () => {
    const catalog = await api.layers.catalog();
    const em = catalog.find((l) => l.id === "carbon.grid_intensity")!;
    const ember = catalog.find((l) => l.id === "carbon.grid_intensity_production")!;
    expect(em.sources.map((s) => s.id)).toContain("electricitymaps-yearly");
    expect(em.sources.map((s) => s.id)).not.toContain("ember-yearly");
    expect(ember.sources.map((s) => s.id)).toContain("ember-yearly");
  });

  it("labels proxies as proxies and marks non-commercial sources", async () => {
    const catalog = await api.layers.catalog();
    expect(catalog.find((l) => l.id === "risk.seismic")!.quality).toBe("proxy");
    expect(catalog.find((l) => l.id === "connectivity.nearest_ix_km")!.nonCommercial).toBe(true);
    expect(catalog.find((l) => l.id === "carbon.grid_intensity")!.nonCommercial).toBe(false);
  });
});

describe("layers.sample", () => {
  it("returns every layer at each point with quality, and provenance by reference", async () => {
    const res = await api.layers.sample({ points: [PLACES.oslo, PLACES.singapore] });
    expect(res.results).toHaveLength(2);
    expect(res.layers.length).toBeGreaterThanOrEqual(REQUIRED_IDS.length);
    const oslo = res.results[0]!;
    expect(oslo.country?.key).toBe("NOR");
    expect(oslo.gridZone?.key).toBe("NO-NO1");
    expect(oslo.zone, "deprecated alias for one release").toEqual(oslo.gridZone);
    const k = res.layers.indexOf("carbon.grid_intensity");
    const v = oslo.values[k]!;
    expect(typeof v.value).toBe("number");
    expect(v.quality).toBe("observed");
    const ref = res.refs[v.ref!]!;
    expect(ref).toMatchObject({ kind: "feature", set: "zones", key: "NO-NO1", source: "electricitymaps-yearly" });
    expect(ref.kind === "feature" && ref.year).toMatch(/^20\d\d$/);
  });

  it("samples only the requested layers, in the requested order", async () => {
    const res = await api.layers.sample({ points: [PLACES.paris], layers: ["risk.seismic", "carbon.grid_intensity"] });
    expect(res.layers).toEqual(["risk.seismic", "carbon.grid_intensity"]);
    expect(res.results[0]!.values).toHaveLength(2);
  });

  it("rejects an out-of-range latitude, naming the point and field", async () => {
    expect(await badRequest(api.layers.sample({ points: [PLACES.paris, { lat: 91, lon: 0 }] }))).toMatch(/points\.1\.lat/);
  });

  it("rejects a longitude outside −180…180", async () => {
    expect(await badRequest(api.layers.sample({ points: [{ lat: 0, lon: 200 }] }))).toMatch(/points\.0\.lon/);
  });

  it("rejects NaN and non-numbers", async () => {
    expect(await badRequest(api.layers.sample({ points: [{ lat: Number.NaN, lon: 0 }] }))).toMatch(/points\.0\.lat/);
    expect(await badRequest(api.layers.sample({ points: [{ lat: "48.8" as unknown as number, lon: 2 }] }))).toMatch(/points\.0\.lat/);
  });

  it("rejects a missing coordinate and unknown fields", async () => {
    expect(await badRequest(api.layers.sample({ points: [{ lat: 1 } as { lat: number; lon: number }] }))).toMatch(/points\.0\.lon/);
    expect(await badRequest(api.layers.sample({ points: [{ lat: 1, lon: 1, alt: 3 } as { lat: number; lon: number }] }))).toMatch(/points\.0/);
  });

  it("rejects an unknown layer id, naming it and its position", async () => {
    const msg = await badRequest(api.layers.sample({ points: [PLACES.paris], layers: ["risk.seismic", "risk.volcano"] }));
    expect(msg).toMatch(/layers\.1: unknown layer id "risk\.volcano"/);
  });

  it("rejects a malformed layer id", async () => {
    expect(await badRequest(api.layers.sample({ points: [PLACES.paris], layers: ["../etc/passwd"] }))).toMatch(/layers\.0/);
  });

  it("rejects an empty request and more than 10,000 points", async () => {
    expect(await badRequest(api.layers.sample({ points: [] }))).toMatch(/points/);
    const many = Array.from({ length: 10_001 }, () => PLACES.paris);
    expect(await badRequest(api.layers.sample({ points: many }))).toMatch(/at most 10000 points/);
  });

  it("accepts exactly 10,000 points", async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ lat: -50 + (i % 100), lon: -170 + Math.floor(i / 100) * 3.4 }));
    const res = await api.layers.sample({ points: many, layers: ["cooling.annual_mean_temp_c"] });
    expect(res.results).toHaveLength(10_000);
  });
});

describe("layers.sources", () => {
  it("lists every dataset with publisher, URL, license and vintage, marking non-commercial ones", async () => {
    const sources = await api.layers.sources();
    expect(sources.length).toBeGreaterThan(15);
    for (const s of sources) expect(s.url).toMatch(/^https?:\/\//);
    expect(sources.filter((s) => s.nonCommercial).map((s) => s.id).sort()).toEqual(["telegeography-cables", "telegeography-ix"]);
  });
});
