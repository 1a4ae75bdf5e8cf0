/**
 * The suitability surface as the API uses it: the process-wide layer store and surface cache, the
 * binary (with its gzip, computed once per surface) and "find best locations". Scenario problems
 * become {@link SurfaceInputError}s naming the field.
 */
import { gzipSync } from "node:zlib";
import { env } from "@/server/env";
import { layerStore } from "@/server/layers/service";
import type { LayerStore } from "@/server/layers/store";
import { COOLING_ARCHETYPE_IDS } from "@/server/models/cooling/archetypes";
import { ScoringError } from "@/server/scoring";
import type { Scenario } from "@/server/schemas/scenario";
import { encodeSurface } from "@/server/schemas/surfaceFormat";
import { scoreSurface, SurfaceWeightError } from "@/server/scoring/surfaceScore";
import { ScenarioError } from "./evaluate";
import { SurfaceCache, type Surface } from "./surface";
import { judge, plausibilityOf, type PlausibilityRule } from "./plausibility";
import { bestLocations, BestLocationsError, type BestLocationsInput, type BestLocationsResult, type Eligibility, type SurfaceGeography } from "./surfaceBest";
import { cellCentres, coolingCells } from "./surfaceColumns";

/** A problem with the request (not a server fault): `path` names the field, relative to the request body. */
export class SurfaceInputError extends Error {
  constructor(readonly path: string, readonly detail: string) {
    super(path ? `${path}: ${detail}` : detail);
  }
}

const cache = new SurfaceCache();
const encoded = new WeakMap<Surface, { bytes: Uint8Array; gzip: Uint8Array | null }>();

function cacheDir(): string {
  return env().CACHE_DIR;
}

/** Scenario and market errors as input errors, the path prefixed with `prefix` ("" or "scenario."). */
async function guard<T>(prefix: string, fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ScenarioError) throw new SurfaceInputError(`${prefix}${err.path}`, err.message.slice(err.path.length + 2));
    if (err instanceof BestLocationsError) throw new SurfaceInputError(err.path, err.message.slice(err.path.length + 2));
    if (err instanceof SurfaceWeightError) throw new SurfaceInputError(`${prefix}criteria`, err.message);
    if (err instanceof ScoringError) throw new SurfaceInputError(prefix.replace(/\.$/, ""), err.message);
    throw err;
  }
}

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
export async function surfaceBinaryFor(scenario: Scenario, store: LayerStore = layerStore()): Promise<SurfaceBinary> {
  const t0 = performance.now();
  const { surface, cached } = await guard("", () => cache.get(store, scenario, { cacheDir: cacheDir() }));
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
export async function bestLocationsFor(input: BestLocationsInput, store: LayerStore = layerStore()): Promise<BestLocationsResult> {
  const scenario = input.scenario;
  const { surface } = await guard("scenario.", () => cache.get(store, scenario, { cacheDir: cacheDir() }));
  const m = scenario.method;
  return guard("scenario.", () => bestLocations(surface, geographyOf(store), {
    weights: scenario.criteria.map((c) => c.weight),
    missing: scenario.missing,
    method: m.method,
    ...(m.method === "waspas" ? { lambda: m.lambda } : {}),
    region: input.region,
    count: input.count,
    minDistanceKm: input.minDistanceKm,
    eligibility: eligibilityOf(store, input.plausibility),
  }));
}

/**
 * Computes (or reads from the disk cache) the cooling grid of every archetype, one after the other,
 * yielding to the event loop: call it in the background at server start so the first surface with a
 * PUE, energy, CO2 or water criterion does not wait 15–20 s. About a minute of one core the first time
 * a data build is served, milliseconds afterwards.
 */
export async function warmSurfaces(store: LayerStore = layerStore()): Promise<void> {
  for (const archetype of COOLING_ARCHETYPE_IDS) await coolingCells(store, archetype, 0.8, cacheDir());
}

/**
 * The scenario's surface and every land cell's score under its weights (score in [0, 1]; NaN
 * unscored; SCORE_EXCLUDED when a constraint excludes the cell), for regional profiles and plans.
 */
export async function scoredSurfaceFor(scenario: Scenario, store: LayerStore = layerStore()): Promise<{ surface: Surface; scores: Float32Array; method: string; fallback: string | null }> {
  const { surface } = await guard("scenario.", () => cache.get(store, scenario, { cacheDir: cacheDir() }));
  const m = scenario.method;
  const { scores, stats } = await guard("scenario.", () => scoreSurface({ n: store.grid.landCells, utilities: surface.utilities, excluded: surface.excluded }, {
    weights: scenario.criteria.map((c) => c.weight),
    missing: scenario.missing,
    method: m.method,
    ...(m.method === "waspas" ? { lambda: m.lambda } : {}),
  }));
  return { surface, scores, method: stats.method, fallback: stats.fallback };
}
