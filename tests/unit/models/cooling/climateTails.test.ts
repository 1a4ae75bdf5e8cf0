// The one-pass hour counts of the cooling model (server/models/cooling/climateTails.ts) are the climate
// models' own numbers, and the closed forms of the cooling model agree with a brute-force integration.
import { describe, expect, it } from "vitest";
import { dryBulbDegreeHoursAbove, dryBulbExceededC, economiserHoursWetBulb, freeCoolingHours, hoursAbove, hoursWetBulbAbove } from "@/server/models/climate";
import { coolingModel } from "@/server/models/cooling";
import { createClimateTails, dryBulbExceededFastC, dryTail, lastExceedanceEvaluations, loadClimate, wetTail } from "@/server/models/cooling/climateTails";
import { ALL_SITE_IDS, climateOf } from "../climate/sites";

const t = createClimateTails();

describe("climate tails", () => {
  it("dry-bulb hours and degree-hours equal hoursAbove and dryBulbDegreeHoursAbove", () => {
    for (const site of ALL_SITE_IDS) {
      const c = climateOf(site);
      loadClimate(t, c);
      for (const x of [-10, 0, 6, 12, 18, 25, 30, 37, 45]) {
        dryTail(t, x);
        expect(t.hours).toBeCloseTo(hoursAbove(c, x), 6);
        expect(t.degreeHours).toBeCloseTo(dryBulbDegreeHoursAbove(c, x), 4);
      }
    }
  });

  it("wet-bulb hours equal hoursWetBulbAbove (and so economiserHoursWetBulb), capped by dry bulb", () => {
    for (const site of ALL_SITE_IDS) {
      const c = climateOf(site);
      loadClimate(t, c);
      for (const x of [-5, 6, 12, 19.7, 24, 28]) {
        wetTail(t, x);
        expect(t.hours).toBeCloseTo(hoursWetBulbAbove(c, x), 6);
        expect(8760 - t.hours).toBeCloseTo(economiserHoursWetBulb(c, x), 6);
        const wetDh = t.degreeHours;
        dryTail(t, x);
        expect(wetDh).toBeLessThanOrEqual(t.degreeHours + 1e-9);
      }
    }
  });

  it("the fast exceedance solver matches dryBulbExceededC within 0.02 K in at most 10 evaluations", () => {
    for (const site of ALL_SITE_IDS) {
      const c = climateOf(site);
      loadClimate(t, c);
      for (const hours of [35.04, 200, 1000, 4000]) {
        const fast = dryBulbExceededFastC(t, hours);
        expect(lastExceedanceEvaluations).toBeLessThanOrEqual(10);
        expect(Math.abs(fast - dryBulbExceededC(c, hours / 8760)), `${site} ${hours} h`).toBeLessThan(0.02);
      }
    }
  });
});

describe("the cooling model's closed forms", () => {
  it("air economiser: the free hours are freeCoolingHours of the climate models", () => {
    for (const site of ALL_SITE_IDS) {
      const c = climateOf(site);
      expect(coolingModel(c, "air_economiser").economiser_hours).toBeCloseTo(freeCoolingHours(c), 6);
    }
  });

  it("tower plant: the economiser hours are economiserHoursWetBulb at 12 − 6 = 6 °C", () => {
    for (const site of ALL_SITE_IDS) {
      const c = climateOf(site);
      expect(coolingModel(c, "evaporative_assist").economiser_hours).toBeCloseTo(economiserHoursWetBulb(c, 6), 6);
    }
  });

  it("tower plant: mechanical energy agrees with a 0.05 K bin integration over the wet-bulb distribution within 2 %", () => {
    // Brute force: Σ over wet-bulb bins of hours × chiller share × 1/COP, with the model's constants.
    const inverseCop = (x: number) => {
      const te = 10 + 273.15;
      const ratedRatio = (29.4 + 5.6 + 1.5 - 4.7) / (4.7 + 273.15);
      const cop = 3.51685 / 0.56;
      const lift = x + 4 + 5.6 + 1.5 - 10;
      return Math.max(0.38 / 3.51685, (0.2 + (0.8 * (lift / te)) / ratedRatio) / cop);
    };
    for (const site of ["london", "ashburn", "singapore", "dubai", "lulea"]) {
      const c = climateOf(site);
      let energy = 0;
      for (let x = -10; x < 40; x += 0.05) {
        const h = hoursWetBulbAbove(c, x) - hoursWetBulbAbove(c, x + 0.05);
        const mid = x + 0.025;
        energy += h * Math.min(1, Math.max(0, (mid - 6) / 6)) * inverseCop(mid);
      }
      const r = coolingModel(c, "evaporative_assist");
      const load = 1 + (0.06903 * 0.45) + 0.0312;
      const brute = (energy / 8760) * load;
      expect(Math.abs(r.mechanical - brute), site).toBeLessThan(0.02 * brute + 2e-4);
    }
  });
});
