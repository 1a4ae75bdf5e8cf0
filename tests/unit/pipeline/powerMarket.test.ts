/**
 * The validation gate of the curated power-market table (data/pipeline/sources/powerMarket.ts): a
 * bad cell fails the build with a message naming the file line, the row's keys and the column;
 * valid rows come back typed. The committed table passes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePowerMarketTable, POWER_MARKET_COLUMNS, PowerMarketTableError, type PowerMarketKeys } from "@/data/pipeline/sources/powerMarket";

const HEADER = POWER_MARKET_COLUMNS.join(",");

/** A valid row, with cells overridden by column name. */
function row(over: Partial<Record<(typeof POWER_MARKET_COLUMNS)[number], string>> = {}): string {
  const base: Record<string, string> = {
    adm0_a3: "DEU", iso_3166_2: "", name: "Germany", market_structure: "liberalised", corporate_ppa: "physical",
    eac_system: "aib_go", eac_detail: "GOs", market_source_title: "DLA Piper, PPA handbook", market_source_url: "https://example.org/de",
    carbon_price_scheme: "EU ETS", carbon_price_usd_per_t: "85", carbon_price_year: "2025",
    carbon_price_source_title: "Veyt", carbon_price_source_url: "https://veyt.com/x",
    large_load_restriction: "none_known", large_load_detail: "", large_load_start: "", large_load_end: "",
    large_load_source_title: "HWG", large_load_source_url: "https://hwglaw.com/x",
    as_of: "2025-12-31", confidence: "medium", notes: "",
    ...over,
  };
  return POWER_MARKET_COLUMNS.map((c) => {
    const v = base[c] ?? "";
    return /[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(",");
}

const KEYS: PowerMarketKeys = {
  countries: new Map([["DEU", { iso2: "DE" }], ["IRL", { iso2: "IE" }]]),
  regions: new Set(["DE-HE", "IE-D"]),
  latestAsOf: "2026-12-02",
};

const irl = row({ adm0_a3: "IRL", name: "Ireland" });

function errorsOf(text: string): string[] {
  try {
    parsePowerMarketTable(text, KEYS, "power-market.csv");
  } catch (e) {
    if (e instanceof PowerMarketTableError) return e.errors;
    throw e;
  }
  return [];
}

describe("power-market table gate", () => {
  it("keeps valid rows, typed, with their line numbers", () => {
    const rows = parsePowerMarketTable([HEADER, row(), row({ iso_3166_2: "DE-HE", name: "Hessen", large_load_restriction: "conditional" }), irl].join("\n") + "\n", KEYS);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatchObject({ line: 3, adm0_a3: "DEU", iso_3166_2: "DE-HE", large_load_restriction: "conditional", carbon_price_usd_per_t: 85 });
    expect(rows[2]!.carbon_price_usd_per_t).toBe(85);
  });

  it("an unknown category fails naming the line, the row and the column", () => {
    const errors = errorsOf([HEADER, row(), row({ iso_3166_2: "DE-HE", name: "Hessen", corporate_ppa: "maybe" }), irl].join("\n"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^power-market\.csv line 3 \(DEU DE-HE\), column corporate_ppa: "maybe" is not one of physical, virtual_only/);
  });

  it("a missing citation, URL or as-of date fails naming its column", () => {
    const errors = errorsOf([HEADER, row({ market_source_url: "" }), row({ adm0_a3: "IRL", name: "Ireland", carbon_price_source_title: "", as_of: "" })].join("\n"));
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringMatching(/line 2 \(DEU\), column market_source_url: is blank/),
      expect.stringMatching(/line 3 \(IRL\), column carbon_price_source_title: is blank/),
      expect.stringMatching(/line 3 \(IRL\), column as_of: is blank/),
    ]));
  });

  it("a bad admin code fails: malformed, in another country, without an outline, or not a Natural Earth key", () => {
    const errors = errorsOf([HEADER, row(), row({ iso_3166_2: "Hesse" }), row({ iso_3166_2: "IE-D" }), row({ iso_3166_2: "DE-BY" }), row({ adm0_a3: "XXX" }), irl].join("\n"));
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringMatching(/line 3 \(DEU Hesse\), column iso_3166_2: "Hesse" is not an ISO 3166-2/),
      expect.stringMatching(/line 4 \(DEU IE-D\), column iso_3166_2: "IE-D" does not belong to DEU/),
      expect.stringMatching(/line 5 \(DEU DE-BY\), column iso_3166_2: "DE-BY" has no outline/),
      expect.stringMatching(/line 6 \(XXX\), column adm0_a3: "XXX" is not a Natural Earth ADM0_A3 key/),
    ]));
  });

  it("rejects non-https URLs, bad dates, a price without a year, a price under scheme none, duplicates and missing countries", () => {
    const errors = errorsOf([HEADER, row({ large_load_source_url: "http://x.org", as_of: "2025-02-30", carbon_price_year: "" }), row({ carbon_price_scheme: "none" }), row({ as_of: "2027-01-01" })].join("\n"));
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringMatching(/line 2 \(DEU\), column large_load_source_url: "http:\/\/x.org" is not an https URL/),
      expect.stringMatching(/line 2 \(DEU\), column as_of: "2025-02-30" is not a date/),
      expect.stringMatching(/line 2 \(DEU\), column carbon_price_year: "" is not a year/),
      expect.stringMatching(/line 3 \(DEU\), column carbon_price_usd_per_t: a price is given but the scheme is "none"/),
      expect.stringMatching(/line 3 \(DEU\), column adm0_a3: duplicate row/),
      expect.stringMatching(/line 4 \(DEU\), column as_of: 2027-01-01 is after the curation date/),
      expect.stringMatching(/no country row for IRL/),
    ]));
  });

  it("a wrong header or a short row fails before any cell is read", () => {
    expect(() => parsePowerMarketTable(["adm0_a3,name", "DEU,Germany"].join("\n"), KEYS)).toThrow(/line 1: the header must be the 23 columns/);
    expect(errorsOf([HEADER, "DEU,,Germany", irl].join("\n"))[0]).toMatch(/line 2 \(DEU\): 3 fields, expected 23/);
  });

  it("the committed table passes (regions checked later, against the built subdivisions)", () => {
    const text = readFileSync(path.resolve(__dirname, "../../../data/curated/power-market.csv"), "utf8");
    const countries = new Map(text.split("\n").slice(1).filter(Boolean).map((l) => l.split(",")).filter((c) => c[1] === "").map((c) => [c[0]!, { iso2: null }]));
    const rows = parsePowerMarketTable(text, { countries, regions: null, latestAsOf: "2026-12-02" });
    expect(rows).toHaveLength(330);
    expect(rows.filter((r) => r.corporate_ppa === "not_permitted").map((r) => r.adm0_a3)).toEqual(["BHR"]);
  });
});
