/**
 * "Find best locations" (issue 5, item 7): the N best-scoring land cells of a suitability surface
 * inside a bounding box (the map view) or a country, at least a given distance apart, never a cell a
 * hard constraint excludes and never an unscored one. Cells are scored exactly as the map draws them
 * (server/scoring/surfaceScore.ts on the same quantised utilities), so the list matches the map.
 *
 * Selection is greedy non-maximum suppression on great-circle distance (haversine, data/lib/geo.ts):
 * walk the cells from the best score down (ties: lower land-cell number first, i.e. north-west
 * first, so the answer is deterministic) and keep a cell when it is at least `minDistanceKm` from
 * every cell kept so far, until N are kept. Greedy NMS does not maximise the total score of a spread
 * set (that is a maximum-weight independent-set problem), but it always keeps the single best cell
 * and each kept cell is the best of what the earlier ones leave, which is what a planner reads.
 */
import { z } from "zod";
import { EARTH_RADIUS_KM } from "@/data/lib/geo";
import { InputError } from "@/server/errors";
import { Latitude, Longitude } from "@/server/schemas/geo";
import { Scenario } from "@/server/schemas/scenario";
import { percentPoints, type MethodName, type MissingPolicy } from "@/server/scoring";
import { scoreSurface } from "@/server/scoring/surfaceScore";
import { DEFAULT_PLAUSIBILITY, PlausibilityRule } from "./plausibility";
import type { Surface } from "./surface";

export const MAX_BEST_LOCATIONS = 50;

/** Where to look: the view's bounding box (west > east crosses the antimeridian) or a country. */
export const BestLocationsRegion = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("bbox"), west: Longitude, south: Latitude, east: Longitude, north: Latitude }).strict()
    .refine((b) => b.north > b.south, { message: "must be north of south", path: ["north"] }),
  z.object({ kind: z.literal("country"), country: z.string().regex(/^[A-Z0-9]{3}$/, "a country key (Natural Earth ADM0_A3, e.g. NOR)") }).strict(),
]);
export type BestLocationsRegion = z.infer<typeof BestLocationsRegion>;

export const BestLocationsInput = z.object({
  scenario: Scenario,
  region: BestLocationsRegion,
  count: z.number().int("must be a whole number").min(1, "at least 1").max(MAX_BEST_LOCATIONS, `at most ${MAX_BEST_LOCATIONS}`).default(10),
  minDistanceKm: z.number().finite().min(0, "must be ≥ 0 km").max(5000, "at most 5,000 km").default(50),
  /** The buildability rule (server/siting/plausibility.ts); on by default. */
  plausibility: PlausibilityRule.default(DEFAULT_PLAUSIBILITY),
}).strict();
export type BestLocationsInput = z.infer<typeof BestLocationsInput>;

export interface CountryRef { key: string; name: string; iso3: string | null }

/** What the selection needs to know about the cells: centres and majority countries. */
export interface SurfaceGeography {
  /** Centre of each land cell, degrees. */
  lat: Float64Array;
  lon: Float64Array;
  /** Majority country feature per land cell (−1 = none). */
  countryOf(li: number): number;
  countries: readonly CountryRef[];
}

export interface BestLocation {
  /** 1 = best. */
  rank: number;
  /** Land-cell number in the surface. */
  cell: number;
  /** Cell centre, degrees. */
  lat: number;
  lon: number;
  /** 0–100, one decimal, as the map's legend. */
  score: number;
  country: CountryRef | null;
  /** Utility per criterion id (null = missing), from the surface's quantised utilities. */
  utilities: Record<string, number | null>;
  /** What the cell showed to pass the buildability rule. */
  plausibility: string;
}

/** Which cells may be chosen, and why a chosen one passed (server/siting/plausibility.ts). */
export interface Eligibility {
  text: string;
  /** 1 = the cell may be chosen; null = every cell may. */
  mask: Uint8Array | null;
  because(li: number): string;
}

export interface BestLocationsResult {
  locations: BestLocation[];
  /** Cells in the region that could be chosen (scored, not excluded). */
  candidates: number;
  /** Cells in the region excluded by constraints or left unscored. */
  excludedInRegion: number;
  unscoredInRegion: number;
  /** Scored cells in the region that fail the buildability rule. */
  implausibleInRegion: number;
  /** The buildability rule applied, in words. */
  rule: string;
  /** The method the cells were scored with (WSM when the scenario's method cannot apply to cells). */
  method: string;
  note: string | null;
}


