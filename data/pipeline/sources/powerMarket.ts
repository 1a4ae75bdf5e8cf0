/**
 * The curated power-market table (data/curated/power-market.csv, documented in power-market.md):
 * parsed and validated before any layer is built. An invalid cell stops the build with a message
 * naming the file line, the row's keys and the column (`power-market.csv line 12 (DEU DE-HE),
 * column corporate_ppa: "foo" is not one of …`); every error is listed, not only the first.
 * A valid table comes back as typed rows with their line numbers.
 */
import { csvParseRows } from "d3-dsv";

export const POWER_MARKET_TABLE = "data/curated/power-market.csv";

/** The 23 columns, in file order (power-market.md, "Format"). */
export const POWER_MARKET_COLUMNS = [
  "adm0_a3", "iso_3166_2", "name", "market_structure", "corporate_ppa", "eac_system", "eac_detail",
  "market_source_title", "market_source_url", "carbon_price_scheme", "carbon_price_usd_per_t", "carbon_price_year",
  "carbon_price_source_title", "carbon_price_source_url", "large_load_restriction", "large_load_detail",
  "large_load_start", "large_load_end", "large_load_source_title", "large_load_source_url", "as_of", "confidence", "notes",
] as const;
export type PowerMarketColumn = (typeof POWER_MARKET_COLUMNS)[number];

/** Category keys of each categorical column (power-market.md, "Enums"). */
export const MARKET_STRUCTURES = ["liberalised", "single_buyer", "vertically_integrated", "unknown"] as const;
export const CORPORATE_PPA_ROUTES = ["physical", "virtual_only", "green_tariff_or_sleeved", "not_permitted", "unknown"] as const;
export const EAC_SYSTEMS = ["aib_go", "go_non_aib", "us_rec", "i_rec", "china_gec", "japan_nfc", "tigr", "other", "none", "unknown"] as const;
export const LARGE_LOAD_RESTRICTIONS = ["moratorium", "allocation_regime", "conditional", "none_known", "unknown"] as const;
export const CONFIDENCE_LEVELS = ["high", "medium", "low"] as const;

export type MarketStructure = (typeof MARKET_STRUCTURES)[number];
export type CorporatePpaRoute = (typeof CORPORATE_PPA_ROUTES)[number];
export type EacSystem = (typeof EAC_SYSTEMS)[number];
export type LargeLoadRestriction = (typeof LARGE_LOAD_RESTRICTIONS)[number];
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export interface PowerMarketRow {
  /** 1-based line of the row in the file (the header is line 1). */
  line: number;
  adm0_a3: string;
  /** Blank ("") on a country row. */
  iso_3166_2: string;
  name: string;
  market_structure: MarketStructure;
  corporate_ppa: CorporatePpaRoute;
  eac_system: EacSystem;
  eac_detail: string;
  market_source_title: string;
  market_source_url: string;
  carbon_price_scheme: string;
  /** USD per tCO2, or null when blank. */
  carbon_price_usd_per_t: number | null;
  carbon_price_year: string;
  carbon_price_source_title: string;
  carbon_price_source_url: string;
  large_load_restriction: LargeLoadRestriction;
  large_load_detail: string;
  large_load_start: string;
  large_load_end: string;
  large_load_source_title: string;
  large_load_source_url: string;
  as_of: string;
  confidence: Confidence;
  notes: string;
}

/** What the table is checked against. */
export interface PowerMarketKeys {
  /** Natural Earth ADM0_A3 keys: every one needs exactly one country row. */
  countries: ReadonlyMap<string, { iso2: string | null }>;
  /** Regional codes that have an outline (NE admin-1 or a proxied region); null = do not check yet. */
  regions: ReadonlySet<string> | null;
  /** No `as_of` may lie after this date (the curation date). */
  latestAsOf: string;
}

const ISO_3166_2 = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_OR_MONTH = /^\d{4}-\d{2}(-\d{2})?$/;
const YEAR = /^(19|20)\d{2}$/;

