/**
 * Cell readers: any layer's value for every land cell of the analysis grid, for the suitability
 * surface, model layers and regional profiles. A cell takes
 * - grid and model layers: the cell's own value (model grids are computed by server/siting and
 *   passed in);
 * - polygon layers (countries, grid zones, subdivisions): the feature covering most of the cell
 *   (the pipeline's majority assignment), so a border cell belongs wholly to one country or zone;
 * - distance layers: the great-circle distance from the cell centre to the nearest point.
 * Columns, centres and the land mask are cached per loaded store (a new data build starts afresh).
 */
import type { LayerMeta } from "@/data/schema/manifest";
import { readPrecomputedDistance } from "./precomputed";
import type { LayerStore } from "./store";

/** Per land cell: a number (NaN = missing) or a category (index into `keys`, −1 = missing). */
export type CellColumn =
  | { kind: "numeric"; values: Float32Array }
  | { kind: "category"; keys: readonly string[]; index: Int16Array };

interface StoreCaches {
  layers: Map<string, CellColumn>;
  centres?: { lat: Float64Array; lon: Float64Array };
  landMask?: Uint8Array;
}

const caches = new WeakMap<LayerStore, StoreCaches>();

function cachesOf(store: LayerStore): StoreCaches {
  let c = caches.get(store);
  if (!c) caches.set(store, (c = { layers: new Map() }));
  return c;
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

/** A per-cell grid (stored or model) as a column, mapping category codes to keys for categorical layers. */
function gridColumn(layer: LayerMeta, values: Float32Array): CellColumn {
  if (layer.valueType !== "categorical") return { kind: "numeric", values };
  const cats = layer.categories ?? [];
  const byCode = new Map(cats.map((cat, k) => [cat.code, k]));
  const index = new Int16Array(values.length).fill(-1);
  for (let li = 0; li < values.length; li++) {
    const v = values[li]!;
    if (v === v) index[li] = byCode.get(v) ?? -1;
  }
  return { kind: "category", keys: cats.map((cat) => cat.key), index };
}

function polygonColumn(store: LayerStore, layer: LayerMeta, set: keyof LayerStore["polygons"]): CellColumn {
  const values = store.polygonValues(layer.id);
  const index = store.polygons[set];
  const n = store.grid.landCells;
  if (layer.valueType === "categorical") {
    const keys: string[] = [];
    const keyIndex = new Map<string, number>();
    const featureCat = values.map((pv) => {
      if (pv.value === null) return -1;
      const key = String(pv.value);
      let k = keyIndex.get(key);
      if (k === undefined) keyIndex.set(key, (k = keys.push(key) - 1));
      return k;
    });
    const out = new Int16Array(n);
    for (let li = 0; li < n; li++) {
      const f = index.majorityOfLandCell(li);
      out[li] = f >= 0 ? (featureCat[f] ?? -1) : -1;
    }
    return { kind: "category", keys, index: out };
  }
  const featureValue = Float32Array.from(values, (pv) => (typeof pv.value === "number" ? pv.value : NaN));
  const out = new Float32Array(n);
  for (let li = 0; li < n; li++) {
    const f = index.majorityOfLandCell(li);
    out[li] = f >= 0 ? featureValue[f]! : NaN;
  }
  return { kind: "numeric", values: out };
}

/**
 * The per-cell value of a layer with data. Grid and model layers need their per-cell grid
 * (`gridOf`): the store's own grid for stored layers, the model's for model layers.
 */
export function cellColumn(store: LayerStore, layerId: string, gridOf: (layer: LayerMeta) => Float32Array): CellColumn {
  const c = cachesOf(store);
  const hit = c.layers.get(layerId);
  if (hit) return hit;
  const layer = store.layer(layerId);
  if (!layer) throw new Error(`unknown layer ${layerId}`);
  if (layer.quality === "missing") throw new Error(`layer ${layerId} has no data in this build`);
  const s = layer.storage;
  let col: CellColumn;
  if (s.kind === "grid" || s.kind === "model") col = gridColumn(layer, gridOf(layer));
  else if (s.kind === "polygon") col = polygonColumn(store, layer, s.polygonSet);
  else {
    // Distances come precomputed with the data (precomputed.ts); computed only for a build without them.
    const pre = readPrecomputedDistance(store, layerId);
    if (!("reason" in pre)) {
      col = { kind: "numeric", values: pre };
      c.layers.set(layerId, col);
      return col;
    }
    const index = store.pointsOfLayer(s).index;
    const { lat, lon } = cellCentres(store);
    const n = store.grid.landCells;
    const out = new Float32Array(n);
    for (let li = 0; li < n; li++) out[li] = index.nearestIndex(lat[li]!, lon[li]!) >= 0 ? index.lastKm : NaN;
    col = { kind: "numeric", values: out };
  }
  c.layers.set(layerId, col);
  return col;
}
