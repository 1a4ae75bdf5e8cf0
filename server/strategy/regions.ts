/**
 * Regions for strategy work: a country, a first-level subdivision (where Natural Earth has them: US,
 * Brazil, Canada, Australia), a named group of countries, or a polygon drawn on the map. A region is
 * resolved to the analysis-grid land cells it covers (a cell belongs to the country or subdivision
 * covering most of it; for a drawn polygon, cells whose centre lies inside, tested with turf).
 */
import { booleanPointInPolygon, bbox } from "@turf/turf";
import type { MultiPolygon, Polygon } from "geojson";
import { z } from "zod";
import type { LayerStore } from "@/server/layers/store";
import { InputError } from "@/server/errors";

/** Country groups by Natural Earth ADM0_A3 key (as of 2026; EU after Brexit). */
export const COUNTRY_GROUPS: Record<string, { title: string; members: string[] }> = {
  eu27: { title: "European Union (27)", members: ["AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE"] },
  eea: { title: "European Economic Area", members: ["AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "ISL", "LIE", "NOR"] },
  nordic: { title: "Nordic countries", members: ["DNK", "FIN", "ISL", "NOR", "SWE"] },
  gcc: { title: "Gulf Cooperation Council", members: ["ARE", "BHR", "KWT", "OMN", "QAT", "SAU"] },
  asean: { title: "ASEAN", members: ["BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"] },
};

const Ring = z.array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])).min(4, "a ring needs at least 4 positions (closed)");
export const Region = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("country"), key: z.string().regex(/^[A-Z0-9]{3}$/, "a Natural Earth ADM0_A3 code such as DEU or FRA") }).strict(),
  z.object({ kind: z.literal("subdivision"), key: z.string().min(3).max(20) }).strict(),
  z.object({ kind: z.literal("group"), group: z.enum(Object.keys(COUNTRY_GROUPS) as [string, ...string[]]) }).strict(),
  z.object({ kind: z.literal("polygon"), name: z.string().min(1).max(120).default("Drawn area"), geometry: z.object({ type: z.literal("Polygon"), coordinates: z.array(Ring).min(1).max(50) }).strict() }).strict(),
]);
export type Region = z.infer<typeof Region>;

export interface ResolvedRegion {
  name: string;
  /** Land-cell numbers in the region. */
  cells: Int32Array;
  /** Land area represented, km² (cell area × land fraction). */
  areaKm2: number;
}

/** Land area of one analysis cell at latitude `lat`, km² (spherical). */
export function cellAreaKm2(lat: number, cellDeg: number): number {
  const R = 6371.0088, rad = Math.PI / 180;
  return R * R * cellDeg * rad * Math.abs(Math.sin((lat + cellDeg / 2) * rad) - Math.sin((lat - cellDeg / 2) * rad));
}

function cellsOfFeatures(store: LayerStore, set: "countries" | "subdivisions", keys: ReadonlySet<string>): number[] {
  const index = store.polygons[set];
  const wanted = new Set<number>();
  index.features.forEach((f, i) => { if (keys.has(f.key)) wanted.add(i); });
  const out: number[] = [];
  for (let li = 0; li < store.grid.landCells; li++) if (wanted.has(index.majorityOfLandCell(li))) out.push(li);
  return out;
}

/** The region's land cells; an unknown key or an empty area is an InputError with a path inside the region ("key"). */
export function resolveRegion(store: LayerStore, region: Region): ResolvedRegion {
  let name: string;
  let cells: number[];
  if (region.kind === "country") {
    const f = store.polygons.countries.features.find((x) => x.key === region.key);
    if (!f) throw new InputError("key", `no country with code ${region.key}`);
    name = f.name;
    cells = cellsOfFeatures(store, "countries", new Set([region.key]));
  } else if (region.kind === "subdivision") {
    const f = store.polygons.subdivisions.features.find((x) => x.key === region.key);
    if (!f) throw new InputError("key", `no subdivision with key ${region.key} (Natural Earth has states and provinces for the US, Brazil, Canada and Australia)`);
    name = f.name;
    cells = cellsOfFeatures(store, "subdivisions", new Set([region.key]));
  } else if (region.kind === "group") {
    const g = COUNTRY_GROUPS[region.group]!;
    name = g.title;
    cells = cellsOfFeatures(store, "countries", new Set(g.members));
  } else {
    name = region.name;
    const poly = region.geometry as Polygon | MultiPolygon;
    const [w, s, e, n] = bbox(poly);
    cells = [];
    for (let li = 0; li < store.grid.landCells; li++) {
      const c = store.grid.centreOfLand(li);
      if (c.lon < w || c.lon > e || c.lat < s || c.lat > n) continue;
      if (booleanPointInPolygon([c.lon, c.lat], poly)) cells.push(li);
    }
  }
  if (!cells.length) throw new InputError("", `${name} contains no land cell of the 0.25° analysis grid`);
  let area = 0;
  const fraction = store.landFraction();
  for (const li of cells) area += cellAreaKm2(store.grid.centreOfLand(li).lat, store.grid.cellDeg) * fraction[li]!;
  return { name, cells: Int32Array.from(cells), areaKm2: area };
}
