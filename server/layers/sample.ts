/**
 * Sampling layers at any (lat, lon). A missing value is null with the reason (DESIGN.md §2),
 * never 0, and every value keeps its provenance. Data access only: the grids of model layers, and
 * how a model layer combines its inputs at a point, are given by the caller (server/siting/
 * modelLayers.ts), so this module depends on no model.
 *
 * Two stages, so 100,000 points × every layer stays well under a second:
 * - `sampleColumns` compiles the requested layers into samplers and fills typed columns (numbers,
 *   category codes, indexes into shared tables of reasons and provenance records); per point, the
 *   bilinear neighbours, the country, the zone and the subdivision are found once and shared by all
 *   layers, and each polygon layer then fills its column in one pass over the located features;
 * - `toPointSamples` turns columns into the API's per-point objects.
 */
import type { LayerMeta, Quality, ValueQuality } from "@/data/schema/manifest";
import { UnitVector } from "./nearestIndex";
import type { LocateResult } from "./polygonIndex";
import type { LayerStore, PolygonSetId } from "./store";

export interface SamplePoint { lat: number; lon: number }

/**
 * One value's provenance beyond its layer: the polygon it belongs to with year and source (and the
 * value's own quality where it differs from the layer's), or the nearest point.
 */
export type ProvenanceRef =
  | { kind: "feature"; set: PolygonSetId; key: string; name: string; match: "inside" | "same-cell"; year: string | null; source: string | null; note?: string; url?: string; citation?: string; confidence?: "high" | "medium" | "low"; quality?: ValueQuality }
  | { kind: "nearest"; id: string; name: string; lat: number; lon: number; detail?: string };


export interface LayerColumn {
  id: string;
  layer: LayerMeta;
  /** Numeric value per point (NaN when missing or categorical). */
  numeric: Float64Array;
  /** Category index into layer.categories per point (−1 when missing or not categorical). */
  category: Int16Array;
  /** Index into `SampleColumns.reasons` when missing, else −1. */
  reason: Int16Array;
  /** Index into `SampleColumns.refs`, else −1. */
  ref: Int32Array;
  /** Index into `SampleColumns.reasons` of a note on a present value (e.g. what drives a composite), else −1. */
  note: Int16Array;
}

export interface SampleColumns {
  points: readonly SamplePoint[];
  /** Requested layers in request order (hidden composite components are not included). */
  columns: LayerColumn[];
  reasons: string[];
  refs: ProvenanceRef[];
  /** Country and grid zone per point: feature index (−1 = none) and whether strictly inside (1) or same-cell (0). */
  country: Int32Array;
  countryInside: Uint8Array;
  gridZone: Int32Array;
  gridZoneInside: Uint8Array;
}

const OFF_GRID = "No land cell of the 0.25° analysis grid here (at sea, or an islet smaller than the grid resolves).";
const ANTARCTICA = "Antarctica is outside the analysis grid.";
const NO_SOURCE_VALUE = "The source has no value at this location.";

/** Rounds for display without losing what the data can support. */
export function roundValue(v: number): number {
  const a = Math.abs(v);
  const f = a >= 100 ? 1 : a >= 10 ? 10 : a >= 1 ? 100 : 1000;
  return Math.round(v * f) / f;
}

/** Shares reason strings and provenance records so 100,000 points share a few hundred of them. */
class Tables {
  readonly reasons: string[] = [];
  readonly refs: ProvenanceRef[] = [];
  private readonly reasonIndex = new Map<string, number>();
  reason(text: string): number {
    let i = this.reasonIndex.get(text);
    if (i === undefined) this.reasonIndex.set(text, (i = this.reasons.push(text) - 1));
    return i;
  }
  /** Adds a provenance record (callers cache the index, so each record is added once). */
  add(ref: ProvenanceRef): number {
    return this.refs.push(ref) - 1;
  }
}

/**
 * What every layer needs of the points, computed once per call: the four cell centres around each
 * point with their bilinear weights, and where each point falls in the polygon sets.
 */
