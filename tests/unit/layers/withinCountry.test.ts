/**
 * Within-country evidence (issue 13) at well-known places: grid access, the regional supply mix,
 * towns, the water balance and cooling water, and the hazard fixes (the composite no longer reads the
 * same across a country; industrial heat is no longer "fire"). Every check could fail on a wrong
 * build: a mis-registered grid, a swapped sign, a unit slip or a missing source.
 */
import { describe, expect, it } from "vitest";
import { num, sampleAll, testStore, valueAt } from "../../helpers/layers";

const THREE_GORGES = { lat: 30.82, lon: 111.0 };
const CENTRAL_SAHARA = { lat: 23.0, lon: 13.0 };
const QUINCY_WA = { lat: 47.23, lon: -119.85 };

describe("grid access from the power-plant database", () => {
  it("finds over 20 GW within 100 km of the Three Gorges and none in the central Sahara", () => {
    expect(num(valueAt("power.capacity_within_100km_mw", THREE_GORGES))).toBeGreaterThan(20_000);
    expect(num(valueAt("power.low_carbon_capacity_within_100km_mw", THREE_GORGES))).toBeGreaterThan(20_000);
    expect(num(valueAt("power.capacity_within_100km_mw", CENTRAL_SAHARA))).toBe(0);
    expect(num(valueAt("power.nearest_large_plant_km", CENTRAL_SAHARA))).toBeGreaterThan(500);
  });

  it("sees mostly low-carbon capacity around Quincy, Washington (Columbia River hydro), and coal around Jinan", () => {
    const total = num(valueAt("power.capacity_within_100km_mw", QUINCY_WA));
    expect(total).toBeGreaterThan(5000);
    expect(num(valueAt("power.low_carbon_capacity_within_100km_mw", QUINCY_WA)) / total).toBeGreaterThan(0.8);
    const jinan = { lat: 36.67, lon: 117.0 };
    expect(num(valueAt("power.low_carbon_capacity_within_100km_mw", jinan)) / num(valueAt("power.capacity_within_100km_mw", jinan))).toBeLessThan(0.2);
  });

  it("names the nearest large plant with its capacity and fuel", () => {
    const { refs, results } = sampleAll([THREE_GORGES], ["power.nearest_large_plant_km", "power.nearest_plant_km"]);
    const ref = refs[results[0]!.values[0]!.ref!]!;
    expect(ref.kind).toBe("nearest");
    expect(ref.kind === "nearest" && ref.detail).toMatch(/\d MW hydro/);
    expect(num(results[0]!.values[0]!)).toBeLessThan(30);
    expect(num(results[0]!.values[1]!)).toBeLessThanOrEqual(num(results[0]!.values[0]!));
  });
});

