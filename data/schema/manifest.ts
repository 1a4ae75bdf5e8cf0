/**
 * The contract between the data pipeline (writer) and the layer service (reader): the layout of
 * `data/layers/manifest.json`. One schema, used by both sides and by the tests that check the
 * committed files.
 */
import { z } from "zod";

export const layerCategories = ["risk", "carbon", "cooling", "water", "sovereignty", "connectivity", "access", "power", "renewables", "market"] as const;
export const LayerCategory = z.enum(layerCategories);
export type LayerCategory = z.infer<typeof LayerCategory>;

/** How trustworthy a value is as a description of the place (DESIGN.md §2). */
export const Quality = z.enum(["observed", "modelled", "proxy", "missing"]);
export type Quality = z.infer<typeof Quality>;

/** The quality of a present value: any quality but "missing". */
export const ValueQuality = Quality.exclude(["missing"]);
export type ValueQuality = z.infer<typeof ValueQuality>;

/**
 * Polygon sets a layer's values can belong to:
 * - `countries`: Natural Earth admin-0 (every land cell has one);
 * - `zones`: Electricity Maps grid zones;
 * - `subdivisions`: the finest administrative unit available per place — first-level subdivisions
 *   (states, provinces, territories) where Natural Earth 1:50m admin-1 has them (US incl. DC, Brazil,
 *   Canada, Australia), the whole country elsewhere. Covers every land cell exactly like `countries`,
 *   so a layer with sub-national values for some countries is still one polygon layer on one set.
 */
export const polygonSetIds = ["countries", "zones", "subdivisions"] as const;
export const PolygonSetId = z.enum(polygonSetIds);
export type PolygonSetId = z.infer<typeof PolygonSetId>;

/** Which way is better for a site: used for default value functions and legends. */
export const Direction = z.enum(["lower_is_better", "higher_is_better", "categorical"]);
export type Direction = z.infer<typeof Direction>;

export const SourceMeta = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/),
  title: z.string(),
  publisher: z.string(),
  /** The original publisher's URL, so a person with internet can refresh the data. */
  url: z.url(),
  /** Where our raw copy came from (repository@commit path or package@version file). */
  origin: z.string(),
  license: z.string(),
  licenseUrl: z.url().optional(),
  nonCommercial: z.boolean(),
  shareAlike: z.boolean(),
  /** Period or release the values describe, e.g. "1979–2014 (ERA-Interim)", "2025". */
  vintage: z.string(),
  resolution: z.string(),
  /** The attribution line the license asks for. */
  attribution: z.string(),
  /** Raw files read, relative to the raw folder, with their SHA-256. */
  files: z.array(z.object({ path: z.string(), sha256: z.string().length(64) })),
  caveats: z.string().optional(),
});
export type SourceMeta = z.infer<typeof SourceMeta>;

/** A binary array file in `data/layers/`: little-endian, one value per land cell (or per feature). */
export const ArrayFile = z.object({
  path: z.string(),
  dtype: z.enum(["int16", "uint16", "uint8", "float32", "int32", "uint32"]),
  length: z.number().int().nonnegative(),
  /** value = stored × scale + offset; `nodata` is the stored integer that means "no value". */
  scale: z.number().default(1),
  offset: z.number().default(0),
  nodata: z.number().nullable().default(null),
  sha256: z.string().length(64),
});
export type ArrayFile = z.infer<typeof ArrayFile>;

export const JsonFile = z.object({ path: z.string(), sha256: z.string().length(64), bytes: z.number().int() });
export type JsonFile = z.infer<typeof JsonFile>;

export const CategoryKey = z.object({ code: z.number().int(), key: z.string(), label: z.string(), color: z.string().optional() });
export type CategoryKey = z.infer<typeof CategoryKey>;

/**
 * Where a layer's values live:
 * - `grid`: one value per land cell of the analysis grid (bilinear or nearest sampling);
 * - `polygon`: one value per feature of a polygon set (countries, grid zones, subdivisions), looked up by point-in-polygon;
 * - `points`: derived at sample time from a point set (e.g. distance to the nearest cloud region);
 * - `model`: computed by a documented model in server/models from other layers.
 */
export const LayerStorage = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("grid"), file: ArrayFile, interpolation: z.enum(["bilinear", "nearest"]) }),
  z.object({
    kind: z.literal("polygon"),
    polygonSet: PolygonSetId,
    /** JSON array of `PolygonValue`, parallel to the polygon set's feature order. */
    values: JsonFile,
  }),
  z.object({
    kind: z.literal("points"),
    pointSet: z.string(),
    measure: z.enum(["nearest_km"]),
    /** Only the points whose numeric `field` is at least `atLeast` (e.g. plants of ≥ 500 MW). */
    where: z.object({ field: z.string(), atLeast: z.number() }).optional(),
  }),
  z.object({ kind: z.literal("model"), model: z.string(), inputs: z.array(z.string()) }),
]);
export type LayerStorage = z.infer<typeof LayerStorage>;