interface PointGeometry {
  lat: Float64Array;
  lon: Float64Array;
  /** Land-cell numbers of the four surrounding cell centres per point (−1 = not land), 4 per point. */
  neighbour: Int32Array;
  weight: Float64Array;
  countries: Located;
  zones: Located;
  subdivisions: Located;
}

/** Where each point fell in one polygon set: feature index (−1 = none) and whether strictly inside. */
interface Located { index: Int32Array; inside: Uint8Array }

function pointGeometry(store: LayerStore, points: readonly SamplePoint[], needSubdivisions: boolean): PointGeometry {
  const n = points.length;
  const g = store.grid;
  const lat = new Float64Array(n), lon = new Float64Array(n);
  const neighbour = new Int32Array(4 * n), weight = new Float64Array(4 * n);
  const located = () => ({ index: new Int32Array(n).fill(-1), inside: new Uint8Array(n) });
  const countries = located(), zones = located(), subdivisions = needSubdivisions ? located() : { index: new Int32Array(0), inside: new Uint8Array(0) };
  const set = (l: Located, i: number, r: LocateResult | null) => {
    if (!r) return;
    l.index[i] = r.index;
    l.inside[i] = r.how === "inside" ? 1 : 0;
  };
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    lat[i] = p.lat;
    lon[i] = p.lon;
    const fx = (p.lon - g.west) / g.cellDeg - 0.5, fy = (g.north - p.lat) / g.cellDeg - 0.5;
    const c0 = Math.floor(fx), r0 = Math.floor(fy);
    const tx = fx - c0, ty = fy - r0;
    for (let k = 0; k < 4; k++) {
      const r = r0 + (k >> 1);
      const c = (((c0 + (k & 1)) % g.ncols) + g.ncols) % g.ncols;
      neighbour[4 * i + k] = r < 0 || r >= g.nrows ? -1 : g.landIndexOfCell[r * g.ncols + c]!;
      weight[4 * i + k] = (k & 1 ? tx : 1 - tx) * (k >> 1 ? ty : 1 - ty);
    }
    const c = store.polygons.countries.locate(p.lat, p.lon);
    set(countries, i, c);
    set(zones, i, store.polygons.zones.locate(p.lat, p.lon));
    if (needSubdivisions) {
      // Inside an unsplit country, the subdivisions feature is that same country outline.
      const same = c?.how === "inside" ? store.subdivisionOfCountry[c.index]! : -1;
      if (same >= 0) {
        subdivisions.index[i] = same;
        subdivisions.inside[i] = 1;
      } else set(subdivisions, i, store.polygons.subdivisions.locate(p.lat, p.lon));
    }
  }
  return { lat, lon, neighbour, weight, countries, zones, subdivisions };
}

/** Why point i has no grid value: off the land grid, in Antarctica, or the layer's own reason. */
function missingGridReason(store: LayerStore, geo: PointGeometry, i: number, modelNoValue: string | null, nodataReason?: string): string {
  const nb = geo.neighbour;
  const noLand = nb[4 * i]! < 0 && nb[4 * i + 1]! < 0 && nb[4 * i + 2]! < 0 && nb[4 * i + 3]! < 0;
  if (noLand && store.grid.landIndexAt(geo.lat[i]!, geo.lon[i]!) < 0) {
    const c = geo.countries.index[i]!;
    return c >= 0 && store.polygons.countries.features[c]!.key === "ATA" ? ANTARCTICA : OFF_GRID;
  }
  return nodataReason ?? modelNoValue ?? NO_SOURCE_VALUE;
}

type ColumnFiller = (geo: PointGeometry, col: LayerColumn) => void;

/** Fills a model layer's column from its (already filled) input columns; `reason` interns a text. */
export type ColumnCombiner = (inputs: LayerColumn[], col: LayerColumn, reason: (text: string) => number) => void;

