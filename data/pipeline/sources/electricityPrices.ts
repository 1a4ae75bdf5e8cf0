/**
 * Industrial and large-user electricity prices: EIA state averages (US), Eurostat nrg_pc_205
 * non-household band prices (Europe), and the EUR→USD reference rates used to put both on one unit.
 * SOURCES.md §9.9 and §10.2.
 */
import { parseNumberCell, readCsv } from "../lib/csv";

/**
 * US dollars per euro: ECB euro foreign exchange reference rate, annual average of daily rates
 * (ECB Data Portal series EXR.A.USD.EUR.SP00.A,
 * https://data.ecb.europa.eu/data/datasets/EXR/EXR.A.USD.EUR.SP00.A, values as published).
 * Eurostat's semester prices are converted with the average of their calendar year — a stated
 * convention, not the semester average. A price from a year missing here stops the build, so a
 * newer Eurostat extract cannot be converted with a guessed rate.
 */
export const ECB_USD_PER_EUR: Readonly<Record<number, number>> = {
  2019: 1.1195,
  2020: 1.1422,
  2021: 1.1827,
};

export function usdPerEur(year: number): number {
  const rate = ECB_USD_PER_EUR[year];
  if (rate === undefined) throw new Error(`no ECB EUR→USD reference rate recorded for ${year}: add the annual average to ECB_USD_PER_EUR`);
  return rate;
}

// --- EIA ---------------------------------------------------------------------------------------

export interface EiaStatePrice {
  state: string;
  year: number;
  usCentsPerKwh: number;
  customers: number;
}

/**
 * EIA Table 5C (forms EIA-861/861S/861U) industrial average price per state for one year: revenue ÷
 * sales over all industrial customers, nominal US cents per kWh. Keyed by state name as EIA writes
 * it ("District of Columbia"); census divisions and the US total are skipped.
 */
export function loadEiaIndustrialPrices(file: string, year: number): Map<string, EiaStatePrice> {
  const out = new Map<string, EiaStatePrice>();
  readCsv(file).forEach((r, i) => {
    if (r.row_type !== "state" || Number(r.year) !== year) return;
    const where = (col: string) => `eia861_industrial_avg_price_by_state_2017_2018.csv row ${i + 2} ${col}`;
    const price = parseNumberCell(r.avg_price_usd_cents_per_kwh, where("avg_price_usd_cents_per_kwh"));
    const customers = parseNumberCell(r.customers, where("customers"));
    if (price === null || price <= 0) throw new Error(`${where("avg_price_usd_cents_per_kwh")}: no positive price for ${r.name}`);
    if (out.has(r.name!)) throw new Error(`${where("name")}: duplicate state ${r.name}`);
    out.set(r.name!, { state: r.name!, year, usCentsPerKwh: price, customers: customers ?? 0 });
  });
  return out;
}

// --- Eurostat ----------------------------------------------------------------------------------

/** Eurostat geo codes that differ from ISO 3166-1 alpha-2 (Eurostat's own convention). */
const EUROSTAT_GEO_TO_ISO2: Record<string, string> = { EL: "GR", UK: "GB" };

export interface EurostatPrice {
  geo: string;
  iso2: string;
  year: number;
  semester: 1 | 2;
  eurPerKwh: number;
  /** Eurostat flag: e estimated, p provisional, d definition differs; "" none. */
  flag: string;
}

export interface EurostatSelection {
  /** The latest positive price per country (ISO 3166-1 alpha-2) in the chosen band and tax basis. */
  prices: Map<string, EurostatPrice>;
  /** Countries the extract reports for the band but whose only entries are not prices (e.g. 0.0000 placeholders). */
  noPrice: Map<string, string>;
  /** Every country the extract reports in any band (ISO 3166-1 alpha-2). */
  reported: Set<string>;
}

/**
 * The latest semester with a positive price per country for one consumption band (`bandPrefix`,
 * e.g. "IE") and tax basis (e.g. "X_VAT"). Aggregates (EU27_2020, EA) are skipped. Zero prices are
 * not prices (Liechtenstein reports 0.0000 for every band but IC) and are never selected.
 */
export function selectEurostatPrices(file: string, bandPrefix: string, tax: string): EurostatSelection {
  const prices = new Map<string, EurostatPrice>();
  const seen = new Set<string>();
  const reported = new Set<string>();
  readCsv(file).forEach((r, i) => {
    const geo = r.geo ?? "";
    if (!/^[A-Z]{2}$/.test(geo) || geo === "EA") return;
    reported.add(EUROSTAT_GEO_TO_ISO2[geo] ?? geo);
    if (!r.band?.startsWith(`${bandPrefix} `) || r.tax !== tax) return;
    const where = `nrg_pc_205_eur_per_kwh_2007S1-2021S1.csv row ${i + 2}`;
    const v = parseNumberCell(r.eur_per_kwh, `${where} eur_per_kwh`);
    const year = Number(r.year), semester = Number(r.semester);
    if (!Number.isInteger(year) || (semester !== 1 && semester !== 2)) throw new Error(`${where}: bad period ${r.year}S${r.semester}`);
    const iso2 = EUROSTAT_GEO_TO_ISO2[geo] ?? geo;
    seen.add(iso2);
    if (v === null || v <= 0) return;
    const prev = prices.get(iso2);
    if (!prev || year * 2 + semester > prev.year * 2 + prev.semester) {
      prices.set(iso2, { geo, iso2, year, semester: semester as 1 | 2, eurPerKwh: v, flag: (r.flag ?? "").trim() });
    }
  });
  const noPrice = new Map<string, string>();
  for (const iso2 of seen) {
    if (!prices.has(iso2)) noPrice.set(iso2, `Eurostat nrg_pc_205 lists band ${bandPrefix} (${tax}) for this country only as 0.0000 EUR/kWh, a placeholder rather than a price.`);
  }
  return { prices, noPrice, reported };
}

export const EUROSTAT_FLAGS: Record<string, string> = { e: "estimated", p: "provisional", d: "definition differs (see the Eurostat metadata)" };
