// Location-based, marginal and market-based CO2 (server/models/carbon.ts): side by side, never blended.
import { describe, expect, it } from "vitest";
import { carbonEstimate, CfeShare, tonnesCo2 } from "@/server/models/carbon";

describe("carbon arithmetic", () => {
  it("tCO2 = MWh × gCO2/kWh / 1,000", () => {
    expect(tonnesCo2(1000, 400)).toBe(400); // 1 GWh at 400 g/kWh = 400 t
    expect(tonnesCo2(840_960, 250)).toBeCloseTo(210_240, 6);
  });

  it("the three figures side by side: 1,000 MWh, 400 g/kWh grid, 600 g/kWh margin, 75 % CFE", () => {
    const c = carbonEstimate({ annualGridEnergyMwh: 1000, gridIntensityGPerKwh: 400, marginalFactorGPerKwh: 600, cfeShare: 0.75 });
    expect(c.co2_location_t_per_yr).toEqual({ value: 400 });
    expect(c.co2_marginal_t_per_yr).toEqual({ value: 600 });
    expect(c.co2_market_t_per_yr).toEqual({ value: 100 }); // 250 MWh uncovered × 400 g/kWh
  });

  it("market-based: 0 % CFE equals location-based; 100 % CFE is zero", () => {
    const none = carbonEstimate({ annualGridEnergyMwh: 500, gridIntensityGPerKwh: 300, marginalFactorGPerKwh: 500, cfeShare: 0 });
    expect(none.co2_market_t_per_yr.value).toBe(none.co2_location_t_per_yr.value);
    const full = carbonEstimate({ annualGridEnergyMwh: 500, gridIntensityGPerKwh: 300, marginalFactorGPerKwh: 500, cfeShare: 1 });
    expect(full.co2_market_t_per_yr).toEqual({ value: 0 });
  });

  it("a real zero (a hydro grid's published 0 margin) stays 0, not missing", () => {
    expect(carbonEstimate({ annualGridEnergyMwh: 500, gridIntensityGPerKwh: 24, marginalFactorGPerKwh: 0, cfeShare: 0 }).co2_marginal_t_per_yr).toEqual({ value: 0 });
  });
});

describe("carbon null propagation", () => {
  it("a missing intensity nulls location- and market-based with its reason; marginal survives", () => {
    const c = carbonEstimate({
      annualGridEnergyMwh: 1000,
      gridIntensityGPerKwh: { value: null, reason: "no Electricity Maps zone here" },
      marginalFactorGPerKwh: 500,
      cfeShare: 0.5,
    });
    expect(c.co2_location_t_per_yr).toEqual({ value: null, reason: "grid intensity: no Electricity Maps zone here" });
    expect(c.co2_market_t_per_yr.value).toBeNull();
    expect(c.co2_market_t_per_yr.reason).toMatch(/no Electricity Maps zone/);
    expect(c.co2_marginal_t_per_yr).toEqual({ value: 500 });
  });

  it("no CFE share entered → market-based null with the reason, never a silent 0 %", () => {
    const c = carbonEstimate({ annualGridEnergyMwh: 1000, gridIntensityGPerKwh: 400, marginalFactorGPerKwh: 500, cfeShare: null });
    expect(c.co2_market_t_per_yr).toEqual({ value: null, reason: "carbon-free energy share: no value given" });
    expect(c.co2_location_t_per_yr.value).toBe(400);
  });

  it("a missing grid energy nulls all three, naming it; several missing inputs are all named", () => {
    const c = carbonEstimate({ annualGridEnergyMwh: { value: null, reason: "PUE: climate missing" }, gridIntensityGPerKwh: null, marginalFactorGPerKwh: 500, cfeShare: 0.2 });
    for (const v of Object.values(c)) expect(v.value).toBeNull();
    expect(c.co2_location_t_per_yr.reason).toBe("grid energy: PUE: climate missing; grid intensity: no value given");
    expect(c.co2_marginal_t_per_yr.reason).toBe("grid energy: PUE: climate missing");
  });

  it("invalid inputs are missing with the reason, not used", () => {
    expect(carbonEstimate({ annualGridEnergyMwh: 1, gridIntensityGPerKwh: -5, marginalFactorGPerKwh: 1, cfeShare: 0 }).co2_location_t_per_yr.reason).toMatch(/must be ≥ 0/);
    expect(carbonEstimate({ annualGridEnergyMwh: 1, gridIntensityGPerKwh: 5, marginalFactorGPerKwh: 1, cfeShare: 1.5 }).co2_market_t_per_yr.reason).toMatch(/outside 0–1/);
    expect(CfeShare.safeParse(1.5).success).toBe(false);
    expect(CfeShare.safeParse(-0.1).success).toBe(false);
  });
});