/** What the caller supplies for layers the store cannot read by itself. */
export interface SampleOptions {
  /** The per-land-cell grid of a grid or model layer (stored layers: the store's own). */
  gridOf(layer: LayerMeta): Float32Array;
  /** For a model layer combined at the point from its `storage.inputs`, how; null = interpolate its grid. */
  combinerOf(layer: LayerMeta): ColumnCombiner | null;
  /** Reason for a model cell without a value. */
  modelNoValue: string;
}

/** Sampling of stored layers only (a model layer throws: use server/siting/modelLayers.ts). */
export const STORED_LAYERS_ONLY: SampleOptions = {
  gridOf(layer) {
    if (layer.storage.kind === "model") throw new Error(`${layer.id} is a model layer: sample it through server/siting/modelLayers.ts`);
    throw new Error(`${layer.id}: no grid reader given`);
  },
  combinerOf: () => null,
  modelNoValue: "No value from the model here.",
};

/**
 * A grid or model layer, bilinear (never blending in non-land or missing cells: their weight is
 * dropped) or nearest cell, in one loop over the points.
 */
function gridFiller(store: LayerStore, layer: LayerMeta, interpolation: "bilinear" | "nearest", t: Tables, opts: SampleOptions): ColumnFiller {
  const values = layer.storage.kind === "grid" ? store.gridValues(layer.id) : opts.gridOf(layer);
  const modelNoValue = layer.storage.kind === "model" ? opts.modelNoValue : null;
  const categorical = layer.valueType === "categorical";
  const codeToIndex = new Map((layer.categories ?? []).map((c, k) => [c.code, k]));
  const grid = store.grid;
  return (geo, col) => {
    const { neighbour: nb, weight: w, lat, lon } = geo;
    const n = lat.length;
    for (let i = 0; i < n; i++) {
      let v: number;
      if (interpolation === "bilinear") {
        let sum = 0, wsum = 0;
        for (let k = 4 * i; k < 4 * i + 4; k++) {
          const li = nb[k]!;
          if (li < 0) continue;
          const x = values[li]!;
          if (x !== x) continue;
          sum += x * w[k]!;
          wsum += w[k]!;
        }
        v = wsum > 0 ? sum / wsum : grid.nearest(values, lat[i]!, lon[i]!);
      } else v = grid.nearest(values, lat[i]!, lon[i]!);
      if (v !== v) {
        col.reason[i] = t.reason(missingGridReason(store, geo, i, modelNoValue, layer.nodataReason)); // rare: a handful of interned strings
        continue;
      }
      if (categorical) {
        const k = codeToIndex.get(v);
        if (k === undefined) col.reason[i] = t.reason(`Unknown category code ${v}.`);
        else col.category[i] = k;
        continue;
      }
      col.numeric[i] = v;
    }
  };
}

const OUTLINE: Record<PolygonSetId, string> = { countries: "country", zones: "Electricity Maps grid zone", subdivisions: "country or state/province" };

/**
 * Fills a polygon layer's column from the points' already-located features: one tight loop per
 * layer over shared arrays, so a country or zone layer costs about a millisecond per 100,000 points.
 */
