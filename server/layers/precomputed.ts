/**
 * Per-cell grids the data pipeline precomputes so a fresh install never computes them at run time
 * (issue 16, item 1): the cooling model per archetype (about 25 s of one core each), the climate
 * and risk model layers (about 8 s together) and the distance layers' cell columns (about 2 s).
 * Computed by server/siting/precompute.ts, written by data/pipeline/layers/coolingPrecompute.ts into
 * `data/layers/precomputed/`, byte-checked by `npm run data:check`, read here (the cell readers,
 * server/siting/modelLayers.ts and coolingGrid.ts).
 *
 * Layout of `precomputed/index.json` ({@link PrecomputedIndex}): the data build (`inputsHash`) and
 * model versions the grids were made with, and per grid its array files (data/schema/manifest.ts
 * `ArrayFile`: little-endian, one value per land cell in land-cell order, value = stored × scale +
 * offset, `nodata` = no value, SHA-256 of the bytes).
 *
 * - Cooling, per archetype, three uint16 columns ({@link COOLING_COLUMNS}): annual PUE without the
 *   fixed overhead (offset 1, scale 2·10⁻⁵, so at most 10⁻⁵ off), peak PUE (offset 1, scale 5·10⁻⁵)
 *   and WUE in L/kWh (scale 10⁻⁴); 65535 = no value (climate missing or outside the model's range).
 *   Each archetype records the model fingerprint of coolingGrid.ts (its outputs on probe cells), so a
 *   changed cooling model never reads stale grids: the server then computes, and says so.
 * - Model layers, float32: exactly the values the server would compute (modelLayers.ts), keyed by
 *   MODEL_GRID_VERSION.
 * - Distance layers (nearest city, plant, cloud region, …), uint16 km from the cell centre to the
 *   nearest point, scale per layer ({@link distanceScale}: 0.05–0.5 km, so at most 0.25 km off),
 *   65535 = no point; computed from the point sets of the same data build.
 *
 * A grid the index does not cover (another data build, a changed model, a utilisation the cooling
 * model does not separate) is computed as before; {@link PrecomputedMiss} says why.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ArrayFile } from "@/data/schema/manifest";
import { decodeToFloat, readArrayFile } from "./files";
import type { LayerStore } from "./store";

/** Folder under the layers directory. */
export const PRECOMPUTED_DIR = "precomputed";
export const PRECOMPUTED_INDEX = `${PRECOMPUTED_DIR}/index.json`;

/** Quantisation of the cooling columns: value = stored × scale + offset, stored 65535 = no value. */
export const COOLING_COLUMNS = Object.freeze({
  pueBase: { scale: 2e-5, offset: 1, what: "annual PUE without the fixed overhead (1 + fans + mechanical + pumps)" },
  puePeak: { scale: 5e-5, offset: 1, what: "PUE in the hottest hours (peak)" },
  wue: { scale: 1e-4, offset: 0, what: "water use effectiveness, L/kWh" },
} as const);
export type CoolingColumn = keyof typeof COOLING_COLUMNS;
export const COOLING_NODATA = 65535;

export const PrecomputedCooling = z.object({
  archetype: z.string(),
  /** coolingGrid.ts model fingerprint (data build + outputs on probe cells). */
  fingerprint: z.string(),
  pueBase: ArrayFile,
  puePeak: ArrayFile,
  wue: ArrayFile,
});
export type PrecomputedCooling = z.infer<typeof PrecomputedCooling>;

export const PrecomputedIndex = z.object({
  schemaVersion: z.literal(1),
  /** The data build (manifest.inputsHash) the grids were computed from. */
  inputsHash: z.string(),
  /** modelLayers.ts MODEL_GRID_VERSION at precompute time. */
  modelGridVersion: z.number().int(),
  description: z.string(),
  models: z.array(z.object({ layerId: z.string(), file: ArrayFile })),
  cooling: z.array(PrecomputedCooling),
  distances: z.array(z.object({ layerId: z.string(), file: ArrayFile })),
});
export type PrecomputedIndex = z.infer<typeof PrecomputedIndex>;

/** Why a precomputed grid could not be used (logged and carried with the computed grid). */
export interface PrecomputedMiss { reason: string }

const indexes = new WeakMap<LayerStore, PrecomputedIndex | PrecomputedMiss>();

/** The store's precomputed index, or why there is none (read once per store). */
export function precomputedIndex(store: LayerStore): PrecomputedIndex | PrecomputedMiss {
  const known = indexes.get(store);
  if (known) return known;
  const idx = readIndex(store);
  indexes.set(store, idx);
  return idx;
}

