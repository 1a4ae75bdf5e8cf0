/**
 * The WRI Global Power Plant Database as the pipeline reads it, and the regional-intensity model
 * checked against an outside reference: the same model applied nationally should track Electricity
 * Maps' observed yearly lifecycle intensities (2021) across countries. Reads the raw folder; the
 * dataset checks are skipped without it, the bad-row check always runs.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_RAW_DIR } from "@/data/pipeline/build";
import { nationalModelIntensity } from "@/data/pipeline/layers/regionalCarbon";
import { loadPowerPlants } from "@/data/pipeline/sources/powerPlants";

const raw = process.env.DATA_RAW_DIR ?? DEFAULT_RAW_DIR;
const GPPD = path.join(raw, "wri-global-power-plant-database-v1.3/gppd_v130_plants.csv");
const HEADER = "country,country_long,name,gppd_idnr,capacity_mw,latitude,longitude,primary_fuel,year_of_capacity_data,estimated_generation_gwh_2013,estimated_generation_gwh_2014,estimated_generation_gwh_2015,estimated_generation_gwh_2016,estimated_generation_gwh_2017";

describe("GPPD rows", () => {
  const write = (rows: string[]) => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "gppd-")), "gppd.csv");
    writeFileSync(file, [HEADER, ...rows].join("\n"));
    return file;
  };

  it("fails the build naming the row and the column of a bad value", () => {
    expect(() => loadPowerPlants(write(["AFG,Afghanistan,Kajaki,GEODB1,33.0,32.32,65.12,Hydro,2017,,,,,119.5", "AFG,Afghanistan,Bad,GEODB2,-5,32.3,65.1,Hydro,,,,,,"])))
      .toThrow(/row 3 \(GEODB2\) column capacity_mw: must be a positive number/);
    expect(() => loadPowerPlants(write(["AFG,Afghanistan,X,GEODB3,10,32.3,65.1,Plasma,,,,,,"]))).toThrow(/row 2 \(GEODB3\) column primary_fuel: unknown fuel "Plasma"/);
  });

  it("takes WRI's latest generation estimate, else capacity × the fuel's capacity factor, and says which", () => {
    const [est, cf] = loadPowerPlants(write(["AFG,Afghanistan,A,A1,100,32,65,Hydro,,,,,300,", "AFG,Afghanistan,B,B1,10,32,65,Biomass,,,,,,"]));
    expect(est!.generationGwh).toBe(300);
    expect(est!.generationBasis).toBe("wri_estimate_2016");
    expect(cf!.generationGwh).toBeCloseTo(10 * 8.76 * 0.68, 6);
    expect(cf!.generationBasis).toBe("capacity_factor");
  });
});

describe.skipIf(!existsSync(GPPD))("GPPD v1.3.0 and the regional intensity model", () => {
  const plants = existsSync(GPPD) ? loadPowerPlants(GPPD) : [];

  it("has every plant of the release, Three Gorges among them", () => {
    expect(plants.length).toBe(34_936);
    const tg = plants.find((p) => /Three Gorges/i.test(p.name))!;
    expect(tg.capacityMw).toBe(22_500);
    expect(tg.fuel).toBe("Hydro");
  });

  it("applied nationally, tracks Electricity Maps' observed lifecycle intensities across large systems", () => {
    const em = JSON.parse(readFileSync(path.join(raw, "grid-carbon-intensity-co2js/electricity-maps-yearly_2021.json"), "utf8")) as Record<string, { carbonIntensity: { value: number } }>;
    const iso2to3 = new Map((JSON.parse(readFileSync(path.join(raw, "country-metadata/world-countries.json"), "utf8")) as { cca2: string; cca3: string }[]).map((c) => [c.cca2, c.cca3]));
    const genByCountry = new Map<string, number>();
    for (const p of plants) genByCountry.set(p.country, (genByCountry.get(p.country) ?? 0) + p.generationGwh);
    const pairs: [number, number][] = [];
    for (const [iso2, v] of Object.entries(em)) {
      const iso3 = iso2to3.get(iso2);
      if (!iso3 || (genByCountry.get(iso3) ?? 0) < 50_000) continue;
      const model = nationalModelIntensity(plants, iso3);
      if (model !== null) pairs.push([model, v.carbonIntensity.value]);
    }
    expect(pairs.length).toBeGreaterThanOrEqual(30);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const mx = mean(pairs.map((p) => p[0])), my = mean(pairs.map((p) => p[1]));
    const cov = mean(pairs.map(([x, y]) => (x - mx) * (y - my)));
    const r = cov / Math.sqrt(mean(pairs.map(([x]) => (x - mx) ** 2)) * mean(pairs.map(([, y]) => (y - my) ** 2)));
    expect(r).toBeGreaterThan(0.8);
    const rel = pairs.map(([x, y]) => Math.abs(x - y) / y).sort((a, b) => a - b);
    expect(rel[rel.length >> 1]!).toBeLessThan(0.3);
  });
});
