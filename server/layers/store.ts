/**
 * The loaded layer data: manifest, land grid, polygon indexes, point indexes and per-land-cell
 * values, read from data/layers (about 28 MB, tens of milliseconds) and kept. Data access only:
 * model layers are computed from these inputs by server/siting/modelLayers.ts, which is given the
 * store; `cacheDir` says where such derived grids may be kept on disk.
 */
import type { FeatureCollection } from "geojson";
import { polygonSetIds, type LayerMeta, type LayerStorage, type Manifest, type PolygonSetId, type PolygonValue } from "@/data/schema/manifest";
import { fromPointTable, type PointTable } from "@/data/lib/pointTable";
import { decodeToFloat, readArrayFile, readJsonFile, readManifest } from "./files";
import { LandGrid } from "./landGrid";
import { NearestIndex } from "./nearestIndex";
import { pointDetail } from "./pointDetail";
import { PolygonIndex } from "./polygonIndex";

export type PointFilter = NonNullable<Extract<LayerStorage, { kind: "points" }>["where"]>;

export interface StoredPoint { id: string; name: string; lat: number; lon: number; [k: string]: unknown }

export interface PointSet {
  id: string;
  points: StoredPoint[];
  index: NearestIndex<StoredPoint>;
  /** What point i's own attributes say (capacity and fuel, population), formatted once and kept. */
  detail(i: number): string | undefined;
}

function pointSetOf(id: string, points: StoredPoint[]): PointSet {
  const details = new Map<number, string | undefined>();
  return {
    id, points, index: new NearestIndex(points),
    detail(i) {
      if (!details.has(i)) details.set(i, pointDetail(points[i]!));
      return details.get(i);
    },
  };
}

export type { PolygonSetId };

export class LayerStore {
  readonly grid: LandGrid;
  readonly polygons: Record<PolygonSetId, PolygonIndex>;
  /**
   * Per country feature, the index of the same country in the subdivisions set, or −1 where the
   * country is split into subdivisions there (US, BR, CA, AU by Natural Earth; CN, DE, IE, JP, MY,
   * NL, TW by proxied power-market regions, whose `country_remainder` feature keeps the country's
   * key but not its outline). Both sets carry the identical Natural Earth outline only for a
   * `country` feature, so only a point inside one of those needs no second lookup.
   */
  readonly subdivisionOfCountry: Int32Array;
  private readonly layersById: Map<string, LayerMeta>;
  private readonly gridCache = new Map<string, Float32Array>();
  private readonly auxCache = new Map<string, Float32Array>();
  private readonly polygonCache = new Map<string, PolygonValue[]>();
  private readonly pointCache = new Map<string, PointSet>();

  constructor(readonly dir: string, readonly manifest: Manifest, readonly cacheDir: string | null = null) {
    this.grid = new LandGrid(manifest.grid, readArrayFile(dir, manifest.grid.landMask) as Uint8Array);
    const poly = (id: PolygonSetId) => {
      const meta = manifest.polygonSets.find((p) => p.id === id);
      if (!meta) throw new Error(`manifest has no polygon set "${id}"`);
      return new PolygonIndex(
        readJsonFile<FeatureCollection>(dir, meta.geometry),
        this.grid,
        readArrayFile(dir, meta.cellFeature) as Uint16Array,
        readArrayFile(dir, meta.cellPure) as Uint8Array,
      );
    };
    this.polygons = Object.fromEntries(polygonSetIds.map((id) => [id, poly(id)])) as Record<PolygonSetId, PolygonIndex>;
    const subdivisionByKey = new Map(this.polygons.subdivisions.features.map((f, i) => [f.key, f.props.level === "country" ? i : -1]));
    this.subdivisionOfCountry = Int32Array.from(this.polygons.countries.features, (f) => subdivisionByKey.get(f.key) ?? -1);
    this.layersById = new Map(manifest.layers.map((l) => [l.id, l]));
  }

  /** Loads `dir`; derived grids (model layers, cooling) may be cached under `cacheDir` when given. */
  static load(dir: string, cacheDir: string | null = null): LayerStore {
    return new LayerStore(dir, readManifest(dir), cacheDir);
  }

  get layers(): LayerMeta[] {
    return this.manifest.layers;
  }

  layer(id: string): LayerMeta | undefined {
    return this.layersById.get(id);
  }

  private fractionCache: Float32Array | null = null;

  /** Land fraction (0–1, in sixteenths) of each land cell: coastal cells are partly sea. */
  landFraction(): Float32Array {
    this.fractionCache ??= decodeToFloat(this.manifest.grid.landFraction, readArrayFile(this.dir, this.manifest.grid.landFraction));
    return this.fractionCache;
  }

  /** Per-land-cell values of a model input (aux grid), NaN where missing. */
  aux(id: string): Float32Array {
    let values = this.auxCache.get(id);
    if (!values) {
      const meta = this.manifest.auxGrids.find((a) => a.id === id);
      if (!meta) throw new Error(`manifest has no auxiliary grid "${id}"`);
      values = decodeToFloat(meta.file, readArrayFile(this.dir, meta.file));
      this.auxCache.set(id, values);
    }
    return values;
  }

  /** Per-feature values of a polygon layer, parallel to its polygon set's features. */
  polygonValues(layerId: string): PolygonValue[] {
    let values = this.polygonCache.get(layerId);
    if (!values) {
      const layer = this.layersById.get(layerId);
      if (layer?.storage.kind !== "polygon") throw new Error(`${layerId} is not a polygon layer`);
      values = readJsonFile<PolygonValue[]>(this.dir, layer.storage.values);
      this.polygonCache.set(layerId, values);
    }
    return values;
  }

  /** Per-land-cell values of a stored grid layer (NaN = no value). Model layers: server/siting/modelLayers.ts. */
  gridValues(layerId: string): Float32Array {
    let values = this.gridCache.get(layerId);
    if (values) return values;
    const layer = this.layersById.get(layerId);
    if (!layer) throw new Error(`unknown layer ${layerId}`);
    const s = layer.storage;
    if (s.kind !== "grid") throw new Error(`${layerId} is a ${s.kind} layer, not a stored grid`);
    values = decodeToFloat(s.file, readArrayFile(this.dir, s.file));
    this.gridCache.set(layerId, values);
    return values;
  }

  /** A point set, or the part of it a point layer's `where` keeps (e.g. plants of ≥ 500 MW), with its nearest-point index. */
  pointSet(id: string, where?: PointFilter): PointSet {
    const key = where ? `${id}|${where.field}>=${where.atLeast}` : id;
    let set = this.pointCache.get(key);
    if (!set) {
      let points: StoredPoint[];
      if (where) {
        points = this.pointSet(id).points.filter((p) => typeof p[where.field] === "number" && (p[where.field] as number) >= where.atLeast);
      } else {
        const meta = this.manifest.pointSets.find((p) => p.id === id);
        if (!meta) throw new Error(`manifest has no point set "${id}"`);
        points = fromPointTable<StoredPoint>(readJsonFile<PointTable>(this.dir, meta.file));
      }
      set = pointSetOf(id, points);
      this.pointCache.set(key, set);
    }
    return set;
  }

  /** The points a point layer measures to (its point set, filtered by its `where`). */
  pointsOfLayer(storage: Extract<LayerStorage, { kind: "points" }>): PointSet {
    return this.pointSet(storage.pointSet, storage.where);
  }
}

let store: LayerStore | null = null;

/** The process-wide store, loaded on first use. */
export function getLayerStore(dir: string, cacheDir: string | null): LayerStore {
  if (!store || store.dir !== dir) store = LayerStore.load(dir, cacheDir);
  return store;
}