const RAD = Math.PI / 180;

/** Whether a longitude lies in [west, east], crossing the antimeridian when west > east. */
function inLonRange(lon: number, west: number, east: number): boolean {
  return west <= east ? lon >= west && lon <= east : lon >= west || lon <= east;
}

/** The top cells of the surface in a region (see the module comment). */
export function bestLocations(
  surface: Surface,
  geo: SurfaceGeography,
  opts: { weights: number[]; missing: MissingPolicy; method: MethodName; lambda?: number; region: BestLocationsRegion; count: number; minDistanceKm: number; eligibility?: Eligibility },
): BestLocationsResult {
  const n = surface.header.n;
  const { scores, stats } = scoreSurface({ n, utilities: surface.utilities, excluded: surface.excluded }, opts);
  const region = opts.region;
  let countryIndex = -1;
  if (region.kind === "country") {
    countryIndex = geo.countries.findIndex((c) => c.key === region.country);
    if (countryIndex < 0) throw new InputError("region.country", `unknown country "${region.country}" (use a Natural Earth ADM0_A3 key, e.g. NOR)`);
  }
  const inRegion = region.kind === "country"
    ? (li: number) => geo.countryOf(li) === countryIndex
    : (li: number) => geo.lat[li]! >= region.south && geo.lat[li]! <= region.north && inLonRange(geo.lon[li]!, region.west, region.east);

  const candidates: number[] = [];
  let excludedInRegion = 0, unscoredInRegion = 0, implausibleInRegion = 0;
  const eligibility = opts.eligibility ?? { text: "No buildability rule applied.", mask: null, because: () => "No buildability rule applied." };
  const eligible = eligibility.mask;
  for (let li = 0; li < n; li++) {
    if (!inRegion(li)) continue;
    const s = scores[li]!;
    if (s !== s) unscoredInRegion++;
    else if (s < 0) excludedInRegion++;
    else if (eligible && !eligible[li]) implausibleInRegion++;
    else candidates.push(li);
  }
  candidates.sort((a, b) => scores[b]! - scores[a]! || a - b);

  // Greedy NMS: compare unit vectors (chord length) rather than calling haversine per pair.
  const minKm = opts.minDistanceKm;
  const minDot = Math.cos(Math.min(Math.PI, minKm / EARTH_RADIUS_KM));
  const kept: number[] = [];
  const kx: number[] = [], ky: number[] = [], kz: number[] = [];
  for (const li of candidates) {
    if (kept.length >= opts.count) break;
    const la = geo.lat[li]! * RAD, lo = geo.lon[li]! * RAD;
    const x = Math.cos(la) * Math.cos(lo), y = Math.cos(la) * Math.sin(lo), z = Math.sin(la);
    let ok = true;
    if (minKm > 0) {
      for (let k = 0; k < kept.length; k++) {
        // dot > cos(d/R) ⇔ great-circle distance < d.
        if (x * kx[k]! + y * ky[k]! + z * kz[k]! > minDot) { ok = false; break; }
      }
    }
    if (!ok) continue;
    kept.push(li);
    kx.push(x); ky.push(y); kz.push(z);
  }

  const crit = surface.header.criteria;
  const locations = kept.map((li, r): BestLocation => {
    const ci = geo.countryOf(li);
    const utilities: Record<string, number | null> = {};
    crit.forEach((c, j) => {
      const q = surface.utilities[j * n + li]!;
      utilities[c.id] = q === 255 ? null : Math.round((q / 254) * 1000) / 1000;
    });
    return {
      rank: r + 1,
      cell: li,
      lat: Math.round(geo.lat[li]! * 1e4) / 1e4,
      lon: Math.round(geo.lon[li]! * 1e4) / 1e4,
      score: percentPoints(scores[li]!),
      country: ci >= 0 ? geo.countries[ci] ?? null : null,
      utilities,
      plausibility: eligibility.because(li),
    };
  });
  return { locations, candidates: candidates.length, excludedInRegion, unscoredInRegion, implausibleInRegion, rule: eligibility.text, method: stats.method, note: stats.fallback };
}
