import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  dryBulbDegreeHoursAbove,
  dryBulbExceededC,
  hoursAbove,
  hoursBelow,
  monthlyDryBulbExceededC,
  monthlyTemperatureModel,
  type SiteClimate,
} from "@/server/models/climate";
import { ALL_SITE_IDS, climateOf, fixtureSite } from "./sites";
import { arbitraryClimate, warmedBy } from "./arbitraries";

/**
 * ASHRAE Handbook—Fundamentals (2009) climatic design data of four stations, as reproduced in the
 * EnergyPlus TMY3 statistics files (NREL/EnergyPlus `weather/USA_*_TMY3.stat`): per month the dry bulb
 * exceeded 0.4 %, 2 %, 5 % and 10 % of the month's hours, and cooling degree-hours above 23.3 °C and
 * 26.7 °C; annually the 0.4 % design dry bulb. `meanC` are the TMY3 monthly means of the same files
 * (the model's input here, so these checks test the hourly model, not the ITU grids).
 */
const STATIONS = {
  "Phoenix Sky Harbor": {
    fixture: "phoenix",
    meanC: [13.0, 15.7, 17.3, 23.7, 27.3, 34.0, 35.6, 33.8, 30.4, 24.8, 18.0, 11.7],
    db: {
      0.004: [25.9, 28.6, 33.2, 37.4, 41.8, 45.1, 45.4, 44.0, 42.3, 38.4, 31.1, 24.5],
      0.02: [23.9, 26.3, 30.7, 35.2, 39.6, 42.9, 43.7, 42.5, 40.7, 36.5, 28.9, 22.5],
      0.05: [21.9, 24.5, 28.6, 33.3, 37.8, 41.6, 42.5, 41.4, 39.4, 34.5, 26.8, 20.9],
      0.1: [19.9, 22.6, 26.5, 31.3, 36.1, 40.4, 41.2, 40.2, 37.9, 32.5, 24.8, 19.1],
    },
    cdh233: 38385,
    cdh267: 24726,
    designDb004: 43.4,
    maxDesignErrorK: 1.5,
    maxRmsK: 1.6,
  },
  "Washington Dulles": {
    fixture: "ashburn",
    meanC: [0.6, 1.6, 7.7, 12.5, 18.2, 22.5, 24.5, 23.0, 20.1, 11.9, 7.8, 1.0],
    db: {
      0.004: [19.3, 20.6, 27.3, 30.5, 32.0, 34.3, 36.1, 35.8, 34.1, 28.4, 24.5, 21.0],
      0.02: [16.0, 16.4, 22.3, 26.9, 30.0, 32.4, 34.3, 33.8, 30.9, 26.0, 21.2, 17.0],
      0.05: [12.2, 13.4, 19.0, 24.1, 28.1, 30.8, 32.8, 32.0, 28.8, 23.7, 18.9, 13.7],
      0.1: [8.8, 10.6, 16.0, 21.3, 25.6, 29.2, 31.2, 30.3, 27.0, 21.4, 16.6, 11.0],
    },
    cdh233: 5984,
    cdh267: 2300,
    designDb004: 34.1,
    maxRmsK: 2.5,
    maxDesignErrorK: 2.0,
  },
  "Miami Intl": {
    fixture: "miami",
    meanC: [19.4, 20.9, 21.6, 24.1, 26.4, 27.7, 28.1, 28.0, 27.5, 26.3, 23.6, 20.3],
    db: {
      0.004: [28.5, 29.2, 30.8, 31.9, 32.9, 33.8, 34.2, 34.1, 33.3, 32.1, 30.2, 28.6],
      0.02: [27.3, 27.9, 29.3, 30.3, 31.5, 32.6, 33.0, 33.0, 32.3, 31.2, 29.1, 27.6],
      0.05: [26.3, 27.0, 28.0, 29.1, 30.7, 31.8, 32.4, 32.4, 31.7, 30.3, 28.3, 26.8],
      0.1: [25.3, 26.0, 26.9, 28.1, 29.8, 31.0, 31.7, 31.8, 31.0, 29.5, 27.5, 26.0],
    },
    cdh233: 22400,
    cdh267: 7092,
    designDb004: 33.2,
    maxDesignErrorK: 1.5,
    maxRmsK: 1.0,
  },
  "Las Vegas McCarran": {
    fixture: "las_vegas",
    meanC: [7.8, 9.3, 12.9, 19.4, 24.8, 30.2, 33.1, 31.5, 27.5, 19.6, 13.0, 8.3],
    db: {
      0.004: [20.2, 25.1, 29.5, 34.3, 39.7, 42.9, 44.8, 43.0, 39.8, 35.0, 25.9, 19.6],
      0.02: [18.3, 22.0, 27.0, 31.9, 37.4, 41.2, 43.0, 41.7, 38.1, 32.7, 23.7, 17.4],
      0.05: [16.8, 19.9, 25.0, 29.8, 35.4, 39.7, 41.7, 40.3, 36.7, 30.4, 21.8, 15.8],
      0.1: [15.0, 17.9, 22.8, 27.6, 33.4, 38.1, 40.3, 38.9, 35.2, 28.3, 19.8, 14.1],
    },
    cdh233: 27352,
    cdh267: 16815,
    designDb004: 42.4,
    maxDesignErrorK: 1.5,
    maxRmsK: 2.0,
  },
} as const;

type StationName = keyof typeof STATIONS;
const STATION_NAMES = Object.keys(STATIONS) as StationName[];

