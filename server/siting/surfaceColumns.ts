/**
 * Raw criterion values for every land cell of the analysis grid, for the suitability surface
 * (surface.ts). A site is evaluated at its exact position (evaluate.ts); a cell is evaluated at its
 * centre with its own values, and these are the approximations that implies (also listed in the
 * surface header, `CELL_LEVEL_NOTES`):
 *
 * - grid and model layers: the cell's own value (a site interpolates bilinearly between centres);
 * - polygon layers (countries, grid zones, subdivisions): the feature covering most of the cell
 *   (the pipeline's majority assignment), so a border cell belongs wholly to one country or zone;
 * - distance layers: great-circle distance from the cell centre to the nearest point;
 * - PUE, peak PUE and WUE: the cooling model on the cell's own climate normals;
 * - energy, CO2 and water: from those and the majority zone's (location-based, market-based) or
 *   majority country's (marginal) intensity;
 * - latency metrics: from the cell centre to the market's points;
 * - jurisdiction fit: the majority country's regime and localisation class.
 *
 * Caches (per loaded LayerStore, so a new data build starts afresh): layer columns and cell
 * geography in memory; the cooling model per archetype in memory and on disk (it is the expensive
 * part, 60–80 µs a cell, 15–20 s for all cells on one core). Utilisation enters the cooling model only
 * through the fixed overhead (cooling/model.ts `setFixed`: PUE = 1 + fixed(u) + fans + mechanical +
 * pumps; peak PUE and WUE do not depend on it), so one grid per archetype serves every utilisation;
 * `coolingCells` checks that on probe cells every time and falls back to a grid per utilisation if a
 * model change ever breaks it.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { climateAtLandCell, climateInputs, newClimate } from "@/server/layers/modelGrids";
import type { LayerStore } from "@/server/layers/store";
import { ClimateInputError } from "@/server/models/climate";
import type { CoolingArchetype } from "@/server/models/cooling/archetypes";
import { createCoolingResult } from "@/server/models/cooling/model";
import { coolingModelInto } from "@/server/models/cooling/pue";
import { jurisdictionFit, type Localization, type Regime } from "@/server/models/jurisdiction";
import { createMarketLatency, marketLatency } from "@/server/models/latency";
import type { SiteMarket } from "@/server/models/siteMetrics";

/** Per land cell: a number (NaN = missing) or a category (index into `keys`, −1 = missing). */
export type CellColumn =
  | { kind: "numeric"; values: Float32Array }
  | { kind: "category"; keys: readonly string[]; index: Int16Array };

export const CELL_LEVEL_NOTES: readonly string[] = Object.freeze([
  "Each land cell of the 0.25° grid is scored at its centre; site overrides do not apply to the surface.",
  "Grid and model layers use the cell's own value (a site interpolates bilinearly between cell centres).",
  "Polygon layers (countries, grid zones, subdivisions) take the feature covering most of the cell, so a border cell belongs wholly to one country or zone.",
  "Distance layers and latency metrics are measured from the cell centre.",
  "PUE, peak PUE and WUE come from the cooling model on the cell's climate normals; energy, CO2 and water from those and the intensity of the cell's majority grid zone (location- and market-based) or country (marginal).",
  "Jurisdiction fit uses the regime and localisation class of the cell's majority country.",
  "Utilities are stored to 1/254 (error at most 0.002).",
]);

interface StoreCaches {
  layers: Map<string, CellColumn>;
  cooling: Map<string, Promise<CoolingCells>>;
  probes?: number[];
  coolingProbe: Map<string, { separable: boolean; fingerprint: string }>;
  centres?: { lat: Float64Array; lon: Float64Array };
  landMask?: Uint8Array;
}

const caches = new WeakMap<LayerStore, StoreCaches>();

function cachesOf(store: LayerStore): StoreCaches {
  let c = caches.get(store);
  if (!c) caches.set(store, (c = { layers: new Map(), cooling: new Map(), coolingProbe: new Map() }));
  return c;
}

/** Lets the server answer other requests during long computations. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Latitude and longitude of every land cell's centre, degrees. */
export function cellCentres(store: LayerStore): { lat: Float64Array; lon: Float64Array } {
  const c = cachesOf(store);
  if (!c.centres) {
    const g = store.grid;
    const n = g.landCells;
    const lat = new Float64Array(n), lon = new Float64Array(n);
    for (let li = 0; li < n; li++) {
      const p = g.centreOfLand(li);
      lat[li] = p.lat;
      lon[li] = p.lon;
    }
    c.centres = { lat, lon };
  }
  return c.centres;
}

