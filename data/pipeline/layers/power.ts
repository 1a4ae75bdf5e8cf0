/**
 * Power and market layers (issue 9): electricity price, time to connect, supply reliability, solar
 * resource and climate-adaptation readiness.
 *
 * Electricity price draws on three sources of different kinds, most specific first, on the
 * `subdivisions` polygon set (US states and DC as their own features, whole countries elsewhere;
 * proxied regions and country remainders take their country's national value):
 * 1. US states and DC: EIA industrial average price (observed);
 * 2. countries Eurostat reports: nrg_pc_205 band IE, excluding VAT (observed), converted to USD;
 * 3. elsewhere: World Bank Doing Business 2020 small-business tariff (proxy).
 * Precedence is resolved here, per feature, so a point in Texas gets Texas's EIA value because it
 * lies in the Texas feature — there is no separate US value to override. Every value names its
 * source kind, year, currency basis and band, and carries its own quality; `power.price_basis`
 * maps which kind applies where.
 */
import type { CategoryKey, LayerMeta, PolygonValue } from "../../schema/manifest";
import { rawPath, type BuildContext } from "../context";
import type { PolygonSet } from "../polygons";
import { DB_DATA_YEAR, DB_EDITION, dbEconomyCaveats, loadDoingBusiness2020, type DbEconomy } from "../sources/doingBusiness";
import { EUROSTAT_FLAGS, loadEiaIndustrialPrices, selectEurostatPrices, usdPerEur } from "../sources/electricityPrices";
import { loadNdGainLatest, ND_GAIN_BUNDLING_CONFIRMED } from "../sources/ndgain";
import { loadPvPotential } from "../sources/solar";
import type { SubdivisionFeature } from "../sources/subdivisions";
import { polygonLayer, round } from "./define";

type Value = Omit<PolygonValue, "key">;

/** EIA vintage used (the raw file also has 2017). */
export const EIA_YEAR = 2018;
/**
 * Eurostat consumption band and tax basis. IE (20–70 GWh/yr, about 2.3–8 MW average load) is the
 * largest band published for nearly every country (IF/IG are often suppressed as confidential);
 * X_VAT excludes VAT and other recoverable taxes, the usual basis for a business.
 */
export const EUROSTAT_BAND = "IE";
export const EUROSTAT_BAND_LABEL = "band IE (20–70 GWh/yr)";
export const EUROSTAT_TAX = "X_VAT";
/** A Eurostat value older than this (Kosovo's last IE value is 2016S2) gives way to DB2020 (2019 data). */
export const EUROSTAT_MIN_YEAR = 2019;

/** Values known to be artefacts, excluded with the reason (ISO3 → reason). */
export const PRICE_EXCLUSIONS: Record<string, string> = {
  VEN: "Excluded as an artefact: Doing Business converts Venezuela's tariff to US cents at the official exchange rate, which under hyperinflation gives 123.8 US¢/kWh in DB2020 (820–1,038 in DB2015–DB2017) — not a price anyone pays.",
};

/** Kinds of price source, so users know what they compare (Okabe–Ito colours). */
export const PRICE_BASIS: CategoryKey[] = [
  { code: 0, key: "eia_state_industrial", label: `US state industrial average (EIA, ${EIA_YEAR})`, color: "#0072b2" },
  { code: 1, key: "eurostat_band_ie", label: "National non-household price, 20–70 GWh/yr, excl. VAT (Eurostat)", color: "#009e73" },
  { code: 2, key: "db_small_business", label: "Small-business tariff in the largest business city (Doing Business 2020)", color: "#e69f00" },
];

const fmt = (v: number, digits: number) => v.toFixed(digits);

interface PriceResult { value: Value; basis: string }

