/**
 * World Bank Doing Business 2020 (archived), "Getting Electricity" per economy (SOURCES.md §10.1).
 * DB2020 values describe data as of 1 May 2019, so the data year is 2019. The survey case is a
 * 140 kVA connection for a standard warehouse in the economy's largest business city — a relative
 * measure of grid bureaucracy and small-business tariffs, not of a 100+ MW interconnection.
 */
import { parseNumberCell, readCsv } from "../lib/csv";

export const DB_EDITION = "Doing Business 2020";
/** DB2020 collected data as of 1 May 2019. */
export const DB_DATA_YEAR = "2019";

/**
 * The 11 economies Doing Business measured in two cities; their values are population-weighted
 * averages of both (hence fractional days). DB methodology, "Economy coverage".
 */
export const DB_TWO_CITY_ECONOMIES: Record<string, string> = {
  BGD: "Dhaka and Chittagong", BRA: "São Paulo and Rio de Janeiro", CHN: "Shanghai and Beijing", IND: "Mumbai and Delhi",
  IDN: "Jakarta and Surabaya", JPN: "Tokyo and Osaka", MEX: "Mexico City and Monterrey", NGA: "Lagos and Kano",
  PAK: "Karachi and Lahore", RUS: "Moscow and Saint Petersburg", USA: "New York City and Los Angeles",
};

/**
 * Economies named by the 2021 independent review (WilmerHale) of data irregularities in DB2018 and
 * DB2020, after which the World Bank discontinued Doing Business. Whether the archive carries
 * corrected values is not stated (SOURCES.md §10.1), so their values carry a warning.
 */
export const DB_IRREGULARITY_ECONOMIES: Record<string, string> = { CHN: "DB2018", SAU: "DB2020", ARE: "DB2020", AZE: "DB2020" };

export interface DbEconomy {
  iso3: string;
  economy: string;
  timeDays: number | null;
  /** Reliability of supply and transparency of tariffs index, 0–8. */
  reliabilityIndex: number | null;
  saidiHours: number | null;
  saifi: number | null;
  priceUsCentsPerKwh: number | null;
}

export function loadDoingBusiness2020(file: string): Map<string, DbEconomy> {
  const out = new Map<string, DbEconomy>();
  readCsv(file).forEach((r, i) => {
    const where = (col: string) => `db2020_getting_electricity_construction_permits_by_economy.csv row ${i + 2} ${col}`;
    const num = (col: string) => parseNumberCell(r[col], where(col));
    const iso3 = r.iso3 ?? "";
    if (!/^[A-Z]{3}$/.test(iso3)) throw new Error(`${where("iso3")}: "${iso3}" is not an ISO 3166-1 alpha-3 code`);
    if (out.has(iso3)) throw new Error(`${where("iso3")}: duplicate economy ${iso3}`);
    out.set(iso3, {
      iso3,
      economy: r.economy ?? iso3,
      timeDays: num("ge_time_days"),
      reliabilityIndex: num("ge_reliability_tariff_index_0_8"),
      saidiHours: num("ge_saidi_hours_per_customer_year"),
      saifi: num("ge_saifi_interruptions_per_customer_year"),
      priceUsCentsPerKwh: num("ge_price_us_cents_per_kwh"),
    });
  });
  return out;
}

/** The extra caveats that apply to one economy's DB values (two cities, audit). */
export function dbEconomyCaveats(iso3: string): string[] {
  const notes: string[] = [];
  const cities = DB_TWO_CITY_ECONOMIES[iso3];
  if (cities) notes.push(`Population-weighted average of ${cities}.`);
  const edition = DB_IRREGULARITY_ECONOMIES[iso3];
  if (edition) notes.push(`This economy was named in the 2021 review of Doing Business data irregularities (${edition}); whether the archive holds corrected values is not stated — treat with extra caution.`);
  return notes;
}
