import { describe, expect, it } from "vitest";
import * as climate from "@/server/models/climate";
import { ClimateInputError, type SiteClimate } from "@/server/models/climate";
import { climateOf } from "./sites";

const good = (): SiteClimate => ({ ...climateOf("london"), monthlyMeanC: Array.from(climateOf("london").monthlyMeanC) });

/** Every public model entry point, called with a climate. */
const ENTRY_POINTS: [string, (c: SiteClimate) => unknown][] = [
  ["hoursAbove", (c) => climate.hoursAbove(c, 25)],
  ["hoursBelow", (c) => climate.hoursBelow(c, 25)],
  ["dryBulbDegreeHoursAbove", (c) => climate.dryBulbDegreeHoursAbove(c, 23.3)],
  ["dryBulbExceededC", (c) => climate.dryBulbExceededC(c, 0.004)],
  ["monthlyDryBulbExceededC", (c) => climate.monthlyDryBulbExceededC(c, 6, 0.02)],
  ["monthlyTemperatureModel", (c) => climate.monthlyTemperatureModel(c)],
  ["hoursWetBulbAbove", (c) => climate.hoursWetBulbAbove(c, 20)],
  ["wetBulbExceededC", (c) => climate.wetBulbExceededC(c, 0.004)],
  ["vapourDensityExceededGm3", (c) => climate.vapourDensityExceededGm3(c, 0.1)],
  ["fractionOfYearDewPointAbove", (c) => climate.fractionOfYearDewPointAbove(c, 15)],
  ["hoursDewPointAbove", (c) => climate.hoursDewPointAbove(c, 15)],
  ["freeCoolingHours", (c) => climate.freeCoolingHours(c)],
  ["freeCoolingBreakdown", (c) => climate.freeCoolingBreakdown(c)],
  ["economiserHoursWetBulb", (c) => climate.economiserHoursWetBulb(c, 18)],
  ["dryCoolerHours", (c) => climate.dryCoolerHours(c, 27)],
  ["designWetBulbC", (c) => climate.designWetBulbC(c)],
  ["heatHoursAbove35C", (c) => climate.heatHoursAbove35C(c)],
  ["heatStressHoursWetBulbAbove28C", (c) => climate.heatStressHoursWetBulbAbove28C(c)],
];

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ClimateInputError) return e.field;
    throw e;
  }
  throw new Error("expected a ClimateInputError, nothing was thrown");
}

describe("invalid climate input throws a ClimateInputError naming the field", () => {
  const cases: [string, (c: SiteClimate) => unknown, string][] = [
    ["11 monthly values", (c) => ({ ...c, monthlyMeanC: Array.from(c.monthlyMeanC).slice(0, 11) }), "monthlyMeanC"],
    ["13 monthly values", (c) => ({ ...c, monthlyMeanC: [...Array.from(c.monthlyMeanC), 5] }), "monthlyMeanC"],
    ["no monthly array", (c) => ({ ...c, monthlyMeanC: undefined }), "monthlyMeanC"],
    ["a NaN month", (c) => ({ ...c, monthlyMeanC: Array.from(c.monthlyMeanC, (t, m) => (m === 3 ? Number.NaN : t)) }), "monthlyMeanC[3]"],
    ["a month in kelvin", (c) => ({ ...c, monthlyMeanC: Array.from(c.monthlyMeanC, (t, m) => (m === 7 ? t + 273.15 : t)) }), "monthlyMeanC[7]"],
    ["a string month", (c) => ({ ...c, monthlyMeanC: Array.from(c.monthlyMeanC, (t, m) => (m === 0 ? "4" : t)) }), "monthlyMeanC[0]"],
    ["a NaN median density", (c) => ({ ...c, rhoMedianGm3: Number.NaN }), "rhoMedianGm3"],
    ["a zero median density", (c) => ({ ...c, rhoMedianGm3: 0 }), "rhoMedianGm3"],
    ["an infinite 10 % density", (c) => ({ ...c, rho10Gm3: Infinity }), "rho10Gm3"],
    ["ρ10 below the median", (c) => ({ ...c, rho10Gm3: c.rhoMedianGm3 - 1 }), "rho10Gm3"],
    ["ρ1 below ρ10", (c) => ({ ...c, rho1Gm3: c.rho10Gm3 - 0.5 }), "rho1Gm3"],
    ["a negative 1 % density", (c) => ({ ...c, rho1Gm3: -3 }), "rho1Gm3"],
    ["a NaN elevation", (c) => ({ ...c, elevationM: Number.NaN }), "elevationM"],
    ["an elevation above Everest", (c) => ({ ...c, elevationM: 12000 }), "elevationM"],
  ];

  it.each(cases)("%s", (_label, mutate, field) => {
    const bad = mutate(good()) as SiteClimate;
    for (const [, call] of ENTRY_POINTS) expect(fieldOf(() => call(bad))).toBe(field);
  });

  it("says what was wrong in the message", () => {
    const bad = { ...good(), monthlyMeanC: [1, 2, 3] };
    expect(() => climate.freeCoolingHours(bad)).toThrow("monthlyMeanC: must hold exactly 12 monthly values (January first), got 3");
    const nan = { ...good(), rho1Gm3: Number.NaN };
    expect(() => climate.designWetBulbC(nan)).toThrow(/rho1Gm3: must be a finite water-vapour density in g\/m³, got NaN/);
  });

  it("rejects a missing climate", () => {
    expect(fieldOf(() => climate.freeCoolingHours(null as unknown as SiteClimate))).toBe("climate");
  });

  it("accepts typed arrays and a missing elevation", () => {
    const c = { ...good(), monthlyMeanC: Float64Array.from(good().monthlyMeanC) };
    delete c.elevationM;
    for (const [, call] of ENTRY_POINTS) expect(() => call(c)).not.toThrow();
  });

  it("rejects non-finite thresholds with a RangeError naming the argument", () => {
    const c = good();
    expect(() => climate.hoursAbove(c, Number.NaN)).toThrow(/thresholdC/);
    expect(() => climate.economiserHoursWetBulb(c, Number.NaN)).toThrow(/maxWetBulbC/);
    expect(() => climate.dryCoolerHours(c, Infinity)).toThrow(/maxDryBulbC/);
    expect(() => climate.dryBulbExceededC(c, 1.2)).toThrow(/fractionOfYear/);
    expect(() => climate.monthlyDryBulbExceededC(c, 12, 0.1)).toThrow(/month/);
    expect(() => climate.vapourDensityExceededGm3(c, -0.1)).toThrow(/exceedance/);
  });
});