export const LayerMeta = z.object({
  id: z.string().regex(/^[a-z]+\.[a-z0-9_]+$/),
  title: z.string(),
  /** One line for legends and the layer panel. */
  description: z.string(),
  /** Method, limitations and what would replace a proxy. */
  method: z.string(),
  category: LayerCategory,
  unit: z.string(),
  direction: Direction,
  quality: Quality,
  /** Human-readable resolution, e.g. "0.25° grid (source 0.75°)", "country", "Electricity Maps zone". */
  resolution: z.string(),
  vintage: z.string(),
  sources: z.array(z.string()),
  valueType: z.enum(["continuous", "categorical", "ordinal"]),
  categories: z.array(CategoryKey).optional(),
  /** Legend domain [min, max] (or more stops) for continuous layers, in the layer's unit. */
  domain: z.array(z.number()).min(2).optional(),
  /** Name of a d3-scale-chromatic-like ramp implemented in server/layers/legend.ts. */
  ramp: z.string(),
  storage: LayerStorage,
  /** Layers with no usable data are listed (quality "missing") with a reason rather than faked. */
  missingReason: z.string().optional(),
  /** Why a land cell of a grid layer can have no value (shown as the reason of a missing value). */
  nodataReason: z.string().optional(),
});
export type LayerMeta = z.infer<typeof LayerMeta>;

/**
 * One polygon feature's value with its own provenance: a zone or country value carries its year and
 * source; a missing value carries the reason.
 */
export const PolygonValue = z.object({
  key: z.string(),
  /** Number, or the category key for categorical layers; null when missing. */
  value: z.union([z.number(), z.string()]).nullable(),
  year: z.string().nullable(),
  source: z.string().nullable(),
  reason: z.string().optional(),
  note: z.string().optional(),
  /** Citation for this specific value (curated tables): its URL and title. */
  url: z.string().optional(),
  citation: z.string().optional(),
  /** How sure the curator is of this value (curated tables: high, medium, low). */
  confidence: z.enum(["high", "medium", "low"]).optional(),
  /**
   * This value's own quality when it differs from the layer's: a layer that draws on sources of
   * different kinds (e.g. electricity price: observed large-user prices for US states and Europe,
   * a small-business proxy elsewhere) labels each value so users know what they compare.
   */
  quality: ValueQuality.optional(),
});
export type PolygonValue = z.infer<typeof PolygonValue>;

export const PolygonSetMeta = z.object({
  id: PolygonSetId,
  title: z.string(),
  /** GeoJSON FeatureCollection with `properties.key` and `properties.name`. */
  geometry: JsonFile,
  /** Feature keys in the order used by per-feature arrays. */
  keys: JsonFile,
  /** Majority feature per land cell (index into keys; nodata = none) and whether the cell is pure. */
  cellFeature: ArrayFile,
  cellPure: ArrayFile,
  sources: z.array(z.string()),
});
export type PolygonSetMeta = z.infer<typeof PolygonSetMeta>;

export const PointSetMeta = z.object({
  id: z.string(),
  title: z.string(),
  /** JSON array of points `{ id, name, lat, lon, ...attributes }`. */
  file: JsonFile,
  count: z.number().int(),
  sources: z.array(z.string()),
  /** Source records left out, each with the reason (e.g. no coordinates, placeholder location). */
  excluded: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type PointSetMeta = z.infer<typeof PointSetMeta>;

export const GridMeta = z.object({
  /** Cell size in degrees; cells are aligned to whole multiples of it from (west, north). */
  cellDeg: z.number(),
  ncols: z.number().int(),
  nrows: z.number().int(),
  west: z.number(),
  north: z.number(),
  /** Row-major over the full grid (row 0 = northernmost); land cells are numbered in that order. */
  order: z.literal("row-major-north-first"),
  landCells: z.number().int(),
  /** Bitset over all cells (bit i of byte i>>3, LSB first): 1 = land cell. */
  landMask: ArrayFile,
  /** Land-area fraction (0..1 quantised to 1/16) per land cell: subsample coverage by land polygons. */
  landFraction: ArrayFile,
});
export type GridMeta = z.infer<typeof GridMeta>;

/** A gridded model input that is not itself a user-facing layer (e.g. one month of temperature normals). */
export const AuxGrid = z.object({
  id: z.string(),
  title: z.string(),
  unit: z.string(),
  sources: z.array(z.string()),
  file: ArrayFile,
});
export type AuxGrid = z.infer<typeof AuxGrid>;

export const BasemapMeta = z.object({
  path: z.string(),
  sha256: z.string().length(64),
  bytes: z.number().int(),
  minzoom: z.number().int(),
  maxzoom: z.number().int(),
  tiles: z.number().int(),
  /** Tile layers with their feature counts before cutting. */
  layers: z.array(z.object({ id: z.string(), features: z.number().int() })),
  sources: z.array(z.string()),
});
export type BasemapMeta = z.infer<typeof BasemapMeta>;

export const Manifest = z.object({
  schemaVersion: z.literal(1),
  profile: z.enum(["full", "no-nc"]),
  /** Hash of all inputs and the pipeline code version, for report reproducibility footers. */
  inputsHash: z.string(),
  grid: GridMeta,
  polygonSets: z.array(PolygonSetMeta),
  pointSets: z.array(PointSetMeta),
  /** Base-map label points (GeoJSON): countries (with a minimum zoom) and cities of ≥ 1 million. */
  labels: z.object({ countries: JsonFile, cities: JsonFile }),
  /** The regional base map (zoom 5–10): vector tiles in one MBTiles archive (data/pipeline/basemap). */
  basemap: BasemapMeta.optional(),
  auxGrids: z.array(AuxGrid),
  sources: z.array(SourceMeta),
  layers: z.array(LayerMeta),
});
export type Manifest = z.infer<typeof Manifest>;
