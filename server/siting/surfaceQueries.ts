/**
 * Queries on the suitability surface: the binary the map paints (with its gzip, computed once per
 * surface), "find best locations", and every cell's score for regional profiles. One process-wide
 * surface cache keyed by data build and scenario. Scenario problems are input errors under
 * `scenario.` where the scenario is part of a larger input.
 */
import { gzipSync } from "node:zlib";
import type { LayerStore } from "@/server/layers/store";
import { COOLING_ARCHETYPE_IDS } from "@/server/models/cooling/archetypes";
import { inputsUnder } from "@/server/errors";
import type { Scenario } from "@/server/schemas/scenario";
import { encodeSurface } from "@/server/schemas/surfaceFormat";
import { scoreSurface } from "@/server/scoring/surfaceScore";
import { SurfaceCache, type Surface } from "./surface";
import { judge, plausibilityOf, type PlausibilityRule } from "./plausibility";
import { bestLocations, type BestLocationsInput, type BestLocationsResult, type Eligibility, type SurfaceGeography } from "./surfaceBest";
import { cellCentres } from "@/server/layers/cellColumns";
import { coolingCells } from "./coolingGrid";

const cache = new SurfaceCache();
const encoded = new WeakMap<Surface, { bytes: Uint8Array; gzip: Uint8Array | null }>();


export interface SurfaceBinary {
  key: string;
  /** The uncompressed binary (server/schemas/surfaceFormat.ts). */
  bytes: Uint8Array;
  /** Its gzip (level 6), or null when compression does not pay. */
  gzip: Uint8Array | null;
  /** Whether the utilities came from the cache. */
  cached: boolean;
  /** Time to compute (or fetch from the cache) and encode, ms. */
  ms: number;
}

/** The binary surface of a validated scenario, from the cache when it has it. */
export async function surfaceBinaryFor(store: LayerStore, scenario: Scenario): Promise<SurfaceBinary> {
  const t0 = performance.now();
  const { surface, cached } = await cache.get(store, scenario);
  let e = encoded.get(surface);
  if (!e) {
    const bytes = encodeSurface(surface);
    const gz = gzipSync(bytes, { level: 6 });
    e = { bytes, gzip: gz.length < bytes.length * 0.9 ? new Uint8Array(gz.buffer, gz.byteOffset, gz.length) : null };
    encoded.set(surface, e);
  }
  return { key: surface.header.key, bytes: e.bytes, gzip: e.gzip, cached, ms: Math.round(performance.now() - t0) };
}

function geographyOf(store: LayerStore): SurfaceGeography {
  const { lat, lon } = cellCentres(store);
  const countries = store.polygons.countries;
  return {
    lat,
    lon,
    countryOf: (li) => countries.majorityOfLandCell(li),
    countries: countries.features.map((f) => ({ key: f.key, name: f.name, iso3: (f.props.iso3 as string | null) ?? null })),
  };
}

/** The buildability rule over all cells, as the selection uses it. */
export function eligibilityOf(store: LayerStore, rule: PlausibilityRule): Eligibility {
  const p = plausibilityOf(store, rule);
  return { text: p.text, mask: p.mask, because: (li) => (rule.enabled ? `Passed: ${judge(rule, p.evidence(li)).because}.` : "Buildability rule off.") };
}

/** The best cells of the scenario's surface in a region (server/siting/surfaceBest.ts). */
export async function bestLocationsFor(store: LayerStore, input: BestLocationsInput): Promise<BestLocationsResult> {
  const scenario = input.scenario;
  const { surface } = await inputsUnder("scenario", () => cache.get(store, scenario));
  const m = scenario.method;
  return bestLocations(surface, geographyOf(store), {
    weights: scenario.criteria.map((c) => c.weight),
    missing: scenario.missing,
    method: m.method,
    ...(m.method === "waspas" ? { lambda: m.lambda } : {}),
    region: input.region,
    count: input.count,
    minDistanceKm: input.minDistanceKm,
    eligibility: eligibilityOf(store, input.plausibility),
  });
}

/**
 * Computes (or reads from the disk cache) the cooling grid of every archetype, one after the other,
 * yielding to the event loop: call it in the background at server start so the first surface with a
 * PUE, energy, CO2 or water criterion does not wait 15–20 s. About a minute of one core the first time
 * a data build is served, milliseconds afterwards.
 */
export async function warmSurfaces(store: LayerStore): Promise<void> {
  for (const archetype of COOLING_ARCHETYPE_IDS) await coolingCells(store, archetype, 0.8);
}

/**
 * The scenario's surface and every land cell's score under its weights (score in [0, 1]; NaN
 * unscored; SCORE_EXCLUDED when a constraint excludes the cell), for regional profiles and plans.
 */
export async function scoredSurfaceFor(store: LayerStore, scenario: Scenario): Promise<{ surface: Surface; scores: Float32Array; method: string; fallback: string | null }> {
  const { surface } = await inputsUnder("scenario", () => cache.get(store, scenario));
  const m = scenario.method;
  const { scores, stats } = scoreSurface({ n: store.grid.landCells, utilities: surface.utilities, excluded: surface.excluded }, {
    weights: scenario.criteria.map((c) => c.weight),
    missing: scenario.missing,
    method: m.method,
    ...(m.method === "waspas" ? { lambda: m.lambda } : {}),
  });
  return { surface, scores, method: stats.method, fallback: stats.fallback };
}
