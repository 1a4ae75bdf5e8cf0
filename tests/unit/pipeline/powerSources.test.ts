/**
 * The raw power and solar datasets as the pipeline reads them: exchange rates, Eurostat band
 * selection (placeholders, Eurostat geo codes), EIA states, Doing Business economies, the ESMAP
 * country table and ND-GAIN (parsed and checked even though its values are not bundled). Reads the
 * raw folder; skipped without it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_RAW_DIR } from "@/data/pipeline/build";
import { loadDoingBusiness2020 } from "@/data/pipeline/sources/doingBusiness";
import { ECB_USD_PER_EUR, loadEiaIndustrialPrices, selectEurostatPrices, usdPerEur } from "@/data/pipeline/sources/electricityPrices";
import { loadNdGainLatest } from "@/data/pipeline/sources/ndgain";
import { loadPvPotential } from "@/data/pipeline/sources/solar";

const raw = process.env.DATA_RAW_DIR ?? DEFAULT_RAW_DIR;
const file = (rel: string) => path.join(raw, rel);

describe("EUR → USD conversion", () => {
  it("uses the ECB reference rate's annual average of the price's year", () => {
    expect(usdPerEur(2021)).toBe(1.1827);
    expect(usdPerEur(2020)).toBe(1.1422);
    expect(Object.keys(ECB_USD_PER_EUR).map(Number)).toEqual([2019, 2020, 2021]);
  });

  it("refuses a year without a recorded rate rather than guessing one", () => {
    expect(() => usdPerEur(2022)).toThrow(/no ECB EUR→USD reference rate recorded for 2022/);
  });
});

describe.skipIf(!existsSync(raw))("raw power datasets", () => {
  const eurostat = () => selectEurostatPrices(file("eurostat-nrg-pc-205-nonhousehold-electricity-prices/nrg_pc_205_eur_per_kwh_2007S1-2021S1.csv"), "IE", "X_VAT");

  it("Eurostat: the latest band IE price excluding VAT per country, keyed by ISO alpha-2 (EL → GR, UK → GB)", () => {
    const { prices } = eurostat();
    expect(prices.get("DE")).toMatchObject({ year: 2021, semester: 1, eurPerKwh: 0.1267 });
    expect(prices.get("GR")?.geo).toBe("EL");
    expect(prices.get("GB")).toMatchObject({ geo: "UK", year: 2020, semester: 1 });
    expect(prices.has("EU")).toBe(false);
  });

  it("Eurostat: 0.0000 placeholders are never prices (Liechtenstein), and a country without the band is reported but unpriced (Iceland)", () => {
    const { prices, noPrice, reported } = eurostat();
    expect(prices.has("LI")).toBe(false);
    expect(noPrice.get("LI")).toMatch(/placeholder/);
    expect(prices.has("IS")).toBe(false);
    expect(reported.has("IS")).toBe(true);
  });

  it("EIA 2018: all 50 states and DC, Washington cheapest at 4.715 US¢/kWh", () => {
    const eia = loadEiaIndustrialPrices(file("eia-industrial-electricity-price-by-state/eia861_industrial_avg_price_by_state_2017_2018.csv"), 2018);
    expect(eia.size).toBe(51);
    expect(eia.get("Washington")?.usCentsPerKwh).toBe(4.715);
    expect(eia.has("District of Columbia")).toBe(true);
    expect(eia.has("U.S. Total")).toBe(false);
    const cheapest = [...eia.values()].sort((a, b) => a.usCentsPerKwh - b.usCentsPerKwh)[0]!;
    expect(cheapest.state).toBe("Washington");
  });

  it("Doing Business 2020: 191 economies incl. Kosovo (XKX); UAE 7 days, Venezuela's 123.8 US¢/kWh present in the raw data", () => {
    const db = loadDoingBusiness2020(file("worldbank-doing-business-electricity/db2020_getting_electricity_construction_permits_by_economy.csv"));
    expect(db.size).toBe(191);
    expect(db.has("XKX")).toBe(true);
    expect(db.get("ARE")).toMatchObject({ timeDays: 7, reliabilityIndex: 8, priceUsCentsPerKwh: 10.9 });
    expect(db.get("VEN")?.priceUsCentsPerKwh).toBe(123.8);
    expect(db.get("SOM")?.timeDays).toBeNull();
  });

  it("ESMAP/Solargis: Chile 5.36 and Germany 2.96 kWh/kWp/day; Kosovo's XKO is read as XKX", () => {
    const pv = loadPvPotential(file("esmap-solargis-pv-potential-by-country/pv_potential_by_country_2020.csv"));
    expect(pv.get("CHL")?.pvoutKwhKwpDay).toBe(5.36);
    expect(pv.get("DEU")?.pvoutKwhKwpDay).toBe(2.96);
    expect(pv.has("XKX")).toBe(true);
    expect(pv.has("XKO")).toBe(false);
  });

  it("ND-GAIN (parsed, not bundled): Norway's 2021 index about 75, India's about 45; readiness higher in Singapore than in Chad", () => {
    const gain = loadNdGainLatest(file("nd-gain-country-index/gain.csv"));
    expect(gain.get("NOR")).toMatchObject({ year: 2021 });
    expect(gain.get("NOR")!.value).toBeCloseTo(75.0, 0);
    expect(gain.get("IND")!.value).toBeCloseTo(44.6, 0);
    const readiness = loadNdGainLatest(file("nd-gain-country-index/readiness.csv"));
    expect(readiness.get("SGP")!.value).toBeGreaterThan(readiness.get("TCD")!.value);
    // Seven countries have no 2021 value; the latest earlier year is used for them.
    expect(gain.get("LIE")?.year ?? 0).toBeLessThan(2021);
  });
});
