/**
 * The suitability surface (issue 5, item 7): every land cell of the 0.25° analysis grid scored with a
 * scenario. The server computes, per cell and per criterion, the utility in [0, 1] (the scenario's
 * value function applied to the cell's raw value, quantised to a byte) and, per criterion with hard
 * constraints, which cells they exclude. Weights are deliberately not part of it: the browser scores
 * the cells from these utilities on every weight change (server/scoring/surfaceScore.ts in a Web
 * Worker), without a server round trip.
 *
 * Raw values per cell come from surfaceColumns.ts, which documents what is approximated at cell level
 * (cell centre, majority country or zone). Value functions and the constraint rule are the ones site
 * ranking uses (utility.ts, server/scoring `applyConstraints`: a missing value under a constraint
 * excludes the cell), so a site placed at a cell centre ranks as its cell scores, up to those
 * approximations and the 1/254 quantisation.
 *
 * Surfaces are cached by {@link surfaceKey}: the data build, each criterion's id, source, value
 * function and constraints, and only the load, market and CFE inputs that the chosen metrics read.
 */
import { createHash } from "node:crypto";
import type { LayerStore } from "@/server/layers/store";
import { tonnesCo2 } from "@/server/models/carbon";
import type { CoolingArchetype } from "@/server/models/cooling/archetypes";
import { annualGridEnergyMwh, annualItEnergyMwh, gridMwPeak } from "@/server/models/energy";
import { prepareSiteMarket, type MetricId, type SiteMarket } from "@/server/models/siteMetrics";
import { annualWaterM3 } from "@/server/models/water";
import { ScoringError } from "@/server/scoring";
import type { ConstraintSpec, Scenario } from "@/server/schemas/scenario";
import { combinedExclusion, QUANT_MISSING, QUANT_SCALE, type SurfaceCriterionMeta, type SurfaceEncodeInput } from "@/server/schemas/surfaceFormat";
import { describeCriteria, ScenarioError } from "./evaluate";
import { CELL_LEVEL_NOTES, coolingCells, fixedOverhead, jurisdictionCells, landMaskBits, latencyCells, layerCellColumn, type CellColumn } from "./surfaceColumns";
import { utilityFunction } from "./utility";

/** Bump when the cell-level computation changes its results (it is part of every surface key). */
export const SURFACE_MODEL_VERSION = 1;

/** A computed surface: what the binary carries, plus the combined exclusion per cell. */
export interface Surface extends SurfaceEncodeInput {
  /** Per land cell, 1 when any criterion's constraints exclude it. */
  excluded: Uint8Array;
}

/** Scenario inputs a metric reads besides the cell's climate and layers. */
type MetricInput = "archetype" | "utilisation" | "itMw" | "cfe" | "marketPoints" | "marketRule";

const METRIC_INPUTS: Record<MetricId, readonly MetricInput[]> = {
  pue: ["archetype", "utilisation"],
  pue_peak: ["archetype"],
  wue_l_per_kwh: ["archetype"],
  annual_it_energy_mwh: ["itMw", "utilisation"],
  annual_grid_energy_mwh: ["archetype", "itMw", "utilisation"],
  grid_mw_peak: ["archetype", "itMw"],
  co2_location_t_per_yr: ["archetype", "itMw", "utilisation"],
  co2_marginal_t_per_yr: ["archetype", "itMw", "utilisation"],
  co2_market_t_per_yr: ["archetype", "itMw", "utilisation", "cfe"],
  water_m3_per_yr: ["archetype", "itMw", "utilisation"],
  rtt_mean_ms: ["marketPoints"],
  rtt_max_ms: ["marketPoints"],
  demand_share_within_rtt_budget: ["marketPoints"],
  jurisdiction_fit: ["marketRule"],
};

function metricIdOf(source: string): MetricId | null {
  if (!source.startsWith("metric.")) return null;
  const id = source.slice("metric.".length);
  return id in METRIC_INPUTS ? (id as MetricId) : null;
}

