import { describe, expect, it } from "vitest";
import { createMonthlyState, fillTemperatureState, fillWetBulbState } from "@/server/models/climate/monthlyModel";
import { mixtureHoursAbove, PHASE_NODES } from "@/server/models/climate/monthlyMixture";
import { ALL_SITE_IDS, climateOf } from "./sites";

describe("diurnal-phase quadrature", () => {
  it(`with ${PHASE_NODES} Gauss–Chebyshev nodes matches a 512-node reference to 0.05 h/yr at every fixture site`, () => {
    const s = createMonthlyState();
    let worst = 0;
    for (const id of ALL_SITE_IDS) {
      const c = climateOf(id);
      fillTemperatureState(c, s);
      fillWetBulbState(c, s);
      for (let x = -30; x <= 45; x += 0.5) {
        worst = Math.max(worst, Math.abs(mixtureHoursAbove(s.meanC, s.ampK, s.sigmaK, x) - mixtureHoursAbove(s.meanC, s.ampK, s.sigmaK, x, 512)));
        worst = Math.max(worst, Math.abs(mixtureHoursAbove(s.wetMeanC, s.wetAmpK, s.wetSigmaK, x) - mixtureHoursAbove(s.wetMeanC, s.wetAmpK, s.wetSigmaK, x, 512)));
      }
    }
    expect(worst).toBeLessThan(0.05);
  });

  it("reduces to the arcsine law without day-to-day spread: a pure sinusoid spends 1/3 of its time above half-amplitude", () => {
    const mean = new Float64Array(12).fill(10);
    const amp = new Float64Array(12).fill(5);
    const sigma = new Float64Array(12).fill(1e-3);
    // P(cos θ > 0.5) = 1/3.
    expect(mixtureHoursAbove(mean, amp, sigma, 12.5, 512) / 8760).toBeCloseTo(1 / 3, 2);
  });
});