function priceValues(ctx: BuildContext, db: Map<string, DbEconomy>): { prices: Map<string, PriceResult>; missing: Map<string, string> } {
  const eia = loadEiaIndustrialPrices(rawPath(ctx, "eia-industrial-electricity-price-by-state/eia861_industrial_avg_price_by_state_2017_2018.csv"), EIA_YEAR);
  const euro = selectEurostatPrices(rawPath(ctx, "eurostat-nrg-pc-205-nonhousehold-electricity-prices/nrg_pc_205_eur_per_kwh_2007S1-2021S1.csv"), EUROSTAT_BAND, EUROSTAT_TAX);
  const prices = new Map<string, PriceResult>();
  const missing = new Map<string, string>();
  const usedStates = new Set<string>();

  for (const f of ctx.subdivisions.features as SubdivisionFeature[]) {
    const { level, iso3, iso2 } = f.props;
    if (level === "admin1" && f.props.country === "USA") {
      const s = eia.get(f.shortName);
      if (!s) throw new Error(`EIA ${EIA_YEAR}: no industrial price for ${f.shortName} (${f.key})`);
      usedStates.add(s.state);
      prices.set(f.key, {
        basis: "eia_state_industrial",
        value: {
          value: round(s.usCentsPerKwh * 10, 1),
          year: String(s.year),
          source: "eia-861-industrial-price",
          quality: "observed",
          note: `Source kind: US state industrial average (EIA Table 5C, ${s.year}). ${fmt(s.usCentsPerKwh, 2)} US¢/kWh, nominal USD: revenue ÷ sales over ${s.customers === 1 ? "the 1 industrial customer" : `all ${s.customers.toLocaleString("en")} industrial customers`} in ${s.state}; taxes billed separately to customers are not revenue (EIA-861 definitions); no consumption band (all industrial sizes).`,
        },
      });
      continue;
    }
    const national = level === "admin1" || level === "admin1_proxy" ? ` National value for ${f.name.split(", ").pop()}: the bundled data have no price per state or province.` : "";
    if (!iso3) {
      missing.set(f.key, `${f.name} has no ISO 3166 country code, so no national price can be joined.`);
      continue;
    }
    const excluded = PRICE_EXCLUSIONS[iso3];
    if (excluded) {
      missing.set(f.key, excluded);
      continue;
    }
    const e = iso2 ? euro.prices.get(iso2) : undefined;
    if (e && e.year >= EUROSTAT_MIN_YEAR) {
      const rate = usdPerEur(e.year);
      const flag = e.flag ? ` Eurostat flag "${e.flag}": ${EUROSTAT_FLAGS[e.flag] ?? "see the Eurostat metadata"}.` : "";
      prices.set(f.key, {
        basis: "eurostat_band_ie",
        value: {
          value: round(e.eurPerKwh * rate * 1000, 1),
          year: `${e.year}S${e.semester}`,
          source: "eurostat-nrg-pc-205",
          quality: "observed",
          note: `Source kind: national non-household price (Eurostat nrg_pc_205, ${e.year}S${e.semester}, the latest semester with a value). ${fmt(e.eurPerKwh, 4)} EUR/kWh, ${EUROSTAT_BAND_LABEL}, excluding VAT and other recoverable taxes (${EUROSTAT_TAX}), × ${rate} USD/EUR (ECB reference rate, ${e.year} annual average).${flag}${national}`,
        },
      });
      continue;
    }
    const whyNotEurostat = e
      ? ` Eurostat's latest ${EUROSTAT_BAND_LABEL} value is from ${e.year}S${e.semester}, older than DB2020's, so it is not used.`
      : iso2 && euro.noPrice.has(iso2) ? ` ${euro.noPrice.get(iso2)}`
      : iso2 && euro.reported.has(iso2) ? ` Eurostat nrg_pc_205 publishes smaller bands for this country but no ${EUROSTAT_BAND_LABEL} price, so no Eurostat value is used.` : "";
    const d = db.get(iso3);
    if (d?.priceUsCentsPerKwh != null) {
      const caveats = dbEconomyCaveats(iso3).map((c) => ` ${c}`).join("");
      prices.set(f.key, {
        basis: "db_small_business",
        value: {
          value: round(d.priceUsCentsPerKwh * 10, 1),
          year: DB_DATA_YEAR,
          source: "worldbank-doing-business",
          quality: "proxy",
          note: `Source kind: small-business tariff (${DB_EDITION}, data as of May ${DB_DATA_YEAR}). ${fmt(d.priceUsCentsPerKwh, 1)} US¢/kWh, nominal USD at the exchange rate of the time: the March bill of a 140 kVA warehouse in the largest business city, per kWh; tax basis not stated; no consumption band. A proxy for a large load's price.${caveats}${whyNotEurostat}${national}`,
        },
      });
      continue;
    }
    missing.set(f.key, d
      ? `${DB_EDITION} publishes no electricity price for ${d.economy}, and no EIA or Eurostat price applies.${whyNotEurostat}`
      : `No price source covers ${f.name}: not a US state, not in Eurostat nrg_pc_205 (${EUROSTAT_BAND_LABEL}) and not among the economies ${DB_EDITION} surveyed.${whyNotEurostat}`);
  }
  const unused = [...eia.keys()].filter((s) => !usedStates.has(s));
  if (unused.length) throw new Error(`EIA ${EIA_YEAR} prices not joined to a state polygon: ${unused.join(", ")}`);
  return { prices, missing };
}

