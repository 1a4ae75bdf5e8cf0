/** Monthly free-cooling hours: the months add up to the climate model's annual figure, and follow the seasons. */
import { describe, expect, it } from "vitest";
import { climateAt } from "@/server/layers/climateCells";
import { freeCoolingHours, HOURS_PER_MONTH } from "@/server/models/climate";
import { monthlyFreeCoolingHours } from "@/server/reports/monthlyFreeCooling";
import { testStore } from "../../helpers/layers";

const PLACES = [
  ["Luleå", 65.58, 22.15], ["Ashburn", 39.04, -77.49], ["Singapore", 1.35, 103.82], ["Doha", 25.29, 51.53],
  ["Phoenix", 33.45, -112.07], ["Reykjavík", 64.15, -21.94], ["Mumbai", 19.08, 72.88], ["Quito", -0.18, -78.47],
] as const;

describe("monthlyFreeCoolingHours", () => {
  it.each(PLACES)("%s: the months sum to the annual freeCoolingHours and each month stays within its hours", (_name, lat, lon) => {
    const c = climateAt(testStore(), lat, lon)!;
    const m = monthlyFreeCoolingHours(c);
    expect(m.hoursByMonth).toHaveLength(12);
    m.hoursByMonth.forEach((h, k) => {
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThanOrEqual(HOURS_PER_MONTH[k]!);
    });
    expect(m.hoursPerYear).toBeCloseTo(freeCoolingHours(c), 1);
    expect(m.lowerBoundHours).toBeLessThanOrEqual(m.hoursPerYear + 0.01);
  });

  it("puts the free hours in the cool season: Ashburn has more in January than in July, Doha none in summer", () => {
    const ash = monthlyFreeCoolingHours(climateAt(testStore(), 39.04, -77.49)!);
    expect(ash.hoursByMonth[0]).toBeGreaterThan(ash.hoursByMonth[6]! + 300);
    const doha = monthlyFreeCoolingHours(climateAt(testStore(), 25.29, 51.53)!);
    expect(doha.hoursByMonth[6]).toBeLessThan(1);
    expect(doha.hoursByMonth[0]).toBeGreaterThan(300);
  });

  it("is all hours in a cold dry climate and none in a hot humid one", () => {
    const sg = monthlyFreeCoolingHours(climateAt(testStore(), 1.35, 103.82)!);
    expect(sg.hoursPerYear).toBeLessThan(1);
    const synthetic = monthlyFreeCoolingHours({ monthlyMeanC: [-10, -9, -5, 0, 5, 10, 12, 11, 6, 1, -4, -8], rhoMedianGm3: 4, rho10Gm3: 7, rho1Gm3: 9 });
    expect(synthetic.hoursPerYear).toBeGreaterThan(8700);
  });

  it("rejects a bad climate naming the field", () => {
    expect(() => monthlyFreeCoolingHours({ monthlyMeanC: [1, 2, 3], rhoMedianGm3: 4, rho10Gm3: 7, rho1Gm3: 9 })).toThrow(/monthlyMeanC/);
  });
});