/** The land-mask bitset of the grid (bit per full-grid cell, row-major from the north-west, LSB first). */
export function landMaskBits(store: LayerStore): Uint8Array {
  const c = cachesOf(store);
  if (!c.landMask) {
    const g = store.grid;
    const bits = new Uint8Array((g.ncols * g.nrows + 7) >> 3);
    for (let li = 0; li < g.landCells; li++) {
      const cell = g.cellOfLand[li]!;
      bits[cell >> 3] = bits[cell >> 3]! | (1 << (cell & 7));
    }
    c.landMask = bits;
  }
  return c.landMask;
}

/** The per-cell value of any layer with data (grid, model, polygon by majority, distance from the centre). */
export function layerCellColumn(store: LayerStore, layerId: string): CellColumn {
  const c = cachesOf(store);
  let col = c.layers.get(layerId);
  if (col) return col;
  const layer = store.layer(layerId);
  if (!layer) throw new Error(`unknown layer ${layerId}`);
  const n = store.grid.landCells;
  const categorical = layer.valueType === "categorical";
  const s = layer.storage;
  if (layer.quality === "missing") throw new Error(`layer ${layerId} has no data in this build`);
  if (s.kind === "grid" || s.kind === "model") {
    const values = store.gridValues(layerId);
    if (!categorical) col = { kind: "numeric", values };
    else {
      const cats = layer.categories ?? [];
      const byCode = new Map(cats.map((cat, k) => [cat.code, k]));
      const index = new Int16Array(n).fill(-1);
      for (let li = 0; li < n; li++) {
        const v = values[li]!;
        if (v === v) index[li] = byCode.get(v) ?? -1;
      }
      col = { kind: "category", keys: cats.map((cat) => cat.key), index };
    }
  } else if (s.kind === "polygon") {
    const values = store.polygonValues(layerId);
    const set = store.polygons[s.polygonSet];
    if (categorical) {
      const keys: string[] = [];
      const keyIndex = new Map<string, number>();
      const featureCat = values.map((pv) => {
        if (pv.value === null) return -1;
        const key = String(pv.value);
        let k = keyIndex.get(key);
        if (k === undefined) keyIndex.set(key, (k = keys.push(key) - 1));
        return k;
      });
      const index = new Int16Array(n);
      for (let li = 0; li < n; li++) {
        const f = set.majorityOfLandCell(li);
        index[li] = f >= 0 ? (featureCat[f] ?? -1) : -1;
      }
      col = { kind: "category", keys, index };
    } else {
      const featureValue = Float32Array.from(values, (pv) => (typeof pv.value === "number" ? pv.value : NaN));
      const out = new Float32Array(n);
      for (let li = 0; li < n; li++) {
        const f = set.majorityOfLandCell(li);
        out[li] = f >= 0 ? featureValue[f]! : NaN;
      }
      col = { kind: "numeric", values: out };
    }
  } else {
    const index = store.pointsOfLayer(s).index;
    const { lat, lon } = cellCentres(store);
    const out = new Float32Array(n);
    for (let li = 0; li < n; li++) out[li] = index.nearestIndex(lat[li]!, lon[li]!) >= 0 ? index.lastKm : NaN;
    col = { kind: "numeric", values: out };
  }
  c.layers.set(layerId, col);
  return col;
}

/** Cooling-model results per land cell for one archetype (NaN where the climate is missing or out of range). */
export interface CoolingCells {
  /**
   * Annual PUE without the fixed overhead (1 + fans + mechanical + pumps) when `utilisation` is null;
   * else the full annual PUE at that utilisation (the fallback, see the module comment).
   */
  pueBase: Float32Array;
  puePeak: Float32Array;
  wue: Float32Array;
  /** null: add `fixedOverhead(u)` to `pueBase`. */
  utilisation: number | null;
}