function validDate(s: string): boolean {
  const [y, m, d] = s.split("-").map(Number);
  if (!y || !m || m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Thrown when the table is invalid; `errors` lists one line per bad cell. */
export class PowerMarketTableError extends Error {
  constructor(readonly errors: string[]) {
    super(`curated power-market table is invalid (${errors.length} error${errors.length === 1 ? "" : "s"}):\n  ${errors.join("\n  ")}`);
    this.name = "PowerMarketTableError";
  }
}

/**
 * Parses and validates the CSV text. Throws {@link PowerMarketTableError} listing every bad cell
 * as `<file> line <n> (<adm0_a3>[ <iso_3166_2>]), column <column>: <problem>`.
 */
export function parsePowerMarketTable(text: string, keys: PowerMarketKeys, file = POWER_MARKET_TABLE): PowerMarketRow[] {
  const records = csvParseRows(text.replace(/^\uFEFF/, ""));
  const errors: string[] = [];
  const header = records[0] ?? [];
  if (header.join(",") !== POWER_MARKET_COLUMNS.join(",")) {
    const missing = POWER_MARKET_COLUMNS.filter((c) => !header.includes(c));
    const extra = header.filter((c) => !(POWER_MARKET_COLUMNS as readonly string[]).includes(c));
    throw new PowerMarketTableError([`${file} line 1: the header must be the ${POWER_MARKET_COLUMNS.length} columns of power-market.md in order${missing.length ? `; missing ${missing.join(", ")}` : ""}${extra.length ? `; unexpected ${extra.join(", ")}` : ""}`]);
  }
  const rows: PowerMarketRow[] = [];
  const seen = new Set<string>();
  const countryRows = new Set<string>();
  for (let r = 1; r < records.length; r++) {
    const cells = records[r]!;
    const line = r + 1; // No field contains a line break (power-market.md), so record r is line r + 1.
    if (cells.length === 1 && cells[0] === "") continue; // a trailing blank line
    const get = (c: PowerMarketColumn) => (cells[POWER_MARKET_COLUMNS.indexOf(c)] ?? "").trim();
    const adm0 = get("adm0_a3"), region = get("iso_3166_2");
    const where = `${file} line ${line} (${adm0 || "no adm0_a3"}${region ? ` ${region}` : ""})`;
    const bad = (column: PowerMarketColumn, problem: string) => errors.push(`${where}, column ${column}: ${problem}`);
    if (cells.length !== POWER_MARKET_COLUMNS.length) {
      errors.push(`${where}: ${cells.length} fields, expected ${POWER_MARKET_COLUMNS.length}`);
      continue;
    }

    const country = keys.countries.get(adm0);
    if (!country) bad("adm0_a3", `"${adm0}" is not a Natural Earth ADM0_A3 key`);
    if (region) {
      if (!ISO_3166_2.test(region)) bad("iso_3166_2", `"${region}" is not an ISO 3166-2 subdivision code (XX-YYY)`);
      else if (country?.iso2 && !region.startsWith(`${country.iso2}-`)) bad("iso_3166_2", `"${region}" does not belong to ${adm0} (ISO ${country.iso2})`);
      else if (keys.regions && !keys.regions.has(region)) bad("iso_3166_2", `"${region}" has no outline: neither a Natural Earth admin-1 feature nor a proxied region (data/pipeline/sources/admin1Proxy.ts)`);
    } else countryRows.add(adm0);
    const key = `${adm0}|${region}`;
    if (seen.has(key)) bad(region ? "iso_3166_2" : "adm0_a3", "duplicate row");
    seen.add(key);
    if (!get("name")) bad("name", "is blank");

    const enumCell = <T extends string>(column: PowerMarketColumn, allowed: readonly T[]): T => {
      const v = get(column);
      if (!(allowed as readonly string[]).includes(v)) bad(column, `"${v}" is not one of ${allowed.join(", ")}`);
      return v as T;
    };
    const market_structure = enumCell("market_structure", MARKET_STRUCTURES);
    const corporate_ppa = enumCell("corporate_ppa", CORPORATE_PPA_ROUTES);
    const eac_system = enumCell("eac_system", EAC_SYSTEMS);
    const large_load_restriction = enumCell("large_load_restriction", LARGE_LOAD_RESTRICTIONS);
    const confidence = enumCell("confidence", CONFIDENCE_LEVELS);

    // One citation (title + https URL) per fact group.
    for (const [title, url] of [["market_source_title", "market_source_url"], ["carbon_price_source_title", "carbon_price_source_url"], ["large_load_source_title", "large_load_source_url"]] as const) {
      if (!get(title)) bad(title, "is blank: every fact group needs a citation");
      const u = get(url);
      if (!u) bad(url, "is blank: every fact group needs a citation URL");
      else if (!/^https:\/\/[^\s/]+\.[^\s]+$/.test(u)) bad(url, `"${u}" is not an https URL`);
    }

    const scheme = get("carbon_price_scheme");
    const priceText = get("carbon_price_usd_per_t"), year = get("carbon_price_year");
    let price: number | null = null;
    if (!scheme) bad("carbon_price_scheme", "is blank: give the scheme's name, none or unknown");
    if (priceText) {
      price = Number(priceText);
      if (!Number.isFinite(price) || price < 0 || price > 1000) { bad("carbon_price_usd_per_t", `"${priceText}" is not a price in USD/tCO2 (0–1000)`); price = null; }
      if (scheme === "none" || scheme === "unknown") bad("carbon_price_usd_per_t", `a price is given but the scheme is "${scheme}"`);
      if (!YEAR.test(year)) bad("carbon_price_year", `"${year}" is not a year: a price needs the year it applies to`);
    } else if (year) bad("carbon_price_year", "a year is given without a price");

    for (const c of ["large_load_start", "large_load_end"] as const) {
      const v = get(c);
      if (v && !(ISO_DATE_OR_MONTH.test(v) && validDate(v))) bad(c, `"${v}" is not an ISO date (YYYY-MM-DD or YYYY-MM)`);
    }
    const asOf = get("as_of");
    if (!asOf) bad("as_of", "is blank: every row needs the date its facts are known to hold");
    else if (!ISO_DATE.test(asOf) || !validDate(asOf)) bad("as_of", `"${asOf}" is not a date (YYYY-MM-DD)`);
    else if (asOf > keys.latestAsOf) bad("as_of", `${asOf} is after the curation date ${keys.latestAsOf}`);

    rows.push({
      line, adm0_a3: adm0, iso_3166_2: region, name: get("name"),
      market_structure, corporate_ppa, eac_system, eac_detail: get("eac_detail"),
      market_source_title: get("market_source_title"), market_source_url: get("market_source_url"),
      carbon_price_scheme: scheme, carbon_price_usd_per_t: price, carbon_price_year: year,
      carbon_price_source_title: get("carbon_price_source_title"), carbon_price_source_url: get("carbon_price_source_url"),
      large_load_restriction, large_load_detail: get("large_load_detail"),
      large_load_start: get("large_load_start"), large_load_end: get("large_load_end"),
      large_load_source_title: get("large_load_source_title"), large_load_source_url: get("large_load_source_url"),
      as_of: asOf, confidence, notes: get("notes"),
    });
  }
  for (const k of keys.countries.keys()) if (!countryRows.has(k)) errors.push(`${file}: no country row for ${k} (every Natural Earth admin-0 key needs one)`);
  if (errors.length) throw new PowerMarketTableError(errors);
  return rows;
}
