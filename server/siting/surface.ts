/**
 * The suitability surface (issue 5, item 7): every land cell of the 0.25° analysis grid scored with a
 * scenario. The server computes, per cell and per criterion, the utility in [0, 1] (the scenario's
 * value function applied to the cell's raw value, quantised to a byte) and, per criterion with hard
 * constraints, which cells they exclude. Weights are deliberately not part of it: the browser scores
 * the cells from these utilities on every weight change (server/scoring/surfaceScore.ts in a Web
 * Worker), without a server round trip.
 *
 * Raw values per cell come from the cell readers (server/layers/cellColumns.ts, model layers from
 * modelLayers.ts) and, for metrics, the per-place metric definition applied to each cell
 * (metricCells.ts); `CELL_LEVEL_NOTES` lists what is approximated at cell level. Value functions and
 * constraints are evaluated as for sites (criteria.ts, utility.ts, server/scoring `excludeByColumn`:
 * a missing value under a constraint excludes the cell), so a site placed at a cell centre ranks as
 * its cell scores, up to those approximations and the 1/254 quantisation.
 *
 * Surfaces are cached by {@link surfaceKey}: the data build and the scenario's weight-independent key
 * (each criterion's id, source, value function and constraints, and only the load, market and CFE
 * inputs that the chosen metrics read).
 */
import { createHash } from "node:crypto";
import { cellColumn, landMaskBits, type CellColumn } from "@/server/layers/cellColumns";
import type { LayerStore } from "@/server/layers/store";
import type { MetricId, SiteMarket } from "@/server/models/siteMetrics";
import { excludeByColumn } from "@/server/scoring";
import type { Scenario } from "@/server/schemas/scenario";
import { metricIdOf, scenarioInputsOf, weightIndependentKey } from "@/server/schemas/scenarioKey";
import { combinedExclusion, QUANT_MISSING, QUANT_SCALE, type SurfaceCriterionMeta, type SurfaceEncodeInput } from "@/server/schemas/surfaceFormat";
import { describeCriteria, hardConstraints, scenarioMarket, utilityFunctions } from "./criteria";
import { metricCellColumns } from "./metricCells";
import { layerGrid } from "./modelLayers";
import type { utilityFunction } from "./utility";

/** What is approximated at cell level, carried in every surface header. */
export const CELL_LEVEL_NOTES: readonly string[] = Object.freeze([
  "Each land cell of the 0.25° grid is scored at its centre; site overrides do not apply to the surface.",
  "Grid and model layers use the cell's own value (a site interpolates bilinearly between cell centres).",
  "Polygon layers (countries, grid zones, subdivisions) take the feature covering most of the cell, so a border cell belongs wholly to one country or zone.",
  "Distance layers and latency metrics are measured from the cell centre.",
  "PUE, peak PUE and WUE come from the cooling model on the cell's climate normals; energy, CO2 and water from those and the intensity of the cell's majority grid zone (location- and market-based) or country (marginal).",
  "Jurisdiction fit uses the regime and localisation class of the cell's majority country.",
  "Utilities are stored to 1/254 (error at most 0.002).",
]);

/** Bump when the cell-level computation changes its results (it is part of every surface key). */
export const SURFACE_MODEL_VERSION = 1;

/** A computed surface: what the binary carries, plus the combined exclusion per cell. */
export interface Surface extends SurfaceEncodeInput {
  /** Per land cell, 1 when any criterion's constraints exclude it. */
  excluded: Uint8Array;
}

/**
 * Cache key of a scenario's surface: the data build, the cell-level model version and the
 * scenario's weight-independent key (server/schemas/scenarioKey.ts) — not the weights, the method or
 * the missing policy, which the client applies.
 */
export function surfaceKey(store: LayerStore, scenario: Scenario): string {
  return createHash("sha256").update(`${SURFACE_MODEL_VERSION}|${store.manifest.inputsHash}|${weightIndependentKey(scenario, "criteria")}`).digest("hex").slice(0, 32);
}

/** Writes criterion j's quantised utilities into `out`; returns how many cells are missing. */
function quantiseUtilities(col: CellColumn, fn: ReturnType<typeof utilityFunction>, out: Uint8Array): number {
  let missing = 0;
  // Local copies: under a CommonJS transform an imported binding is a getter call in the loop.
  const MISSING = QUANT_MISSING, SCALE = QUANT_SCALE;
  const q = (u: number | null) => (u === null ? MISSING : Math.round(Math.min(1, Math.max(0, u)) * SCALE));
  if (col.kind === "category") {
    const table = col.keys.map((key) => q(fn(key).value));
    for (let li = 0; li < out.length; li++) {
      const k = col.index[li]!;
      const v = k >= 0 ? table[k]! : MISSING;
      out[li] = v;
      if (v === MISSING) missing++;
    }
    return missing;
  }
  const values = col.values;
  let lastV = NaN, lastQ = MISSING;
  for (let li = 0; li < out.length; li++) {
    const v = values[li]!;
    if (v !== v) {
      out[li] = MISSING;
      missing++;
      continue;
    }
    // Polygon-derived columns repeat one value over long runs of cells.
    if (v !== lastV) {
      lastV = v;
      lastQ = q(fn(v).value);
    }
    out[li] = lastQ;
    if (lastQ === MISSING) missing++;
  }
  return missing;
}

