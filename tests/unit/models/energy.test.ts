// Annual energy and peak grid demand (server/models/energy.ts).
import { describe, expect, it } from "vitest";
import { annualGridEnergyMwh, annualItEnergyMwh, energyEstimate, gridMwPeak } from "@/server/models/energy";

describe("energy arithmetic", () => {
  it("100 MW IT at 80 % → 700,800 MWh IT; × PUE 1.2 → 840,960 MWh from the grid", () => {
    expect(annualItEnergyMwh(100, 0.8)).toBe(700_800);
    expect(annualGridEnergyMwh(700_800, 1.2)).toBeCloseTo(840_960, 6);
  });

  it("peak grid MW = IT nameplate × design PUE (utilisation does not enter)", () => {
    expect(gridMwPeak(300, 1.35)).toBeCloseTo(405, 12);
    const e = energyEstimate({ itMw: 300, utilisation: 0.5 }, 1.2, 1.35);
    expect(e.grid_mw_peak).toEqual({ value: 300 * 1.35 });
    expect(e.annual_it_energy_mwh).toEqual({ value: 300 * 0.5 * 8760 });
    expect(e.annual_grid_energy_mwh.value).toBeCloseTo(300 * 0.5 * 8760 * 1.2, 6);
  });
});

describe("energy null propagation", () => {
  it("a missing PUE makes grid energy null with the reason; IT energy stays", () => {
    const e = energyEstimate({ itMw: 10, utilisation: 1 }, { value: null, reason: "no climate data at sea" }, null);
    expect(e.annual_it_energy_mwh).toEqual({ value: 87_600 });
    expect(e.annual_grid_energy_mwh).toEqual({ value: null, reason: "PUE: no climate data at sea" });
    expect(e.grid_mw_peak.value).toBeNull();
    expect(e.grid_mw_peak.reason).toMatch(/peak PUE/);
  });

  it("an impossible PUE (< 1 or not finite) is missing, never used", () => {
    expect(energyEstimate({ itMw: 10, utilisation: 1 }, 0.9, 1.1).annual_grid_energy_mwh.reason).toMatch(/not a valid PUE/);
    expect(energyEstimate({ itMw: 10, utilisation: 1 }, Number.NaN, 1.1).annual_grid_energy_mwh.value).toBeNull();
  });
});