function polygonColumnFiller(store: LayerStore, layer: LayerMeta, set: PolygonSetId, t: Tables): (located: Located, col: LayerColumn) => void {
  const values = store.polygonValues(layer.id);
  const features = store.polygons[set].features;
  const categoryOf = new Map((layer.categories ?? []).map((c, k) => [c.key, k]));
  const outside = t.reason(`The point is not inside any ${OUTLINE[set]} outline (at sea?).`);
  // Each feature's value resolved once (number, category index, or why it is missing).
  const n = features.length;
  const featureNumeric = new Float64Array(n).fill(NaN);
  const featureCategory = new Int16Array(n).fill(-1);
  const featureMissing: (string | null)[] = new Array<string | null>(n).fill(null);
  for (let fi = 0; fi < n; fi++) {
    const v = values[fi]!.value;
    if (v === null) featureMissing[fi] = values[fi]!.reason ?? "No value for this feature.";
    else if (typeof v === "number") {
      featureNumeric[fi] = v;
      featureCategory[fi] = categoryOf.get(String(v)) ?? -1;
    } else {
      const k = categoryOf.get(v);
      if (k === undefined) featureMissing[fi] = `Unknown category "${v}".`;
      else featureCategory[fi] = k;
    }
  }
  // Per feature: the interned provenance record (×2 for inside / same-cell) and reason, built once.
  const refCache = new Int32Array(n * 2).fill(-1);
  const reasonCache = new Int32Array(n).fill(-1);
  return ({ index, inside }, col) => {
    for (let i = 0; i < index.length; i++) {
      const fi = index[i]!;
      if (fi < 0) {
        col.reason[i] = outside;
        continue;
      }
      const slot = fi * 2 + inside[i]!;
      let ref = refCache[slot]!;
      if (ref < 0) {
        const f = features[fi]!, pv = values[fi]!;
        const record: ProvenanceRef = { kind: "feature", set, key: f.key, name: f.name, match: inside[i] ? "inside" : "same-cell", year: pv.year, source: pv.source };
        if (pv.note) record.note = pv.note;
        if (pv.url) record.url = pv.url;
        if (pv.citation) record.citation = pv.citation;
        if (pv.confidence) record.confidence = pv.confidence;
        if (pv.quality && pv.quality !== layer.quality) record.quality = pv.quality;
        ref = refCache[slot] = t.add(record);
      }
      col.ref[i] = ref;
      const missing = featureMissing[fi] ?? null;
      if (missing !== null) {
        if (reasonCache[fi]! < 0) reasonCache[fi] = t.reason(missing);
        col.reason[i] = reasonCache[fi]!;
        continue;
      }
      col.numeric[i] = featureNumeric[fi]!;
      col.category[i] = featureCategory[fi]!;
    }
  };
}

/** A point layer: the distance to the nearest point of its set (filtered by its `where`), with that point as provenance. */
function pointFiller(store: LayerStore, storage: Extract<LayerMeta["storage"], { kind: "points" }>, t: Tables): ColumnFiller {
  const set = store.pointsOfLayer(storage);
  const empty = t.reason("The point set is empty.");
  const refCache = new Int32Array(set.points.length).fill(-1);
  const u = new UnitVector();
  return (geo, col) => {
    const { lat, lon } = geo;
    const index = set.index;
    for (let i = 0; i < lat.length; i++) {
      const hit = index.nearestIndex(lat[i]!, lon[i]!, u.set(lat[i]!, lon[i]!));
      if (hit < 0) {
        col.reason[i] = empty;
        continue;
      }
      col.numeric[i] = index.lastKm;
      if (refCache[hit]! < 0) {
        const p = set.points[hit]!;
        const detail = set.detail(hit);
        refCache[hit] = t.add({ kind: "nearest", id: p.id, name: p.name, lat: p.lat, lon: p.lon, ...(detail ? { detail } : {}) });
      }
      col.ref[i] = refCache[hit]!;
    }
  };
}

/**
 * A column for `layer`. Category, provenance and note indexes get their own arrays only when the
 * layer can fill them (categories; polygon or point storage; a note on a model value, such as the composite risk's driver); other
 * layers share one read-only array of −1s per call, which saves most of the allocation for 100,000
 * points × 40 layers.
 */
function newColumn(layer: LayerMeta, n: number, none: { i16: Int16Array; i32: Int32Array }): LayerColumn {
  const kind = layer.storage.kind;
  const combined = kind === "model";
  return {
    id: layer.id,
    layer,
    numeric: new Float64Array(n).fill(NaN),
    category: layer.categories ? new Int16Array(n).fill(-1) : none.i16,
    reason: new Int16Array(n).fill(-1),
    ref: kind === "polygon" || kind === "points" ? new Int32Array(n).fill(-1) : none.i32,
    note: combined ? new Int16Array(n).fill(-1) : none.i16,
  };
}

