import { describe, expect, it } from "vitest";
import {
  fractionOfYearDewPointAbove,
  fractionOfYearVapourDensityAbove,
  hoursDewPointAbove,
  hoursDewPointAtOrBelow,
  vapourDensityExceededGm3,
} from "@/server/models/climate";
import { climateOf, fixtureSite } from "./sites";

describe("water-vapour density distribution from the three P.836 exceedance points", () => {
  it("passes through ρ exceeded 50 %, 10 % and 1 % of the year", () => {
    for (const id of ["singapore", "phoenix", "london", "lulea"]) {
      const c = climateOf(id);
      expect(vapourDensityExceededGm3(c, 0.5)).toBeCloseTo(c.rhoMedianGm3, 6);
      expect(vapourDensityExceededGm3(c, 0.1)).toBeCloseTo(c.rho10Gm3, 6);
      expect(vapourDensityExceededGm3(c, 0.01)).toBeCloseTo(c.rho1Gm3, 6);
      expect(fractionOfYearVapourDensityAbove(c, c.rho10Gm3)).toBeCloseTo(0.1, 6);
    }
  });

  it("mirrors the 50–10 % log-normal below the median: ρ exceeded 90 % = ρ50²/ρ10", () => {
    const c = climateOf("london");
    expect(vapourDensityExceededGm3(c, 0.9)).toBeCloseTo(c.rhoMedianGm3 ** 2 / c.rho10Gm3, 6);
  });

  it("is a proper exceedance curve: denser vapour is exceeded less often", () => {
    const c = climateOf("ashburn");
    let previous = 1;
    for (let rho = 0.5; rho <= 40; rho += 0.5) {
      const f = fractionOfYearVapourDensityAbove(c, rho);
      expect(f).toBeLessThanOrEqual(previous);
      expect(f).toBeGreaterThanOrEqual(0);
      previous = f;
    }
  });

  it("keeps working when two exceedance points coincide", () => {
    const c = { ...climateOf("singapore"), rho10Gm3: 20.5, rhoMedianGm3: 20.5 };
    expect(Number.isFinite(vapourDensityExceededGm3(c, 0.05))).toBe(true);
    expect(fractionOfYearVapourDensityAbove(c, 10)).toBeGreaterThan(0.99);
  });
});

describe("dew-point exceedance", () => {
  it("puts Singapore's dew point above 15 °C practically all year (the air-side economiser's humidity limit)", () => {
    expect(fractionOfYearDewPointAbove(climateOf("singapore"), 15)).toBeGreaterThan(0.995);
  });

  it("puts Reykjavik's dew point above 15 °C for under 10 h a year", () => {
    expect(hoursDewPointAbove(climateOf("reykjavik"), 15)).toBeLessThan(10);
  });

  it("gives London a median dew point near 7 °C (SOURCES.md §9.5 cross-check)", () => {
    const c = climateOf("london");
    expect(fractionOfYearDewPointAbove(c, 6)).toBeGreaterThan(0.5);
    expect(fractionOfYearDewPointAbove(c, 9)).toBeLessThan(0.5);
  });

  it("makes the humid Gulf coast humid more often than the desert interior", () => {
    expect(hoursDewPointAbove(climateOf("dubai"), 15)).toBeGreaterThan(hoursDewPointAbove(climateOf("phoenix"), 15) + 4000);
    expect(fixtureSite("dubai").rhoMedianGm3).toBeGreaterThan(fixtureSite("phoenix").rhoMedianGm3);
  });

  it("splits the year: hours above + hours at or below = 8,760, and fewer hours above a higher dew point", () => {
    const c = climateOf("amsterdam");
    expect(hoursDewPointAbove(c, 12) + hoursDewPointAtOrBelow(c, 12)).toBeCloseTo(8760, 9);
    expect(hoursDewPointAbove(c, 16)).toBeLessThan(hoursDewPointAbove(c, 12));
  });
});