function readIndex(store: LayerStore): PrecomputedIndex | PrecomputedMiss {
  const file = path.join(store.dir, PRECOMPUTED_INDEX);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    // Absent or unreadable (e.g. a layers folder built before the precompute existed): compute instead.
    if (!(err instanceof Error && typeof (err as NodeJS.ErrnoException).code === "string")) throw err;
    return { reason: `no readable ${PRECOMPUTED_INDEX} in ${store.dir} (run npm run data:build)` };
  }
  // A present but unparseable index is a broken build and fails loudly.
  const parsed = PrecomputedIndex.safeParse(JSON.parse(text));
  if (!parsed.success) return { reason: `${PRECOMPUTED_INDEX} does not match its schema: ${parsed.error.issues[0]?.message ?? "invalid"}` };
  if (parsed.data.inputsHash !== store.manifest.inputsHash) return { reason: `${PRECOMPUTED_INDEX} was made for another data build (${parsed.data.inputsHash.slice(0, 12)} ≠ ${store.manifest.inputsHash.slice(0, 12)})` };
  return parsed.data;
}

function isMiss(x: PrecomputedIndex | PrecomputedMiss): x is PrecomputedMiss {
  return "reason" in x;
}

/** Decodes one precomputed array file of the store (NaN for nodata), checking its length. */
function readColumn(store: LayerStore, f: ArrayFile): Float32Array {
  if (f.length !== store.grid.landCells) throw new Error(`${f.path}: ${f.length} values for ${store.grid.landCells} land cells`);
  const stored = readArrayFile(store.dir, f);
  return f.dtype === "float32" ? (stored as Float32Array) : decodeToFloat(f, stored);
}

/** A model layer's precomputed grid, or why it cannot be used. */
export function readPrecomputedModel(store: LayerStore, layerId: string, modelGridVersion: number): Float32Array | PrecomputedMiss {
  const idx = precomputedIndex(store);
  if (isMiss(idx)) return idx;
  if (idx.modelGridVersion !== modelGridVersion) return { reason: `precomputed model grids are version ${idx.modelGridVersion}, the server's models version ${modelGridVersion}` };
  const entry = idx.models.find((m) => m.layerId === layerId);
  if (!entry) return { reason: `${layerId} is not precomputed` };
  return readColumn(store, entry.file);
}

/** A distance layer's precomputed cell column (km from each cell centre), or why it cannot be used. */
export function readPrecomputedDistance(store: LayerStore, layerId: string): Float32Array | PrecomputedMiss {
  const idx = precomputedIndex(store);
  if (isMiss(idx)) return idx;
  const entry = idx.distances.find((d) => d.layerId === layerId);
  if (!entry) return { reason: `${layerId} is not precomputed` };
  return readColumn(store, entry.file);
}

/** The smallest of 0.05, 0.1, 0.25 and 0.5 km at which every distance (km) fits uint16 below the nodata value. */
export function distanceScale(values: Float32Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  const scale = [0.05, 0.1, 0.25, 0.5].find((s) => Math.round(max / s) < COOLING_NODATA);
  if (scale === undefined) throw new Error(`distance ${max} km does not fit uint16 at 0.5 km`);
  return scale;
}

/** Quantises distances (km) to uint16 at `scale`; NaN → 65535. */
export function quantiseDistances(values: Float32Array, scale: number): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = v === v ? Math.round(v / scale) : COOLING_NODATA;
  }
  return out;
}

/** An archetype's precomputed cooling columns, or why they cannot be used. */
export function readPrecomputedCooling(store: LayerStore, archetype: string, fingerprint: string): Record<CoolingColumn, Float32Array> | PrecomputedMiss {
  const idx = precomputedIndex(store);
  if (isMiss(idx)) return idx;
  const entry = idx.cooling.find((c) => c.archetype === archetype);
  if (!entry) return { reason: `cooling archetype ${archetype} is not precomputed` };
  if (entry.fingerprint !== fingerprint) return { reason: `the cooling model changed since the precompute (fingerprint ${entry.fingerprint} ≠ ${fingerprint}); run npm run data:build` };
  return { pueBase: readColumn(store, entry.pueBase), puePeak: readColumn(store, entry.puePeak), wue: readColumn(store, entry.wue) };
}

/**
 * Quantises a cooling column to uint16 (see {@link COOLING_COLUMNS}); NaN → nodata. Throws naming
 * the column and cell when a value does not fit, so a scale can never silently clip.
 */
export function quantiseCoolingColumn(column: CoolingColumn, values: Float32Array): Uint16Array {
  const { scale, offset } = COOLING_COLUMNS[column];
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) { out[i] = COOLING_NODATA; continue; }
    const q = Math.round((v - offset) / scale);
    if (q < 0 || q >= COOLING_NODATA) throw new Error(`cooling ${column}: value ${v} at land cell ${i} does not fit uint16 at scale ${scale}, offset ${offset}`);
    out[i] = q;
  }
  return out;
}