/**
 * Computes the surface of a scenario (see the module comment). Throws an InputError naming the
 * field for a criterion the data cannot serve.
 */
export async function computeSurface(store: LayerStore, scenario: Scenario): Promise<Surface> {
  const t0 = performance.now();
  const meta = describeCriteria(store, scenario);
  const needed = scenarioInputsOf(scenario);
  const market: SiteMarket | null = needed.has("marketPoints") || needed.has("marketRule") ? scenarioMarket(scenario) : null;
  const n = store.grid.landCells;
  const k = scenario.criteria.length;
  const metricIds = [...new Set(scenario.criteria.map((c) => metricIdOf(c.source)).filter((id): id is MetricId => id !== null))];
  const metrics = metricIds.length ? await metricCellColumns(store, scenario, market, metricIds) : new Map<MetricId, CellColumn>();
  const utilityFns = utilityFunctions(scenario, meta);
  const constraints = hardConstraints(scenario, meta);
  const utilities = new Uint8Array(k * n);
  const excludedBy: (Uint8Array | null)[] = [];
  const criteria: SurfaceCriterionMeta[] = [];
  for (let j = 0; j < k; j++) {
    const c = scenario.criteria[j]!;
    const m = meta[j]!;
    const col = m.kind === "layer" ? cellColumn(store, c.source, (l) => layerGrid(store, l.id)) : metrics.get(metricIdOf(c.source) as MetricId)!;
    const fn = utilityFns[j]!;
    const missingCells = quantiseUtilities(col, fn, utilities.subarray(j * n, (j + 1) * n));
    // The constraint evaluation site ranking uses (server/scoring excludeByColumn), on the long column.
    const own = constraints.filter((h) => h.criterion === j);
    const ex = own.length ? excludeByColumn(col, own, n) : null;
    excludedBy.push(ex ? ex.bits : null);
    criteria.push({ id: c.id, source: c.source, title: m.title, unit: m.unit, kind: m.kind, constrained: ex !== null, missingCells, excludedCells: ex?.count ?? 0 });
  }
  const g = store.grid;
  return {
    header: {
      key: surfaceKey(store, scenario),
      dataVersion: store.manifest.inputsHash.slice(0, 16),
      grid: { cellDeg: g.cellDeg, ncols: g.ncols, nrows: g.nrows, west: g.west, north: g.north, order: "row-major-north-first", landCells: n },
      n,
      criteria,
      notes: [...CELL_LEVEL_NOTES],
      computeMs: Math.round(performance.now() - t0),
    },
    landMask: landMaskBits(store),
    utilities,
    excludedBy,
    excluded: combinedExclusion(n, excludedBy),
  };
}

/** Bytes a surface holds in memory. */
function surfaceBytes(s: Surface): number {
  return s.utilities.length + s.excluded.length + s.excludedBy.reduce((a, b) => a + (b?.length ?? 0), 0);
}

/**
 * Surfaces by key, least recently used evicted beyond `maxBytes`; concurrent requests for the same
 * key share one computation. Failed computations are not cached.
 */
export class SurfaceCache {
  private readonly done = new Map<string, Surface>();
  private readonly pending = new Map<string, Promise<Surface>>();
  private bytes = 0;

  /**
   * `maxBytes` counts the utilities and masks (a 10-criterion surface holds about 2.9 MB; its encoded
   * binary and gzip, kept beside it by the service, about as much again).
   */
  constructor(readonly maxBytes = 48 * 2 ** 20) {}

  /** The cached surface, or null. */
  peek(key: string): Surface | null {
    const s = this.done.get(key);
    if (!s) return null;
    this.done.delete(key);
    this.done.set(key, s); // most recently used last
    return s;
  }

  async get(store: LayerStore, scenario: Scenario): Promise<{ surface: Surface; cached: boolean }> {
    const key = surfaceKey(store, scenario);
    const hit = this.peek(key);
    if (hit) return { surface: hit, cached: true };
    let p = this.pending.get(key);
    if (!p) {
      p = computeSurface(store, scenario);
      this.pending.set(key, p);
      p.then((s) => this.put(key, s), () => {}).finally(() => this.pending.delete(key));
    }
    return { surface: await p, cached: false };
  }

  private put(key: string, s: Surface) {
    this.done.set(key, s);
    this.bytes += surfaceBytes(s);
    for (const [k, old] of this.done) {
      if (this.bytes <= this.maxBytes || this.done.size <= 1) break;
      this.done.delete(k);
      this.bytes -= surfaceBytes(old);
    }
  }
}
