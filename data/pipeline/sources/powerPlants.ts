/**
 * WRI Global Power Plant Database v1.3.0 (SOURCES.md §11.1): one record per plant with its
 * nameplate capacity, primary fuel and annual generation. Generation is WRI's own modelled estimate
 * for the latest year that has one (2017 back to 2013); plants without any estimate (biomass,
 * storage, cogeneration, petcoke, wave and tidal: 1,798 plants) get capacity × a typical capacity
 * factor for their fuel, marked as such.
 */
import { parseNumberCell, readCsv } from "../lib/csv";

export const GPPD_FUELS = [
  "Biomass", "Coal", "Cogeneration", "Gas", "Geothermal", "Hydro", "Nuclear", "Oil", "Other", "Petcoke", "Solar", "Storage", "Waste", "Wave and Tidal", "Wind",
] as const;
export type GppdFuel = (typeof GPPD_FUELS)[number];

/**
 * Fuels counted as low-carbon supply (issue 13: hydro, nuclear, wind, solar, geothermal), plus wave
 * and tidal, which is renewable and carbon-free in operation like the others (10 plants, 0.55 GW).
 */
export const LOW_CARBON_FUELS: ReadonlySet<GppdFuel> = new Set(["Hydro", "Nuclear", "Wind", "Solar", "Geothermal", "Wave and Tidal"]);

/** Thermal fuels: a plant of these burns fuel on site (used to recognise industrial heat sources in the fire data). */
export const THERMAL_FUELS: ReadonlySet<GppdFuel> = new Set(["Coal", "Gas", "Oil", "Petcoke", "Cogeneration", "Waste", "Biomass"]);

/**
 * Capacity factors for plants WRI gives no generation estimate for (1.5 % of GPPD capacity):
 * - biomass 0.68: IRENA, Renewable Power Generation Costs in 2021 (2022), Table H.1, global
 *   weighted-average capacity factor of new bioenergy plants (72 % in 2010, 68 % in 2021); an upper
 *   estimate, since GPPD biomass includes small and seasonal plants;
 * - wave and tidal 0.25: La Rance (240 MW, about 500 GWh/yr) and Sihwa (254 MW, about 550 GWh/yr),
 *   the two plants that dominate the category;
 * - petcoke 0.6 and cogeneration 0.5: assumptions (baseload solid fuel; heat-led operation), stated
 *   as such in the layer method;
 * - storage and "Other" 0: not primary generation.
 * The remaining fuels have a WRI estimate for nearly every plant; their few gaps take the global
 * mean of GPPD's own 2017 estimates for the fuel (Σ generation ÷ Σ capacity × 8,760 h).
 */
export const FALLBACK_CAPACITY_FACTOR: Readonly<Record<GppdFuel, number>> = {
  Biomass: 0.68, Petcoke: 0.6, Cogeneration: 0.5, "Wave and Tidal": 0.25, Storage: 0, Other: 0,
  Coal: 0.56, Gas: 0.47, Oil: 0.22, Nuclear: 0.82, Hydro: 0.38, Wind: 0.3, Solar: 0.21, Geothermal: 0.67, Waste: 0.06,
};

export interface PowerPlant {
  /** GPPD's `gppd_idnr`. */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-3. */
  country: string;
  lat: number;
  lon: number;
  capacityMw: number;
  fuel: GppdFuel;
  /** Year the capacity figure refers to (blank in many source rows). */
  capacityYear: number | null;
  /** Annual generation, GWh. */
  generationGwh: number;
  /** Where `generationGwh` comes from: "wri_estimate_<year>" or "capacity_factor". */
  generationBasis: string;
}

const GEN_YEARS = [2017, 2016, 2015, 2014, 2013] as const;

/** Reads the GPPD CSV; a row with an unusable value fails the build naming the row and column. */
export function loadPowerPlants(file: string): PowerPlant[] {
  const fuels = new Set<string>(GPPD_FUELS);
  const plants = readCsv(file).map((r, i): PowerPlant => {
    const where = (col: string) => `gppd_v130_plants.csv row ${i + 2} (${r.gppd_idnr ?? "?"}) column ${col}`;
    const lat = parseNumberCell(r.latitude, where("latitude")), lon = parseNumberCell(r.longitude, where("longitude"));
    const mw = parseNumberCell(r.capacity_mw, where("capacity_mw"));
    if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new Error(`${where("latitude/longitude")}: missing or out of range`);
    if (mw === null || !(mw > 0)) throw new Error(`${where("capacity_mw")}: must be a positive number`);
    const fuel = r.primary_fuel ?? "";
    if (!fuels.has(fuel)) throw new Error(`${where("primary_fuel")}: unknown fuel "${fuel}"`);
    let generationGwh = NaN, generationBasis = "capacity_factor";
    for (const y of GEN_YEARS) {
      const g = parseNumberCell(r[`estimated_generation_gwh_${y}`], where(`estimated_generation_gwh_${y}`));
      if (g !== null && g >= 0) {
        generationGwh = g;
        generationBasis = `wri_estimate_${y}`;
        break;
      }
    }
    if (Number.isNaN(generationGwh)) generationGwh = mw * 8.76 * FALLBACK_CAPACITY_FACTOR[fuel as GppdFuel];
    const year = parseNumberCell(r.year_of_capacity_data, where("year_of_capacity_data"));
    return {
      id: r.gppd_idnr!, name: (r.name ?? "").trim(), country: r.country!, lat, lon, capacityMw: mw, fuel: fuel as GppdFuel,
      capacityYear: year === null ? null : Math.round(year), generationGwh, generationBasis,
    };
  });
  const ids = new Set<string>();
  for (const p of plants) {
    if (ids.has(p.id)) throw new Error(`gppd_v130_plants.csv: duplicate gppd_idnr ${p.id}`);
    ids.add(p.id);
  }
  return plants.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
