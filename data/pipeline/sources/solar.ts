/**
 * ESMAP / World Bank / Solargis "Global Photovoltaic Power Potential by Country" (2020), country
 * indicators: long-term average GHI and practical PV output (PVOUT level 1) per country
 * (SOURCES.md §10.4). Country means over the study's evaluated land.
 */
import { parseNumberCell, readCsv } from "../lib/csv";

/** The study writes Kosovo as XKO; the countries set (and the World Bank) use XKX. */
const ISO3_ALIASES: Record<string, string> = { XKO: "XKX" };

export interface SolarCountry {
  iso3: string;
  country: string;
  ghiKwhM2Day: number | null;
  pvoutKwhKwpDay: number | null;
}

export function loadPvPotential(file: string): Map<string, SolarCountry> {
  const out = new Map<string, SolarCountry>();
  readCsv(file).forEach((r, i) => {
    const where = (col: string) => `pv_potential_by_country_2020.csv row ${i + 2} ${col}`;
    const raw = r.iso3 ?? "";
    if (!/^[A-Z]{3}$/.test(raw)) throw new Error(`${where("iso3")}: "${raw}" is not a three-letter code`);
    const iso3 = ISO3_ALIASES[raw] ?? raw;
    if (out.has(iso3)) throw new Error(`${where("iso3")}: duplicate country ${iso3}`);
    const ghi = parseNumberCell(r.ghi_kwh_m2_day_longterm, where("ghi_kwh_m2_day_longterm"));
    const pvout = parseNumberCell(r.pvout_level1_kwh_kwp_day_longterm, where("pvout_level1_kwh_kwp_day_longterm"));
    // Physical bounds: the sunniest deserts reach about 7 kWh/m²/day GHI; PVOUT ≤ GHI·1.3 or so.
    for (const [col, v] of [["ghi", ghi], ["pvout", pvout]] as const) {
      if (v !== null && (v <= 0 || v > 8)) throw new Error(`${where(col)}: ${v} is outside 0–8 kWh per day`);
    }
    out.set(iso3, { iso3, country: r.country ?? iso3, ghiKwhM2Day: ghi, pvoutKwhKwpDay: pvout });
  });
  return out;
}