/** The cooling model's fixed overhead (power chain and auxiliaries) at utilisation u, per kWh of IT. */
export function fixedOverhead(archetype: CoolingArchetype, utilisation: number, store: LayerStore): number {
  const probe = probeCells(store)[0];
  if (probe === undefined) throw new Error("no land cell has a climate to probe the cooling model with");
  const inputs = climateInputs(store);
  const climate = newClimate();
  climateAtLandCell(inputs, probe, climate);
  return coolingModelInto(createCoolingResult(), climate, archetype, utilisation).fixed;
}

/** 32 land cells spread over the grid where the cooling model runs (fingerprint and invariant checks). */
function probeCells(store: LayerStore): number[] {
  const c = cachesOf(store);
  if (c.probes) return c.probes;
  const inputs = climateInputs(store);
  const climate = newClimate();
  const r = createCoolingResult();
  const out: number[] = [];
  const n = store.grid.landCells;
  for (let k = 0; k < 32; k++) {
    for (let li = Math.floor((k * n) / 32); li < n; li++) {
      if (!climateAtLandCell(inputs, li, climate)) continue;
      try {
        coolingModelInto(r, climate, "evaporative_assist", 0.8);
        out.push(li);
        break;
      } catch (err) {
        if (!(err instanceof ClimateInputError)) throw err;
      }
    }
  }
  c.probes = out;
  return out;
}

/**
 * Whether the model's utilisation enters only through the fixed overhead, checked on probe cells;
 * also returns a fingerprint of the model's outputs there, so a disk cache made by a different model
 * version is never read.
 */
function probeCoolingModel(store: LayerStore, archetype: CoolingArchetype): { separable: boolean; fingerprint: string } {
  const cached = cachesOf(store).coolingProbe.get(archetype);
  if (cached) return cached;
  const inputs = climateInputs(store);
  const climate = newClimate();
  const a = createCoolingResult(), b = createCoolingResult();
  const hash = createHash("sha256").update(store.manifest.inputsHash).update(archetype);
  let separable = true;
  for (const li of probeCells(store)) {
    climateAtLandCell(inputs, li, climate);
    coolingModelInto(a, climate, archetype, 0.8);
    coolingModelInto(b, climate, archetype, 0.3);
    hash.update(`${li}:${a.pue},${a.pue_peak},${a.wue_l_per_kwh},${a.fixed};`);
    const close = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x));
    if (!close(a.pue - a.fixed, b.pue - b.fixed) || !close(a.pue_peak, b.pue_peak) || !close(a.wue_l_per_kwh, b.wue_l_per_kwh)) separable = false;
  }
  const result = { separable, fingerprint: hash.digest("hex").slice(0, 16) };
  cachesOf(store).coolingProbe.set(archetype, result);
  return result;
}

async function computeCoolingCells(store: LayerStore, archetype: CoolingArchetype, utilisation: number | null): Promise<CoolingCells> {
  const n = store.grid.landCells;
  const inputs = climateInputs(store);
  const climate = newClimate();
  const r = createCoolingResult();
  const pueBase = new Float32Array(n), puePeak = new Float32Array(n), wue = new Float32Array(n);
  const u = utilisation ?? 0.8;
  for (let li = 0; li < n; li++) {
    if ((li & 4095) === 0 && li > 0) await yieldToEventLoop();
    if (!climateAtLandCell(inputs, li, climate)) {
      pueBase[li] = puePeak[li] = wue[li] = NaN;
      continue;
    }
    try {
      coolingModelInto(r, climate, archetype, u);
      pueBase[li] = utilisation === null ? r.pue - r.fixed : r.pue;
      puePeak[li] = r.pue_peak;
      wue[li] = r.wue_l_per_kwh;
    } catch (err) {
      if (!(err instanceof ClimateInputError)) throw err;
      pueBase[li] = puePeak[li] = wue[li] = NaN;
    }
  }
  return { pueBase, puePeak, wue, utilisation };
}

/**
 * PUE, peak PUE and WUE of every land cell for an archetype: from memory, else from the disk cache
 * under `cacheDir` (keyed by the archetype, the data build and a fingerprint of the model's outputs),
 * else computed (15–20 s on one core, yielding to the event loop) and cached.
 */
