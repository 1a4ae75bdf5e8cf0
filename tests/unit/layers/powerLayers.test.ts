/**
 * Power and market layers (issue 9) against the real world, read from the committed data/layers:
 * cheap US industrial power vs Germany, fast vs slow grid connections, every EU member and US state
 * priced, artefacts excluded with their reason, solar resource Chile vs Germany, and the state
 * value winning over the country value inside the United States.
 */
import { describe, expect, it } from "vitest";
import { EU27 } from "@/data/pipeline/gates";
import type { ProvenanceRef } from "@/server/layers/sample";
import { num, sampleAll, testStore, valueAt } from "../../helpers/layers";
import { PLACES } from "../../helpers/places";

const AT = {
  seattle: { lat: 47.61, lon: -122.33 },
  wenatchee: { lat: 47.42, lon: -120.31 },
  dallas: PLACES.dallas,
  houston: { lat: 29.76, lon: -95.37 },
  honolulu: { lat: 21.31, lon: -157.86 },
  washingtonDc: { lat: 38.9, lon: -77.03 },
  berlin: PLACES.berlin,
  paris: PLACES.paris,
  oslo: PLACES.oslo,
  dublin: { lat: 53.35, lon: -6.26 },
  london: { lat: 51.51, lon: -0.13 },
  reykjavik: PLACES.reykjavik,
  singapore: PLACES.singapore,
  dubai: PLACES.dubai,
  seoul: { lat: 37.57, lon: 126.98 },
  monrovia: { lat: 6.31, lon: -10.8 },
  antananarivo: { lat: -18.88, lon: 47.51 },
  caracas: { lat: 10.49, lon: -66.88 },
  lagos: { lat: 6.45, lon: 3.39 },
  saoPaulo: { lat: -23.55, lon: -46.63 },
  montreal: { lat: 45.5, lon: -73.57 },
  calama: { lat: -22.46, lon: -68.93 },
  santiago: { lat: -33.45, lon: -70.67 },
} as const;

/** The provenance record of one sampled value. */
function refAt(layerId: string, p: { lat: number; lon: number }): Extract<ProvenanceRef, { kind: "feature" }> {
  const { refs, results } = sampleAll([p], [layerId]);
  const ref = refs[results[0]!.values[0]!.ref!];
  if (ref?.kind !== "feature") throw new Error(`no feature provenance for ${layerId} at ${JSON.stringify(p)}`);
  return ref;
}