describe("regional generation intensity (modelled, separate from the zone value)", () => {
  const layer = testStore().layer("carbon.regional_generation_intensity")!;
  const national = Number(/all of China's GPPD plants gives (\d+) g\/kWh/.exec(layer.method)?.[1]);

  it("is lifecycle-based, modelled, and states the national value of the same model for China", () => {
    expect(layer.quality).toBe("modelled");
    expect(layer.unit).toBe("gCO2eq/kWh");
    expect(layer.method).toMatch(/IPCC AR5/);
    expect(national).toBeGreaterThan(500);
    expect(national).toBeLessThan(800);
  });

  it("puts hydro Yunnan and Sichuan well below China's value and coal Inner Mongolia and Shandong above it", () => {
    const [kunming, chengdu, hohhot, jinan] = [{ lat: 25.04, lon: 102.71 }, { lat: 30.66, lon: 104.07 }, { lat: 40.84, lon: 111.75 }, { lat: 36.67, lon: 117.0 }]
      .map((p) => num(valueAt("carbon.regional_generation_intensity", p)));
    expect(kunming!).toBeLessThan(0.8 * national);
    expect(chengdu!).toBeLessThan(0.8 * national);
    expect(hohhot!).toBeGreaterThan(national);
    expect(jinan!).toBeGreaterThan(national);
    // The observed zone value is one number for all four.
    const zone = [{ lat: 25.04, lon: 102.71 }, { lat: 40.84, lon: 111.75 }].map((p) => num(valueAt("carbon.grid_intensity", p)));
    expect(zone[0]).toBe(zone[1]);
  });

  it("is null with the reason where almost nothing is generated", () => {
    const v = valueAt("carbon.regional_generation_intensity", CENTRAL_SAHARA);
    expect(v.value).toBeNull();
    expect(v.reason).toMatch(/less than 1,000 GWh\/yr/);
  });
});

describe("towns, water balance and cooling water", () => {
  it("measures the distance to a city of ≥ 100,000 and the people in towns within 100 km", () => {
    expect(num(valueAt("access.nearest_city_km", { lat: 48.86, lon: 2.35 }))).toBeLessThan(5);
    expect(num(valueAt("access.nearest_city_km", CENTRAL_SAHARA))).toBeGreaterThan(300);
    expect(num(valueAt("access.population_within_100km", { lat: 48.86, lon: 2.35 }))).toBeGreaterThan(5);
    expect(num(valueAt("access.population_within_100km", { lat: 66.5, lon: 16.0 }))).toBeLessThan(0.05);
  });

  it("reads Phoenix and Riyadh as arid (< 0.2) and Dublin and Singapore as humid (> 0.65)", () => {
    expect(num(valueAt("water.aridity_index", { lat: 33.45, lon: -112.07 }))).toBeLessThan(0.2);
    expect(num(valueAt("water.aridity_index", { lat: 24.71, lon: 46.68 }))).toBeLessThan(0.2);
    expect(num(valueAt("water.aridity_index", { lat: 53.35, lon: -6.26 }))).toBeGreaterThan(0.65);
    expect(num(valueAt("water.aridity_index", { lat: 1.35, lon: 103.82 }))).toBeGreaterThan(0.65);
  });

  it("puts Manaus beside a major river and central Australia far from any water", () => {
    expect(num(valueAt("cooling.water_body_km", { lat: -3.1, lon: -60.02 }))).toBeLessThan(15);
    expect(num(valueAt("cooling.water_body_km", { lat: -24.5, lon: 133.5 }))).toBeGreaterThan(300);
  });
});

describe("hazard evidence that no longer misleads inside a country", () => {
  const LULEA = { lat: 65.58, lon: 22.15 }, STAVANGER = { lat: 58.97, lon: 5.73 };

  it("no longer counts Luleå's steelworks as fire, and lists the removed hotspot", () => {
    expect(num(valueAt("risk.wildfire", LULEA))).toBeLessThan(20);
    const hotspots = testStore().pointSet("fire-static-hotspots").points;
    expect(hotspots.some((p) => Math.abs(p.lat - 65.5) < 0.01 && Math.abs(p.lon - 22) < 0.01)).toBe(true);
    expect(testStore().layer("risk.wildfire")!.method).toMatch(/Static hotspots removed/);
  });

  it("gives Luleå, Stavanger and Quincy different composite risks, each saying what drives it", () => {
    const { results } = sampleAll([LULEA, STAVANGER, QUINCY_WA], ["risk.composite"]);
    const values = results.map((r) => num(r.values[0]!));
    expect(new Set(values.map((v) => v.toFixed(3))).size).toBe(3);
    // Quincy is semi-arid: aridity drives its composite.
    expect(results[2]!.values[0]!.note).toMatch(/Driven by aridity/);
    for (const r of results) expect(r.values[0]!.note).toMatch(/Driven by|No component/);
  });

  it("keeps the country-level Aqueduct categories out of the composite", () => {
    const composite = testStore().layer("risk.composite")!;
    expect(composite.storage.kind === "model" && composite.storage.inputs).not.toContain("risk.water_stress");
    expect(composite.storage.kind === "model" && composite.storage.inputs).not.toContain("risk.flood");
    expect(composite.storage.kind === "model" && composite.storage.inputs).not.toContain("risk.wildfire");
  });
});

describe("bad input stays bad input", () => {
  it("gives null with a reason, never 0, for a grid layer at sea", () => {
    for (const id of ["power.capacity_within_100km_mw", "access.population_within_100km", "cooling.water_body_km", "water.aridity_index"]) {
      const v = valueAt(id, { lat: 0, lon: -30 });
      expect(v.value, id).toBeNull();
      expect(v.reason, id).toMatch(/No land cell/);
    }
  });
});