export function coolingCells(store: LayerStore, archetype: CoolingArchetype, utilisation: number, cacheDir: string | null): Promise<CoolingCells> {
  const c = cachesOf(store);
  const probe = probeCoolingModel(store, archetype);
  const u = probe.separable ? null : utilisation;
  const memoKey = `${archetype}:${u ?? "any"}:${probe.fingerprint}`;
  let pending = c.cooling.get(memoKey);
  if (!pending) {
    pending = loadOrComputeCooling(store, archetype, u, cacheDir, probe.fingerprint);
    c.cooling.set(memoKey, pending);
    pending.catch(() => c.cooling.delete(memoKey));
  }
  return pending;
}

async function loadOrComputeCooling(store: LayerStore, archetype: CoolingArchetype, u: number | null, cacheDir: string | null, fingerprint: string): Promise<CoolingCells> {
  const n = store.grid.landCells;
  const file = cacheDir ? path.join(cacheDir, `surface-cooling-${archetype}-${u === null ? "any" : u.toFixed(4)}-${fingerprint}.f32`) : null;
  if (file) {
    try {
      const buf = readFileSync(file);
      if (buf.byteLength === 3 * n * 4) {
        const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
        return { pueBase: all.subarray(0, n), puePeak: all.subarray(n, 2 * n), wue: all.subarray(2 * n), utilisation: u };
      }
    } catch {
      // not cached yet
    }
  }
  const cells = await computeCoolingCells(store, archetype, u);
  if (file) {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const all = new Float32Array(3 * n);
      all.set(cells.pueBase, 0);
      all.set(cells.puePeak, n);
      all.set(cells.wue, 2 * n);
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, new Uint8Array(all.buffer));
      renameSync(tmp, file); // atomic: a concurrent reader never sees half a file
    } catch {
      // a read-only cache dir only costs recomputation
    }
  }
  return cells;
}

/** Market latency per land cell from its centre: mean and max RTT (ms) and demand share within the budget. */
export async function latencyCells(store: LayerStore, market: SiteMarket): Promise<{ mean: Float32Array; max: Float32Array; share: Float32Array }> {
  const { lat, lon } = cellCentres(store);
  const n = lat.length;
  const mean = new Float32Array(n), max = new Float32Array(n), share = new Float32Array(n);
  const out = createMarketLatency();
  const opts = { rttBudgetMs: market.rttBudgetMs, routeFactor: market.routeFactor };
  // A yield every ~2 M haversines keeps a 200-point market from blocking the server for a second.
  const chunk = Math.max(1024, Math.floor(2_000_000 / Math.max(1, market.points.count)));
  for (let li = 0; li < n; li++) {
    if (li > 0 && li % chunk === 0) await yieldToEventLoop();
    marketLatency(market.points, lat[li]!, lon[li]!, opts, out);
    mean[li] = out.rtt_mean_ms;
    max[li] = out.rtt_max_ms;
    share[li] = out.demand_share_within_budget;
  }
  return { mean, max, share };
}

/** Jurisdiction fit ("allowed" | "conditional" | "excluded") per land cell, from its majority country. */
export function jurisdictionCells(store: LayerStore, market: SiteMarket): CellColumn {
  const countries = store.polygons.countries;
  for (const id of ["sovereignty.regime", "sovereignty.localization"]) {
    const s = store.layer(id)?.storage;
    if (s?.kind !== "polygon" || s.polygonSet !== "countries") throw new Error(`${id} must be a polygon layer on the countries set`);
  }
  const regimes = store.polygonValues("sovereignty.regime");
  const localisations = store.polygonValues("sovereignty.localization");
  const keys = ["allowed", "conditional", "excluded"] as const;
  const fitIndex = (site: Parameters<typeof jurisdictionFit>[0]) => keys.indexOf(jurisdictionFit(site, market.rule, market.countries).fit);
  const perCountry = countries.features.map((f, i) => {
    const regime = regimes[i]?.value;
    const loc = localisations[i]?.value;
    return fitIndex({
      country: (f.props.iso3 as string | null) ?? null,
      regime: typeof regime === "string" ? (regime as Regime) : null,
      localization: typeof loc === "string" ? (loc as Localization) : null,
    });
  });
  const none = fitIndex({ country: null, regime: null, localization: null });
  const n = store.grid.landCells;
  const index = new Int16Array(n);
  for (let li = 0; li < n; li++) {
    const f = countries.majorityOfLandCell(li);
    index[li] = f >= 0 ? perCountry[f]! : none;
  }
  return { kind: "category", keys, index };
}
