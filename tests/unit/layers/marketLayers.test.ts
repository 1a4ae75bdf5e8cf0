/**
 * The power-market layers (issue 15) against well-known market facts, read from the committed
 * data/layers through the store's sampler: PPA routes and certificate systems in Germany, Texas,
 * Australia and Brazil; Dublin's data-centre connection restriction and none known in Luleå; the
 * Netherlands' hyperscale rule around Amsterdam; Shanghai's pilot ETS beside the national ETS in
 * Chengdu; Bahrain's single buyer; and every value carrying its row's citation and as-of date.
 */
import { describe, expect, it } from "vitest";
import { powerMarketAt } from "@/server/layers/powerMarket";
import type { ProvenanceRef } from "@/server/layers/sample";
import { sampleAll, testStore, valueAt } from "../../helpers/layers";
import { PLACES } from "../../helpers/places";

const AT = {
  frankfurt: { lat: 50.11, lon: 8.68 },
  berlin: PLACES.berlin,
  dallas: PLACES.dallas,
  sydney: { lat: -33.87, lon: 151.21 },
  saoPaulo: { lat: -23.55, lon: -46.63 },
  dublin: { lat: 53.35, lon: -6.26 },
  cork: { lat: 51.9, lon: -8.47 },
  lulea: { lat: 65.58, lon: 22.15 },
  amsterdam: { lat: 52.37, lon: 4.9 },
  shanghai: { lat: 31.23, lon: 121.47 },
  chengdu: { lat: 30.66, lon: 104.06 },
  manama: { lat: 26.22, lon: 50.58 },
  singapore: PLACES.singapore,
} as const;

const MARKET_LAYERS = ["market.structure", "market.corporate_ppa", "market.eac_system", "market.carbon_price_usd_per_t", "market.large_load_restrictions"];

function featureRef(layerId: string, p: { lat: number; lon: number }): Extract<ProvenanceRef, { kind: "feature" }> {
  const { refs, results } = sampleAll([p], [layerId]);
  const ref = refs[results[0]!.values[0]!.ref!];
  if (ref?.kind !== "feature") throw new Error(`${layerId}: no feature provenance`);
  return ref;
}

