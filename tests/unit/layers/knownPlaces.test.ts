/**
 * The layers against the real world: values at well-known places must tell warm from cold,
 * clean from dirty grids, seismic from stable ground, low coasts from high plateaus, and
 * GDPR from strict localisation. These read the committed data/layers.
 */
import { describe, expect, it } from "vitest";
import { PLACES } from "../../helpers/places";
import { num, valueAt } from "../../helpers/layers";

describe("cooling climate", () => {
  it("Singapore is about 27 °C and Reykjavik about 4–5 °C annual mean", () => {
    expect(num(valueAt("cooling.annual_mean_temp_c", PLACES.singapore))).toBeGreaterThan(26);
    expect(num(valueAt("cooling.annual_mean_temp_c", PLACES.singapore))).toBeLessThan(28.5);
    expect(num(valueAt("cooling.annual_mean_temp_c", PLACES.reykjavik))).toBeGreaterThan(3);
    expect(num(valueAt("cooling.annual_mean_temp_c", PLACES.reykjavik))).toBeLessThan(6);
  });

  it("free cooling: Reykjavik nearly all year, Singapore none (humidity), Dubai little", () => {
    expect(num(valueAt("cooling.free_cooling_hours", PLACES.reykjavik))).toBeGreaterThan(8500);
    expect(num(valueAt("cooling.free_cooling_hours", PLACES.singapore))).toBeLessThan(100);
    expect(num(valueAt("cooling.free_cooling_hours", PLACES.dubai))).toBeLessThan(2500);
  });

  it("design wet bulb is tropical-high in Singapore and Dubai, low in Reykjavik", () => {
    expect(num(valueAt("cooling.design_wet_bulb_c", PLACES.singapore))).toBeGreaterThan(26);
    expect(num(valueAt("cooling.design_wet_bulb_c", PLACES.dubai))).toBeGreaterThan(28);
    expect(num(valueAt("cooling.design_wet_bulb_c", PLACES.reykjavik))).toBeLessThan(16);
  });

  it("Köppen classes: Singapore Af, Phoenix BWh, Paris Cfb, Reykjavik polar-oceanic or tundra", () => {
    expect(valueAt("cooling.koppen", PLACES.singapore).value).toBe("Af");
    expect(valueAt("cooling.koppen", PLACES.phoenix).value).toBe("BWh");
    expect(valueAt("cooling.koppen", PLACES.paris).value).toBe("Cfb");
    expect(["Cfc", "ET", "Dfc"]).toContain(valueAt("cooling.koppen", PLACES.reykjavik).value);
    expect(valueAt("cooling.koppen", PLACES.singapore).label).toMatch(/rainforest/i);
  });
});

describe("grid carbon", () => {
  it("Norway and France are low-carbon, Poland high (lifecycle, Electricity Maps zones)", () => {
    const oslo = num(valueAt("carbon.grid_intensity", PLACES.oslo));
    const paris = num(valueAt("carbon.grid_intensity", PLACES.paris));
    const warsaw = num(valueAt("carbon.grid_intensity", PLACES.warsaw));
    expect(oslo).toBeLessThan(60);
    expect(paris).toBeLessThan(100);
    expect(warsaw).toBeGreaterThan(500);
  });

  it("each value names its zone, year and source", () => {
    const v = valueAt("carbon.grid_intensity", PLACES.oslo);
    expect(v.ref).toBeGreaterThanOrEqual(0);
  });

  it("sub-national zones differ: California (CISO) is cleaner than Texas (ERCOT)", () => {
    expect(num(valueAt("carbon.grid_intensity", PLACES.sanFrancisco))).toBeLessThan(num(valueAt("carbon.grid_intensity", PLACES.dallas)));
  });

  it("France and Norway get national values despite Natural Earth's ISO_A3 = -99", () => {
    for (const id of ["carbon.grid_intensity_production", "carbon.marginal_intensity", "risk.water_stress", "sovereignty.regime"]) {
      expect(valueAt(id, PLACES.paris).value, id).not.toBeNull();
      expect(valueAt(id, PLACES.oslo).value, id).not.toBeNull();
    }
  });

  it("low-carbon share is high in Norway and France, low in Poland", () => {
    expect(num(valueAt("carbon.low_carbon_share", PLACES.oslo))).toBeGreaterThan(90);
    expect(num(valueAt("carbon.low_carbon_share", PLACES.paris))).toBeGreaterThan(85);
    expect(num(valueAt("carbon.low_carbon_share", PLACES.warsaw))).toBeLessThan(45);
  });
});

