// Annual WUE by cooling archetype (server/models/cooling/wue.ts): ranges of DESIGN.md §5, monotone in
// the wet-bulb climate for towers, and ≥ 0 for any climate.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { designWetBulbC } from "@/server/models/climate";
import { annualWue, COOLING_ARCHETYPE_IDS, coolingModel, WATER } from "@/server/models/cooling";
import { arbitraryClimate, moistenedBy, warmedBy } from "../climate/arbitraries";
import { ALL_SITE_IDS, climateOf } from "../climate/sites";

const wue = (site: string, a: (typeof COOLING_ARCHETYPE_IDS)[number]) => annualWue(climateOf(site), a).wue_l_per_kwh;

describe("annual WUE: ranges per archetype (DESIGN.md §5)", () => {
  it("dry coolers with liquid cooling: 0–0.05 L/kWh everywhere (closed loops)", () => {
    for (const site of ALL_SITE_IDS) {
      expect(wue(site, "dry_cooler_liquid")).toBeGreaterThanOrEqual(0);
      expect(wue(site, "dry_cooler_liquid")).toBeLessThanOrEqual(0.05);
    }
  });

  it("evaporative towers: within 0.4–1.8 L/kWh everywhere", () => {
    for (const site of ALL_SITE_IDS) {
      expect(wue(site, "evaporative_assist"), site).toBeGreaterThanOrEqual(0.4);
      expect(wue(site, "evaporative_assist"), site).toBeLessThanOrEqual(1.8);
    }
  });

  it("air economiser with wetted media: adiabatic 0.1–0.4 at hot dry sites (Meta ≈ 0.2–0.3), at most 0.4 anywhere", () => {
    for (const site of ["phoenix", "las_vegas"]) {
      expect(wue(site, "air_economiser"), site).toBeGreaterThanOrEqual(0.1);
      expect(wue(site, "air_economiser"), site).toBeLessThanOrEqual(0.4);
    }
    for (const site of ALL_SITE_IDS) expect(wue(site, "air_economiser"), site).toBeLessThanOrEqual(0.4);
    // Cold sites never need the wetted media.
    expect(wue("reykjavik", "air_economiser")).toBeLessThan(0.01);
  });

  it("make-up = evaporation × C/(C − 1) with C = 5 cycles of concentration", () => {
    const w = annualWue(climateOf("singapore"), "evaporative_assist");
    expect(w.cycles_of_concentration).toBe(5);
    expect(w.wue_l_per_kwh).toBeCloseTo(w.evaporation_l_per_kwh * 1.25, 12);
    expect(w.blowdown_l_per_kwh).toBeCloseTo(w.evaporation_l_per_kwh / 4, 12);
    expect(WATER.litresPerKwhEvaporated).toBeCloseTo(3600 / 2442, 12);
  });

  it("tower evaporation never exceeds what the heat rejected could evaporate (latent share ≤ 1)", () => {
    for (const site of ALL_SITE_IDS) {
      const r = coolingModel(climateOf(site), "evaporative_assist");
      const heatRejected = 1 + r.fans + r.pumps + r.mechanical; // upper bound: all facility energy but the fixed part
      expect(r.evaporation_l_per_kwh).toBeLessThanOrEqual(heatRejected * WATER.litresPerKwhEvaporated);
    }
  });
});

describe("annual WUE: monotone in the wet-bulb climate (towers)", () => {
  it("across the fixture sites, a higher design wet bulb never comes with much less tower water at sea level", () => {
    const rows = ALL_SITE_IDS.filter((s) => (climateOf(s).elevationM ?? 0) < 300).map((s) => ({ s, twb: designWetBulbC(climateOf(s)), w: wue(s, "evaporative_assist") }));
    rows.sort((a, b) => a.twb - b.twb);
    const coldest = rows.slice(0, 4).map((r) => r.w);
    const hottest = rows.slice(-4).map((r) => r.w);
    expect(Math.max(...coldest)).toBeLessThan(Math.min(...hottest));
  });

  it("warming or moistening a climate never lowers tower WUE", () => {
    fc.assert(
      fc.property(arbitraryClimate(), fc.double({ min: 0.1, max: 3, noNaN: true }), fc.double({ min: 1.01, max: 1.3, noNaN: true }), (c, dt, k) => {
        const base = coolingModel(c, "evaporative_assist").wue_l_per_kwh;
        expect(coolingModel(warmedBy(c, dt), "evaporative_assist").wue_l_per_kwh).toBeGreaterThanOrEqual(base - 1e-9);
        const moist = moistenedBy(c, k);
        if (moist.rho1Gm3 <= 100) expect(coolingModel(moist, "evaporative_assist").wue_l_per_kwh).toBeGreaterThanOrEqual(base - 1e-9);
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});

describe("annual WUE: properties for any plausible climate", () => {
  it("WUE ≥ 0 and finite; evaporation + blow-down = WUE", () => {
    fc.assert(
      fc.property(arbitraryClimate(), fc.constantFrom(...COOLING_ARCHETYPE_IDS), (c, a) => {
        const r = coolingModel(c, a);
        expect(Number.isFinite(r.wue_l_per_kwh)).toBe(true);
        expect(r.wue_l_per_kwh).toBeGreaterThanOrEqual(0);
        expect(r.evaporation_l_per_kwh + r.blowdown_l_per_kwh).toBeCloseTo(r.wue_l_per_kwh, 12);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