/** Country values from Doing Business 2020 for one indicator, with per-economy caveats as notes. */
function dbCountryValues(
  ctx: BuildContext,
  db: Map<string, DbEconomy>,
  pick: (d: DbEconomy) => number | null,
  note: (d: DbEconomy) => string,
  decimals: number,
): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const c of ctx.countries.features) {
    const d = c.props.iso3 ? db.get(c.props.iso3) : undefined;
    const v = d ? pick(d) : null;
    if (!d || v === null) continue;
    const text = [note(d), ...dbEconomyCaveats(d.iso3)].filter(Boolean).join(" ");
    out.set(c.key, { value: round(v, decimals), year: DB_DATA_YEAR, source: "worldbank-doing-business", ...(text ? { note: text } : {}) });
  }
  return out;
}

function dbMissing(ctx: BuildContext, db: Map<string, DbEconomy>, what: string): (key: string) => string {
  return (key) => {
    const c = ctx.countries.features[ctx.countries.indexByKey.get(key)!]!;
    if (!c.props.iso3) return `${c.name} has no ISO 3166 code, so Doing Business cannot be joined.`;
    const d = db.get(c.props.iso3);
    return d
      ? `${DB_EDITION} publishes no ${what} for ${d.economy}.`
      : `${c.name} (${c.props.iso3}) is not among the economies ${DB_EDITION} surveyed.`;
  };
}

function countryMissing(set: PolygonSet, dataset: string): (key: string) => string {
  return (key) => {
    const c = set.features[set.indexByKey.get(key)!]!;
    return c.props.iso3 ? `${dataset} has no value for ${c.name} (${c.props.iso3}).` : `${c.name} has no ISO 3166 code, so ${dataset} cannot be joined.`;
  };
}

const COUNTRY = "country";
const DB_CASE = "The Doing Business case is a 140 kVA (150 m) connection for a standard warehouse in the economy's largest business city (two cities, population-weighted, for 11 economies) — not a transmission-level connection for a 100+ MW campus, whose interconnection queue can take years.";

