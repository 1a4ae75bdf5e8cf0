/**
 * The curated power-market table itself (data/curated/power-market.csv): one country row per key of
 * data-protection.csv, every row cited with an as-of date, and the known cases of issue 15.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";

const DIR = path.resolve(__dirname, "../../../data/curated");
const rows = csvParse(readFileSync(path.join(DIR, "power-market.csv"), "utf8"));
const countryKeys = csvParse(readFileSync(path.join(DIR, "data-protection.csv"), "utf8")).map((r) => r.adm0_a3!);
const at = (adm0: string, region = "") => rows.find((r) => r.adm0_a3 === adm0 && r.iso_3166_2 === region)!;

describe("power-market.csv", () => {
  it("has exactly one country row per Natural Earth key of data-protection.csv, plus regional rows", () => {
    const countryRows = rows.filter((r) => !r.iso_3166_2).map((r) => r.adm0_a3);
    expect([...countryRows].sort()).toEqual([...countryKeys].sort());
    expect(rows.length - countryRows.length).toBe(89);
  });

  it("every row has a citation (title and https URL) for each fact group and an as-of date", () => {
    for (const r of rows) {
      const where = `${r.adm0_a3} ${r.iso_3166_2}`;
      for (const g of ["market_source", "carbon_price_source", "large_load_source"]) {
        expect(r[`${g}_title`], where).toBeTruthy();
        expect(r[`${g}_url`], where).toMatch(/^https:\/\//);
      }
      expect(r.as_of, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.as_of! <= "2026-12-02", where).toBe(true);
      expect(["high", "medium", "low"], where).toContain(r.confidence);
    }
  });

  it("records the known cases", () => {
    for (const [adm0, region] of [["DEU", ""], ["USA", "US-TX"], ["AUS", ""], ["BRA", ""]] as const) expect(["physical", "virtual_only"]).toContain(at(adm0, region).corporate_ppa);
    expect(at("BHR")).toMatchObject({ market_structure: "single_buyer", corporate_ppa: "not_permitted" });
    expect(at("IRL", "IE-D").large_load_restriction).toBe("moratorium");
    expect(at("SWE").large_load_restriction).toBe("none_known");
    // EU ETS: Veyt's 2025 average traded EUA price, EUR 75/t × 1.13 USD/EUR.
    expect(at("DEU")).toMatchObject({ carbon_price_scheme: "EU ETS", carbon_price_usd_per_t: "85", carbon_price_year: "2025" });
    expect(Number(at("CHN", "CN-SH").carbon_price_usd_per_t)).not.toBe(Number(at("CHN").carbon_price_usd_per_t));
  });
});