describe("physical risk", () => {
  it("Tokyo is seismic, Berlin is not", () => {
    expect(num(valueAt("risk.seismic", PLACES.tokyo))).toBeGreaterThan(5);
    expect(num(valueAt("risk.seismic", PLACES.berlin))).toBe(0);
  });

  it("Rotterdam is a low-lying coast, Madrid inland high ground", () => {
    expect(num(valueAt("risk.coastal_exposure", PLACES.rotterdam))).toBeGreaterThan(0.3);
    expect(num(valueAt("risk.coastal_exposure", PLACES.madrid))).toBe(0);
  });

  it("Manila and Tokyo see tropical cyclones, Madrid and Berlin do not", () => {
    expect(num(valueAt("risk.cyclone", PLACES.manila))).toBeGreaterThan(2);
    expect(num(valueAt("risk.cyclone", PLACES.tokyo))).toBeGreaterThan(1);
    expect(num(valueAt("risk.cyclone", PLACES.madrid))).toBe(0);
    expect(num(valueAt("risk.cyclone", PLACES.berlin))).toBe(0);
  });

  it("Dubai has far more extreme-heat hours than Oslo", () => {
    expect(num(valueAt("risk.heat", PLACES.dubai))).toBeGreaterThan(500);
    expect(num(valueAt("risk.heat", PLACES.oslo))).toBe(0);
  });

  it("water stress: the UAE is extremely high (4), Norway low (0); Singapore is missing with WRI's reason", () => {
    expect(num(valueAt("risk.water_stress", PLACES.dubai))).toBe(4);
    expect(num(valueAt("risk.water_stress", PLACES.oslo))).toBe(0);
    const sg = valueAt("risk.water_stress", PLACES.singapore);
    expect(sg.value).toBeNull();
    expect(sg.quality).toBe("missing");
    expect(sg.reason).toMatch(/no baseline water stress score/);
  });

  it("composite risk ranks Manila and Tokyo above Paris", () => {
    const paris = num(valueAt("risk.composite", PLACES.paris));
    expect(num(valueAt("risk.composite", PLACES.manila))).toBeGreaterThan(paris);
    expect(num(valueAt("risk.composite", PLACES.tokyo))).toBeGreaterThan(paris);
  });
});

describe("sovereignty", () => {
  it("EU members are GDPR with no general localisation; China and Russia are strict", () => {
    expect(valueAt("sovereignty.regime", PLACES.paris).value).toBe("eu_eea_gdpr");
    expect(valueAt("sovereignty.regime", PLACES.oslo).value).toBe("eu_eea_gdpr");
    expect(valueAt("sovereignty.localization", PLACES.berlin).value).toBe("none");
    expect(valueAt("sovereignty.localization", PLACES.beijing).value).toBe("strict");
    expect(valueAt("sovereignty.localization", PLACES.moscow).value).toBe("strict");
    expect(valueAt("sovereignty.regime", PLACES.tokyo).value).toBe("eu_adequacy");
  });
});

describe("connectivity", () => {
  it("Paris reaches far more people within 10 ms than Reykjavik", () => {
    expect(num(valueAt("connectivity.population_within_10ms", PLACES.paris))).toBeGreaterThan(50);
    expect(num(valueAt("connectivity.population_within_10ms", PLACES.reykjavik))).toBeLessThan(1);
  });

  it("Ashburn sits next to a cloud region; Reykjavik is over 1,000 km from one", () => {
    expect(num(valueAt("connectivity.nearest_cloud_region_km", PLACES.ashburn))).toBeLessThan(30);
    expect(num(valueAt("connectivity.nearest_cloud_region_km", PLACES.reykjavik))).toBeGreaterThan(1000);
  });
});

describe("missing values carry reasons, never zeros", () => {
  it("a point in the mid-Atlantic is null with an 'at sea' reason for grid and polygon layers", () => {
    for (const id of ["cooling.annual_mean_temp_c", "risk.seismic", "carbon.grid_intensity", "sovereignty.regime"]) {
      const v = valueAt(id, PLACES.midAtlantic);
      expect(v.value, id).toBeNull();
      expect(v.quality).toBe("missing");
      expect(v.reason).toMatch(/sea/);
    }
  });

  it("Antarctica is outside the analysis grid and says so", () => {
    const v = valueAt("cooling.annual_mean_temp_c", PLACES.southPole);
    expect(v.value).toBeNull();
    expect(v.reason).toMatch(/Antarctica/);
  });
});