export function buildPowerLayers(ctx: BuildContext): LayerMeta[] {
  const db = loadDoingBusiness2020(rawPath(ctx, "worldbank-doing-business-electricity/db2020_getting_electricity_construction_permits_by_economy.csv"));
  const { prices, missing } = priceValues(ctx, db);
  const priceByKey = new Map([...prices].map(([k, p]) => [k, p.value]));
  const basisByKey = new Map([...prices].map(([k, p]): [string, Value] => [k, { value: p.basis, year: p.value.year, source: p.value.source }]));
  const priceMissing = (key: string) => missing.get(key) ?? "No price.";
  const solar = loadPvPotential(rawPath(ctx, "esmap-solargis-pv-potential-by-country/pv_potential_by_country_2020.csv"));
  const solarValues = (pick: (s: { ghiKwhM2Day: number | null; pvoutKwhKwpDay: number | null }) => number | null) => {
    const out = new Map<string, Value>();
    for (const c of ctx.countries.features) {
      const s = c.props.iso3 ? solar.get(c.props.iso3) : undefined;
      const v = s ? pick(s) : null;
      if (v !== null && v !== undefined) out.set(c.key, { value: v, year: "2020", source: "esmap-pv-potential" });
    }
    return out;
  };
  const solarMissing = countryMissing(ctx.countries, "The ESMAP/Solargis country table");
  const zeros = [...db.values()].filter((d) => d.reliabilityIndex === 0);
  const zerosNoData = zeros.filter((d) => d.saidiHours === null && d.saifi === null).length;
  const priceSources = ["eia-861-industrial-price", "eurostat-nrg-pc-205", "ecb-eur-usd", "worldbank-doing-business", "natural-earth-admin1", "natural-earth-admin0"];

  return [
    polygonLayer(ctx, {
      id: "power.price_usd_per_mwh",
      title: "Electricity price for large users",
      description: "Industrial or large-user electricity price, USD/MWh: EIA state averages in the US, Eurostat band IE (20–70 GWh/yr, excl. VAT) in Europe, the Doing Business small-business tariff elsewhere. Each value says which; they are not the same quantity.",
      method: `Most specific source per place. (1) US states and DC: EIA Table 5C ${EIA_YEAR} average revenue per kWh over all industrial customers (nominal USD; taxes billed separately excluded). (2) Every country Eurostat nrg_pc_205 reports with a ${EUROSTAT_BAND_LABEL} price from ${EUROSTAT_MIN_YEAR} on (EU, EEA, UK, candidate and neighbouring countries): the latest semester with a value, excluding VAT and recoverable taxes (${EUROSTAT_TAX}), converted at the ECB euro reference rate's annual average for that year (2021: 1.1827 USD/EUR). (3) Elsewhere: World Bank Doing Business 2020 price (data as of May 2019; a 140 kVA warehouse's March bill per kWh in the largest business city, nominal US cents, tax basis not stated) — a proxy that overstates what a 100+ MW load pays. Brazilian, Canadian and Australian states take their country's value. Artefacts are excluded with the reason (Venezuela's exchange-rate price); Eurostat's 0.0000 placeholders are never used. All vintages predate the 2022 European price shock. Per-value quality: observed for EIA and Eurostat values, proxy for Doing Business. Negotiated PPAs and wholesale contracts differ; enter a site's own price as an override.`,
      category: "power", unit: "USD/MWh", direction: "lower_is_better", quality: "proxy",
      resolution: "US state; country elsewhere", vintage: `EIA ${EIA_YEAR}; Eurostat to 2021S1; DB2020 (2019)`,
      sources: priceSources, valueType: "continuous", domain: [40, 250], ramp: "price",
    }, ctx.subdivisions, priceByKey, priceMissing),
    polygonLayer(ctx, {
      id: "power.price_basis",
      title: "Electricity price: source kind",
      description: "Which kind of price power.price_usd_per_mwh shows at each place: EIA state industrial average, Eurostat large non-household band, or Doing Business small-business tariff.",
      method: "The source chosen for each feature by the precedence rule of power.price_usd_per_mwh (EIA for US states, Eurostat where it reports the band, Doing Business elsewhere). Shown so a comparison across a border between kinds is read with care.",
      category: "power", unit: "source kind", direction: "categorical", quality: "observed",
      resolution: "US state; country elsewhere", vintage: `EIA ${EIA_YEAR}; Eurostat to 2021S1; DB2020 (2019)`,
      sources: priceSources, valueType: "categorical", categories: PRICE_BASIS, ramp: "price_basis",
    }, ctx.subdivisions, basisByKey, priceMissing),
    polygonLayer(ctx, {
      id: "power.time_to_connect_days",
      title: "Time to get electricity (Doing Business, relative proxy)",
      description: "Calendar days to obtain a permanent electricity connection in the World Bank Doing Business 2020 case study. A relative proxy for grid bureaucracy, not a large-load interconnection time.",
      method: `Doing Business 2020 "Getting Electricity" time (data as of 1 May 2019): all procedures from application to supply, in calendar days. ${DB_CASE} Doing Business was discontinued in 2021 after an audit of data irregularities. Use it to compare how fast utilities process connections, not to schedule energisation; enter a utility's committed date as a site override.`,
      category: "power", unit: "days", direction: "lower_is_better", quality: "proxy", resolution: COUNTRY,
      vintage: "DB2020 (2019)", sources: ["worldbank-doing-business", "natural-earth-admin0"], valueType: "continuous", domain: [0, 240], ramp: "delay",
    }, ctx.countries, dbCountryValues(ctx, db, (d) => d.timeDays, () => "", 1), dbMissing(ctx, db, "Getting Electricity time")),
    polygonLayer(ctx, {
      id: "power.supply_reliability",
      title: "Reliability of supply and transparency of tariffs (Doing Business index)",
      description: "Doing Business 2020 index 0–8 (higher is better): outage duration and frequency, outage monitoring and restoration, regulatory oversight, financial deterrents and tariff communication, for the utility of the largest business city.",
      method: `Doing Business 2020 reliability of supply and transparency of tariffs index (0–8): SAIDI/SAIFI score 0–3, plus one point each for outage-monitoring tools, restoration tools, regulatory monitoring of performance, financial deterrents limiting outages, and advance notice of tariff changes. Doing Business scores the whole index 0 when outage data (SAIDI/SAIFI) are not collected or exceed its eligibility thresholds, so 0 also means "no outage data" (true of ${zerosNoData} of the ${zeros.length} zeros in DB2020). SAIDI and SAIFI, where reported, are separate layers (power.saidi_hours_per_year, power.saifi_per_year) and in each value's note. ${DB_CASE}`,
      category: "power", unit: "index 0–8", direction: "higher_is_better", quality: "proxy", resolution: COUNTRY,
      vintage: "DB2020 (2019)", sources: ["worldbank-doing-business", "natural-earth-admin0"], valueType: "ordinal", domain: [0, 8], ramp: "reliability",
    }, ctx.countries, dbCountryValues(ctx, db, (d) => d.reliabilityIndex, (d) =>
      d.saidiHours !== null || d.saifi !== null
        ? `SAIDI ${d.saidiHours ?? "not reported"} h and SAIFI ${d.saifi ?? "not reported"} interruptions per customer per year.`
        : "SAIDI/SAIFI not reported.", 0), dbMissing(ctx, db, "reliability index")),
    polygonLayer(ctx, {
      id: "power.saidi_hours_per_year",
      title: "Outage duration per customer (SAIDI, Doing Business)",
      description: "System average interruption duration index: hours without power per customer per year, as reported for the largest business city's utility to Doing Business 2020.",
      method: `Doing Business 2020 SAIDI as reported by the utility serving the largest business city (its own outage definitions). ${DB_CASE} Blank where the utility did not report. A national or transmission-level SAIDI would replace it.`,
      category: "power", unit: "h/customer/yr", direction: "lower_is_better", quality: "proxy", resolution: COUNTRY,
      vintage: "DB2020 (2019)", sources: ["worldbank-doing-business", "natural-earth-admin0"], valueType: "continuous", domain: [0, 40], ramp: "delay",
    }, ctx.countries, dbCountryValues(ctx, db, (d) => d.saidiHours, () => "", 2), dbMissing(ctx, db, "SAIDI (the utility did not report it)")),
    polygonLayer(ctx, {
      id: "power.saifi_per_year",
      title: "Outage frequency per customer (SAIFI, Doing Business)",
      description: "System average interruption frequency index: interruptions per customer per year, as reported for the largest business city's utility to Doing Business 2020.",
      method: `Doing Business 2020 SAIFI. ${DB_CASE} Blank where the utility did not report.`,
      category: "power", unit: "interruptions/customer/yr", direction: "lower_is_better", quality: "proxy", resolution: COUNTRY,
      vintage: "DB2020 (2019)", sources: ["worldbank-doing-business", "natural-earth-admin0"], valueType: "continuous", domain: [0, 30], ramp: "delay",
    }, ctx.countries, dbCountryValues(ctx, db, (d) => d.saifi, () => "", 2), dbMissing(ctx, db, "SAIFI (the utility did not report it)")),
    polygonLayer(ctx, {
      id: "renewables.pv_potential_kwh_per_kwp_day",
      title: "Solar PV potential (country average)",
      description: "Practical PV output of a utility-scale fixed-tilt system, kWh per kWp per day, averaged over the country's suitable land (ESMAP/Solargis). Divide by 24 for the capacity factor.",
      method: "PVOUT level 1 from the ESMAP/World Bank/Solargis Global PV Potential study (2020): Solargis long-term model output for a fixed, optimally tilted utility-scale system after losses, averaged over the country's evaluated land. A country mean: sites within large countries (USA, Chile, Russia, Australia) differ widely. The Global Solar Atlas PVOUT grid would replace it.",
      category: "renewables", unit: "kWh/kWp/day", direction: "higher_is_better", quality: "proxy", resolution: COUNTRY,
      vintage: "2020 study, long-term average", sources: ["esmap-pv-potential", "natural-earth-admin0"], valueType: "continuous", domain: [2.5, 5.5], ramp: "solar",
    }, ctx.countries, solarValues((s) => s.pvoutKwhKwpDay), solarMissing),
    polygonLayer(ctx, {
      id: "renewables.ghi_kwh_m2_day",
      title: "Global horizontal irradiation (country average)",
      description: "Long-term average daily global horizontal irradiation, kWh/m²/day, averaged over the country (ESMAP/Solargis).",
      method: "GHI from the ESMAP/World Bank/Solargis Global PV Potential study (2020), Solargis long-term averages aggregated per country. A country mean, not a site value; the Global Solar Atlas GHI grid would replace it.",
      category: "renewables", unit: "kWh/m²/day", direction: "higher_is_better", quality: "proxy", resolution: COUNTRY,
      vintage: "2020 study, long-term average", sources: ["esmap-pv-potential", "natural-earth-admin0"], valueType: "continuous", domain: [2.5, 6.5], ramp: "solar",
    }, ctx.countries, solarValues((s) => s.ghiKwhM2Day), solarMissing),
    climateReadiness(ctx),
  ];
}

