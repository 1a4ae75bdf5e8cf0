/** Exports: CSV with units in the header and neutralised formulas, GeoJSON with every value, JSON that re-ranks exactly. */
import { csvParseRows } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Scenario } from "@/server/schemas/scenario";
import { Site } from "@/server/schemas/site";
import { evaluateSites } from "@/server/siting/evaluate";
import { csvField, EXPORT_FORMAT, neutraliseFormula, reportCsv, reportGeoJson, reportJson } from "@/server/reports/exports";
import { testStore } from "../../helpers/layers";
import { FORMULA_NAMES, fixtureReport, XSS_NAME } from "./fixture";

function parseCsv(text: string): { header: string[]; rows: Record<string, string | undefined>[] } {
  expect(text.startsWith("\uFEFF")).toBe(true);
  expect(text).toContain("\r\n");
  const [header, ...rows] = csvParseRows(text.slice(1).replace(/\r\n$/, "").replace(/\r\n/g, "\n"));
  return { header: header!, rows: rows.map((r) => Object.fromEntries(header!.map((h, k) => [h, r[k]!]))) };
}

describe("CSV export", () => {
  const content = fixtureReport();
  const { header, rows } = parseCsv(reportCsv(content));

  it("has the ranking, metric and criterion columns with units in the header", () => {
    expect(header.slice(0, 12)).toEqual(["rank", "site_id", "site_name", "lat [deg]", "lon [deg]", "country", "country_iso3", "grid_zone", "score [0-100]", "method_score", "excluded", "exclusion_reasons"]);
    for (const col of ["pue", "wue_l_per_kwh [L/kWh]", "annual_grid_energy_mwh [MWh/yr]", "co2_location_t_per_yr [tCO2/yr]", "co2_marginal_t_per_yr [tCO2/yr]", "co2_market_t_per_yr [tCO2/yr]", "water_m3_per_yr [m³/yr]", "rtt_mean_ms [ms]", "jurisdiction_fit"]) {
      expect(header).toContain(col);
    }
    expect(header).toContain("carbon_raw [gCO2eq/kWh]");
    expect(header).toContain("carbon_utility [0-1]");
    expect(header).toContain("carbon_contribution [0-1]");
    expect(header).toContain("price_quality");
    expect(rows).toHaveLength(content.sites.length);
  });

  it("lists sites in rank order with the numbers of the report", () => {
    expect(rows[0]!.rank).toBe("1");
    const card = content.sites.find((s) => s.rank === 1)!;
    expect(rows[0]!.site_name).toBe(card.name);
    expect(Number(rows[0]!["score [0-100]"])).toBe(card.score);
    expect(Number(rows[0]!["annual_grid_energy_mwh [MWh/yr]"])).toBe(card.metrics.find((m) => m.id === "annual_grid_energy_mwh")!.value);
    const ash = rows.find((r) => r.site_id === "ashburn")!;
    expect(ash["lon [deg]"]).toBe("-77.49"); // numbers stay numbers, negative ones included
    const inzai = rows.find((r) => r.site_id === "inzai")!;
    expect(inzai.excluded).toBe("true");
    expect(inzai.rank).toBe("");
    expect(inzai.exclusion_reasons).toMatch(/Electricity price/);
  });

  it("neutralises formula injection: text cells starting with = + - @ tab or CR get an apostrophe", () => {
    for (const name of FORMULA_NAMES) {
      const row = rows.find((r) => r.site_name!.slice(1) === name);
      expect(row, name).toBeDefined();
      expect(row!.site_name!.startsWith("'")).toBe(true);
    }
    expect(rows.find((r) => r.site_id === "xss")!.site_name).toBe(XSS_NAME);
    expect(neutraliseFormula("=1+1")).toBe("'=1+1");
    expect(neutraliseFormula("Luleå")).toBe("Luleå");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(-3.5)).toBe("-3.5");
    expect(csvField(null)).toBe("");
  });
});

describe("GeoJSON export", () => {
  it("is a FeatureCollection of points with every value and the units of each property", () => {
    const content = fixtureReport();
    const g = JSON.parse(reportGeoJson(content)) as { type: string; fields: { name: string; unit: string }[]; features: { geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }[] };
    expect(g.type).toBe("FeatureCollection");
    expect(g.features).toHaveLength(content.sites.length);
    const lulea = g.features.find((f) => f.properties.site_id === "lulea")!;
    expect(lulea.geometry).toEqual({ type: "Point", coordinates: [22.15, 65.58] });
    expect(lulea.properties.pue).toBe(content.sites.find((s) => s.id === "lulea")!.metrics.find((m) => m.id === "pue")!.value);
    expect(g.fields.find((f) => f.name === "annual_grid_energy_mwh")!.unit).toBe("MWh/yr");
    expect(Object.keys(lulea.properties)).toContain("carbon_utility");
  });
});

describe("JSON export", () => {
  it("round-trips: re-ranking the exported scenario and sites reproduces every score and rank exactly", () => {
    const exported = JSON.parse(reportJson(fixtureReport())) as { format: string; scenario: unknown; sites: unknown; results: { sites: { id: string; rank: number | null; score: number | null; methodScore: number | null; excluded: boolean; criteria: { utility: number | null }[] }[] } };
    expect(exported.format).toBe(EXPORT_FORMAT);
    const scenario = Scenario.parse(exported.scenario);
    const sites = z.array(Site).parse(exported.sites);
    const again = evaluateSites(testStore(), sites, scenario);
    const byId = new Map(again.sites.map((s) => [s.id, s]));
    expect(exported.results.sites).toHaveLength(sites.length);
    for (const s of exported.results.sites) {
      const r = byId.get(s.id)!;
      expect(r.rank).toBe(s.rank);
      expect(r.score).toBe(s.score);
      expect(r.methodScore).toBe(s.methodScore);
      expect(r.excluded).toBe(s.excluded);
      expect(r.criteria.map((c) => c.utility)).toEqual(s.criteria.map((c) => c.utility));
    }
  });
});
