import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DESIGN_WET_BULB_MODEL, designWetBulbC, hoursWetBulbAbove } from "@/server/models/climate";
import { arbitraryClimate, moistenedBy, warmedBy } from "./arbitraries";
import { climateOf } from "./sites";

/**
 * ASHRAE 0.4 % annual evaporation wet-bulb design temperatures (°C) the model was calibrated against.
 * "ASHRAE 2009" values are those reproduced in the EnergyPlus weather files (NREL/EnergyPlus
 * `weather/*.stat`, `*.ddy` and `*.epw` "DESIGN CONDITIONS" headers); the 2017/2021 values come from
 * the Handbook's station pages; "approx." values are round numbers we have not checked against a table.
 */
const CALIBRATION: { id: string; referenceC: number; source: string }[] = [
  { id: "phoenix", referenceC: 24.5, source: "ASHRAE 2009, Phoenix Sky Harbor" },
  { id: "ashburn", referenceC: 25.4, source: "ASHRAE 2009, Washington Dulles" },
  { id: "miami", referenceC: 26.8, source: "ASHRAE 2009, Miami Intl" },
  { id: "las_vegas", referenceC: 22.6, source: "ASHRAE 2009, Las Vegas McCarran" },
  { id: "chicago", referenceC: 25.5, source: "ASHRAE, Chicago O'Hare (EnergyPlus design day)" },
  { id: "london_gatwick", referenceC: 19.7, source: "ASHRAE 2009, London Gatwick" },
  { id: "copenhagen", referenceC: 19.3, source: "ASHRAE 2009, Copenhagen Kastrup" },
  { id: "munich", referenceC: 19.7, source: "ASHRAE 2021, Munich" },
  { id: "montreal", referenceC: 23.2, source: "ASHRAE 2009, Montreal Dorval" },
  { id: "chongqing", referenceC: 27.4, source: "ASHRAE 2009, Chongqing" },
  { id: "doha", referenceC: 31.1, source: "ASHRAE 2017, Doha Intl" },
  { id: "con_son", referenceC: 27.3, source: "ASHRAE 2017, Con Son" },
  { id: "singapore", referenceC: 27.5, source: "approx. (27–28)" },
  { id: "reykjavik", referenceC: 13, source: "approx." },
  { id: "lulea", referenceC: 17, source: "approx." },
];

describe("design wet bulb (estimate of the ASHRAE 0.4 % evaporation wet bulb)", () => {
  it.each(CALIBRATION)("$id: within ±1.5 °C of $referenceC °C ($source)", ({ id, referenceC }) => {
    expect(Math.abs(designWetBulbC(climateOf(id)) - referenceC)).toBeLessThanOrEqual(1.5);
  });

  it("has an RMS error below 0.8 °C over the calibration set", () => {
    const se = CALIBRATION.reduce((a, { id, referenceC }) => a + (designWetBulbC(climateOf(id)) - referenceC) ** 2, 0);
    expect(Math.sqrt(se / CALIBRATION.length)).toBeLessThan(0.8);
  });

  it("reads Dubai high (about 32 °C against an approximate 30 °C): its P.836 humid extreme is a Gulf-coast one", () => {
    // Known weakness, kept visible: ρ exceeded 1 % at the Dubai cell is 28.8 g/m³ (dew point about 30 °C).
    // Neighbouring Doha's sourced value is 31.1 °C and the model gives 31.9 °C there.
    const dubai = designWetBulbC(climateOf("dubai"));
    expect(dubai).toBeGreaterThan(30);
    expect(dubai).toBeLessThan(33);
  });

  it("uses the documented constants", () => {
    expect(DESIGN_WET_BULB_MODEL).toEqual({ coincidentOffsetK: 4.25, perAnnualRange: 0.13 });
  });

  it("is humid-tropical > continental > maritime > subarctic", () => {
    const v = (id: string) => designWetBulbC(climateOf(id));
    expect(v("singapore")).toBeGreaterThan(v("ashburn"));
    expect(v("ashburn")).toBeGreaterThan(v("london"));
    expect(v("london")).toBeGreaterThan(v("reykjavik"));
  });

  it("rises with humidity (any climate)", () => {
    fc.assert(
      fc.property(arbitraryClimate(), fc.double({ min: 1.01, max: 1.5, noNaN: true }), (c, k) => {
        fc.pre(c.rho1Gm3 * k <= 100); // stay inside the validated input range
        expect(designWetBulbC(moistenedBy(c, k))).toBeGreaterThanOrEqual(designWetBulbC(c) - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("rises with temperature (any climate)", () => {
    fc.assert(
      fc.property(arbitraryClimate(), fc.double({ min: 0.1, max: 5, noNaN: true }), (c, dt) => {
        expect(designWetBulbC(warmedBy(c, dt))).toBeGreaterThanOrEqual(designWetBulbC(c) - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("falls with altitude for the same temperatures and humidity (lower pressure)", () => {
    const c = climateOf("la_paz");
    expect(designWetBulbC({ ...c, elevationM: 4000 })).toBeLessThan(designWetBulbC({ ...c, elevationM: 0 }));
  });

  it("is roughly consistent with the hourly wet-bulb model: exceeded for tens, not thousands, of hours", () => {
    // ASHRAE's 0.4 % is 35 h. The two models are calibrated separately (see the report on weaknesses).
    for (const { id } of CALIBRATION) {
      const h = hoursWetBulbAbove(climateOf(id), designWetBulbC(climateOf(id)));
      expect(h).toBeLessThan(250);
    }
  });
});