export const ND_GAIN_NOT_BUNDLED = "Not bundled: ND-GAIN is described by its publisher as free and open source, but no licence text permitting redistribution was found, so its values are left out until the terms are confirmed (see the nd-gain source record).";

/** ND-GAIN readiness (latest year), or a missing layer with the licence reason until bundling is confirmed. */
function climateReadiness(ctx: BuildContext): LayerMeta {
  const info = {
    id: "risk.climate_readiness",
    title: "Climate-adaptation readiness (ND-GAIN, country)",
    description: "ND-GAIN readiness score 0–1 (higher is better): a country's economic, governance and social readiness to turn investment into climate adaptation.",
    method: "ND-GAIN Country Index readiness component, latest year with a value (2021 release). Country-level adaptation capacity, not site hazard: pair it with the risk.* hazard layers. ND-GAIN's economic readiness uses discontinued Doing Business inputs. The vulnerability component (exposure, sensitivity, adaptive capacity) is in the same release.",
    category: "risk" as const, unit: "index 0–1", direction: "higher_is_better" as const, resolution: COUNTRY,
    vintage: "ND-GAIN, data to 2021", sources: ["nd-gain", "natural-earth-admin0"], valueType: "continuous" as const, domain: [0.2, 0.8], ramp: "reliability",
  };
  if (!ND_GAIN_BUNDLING_CONFIRMED) {
    return { ...polygonLayer(ctx, { ...info, quality: "missing" }, ctx.countries, new Map(), () => ND_GAIN_NOT_BUNDLED), missingReason: ND_GAIN_NOT_BUNDLED };
  }
  const readiness = loadNdGainLatest(rawPath(ctx, "nd-gain-country-index/readiness.csv"));
  const values = new Map<string, Value>();
  for (const c of ctx.countries.features) {
    const v = c.props.iso3 ? readiness.get(c.props.iso3) : undefined;
    if (v) values.set(c.key, { value: round(v.value, 3), year: String(v.year), source: "nd-gain" });
  }
  return polygonLayer(ctx, { ...info, quality: "proxy" }, ctx.countries, values, countryMissing(ctx.countries, "ND-GAIN"));
}
