// fast-check generators of plausible site climates, for the property tests.
import fc from "fast-check";
import { saturationVapourPressureHpa, vapourDensityFromPressureGm3, type SiteClimate } from "@/server/models/climate";

/**
 * A random but physically plausible climate: 12 monthly means in −40…40 °C around a seasonal cycle;
 * ρ exceeded 1 % at 20–100 % of the saturation density of air 8 K warmer than the warmest month
 * (humid extremes come on warm days), and ρ50 ≤ ρ10 ≤ ρ1.
 */
export function arbitraryClimate(): fc.Arbitrary<SiteClimate> {
  return fc
    .record({
      annual: fc.double({ min: -25, max: 30, noNaN: true }),
      halfRange: fc.double({ min: 0, max: 20, noNaN: true }),
      noise: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 12, maxLength: 12 }),
      saturation1: fc.double({ min: 0.2, max: 1, noNaN: true }),
      down10: fc.double({ min: 0, max: 0.8, noNaN: true }),
      down50: fc.double({ min: 0, max: 1.5, noNaN: true }),
      elevationM: fc.option(fc.double({ min: 0, max: 4500, noNaN: true }), { nil: undefined }),
    })
    .map(({ annual, halfRange, noise, saturation1, down10, down50, elevationM }) => {
      const monthlyMeanC = noise.map((n, m) => Math.min(40, Math.max(-40, annual - halfRange * Math.cos((2 * Math.PI * (m + 0.5)) / 12) + n)));
      const humidT = Math.max(...monthlyMeanC) + 8;
      const rho1Gm3 = Math.max(0.05, saturation1 * vapourDensityFromPressureGm3(saturationVapourPressureHpa(humidT), humidT));
      const rho10Gm3 = rho1Gm3 / (1 + down10);
      const climate: SiteClimate = { monthlyMeanC, rhoMedianGm3: rho10Gm3 / (1 + down50), rho10Gm3, rho1Gm3 };
      if (elevationM !== undefined) climate.elevationM = elevationM;
      return climate;
    });
}

/** The same climate with every month dt (K) warmer. */
export function warmedBy(c: SiteClimate, dt: number): SiteClimate {
  return { ...c, monthlyMeanC: Array.from(c.monthlyMeanC, (t) => t + dt) };
}

/** The same climate with every water-vapour density multiplied by k. */
export function moistenedBy(c: SiteClimate, k: number): SiteClimate {
  return { ...c, rhoMedianGm3: c.rhoMedianGm3 * k, rho10Gm3: c.rho10Gm3 * k, rho1Gm3: c.rho1Gm3 * k };
}
