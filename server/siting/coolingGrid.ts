/**
 * The cooling model over every land cell, per archetype: PUE, peak PUE and WUE for the surface and
 * regional profiles (sites run the model at their own climate). The expensive part of a surface,
 * 60–80 µs a cell, 15–20 s for all cells on one core, so it is kept per store in memory and on disk.
 * Utilisation enters the cooling model only through the fixed overhead (cooling/model.ts `setFixed`:
 * PUE = 1 + fixed(u) + fans + mechanical + pumps; peak PUE and WUE do not depend on it), so one grid
 * per archetype serves every utilisation; `coolingCells` checks that on probe cells every time and
 * falls back to a grid per utilisation if a model change ever breaks it.
 *
 * The data pipeline precomputes the grid of every archetype (precomputed.ts), so users never wait
 * for it: the order is memory, the precomputed grid (when its model fingerprint matches), the disk
 * cache, and only then the computation, which logs why the precompute did not apply.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { climateAtLandCell, climateInputs, newClimate } from "@/server/layers/climateCells";
import { readFloat32Cache, writeFloat32Cache } from "@/server/layers/diskCache";
import type { LayerStore } from "@/server/layers/store";
import { ClimateInputError } from "@/server/models/climate";
import type { CoolingArchetype } from "@/server/models/cooling/archetypes";
import { createCoolingResult } from "@/server/models/cooling/model";
import { coolingModelInto } from "@/server/models/cooling/pue";
import { readPrecomputedCooling } from "@/server/layers/precomputed";

interface CoolingCaches {
  cooling: Map<string, Promise<CoolingCells>>;
  probes?: number[];
  coolingProbe: Map<string, { separable: boolean; fingerprint: string }>;
}

const caches = new WeakMap<LayerStore, CoolingCaches>();

function cachesOf(store: LayerStore): CoolingCaches {
  let c = caches.get(store);
  if (!c) caches.set(store, (c = { cooling: new Map(), coolingProbe: new Map() }));
  return c;
}

/** Lets the server answer other requests during long computations. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
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
  /** Where the grid came from: the pipeline's precompute (quantised, see precomputed.ts), or computed here and why. */
  origin: { kind: "precomputed" } | { kind: "computed"; reason: string };
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
export function probeCoolingModel(store: LayerStore, archetype: CoolingArchetype): { separable: boolean; fingerprint: string } {
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

/** Per-land-cell model outputs being filled in, range by range. */
interface CoolingFill {
  store: LayerStore;
  archetype: CoolingArchetype;
  utilisation: number | null;
  inputs: ReturnType<typeof climateInputs>;
  climate: ReturnType<typeof newClimate>;
  r: ReturnType<typeof createCoolingResult>;
  pueBase: Float32Array;
  puePeak: Float32Array;
  wue: Float32Array;
}

function startFill(store: LayerStore, archetype: CoolingArchetype, utilisation: number | null): CoolingFill {
  const n = store.grid.landCells;
  return {
    store, archetype, utilisation, inputs: climateInputs(store), climate: newClimate(), r: createCoolingResult(),
    pueBase: new Float32Array(n), puePeak: new Float32Array(n), wue: new Float32Array(n),
  };
}

/** Runs the cooling model on land cells [from, to). */
function fillRange(f: CoolingFill, from: number, to: number): void {
  const u = f.utilisation ?? 0.8;
  const { inputs, climate, r, pueBase, puePeak, wue } = f;
  for (let li = from; li < to; li++) {
    if (!climateAtLandCell(inputs, li, climate)) {
      pueBase[li] = puePeak[li] = wue[li] = NaN;
      continue;
    }
    try {
      coolingModelInto(r, climate, f.archetype, u);
      pueBase[li] = f.utilisation === null ? r.pue - r.fixed : r.pue;
      puePeak[li] = r.pue_peak;
      wue[li] = r.wue_l_per_kwh;
    } catch (err) {
      if (!(err instanceof ClimateInputError)) throw err;
      pueBase[li] = puePeak[li] = wue[li] = NaN;
    }
  }
}

function finish(f: CoolingFill, reason: string): CoolingCells {
  return { pueBase: f.pueBase, puePeak: f.puePeak, wue: f.wue, utilisation: f.utilisation, origin: { kind: "computed", reason } };
}

/**
 * The cooling model over every land cell (no cache), yielding to the event loop every 4096 cells;
 * `utilisation` null gives PUE without the fixed overhead.
 */
export async function computeCoolingCells(store: LayerStore, archetype: CoolingArchetype, utilisation: number | null, reason = "computed on request"): Promise<CoolingCells> {
  const f = startFill(store, archetype, utilisation);
  const n = store.grid.landCells;
  for (let li = 0; li < n; li += 4096) {
    if (li > 0) await yieldToEventLoop();
    fillRange(f, li, Math.min(n, li + 4096));
  }
  return finish(f, reason);
}

/** {@link computeCoolingCells} without yielding, for the data pipeline's precompute. */
export function computeCoolingCellsSync(store: LayerStore, archetype: CoolingArchetype, utilisation: number | null): CoolingCells {
  const f = startFill(store, archetype, utilisation);
  fillRange(f, 0, store.grid.landCells);
  return finish(f, "computed by the data pipeline");
}

/**
 * PUE, peak PUE and WUE of every land cell for an archetype: from memory, else the pipeline's
 * precomputed grid (data/layers/precomputed, when the model's fingerprint matches), else the disk
 * cache under the store's `cacheDir` (keyed by the archetype, the data build and a fingerprint of the
 * model's outputs), else computed (15–25 s on one core, yielding to the event loop) and cached.
 */
export function coolingCells(store: LayerStore, archetype: CoolingArchetype, utilisation: number): Promise<CoolingCells> {
  const c = cachesOf(store);
  const probe = probeCoolingModel(store, archetype);
  const u = probe.separable ? null : utilisation;
  const memoKey = `${archetype}:${u ?? "any"}:${probe.fingerprint}`;
  let pending = c.cooling.get(memoKey);
  if (!pending) {
    pending = loadOrComputeCooling(store, archetype, u, probe.fingerprint);
    c.cooling.set(memoKey, pending);
    pending.catch(() => c.cooling.delete(memoKey));
  }
  return pending;
}

async function loadOrComputeCooling(store: LayerStore, archetype: CoolingArchetype, u: number | null, fingerprint: string): Promise<CoolingCells> {
  const n = store.grid.landCells;
  let why = `utilisation ${u} enters the cooling model beyond its fixed overhead, and the precompute holds one grid per archetype`;
  if (u === null) {
    const pre = readPrecomputedCooling(store, archetype, fingerprint);
    if (!("reason" in pre)) return { ...pre, utilisation: null, origin: { kind: "precomputed" } };
    why = pre.reason;
  }
  const file = store.cacheDir ? path.join(store.cacheDir, `surface-cooling-${archetype}-${u === null ? "any" : u.toFixed(4)}-${fingerprint}.f32`) : null;
  const all = file ? readFloat32Cache(file, 3 * n) : null;
  const reason = `not precomputed: ${why}`;
  if (all) return { pueBase: all.subarray(0, n), puePeak: all.subarray(n, 2 * n), wue: all.subarray(2 * n), utilisation: u, origin: { kind: "computed", reason: `${reason} (read from the disk cache)` } };
  console.warn(`cooling grid ${archetype}: computing over ${n} land cells (15–25 s); ${reason}`);
  const cells = await computeCoolingCells(store, archetype, u, reason);
  if (file) {
    const packed = new Float32Array(3 * n);
    packed.set(cells.pueBase, 0);
    packed.set(cells.puePeak, n);
    packed.set(cells.wue, 2 * n);
    writeFloat32Cache(file, packed);
  }
  return cells;
}