/**
 * Samples `layerIds` at every point into columns. Unknown ids throw: callers validate ids first.
 * The points' surrounding cells and their country, zone and (when a layer needs it) subdivision
 * are found once; then each layer fills its column in one loop over the points — grid and model
 * layers bilinearly, point layers by nearest-point search, polygon layers from the located features,
 * layers listed as missing with their reason, and combined model layers from their (already filled) inputs.
 */
export function sampleColumns(store: LayerStore, points: readonly SamplePoint[], layerIds: readonly string[], opts: SampleOptions = STORED_LAYERS_ONLY): SampleColumns {
  const n = points.length;
  const t = new Tables();
  /** Column fills, in registration order (a composite's components come before it). */
  const fills: { col: LayerColumn; fill: ColumnFiller }[] = [];
  let needSubdivisions = false;
  const byId = new Map<string, LayerColumn>();
  const none = { i16: new Int16Array(n).fill(-1), i32: new Int32Array(n).fill(-1) };
  const add = (id: string): LayerColumn => {
    const existing = byId.get(id);
    if (existing) return existing;
    const layer = store.layer(id);
    if (!layer) throw new Error(`unknown layer ${id}`);
    const s = layer.storage;
    const col = newColumn(layer, n, none);
    byId.set(id, col);
    if (layer.quality === "missing") {
      const reason = t.reason(layer.missingReason ?? "This layer has no data.");
      fills.push({ col, fill: () => col.reason.fill(reason) });
    } else if (s.kind === "grid") fills.push({ col, fill: gridFiller(store, layer, s.interpolation, t, opts) });
    else if (s.kind === "polygon") {
      const fill = polygonColumnFiller(store, layer, s.polygonSet, t);
      const set = s.polygonSet;
      if (set === "subdivisions") needSubdivisions = true;
      fills.push({ col, fill: (geo) => fill(geo[set], col) });
    } else if (s.kind === "points") fills.push({ col, fill: pointFiller(store, s, t) });
    else {
      const combine = opts.combinerOf(layer);
      if (combine) {
        // The inputs are sampled first (they are registered before this column's fill).
        const parts = s.inputs.map((inputId) => add(inputId));
        fills.push({ col, fill: () => combine(parts, col, (text) => t.reason(text)) });
      } else fills.push({ col, fill: gridFiller(store, layer, "bilinear", t, opts) });
    }
    return col;
  };
  const columns = [...new Set(layerIds)].map(add);
  const geo = pointGeometry(store, points, needSubdivisions);
  for (const { col, fill } of fills) fill(geo, col);
  return { points, columns, reasons: t.reasons, refs: t.refs, country: geo.countries.index, countryInside: geo.countries.inside, gridZone: geo.zones.index, gridZoneInside: geo.zones.inside };
}


/** One value as the API returns it. */
export interface SampledValue {
  /** A number in the layer's unit, or the category key for categorical layers; null when missing. */
  value: number | string | null;
  quality: Quality;
  reason?: string;
  /** Category label for categorical and ordinal layers. */
  label?: string;
  /** Index into the response's `refs`: the country or zone the value belongs to (with year and source) or the nearest point. */
  ref?: number;
  /** A note on this value (e.g. which component drives a composite). */
  note?: string;
}

export interface PointSample {
  lat: number;
  lon: number;
  /** The country and grid zone of the point (shared objects, so repeated places cost nothing). */
  country: { key: string; name: string; iso3: string | null; iso2: string | null; match: "inside" | "same-cell" } | null;
  gridZone: { key: string; name: string; match: "inside" | "same-cell" } | null;
  /** @deprecated since 0.2: the same object as `gridZone` (README, "Deprecated API names"). */
  zone: PointSample["gridZone"];
  /** Values aligned with the response's `layers` array. */
  values: SampledValue[];
}