/** JSON with object keys sorted, so equal specs give equal keys whatever order they were written in. */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(",")}]`;
  if (x && typeof x === "object") {
    return `{${Object.keys(x).sort().map((k) => `${JSON.stringify(k)}:${canonical((x as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(x);
}

/** The inputs the scenario's metric criteria read (nothing for layer-only scenarios). */
function metricInputs(scenario: Scenario): Set<MetricInput> {
  const needed = new Set<MetricInput>();
  for (const c of scenario.criteria) {
    const id = metricIdOf(c.source);
    if (id) for (const i of METRIC_INPUTS[id]) needed.add(i);
  }
  return needed;
}

/**
 * Cache key of a scenario's surface: everything the utilities and exclusions depend on and nothing
 * else (not the weights, the method or the missing policy, which the client applies).
 */
export function surfaceKey(store: LayerStore, scenario: Scenario): string {
  const needed = metricInputs(scenario);
  const l = scenario.loadProfile, m = scenario.market;
  const inputs = {
    archetype: needed.has("archetype") ? l.cooling : null,
    utilisation: needed.has("utilisation") ? l.utilisation : null,
    itMw: needed.has("itMw") ? l.itMw : null,
    cfe: needed.has("cfe") ? scenario.cfeShare : null,
    market: needed.has("marketPoints") ? { points: m.points.map((p) => [p.lat, p.lon, p.weight]), rttBudgetMs: m.rttBudgetMs } : null,
    rule: needed.has("marketRule") ? m.rule : null,
  };
  const criteria = scenario.criteria.map((c) => ({ id: c.id, source: c.source, valueFunction: c.valueFunction, constraints: c.constraints }));
  const text = canonical({ v: SURFACE_MODEL_VERSION, data: store.manifest.inputsHash, criteria, inputs });
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

/** A RangeError from the market model ("points[3].lat: …") as a scenario error naming the field. */
function marketError(err: RangeError): ScenarioError {
  const m = /^([A-Za-z0-9_[\].]+): (.*)$/s.exec(err.message);
  const field = m ? m[1]!.replace(/\[(\d+)\]/g, ".$1") : "";
  return new ScenarioError(field ? `market.${field}` : "market", m ? m[2]! : err.message);
}

/** Per-scenario memo of the expensive shared inputs of the metric columns. */
class MetricCells {
  private cooling?: ReturnType<typeof coolingCells>;
  private pueCells?: Float32Array;
  private latency?: ReturnType<typeof latencyCells>;
  private readonly n: number;
  readonly itMwh: number;

  constructor(private readonly store: LayerStore, private readonly scenario: Scenario, private readonly market: SiteMarket | null, private readonly cacheDir: string | null) {
    this.n = store.grid.landCells;
    this.itMwh = annualItEnergyMwh(scenario.loadProfile.itMw, scenario.loadProfile.utilisation);
  }

  private get archetype(): CoolingArchetype {
    return this.scenario.loadProfile.cooling;
  }

  private coolingCells() {
    return (this.cooling ??= coolingCells(this.store, this.archetype, this.scenario.loadProfile.utilisation, this.cacheDir));
  }

  /** Annual PUE at the scenario's utilisation. */
  async pue(): Promise<Float32Array> {
    if (this.pueCells) return this.pueCells;
    const c = await this.coolingCells();
    if (c.utilisation !== null) return (this.pueCells = c.pueBase);
    const fixed = fixedOverhead(this.archetype, this.scenario.loadProfile.utilisation, this.store);
    const out = new Float32Array(this.n);
    for (let li = 0; li < this.n; li++) out[li] = c.pueBase[li]! + fixed;
    return (this.pueCells = out);
  }

  async puePeak(): Promise<Float32Array> {
    return (await this.coolingCells()).puePeak;
  }

  async wue(): Promise<Float32Array> {
    return (await this.coolingCells()).wue;
  }

  latencyCells() {
    if (!this.market) throw new ScenarioError("market", "latency metrics need a market");
    return (this.latency ??= latencyCells(this.store, this.market));
  }

  /** A numeric intensity layer per cell (majority zone or country), NaN where missing or negative. */
  intensity(layerId: string): Float32Array {
    const col = layerCellColumn(this.store, layerId);
    if (col.kind !== "numeric") throw new Error(`${layerId} is not numeric`);
    return col.values;
  }

  /** Annual grid energy, MWh/yr, per cell (NaN where PUE is missing or below 1, as energy.ts). */
  async gridEnergy(): Promise<Float32Array> {
    const pue = await this.pue();
    return map(pue, (p) => (p >= 1 ? annualGridEnergyMwh(this.itMwh, p) : NaN));
  }
}

function map(a: Float32Array, f: (x: number) => number): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(a[i]!);
  return out;
}

function zip(a: Float32Array, b: Float32Array, f: (x: number, y: number) => number): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(a[i]!, b[i]!);
  return out;
}

/** t/yr from MWh/yr and gCO2/kWh, missing when either is (carbon.ts rules: intensity ≥ 0). */
const co2 = (mwh: number, g: number) => (mwh >= 0 && g >= 0 ? tonnesCo2(mwh, g) : NaN);

async function metricColumn(cells: MetricCells, id: MetricId, scenario: Scenario, store: LayerStore, market: SiteMarket | null): Promise<CellColumn> {
  const numeric = (values: Float32Array): CellColumn => ({ kind: "numeric", values });
  const { itMw } = scenario.loadProfile;
  switch (id) {
    case "pue": return numeric(await cells.pue());
    case "pue_peak": return numeric(await cells.puePeak());
    case "wue_l_per_kwh": return numeric(await cells.wue());
    case "annual_it_energy_mwh": return numeric(new Float32Array(store.grid.landCells).fill(cells.itMwh));
    case "annual_grid_energy_mwh": return numeric(await cells.gridEnergy());
    case "grid_mw_peak": return numeric(map(await cells.puePeak(), (p) => (p >= 1 ? gridMwPeak(itMw, p) : NaN)));
    case "co2_location_t_per_yr": return numeric(zip(await cells.gridEnergy(), cells.intensity("carbon.grid_intensity"), co2));
    case "co2_marginal_t_per_yr": return numeric(zip(await cells.gridEnergy(), cells.intensity("carbon.marginal_intensity"), co2));
    case "co2_market_t_per_yr": {
      const share = 1 - scenario.cfeShare;
      return numeric(zip(await cells.gridEnergy(), cells.intensity("carbon.grid_intensity"), (e, g) => co2(e * share, g)));
    }
    case "water_m3_per_yr": return numeric(map(await cells.wue(), (w) => (w >= 0 ? annualWaterM3(cells.itMwh, w) : NaN)));
    case "rtt_mean_ms": return numeric((await cells.latencyCells()).mean);
    case "rtt_max_ms": return numeric((await cells.latencyCells()).max);
    case "demand_share_within_rtt_budget": return numeric((await cells.latencyCells()).share);
    case "jurisdiction_fit": {
      if (!market) throw new ScenarioError("market", "jurisdiction fit needs a market");
      return jurisdictionCells(store, market);
    }
  }
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
 * Criterion constraints as a bitset over the land cells (1 = excluded), with the scoring core's rule
 * (server/scoring/constraints.ts): a missing value cannot be shown to pass and is excluded; a category
 * against a numeric bound fails; allowed/excluded values compare category keys (a number is never
 * among them).
 */
function exclusionBits(col: CellColumn, constraints: readonly ConstraintSpec[], n: number): { bits: Uint8Array; count: number } {
  const bits = new Uint8Array((n + 7) >> 3);
  let count = 0;
  const set = (li: number) => {
    bits[li >> 3] = bits[li >> 3]! | (1 << (li & 7));
    count++;
  };
  if (col.kind === "category") {
    const fails = col.keys.map((key) => constraints.some((c) => {
      switch (c.kind) {
        case "excludeAbove": case "excludeBelow": return true;
        case "allowedValues": return !c.values.includes(key);
        case "excludedValues": return c.values.includes(key);
      }
    }));
    for (let li = 0; li < n; li++) {
      const k = col.index[li]!;
      if (k < 0 || fails[k]) set(li);
    }
    return { bits, count };
  }
  let above = Infinity, below = -Infinity, allowedAny = false;
  for (const c of constraints) {
    if (c.kind === "excludeAbove") above = Math.min(above, c.value);
    else if (c.kind === "excludeBelow") below = Math.max(below, c.value);
    else if (c.kind === "allowedValues") allowedAny = true;
  }
  const values = col.values;
  for (let li = 0; li < n; li++) {
    const v = values[li]!;
    if (v !== v || allowedAny || v > above || v < below) set(li);
  }
  return { bits, count };
}

export interface ComputeSurfaceOptions {
  /** Folder for the cooling-model disk cache (null: memory only). */
  cacheDir: string | null;
}

/**
 * Computes the surface of a scenario (see the module comment). Throws a ScenarioError naming the
 * field for a criterion the data cannot serve or a bad market.
 */
export async function computeSurface(store: LayerStore, scenario: Scenario, opts: ComputeSurfaceOptions): Promise<Surface> {
  const t0 = performance.now();
  const meta = describeCriteria(store, scenario);
  const needed = metricInputs(scenario);
  let market: SiteMarket | null = null;
  if (needed.has("marketPoints") || needed.has("marketRule")) {
    try {
      market = prepareSiteMarket(scenario.market);
    } catch (err) {
      if (err instanceof RangeError) throw marketError(err);
      throw err;
    }
  }
  const n = store.grid.landCells;
  const k = scenario.criteria.length;
  const cells = new MetricCells(store, scenario, market, opts.cacheDir);
  const utilities = new Uint8Array(k * n);
  const excludedBy: (Uint8Array | null)[] = [];
  const criteria: SurfaceCriterionMeta[] = [];
  for (let j = 0; j < k; j++) {
    const c = scenario.criteria[j]!;
    const m = meta[j]!;
    const metricId = metricIdOf(c.source);
    const col = m.kind === "layer" ? layerCellColumn(store, c.source) : await metricColumn(cells, metricId!, scenario, store, market);
    let fn: ReturnType<typeof utilityFunction>;
    try {
      fn = utilityFunction(c.valueFunction, m.title);
    } catch (err) {
      if (err instanceof ScoringError) throw new ScenarioError(`criteria.${j}.valueFunction`, err.message);
      throw err;
    }
    const missingCells = quantiseUtilities(col, fn, utilities.subarray(j * n, (j + 1) * n));
    const ex = c.constraints.length ? exclusionBits(col, c.constraints, n) : null;
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

  async get(store: LayerStore, scenario: Scenario, opts: ComputeSurfaceOptions): Promise<{ surface: Surface; cached: boolean }> {
    const key = surfaceKey(store, scenario);
    const hit = this.peek(key);
    if (hit) return { surface: hit, cached: true };
    let p = this.pending.get(key);
    if (!p) {
      p = computeSurface(store, scenario, opts);
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