function stationClimate(name: StationName): SiteClimate {
  const station = STATIONS[name];
  return { ...climateOf(station.fixture), monthlyMeanC: station.meanC };
}

describe("hours above and below a threshold", () => {
  it.each(ALL_SITE_IDS)("%s: split the 8,760-hour year and stay within it", (id) => {
    const c = climateOf(id);
    for (const x of [-30, -5, 0, 10, 18, 25, 27, 35, 45]) {
      const above = hoursAbove(c, x);
      expect(above).toBeGreaterThanOrEqual(0);
      expect(above).toBeLessThanOrEqual(8760);
      expect(above + hoursBelow(c, x)).toBeCloseTo(8760, 9);
    }
  });

  it("are all or nothing far from the climate", () => {
    const c = climateOf("london");
    expect(hoursAbove(c, -80)).toBe(8760);
    expect(hoursAbove(c, 80)).toBe(0);
  });

  it("fall as the threshold rises (any climate)", () => {
    fc.assert(
      fc.property(arbitraryClimate(), fc.double({ min: -40, max: 45, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), (c, x, dx) => {
        expect(hoursAbove(c, x + dx)).toBeLessThanOrEqual(hoursAbove(c, x) + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("rise when every month warms (any climate)", () => {
    fc.assert(
      fc.property(arbitraryClimate(), fc.double({ min: -20, max: 40, noNaN: true }), fc.double({ min: 0.1, max: 5, noNaN: true }), (c, x, dt) => {
        expect(hoursAbove(warmedBy(c, dt), x)).toBeGreaterThanOrEqual(hoursAbove(c, x) - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("give Singapore every hour above 20 °C and Reykjavik none above 25 °C", () => {
    expect(hoursAbove(climateOf("singapore"), 20)).toBeGreaterThan(8750);
    expect(hoursAbove(climateOf("reykjavik"), 25)).toBeLessThan(1);
  });
});

describe("per-month parameters (diurnal range and day-to-day spread)", () => {
  it("gives humid maritime and tropical climates a small diurnal range and dry deserts a large one", () => {
    const dtr = (id: string) => Math.max(...monthlyTemperatureModel(climateOf(id)).diurnalRangeK);
    expect(dtr("singapore")).toBeGreaterThanOrEqual(4);
    expect(dtr("singapore")).toBeLessThanOrEqual(8);
    expect(dtr("dublin")).toBeLessThan(9);
    expect(dtr("phoenix")).toBeGreaterThan(10);
    expect(dtr("phoenix")).toBeGreaterThan(dtr("singapore") + 4);
  });

  it("gives the humid tropics a day-to-day σ near 1 K and continental winters several K", () => {
    const sg = monthlyTemperatureModel(climateOf("singapore")).dayToDaySigmaK;
    expect(Math.max(...sg)).toBeLessThan(1.5);
    const lulea = monthlyTemperatureModel(climateOf("lulea")).dayToDaySigmaK;
    expect(lulea[0]).toBeGreaterThan(4); // January
    expect(lulea[6]).toBeLessThan(3.5); // July
  });
});

describe("validation against ASHRAE station climatology (model fed the stations' monthly means)", () => {
  it.each(STATION_NAMES)("%s: monthly 0.4/2/5/10 %% design dry bulbs within the stated RMS error", (name) => {
    const station = STATIONS[name];
    const c = stationClimate(name);
    const errors: number[] = [];
    for (const [fraction, values] of Object.entries(station.db)) {
      for (let m = 0; m < 12; m++) errors.push(monthlyDryBulbExceededC(c, m, Number(fraction)) - (values[m] as number));
    }
    const rms = Math.sqrt(errors.reduce((a, e) => a + e * e, 0) / errors.length);
    // Phoenix 1.4 K, Dulles 2.3 K (the model's σ and DTR run low there), Miami 0.8 K, Las Vegas 1.8 K.
    expect(rms).toBeLessThan(station.maxRmsK);
  });

  it.each(STATION_NAMES)("%s: annual cooling degree-hours at 23.3 °C and 26.7 °C within 30 %%", (name) => {
    const station = STATIONS[name];
    const c = stationClimate(name);
    expect(Math.abs(dryBulbDegreeHoursAbove(c, 23.3) / station.cdh233 - 1)).toBeLessThan(0.3);
    expect(Math.abs(dryBulbDegreeHoursAbove(c, 26.7) / station.cdh267 - 1)).toBeLessThan(0.3);
  });

  it.each(STATION_NAMES)("%s: 0.4 %% annual design dry bulb within 1.5 K (2 K at Dulles)", (name) => {
    // Model − ASHRAE: Phoenix +1.2, Dulles −1.5, Miami +0.5, Las Vegas −0.2 K.
    const station = STATIONS[name];
    expect(Math.abs(dryBulbExceededC(stationClimate(name), 0.004) - station.designDb004)).toBeLessThan(station.maxDesignErrorK);
  });
});

describe("on the ITU grids", () => {
  it("reads Phoenix about 2.5 K cold (0.75° orography, SOURCES.md §9.1), so its heat is underestimated", () => {
    const itu = dryBulbExceededC(climateOf("phoenix"), 0.004);
    expect(fixtureSite("phoenix").monthlyMeanC[6]).toBeLessThan(STATIONS["Phoenix Sky Harbor"].meanC[6] - 2);
    expect(itu).toBeLessThan(STATIONS["Phoenix Sky Harbor"].designDb004);
  });
});