function valueObject(col: LayerColumn, i: number, reasons: string[], refs: ProvenanceRef[]): SampledValue {
  const layer = col.layer;
  const r = col.reason[i]!, ref = col.ref[i]!;
  let v: SampledValue;
  if (r >= 0) v = { value: null, quality: "missing", reason: reasons[r]! };
  else {
    // A value's own quality (a layer mixing observed and proxy sources) wins over the layer's.
    const record = ref >= 0 ? refs[ref] : undefined;
    const quality = (record?.kind === "feature" && record.quality) || layer.quality;
    const c = col.category[i]!;
    if (c >= 0) {
      const cat = layer.categories![c]!;
      v = { value: layer.valueType === "categorical" ? cat.key : col.numeric[i]!, quality, label: cat.label };
    } else v = { value: roundValue(col.numeric[i]!), quality };
  }
  if (ref >= 0) v.ref = ref;
  if (col.note[i]! >= 0) v.note = reasons[col.note[i]!]!;
  return v;
}

/**
 * Turns columns into per-point objects: values aligned with `layers`, provenance by reference.
 * Values fully determined by a shared record (a country's or zone's value, a category, a missing
 * reason) are one shared immutable object, so 100,000 points do not allocate millions of copies.
 */
export function toPointSamples(store: LayerStore, cols: SampleColumns): PointSample[] {
  const countries = store.polygons.countries.features, zones = store.polygons.zones.features;
  const countryObjects = new Map<number, PointSample["country"]>();
  const zoneObjects = new Map<number, PointSample["gridZone"]>();
  const shared = cols.columns.map(() => new Map<number, SampledValue>());
  // A polygon value is fully determined by its provenance record: cached by ref index in a dense array.
  const byRef = cols.columns.map(() => new Array<SampledValue | undefined>(cols.refs.length));
  const isPolygon = cols.columns.map((c) => c.layer.storage.kind === "polygon");
  const out: PointSample[] = new Array(cols.points.length);
  for (let i = 0; i < cols.points.length; i++) {
    const values: SampledValue[] = new Array(cols.columns.length);
    for (let k = 0; k < cols.columns.length; k++) {
      const col = cols.columns[k]!;
      const polygon = isPolygon[k]!;
      if (polygon && col.ref[i]! >= 0) {
        const cache = byRef[k]!, ref = col.ref[i]!;
        values[k] = cache[ref] ??= valueObject(col, i, cols.reasons, cols.refs);
        continue;
      }
      // Key of a shareable value: the reason or the category.
      const key = col.reason[i]! >= 0 ? -1 - col.reason[i]! - (col.ref[i]! + 1) * 1e6
        : col.category[i]! >= 0 && !polygon && col.note[i]! < 0 ? 1e9 + col.category[i]! : null;
      if (key === null) {
        values[k] = valueObject(col, i, cols.reasons, cols.refs);
        continue;
      }
      let v = shared[k]!.get(key);
      if (!v) shared[k]!.set(key, (v = valueObject(col, i, cols.reasons, cols.refs)));
      values[k] = v;
    }
    const ci = cols.country[i]!, zi = cols.gridZone[i]!;
    const ckey = ci * 2 + cols.countryInside[i]!, zkey = zi * 2 + cols.gridZoneInside[i]!;
    let country = countryObjects.get(ckey);
    if (country === undefined) {
      const f = ci >= 0 ? countries[ci]! : null;
      country = f ? { key: f.key, name: f.name, iso3: (f.props.iso3 as string | null) ?? null, iso2: (f.props.iso2 as string | null) ?? null, match: cols.countryInside[i] ? "inside" : "same-cell" } : null;
      countryObjects.set(ckey, country);
    }
    let zone = zoneObjects.get(zkey);
    if (zone === undefined) {
      const f = zi >= 0 ? zones[zi]! : null;
      zone = f ? { key: f.key, name: f.name, match: cols.gridZoneInside[i] ? "inside" : "same-cell" } : null;
      zoneObjects.set(zkey, zone);
    }
    out[i] = { lat: cols.points[i]!.lat, lon: cols.points[i]!.lon, country, gridZone: zone, zone, values };
  }
  return out;
}