describe("electricity price (USD/MWh)", () => {
  it("cheap US industrial power (Washington, Texas) costs well under half of Germany's large-user price", () => {
    const wa = num(valueAt("power.price_usd_per_mwh", AT.wenatchee));
    const tx = num(valueAt("power.price_usd_per_mwh", AT.dallas));
    const de = num(valueAt("power.price_usd_per_mwh", AT.berlin));
    expect(wa).toBeCloseTo(47.2, 1); // EIA 2018: 4.715 ¢/kWh
    expect(tx).toBeCloseTo(53.9, 1); // 5.3907 ¢/kWh
    expect(de).toBeGreaterThan(140); // Eurostat 2021S1 IE X_VAT 0.1267 EUR/kWh × 1.1827
    expect(de).toBeGreaterThan(2 * Math.max(wa, tx));
  });

  it("a point in a US state gets the state's EIA value, not the US national Doing Business price", () => {
    for (const [p, key] of [[AT.dallas, "US-TX"], [AT.houston, "US-TX"], [AT.seattle, "US-WA"], [AT.honolulu, "US-HI"], [AT.washingtonDc, "US-DC"]] as const) {
      const ref = refAt("power.price_usd_per_mwh", p);
      expect(ref).toMatchObject({ set: "subdivisions", key, source: "eia-861-industrial-price", year: "2018" });
    }
    // The Doing Business US value (18.1 US¢/kWh for a small warehouse in New York and Los Angeles) never shows.
    expect(num(valueAt("power.price_usd_per_mwh", AT.dallas))).not.toBeCloseTo(181, 0);
    expect(num(valueAt("power.price_usd_per_mwh", AT.honolulu))).toBeGreaterThan(200); // island grid, 26.1 ¢/kWh
  });

  it("each value names its source kind, year, currency basis and band; EIA and Eurostat values are observed, Doing Business values proxies", () => {
    const de = refAt("power.price_usd_per_mwh", AT.berlin);
    expect(de).toMatchObject({ key: "DEU", source: "eurostat-nrg-pc-205", year: "2021S1", quality: "observed" });
    expect(de.note).toMatch(/^Source kind: national non-household price/);
    expect(de.note).toMatch(/band IE \(20–70 GWh\/yr\)/);
    expect(de.note).toMatch(/X_VAT/);
    expect(de.note).toMatch(/1\.1827 USD\/EUR \(ECB reference rate, 2021 annual average\)/);
    const tx = refAt("power.price_usd_per_mwh", AT.dallas);
    expect(tx.note).toMatch(/^Source kind: US state industrial average \(EIA Table 5C, 2018\)/);
    expect(tx.note).toMatch(/nominal USD/);
    expect(valueAt("power.price_usd_per_mwh", AT.dallas).quality).toBe("observed");
    const sg = refAt("power.price_usd_per_mwh", AT.singapore);
    expect(sg).toMatchObject({ key: "SGP", source: "worldbank-doing-business", year: "2019" });
    expect(sg.note).toMatch(/^Source kind: small-business tariff/);
    expect(valueAt("power.price_usd_per_mwh", AT.singapore).quality).toBe("proxy");
  });

  it("every EU member has a Eurostat price, and every US state and DC an EIA price", () => {
    const s = testStore();
    const values = new Map(s.polygonValues("power.price_usd_per_mwh").map((v) => [v.key, v]));
    for (const key of EU27) {
      const v = values.get(key);
      expect(v?.value, key).toEqual(expect.any(Number));
      expect(v?.source, key).toBe("eurostat-nrg-pc-205");
    }
    const states = [...values.values()].filter((v) => v.key.startsWith("US-"));
    expect(states).toHaveLength(51);
    for (const v of states) {
      expect(v.value, v.key).toEqual(expect.any(Number));
      expect(v.source, v.key).toBe("eia-861-industrial-price");
    }
    expect(states.map((v) => v.key)).toContain("US-DC");
  });

  it("France and Norway are priced despite Natural Earth's ISO_A3 = -99", () => {
    expect(refAt("power.price_usd_per_mwh", AT.paris)).toMatchObject({ key: "FRA", source: "eurostat-nrg-pc-205" });
    expect(refAt("power.price_usd_per_mwh", AT.oslo)).toMatchObject({ key: "NOR", source: "eurostat-nrg-pc-205" });
  });

  it("Eurostat covers non-EU countries it reports (UK); Iceland, with no band IE, falls back to Doing Business and says why", () => {
    expect(refAt("power.price_usd_per_mwh", AT.london)).toMatchObject({ key: "GBR", source: "eurostat-nrg-pc-205", year: "2020S1" });
    const is = refAt("power.price_usd_per_mwh", AT.reykjavik);
    expect(is).toMatchObject({ key: "ISL", source: "worldbank-doing-business" });
    expect(is.note).toMatch(/no band IE \(20–70 GWh\/yr\) price/);
  });

  it("Venezuela's exchange-rate artefact is excluded: null with the reason", () => {
    const v = valueAt("power.price_usd_per_mwh", AT.caracas);
    expect(v.value).toBeNull();
    expect(v.quality).toBe("missing");
    expect(v.reason).toMatch(/artefact/);
    expect(v.reason).toMatch(/exchange rate/);
  });

  it("Brazilian and Canadian states take their country's value, marked as national", () => {
    const sp = refAt("power.price_usd_per_mwh", AT.saoPaulo);
    expect(sp).toMatchObject({ set: "subdivisions", key: "BR-SP", source: "worldbank-doing-business" });
    expect(sp.note).toMatch(/National value for Brazil/);
    expect(refAt("power.price_usd_per_mwh", AT.montreal)).toMatchObject({ key: "CA-QC", source: "worldbank-doing-business" });
  });

  it("power.price_basis maps the kind of price: EIA in Texas, Eurostat in Germany, Doing Business in Singapore", () => {
    expect(valueAt("power.price_basis", AT.dallas).value).toBe("eia_state_industrial");
    expect(valueAt("power.price_basis", AT.berlin).value).toBe("eurostat_band_ie");
    expect(valueAt("power.price_basis", AT.singapore).value).toBe("db_small_business");
    expect(valueAt("power.price_basis", AT.caracas).reason).toMatch(/artefact/);
  });
});

describe("time to connect (Doing Business, relative proxy)", () => {
  it("the UAE and Korea connect in under two weeks; Liberia and Madagascar take more than a year", () => {
    expect(num(valueAt("power.time_to_connect_days", AT.dubai))).toBe(7);
    expect(num(valueAt("power.time_to_connect_days", AT.seoul))).toBe(13);
    expect(num(valueAt("power.time_to_connect_days", AT.monrovia))).toBeGreaterThan(365);
    expect(num(valueAt("power.time_to_connect_days", AT.antananarivo))).toBeGreaterThan(365);
    expect(valueAt("power.time_to_connect_days", AT.dubai).quality).toBe("proxy");
  });

  it("warns where Doing Business data were found irregular (UAE) and where two cities were averaged (US)", () => {
    expect(refAt("power.time_to_connect_days", AT.dubai).note).toMatch(/data irregularities/);
    expect(refAt("power.time_to_connect_days", AT.dallas).note).toMatch(/New York City and Los Angeles/);
  });
});

