import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ASHRAE_RECOMMENDED_MAX_DEW_POINT_C,
  ASHRAE_RECOMMENDED_MAX_INLET_C,
  DEFAULT_ECONOMISER_APPROACH_K,
  dryCoolerHours,
  economiserHoursWetBulb,
  freeCoolingBreakdown,
  freeCoolingHours,
  hoursBelow,
  hoursDewPointAtOrBelow,
} from "@/server/models/climate";
import { arbitraryClimate, warmedBy } from "./arbitraries";
import { ALL_SITE_IDS, climateOf } from "./sites";

const fch = (id: string) => freeCoolingHours(climateOf(id));

describe("air-side economiser hours (ASHRAE TC 9.9 2021 recommended envelope: 27 °C inlet, 15 °C dew point; 2 K approach)", () => {
  it("defaults to the recommended envelope and a 2 K approach", () => {
    expect(ASHRAE_RECOMMENDED_MAX_INLET_C).toBe(27);
    expect(ASHRAE_RECOMMENDED_MAX_DEW_POINT_C).toBe(15);
    expect(DEFAULT_ECONOMISER_APPROACH_K).toBe(2);
    const c = climateOf("ashburn");
    expect(freeCoolingHours(c)).toBe(freeCoolingHours(c, { maxSupplyC: 27, approachK: 2, maxDewPointC: 15 }));
  });

  it("gives cold sites (Reykjavik, Luleå) more than 8,000 h", () => {
    expect(fch("reykjavik")).toBeGreaterThan(8000);
    expect(fch("lulea")).toBeGreaterThan(8000);
  });

  it("gives north-west Europe (London, Dublin, Amsterdam) more than 7,000 h", () => {
    for (const id of ["london", "dublin", "amsterdam"]) expect(fch(id)).toBeGreaterThan(7000);
  });

  it("gives Singapore practically none: its dew point is above 15 °C all year, though 2,000+ h are cool enough", () => {
    const b = freeCoolingBreakdown(climateOf("singapore"));
    expect(b.hours).toBeLessThan(50);
    expect(b.limitedBy).toBe("dew_point");
    expect(b.dryBulbOkHours).toBeGreaterThan(1000);
  });

  it("gives Dubai few hours (humid Gulf summers, hot days)", () => {
    expect(fch("dubai")).toBeLessThan(2000);
    expect(fch("dubai")).toBeGreaterThan(200);
  });

  it("puts Phoenix (dry-bulb limited) and Ashburn (dew-point limited) in between", () => {
    const phoenix = freeCoolingBreakdown(climateOf("phoenix"));
    const ashburn = freeCoolingBreakdown(climateOf("ashburn"));
    for (const b of [phoenix, ashburn]) {
      expect(b.hours).toBeGreaterThan(4000);
      expect(b.hours).toBeLessThan(7500);
    }
    expect(phoenix.limitedBy).toBe("dry_bulb");
    expect(ashburn.limitedBy).toBe("dew_point");
  });

  it("orders the sites from hot-humid to cold", () => {
    const order = ["singapore", "dubai", "phoenix", "ashburn", "amsterdam", "lulea"];
    const hours = order.map(fch);
    for (let i = 1; i < hours.length; i++) expect(hours[i]).toBeGreaterThan(hours[i - 1] as number);
  });

  it.each(ALL_SITE_IDS)("%s: stays within [0, 8,760] and within its own bounds", (id) => {
    const b = freeCoolingBreakdown(climateOf(id));
    expect(b.hours).toBeGreaterThanOrEqual(0);
    expect(b.hours).toBeLessThanOrEqual(8760);
    expect(b.hours).toBe(Math.min(b.dryBulbOkHours, b.dewPointOkHours));
    expect(b.lowerBoundHours).toBeLessThanOrEqual(b.independentHours + 1e-9);
    expect(b.independentHours).toBeLessThanOrEqual(b.hours + 1e-9);
    expect(b.hours).toBeCloseTo(freeCoolingHours(climateOf(id)), 9);
  });

  it("combines the two conditions comonotonically: min(dry-bulb hours, dew-point hours)", () => {
    const c = climateOf("chicago");
    expect(freeCoolingHours(c)).toBeCloseTo(Math.min(hoursBelow(c, 25), hoursDewPointAtOrBelow(c, 15)), 9);
  });

  it("falls when every month warms (any climate)", () => {
    fc.assert(
      fc.property(arbitraryClimate(), fc.double({ min: 0.1, max: 5, noNaN: true }), (c, dt) => {
        expect(freeCoolingHours(warmedBy(c, dt))).toBeLessThanOrEqual(freeCoolingHours(c) + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("rises with a warmer allowed inlet, a smaller approach and a higher allowed dew point", () => {
    const c = climateOf("ashburn");
    const base = freeCoolingHours(c);
    expect(freeCoolingHours(c, { maxSupplyC: 32 })).toBeGreaterThanOrEqual(base);
    expect(freeCoolingHours(c, { approachK: 0 })).toBeGreaterThanOrEqual(base);
    expect(freeCoolingHours(c, { maxDewPointC: 17 })).toBeGreaterThan(base);
    // With the humidity limit relaxed far enough, only the dry bulb binds.
    expect(freeCoolingHours(c, { maxDewPointC: 35 })).toBeCloseTo(hoursBelow(c, 25), 6);
  });

  it("names a bad option", () => {
    const c = climateOf("london");
    expect(() => freeCoolingHours(c, { maxSupplyC: Number.NaN })).toThrow(/opts\.maxSupplyC/);
    expect(() => freeCoolingHours(c, { approachK: -1 })).toThrow(/opts\.approachK/);
    expect(() => freeCoolingHours(c, { maxDewPointC: Infinity })).toThrow(/opts\.maxDewPointC/);
  });
});

describe("water-side economiser with evaporative assist (wet-bulb hours)", () => {
  it("grows with the allowed wet bulb and stays within [0, 8,760]", () => {
    for (const id of ALL_SITE_IDS) {
      const c = climateOf(id);
      let previous = -1;
      for (const x of [0, 10, 15, 18, 21, 24, 27, 30]) {
        const h = economiserHoursWetBulb(c, x);
        expect(h).toBeGreaterThanOrEqual(Math.max(0, previous - 1e-9));
        expect(h).toBeLessThanOrEqual(8760);
        previous = h;
      }
    }
  });

  it("beats the air-side economiser in hot dry climates (evaporation cools dry air far below its dry bulb)", () => {
    const c = climateOf("phoenix");
    expect(economiserHoursWetBulb(c, 18)).toBeGreaterThan(freeCoolingHours(c) + 1000);
  });

  it("is small in the humid tropics at an 18 °C wet-bulb limit", () => {
    expect(economiserHoursWetBulb(climateOf("singapore"), 18)).toBeLessThan(50);
  });
});

describe("dry coolers with liquid cooling (dry-bulb hours)", () => {
  it("is the hours at or below the allowed dry bulb", () => {
    const c = climateOf("dubai");
    expect(dryCoolerHours(c, 30)).toBeCloseTo(hoursBelow(c, 30), 9);
  });

  it("covers most of the year even in Singapore at a 32 °C limit (warm-water liquid cooling)", () => {
    expect(dryCoolerHours(climateOf("singapore"), 32)).toBeGreaterThan(8000);
  });
});
