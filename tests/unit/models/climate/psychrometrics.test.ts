import { describe, expect, it } from "vitest";
import {
  dewPointC,
  dryBulbForWetBulbC,
  humidityRatioKgPerKg,
  relativeHumidityPct,
  saturationVapourPressureHpa,
  standardPressureHpa,
  vapourDensityFromPressureGm3,
  vapourPressureFromDensityHpa,
  wetBulbC,
  wetBulbStullC,
} from "@/server/models/climate";

describe("saturation vapour pressure (Magnus, Alduchov & Eskridge 1996)", () => {
  it("is 6.1094 hPa at 0 °C, the Magnus constant", () => {
    expect(saturationVapourPressureHpa(0)).toBeCloseTo(6.1094, 4);
  });

  it("is within 0.4 % of the tabulated values over water (ASHRAE Fundamentals 2017 ch. 1 Table 3)", () => {
    // Saturation pressures of water, hPa: −20 °C 1.2540 (over water), 10 °C 12.282, 20 °C 23.392, 30 °C 42.467, 40 °C 73.844.
    const table: [number, number][] = [[-20, 1.254], [10, 12.282], [20, 23.392], [30, 42.467], [40, 73.844]];
    for (const [t, es] of table) expect(Math.abs(saturationVapourPressureHpa(t) / es - 1)).toBeLessThan(0.004);
  });
});

describe("vapour pressure ↔ water-vapour density (ITU-R P.453 eq. 8, e = ρT/216.7)", () => {
  it("converts the ITU London median density to the vapour pressure SOURCES.md §9.5 quotes (about 10 hPa)", () => {
    // London: ρ50 ≈ 7.7 g/m³ at the P.1510 annual mean 10.5 °C.
    expect(vapourPressureFromDensityHpa(7.7, 10.5)).toBeCloseTo(10.05, 1);
  });

  it("round-trips", () => {
    expect(vapourDensityFromPressureGm3(vapourPressureFromDensityHpa(12.3, 21), 21)).toBeCloseTo(12.3, 10);
  });
});

describe("dew point", () => {
  it("inverts the Magnus curve", () => {
    for (const t of [-30, -5, 0, 12.5, 25, 35]) expect(dewPointC(saturationVapourPressureHpa(t))).toBeCloseTo(t, 9);
  });

  it("is −Infinity without vapour", () => {
    expect(dewPointC(0)).toBe(-Infinity);
  });
});

describe("relative humidity", () => {
  it("is 100 % at saturation and 50 % at half the saturation pressure", () => {
    expect(relativeHumidityPct(20, saturationVapourPressureHpa(20))).toBeCloseTo(100, 9);
    expect(relativeHumidityPct(30, 0.5 * saturationVapourPressureHpa(30))).toBeCloseTo(50, 9);
  });
});

describe("wet bulb, Stull (2011)", () => {
  it("reproduces the paper's example: 20 °C and 50 % RH give 13.7 °C", () => {
    expect(wetBulbStullC(20, 50)).toBeCloseTo(13.7, 1);
  });

  it("clamps inputs to its validity range (RH 5–99 %, T −20…50 °C) and never exceeds the dry bulb", () => {
    expect(wetBulbStullC(25, 0)).toBe(wetBulbStullC(25, 5));
    expect(wetBulbStullC(25, 100)).toBeLessThanOrEqual(25);
    expect(wetBulbStullC(-35, 80)).toBeLessThanOrEqual(-35);
    expect(Number.isFinite(wetBulbStullC(60, 40))).toBe(true);
  });

  it("agrees with the psychrometric-equation wet bulb to within 1 K for 0–45 °C and RH 10–99 %", () => {
    for (let t = 0; t <= 45; t += 5) {
      for (let rh = 10; rh <= 99; rh += 7) {
        const e = (saturationVapourPressureHpa(t) * rh) / 100;
        expect(Math.abs(wetBulbStullC(t, rh) - wetBulbC(t, e))).toBeLessThan(1);
      }
    }
  });
});

describe("wet bulb, psychrometric equation (WMO-No. 8 Annex 4.B)", () => {
  it("matches the psychrometric chart: 30 °C, 50 % RH at sea level → 22.0 °C (±0.2)", () => {
    expect(wetBulbC(30, 0.5 * saturationVapourPressureHpa(30))).toBeCloseTo(22.0, 0);
    expect(Math.abs(wetBulbC(30, 0.5 * saturationVapourPressureHpa(30)) - 22.0)).toBeLessThan(0.2);
  });

  it("lies between the dew point and the dry bulb, and equals the dry bulb at saturation", () => {
    for (const [t, rh] of [[5, 30], [20, 60], [35, 20], [-10, 70]] as const) {
      const e = (saturationVapourPressureHpa(t) * rh) / 100;
      const tw = wetBulbC(t, e);
      expect(tw).toBeGreaterThan(dewPointC(e));
      expect(tw).toBeLessThan(t);
    }
    expect(wetBulbC(25, saturationVapourPressureHpa(25))).toBe(25);
  });

  it("is lower at altitude for the same air (more evaporation at lower pressure)", () => {
    const e = 15;
    expect(wetBulbC(30, e, standardPressureHpa(2000))).toBeLessThan(wetBulbC(30, e));
  });

  it("is inverted in closed form by dryBulbForWetBulbC", () => {
    for (const [t, e] of [[30, 15], [12, 6], [40, 30], [-5, 2]] as const) {
      expect(dryBulbForWetBulbC(wetBulbC(t, e), e)).toBeCloseTo(t, 6);
    }
    expect(dryBulbForWetBulbC(10, saturationVapourPressureHpa(12))).toBe(-Infinity);
  });
});

describe("humidity ratio and pressure (ASHRAE Fundamentals 2017 ch. 1)", () => {
  it("gives the saturation humidity ratio at 20 °C within 1 % of the table (0.014758 kg/kg)", () => {
    expect(Math.abs(humidityRatioKgPerKg(saturationVapourPressureHpa(20)) / 0.014758 - 1)).toBeLessThan(0.01);
  });

  it("gives the standard-atmosphere pressure at 1,000 m (89.88 kPa)", () => {
    expect(standardPressureHpa(1000)).toBeCloseTo(898.7, 0);
    expect(standardPressureHpa(0)).toBe(1013.25);
  });
});