describe("supply reliability", () => {
  it("Germany scores the full 8 with SAIDI in its note; Nigeria 0, noted as no outage data", () => {
    expect(num(valueAt("power.supply_reliability", AT.berlin))).toBe(8);
    expect(refAt("power.supply_reliability", AT.berlin).note).toMatch(/SAIDI 0\.25 h/);
    expect(num(valueAt("power.supply_reliability", AT.lagos))).toBe(0);
    expect(refAt("power.supply_reliability", AT.lagos).note).toMatch(/not reported/);
  });

  it("SAIDI and SAIFI are their own layers; missing where the utility did not report them", () => {
    expect(num(valueAt("power.saidi_hours_per_year", AT.berlin))).toBeLessThan(1);
    expect(num(valueAt("power.saifi_per_year", AT.berlin))).toBeLessThan(1);
    const ng = valueAt("power.saidi_hours_per_year", AT.lagos);
    expect(ng.value).toBeNull();
    expect(ng.reason).toMatch(/did not report/);
  });
});

describe("solar resource (country averages)", () => {
  it("Chile's PV potential is high and Germany's low (ESMAP/Solargis)", () => {
    expect(num(valueAt("renewables.pv_potential_kwh_per_kwp_day", AT.calama))).toBeCloseTo(5.36, 2);
    expect(num(valueAt("renewables.pv_potential_kwh_per_kwp_day", AT.santiago))).toBeCloseTo(5.36, 2); // one country mean
    expect(num(valueAt("renewables.pv_potential_kwh_per_kwp_day", AT.berlin))).toBeCloseTo(2.96, 2);
    expect(num(valueAt("renewables.ghi_kwh_m2_day", AT.calama))).toBeGreaterThan(num(valueAt("renewables.ghi_kwh_m2_day", AT.berlin)) + 2);
  });
});

describe("climate readiness (ND-GAIN)", () => {
  it("is listed as missing with the licence reason until ND-GAIN's terms are confirmed", () => {
    const layer = testStore().layer("risk.climate_readiness")!;
    expect(layer.quality).toBe("missing");
    expect(layer.missingReason).toMatch(/licence/);
    const v = valueAt("risk.climate_readiness", AT.oslo);
    expect(v.value).toBeNull();
    expect(v.reason).toMatch(/licence/);
  });
});

describe("country layers join France and Norway (ISO_A3 = -99 trap)", () => {
  it("every new country layer has a value in Paris and Oslo", () => {
    for (const id of ["power.time_to_connect_days", "power.supply_reliability", "renewables.pv_potential_kwh_per_kwp_day", "renewables.ghi_kwh_m2_day"]) {
      expect(valueAt(id, AT.paris).value, id).not.toBeNull();
      expect(valueAt(id, AT.oslo).value, id).not.toBeNull();
    }
  });
});

describe("the subdivisions polygon set", () => {
  it("gives every land cell a feature, and the western Aleutians (east of 180°) to Alaska", () => {
    const s = testStore();
    const sub = s.polygons.subdivisions;
    let none = 0;
    for (let li = 0; li < s.grid.landCells; li++) if (sub.majorityOfLandCell(li) < 0) none++;
    expect(none).toBe(0);
    const attu = s.grid.landIndexAt(52.875, 172.625);
    expect(attu).toBeGreaterThanOrEqual(0);
    expect(sub.features[sub.majorityOfLandCell(attu)]!.key).toBe("US-AK");
  });

  it("keeps whole countries under their Natural Earth key, with parent codes on subdivisions", () => {
    const sub = testStore().polygons.subdivisions;
    const byKey = new Map(sub.features.map((f) => [f.key, f]));
    expect(byKey.get("FRA")?.props).toMatchObject({ level: "country", country: "FRA", iso3: "FRA" });
    // Germany is split by the power-market table's Hesse row: a proxied region and the remainder, keyed DEU.
    expect(byKey.get("DEU")?.props).toMatchObject({ level: "country_remainder", country: "DEU", iso3: "DEU" });
    expect(byKey.get("DE-HE")?.props).toMatchObject({ level: "admin1_proxy", country: "DEU", iso2: "DE" });
    expect(byKey.get("US-TX")?.props).toMatchObject({ level: "admin1", country: "USA", iso3: "USA", iso2: "US" });
    expect(byKey.has("USA")).toBe(false);
  });
});