describe("market layers: known places", () => {
  it("Frankfurt and Berlin: physical corporate PPA and AIB guarantees of origin", () => {
    for (const p of [AT.frankfurt, AT.berlin]) {
      expect(valueAt("market.corporate_ppa", p).value).toBe("physical");
      expect(valueAt("market.eac_system", p).value).toBe("aib_go");
      expect(valueAt("market.structure", p).value).toBe("liberalised");
    }
    // Frankfurt sits in Hesse, whose row records the city's data-centre zoning; Berlin has none.
    expect(featureRef("market.large_load_restrictions", AT.frankfurt).key).toBe("DE-HE");
    expect(valueAt("market.large_load_restrictions", AT.frankfurt).value).toBe("conditional");
    expect(valueAt("market.large_load_restrictions", AT.berlin).value).toBe("none_known");
  });

  it("Dallas (ERCOT, Texas row): physical PPA and US RECs", () => {
    expect(featureRef("market.corporate_ppa", AT.dallas).key).toBe("US-TX");
    expect(valueAt("market.corporate_ppa", AT.dallas).value).toBe("physical");
    expect(valueAt("market.eac_system", AT.dallas).value).toBe("us_rec");
  });

  it("Sydney and São Paulo have a corporate PPA route (physical or virtual)", () => {
    for (const p of [AT.sydney, AT.saoPaulo]) expect(["physical", "virtual_only"]).toContain(valueAt("market.corporate_ppa", p).value);
    expect(featureRef("market.corporate_ppa", AT.sydney).key).toBe("AU-NSW");
  });

  it("Dublin shows its data-centre connection restriction, the rest of Ireland its national conditions, Luleå none", () => {
    const dublin = valueAt("market.large_load_restrictions", AT.dublin);
    expect(dublin.value).toBe("moratorium");
    const ref = featureRef("market.large_load_restrictions", AT.dublin);
    expect(ref.key).toBe("IE-D");
    expect(ref.url).toMatch(/^https:\/\//);
    expect(ref.note).toMatch(/Dublin/);
    expect(ref.note).toMatch(/approximate/); // a proxied outline says so
    expect(valueAt("market.large_load_restrictions", AT.cork).value).toBe("conditional");
    expect(valueAt("market.large_load_restrictions", AT.lulea).value).toBe("none_known");
  });

  it("Amsterdam (Noord-Holland) has a data-centre restriction", () => {
    const v = valueAt("market.large_load_restrictions", AT.amsterdam);
    expect(["moratorium", "allocation_regime", "conditional"]).toContain(v.value);
    expect(featureRef("market.large_load_restrictions", AT.amsterdam).key).toBe("NL-NH");
  });

  it("Shanghai's pilot ETS price differs from the national ETS price in Chengdu", () => {
    const shanghai = valueAt("market.carbon_price_usd_per_t", AT.shanghai);
    const chengdu = valueAt("market.carbon_price_usd_per_t", AT.chengdu);
    expect(typeof shanghai.value).toBe("number");
    expect(typeof chengdu.value).toBe("number");
    expect(shanghai.value).not.toBe(chengdu.value);
    expect(featureRef("market.carbon_price_usd_per_t", AT.shanghai).note).toMatch(/Shanghai pilot ETS/);
    expect(featureRef("market.carbon_price_usd_per_t", AT.chengdu).note).toMatch(/China national ETS/);
  });

  it("Bahrain is recorded as a single buyer without a corporate PPA route, with a citation", () => {
    expect(valueAt("market.structure", AT.manama).value).toBe("single_buyer");
    expect(valueAt("market.corporate_ppa", AT.manama).value).toBe("not_permitted");
    const ref = featureRef("market.structure", AT.manama);
    expect(ref.key).toBe("BHR");
    expect(ref.citation).toBeTruthy();
    expect(ref.url).toMatch(/^https:\/\//);
    expect(ref.year).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("the carbon price is 0 with a note where no scheme applies, and null with a reason where unknown", () => {
    const texas = valueAt("market.carbon_price_usd_per_t", AT.dallas);
    expect(texas.value).toBe(0);
    expect(featureRef("market.carbon_price_usd_per_t", AT.dallas).note).toMatch(/no scheme applies/);
    const berlin = valueAt("market.carbon_price_usd_per_t", AT.berlin);
    expect(berlin.value).toBeGreaterThan(50);
    const store = testStore();
    const values = store.polygonValues("market.carbon_price_usd_per_t");
    const unknown = values.filter((v) => v.value === null);
    expect(unknown.length).toBeGreaterThan(0);
    for (const v of unknown) expect(v.reason).toBeTruthy();
  });

  it("every market value on every feature carries a citation, URL and as-of date", () => {
    const store = testStore();
    for (const id of MARKET_LAYERS) {
      const values = store.polygonValues(id);
      expect(values.length).toBe(store.polygons.subdivisions.features.length);
      for (const v of values) {
        expect(v.source, `${id} ${v.key}`).toBe("curated-power-market");
        expect(v.url, `${id} ${v.key}`).toMatch(/^https:\/\//);
        expect(v.citation, `${id} ${v.key}`).toBeTruthy();
        expect(v.year, `${id} ${v.key}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(v.confidence, `${id} ${v.key}`).toMatch(/^(high|medium|low)$/);
      }
    }
  });

  it("powerMarketAt returns each fact with its citation, URL, as-of date and confidence", () => {
    const m = powerMarketAt(testStore(), AT.singapore.lon, AT.singapore.lat);
    expect(m.large_load_restrictions.value).toBe("allocation_regime");
    expect(m.carbon_price_usd_per_t.value).toBeGreaterThan(0);
    for (const f of Object.values(m)) {
      expect(f.citation).toBeTruthy();
      expect(f.url).toMatch(/^https:\/\//);
      expect(f.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.confidence).toMatch(/^(high|medium|low)$/);
      expect(f.region?.key).toBe("SGP");
    }
    const dublin = powerMarketAt(testStore(), AT.dublin.lon, AT.dublin.lat);
    expect(dublin.large_load_restrictions.quality).toBe("proxy");
    expect(dublin.large_load_restrictions.region?.key).toBe("IE-D");
  });

  it("the subdivisions set keeps the national electricity price in proxied regions and remainders", () => {
    for (const p of [AT.frankfurt, AT.berlin, AT.dublin, AT.amsterdam]) {
      const v = valueAt("power.price_usd_per_mwh", p);
      expect(typeof v.value).toBe("number");
    }
    expect(valueAt("power.price_usd_per_mwh", AT.frankfurt).value).toBe(valueAt("power.price_usd_per_mwh", AT.berlin).value);
  });
});
